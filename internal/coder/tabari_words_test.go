package coder

import (
	"slices"
	"testing"
)

// How TABARI reads the words around its verbs: an article or a capital
// makes a noun of a verb, an actor inside a pattern's words is the target
// when none follows, and literal pattern words go before a synset.
func TestTabariVerbWords(t *testing.T) {
	j := tabariCoder(t, "joins.actors", "joins.agents", "joins.verbs")
	p := tabariCoder(t, "roles.actors", "prefix.verbs")
	tests := []struct {
		name string
		c    *Coder
		text string
		want []string
	}{
		{"a verb after an article is a noun",
			j, "Valdoria mocked the skorn of Kestria.", nil},
		{"a capitalized verb inside the sentence is a proper noun",
			j, "Valdoria sent Skorn to Kestria.", nil},
		{"the plain verb stays one",
			j, "Valdoria will skorn Kestria.", []string{"VAL/KES/111"}},
		{"an actor inside the pattern's words is the target when none follows",
			p, "Valdoria flimmered that Kestria is a shimmery wobble.", []string{"VAL/KES/057"}},
		{"an actor after the pattern still goes first",
			p, "Valdoria flimmered that Kestria is a shimmery wobble for Morvane.", []string{"VAL/MOR/057"}},
		{"literal words go before a synset of as many words",
			p, "Valdoria wobbined a penny to Kestria.", []string{"VAL/KES/071"}},
	}
	for _, tc := range tests {
		if got := codeAll(tc.c, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q: got %v, want %v", tc.name, tc.text, got, tc.want)
		}
	}
}
