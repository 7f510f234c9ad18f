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
		{"first verb of the clause: the attack is what was condemned", "Valdoria condemned an attack on Morvane."},
		{"a conjunction starts a clause", "Valdoria condemned Kestria and promised aid to Morvane."},
		{"a pattern line wins over the verb line", "Valdoria appealed to Kestria on Monday."},
		{"target before the verb, source after it", "Valdorian hostages were released from Morvane."},
		{"a compound acts on itself", "Valdoria and Kestria have postponed the summit."},
		{"no compound, no pattern", "Valdoria have postponed the summit."},
		{"^ skips an actor", "Valdoria warned at the Kestria of Morvane."},
	}
	want := [][]string{
		{"VAL/MOR/122"},
		{"VAL/KES/122", "VAL/MOR/050"},
		{"VAL/KES/095"},
		{"MOR/VAL/067"},
		{"KES/VAL/191", "VAL/KES/191"},
		nil,
		{"VAL/MOR/162"},
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
		{"null-coded before its date: no actor", "1995-01-01", "The Osten Guard warned Kestria."},
		{"an actor after its date", "1996-01-01", "The Osten Guard warned Kestria."},
		{"a dated discard", "1995-01-01", "Greyfell warned Kestria."},
		{"not a discard before its date", "1990-01-01", "Greyfell warned Kestria."},
		{"a time phrase coded [###]", "1995-01-01", "Once in a blue moon Valdoria warned Kestria."},
		{"a time phrase coded [+++]", "1995-01-01", "When the rains come Valdoria warned Kestria."},
		{"words joined by _ in the text", "1995-01-01", "Valdoria warned the Duke of Thornwald_Marches."},
		{"a sentence in capitals", "1995-01-01", "VALDORIA WARNED KESTRIA ON MONDAY OF THE DANGER."},
		{"a code with a letter", "1995-01-01", "Valdoria will bargain for asylum with Kestria."},
		{"the pattern listed first wins a tie", "1995-01-01", "Valdoria was in step with Kestria."},
		{"the other where only it matches", "1995-01-01", "Valdoria was in close step with Kestria."},
	}
	want := [][]string{
		{"-/KES/160"},
		{"OSG/KES/160"},
		nil,
		{"GRY/KES/160"},
		nil,
		nil,
		{"VAL/THM/160"},
		{"VAL/KES/160"},
		{"VAL/KES/174K"},
		{"VAL/KES/081"},
		{"VAL/KES/0812"},
	}
	for i, tc := range tests {
		a := reader.Article{ID: "t", Date: tc.date, Text: tc.text}
		es, _ := c.Code(&a, nil)
		if got := eventCodes(es); !slices.Equal(got, want[i]) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, want[i])
		}
	}
}
