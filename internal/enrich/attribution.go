package enrich

import (
	"strings"
	"sync"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/text"
)

// Attributions sets who claims each event of one article, from the
// attribution cues of the event's own sentence; a sentence without a cue
// leaves its events' Attribution nil (no cue is borrowed from another
// sentence). The cues, found once per sentence on its tokens, are
//
//	X said / says / told / announced / reported / stated / claimed / added / confirmed
//	said X              (after a comma or quote: "..., said Defense Secretary Lloyd Austin")
//	X told <medium>     ("four sources told the news agency Reuters": Via "Reuters")
//	according to X      (also in the machine-translated "American according to an administration source, ...")
//	<medium> quoted X as saying
//
// The claimant X is classified by its head noun and modifiers: a generic
// head (source, official, spokesman, diplomat, aide, witness, resident...)
// without a name after it is anonymous, with the number of sources when
// written ("four sources" → 4; "a source" says nothing, 0) and a sector from
// its modifiers or else its head (administration, official, spokesman → GOV;
// military, army, Pentagon → MIL; police → COP; witnesses, residents → CVL);
// a medium (Reuters, "Ansa news agency", "state television") becomes Via; any
// other phrase, pronouns included, is the named Source as written, with a
// sector when its head is an institution ("the ministry" → GOV). Code is the
// code of the event's source or target when that actor covers the
// claimant's head word, else empty.
//
// An event whose trigger is a cue's reporting verb (a CAMEO 010 "said"), or
// lies inside the cue's phrase, is not attributed by that cue. When a
// sentence has several cues an event takes the first other one. Modality is
// left alone. Offsets are byte offsets into the article, like the events'.
// a is not read: the events carry their sentences.
func Attributions(a *reader.Article, es []event.Event) {
	sc := ctxScratchPool.Get().(*ctxScratch)
	defer ctxScratchPool.Put(sc)
	sc.reset(a)
	last := -1
	for i := range es {
		e := &es[i]
		if i == 0 || e.Evidence.SentenceIndex != last {
			last = e.Evidence.SentenceIndex
			sc.cues = sc.cues[:0]
			s := e.Evidence.Sentence
			if from := cueFilter.index(s); from >= 0 {
				sc.cues = findCues(s, sc.tokens(s), from, sc.cues)
			}
		}
		if len(sc.cues) > 0 {
			attribute(e, sc.cues)
		}
	}
}

// ctxScratch holds the buffers of one call of Attributions, Counts or Quotes,
// and the tokens of the sentences of one article, which Counts then finds
// there instead of tokenizing them again (Article calls it right after
// Attributions, which mostly gets the same ctxScratch from the pool).
type ctxScratch struct {
	art    *reader.Article
	toks   []text.Token // the tokens of sents, one after the other
	sents  []tokenized
	next   int // the entry of sents after the last one found
	cues   []cue
	counts []event.Count
}

// tokenized is a sentence and its tokens, toks[lo:hi] of its ctxScratch.
type tokenized struct {
	s      string
	lo, hi int
}

var ctxScratchPool = sync.Pool{New: func() any { return new(ctxScratch) }}

// reset empties the token cache for article a.
func (sc *ctxScratch) reset(a *reader.Article) {
	sc.art, sc.toks, sc.sents, sc.next = a, sc.toks[:0], sc.sents[:0], 0
}

// tokens returns the tokens of sentence s (offsets into s), from the cache
// when a sentence of the same text was tokenized before: tokens depend on
// the text only. Sentences are asked for in text order, so the search
// starts after the last one found.
func (sc *ctxScratch) tokens(s string) []text.Token {
	for i := sc.next; i < len(sc.sents); i++ {
		if t := sc.sents[i]; t.s == s {
			sc.next = i + 1
			return sc.toks[t.lo:t.hi:t.hi]
		}
	}
	lo := len(sc.toks)
	sc.toks = text.Tokenize(s, text.Span{End: len(s)}, sc.toks)
	sc.sents = append(sc.sents, tokenized{s, lo, len(sc.toks)})
	return sc.toks[lo:len(sc.toks):len(sc.toks)]
}

// cue is one attribution found in a sentence; offsets are relative to the
// sentence.
type cue struct {
	attr       event.Attribution
	verb, head [2]int // byte ranges of the cue word(s) and the claimant's head
	media      bool   // the claimant is a medium: no actor code
	reporting  bool   // the cue is a reporting verb, not "according to"
}

// triggerWord returns the first word of s in lower case.
func triggerWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(s)
}

func attribute(e *event.Event, cues []cue) {
	base := e.Evidence.SentenceStart
	ts, te := e.Evidence.TriggerStart-base, e.Evidence.TriggerEnd-base
	// A statement ("She said X and said Y") is not attributed to another
	// statement of the same sentence, only to a source it is reported by
	// ("according to", a medium).
	said := te <= len(e.Evidence.Sentence) && ts >= 0 && ts < te && reportVerbs[triggerWord(e.Evidence.Sentence[ts:te])]
	for i := range cues {
		c := &cues[i]
		if ts < c.verb[1] && c.verb[0] < te || ts >= c.attr.Start && te <= c.attr.End || said && c.reporting {
			continue
		}
		at := c.attr
		at.Start += base
		at.End += base
		if !c.media {
			for _, act := range []*event.Actor{e.Source, e.Target} {
				if act != nil && act.Start-base <= c.head[0] && c.head[1] <= act.End-base {
					at.Code = act.Code
					break
				}
			}
		}
		e.Attribution = &at
		return
	}
}

// cueWords are the lower-case forms that may start a cue; a sentence
// without one is not tokenized.
var cueWords = wordSet("said", "says", "say", "told", "tells", "tell", "according", "announced", "reported",
	"stated", "claimed", "added", "confirmed", "quoted")

var cueFilter = newWordFilter(cueWords)

// reportVerbs are the verb forms of cueWords.
var reportVerbs = wordSet("said", "says", "say", "told", "tells", "tell", "announced", "reported", "stated",
	"claimed", "added", "confirmed", "quoted")

// notAttributive precede a reporting verb that makes no claim: "is said to",
// "declined to say", "would not say".
var notAttributive = wordSet("is", "are", "was", "were", "be", "been", "being", "to", "would", "will", "could",
	"can", "may", "might", "must", "should", "shall", "not", "n't", "never", "the", "a", "an", "his", "her",
	"its", "their")

// findCues appends the cues of sentence s (tokens toks) to out; the first
// cue word is at byte from.
func findCues(s string, toks []text.Token, from int, out []cue) []cue {
	for k := range toks {
		t := toks[k]
		if t.Kind != text.Word || t.Start < from {
			continue
		}
		w := lowerWord(s, t)
		switch {
		case w == "according":
			if k+1 >= len(toks) || toks[k+1].Stem != "to" {
				continue
			}
			st, en := forwardNP(s, toks, k+2)
			if en == st {
				continue
			}
			cl := classify(s, toks, st, en)
			out = append(out, newCue(s, toks, k, en, k, k+2, cl))
		case reportVerbs[w]:
			if k > 0 && notAttributive[lowerWord(s, toks[k-1])] {
				continue
			}
			if w == "added" && k+1 < len(toks) && toks[k+1].Kind != text.Punct && lowerWord(s, toks[k+1]) != "that" {
				continue // "it has added 12 mln dlrs to its reserves"
			}
			j := skipAdverbsBack(s, toks, k)
			st := backNP(s, toks, j)
			// A claimant starts a clause; after another word it is an
			// object: "will finance the repurchase ... announced".
			if st < j && st > 0 && toks[st-1].Kind == text.Word && !npStop[lowerWord(s, toks[st-1])] {
				continue
			}
			if st < j {
				cl := classify(s, toks, st, j)
				hi := k + 1
				switch w {
				case "told", "tells", "tell":
					if os, oe := forwardNP(s, toks, k+1); oe > os {
						hi = oe
						if ocl := classify(s, toks, os, oe); ocl.media && !cl.media {
							cl.via = ocl.via
						}
					}
				case "quoted":
					// "<medium> quoted a military source as saying"
					os, oe := forwardNP(s, toks, k+1)
					if oe == os || oe+1 >= len(toks) || lowerWord(s, toks[oe]) != "as" || lowerWord(s, toks[oe+1]) != "saying" {
						continue
					}
					via := cl.via
					if via == "" {
						via = trimDeterminer(s, toks, st, j)
					}
					cl = classify(s, toks, os, oe)
					if cl.via == "" {
						cl.via = via
					}
					hi = oe + 2
				}
				c := newCue(s, toks, st, hi, k, k+1, cl)
				c.reporting = true
				out = append(out, c)
				continue
			}
			// "..., said Defense Secretary Lloyd Austin."
			if j > 0 && isOpenPunct(toks[j-1].Stem) {
				// The phrase must end the clause: not "..., said most
				// producing countries".
				if os, oe := forwardNP(s, toks, k+1); oe > os && (oe == len(toks) || toks[oe].Kind == text.Punct) {
					c := newCue(s, toks, k, oe, k, k+1, classify(s, toks, os, oe))
					c.reporting = true
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func isOpenPunct(p string) bool { return p == "," || p == "\"" || p == ":" || p == "'" || p == "-" }

// newCue builds the cue whose phrase is tokens [lo, hi) and whose cue words
// are tokens [vlo, vhi).
func newCue(s string, toks []text.Token, lo, hi, vlo, vhi int, cl claimant) cue {
	c := cue{
		attr: event.Attribution{Text: s[toks[lo].Start:toks[hi-1].End], Start: toks[lo].Start, End: toks[hi-1].End,
			Anonymous: cl.anonymous, Number: cl.number, Sector: cl.sector, Via: cl.via},
		verb:  [2]int{toks[vlo].Start, toks[vhi-1].End},
		head:  [2]int{toks[cl.head].Start, toks[cl.head].End},
		media: cl.media,
	}
	if !cl.anonymous && !cl.media {
		c.attr.Source = s[toks[cl.start].Start:toks[cl.end-1].End]
	}
	return c
}

// claimant is who makes a claim: a noun phrase, tokens [start, end).
type claimant struct {
	start, end int
	head       int // token index of the head word
	anonymous  bool
	media      bool // the claimant is a medium; via holds its name
	number     int
	sector     string
	via        string
}

// Claimant heads and modifiers, by stem.
var (
	// anonHeads are people who stay anonymous unless a name follows them.
	anonHeads = stemWords("source", "official", "spokesman", "spokeswoman", "spokesperson", "diplomat", "aide",
		"insider", "witness", "eyewitness", "resident", "villager", "local", "person", "people", "medic",
		"doctor", "officer", "analyst", "activist", "authority", "trader", "dealer", "banker", "economist",
		"expert", "observer", "negotiator", "delegate", "envoy")
	// sectorWords give the sector of a claimant, as a modifier of an
	// anonymous head or as the head of a named one.
	sectorWords = sectorTable()
	// mediaWords describe a medium.
	mediaWords = stemWords("news", "agency", "newspaper", "daily", "television", "tv", "radio", "broadcaster",
		"channel", "network", "media", "outlet", "website", "magazine", "paper", "wire", "report")
	// mediaNames are media known by name alone, as lower-case word
	// sequences.
	mediaNames = [][]string{{"reuters"}, {"afp"}, {"ap"}, {"bloomberg"}, {"xinhua"}, {"tass"}, {"interfax"},
		{"irna"}, {"isna"}, {"tasnim"}, {"ansa"}, {"dpa"}, {"efe"}, {"kyodo"}, {"yonhap"}, {"anadolu"}, {"bernama"},
		{"bbc"}, {"cnn"}, {"nhk"}, {"cctv"}, {"wafa"}, {"axios"}, {"politico"}, {"haaretz"}, {"sana"},
		{"associated", "press"}, {"al", "jazeera"}, {"al", "arabiya"}, {"sky", "news"}, {"fox", "news"},
		{"ria", "novosti"}, {"agence", "france", "-", "presse"}, {"new", "york", "times"}, {"washington", "post"},
		{"wall", "street", "journal"}, {"financial", "times"}}
	// npPreps may join a claimant phrase: "a spokesman for the ministry",
	// "sources close to the talks", "people familiar with the matter".
	npPreps = wordSet("of", "for", "from", "in", "at", "with", "close", "familiar", "near", "to", "within", "inside")
	// npDeterminers start a noun phrase.
	npDeterminers = wordSet("the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our")
)

func sectorTable() map[string]string {
	m := map[string]string{}
	for sector, ws := range map[string][]string{
		"GOV": {"administration", "government", "governmental", "ministry", "minister", "ministerial", "official",
			"spokesman", "spokeswoman", "spokesperson", "aide", "cabinet", "presidential", "presidency", "palace",
			"kremlin", "embassy", "diplomatic", "diplomat", "department", "authority", "envoy"},
		"MIL": {"military", "army", "defense", "defence", "pentagon", "navy", "naval", "commander"},
		"COP": {"police", "policeman"},
		"SPY": {"intelligence"},
		"REB": {"rebel", "militant", "insurgent"},
		"OPP": {"opposition"},
		"CVL": {"witness", "eyewitness", "resident", "villager", "local", "civilian"},
		"HLH": {"hospital", "medical", "health", "medic", "doctor"},
		"JUD": {"court", "judicial", "prosecutor"},
		"LEG": {"parliamentary", "congressional", "parliament", "lawmaker"},
		"BUS": {"industry", "company", "corporate", "business", "trader", "dealer", "banker"},
		"IGO": {"u.n", "un"},
	} {
		for _, w := range ws {
			m[text.Stem(w)] = sector
		}
	}
	return m
}

// classify describes the claimant phrase toks[start:end].
func classify(s string, toks []text.Token, start, end int) claimant {
	cl := claimant{start: start, end: end, head: start}
	core := end
	for k := start + 1; k < end; k++ {
		if toks[k].Kind == text.Word && npPreps[lowerWord(s, toks[k])] {
			core = k
			break
		}
	}
	for k := core - 1; k >= start; k-- {
		if toks[k].Kind == text.Word {
			cl.head = k
			break
		}
	}
	hs := toks[cl.head].Stem
	nameLo, nameHi, named := mediaName(s, toks, start, end)
	switch {
	case anonHeads[hs] && (toks[cl.head].Case&text.Capitalized == 0 || cl.head == start):
		// "officials", but not "the Palestinian Authority".
		cl.anonymous = true
	case toks[cl.head].Case&text.Capitalized != 0 && !named:
		// A name: "spokesman John Kirby" is named, "the news agency
		// Reuters" a medium.
		r := cl.head
		for r > start && (toks[r-1].Case&text.Capitalized != 0 || toks[r-1].Stem == "-") {
			r--
		}
		if r > start && mediaWords[toks[r-1].Stem] {
			cl.media, cl.via = true, s[toks[r].Start:toks[cl.head].End]
		}
	case named && nameHi > cl.head && nameLo <= cl.head:
		cl.media = true
	case mediaWords[hs]:
		cl.media = true
	}
	if cl.media || cl.anonymous {
		switch {
		case cl.via != "":
		case named:
			cl.via = s[toks[nameLo].Start:toks[nameHi-1].End]
		default:
			cl.via = adjacentName(s, toks, start, end)
			if cl.via == "" && cl.media {
				cl.via = trimDeterminer(s, toks, start, end)
			}
		}
	}
	switch {
	case cl.media:
	case cl.anonymous:
		for k := start; k < end; k++ {
			if k == cl.head {
				continue
			}
			if sec := sectorWords[toks[k].Stem]; sec != "" && toks[k].Kind == text.Word {
				cl.sector = sec
				break
			}
		}
		if cl.sector == "" {
			cl.sector = sectorWords[hs]
		}
		for k := start; k < cl.head; k++ {
			if n, _, _, ok := numberAt(s, toks, k); ok {
				cl.number = n
				break
			}
		}
	default:
		cl.sector = sectorWords[hs]
	}
	return cl
}

// mediaName finds a known medium in toks[start:end].
func mediaName(s string, toks []text.Token, start, end int) (lo, hi int, ok bool) {
	for k := start; k < end; k++ {
		if toks[k].Kind != text.Word || toks[k].Case&text.Capitalized == 0 {
			continue
		}
	names:
		for _, name := range mediaByStem[toks[k].Stem] {
			if k+len(name) > end {
				continue
			}
			for i, w := range name {
				t := toks[k+i]
				if t.Case&text.Capitalized == 0 && t.Kind == text.Word || !strings.EqualFold(t.Text(s), w) {
					continue names
				}
			}
			return k, k + len(name), true
		}
	}
	return 0, 0, false
}

// mediaByStem indexes mediaNames by the stem of their first word.
var mediaByStem = func() map[string][][]string {
	m := map[string][][]string{}
	for _, name := range mediaNames {
		k := text.Stem(name[0])
		m[k] = append(m[k], name)
	}
	return m
}()

// adjacentName returns the capitalised words just before or after a media
// word in toks[start:end]: "Ansa" in "Ansa news agency".
func adjacentName(s string, toks []text.Token, start, end int) string {
	for k := start; k < end; k++ {
		if !mediaWords[toks[k].Stem] || toks[k].Case&text.Capitalized != 0 {
			continue
		}
		r := k
		for r > start && toks[r-1].Case&text.Capitalized != 0 && !npDeterminers[lowerWord(s, toks[r-1])] {
			r--
		}
		if r < k {
			return s[toks[r].Start:toks[k-1].End]
		}
		m := k
		for m+1 < end && mediaWords[toks[m+1].Stem] {
			m++
		}
		r = m + 1
		for r < end && toks[r].Case&text.Capitalized != 0 {
			r++
		}
		if r > m+1 {
			return s[toks[m+1].Start:toks[r-1].End]
		}
	}
	return ""
}

// trimDeterminer returns toks[start:end] as written, without a leading
// determiner.
func trimDeterminer(s string, toks []text.Token, start, end int) string {
	if end-start > 1 && npDeterminers[lowerWord(s, toks[start])] {
		start++
	}
	return s[toks[start].Start:toks[end-1].End]
}

// npStop end a claimant phrase: conjunctions, auxiliaries, relative
// pronouns, cue words.
var npStop = wordSet("and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "while", "as", "because",
	"when", "where", "if", "although", "though", "since", "after", "before", "than", "is", "are", "was", "were",
	"be", "been", "being", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
	"should", "shall", "do", "does", "did", "not", "also", "however", "meanwhile", "there", "then", "now",
	"on", "during", "by", "over", "into", "against", "about", "today", "yesterday", "tonight", "it's",
	"according", "said", "says", "say", "told", "tells", "tell", "announced", "reported", "stated", "claimed",
	"added", "confirmed", "quoted", "saying", "adding", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "so", "thus", "therefore", "until", "unless", "despite", "without", "amid")

// participles that are adjectives in claimant phrases ("armed groups").
var npParticiples = stemWords("armed", "united", "unnamed", "unidentified", "elected", "retired", "named",
	"concerned", "informed", "related", "based", "led", "backed", "affiliated", "allied", "aligned")

// npToken reports whether toks[k] may belong to a claimant phrase.
func npToken(s string, toks []text.Token, k int) bool {
	t := toks[k]
	switch t.Kind {
	case text.Number:
		return true
	case text.Punct:
		return t.Stem == "-" || t.Stem == "'s" || t.Stem == "&" || t.Stem == "'"
	}
	if npStop[lowerWord(s, t)] {
		return false
	}
	if t.Case&text.VerbForm != 0 && !npParticiples[t.Stem] && !(k > 0 && toks[k-1].Stem == "-") {
		return false
	}
	return true
}

// maxNP bounds a claimant phrase; a longer run of words is more likely a
// clause than a phrase.
const maxNP = 10

// backNP returns the start of the claimant phrase that ends before
// toks[end]; end itself when there is none.
func backNP(s string, toks []text.Token, end int) int {
	k := end - 1
	for ; k >= 0 && npToken(s, toks, k); k-- {
		if end-k > maxNP {
			return end
		}
		// A determiner starts the phrase unless a preposition inside it
		// precedes it ("a spokesman for the ministry").
		if npDeterminers[lowerWord(s, toks[k])] && !(k > 0 && npPreps[lowerWord(s, toks[k-1])]) {
			k--
			break
		}
	}
	st := k + 1
	// A phrase does not start with a preposition or a hyphen.
	for st < end && (npPreps[lowerWord(s, toks[st])] || toks[st].Kind == text.Punct) {
		st++
	}
	return st
}

// forwardNP returns the claimant phrase starting at toks[start].
func forwardNP(s string, toks []text.Token, start int) (int, int) {
	if start < len(toks) && npPreps[lowerWord(s, toks[start])] {
		return start, start // "said of Greenspan"
	}
	k := start
	for ; k < len(toks) && k-start < maxNP && npToken(s, toks, k); k++ {
		// A determiner after a head starts another phrase: "according
		// to officials the attack killed".
		if k > start && npDeterminers[lowerWord(s, toks[k])] && !npPreps[lowerWord(s, toks[k-1])] && !npDeterminers[lowerWord(s, toks[k-1])] {
			break
		}
	}
	// Nor does it end with a preposition, determiner or hyphen.
	for k > start && (npPreps[lowerWord(s, toks[k-1])] || npDeterminers[lowerWord(s, toks[k-1])] || toks[k-1].Kind == text.Punct) {
		k--
	}
	return start, k
}

// cueAdverbs may stand between a claimant and its verb: "officials also said",
// "the Pentagon on Tuesday said", "has said".
var cueAdverbs = wordSet("also", "later", "earlier", "previously", "has", "have", "had", "recently", "then",
	"again", "separately", "yesterday", "today", "tonight", "reportedly", "further", "publicly", "privately",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "last", "week",
	"night", "morning", "evening", "afternoon")

// skipAdverbsBack returns the index after the claimant of the verb at k.
func skipAdverbsBack(s string, toks []text.Token, k int) int {
	j := k
	for j > 0 && j > k-4 && toks[j-1].Kind == text.Word && cueAdverbs[lowerWord(s, toks[j-1])] {
		j--
	}
	return j
}

// wordSet returns the set of ws (lower-case forms), and records their title
// case for lowerWord.
func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
		if w != "" && 'a' <= w[0] && w[0] <= 'z' {
			titleForms[string(w[0]-'a'+'A')+w[1:]] = w
		}
	}
	return m
}

// titleForms maps the title case of the words of the package's word lists
// to their lower case ("According" → "according").
var titleForms = map[string]string{}

// literalWords are compared literally rather than looked up in a list.
var _ = wordSet("them", "lives", "other", "up", "of", "to", "as", "saying", "that", "whom", "estimated", "least", "than",
	"most", "added", "according")

// stemWords returns the set of the stems of ws.
func stemWords(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[text.Stem(w)] = true
	}
	return m
}

// lowerWord returns the text of t in lower case if it is a word of the
// package's word lists (lower or title case), and as written otherwise,
// which no list holds: lists are looked up without allocating.
func lowerWord(s string, t text.Token) string {
	w := s[t.Start:t.End]
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			if l, ok := titleForms[w]; ok {
				return l
			}
			return w
		}
	}
	return w
}

// wordFilter is a set of lower-case ASCII words (at most 16 letters) that
// finds its words in a text with one byte scan.
type wordFilter struct {
	set    map[string]bool
	first  [26]bool // the first letters of the words
	maxLen int
}

func newWordFilter(set map[string]bool) *wordFilter {
	f := &wordFilter{set: set}
	for w := range set {
		f.first[w[0]-'a'] = true
		f.maxLen = max(f.maxLen, len(w))
	}
	return f
}

// index returns the byte offset of the first word of the set in s,
// matching case-insensitively, or -1. It is the prefilter that spares
// tokenizing sentences that cannot match: most words are rejected on their
// first letter or length without a map lookup.
func (f *wordFilter) index(s string) int {
	var buf [16]byte
	n, start := 0, 0
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'a' <= c && c <= 'z' {
			if n == 0 {
				start = i
				if i > 0 && s[i-1] >= 0x80 || !f.first[c-'a'] {
					// Not a candidate: skip to the end of the word.
					for i+1 < len(s) && (s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z') {
						i++
					}
					continue
				}
			}
			if n < len(buf) {
				buf[n] = c
			}
			n++
			continue
		}
		if n > 0 && n <= f.maxLen && c < 0x80 && f.set[string(buf[:n])] {
			return start
		}
		n = 0
	}
	return -1
}
