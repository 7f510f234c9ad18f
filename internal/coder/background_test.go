package coder

import (
	"strings"
	"testing"
)

// A sentence's opening background phrase ("Despite ...,", "Amid ...,", "In
// what ...,") names what the main event happened despite or amid: its
// triggers give way to the main clause's (dropFronted), and its actors are
// no compound with the main clause's subject (frontedComma in mentions).
func TestBackgroundOpener(t *testing.T) {
	tests := []struct{ text, code, src string }{
		{"Despite appeals from the Vatican, Nicaraguan police arrested two more priests on Sunday.", "173", "NICCOP"},
		{"Amid threats of a boycott by the opposition, Togo's parliament approved the new electoral law.", "0834", "TGOLEG"},
		{"In what Kyiv described as a humanitarian step, Ukraine freed twelve Russian soldiers.", "0841", "UKR"},
		// Without an event in the main clause, the phrase's stays.
		{"Despite protests by Bolivian farmers, the mood in La Paz remained calm.", "141", "BOLAGR"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		if len(es) == 0 || es[0].CAMEO.Code != tc.code || actorCode(es[0].Source) != tc.src {
			t.Errorf("%q: coded %s, want %s by %s first", tc.text, describe(es), tc.code, tc.src)
		}
	}
}

// Preparing to use force is a show of military posture (150); being
// prepared to use it is a threat (13): fails without preparing.
func TestPreparingForce(t *testing.T) {
	tests := []struct{ text, code string }{
		{"Ethiopian troops prepared to attack Dessie from the south.", "150"},
		{"Ethiopian troops are preparing to attack Dessie from the south.", "150"},
		{"Ethiopia is prepared to attack the rebels in Dessie.", "1384"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		if len(es) == 0 || es[0].CAMEO.Code != tc.code {
			t.Errorf("%q: coded %s, want %s", tc.text, describe(es), tc.code)
		}
	}
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
