package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/reader"
)

// synth makes articles of coded events that look like the coder's: ten
// events an article, actors from 40 codes, 60 CAMEO codes, 50 places, dates
// over ten years, and one report in ten of a happening another article
// reported the day before.
type synth struct {
	rng    *rand.Rand
	codes  []ontology.Code
	actors []string
	places []event.Location
	n      int
	recent []event.Event
}

func newSynth(seed uint64) *synth {
	s := &synth{rng: rand.New(rand.NewPCG(seed, 1))}
	all := ontology.Codes()
	for i := 0; i < len(all) && len(s.codes) < 60; i += 5 {
		s.codes = append(s.codes, all[i])
	}
	for _, c := range []string{"USA", "IRQ", "SYR", "IRN", "RUS", "UKR", "ISR", "PSE", "TUR", "FRA"} {
		for _, sec := range []string{"GOV", "MIL", "REB", "CVL"} {
			s.actors = append(s.actors, c+sec)
		}
	}
	for i := range 50 {
		s.places = append(s.places, event.Location{Name: "Town " + strconv.Itoa(i), Resolved: "Town " + strconv.Itoa(i),
			Country: s.actors[i%len(s.actors)][:3], Lat: float64(i), Lon: float64(-i), Precision: "city", GeoNameID: 1000 + i, Start: 60, End: 66})
	}
	return s
}

const synthSentence = "Government forces of the country attacked positions held by armed groups in the north on Tuesday, officials said, adding that dozens were killed."

func (s *synth) article() Doc {
	s.n++
	id := "synth-" + strconv.Itoa(s.n)
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s.rng.IntN(3650)).Format(time.DateOnly)
	a := &reader.Article{ID: id, Date: pub, Title: "Article " + id, Text: synthSentence, Source: "Wire " + strconv.Itoa(s.n%20), URL: "https://news.example/" + id}
	es := make([]event.Event, 10)
	for i := range es {
		e := &es[i]
		if len(s.recent) > 0 && s.rng.IntN(10) == 0 {
			*e = s.recent[s.rng.IntN(len(s.recent))] // the same happening, from this article
		} else {
			c := s.codes[s.rng.IntN(len(s.codes))]
			*e = event.Event{
				Date: pub, DatePrecision: "day", DateType: "text", PubDate: pub,
				Source: &event.Actor{Text: "Government forces", Code: s.actors[s.rng.IntN(len(s.actors))], Country: "IRQ", Sectors: []string{"MIL"}, Name: "Iraq", Start: 0, End: 17},
				Target: &event.Actor{Text: "armed groups", Code: s.actors[s.rng.IntN(len(s.actors))], Country: "IRQ", Sectors: []string{"REB"}, Start: 60, End: 72},
				CAMEO:  event.CAMEO{Code: c.Code, Base: c.Base, Root: c.Root, Name: c.Name}, Goldstein: c.Goldstein, QuadClass: c.QuadClass,
				PLOVER: event.PLOVER{Event: c.PLOVEREvent, Mode: c.PLOVERMode}, Modality: event.Asserted, Confidence: 0.8,
			}
			if c.ACLEDType != "" {
				e.ACLED = &event.ACLED{EventType: c.ACLEDType, SubEventType: c.ACLEDSubType}
			}
			l := s.places[s.rng.IntN(len(s.places))]
			e.Location = &l
			if s.rng.IntN(4) == 0 {
				e.Counts = []event.Count{{Kind: "killed", Number: 24, Approximate: true, Text: "dozens", Start: 120, End: 126}}
			}
			e.Evidence = event.Evidence{Sentence: synthSentence, SentenceIndex: i, Start: 0, End: len(synthSentence),
				Trigger: "attacked", TriggerStart: 33, TriggerEnd: 41, Rule: "verbs-conflict.tsv:12 attack"}
		}
		e.ArticleID, e.URL, e.Publisher = id, a.URL, a.Source
		e.Evidence.SentenceIndex = i
		e.SetID()
		if len(s.recent) < 1000 {
			s.recent = append(s.recent, *e)
		} else {
			s.recent[s.rng.IntN(len(s.recent))] = *e
		}
	}
	return Doc{Article: a, Events: es}
}

func (s *synth) batch(articles int) []Doc {
	docs := make([]Doc, articles)
	for i := range docs {
		docs[i] = s.article()
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

// latencies runs q b.N times (at least 20) and reports the median and the
// 95th percentile in milliseconds.
func latencies(b *testing.B, q func() error) {
	n := max(b.N, 20)
	ds := make([]time.Duration, 0, n)
	b.ResetTimer()
	for range n {
		start := time.Now()
		if err := q(); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(ds)
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	b.ReportMetric(ms(ds[len(ds)/2]), "p50-ms")
	b.ReportMetric(ms(ds[len(ds)*95/100]), "p95-ms")
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
		latencies(b, func() error {
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
		latencies(b, func() error {
			_, _, err := s.Events(ctx, f)
			return err
		})
	})
	b.Run("events-text", func(b *testing.B) {
		latencies(b, func() error {
			_, _, err := s.Events(ctx, Filter{Source: "IRQ", Text: "north on tuesday", Limit: 100})
			return err
		})
	})
	b.Run("series-monthly", func(b *testing.B) {
		latencies(b, func() error {
			pts, err := s.Series(ctx, Filter{Country: "IRQ"}, "month", "quad")
			if err == nil && len(pts) == 0 {
				err = fmt.Errorf("no points")
			}
			return err
		})
	})
	b.Run("dyads", func(b *testing.B) {
		latencies(b, func() error {
			_, err := s.Dyads(ctx, Filter{Quad: 4}, 20)
			return err
		})
	})
	b.Run("article", func(b *testing.B) {
		i := 0
		latencies(b, func() error {
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
