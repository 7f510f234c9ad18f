package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storebench"
)

// BenchmarkAPIMillion measures API latency over HTTP on a store of
// 1,000,000 synthetic events (ten years, 40 actors, 60 CAMEO codes): each
// sub-benchmark sends one request at a time to a real listener and reports
// the median and 95th percentile, response body read in full. It builds
// the store first (about half a minute), so -short skips it.
func BenchmarkAPIMillion(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a store of 1,000,000 events; not with -short")
	}
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "million.duckdb")
	w, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	sy := storebench.New(2)
	for range 20 {
		docs := make([]store.Doc, 5000)
		for i := range docs {
			a, es := sy.Article()
			docs[i] = store.Doc{Article: a, Events: es}
		}
		if _, err := w.PutBatch(ctx, docs, store.PutOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(server.New(st, slog.New(slog.DiscardHandler), server.Options{}))
	defer srv.Close()

	for _, c := range []struct{ name, target string }{
		{"events", "/api/events?from=2018-01-01&to=2019-12-31&quad=4&limit=100"},
		{"events-text", "/api/events?source=IRQ&text=north+on+tuesday&limit=100"},
		{"series-monthly", "/api/series?interval=month&by=quad&country=IRQ"},
		{"series-auto-root", "/api/series?by=root"},
		{"dyads", "/api/dyads?quad=4"},
		{"dashboard", "/?quad=4"},
	} {
		b.Run(c.name, func(b *testing.B) {
			storebench.Latencies(b, func() error {
				resp, err := http.Get(srv.URL + c.target)
				if err != nil {
					return err
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err == nil && resp.StatusCode != http.StatusOK {
					err = fmt.Errorf("GET %s: %d %.200s", c.target, resp.StatusCode, body)
				}
				return err
			})
		})
	}
}
