package coder

import (
	"slices"
	"sort"
	"testing"

	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/reader"
)

// legacyCoder codes with the invented TABARI dictionaries of
// internal/dict/testdata/tabari (roles.actors, roles.verbs) only.
func legacyCoder(t *testing.T) *Coder {
	t.Helper()
	d := &dict.Dictionary{}
	for _, f := range []string{"roles.actors", "roles.verbs"} {
		one, _, err := dict.LoadFile("../dict/testdata/tabari/" + f)
		if err != nil {
			t.Fatal(err)
		}
		d.Merge(one)
	}
	return New(dict.Compile(d))
}

// TABARI's pattern semantics: the first verb of a clause wins, a pattern
// line wins over its verb's own code, and "$", "+", "%" and "^" place the
// actors.
func TestLegacyPatterns(t *testing.T) {
	c := legacyCoder(t)
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
		var got []string
		for _, e := range es {
			got = append(got, actorCode(e.Source)+"/"+actorCode(e.Target)+"/"+e.CAMEO.Code)
		}
		sort.Strings(got)
		if !slices.Equal(got, want[i]) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, want[i])
		}
	}
}
