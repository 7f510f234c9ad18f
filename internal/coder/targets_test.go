package coder

import "testing"

// hasPair fails unless coding text gives an event of one of the CAMEO roots
// from an actor whose code starts with src to one whose code starts with
// tgt.
func hasPair(t *testing.T, text, roots, src, tgt string) {
	t.Helper()
	if es := codeText(t, text); find(es, roots, src, tgt) == nil {
		t.Errorf("%q: no %s event %s→%s; got %s", text, roots, src, tgt, describe(es))
	}
}

// lacksPair fails if coding text gives an event of one of the CAMEO roots
// from src to tgt (prefixes, as in find).
func lacksPair(t *testing.T, text, roots, src, tgt string) {
	t.Helper()
	if es := codeText(t, text); find(es, roots, src, tgt) != nil {
		t.Errorf("%q: unwanted %s event %s→%s; got %s", text, roots, src, tgt, describe(es))
	}
}

// An actor inside a verb pattern's gap is its object: fails without the
// inside scan in firstAfter.
func TestTargetInsidePattern(t *testing.T) {
	hasPair(t, "The opposition party accused Kenya of rigging the vote.", "11", "", "KEN")
	hasPair(t, "Manila rejected a Chinese proposal on fishing rights.", "12", "PHL", "CHN")
}

// A pattern opening with a number or determiner is a noun phrase: the
// actor inside it is not the target, which comes after the pattern. Fails
// when the inside scan ignores the opening (the bombers become the
// target).
func TestInsidePatternSubject(t *testing.T) {
	for _, tc := range []struct{ text, tgt, notTgt string }{
		{"Two teenage Afghan suicide bombers targeted a police academy in Kabul.", "AFGCOP", "AFGREB"},
		{"A second Somali suicide bomber hit the gate of an army base in Mogadishu.", "MIL", "SOMREB"},
	} {
		hasPair(t, tc.text, "18", "", tc.tgt)
		lacksPair(t, tc.text, "18", "", tc.notTgt)
	}
}

// A bare agent noun inside a pattern that modifies the next word is no
// actor, and the target comes after the pattern: fails without modifier
// (the target becomes MIL).
func TestAgentModifierInPattern(t *testing.T) {
	hasPair(t, "Sweden offered military equipment worth $50 million to Estonia.", "03", "SWE", "EST")
	hasPair(t, "Tokyo approved additional military assistance for the Philippines.", "07", "JPN", "PHL")
}

// The passive agent after "by" inside a pattern is the source: fails when
// the inside scan skips "by".
func TestPassiveAgentInsidePattern(t *testing.T) {
	hasPair(t, "Two rangers were attacked by Ugandan poachers with axes.", "18", "UGA", "")
	hasPair(t, "A shopkeeper was beaten by Serbian skinheads to death.", "18", "SRB", "")
}

// An appeal or threat without an object of its own acts on the target of
// what it governs: fails without complementTarget.
func TestComplementTarget(t *testing.T) {
	hasPair(t, "Estonian farmers have appealed for a halt to grain imports from Russia.", "02", "EST", "RUS")
	hasPair(t, "Kenya warned that it would halt tea exports to Egypt.", "13", "KEN", "EGY")
}

// An event without a target acts on the state it happened in: fails
// without sceneTarget.
func TestSceneTarget(t *testing.T) {
	hasPair(t, "Russian bombers carried out exercises in Belarus.", "15", "RUS", "BLR")
}

// The speaker of a trailing attribution is no target: the event keeps its
// source and has no target. Fails without the reportVerbs stop in
// scanAfter (the speakers become the targets).
func TestAttributionNotTarget(t *testing.T) {
	hasPair(t, "The Bolivian army pulled out of the valley, Peruvian officials said.", "08", "BOLMIL", "-")
	hasPair(t, "Kosovo reopened its border, Albanian officials announced.", "08", "XKX", "-")
}

// A pattern that opens with "under" is suffered by its subject: fails
// without the check of the trigger's first word in isPassive.
func TestUnderPattern(t *testing.T) {
	hasPair(t, "A Kenyan journalist came under investigation.", "09", "-", "KEN")
}
