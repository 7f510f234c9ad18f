package coder

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

var builtin = New(nil)

func codeText(t *testing.T, text string) []event.Event {
	t.Helper()
	a := reader.Article{ID: "t", Date: "2024-03-15", Text: text}
	es, _ := builtin.Code(&a, nil)
	return es
}

// wantEvent fails t unless text codes an event with exactly this CAMEO
// code, source code and target code ("" for none).
func wantEvent(t *testing.T, text, code, src, tgt string) {
	t.Helper()
	es := codeText(t, text)
	for i := range es {
		if es[i].CAMEO.Code == code && actorCode(es[i].Source) == src && actorCode(es[i].Target) == tgt {
			return
		}
	}
	t.Errorf("%q: no event %s %s→%s; got %s", text, code, src, tgt, describe(es))
}

func describe(es []event.Event) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(e.CAMEO.Code + " " + actorCode(e.Source) + "→" + actorCode(e.Target) + " [" + e.Modality + "] ")
	}
	return b.String()
}

func actorCode(a *event.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

// find returns the first event whose CAMEO root is in roots and whose
// source and target codes start with src and tgt ("" matches anything,
// "-" a missing actor).
func find(es []event.Event, roots, src, tgt string) *event.Event {
	for i := range es {
		e := &es[i]
		if !strings.Contains(roots, e.CAMEO.Root) {
			continue
		}
		if !matchActor(e.Source, src) || !matchActor(e.Target, tgt) {
			continue
		}
		return e
	}
	return nil
}

func matchActor(a *event.Actor, want string) bool {
	switch {
	case want == "":
		return true
	case want == "-":
		return a == nil
	case a == nil:
		return false
	}
	return strings.HasPrefix(a.Code, want)
}

// The project's own sentences, one per behaviour of the coder. Each names the
// root(s) allowed, the source and target code prefixes, and the modality.
func TestCoderSentences(t *testing.T) {
	tests := []struct {
		name, text, roots, src, tgt, modality string
	}{
		{"active voice", "Rebels attacked government troops near the border on Monday.", "1819", "REB", "MIL", event.Asserted},
		{"passive voice", "Iraqi police were attacked by militants in the north.", "1819", "REB", "IRQCOP", event.Asserted},
		{"country adjective and agent", "Turkish troops shelled Kurdish positions.", "1819", "TURMIL", "", event.Asserted},
		{"noun event with preposition", "Iran-backed militias carried out dozens of strikes against US bases in Syria.", "1819", "IRN", "USA", event.Asserted},
		{"sponsored group keeps its sponsor", "Russian-backed separatists attacked Ukrainian soldiers.", "1819", "RUS", "UKRMIL", event.Asserted},
		{"compound source pairs", "France and Germany signed a trade agreement in Paris.", "0305", "FRA", "DEU", event.Asserted},
		{"talks between a pair", "Talks between Egypt and Ethiopia resumed on Tuesday.", "04", "EGY", "ETH", ""},
		{"title of country", "The Prime Minister of Japan visited India.", "04", "JPNGOV", "IND", event.Asserted},
		{"negation", "Russia did not attack Ukraine.", "1819", "RUS", "UKR", event.Negated},
		{"future", "Iraq will demand compensation from Kuwait.", "10", "IRQ", "KWT", event.Future},
		{"announced aid is an intent", "China will send humanitarian aid to Pakistan.", "03", "CHN", "PAK", event.Asserted},
		{"announced attack is a threat", "Russia will attack Ukraine.", "13", "RUS", "UKR", event.Asserted},
		{"promise folds into the promised", "The rebels vowed to attack government troops.", "13", "REB", "MIL", event.Asserted},
		{"hypothetical", "The strikes could provoke Iran into attacking Israel.", "1819", "", "ISR", event.Hypothetical},
		{"appeal", "Egypt called for talks with Israel over the border crossing.", "0210", "EGY", "", event.Asserted},
		{"arrest", "Police arrested dozens of protesters in the capital.", "17", "COP", "", event.Asserted},
		{"condemn", "France condemned the Russian strikes.", "11", "FRA", "", event.Asserted},
		{"reported obligation is a demand", "Britain said Libya must hand over the suspects.", "10", "GBR", "LBY", event.Asserted},
		{"target inside the pattern", "Iran ordered British diplomats to leave the country.", "16", "IRN", "GBR", ""},
		{"means named as subject", "A roadside bombing on the highway killed three Iraqi policemen.", "18", "", "IRQCOP", event.Asserted},
		{"refusal is a rejection", "Syria will not release the prisoners.", "12", "SYR", "", event.Asserted},
		{"negated fact stays negated", "Russia did not release the prisoners.", "08", "RUS", "", event.Negated},
		{"pronoun subject is the sentence subject", "Egypt announced that it would host Israeli negotiators.", "03", "EGY", "ISR", event.Asserted},
		{"translation artefact: capitalised preposition before a name", "The US ambassador sent a letter to the Iraqi foreign minister To Fuad Hussein on Wednesday.", "01", "USAGOV", "IRQGOV", ""},
		{"capital as government", "Washington imposed sanctions on Iran.", "16", "USAGOV", "IRN", event.Asserted},
		{"title word inside an office", "Egypt's Deputy Foreign Minister met Sudanese officials in Cairo.", "04", "EGYGOV", "SDNGOV", event.Asserted},
		{"office word as a surname", "Canadian Defence Minister Peter King visited Latvia.", "04", "CANGOV", "LVA", event.Asserted},
		{"protest is political whoever protests", "Farmers protested outside the ministry in Nairobi.", "14", "KENAGR", "-", event.Asserted},
		{"sending arms", "The United States sent arms to Chad.", "07", "USA", "TCD", event.Asserted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := codeText(t, tc.text)
			e := find(es, tc.roots, tc.src, tc.tgt)
			if e == nil {
				t.Fatalf("%q\nno event with root in %s, source %s, target %s; got %s", tc.text, tc.roots, tc.src, tc.tgt, describe(es))
			}
			if tc.modality != "" && e.Modality != tc.modality {
				t.Errorf("%q: modality %s (cue %q), want %s", tc.text, e.Modality, e.ModalityCue, tc.modality)
			}
			if e.Evidence.Start < 0 || e.Evidence.End > len(tc.text) || e.Evidence.Start >= e.Evidence.End {
				t.Errorf("evidence span %d:%d outside the text", e.Evidence.Start, e.Evidence.End)
			}
			if tc.text[e.Evidence.TriggerStart:e.Evidence.TriggerEnd] != e.Evidence.Trigger {
				t.Errorf("trigger %q does not match its offsets", e.Evidence.Trigger)
			}
			if e.ID == "" || e.CAMEO.Name == "" || e.QuadClass == 0 {
				t.Errorf("event not filled: %+v", e)
			}
		})
	}
}

func TestNoEvents(t *testing.T) {
	for _, s := range []string{
		"The weather was mild across the region on Sunday.",
		"Shares of the company rose three percent in early trading.",
		"",
	} {
		if es := codeText(t, s); len(es) != 0 {
			t.Errorf("%q: want no events, got %s", s, describe(es))
		}
	}
}

// TestNotActors checks words that look like actors but are not: a country
// word ending a person's name, a capital after a locative.
func TestNotActors(t *testing.T) {
	for _, tc := range []struct{ text, notCode string }{
		{"The Liberal Democrat leader Mike German criticised the plan.", "DEU"},
		{"Rebels attacked the convoy, said Bob Wellington, a local official.", "NZL"},
		{"Iraqi and Iranian officials held talks in Washington on Monday.", "USAGOV"},
		// "Boris" is a known first name, but "Boris Tadic" is someone else.
		{"President Boris Tadic of Serbia met Croatian officials in Zagreb.", "GBR"},
	} {
		for _, e := range codeText(t, tc.text) {
			for _, a := range []*event.Actor{e.Source, e.Target} {
				if a != nil && strings.HasPrefix(a.Code, tc.notCode) {
					t.Errorf("%q: %q coded as %s", tc.text, a.Text, a.Code)
				}
			}
		}
	}
}

func TestStableIDs(t *testing.T) {
	s := "Rebels attacked government troops. The army responded with airstrikes on rebel positions."
	a, b := codeText(t, s), codeText(t, s)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("got %d and %d events", len(a), len(b))
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Errorf("event %d: IDs differ: %s %s", i, a[i].ID, b[i].ID)
		}
	}
}

// FuzzCode codes arbitrary text: it must not panic, and every offset it
// reports must lie inside the text and match the text it quotes.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Rebels attacked government troops near the border on Monday.",
		"Iran-backed militias carried out dozens of strikes against US bases in Syria.",
		"The U.S. pledged not to attack Iraq, but returned in 2014 to fight ISIS.",
		"“We will respond,” he said. Talks between Egypt and Ethiopia resumed.",
		"al- - -backed Prime Minister of of Iraq To",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := reader.Article{ID: "f", Date: "2024-01-01", Text: s}
		es, _ := builtin.Code(&a, nil)
		for _, e := range es {
			ev := e.Evidence
			if ev.Start < 0 || ev.End > len(a.Text) || ev.Start > ev.End || a.Text[ev.TriggerStart:ev.TriggerEnd] != ev.Trigger {
				t.Fatalf("bad evidence %+v for %q", ev, a.Text)
			}
			for _, ac := range []*event.Actor{e.Source, e.Target} {
				if ac != nil && a.Text[ac.Start:ac.End] != ac.Text {
					t.Fatalf("actor %q does not match its offsets in %q", ac.Text, a.Text)
				}
			}
		}
	})
}
