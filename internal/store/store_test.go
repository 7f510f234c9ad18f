package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/reader"
)

func openTemp(t testing.TB) *DuckDB {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// report describes a test event by the words of its sentence.
type report struct {
	date, sentence, trigger string
	source, sourceCode      string
	target, targetCode      string
	place, country          string
	cameo                   string
	modality                string
}

// article builds an article whose text is its reports' sentences, and its
// events with offsets into that text and content-hash IDs.
func article(id, date, publisher string, rs ...report) (*reader.Article, []event.Event) {
	var sents []string
	for _, r := range rs {
		sents = append(sents, r.sentence)
	}
	text := strings.Join(sents, " ")
	a := &reader.Article{ID: id, Date: date, Title: "Title of " + id, Text: text, Source: publisher, URL: "https://news.example/" + id}
	var es []event.Event
	at := 0
	for i, r := range rs {
		off := func(sub string) (int, int) {
			j := strings.Index(r.sentence, sub)
			if j < 0 {
				panic(fmt.Sprintf("%q not in %q", sub, r.sentence))
			}
			return at + j, at + j + len(sub)
		}
		c, ok := ontology.Lookup(r.cameo)
		if !ok {
			panic("no CAMEO code " + r.cameo)
		}
		e := event.Event{
			ArticleID: id, Date: r.date, PubDate: date, URL: a.URL, Publisher: publisher,
			CAMEO: event.CAMEO{Code: c.Code, Base: c.Base, Root: c.Root, Name: c.Name}, Goldstein: c.Goldstein, QuadClass: c.QuadClass,
			PLOVER: event.PLOVER{Event: c.PLOVEREvent, Mode: c.PLOVERMode}, Modality: event.Asserted, Confidence: 0.8,
		}
		if r.modality != "" {
			e.Modality, e.ModalityCue = r.modality, "not"
		}
		if r.date != "" {
			e.DatePrecision, e.DateType = "day", "publication"
		}
		if c.ACLEDType != "" {
			e.ACLED = &event.ACLED{EventType: c.ACLEDType, SubEventType: c.ACLEDSubType}
		}
		actor := func(txt, code string) *event.Actor {
			if txt == "" {
				return nil
			}
			a := &event.Actor{Text: txt, Code: code, Country: code[:3], Sectors: []string{code[3:]}}
			a.Start, a.End = off(txt)
			return a
		}
		e.Source, e.Target = actor(r.source, r.sourceCode), actor(r.target, r.targetCode)
		if r.place != "" {
			l := event.Location{Name: r.place, Resolved: strings.ToUpper(r.place[:1]) + strings.ToLower(r.place[1:]), Country: r.country, Lat: 36.3, Lon: 43.1, Precision: "city"}
			l.Start, l.End = off(r.place)
			e.Location = &l
		}
		ts, te := off(r.trigger)
		e.Evidence = event.Evidence{Sentence: r.sentence, SentenceIndex: i, SentenceStart: at, Start: at, End: at + len(r.sentence),
			Trigger: r.trigger, TriggerStart: ts, TriggerEnd: te, Rule: "test:1 " + r.trigger}
		e.SetID()
		es = append(es, e)
		at += len(r.sentence) + 1
	}
	return a, es
}

func put(t testing.TB, s *DuckDB, a *reader.Article, es []event.Event) {
	t.Helper()
	if err := s.Put(context.Background(), a, es); err != nil {
		t.Fatalf("put %s: %v", a.ID, err)
	}
}

func totals(t testing.TB, s *DuckDB) Totals {
	t.Helper()
	tt, err := s.Totals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tt
}

func allRows(t testing.TB, s *DuckDB, f Filter) []Row {
	t.Helper()
	var out []Row
	err := s.Each(context.Background(), f, func(r *Row) error { out = append(out, *r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The reports of the attack near Mosul on 2024-01-10, as different
// articles give them.
var (
	attack = report{date: "2024-01-10", sentence: "Rebels attacked government troops near Mosul.", trigger: "attacked",
		source: "Rebels", sourceCode: "IRQREB", target: "government troops", targetCode: "IRQMIL", place: "Mosul", country: "IRQ", cameo: "183"}
	attackAgain = report{date: "2024-01-11", sentence: "Insurgents assaulted soldiers in MOSUL overnight.", trigger: "assaulted",
		source: "Insurgents", sourceCode: "IRQREB", target: "soldiers", targetCode: "IRQMIL", place: "MOSUL", country: "IRQ", cameo: "1831"}
	attackLater = report{date: "2024-01-13", sentence: "Rebels attacked troops near Mosul again.", trigger: "attacked",
		source: "Rebels", sourceCode: "IRQREB", target: "troops", targetCode: "IRQMIL", place: "Mosul", country: "IRQ", cameo: "190"}
	attackElsewhere = report{date: "2024-01-10", sentence: "Rebels attacked troops near Kirkuk.", trigger: "attacked",
		source: "Rebels", sourceCode: "IRQREB", target: "troops", targetCode: "IRQMIL", place: "Kirkuk", country: "IRQ", cameo: "190"}
	attackDenied = report{date: "2024-01-10", sentence: "Rebels did not attack troops near Mosul.", trigger: "attack",
		source: "Rebels", sourceCode: "IRQREB", target: "troops", targetCode: "IRQMIL", place: "Mosul", country: "IRQ", cameo: "190", modality: event.Negated}
	attackUndated = report{sentence: "Rebels attacked troops near Mosul once.", trigger: "attacked",
		source: "Rebels", sourceCode: "IRQREB", target: "troops", targetCode: "IRQMIL", place: "Mosul", country: "IRQ", cameo: "190"}
	condemn = report{date: "2024-01-10", sentence: "The United States condemned the rebels.", trigger: "condemned",
		source: "The United States", sourceCode: "USAGOV", target: "the rebels", targetCode: "IRQREB", cameo: "111"}
)

func TestMigrations(t *testing.T) {
	s := openTemp(t)
	var v, n int
	if err := s.db.QueryRow(`SELECT max(version), count(*) FROM schema_version`).Scan(&v, &n); err != nil || v != len(migrations) || n != len(migrations) {
		t.Errorf("schema_version %d (%d rows) %v, want %d", v, n, err, len(migrations))
	}
	// Opening again applies nothing twice.
	path := s.Path()
	s.Close()
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.db.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&n); err != nil || n != len(migrations) {
		t.Errorf("after reopening: %d rows %v", n, err)
	}
}

func TestRoundTripKeepsEveryField(t *testing.T) {
	s := openTemp(t)
	a, es := article("full", "2024-01-11", "Wire A", attack, condemn)
	e := &es[0]
	e.ModalityCue = "reportedly"
	e.Modality = event.Reported
	e.Source.Name, e.Source.Sponsor = "Rebels of Iraq", "IRN"
	e.Locations = []event.Location{*e.Location, {Name: "Erbil", Country: "IRQ", Precision: "city", GeoNameID: 95446, Start: -1, End: -1}}
	e.Attribution = &event.Attribution{Text: "four sources told Reuters", Anonymous: true, Number: 4, Via: "Reuters", Start: 1, End: 5}
	e.Counts = []event.Count{{Kind: "killed", Number: 12, Approximate: true, Object: "soldiers", Text: "about 12 soldiers", Start: 3, End: 9}}
	put(t, s, a, es)

	got, rows, err := s.Article(context.Background(), "full")
	if err != nil {
		t.Fatal(err)
	}
	want := &ArticleRow{ID: a.ID, Date: a.Date, Title: a.Title, Text: a.Text, URL: a.URL, Publisher: a.Source, SHA: articleSHA(a, ptrs(es))}
	if *got != *want {
		t.Errorf("article:\n got %+v\nwant %+v", got, want)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	for i := range es {
		if !reflect.DeepEqual(rows[i].Event, es[i]) {
			t.Errorf("event %d changed in the store:\n got %+v\nwant %+v", i, rows[i].Event, es[i])
		}
		if rows[i].NumMentions != 1 || rows[i].NumArticles != 1 || rows[i].NumSources != 1 {
			t.Errorf("event %d counts %d %d %d, want 1 1 1", i, rows[i].NumMentions, rows[i].NumArticles, rows[i].NumSources)
		}
	}
	ms, err := s.Mentions(context.Background(), es[0].ID)
	if err != nil || len(ms) != 1 || !reflect.DeepEqual(ms[0], es[0]) {
		t.Errorf("mentions of %s: %+v %v", es[0].ID, ms, err)
	}
	if _, err := s.Mentions(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("mentions of a missing event: %v, want ErrNotFound", err)
	}
	if _, _, err := s.Article(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if ok, err := s.Has(context.Background(), "full"); !ok || err != nil {
		t.Errorf("Has(full) = %v %v", ok, err)
	}
	if ok, err := s.Has(context.Background(), "nope"); ok || err != nil {
		t.Errorf("Has(nope) = %v %v", ok, err)
	}
}

// snapshot is everything a store holds, for comparing two states.
func snapshot(t *testing.T, s *DuckDB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, seq, sha FROM articles ORDER BY id`,
		`SELECT id, event_id, seq, article_id, source_key FROM mentions ORDER BY id`,
		`SELECT id, seq, num_mentions, num_sources, num_articles FROM events ORDER BY id`,
	} {
		cols, rows, err := s.QueryReadOnly(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, cols, rows)
	}
	return b.String()
}

func TestPutTwiceChangesNothing(t *testing.T) {
	s := openTemp(t)
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack, condemn)
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain)
	put(t, s, a1, e1)
	put(t, s, a2, e2)
	before := snapshot(t, s)
	put(t, s, a1, e1)
	put(t, s, a2, e2)
	st, err := s.PutBatch(context.Background(), []Doc{{a1, e1}, {a2, e2}}, PutOptions{Replace: true})
	if err != nil || st != (PutStats{Skipped: 2}) {
		t.Errorf("batch again: %+v %v, want 2 skipped", st, err)
	}
	if after := snapshot(t, s); after != before {
		t.Errorf("storing the same articles again changed the store:\nbefore %s\nafter  %s", before, after)
	}
	// Reopening keeps everything and the seq counters.
	path := s.Path()
	s.Close()
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := snapshot(t, s2); got != before {
		t.Errorf("after reopening:\n%s\nwant\n%s", got, before)
	}
	a3, e3 := article("a3", "2024-01-12", "Wire C", condemn)
	put(t, s2, a3, e3)
	var seq int64
	s2.db.QueryRow(`SELECT seq FROM mentions WHERE article_id = 'a3'`).Scan(&seq)
	if seq != 4 {
		t.Errorf("seq of a new mention after reopening: %d, want 4", seq)
	}
}

func TestDedupFoldsReportsOfOneHappening(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// a1 and a3 are from the same publisher; a2 reports it a day later,
	// with another CAMEO code of the same base and the place in capitals;
	// a4 reports it twice (headline and body).
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack, condemn)
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain)
	a3, e3 := article("a3", "2024-01-12", "Wire A", attack)
	a4, e4 := article("a4", "2024-01-12", "", attack, attackAgain)
	// Not the same happening: three days later, another town, a denial,
	// undated.
	a5, e5 := article("a5", "2024-01-14", "Wire B", attackLater, attackElsewhere, attackDenied, attackUndated)
	for _, d := range []Doc{{a1, e1}, {a2, e2}, {a3, e3}, {a4, e4}, {a5, e5}} {
		put(t, s, d.Article, d.Events)
	}
	if got, want := totals(t, s), (Totals{Articles: 5, Events: 6, Mentions: 10}); got != want {
		t.Errorf("totals %+v, want %+v", got, want)
	}
	rows := allRows(t, s, Filter{})
	byID := map[string]Row{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	happening, ok := byID[e1[0].ID]
	if !ok {
		t.Fatalf("the event has not its first mention's ID %s: %v", e1[0].ID, rows)
	}
	// Mentions: a1, a2, a3, a4 twice; articles a1-a4; publishers Wire A,
	// Wire B and a4's URL host.
	if got := [3]int{happening.NumMentions, happening.NumArticles, happening.NumSources}; got != [3]int{5, 4, 3} {
		t.Errorf("mentions, articles, sources %v, want [5 4 3]", got)
	}
	if !reflect.DeepEqual(happening.Event, e1[0]) {
		t.Errorf("the event is not its first mention's record:\n got %+v\nwant %+v", happening.Event, e1[0])
	}
	ms, err := s.Mentions(ctx, happening.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []event.Event{e1[0], e2[0], e3[0], e4[0], e4[1]}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("mentions do not keep their own evidence:\n got %+v\nwant %+v", ms, want)
	}
	for _, e := range e5 {
		r, ok := byID[e.ID]
		if !ok || r.NumMentions != 1 {
			t.Errorf("%q was folded into another event: %+v", e.Evidence.Sentence, r)
		}
	}
	// The article view gives each article its own events, with the
	// event's counts.
	_, arows, err := s.Article(ctx, "a2")
	if err != nil || len(arows) != 1 || !reflect.DeepEqual(arows[0].Event, e2[0]) || arows[0].NumMentions != 5 {
		t.Errorf("article a2: %+v %v", arows, err)
	}
}

func TestDedupWithinOneBatch(t *testing.T) {
	s := openTemp(t)
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack)
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain)
	a3, e3 := article("a3", "2024-01-14", "Wire B", attackLater)
	st, err := s.PutBatch(context.Background(), []Doc{{a1, e1}, {a2, e2}, {a3, e3}}, PutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (PutStats{Articles: 3, Mentions: 3, Events: 2, Merged: 1}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	rows := allRows(t, s, Filter{})
	if len(rows) != 2 || rows[1].ID != e1[0].ID || rows[1].NumMentions != 2 || rows[1].NumSources != 2 {
		t.Errorf("rows %+v", rows)
	}
}

func TestReplaceRefoldsTheOtherMentions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack, condemn)
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain)
	a3, e3 := article("a3", "2024-01-11", "Wire C", attack)
	put(t, s, a1, e1)
	put(t, s, a2, e2)
	put(t, s, a3, e3)
	// a1 comes again with a new title and the same events: the events
	// keep their IDs and counts.
	a1.Title = "Retitled"
	put(t, s, a1, e1)
	if rows := allRows(t, s, Filter{Root: "18"}); len(rows) != 1 || rows[0].ID != e1[0].ID || rows[0].NumMentions != 3 {
		t.Fatalf("after retitling a1: %+v", rows)
	}
	// a1 comes again without the attack: the event loses its first
	// mention and takes the ID of the next one.
	a1.Title = "Updated"
	put(t, s, a1, e1[1:])
	if got, want := totals(t, s), (Totals{Articles: 3, Events: 2, Mentions: 3}); got != want {
		t.Errorf("totals %+v, want %+v", got, want)
	}
	rows := allRows(t, s, Filter{Root: "18"})
	if len(rows) != 1 || rows[0].ID != e2[0].ID || rows[0].NumMentions != 2 || rows[0].NumArticles != 2 {
		t.Fatalf("after replacing a1: %+v", rows)
	}
	got, arows, err := s.Article(ctx, "a1")
	if err != nil || got.Title != "Updated" || len(arows) != 1 || arows[0].ID != e1[1].ID {
		t.Errorf("a1 after replacing: %+v %+v %v", got, arows, err)
	}
	// Skipping instead of replacing leaves it alone.
	a1.Title = "Ignored"
	st, err := s.PutBatch(ctx, []Doc{{a1, e1}}, PutOptions{})
	if err != nil || st.Skipped != 1 || st.Articles != 0 {
		t.Errorf("put without Replace: %+v %v", st, err)
	}
}

// seed stores a small varied set of articles.
func seed(t testing.TB, s *DuckDB) map[string]string {
	reports := map[string]report{
		"attack":  attack,
		"condemn": condemn,
		"meet": {date: "2024-01-20", sentence: "Syria said it would meet Turkish officials in Damascus.", trigger: "would meet",
			source: "Syria", sourceCode: "SYRGOV", target: "Turkish officials", targetCode: "TURGOV", place: "Damascus", country: "SYR", cameo: "036"},
		"fight": {date: "2024-02-05", sentence: "US troops fought Iran-backed militias in Deir ez-Zor.", trigger: "fought",
			source: "US troops", sourceCode: "USAMIL", target: "Iran-backed militias", targetCode: "IRNREB", place: "Deir ez-Zor", country: "SYR", cameo: "193"},
		"host": {date: "2024-02-03", sentence: "The UN hosted Syrian envoys on Saturday.", trigger: "hosted",
			source: "The UN", sourceCode: "IGOUNO", target: "Syrian envoys", targetCode: "SYRGOV", cameo: "043"},
		"rally": {sentence: "Thousands rallied against the Russian government in Moscow.", trigger: "rallied against",
			target: "the Russian government", targetCode: "RUSGOV", place: "Moscow", country: "RUS", cameo: "141"},
		"aid": {date: "2023-12-30", sentence: "France sent aid to Ukraine 100% of the time.", trigger: "sent aid",
			source: "France", sourceCode: "FRAGOV", target: "Ukraine", targetCode: "UKRGOV", cameo: "070"},
	}
	docs := []struct {
		id, date, pub string
		rs            []string
	}{
		{"a1", "2024-01-10", "Wire A", []string{"attack", "condemn"}},
		{"a2", "2024-01-20", "Wire B", []string{"meet"}},
		{"a3", "2024-02-05", "Wire A", []string{"fight", "host"}},
		{"a4", "", "", []string{"rally"}},
		{"a5", "2023-12-30", "Wire C", []string{"aid"}},
	}
	ids := map[string]string{}
	for _, d := range docs {
		var rs []report
		for _, name := range d.rs {
			rs = append(rs, reports[name])
		}
		a, es := article(d.id, d.date, d.pub, rs...)
		for i, name := range d.rs {
			ids[es[i].ID] = name
		}
		put(t, s, a, es)
	}
	return ids
}

func names(rows []Row, ids map[string]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, ids[r.ID])
	}
	return out
}

func TestFilters(t *testing.T) {
	s := openTemp(t)
	ids := seed(t, s)
	for _, c := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"none", Filter{}, []string{"fight", "host", "meet", "attack", "condemn", "aid", "rally"}},
		{"from", Filter{From: "2024-01-15"}, []string{"fight", "host", "meet"}},
		{"to", Filter{To: "2024-01-10"}, []string{"attack", "condemn", "aid"}},
		{"one day", Filter{From: "2024-01-10", To: "2024-01-10"}, []string{"attack", "condemn"}},
		{"source prefix", Filter{Source: "USA"}, []string{"fight", "condemn"}},
		{"source code", Filter{Source: "IRQREB"}, []string{"attack"}},
		{"source absent", Filter{Source: "RUS"}, nil},
		{"target", Filter{Target: "SYRGOV"}, []string{"host"}},
		{"country", Filter{Country: "SYR"}, []string{"fight", "meet"}},
		{"cameo prefix", Filter{CAMEO: "18"}, []string{"attack"}},
		{"cameo code", Filter{CAMEO: "193"}, []string{"fight"}},
		{"root", Filter{Root: "04"}, []string{"host"}},
		{"quad", Filter{Quad: 2}, []string{"aid"}},
		{"plover", Filter{PLOVER: "ASSAULT"}, []string{"fight", "attack"}},
		{"acled", Filter{ACLED: "Protests"}, []string{"rally"}},
		{"text ignores case", Filter{Text: "MOSUL"}, []string{"attack"}},
		{"text is literal", Filter{Text: "0%"}, []string{"aid"}},
		{"text underscore", Filter{Text: "_"}, nil},
		{"combined", Filter{Root: "19", Country: "SYR"}, []string{"fight"}},
		{"nothing", Filter{Country: "FRA"}, nil},
	} {
		rows, next, err := s.Events(context.Background(), c.f)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		// Order is checked by TestOrder; attack and condemn share a date.
		slices.Sort(c.want)
		if got := names(rows, ids); !slices.Equal(sorted(got), c.want) || next != "" {
			t.Errorf("%s: got %v (next %q), want %v", c.name, got, next, c.want)
		}
		if got := names(allRows(t, s, c.f), ids); !slices.Equal(sorted(got), c.want) {
			t.Errorf("%s: Each gave %v, want %v", c.name, got, c.want)
		}
	}
	if _, _, err := s.Events(context.Background(), Filter{From: "2024-13-01"}); err == nil {
		t.Error("a bad date was accepted")
	}
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

func TestOrder(t *testing.T) {
	s := openTemp(t)
	ids := seed(t, s)
	// Newest first, undated last; attack and condemn share a date and
	// keep the order they were stored in.
	want := []string{"fight", "host", "meet", "attack", "condemn", "aid", "rally"}
	if got := names(allRows(t, s, Filter{}), ids); !slices.Equal(got, want) {
		t.Errorf("Each: %v, want %v", got, want)
	}
	rows, _, err := s.Events(context.Background(), Filter{})
	if got := names(rows, ids); err != nil || !slices.Equal(got, want) {
		t.Errorf("Events: %v %v, want %v", got, err, want)
	}
}

func TestPagesFollowTheCursor(t *testing.T) {
	s := openTemp(t)
	ids := seed(t, s)
	for _, f := range []Filter{{Limit: 3}, {Limit: 1}, {Limit: 2, Root: "19"}} {
		want := names(allRows(t, s, f), ids)
		var got []string
		pages := 0
		for cursor := ""; ; pages++ {
			f.Cursor = cursor
			rows, next, err := s.Events(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) > f.Limit {
				t.Errorf("page of %d rows, limit %d", len(rows), f.Limit)
			}
			got = append(got, names(rows, ids)...)
			if next == "" {
				break
			}
			cursor = next
		}
		if !slices.Equal(got, want) || pages != (len(want)-1)/f.Limit {
			t.Errorf("limit %d: pages gave %v in %d pages, want %v", f.Limit, got, pages+1, want)
		}
	}
	for _, c := range []string{"not a cursor!", "eA", "MjAyNC0xMy0wMQB4"} {
		if _, _, err := s.Events(context.Background(), Filter{Cursor: c}); !errors.Is(err, ErrBadCursor) {
			t.Errorf("cursor %q: %v, want ErrBadCursor", c, err)
		}
	}
}

func TestSeriesAndDyads(t *testing.T) {
	s := openTemp(t)
	seed(t, s)
	ctx := context.Background()
	for _, c := range []struct {
		name, interval, by string
		f                  Filter
		want               []string
	}{
		{"days", "day", "", Filter{}, []string{"2023-12-30  1", "2024-01-10  2", "2024-01-20  1", "2024-02-03  1", "2024-02-05  1"}},
		{"weeks by root", "week", "root", Filter{}, []string{"2023-12-25 07 1", "2024-01-08 11 1", "2024-01-08 18 1", "2024-01-15 03 1", "2024-01-29 04 1", "2024-02-05 19 1"}},
		{"months by country", "month", "country", Filter{}, []string{"2023-12-01  1", "2024-01-01  1", "2024-01-01 IRQ 1", "2024-01-01 SYR 1", "2024-02-01  1", "2024-02-01 SYR 1"}},
		{"years by quad, filtered", "year", "quad", Filter{From: "2024-01-01"}, []string{"2024 1 2", "2024 3 1", "2024 4 2"}},
		{"by plover", "month", "plover", Filter{Quad: 4}, []string{"2024-01-01 ASSAULT 1", "2024-02-01 ASSAULT 1"}},
		{"by source", "year", "source", Filter{Quad: 4}, []string{"2024-01-01 IRQREB 1", "2024-01-01 USAMIL 1"}},
	} {
		pts, err := s.Series(ctx, c.f, c.interval, c.by)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, p := range pts {
			got = append(got, fmt.Sprintf("%s %s %d", p.Bucket, p.Key, p.Events))
		}
		if c.interval == "year" {
			for i := range c.want {
				c.want[i] = strings.Replace(c.want[i], "2024 ", "2024-01-01 ", 1)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	if _, err := s.Series(ctx, Filter{}, "hour", ""); err == nil {
		t.Error("interval hour was accepted")
	}
	if _, err := s.Series(ctx, Filter{}, "day", "modality; DROP TABLE events"); err == nil {
		t.Error("an unknown split was accepted")
	}
	ds, err := s.Dyads(ctx, Filter{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []Dyad{{"FRAGOV", "UKRGOV", 1, 7}, {"IGOUNO", "SYRGOV", 1, 2.8}}
	if fmt.Sprint(ds) != fmt.Sprint(want) {
		t.Errorf("dyads: got %v, want %v", ds, want)
	}
	ds, err = s.Dyads(ctx, Filter{Country: "SYR"}, 10)
	if err != nil || len(ds) != 2 || ds[0].Source != "SYRGOV" || ds[1].Source != "USAMIL" {
		t.Errorf("dyads in SYR: %v %v", ds, err)
	}
}

func TestEmptyStore(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	rows, next, err := s.Events(ctx, Filter{})
	if err != nil || len(rows) != 0 || next != "" {
		t.Errorf("events: %v %q %v", rows, next, err)
	}
	pts, err := s.Series(ctx, Filter{}, "day", "")
	if err != nil || len(pts) != 0 {
		t.Errorf("series: %v %v", pts, err)
	}
	ds, err := s.Dyads(ctx, Filter{}, 5)
	if err != nil || len(ds) != 0 {
		t.Errorf("dyads: %v %v", ds, err)
	}
	if tt := totals(t, s); tt != (Totals{}) {
		t.Errorf("totals %+v", tt)
	}
	a, es := article("empty", "2024-01-01", "", condemn)
	put(t, s, a, es[:0])
	if tt := totals(t, s); tt != (Totals{Articles: 1}) {
		t.Errorf("an article without events: totals %+v", tt)
	}
}

func TestQueryReadOnly(t *testing.T) {
	s := openTemp(t)
	seed(t, s)
	ctx := context.Background()
	cols, rows, err := s.QueryReadOnly(ctx, "  -- comment\n WITH c AS (SELECT cameo_root, count(*) n FROM events GROUP BY 1) SELECT * FROM c ORDER BY n DESC, cameo_root LIMIT 1")
	if err != nil || !slices.Equal(cols, []string{"cameo_root", "n"}) || fmt.Sprint(rows) != "[[03 1]]" {
		t.Errorf("WITH: %v %v %v", cols, rows, err)
	}
	if _, rows, err := s.QueryReadOnly(ctx, "(SELECT source_code AS c FROM events WHERE source_code <> '' ORDER BY 1 LIMIT 1)"); err != nil || fmt.Sprint(rows) != "[[FRAGOV]]" {
		t.Errorf("parenthesised: %v %v", rows, err)
	}
	if _, rows, err := s.QueryReadOnly(ctx, "SELECT trigger FROM mentions WHERE sentence LIKE 'France%'"); err != nil || fmt.Sprint(rows) != "[[sent aid]]" {
		t.Errorf("texts of the mentions view: %v %v", rows, err)
	}
	for _, q := range []string{
		"DELETE FROM events",
		"SELECT 1; DELETE FROM events",
		"/* SELECT */ DROP TABLE events",
		"COPY events TO 'x.csv'",
		"select * from events; update events set goldstein = 0",
		"INSERT INTO articles SELECT * FROM articles",
		"ATTACH 'other.db'",
	} {
		if _, _, err := s.QueryReadOnly(ctx, q); !errors.Is(err, ErrNotReadOnly) {
			t.Errorf("%q: %v, want ErrNotReadOnly", q, err)
		}
	}
	if _, _, err := s.QueryReadOnly(ctx, "SELECT * FROM nowhere"); err == nil || errors.Is(err, ErrNotReadOnly) {
		t.Errorf("a bad table: %v", err)
	}
	if tt := totals(t, s); tt.Events != 7 {
		t.Errorf("queries changed the store: %+v", tt)
	}
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.duckdb")
	if _, err := OpenReadOnly(ctx, path); !errors.Is(err, ErrNoStore) {
		t.Errorf("a missing file: %v, want ErrNoStore", err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	seed(t, s)
	s.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if tt := totals(t, ro); tt.Events != 7 {
		t.Errorf("read-only totals %+v", tt)
	}
	a, es := article("x", "2024-01-01", "", condemn)
	if err := ro.Put(ctx, a, es); !errors.Is(err, ErrReadOnly) {
		t.Errorf("put on a read-only store: %v, want ErrReadOnly", err)
	}
	if _, rows, err := ro.QueryReadOnly(ctx, "SELECT count(*) FROM mentions"); err != nil || fmt.Sprint(rows) != "[[7]]" {
		t.Errorf("read-only SQL: %v %v", rows, err)
	}
}

func TestExportParquet(t *testing.T) {
	s := openTemp(t)
	seed(t, s)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "it's.parquet")
	if err := s.ExportParquet(ctx, Filter{Quad: 4}, path); err != nil {
		t.Fatal(err)
	}
	_, rows, err := s.QueryReadOnly(ctx, "SELECT count(*), min(cameo_root), max(num_mentions) FROM read_parquet('"+strings.ReplaceAll(path, "'", "''")+"')")
	if err != nil || fmt.Sprint(rows) != "[[2 18 1]]" {
		t.Errorf("parquet read back: %v %v", rows, err)
	}
}

// TestLockedByAnotherProcess opens a store in a child process (this test
// binary) and checks that Open names the holder.
func TestLockedByAnotherProcess(t *testing.T) {
	if path := os.Getenv("SITREP_STORE_HOLD"); path != "" {
		s, err := Open(context.Background(), path)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("open")
		time.Sleep(time.Minute)
		s.Close()
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "locked.duckdb")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockedByAnotherProcess$")
	cmd.Env = append(os.Environ(), "SITREP_STORE_HOLD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	buf := make([]byte, 64)
	if n, _ := out.Read(buf); !strings.HasPrefix(string(buf[:n]), "open") {
		t.Fatalf("child: %q", buf[:n])
	}
	_, err = Open(context.Background(), path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), fmt.Sprint(cmd.Process.Pid)) {
		t.Errorf("open a held store: %v, want ErrLocked naming PID %d", err, cmd.Process.Pid)
	}
	if _, err := OpenReadOnly(context.Background(), path); !errors.Is(err, ErrLocked) {
		t.Errorf("open a held store read-only: %v, want ErrLocked", err)
	}
}

func TestParseDay(t *testing.T) {
	for _, s := range []string{"1970-01-01", "2024-02-29", "1900-03-01", "2000-12-31", "0001-01-01", "1969-12-31"} {
		tm, _ := time.Parse(time.DateOnly, s)
		if got, want := parseDay(s), day(tm.Unix()/86400); got != want {
			t.Errorf("parseDay(%q) = %d, want %d", s, got, want)
		}
		if got := day(tm.Unix() / 86400).String(); got != s {
			t.Errorf("day of %s prints as %q", s, got)
		}
	}
	if noDay.String() != "" {
		t.Errorf("noDay prints as %q", noDay.String())
	}
	for _, s := range []string{"", "2023-02-29", "2024-13-01", "2024-1-01", "20240101", "2024-01-0x"} {
		if got := parseDay(s); got != noDay {
			t.Errorf("parseDay(%q) = %d, want noDay", s, got)
		}
	}
}

func TestFirstKeyword(t *testing.T) {
	for q, want := range map[string]string{
		"select 1":                 "SELECT",
		"  ((WITH x":               "WITH",
		"-- c\n/* d */ Select":     "SELECT",
		"/* unterminated":          "",
		"DROP":                     "DROP",
		"\tdelete from x":          "DELETE",
		"-- only a comment":        "",
		"/**/update t set x = 1":   "UPDATE",
		"from events select count": "FROM",
	} {
		if got := firstKeyword(q); got != want {
			t.Errorf("firstKeyword(%q) = %q, want %q", q, got, want)
		}
	}
}

// ptrs returns pointers to the events of es, as articleSHA takes them.
func ptrs(es []event.Event) []*event.Event {
	ps := make([]*event.Event, len(es))
	for i := range es {
		ps[i] = &es[i]
	}
	return ps
}
