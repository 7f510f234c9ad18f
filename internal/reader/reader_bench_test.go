package reader

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// corpus is the shared benchmark corpus, relative to this package.
const corpus = "../../../shared/corpus/news.jsonl"

func BenchmarkReadJSONL(b *testing.B) {
	data, err := os.ReadFile(corpus)
	if err != nil {
		b.Skipf("skipping: the shared corpus %s is missing: %v", corpus, err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		articles := 0
		err := Read(ctx, bytes.NewReader(data), corpus, Auto, func(a Article, err error) error {
			if err != nil {
				b.Fatal(err)
			}
			articles++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if articles == 0 {
			b.Fatal("no articles read")
		}
	}
}
