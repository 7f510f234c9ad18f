package coder

import (
	"strings"
	"testing"
)

// The obliged actor may be a compound whose second conjunct the
// dictionary does not know ("Paraguay and its smaller neighbours must"):
// fails without conjunctAfter.
func TestObligationOfConjunct(t *testing.T) {
	hasCode(t, "The Brazilian foreign minister said Paraguay and its smaller neighbours must close the border crossings used by smugglers.", "100", "BRAGOV", "PRY")
}

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

// noRoot fails if coding text gives an event whose CAMEO code starts
// with root.
func noRoot(t *testing.T, text, root string) {
	t.Helper()
	es := codeText(t, text)
	for i := range es {
		if strings.HasPrefix(es[i].CAMEO.Code, root) {
			t.Errorf("%q: want no %s event; got %s", text, root, describe(es))
			return
		}
	}
}

// A phrase opening the sentence before a comma tells the circumstances
// of the main clause's act, and its own triggers go when the main clause
// has one: fails without dropFronted.
func TestFrontedPhraseGivesWay(t *testing.T) {
	s := "Despite calls for calm from the Arab League, Sudanese troops attacked rebel positions in Kordofan."
	noRoot(t, s, "02")
	hasCode(t, s, "190", "", "")
}

// The comma that closes a fronted phrase ends a list: the actor after it
// is the main clause's subject, not a member of a compound with the
// actor before it: fails without the frontedComma check in mentions.
func TestFrontedCommaEndsCompound(t *testing.T) {
	wantEvent(t, "Despite calls for calm from the Arab League, Sudanese troops attacked rebel positions in Kordofan.", "190", "SDNMIL", "REB")
}

// A people named with "ethnic" is not the state its name comes from:
// "ethnic Turkish villagers" in Bulgaria are no Turkish actor. Fails
// without ethnic.
func TestEthnicPeopleIsNoState(t *testing.T) {
	wantEvent(t, "Ethnic Turkish fighters ambushed a police patrol near the border.", "190", "REB", "COP")
}

// "told Y that it must": a pronoun after "that" standing for the
// addressee makes the addressee the obliged actor: fails without the
// "that" + pronoun step of obligations.
func TestObligationOfAddressee(t *testing.T) {
	hasCode(t, "The Norwegian foreign minister told Sudan that it must let aid convoys reach Darfur.", "1055", "NORGOV", "SDN")
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
