package coder

import (
	"strings"

	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/text"
)

// Verbal acts read from how a sentence is built rather than from one
// pattern: "protested" as a verb of saying, an act said to be out of the
// question, and parties agreeing that they themselves should act.

// spokenProtestVerb is the rule behind spokenProtests.
var spokenProtestVerb = dict.Verb{Code: "111", Pattern: "<clause>, <actor> protested", Rule: "coder"}

var protestStem = text.Stem("protest")

// sayingTail are the words that may follow a verb of saying at the end of
// its sentence: where and when it was said ("protested here on Tuesday",
// "protested again yesterday", "protested in a statement").
var sayingTail = stemSet("here", "there", "today", "yesterday", "tonight", "on", "again", "also", "strongly",
	"angrily", "bitterly", "loudly", "in", "a", "statement", "letter", "note", "last", "night", "week", "this")

// clauseOpeners open a phrase that is not a clause of its own: a
// preposition or a conjunction of time or cause ("After the vote, students
// protested on Monday", "Despite the ban, thousands protested").
var clauseOpeners = stemSet("after", "before", "when", "while", "as", "since", "because", "although", "though",
	"if", "once", "following", "despite", "amid", "with", "in", "on", "at", "by", "for", "from", "during", "over",
	"against", "to", "under", "without", "throughout", "across", "outside", "inside", "near")

// spokenProtests turns "protested" used as a verb of saying into verbal
// disapproval (CAMEO 111, criticize or denounce), not a demonstration
// (141): the clause it reports comes first, then a comma, the speaker and
// "protested", and after it at most when and where it was said ("The
// ministry has hidden the flood figures, a local charity protested on
// Friday", "'The count was rigged,' the opposition protested"). A
// fronted phrase that is not a clause ("Angered by the tax, farmers
// protested on Monday") leaves the demonstration.
func spokenProtests(s string, ts []trigger, ms []mention, toks []text.Token) {
	for i := range ts {
		t := &ts[i]
		if t.verb.Legacy || t.verb.Code[:2] != "14" || t.End-t.Start != 1 || toks[t.Start].Stem != protestStem {
			continue
		}
		if !sayingEnds(toks, t.End) {
			continue
		}
		// The reported clause has a few words of its own before the
		// speaker's comma.
		sp := speakerBefore(ms, toks, t.Start)
		if sp < 4 || !reportedClause(s, ms, toks) {
			continue
		}
		t.verb = &spokenProtestVerb
	}
}

// sayingEnds reports whether the tokens from k to the end of the sentence
// only tell when and where something was said, or go on after a comma
// ("protested on Friday, citing ...").
func sayingEnds(toks []text.Token, k int) bool {
	for ; k < len(toks); k++ {
		t := toks[k]
		switch {
		case t.Stem == ",":
			return true
		case t.Kind == text.Punct && t.Stem != "-":
		case sayingTail[t.Stem] || dayWords[t.Stem]:
		default:
			return false
		}
	}
	return true
}

// speakerReach is how many words the speaker's phrase before a verb of
// saying may have: "an Amnesty International researcher", "thousands of
// striking Kenyan dockers".
const speakerReach = 8

// speakerBefore returns the first token of the speaker right before token
// k: a phrase of words naming an actor, perhaps with an adverb after it
// ("a lawyers' group also protested"), set off from what comes before by a
// comma, or by a comma and a closing quotation mark. -1 when there is
// none.
func speakerBefore(ms []mention, toks []text.Token, k int) int {
	if k > 0 && sayingTail[toks[k-1].Stem] && toks[k-1].Stem != "a" {
		k--
	}
	j := k - 1
	for ; j >= 0 && k-j <= speakerReach; j-- {
		t := toks[j]
		if t.Kind == text.Punct && t.Stem != "-" && !possessive(toks, j) || clauseBreaks[t.Stem] || t.Stem == "and" || t.Stem == "or" {
			break
		}
	}
	if j < 1 || j == k-1 {
		return -1
	}
	if toks[j].Stem != "," && (!quoteMarks[toks[j].Stem] || toks[j-1].Stem != ",") {
		return -1
	}
	for i := range ms {
		if ms[i].start > j && ms[i].end <= k {
			return j + 1
		}
	}
	return -1
}

// quoteMarks close a quotation.
var quoteMarks = stemSet("'", "\"", "’", "”")

// reportedClause reports whether the sentence opens with a clause of its
// own, as reported speech does, not with a preposition, a conjunction or
// a participle ("Angered by", "Chanting slogans"), which open a phrase
// of circumstance. A quotation mark before the first word is skipped.
func reportedClause(s string, ms []mention, toks []text.Token) bool {
	k := 0
	for k < len(toks) && toks[k].Kind == text.Punct {
		k++
	}
	if k >= len(toks) || clauseOpeners[toks[k].Stem] {
		return false
	}
	for i := range ms {
		if ms[i].start == k {
			return true // an actor opens it: its subject
		}
	}
	w := strings.ToLower(toks[k].Text(s))
	return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing")
}

// protestedBy reports whether a protest said (spokenProtests) follows
// the speaker ending at token k, perhaps past an adverb ("a lawyers'
// group also protested").
func protestedBy(ts []trigger, toks []text.Token, k int) bool {
	if k < len(toks) && sayingTail[toks[k].Stem] && toks[k].Stem != "a" {
		k++
	}
	for i := range ts {
		if ts[i].Start == k && ts[i].verb == &spokenProtestVerb {
			return true
		}
	}
	return false
}

// spokenTarget returns, for a protest said (spokenProtests), the actor
// that opens the clause it reports, whom the protest is about: "The
// Zambian government has sat on the pollution reports, Amnesty
// protested" disapproves of the Zambian government. -1 when none opens
// it.
func spokenTarget(t *trigger, ms []mention, toks []text.Token, srcs []int) int {
	if t.verb != &spokenProtestVerb {
		return -1
	}
	k := 0
	for k < len(toks) && (toks[k].Kind == text.Punct || determiners[toks[k].Stem]) {
		k++
	}
	for i := range ms {
		if ms[i].start != k {
			continue
		}
		for _, s := range srcs {
			if ms[s].group == ms[i].group {
				return -1
			}
		}
		return i
	}
	return -1
}

// ruledOutPhrases say, after a form of "be", that the act named by the
// subject will not be done: "any easing of the embargo is out of the
// question", "a ceasefire is not an option", "talks were ruled out".
var ruledOutPhrases = topicPhrases("out of the question", "off the table", "not an option", "no option",
	"not on the table", "ruled out")

var ruledOutStem = text.Stem("ruled")

// copulaForms are the forms of "be" and its like that join a subject to
// what is said of it.
var copulaForms = stemSet("is", "are", "was", "were", "be", "been", "remains", "remained")

// midAdverbs may stand inside a verb group: between a copula and what
// is said of the subject ("is still out of the question"), and between
// the parties of an agreement, their modal and its verb ("they would
// now work together", see commitments).
var midAdverbs = stemSet("currently", "still", "now", "simply", "clearly", "absolutely", "completely",
	"totally", "definitely", "also", "firmly", "already")

// ruledOutReach is how many tokens the subject may run on after the
// trigger before its copula: "unfreezing the assets seized from the
// central bank after the coup is not an option".
const ruledOutReach = 12

// ruledOutAt returns the first token of the phrase of ruledOutPhrases that
// says the act of t will not be done, -1 when there is none. The trigger
// must open its clause as the subject (at the start of the sentence, or
// after "that", a comma, a quotation mark or a verb of saying, past its
// determiners: "officials said a prisoner swap was off the table"), the
// copula follow it in the same clause, and no negation
// stand between ("has not been ruled out" leaves it possible).
func ruledOutAt(t *trigger, toks []text.Token) int {
	k := t.Start - 1
	for k >= 0 && objectDeterminers[toks[k].Stem] {
		k--
	}
	if k >= 0 {
		st := toks[k].Stem
		if st != "that" && st != "," && !quoteMarks[st] && !reportVerbs[st] && !dayWords[st] {
			return -1
		}
	}
	for k = t.End; k < len(toks) && k < t.End+ruledOutReach; k++ {
		st := toks[k].Stem
		if negCues[st] || st == "," || st == ";" || st == ":" || clauseBreaks[st] && st != "that" {
			return -1
		}
		if !copulaForms[st] {
			continue
		}
		j := k + 1
		for j < len(toks) && midAdverbs[toks[j].Stem] {
			j++
		}
		for _, p := range ruledOutPhrases {
			if hasPhrase(toks[j:], p) {
				return j
			}
		}
	}
	return -1
}

// ruledOutActs marks the triggers whose act a predicate after them rules
// out (ruledOutAt), which CAMEO codes as refusing it (root 12, see
// refused): "unfreezing the assets is not an option" declines to ease
// economic sanctions (1244). Where the predicate is the passive of a
// rejection verb ("a ceasefire was ruled out by Kyiv"), the two are one
// refusal: the rejection takes the code of refusing the act, which goes.
func ruledOutActs(ts []trigger, toks []text.Token) []trigger {
	kept := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		p := -1
		if !t.verb.Legacy && !t.verb.Literal {
			p = ruledOutAt(&t, toks)
		}
		c, ok := refused(t.verb.Code)
		if p < 0 || !ok {
			kept = append(kept, t)
			continue
		}
		if i+1 < len(ts) && ts[i+1].Start == p && toks[p].Stem == ruledOutStem && ts[i+1].verb.Code[:2] == "12" {
			n := ts[i+1]
			v := *n.verb
			v.Code, v.PLOVER = c, ""
			v.Pattern = t.verb.Pattern + " ... " + v.Pattern + " (ruled out: " + c + ")"
			n.verb = &v
			kept = append(kept, n)
			i++
			continue
		}
		t.ruledOut = true
		kept = append(kept, t)
	}
	return kept
}

// commitVerb is the rule behind commitments.
var commitVerb = dict.Verb{Code: "030", Pattern: "agree that <themselves> {should|would|will|must}", Rule: "coder"}

var agreeStem = text.Stem("agree")

// selfNouns name the parties of an agreement taken up after it: "their
// countries", "both sides", "the two governments".
var selfNouns = stemSet("country", "countries", "side", "sides", "government", "governments", "nation", "nations",
	"state", "states", "party", "parties", "leader", "leaders", "people", "peoples")

// selfOpeners open a phrase that takes up the parties ("their countries",
// "both sides", "our nations"), and numbers after "the" ("the two
// governments"): "the government" alone may be anyone's.
var (
	selfOpeners = stemSet("their", "our", "both")
	selfNumbers = stemSet("two", "three", "four", "five")
)

// commitModals say what the parties are to do.
var commitModals = stemSet("should", "would", "will", "must", "shall")

// commitments turns "agreed that" (an accord, CAMEO 019) into an intent
// (030, PLOVER AGREE) when what is agreed is that the parties themselves
// will act: "Chile and Peru agreed that the two governments would work
// together against illegal fishing" commits them to a course, while
// "agreed that the euro needed reform" only shares a view. The parties
// are taken up by a pronoun ("they", "we", "it") or a phrase of
// selfOpeners and selfNouns (selfParties), then a modal. When a trigger
// follows the modal, the agreement is a promise of that act, as "agreed to
// meet" is (see promises): the act's trigger takes in the agreement and
// is marked promised. Otherwise the intent runs to the modal and the verb
// after it, which names the act ("should cooperate", "would work
// together").
func commitments(ts []trigger, toks []text.Token) []trigger {
	kept := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		k := -1
		if !t.verb.Legacy && t.verb.Code == "019" && toks[t.Start].Stem == agreeStem && toks[t.End-1].Stem == "that" {
			k = selfParties(toks, t.End)
		}
		if k >= 0 && k < len(toks) && midAdverbs[toks[k].Stem] {
			k++
		}
		if k < 0 || k >= len(toks) || !commitModals[toks[k].Stem] {
			kept = append(kept, t)
			continue
		}
		v := k + 1
		if v < len(toks) && midAdverbs[toks[v].Stem] {
			v++
		}
		if i+1 < len(ts) && ts[i+1].Start == v && ts[i+1].verb.Code[:2] != "01" {
			n := ts[i+1]
			n.Start, n.promised = t.Start, true
			kept = append(kept, n)
			i++
			continue
		}
		t.verb, t.End = &commitVerb, k+1
		if v < len(toks) && toks[v].Kind == text.Word && toks[v].Case&text.Capitalized == 0 && (i+1 == len(ts) || ts[i+1].Start > v) {
			t.End = v + 1
			if t.End < len(toks) && namedActs[toks[t.End].Stem] && (i+1 == len(ts) || ts[i+1].Start > t.End) {
				t.End++ // "would work together"
			}
		}
		kept = append(kept, t)
	}
	return kept
}

// selfParties returns the index after a phrase starting at k that takes up
// the parties of an agreement ("they", "we", "their countries", "both
// sides", "the two governments"), -1 when none starts there.
func selfParties(toks []text.Token, k int) int {
	if k >= len(toks) {
		return -1
	}
	if st := toks[k].Stem; pronouns[st] || st == "we" {
		return k + 1
	}
	j := k
	switch {
	case selfOpeners[toks[j].Stem]:
		j++
		if j < len(toks) && selfNumbers[toks[j].Stem] {
			j++
		}
	case toks[j].Stem == "the" && j+1 < len(toks) && selfNumbers[toks[j+1].Stem]:
		j += 2
	default:
		return -1
	}
	if j >= len(toks) || !selfNouns[toks[j].Stem] {
		return -1
	}
	return j + 1
}
