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
// holds other events, which would drop the statement: fails when
// obligations runs only after the statement verbs are dropped.
func TestObligationBesideOtherEvents(t *testing.T) {
	hasCode(t, "The Egyptian government said on Sunday that Ethiopia must share data on the dam.", "1014", "EGY", "ETH")
}

// The obliged actor may carry a place ("the militias in Darfur must"):
// fails without placeAfter.
func TestObligationActorWithPlace(t *testing.T) {
	hasPair(t, "The British envoy said the Sudanese army and the militias in Darfur must stop fighting.", "10", "GBR", "SDN")
}

// A demand whose complement is an intent demands what is intended: fails
// without askedAct.
func TestDemandOfIntent(t *testing.T) {
	hasCode(t, "The Qatari emir said that Turkey must be ready to mediate between the two sides.", "108", "QAT", "TUR")
}

// A rejection whose object is an appeal refuses what was asked: fails
// without askedObject (no link word) or askedAct (the appeal is itself a
// complement verb).
func TestRejectedAppeal(t *testing.T) {
	hasCode(t, "The Japanese government rejected calls for economic aid to the junta.", "1221", "JPN", "")
}

// A generic verb takes the code of a specific complement of its own kind:
// fails without the same-root case of complementVerb.
func TestSameKindComplement(t *testing.T) {
	hasCode(t, "The interior ministry warned that police would no longer tolerate protests.", "137", "", "")
}

// A pattern opening with an actor noun begins after it, and the actor is
// its subject: fails when pickTriggers drops matches that start inside an
// actor.
func TestPatternOpensWithActor(t *testing.T) {
	hasCode(t, "Russian drones struck Kyiv overnight.", "195", "RUS", "UKR")
}

// A protest for political reform not specified is one for a change of
// policy: fails without the reform rows of protestAims.
func TestProtestForReform(t *testing.T) {
	hasCode(t, "Students staged rallies in Jakarta to demand political reform.", "1412", "", "")
}
