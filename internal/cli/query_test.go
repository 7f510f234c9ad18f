package cli

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/sitrep/sitrep/internal/store"
)

// ingested returns a store holding newsLines.
func ingested(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "s.duckdb")
	if code, _, errs := run(t, "", "ingest", "--db", db, writeNews(t, dir, "news.jsonl", newsLines)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	return db
}

func TestQueryFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want queryOptions
	}{
		{nil, queryOptions{DB: store.DefaultPath, Limit: 50}},
		{[]string{"--from", "2024-01-01", "--to", "2024-12-31", "--source", "USA", "--target", "IRQ", "--country", "IRQ"},
			queryOptions{DB: store.DefaultPath, Limit: 50, Filter: store.Filter{From: "2024-01-01", To: "2024-12-31", Source: "USA", Target: "IRQ", Country: "IRQ"}}},
		{[]string{"--cameo", "19", "--root", "19", "--quad", "4", "--plover", "ASSAULT", "--acled", "Battles", "--text", "Mosul"},
			queryOptions{DB: store.DefaultPath, Limit: 50, Filter: store.Filter{CAMEO: "19", Root: "19", Quad: 4, PLOVER: "ASSAULT", ACLED: "Battles", Text: "Mosul"}}},
		{[]string{"--db", "x.duckdb", "-n", "0", "-f", "csv", "--cursor", "abc"}, queryOptions{DB: "x.duckdb", Limit: 0, Format: "csv", Cursor: "abc"}},
		{[]string{"--sql", "SELECT 1"}, queryOptions{DB: store.DefaultPath, Limit: 50, SQL: "SELECT 1"}},
	} {
		fs := pflag.NewFlagSet("query", pflag.ContinueOnError)
		got := &queryOptions{}
		bindQueryFlags(fs, got)
		if err := fs.Parse(c.args); err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		if *got != c.want {
			t.Errorf("%v:\n got %+v\nwant %+v", c.args, *got, c.want)
		}
	}
}

func TestQueryFiltersAndFormats(t *testing.T) {
	db := ingested(t)
	count := func(args ...string) int {
		t.Helper()
		code, out, errs := run(t, "", append([]string{"query", "--db", db, "--format", "jsonl", "--limit", "0"}, args...)...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return strings.Count(out, "\n")
	}
	all := count()
	if all < 5 {
		t.Fatalf("only %d events stored", all)
	}
	for _, c := range []struct {
		args []string
		want func(n int) bool
	}{
		{[]string{"--from", "2024-02-01"}, func(n int) bool { return n > 0 && n < all }},
		{[]string{"--to", "2024-01-31"}, func(n int) bool { return n == 1 }},
		{[]string{"--source", "IRQ"}, func(n int) bool { return n == 1 }},
		{[]string{"--target", "IRQMIL"}, func(n int) bool { return n == 1 }},
		{[]string{"--country", "IRQ"}, func(n int) bool { return n == 1 }},
		{[]string{"--cameo", "19"}, func(n int) bool { return n >= 1 }},
		{[]string{"--root", "14"}, func(n int) bool { return n == 1 }},
		{[]string{"--quad", "2"}, func(n int) bool { return n >= 1 && n < all }},
		{[]string{"--plover", "PROTEST"}, func(n int) bool { return n == 1 }},
		{[]string{"--acled", "Protests"}, func(n int) bool { return n == 1 }},
		{[]string{"--text", "MOSUL"}, func(n int) bool { return n == 1 }},
		{[]string{"--text", "%"}, func(n int) bool { return n == 0 }},
	} {
		if n := count(c.args...); !c.want(n) {
			t.Errorf("%v: %d events of %d", c.args, n, all)
		}
	}
	// Pages: --limit 2 and the cursor printed after it.
	var ids []string
	cursor := ""
	for range 10 {
		args := []string{"query", "--db", db, "--format", "jsonl", "--limit", "2"}
		if cursor != "" {
			args = append(args, "--cursor", cursor)
		}
		code, out, errs := run(t, "", args...)
		if code != ExitOK {
			t.Fatal(errs)
		}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var r store.Row
			json.Unmarshal([]byte(l), &r)
			ids = append(ids, r.ID)
		}
		_, cursor, _ = strings.Cut(strings.TrimSpace(errs), "--cursor ")
		if cursor == "" {
			break
		}
	}
	if len(ids) != all {
		t.Errorf("pages gave %d events, want %d", len(ids), all)
	}
	// Table and CSV.
	code, out, _ := run(t, "", "query", "--db", db, "--format", "table", "--source", "IRQ")
	if code != ExitOK || !strings.HasPrefix(out, "DATE") || !strings.Contains(out, "IRQREB") || !strings.Contains(out, "Mosul") {
		t.Errorf("table:\n%s", out)
	}
	code, out, _ = run(t, "", "query", "--db", db, "--format", "csv", "--limit", "0")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != ExitOK || err != nil || len(rows) != all+1 || rows[0][0] != "id" {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
}

func TestQuerySQL(t *testing.T) {
	db := ingested(t)
	code, out, errs := run(t, "", "query", "--db", db, "--sql", "SELECT count(*) AS n, max(num_mentions) AS m FROM events WHERE source_code = 'IRQREB'")
	if code != ExitOK || strings.TrimSpace(out) != `{"m":3,"n":1}` {
		t.Errorf("exit %d: %q %s", code, out, errs)
	}
	code, out, _ = run(t, "", "query", "--db", db, "--format", "table", "--sql", "WITH d AS (SELECT date FROM events WHERE date IS NOT NULL) SELECT min(date) AS first FROM d")
	if code != ExitOK || !strings.Contains(out, "FIRST") || !strings.Contains(out, "2024-01-10") {
		t.Errorf("table: exit %d:\n%s", code, out)
	}
	for _, q := range []string{"DELETE FROM events", "SELECT 1; DROP TABLE events", "UPDATE events SET goldstein = 0"} {
		if code, _, errs := run(t, "", "query", "--db", db, "--sql", q); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d: %s", q, code, ExitUsage, errs)
		}
	}
	if code, _, _ := run(t, "", "query", "--db", db, "--sql", "SELECT 1", "--root", "19"); code != ExitUsage {
		t.Errorf("--sql with a filter: exit %d", code)
	}
}

func TestQueryUsage(t *testing.T) {
	db := ingested(t)
	for _, args := range [][]string{
		{"--quad", "7"}, {"--root", "21"}, {"--from", "2024-13-01"}, {"--format", "xml"}, {"--limit", "-1"}, {"--cursor", "bogus!"}, {"extra"},
	} {
		if code, _, errs := run(t, "", append([]string{"query", "--db", db}, args...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d: %s", args, code, ExitUsage, errs)
		}
	}
	if code, _, errs := run(t, "", "query", "--db", filepath.Join(t.TempDir(), "none.duckdb")); code != ExitError || !strings.Contains(errs, "sitrep ingest") {
		t.Errorf("missing store: exit %d: %s", code, errs)
	}
}
