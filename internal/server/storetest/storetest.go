// Package storetest checks that a server.Store follows the contract the
// server relies on: filter rules, order, cursors, report counts, series,
// dyads and replacement. Run it from a store's tests:
//
//	func TestStoreContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) server.Store { return openTempStore(t) })
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
	"github.com/sitrep/sitrep/internal/server"
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
// are the same happening reported by two publishers; e7 is undated and has
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

// Seed puts every fixture into s.
func Seed(t testing.TB, s server.Store) {
	t.Helper()
	for _, f := range Fixtures() {
		a := f.Article
		if err := s.Put(context.Background(), &a, f.Events); err != nil {
			t.Fatalf("put %s: %v", a.ID, err)
		}
	}
}

// Run checks the store that open returns (empty, and one per subtest)
// against the contract of server.Store.
func Run(t *testing.T, open func(t *testing.T) server.Store) {
	ctx := context.Background()
	seeded := func(t *testing.T) server.Store {
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
			rows, next, err := s.Events(ctx, server.Filter{Limit: 3, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, ids(rows))
			if next == "" {
				break
			}
			cursor = next
		}
		want := [][]string{{"e5", "e6", "e4"}, {"e1", "e2", "e3"}, {"e8", "e7"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("pages of 3: got %v, want %v", got, want)
		}
		rows, _, err := s.Events(ctx, server.Filter{Limit: 2, Root: "19"})
		if err != nil || len(rows) != 2 {
			t.Fatalf("filtered first page: %v %v", ids(rows), err)
		}
		if _, _, err := s.Events(ctx, server.Filter{Limit: 2, Cursor: "not a cursor!"}); !errors.Is(err, server.ErrBadCursor) {
			t.Errorf("bad cursor: got %v, want ErrBadCursor", err)
		}
	})

	t.Run("counts", func(t *testing.T) {
		s := seeded(t)
		rows, _, err := s.Events(ctx, server.Filter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][3]int{"e1": {2, 2, 2}, "e3": {2, 2, 2}, "e2": {1, 1, 1}, "e7": {1, 1, 1}}
		for _, r := range rows {
			w, ok := want[r.ID]
			if got := [3]int{r.NumMentions, r.NumArticles, r.NumSources}; ok && got != w {
				t.Errorf("%s: mentions, articles, sources %v, want %v", r.ID, got, w)
			}
		}
		// Counts cover the whole store, not only the matching events.
		rows, _, err = s.Events(ctx, server.Filter{Limit: 100, Text: "rebels attacked"})
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
		ds, err := s.Dyads(ctx, server.Filter{}, 2)
		if err != nil {
			t.Fatal(err)
		}
		want := []server.Dyad{{Source: "IRQREB", Target: "IRQMIL", Events: 2, Goldstein: -10}, {Source: "FRAGOV", Target: "UKR", Events: 1, Goldstein: 7}}
		if !slices.Equal(ds, want) {
			t.Errorf("top 2 dyads: got %+v, want %+v", ds, want)
		}
		ds, err = s.Dyads(ctx, server.Filter{Country: "SYR"}, 10)
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
		if _, _, err := s.Article(ctx, "nope"); !errors.Is(err, server.ErrNotFound) {
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
		all, _, err := s.Events(ctx, server.Filter{Limit: 100})
		if err != nil || slices.Contains(ids(all), "e2") || len(all) != 7 {
			t.Errorf("after replacing a1, events %v %v", ids(all), err)
		}
	})

	t.Run("empty", func(t *testing.T) {
		s := open(t)
		rows, next, err := s.Events(ctx, server.Filter{Limit: 10})
		if err != nil || len(rows) != 0 || next != "" {
			t.Errorf("empty store events: %v %q %v", rows, next, err)
		}
		pts, err := s.Series(ctx, server.Filter{}, "day", "")
		if err != nil || len(pts) != 0 {
			t.Errorf("empty store series: %v %v", pts, err)
		}
	})
}

var filterCases = []struct {
	name string
	f    server.Filter
	want []string
}{
	{"none", server.Filter{}, []string{"e5", "e6", "e4", "e1", "e2", "e3", "e8", "e7"}},
	{"from", server.Filter{From: "2024-01-01"}, []string{"e5", "e6", "e4", "e1", "e2", "e3"}},
	{"to", server.Filter{To: "2024-01-10"}, []string{"e1", "e2", "e3", "e8"}},
	{"one day", server.Filter{From: "2024-01-10", To: "2024-01-10"}, []string{"e1", "e2", "e3"}},
	{"source country prefix", server.Filter{Source: "USA"}, []string{"e5", "e2"}},
	{"source code", server.Filter{Source: "IRQREB"}, []string{"e1", "e3"}},
	{"target", server.Filter{Target: "IRQMIL"}, []string{"e1", "e3"}},
	{"source absent", server.Filter{Source: "RUS"}, nil},
	{"country", server.Filter{Country: "SYR"}, []string{"e5", "e4"}},
	{"cameo prefix", server.Filter{CAMEO: "19"}, []string{"e5", "e1", "e3"}},
	{"cameo code", server.Filter{CAMEO: "190"}, []string{"e1", "e3"}},
	{"root", server.Filter{Root: "04"}, []string{"e6"}},
	{"quad", server.Filter{Quad: 2}, []string{"e8"}},
	{"plover", server.Filter{PLOVER: "ASSAULT"}, []string{"e5", "e1", "e3"}},
	{"acled", server.Filter{ACLED: "Protests"}, []string{"e7"}},
	{"text ignores case", server.Filter{Text: "mosul"}, []string{"e1", "e3"}},
	{"text is literal", server.Filter{Text: "%"}, nil},
	{"combined", server.Filter{Root: "19", Country: "SYR"}, []string{"e5"}},
	{"nothing", server.Filter{Country: "FRA"}, nil},
}

var seriesCases = []struct {
	name, interval, by string
	f                  server.Filter
	want               []string
}{
	{"days", "day", "", server.Filter{}, []string{"2023-12-30  1", "2024-01-10  3", "2024-01-20  1", "2024-02-03  1", "2024-02-05  1"}},
	{"weeks by root", "week", "root", server.Filter{}, []string{"2023-12-25 07 1", "2024-01-08 11 1", "2024-01-08 19 2", "2024-01-15 03 1", "2024-01-29 04 1", "2024-02-05 19 1"}},
	{"months by country", "month", "country", server.Filter{}, []string{"2023-12-01  1", "2024-01-01  1", "2024-01-01 IRQ 2", "2024-01-01 SYR 1", "2024-02-01  1", "2024-02-01 SYR 1"}},
	{"months by quad, filtered", "month", "quad", server.Filter{From: "2024-01-01"}, []string{"2024-01-01 1 1", "2024-01-01 3 1", "2024-01-01 4 2", "2024-02-01 1 1", "2024-02-01 4 1"}},
	{"days by plover", "day", "plover", server.Filter{Root: "19"}, []string{"2024-01-10 ASSAULT 2", "2024-02-05 ASSAULT 1"}},
}

func ids(rows []server.Row) []string {
	var s []string
	for _, r := range rows {
		s = append(s, r.ID)
	}
	return s
}
