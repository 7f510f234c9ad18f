package pipeline

import (
	"context"
	"os"
	"testing"
)

// BenchmarkPipeline reads, codes and enriches the shared corpus with one
// worker per CPU and reports sentences/s and MB/s (make bench).
func BenchmarkPipeline(b *testing.B) {
	const corpus = "../../../shared/corpus/news.jsonl"
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("corpus not found at %s", corpus)
	}
	b.ReportAllocs()
	var sents, bytes int64
	for b.Loop() {
		st, err := Run(context.Background(), Options{Paths: []string{corpus}})
		if err != nil {
			b.Fatal(err)
		}
		sents += int64(st.Sentences)
		bytes += st.Bytes
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/secs, "sentences/s")
	b.ReportMetric(float64(bytes)/secs/1e6, "MB/s")
}
