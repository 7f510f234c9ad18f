// Package storebench serves the benchmarks of the store and of the HTTP API
// on stores of a million events: synthetic coded articles, and latency
// percentiles.
package storebench

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/reader"
)

// Synth makes articles of coded events that look like the coder's: ten
// events an article, actors from 40 codes, 60 CAMEO codes, 50 places, dates
// over ten years, and one report in ten of a happening another article
// reported the day before.
type Synth struct {
	rng    *rand.Rand
	codes  []ontology.Code
	actors []string
	places []event.Location
	n      int
	recent []event.Event
}

// New returns a Synth whose output depends only on seed.
func New(seed uint64) *Synth {
	s := &Synth{rng: rand.New(rand.NewPCG(seed, 1))}
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

// Sentence is the evidence sentence of every synthetic event.
const Sentence = "Government forces of the country attacked positions held by armed groups in the north on Tuesday, officials said, adding that dozens were killed."

// Article returns the next article and its ten events.
func (s *Synth) Article() (*reader.Article, []event.Event) {
	s.n++
	id := "synth-" + strconv.Itoa(s.n)
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s.rng.IntN(3650)).Format(time.DateOnly)
	a := &reader.Article{ID: id, Date: pub, Title: "Article " + id, Text: Sentence, Source: "Wire " + strconv.Itoa(s.n%20), URL: "https://news.example/" + id}
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
			e.Evidence = event.Evidence{Sentence: Sentence, SentenceIndex: i, Start: 0, End: len(Sentence),
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
	return a, es
}

// Latencies runs q b.N times (at least 20) and reports the median and the
// 95th percentile in milliseconds.
func Latencies(b *testing.B, q func() error) {
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
