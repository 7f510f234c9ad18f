package coder

import "testing"

// A sentence's opening background phrase ("Despite ...,", "Amid ...,", "In
// what ...,") names what the main event happened despite or amid: its
// triggers give way to the main clause's, and its actors are no compound
// with the main clause's subject.
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
