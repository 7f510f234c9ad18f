// Package storetest checks that a store.Store follows the contract the
// server and the CLI rely on: filter rules, order, cursors, the folding of
// reports into events and their counts, series, dyads and replacement. Every
// Store implementation runs it from its tests:
//
//	func TestStoreContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openTempStore(t) })
//	}
//
// The fixtures are small hand-made articles with hand-made events, so the
// expected answers below are written out, not computed.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/store"
)

// Fixture is one article with its coded events.
type Fixture struct {
	Article reader.Article
	Events  []event.Event
}

// spec describes a fixture event by the words of its sentence.
type spec struct {
	id, date, sentence, trigger string
	source, sourceCode          string
	target, targetCode          string
	place, country              string
	cameo                       string
}

// Fixtures returns the test articles, new on each call. Events e1 and e3
// are the same happening reported by two publishers (same dyad, CAMEO base
// code and place, the second's date that of the first), so a store folds
// e3 into e1 as its second mention; e7 is undated and has
// no source; e8 falls in December 2023.
func Fixtures() []Fixture {
	type art struct {
		id, date, title, publisher string
		specs                      []spec
	}
	arts := []art{
		{"a1", "2024-01-10", "Fighting near Mosul", "Wire A", []spec{
			{"e1", "2024-01-10", "Rebels attacked government troops near Mosul.", "attacked", "Rebels", "IRQREB", "government troops", "IRQMIL", "Mosul", "IRQ", "190"},
			{"e2", "2024-01-10", "The United States condemned the rebels.", "condemned", "The United States", "USAGOV", "the rebels", "IRQREB", "", "", "111"},
		}},
		{"a2", "2024-01-11", "Insurgents strike in the north", "Wire B", []spec{
			{"e3", "2024-01-10", "Insurgents assaulted soldiers in MOSUL on Wednesday.", "assaulted", "Insurgents", "IRQREB", "soldiers", "IRQMIL", "MOSUL", "IRQ", "190"},
			{"e4", "2024-01-20", "Syria said it would meet Turkish officials in Damascus.", "would meet", "Syria", "SYRGOV", "Turkish officials", "TURGOV", "Damascus", "SYR", "036"},
		}},
		{"a3", "2024-02-05", "Strikes in Syria", "Wire A", []spec{
			{"e5", "2024-02-05", "US troops fought Iran-backed militias in Deir ez-Zor.", "fought", "US troops", "USAMIL", "Iran-backed militias", "IRNREB", "Deir ez-Zor", "SYR", "193"},
			{"e6", "2024-02-03", "The UN hosted Syrian envoys on Saturday.", "hosted", "The UN", "IGOUNO", "Syrian envoys", "SYRGOV", "", "", "043"},
		}},
		{"a4", "", "Rally", "", []spec{
			{"e7", "", "Thousands rallied against the Russian government in Moscow.", "rallied against", "", "", "the Russian government", "RUSGOV", "Moscow", "RUS", "141"},
		}},
		{"a5", "2023-12-30", "Aid for Ukraine", "Wire C", []spec{
			{"e8", "2023-12-30", "France sent aid to Ukraine.", "sent aid", "France", "FRAGOV", "Ukraine", "UKR", "", "", "070"},
		}},
	}
	var fs []Fixture
	for _, a := range arts {
		var sents []string
		for _, s := range a.specs {
			sents = append(sents, s.sentence)
		}
		text := strings.Join(sents, " ")
		f := Fixture{Article: reader.Article{ID: a.id, Date: a.date, Title: a.title, Text: text, Source: a.publisher, URL: "https://example.org/" + a.id}}
		for i, s := range a.specs {
			f.Events = append(f.Events, build(a.id, a.date, a.publisher, text, i, s))
		}
		fs = append(fs, f)
	}
	return fs
}

func build(articleID, pubDate, publisher, text string, index int, s spec) event.Event {
	at := strings.Index(text, s.sentence)
	off := func(sub string) (int, int) {
		i := strings.Index(s.sentence, sub)
		if sub == "" || i < 0 {
			panic(fmt.Sprintf("storetest: %q not in %q", sub, s.sentence))
		}
		return at + i, at + i + len(sub)
	}
	c, ok := ontology.Lookup(s.cameo)
	if !ok {
		panic("storetest: no CAMEO code " + s.cameo)
	}
	e := event.Event{
		ID: s.id, ArticleID: articleID, Date: s.date, PubDate: pubDate, Publisher: publisher,
		CAMEO: event.CAMEO{Code: c.Code, Base: c.Base, Root: c.Root, Name: c.Name}, Goldstein: c.Goldstein, QuadClass: c.QuadClass,
		PLOVER: event.PLOVER{Event: c.PLOVEREvent, Mode: c.PLOVERMode}, Modality: event.Asserted, Confidence: 0.8,
	}
	if s.date != "" {
		e.DatePrecision, e.DateType = "day", "publication"
	}
	if c.ACLEDType != "" {
		e.ACLED = &event.ACLED{EventType: c.ACLEDType, SubEventType: c.ACLEDSubType}
	}
	actor := func(txt, code string) *event.Actor {
		if txt == "" {
			return nil
		}
		a := &event.Actor{Text: txt, Code: code, Country: code[:3]}
		a.Start, a.End = off(txt)
		return a
	}
	e.Source = actor(s.source, s.sourceCode)
	e.Target = actor(s.target, s.targetCode)
	if s.place != "" {
		e.Location = &event.Location{Name: s.place, Resolved: s.place, Country: s.country, Precision: "city"}
		e.Location.Start, e.Location.End = off(s.place)
	}
	ts, te := off(s.trigger)
	e.Evidence = event.Evidence{Sentence: s.sentence, SentenceIndex: index, SentenceStart: at,
		Start: at, End: at + len(s.sentence), Trigger: s.trigger, TriggerStart: ts, TriggerEnd: te, Rule: "storetest:1 " + s.trigger}
	return e
}

// Putter is what Seed needs of a store: store.Store and server.Store have it.
type Putter interface {
	Put(ctx context.Context, a *reader.Article, es []event.Event) error
}

// Seed puts every fixture into s.
func Seed(t testing.TB, s Putter) {
	t.Helper()
	for _, f := range Fixtures() {
		a := f.Article
		if err := s.Put(context.Background(), &a, f.Events); err != nil {
			t.Fatalf("put %s: %v", a.ID, err)
		}
	}
}

// Run checks the store that open returns (empty, and one per subtest)
// against the contract of store.Store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	seeded := func(t *testing.T) store.Store {
		s := open(t)
		Seed(t, s)
		return s
	}

	t.Run("filters", func(t *testing.T) {
		s := seeded(t)
		for _, c := range filterCases {
			f := c.f
			f.Limit = 100
			rows, next, err := s.Events(ctx, f)
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if got := ids(rows); !slices.Equal(got, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
			if next != "" {
				t.Errorf("%s: next cursor %q on the only page", c.name, next)
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		s := seeded(t)
		var got [][]string
		cursor := ""
		for range 10 {
			rows, next, err := s.Events(ctx, store.Filter{Limit: 3, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, ids(rows))
			if next == "" {
				break
			}
			cursor = next
		}
		want := [][]string{{"e5", "e6", "e4"}, {"e1", "e2", "e8"}, {"e7"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("pages of 3: got %v, want %v", got, want)
		}
		rows, _, err := s.Events(ctx, store.Filter{Limit: 2, Root: "19"})
		if err != nil || len(rows) != 2 {
			t.Fatalf("filtered first page: %v %v", ids(rows), err)
		}
		if _, _, err := s.Events(ctx, store.Filter{Limit: 2, Cursor: "not a cursor!"}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("bad cursor: got %v, want ErrBadCursor", err)
		}
	})

	t.Run("counts", func(t *testing.T) {
		s := seeded(t)
		rows, _, err := s.Events(ctx, store.Filter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][3]int{"e1": {2, 2, 2}, "e2": {1, 1, 1}, "e7": {1, 1, 1}}
		for _, r := range rows {
			w, ok := want[r.ID]
			if got := [3]int{r.NumMentions, r.NumArticles, r.NumSources}; ok && got != w {
				t.Errorf("%s: mentions, articles, sources %v, want %v", r.ID, got, w)
			}
		}
		// Counts cover the whole store, not only the matching events.
		rows, _, err = s.Events(ctx, store.Filter{Limit: 100, Text: "rebels attacked"})
		if err != nil || len(rows) != 1 || rows[0].NumMentions != 2 {
			t.Errorf("filtered e1: %+v %v, want 2 mentions", rows, err)
		}
	})

	t.Run("series", func(t *testing.T) {
		s := seeded(t)
		for _, c := range seriesCases {
			pts, err := s.Series(ctx, c.f, c.interval, c.by)
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			var got []string
			for _, p := range pts {
				got = append(got, fmt.Sprintf("%s %s %d", p.Bucket, p.Key, p.Events))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
			}
		}
	})

	t.Run("dyads", func(t *testing.T) {
		s := seeded(t)
		ds, err := s.Dyads(ctx, store.Filter{}, 2)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.Dyad{{Source: "FRAGOV", Target: "UKR", Events: 1, Goldstein: 7}, {Source: "IGOUNO", Target: "SYRGOV", Events: 1, Goldstein: 2.8}}
		if !slices.Equal(ds, want) {
			t.Errorf("top 2 dyads: got %+v, want %+v", ds, want)
		}
		ds, err = s.Dyads(ctx, store.Filter{Country: "SYR"}, 10)
		if err != nil || len(ds) != 2 || ds[0].Source != "SYRGOV" || ds[1].Source != "USAMIL" {
			t.Errorf("dyads in SYR: %+v %v", ds, err)
		}
	})

	t.Run("article", func(t *testing.T) {
		s := seeded(t)
		a, rows, err := s.Article(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		want := Fixtures()[0].Article
		if a.ID != "a1" || a.Date != want.Date || a.Title != want.Title || a.Text != want.Text || a.Publisher != "Wire A" || a.URL != want.URL {
			t.Errorf("article a1: %+v", a)
		}
		if got := ids(rows); !slices.Equal(got, []string{"e1", "e2"}) {
			t.Errorf("events of a1: %v", got)
		}
		if len(rows) > 0 && (rows[0].Source == nil || rows[0].Source.Start != 0 || rows[0].Evidence.TriggerStart != 7 || rows[0].Location == nil) {
			t.Errorf("e1 did not keep its offsets: %+v", rows[0].Event)
		}
		// An article lists its own reports, also those folded into an
		// event of another article, with the counts of that event.
		_, rows, err = s.Article(ctx, "a2")
		if err != nil || !slices.Equal(ids(rows), []string{"e3", "e4"}) || rows[0].NumMentions != 2 || rows[0].Evidence.Trigger != "assaulted" {
			t.Errorf("events of a2: %v %v", ids(rows), err)
		}
		ms, err := s.Mentions(ctx, "e1")
		if err != nil || len(ms) != 2 || ms[0].ID != "e1" || ms[1].ID != "e3" || ms[1].Location.Name != "MOSUL" {
			t.Errorf("mentions of e1: %+v %v", ms, err)
		}
		if _, _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing article: got %v, want ErrNotFound", err)
		}
	})

	t.Run("replace", func(t *testing.T) {
		s := seeded(t)
		f := Fixtures()[0]
		f.Article.Title = "Fighting near Mosul (updated)"
		if err := s.Put(ctx, &f.Article, f.Events[:1]); err != nil {
			t.Fatal(err)
		}
		a, rows, err := s.Article(ctx, "a1")
		if err != nil || a.Title != f.Article.Title || !slices.Equal(ids(rows), []string{"e1"}) {
			t.Errorf("after replacing a1: %+v %v %v", a, ids(rows), err)
		}
		all, _, err := s.Events(ctx, store.Filter{Limit: 100})
		if err != nil || slices.Contains(ids(all), "e2") || len(all) != 6 {
			t.Errorf("after replacing a1, events %v %v", ids(all), err)
		}
	})

	t.Run("empty", func(t *testing.T) {
		s := open(t)
		rows, next, err := s.Events(ctx, store.Filter{Limit: 10})
		if err != nil || len(rows) != 0 || next != "" {
			t.Errorf("empty store events: %v %q %v", rows, next, err)
		}
		pts, err := s.Series(ctx, store.Filter{}, "day", "")
		if err != nil || len(pts) != 0 {
			t.Errorf("empty store series: %v %v", pts, err)
		}
	})
}

var filterCases = []struct {
	name string
	f    store.Filter
	want []string
}{
	{"none", store.Filter{}, []string{"e5", "e6", "e4", "e1", "e2", "e8", "e7"}},
	{"from", store.Filter{From: "2024-01-01"}, []string{"e5", "e6", "e4", "e1", "e2"}},
	{"to", store.Filter{To: "2024-01-10"}, []string{"e1", "e2", "e8"}},
	{"one day", store.Filter{From: "2024-01-10", To: "2024-01-10"}, []string{"e1", "e2"}},
	{"source country prefix", store.Filter{Source: "USA"}, []string{"e5", "e2"}},
	{"source code", store.Filter{Source: "IRQREB"}, []string{"e1"}},
	{"target", store.Filter{Target: "IRQMIL"}, []string{"e1"}},
	{"source absent", store.Filter{Source: "RUS"}, nil},
	{"country", store.Filter{Country: "SYR"}, []string{"e5", "e4"}},
	{"cameo prefix", store.Filter{CAMEO: "19"}, []string{"e5", "e1"}},
	{"cameo code", store.Filter{CAMEO: "190"}, []string{"e1"}},
	{"root", store.Filter{Root: "04"}, []string{"e6"}},
	{"quad", store.Filter{Quad: 2}, []string{"e8"}},
	{"plover", store.Filter{PLOVER: "ASSAULT"}, []string{"e5", "e1"}},
	{"acled", store.Filter{ACLED: "Protests"}, []string{"e7"}},
	{"text ignores case", store.Filter{Text: "mosul"}, []string{"e1"}},
	{"text of a later mention", store.Filter{Text: "INSURGENTS assaulted"}, []string{"e1"}},
	{"text is literal", store.Filter{Text: "%"}, nil},
	{"combined", store.Filter{Root: "19", Country: "SYR"}, []string{"e5"}},
	{"nothing", store.Filter{Country: "FRA"}, nil},
}

var seriesCases = []struct {
	name, interval, by string
	f                  store.Filter
	want               []string
}{
	{"days", "day", "", store.Filter{}, []string{"2023-12-30  1", "2024-01-10  2", "2024-01-20  1", "2024-02-03  1", "2024-02-05  1"}},
	{"weeks by root", "week", "root", store.Filter{}, []string{"2023-12-25 07 1", "2024-01-08 11 1", "2024-01-08 19 1", "2024-01-15 03 1", "2024-01-29 04 1", "2024-02-05 19 1"}},
	{"months by country", "month", "country", store.Filter{}, []string{"2023-12-01  1", "2024-01-01  1", "2024-01-01 IRQ 1", "2024-01-01 SYR 1", "2024-02-01  1", "2024-02-01 SYR 1"}},
	{"months by quad, filtered", "month", "quad", store.Filter{From: "2024-01-01"}, []string{"2024-01-01 1 1", "2024-01-01 3 1", "2024-01-01 4 1", "2024-02-01 1 1", "2024-02-01 4 1"}},
	{"days by plover", "day", "plover", store.Filter{Root: "19"}, []string{"2024-01-10 ASSAULT 1", "2024-02-05 ASSAULT 1"}},
}

func ids(rows []store.Row) []string {
	var s []string
	for _, r := range rows {
		s = append(s, r.ID)
	}
	return s
}
