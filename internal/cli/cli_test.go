package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCodeExample(t *testing.T) {
	code, out, errs := run(t, "", "code", "../../examples/iraq-coalition-2024-01-24.txt")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 5 {
		t.Fatalf("only %d events", len(lines))
	}
	for i, l := range lines {
		var e map[string]any
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, k := range []string{"id", "article_id", "date", "pub_date", "source", "target", "cameo", "goldstein", "quad_class", "plover", "evidence", "confidence"} {
			if _, ok := e[k]; !ok {
				t.Errorf("line %d: no field %q", i+1, k)
			}
		}
	}
	if !strings.Contains(errs, "1 articles read, 1 coded, 0 rejected") {
		t.Errorf("summary: %q", errs)
	}
}

func TestCodeBadInput(t *testing.T) {
	code, out, errs := run(t, "", "code", "testdata/mixed.jsonl")
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	for _, want := range []string{"testdata/mixed.jsonl:2", "testdata/mixed.jsonl:3", "testdata/mixed.jsonl:4", "5 articles read, 2 coded, 3 rejected"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// The good articles around the bad lines are still coded, in order.
	if !strings.Contains(out, `"article_id":"a1"`) || !strings.Contains(out, `"article_id":"a3"`) ||
		strings.Index(out, `"a1"`) > strings.Index(out, `"a3"`) {
		t.Errorf("good articles not coded in order:\n%s", out)
	}
}

func TestCodeFormats(t *testing.T) {
	in := "Rebels attacked government troops near the border."
	code, out, errs := run(t, in, "code", "--date", "2024-05-01", "--format", "gdelt", "-q")
	if code != ExitOK || out == "" {
		t.Fatalf("gdelt: exit %d, %q", code, errs)
	}
	for _, row := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if n := len(strings.Split(row, "\t")); n != 61 {
			t.Errorf("gdelt row has %d columns, want 61", n)
		}
	}
	code, out, _ = run(t, in, "code", "--date", "2024-05-01", "--format", "plover", "-q")
	if code != ExitOK || !strings.Contains(out, `"event":["ASSAULT"]`) {
		t.Errorf("plover: exit %d, %q", code, out)
	}
}

func TestCodeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"code", "--format", "xml"},
		{"code", "--date", "yesterday"},
		{"code", "--no-such-flag"},
		{"code", "--no-builtin-dicts"},
	} {
		if code, _, _ := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestFactsOnly(t *testing.T) {
	in := "Russia did not attack Ukraine. Rebels attacked government troops."
	_, all, _ := run(t, in, "code", "--date", "2024-05-01", "-q")
	_, facts, _ := run(t, in, "code", "--date", "2024-05-01", "-q", "--facts-only")
	if !strings.Contains(all, `"negated"`) || strings.Contains(facts, `"negated"`) || !strings.Contains(facts, "Rebels") {
		t.Errorf("--facts-only:\nall: %s\nfacts: %s", all, facts)
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := run(t, "", "code", "--help")
	if code != ExitOK || !strings.Contains(out, "--facts-only") || !strings.Contains(out, "gdelt") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

// TestCodeWithSharedDictionaries codes the example article with the Phoenix
// and TABARI dictionaries of ../shared on top of the built-in ones.
func TestCodeWithSharedDictionaries(t *testing.T) {
	for _, dir := range []string{"phoenix", "tabari"} {
		path := filepath.Join("..", "..", "..", "shared", "dictionaries", dir)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("shared dictionaries not found at %s", path)
		}
		code, out, errs := run(t, "", "code", "--dict", path, "../../examples/iraq-coalition-2024-01-24.txt")
		if code != ExitOK || strings.Count(out, "\n") < 10 {
			t.Errorf("--dict %s: exit %d, %d events\n%s", dir, code, strings.Count(out, "\n"), errs)
		}
	}
}
