// Package server is sitrep's HTTP face: a JSON API over stored events and a
// dashboard (timeline, world map, event table, article view) rendered from
// embedded templates, with its JavaScript libraries vendored and embedded, so
// it works offline.
//
// The server reads and writes through the Store interface, the part of the
// store package's Store it uses. Every route is listed in routes.go.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/store"
)

// Store is what the server needs from storage: the part of store.Store it
// reads and writes through, with the same types and rules (filters, order,
// cursors, the dedup of reports into events). *store.DuckDB satisfies it;
// so will the PostgreSQL store. Errors wrapping store.ErrNotFound and
// store.ErrBadCursor become 404 and 400.
type Store interface {
	Events(ctx context.Context, f store.Filter) ([]store.Row, string, error)
	Series(ctx context.Context, f store.Filter, interval, by string) ([]store.Point, error)
	Dyads(ctx context.Context, f store.Filter, n int) ([]store.Dyad, error)
	Article(ctx context.Context, id string) (*store.ArticleRow, []store.Row, error)
	Put(ctx context.Context, a *reader.Article, es []event.Event) error
}

var _ Store = (*store.DuckDB)(nil)

// CodeFunc codes one article for POST /api/articles: it may normalise
// a.Text (the stored text is a.Text after the call) and returns the
// article's enriched events. It is called from many requests at once.
type CodeFunc func(ctx context.Context, a *reader.Article) ([]event.Event, error)

// Options configures New. Zero values take the defaults given.
type Options struct {
	// Token allows writes: POST /api/articles needs "Authorization: Bearer
	// <Token>". Without a token the server is read-only and POST is 403.
	Token string
	// Code codes posted articles; nil makes POST /api/articles 501.
	Code CodeFunc
	// MaxBody is the largest request body in bytes (413 beyond); default
	// 8 MiB.
	MaxBody int64
	// Timeout bounds the work of one request (the context given to the
	// store and to Code); past it the request fails with 503. Default 30s.
	Timeout time.Duration
	// MaxPage caps the limit parameter of /api/events; default 500. The
	// default page is 50 events (fewer if MaxPage is smaller).
	MaxPage int
}

// Defaults for Options.
const (
	DefaultMaxBody = 8 << 20
	DefaultTimeout = 30 * time.Second
	DefaultMaxPage = 500
	defaultPage    = 50
	defaultDyads   = 20
	maxDyads       = 200
)

// handler holds what every route needs; its methods are the routes, one
// file per resource (api_*.go, ui_*.go, static.go).
type handler struct {
	store  Store
	log    *slog.Logger
	opts   Options
	pages  *pages
	assets *assets
	mux    *http.ServeMux
}

// New returns the HTTP handler of the API and dashboard over store. logger
// receives one line per 5xx; nil discards. New panics only if the embedded
// templates or assets are broken, which the package tests rule out.
func New(st Store, logger *slog.Logger, opts Options) http.Handler {
	h := newHandler(st, logger, opts)
	return h.wrap(h.mux)
}

func newHandler(st Store, logger *slog.Logger, opts Options) *handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxPage <= 0 {
		opts.MaxPage = DefaultMaxPage
	}
	as, err := loadAssets()
	if err != nil {
		panic("server: embedded assets: " + err.Error())
	}
	ps, err := parsePages(as)
	if err != nil {
		panic("server: embedded templates: " + err.Error())
	}
	h := &handler{store: st, log: logger, opts: opts, pages: ps, assets: as, mux: http.NewServeMux()}
	h.routes()
	return h
}

// wrap adds what every request gets: a deadline, security headers, and a
// clean 500 instead of a dropped connection when a handler panics.
func (h *handler) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
		defer cancel()
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
