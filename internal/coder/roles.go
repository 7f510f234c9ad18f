package coder

import (
	"strings"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/text"
)

// targetWindow is how many tokens after a trigger its target may start;
// a "+" pattern expects the target closer.
const (
	targetWindow    = 9
	targetWindowAdj = 4
	passiveLookback = 3
)

var beForms = stemSet("be", "is", "are", "was", "were", "been", "being", "get", "got", "gets", "getting")

// clauseBreaks end the search for a target: the next clause has its own.
var clauseBreaks = stemSet(";", ":", "but", "while", "whereas", "which", "who", "because", "although",
	"though", "after", "before", "when", "since", "until", "that", "so")

// roles returns the mentions that are the trigger's sources and targets (each
// list holding the members of one compound, by index into ms), and whether
// the clause is passive.
func roles(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token, s string, def Defaults) (srcs, tgts []int, passive bool) {
	if tabariVerb(t.verb) {
		return tabariRoles(t, ts, ms, toks, s, def)
	}
	passive = isPassive(t, toks, s)
	after := firstAfter(t, ti, ts, ms, toks)
	if passive {
		// "US forces were attacked by militias": source after "by".
		if after >= 0 && ms[after].prep == "by" {
			srcs = members(ms, after)
		}
		if l := subjectBefore(t, ti, ts, ms, toks); l >= 0 {
			tgts = members(ms, l)
		}
		if len(srcs) == 0 {
			if i := custodyState(t, ms, toks); i >= 0 {
				srcs = []int{i}
			}
		}
		return srcs, tgts, true
	}
	// "welcomed talks between Israel and Hamas": a verb whose object is a
	// noun trigger with a pair acts on each of the pair.
	if after < 0 {
		after = pairObject(t, ti, ts, ms, toks, s)
	}
	// "talks between Chile and Peru": the pair is both sides.
	// With a subject whose own verb the trigger is, the pair is what the
	// subject acts on: "Egypt mediated between Israel and Hamas" is Egypt
	// to each of them. A noun trigger ("talks", "the meeting") has its pair
	// as its own sides whatever stands before it ("Egypt hopes talks
	// between Israel and Hamas will resume"), and so has a trigger that is
	// not the subject's own verb ("Qatar said ... talks between"), unless
	// it is mediation, which a third party does ("Qatar resumed its
	// mediation between ...").
	if after >= 0 && ms[after].prep == "between" && len(members(ms, after)) >= 2 {
		nominal := !mediation[t.verb.Code] && nounTrigger(t, toks, s)
		if l := subjectBefore(t, ti, ts, ms, toks); l >= 0 && !nominal && (mediation[t.verb.Code] || ownVerb(ms, l, t, toks)) {
			tgts = members(ms, after)
			for _, i := range tgts {
				ms[i].target = true
			}
			return members(ms, l), tgts, false
		}
		return members(ms, after), nil, false
	}
	// "150 strikes by Iran-backed groups on US forces": without a subject,
	// the agent after "by" is the source.
	// The agent right after "by" is the trigger's own source also with an
	// actor before it ("Iraq condemned strikes by Turkey"), which is its
	// target when the trigger is that actor's own verb, as a participle
	// ("soldiers attacked by militants"), or the means of what the actor
	// suffered ("soldiers were killed in an ambush by the Taliban").
	if l := subjectBefore(t, ti, ts, ms, toks); l >= 0 {
		srcs = members(ms, l)
		if after >= 0 && ms[after].prep == "by" && !objectBefore(toks, t.End, ms[after].start) {
			srcs = members(ms, after)
			if ownVerb(ms, l, t, toks) || meansOfPassive(t, ti, ts, toks, s) {
				tgts = members(ms, l)
				for _, i := range tgts {
					ms[i].target = true
				}
				return srcs, tgts, false
			}
			after = nextAfter(after, t, ti, ts, ms, toks)
		}
	} else if after >= 0 && ms[after].prep == "by" {
		srcs = members(ms, after)
		after = nextAfter(after, t, ti, ts, ms, toks)
	}
	// A statement's complement is what was said, not to whom: "the Fed said
	// that banks ..." has no target; an addressee comes with "to" or "+"
	// ("sent a letter to the minister", "told reporters").
	if after >= 0 && t.verb.Code[:2] == "01" && !t.verb.TargetAfter && ms[after].prep != "to" {
		after = -1
	}
	if after >= 0 {
		tgts = members(ms, after)
		for _, i := range tgts {
			ms[i].target = true
		}
	}
	return srcs, tgts, false
}

// custodyWords open a trigger that only a state's authorities do: arrest,
// detention, imprisonment, deportation.
var custodyWords = stemSet("arrest", "arrested", "detain", "detained", "jail", "jailed", "imprison", "imprisoned",
	"deport", "deported", "incarcerate", "incarcerated")

// custodyState returns, for a passive custody trigger with no agent ("two
// tourists were detained in Iran"), the state it took place in, whose
// authorities did it: a country named after "in" in the trigger or within
// four words after it, in its clause. It returns -1 when there is none.
func custodyState(t *trigger, ms []mention, toks []text.Token) int {
	if !custodyWords[toks[t.Start].Stem] {
		return -1
	}
	for i := range ms {
		m := &ms[i]
		if m.start <= t.Start || m.start > t.End+4 {
			continue
		}
		if hasBreak(toks[t.Start:m.start]) {
			return -1
		}
		if m.prep == "in" && m.kind == dict.Country && m.code == m.country && m.country != "" {
			return i
		}
	}
	return -1
}

// pairObject returns, for a trigger without a target, the pair of the noun
// trigger that is its object ("welcomed talks between Israel and Hamas",
// "condemned the renewed clashes between ..."), or -1: the next trigger
// starts at most three words after it, and its first actor after it is a
// compound after "between". A statement's object is what was said, not
// whom it is about.
func pairObject(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token, s string) int {
	if ti+1 >= len(ts) || t.verb.Code[:2] == "01" || t.verb.Legacy {
		return -1
	}
	n := &ts[ti+1]
	if n.Start < t.End || n.Start-t.End > 3 || !nounTrigger(n, toks, s) {
		return -1
	}
	for k := t.End; k < n.Start; k++ {
		if toks[k].Kind != text.Word || clauseBreaks[toks[k].Stem] || prepositions[toks[k].Stem] {
			return -1
		}
	}
	a := firstAfter(n, ti+1, ts, ms, toks)
	if a < 0 || ms[a].prep != "between" || len(members(ms, a)) < 2 {
		return -1
	}
	return a
}

// nounTrigger reports whether the trigger is a noun: after a determiner
// ("the talks"), or a plural or nominal form that the verb's subject would
// not stand before ("talks", "negotiations", "clashes", "mediation").
func nounTrigger(t *trigger, toks []text.Token, s string) bool {
	if t.Start > 0 && determiners[toks[t.Start-1].Stem] {
		return true
	}
	w := strings.ToLower(s[toks[t.Start].Start:toks[t.Start].End])
	if pluralNouns[w] {
		return true
	}
	for _, suf := range []string{"tion", "tions", "sion", "sions", "ment", "ments"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// pluralNouns are the surface forms of noun triggers that a pair follows
// and that read as verbs only after a subject ("Egypt talks"), as nouns.
var pluralNouns = map[string]bool{"talks": true, "clashes": true, "meetings": true, "discussions": true,
	"battles": true, "fights": true, "fighting": true, "hostilities": true, "contacts": true, "exchanges": true,
	"ties": true, "relations": true, "dialogue": true, "summit": true, "summits": true, "truce": true,
	"ceasefire": true, "tensions": true, "war": true, "conflict": true, "confrontations": true}

// ownVerb reports whether the trigger is the own verb of the subject l:
// between them stand only auxiliaries, adverbs and day words ("Egypt has
// again mediated"), no other verb ("Egypt hopes talks ...", "Qatar said
// talks ...", "Egypt welcomed talks ...").
func ownVerb(ms []mention, l int, t *trigger, toks []text.Token) bool {
	end := 0
	for _, i := range members(ms, l) {
		end = max(end, ms[i].end)
	}
	for k := end; k < t.Start; k++ {
		tk := toks[k]
		switch {
		case auxiliaries[tk.Stem], dayWords[tk.Stem], tk.Stem == "on", tk.Stem == ",":
		case tk.Kind == text.Word && strings.HasSuffix(tk.Stem, "ly"):
			// an adverb: "jointly", "reportedly"
		default:
			return false
		}
	}
	return true
}

// auxiliaries may stand between a subject and its verb.
var auxiliaries = stemSet("has", "have", "had", "will", "would", "could", "can", "may", "might", "shall", "should",
	"is", "are", "was", "were", "be", "been", "did", "does", "do", "also", "again", "now", "then", "once",
	"still", "already", "not", "never", "soon", "later", "today", "yesterday")

// mediation are the CAMEO codes of mediating, offering, asking for or
// demanding it: acts of a third party on both sides.
var mediation = map[string]bool{"045": true, "039": true, "028": true, "108": true}

// meansOfPassive reports whether the trigger names the means of the
// passive trigger right before it: "were killed in an ambush", "was
// wounded during an attack".
func meansOfPassive(t *trigger, ti int, ts []trigger, toks []text.Token, s string) bool {
	if ti == 0 {
		return false
	}
	p := &ts[ti-1]
	if p.End >= t.Start || !meansPreps[toks[p.End].Stem] || t.Start-p.End-1 > meansReach || !isPassive(p, toks, s) {
		return false
	}
	for k := p.End + 1; k < t.Start; k++ {
		if !determiners[toks[k].Stem] && toks[k].Kind == text.Word && toks[k].Case&text.Capitalized == 0 {
			return false
		}
	}
	return true
}

// objectBefore reports whether a noun stands between a trigger ending at
// from and the "by" before the mention at to: in "condemned an attack by
// the soldiers" the soldiers are the agent of the attack, the object of
// the condemning, so its target; in "was hit by", "strikes by" the agent
// after "by" is the trigger's own.
func objectBefore(toks []text.Token, from, to int) bool {
	for k := from; k < to; k++ {
		t := toks[k]
		if t.Stem == "by" {
			return false
		}
		if t.Kind == text.Word && !determiners[t.Stem] && !prepositions[t.Stem] {
			return true
		}
	}
	return false
}

// members returns the indexes of the mentions in i's compound.
func members(ms []mention, i int) []int {
	var out []int
	for k := range ms {
		if ms[k].group == ms[i].group {
			out = append(out, k)
		}
	}
	return out
}

// subjectBefore returns the nearest mention before the trigger that can be
// its subject: not the object of a preposition, not an earlier event's
// target. When none qualifies, the sentence's first free mention is the
// subject carried over ("US troops withdrew ..., but returned in 2014").
func subjectBefore(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token) int {
	// The clause starts after the last break before the trigger.
	clause := 0
	for k := t.Start - 1; k >= 0; k-- {
		if clauseBreaks[toks[k].Stem] && !closedRelative(toks, k, t.Start) {
			clause = k + 1
			break
		}
	}
	// "criticised the raid on Friday and pledged help": a verb joined
	// to the one before by "and" shares its subject.
	if ti > 0 && t.Start > 0 && toks[t.Start-1].Stem == "and" && ts[ti-1].End < t.Start {
		if l := subjectBefore(&ts[ti-1], ti-1, ts, ms, toks); l >= 0 {
			return l
		}
	}
	infinitive := t.Start > 0 && toks[t.Start-1].Stem == "to"
	for i := len(ms) - 1; i >= 0; i-- {
		m := &ms[i]
		if m.end > t.Start || m.start < clause || parenthetical(ms, i, toks, t.Start) {
			continue
		}
		// "the ability of the Iraqi forces to fight": the nearest noun
		// phrase controls an infinitive, whatever its preposition.
		if infinitive && !m.target && i == lastBefore(ms, t.Start) {
			return first(ms, i)
		}
		if m.target || (m.prep != "" && m.prep != "and" && !clauseBreaks[m.prep]) {
			continue
		}
		return first(ms, i)
	}
	// "the envoy announced that she will leave": a pronoun subject refers to
	// the sentence's subject.
	if clause > 0 && clause < t.Start && pronouns[toks[clause].Stem] {
		for i := range ms {
			if ms[i].end <= clause && (ms[i].prep == "" || ms[i].prep == "and") && !ms[i].target {
				return first(ms, i)
			}
		}
	}
	// "US troops withdrew in 2011, but returned in 2014": a clause that
	// starts with a verb shares the sentence's subject.
	if clause > 0 && (toks[clause-1].Stem == "but" || toks[clause-1].Stem == "and") && !startsWithSubject(toks, clause, ms) {
		for i := range ms {
			if ms[i].end <= clause && (ms[i].prep == "" || ms[i].prep == "and") && !ms[i].target {
				return first(ms, i)
			}
		}
	}
	return -1
}

// bracketed reports whether mention i stands inside round brackets that
// close before end, right after an earlier mention: a gloss or a short
// name of that mention ("Ennahda (Renaissance) deputies", "the Workers'
// Party (PT) said"), which is the subject.
func bracketed(ms []mention, i int, toks []text.Token, end int) bool {
	m := &ms[i]
	open := m.start - 1
	for open >= 0 && open >= m.start-3 && toks[open].Stem != "(" {
		open--
	}
	if open < 1 || open < m.start-3 || toks[open].Stem != "(" {
		return false
	}
	closed := false
	for k := m.end; k < end && k <= m.end+3; k++ {
		if toks[k].Stem == ")" {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	for j := range ms {
		if j != i && ms[j].end == open {
			return true
		}
	}
	return false
}

// parentheticalStarts open a phrase set off by commas after a noun phrase:
// an appositive ("Ghana, a close ally of Britain,") or a relative clause
// ("Peru, which borders Ecuador,").
var parentheticalStarts = stemSet("a", "an", "the", "one", "which", "who", "whose", "long", "once", "home")

// parenthetical reports whether mention i stands in a phrase set off by
// commas right after an earlier mention and closed before end: "Ghana, a
// key British ally, refused ..." has Ghana as its subject, not Britain. A
// list ("Ghana, the United States, and Britain signed") is no such phrase:
// its members are a compound, or "and" follows the closing comma.
func parenthetical(ms []mention, i int, toks []text.Token, end int) bool {
	m := &ms[i]
	if bracketed(ms, i, toks, end) {
		return true
	}
	open := -1
	for k := m.start - 1; k > 0; k-- {
		if toks[k].Stem == "," {
			open = k
			break
		}
	}
	if open < 1 || open+1 >= len(toks) || !parentheticalStarts[toks[open+1].Stem] || ms[first(ms, i)].start <= open {
		return false
	}
	before := false
	for j := range ms {
		if ms[j].end == open {
			before = true
		}
	}
	if !before {
		return false
	}
	for k := m.end; k < end; k++ {
		if toks[k].Stem == "," {
			return k+1 < len(toks) && toks[k+1].Stem != "and" && toks[k+1].Stem != "or"
		}
	}
	return false
}

// closedRelative reports whether the clause break at k opens a relative
// clause set off by commas that closes before end ("Peru, which borders
// Ecuador, closed ..."): the clause around it goes on past it.
func closedRelative(toks []text.Token, k, end int) bool {
	if k < 1 || toks[k-1].Stem != "," || toks[k].Stem != "which" && toks[k].Stem != "who" {
		return false
	}
	for j := k + 1; j < end; j++ {
		if toks[j].Stem == "," {
			return true
		}
	}
	return false
}

func lastBefore(ms []mention, k int) int {
	last := -1
	for i := range ms {
		if ms[i].end <= k {
			last = i
		}
	}
	return last
}

// pronouns are subject pronouns that refer back to the sentence's subject.
var pronouns = stemSet("he", "she", "it", "they")

// pronouns and determiners that open a clause with its own subject.
var subjectStarts = stemSet("it", "they", "he", "she", "we", "i", "you", "there", "this", "that", "the", "a", "an", "these", "those", "its", "their")

func startsWithSubject(toks []text.Token, k int, ms []mention) bool {
	if k >= len(toks) {
		return false
	}
	for i := range ms {
		if ms[i].start == k {
			return true
		}
	}
	return subjectStarts[toks[k].Stem] || toks[k].Case&text.Capitalized != 0
}

// first returns the first member of i's compound.
func first(ms []mention, i int) int {
	for k := range ms {
		if ms[k].group == ms[i].group {
			return k
		}
	}
	return i
}

// firstAfter returns the first mention after the trigger that can be its
// target or passive agent: within the window, in the same clause, before the
// next trigger, not a place ("in Iraq").
func firstAfter(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token) int {
	if t.verb.TargetInside {
		for i := range ms {
			if ms[i].start > t.Start && ms[i].end < t.End {
				return first(ms, i)
			}
		}
	}
	// A pattern with a gap spans its object: "accused Kenya of rigging",
	// "rejected a Chinese proposal", "said that Mali should". The first
	// actor inside it, not after a locative, is the target. A pattern that
	// opens with a determiner or number is a noun phrase whose actor is
	// its subject, not its target ("two teenage suicide bombers
	// targeted"). Of the legacy verbs, PETRARCH's take their object
	// from the verb's phrase, which holds the pattern's words; TABARI's
	// take the actor after the pattern.
	if st := toks[t.Start]; (!t.verb.Legacy || t.verb.Parsed) && !determiners[st.Stem] && st.Kind != text.Number {
		for i := range ms {
			if ms[i].start > t.Start && ms[i].end <= t.End && !placePreps[ms[i].prep] && !modifier(&ms[i], t, toks) {
				return first(ms, i)
			}
		}
	}
	return scanAfter(t.End, t, ti, ts, ms, toks)
}

// modifier reports whether m, inside the trigger t, is a bare agent noun
// that modifies the pattern's next word, not an actor: "military aid",
// "a general strike", "an official protest".
func modifier(m *mention, t *trigger, toks []text.Token) bool {
	if m.kind != dict.Agent || m.country != "" || m.end >= t.End {
		return false
	}
	n := toks[m.end]
	return n.Kind == text.Word && !prepositions[n.Stem] && n.Stem != "and"
}

func nextAfter(after int, t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token) int {
	return scanAfter(ms[after].end, t, ti, ts, ms, toks)
}

func scanAfter(from int, t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token) int {
	limit := windowEnd(from, t, ti, ts, toks)
	for i := range ms {
		m := &ms[i]
		if m.start < from || m.start >= limit {
			continue
		}
		if placePreps[m.prep] && !t.verb.Legacy {
			continue
		}
		// "pulled out of the valley, Peruvian officials said": the subject of
		// a reporting verb after a comma is who reports the event, not
		// its target; an actor after it may be. Without the comma the
		// actor is the object: "sanctioned officials reported to have ...".
		// A legacy verb too: PETRARCH's parse puts the speaker of a
		// trailing attribution in the main clause, outside the verb phrase.
		// "Protested" said (spokenProtests) is a reporting verb too.
		if m.end < len(toks) && (reportVerbs[toks[m.end].Stem] || protestedBy(ts, toks, m.end)) && speakerComma(toks, m.start) {
			continue
		}
		return first(ms, i)
	}
	return -1
}

// speakerComma reports whether a comma (or a comma and a closing quote)
// stands before the phrase starting at token k, past its determiners and
// up to maxModifiers lower-case words ("a senior", "a visibly angry").
func speakerComma(toks []text.Token, k int) bool {
	k--
	for n := 0; k >= 0; k-- {
		t := toks[k]
		switch {
		case determiners[t.Stem] || t.Stem == "\"":
		case n < maxModifiers && t.Kind == text.Word && t.Case&(text.Capitalized|text.AllCaps) == 0 && !prepositions[t.Stem] && !notModifiers[t.Stem]:
			n++
		default:
			return t.Stem == ","
		}
	}
	return false
}

// reportVerbs follow the speaker of an attribution clause.
var reportVerbs = stemSet("said", "say", "says", "announced", "confirmed", "reported", "told", "added", "stated", "claimed", "quoted")

// sceneTarget returns, for an event without a target, the state named as
// where it happened, which is the state it acts on: "carried out exercises
// in Belarus", "marines landed in Haiti", "rallied in Georgia". -1 when
// the trigger's window names no state after "in", or when that state
// already gave a source its country ("President Varga imposed a curfew in
// Moldova" is Moldova's president, not an act on it).
func sceneTarget(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token, srcs []int) int {
	if t.verb.Legacy || t.verb.Code[:2] == "01" {
		return -1
	}
	limit := windowEnd(t.End, t, ti, ts, toks)
	for i := range ms {
		m := &ms[i]
		if m.start < t.End || m.start >= limit {
			continue
		}
		if (m.prep == "in" || m.prep == "inside") && m.kind == dict.Country && m.code == m.country {
			for _, s := range srcs {
				if ms[s].localized && ms[s].country == m.country {
					return -1
				}
			}
			return first(ms, i)
		}
	}
	return -1
}

// demandWords open a participle clause that says what a protest wants and
// from whom: "went on strike, demanding that the government resign".
var demandWords = stemSet("demanding", "demand", "calling", "urging", "pressing", "pressuring")

// demandTarget returns, for a protest (CAMEO 14) without a target, the
// actor its demand is addressed to: the first actor at most three words
// after a comma and a demand word ("rallied in Kabul, demanding that the
// Taliban reopen schools", "marched on Monday, calling on parliament to
// ..."), not one of its sources. -1 when there is none.
func demandTarget(t *trigger, ms []mention, toks []text.Token, srcs []int) int {
	if t.verb.Legacy || t.verb.Code[:2] != "14" {
		return -1
	}
	for k := t.End; k+1 < len(toks); k++ {
		if toks[k].Stem == ";" || toks[k].Stem == ":" {
			return -1
		}
		if toks[k].Stem != "," || !demandWords[toks[k+1].Stem] {
			continue
		}
		for i := range ms {
			m := &ms[i]
			if m.start <= k+1 || m.start > k+5 || placePreps[m.prep] {
				continue
			}
			for _, s := range srcs {
				if ms[s].group == m.group {
					return -1
				}
			}
			return first(ms, i)
		}
		return -1
	}
	return -1
}

// windowEnd returns the token index where the search for t's target from
// token from ends: the window, the next trigger, or a clause break.
func windowEnd(from int, t *trigger, ti int, ts []trigger, toks []text.Token) int {
	limit := t.End + targetWindow
	if t.verb.TargetAfter {
		limit = t.End + targetWindowAdj
	}
	if ti+1 < len(ts) && ts[ti+1].Start < limit {
		limit = ts[ti+1].Start
	}
	for k := from; k < limit && k < len(toks); k++ {
		if k > t.End && clauseBreaks[toks[k].Stem] {
			limit = k
			break
		}
	}
	return limit
}

// isPassive reports whether the trigger is a participle after a form of
// "be" or "get" ("were attacked", "was reportedly struck").
func isPassive(t *trigger, toks []text.Token, s string) bool {
	// "forces under constant attack": the subject suffers the event, also
	// when the pattern holds "under" ("came under investigation").
	if toks[t.Start].Stem == "under" {
		return true
	}
	// "two detainees died after beatings": who dies suffers the act.
	if sufferVerbs[toks[t.Start].Stem] {
		return true
	}
	for k := t.Start - 1; k >= 0 && k >= t.Start-3; k-- {
		if toks[k].Stem == "under" {
			return true
		}
		if toks[k].Kind != text.Word || toks[k].Case&text.Capitalized != 0 {
			break
		}
	}
	for k := t.Start - 1; k >= 0 && k >= t.Start-passiveLookback; k-- {
		if beForms[toks[k].Stem] {
			w := s[toks[t.Start].Start:toks[t.Start].End]
			if !t.verb.Legacy && statives[strings.ToLower(w)] && (t.Start+1 >= len(toks) || toks[t.Start+1].Stem != "by") {
				return false
			}
			return isParticiple(w)
		}
		if toks[k].Kind != text.Word {
			return false
		}
	}
	return false
}

// sufferVerbs open a trigger whose subject suffers the act named after
// them: "died of torture", "perished under shelling".
var sufferVerbs = stemSet("die", "died", "perish", "perished")

// statives are participles that after "be" mostly describe the subject's
// own stance, not something done to it: "Greece is opposed to the plan",
// "Iran is engaged in talks". With "by" they are passive again ("the plan
// was opposed by Greece").
var statives = map[string]bool{"opposed": true, "committed": true, "determined": true, "prepared": true,
	"concerned": true, "worried": true, "alarmed": true, "interested": true, "dedicated": true, "pleased": true,
	"disappointed": true, "satisfied": true, "convinced": true, "engaged": true, "involved": true, "poised": true}

// isParticiple tells a past participle by its surface form: "-ed", "-en",
// or an irregular form ("struck", "held", "shot").
func isParticiple(w string) bool {
	if strings.HasSuffix(w, "ing") { // "is suing": the lemma table lists some -ing forms
		return false
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") {
		return true
	}
	_, ok := text.Irregular(w)
	return ok
}

// pairs returns the (source, target) mention index pairs of an event, -1
// for a missing side. A compound source with no target pairs its members
// with each other when the act is mutual ("the United States and Iraq
// began talks"); otherwise each member acts alone ("Kenyan troops and
// police raided a village").
func pairs(srcs, tgts []int, ms []mention, mutual bool) [][2]int {
	var out [][2]int
	same := func(a, b int) bool {
		return a >= 0 && b >= 0 && (a == b || ms[a].code == ms[b].code && ms[a].code != "" && !ms[a].localized && !ms[b].localized)
	}
	switch {
	case len(srcs) == 0 && len(tgts) == 0:
		out = append(out, [2]int{-1, -1}) // an event between defaults (Defaults)
	case len(tgts) == 0 && len(srcs) >= 2 && mutual:
		for _, a := range srcs {
			for _, b := range srcs {
				if !same(a, b) {
					out = append(out, [2]int{a, b})
				}
			}
		}
	case len(srcs) == 0:
		for _, b := range tgts {
			out = append(out, [2]int{-1, b})
		}
	case len(tgts) == 0:
		for _, a := range srcs {
			out = append(out, [2]int{a, -1})
		}
	default:
		for _, a := range srcs {
			for _, b := range tgts {
				if !same(a, b) {
					out = append(out, [2]int{a, b})
				}
			}
		}
		// The only target is the source itself ("Serbs demanded protection
		// against a Serb militia"): the event stands, without a target.
		if len(out) == 0 {
			for _, a := range srcs {
				out = append(out, [2]int{a, -1})
			}
		}
	}
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

// Modality cues, by stem. A cue counts when it stands in the trigger's
// clause before the trigger, with no actor between.
var (
	negCues = stemSet("not", "never", "neither", "nor", "without", "fail", "refuse", "deny", "no", "reluctant", "unwilling", "declined")
	futCues = stemSet("will", "shall", "'ll", "plan", "expected", "intend", "aim", "prepare", "schedule", "upcoming", "tomorrow",
		"vow", "swear", "sworn", "pledge", "promise", "threaten", "ready", "willing", "prepared", "determined")
	hypCues  = stemSet("must", "would", "could", "might", "may", "should", "if", "unless", "whether", "able", "ability", "supposed", "hope", "want", "likely", "possible", "seek", "try", "propose", "proposed")
	topicPre = stemSet("about", "on", "over", "for", "of", "regarding", "concerning", "to")
	// Codes whose complement is not asserted: appeals, intents, demands,
	// rejections, threats, and consultations about something.
	directiveRoots = map[string]bool{"02": true, "03": true, "04": true, "10": true, "12": true, "13": true, "01": true}
)

const modalityWindow = 10

// modality decides whether the text asserts the trigger's event, and which
// word says otherwise: negation wins over hypothesis, hypothesis over future.
//
// refusal reports a negation that is a refusal: a refusal word ("refused
// to", "declined to") or a negated future or modal ("will not", "cannot").
func modality(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token, s string) (mod, cue string, refusal, governs bool) {
	lo := t.Start - modalityWindow
	if ti > 0 && ts[ti-1].End > lo {
		lo = ts[ti-1].End
	}
	lo = max(lo, 0)
	neg, hyp, fut := -1, -1, -1
	for k := t.Start - 1; k >= lo; k-- {
		st := toks[k].Stem
		if st == "," || st == ";" || st == ":" || (clauseBreaks[st] && st != "that") {
			break
		}
		if compounded(toks, k) {
			// A cue closing a hyphenated adjective describes the noun,
			// not the act: "its long-promised pay rise", "a
			// much-threatened strike" happen now.
			continue
		}
		switch {
		case negCues[st]:
			if st != "no" || k >= t.Start-2 {
				neg = k
			}
		case hypCues[st]:
			// "said it would allow": "would" after a report is the future
			// of the past, not a hypothesis.
			if st == "would" && t.reported {
				fut = k
			} else {
				hyp = k
			}
		case futCues[st]:
			fut = k
		case st == "about" || st == "going" || st == "set" || st == "due":
			if k+1 < len(toks) && toks[k+1].Stem == "to" {
				fut = k
			}
		}
	}
	// The event is the topic of an earlier one: "talks on withdrawing",
	// "called for a withdrawal", "urged Israel to withdraw".
	if hyp < 0 && ti > 0 {
		prev := ts[ti-1]
		root := prev.verb.Code[:2]
		gap := toks[prev.End:t.Start]
		if directiveRoots[root] && len(gap) <= 8 && !hasBreak(gap) {
			if p := prepBeforeTrigger(toks, t.Start); topicPre[p] {
				hyp = t.Start - 1
			}
		}
	}
	text := func(k int) string { return s[toks[k].Start:toks[k].End] }
	// A cue governs the trigger itself when it stands close before it ("will
	// attack", "would not release"), not across an object ("will reduce
	// pressure and attacks").
	near := func(k int) bool { return t.Start-k <= governReach }
	switch {
	case neg >= 0:
		refusal = refusalCues[toks[neg].Stem] || fut >= 0 && willCues[toks[fut].Stem] || hyp >= 0 && modalCan[toks[hyp].Stem]
		return event.Negated, text(neg), refusal, near(neg)
	case hyp >= 0:
		return event.Hypothetical, text(hyp), false, near(hyp)
	case fut >= 0:
		return event.Future, text(fut), false, near(fut)
	}
	return event.Asserted, "", false, false
}

// governReach is how close before a trigger a modal cue must stand to turn
// the event into an intent, a threat or a refusal.
const governReach = 3

var (
	refusalCues = stemSet("refuse", "decline", "declined", "reluctant", "unwilling", "reject")
	modalCan    = stemSet("would", "could", "can")
	willCues    = stemSet("will", "shall", "'ll", "would")
)

func hasBreak(toks []text.Token) bool {
	for _, t := range toks {
		if t.Stem == ";" || t.Stem == ":" || t.Stem == "but" || t.Stem == "." {
			return true
		}
	}
	return false
}

// prepBeforeTrigger returns the preposition (or "to") before a trigger,
// skipping determiners, adjectives and actor words, up to four tokens back.
func prepBeforeTrigger(toks []text.Token, i int) string {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		st := toks[j].Stem
		if topicPre[st] {
			return st
		}
		if toks[j].Kind == text.Punct && st != "-" {
			return ""
		}
	}
	return ""
}

// tabariVerb reports whether v comes from a TABARI verbs file: a legacy
// verb that PETRARCH's reader did not mark Parsed. TABARI has no parser;
// it places the actors of a verb by their order in the clause alone
// (tabariRoles).
func tabariVerb(v *dict.Verb) bool {
	return v.Legacy && !v.Parsed
}

// tabariConjunctions are the words at which TABARI splits a sentence into
// clauses. Subordinating words ("that", "after", "when") do not start a
// clause of their own: "X denied that Y attacked Z" is one clause, whose
// first verb is coded.
var tabariConjunctions = stemSet("and", "or", "but")

// tabariBreak reports whether token k ends a TABARI clause: a conjunction
// that does not join the members of a compound actor.
func tabariBreak(toks []text.Token, ms []mention, k int) bool {
	return tabariConjunctions[toks[k].Stem] && !inCompound(ms, k)
}

// tabariClause returns the span [start, end) of the TABARI clause that
// holds token k.
func tabariClause(toks []text.Token, ms []mention, k int) (start, end int) {
	return tabariClauseOf(toks, ms, k, k+1)
}

// tabariClauseOf returns the span [start, end) of the TABARI clause that
// holds the tokens [from, to), a verb whose own words may hold a
// conjunction ("shot and wounded").
func tabariClauseOf(toks []text.Token, ms []mention, from, to int) (start, end int) {
	for start = from; start > 0 && !tabariBreak(toks, ms, start-1); start-- {
	}
	for end = to; end < len(toks) && !tabariBreak(toks, ms, end); end++ {
	}
	return start, end
}

// tabariRoles places the actors of a TABARI verb as TABARI does, by
// position, not by grammar. The source is tabariSource's; with none,
// the clause's first actor after the verb, unless def.Prior. The target
// is the first actor after the verb in the clause (or pronoun standing
// for one, tabariPronoun), past any "by", comma or subordinate clause,
// that is not the source; with none after the verb, and unless
// def.After, it is the nearest actor before the verb that is not the
// source ("X said Y would agree"); between the two, the first actor
// among the pattern's words after the verb ("allowed that Y is a
// pleasant place"). TABARI tells actors apart by their codes, so the
// rest of a compound source may be the target ("X and Y agreed": X to
// Y). A target that begins a compound brings its members, one inside it
// only itself; a compound source with no target acts on itself. A
// passive verb, after a form of "be", whose target stands after "by"
// swaps the two ("X was rebuffed by Y"); without "by" TABARI does not
// tell the passive.
func tabariRoles(t *trigger, ts []trigger, ms []mention, toks []text.Token, s string, def Defaults) (srcs, tgts []int, passive bool) {
	start, end := tabariClauseOf(toks, ms, t.Start, t.End)
	src := tabariSource(toks, ms, ts, start, t.Start, def)
	from := t.End
	if t.verb.TargetInside {
		from = t.Start + 1
	}
	late := false
	if src < 0 && !def.Prior {
		src = firstActorIn(ms, from, end)
		late = src >= 0
	}
	other := func(i int) bool {
		return src < 0 || i != src && (ms[i].code != ms[src].code || ms[i].code == "")
	}
	tgt := -1
	for k := from; k < end && tgt < 0; k++ {
		i := actorAt(ms, k)
		if i < 0 {
			i = tabariPronoun(toks, ms, k)
		}
		if i >= 0 && ms[i].end <= end && other(i) {
			tgt = i
		}
	}
	if tgt < 0 {
		if i := firstActorIn(ms, max(verbToken(t.Match, t.verb), t.Start)+1, t.End); i >= 0 && other(i) {
			tgt = i
		}
	}
	for i := len(ms) - 1; tgt < 0 && !def.After && i >= 0; i-- {
		if ms[i].start >= start && ms[i].end <= t.Start && other(i) {
			tgt = i
		}
	}
	if late && tgt < 0 && !def.Target {
		// A lone actor after the verb gives TABARI no event; sitrep
		// keeps it as the target of an event without a source.
		src, tgt = -1, src
	}
	if tgt >= 0 && ms[tgt].prep == "by" && ms[tgt].start > t.End && isPassive(t, toks, s) {
		src, tgt, passive = tgt, src, true
	}
	srcs, tgts = tabariCompound(ms, src), tabariCompound(ms, tgt)
	for _, i := range tgts {
		ms[i].target = true
	}
	if tgt < 0 && !def.After && len(srcs) > 1 {
		tgts = srcs
	}
	return srcs, tgts, passive
}

// tabariCompound returns the actors that i stands for: the members of
// its compound when it begins one, else itself; none for -1.
func tabariCompound(ms []mention, i int) []int {
	switch {
	case i < 0:
		return nil
	case first(ms, i) == i:
		return members(ms, i)
	}
	return []int{i}
}

// tabariSource returns the source TABARI gives a verb at token v of the
// clause that starts at token start. TABARI keeps the source from clause
// to clause: a clause after the first that does not open with an actor
// has the source of the last clause before it that opens with one (that
// actor) or that has a verb (that verb's source, its clause's first
// actor, after the verb too unless def.Prior). Otherwise the source is
// the clause's first actor before the verb, else the first of a clause
// before it; -1 if none.
func tabariSource(toks []text.Token, ms []mention, ts []trigger, start, v int, def Defaults) int {
	if start > 0 && actorAt(ms, start) < 0 {
		for s := start; s > 0; {
			// The clause before ends at the conjunction at s-1.
			ps, _ := tabariClause(toks, ms, s-1)
			if i := actorAt(ms, ps); i >= 0 && ps > 0 {
				return first(ms, i)
			}
			for k := range ts {
				if ts[k].Start >= ps && ts[k].Start < s-1 {
					if src := tabariSource(toks, ms, ts, ps, ts[k].Start, def); src >= 0 || def.Prior {
						return src
					}
					return firstActorIn(ms, ts[k].End, s-1)
				}
			}
			s = ps
		}
	}
	src := firstActorIn(ms, start, v)
	for s := start; src < 0 && s > 0; {
		// With no verb before, the first actor of a clause before.
		ps, _ := tabariClause(toks, ms, s-1)
		src, s = firstActorIn(ms, ps, s-1), ps
	}
	return src
}

// firstActorIn returns the first actor within the tokens [from, to), as
// the first member of its compound; -1 if none.
func firstActorIn(ms []mention, from, to int) int {
	for i := range ms {
		if ms[i].start >= from && ms[i].end <= to {
			return first(ms, i)
		}
	}
	return -1
}

// actorAt returns the actor that starts at token k, -1 if none.
func actorAt(ms []mention, k int) int {
	for i := range ms {
		if ms[i].start == k {
			return i
		}
	}
	return -1
}

// tabariPronoun returns the actor TABARI reads for a pronoun at token k,
// -1 if it is none: "he", "she", "it", "him" and "her" stand for the
// sentence's first actor before them outside a compound, "they", "them"
// and "their" for its first compound before them, else its first actor.
func tabariPronoun(toks []text.Token, ms []mention, k int) int {
	single, plural := singularPronouns[toks[k].Stem], pluralPronouns[toks[k].Stem]
	if !single && !plural {
		return -1
	}
	ref := -1
	for i := range ms {
		if ms[i].end > k {
			break
		}
		compound := len(members(ms, i)) > 1
		switch {
		case plural && compound:
			return first(ms, i)
		case single && !compound, plural && ref < 0:
			ref = i
		}
		if single && ref >= 0 {
			return ref
		}
	}
	return ref
}

var (
	singularPronouns = stemSet("he", "she", "it", "him", "her")
	pluralPronouns   = stemSet("they", "them", "their")
)
