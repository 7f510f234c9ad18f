package coder

import "testing"

// News style writes "Web" and "Internet" with a capital: after a country
// word they are its noun, not the rest of a proper name, so the country
// stays an actor: fails without commonCapitals in absorbNames.
func TestCapitalisedCommonNouns(t *testing.T) {
	hasCode(t, "On election day hackers crashed Moldovan Web sites that showed the results.", "170", "", "MDA")
}

// Hacking, defacing and knocking out websites and networks is PLOVER
// COERCE in the cyber mode: fails without the cyber rows of
// verbs-conflict.tsv or their plover column.
func TestCyberMode(t *testing.T) {
	for _, text := range []string{
		"Pro-Russian hackers launched a DDoS attack on Moldovan bank websites.",
		"Chinese hackers knocked Taiwanese government websites offline.",
		"North Korean hackers hacked into South Korean arms makers.",
	} {
		es := codeText(t, text)
		found := false
		for _, e := range es {
			found = found || e.PLOVER.Event == "COERCE" && e.PLOVER.Mode == "cyber"
		}
		if !found {
			t.Errorf("%q: no COERCE/cyber event; got %s", text, describe(es))
		}
	}
}

// "Protested" after the clause it reports is a verb of saying: verbal
// disapproval (111) of the actor the clause opens with, not a
// demonstration, and its speaker is no target of the reported act. A
// fronted phrase of circumstance leaves the demonstration. Fails without
// spokenProtests, spokenTarget or protestedBy.
func TestSpokenProtest(t *testing.T) {
	hasCode(t, "The Zambian government has sat on the pollution reports for a year, Amnesty International protested.", "111", "NGOAMN", "ZMBGOV")
	hasCode(t, "'The new media law will muzzle every independent newspaper,' the Polish journalists' union protested on Thursday.", "111", "POL", "")
	hasCode(t, "Kenyan police have been beating detainees in Nairobi cells, Amnesty International protested.", "111", "NGOAMN", "KENCOP")
	lacksPair(t, "Kenyan police have been beating detainees in Nairobi cells, Amnesty International protested.", "18", "", "NGOAMN")
	hasCode(t, "Angered by the new fuel tax, Kenyan farmers protested in Nakuru on Monday.", "141", "KENAGR", "")
	noRoot(t, "Angered by the new fuel tax, Kenyan farmers protested in Nakuru on Monday.", "11")
}

// "Protested that" reports a complaint (111): fails without the "protest
// that" row.
func TestProtestedThat(t *testing.T) {
	hasCode(t, "The Kenyan opposition protested that the tally sheets had been altered.", "111", "KENOPP", "")
	noRoot(t, "The Kenyan opposition protested that the tally sheets had been altered.", "14")
}

// An act named as the subject of "is out of the question", "is not an
// option" or "was ruled out" is refused (root 12, by refused): fails
// without ruledOutActs. A negated predicate leaves the act possible.
func TestRuledOutAct(t *testing.T) {
	hasCode(t, "Unfreezing Belarusian state assets is not an option, the Canadian foreign minister said.", "1244", "", "BLR")
	hasCode(t, "'Any easing of the oil embargo on Caracas is out of the question,' the State Department spokeswoman told reporters.", "1244", "", "VEN")
	hasCode(t, "A ceasefire with the rebels was ruled out by the Ethiopian government.", "1246", "ETHGOV", "")
	noRoot(t, "A ceasefire with the rebels was ruled out by the Ethiopian government.", "08")
	noRoot(t, "A ceasefire with the rebels has not been ruled out, the Ethiopian government said.", "12")
}

// An appositive between a verb's object and the rest of its phrase does
// not break the pattern; a name set off by commas before something other
// than the verb's phrase ("..., journalists said") joins nothing. Fails
// without appositiveEnd, or with it skipping any comma pair.
func TestAppositiveInPattern(t *testing.T) {
	hasPair(t, "Washington urged the Kenyan police chief, Douglas Kanja, to investigate the killings.", "02", "USAGOV", "KENCOP")
	hasCode(t, "Bamako ordered the French ambassador, Joel Meyer, to leave the country within 72 hours.", "161", "MLIGOV", "FRAGOV")
	noRoot(t, "Nigerian troops freed the convoy driver, Musa Bello, journalists in Kano said.", "08")
}

// Parties agreeing that they themselves should or would act express an
// intent (03), specific when the act is named by a trigger; agreeing on a
// view stays an accord (019) and agreeing that another must act a demand.
// Fails without commitments or selfParties.
func TestAgreedCommitment(t *testing.T) {
	checkEvents(t, "Chile and Peru agreed that the two governments would work together against illegal fishing.",
		[]string{"030 CHL PER", "030 PER CHL"}, []string{"019 "})
	checkEvents(t, "Chile and Peru agreed that they should meet again before the summit.",
		[]string{"036 CHL PER"}, []string{"040 ", "019 "})
	hasCode(t, "The French and German finance ministers agreed that the euro needed reform.", "019", "FRAGOV", "")
	hasCode(t, "Kenya and Uganda agreed that Somalia should hold elections.", "100", "KEN", "SOM")
}

// A promise to cooperate names its act: the "to" after it tells the
// purpose, not another act promised. Fails without namedActs in promises,
// which makes the fight a threat between the two.
func TestPromiseToCooperateKeepsItsCode(t *testing.T) {
	hasCode(t, "Kenya and Uganda pledged to cooperate to fight terrorism.", "030", "KEN", "UGA")
	noRoot(t, "Kenya and Uganda pledged to cooperate to fight terrorism.", "13")
}

// Opening the borders (or doors) to people in flight is humanitarian aid
// (CAMEO 073, per the note to 075): fails without the open-border row.
func TestOpenBorderToRefugees(t *testing.T) {
	hasCode(t, "Poland opened its doors to Ukrainian refugees.", "073", "POL", "UKRREF")
	hasCode(t, "Uganda has reopened its border to families fleeing the fighting in Ituri.", "073", "UGA", "")
}
