package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store/storebench"
)

// synth wraps storebench.Synth to make store docs.
type synth struct{ *storebench.Synth }

func newSynth(seed uint64) synth { return synth{storebench.New(seed)} }

func (s synth) batch(articles int) []Doc {
	docs := make([]Doc, articles)
	for i := range docs {
		a, es := s.Article()
		docs[i] = Doc{Article: a, Events: es}
	}
	return docs
}

func countEvents(docs []Doc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Events)
	}
	return n
}

// benchArticles is the batch size of BenchmarkPutBatch in articles of ten
// events: $BENCH_ARTICLES, at least 1,000.
var benchArticles = func() int { n, _ := strconv.Atoi(os.Getenv("BENCH_ARTICLES")); return max(n, 1000) }()

// BenchmarkPutBatch measures storing pre-coded events in batches of 1,000
// articles (10,000 events) into a growing store, dedup included.
func BenchmarkPutBatch(b *testing.B) {
	st := openTemp(b)
	sy := newSynth(1)
	batches := make([][]Doc, b.N)
	for i := range batches {
		batches[i] = sy.batch(benchArticles)
	}
	ctx := context.Background()
	events := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.PutBatch(ctx, batches[i], PutOptions{}); err != nil {
			b.Fatal(err)
		}
		events += countEvents(batches[i])
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkEngineCeiling measures what DuckDB itself takes to store events
// in this schema, with no Go in the loop: each op inserts 10,000 events
// and their 10,000 mentions with INSERT ... SELECT FROM range() and commits,
// as PutBatch does. "records" writes JSON records as long as the synthetic
// events' own (both tables keep one); "no-records" writes empty ones. It is
// the ceiling PutBatch cannot pass on the same machine.
func BenchmarkEngineCeiling(b *testing.B) {
	sy := newSynth(3)
	total, n := 0, 0
	var buf []byte
	for _, d := range sy.batch(100) {
		for i := range d.Events {
			buf = appendEventJSON(buf[:0], &d.Events[i])
			total += len(buf)
			n++
		}
	}
	for _, c := range []struct {
		name   string
		record int
	}{{"records", total / n}, {"no-records", 0}} {
		b.Run(c.name, func(b *testing.B) {
			st := openTemp(b)
			ctx := context.Background()
			const batch = 10000
			ins := []string{
				`INSERT INTO events SELECT md5(i::VARCHAR)[:24], i, 'synth-' || (i // 10), DATE '2015-01-01' + (i % 3650)::INTEGER,
					'IRQMIL', 'IRQ', 'SYRGOV', 'SYR', '190', '190', '19', -10, 4, 'ASSAULT', '', 'Battles', 'Armed clash', 'asserted', true,
					i % 100000, 'IRQ', 33.3, 44.4, 0.8, 1, 1, 1, repeat('x', ?) FROM range(?, ?) t(i)`,
				`INSERT INTO mentions SELECT md5(i::VARCHAR)[:24], md5(i::VARCHAR)[:24], i, 'synth-' || (i // 10), 'Wire 1',
					'Government forces of the country attacked positions held by armed groups in the north on Tuesday.', repeat('x', ?) FROM range(?, ?) t(i)`,
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, q := range append([]string{`BEGIN TRANSACTION`}, append(ins, `COMMIT`)...) {
					var err error
					if strings.HasPrefix(q, "INSERT") {
						_, err = st.w.ExecContext(ctx, q, c.record, i*batch, (i+1)*batch)
					} else {
						_, err = st.w.ExecContext(ctx, q)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkIntegerCeiling is BenchmarkEngineCeiling for a schema sitrep
// does not have: every column an integer (hashes as UBIGINT pairs, codes as
// small dictionary numbers, evidence as offsets into the article text), no
// records and no indexes. It measures how far a redesign of the store could
// take ingest on the same machine, with no Go in the loop.
func BenchmarkIntegerCeiling(b *testing.B) {
	st := openTemp(b)
	ctx := context.Background()
	for _, q := range []string{
		`CREATE TABLE ev (h1 UBIGINT, h2 UBIGINT, seq UBIGINT, art UBIGINT, date DATE, s SMALLINT, sc SMALLINT, t SMALLINT, tc SMALLINT,
			code SMALLINT, g FLOAT, q TINYINT, pe TINYINT, pm TINYINT, acled TINYINT, acled_sub TINYINT, modality TINYINT, fact BOOLEAN,
			dkey UBIGINT, place INTEGER, conf FLOAT, n1 INTEGER, n2 INTEGER, n3 INTEGER)`,
		`CREATE TABLE me (h1 UBIGINT, h2 UBIGINT, e1 UBIGINT, e2 UBIGINT, seq UBIGINT, art UBIGINT, sstart INTEGER, send INTEGER, tstart INTEGER, tend INTEGER)`,
	} {
		if _, err := st.w.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	const batch = 10000
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range []string{`BEGIN TRANSACTION`,
			`INSERT INTO ev SELECT hash(i), hash(i+1), i, i//10, DATE '2015-01-01' + (i % 3650)::INTEGER, i%40, i%20, (i+3)%40, i%17, i%300,
				-10, 4, 3, 1, 2, 3, 1, true, hash(i%100000), i%5000, 0.8, 1, 1, 1 FROM range(?, ?) t(i)`,
			`INSERT INTO me SELECT hash(i), hash(i+1), hash(i), hash(i+1), i, i//10, 0, 100, 20, 28 FROM range(?, ?) t(i)`,
			`COMMIT`} {
			var err error
			if strings.HasPrefix(q, "INSERT") {
				_, err = st.w.ExecContext(ctx, q, i*batch, (i+1)*batch)
			} else {
				_, err = st.w.ExecContext(ctx, q)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "events/s")
}

// buildMillion stores 1,000,000 synthetic events in a new file in dir and
// returns its path.
func buildMillion(b *testing.B, dir string) string {
	ctx := context.Background()
	path := filepath.Join(dir, "million.duckdb")
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sy := newSynth(2)
	start := time.Now()
	for range 20 {
		if _, err := s.PutBatch(ctx, sy.batch(5000), PutOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	took := time.Since(start)
	if _, err := s.db.ExecContext(ctx, `CHECKPOINT`); err != nil {
		b.Fatal(err)
	}
	tt, _ := s.Totals(ctx)
	b.Logf("stored %d articles, %d events, %d mentions in %s (%.0f reports/s)",
		tt.Articles, tt.Events, tt.Mentions, took.Round(time.Millisecond), float64(tt.Mentions)/took.Seconds())
	return path
}

// BenchmarkMillion measures a filtered page of events and a monthly series
// on a store of 1,000,000 events, and reports the store's file size. It
// builds the store first (about a minute), so -short skips it.
func BenchmarkMillion(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a store of 1,000,000 events; not with -short")
	}
	ctx := context.Background()
	path := buildMillion(b, b.TempDir())
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("events", func(b *testing.B) {
		f := Filter{From: "2018-01-01", To: "2019-12-31", Quad: 4, Limit: 100}
		storebench.Latencies(b, func() error {
			rows, _, err := s.Events(ctx, f)
			if err == nil && len(rows) == 0 {
				err = fmt.Errorf("no rows")
			}
			return err
		})
	})
	b.Run("events-page-3", func(b *testing.B) {
		f := Filter{Source: "IRQ", Limit: 100}
		for range 2 {
			_, next, err := s.Events(ctx, f)
			if err != nil {
				b.Fatal(err)
			}
			f.Cursor = next
		}
		storebench.Latencies(b, func() error {
			_, _, err := s.Events(ctx, f)
			return err
		})
	})
	b.Run("events-text", func(b *testing.B) {
		storebench.Latencies(b, func() error {
			_, _, err := s.Events(ctx, Filter{Source: "IRQ", Text: "north on tuesday", Limit: 100})
			return err
		})
	})
	b.Run("series-monthly", func(b *testing.B) {
		storebench.Latencies(b, func() error {
			pts, err := s.Series(ctx, Filter{Country: "IRQ"}, "month", "quad")
			if err == nil && len(pts) == 0 {
				err = fmt.Errorf("no points")
			}
			return err
		})
	})
	b.Run("dyads", func(b *testing.B) {
		storebench.Latencies(b, func() error {
			_, err := s.Dyads(ctx, Filter{Quad: 4}, 20)
			return err
		})
	})
	b.Run("article", func(b *testing.B) {
		i := 0
		storebench.Latencies(b, func() error {
			i++
			_, rows, err := s.Article(ctx, "synth-"+strconv.Itoa(1+i*7919%100000))
			if err == nil && len(rows) == 0 {
				err = fmt.Errorf("no rows")
			}
			return err
		})
	})
	b.Run("file", func(b *testing.B) {
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		for range b.N {
		}
		b.ReportMetric(float64(fi.Size())/1e6, "MB")
	})
}
