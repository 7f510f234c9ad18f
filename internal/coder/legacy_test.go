package coder

import (
	"slices"
	"sort"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/reader"
)

// tabariCoder codes with the named invented TABARI dictionaries of
// internal/dict/testdata/tabari only.
func tabariCoder(t *testing.T, files ...string) *Coder {
	t.Helper()
	d := &dict.Dictionary{}
	for _, f := range files {
		one, _, err := dict.LoadFile("../dict/testdata/tabari/" + f)
		if err != nil {
			t.Fatal(err)
		}
		d.Merge(one)
	}
	return New(dict.Compile(d))
}

// eventCodes returns es as sorted "SRC/TGT/CODE" strings.
func eventCodes(es []event.Event) []string {
	var got []string
	for _, e := range es {
		got = append(got, actorCode(e.Source)+"/"+actorCode(e.Target)+"/"+e.CAMEO.Code)
	}
	sort.Strings(got)
	return got
}

// TABARI's pattern semantics: the first verb of a clause wins, a pattern
// line wins over its verb's own code, and "$", "+", "%" and "^" place the
// actors.
func TestLegacyPatterns(t *testing.T) {
	c := tabariCoder(t, "roles.actors", "roles.verbs")
	tests := []struct{ name, text string }{
		{"first verb of the clause: the brangle is what was skorned", "Valdoria skorned a brangle against Morvane."},
		{"a conjunction starts a clause", "Valdoria skorned Kestria and later grundled Morvane."},
		{"a pattern line wins over the verb line", "Valdoria quorbled loudly at Kestria."},
		{"target before the verb, source after it", "Valdorian fishermen were frondled out of Morvane."},
		{"a compound acts on itself, not on the actor after it", "Valdoria and Kestria jointly snarfled the pact with Morvane."},
		{"no compound, no pattern", "Valdoria jointly snarfled the treaty."},
		{"^ skips an actor", "Valdoria glimmered alongside Kestria against Morvane."},
	}
	want := [][]string{
		{"VAL/MOR/111"},
		{"VAL/KES/111", "VAL/MOR/057"},
		{"VAL/KES/0211"},
		{"MOR/VAL/0842"},
		{"KES/VAL/0311", "VAL/KES/0311"},
		nil,
		{"VAL/MOR/046"},
	}
	for i, tc := range tests {
		a := reader.Article{ID: "t", Text: tc.text}
		es, _ := c.Code(&a, nil)
		if got := eventCodes(es); !slices.Equal(got, want[i]) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, want[i])
		}
	}
}

// Dated null and discard codes, time discards, names written with "_" in
// the text, sentences in capitals, letter codes and pattern order.
func TestLegacyDatesCapsAndOrder(t *testing.T) {
	c := tabariCoder(t, "dated.actors", "dated.verbs")
	tests := []struct{ name, date, text string }{
		{"null-coded before its date: no actor", "2003-01-01", "The Osten Guard blorped Kestria at dawn."},
		{"an actor after its date", "2004-01-01", "The Osten Guard blorped Kestria at dawn."},
		{"a dated discard", "1995-01-01", "Greyfell blorped Kestria at dawn."},
		{"not a discard before its date", "1987-01-01", "Greyfell blorped Kestria at dawn."},
		{"a time phrase coded [###]", "1995-01-01", "Once in a blue moon Valdoria blorped Kestria."},
		{"a time phrase coded [+++]", "1995-01-01", "When the rains come Valdoria blorped Kestria."},
		{"words joined by _ in the text", "1995-01-01", "Valdoria blorped the Council of Velmarsh_Hold."},
		{"a sentence in capitals", "1995-01-01", "VALDORIA BLORPED KESTRIA AT NOON ON FRIDAY."},
		{"a code with a letter", "1995-01-01", "Valdoria wumbled for shelter beside Kestria."},
		{"the pattern listed first wins a tie", "1995-01-01", "Valdoria was at plonk with Kestria."},
		{"the other where only it matches", "1995-01-01", "Valdoria was at sore plonk with Kestria."},
	}
	want := [][]string{
		{"-/KES/130"},
		{"OSG/KES/130"},
		nil,
		{"GRY/KES/130"},
		nil,
		nil,
		{"VAL/VMH/130"},
		{"VAL/KES/130"},
		{"VAL/KES/036Z"},
		{"VAL/KES/057"},
		{"VAL/KES/0571"},
	}
	for i, tc := range tests {
		a := reader.Article{ID: "t", Date: tc.date, Text: tc.text}
		es, _ := c.Code(&a, nil)
		if got := eventCodes(es); !slices.Equal(got, want[i]) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, want[i])
		}
	}
}
