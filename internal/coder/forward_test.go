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
		{"by clause", ByClause, "Valdoria condemned Kestria and promised aid to Morvane.", []string{"VAL/KES/122", "VAL/MOR/050"}},
		{"by sentence: the first verb only", BySentence, "Valdoria condemned Kestria and promised aid to Morvane.", []string{"VAL/KES/122"}},
		{"by clause: one verb a clause", ByClause, "Valdoria condemned Kestria then attacked Morvane.", []string{"VAL/KES/122"}},
		{"all verbs", AllVerbs, "Valdoria condemned Kestria then attacked Morvane.", []string{"VAL/KES/122", "VAL/MOR/223"}},
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
			"Valdoria's prime minister arrived in Morvane on Monday. He condemned Kestria.",
			[]string{"VALGOV/KES/122", "VALGOV/MOR/032", "MOR/VALGOV/033"}},
		{"after an opening phrase", false,
			"Valdoria arrived in Morvane. In a later statement it condemned Kestria.",
			[]string{"MOR/VAL/033", "VAL/KES/122", "VAL/MOR/032"}},
		{"the actor without its agent, as TABARI forwards", true,
			"Valdoria's prime minister arrived in Morvane on Monday. He condemned Kestria.",
			[]string{"VAL/KES/122", "VALGOV/MOR/032", "MOR/VALGOV/033"}},
		{"no actor before: nothing to forward", false,
			"The talks ended. It condemned Kestria.", []string{"-/KES/122"}},
		{"an expletive it", false,
			"Valdoria arrived in Morvane. It is likely that Kestria will be condemned.",
			[]string{"-/KES/122", "MOR/VAL/033", "VAL/MOR/032"}},
		{"an expletive it before an infinitive", false,
			"Valdoria arrived in Morvane. It is time to condemn Kestria.",
			[]string{"-/KES/122", "MOR/VAL/033", "VAL/MOR/032"}},
		{"it is about to: no expletive", false,
			"Valdoria arrived in Morvane. It is about to condemn Kestria.",
			[]string{"MOR/VAL/033", "VAL/KES/122", "VAL/MOR/032"}},
		{"an object pronoun after a verb", false,
			"Valdoria arrived in Morvane. Condemning it was easy for Kestria.",
			[]string{"-/KES/122", "MOR/VAL/033", "VAL/MOR/032"}},
		{"a quoted pronoun", false,
			"Valdoria arrived in Morvane. \"It condemned Kestria,\" a witness said.",
			[]string{"-/KES/122", "MOR/VAL/033", "VAL/MOR/032"}},
		{"a pronoun in a quotation that opened a sentence before", false,
			"Valdoria arrived in Morvane. \"Valdoria came here today. It condemned Kestria,\" a witness said.",
			[]string{"-/KES/122", "MOR/VAL/033", "VAL/MOR/032"}},
		{"a pronoun after a quotation", false,
			"Valdoria arrived in Morvane. \"We came,\" it said, and condemned Kestria.",
			[]string{"MOR/VAL/033", "VAL/KES/122", "VAL/MOR/032"}},
		{"a pronoun after the sentence's own actor is not forwarded", false,
			"Morvane arrived. Valdoria said it condemned Kestria.",
			[]string{"MOR/-/032", "VAL/KES/122"}},
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
