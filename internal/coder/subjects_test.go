package coder

import (
	"strings"
	"testing"
)

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

// A phrase set off by commas after the subject does not hold the subject:
// appositives and relative clauses. A list with "and" after its last comma
// still is a compound subject.
func TestParenthetical(t *testing.T) {
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{"Ghana, a close British ally in the region, has refused to send troops to Mali.", []string{"12 GHA "}, []string{"12 GBR "}},
		{"Peru, which borders Ecuador, has closed its border with Bolivia.", []string{" PER BOL"}, []string{" ECU "}},
		{"Chile, the host of the summit, condemned the raid on the embassy.", []string{"1 CHL "}, nil},
		{"Chile, Peru, and Bolivia condemned the raid on the embassy.", []string{"1 BOL ", "1 PER ", "1 CHL "}, nil},
	} {
		checkEvents(t, c.text, c.want, c.not)
	}
}

// A stative participle after "be" is no passive unless "by" follows.
func TestStativeParticiple(t *testing.T) {
	checkEvents(t, "Greece is opposed to Turkish mediation in the dispute.", []string{"12 GRC TUR"}, []string{"12 - GRC"})
	checkEvents(t, "The plan was opposed by Greece.", []string{"11 GRC "}, nil)
}

// A day or month after a country is no part of a proper name.
func TestDayEndsName(t *testing.T) {
	checkEvents(t, "Egypt Sunday closed the Rafah crossing to trucks.", []string{"19 EGY "}, nil)
}

// A capitalised function word ends a name: machine translation leaves
// them ("the foreign minister To Amina Diallo").
func TestNameBreaks(t *testing.T) {
	es := codeText(t, "The Kenyan ambassador sent a letter to the Ugandan foreign minister To Amina Diallo on Monday.")
	for _, e := range es {
		if e.Target != nil && strings.Contains(e.Target.Text+" ", " To ") {
			t.Errorf("target %q takes in the function word", e.Target.Text)
		}
	}
	if len(es) == 0 {
		t.Errorf("no event coded")
	}
}

// A protest's demand names whom it is addressed to; members of compounds
// with a cooperation object act on each other (see TestCompoundMutual).
func TestDemandTarget(t *testing.T) {
	checkEvents(t, "Nurses in Malawi went on strike on Tuesday, demanding that the government pay their arrears.",
		[]string{"14 MWI MWIGOV"}, nil)
	checkEvents(t, "Farmers rallied outside parliament in Lusaka, calling on the president to cut fuel prices.",
		[]string{"14  ZMBGOV"}, nil)
	// Not a protest: "demanding" names no target of the act before it.
	checkEvents(t, "Zambia expelled two Chinese traders on Monday, demanding that Beijing explain the smuggling.",
		nil, []string{"174 ZMB CHNGOV"})
}
