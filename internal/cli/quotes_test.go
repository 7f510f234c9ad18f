package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestQuotesExample(t *testing.T) {
	code, out, errs := run(t, "", "quotes", "../../examples/iraq-coalition-2024-01-24.txt")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var q struct {
		ArticleID string `json:"article_id"`
		Text      string `json:"text"`
		Speaker   string `json:"speaker"`
		Anonymous bool   `json:"anonymous"`
		Start     *int   `json:"start"`
		End       *int   `json:"end"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &q); err != nil {
		t.Fatalf("line 1: %v: %s", err, lines[0])
	}
	if q.ArticleID != "iraq-coalition-2024-01-24" || q.Speaker != "the source" || !q.Anonymous ||
		!strings.HasPrefix(q.Text, "We have been discussing") || q.Start == nil || q.End == nil {
		t.Errorf("got %+v", q)
	}
}

func TestQuotesStdinAndBadInput(t *testing.T) {
	in := `{"id":"a1","date":"2024-05-01","text":"“The ceasefire holds for now,” a UN envoy told reporters."}
not json
`
	code, out, errs := run(t, in, "quotes", "--input-format", "jsonl")
	if code != ExitError || !strings.Contains(errs, "rejected") {
		t.Errorf("exit %d, stderr %q; want %d and the rejected line", code, errs, ExitError)
	}
	if !strings.Contains(out, `"article_id":"a1"`) || !strings.Contains(out, `"speaker":"a UN envoy"`) {
		t.Errorf("stdout %q", out)
	}
	if code, _, _ := run(t, "", "quotes", "--input-format", "xml"); code != ExitUsage {
		t.Errorf("--input-format xml: exit %d, want %d", code, ExitUsage)
	}
	if code, out, _ := run(t, "", "quotes", "--help"); code != ExitOK || !strings.Contains(out, "speaker") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}
