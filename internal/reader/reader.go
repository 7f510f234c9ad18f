// Package reader turns input files into dated news articles, the first stage
// of the sitrep pipeline. It reads two formats: plain text, one article per
// file, and JSON Lines, one article per line. Bad records are reported as
// *ParseError values with their position, and reading goes on with the next
// record; nothing is dropped silently.
//
// Reading is streaming: memory is bounded by the largest single record
// (MaxRecord), not by the size of the input.
package reader

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// Article is one dated news article.
type Article struct {
	// ID comes from the input. A text file's ID is its base name without
	// extension; a JSON Lines record without an id gets "<base>:<line>";
	// standard input is named "stdin".
	ID string
	// Date is the publication date as YYYY-MM-DD, "" if unknown. It is
	// always a valid calendar date.
	Date string
	// Title is the headline, "" if none was given.
	Title string
	// Text is the body as read: valid UTF-8 and not blank, but not
	// normalised (that is the text stage's job). Text files have \r\n
	// turned into \n and surrounding white space trimmed.
	Text string
	// URL, Source and Language are copied from JSON Lines input; text
	// files leave them empty.
	URL, Source, Language string
	// File is the path the article came from, "-" for standard input.
	File string
	// Line is the 1-based line in File where the article starts: its line
	// for JSON Lines, 1 for text.
	Line int
}

// Format is an input format. The zero value is Auto.
type Format int

// The formats Read understands.
const (
	// Auto picks the format from the file extension (see the format
	// table) and otherwise, and for stdin, from the content: JSON Lines
	// if the first non-space byte within the first 64 KiB is '{', text
	// otherwise.
	Auto Format = iota
	// Text is one article per file, with an optional header line
	// "date YYYY-MM-DD headline" before the body.
	Text
	// JSONL is JSON Lines: one JSON object per line with the string fields
	// id, date, title, text, url, source and language.
	JSONL
)

// formatNames is the one list of format names, indexed by Format.
var formatNames = [...]string{Auto: "auto", Text: "text", JSONL: "jsonl"}

// String returns the name ParseFormat accepts ("auto", "text", "jsonl").
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// ParseFormat returns the Format named s: "auto", "text" or "jsonl". Any
// other name is an error that lists the valid ones.
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if s == name {
			return Format(f), nil
		}
	}
	return Auto, fmt.Errorf("unknown format %q: want one of %s", s, strings.Join(formatNames[:], ", "))
}

// formats maps a file extension (lower case) to the format it holds. It is
// the only list of extensions: Auto consults it, and directory walks read
// only files whose extension is listed here.
var formats = []struct {
	ext    string
	format Format
}{
	{".txt", Text},
	{".text", Text},
	{".jsonl", JSONL},
	{".ndjson", JSONL},
	// A .json file may hold one (pretty-printed) JSON document rather
	// than JSON Lines; Read checks its first line (see sniffJSON).
	{".json", JSONL},
}

// formatOf returns the format listed for the extension of name, and false
// if the extension is not in the table.
func formatOf(name string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range formats {
		if e.ext == ext {
			return e.format, true
		}
	}
	return Auto, false
}

// MaxRecord is the largest record Read accepts: one JSON Lines line, or one
// text file. A larger record is reported as ErrTooLong and skipped.
const MaxRecord = 64 << 20

// bufSize is the read buffer; it is also how far Auto looks ahead.
const bufSize = 64 << 10

// Reasons a record is rejected. A *ParseError wraps one of these, a
// *json.SyntaxError, or an I/O error; test with errors.Is and errors.As.
var (
	ErrInvalidUTF8  = errors.New("invalid UTF-8")
	ErrEmptyText    = errors.New("empty text")
	ErrInvalidDate  = errors.New("invalid date")
	ErrFieldType    = errors.New("field is not a string")
	ErrTooLong      = errors.New("record longer than 64 MiB")
	ErrNotJSONLines = errors.New("not JSON Lines: want one JSON object per line")
)

// ParseError is a rejected record or an unreadable file, with its position.
// Line is 1-based and 0 when the error concerns a whole file that could not
// be opened; Col is a 1-based byte column and 0 when unknown.
type ParseError struct {
	File      string
	Line, Col int
	Err       error
}

// Error formats the error as "file:line:col: msg", leaving out col (and
// line) when 0.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Col))
		}
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the reason, so errors.Is(err, ErrEmptyText) works.
func (e *ParseError) Unwrap() error { return e.Err }

// Read reads every article from r and calls fn once per record, in input
// order: with the Article and a nil error, or with a *ParseError and an
// Article holding what could be decoded, at least ID, File and Line. A bad
// record, or an I/O error (which ends the stream), goes to fn and is not
// returned. name is used for errors, IDs and format detection; "-" (or "")
// means standard input. f is the format, or Auto to detect it.
//
// Read returns the first error fn returns, ctx.Err() if ctx is done (it is
// checked before each record), or an error for an unknown f; otherwise nil.
// r is read only during the call and is not closed. Article strings do not
// alias Read's buffers, so fn may keep them.
func Read(ctx context.Context, r io.Reader, name string, f Format, fn func(Article, error) error) error {
	if name == "" {
		name = "-"
	}
	br := bufio.NewReaderSize(r, bufSize)
	if f == Auto {
		var perr *ParseError
		f, perr = detect(br, name)
		if perr != nil {
			if err := ctx.Err(); err != nil {
				return err
			}
			return fn(Article{ID: articleID(name), File: name, Line: perr.Line}, perr)
		}
	}
	switch f {
	case Text:
		return readText(ctx, br, name, fn)
	case JSONL:
		return readJSONL(ctx, br, name, fn)
	}
	return fmt.Errorf("read %s: unknown format %v", name, f)
}

// detect picks the format of the stream from the extension of name, or from
// the first non-space byte when the extension is not in the table. A .json
// file that is not JSON Lines is reported as a ParseError.
func detect(br *bufio.Reader, name string) (Format, *ParseError) {
	ext := strings.ToLower(filepath.Ext(name))
	f, ok := formatOf(name) // "-" has no extension, so stdin is sniffed
	if ok && ext != ".json" {
		return f, nil
	}
	// A failed Peek leaves what could be read; a real I/O error shows up
	// again, with a position, when the format reader reads.
	head, _ := br.Peek(bufSize)
	head = bytes.TrimPrefix(head, bom)
	i := 0
	for i < len(head) && isJSONSpace(head[i]) {
		i++
	}
	isObject := i < len(head) && head[i] == '{'
	if !ok {
		if isObject {
			return JSONL, nil
		}
		return Text, nil
	}
	// ext == ".json": JSON Lines unless the first non-space byte is not
	// '{', or the first line holds only '{', which is how pretty-printed
	// JSON starts and a JSON Lines record cannot.
	line, col := position(head, i)
	if !isObject {
		if i == len(head) {
			return JSONL, nil // blank: no records, nothing to reject
		}
		return Auto, &ParseError{File: name, Line: line, Col: col, Err: ErrNotJSONLines}
	}
	j := i + 1
	for j < len(head) && (head[j] == ' ' || head[j] == '\t' || head[j] == '\r') {
		j++
	}
	if j < len(head) && head[j] == '\n' {
		return Auto, &ParseError{File: name, Line: line, Col: col, Err: ErrNotJSONLines}
	}
	return JSONL, nil
}

// bom is the UTF-8 byte order mark, skipped at the start of a stream.
var bom = []byte("\ufeff")

// isJSONSpace reports whether c is white space in JSON.
func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// position returns the 1-based line and byte column of offset i in data.
func position(data []byte, i int) (line, col int) {
	line = 1 + bytes.Count(data[:i], []byte{'\n'})
	col = i - bytes.LastIndexByte(data[:i], '\n')
	return line, col
}

// articleID is the ID of a text article read from name: the base name
// without extension, or "stdin".
func articleID(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
