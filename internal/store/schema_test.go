package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
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
