package store

import (
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// TestConvertsVersion1Store writes a store as sitrep wrote schema version 1
// (JSON records) and opens it: the articles and events come back as they
// were, folded by the same rule, and the v1 tables are gone.
func TestConvertsVersion1Store(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.duckdb")
	c, err := duckdb.NewConnector(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(c)
	for _, q := range []string{
		`CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`,
		migrations[0],
		`INSERT INTO schema_version (version) VALUES (1)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack, condemn)
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain)
	e1[0].Counts = []event.Count{{Kind: "killed", Number: 3, Text: "Rebels", Start: 0, End: 6}}
	seq := 0
	for i, d := range []struct {
		a  *reader.Article
		es []event.Event
	}{{a1, e1}, {a2, e2}} {
		if _, err := db.ExecContext(ctx, `INSERT INTO articles VALUES (?, ?, ?::DATE, ?, ?, ?, ?, ?, ?, ?)`,
			d.a.ID, i+1, d.a.Date, d.a.Title, d.a.URL, d.a.Source, d.a.Language, d.a.Text, articleSHA(d.a, ptrs(d.es)), time.Now()); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.es {
			seq++
			b, _ := json.Marshal(e)
			if _, err := db.ExecContext(ctx, `INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)`,
				e.ID, e.ID, seq, e.ArticleID, sourceKey(&e), e.Evidence.Sentence, string(b)); err != nil {
				t.Fatal(err)
			}
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if tt := totals(t, s); tt != (Totals{Articles: 2, Events: 2, Mentions: 3}) {
		t.Errorf("after converting: %+v, want 2 articles, 2 events (the attacks folded), 3 mentions", tt)
	}
	_, rows, err := s.Article(ctx, "a1")
	if err != nil || len(rows) != 2 {
		t.Fatalf("article a1: %d rows, %v", len(rows), err)
	}
	for i := range rows {
		if !reflect.DeepEqual(rows[i].Event, e1[i]) {
			t.Errorf("event %d changed by the conversion:\n got %+v\nwant %+v", i, rows[i].Event, e1[i])
		}
	}
	if rows[0].NumMentions != 2 || rows[0].NumSources != 2 {
		t.Errorf("the attack: %d mentions from %d sources, want 2 and 2", rows[0].NumMentions, rows[0].NumSources)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'v1_%'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d v1 tables left (%v)", n, err)
	}
}

// TestConvertsVersion2Store opens a store written with schema version 2:
// the articles and events come back as they were stored, with the same
// report counts, and the v2 tables are gone.
func TestConvertsVersion2Store(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.duckdb")
	gunzip(t, filepath.Join("testdata", "v2.duckdb.gz"), path)
	// The events as version 2 shows them in SQL, and half-way: migrated,
	// not converted, which OpenReadOnly refuses.
	sqlEvents := func(db *sql.DB) string {
		t.Helper()
		var out string
		err := db.QueryRowContext(ctx, `SELECT string_agg(concat_ws(' ', id, date, num_mentions, num_sources, num_articles), '; ' ORDER BY id) FROM events`).Scan(&out)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	c, err := duckdb.NewConnector(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(c)
	before := sqlEvents(db)
	if err := migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := OpenReadOnly(ctx, path); !errors.Is(err, ErrNoStore) {
		t.Errorf("OpenReadOnly on a store not yet converted: %v, want ErrNoStore", err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if tt := totals(t, s); tt != (Totals{Articles: 3, Events: 5, Mentions: 6}) {
		t.Errorf("after converting: %+v, want 3 articles, 5 events, 6 mentions", tt)
	}
	docs := v2Docs()
	// Reports of the Mosul attack: a1 and a2 each tell it once.
	want := map[string][3]int{}
	for _, d := range docs[1:] {
		for _, e := range d.Events {
			want[e.ID] = [3]int{1, 1, 1}
		}
	}
	want[docs[3].Events[0].ID] = [3]int{2, 2, 2}
	want[docs[1].Events[0].ID] = [3]int{2, 2, 2}
	for _, d := range docs[1:] {
		a, rows, err := s.Article(ctx, d.Article.ID)
		if err != nil || len(rows) != len(d.Events) {
			t.Fatalf("article %s: %d rows, %v", d.Article.ID, len(rows), err)
		}
		if a.Title != d.Article.Title {
			t.Errorf("article %s: title %q, want %q", d.Article.ID, a.Title, d.Article.Title)
		}
		for _, e := range d.Events {
			i := slices.IndexFunc(rows, func(r Row) bool { return r.ID == e.ID })
			if i < 0 {
				t.Errorf("article %s: event %s lost", d.Article.ID, e.ID)
				continue
			}
			if !reflect.DeepEqual(rows[i].Event, e) {
				t.Errorf("article %s: event changed by the conversion:\n got %+v\nwant %+v", d.Article.ID, rows[i].Event, e)
			}
			if got := [3]int{rows[i].NumMentions, rows[i].NumSources, rows[i].NumArticles}; got != want[e.ID] {
				t.Errorf("event %s: counts %v, want %v", e.ID, got, want[e.ID])
			}
		}
	}
	if ms, err := s.Mentions(ctx, "custom-id-7"); err != nil || len(ms) != 1 || ms[0].Evidence.Sentence != docs[2].Events[0].Evidence.Sentence {
		t.Errorf("the event with an ID of its own: %d mentions, %v", len(ms), err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'v2_%'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d v2 tables left (%v)", n, err)
	}
	if after := sqlEvents(s.db); after != before || !strings.Contains(after, "custom-id-7") {
		t.Errorf("events in SQL after converting:\n%s\nbefore:\n%s", after, before)
	}
}

// gunzip writes the gzip file src uncompressed to dst.
func gunzip(t *testing.T, src, dst string) {
	t.Helper()
	gz, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, zr); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// v2Docs are the articles of testdata/v2.duckdb.gz, a store that sitrep
// wrote with schema version 2 (commit 6fe1273), storing them one by one in
// this order with Replace: a1 twice, the second replacing the first. They
// hold what schema 2 kept as extras: counts, a list of places, an ID that
// is not sitrep's, a sentence that is not a slice of its article, a
// publisher that is not the article's.
func v2Docs() []Doc {
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack, condemn)
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain, attackElsewhere)
	a3, e3 := article("a3", "", "Wire C", attackDenied)
	e3[0].ID = "custom-id-7"
	e3[0].Date = ""
	e3[0].Evidence.Sentence = "A sentence the article does not hold."
	e3[0].Publisher = "Someone else"
	a1b, e1b := article("a1", "2024-01-10", "Wire A", attack, condemn, attackLater)
	a1b.Title = "Title of a1, updated"
	e1b[0].Counts = []event.Count{{Kind: "killed", Number: 3, Text: "Rebels", Start: 0, End: 6}}
	e1b[0].Locations = []event.Location{*e1b[0].Location, {Name: "troops", Resolved: "Nowhere", Country: "IRQ", Start: 25, End: 31}}
	e1b[0].SetID()
	return []Doc{{Article: a1, Events: e1}, {Article: a2, Events: e2}, {Article: a3, Events: e3}, {Article: a1b, Events: e1b}}
}

// TestManyChunks stores more rows than one DuckDB chunk holds, dated and
// undated in turn, and reads every field back: the table functions write
// each chunk's memory and NULLs right.
func TestManyChunks(t *testing.T) {
	if chunkFields.once.Do(initChunkFields); chunkFields.data == nil {
		t.Fatal("duckdb-go's DataChunk has no columns[].dataPtr and projection: the table functions cannot write")
	}
	s := openTemp(t)
	var docs []Doc
	var want []event.Event
	for i := range 1200 {
		date := "2024-03-0" + string(rune('1'+i%9))
		if i%3 == 0 {
			date = ""
		}
		a, es := article("many-"+itoa(i), date, "Wire "+itoa(i%7), attack, condemn)
		for j := range es {
			es[j].Date = date
			es[j].Confidence = float64(i) / 1000
		}
		docs = append(docs, Doc{Article: a, Events: es})
		want = append(want, es...)
	}
	if _, err := s.PutBatch(context.Background(), docs, PutOptions{}); err != nil {
		t.Fatal(err)
	}
	var undated int
	if err := s.db.QueryRow(`SELECT count(*) FROM mention_rows WHERE day IS NULL`).Scan(&undated); err != nil || undated != 800 {
		t.Errorf("%d undated mentions (%v), want 800", undated, err)
	}
	for _, i := range []int{0, 1, 1100, 1199} {
		_, rows, err := s.Article(context.Background(), "many-"+itoa(i))
		if err != nil || len(rows) != 2 {
			t.Fatalf("article %d: %d rows, %v", i, len(rows), err)
		}
		for j := range rows {
			if !reflect.DeepEqual(rows[j].Event, want[2*i+j]) {
				t.Errorf("article %d event %d:\n got %+v\nwant %+v", i, j, rows[j].Event, want[2*i+j])
			}
		}
	}
}

func itoa(n int) string { return fmt.Sprint(n) }
