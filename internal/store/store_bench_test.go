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
	"unsafe"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
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
// articles (10,000 events) into a growing store, dedup included. Each batch
// is made with the timer stopped, so that neither making it nor a heap of
// batches made in advance (which the garbage collector would scan over and
// over) is counted.
func BenchmarkPutBatch(b *testing.B) {
	st := openTemp(b)
	sy := newSynth(1)
	ctx := context.Background()
	events := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		docs := sy.batch(benchArticles)
		b.StartTimer()
		if _, err := st.PutBatch(ctx, docs, PutOptions{}); err != nil {
			b.Fatal(err)
		}
		events += countEvents(docs)
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkWriter measures what BenchmarkPutBatch does through a Writer,
// as sitrep ingest stores: each batch is prepared while the one before it
// is written. The timer cannot stop
// while the writer works, so a goroutine hands it the batches, made by
// copying eight batches made in advance as new articles (new article and
// event IDs, dates ten years on each round): that work is counted, and
// its share of the CPU is small next to making events.
func BenchmarkWriter(b *testing.B) {
	st := openTemp(b)
	sy := newSynth(1)
	pool := make([][]Doc, 8)
	for i := range pool {
		pool[i] = sy.batch(benchArticles)
	}
	batches := make(chan []Doc, 1)
	go func() {
		for i := range b.N {
			batches <- relabel(pool[i%len(pool)], i/len(pool))
		}
		close(batches)
	}()
	b.ReportAllocs()
	b.ResetTimer()
	w := NewWriter(context.Background(), st, PutOptions{})
	for docs := range batches {
		if err := w.Put(docs); err != nil {
			b.Fatal(err)
		}
	}
	total, err := w.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(total.Mentions)/b.Elapsed().Seconds(), "events/s")
}

// relabel returns docs as new articles for round r > 0: other article and
// event IDs, and dates 10·r years on, so that they are neither skipped nor
// folded into the events of earlier rounds. It allocates little (one
// buffer for every new ID, each shifted date once), so that the benchmark
// counts little besides the store.
func relabel(docs []Doc, r int) []Doc {
	if r == 0 {
		return docs
	}
	dates := map[string]string{}
	shift := func(date string) string {
		if len(date) != 10 {
			return date
		}
		if d, ok := dates[date]; ok {
			return d
		}
		y, _ := strconv.Atoi(date[:4])
		d := strconv.Itoa(y+10*r) + date[4:]
		dates[date] = d
		return d
	}
	tag := fmt.Sprintf("%08x", r)
	n, size := 0, 0
	for _, d := range docs {
		n += len(d.Events)
		size += len(d.Article.ID) + 9
	}
	buf := make([]byte, 0, size+24*n)
	str := func(parts ...string) string {
		start := len(buf)
		for _, p := range parts {
			buf = append(buf, p...)
		}
		return unsafe.String(&buf[start], len(buf)-start)
	}
	out := make([]Doc, len(docs))
	arts := make([]reader.Article, len(docs))
	es := make([]event.Event, n)
	for i, d := range docs {
		a := &arts[i]
		*a = *d.Article
		a.ID = str(d.Article.ID, "-", tag)
		a.Date = shift(a.Date)
		mine := es[:len(d.Events):len(d.Events)]
		es = es[len(d.Events):]
		copy(mine, d.Events)
		for j := range mine {
			e := &mine[j]
			e.ArticleID, e.ID = a.ID, str(tag, e.ID[8:])
			e.Date, e.PubDate = shift(e.Date), shift(e.PubDate)
		}
		out[i] = Doc{Article: a, Events: mine}
	}
	return out
}

// BenchmarkEngineCeiling measures what DuckDB itself takes to store events
// in this schema, with no Go in the loop: each op inserts 10,000 mention
// rows (9 in 10 of them an event's first) with INSERT ...
// SELECT FROM range() and commits, as PutBatch does. It is the ceiling
// PutBatch cannot pass on the same machine.
func BenchmarkEngineCeiling(b *testing.B) {
	st := openTemp(b)
	ctx := context.Background()
	const batch = 10000
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range []string{`BEGIN TRANSACTION`,
			`INSERT INTO mention_rows SELECT i, i - (i % 10 = 9)::INTEGER, hash(i), (hash(i) % 4294967296)::UINTEGER, i // 10,
				16000 + i % 3650, 1 + i % 4, 1 + i % 40, 1 + (i + 3) % 40, 100 + i % 60, 200 + i % 50, 400 + i % 20,
				(100::BIGINT << 32) | 250, (130::BIGINT << 32) | 138, 0.8, (hash(i % 100000) // 2)::BIGINT FROM range(?, ?) t(i)`,
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
