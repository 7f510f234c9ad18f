package coder

import "testing"

// A protest takes the specific code of what it demands (141x-145x): each
// sentence fails without protestVerb.
func TestProtestComplement(t *testing.T) {
	tests := []struct{ text, code string }{
		{"Indonesian students staged rallies in Jakarta to demand the resignation of the president.", "1411"},
		{"Georgian protesters demonstrated in Sukhumi, calling for independence from Russia.", "1414"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		found := false
		for i := range es {
			if es[i].CAMEO.Code == tc.code {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no event %s; got %s", tc.text, tc.code, describe(es))
		}
	}
}

// An event whose only target is its source itself keeps its source: both
// actors below are Kyrgyz, and the demand is still coded.
func TestSelfTargetKeepsEvent(t *testing.T) {
	s := "Ethnic Uzbeks in southern Kyrgyzstan are demanding a UN military presence to protect them against the Kyrgyz majority."
	es := codeText(t, s)
	for i := range es {
		if es[i].CAMEO.Root == "10" && es[i].Source != nil {
			return
		}
	}
	t.Errorf("%q: no demand with a source; got %s", s, describe(es))
}
