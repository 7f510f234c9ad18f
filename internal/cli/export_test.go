package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

func TestExportFormats(t *testing.T) {
	db := ingested(t)
	dir := t.TempDir()
	for _, c := range []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"jsonl", func(t *testing.T, out string) {
			var r store.Row
			if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &r); err != nil || r.ID == "" || r.NumMentions == 0 {
				t.Errorf("first line: %+v %v", r, err)
			}
		}},
		{"gdelt", func(t *testing.T, out string) {
			found := false
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				cols := strings.Split(l, "\t")
				if len(cols) != 61 {
					t.Fatalf("%d columns: %q", len(cols), l)
				}
				// The attack: NumMentions, NumSources, NumArticles.
				if cols[5] == "IRQREB" {
					found = cols[31] == "3" && cols[32] == "2" && cols[33] == "3"
				}
			}
			if !found {
				t.Errorf("no GDELT row of the attack with 3 mentions, 2 sources, 3 articles:\n%s", out)
			}
		}},
		{"plover", func(t *testing.T, out string) {
			var rec map[string]any
			if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &rec); err != nil || rec["event"] == nil {
				t.Errorf("first record: %v %v", rec, err)
			}
		}},
		{"acled", func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) < 2 || rows[0][0] != "event_id_cnty" || len(rows[0]) != 31 {
				t.Errorf("%d rows %v:\n%s", len(rows), err, out)
			}
		}},
		{"csv", func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) < 6 || rows[0][0] != "id" {
				t.Errorf("%d rows %v", len(rows), err)
			}
		}},
	} {
		t.Run(c.format, func(t *testing.T) {
			code, out, errs := run(t, "", "export", "--db", db, "--format", c.format)
			if code != ExitOK || !strings.Contains(errs, "exported") {
				t.Fatalf("exit %d: %s", code, errs)
			}
			c.check(t, out)
			file := filepath.Join(dir, "out."+c.format)
			if code, _, errs := run(t, "", "export", "--db", db, "--format", c.format, "-o", file); code != ExitOK {
				t.Fatalf("-o: exit %d: %s", code, errs)
			}
			if b, err := os.ReadFile(file); err != nil || string(b) != out {
				t.Errorf("-o wrote other bytes than standard output: %v", err)
			}
		})
	}
	t.Run("parquet", func(t *testing.T) {
		file := filepath.Join(dir, "events.parquet")
		if code, _, errs := run(t, "", "export", "--db", db, "--format", "parquet", "--country", "IRQ", "-o", file); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		code, out, errs := run(t, "", "query", "--db", db, "--sql", "SELECT count(*) AS n, min(num_mentions) AS m FROM read_parquet('"+file+"')")
		if code != ExitOK || strings.TrimSpace(out) != `{"m":3,"n":1}` {
			t.Errorf("read back: %q %s", out, errs)
		}
		if code, _, _ := run(t, "", "export", "--db", db, "--format", "parquet"); code != ExitUsage {
			t.Errorf("parquet to standard output: exit %d, want %d", code, ExitUsage)
		}
	})
	t.Run("filtered", func(t *testing.T) {
		_, all, _ := run(t, "", "export", "--db", db)
		_, some, _ := run(t, "", "export", "--db", db, "--from", "2024-02-01")
		if n, m := strings.Count(all, "\n"), strings.Count(some, "\n"); m == 0 || m >= n {
			t.Errorf("filtered export has %d of %d events", m, n)
		}
	})
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "xml"); code != ExitUsage {
		t.Errorf("--format xml: exit %d, want %d", code, ExitUsage)
	}
}
