package coder

import (
	"slices"
	"testing"
)

// TABARI places a verb's actors by their order in the clause, and only
// "and", "or" and "but" end a clause.
func TestTabariRoles(t *testing.T) {
	c := tabariCoder(t, "joins.actors", "joins.agents", "joins.verbs")
	tests := []struct {
		name, text string
		want       []string
	}{
		{"the source is the clause's first actor, past 'that'",
			"Valdoria doubted that Kestria skorned Morvane.", []string{"VAL/MOR/111"}},
		{"the target is the first actor after the verb, past 'after'",
			"Valdoria skorned the plan long after Morvane left.", []string{"VAL/MOR/111"}},
		{"with none after the verb, the target is an actor before it",
			"Valdoria hoped Kestria would grundle soon.", []string{"VAL/KES/057"}},
		{"'or' starts a clause that keeps the source",
			"Valdoria skorned Kestria or grundled Morvane.", []string{"VAL/KES/111", "VAL/MOR/057"}},
		{"a passive verb with 'by' swaps source and target",
			"Valdoria was skorned by Kestria.", []string{"KES/VAL/111"}},
		{"a conjunction inside the verb's words ends no clause",
			"Valdoria biffled and bonked Kestria.", []string{"VAL/KES/180"}},
		{"an agent joins the organisation right after it",
			"Harbour officials Citadel Hall skorned Kestria.", []string{"VALGOV/KES/111"}},
		{"with no actor before the verb, the source is the first after it",
			"At dawn the envoys skorned Kestria and Morvane.", []string{"KES/MOR/111"}},
		{"a lone actor after the verb stays a target",
			"At dawn the envoys skorned Kestria.", []string{"-/KES/111"}},
		{"the rest of a compound source is the target before the verb",
			"Valdoria and Kestria grundled at length.", []string{"VAL/KES/057"}},
		{"the target before the verb is the nearest, a compound's last member alone",
			"Valdoria hoped Kestria and Morvane would grundle soon.", []string{"VAL/MOR/057"}},
		{"a clause that does not open with an actor keeps the source of the verb before",
			"Valdoria skorned Kestria and then urged that Morvane grundle soon.", []string{"VAL/KES/111", "VAL/MOR/057"}},
		{"a clause that opens with an actor has its own source",
			"Valdoria skorned Kestria but Morvane grundled Lumen.", []string{"MOR/LUM/057", "VAL/KES/111"}},
		{"'him' after the verb is the sentence's first single actor",
			"Valdoria skorned Kestria but Morvane grundled him.", []string{"MOR/VAL/057", "VAL/KES/111"}},
		{"'them' after the verb is the sentence's first compound",
			"Valdoria and Kestria skorned Lumen but Morvane grundled them.",
			[]string{"KES/LUM/111", "MOR/KES/057", "MOR/VAL/057", "VAL/LUM/111"}},
		{"a compound source with no target acts on itself",
			"Valdoria and Kestria skorned Morvane and then grundled.",
			[]string{"KES/MOR/111", "KES/VAL/057", "VAL/KES/057", "VAL/MOR/111"}},
	}
	for _, tc := range tests {
		if got := codeAll(c, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q: got %v, want %v", tc.name, tc.text, got, tc.want)
		}
	}
	// A pattern's "$" is the actor right before the verb, not the
	// clause's first actor.
	r := tabariCoder(t, "roles.actors", "roles.verbs")
	if got, want := codeAll(r, "Near Valdoria Kestria quorbled at Morvane."), []string{"KES/MOR/0211"}; !slices.Equal(got, want) {
		t.Errorf("$ slot: got %v, want %v", got, want)
	}
}

// TABARI's DEFAULT option: an event missing a side that has a default is
// kept without it ("-"), PRIOR takes the source only from before the
// verb and AFTER the target only from after it.
func TestTabariDefaults(t *testing.T) {
	c := tabariCoder(t, "joins.actors", "joins.agents", "joins.verbs")
	both := Defaults{Source: true, Target: true}
	prior := Defaults{Source: true, Target: true, Prior: true}
	after := Defaults{Source: true, Target: true, After: true}
	tests := []struct {
		name string
		def  Defaults
		text string
		want []string
	}{
		{"a verb alone is an event between the defaults", both,
			"At dawn the envoys skorned the plan.", []string{"-/-/111"}},
		{"without defaults it is none", Defaults{},
			"At dawn the envoys skorned the plan.", nil},
		{"without PRIOR the source may follow the verb", after,
			"At dawn the envoys skorned Kestria.", []string{"KES/-/111"}},
		{"with PRIOR it may not", prior,
			"At dawn the envoys skorned Kestria.", []string{"-/KES/111"}},
		{"without AFTER the target may precede the verb", prior,
			"Valdoria and Kestria grundled at length.", []string{"VAL/KES/057"}},
		{"with AFTER it may not", Defaults{Source: true, Target: true, Prior: true, After: true},
			"Valdoria and Kestria grundled at length.", []string{"KES/-/057", "VAL/-/057"}},
	}
	for _, tc := range tests {
		if got := codeAll(c.With(Options{Defaults: tc.def}), tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q: got %v, want %v", tc.name, tc.text, got, tc.want)
		}
	}
}
