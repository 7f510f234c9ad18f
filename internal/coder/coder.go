// Package coder is the third stage of sitrep: it finds actors and event
// triggers in each sentence of an article and assigns source and target,
// producing CAMEO-coded events with their evidence and modality. It is
// parse-free: actor phrases and verb patterns are matched on stemmed tokens
// (internal/dict) and roles come from word order, prepositions, voice and
// compounds, as TABARI did, which is what lets it code tens of thousands of
// sentences a second on one core.
package coder

import (
	"sort"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/text"
)

// Coder codes articles with one compiled dictionary. It is safe for
// concurrent use; each call uses scratch buffers from a pool.
type Coder struct {
	dict *dict.Compiled
	opts Options
	pool sync.Pool
}

// Options change what a Coder codes, as the options of a TABARI project
// do. The zero value is the default.
type Options struct {
	// Legacy says which triggers of TABARI and PETRARCH verbs
	// (dict.Verb.Legacy) a sentence keeps.
	Legacy LegacyScope
	// ForwardActor makes a pronoun carried over from the previous
	// sentence (see forward) take its antecedent's actor code without
	// the agent's ("Valdoria's high warden ..." then "He" is VAL, not
	// VALGOV), as TABARI's FORWARD option does.
	ForwardActor bool
	// Commas are the comma-delimited clauses left out of each sentence
	// before it is coded, as TABARI's COMMA option deletes them.
	Commas CommaClauses
	// Defaults is TABARI's DEFAULT option for its verbs.
	Defaults Defaults
}

// Defaults is TABARI's "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER"
// option, which applies to TABARI verbs (see tabariRoles). With Source
// (Target) an event whose source (target) is not found is kept without
// it, for the caller to give it the default code, so that with both a
// verb alone is an event. Prior takes the source only from before the
// verb, After the target only from after it.
type Defaults struct {
	Source, Target, Prior, After bool
}

// LegacyScope is TABARI's "SET: CODE" option: which of the verbs of a
// sentence are coded.
type LegacyScope int

const (
	// ByClause codes the first verb of each clause ("SET: CODE BY
	// CLAUSE", the default; see firstOfClause).
	ByClause LegacyScope = iota
	// BySentence codes the first verb of the sentence only.
	BySentence
	// AllVerbs codes every verb ("SET: CODE ALL").
	AllVerbs
)

type scratch struct {
	sents    []text.Span
	toks     []text.Token
	matches  []dict.Match
	verbs    []dict.Match
	mentions []mention
	triggers []trigger
	verbAt   []bool // verbAt[k]: a verb pattern starts at token k
	view     []text.Token
	viewAt   []int // viewAt[k]: the index in toks of view[k]
	// The previous sentence's tokens, verbs and mentions, read when a
	// pronoun needs its antecedent (see forward).
	prevToks    []text.Token
	prevMatches []dict.Match
	prevVerbs   []dict.Match
	prevVerbAt  []bool
	prevMention []mention
}

// New returns a Coder using d; nil means the built-in dictionaries.
func New(d *dict.Compiled) *Coder {
	if d == nil {
		d = dict.Builtin()
	}
	c := &Coder{dict: d}
	c.pool.New = func() any { return new(scratch) }
	return c
}

// With returns a Coder with c's dictionary and the options o.
func (c *Coder) With(o Options) *Coder {
	n := New(c.dict)
	n.opts = o
	return n
}

// Stats counts what Code saw, for throughput reports.
type Stats struct {
	Sentences, Tokens, Events int
}

// Code codes one article and appends its events to dst in sentence and
// trigger order. It normalises a.Text to NFC first (offsets in the events
// refer to the normalised text, which it stores back in a.Text). Events
// carry the publication date; enrichers refine it.
func (c *Coder) Code(a *reader.Article, dst []event.Event) ([]event.Event, Stats) {
	a.Text = text.Normalize(a.Text)
	s := a.Text
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	var st Stats
	sc.sents = text.Sentences(s, sc.sents[:0])
	st.Sentences = len(sc.sents)
	first := len(dst)
	for si, sp := range sc.sents {
		sc.toks = joinUnderscores(s, text.Tokenize(s, sp, sc.toks[:0]))
		st.Tokens += len(sc.toks)
		if c.dict.HasDiscards() {
			// Discard phrases of PETRARCH and TABARI dictionaries: the
			// sentence, or for a story discard the article, is not coded.
			sentence, story := c.dict.Discarded(s, sc.toks)
			if story {
				st.Events -= len(dst) - first
				return dst[:first], st
			}
			if sentence {
				continue
			}
		}
		sc.toks = c.dropCommas(s, sc.toks)
		n := len(dst)
		dst = c.sentence(sc, a, si, sp, dst)
		st.Events += len(dst) - n
	}
	return dst, st
}

// dropCommas returns toks, a sentence of s, without the comma clauses
// the options leave out (Options.Commas). Discard phrases are looked for
// before: a clause that goes still discards its sentence.
func (c *Coder) dropCommas(s string, toks []text.Token) []text.Token {
	if c.opts.Commas == (CommaClauses{}) {
		return toks
	}
	return c.opts.Commas.drop(toks, c.dict.MatchActorsIn(s, toks, nil), c.dict.MatchVerbs(s, toks, nil))
}

// joinUnderscores drops the "_" tokens that join two words with no space
// ("Velmarsh_Hold"), as dictionaries write multi-word names: the words match
// the dictionary's adjacent words.
func joinUnderscores(s string, toks []text.Token) []text.Token {
	if strings.IndexByte(s, '_') < 0 {
		return toks
	}
	out := toks[:0]
	for k, t := range toks {
		if t.Kind == text.Punct && t.End-t.Start == 1 && s[t.Start] == '_' && k > 0 && k+1 < len(toks) &&
			toks[k-1].End == t.Start && toks[k+1].Start == t.End && toks[k-1].Kind == text.Word && toks[k+1].Kind == text.Word {
			continue
		}
		out = append(out, t)
	}
	return out
}

// allCaps reports whether a sentence is written in capitals: at least
// three words of two letters or more, nearly all of them in capitals
// (a headline or a wire text written in upper case).
func allCaps(toks []text.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind != text.Word || t.End-t.Start < 2 {
			continue
		}
		words++
		if t.Case&text.AllCaps != 0 {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*9
}

// lowerCaps reads a sentence written in capitals as written in lower
// case, but for the words of the actor matches ms, which stay names: in
// capitals, case tells no name from the words around it.
func lowerCaps(s string, toks []text.Token, ms []dict.Match) {
	name := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.Start; k < m.End; k++ {
			name[k] = true
		}
	}
	for k := range toks {
		t := &toks[k]
		if t.Kind != text.Word || name[k] || t.Case&text.AllCaps == 0 {
			continue
		}
		t.Case = 0
		if w := s[t.Start:t.End]; len(w) > 4 && (strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "ING")) {
			t.Case |= text.VerbForm
		}
	}
}

// dayWords name the day of an event. News sets them between a verb and its
// object ("reopened on Sunday its two border crossings", "freed Monday
// some 200 prisoners"), where they would fill a pattern's gap.
var dayWords = stemSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday")

// matchVerbs returns the verb pattern matches of toks, the tokens of s, and
// those that match once the day words and their "on", and the appositives
// set between a verb's object and the rest of its phrase (appositiveEnd),
// are left out, mapped back to toks.
func (c *Coder) matchVerbs(sc *scratch, s string, toks []text.Token) []dict.Match {
	vs := c.dict.MatchVerbs(s, toks, sc.verbs[:0])
	skip := false
	for k := 1; k < len(toks) && !skip; k++ {
		skip = dayWords[toks[k].Stem] || appositiveEnd(toks, vs, k) > 0
	}
	if !skip {
		return vs
	}
	sc.view, sc.viewAt = sc.view[:0], sc.viewAt[:0]
	for k := 0; k < len(toks); k++ {
		if end := appositiveEnd(toks, vs, k); end > 0 {
			k = end - 1
			continue
		}
		if k > 0 && dayWords[toks[k].Stem] || toks[k].Stem == "on" && k+1 < len(toks) && dayWords[toks[k+1].Stem] {
			continue
		}
		sc.view = append(sc.view, toks[k])
		sc.viewAt = append(sc.viewAt, k)
	}
	n := len(vs)
	vs = c.dict.MatchVerbs(s, sc.view, vs)
	kept := vs[:n]
	for _, m := range vs[n:] {
		start, end := sc.viewAt[m.Start], sc.viewAt[m.End-1]+1
		if end-start == m.End-m.Start {
			continue // nothing left out inside: found in toks already
		}
		m.Start, m.End = start, end
		kept = append(kept, m)
	}
	return kept
}

// appositiveReach is how many words an appositive may have: "the French
// ambassador", "a Norwegian charity".
const appositiveReach = 4

// appositiveDeterminers open a descriptive appositive: ", the French
// ambassador,", ", a Norwegian charity,".
var appositiveDeterminers = stemSet("the", "a", "an")

// particles go on with a verb's phrase after its object: "ordered the
// monitors out", "pushed the rebels back".
var particles = stemSet("out", "back", "off", "away", "down", "up")

// appositiveEnd returns the index after the closing comma of an
// appositive that the comma at k opens, 0 if there is none. An appositive
// renames the word before it ("ordered the French ambassador, Joel
// Meyer, to leave", "urged the police chief, Douglas Kanja, to act"):
// one to appositiveReach words, either names (capitalised, perhaps after
// "the") or a phrase opened by "the" or "a", with no verb pattern
// starting in it (vs) and no clause word; and the verb's phrase must go
// on after it with a preposition or a particle, or the comma closes
// something else ("freed the driver, Ali Musa, journalists said").
func appositiveEnd(toks []text.Token, vs []dict.Match, k int) int {
	if k < 1 || toks[k].Stem != "," || toks[k-1].Kind != text.Word {
		return 0
	}
	end := k + 1
	for end < len(toks) && toks[end].Stem != "," {
		end++
	}
	words := toks[k+1 : end]
	if len(words) == 0 || len(words) > appositiveReach || end+1 >= len(toks) {
		return 0
	}
	next := toks[end+1].Stem
	if !prepositions[next] && !particles[next] {
		return 0
	}
	names := true
	for i, t := range words {
		if t.Kind != text.Word || t.Case&text.VerbForm != 0 || clauseBreaks[t.Stem] || t.Stem == "and" || t.Stem == "or" {
			return 0
		}
		if t.Case&(text.Capitalized|text.AllCaps) == 0 && !(i == 0 && appositiveDeterminers[t.Stem]) {
			names = false
		}
	}
	if !names && !appositiveDeterminers[words[0].Stem] {
		return 0
	}
	for _, m := range vs {
		if m.Start > k && m.Start < end {
			return 0
		}
	}
	return end + 1
}

// trigger is an accepted verb pattern match.
type trigger struct {
	dict.Match
	verb *dict.Verb
	// promised is set when a promise verb governs the trigger ("vowed to
	// attack").
	promised bool
	// reported is set when a statement verb precedes the trigger ("said it
	// would ..."), even once the statement itself is dropped.
	reported bool
	// agent is the mention, plus one, that names who used the means of a
	// generic violence verb ("killed in Turkish drone strikes"), 0 if none.
	agent int
	// ruledOut is set when a predicate after the trigger says its act will
	// not be done ("any easing of the embargo is out of the question", see
	// ruledOutActs).
	ruledOut bool
}

func (c *Coder) sentence(sc *scratch, a *reader.Article, si int, sp text.Span, dst []event.Event) []event.Event {
	toks := sc.toks
	if len(toks) == 0 {
		return dst
	}
	sc.verbs = c.matchVerbs(sc, a.Text, toks)
	if len(sc.verbs) == 0 {
		return dst
	}
	sc.verbAt = sc.verbAt[:0]
	for range toks {
		sc.verbAt = append(sc.verbAt, false)
	}
	for _, v := range sc.verbs {
		sc.verbAt[v.Start] = true
	}
	sc.matches = c.dict.MatchActorsIn(a.Text, toks, sc.matches[:0])
	var discard bool
	if sc.matches, discard = c.dict.DropNull(sc.matches, a.Date); discard {
		return dst // a dated discard phrase ("[### <890101]")
	}
	if allCaps(toks) {
		lowerCaps(a.Text, toks, sc.matches)
	}
	sc.mentions = c.mentions(toks, sc.verbAt, sc.matches, a.Date, sc.mentions[:0])
	if si > 0 {
		sc.mentions = c.forward(sc, a, sc.sents[si-1], sc.mentions)
	}
	sc.triggers = c.pickTriggers(a.Text, sc.verbs, sc.mentions, toks, sc.triggers[:0])
	obligations(sc.triggers, sc.mentions, toks, true)
	ms := sc.mentions
	first := len(dst)
	for ti := range sc.triggers {
		t := &sc.triggers[ti]
		// An appeal, intent, demand, rejection or threat takes the
		// specific code of what it governs (complement.go).
		t.verb = complementVerb(t, ti, sc.triggers, toks)
		srcs, tgts, passive := roles(t, ti, sc.triggers, ms, toks, a.Text, c.opts.Defaults)
		if t.verb.Slots != nil {
			srcs, tgts = slotRoles(t, ms, toks, srcs, tgts)
		}
		if len(tgts) == 0 && !passive {
			if after := complementTarget(t, ti, sc.triggers, ms, toks, srcs); after >= 0 {
				tgts = members(ms, after)
			} else if after := demandTarget(t, ms, toks, srcs); after >= 0 {
				tgts = members(ms, after)
			} else if after := sceneTarget(t, ti, sc.triggers, ms, toks, srcs); after >= 0 {
				tgts = members(ms, after)
			} else if before := spokenTarget(t, ms, toks, srcs); before >= 0 {
				tgts = members(ms, before)
			}
		}
		if len(srcs) == 0 && t.agent > 0 {
			srcs = members(ms, t.agent-1)
		}
		// Under TABARI's DEFAULT with both codes, a TABARI verb with no
		// actor is still an event, between the defaults.
		bare := tabariVerb(t.verb) && c.opts.Defaults.Source && c.opts.Defaults.Target
		if len(srcs) == 0 && len(tgts) == 0 && !bare {
			continue
		}
		// One side alone must be a political actor: "the company said it
		// would meet requirements" is no event. Protest and violence are
		// political whoever does them: "students protested in Dhaka".
		if !politicalAct(t.verb.Code) && (len(tgts) == 0 && len(srcs) > 0 && !political(&ms[srcs[0]]) || len(srcs) == 0 && len(tgts) > 0 && !political(&ms[tgts[0]])) {
			continue
		}
		mod, cue, refusal, governs := modality(t, ti, sc.triggers, ms, toks, a.Text)
		if t.promised && mod == event.Asserted {
			mod = event.Future
		}
		code, rule := t.verb.Code, t.verb.Rule+" "+t.verb.Pattern
		switch {
		case t.verb.Literal:
			// The dictionary's own code, as written (dict.Verb.Literal).
		case t.ruledOut:
			if c, ok := refused(code); ok {
				code, rule, mod = c, rule+" (ruled out: "+c+")", event.Asserted
			}
		case mod == event.Future && forceRoots[code[:2]] && preparing(a.Text, toks, t):
			// "the army prepared to storm the town": readying force is a
			// show of military posture (150), not a threat, which is said.
			code, rule, mod = "150", rule+" (preparation: 150)", event.Asserted
		case !governs && !t.promised:
		case mod == event.Future:
			if c, ok := announced(code); ok {
				code, rule, mod = c, rule+" (future: "+c+")", event.Asserted
			}
		case mod == event.Hypothetical && conditional(cue, toks, t):
			// "would free the hostages if", "could impose sanctions
			// unless": CAMEO codes a conditional offer as an intent and
			// a conditional threat as a threat, as it does announcements.
			if c, ok := announced(code); ok {
				code, rule, mod = c, rule+" (conditional: "+c+")", event.Asserted
			}
		case mod == event.Negated && refusal:
			if c, ok := refused(code); ok {
				code, rule, mod = c, rule+" (refused: "+c+")", event.Asserted
			}
		}
		if !t.verb.Legacy && !t.verb.Literal {
			if c, ok := topical(code, toks, t); ok {
				code, rule = c, rule+" (topic: "+c+")"
			}
		}
		// A compound acts on itself when the roles say so; PETRARCH's
		// legacy verbs leave that to pairs, TABARI's to tabariRoles.
		mut := mutual(code, toks, t)
		if t.verb.Legacy {
			mut = !tabariVerb(t.verb)
		}
		ps := pairs(srcs, tgts, ms, mut)
		if code == "150" && len(tgts) == 0 && len(ps) > 0 && ps[0][1] >= 0 && exercise(toks[t.Start:t.End]) {
			// Exercises held by two or more actors with each other are
			// joint exercises, military cooperation (062): "the navies of
			// Chile and Argentina held exercises", "Russia and Belarus
			// staged war games". Other shows of force by two are not
			// ("Iran and North Korea tested missiles").
			code, rule = "062", rule+" (joint: 062)"
		}
		if t.verb.Reverse != "" {
			// A paired code: each pair also gives the reverse event.
			for _, p := range ps {
				if p[0] >= 0 && p[1] >= 0 {
					ps = append(ps, [2]int{-2 - p[1], p[0]})
				}
			}
		}
		for _, p := range ps {
			code := code
			if p[0] <= -2 { // the reverse of a paired code, source first
				p[0], code = -2-p[0], t.verb.Reverse
			}
			e := event.Event{
				ArticleID: a.ID, PubDate: a.Date, Date: a.Date, URL: a.URL, Publisher: a.Source,
				CAMEO:    event.CAMEO{Code: code},
				Modality: mod, ModalityCue: cue,
			}
			if a.Date != "" {
				e.DatePrecision, e.DateType = "day", "publication"
			}
			lo, hi := toks[t.Start].Start, toks[t.End-1].End
			if p[0] >= 0 {
				e.Source = actor(&ms[p[0]], toks, a.Text)
				lo, hi = min(lo, e.Source.Start), max(hi, e.Source.End)
			}
			if p[1] >= 0 {
				e.Target = actor(&ms[p[1]], toks, a.Text)
				lo, hi = min(lo, e.Target.Start), max(hi, e.Target.End)
			}
			e.Evidence = event.Evidence{
				Sentence: a.Text[sp.Start:sp.End], SentenceIndex: si, SentenceStart: sp.Start, Start: lo, End: hi,
				Trigger:      a.Text[toks[t.Start].Start:toks[t.End-1].End],
				TriggerStart: toks[t.Start].Start, TriggerEnd: toks[t.End-1].End,
				Rule: rule,
			}
			e.Confidence = confidence(e.Source, e.Target, t, passive, mod)
			ontology.Enrich(&e)
			if t.verb.PLOVER != "" && code == t.verb.Code {
				ev, mode, _ := strings.Cut(t.verb.PLOVER, "/")
				e.PLOVER = event.PLOVER{Event: ev, Mode: mode}
			}
			if duplicate(dst[first:], &e) {
				continue
			}
			e.SetID()
			dst = append(dst, e)
		}
	}
	return dst
}

// forceRoots are the CAMEO roots of the use of force.
var forceRoots = map[string]bool{"18": true, "19": true, "20": true}

var prepareStem = text.Stem("prepare")

// preparing reports whether trigger t is what its subject is preparing to
// do, "prepare" standing as the main verb right before it ("prepared to
// storm the town", "is preparing to attack"), not as the adjective of
// willingness after a form of "be" ("is prepared to attack"). s is the
// text of toks.
func preparing(s string, toks []text.Token, t *trigger) bool {
	k := t.Start - 2
	if k < 0 || toks[k].Stem != prepareStem || toks[k+1].Stem != "to" {
		return false
	}
	if strings.HasSuffix(strings.ToLower(toks[k].Text(s)), "ing") {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if beForms[toks[j].Stem] {
			return false
		}
	}
	return true
}

// exerciseWords name military exercises, by stem.
var exerciseWords = stemSet("exercise", "exercises", "drill", "drills", "maneuver", "maneuvers", "manoeuvre",
	"manoeuvres", "wargame", "wargames", "game", "games")

// exercise reports whether a trigger's words name a military exercise.
func exercise(toks []text.Token) bool {
	for _, t := range toks {
		if exerciseWords[t.Stem] {
			return true
		}
	}
	return false
}

// conditional reports whether the hypothetical cue of trigger t ("would",
// "could", "will", "may", "might") is the consequence of a condition ("if",
// "unless", "provided") stated after the trigger or opening the sentence:
// "may expel the envoy unless the raids stop" is a threat.
func conditional(cue string, toks []text.Token, t *trigger) bool {
	switch strings.ToLower(cue) {
	case "would", "could", "will", "'d", "may", "might":
	default:
		return false
	}
	for k, tk := range toks {
		if (k > t.Start || k == 0) && conditions[tk.Stem] {
			return true
		}
	}
	return false
}

var conditions = stemSet("if", "unless", "provided")

// mutualCodes are the CAMEO codes of acts that two parties do with each
// other by their nature: consulting (040, 041 by telephone, 044 at a third
// place, 046 negotiating, and 164 halting negotiations), cooperating (050,
// 060-064), signing an agreement (057) and a ceasefire (0871).
var mutualCodes = map[string]bool{"040": true, "041": true, "044": true, "046": true, "050": true, "057": true,
	"060": true, "061": true, "062": true, "063": true, "064": true, "0871": true, "164": true}

// mutualWords make the act of a trigger mutual whatever its code: "clashed",
// "fought", "exchanged fire", "traded accusations", "held exercises",
// "pledged to deepen cooperation", "restored ties".
var mutualWords = stemSet("clash", "clashes", "fight", "fought", "battle", "skirmish", "exchange", "trade", "swap", "spar",
	"feud", "war", "exercise", "drill", "maneuver", "manoeuvre", "games", "joint", "jointly", "together", "mutual", "bilateral",
	"cooperate")

// mutualObjects make the act mutual in the trigger's words, as mutualWords
// do, and also as its object a few words on: "pledged to deepen their
// cooperation", "agreed to restore ties".
var mutualObjects = stemSet("cooperation", "ties", "relations", "partnership", "alliance")

// mutual reports whether the act of trigger t, coded code (or coded by its
// verb, before modality made "plan to meet" 036), is done by the
// members of a compound subject with each other, so that "Iraq and Syria
// signed a pact" or "A and B accused each other" is an event each way,
// while "Kenyan troops and police arrested ten men" is two sources acting
// on the same third party, not on each other.
func mutual(code string, toks []text.Token, t *trigger) bool {
	if mutualCodes[code] || mutualCodes[t.verb.Code] {
		return true
	}
	// The trigger's words and the two before it: "traded accusations"
	// where "accusations" alone is the trigger.
	for _, tk := range toks[max(0, t.Start-2):t.End] {
		if mutualWords[tk.Stem] || mutualObjects[tk.Stem] {
			return true
		}
	}
	// "each other", "one another" or a word of mutualObjects after the
	// trigger, in its clause.
	for k := t.End; k+1 < len(toks) && k < t.End+4; k++ {
		if clauseBreaks[toks[k].Stem] {
			break
		}
		if w, x := toks[k].Stem, toks[k+1].Stem; (w == "each" && x == "other") || (w == "one" && x == "another") || mutualObjects[w] {
			return true
		}
	}
	return false
}

// pickTriggers resolves overlapping verb matches: more literal words win,
// then the more specific (longer) code, then the earlier start. Matches that
// begin inside an actor phrase are dropped, those that end inside one end
// where it begins (the actor is their object), and a reporting verb
// (CAMEO 010) is kept only when the sentence has no other event.
func (c *Coder) pickTriggers(s string, vs []dict.Match, ms []mention, toks []text.Token, out []trigger) []trigger {
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := &c.dict.Verbs[vs[i].Index], &c.dict.Verbs[vs[j].Index]
		if a.Legacy && b.Legacy {
			return legacyBefore(vs[i], vs[j], a, b)
		}
		if vs[i].Words != vs[j].Words {
			return vs[i].Words > vs[j].Words
		}
		if len(a.Code) != len(b.Code) {
			return len(a.Code) > len(b.Code)
		}
		if vs[i].Start != vs[j].Start {
			return vs[i].Start < vs[j].Start
		}
		return vs[i].Index < vs[j].Index
	})
	inMention := func(k int) int {
		for i := range ms {
			if ms[i].start <= k && k < ms[i].end {
				return i
			}
		}
		return -1
	}
	for _, v := range vs {
		if i := inMention(v.Start); i >= 0 {
			// A pattern that opens with an actor noun names its subject
			// ("warplanes pounded", "prisoners rioted"): the trigger
			// begins after the actor, which is its source.
			if c.dict.Verbs[v.Index].Legacy || ms[i].end >= v.End {
				continue
			}
			v.Start = ms[i].end
		}
		if i := inMention(v.End - 1); i >= 0 {
			// The pattern's object is an actor noun ("strengthened its
			// forces", "forced out ... refugees"): the trigger ends where
			// the actor begins, and the actor is its target.
			if c.dict.Verbs[v.Index].Legacy || c.dict.Verbs[v.Index].TargetInside {
				continue
			}
			v.End = ms[i].start
		}
		if vb := &c.dict.Verbs[v.Index]; vb.Slots != nil && !slotsFit(v, vb, ms, toks) {
			continue
		}
		if vb := &c.dict.Verbs[v.Index]; tabariVerb(vb) && tabariNoun(toks, verbToken(v, vb)) {
			continue
		}
		if !c.dict.Verbs[v.Index].Legacy && attributive(s, v, toks) {
			continue
		}
		overlap := false
		for _, t := range out {
			if v.Start < t.End && t.Start < v.End {
				overlap = true
				break
			}
		}
		if !overlap {
			out = append(out, trigger{Match: v, verb: &c.dict.Verbs[v.Index]})
		}
	}
	for i := range out {
		for _, r := range out {
			if r.verb.Code[:2] == "01" && r.Start < out[i].Start {
				out[i].reported = true
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// A statement that an actor must act is a demand (obligations), which
	// stays when the statement would go.
	out = commitments(out, toks)
	obligations(out, ms, toks, false)
	spokenProtests(s, out, ms, toks)
	out = ruledOutActs(out, toks)
	out = dropFronted(out, toks)
	if len(out) > 1 {
		kept := out[:0]
		for _, t := range out {
			if t.verb.Code != "010" {
				kept = append(kept, t)
			}
		}
		if len(kept) > 0 {
			out = kept
		}
	}
	switch c.opts.Legacy {
	case ByClause:
		out = firstOfClause(out, ms, toks)
	case BySentence:
		out = firstOfSentence(out)
	}
	return means(promises(out, toks), ms, toks)
}

// frontOpeners open a phrase set before the main clause that tells its
// circumstances: "Despite a plea from the pope, ...", "With talks
// stalled, ...", "Amid strikes, ...", "In a surprise move, ...".
var frontOpeners = stemSet("despite", "notwithstanding", "with", "amid", "amidst", "in")

// frontReach is how far the comma closing a fronted phrase may stand.
const frontReach = 16

// frontedComma returns the index of the comma that closes a phrase
// opening the sentence with a word of frontOpeners, or -1.
func frontedComma(toks []text.Token) int {
	if len(toks) == 0 || !frontOpeners[toks[0].Stem] {
		return -1
	}
	for k := 1; k < len(toks) && k <= frontReach; k++ {
		if toks[k].Stem == "," {
			return k
		}
	}
	return -1
}

// dropFronted drops the triggers of a phrase that opens the sentence with
// a word of frontOpeners and ends at a comma, when the main clause after
// it has a trigger of its own: the phrase tells the circumstances of the
// main clause's act ("Despite a plea for calm from the bishops, the
// police raided the union's offices" is the raid, "In a surprise move,
// Lisbon recalled its envoy from Luanda" the recall).
// Statements (01) in the main clause do not count, and the triggers of
// TABARI and PETRARCH verbs are left to their own rules.
func dropFronted(ts []trigger, toks []text.Token) []trigger {
	comma := frontedComma(toks)
	if len(ts) < 2 || comma < 0 {
		return ts
	}
	main := false
	for _, t := range ts {
		if t.Start > comma && t.verb.Code[:2] != "01" && !t.verb.Legacy {
			main = true
		}
	}
	if !main {
		return ts
	}
	kept := ts[:0]
	for _, t := range ts {
		if t.End <= comma && !t.verb.Legacy {
			continue
		}
		kept = append(kept, t)
	}
	return kept
}

// tabariArticles turn the word after them into a noun for TABARI.
var tabariArticles = stemSet("a", "an", "the")

// verbToken returns the token of a legacy verb match that holds the verb
// itself, -1 when words stand on both sides of it and gaps may hide where.
func verbToken(m dict.Match, v *dict.Verb) int {
	switch {
	case !v.Lead:
		return m.Start
	case !v.Tail:
		return m.End - 1
	}
	return -1
}

// tabariNoun reports whether TABARI reads the word at token k as a noun,
// not a verb: after an article ("the restore", "an accord"), or
// capitalized inside the sentence, where TABARI takes it for a proper noun
// ("about To Restore"). k is -1 when unknown.
func tabariNoun(toks []text.Token, k int) bool {
	if k <= 0 {
		return false
	}
	return tabariArticles[toks[k-1].Stem] || toks[k].Case&text.Capitalized != 0
}

// attributiveDeterminers open a noun phrase whose participle describes the
// noun: "the detained cleric", "its jailed leaders".
var attributiveDeterminers = stemSet("a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our")

// attributive reports whether m is a one-word past participle that
// describes the noun after it rather than telling the sentence's event:
// between a determiner (and perhaps an adverb) and its noun ("asked about
// the detained cleric", "a recently freed dissident"), or closing a
// hyphenated adjective ("its long-threatened invasion", "Russian-occupied
// towns"). It names a past act of no one in the sentence.
func attributive(s string, m dict.Match, toks []text.Token) bool {
	w := toks[m.Start]
	if w.Kind != text.Word || !strings.HasSuffix(s[w.Start:w.End], "ed") {
		return false
	}
	if compounded(toks, m.Start) {
		return true // whatever follows: "long-threatened ground offensive"
	}
	if m.End-m.Start != 1 || m.End >= len(toks) || toks[m.End].Kind != text.Word || meansPreps[toks[m.End].Stem] {
		return false
	}
	k := m.Start - 1
	if k >= 0 && strings.HasSuffix(toks[k].Stem, "ly") {
		k-- // "the recently detained"
	}
	return w.Case&text.VerbForm != 0 && k >= 0 && attributiveDeterminers[toks[k].Stem]
}

// verbPrefixes glue to a verb with a hyphen and leave it a verb:
// "re-imposed", "co-sponsored", "counter-attacked".
var verbPrefixes = stemSet("re", "co", "pre", "de", "un", "non", "counter", "over", "under", "out", "cross", "mis")

// compounded reports whether token k closes a hyphenated compound: a word
// and a hyphen written with no space before it ("long-threatened").
func compounded(toks []text.Token, k int) bool {
	if k < 2 || toks[k-1].Stem != "-" || toks[k-2].Kind != text.Word {
		return false
	}
	return toks[k-1].Start == toks[k-2].End && toks[k-1].End == toks[k].Start && !verbPrefixes[toks[k-2].Stem]
}

// legacyBefore orders two matches of TABARI or PETRARCH verbs as those
// programs try them: the verb met first in the sentence wins, then the
// pattern with more words, then a pattern line over the verb's own code
// ("- $ * [0211]" over "QUORBLE [020]"), then a pattern of literal words
// over one with a synset (dict.Verb.Synset), then the pattern listed first
// ("- AT_* [057]" over "- AT_ * [0571]" where both match "at plonk").
func legacyBefore(x, y dict.Match, a, b *dict.Verb) bool {
	switch {
	case x.Start != y.Start:
		return x.Start < y.Start
	case x.Words != y.Words:
		return x.Words > y.Words
	case a.Patterned != b.Patterned:
		return a.Patterned
	case a.Synset != b.Synset:
		return b.Synset
	}
	return x.Index < y.Index
}

// legacyClauseBreaks end a clause for firstOfClause: the clause breaks of
// the roles and the conjunction "and" ("criticised the raid and pledged
// help"), unless it joins the members of a compound actor.
var legacyClauseBreaks = stemSet("and")

// firstOfClause keeps, of the triggers of TABARI and PETRARCH verbs
// (dict.Verb.Legacy), the first of each clause, as those programs code one
// event a clause: in "criticised a raid by the militia", "raid" is the
// object of "criticised", not a second event. An "and" inside a compound
// ("met Kestrian and Morvanian envoys during a visit") joins two nouns,
// not two clauses. ts is in text order.
func firstOfClause(ts []trigger, ms []mention, toks []text.Token) []trigger {
	kept := ts[:0]
	last := -1 // the end of the last legacy trigger kept, -1 after a break
	for _, t := range ts {
		if !t.verb.Legacy {
			kept = append(kept, t)
			continue
		}
		tabari := tabariVerb(t.verb)
		if last >= 0 {
			for k := last; k < t.Start; k++ {
				if tabari && tabariBreak(toks, ms, k) || !tabari && (clauseBreaks[toks[k].Stem] || legacyClauseBreaks[toks[k].Stem] && !inCompound(ms, k)) {
					last = -1
					break
				}
			}
		}
		if last >= 0 {
			continue
		}
		kept = append(kept, t)
		last = t.End
	}
	return kept
}

// inCompound reports whether token k stands between two members of a
// compound actor.
func inCompound(ms []mention, k int) bool {
	for i := 1; i < len(ms); i++ {
		if ms[i-1].group == ms[i].group && ms[i-1].end <= k && k < ms[i].start {
			return true
		}
	}
	return false
}

// firstOfSentence keeps, of the triggers of TABARI and PETRARCH verbs, the
// first of the sentence (TABARI's "SET: CODE BY SENTENCE"). ts is in text
// order.
func firstOfSentence(ts []trigger) []trigger {
	kept, seen := ts[:0], false
	for _, t := range ts {
		if t.verb.Legacy && seen {
			continue
		}
		seen = seen || t.verb.Legacy
		kept = append(kept, t)
	}
	return kept
}

// genericViolence are the codes of verbs that say harm was done without
// saying how ("killed", "attacked").
var genericViolence = map[string]bool{"190": true, "180": true, "18": true, "19": true}

// means folds a violent event named as the subject of a generic violence
// verb, or as its means after "in" or "by", into one event with the
// specific code: "a roadside bomb killed two guards" and "two guards were
// killed by a roadside bomb" are the roadside bombing (1833) of the
// guards, not an unspecified use of force (190).
func means(ts []trigger, ms []mention, toks []text.Token) []trigger {
	kept := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if i+1 < len(ts) {
			n := ts[i+1]
			root := t.verb.Code[:2]
			if (root == "18" || root == "19" || root == "20") && genericViolence[n.verb.Code] && t.verb.Code != n.verb.Code &&
				!mentionBetween(ms, t.End, n.Start) && !breakBetween(toks, t.End, n.Start) {
				t.End = n.End
				kept = append(kept, t)
				i++
				continue
			}
		}
		if i+1 < len(ts) && genericViolence[t.verb.Code] {
			if agent, ok := meansAfter(t, ts[i+1], ms, toks); ok {
				n := ts[i+1]
				n.Start, n.agent, n.promised, n.reported = t.Start, agent, t.promised, t.reported
				if meansPreps[toks[t.End].Stem] {
					kept = append(kept, n)
					i++
					continue
				}
				// The object stands between the verb and its means
				// ("killed three guards in a roadside bombing"): the
				// trigger keeps the verb's words, so the object after
				// it stays its target.
				n.End = t.End
				kept = append(kept, n)
				i++
				continue
			}
		}
		kept = append(kept, t)
	}
	return kept
}

// meansPreps introduce the means of a generic violence verb: "killed in a
// car bombing", "wounded by a roadside bomb".
var meansPreps = stemSet("in", "by", "during")

// meansReach is how many tokens may stand between the preposition and the
// means: an article and an actor adjective ("by a Kenyan air strike").
const meansReach = 3

// meansObjectReach is how many tokens of the verb's object and a place may
// stand between a generic violence verb and the preposition of its means:
// "killed three policemen in Mosul in a car bombing".
const meansObjectReach = 8

// meansAfter reports whether n, the trigger after the generic violence
// verb t, is its means ("killed by Turkish artillery fire", "killed two
// herders in a drone strike"), and the mention (plus one, 0 if none)
// between the preposition and the means that names who used it.
func meansAfter(t, n trigger, ms []mention, toks []text.Token) (int, bool) {
	root := n.verb.Code[:2]
	if root != "18" && root != "19" && root != "20" || genericViolence[n.verb.Code] || t.End >= n.Start {
		return 0, false
	}
	p := -1 // the preposition: the last one before the means, within reach
	for k := n.Start - 1; k >= t.End && k >= n.Start-1-meansReach; k-- {
		if meansPreps[toks[k].Stem] {
			p = k
			break
		}
	}
	if p < 0 || p-t.End > meansObjectReach {
		return 0, false
	}
	agent := 0
	for i := range ms {
		if ms[i].start > p && ms[i].start < n.Start {
			if ms[i].end > n.Start || agent > 0 {
				return 0, false
			}
			agent = i + 1
		}
	}
	if breakBetween(toks, t.End, n.Start) {
		return 0, false
	}
	return agent, true
}

func mentionBetween(ms []mention, from, to int) bool {
	for _, m := range ms {
		if m.start >= from && m.start < to {
			return true
		}
	}
	return false
}

func breakBetween(toks []text.Token, from, to int) bool {
	for k := from; k < to; k++ {
		if clauseBreaks[toks[k].Stem] || toks[k].Stem == "," {
			return true
		}
	}
	return false
}

// actorPlacePreps attach a place to the actor before them: "the herders
// from Turkana", "the militias in Kivu".
var actorPlacePreps = stemSet("in", "of", "from")

// placeAfter returns the index after a place phrase of one to three
// capitalised words that starts at k ("in Darfur", "in South Sudan"), or k
// when none does.
func placeAfter(toks []text.Token, k int) int {
	if k+1 >= len(toks) || !actorPlacePreps[toks[k].Stem] {
		return k
	}
	j := k + 1
	for j < len(toks) && j-k <= 3 && toks[j].Kind == text.Word && toks[j].Case&text.Capitalized != 0 {
		j++
	}
	if j == k+1 {
		return k
	}
	return j
}

// demandVerb is the rule behind obligations.
var demandVerb = dict.Verb{Code: "100", Pattern: "<statement> ... <actor> {must|should|has to|needs to}", Rule: "coder", TargetInside: true}

var obligationCues = stemSet("must", "should")

// obligationReach is how many tokens may stand between the statement verb
// and the obliged actor: "stressed on Friday that Mali should".
const obligationReach = 6

// obligations turns a statement that another actor must act into a demand
// on that actor (CAMEO 100): "Senegal said Gambia must return the
// cattle" is Senegal demanding of Gambia, whatever the act demanded.
func obligations(ts []trigger, ms []mention, toks []text.Token, legacy bool) {
	for i := range ts {
		t := &ts[i]
		if t.verb.Code[:2] != "01" || t.verb.Legacy && !legacy {
			continue
		}
		for mi, m := range ms {
			if m.start < t.End || m.start > t.End+obligationReach {
				continue
			}
			k := m.end
			for j := mi + 1; j < len(ms) && ms[j].group == m.group; j++ {
				k = ms[j].end // "Chadian and Nigerien troops must"
			}
			k = placeAfter(toks, k)
			k = obligedPhrase(toks, k, ts)
			if k < len(toks) && (toks[k].Stem == "also" || toks[k].Stem == "now") {
				k++
			}
			if k < len(toks) && obligationCues[toks[k].Stem] && (i+1 == len(ts) || ts[i+1].Start > k) {
				t.verb, t.End = &demandVerb, k+1
			}
			break
		}
	}
}

// obligedReach is how many words a noun phrase joined to the obliged
// actor by "and" may have: "Chad and the other Sahel states must".
const obligedReach = 5

// obligedPhrase returns where the modal of an obliged actor ending at k
// would stand past the words that go on with the actor's phrase: a noun
// phrase joined by "and" ("Kigali and its allies must", "Chad and the
// other Sahel states must"), or the actor addressed, then "that" and the
// pronoun that takes it up ("told Niger that it should"). k itself when neither
// leads to a modal; ts, the triggers, may not start in the words skipped.
func obligedPhrase(toks []text.Token, k int, ts []trigger) int {
	if k+2 < len(toks) && toks[k].Stem == "that" && pronouns[toks[k+1].Stem] && obligationCues[toks[k+2].Stem] {
		return k + 2
	}
	if k >= len(toks) || toks[k].Stem != "and" {
		return k
	}
	for j := k + 1; j < len(toks) && j <= k+obligedReach; j++ {
		if obligationCues[toks[j].Stem] {
			return j
		}
		if toks[j].Kind != text.Word || clauseBreaks[toks[j].Stem] {
			return k
		}
		for _, t := range ts {
			if t.Start == j {
				return k
			}
		}
	}
	return k
}

// namedActs end a promise that names what is promised, cooperating:
// the "to" after it tells the purpose, not a second act promised
// ("pledged to cooperate to fight smuggling").
var namedActs = stemSet("cooperate", "together", "closely")

// promises folds a bare promise into the event promised: in "the rebels
// vowed to attack", "agreed to withdraw", the generic intent (030) gives way
// to the promised event, marked as announced for the future (which makes it
// a threat or a specific intent, see announced). A promise to cooperate
// keeps its own code (namedActs).
func promises(ts []trigger, toks []text.Token) []trigger {
	kept := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.verb.Code == "030" && i+1 < len(ts) && ts[i+1].Start-t.End <= 2 && ts[i+1].verb.Code[:2] != "03" && !namedActs[toks[t.End-1].Stem] {
			gap := toks[t.End:ts[i+1].Start]
			if len(gap) == 0 || gap[len(gap)-1].Stem == "to" || t.End > 0 && toks[t.End-1].Stem == "to" {
				next := ts[i+1]
				next.promised = true
				kept = append(kept, next)
				i++
				continue
			}
		}
		kept = append(kept, t)
	}
	return kept
}

// politicalSectors are the sectors that make an actor political on its own.
var politicalSectors = map[string]bool{"GOV": true, "MIL": true, "REB": true, "COP": true, "OPP": true,
	"PTY": true, "SPY": true, "JUD": true, "LEG": true, "UAF": true, "SEP": true, "IGO": true, "INS": true,
	"RAD": true, "CVL": true, "REF": true, "NGO": true, "HRI": true, "ELI": true, "LAB": true}

// politicalAct reports whether a CAMEO code is political whoever acts:
// protest (14) and force (18, 19, 20).
func politicalAct(code string) bool {
	return strings.HasPrefix(code, "14") || strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

func political(m *mention) bool {
	if m.country != "" || m.kind == dict.Org || m.kind == dict.Person {
		return true
	}
	for _, s := range m.sectors {
		if politicalSectors[s] {
			return true
		}
	}
	return false
}

func actor(m *mention, toks []text.Token, s string) *event.Actor {
	a := &event.Actor{
		Text: s[toks[m.start].Start:toks[m.end-1].End], Code: m.code, Country: m.country,
		Sectors: m.sectors, Name: m.name, Sponsor: m.sponsor,
		Start: toks[m.start].Start, End: toks[m.end-1].End,
	}
	if a.Code == "" && len(m.sectors) > 0 {
		a.Code = m.sectors[0]
	}
	return a
}

func duplicate(es []event.Event, e *event.Event) bool {
	for i := range es {
		o := &es[i]
		if o.CAMEO.Code == e.CAMEO.Code && code(o.Source) == code(e.Source) && code(o.Target) == code(e.Target) {
			return true
		}
	}
	return false
}

func code(a *event.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// confidence scores how much of the event the text supports: a source with
// a country, a target, a multi-word pattern raise it; a passive guess or a
// non-asserted modality lower it.
func confidence(src, tgt *event.Actor, t *trigger, passive bool, mod string) float64 {
	c := 0.35
	if src != nil {
		c += 0.2
		if src.Country != "" {
			c += 0.1
		}
	}
	if tgt != nil {
		c += 0.15
	}
	if t.Words >= 2 {
		c += 0.1
	}
	if passive {
		c -= 0.05
	}
	if mod != event.Asserted {
		c -= 0.1
	}
	return float64(int(c*100+0.5)) / 100
}

// slotGroup returns the mention (the first of its compound) that stands at
// slot sl of match m, or -1: for a slot before the pattern's words the
// actor before the match, for one after them the actor after it in the
// same clause, in both cases past sl.Skip other actors ("^"); for the k-th
// slot between words the k-th actor inside the match.
func slotGroup(m dict.Match, sl dict.Slot, k int, ms []mention, toks []text.Token) int {
	switch sl.Where {
	case -1:
		skip := int(sl.Skip)
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].end > m.Start || i > 0 && ms[i-1].group == ms[i].group {
				continue // after the match, or not the first of its compound
			}
			if skip == 0 {
				return i
			}
			skip--
		}
	case 0:
		for i := range ms {
			if ms[i].start < m.Start || ms[i].end > m.End || i > 0 && ms[i-1].group == ms[i].group {
				continue
			}
			if k == 0 {
				return i
			}
			k--
		}
	case 1:
		skip := int(sl.Skip)
		for i := range ms {
			if ms[i].start < m.End || i > 0 && ms[i-1].group == ms[i].group {
				continue
			}
			for j := m.End; j < ms[i].start; j++ {
				if clauseBreaks[toks[j].Stem] {
					return -1
				}
			}
			if skip == 0 {
				return i
			}
			skip--
		}
	}
	return -1
}

// slotsFit reports whether every actor slot of a legacy pattern has its
// actor: a pattern that names an actor matches only where one stands,
// and "%" only a compound of two or more.
func slotsFit(m dict.Match, v *dict.Verb, ms []mention, toks []text.Token) bool {
	inside := 0
	for _, sl := range v.Slots {
		g := slotGroup(m, sl, inside, ms, toks)
		if sl.Where == 0 {
			inside++
		}
		if g < 0 || sl.Role == '%' && len(members(ms, g)) < 2 {
			return false
		}
	}
	return true
}

// slotRoles applies the actor slots of a legacy pattern to the roles found
// by word order: "$" is the source, "+" the target, "%" a compound whose
// members act on each other ("- % JOINTLY * [0311]": "A and B jointly
// ..." is A to B and B to A). When the pattern places the target but not
// the source and word order took the target for the source ("+ WAS *
// FREED": "a sailor was freed in X"), the source is the first other actor
// after the pattern.
func slotRoles(t *trigger, ms []mention, toks []text.Token, srcs, tgts []int) ([]int, []int) {
	inside := 0
	hasSrc, hasTgt := false, false
	for _, sl := range t.verb.Slots {
		g := slotGroup(t.Match, sl, inside, ms, toks)
		if sl.Where == 0 {
			inside++
		}
		if g < 0 {
			continue
		}
		switch sl.Role {
		case '$':
			if sl.Where == -1 && sl.Skip == 0 && len(srcs) > 0 && !tabariVerb(t.verb) {
				// The subject found by word order is the actor before
				// the pattern, past appositions ("X, long a partner of
				// Y, urged Z") that the nearest actor is not. TABARI's
				// word order takes the clause's first actor, which the
				// "$" of its pattern overrides.
				hasSrc = true
				continue
			}
			srcs, hasSrc = members(ms, g), true
		case '+':
			tgts, hasTgt = members(ms, g), true
		case '%':
			// The compound acts on itself: TABARI's roles say so here,
			// PETRARCH's legacy verbs leave it to pairs.
			if tabariVerb(t.verb) {
				return members(ms, g), members(ms, g)
			}
			return members(ms, g), nil
		}
	}
	same := func(a, b []int) bool { return len(a) > 0 && len(b) > 0 && ms[a[0]].group == ms[b[0]].group }
	switch {
	case hasTgt && !hasSrc && (len(srcs) == 0 || same(srcs, tgts)):
		srcs = nil
		for i := range ms {
			if ms[i].start >= t.End && ms[i].group != ms[tgts[0]].group {
				srcs = members(ms, i)
				break
			}
		}
	case hasSrc && !hasTgt && same(srcs, tgts):
		tgts = nil
	}
	return srcs, tgts
}

// forwardPronouns are the subject pronouns that forward looks for.
var forwardPronouns = stemSet("he", "she", "it", "they")

// copulas follow an expletive "it" ("it is likely that", "it seems").
var copulas = stemSet("is", "was", "be", "seems", "seemed", "appears", "appeared", "remains", "remained")

// expletives follow the copula of an expletive "it" within a few words.
var expletives = stemSet("that", "whether", "to", "if")

// leadingPronoun returns the token of a subject pronoun that opens the
// sentence's actors ("She has also urged Chile", "In its reply on Friday
// it offered talks"): no actor and no verb stands before it. An expletive
// "it" ("It is likely that ...") is none, nor is a pronoun quoted ("'It
// came too late,' said ..."), whose speaker may be anyone. -1 if there is
// none.
func leadingPronoun(toks []text.Token, verbAt []bool, ms []mention) int {
	end := len(toks)
	if len(ms) > 0 {
		end = ms[0].start
	}
	quotes := 0
	for _, t := range toks {
		if t.Stem == `"` {
			quotes++
		}
	}
	before := 0 // quote marks before k
	for k := 0; k < end; k++ {
		if verbAt[k] {
			return -1
		}
		if toks[k].Stem == `"` {
			before++
		}
		if !forwardPronouns[toks[k].Stem] || toks[k].Kind != text.Word {
			continue
		}
		if before%2 == 1 || before == 0 && quotes%2 == 1 {
			// Inside a quotation, or one that opened in a sentence
			// before and closes in this one.
			return -1
		}
		if c := copulaAfter(toks, k); c > 0 && toks[k].Stem == "it" {
			for j := c + 1; j < len(toks) && j <= c+4; j++ {
				if expletives[toks[j].Stem] && toks[j-1].Stem != "about" {
					return -1
				}
			}
		}
		return k
	}
	return -1
}

// copulaAfter returns the index of the copula right after the token k,
// also after an auxiliary ("it has been agreed that", "it will be
// decided whether"), or -1.
func copulaAfter(toks []text.Token, k int) int {
	c := k + 1
	if c+1 < len(toks) && copulaAux[toks[c].Stem] && (toks[c+1].Stem == "been" || toks[c+1].Stem == "be") {
		c++
	}
	if c < len(toks) && (copulas[toks[c].Stem] || toks[c].Stem == "been") {
		return c
	}
	return -1
}

// copulaAux are the auxiliaries before "be" or "been" in an expletive.
var copulaAux = stemSet("has", "had", "have", "will", "would", "may", "might", "could", "should", "must")

// forward resolves a pronoun that opens the sentence's actors to the
// first actor of the previous sentence prev of the same article: "Egypt
// offered to host the talks. It also invited Jordan." is Egypt inviting
// Jordan. (A pronoun after an actor of its own sentence refers to that
// sentence's subject, see subjectBefore.) The pronoun becomes a mention
// of that actor, inserted before ms, which it returns.
func (c *Coder) forward(sc *scratch, a *reader.Article, prev text.Span, ms []mention) []mention {
	k := leadingPronoun(sc.toks, sc.verbAt, ms)
	if k < 0 {
		return ms
	}
	s := a.Text
	sc.prevToks = c.dropCommas(s, joinUnderscores(s, text.Tokenize(s, prev, sc.prevToks[:0])))
	sc.prevMatches = c.dict.MatchActorsIn(s, sc.prevToks, sc.prevMatches[:0])
	sc.prevMatches, _ = c.dict.DropNull(sc.prevMatches, a.Date)
	if len(sc.prevMatches) == 0 {
		return ms
	}
	sc.prevVerbAt = sc.prevVerbAt[:0]
	for range sc.prevToks {
		sc.prevVerbAt = append(sc.prevVerbAt, false)
	}
	sc.prevVerbs = c.dict.MatchVerbs(s, sc.prevToks, sc.prevVerbs[:0])
	for _, v := range sc.prevVerbs {
		sc.prevVerbAt[v.Start] = true
	}
	sc.prevMention = c.mentions(sc.prevToks, sc.prevVerbAt, sc.prevMatches, a.Date, sc.prevMention[:0])
	if len(sc.prevMention) == 0 {
		return ms
	}
	m := sc.prevMention[0]
	m.start, m.end, m.prep, m.group, m.target, m.localized = k, k+1, "", 0, false, false
	if c.opts.ForwardActor && m.kind == dict.Agent && m.country != "" {
		m.code, m.kind, m.sectors = m.country, dict.Country, nil
	}
	ms = append(ms, mention{})
	copy(ms[1:], ms)
	ms[0] = m
	for i := 1; i < len(ms); i++ {
		ms[i].group++
	}
	return ms
}
