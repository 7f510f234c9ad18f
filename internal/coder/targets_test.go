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

// An actor inside a verb pattern's gap is its object: fails without the
// inside scan in firstAfter.
func TestTargetInsidePattern(t *testing.T) {
	hasPair(t, "The opposition party accused Kenya of rigging the vote.", "11", "", "KEN")
	hasPair(t, "Manila rejected a Chinese proposal on fishing rights.", "12", "PHL", "CHN")
}

// A pattern opening with a number or determiner is a noun phrase whose
// actor is its subject: fails when the inside scan ignores the opening.
func TestInsidePatternSubject(t *testing.T) {
	es := codeText(t, "Three Syrian suicide bombers attacked a checkpoint.")
	if find(es, "18", "", "SYR") != nil {
		t.Errorf("the bombers are the target: %s", describe(es))
	}
}

// A bare agent noun inside a pattern that modifies the next word is no
// actor, and the target comes after the pattern: fails without modifier.
func TestAgentModifierInPattern(t *testing.T) {
	hasPair(t, "Norway promised to continue military aid to Ukraine.", "03", "NOR", "UKR")
}

// The passive agent after "by" inside a pattern is the source: fails when
// the inside scan skips "by".
func TestPassiveAgentInsidePattern(t *testing.T) {
	hasPair(t, "A village was attacked by Sudanese militiamen armed with knives.", "18", "SDN", "")
}

// An appeal, threat or rejection without an object of its own acts on the
// target of what it governs: fails without complementTarget.
func TestComplementTarget(t *testing.T) {
	hasPair(t, "The bishop called for sanctions against Zimbabwe.", "02", "", "ZWE")
	hasPair(t, "Moscow threatened to cut off gas supplies to Moldova.", "13", "RUS", "MDA")
}

// An event without a target acts on the state it happened in: fails
// without sceneTarget.
func TestSceneTarget(t *testing.T) {
	hasPair(t, "The junta imposed a curfew in Niger on Monday.", "17", "", "NER")
}

// The speaker of a trailing attribution is no target: fails without the
// reportVerbs stop in scanAfter.
func TestAttributionNotTarget(t *testing.T) {
	es := codeText(t, "Chile and Peru signed a trade agreement, the Bolivian government said.")
	if find(es, "05", "", "BOL") != nil {
		t.Errorf("the speaker is a target: %s", describe(es))
	}
}

// A pattern that opens with "under" is suffered by its subject: fails
// without the check of the trigger's first word in isPassive.
func TestUnderPattern(t *testing.T) {
	hasPair(t, "A Kenyan journalist came under investigation.", "09", "-", "KEN")
}
