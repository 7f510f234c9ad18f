package coder

import "testing"

// A generic investigation or accusation takes its specific code from the
// topic its clause names.
func TestTopic(t *testing.T) {
	tests := []struct{ text, code string }{
		{"Peru's prosecutors launched an investigation into the torture of detainees at a prison in Cusco.", "092"},
		{"Ghana's parliament opened an inquiry into the bombing of a market by army helicopters.", "093"},
		{"Bolivian prosecutors are investigating the treatment of striking miners as a crime against humanity.", "094"},
		{"Mexico's president blamed the former governor for bribing judges.", "1121"},
		{"Zambian prosecutors accused the former mayor of Ndola of misappropriating a road-building grant.", "1121"},
		{"Armenia charged that Azerbaijani troops had committed war crimes in the enclave.", "1124"},
		{"Chad accused Sudan, saying its army had spied on the garrison in Abeche.", "112"}, // the topic is past the clause
		{"Chad accused Niger, Mali and Sudan of spying on its garrison.", "1125"},
		{"Chad's foreign minister accused Sudan of harbouring rebels.", "112"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		if len(es) == 0 || es[0].CAMEO.Code != tc.code {
			t.Errorf("%q: coded %s, want %s", tc.text, describe(es), tc.code)
		}
	}
}

// A conditional consequence is coded as announced: an offer as an intent,
// a threat as a threat. Without a condition, "would" stays hypothetical.
func TestConditional(t *testing.T) {
	tests := []struct{ text, code, modality string }{
		{"Guatemala would release the detained fishermen if Belize paid the fines.", "0353", "asserted"},
		{"Pakistan could expel the Afghan diplomats unless the border reopens.", "1313", "asserted"},
		{"Guatemala would release the detained fishermen, its foreign minister told Belize.", "0841", "hypothetical"},
		{"Uruguay may expel the Paraguayan ambassador unless Asuncion apologizes.", "1313", "asserted"},
		{"Norway might end its mediation between the Colombian government and the rebels if the attacks go on.", "135", "asserted"},
		{"Uruguay may expel the Paraguayan ambassador, a newspaper in Montevideo reported.", "161", "hypothetical"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		ok := false
		for _, e := range es {
			ok = ok || e.CAMEO.Code == tc.code && e.Modality == tc.modality
		}
		if !ok {
			t.Errorf("%q: coded %s, want %s [%s]", tc.text, describe(es), tc.code, tc.modality)
		}
	}
}

// A protest takes its specific code from what it demands, named after it in
// its clause.
func TestProtestAim(t *testing.T) {
	tests := []struct{ text, code string }{
		{"Nurses protested outside a hospital in the north of Lima on Tuesday, demanding the resignation of the health minister.", "1411"},
		{"Cocoa farmers blocked the main highway into Kumasi to protest the new land tax.", "1442"},
		{"Thousands of Kurdish students demonstrated in Diyarbakir and other towns of the southeast for greater autonomy.", "1414"},
		{"Students rioted in Dhaka over the closure of campus newspapers, saying it trampled on their rights.", "1453"},
		{"Supporters of a far-right party held a rally in Vienna.", "141"},
		{"Dockers in Santos staged a protest, police said, and unions backed the new law.", "141"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		if len(es) == 0 || es[0].CAMEO.Code != tc.code {
			t.Errorf("%q: coded %s, want %s", tc.text, describe(es), tc.code)
		}
	}
}

// Reform announced for the future is an intent to reform, numbered as the
// reform granted: rights 0343, institutions 0344 (fails without the 083
// rows of announcedCodes).
func TestAnnouncedReform(t *testing.T) {
	tests := []struct{ text, code string }{
		{"Uzbekistan will restore citizenship to thousands of stateless Karakalpaks.", "0343"},
		{"The Guinean junta will democratise the electoral commission next year.", "0344"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		if len(es) == 0 || es[0].CAMEO.Code != tc.code {
			t.Errorf("%q: coded %s, want %s", tc.text, describe(es), tc.code)
		}
	}
}
