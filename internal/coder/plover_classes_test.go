package coder

import "testing"

// A modal cue that closes a hyphenated adjective describes the noun, and
// the act it describes happens now: fails without the compounded check
// in modality (the expulsion would be announced, a threat).
func TestCompoundCueIsNoModality(t *testing.T) {
	wantEvent(t, "Chad at last carried out its much-threatened expulsion of the French ambassador.", "161", "TCD", "FRAGOV")
}

// "may" and "might" before a condition make a conditional threat, as
// "would" and "could" do: fails when conditional leaves them out.
func TestConditionalMightIsThreat(t *testing.T) {
	hasCode(t, "Norway might withdraw from its role as mediator unless both sides return to the table.", "135", "NOR", "")
}

// A mention in brackets right after another is its gloss, and the
// subject is the mention before the brackets: fails without bracketed.
func TestBracketedGlossIsNoSubject(t *testing.T) {
	wantEvent(t, "Kataib Hezbollah (a militia party) halted its attacks on US troops.", "087", "IRQUAFKTH", "USAMIL")
}

// A people named with "ethnic" is not the state its name comes from:
// "ethnic Turkish villagers" in Bulgaria are no Turkish actor. Fails
// without ethnic.
func TestEthnicPeopleIsNoState(t *testing.T) {
	wantEvent(t, "Ethnic Turkish fighters ambushed a police patrol near the border.", "190", "REB", "COP")
}

// Who dies of an act suffers it: the subject of "died after beatings" is
// the target, not the source. Fails without sufferVerbs.
func TestDyingSubjectSuffers(t *testing.T) {
	wantEvent(t, "Two Kenyan inmates died from beatings in a Nairobi remand prison.", "1823", "-", "KEN")
}

// A passive arrest with no agent, in a named state, is done by that
// state's authorities: fails without custodyState.
func TestCustodyByPlaceState(t *testing.T) {
	hasCode(t, "A Dutch aid worker was detained in Eritrea on Friday.", "173", "ERI", "NLD")
}
