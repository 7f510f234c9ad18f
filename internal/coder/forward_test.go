package coder

import (
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
)

// TABARI's "SET: CODE" option: the first verb of each clause (the
// default), of the sentence, or every verb.
func TestLegacyScope(t *testing.T) {
	c := tabariCoder(t, "roles.actors", "roles.verbs")
	for _, tc := range []struct {
		name  string
		scope LegacyScope
		text  string
		want  []string
	}{
		{"by clause", ByClause, "Valdoria skorned Kestria and grundled Morvane.", []string{"VAL/KES/111", "VAL/MOR/057"}},
		{"by sentence: the first verb only", BySentence, "Valdoria skorned Kestria and grundled Morvane.", []string{"VAL/KES/111"}},
		{"by clause: one verb a clause", ByClause, "Valdoria skorned Kestria, then brangled Morvane.", []string{"VAL/KES/111"}},
		{"all verbs", AllVerbs, "Valdoria skorned Kestria, then brangled Morvane.", []string{"VAL/KES/111", "VAL/MOR/195"}},
	} {
		a := reader.Article{ID: "t", Text: tc.text}
		es, _ := c.With(Options{Legacy: tc.scope}).Code(&a, nil)
		if got := eventCodes(es); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}

// A pronoun that opens a sentence's actors takes the first actor of the
// sentence before, in the built-in dictionaries and in TABARI's.
func TestForwardPronoun(t *testing.T) {
	c := tabariCoder(t, "joins.actors", "joins.agents", "joins.verbs")
	for _, tc := range []struct {
		name      string
		actorOnly bool
		text      string
		want      []string
	}{
		{"he is the actor of the sentence before", false,
			"Valdoria's high warden tromped in Morvane on Monday. He skorned Kestria.",
			[]string{"VALGOV/KES/111", "VALGOV/MOR/043", "MOR/VALGOV/044"}},
		{"after an opening phrase", false,
			"Valdoria tromped in Morvane. In its reply on Friday it skorned Kestria.",
			[]string{"MOR/VAL/044", "VAL/KES/111", "VAL/MOR/043"}},
		{"the actor without its agent, as TABARI forwards", true,
			"Valdoria's high warden tromped in Morvane on Monday. He skorned Kestria.",
			[]string{"VAL/KES/111", "VALGOV/MOR/043", "MOR/VALGOV/044"}},
		{"no actor before: nothing to forward", false,
			"The feast ended. It skorned Kestria.", []string{"-/KES/111"}},
		{"an expletive it", false,
			"Valdoria tromped in Morvane. It is likely that Kestria will be skorned.",
			[]string{"KES/-/111", "MOR/VAL/044", "VAL/MOR/043"}},
		{"an expletive it after an auxiliary", false,
			"Valdoria tromped in Morvane. It has been agreed that Kestria will be skorned.",
			[]string{"KES/-/111", "MOR/VAL/044", "VAL/MOR/043"}},
		{"an expletive it before an infinitive", false,
			"Valdoria tromped in Morvane. It is time to skorn Kestria.",
			[]string{"-/KES/111", "MOR/VAL/044", "VAL/MOR/043"}},
		{"it is about to: no expletive", false,
			"Valdoria tromped in Morvane. It is about to skorn Kestria.",
			[]string{"MOR/VAL/044", "VAL/KES/111", "VAL/MOR/043"}},
		{"an object pronoun after a verb", false,
			"Valdoria tromped in Morvane. Skorning it was easy for Kestria.",
			[]string{"-/KES/111", "MOR/VAL/044", "VAL/MOR/043"}},
		{"a quoted pronoun", false,
			"Valdoria tromped in Morvane. \"It skorned Kestria,\" a witness said.",
			[]string{"-/KES/111", "MOR/VAL/044", "VAL/MOR/043"}},
		{"a pronoun in a quotation that opened a sentence before", false,
			"Valdoria tromped in Morvane. \"Valdoria came here today. It skorned Kestria,\" a witness said.",
			[]string{"-/KES/111", "MOR/VAL/044", "VAL/MOR/043"}},
		{"a pronoun after a quotation", false,
			"Valdoria tromped in Morvane. \"We came,\" it said, and skorned Kestria.",
			[]string{"MOR/VAL/044", "VAL/KES/111", "VAL/MOR/043"}},
		{"a pronoun after the sentence's own actor is not forwarded", false,
			"Morvane tromped. Valdoria said it skorned Kestria.",
			[]string{"MOR/-/043", "VAL/KES/111"}},
	} {
		a := reader.Article{ID: "t", Text: tc.text}
		es, _ := c.With(Options{ForwardActor: tc.actorOnly}).Code(&a, nil)
		got, want := eventCodes(es), slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q coded %q, want %q", tc.name, tc.text, got, want)
		}
	}
}
