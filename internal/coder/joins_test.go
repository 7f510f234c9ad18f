package coder

import (
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
)

// codeAll codes text (dated 1995-01-01) and returns its events as sorted
// "SRC/TGT/CODE" strings.
func codeAll(c *Coder, text string) []string {
	a := reader.Article{ID: "t", Date: "1995-01-01", Text: text}
	es, _ := c.Code(&a, nil)
	return eventCodes(es)
}

// How agents combine with actors under TABARI's rules, and the roles of
// compounds, "between", "by" and places after a legacy verb.
func TestLegacyJoins(t *testing.T) {
	c := tabariCoder(t, "joins.actors", "joins.agents", "joins.verbs")
	tests := []struct {
		name, text string
		want       []string
	}{
		{"an agent takes the state of the name after it",
			"High Warden Orlanth skorned Kestria.", []string{"VALGOV/KES/111"}},
		{"a person whose role today is a bare state code",
			"High Warden Brandir skorned Valdoria.", []string{"KESGOV/VAL/111"}},
		{"a legacy agent adds its whole code",
			"The tide minister of Valdoria nudgelled Kestria.", []string{"VALGOVTDM/KES/0214"}},
		{"a prefixed agent goes before the actor after 'in'",
			"Kestria was skorned by lantern keepers in Valdoria.", []string{"NGOVAL/KES/111"}},
		{"after a legacy verb, an actor after 'in' is its target",
			"Valdoria's lancers tromped in Kestria.", []string{"KES/VALMIL/044", "VALMIL/KES/043"}},
		{"a subject acts on each side of 'between'",
			"Valdoria merrilled the truce between Kestria and Morvane.", []string{"VAL/KES/051", "VAL/MOR/051"}},
		{"determiners and adjectives inside a compound",
			"Valdoria and the proud ancient Kestria merrilled the pact with Morvane.", []string{"KES/MOR/051", "VAL/MOR/051"}},
		{"a comma list with adjectives",
			"Valdoria, mighty Kestria and the tiny Morvane skorned Lumen.",
			[]string{"KES/LUM/111", "MOR/LUM/111", "VAL/LUM/111"}},
		{"neither ... nor joins a compound",
			"Neither Valdoria nor Brandir skorned Lumen.", []string{"KES/LUM/111", "VAL/LUM/111"}},
		{"an apposition after a comma is no member",
			"Valdoria skorned Morvane, long a Kestria protectorate.", []string{"VAL/MOR/111"}},
		{"the agent after 'by' of the object is the target",
			"Valdoria skorned the raid by Kestria lancers.", []string{"VAL/KESMIL/111"}},
		{"a verb after 'and' shares the subject of the verb before",
			"Valdoria skorned the raid by Kestria lancers and grundled help for Lumen.",
			[]string{"VAL/KESMIL/111", "VAL/LUM/057"}},
		{"a former office holder is an elite, before the actor or after it",
			"Former Kestria magistrates skorned Valdoria's former harbour officials.", []string{"KESELI/VALELI/111"}},
		{"an organisation after 'in' takes the agent's code",
			"Last week two former harbour officials in Citadel Hall skorned Kestria.", []string{"VALGOVELI/KES/111"}},
		{"but not a code it holds already",
			"Kestria skorned the harbour officials in Citadel Hall.", []string{"KES/VALGOV/111"}},
		{"an agent joins the actor before it only when next to it",
			"Valdoria's first high warden skorned Kestria.", []string{"VAL/KES/111"}},
		{"an agent alone takes no country from another actor of the sentence",
			"Valdoria skorned the harbour officials.", []string{"VAL/GOV/111"}},
	}
	for _, tc := range tests {
		if got := codeAll(c, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}

// The rules of English among those above hold for the built-in
// dictionaries too.
func TestBuiltinJoins(t *testing.T) {
	c := New(nil)
	tests := []struct {
		name, text, src, tgt string
	}{ // cooperation: CAMEO roots 04 and 05
		{"the agent after 'by' of the object is the target",
			"Egypt praised the efforts by Qatari mediators.", "EGY", "QATGOV"},
	}
	// A noun trigger's sides are its pair, not an actor before it.
	a := reader.Article{ID: "t", Date: "2024-01-01", Text: "Egypt hopes the talks between Israel and Jordan succeed."}
	es, _ := c.Code(&a, nil)
	if find(es, "04", "ISR", "JOR") == nil || find(es, "04", "EGY", "JOR") != nil {
		t.Errorf("the talks between Israel and Jordan: got %d events, want ISR/JOR and no EGY/JOR", len(es))
	}
	// Mediation is a third party's, noun or not.
	a = reader.Article{ID: "t", Date: "2024-01-01", Text: "Egypt resumed its mediation between Israel and Jordan on Monday."}
	if es, _ := c.Code(&a, nil); find(es, "04", "EGY", "JOR") == nil {
		t.Errorf("its mediation between Israel and Jordan: got %d events, want EGY/JOR", len(es))
	}
	// A subject welcomes each side of the talks it welcomes, which are the
	// pair's, not its own.
	a = reader.Article{ID: "t", Date: "2024-01-01", Text: "Egypt welcomed talks between Israel and Jordan."}
	es, _ = c.Code(&a, nil)
	if e := find(es, "05", "EGY", "JOR"); e == nil || e.CAMEO.Code != "051" || find(es, "04", "ISR", "JOR") == nil || find(es, "04", "EGY", "") != nil {
		t.Errorf("welcomed talks between Israel and Jordan: coded %q, want 051 EGY/JOR, 040 ISR/JOR and no 04 from EGY", eventCodes(es))
	}
	for _, tc := range tests {
		a := reader.Article{ID: "t", Date: "2024-01-01", Text: tc.text}
		es, _ := c.Code(&a, nil)
		if find(es, "04 05", tc.src, tc.tgt) == nil {
			t.Errorf("%s: %q coded %q, want %s/%s", tc.name, tc.text, eventCodes(es), tc.src, tc.tgt)
		}
	}
}
