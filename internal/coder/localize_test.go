package coder

import "testing"

// Actors named without a country, organisations' and leaders' agents,
// quantities before the subject and complements of directives: each
// sentence fails without its rule.
func TestContextRules(t *testing.T) {
	tests := []struct {
		name, text, code, src, tgt string
	}{
		{"agent in a country is of that country", "Opposition parties in Malawi called for new elections.", "", "MWIOPP", "-"},
		{"agent takes the only country of the sentence", "In Moldova, the president imposed a curfew.", "", "MDAGOV", "-"},
		{"a counterpart of the same sector gives no country", "President Tomas Varga met Polish President Jan Nowak.", "", "GOV", "POLGOV"},
		{"an armed adversary gives no country", "Israeli troops killed three militants in the north.", "", "ISRMIL", "REB"},
		{"two agents placed in one country are still two actors", "In Kenya, the ministry praised the officials for their work.", "", "KENGOV", "KENGOV"},
		{"an organisation's agents are the organisation", "Hamas militants fired rockets at Israel.", "", "PSEHMS", "ISR"},
		{"a leader's administration is the government", "The Obama administration criticized Russia.", "", "USAGOV", "RUS"},
		{"the of of a quantity is no preposition", "Thousands of Kenyan farmers protested against the tax.", "", "KENAGR", "-"},
		{"a rejection takes the code of what it rejects", "Britain spurned the repeated appeals to send peacekeepers to Haiti.", "1224", "GBR", ""},
		{"an appeal takes the code of what it asks", "Lebanon appealed to France to send peacekeepers to the south.", "0234", "LBN", "FRA"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := codeText(t, tc.text)
			for i := range es {
				e := &es[i]
				if (tc.code == "" || e.CAMEO.Code == tc.code) && exactActor(code(e.Source), tc.src, e.Source != nil) && exactActor(code(e.Target), tc.tgt, e.Target != nil) {
					return
				}
			}
			t.Errorf("%q\nno event %s %s→%s; got %s", tc.text, tc.code, tc.src, tc.tgt, describe(es))
		})
	}
}

// exactActor matches an actor code exactly ("-": no actor, "": any).
func exactActor(got, want string, present bool) bool {
	switch want {
	case "":
		return true
	case "-":
		return !present
	}
	return present && got == want
}
