package coder

import "testing"

// codeHas reports whether coding text gives an event with the CAMEO code
// and, when src is not empty, that source actor code.
func codeHas(t *testing.T, text, code, src string) {
	t.Helper()
	es := codeText(t, text)
	for i := range es {
		if es[i].CAMEO.Code == code && (src == "" || actorCode(es[i].Source) == src) {
			return
		}
	}
	t.Errorf("%q: no event %s from %q; got %s", text, code, src, describe(es))
}

// A verb pattern whose object is an actor noun ends where the actor
// begins, and the actor is its target: each sentence fails when matches
// ending inside an actor are dropped.
func TestTriggerEndsAtActor(t *testing.T) {
	codeHas(t, "Eritrea expelled the UN peacekeepers who had patrolled the border for years.", "1661", "ERI")
}

// Day words between a verb and its object do not fill a pattern's gap
// ("on Sunday" makes the gap of "reopen * crossing" six words): fails when
// verb patterns are matched only on the sentence as written.
func TestDayWordsSkipped(t *testing.T) {
	codeHas(t, "Hungary reopened on Sunday its two northern border crossings with Slovakia.", "0872", "HUN")
}

// Exercises held by two actors together are joint exercises (062): fails
// without the joint rule in sentence.
func TestJointExercise(t *testing.T) {
	codeHas(t, "The navies of Chile and Argentina held exercises off Cape Horn.", "062", "CHLMIL")
}

// A generic violence verb followed by its means after "in" or "by" takes
// the means' code, and an actor adjective of the means is the source:
// fails without meansAfter.
func TestMeansAfterVerb(t *testing.T) {
	for _, tc := range []struct{ text, code, src, tgt string }{
		{"Two Kurdish fighters were killed in Turkish drone strikes overnight.", "195", "TURMIL", "REB"},
		{"Five Syrian farmers were killed by Turkish artillery fire.", "194", "TURMIL", "SYRAGR"},
	} {
		wantEvent(t, tc.text, tc.code, tc.src, tc.tgt)
	}
}

// Bodies known by their kind are actors: fails without the agents.tsv row
// for committees and commissions.
func TestBodyAgents(t *testing.T) {
	codeHas(t, "The joint monitoring commission accused the rebels of violating the truce.", "1123", "GOV")
}

// A generic violence verb whose object stands before its means takes the
// means' code and keeps the object as target: fails without the object
// reach of meansAfter.
func TestMeansAfterObject(t *testing.T) {
	wantEvent(t, "Malian soldiers killed four jihadists in an air strike near Gao.", "195", "MLIMIL", "REB")
}

// A participle between a determiner and its noun describes the noun and is
// no event: fails without attributive.
func TestAttributiveParticiple(t *testing.T) {
	s := "Egypt's foreign ministry said the jailed blogger was in good health."
	for _, e := range codeText(t, s) {
		if e.CAMEO.Root == "17" {
			t.Errorf("%q: attributive participle coded as %s", s, e.CAMEO.Code)
		}
	}
	// A participle that is the verb stays an event.
	codeHas(t, "Egyptian police jailed the blogger.", "173", "EGYCOP")
	// The participle closing a hyphenated adjective is no event either.
	s = "Ukrainian artillery shelled the Russian-occupied city of Donetsk overnight."
	for _, e := range codeText(t, s) {
		if e.CAMEO.Root == "19" && e.CAMEO.Code != "194" {
			t.Errorf("%q: hyphenated participle coded as %s", s, e.CAMEO.Code)
		}
	}
	codeHas(t, s, "194", "UKRMIL")
	codeHas(t, "Ethiopia launched its long-threatened offensive against the rebels.", "190", "ETH")
}

// A promise to sign an agreement is an intent to settle (037): fails
// without the 057 row of announcedCodes.
func TestAnnouncedAgreement(t *testing.T) {
	codeHas(t, "Sudan's army said it would sign a peace accord with the rebels.", "037", "SDNMIL")
}
