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
