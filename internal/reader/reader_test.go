package reader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// result is one call of the callback.
type result struct {
	a   Article
	err error
}

// readAll runs Read and returns every callback, failing on a returned error.
func readAll(t testing.TB, data []byte, name string, f Format) []result {
	t.Helper()
	var got []result
	err := Read(context.Background(), bytes.NewReader(data), name, f, func(a Article, err error) error {
		got = append(got, result{a, err})
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%s) returned %v", name, err)
	}
	return got
}

// readFileAll reads a testdata file with Auto detection.
func readFileAll(t *testing.T, path string) []result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, data, path, Auto)
}

// checkErr checks that err is a *ParseError at file:line:col wrapping want.
func checkErr(t *testing.T, err error, want error, file string, line, col int) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want *ParseError", err, err)
	}
	var se *json.SyntaxError
	if want == errJSONSyntax && !errors.As(err, &se) || want != errJSONSyntax && !errors.Is(err, want) {
		t.Errorf("error %q does not wrap %q", err, want)
	}
	if pe.File != file || pe.Line != line || pe.Col != col {
		t.Errorf("error at %s:%d:%d, want %s:%d:%d (%v)", pe.File, pe.Line, pe.Col, file, line, col, err)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"auto", Auto, false},
		{"text", Text, false},
		{"jsonl", JSONL, false},
		{"JSONL", Auto, true},
		{"xml", Auto, true},
		{"", Auto, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseFormat(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err == nil && got.String() != tt.in {
				t.Errorf("String() = %q, want %q", got.String(), tt.in)
			}
		})
	}
}

func TestParseErrorString(t *testing.T) {
	cause := errors.New("bad thing")
	tests := []struct {
		name string
		err  *ParseError
		want string
	}{
		{"full", &ParseError{File: "a.jsonl", Line: 3, Col: 7, Err: cause}, "a.jsonl:3:7: bad thing"},
		{"no col", &ParseError{File: "a.jsonl", Line: 3, Err: cause}, "a.jsonl:3: bad thing"},
		{"file only", &ParseError{File: "a.jsonl", Err: cause}, "a.jsonl: bad thing"},
		{"nil cause", &ParseError{File: "a", Line: 1}, "a:1: unknown error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if tt.err.Err != nil && !errors.Is(tt.err, cause) {
				t.Error("Unwrap does not reach the cause")
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		want      Article // File and Line are checked against file and 1
		wantErr   error
		line, col int
	}{
		{
			name: "header", file: "iraq-coalition-2024-01-24.txt",
			want: Article{ID: "iraq-coalition-2024-01-24", Date: "2024-01-24",
				Title: "A recent round of attacks against US forces could speed up the coalition's withdrawal."},
		},
		{
			name: "no header", file: "text/no-header.txt",
			want: Article{ID: "no-header", Text: "Protesters gathered outside parliament in Baghdad on Tuesday.\n\nPolice fired water cannon at the crowd."},
		},
		{
			name: "crlf", file: "text/crlf.txt",
			want: Article{ID: "crlf", Date: "2023-05-02", Title: "Talks resume in Geneva",
				Text: "Diplomats from both sides met in Geneva.\n\nThe talks will continue next week."},
		},
		{
			name: "bom", file: "text/bom.txt",
			want: Article{ID: "bom", Date: "2022-11-30", Title: "Ceasefire holds",
				Text: "The ceasefire held for a third day, officials said."},
		},
		{
			name: "date word is body", file: "text/date-word.txt",
			want: Article{ID: "date-word", Text: "date palms grow along the river.\n\nFarmers said the harvest was good."},
		},
		{name: "bad date", file: "text/bad-date.txt", wantErr: ErrInvalidDate, line: 1, col: 6},
		{name: "empty text", file: "text/empty.txt", wantErr: ErrEmptyText, line: 1},
		{name: "invalid utf8", file: "text/invalid-utf8.txt", wantErr: ErrInvalidUTF8, line: 3, col: 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			got := readFileAll(t, path)
			if len(got) != 1 {
				t.Fatalf("got %d records, want 1", len(got))
			}
			a, err := got[0].a, got[0].err
			if tt.wantErr != nil {
				checkErr(t, err, tt.wantErr, path, tt.line, tt.col)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.File, tt.want.Line = path, 1
			if tt.want.Text == "" { // long bodies: check only the ends
				if !strings.HasPrefix(a.Text, "United States and Iraq") || !strings.HasSuffix(a.Text, "attacks on US forces.") {
					t.Errorf("Text = %.40q...%q", a.Text, a.Text[max(0, len(a.Text)-20):])
				}
				tt.want.Text = a.Text
			}
			if a != tt.want {
				t.Errorf("got  %+v\nwant %+v", a, tt.want)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	const mixed = "testdata/jsonl/mixed.jsonl"
	tests := []struct {
		name string
		path string
		want []result // Articles are compared whole; errors by wrapped reason
		pos  [][2]int // line and col of each error, in order
	}{
		{
			name: "all fields and RFC 3339", path: "testdata/jsonl/all-fields.jsonl",
			want: []result{
				{a: Article{ID: "a1", Date: "2024-01-24", Title: "Talks begin", Text: "Iraq and the United States began talks on Wednesday.",
					URL: "https://example.org/a1", Source: "example", Language: "en", Line: 1}},
				{a: Article{ID: "a2", Date: "2024-01-25", Title: "Talks continue", Text: "Talks continued on Thursday.",
					URL: "https://example.org/a2", Source: "example", Language: "en", Line: 2}},
			},
		},
		{
			name: "empty date and no final newline", path: "testdata/jsonl/stream.ndjson",
			want: []result{
				{a: Article{ID: "s1", Text: "No date.", Line: 1}},
				{a: Article{ID: "s2", Text: "No date field.", Line: 2}},
			},
		},
		{
			name: "bad lines in the middle", path: mixed,
			want: []result{
				{a: Article{ID: "m1", Date: "2024-03-01", Title: "First", Text: "The first article.", Line: 1}},
				{err: errJSONSyntax},
				{a: Article{ID: "mixed:5", Date: "2024-03-03", Text: "No id here.", Line: 5}},
				{err: ErrInvalidDate},
				{err: ErrEmptyText},
				{err: ErrInvalidUTF8},
				{err: ErrFieldType},
				{a: Article{ID: "m8", Date: "2024-03-08", Text: "Local time date.", Line: 10}},
			},
			pos: [][2]int{{3, 49}, {6, 19}, {7, 0}, {8, 29}, {9, 7}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readFileAll(t, tt.path)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d records, want %d: %+v", len(got), len(tt.want), got)
			}
			pos := tt.pos
			for i, w := range tt.want {
				g := got[i]
				if w.err == nil {
					if g.err != nil {
						t.Errorf("record %d: unexpected error %v", i, g.err)
						continue
					}
					w.a.File = tt.path
					if g.a != w.a {
						t.Errorf("record %d:\n got  %+v\n want %+v", i, g.a, w.a)
					}
					continue
				}
				checkErr(t, g.err, w.err, tt.path, pos[0][0], pos[0][1])
				if g.a.File != tt.path || g.a.Line != pos[0][0] || g.a.ID == "" {
					t.Errorf("record %d: error article %+v lacks ID, File or Line", i, g.a)
				}
				pos = pos[1:]
			}
		})
	}
}

// errJSONSyntax stands for a *json.SyntaxError in want tables.
var errJSONSyntax = errors.New("want *json.SyntaxError")

func TestReadJSONLErrors(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		wantErr error
		col     int
		msg     string
	}{
		{"bad date", `{"text":"x","date":"2024-02-30"}`, ErrInvalidDate, 20, `invalid date "2024-02-30": day out of range`},
		{"bad date form", `{"text":"x","date":"24/01/2024"}`, ErrInvalidDate, 20, `invalid date "24/01/2024": want YYYY-MM-DD or RFC 3339`},
		{"zone out of range", `{"text":"x","date":"2024-01-24T10:00:00+25:00"}`, ErrInvalidDate, 20, ""},
		{"object text", `{"id":"x", "text": {"a":1}}`, ErrFieldType, 20, `field "text" is an object, want string`},
		{"bool title", `{"text":"x","title":true}`, ErrFieldType, 21, `field "title" is a bool, want string`},
		{"missing text", `{"id":"x"}`, ErrEmptyText, 0, "empty text"},
		{"null line", `null`, ErrEmptyText, 0, ""},
		{"array line", `[1]`, nil, 1, `invalid JSON: got an array, want an object`},
		{"trailing garbage", `{"text":"x"} y`, nil, 14, ""},
		{"truncated", `{"text":"x"`, nil, 11, "invalid JSON: unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, []byte(tt.line+"\n"), "in.jsonl", Auto)
			if len(got) != 1 || got[0].err == nil {
				t.Fatalf("got %+v, want one error", got)
			}
			err := got[0].err
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != 1 || pe.Col != tt.col {
				t.Errorf("error %v, want *ParseError at 1:%d", err, tt.col)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v does not wrap %v", err, tt.wantErr)
			}
			if tt.msg != "" && pe != nil && pe.Err.Error() != tt.msg {
				t.Errorf("message %q, want %q", pe.Err.Error(), tt.msg)
			}
		})
	}
}

func TestReadLongLines(t *testing.T) {
	body := strings.Repeat("word ", 3*bufSize/5) // longer than the read buffer
	in := `{"id":"long","text":"` + body + `"}` + "\n" + `{"id":"after","text":"short"}`
	got := readAll(t, []byte(in), "long.jsonl", Auto)
	if len(got) != 2 || got[0].err != nil || got[0].a.Text != body || got[1].a.ID != "after" {
		t.Fatalf("long line not read whole: %d records", len(got))
	}
	if testing.Short() {
		t.Skip("skipping the 64 MiB line in -short mode")
	}
	huge := append(bytes.Repeat([]byte("x"), MaxRecord+1), "\n"+`{"id":"next","text":"ok"}`+"\n"...)
	got = readAll(t, huge, "huge.jsonl", JSONL)
	if len(got) != 2 {
		t.Fatalf("got %d records, want 2", len(got))
	}
	checkErr(t, got[0].err, ErrTooLong, "huge.jsonl", 1, 0)
	if got[1].err != nil || got[1].a.ID != "next" || got[1].a.Line != 2 {
		t.Errorf("record after the long line: %+v", got[1])
	}
}

func TestReadDetect(t *testing.T) {
	tests := []struct {
		name, file, in string
		f              Format
		wantID         string // of the first record
		wantErr        error
	}{
		{"stdin jsonl", "-", " \n\t{\"id\":\"j\",\"text\":\"x\"}\n", Auto, "j", nil},
		{"stdin jsonl with BOM", "-", "\ufeff{\"id\":\"j\",\"text\":\"x\"}", Auto, "j", nil},
		{"stdin text", "-", "date 2024-01-01 T\n\nBody {not json}.", Auto, "stdin", nil},
		{"stdin empty", "-", "", Auto, "stdin", ErrEmptyText},
		{"empty name is stdin", "", "Body.", Auto, "stdin", nil},
		{"unknown extension jsonl", "feed.dat", `{"id":"d","text":"x"}`, Auto, "d", nil},
		{"unknown extension text", "feed.dat", "Plain text.", Auto, "feed", nil},
		{"txt extension wins", "odd.txt", `{"id":"d","text":"x"}`, Auto, "odd", nil},
		{"forced jsonl", "odd.txt", `{"id":"d","text":"x"}`, JSONL, "d", nil},
		{"forced text", "odd.jsonl", `{"id":"d","text":"x"}`, Text, "odd", nil},
		{"json lines", "testdata/json/lines.json", "", Auto, "j1", nil},
		{"pretty json", "testdata/json/pretty.json", "", Auto, "pretty", ErrNotJSONLines},
		{"json array", "testdata/json/array.json", "", Auto, "array", ErrNotJSONLines},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			if tt.in == "" && strings.HasPrefix(tt.file, "testdata/") {
				var err error
				if in, err = os.ReadFile(tt.file); err != nil {
					t.Fatal(err)
				}
			}
			got := readAll(t, in, tt.file, tt.f)
			if len(got) != 1 {
				t.Fatalf("got %d records, want 1: %+v", len(got), got)
			}
			if got[0].a.ID != tt.wantID {
				t.Errorf("ID = %q, want %q", got[0].a.ID, tt.wantID)
			}
			if (tt.wantErr == nil) != (got[0].err == nil) || (tt.wantErr != nil && !errors.Is(got[0].err, tt.wantErr)) {
				t.Errorf("error %v, want %v", got[0].err, tt.wantErr)
			}
		})
	}
}

func TestReadUnknownFormat(t *testing.T) {
	err := Read(context.Background(), strings.NewReader("x"), "x", Format(9), func(Article, error) error { return nil })
	if err == nil {
		t.Error("Read with Format(9) returned nil")
	}
}

// walkAll runs Walk and returns "file id" for articles and "file: error"
// for errors.
func walkAll(t *testing.T, ctx context.Context, paths []string, stdin string) []string {
	t.Helper()
	var got []string
	err := Walk(ctx, paths, strings.NewReader(stdin), Auto, func(a Article, err error) error {
		if err != nil {
			got = append(got, err.Error())
		} else {
			got = append(got, filepath.ToSlash(a.File)+" "+a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Walk returned %v", err)
	}
	return got
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		stdin string
		want  []string
	}{
		{
			name:  "directory order, recursion, hidden and unknown files skipped",
			paths: []string{"testdata/walk"},
			want: []string{
				"testdata/walk/a.txt a",
				"testdata/walk/b/b.jsonl b1",
				"testdata/walk/b/b.jsonl b2",
				"testdata/walk/b/c/deep.text deep",
				"testdata/walk/z.txt z",
			},
		},
		{
			name:  "arguments in the order given, explicit unknown and hidden files read",
			paths: []string{"testdata/walk/z.txt", "testdata/walk/notes.md", "testdata/walk/.hidden"},
			want: []string{
				"testdata/walk/z.txt z",
				"testdata/walk/notes.md notes",
				"testdata/walk/.hidden/x.txt x",
			},
		},
		{
			name:  "missing file reported, walk goes on",
			paths: []string{"testdata/no-such-file.txt", "testdata/walk/a.txt"},
			want: []string{
				"testdata/no-such-file.txt: no such file or directory",
				"testdata/walk/a.txt a",
			},
		},
		{
			name:  "stdin",
			paths: []string{"-", "testdata/walk/a.txt"},
			stdin: `{"id":"in1","text":"From stdin."}`,
			want:  []string{"- in1", "testdata/walk/a.txt a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := walkAll(t, context.Background(), tt.paths, tt.stdin)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	target, err := filepath.Abs("testdata/walk/b")
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("skipping: cannot make a symbolic link: %v", err)
	}
	// Inside a walk, the link is not followed; named, it is.
	if got := walkAll(t, context.Background(), []string{dir}, ""); len(got) != 0 {
		t.Errorf("walk followed a link inside a directory: %q", got)
	}
	if got := walkAll(t, context.Background(), []string{link}, ""); len(got) != 3 {
		t.Errorf("walk of a named link read %q, want 3 articles", got)
	}
}

func TestWalkMissingIsNotExist(t *testing.T) {
	var got error
	err := Walk(context.Background(), []string{"testdata/missing"}, nil, Auto, func(a Article, err error) error {
		got = err
		if a.File != "testdata/missing" {
			t.Errorf("Article.File = %q", a.File)
		}
		return nil
	})
	if err != nil || !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("Walk = %v, reported %v; want nil and a not-exist error", err, got)
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Walk(context.Background(), []string{"testdata/walk"}, nil, Auto, func(Article, error) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("Walk = %v after %d calls, want stop after 1", err, calls)
	}

	ctx, cancel := context.WithCancel(context.Background())
	calls = 0
	err = Walk(ctx, []string{"testdata/walk", "testdata/jsonl"}, nil, Auto, func(Article, error) error {
		calls++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Walk = %v after %d calls, want context.Canceled after 1", err, calls)
	}

	ctx, cancel = context.WithTimeout(context.Background(), time.Hour)
	cancel()
	err = Read(ctx, strings.NewReader(`{"text":"x"}`), "-", Auto, func(Article, error) error {
		t.Error("fn called after cancel")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancel = %v", err)
	}
}

// wantRecords counts the records in a file independently of the reader: one
// per file for text, one per non-blank line for JSON Lines, and one for a
// .json file that is not JSON Lines (the rejection).
func wantRecords(path string, data []byte) int {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	ext := strings.ToLower(filepath.Ext(path))
	jsonl := ext == ".jsonl" || ext == ".ndjson" || ext == ".json" ||
		(ext != ".txt" && ext != ".text" && len(trimmed) > 0 && trimmed[0] == '{')
	if !jsonl {
		return 1
	}
	if ext == ".json" && len(trimmed) > 0 {
		first, _, _ := bytes.Cut(trimmed, []byte("\n"))
		if trimmed[0] != '{' || len(bytes.TrimRight(first, " \t\r")) == 1 {
			return 1
		}
	}
	n := 0
	for line := range bytes.Lines(data) {
		if len(bytes.Trim(line, " \t\r\n")) > 0 {
			n++
		}
	}
	return n
}

// checkArticle asserts the properties every article has.
func checkArticle(t testing.TB, a Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
		t.Errorf("article %q: Text %q is invalid UTF-8 or blank", a.ID, a.Text)
	}
	if a.Date != "" {
		if _, err := time.Parse("2006-01-02", a.Date); err != nil {
			t.Errorf("article %q: Date %q is not YYYY-MM-DD", a.ID, a.Date)
		}
	}
	if a.Line < 1 || a.ID == "" {
		t.Errorf("article %+v: Line < 1 or empty ID", a)
	}
	for _, s := range []string{a.ID, a.Title, a.URL, a.Source, a.Language} {
		if !utf8.ValidString(s) {
			t.Errorf("article %q: field %q is invalid UTF-8", a.ID, s)
		}
	}
}

// checkError asserts the properties every reported error has.
func checkError(t testing.TB, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 0 || pe.Err == nil {
		t.Errorf("error %v (%T): want *ParseError with Line >= 1", err, err)
	}
}

// TestConformance reads every testdata file: each record yields exactly one
// article or one error (in = out + rejected), with the common properties.
func TestConformance(t *testing.T) {
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			articles, rejected := 0, 0
			for _, r := range readAll(t, data, path, Auto) {
				if r.err != nil {
					rejected++
					checkError(t, r.err)
					continue
				}
				articles++
				checkArticle(t, r.a)
			}
			if want := wantRecords(path, data); articles+rejected != want {
				t.Errorf("%d articles + %d rejected, want %d records", articles, rejected, want)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fuzzNames are the names FuzzRead reads its input under, one per way of
// choosing a format.
var fuzzNames = []string{"-", "f.txt", "f.jsonl", "f.json", "f.dat"}

func FuzzRead(f *testing.F) {
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		for i := range fuzzNames {
			f.Add(data, uint8(i))
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint8) {
		name := fuzzNames[int(n)%len(fuzzNames)]
		articles, rejected := 0, 0
		for _, r := range readAll(t, data, name, Auto) {
			if r.err != nil {
				rejected++
				checkError(t, r.err)
				continue
			}
			articles++
			checkArticle(t, r.a)
		}
		if want := wantRecords(name, data); articles+rejected != want {
			t.Errorf("%s: %d articles + %d rejected, want %d records", name, articles, rejected, want)
		}
	})
}

func TestCompactDates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"160626", "2016-06-26"}, // PETRARCH read this as 2026
		{"991231", "1999-12-31"},
		{"700101", "1970-01-01"},
		{"690101", "2069-01-01"},
		{"20240124", "2024-01-24"},
		{"2024-01-24", "2024-01-24"},
	}
	for _, tc := range tests {
		got, err := parseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"161331", "20241301", "1606"} {
		if _, err := parseDate(bad); err == nil {
			t.Errorf("parseDate(%q): no error", bad)
		}
	}
}
