package coder

import (
	"context"
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
)

const corpus = "../../../shared/corpus/news.jsonl"

// loadCorpus reads up to n articles of the shared corpus, skipping the
// benchmark when it is absent.
func loadCorpus(b *testing.B, n int) []reader.Article {
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("corpus not found at %s", corpus)
	}
	var as []reader.Article
	err := reader.Walk(context.Background(), []string{corpus}, nil, reader.JSONL, func(a reader.Article, err error) error {
		if err == nil && len(as) < n {
			as = append(as, a)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return as
}

// BenchmarkCode codes the corpus on one core and reports sentences/s and
// MB/s (make bench).
func BenchmarkCode(b *testing.B) {
	as := loadCorpus(b, 1<<30)
	c := New(nil)
	var bytes int64
	for _, a := range as {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	sents, events := 0, 0
	for b.Loop() {
		for i := range as {
			a := as[i]
			es, st := c.Code(&a, nil)
			sents += st.Sentences
			events += len(es)
		}
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/secs, "sentences/s")
	b.ReportMetric(float64(events)/secs, "events/s")
}
