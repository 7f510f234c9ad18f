package server

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// MemoryStore is a Store in memory, for tests and for `sitrep serve
// --memory` demos. It keeps everything until the process ends and scans
// every event on each query, so it suits thousands of events, not
// millions. It is safe for concurrent use; the zero value is not, use
// NewMemoryStore.
type MemoryStore struct {
	mu       sync.RWMutex
	articles map[string]*Article
	events   map[string][]event.Event // by article ID, in text order
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{articles: map[string]*Article{}, events: map[string][]event.Event{}}
}

// Put stores a and copies of es, replacing what a.ID held before. The
// copies get a.ID as their ArticleID.
func (m *MemoryStore) Put(ctx context.Context, a *reader.Article, es []event.Event) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if a.ID == "" {
		return fmt.Errorf("put: article without id")
	}
	es = slices.Clone(es)
	for i := range es {
		es[i].ArticleID = a.ID
	}
	slices.SortStableFunc(es, func(x, y event.Event) int {
		return cmp.Or(cmp.Compare(x.Evidence.Start, y.Evidence.Start), cmp.Compare(x.ID, y.ID))
	})
	m.mu.Lock()
	defer m.mu.Unlock()
	m.articles[a.ID] = &Article{ID: a.ID, Date: a.Date, Title: a.Title, Text: a.Text, URL: a.URL, Publisher: a.Source, Language: a.Language}
	m.events[a.ID] = es
	return nil
}

// happening is the key of the events that count as one happening (see Row).
func happening(e *event.Event) string {
	code := func(a *event.Actor) string {
		if a == nil {
			return ""
		}
		return a.Code
	}
	return e.Date + "\x00" + code(e.Source) + "\x00" + code(e.Target) + "\x00" + e.CAMEO.Code
}

// rows returns every stored event with its report counts, in no order. The
// caller holds m.mu.
func (m *MemoryStore) rows() []Row {
	type tally struct {
		mentions          int
		articles, sources map[string]bool
	}
	tallies := map[string]*tally{}
	var rows []Row
	for aid, es := range m.events {
		pub := m.articles[aid].Publisher
		for i := range es {
			k := happening(&es[i])
			t := tallies[k]
			if t == nil {
				t = &tally{articles: map[string]bool{}, sources: map[string]bool{}}
				tallies[k] = t
			}
			t.mentions++
			t.articles[aid] = true
			t.sources[pub] = true
			rows = append(rows, Row{Event: es[i]})
		}
	}
	for i := range rows {
		t := tallies[happening(&rows[i].Event)]
		rows[i].NumMentions, rows[i].NumArticles, rows[i].NumSources = t.mentions, len(t.articles), len(t.sources)
	}
	return rows
}

// Match reports whether e matches f, by the rules documented on Filter.
func (f *Filter) Match(e *event.Event) bool {
	if (f.From != "" || f.To != "") && e.Date == "" ||
		f.From != "" && e.Date < f.From || f.To != "" && e.Date > f.To {
		return false
	}
	if f.Source != "" && (e.Source == nil || !strings.HasPrefix(e.Source.Code, f.Source)) ||
		f.Target != "" && (e.Target == nil || !strings.HasPrefix(e.Target.Code, f.Target)) {
		return false
	}
	if f.Country != "" && (e.Location == nil || e.Location.Country != f.Country) {
		return false
	}
	if f.CAMEO != "" && !strings.HasPrefix(e.CAMEO.Code, f.CAMEO) ||
		f.Root != "" && e.CAMEO.Root != f.Root ||
		f.Quad != 0 && e.QuadClass != f.Quad ||
		f.PLOVER != "" && e.PLOVER.Event != f.PLOVER {
		return false
	}
	if f.ACLED != "" && (e.ACLED == nil || e.ACLED.EventType != f.ACLED) {
		return false
	}
	if f.Text != "" && !containsFold(e.Evidence.Sentence, f.Text) {
		return false
	}
	return true
}

// containsFold reports whether s contains sub when both are lower-cased
// (strings.ToLower, as SQL lower() does).
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func (m *MemoryStore) matching(f *Filter) []Row {
	all := m.rows()
	rows := all[:0]
	for _, r := range all {
		if f.Match(&r.Event) {
			rows = append(rows, r)
		}
	}
	return rows
}

// eventOrder is the order of Events: date descending (undated last), then
// ID ascending.
func eventOrder(a, b *event.Event) int {
	return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.ID, b.ID))
}

// Events returns one page of matching events; its cursor encodes the date
// and ID of the page's last row.
func (m *MemoryStore) Events(ctx context.Context, f Filter) ([]Row, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	var after *event.Event
	if f.Cursor != "" {
		raw, err := base64.RawURLEncoding.DecodeString(f.Cursor)
		date, id, ok := strings.Cut(string(raw), "\x00")
		if err != nil || !ok || id == "" {
			return nil, "", fmt.Errorf("cursor %q: %w", f.Cursor, ErrBadCursor)
		}
		after = &event.Event{Date: date, ID: id}
	}
	m.mu.RLock()
	rows := m.matching(&f)
	m.mu.RUnlock()
	slices.SortFunc(rows, func(a, b Row) int { return eventOrder(&a.Event, &b.Event) })
	if after != nil {
		i, _ := slices.BinarySearchFunc(rows, after, func(r Row, t *event.Event) int {
			if c := eventOrder(&r.Event, t); c != 0 {
				return c
			}
			return -1 // the row the cursor names comes before the page
		})
		rows = rows[i:]
	}
	limit := max(f.Limit, 1)
	if len(rows) <= limit {
		return slices.Clip(rows), "", nil
	}
	last := rows[limit-1]
	next := base64.RawURLEncoding.EncodeToString([]byte(last.Date + "\x00" + last.ID))
	return slices.Clip(rows[:limit]), next, nil
}

// Series counts matching dated events per bucket and key.
func (m *MemoryStore) Series(ctx context.Context, f Filter, interval, by string) ([]Point, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !slices.Contains(intervals, interval) {
		return nil, fmt.Errorf("series: unknown interval %q", interval)
	}
	if by != "" && (by == "none" || !slices.Contains(splits, by)) {
		return nil, fmt.Errorf("series: unknown split %q", by)
	}
	m.mu.RLock()
	rows := m.matching(&f)
	m.mu.RUnlock()
	counts := map[[2]string]int{}
	for i := range rows {
		b := Bucket(interval, rows[i].Date)
		if b == "" {
			continue
		}
		counts[[2]string{b, Key(by, &rows[i].Event)}]++
	}
	pts := make([]Point, 0, len(counts))
	for k, n := range counts {
		pts = append(pts, Point{Bucket: k[0], Key: k[1], Events: n})
	}
	slices.SortFunc(pts, func(a, b Point) int { return cmp.Or(cmp.Compare(a.Bucket, b.Bucket), cmp.Compare(a.Key, b.Key)) })
	return pts, nil
}

// Dyads returns the n busiest source-target pairs among matching events.
func (m *MemoryStore) Dyads(ctx context.Context, f Filter, n int) ([]Dyad, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	rows := m.matching(&f)
	m.mu.RUnlock()
	type sum struct {
		events    int
		goldstein float64
	}
	sums := map[[2]string]*sum{}
	for i := range rows {
		e := &rows[i].Event
		if e.Source == nil || e.Target == nil {
			continue
		}
		k := [2]string{e.Source.Code, e.Target.Code}
		s := sums[k]
		if s == nil {
			s = &sum{}
			sums[k] = s
		}
		s.events++
		s.goldstein += e.Goldstein
	}
	ds := make([]Dyad, 0, len(sums))
	for k, s := range sums {
		ds = append(ds, Dyad{Source: k[0], Target: k[1], Events: s.events, Goldstein: s.goldstein / float64(s.events)})
	}
	slices.SortFunc(ds, func(a, b Dyad) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	if len(ds) > n {
		ds = ds[:max(n, 0)]
	}
	return ds, nil
}

// Article returns a copy of the stored article id and its events.
func (m *MemoryStore) Article(ctx context.Context, id string) (*Article, []Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.articles[id]
	if !ok {
		return nil, nil, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	var rows []Row
	for _, r := range m.rows() {
		if r.ArticleID == id {
			rows = append(rows, r)
		}
	}
	slices.SortFunc(rows, func(x, y Row) int {
		return cmp.Or(cmp.Compare(x.Evidence.Start, y.Evidence.Start), cmp.Compare(x.ID, y.ID))
	})
	c := *a
	return &c, rows, nil
}
