// Package server is sitrep's HTTP face: a JSON API over stored events and a
// dashboard (timeline, world map, event table, article view) rendered from
// embedded templates, with its JavaScript libraries vendored and embedded, so
// it works offline.
//
// The server reads and writes through the Store interface, which the DuckDB
// store satisfies through an adapter in cli and MemoryStore satisfies for
// tests and demos. Every route is listed in routes.go.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Store is what the server needs from storage. Implementations must be safe
// for concurrent use, honour ctx, and follow the matching rules documented
// on Filter; storetest.Run checks an implementation against them. Returned
// slices belong to the caller.
type Store interface {
	// Events returns one page of the events matching f, newest first:
	// ordered by Date descending (undated events last), then by ID
	// ascending. The page starts after f.Cursor ("" for the first page) and
	// holds at most f.Limit rows (f.Limit is always 1 or more). The string
	// is the cursor of the next page, "" when this page is the last. A
	// cursor the store cannot read is an error wrapping ErrBadCursor.
	Events(ctx context.Context, f Filter) ([]Row, string, error)
	// Series counts the dated events matching f per interval bucket ("day",
	// "week" or "month", see Bucket) and per key of the split by ("" for no
	// split, "root", "quad", "plover" or "country", see Key), sorted by
	// bucket then key. Buckets without events are left out; f.Cursor and
	// f.Limit are ignored.
	Series(ctx context.Context, f Filter, interval, by string) ([]Point, error)
	// Dyads returns the n source-target actor code pairs with the most
	// events matching f, most events first, then by source and target.
	// Events without a source or a target are left out.
	Dyads(ctx context.Context, f Filter, n int) ([]Dyad, error)
	// Article returns the article id and its events in text order
	// (evidence start, then ID), or an error wrapping ErrNotFound.
	Article(ctx context.Context, id string) (*Article, []Row, error)
	// Put stores article a with its coded events es, replacing the article
	// and all its events if a.ID is already stored. a.Text must be the
	// text the events' offsets refer to (the coder's NFC text).
	Put(ctx context.Context, a *reader.Article, es []event.Event) error
}

// Errors a Store wraps so the server can pick the HTTP status.
var (
	// ErrNotFound: the article asked for is not stored (404).
	ErrNotFound = errors.New("not found")
	// ErrBadCursor: a page cursor that the store did not issue (400).
	ErrBadCursor = errors.New("bad cursor")
)

// Filter selects events. Empty fields match everything; set fields must all
// match. Every Store applies the same rules, as MemoryStore does.
type Filter struct {
	// From and To bound Event.Date (YYYY-MM-DD), both inclusive. When
	// either is set, undated events (Date "") do not match.
	From, To string
	// Source and Target match when the actor's code starts with them:
	// "USA" matches USAGOV and USAMIL, "IRNREB" only that code. They never
	// match an event without that actor.
	Source, Target string
	// Country matches Event.Location.Country exactly ("IRQ"); it never
	// matches an event without a location.
	Country string
	// CAMEO matches when Event.CAMEO.Code starts with it ("19" matches 190
	// and 193; "190" matches 190 only, as no code extends it).
	CAMEO string
	// Root matches Event.CAMEO.Root exactly: "01" to "20".
	Root string
	// Quad matches Event.QuadClass, 1 to 4; 0 matches any.
	Quad int
	// PLOVER matches Event.PLOVER.Event exactly ("ASSAULT").
	PLOVER string
	// ACLED matches Event.ACLED.EventType exactly ("Battles"); it never
	// matches an event without an ACLED type.
	ACLED string
	// Text matches when Event.Evidence.Sentence contains it, both
	// lower-cased (strings.ToLower; SQL: lower(sentence) LIKE '%' ||
	// lower(text) || '%' with LIKE's wildcards escaped).
	Text string
	// Cursor and Limit page Events; the other methods ignore them.
	Cursor string
	Limit  int
}

// Row is a stored event with how often its happening was reported. Events
// are the same happening when they share Date, source code, target code
// (empty for a missing actor) and CAMEO code, in the whole store (not only
// among the events that match a filter).
type Row struct {
	event.Event
	// NumMentions counts the stored events of the happening; NumArticles
	// the distinct articles they come from; NumSources the distinct
	// publishers of those articles (an empty publisher counts as one).
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
}

// Point is the count of events of one bucket and key of a series.
type Point struct {
	// Bucket is the first day of the bucket, YYYY-MM-DD.
	Bucket string `json:"bucket"`
	// Key is the value of the split: a CAMEO root ("19"), a quad class
	// ("4"), a PLOVER type ("ASSAULT", "" for statements), a location
	// country ("IRQ", "" when unknown), or "" without a split.
	Key    string `json:"key"`
	Events int    `json:"events"`
}

// Dyad is a pair of actor codes with the number of events between them, in
// that direction, and their mean Goldstein value.
type Dyad struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"`
}

// Article is a stored article: the text is the one event offsets refer to.
type Article struct {
	ID        string `json:"id"`
	Date      string `json:"date"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Language  string `json:"language,omitempty"`
}

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
func New(store Store, logger *slog.Logger, opts Options) http.Handler {
	h := newHandler(store, logger, opts)
	return h.wrap(h.mux)
}

func newHandler(store Store, logger *slog.Logger, opts Options) *handler {
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
	h := &handler{store: store, log: logger, opts: opts, pages: ps, assets: as, mux: http.NewServeMux()}
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
