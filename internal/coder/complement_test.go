package coder

import "testing"

// A protest takes the specific code of what it demands (141x-145x): each
// sentence fails without protestVerb.
func TestProtestComplement(t *testing.T) {
	tests := []struct{ text, code string }{
		// a strike for a change of leadership
		{"Thousands of teachers went on strike in Accra, urging the education minister to step down.", "1431"},
		// a blockade for a change of institutions
		{"Farmers blocked the main highway near Poznan for two days, demanding a new constitution.", "1444"},
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

// An event whose only target is its source itself keeps its source, and
// has no target: both sides below are Serbia's opposition. Fails without
// the self-target case of pairs.
func TestSelfTargetKeepsEvent(t *testing.T) {
	s := "Serbian opposition leaders accused rival Serbian opposition parties of betraying voters."
	es := codeText(t, s)
	for i := range es {
		if es[i].CAMEO.Root == "11" && actorCode(es[i].Source) == "SRBOPP" && es[i].Target == nil {
			return
		}
	}
	t.Errorf("%q: no accusation SRBOPP→- ; got %s", s, describe(es))
}

// A rejection takes the code of what it rejects when only determiners and
// the asker's name stand before the request (askedObject), or when the act
// refused is its object: each sentence fails without that part of
// askedObject.
func TestRejectedObject(t *testing.T) {
	// the asker's adjective and possessive before the request
	codeHas(t, "Tanzania turned down a Kenyan request to extradite the two bankers.", "1213", "TZA")
	codeHas(t, "Tanzania rejected Kenya's request to extradite the two bankers.", "1213", "TZA")
	// the act refused as the object
	codeHas(t, "The Gabonese president ruled out stepping down before the election.", "1231", "GABGOV")
}

// An appeal for help takes the kind of help its next verb names: fails
// without "help" among the complementLinks.
func TestHelpComplement(t *testing.T) {
	codeHas(t, "The Nepali prime minister asked Japan to help finance a new hydropower dam.", "0231", "NPLGOV")
}

// A threat names what it threatens after "with": fails without the "with"
// link of threats in complementOf.
func TestThreatWith(t *testing.T) {
	codeHas(t, "Lithuania threatened Belarus with a downgrade of diplomatic ties.", "1313", "LTU")
}

// A bracketed aside between a governing verb and its complement neither
// breaks the clause with its commas nor counts toward the reach.
func TestComplementAcrossBrackets(t *testing.T) {
	tests := []struct{ text, code string }{
		{"The Kenyan president urged the rebels (the Union of Forces for Change, UFC) to open negotiations with Nairobi.", "026"},
		{"Chile urged Bolivia and Peru (its two northern neighbours, both in the Andean bloc) to release the detained truck drivers.", "0253"},
	}
	for _, tc := range tests {
		es := codeText(t, tc.text)
		if len(es) == 0 || es[0].CAMEO.Code != tc.code {
			t.Errorf("%q: coded %s, want %s first", tc.text, describe(es), tc.code)
		}
	}
}
