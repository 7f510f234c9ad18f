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
			"Prime Minister Orlanth condemned Kestria.", []string{"VALGOV/KES/122"}},
		{"a person whose role today is a bare state code",
			"Prime Minister Brandir condemned Valdoria.", []string{"KESGOV/VAL/122"}},
		{"a legacy agent adds its whole code",
			"Valdoria's foreign minister urged Kestria.", []string{"VALGOVFRM/KES/102"}},
		{"a prefixed agent goes before the actor after 'in'",
			"Rights activists in Valdoria condemned Kestria.", []string{"NGMVAL/KES/122"}},
		{"after a legacy verb, an actor after 'in' is its target",
			"President Orlanth arrived in Kestria on Monday.", []string{"KES/VALGOVPRS/033", "VALGOVPRS/KES/032"}},
		{"a subject acts on each side of 'between'",
			"Valdoria welcomed talks between Kestria and Morvane.", []string{"VAL/KES/041", "VAL/MOR/041"}},
		{"determiners and adjectives inside a compound",
			"Valdoria and the evil awful Kestria welcomed talks with Morvane.", []string{"KES/MOR/041", "VAL/MOR/041"}},
		{"a comma list with adjectives",
			"Evil Valdoria, the awful Kestria, and good Morvane condemned Lumen.",
			[]string{"KES/LUM/122", "MOR/LUM/122", "VAL/LUM/122"}},
		{"an apposition after a comma is no member",
			"Valdoria condemned Morvane, a Kestria ally.", []string{"VAL/MOR/122"}},
		{"the agent after 'by' of the object is the target",
			"Valdoria condemned an attack by Kestria soldiers in south Morvane.", []string{"VAL/KESMIL/122"}},
		{"a verb after 'and' shares the subject of the verb before",
			"Valdoria condemned an attack by Kestria soldiers in south Morvane on Thursday and promised aid to Lumen.",
			[]string{"VAL/KESMIL/122", "VAL/LUM/050"}},
		{"a former office holder is an elite, after the actor or before it",
			"Valdoria former security officials condemned former Kestria prosecutors.", []string{"VALELI/KESELI/122"}},
		{"an organisation after 'in' takes the agent's code",
			"Former security officials in Citadel Hall condemned Kestria.", []string{"VALGOVELI/KES/122"}},
		{"but not a code it holds already",
			"Security officials in Citadel Hall condemned Kestria.", []string{"VALGOV/KES/122"}},
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
		{"a subject acts on each side of 'between'",
			"Egypt welcomed talks between Israel and Jordan.", "EGY", "JOR"},
	}
	// A noun trigger's sides are its pair, not an actor before it.
	a := reader.Article{ID: "t", Date: "2024-01-01", Text: "Egypt hopes the talks between Israel and Jordan succeed."}
	es, _ := c.Code(&a, nil)
	if find(es, "04", "ISR", "JOR") == nil || find(es, "04", "EGY", "JOR") != nil {
		t.Errorf("the talks between Israel and Jordan: got %d events, want ISR/JOR and no EGY/JOR", len(es))
	}
	// Mediation is a third party's, noun or not.
	a = reader.Article{ID: "t", Date: "2024-01-01", Text: "Egypt began a mediation effort between Israel and Jordan."}
	if es, _ := c.Code(&a, nil); find(es, "04", "EGY", "JOR") == nil {
		t.Errorf("a mediation effort between Israel and Jordan: got %d events, want EGY/JOR", len(es))
	}
	for _, tc := range tests {
		a := reader.Article{ID: "t", Date: "2024-01-01", Text: tc.text}
		es, _ := c.Code(&a, nil)
		if find(es, "04 05", tc.src, tc.tgt) == nil {
			t.Errorf("%s: %q coded %q, want %s/%s", tc.name, tc.text, eventCodes(es), tc.src, tc.tgt)
		}
	}
}
