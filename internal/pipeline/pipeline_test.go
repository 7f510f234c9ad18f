package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

func runAll(t *testing.T, opts Options) ([]event.Event, []string, Stats) {
	t.Helper()
	var es []event.Event
	var order []string
	opts.Emit = func(a *reader.Article, got []event.Event) error {
		order = append(order, a.ID)
		es = append(es, got...)
		return nil
	}
	st, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return es, order, st
}

// matching returns the events whose CAMEO root is in roots, whose source and
// target codes start with src and tgt ("" matches anything) and whose
// trigger contains trig.
func matching(es []event.Event, roots, src, tgt, trig string) []event.Event {
	var out []event.Event
	for _, e := range es {
		if strings.Contains(roots, e.CAMEO.Root) && has(e.Source, src) && has(e.Target, tgt) &&
			strings.Contains(strings.ToLower(e.Evidence.Trigger), trig) {
			out = append(out, e)
		}
	}
	return out
}

func has(a *event.Actor, prefix string) bool {
	if prefix == "" {
		return true
	}
	return a != nil && strings.HasPrefix(a.Code, prefix)
}

// TestExampleArticle checks the events of the article the project began
// from, through every stage.
func TestExampleArticle(t *testing.T) {
	es, _, st := runAll(t, Options{Paths: []string{"../../examples/iraq-coalition-2024-01-24.txt"}})
	if st.Coded != 1 || st.Rejected != 0 {
		t.Fatalf("stats %+v", st)
	}
	// US–Iraq talks: verbal cooperation between the two, dated that day.
	talks := matching(es, "0304", "USA", "IRQ", "")
	if len(talks) == 0 || talks[0].QuadClass != 1 || talks[0].Date != "2024-01-24" {
		t.Errorf("no US→Iraq talks (verbal cooperation, 2024-01-24): %+v", talks)
	}
	// Strikes by the Iran-backed groups on US forces: material conflict.
	strikes := matching(es, "1819", "", "USA", "strike")
	if len(strikes) == 0 || strikes[0].QuadClass != 4 || !strings.Contains(strikes[0].Source.Text, "Iran-backed") ||
		strikes[0].Source.Sponsor != "IRN" {
		t.Errorf("no strikes by the Iran-backed groups on US forces: %+v", strikes)
	}
	// US counterstrikes.
	if len(matching(es, "1819", "USA", "", "counterstrike")) == 0 {
		t.Errorf("no US counterstrikes")
	}
	// The Iraqi prime minister's call for talks: an appeal or demand.
	if len(matching(es, "0210", "IRQGOV", "", "call")) == 0 {
		t.Errorf("no call for talks by the Iraqi government")
	}
	// No withdrawal asserted as happening in 2024; the 2011 one is dated 2011.
	for _, e := range es {
		if e.PLOVER.Event == "RETREAT" && strings.HasPrefix(e.Date, "2024") && e.IsFact() {
			t.Errorf("withdrawal coded as a 2024 fact: %q (%s)", e.Evidence.Sentence, e.Modality)
		}
	}
	// The strikes happened in Iraq and Syria, with coordinates, and number
	// about 150; the talks are attributed to four anonymous sources via
	// Reuters; the letter is dated that Wednesday from the text.
	if len(strikes) > 0 {
		s := strikes[0]
		if s.Location == nil || s.Location.Country != "IRQ" || s.Location.Lat == 0 || len(s.Locations) != 2 || s.Locations[1].Country != "SYR" {
			t.Errorf("strikes located at %+v / %+v, want Iraq and Syria", s.Location, s.Locations)
		}
		if len(s.Counts) == 0 || s.Counts[0].Number != 150 || !s.Counts[0].Approximate {
			t.Errorf("strikes counts %+v, want about 150", s.Counts)
		}
	}
	if len(talks) > 0 {
		at := talks[0].Attribution
		if at == nil || !at.Anonymous || at.Number != 4 || at.Via != "Reuters" {
			t.Errorf("talks attribution %+v, want 4 anonymous sources via Reuters", at)
		}
	}
	letter := matching(es, "0104", "USAGOV", "IRQGOV", "letter")
	if len(letter) == 0 || letter[0].Date != "2024-01-24" || letter[0].DateType != "text" {
		t.Errorf("letter %+v, want USAGOV to IRQGOV dated 2024-01-24 from the text", letter)
	}
	w := matching(es, "08", "USA", "", "withdrew")
	if len(w) == 0 || w[0].Date != "2011-01-01" || w[0].DatePrecision != "year" || w[0].Modality != event.Historical {
		t.Errorf("2011 withdrawal not dated 2011 and historical: %+v", w)
	}
}

func TestOrderAndRejects(t *testing.T) {
	var in strings.Builder
	for i := range 50 {
		if i == 7 {
			in.WriteString("{broken\n")
			continue
		}
		in.WriteString(`{"id":"a` + string(rune('A'+i%26)) + `","date":"2024-01-02","text":"Rebels attacked government troops."}` + "\n")
	}
	var rejected []error
	_, order, st := runAll(t, Options{Stdin: strings.NewReader(in.String()), Workers: 4,
		Reject: func(err error) { rejected = append(rejected, err) }})
	if st.Coded != 49 || st.Rejected != 1 || len(rejected) != 1 || st.Articles != 50 {
		t.Errorf("stats %+v, rejected %v", st, rejected)
	}
	for i, id := range order {
		j := i
		if i >= 7 {
			j = i + 1
		}
		if want := "a" + string(rune('A'+j%26)); id != want {
			t.Fatalf("article %d is %s, want %s: output out of input order", i, id, want)
		}
	}
}

func TestFactsOnly(t *testing.T) {
	in := `{"id":"x","date":"2024-01-02","text":"Russia did not attack Ukraine. China will send aid to Pakistan. Rebels attacked troops."}`
	all, _, _ := runAll(t, Options{Stdin: strings.NewReader(in)})
	facts, _, _ := runAll(t, Options{Stdin: strings.NewReader(in), FactsOnly: true})
	if len(facts) == 0 || len(facts) >= len(all) {
		t.Fatalf("facts-only kept %d of %d events", len(facts), len(all))
	}
	for _, e := range facts {
		if !e.IsFact() {
			t.Errorf("non-fact kept: %s %q", e.Modality, e.Evidence.Trigger)
		}
	}
}
