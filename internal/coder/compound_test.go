package coder

import "testing"

// Members of a compound subject act on each other only when the act is
// mutual by its code or its words; otherwise each acts alone.
func TestCompoundMutual(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string // "CODE SRC TGT" as hasEvent reads them; TGT "-" for none
	}{
		{"Uruguayan soldiers and police raided a farm near the border.",
			[]string{" URYMIL -", " URYCOP -"}, []string{" URYMIL URYCOP", " URYCOP URYMIL"}},
		{"Gabon and Cameroon signed a fisheries accord in Libreville on Friday.",
			[]string{"057 GAB CMR", "057 CMR GAB"}, nil},
		{"Villagers and herders fought with machetes in a market town, leaving six dead.",
			[]string{"19 CVL AGR", "19 AGR CVL"}, nil},
		{"Bolivia and Chile traded accusations over the river for a second day.",
			[]string{"11 BOL CHL", "11 CHL BOL"}, []string{"11 BOL -"}},
		{"Nepal and Bhutan blamed each other for the stalled repatriation.",
			[]string{"11 NPL BTN", "11 BTN NPL"}, nil},
		{"Laos and Vietnam pledged to deepen their cooperation in farming and energy.",
			[]string{"03 LAO VNM", "03 VNM LAO"}, nil},
		{"Peru and Ecuador recalled their ambassadors from Caracas.",
			nil, []string{" PER ECU", " ECU PER"}},
	}
	for _, tc := range tests {
		checkEvents(t, tc.text, tc.want, tc.not)
	}
}

// A modifier before coordinated words qualifies both: the first of two
// country adjectives takes the agent noun after the second, and a bare
// agent after "and" takes the country of the agent before it.
func TestCompoundSharedModifier(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ethiopian and Eritrean troops clashed along the border.", []string{"19 ETHMIL ERIMIL", "19 ERIMIL ETHMIL"}},
		{"Malian soldiers and gendarmes arrested four traders.", []string{" MLIMIL ", " MLICOP "}},
		{"Ugandan police and prosecutors charged the opposition leader with treason.", []string{" UGACOP ", " UGAJUD "}},
	}
	for _, tc := range tests {
		checkEvents(t, tc.text, tc.want, nil)
	}
	// Not to a member with a country of its own.
	for _, text := range []string{"Chilean marines and Peru rescued the fishermen."} {
		es := codeText(t, text)
		if len(es) == 0 {
			t.Errorf("%q: no event", text)
		}
		for _, e := range es {
			if e.Source != nil && (e.Source.Text == "Peru" && e.Source.Code != "PER") {
				t.Errorf("%q: coded %s: the modifier reached too far", text, describe(es))
			}
		}
	}
}
