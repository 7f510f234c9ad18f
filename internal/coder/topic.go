package coder

import "github.com/sitrep/sitrep/internal/text"

// Topics. CAMEO numbers an investigation (09) and an accusation (112) by
// what it is about, alike: crime or corruption 1, human rights abuses 2,
// military action 3 (for an accusation, aggression), war crimes 4, and for
// an accusation espionage or treason 5. A generic investigation or
// accusation takes the number of the first topic named in its clause after
// the trigger: "opened an inquiry into the shelling of a border post" is
// 093, "blamed the contractor for bribing officials" 1121.
var topics = []struct {
	digit   string
	phrases [][]string // stems of each phrase's words
}{
	// Most specific first: a war crime is also military action.
	{"4", topicPhrases("war crime", "war crimes", "genocide", "crime against humanity", "crimes against humanity",
		"ethnic cleansing", "massacre", "atrocity", "atrocities")},
	{"5", topicPhrases("espionage", "spying", "spy", "treason", "sedition")},
	{"2", topicPhrases("human rights", "rights abuse", "rights violation", "torture", "tortured", "rape", "sexual abuse",
		"sexually abused", "disappearance", "extrajudicial", "mistreatment", "ill-treatment", "persecution",
		"police brutality", "death in custody", "excessive force", "arbitrary detention", "forced labour", "forced labor")},
	{"3", topicPhrases("shelling", "airstrike", "air strike", "air raid", "drone strike", "missile strike", "bombing",
		"incursion", "invasion", "aggression", "ceasefire violation", "cross-border attack", "military operation")},
	{"1", topicPhrases("corruption", "bribery", "bribe", "bribes", "bribing", "graft", "embezzlement", "embezzling", "embezzled",
		"misuse", "misusing", "misused", "misappropriation", "misappropriating", "misappropriated", "fraud",
		"money laundering", "kickback", "kickbacks", "smuggling", "trafficking", "tax evasion", "extortion",
		"racketeering", "theft", "illegally", "illegal", "price fixing", "insider trading")},
}

func topicPhrases(ps ...string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		for _, t := range text.Tokenize(p, text.Span{Start: 0, End: len(p)}, nil) {
			out[i] = append(out[i], t.Stem)
		}
	}
	return out
}

// topicWindow is how many tokens after the trigger a topic may stand.
const topicWindow = 16

// topical returns the specific code of a generic investigation (090) or
// accusation (112) by the topic named after trigger t in its clause, and
// of a protest (141-145) by what it demands (protestAim).
func topical(code string, toks []text.Token, t *trigger) (string, bool) {
	if len(code) == 3 && code[:2] == "14" && code != "140" {
		return protestAim(code, toks, t)
	}
	var prefix string
	switch code {
	case "090":
		prefix = "09"
	case "112":
		prefix = "112"
	default:
		return "", false
	}
	end := min(len(toks), t.End+topicWindow)
	// The clause ends at a break other than "that" ("charged that ..."),
	// or at a comma that does not go on to the next member of a list
	// ("accused Chad, Niger and Mali of ...").
	for k := t.End; k < end; k++ {
		s := toks[k].Stem
		if clauseBreaks[s] && s != "that" || s == "," && (k+1 == len(toks) || toks[k+1].Case&text.Capitalized == 0) {
			end = k
			break
		}
	}
	// The trigger's own words count too: "bribery investigation".
	for _, tp := range topics {
		if tp.digit == "5" && prefix == "09" {
			continue // CAMEO has no 095
		}
		for k := t.Start; k < end; k++ {
			for _, p := range tp.phrases {
				if hasPhrase(toks[k:end], p) {
					return prefix + tp.digit, true
				}
			}
		}
	}
	return "", false
}

// hasPhrase reports whether toks begin with the stems of p.
func hasPhrase(toks []text.Token, p []string) bool {
	if len(toks) < len(p) {
		return false
	}
	for i, s := range p {
		if toks[i].Stem != s {
			return false
		}
	}
	return true
}

// Protest aims. CAMEO numbers a demonstration (141), hunger strike (142),
// strike or boycott (143), blockade (144) and riot (145) by what the
// protesters demand: a change of leadership 1 (new elections too), of
// policy 2 (or unspecified political reform), rights 3 (new ones, or
// against the violation of existing ones), a change of institutions or
// regime 4 (independence and autonomy too). Most specific first: a
// democratic reform changes the regime, not a policy.
var protestTopics = []struct {
	digit   string
	phrases [][]string
}{
	{"1", topicPhrases("resign", "resigns", "resignation", "step down", "stand down", "step aside", "ouster", "oust",
		"impeachment", "impeach", "new election", "new elections", "early election", "early elections", "fresh elections",
		"snap election", "snap elections")},
	{"4", topicPhrases("independence", "autonomy", "self-determination", "secession", "referendum", "constitution",
		"constitutional", "regime change", "democracy", "democratic reform", "democratic reforms", "democratisation",
		"democratization", "military rule", "federalism")},
	{"3", topicPhrases("rights", "freedom", "freedoms", "liberties", "discrimination", "equality")},
	{"2", topicPhrases("policy", "policies", "reform", "reforms", "law", "laws", "legislation", "decree", "tax", "taxes",
		"austerity", "subsidy", "subsidies", "price hike", "price hikes", "privatisation", "privatization")},
}

// protestLeads go on from a comma to what a protest demands: "marched
// through the capital, demanding", ", calling for early elections".
var protestLeads = stemSet("demanding", "calling", "saying", "urging", "seeking", "pressing", "chanting", "protesting", "in", "to", "against")

// protestAimWindow is how many tokens after the trigger a protest's aim
// may stand: the place and the target come first ("rallied in the main
// square against the governor, calling for early elections").
const protestAimWindow = 20

// protestAim returns the specific code of protest code (141-145) by the
// aim named from trigger t on, in its clause: "students marched to demand
// the rector's resignation" is 1411, "dockers struck against the new
// labour law" 1432. A comma ends the clause unless a demand or purpose
// follows it.
func protestAim(code string, toks []text.Token, t *trigger) (string, bool) {
	end := min(len(toks), t.End+protestAimWindow)
	for k := t.End; k < end; k++ {
		s := toks[k].Stem
		if clauseBreaks[s] && s != "that" || s == "," && (k+1 == len(toks) || !protestLeads[toks[k+1].Stem]) {
			end = k
			break
		}
	}
	for _, a := range protestTopics {
		for k := t.Start; k < end; k++ {
			if a.digit == "3" && hyphened(toks, k) {
				continue // "right-wing", "far-right"
			}
			for _, p := range a.phrases {
				if hasPhrase(toks[k:end], p) {
					return code + a.digit, true
				}
			}
		}
	}
	return "", false
}

// hyphened reports whether token k is joined by a hyphen to a word before
// or after it.
func hyphened(toks []text.Token, k int) bool {
	return k > 0 && toks[k-1].Stem == "-" || k+1 < len(toks) && toks[k+1].Stem == "-"
}
