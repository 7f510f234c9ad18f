package enrich

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/text"
)

// Places sets the Location of each event of one article: where the event
// happened, which is not every place the sentence names. a.Text must be
// the text the events' offsets refer to (the coder's normalised text).
// Events keep a nil Location when no rule finds a place; each event that
// gets one gets its own *event.Location. Places is safe for concurrent use.
//
// The rules, in order:
//
//  1. A place governed by a locative preposition (in, at, near, across,
//     inside, outside, throughout, around, into, within) in the clause of
//     the trigger: the first such place after the trigger, else the nearest
//     before it. "strikes against US forces in Iraq and Syria" is in Iraq:
//     a list of places is governed by the preposition before its first
//     member, and the first one is the location.
//  2. Otherwise the place governed by such a preposition nearest to the
//     trigger anywhere in the sentence.
//  3. Otherwise the article's place: its dateline ("BAGHDAD, Jan 5
//     (Reuters) -", "KYIV —"), else the place it names most often (mentions
//     that are an event's actor do not count), with Start and End -1.
//  4. Otherwise none.
//
// A place that is one of the event's own actors — a mention inside its
// Source or Target span, such as "Baghdad" standing for the Iraqi
// government — is never its location under rules 1 and 2.
//
// Place names are found by matching the article's tokens against the
// gazetteer (see resolve for names with several places): capitalised name
// words must be capitalised in the text, and spelt as in the name but for
// case and a short ending; a word in capitals matches only an acronym
// ("US") except in the dateline ("ICO" is no town). A name next to another
// capitalised word is part of a longer name and skipped: "New York Times",
// "Michael Howard" (a sentence's first word and words such as "In" or
// "Northern" do not count). A name that is an ordinary English word
// ("Split", "Reading") is skipped at the start of a sentence. A region
// noun after a name ("Donetsk region", "Anbar province") makes it the
// first-level division.
func Places(a *reader.Article, es []event.Event) {
	if len(es) == 0 {
		return
	}
	g := mustGazetteer()
	sc := placePool.Get().(*placeScratch)
	defer placePool.Put(sc)
	sc.article(g, a.Text, es)
	for i := range es {
		sc.place(g, &es[i])
	}
}

var placePool = sync.Pool{New: func() any { return &placeScratch{counts: map[int32]int32{}} }}

// mention is a place name found in the article.
type mention struct {
	// start and end are byte offsets in the article; they include a
	// region noun after the name.
	start, end int
	// t0 and t1 are the mention's tokens [t0, t1) in placeScratch.toks
	// (valid while its sentence is the prepared one).
	t0, t1 int
	name   int32 // in gazetteer.names
	// place is the resolved place: -1 for none, -2 until resolved.
	place int32
	// region is set when a region noun follows ("Donetsk region").
	region bool
	// governed is set when a locative preposition governs the mention
	// (valid while its sentence is the prepared one).
	governed bool
	// inActor is set when the mention lies inside an actor of any event of
	// the article.
	inActor bool
}

// placeScratch holds one article's place mentions, shared by all its
// events, and the tokens of the sentence being looked at.
type placeScratch struct {
	s       string
	ments   []mention
	context []string
	cands   []int32
	win     window // the stretch of text being matched
	// toks are the tokens of the prepared sentence, which starts at
	// prepared (-1: none), and clause their clause numbers.
	toks     []text.Token
	clause   []int32
	prepared int
	// home is the article's place (rule 3): a mention index, -1 for none,
	// -2 until computed.
	home   int
	counts map[int32]int32
}

// article finds the place names of the article and the countries it
// names. It does not tokenise the whole text: only the words that start
// with a capital letter (or "al-") and may start a name, and the words
// after them that the name needs.
func (sc *placeScratch) article(g *gazetteer, s string, es []event.Event) {
	sc.s = s
	sc.prepared, sc.home = -1, -2
	sc.ments = sc.ments[:0]
	sc.findMentions(g, s)

	// The countries the article names: its actors' countries and the
	// country names in its text.
	sc.context = sc.context[:0]
	for i := range es {
		for _, a := range [2]*event.Actor{es[i].Source, es[i].Target} {
			if a == nil {
				continue
			}
			sc.addContext(a.Country)
			for j := range sc.ments {
				if m := &sc.ments[j]; insideActor(m, a) {
					m.inActor = true
				}
			}
		}
	}
	for i := range sc.ments {
		for _, p := range g.names[sc.ments[i].name].places {
			if q := &g.places[p]; q.kind == kindCountry {
				sc.addContext(q.country)
			}
		}
	}
}

// placeOf returns the resolved place of mention i, resolving it on first
// use.
func (sc *placeScratch) placeOf(g *gazetteer, i int) int32 {
	m := &sc.ments[i]
	if m.place == -2 {
		var next *mention
		if i+1 < len(sc.ments) {
			next = &sc.ments[i+1]
		}
		m.place = sc.resolve(g, m, next)
	}
	return m.place
}

func (sc *placeScratch) addContext(c string) {
	if c != "" && !containsString(sc.context, c) {
		sc.context = append(sc.context, c)
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Word lists, by stem.
var (
	locatives = placeStemSet("in", "at", "near", "across", "inside", "outside", "throughout", "around", "into", "within")
	// regionNouns after a name make it a first-level division.
	regionNouns = placeStemSet("region", "province", "oblast", "governorate", "state", "prefecture")
	// notOfName are capitalised words that may follow a place name without
	// being part of a longer name: "in Iraq Tuesday", "Kherson Oblast".
	notOfName = placeStemSet("region", "province", "oblast", "governorate", "state", "prefecture",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december")
	// monthWords may stand in a dateline: "BAGHDAD, Jan 5 (Reuters) -".
	monthWords = placeStemSet("january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec")
	// placeFillers may stand between a locative preposition and its place:
	// "in the northern city of Mosul", "in rebel-held Idlib".
	placeFillers = placeStemSet("the", "a", "an", "of", "'s", "-", "northern", "southern", "eastern", "western",
		"central", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
		"northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
		"occupied", "besieged", "embattled", "disputed", "annexed", "held", "controlled", "rebel",
		"government", "city", "town", "village", "province", "region", "capital", "district", "area",
		"port", "border", "outskirts", "heart", "centre", "center", "part", "neighboring", "neighbouring",
		"nearby", "coastal", "frontline", "front", "line", "southernmost", "northernmost", "torn", "war")
	// clauseStarts begin a new clause: "..., which", "after", "but".
	clauseStarts = placeStemSet("which", "who", "whom", "whose", "while", "whilst", "whereas", "although", "though",
		"because", "after", "before", "when", "whenever", "where", "until", "unless", "but", "that", "since")
)

func placeStemSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[text.Stem(w)] = true
	}
	return m
}

// findMentions appends the place names of s to sc.ments. It visits the
// words that start with a capital letter (or "al-", "el-"), and tokenises
// only those that may start a name, and the words after them that the name
// needs. A name does not run past a sentence's final punctuation, as no
// name holds such a token.
func (sc *placeScratch) findMentions(g *gazetteer, s string) {
	w := &sc.win
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			upper := 'A' <= c && c <= 'Z'
			if !upper && !isASCIILetterByte(c) {
				i++
				continue
			}
			if !upper && !((c == 'a' || c == 'e') && i+3 < len(s) && s[i+1] == 'l' && s[i+2] == '-') || !placeWordStart(s, i) {
				// Skip the rest of an ASCII word: no name starts inside it.
				for i++; i < len(s) && (isASCIILetterByte(s[i]) || '0' <= s[i] && s[i] <= '9'); i++ {
				}
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsUpper(r) || !placeWordStart(s, i) {
				i += n
				continue
			}
		}
		if !g.mayStart(s, i, len(s)) {
			for i++; i < len(s) && ('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z'); i++ {
			}
			continue
		}
		w.reset(s, i, len(s))
		n, end, ok := g.match(w)
		if !ok {
			if w.ensure(1) {
				i = w.toks[0].End
			} else {
				i = w.next
			}
			continue
		}
		pn := &g.names[n]
		next := w.ensure(end + 1)
		toks := w.toks
		switch {
		case pn.blocker:
			i = toks[end-1].End
			continue
		case next && toks[end].Kind == text.Word && toks[end].Case&text.Capitalized != 0 && !notOfName[toks[end].Stem] &&
			!strings.ContainsAny(s[toks[end-1].End:toks[end].Start], "\n\r"):
			// Part of a longer proper name: skip the whole run, so that
			// "New York Times" does not yield York either.
			for end < len(toks) && toks[end].Kind == text.Word && toks[end].Case&text.Capitalized != 0 {
				end++
				w.ensure(end + 1)
				toks = w.toks
			}
			i = toks[end-1].End
			continue
		case pn.common && (toks[0].Case&text.AllCaps != 0 || sentenceStart(s, i)),
			sc.afterName(i):
			i = toks[end-1].End
			continue
		}
		m := mention{start: i, end: toks[end-1].End, name: n, place: -2}
		if next && regionNouns[toks[end].Stem] && g.hasDivision(n) {
			m.region, m.end = true, toks[end].End
		}
		sc.ments = append(sc.ments, m)
		i = m.end
	}
}

// nameLeads are capitalised words that may stand right before a place
// name without making it part of a longer name: sentence openers and
// directions ("In Iraq", "Northern Iraq").
var nameLeads = map[string]bool{"in": true, "at": true, "near": true, "across": true, "inside": true, "outside": true,
	"throughout": true, "around": true, "into": true, "within": true, "from": true, "to": true, "the": true, "and": true,
	"but": true, "for": true, "with": true, "by": true, "on": true, "of": true, "as": true, "after": true, "before": true,
	"since": true, "while": true, "when": true, "where": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "north": true, "south": true, "east": true, "west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "greater": true, "upper": true, "lower": true,
	"occupied": true, "rural": true, "downtown": true, "suburban": true, "neighbouring": true, "neighboring": true}

// afterName reports whether the word before s[i] is capitalised and ends
// a longer proper name that the place name continues: "Michael Howard",
// "Real Madrid", "Mr Wilson". A sentence's first word does not count:
// any word is capitalised there.
func (sc *placeScratch) afterName(i int) bool {
	s := sc.s
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == i || j == 0 || !isASCIILetterByte(s[j-1]) {
		return false
	}
	k := j
	for k > 0 && (isASCIILetterByte(s[k-1]) || s[k-1] == '.') {
		k--
	}
	if k > 0 && s[k-1] >= utf8.RuneSelf || !('A' <= s[k] && s[k] <= 'Z') || sentenceStart(s, k) {
		return false
	}
	w := s[k:j]
	if len(w) <= 10 {
		var buf [10]byte
		for x := range len(w) {
			buf[x] = w[x] | 0x20
		}
		if nameLeads[string(buf[:len(w)])] {
			return false
		}
	}
	// A place right before ("Kherson Oblast" is one name; "Iraq Syria"
	// two places) does not make a longer name either.
	if n := len(sc.ments); n > 0 && sc.ments[n-1].end == j {
		return false
	}
	return true
}

// sentenceStart reports whether s[i] starts a sentence: it opens the text
// or a line, or follows . ! or ? (and closing quotes or brackets).
func sentenceStart(s string, i int) bool {
	j := i - 1
	for j >= 0 && (s[j] == ' ' || s[j] == '\t' || s[j] == '"' || s[j] == '\'' || s[j] == '(') {
		j--
	}
	if j < 0 || s[j] == '\n' || s[j] == '\r' {
		return true
	}
	for j >= 0 && (s[j] == '"' || s[j] == '\'' || s[j] == ')') {
		j--
	}
	if j >= 2 && s[j-2:j+1] == "\u201d" { // ” after the period
		j -= 3
	}
	return j >= 0 && (s[j] == '.' || s[j] == '!' || s[j] == '?')
}

// placeWordStart reports whether a word may start at s[i]: the byte before
// is not part of a word.
func placeWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_')
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

// resolve chooses the place a mention names among the places of its name,
// keeping at each step the candidates that pass it, if any do:
//
//  1. After a region noun, the divisions ("Kyiv region" is Kyiv Oblast),
//     or the divisions the candidate cities are the seat of ("Donetsk
//     region").
//  2. A qualifier: the places inside the country or division named right
//     after a comma ("Paris, Texas", "Tripoli, Lebanon").
//  3. The places hand-written aliases give the name: the sense news means
//     ("Washington" is the capital, "Gaza" the Gaza Strip).
//  4. Countries: a name shared by a country and a town is the country
//     ("Jordan", "Lebanon").
//  5. Places in a country the article names — its actors' countries and
//     the country names in its text — unless they are more than
//     contextRatio times smaller than the largest candidate: Tripoli is in
//     Lebanon in an article about Lebanon, but an article naming the United
//     States that meets in Paris meets in France, not in Paris, Texas.
//  6. A town before a division of its country with the same name (Baghdad
//     the city, not the governorate).
//  7. The most populous (a division's population is that of its towns:
//     Florida is the US state, not the Cuban town); among equals the first
//     in the gazetteer.
func (sc *placeScratch) resolve(g *gazetteer, m *mention, next *mention) int32 {
	pn := &g.names[m.name]
	c := append(sc.cands[:0], pn.places...)
	defer func() { sc.cands = c[:0] }()
	keep := func(ok func(p int32) bool) {
		n := 0
		for _, p := range c {
			if ok(p) {
				n++
			}
		}
		if n == 0 || n == len(c) {
			return
		}
		kept := c[:0]
		for _, p := range c {
			if ok(p) {
				kept = append(kept, p)
			}
		}
		c = kept
	}
	if m.region {
		keep(func(p int32) bool { return g.places[p].kind == kindAdmin1 })
		if g.places[c[0]].kind != kindAdmin1 {
			for i, p := range c {
				if q := &g.places[p]; q.seat {
					if d, ok := g.admin1[q.country+"."+q.admin1]; ok {
						c[i] = d
					}
				}
			}
			keep(func(p int32) bool { return g.places[p].kind == kindAdmin1 })
		}
	}
	if len(c) > 1 && next != nil && strings.TrimSpace(sc.s[m.end:next.start]) == "," {
		keep(func(p int32) bool {
			for _, q := range g.names[next.name].places {
				qp, pp := &g.places[q], &g.places[p]
				if qp.country == pp.country && (qp.kind == kindCountry || qp.kind == kindAdmin1 && qp.admin1 == pp.admin1 && pp.kind != kindAdmin1) {
					return true
				}
			}
			return false
		})
	}
	if len(c) > 1 && len(pn.hand) > 0 {
		keep(func(p int32) bool { return containsPlace(pn.hand, p) })
	}
	if len(c) > 1 {
		keep(func(p int32) bool { return g.places[p].kind == kindCountry })
	}
	if len(c) > 1 {
		top, topIn := 0, 0
		for _, p := range c {
			q := &g.places[p]
			top = max(top, q.population)
			if containsString(sc.context, q.country) {
				topIn = max(topIn, q.population)
			}
		}
		if topIn*contextRatio >= top {
			keep(func(p int32) bool { return containsString(sc.context, g.places[p].country) })
		}
	}
	if len(c) > 1 {
		keep(func(p int32) bool {
			q := &g.places[p]
			if q.kind != kindAdmin1 {
				return true
			}
			for _, o := range c {
				if r := &g.places[o]; r.kind == kindCity && r.country == q.country {
					return false
				}
			}
			return true
		})
	}
	best := c[0]
	for _, p := range c[1:] {
		if g.places[p].population > g.places[best].population {
			best = p
		}
	}
	return best
}

// contextRatio is how much smaller a town in a country the article names
// may be than a namesake elsewhere and still be preferred (rule 5 of
// resolve).
const contextRatio = 10

func containsPlace(list []int32, p int32) bool {
	for _, v := range list {
		if v == p {
			return true
		}
	}
	return false
}

// prepare tokenises the sentence sp, computes its clauses and which of
// its mentions ms a locative preposition governs.
func (sc *placeScratch) prepare(sp text.Span, ms []mention) {
	if sc.prepared == sp.Start {
		return
	}
	sc.prepared = sp.Start
	toks := text.Tokenize(sc.s, sp, sc.toks[:0])
	sc.toks = toks
	sc.clause = sc.clause[:0]
	c := int32(0)
	for p := range toks {
		t := &toks[p]
		switch {
		case t.Kind == text.Punct && (t.Stem == ";" || t.Stem == ":" || t.Stem == "(" || t.Stem == ")"),
			t.Kind == text.Punct && t.Stem == "-" && !attachedHyphen(sc.s, toks, p),
			t.Kind == text.Word && clauseStarts[t.Stem]:
			c++
		}
		sc.clause = append(sc.clause, c)
	}
	for i := range ms {
		m := &ms[i]
		m.t0 = sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.start })
		m.t1 = sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.end })
		m.governed = sc.governed(ms, i)
	}
}

// governed reports whether a locative preposition governs ms[i]: it stands
// before it with only fillers between ("in the northern city of"), or
// ms[i] continues a list or qualifier of a governed place ("in Iraq and
// Syria", "in Kherson, Ukraine"), or a governed place qualifies it ("in the
// Gaza city of Khan Younis", which then is no longer governed itself).
func (sc *placeScratch) governed(ms []mention, i int) bool {
	m := &ms[i]
	sep, of := false, false
	for p, steps := m.t0-1, 0; p >= 0 && steps < 8; p, steps = p-1, steps+1 {
		t := &sc.toks[p]
		if t.Kind == text.Word && locatives[t.Stem] {
			return true
		}
		if i > 0 && ms[i-1].t1 == p+1 {
			if of && !sep && ms[i-1].governed {
				// "in the Gaza city of Khan Younis": the place before
				// only qualifies this one, which takes its preposition.
				ms[i-1].governed = false
				return true
			}
			return sep && ms[i-1].governed
		}
		switch {
		case t.Stem == "of":
			of = true
		case t.Stem == "," || t.Stem == "and" || t.Stem == "or":
			sep = true
		case placeFillers[t.Stem]:
		case t.Kind == text.Word && t.Case&text.Capitalized != 0 && placeFillers[sc.toks[p+1].Stem]:
			// "the Lebanese town of", "Houthi-controlled"
		default:
			return false
		}
	}
	return false
}

// place sets e.Location by the rules of Places.
func (sc *placeScratch) place(g *gazetteer, e *event.Event) {
	sp := text.Span{Start: e.Evidence.SentenceStart, End: e.Evidence.SentenceStart + len(e.Evidence.Sentence)}
	if 0 <= sp.Start && sp.End <= len(sc.s) {
		lo := sort.Search(len(sc.ments), func(i int) bool { return sc.ments[i].start >= sp.Start })
		hi := lo + sort.Search(len(sc.ments)-lo, func(i int) bool { return sc.ments[lo+i].start >= sp.End })
		if lo < hi && sc.mayBeGoverned(lo, hi, sp.Start) {
			if m := sc.inSentence(g, sp, lo, hi, e); m >= 0 {
				e.Location = sc.location(g, m, true)
				sc.list(g, m, hi, e)
				return
			}
		}
	}
	if m := sc.articlePlace(g); m >= 0 {
		e.Location = sc.location(g, m, false)
	}
}

// list adds to e.Locations the places that continue the list of the place
// mention m ("in Iraq and Syria", "in Gaza, the West Bank and Lebanon"),
// mentions before hi, when there is more than one.
func (sc *placeScratch) list(g *gazetteer, m, hi int, e *event.Event) {
	j := m + 1
	for ; j < hi && sc.ments[j].governed && listSeparator(sc.s[sc.ments[j-1].end:sc.ments[j].start]); j++ {
		if sc.placeOf(g, j) < 0 {
			break
		}
	}
	if j == m+1 {
		return
	}
	for k := m; k < j; k++ {
		if loc := sc.location(g, k, true); loc != nil {
			e.Locations = append(e.Locations, *loc)
		}
	}
}

// listSeparator reports whether s joins two members of a list.
func listSeparator(s string) bool {
	switch strings.TrimSpace(strings.ToLower(s)) {
	case "and", ",", ", and", "or", "and the", ", the", ", and the":
		return true
	}
	return false
}

// locativeWords are the locatives as written, for mayBeGoverned;
// placePreps the prepositions that make a town count for the article's
// place.
var (
	locativeWords = []string{"in", "at", "near", "across", "inside", "outside", "throughout", "around", "into", "within"}
	placePreps    = append([]string{"from", "to"}, locativeWords...)
)

// afterPreposition reports whether one of placePreps stands within three
// words before s[i].
func (sc *placeScratch) afterPreposition(i int) bool {
	return sc.wordBefore(i, 0, 3, placePreps)
}

// wordBefore reports whether one of words (lower case) stands within n
// words before s[i], not before s[start].
func (sc *placeScratch) wordBefore(i, start, n int, words []string) bool {
	s := sc.s
	for k := 0; k < n && i > start; k++ {
		for i > start && !isASCIILetterByte(s[i-1]) {
			i--
		}
		e := i
		for i > start && isASCIILetterByte(s[i-1]) {
			i--
		}
		if w := s[i:e]; len(w) >= 2 && len(w) <= 10 {
			for _, l := range words {
				if len(w) == len(l) && strings.EqualFold(w, l) {
					return true
				}
			}
		}
	}
	return false
}

// mayBeGoverned reports whether a locative word stands within a few words
// before one of the mentions lo..hi-1, which spares tokenising sentences
// where no preposition governs a place.
func (sc *placeScratch) mayBeGoverned(lo, hi, start int) bool {
	for _, m := range sc.ments[lo:hi] {
		if sc.wordBefore(m.start, start, 10, locativeWords) {
			return true
		}
	}
	return false
}

// inSentence applies rules 1 and 2 to the mentions lo..hi-1 of sentence sp
// and returns the mention chosen, -1 for none.
func (sc *placeScratch) inSentence(g *gazetteer, sp text.Span, lo, hi int, e *event.Event) int {
	ms := sc.ments[lo:hi]
	sc.prepare(sp, ms)
	toks := sc.toks
	if len(toks) == 0 {
		return -1
	}
	ts := sort.Search(len(toks), func(i int) bool { return toks[i].End > e.Evidence.TriggerStart })
	te := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= e.Evidence.TriggerEnd })
	ts = min(ts, len(toks)-1)
	te = max(te, ts+1)
	cl := sc.clause[ts]
	after, before, near, nearDist := -1, -1, -1, 0
	for i := range ms {
		m := &ms[i]
		if !m.governed || m.t0 < te && m.t1 > ts || insideActor(m, e.Source) || insideActor(m, e.Target) || sc.placeOf(g, lo+i) < 0 {
			continue
		}
		d := m.t0 - te
		if m.t1 <= ts {
			d = ts - m.t1
		}
		if near < 0 || d < nearDist {
			near, nearDist = lo+i, d
		}
		if sc.clause[min(m.t0, len(toks)-1)] != cl {
			continue
		}
		if m.t0 >= te {
			if after < 0 {
				after = lo + i
			}
		} else {
			before = lo + i
		}
	}
	switch {
	case after >= 0:
		return after
	case before >= 0:
		return before
	}
	return near
}

func insideActor(m *mention, a *event.Actor) bool {
	return a != nil && a.End > a.Start && a.Start <= m.start && m.end <= a.End
}

// articlePlace returns the mention of the article's place (rule 3), -1 for
// none.
func (sc *placeScratch) articlePlace(g *gazetteer) int {
	if sc.home != -2 {
		return sc.home
	}
	sc.home = sc.dateline(g)
	if sc.home >= 0 {
		return sc.home
	}
	// The place named most often; on a tie, the one named first. A town
	// counts only after a preposition ("in Howard", not "Howard said"):
	// too many towns are named like people.
	clear(sc.counts)
	counted := func(i int) int32 {
		m := &sc.ments[i]
		p := sc.placeOf(g, i)
		if m.inActor || p < 0 {
			return -1
		}
		if k := g.places[p].kind; (k == kindCity || k == kindSite) && !sc.afterPreposition(m.start) {
			return -1
		}
		return p
	}
	best, bestN := -1, int32(0)
	for i := range sc.ments {
		if p := counted(i); p >= 0 {
			sc.counts[p]++
		}
	}
	for i := range sc.ments {
		if p := counted(i); p >= 0 && sc.counts[p] > bestN {
			best, bestN = i, sc.counts[p]
		}
	}
	sc.home = best
	return best
}

// dateline returns the mention that opens the article as a dateline, -1
// for none: a place name as the first words of the text, followed within a
// few tokens by a dash, with only a qualifier, a date and an agency between
// ("BAGHDAD, Jan 5 (Reuters) -", "KYIV —", "Kharkiv, Ukraine -").
func (sc *placeScratch) dateline(g *gazetteer) int {
	if len(sc.ments) == 0 {
		return -1
	}
	m := &sc.ments[0]
	if strings.TrimSpace(sc.s[:m.start]) != "" || sc.placeOf(g, 0) < 0 {
		return -1
	}
	w := &sc.win
	w.reset(sc.s, m.end, min(len(sc.s), m.end+120))
	for p := 0; p < 12 && w.ensure(p+1); p++ {
		t := &w.toks[p]
		switch {
		case t.Kind == text.Punct && t.Stem == "-" && !w.hyphenAt(p) && (p > 0 || t.Start > m.end):
			return 0
		case t.Kind == text.Number,
			t.Kind == text.Punct && (t.Stem == "," || t.Stem == "." || t.Stem == "(" || t.Stem == ")" || t.Stem == "/"),
			t.Kind == text.Word && (t.Case&text.Capitalized != 0 || monthWords[t.Stem]):
		default:
			return -1
		}
	}
	return -1
}

// location builds the Location of mention m; inText says whether its
// offsets are reported (rules 1 and 2) or -1 (the article's place).
func (sc *placeScratch) location(g *gazetteer, i int, inText bool) *event.Location {
	m := &sc.ments[i]
	p := &g.places[sc.placeOf(g, i)]
	l := &event.Location{
		Name: sc.s[m.start:m.end], Resolved: p.full, Country: p.country, Admin1: p.admin1,
		Lat: p.lat, Lon: p.lon, Precision: placePrecision[p.kind], GeoNameID: p.geonameid,
		Start: -1, End: -1,
	}
	if inText {
		l.Start, l.End = m.start, m.end
	}
	return l
}
