package coder

import "testing"

// An agent after "its" or "their" takes its antecedent's country; each
// case fails without possessive.
func TestPossessive(t *testing.T) {
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{"Chad said on Monday that its troops had pulled out of the border town.", []string{"0874 TCDMIL "}, nil},
		{"Malian officials said their own forces had withdrawn from the camp.", []string{"0874 MLIMIL "}, nil},
		// No possessive, no antecedent: the agent keeps no country.
		{"Troops had withdrawn from the camp, officials said.", nil, []string{"0874 MLIMIL "}},
	} {
		checkEvents(t, c.text, c.want, c.not)
	}
}

// A progressive form after "be" is active: "is suing" is not passive
// (the lemma table lists "suing" among its irregular forms).
func TestProgressiveNotPassive(t *testing.T) {
	checkEvents(t, "A Dutch firm is suing the government of Ghana over the seized cargo.",
		[]string{"115 NLDBUS GHA"}, []string{"115 - NLDBUS"})
}
