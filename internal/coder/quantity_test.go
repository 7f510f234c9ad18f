package coder

import "testing"

// "at least" (or "at most") before a quantity do not make the actor after
// them the object of the preposition "at": the victims of a passive verb
// stay its target.
func TestAtLeastIsNoPreposition(t *testing.T) {
	for _, s := range []string{
		"At least three Nigerian villagers were killed by bandits.",
		"At least 40 Sudanese civilians were killed in Darfur.",
	} {
		es := codeText(t, s)
		found := false
		for i := range es {
			if es[i].Target != nil && es[i].Target.Country != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no event with the victims as target; got %s", s, describe(es))
		}
	}
}
