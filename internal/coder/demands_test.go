package coder

import "testing"

// hasCode fails unless coding text gives an event with the exact CAMEO
// code from an actor whose code starts with src to one whose code starts
// with tgt.
func hasCode(t *testing.T, text, code, src, tgt string) {
	t.Helper()
	es := codeText(t, text)
	for i := range es {
		if es[i].CAMEO.Code == code && matchActor(es[i].Source, src) && matchActor(es[i].Target, tgt) {
			return
		}
	}
	t.Errorf("%q: no %s event %s→%s; got %s", text, code, src, tgt, describe(es))
}

// A statement that an actor must act is a demand even when the sentence
// holds other events (the visit), which would drop the statement: fails
// when obligations runs only after the statement verbs are dropped.
func TestObligationBesideOtherEvents(t *testing.T) {
	hasCode(t, "Visiting Bamako, the Senegalese foreign minister stressed that Mali should share intelligence on the smugglers.", "1014", "SEN", "MLI")
}

// The obliged actor may carry a place ("herders from Turkana should"):
// fails without placeAfter.
func TestObligationActorWithPlace(t *testing.T) {
	hasCode(t, "Kenya's interior minister said herders from Turkana should hand in their guns.", "1056", "KENGOV", "KENAGR")
}

// A demand whose complement is an intent demands what is intended (an
// intent to meet: a demand for a meeting): fails without askedAct.
func TestDemandOfIntent(t *testing.T) {
	hasCode(t, "The Swiss envoy stated that Armenia should agree to meet Azerbaijani negotiators.", "106", "CHE", "ARM")
}

// A rejection whose object is an appeal refuses what was asked: fails
// without askedObject (no link word) or askedAct (the appeal is itself a
// complement verb).
func TestRejectedAppeal(t *testing.T) {
	hasCode(t, "Norway's parliament turned down a request for artillery shells from Kyiv.", "1222", "NOR", "UKR")
}

// A generic verb takes the code of a specific complement of its own kind
// (a warning whose complement is an ultimatum): fails without the
// same-root case of complementVerb.
func TestSameKindComplement(t *testing.T) {
	hasCode(t, "The Serbian defence minister warned that Belgrade might issue an ultimatum.", "139", "SRB", "")
}

// A pattern opening with an actor noun begins after it, and the actor is
// its subject: fails when pickTriggers drops matches that start inside an
// actor.
func TestPatternOpensWithActor(t *testing.T) {
	hasCode(t, "Russian drones struck Kyiv overnight.", "195", "RUS", "UKR")
}

// A protest for reform not specified is one for a change of policy: fails
// without the reform rows of protestAims.
func TestProtestForReform(t *testing.T) {
	hasCode(t, "Hundreds of Kenyan nurses marched to parliament, demanding reforms.", "1412", "KEN", "")
}

// The obliged actor may head a phrase joined by "and" ("Greece and other
// indebted states should"), or be addressed and taken up by a pronoun
// ("told Belarus that it must"): fails without obligedPhrase.
func TestObligedPhrase(t *testing.T) {
	hasCode(t, "The Dutch finance minister declared that Greece and other indebted states should cut spending.", "100", "NLDGOV", "GRC")
	hasCode(t, "The Polish foreign minister told Belarus that it must respect the border treaty.", "100", "POLGOV", "BLR")
	hasCode(t, "The Brazilian foreign minister said Paraguay and its smaller neighbours must close the border crossings used by smugglers.", "100", "BRAGOV", "PRY")
	hasCode(t, "The Norwegian foreign minister told Sudan that it must let aid convoys reach Darfur.", "1055", "NORGOV", "SDN")
}
