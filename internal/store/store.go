// Package store keeps coded events so they can be queried, charted and
// exported: an embedded DuckDB file today, PostgreSQL later, both behind the
// Store interface.
//
// # Events, mentions and the dedup rule
//
// The coder turns every article into events, one per sentence that reports a
// happening. Several articles (or several sentences of one article) often
// report the same happening; the store keeps each report as a mention and
// folds the mentions of one happening into one event, as GDELT does. Two
// reports are the same happening when they have
//
//   - the same source actor code and the same target actor code ("" for a
//     missing actor),
//   - the same CAMEO base code (its first three digits: 1831 and 183 are
//     the same, 183 and 190 are not),
//   - the same place: Location.Country and Location.Resolved (else
//     Location.Name), compared without regard to case, or both no location,
//   - the same factuality (event.Event.IsFact: an attack and its denial are
//     not merged),
//   - event dates (Event.Date) at most one day apart, measured from the
//     event's date, which is its first mention's. Undated reports are never
//     merged.
//
// A report that matches several events joins the one with the nearest date,
// then the oldest. An event is its first mention's record: its ID, date,
// actors, codes, place and evidence are those of the first stored report,
// with NumMentions (reports), NumArticles (distinct articles) and NumSources
// (distinct publishers: the article's source, else its URL's host; reports
// with neither count as one publisher) over all its mentions. Each mention
// keeps its own evidence, offsets and codes.
//
// # Idempotence
//
// Event IDs are content hashes (event.Event.SetID) and an article is stored
// with a hash of its fields and event IDs, so storing the same article again
// changes nothing. Storing an article ID with other content replaces the
// article and its mentions, and re-folds the other mentions of the events it
// touched (which may give such an event the ID of its next mention).
package store

import (
	"context"
	"errors"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Store keeps articles and their coded events. Implementations are safe for
// concurrent use, honour ctx, and apply the Filter rules below; results
// belong to the caller.
type Store interface {
	// Put stores article a with its coded events es in one transaction,
	// folding each event into the stored happening it reports (see the
	// package doc). If a.ID is stored with the same content it does
	// nothing; with other content it replaces it. Events get a.ID as their
	// ArticleID; an event without an ID gets its content hash. The store
	// keeps no reference to a or es.
	Put(ctx context.Context, a *reader.Article, es []event.Event) error
	// PutBatch stores docs as Put does, all in one transaction: either every
	// doc is stored or, on error, none. Unless opts.Replace, an article
	// already stored is skipped whatever its content.
	PutBatch(ctx context.Context, docs []Doc, opts PutOptions) (PutStats, error)
	// Has reports whether the article id is stored.
	Has(ctx context.Context, articleID string) (bool, error)
	// Events returns one page of the events matching f, newest first: by
	// Date descending, undated events last, then in the order their first
	// reports were stored. The page
	// starts after f.Cursor ("" for the first) and holds at most f.Limit
	// rows (DefaultLimit if 0 or less, MaxLimit at most). The string is the
	// cursor of the next page, "" after the last. A cursor the store did
	// not issue is an error wrapping ErrBadCursor.
	Events(ctx context.Context, f Filter) ([]Row, string, error)
	// Each calls fn with every event matching f, in the order of Events,
	// ignoring f.Cursor and f.Limit, and stops at fn's first error, which it
	// returns. fn must not call the store. The Row is reused between calls.
	Each(ctx context.Context, f Filter, fn func(*Row) error) error
	// Series counts the dated events matching f per interval ("day",
	// "week" (from Monday), "month" or "year") and per key of by: "" (no
	// split), "root", "quad", "plover", "acled", "country", "source" or
	// "target" (the actor code). Points are sorted by bucket, then key;
	// empty buckets are left out. An unknown interval or by is an error.
	Series(ctx context.Context, f Filter, interval, by string) ([]Point, error)
	// Dyads returns the n source-target actor code pairs with the most
	// events matching f, most first, then by source and target. Events
	// without a source or a target are left out.
	Dyads(ctx context.Context, f Filter, n int) ([]Dyad, error)
	// Article returns the stored article id and its own events (its
	// mentions: their IDs, codes and offsets as coded from this article,
	// with the counts of the events they were folded into), in text order
	// (evidence start, then ID). A missing article is an error wrapping
	// ErrNotFound.
	Article(ctx context.Context, id string) (*ArticleRow, []Row, error)
	// Mentions returns the reports folded into event id, oldest first, each
	// as coded from its own article. A missing event is an error wrapping
	// ErrNotFound.
	Mentions(ctx context.Context, id string) ([]event.Event, error)
	// Totals counts what is stored.
	Totals(ctx context.Context) (Totals, error)
	// QueryReadOnly runs one SELECT (or WITH ... SELECT) statement in a
	// read-only transaction and returns the column names and every row.
	// Any other statement is an error wrapping ErrNotReadOnly, whatever
	// the store's mode. Values are the driver's (string, int64, float64,
	// bool, time.Time, []any, map[string]any, nil...). The statement can
	// read files the process can read (read_csv): do not pass it SQL from
	// untrusted users.
	QueryReadOnly(ctx context.Context, sql string) (cols []string, rows [][]any, err error)
	// Close releases the store; it waits for no query.
	Close() error
}

// Errors the store wraps, for errors.Is.
var (
	// ErrNotFound: the article or event asked for is not stored.
	ErrNotFound = errors.New("not found")
	// ErrBadCursor: a page cursor that the store did not issue.
	ErrBadCursor = errors.New("bad cursor")
	// ErrLocked: another process has the store file open (DuckDB allows
	// one process per file, or several read-only ones).
	ErrLocked = errors.New("store is in use by another process")
	// ErrNoStore: a read-only open of a file that does not exist.
	ErrNoStore = errors.New("no store")
	// ErrNotReadOnly: QueryReadOnly was given a statement other than one
	// SELECT.
	ErrNotReadOnly = errors.New("only one SELECT or WITH statement is allowed")
	// ErrReadOnly: a write to a store opened read-only.
	ErrReadOnly = errors.New("store is open read-only")
)

// Page sizes of Events.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

// Filter selects events. Empty fields match everything; set fields must all
// match. The server and the CLI parse their parameters into it.
type Filter struct {
	// From and To bound Event.Date (YYYY-MM-DD), both inclusive. When
	// either is set, undated events do not match.
	From, To string
	// Source and Target match when the actor's code starts with them
	// ("USA" matches USAGOV and USAMIL); never an event without that actor.
	Source, Target string
	// Country matches Event.Location.Country exactly ("IRQ"); never an
	// event without a location.
	Country string
	// CAMEO matches when Event.CAMEO.Code starts with it ("19", "190").
	CAMEO string
	// Root matches Event.CAMEO.Root exactly: "01" to "20".
	Root string
	// Quad matches Event.QuadClass, 1 to 4; 0 matches any.
	Quad int
	// PLOVER matches Event.PLOVER.Event exactly ("ASSAULT").
	PLOVER string
	// ACLED matches Event.ACLED.EventType exactly ("Battles"); never an
	// event without an ACLED type.
	ACLED string
	// Text matches when the evidence sentence of any of the event's
	// mentions contains it, ignoring case; it is literal (no wildcards).
	Text string
	// Cursor and Limit page Events; the other methods ignore them.
	Cursor string
	Limit  int
}

// Row is a stored event: its first mention's record with how often the
// happening was reported.
type Row struct {
	event.Event
	// NumMentions counts the reports of the happening, NumArticles the
	// distinct articles they come from, NumSources their distinct
	// publishers.
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
}

// Point is the number of events of one bucket and key of a series.
type Point struct {
	// Bucket is the first day of the bucket, YYYY-MM-DD.
	Bucket string `json:"bucket"`
	// Key is the value of the split ("19", "4", "ASSAULT", "IRQ"), "" when
	// there is no split or the event has no value for it.
	Key    string `json:"key"`
	Events int    `json:"events"`
}

// Dyad is a pair of actor codes with the number of events from the first
// to the second and their mean Goldstein value.
type Dyad struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"`
}

// ArticleRow is a stored article. Text is the text the event offsets refer
// to.
type ArticleRow struct {
	ID        string `json:"id"`
	Date      string `json:"date"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Language  string `json:"language,omitempty"`
	// SHA is the content hash Put compares to decide whether an article is
	// unchanged.
	SHA string `json:"sha"`
}

// Totals counts stored articles, events (happenings) and mentions (reports).
type Totals struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	Mentions int `json:"mentions"`
}

// Doc is one article with its coded events, the unit PutBatch stores.
type Doc struct {
	Article *reader.Article
	Events  []event.Event
}

// PutOptions configures PutBatch.
type PutOptions struct {
	// Replace stores an article whose ID is already stored if its content
	// changed (as Put does); without it such an article is skipped, which
	// is what resuming an interrupted ingest wants.
	Replace bool
}

// PutStats says what PutBatch did.
type PutStats struct {
	Articles int // articles stored (new or replacing)
	Replaced int // of which replaced a stored article
	Skipped  int // articles left as they were (already stored)
	Mentions int // mentions stored
	Events   int // new events (happenings)
	Merged   int // mentions folded into an event that was already stored or earlier in the batch
}
