package enrich_test

import (
	"context"
	"os"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/enrich"
	"github.com/sitrep/sitrep/internal/reader"
)

// BenchmarkAttributionsCounts runs Attributions and Counts over the coded
// events of the first 5,000 articles of the shared corpus and reports the
// cost per coded sentence (of all sentences, with or without events).
func BenchmarkAttributionsCounts(b *testing.B) {
	const corpus = "../../../shared/corpus/news.jsonl"
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("corpus not found at %s", corpus)
	}
	type coded struct {
		a  reader.Article
		es []event.Event
	}
	var docs []coded
	c := coder.New(nil)
	sentences := 0
	errStop := context.Canceled
	reader.Walk(context.Background(), []string{corpus}, nil, reader.Auto, func(a reader.Article, err error) error {
		if err != nil {
			return nil
		}
		es, st := c.Code(&a, nil)
		sentences += st.Sentences
		docs = append(docs, coded{a, es})
		if len(docs) == 5000 {
			return errStop
		}
		return nil
	})
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			d := &docs[i]
			enrich.Attributions(&d.a, d.es)
			enrich.Counts(&d.a, d.es)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*sentences), "ns/sentence")
}
