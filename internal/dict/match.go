package dict

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/text"
)

// Compiled is a Dictionary compiled into token tries. It is immutable and
// safe for concurrent use.
//
// Matching works on token stems through a trie keyed by stem, not on raw
// text with an Aho-Corasick automaton: stems make one entry match every
// inflection, tokens give word boundaries for free, and the coder needs
// token positions anyway. A trie step is one map lookup per token.
// PETRARCH's entries, which match whole words (Phrase.Whole, Verb.Whole),
// have tries of their own keyed by the words in lower case.
type Compiled struct {
	*Dictionary
	actors trie
	verbs  trie
	// wholeActors and wholeVerbs hold the entries that match whole words
	// (Phrase.Whole, Verb.Whole), keyed by lower-case words, not stems.
	wholeActors, wholeVerbs trie
	// forms maps a word (wordKey) to the form-set tokens (formSet) of
	// wholeVerbs that hold it: the steps it takes besides its own.
	forms map[string][]string
	// actorCase[i][k] is the case constraint of token k of phrase i.
	phraseCase [][]uint8
	// stems and words cache the stems and the whole-word keys (wordKeys)
	// of dictionary words while compiling.
	stems, words map[string][]string
	// discards are the discard phrases by their first word, lower-cased.
	discards map[string][]discard
	// nullRoles is set when an actor has a NullCode or DiscardCode role.
	nullRoles bool
}

// discard is a compiled discard phrase.
type discard struct {
	words []string // lower case
	story bool     // "+": the whole article is not coded
}

type node struct {
	next map[string]int32
	// pre are the phrases ending with a word that may begin a longer
	// token (Phrase.Prefix), by the word's first two letters in lower
	// case; nil in most nodes.
	pre  map[[2]byte][]prefixEnd
	gap  int32 // child reached through a "*" gap, 0 if none
	ends []int32
	// verbs are the verb patterns ending here, with the number of literal
	// words on the path that reached this node.
	verbs []verbEnd
}

// prefixEnd is a phrase whose last word, lower case, may begin a token.
// In the verb trie it is a step to node phrase by a prefix word
// (PrefixMark): a token whose stem begins with word or is stem; word is ""
// for the entry of an irregular stem filed under the stem's own letters.
type prefixEnd struct {
	word   string
	stem   string
	phrase int32
}

type verbEnd struct {
	verb  int32
	words int32
}

type trie struct {
	nodes []node
	// letters is set when a word matched by its letters (letterKey) is
	// in the trie.
	letters bool
	// whole is set for a trie keyed by whole words: the lower-case text of
	// a token (wordKey), not its stem.
	whole bool
}

func newTrie(whole bool) trie { return trie{nodes: []node{{}}, whole: whole} }

// empty reports whether t holds no entry.
func (t *trie) empty() bool { return len(t.nodes) == 1 && t.nodes[0].pre == nil }

func (t *trie) insert(keys []string, val int32) {
	n := t.path(keys)
	t.nodes[n].ends = append(t.nodes[n].ends, val)
}

// path returns the node keys lead to, adding the nodes missing; "*" is a
// gap.
func (t *trie) path(keys []string) int32 {
	n := int32(0)
	for _, k := range keys {
		if k == "*" {
			n = t.gapChild(n)
		} else {
			n = t.child(n, k)
		}
	}
	return n
}

// insertPrefix adds a phrase whose last word (lower case) may begin a
// longer token; keys are the stems of the words before it, and "*" where
// words may stand between (Phrase.Gaps).
func (t *trie) insertPrefix(keys []string, last string, val int32) {
	n := t.path(keys)
	if len(last) < 2 {
		return
	}
	if t.nodes[n].pre == nil {
		t.nodes[n].pre = map[[2]byte][]prefixEnd{}
	}
	k := [2]byte{last[0], last[1]}
	t.nodes[n].pre[k] = append(t.nodes[n].pre[k], prefixEnd{word: last, phrase: val})
}

// PrefixMark ends a verb pattern word (in Dictionary.VerbTokens) that also
// matches the longer words it begins, as TABARI's words without a final
// "_" do ("OPPOS" matches "opposed", "SAID" "saidth").
const PrefixMark = "~"

// ClosedMark, ExactMark and EndingsMark end a TABARI verb pattern word
// that matches by its letters, not its stem, as TABARI matches words: a
// pattern word closed with "_" ("RESOLUTION_" is not "resolutions") and a
// word ending with "=" ("BAN=") match only as written, whatever their
// case; a verb closed with "_" also with a regular verb ending
// (verbEndingsOf). A word of letters before a possessive "'s" is a noun,
// which none of them matches ("donate's").
const (
	ClosedMark  = "_"
	ExactMark   = "="
	EndingsMark = "^"
)

// letterKey is the trie key of a word matched by its letters: a mark that
// no stem begins with, then the word in lower case.
func letterKey(mark, word string) string { return mark + word }

// verbSuffixes are TABARI's regular verb endings.
var verbSuffixes = []string{"s", "es", "d", "ed", "en", "ing"}

// verbEndingsOf returns the words w (lower case) is with one of the
// regular verb endings cut: "departen" is "depart" and "departe".
func verbEndingsOf(w string, dst []string) []string {
	for _, suf := range verbSuffixes {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 2 {
			dst = append(dst, base)
		}
	}
	return dst
}

// addPrefix lets the tokens whose stem begins with word (lower case), or is
// the word's stem, lead from node parent to node c.
func (t *trie) addPrefix(parent, c int32, word, stem string) {
	nd := &t.nodes[parent]
	if nd.pre == nil {
		nd.pre = map[[2]byte][]prefixEnd{}
	}
	add := func(k [2]byte, pe prefixEnd) {
		for _, o := range nd.pre[k] {
			if o == pe {
				return
			}
		}
		nd.pre[k] = append(nd.pre[k], pe)
	}
	add([2]byte{word[0], word[1]}, prefixEnd{word: word, stem: stem, phrase: c})
	if stem[0] != word[0] || stem[1] != word[1] {
		// An irregular stem ("fought": fight) is found in its own bucket.
		add([2]byte{stem[0], stem[1]}, prefixEnd{stem: stem, phrase: c})
	}
}

func (t *trie) child(n int32, key string) int32 {
	if t.nodes[n].next == nil {
		t.nodes[n].next = map[string]int32{}
	}
	c, ok := t.nodes[n].next[key]
	if !ok {
		t.nodes = append(t.nodes, node{})
		c = int32(len(t.nodes) - 1)
		t.nodes[n].next[key] = c
	}
	return c
}

func (t *trie) gapChild(n int32) int32 {
	if t.nodes[n].gap == 0 {
		t.nodes = append(t.nodes, node{})
		t.nodes[n].gap = int32(len(t.nodes) - 1)
	}
	return t.nodes[n].gap
}

// insertVerb adds pattern tokens toks[i:] of verb v below node n of t;
// words counts the literal words already on the path.
func (c *Compiled) insertVerb(t *trie, n int32, toks []string, words int32, v int32) {
	if len(toks) == 0 {
		if words == 0 {
			return
		}
		nd := &t.nodes[n]
		for k := range nd.verbs {
			if nd.verbs[k].verb == v {
				nd.verbs[k].words = max(nd.verbs[k].words, words)
				return
			}
		}
		nd.verbs = append(nd.verbs, verbEnd{v, words})
		return
	}
	tok := toks[0]
	if tok == "*" {
		c.insertVerb(t, t.gapChild(n), toks[1:], words, v)
		return
	}
	alts, isGroup := Alternatives(tok)
	if !isGroup {
		alts = []string{tok}
	}
	for _, alt := range alts {
		m, w := n, words
		for _, word := range strings.Fields(alt) {
			if word == "*" { // a gap inside an alternative: "{backfire|fuel * war}"
				m = t.gapChild(m)
				continue
			}
			if forms, ok := formsOf(word); ok && t.whole {
				// A verb and its inflections: one step (formSet).
				m = t.child(m, word)
				for _, f := range forms {
					if !slices.Contains(c.forms[f], word) {
						c.forms[f] = append(c.forms[f], word)
					}
				}
				w++
				continue
			}
			if mark, bare := letterMark(word); mark != "" && !t.whole && len(c.keys(bare, true)) == 1 {
				m = t.child(m, letterKey(mark, bare))
				t.letters = true
				w++
				continue
			} else if mark != "" {
				word = bare
			}
			word, prefix := strings.CutSuffix(word, PrefixMark)
			st := c.keys(word, t.whole)
			if prefix && !t.whole && len(st) == 1 && len(word) >= 2 && len(st[0]) >= 2 {
				// A TABARI word without "_" also begins longer words. Its
				// node is not the whole word's: "IN *" matches "into",
				// "IN_ *" of the same verb does not.
				parent := m
				m = t.child(m, st[0]+PrefixMark)
				t.addPrefix(parent, m, strings.ToLower(word), st[0])
			} else {
				for _, s := range st {
					m = t.child(m, s)
				}
			}
			w++
		}
		c.insertVerb(t, m, toks[1:], w, v)
	}
}

// letterMark returns the mark of a word matched by its letters (ExactMark
// for a closed word, EndingsMark) and the word without it; "" for any
// other word.
func letterMark(word string) (mark, bare string) {
	for _, m := range []string{ClosedMark, ExactMark} {
		if w, ok := strings.CutSuffix(word, m); ok && w != "" {
			return ExactMark, w
		}
	}
	if w, ok := strings.CutSuffix(word, EndingsMark); ok && w != "" {
		return EndingsMark, w
	}
	return "", word
}

// keys returns the trie keys of a dictionary word: its stems, or in a trie
// of whole words its tokens' lower-case text (wordKey).
func (c *Compiled) keys(word string, whole bool) []string {
	cache := c.stems
	if whole {
		cache = c.words
	}
	if k, ok := cache[word]; ok {
		return k
	}
	var k []string
	if whole {
		k = wholeKeys(word)
	} else {
		k, _ = phraseTokens(word)
	}
	cache[word] = k
	return k
}

// wholeKeys returns the keys of phrase p in a trie of whole words: the
// lower-case text of its tokens, tokenized as sentences are. The negation
// "n't" written on its own is the token a sentence's "didn't" ends with.
func wholeKeys(p string) []string {
	if strings.EqualFold(p, "n't") {
		return []string{"n't"}
	}
	toks := text.Tokenize(p, text.Span{Start: 0, End: len(p)}, nil)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = wordKey(t.Text(p))
	}
	return keys
}

// wordKey is the key of a word in a trie of whole words: the word in lower
// case, a typographic apostrophe read as the dictionaries' "'".
func wordKey(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// wordKeys returns the keys of the tokens toks of s in a trie of whole
// words.
func wordKeys(s string, toks []text.Token) []string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = wordKey(s[t.Start:t.End])
	}
	return keys
}

// need is a case requirement on a text token.
const (
	anyCase  uint8 = 0
	needCap  uint8 = 1 // the dictionary wrote a capitalised proper noun
	needCaps uint8 = 2 // the dictionary wrote a short all-caps abbreviation
	needNoun uint8 = 4 // a lower-case noun: "forced" and "returning" are not "force" and "returnee"
)

// phraseTokens tokenizes a dictionary phrase and returns its stems and the
// case constraint of each token.
func phraseTokens(p string) ([]string, []uint8) {
	if strings.EqualFold(p, "n't") {
		// The negation of a contraction written on its own, as the Penn
		// Treebank splits "didn't" and as PETRARCH patterns write it ("DID
		// N'T"): the token the tokenizer splits off "didn't" and stems "not".
		return []string{text.Stem("not")}, []uint8{anyCase}
	}
	toks := text.Tokenize(p, text.Span{Start: 0, End: len(p)}, nil)
	stems := make([]string, len(toks))
	cases := make([]uint8, len(toks))
	for i, t := range toks {
		stems[i] = t.Stem
		if t.Kind != text.Word {
			continue
		}
		letters := 0
		for _, r := range t.Text(p) {
			if r != '.' {
				letters++
			}
		}
		switch {
		case t.Case&text.AllCaps != 0 && letters <= 4:
			cases[i] = needCaps
		case t.Case&text.Capitalized != 0:
			cases[i] = needCap
		case t.Case&text.VerbForm == 0:
			cases[i] = needNoun
		}
	}
	return stems, cases
}

// withGaps returns the trie keys of phrase p: its token stems, with "*"
// before the first token of each word that Phrase.Gaps lets other words
// precede. The stems are returned as they are when the phrase has no gaps
// or its words do not tokenize one by one as they do together.
func withGaps(p Phrase, stems []string) []string {
	if len(p.Gaps) == 0 {
		return stems
	}
	words := strings.Fields(p.Text)
	starts := make([]int, len(words)) // the first token of each word
	n := 0
	for k, w := range words {
		starts[k] = n
		n += len(phraseTokensOf([]string{w}))
	}
	if n != len(stems) {
		return stems
	}
	keys := make([]string, 0, len(stems)+len(p.Gaps))
	g := 0
	for k, st := range stems {
		for g < len(p.Gaps) && p.Gaps[g] < len(words) && starts[p.Gaps[g]] < k {
			g++
		}
		if g < len(p.Gaps) && p.Gaps[g] > 0 && p.Gaps[g] < len(words) && starts[p.Gaps[g]] == k {
			keys = append(keys, "*")
			g++
		}
		keys = append(keys, st)
	}
	return keys
}

// prefixWord reports whether the last word of a prefix phrase is matched
// by its letters alone (actorSearch.longest): two or more, and a word, not
// a number ("GROUP OF 77").
func prefixWord(w string) bool {
	return len(w) >= 2 && strings.IndexFunc(w, unicode.IsLetter) == 0
}

// Compile builds the tries of d.
func Compile(d *Dictionary) *Compiled {
	c := &Compiled{Dictionary: d, actors: newTrie(false), verbs: newTrie(false),
		wholeActors: newTrie(true), wholeVerbs: newTrie(true), forms: map[string][]string{}}
	c.phraseCase = make([][]uint8, len(d.Phrases))
	for i, p := range d.Phrases {
		stems, cases := phraseTokens(p.Text)
		if len(stems) == 0 {
			continue
		}
		if p.LooseCase {
			clear(cases)
		}
		c.phraseCase[i] = cases
		t := &c.actors
		if p.Whole {
			t, stems = &c.wholeActors, wholeKeys(p.Text)
		}
		keys := withGaps(p, stems)
		if f := strings.Fields(p.Text); p.Prefix && len(f) > 0 {
			last := strings.ToLower(f[len(f)-1])
			if pre := len(phraseTokensOf(f[:len(f)-1])); pre == len(stems)-1 && prefixWord(last) {
				// TABARI compares the last word's letters, not its stem:
				// "FRANCE" begins "Frances", not "francs".
				t.insertPrefix(keys[:len(keys)-1], last, int32(i))
				continue
			}
		}
		t.insert(keys, int32(i))
	}
	// Patterns stand for many word sequences over few distinct words: stem
	// each word once, and expand alternative groups as the trie grows.
	c.stems = map[string][]string{"*": {"*"}}
	c.words = map[string][]string{"*": {"*"}}
	for i, words := range d.VerbTokens {
		t := &c.verbs
		if d.Verbs[i].Whole {
			t = &c.wholeVerbs
		}
		c.insertVerb(t, 0, words, 0, int32(i))
	}
	c.stems, c.words = nil, nil
	for _, a := range d.Actors {
		for _, r := range a.Roles {
			c.nullRoles = c.nullRoles || r.Code == NullCode || r.Code == DiscardCode
		}
	}
	for _, p := range d.Discards {
		story := strings.HasPrefix(p, "+")
		p = strings.TrimPrefix(p, "+")
		var words []string
		for _, t := range text.Tokenize(p, text.Span{Start: 0, End: len(p)}, nil) {
			words = append(words, strings.ToLower(p[t.Start:t.End]))
		}
		if len(words) == 0 {
			continue
		}
		if c.discards == nil {
			c.discards = map[string][]discard{}
		}
		c.discards[words[0]] = append(c.discards[words[0]], discard{words: words, story: story})
	}
	return c
}

// DropNull removes from ms the actor matches that are null-coded on date
// (YYYY-MM-DD, may be empty), a phrase that names no actor then, and
// reports whether one of them is a discard on that date: the sentence is
// not to be coded.
func (c *Compiled) DropNull(ms []Match, date string) ([]Match, bool) {
	if !c.nullRoles {
		return ms, false
	}
	kept := ms[:0]
	discard := false
	for _, m := range ms {
		a := &c.Actors[c.Phrases[m.Index].Actor]
		if len(a.Roles) > 0 {
			switch code, _ := a.CodeAt(date); code {
			case NullCode:
				continue
			case DiscardCode:
				discard = true
				continue
			}
		}
		kept = append(kept, m)
	}
	return kept, discard
}

// HasDiscards reports whether the dictionaries hold discard phrases.
func (c *Compiled) HasDiscards() bool { return len(c.discards) > 0 }

// Discarded reports whether the tokens toks of s hold a discard phrase:
// sentence when the sentence is not to be coded, story when the whole
// article is not (PETRARCH's "+" discards). A discard is a phrase of whole
// words, matched without regard to case but not on stems: "INNING" must
// not discard every sentence with "in", whose stem it shares.
func (c *Compiled) Discarded(s string, toks []text.Token) (sentence, story bool) {
	word := func(i int) string { return s[toks[i].Start:toks[i].End] }
	for i, t := range toks {
		if t.Kind != text.Word && t.Kind != text.Number {
			continue
		}
		for _, d := range c.discards[strings.ToLower(word(i))] {
			if i+len(d.words) > len(toks) {
				continue
			}
			k := 1
			for k < len(d.words) && strings.EqualFold(word(i+k), d.words[k]) {
				k++
			}
			if k == len(d.words) {
				if d.story {
					return true, true
				}
				sentence = true
			}
		}
	}
	return sentence, false
}

// Match is a dictionary match over tokens [Start, End).
type Match struct {
	Start, End int
	// Index is the phrase index (actors) or verb index (verbs).
	Index int
	// Words is the number of literal pattern words matched (verbs only).
	Words int
}

func caseOK(need uint8, t text.Token) bool {
	switch need {
	case needCaps:
		return t.Case&text.AllCaps != 0
	case needCap:
		return t.Case&(text.Capitalized|text.AllCaps) != 0
	case needNoun:
		return t.Case&text.VerbForm == 0 || t.Case&text.Capitalized != 0
	}
	return true
}

func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// phraseTokensOf returns the stems of words.
func phraseTokensOf(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	st, _ := phraseTokens(strings.Join(words, " "))
	return st
}

// MatchActorsIn appends to dst the leftmost-longest, non-overlapping actor
// phrase matches in toks, the tokens of s, and returns the extended slice.
// Where two phrases match the same tokens, the first loaded wins. Prefix
// phrases (Phrase.Prefix) and whole-word phrases (Phrase.Whole) compare the
// words of s.
func (c *Compiled) MatchActorsIn(s string, toks []text.Token, dst []Match) []Match {
	stems := actorSearch{c: c, t: &c.actors, s: s, toks: toks}
	var whole *actorSearch
	if s != "" && !c.wholeActors.empty() {
		whole = &actorSearch{c: c, t: &c.wholeActors, s: s, toks: toks, keys: wordKeys(s, toks)}
	}
	for i := 0; i < len(toks); {
		best, bestEnd := stems.longest(i)
		if whole != nil {
			if b, end := whole.longest(i); end > bestEnd || end == bestEnd && b >= 0 && b < best {
				best, bestEnd = b, end
			}
		}
		if best >= 0 {
			dst = append(dst, Match{Start: i, End: bestEnd, Index: best})
			i = bestEnd
			continue
		}
		i++
	}
	return dst
}

// actorSearch matches the phrases of one actor trie in a sentence.
type actorSearch struct {
	c    *Compiled
	t    *trie
	s    string
	toks []text.Token
	keys []string // the tokens' keys in a trie of whole words; nil: their stems
}

// key returns the key of token j in the trie.
func (a *actorSearch) key(j int) string {
	if a.keys != nil {
		return a.keys[j]
	}
	return a.toks[j].Stem
}

// longest returns the longest phrase that matches from token i, the first
// loaded of equal ones, and the index of the token after it; best is -1
// when none matches.
func (a *actorSearch) longest(i int) (best, bestEnd int) {
	best = -1
	toks, s := a.toks, a.s
	n := int32(0)
	for j := i; j < len(toks); j++ {
		if pre := a.t.nodes[n].pre; pre != nil && s != "" && toks[j].Kind == text.Word && toks[j].End-toks[j].Start >= 2 {
			// A prefix phrase ends here if the word is or begins with
			// its last word ("Valdoria", "Valdorian").
			w := s[toks[j].Start:toks[j].End]
			for _, pe := range pre[[2]byte{lowerByte(w[0]), lowerByte(w[1])}] {
				if len(w) < len(pe.word) || !strings.EqualFold(w[:len(pe.word)], pe.word) {
					continue
				}
				pi := pe.phrase
				if j+1 > bestEnd || (j+1 == bestEnd && int(pi) < best) {
					if a.c.caseFits(int(pi), toks[i:j+1]) && a.c.endFits(int(pi), toks, j) {
						best, bestEnd = int(pi), j+1
					}
				}
			}
		}
		if g := a.t.nodes[n].gap; g != 0 {
			// Words may stand between (Phrase.Gaps): a search of its
			// own, rare enough not to slow the common path.
			path := make([]int, 0, 8)
			for k := i; k < j; k++ {
				path = append(path, k)
			}
			a.gapWalk(j, g, path, &best, &bestEnd)
		}
		next, ok := a.t.nodes[n].next[a.key(j)]
		if !ok {
			break
		}
		n = next
		for _, pi := range a.t.nodes[n].ends {
			if j+1 > bestEnd || (j+1 == bestEnd && int(pi) < best) {
				if a.c.caseFits(int(pi), toks[i:j+1]) && a.c.endFits(int(pi), toks, j) {
					best, bestEnd = int(pi), j+1
				}
			}
		}
	}
	return best, bestEnd
}

// maxActorGap is how many tokens may stand where a phrase allows words
// between two of its words (Phrase.Gaps).
const maxActorGap = 4

// actorGapPunct are the marks an actor gap may skip: quotation marks,
// hyphens and possessives (`Council "the Elder" Velmarsh Hold`, "Port
// Lumen state-run radio").
var actorGapPunct = map[string]bool{"\"": true, "'": true, "“": true, "”": true, "‘": true, "’": true,
	"-": true, "'s": true, "’s": true}

// gapWalk goes on matching actor phrases from the gap node g, reached
// after the tokens path, with the next phrase token at j or up to
// maxActorGap tokens later; it records in best and bestEnd a longer match
// than they hold.
func (a *actorSearch) gapWalk(j int, g int32, path []int, best, bestEnd *int) {
	toks := a.toks
	for k := j; k <= j+maxActorGap && k < len(toks); k++ {
		if k > j && toks[k-1].Kind == text.Punct && !actorGapPunct[toks[k-1].Stem] {
			return
		}
		a.from(k, g, append(path, k), best, bestEnd)
	}
}

// from matches the token at path's last index from node n, then the
// tokens after it, as longest does, for phrases with gaps.
func (a *actorSearch) from(j int, n int32, path []int, best, bestEnd *int) {
	toks, s := a.toks, a.s
	end := func(pi int32) {
		if j+1 > *bestEnd || (j+1 == *bestEnd && int(pi) < *best) {
			if a.c.caseFitsPath(int(pi), toks, path) && a.c.endFits(int(pi), toks, j) {
				*best, *bestEnd = int(pi), j+1
			}
		}
	}
	nd := &a.t.nodes[n]
	if nd.pre != nil && s != "" && toks[j].Kind == text.Word && toks[j].End-toks[j].Start >= 2 {
		w := s[toks[j].Start:toks[j].End]
		for _, pe := range nd.pre[[2]byte{lowerByte(w[0]), lowerByte(w[1])}] {
			if len(w) >= len(pe.word) && strings.EqualFold(w[:len(pe.word)], pe.word) {
				end(pe.phrase)
			}
		}
	}
	next, ok := nd.next[a.key(j)]
	if !ok {
		return
	}
	for _, pi := range a.t.nodes[next].ends {
		end(pi)
	}
	if j+1 >= len(toks) {
		return
	}
	if g := a.t.nodes[next].gap; g != 0 {
		a.gapWalk(j+1, g, path, best, bestEnd)
	}
	if len(a.t.nodes[next].next) > 0 || a.t.nodes[next].pre != nil {
		a.from(j+1, next, append(path, j+1), best, bestEnd)
	}
}

// endFits reports whether a phrase may end at token j: a TABARI name
// ending with "=" (Phrase.Exact) takes no possessive "'s".
func (c *Compiled) endFits(phrase int, toks []text.Token, j int) bool {
	return !c.Phrases[phrase].Exact || !possessed(toks, j)
}

// caseFitsPath is caseFits for a phrase matched on the tokens at path.
func (c *Compiled) caseFitsPath(phrase int, toks []text.Token, path []int) bool {
	cases := c.phraseCase[phrase]
	for k, p := range path {
		if k < len(cases) && !caseOK(cases[k], toks[p]) {
			return false
		}
	}
	return true
}

func (c *Compiled) caseFits(phrase int, toks []text.Token) bool {
	cases := c.phraseCase[phrase]
	for k, t := range toks {
		if k < len(cases) && !caseOK(cases[k], t) {
			return false
		}
	}
	return true
}

// gapPunct are the marks a gap may skip: currency and percent signs,
// hyphens and possessives ("pledged $100 million in aid", "Iraq's").
var gapPunct = map[string]bool{"$": true, "£": true, "€": true, "%": true, "-": true, "'s": true}

// maxGap is how many tokens a "*" in a verb pattern may skip.
const maxGap = 5

// MatchVerbs appends to dst every verb pattern match in toks, the tokens
// of s (several may start at one token), and returns the extended slice.
// Gaps skip no punctuation but currency signs, hyphens and possessives.
func (c *Compiled) MatchVerbs(s string, toks []text.Token, dst []Match) []Match {
	stems := verbSearch{t: &c.verbs, toks: toks}
	if c.verbs.letters {
		stems.words = wordKeys(s, toks)
	}
	var whole *verbSearch
	if !c.wholeVerbs.empty() {
		whole = &verbSearch{t: &c.wholeVerbs, toks: toks, keys: wordKeys(s, toks), forms: c.forms}
	}
	for i := range toks {
		if toks[i].Kind == text.Punct {
			continue
		}
		dst = stems.from(i, dst)
		if whole != nil {
			dst = whole.from(i, dst)
		}
	}
	return dst
}

// verbSearch matches the patterns of one verb trie in a sentence.
type verbSearch struct {
	t    *trie
	toks []text.Token
	keys []string // the tokens' keys in a trie of whole words; nil: their stems
	// forms are the form sets of the trie by word (Compiled.forms).
	forms map[string][]string
	// words are the tokens' lower-case text, for the words the trie
	// matches by their letters (trie.letters); nil when it has none.
	words []string
}

// key returns the key of token j in the trie.
func (v *verbSearch) key(j int) string {
	if v.keys != nil {
		return v.keys[j]
	}
	return v.toks[j].Stem
}

// from appends the matches that start at token i.
func (v *verbSearch) from(i int, dst []Match) []Match {
	root := &v.t.nodes[0]
	if _, ok := root.next[v.key(i)]; !ok && v.words == nil && v.forms[v.key(i)] == nil && (root.pre == nil || !v.t.prefixed(root, v.toks[i])) {
		return dst
	}
	return v.walk(i, i, 0, dst)
}

func (v *verbSearch) walk(start, pos int, n int32, dst []Match) []Match {
	nd := &v.t.nodes[n]
	for _, e := range nd.verbs {
		dst = append(dst, Match{Start: start, End: pos, Index: int(e.verb), Words: int(e.words)})
	}
	toks := v.toks
	if pos < len(toks) {
		dst = v.step(start, pos, nd, dst)
	}
	if nd.gap != 0 {
		g := &v.t.nodes[nd.gap]
		for k := pos; k <= pos+maxGap && k < len(toks); k++ {
			if k > pos && toks[k-1].Kind == text.Punct && !gapPunct[toks[k-1].Stem] {
				break
			}
			dst = v.step(start, k, g, dst)
		}
	}
	return dst
}

// step goes on walking from node nd with the token at pos: by its key,
// and by the prefix words (PrefixMark) its stem begins with.
func (v *verbSearch) step(start, pos int, nd *node, dst []Match) []Match {
	key := v.key(pos)
	if next, ok := nd.next[key]; ok {
		dst = v.walk(start, pos+1, next, dst)
	}
	if v.forms != nil {
		for _, fs := range v.forms[key] {
			if next, ok := nd.next[fs]; ok {
				dst = v.walk(start, pos+1, next, dst)
			}
		}
	}
	if v.words != nil && !possessed(v.toks, pos) {
		w := v.words[pos]
		if next, ok := nd.next[letterKey(ExactMark, w)]; ok {
			dst = v.walk(start, pos+1, next, dst)
		}
		var buf [6]string
		for _, b := range append(verbEndingsOf(w, buf[:0]), w) {
			if next, ok := nd.next[letterKey(EndingsMark, b)]; ok {
				dst = v.walk(start, pos+1, next, dst)
			}
		}
	}
	st := v.toks[pos].Stem
	if nd.pre == nil || v.toks[pos].Kind != text.Word || len(st) < 2 {
		return dst
	}
	for _, pe := range nd.pre[[2]byte{st[0], st[1]}] {
		if prefixStep(pe, st) {
			dst = v.walk(start, pos+1, pe.phrase, dst)
		}
	}
	return dst
}

// possessed reports whether a possessive "'s" is written onto the token
// at pos: "donate's" is a noun to TABARI, whose words hold the "'s".
func possessed(toks []text.Token, pos int) bool {
	if pos+1 >= len(toks) {
		return false
	}
	n := toks[pos+1]
	return n.Start == toks[pos].End && (n.Stem == "'s" || n.Stem == "’s")
}

// prefixStep reports whether a token of stem st takes the prefix step pe.
func prefixStep(pe prefixEnd, st string) bool {
	return st == pe.stem || pe.word != "" && strings.HasPrefix(st, pe.word)
}

// prefixed reports whether a token takes a prefix step of node nd.
func (t *trie) prefixed(nd *node, tok text.Token) bool {
	st := tok.Stem
	if tok.Kind != text.Word || len(st) < 2 {
		return false
	}
	for _, pe := range nd.pre[[2]byte{st[0], st[1]}] {
		if prefixStep(pe, st) {
			return true
		}
	}
	return false
}
