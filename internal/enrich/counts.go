package enrich

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/text"
)

// Counts attaches to each event the numbers of its sentence, GDELT
// GKG-style. Every count of a sentence goes to every event of that
// sentence, in text order: cheap and predictable, at the price of an event
// sometimes carrying a number that belongs to its neighbour. Each event gets
// its own slice. a is not read: the events carry their sentences.
//
// A number counts only when a countable noun or a casualty verb governs it
// in the sentence:
//
//	about 150 strikes                      attacks 150, approximate, object "strikes"
//	2,500 troops, a few hundred soldiers   troops
//	killing 6 civilians, including 2 women killed 6 civilians; a number after "including"
//	                                       or "among them" is a part, not counted again
//	at least 156 people were killed        killed 156 (a bound: not approximate)
//	twelve were wounded, 3 hostages        wounded 12, kidnapped 3 (no object)
//
// Not counted: measures and names ("a 24-hour strike", "the 12 member
// states", "G-7", ranges "100-120"), dates ("11 September attacks"), years
// after a preposition, singular nouns after a number above one, -ing forms
// ("three striking locals"), capitalised nouns other than a plural before
// a casualty verb ("six Palestinians were killed"), known people ("the two
// men"), and groups counted without a casualty verb ("370,000 workers").
//
// Kinds: killed, wounded, arrested, kidnapped, displaced (from the verb or
// the noun: dead, deaths, injured, detainees, hostages, refugees), attacks
// (strikes, attacks, raids, rockets, missiles, bombings, drones), troops
// (troops, soldiers, forces, personnel), protesters (protesters,
// demonstrators), and other (people, civilians, homes... without a casualty
// verb). A casualty verb wins over a people noun ("killed 5 soldiers" is
// killed), never over an attack noun.
//
// Numbers are digits ("2,500", "3.5 million"), the words one to ninety
// ("twenty-five"), "a hundred", "two thousand", "a dozen" (12) and these
// vague amounts, all approximate: "a few hundred" and "several hundred" 300
// (thousand: 3000, dozen: 36), "hundreds" 200, "dozens" 24, "scores" 40,
// "thousands" 2000, "tens of thousands" 20000, "hundreds of thousands"
// 200000, "millions" 2000000. "about", "around", "nearly", "almost",
// "roughly", "some", "an estimated" and "up to" make a number approximate;
// "at least", "more than" and "over" are bounds and do not.
func Counts(a *reader.Article, es []event.Event) {
	sc := ctxScratchPool.Get().(*ctxScratch)
	defer ctxScratchPool.Put(sc)
	// The sentences Attributions tokenized for a, unless this scratch
	// holds another article's (or too many, when called alone).
	if sc.art != a || len(sc.sents) > 256 {
		sc.reset(a)
	}
	sc.next = 0
	last := -1
	for i := range es {
		e := &es[i]
		if i == 0 || e.Evidence.SentenceIndex != last {
			last = e.Evidence.SentenceIndex
			sc.counts = sc.counts[:0]
			if s := e.Evidence.Sentence; mayHoldNumber(s) {
				sc.counts = sentenceCounts(s, sc.tokens(s), sc.counts)
			}
		}
		cs := sc.counts
		if len(cs) == 0 {
			continue
		}
		e.Counts = make([]event.Count, len(cs))
		for j, c := range cs {
			c.Start += e.Evidence.SentenceStart
			c.End += e.Evidence.SentenceStart
			e.Counts[j] = c
		}
	}
}

// mayHoldNumber is the byte-scan prefilter of Counts: a digit or a number
// word.
func mayHoldNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			return true
		}
	}
	return numberFilter.index(s) >= 0
}

var (
	// numberUnits are the number words of one token.
	numberUnits = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
	numberMultipliers = map[string]float64{"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12}
	// vagueAmounts are plural amounts, approximate by convention.
	vagueAmounts = map[string]int{"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2000000, "scores": 40}
	numberFilter = newWordFilter(numberWords)
	// numberWords is the prefilter's list.
	numberWords = func() map[string]bool {
		ws := []string{"tens", "dozen", "hundred", "thousand", "million"}
		for w := range numberUnits {
			ws = append(ws, w)
		}
		for w := range vagueAmounts {
			ws = append(ws, w)
		}
		wordSet("a", "an", "several", "few", "couple", "half", "billion") // title forms
		return wordSet(ws...)
	}()
)

// numberAt parses the number expression at toks[i]: its value, whether it
// is vague ("hundreds"), and the index of the token after it.
func numberAt(s string, toks []text.Token, i int) (n int, approx bool, end int, ok bool) {
	t := toks[i]
	next := func(k int) string {
		if k < len(toks) && toks[k].Kind != text.Punct {
			return lowerWord(s, toks[k])
		}
		return ""
	}
	mult := func(v float64, k int) (int, int, bool) {
		if m, ok := numberMultipliers[next(k)]; ok {
			v *= m
			k++
		}
		if v != float64(int64(v)) || v <= 0 || v > 1e12 {
			return 0, k, false
		}
		return int(v), k, true
	}
	if t.Kind == text.Number {
		v, err := strconv.ParseFloat(t.Stem, 64)
		if err != nil {
			return 0, false, i, false
		}
		n, end, ok = mult(v, i+1)
		return n, false, end, ok
	}
	if t.Kind != text.Word {
		return 0, false, i, false
	}
	w := lowerWord(s, t)
	switch w {
	case "a", "an":
		switch nw := next(i + 1); nw {
		case "dozen", "hundred", "thousand", "million":
			return int(numberMultipliers[nw]), false, i + 2, true
		case "few", "couple":
			if m, ok := numberMultipliers[next(i+2)]; ok {
				f := 3.0
				if nw == "couple" {
					f = 2
				}
				return int(f * m), true, i + 3, true
			}
		}
	case "several", "few":
		if m, ok := numberMultipliers[next(i+1)]; ok {
			return int(3 * m), true, i + 2, true
		}
	case "half":
		if next(i+1) == "a" && next(i+2) == "dozen" {
			return 6, true, i + 3, true
		}
	case "tens":
		if next(i+1) == "of" && next(i+2) == "thousands" {
			return 20000, true, i + 3, true
		}
	}
	if v, ok := vagueAmounts[w]; ok {
		if w == "hundreds" && next(i+1) == "of" && next(i+2) == "thousands" {
			return 200000, true, i + 3, true
		}
		if w == "scores" && next(i+1) != "of" {
			return 0, false, i, false
		}
		return v, true, i + 1, true
	}
	v, isUnit := numberUnits[w]
	if !isUnit {
		return 0, false, i, false
	}
	k := i + 1
	// "twenty-five"
	if v >= 20 && k+1 < len(toks) && toks[k].Stem == "-" {
		if u, ok := numberUnits[next(k+1)]; ok && u < 10 {
			v, k = v+u, k+2
		}
	}
	n, end, ok = mult(float64(v), k)
	return n, false, end, ok
}

// Count nouns and verbs, by stem, with their kind. people are counted as
// other unless a casualty verb says what happened to them.
var (
	nounKinds = func() map[string]string {
		m := map[string]string{}
		for kind, ws := range map[string][]string{
			"attacks":    {"strike", "airstrike", "counterstrike", "attack", "raid", "airraid", "rocket", "missile", "bombing", "shell", "mortar", "drone", "sortie", "sorties"},
			"troops":     {"troop", "soldier", "force", "personnel", "marine", "serviceman", "servicemen", "peacekeeper", "paratrooper", "reservist"},
			"protesters": {"protester", "protestor", "demonstrator", "marcher", "rioter"},
			"killed":     {"dead", "death", "fatality", "body", "killed"},
			"wounded":    {"wounded", "injured", "injury"},
			"arrested":   {"arrest", "detainee", "arrested", "detained"},
			"kidnapped":  {"hostage", "abductee", "kidnapped", "abducted"},
			"displaced":  {"refugee", "displaced", "evacuee"},
			"people": {"people", "person", "civilian", "child", "children", "woman", "women", "man", "men", "resident",
				"villager", "migrant", "bystander", "teenager", "boy", "girl", "pilgrim", "worshipper"},
			// Counted only with a casualty verb: "killed 3 workers", not
			// "a contract covering 370,000 workers".
			"subject": {"militant", "fighter", "rebel", "insurgent", "jihadist", "terrorist", "policeman", "policemen",
				"police", "officer", "student", "worker", "journalist", "passenger", "citizen", "national", "family",
				"member", "others", "prisoner", "guard", "settler", "gunman", "gunmen", "official", "employee",
				"tourist", "foreigner", "diplomat", "activist", "crew", "sailor", "miner", "farmer", "doctor", "nurse"},
			"other": {"home", "house", "building", "village"},
		} {
			for _, w := range ws {
				m[text.Stem(w)] = kind
			}
		}
		return m
	}()
	verbKinds = func() map[string]string {
		m := map[string]string{}
		for kind, ws := range map[string][]string{
			"killed":    {"kill", "die", "dead", "slay", "slain", "murder", "execute", "behead", "massacre"},
			"wounded":   {"wound", "injure", "hurt", "maim"},
			"arrested":  {"arrest", "detain", "jail", "imprison", "capture", "apprehend"},
			"kidnapped": {"kidnap", "abduct"},
			"displaced": {"displace", "evacuate", "flee", "uproot", "expel"},
		} {
			for _, w := range ws {
				m[text.Stem(w)] = kind
			}
		}
		return m
	}()
	// participleKinds are nouns that are the casualty itself ("5 dead",
	// "12 injured"): they have no object.
	participleKinds = stemWords("dead", "killed", "wounded", "injured", "arrested", "detained", "kidnapped",
		"abducted", "displaced")
	// countBounds precede a number without making it approximate; countApprox
	// make it approximate.
	countBounds = wordSet("least", "than", "over", "most")
	countApprox = wordSet("about", "around", "nearly", "almost", "roughly", "approximately", "some", "estimated", "approx")
	// partOf marks a number that is part of one already counted.
	partOf = wordSet("including", "includes", "included", "among")
	// countAux may stand between a counted noun and its verb.
	countAux = wordSet("were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly",
		"also", "all", "later", "allegedly", "got", "left", "believed", "confirmed", "feared")
	// measureWords after a number make it a measure, not a count: "a 24-hour
	// strike", "the 12 member states", "three week strike".
	measureWords = stemWords("hour", "day", "week", "month", "year", "minute", "man", "member", "seat", "mile", "kilometre",
		"kilometer", "km", "metre", "meter", "foot", "feet", "ton", "tonne", "point", "percent", "pct", "cent",
		"dollar", "dlrs", "mln", "bln", "share", "time", "inch", "acre", "page", "round", "storey", "nation",
		"party", "state", "country", "per")
	// irregularPlurals count as plural without a final s.
	irregularPlurals = wordSet("people", "men", "women", "children", "police", "personnel", "gunmen", "policemen",
		"servicemen", "crew", "dead", "wounded", "injured", "killed", "displaced", "arrested", "detained",
		"kidnapped", "abducted")
	stemTake, stemHostage, stemToll = text.Stem("take"), text.Stem("hostage"), text.Stem("toll")
	countMonths                     = stemWords("january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec")
	// yearPreps before a four-digit number make it a year.
	yearPreps = wordSet("in", "since", "by", "until", "from", "of", "to", "between", "and", "before", "after", "during")
)

// sentenceCounts appends the counts of sentence s (tokens toks) to out,
// with offsets into s.
func sentenceCounts(s string, toks []text.Token, out []event.Count) []event.Count {
	for i := 0; i < len(toks); i++ {
		n, approx, end, ok := numberAt(s, toks, i)
		if !ok {
			continue
		}
		lo := i // first token of the count's text
		if lo > 0 && countApprox[lowerWord(s, toks[lo-1])] {
			approx = true
			lo--
			if lo > 0 && (lowerWord(s, toks[lo]) == "estimated" && npDeterminers[lowerWord(s, toks[lo-1])]) {
				lo--
			}
		} else if lo > 1 && lowerWord(s, toks[lo-1]) == "to" && lowerWord(s, toks[lo-2]) == "up" {
			approx = true
			lo -= 2
		} else if lo > 0 && countBounds[lowerWord(s, toks[lo-1])] {
			lo--
			if w := lowerWord(s, toks[lo]); (w == "least" || w == "than" || w == "most") && lo > 0 {
				lo--
			}
		}
		start := i
		i = end - 1
		if lo > 0 && partOf[lowerWord(s, toks[lo-1])] ||
			lo > 1 && (lowerWord(s, toks[lo-1]) == "them" || lowerWord(s, toks[lo-1]) == "whom") && partOf[lowerWord(s, toks[lo-2])] {
			continue // "including 2 women", "among them 4 children"
		}
		if toks[start].Kind == text.Number && end == start+1 && countIsYear(toks[start].Stem) &&
			(start == 0 || yearPreps[lowerWord(s, toks[start-1])]) {
			continue
		}
		// "G-7", "a 24-hour strike", "twelve-member": part of a name or
		// a measure.
		if start > 0 && joinedHyphen(s, toks[start-1], toks[start]) || end < len(toks) && joinedHyphen(s, toks[end], toks[end-1]) {
			continue
		}
		// "11 September attacks", "Sept. 11 attacks": a date.
		if start > 0 && countMonths[toks[start-1].Stem] || end < len(toks) && countMonths[toks[end].Stem] {
			continue
		}
		c, hi, ok := counted(s, toks, lo, end, n)
		if !ok {
			continue
		}
		if hi > end {
			i = hi - 1
		}
		c.Number, c.Approximate = n, approx
		out = append(out, c)
	}
	return out
}

// joinedHyphen reports whether h is a hyphen written against t, before or
// after it.
func joinedHyphen(s string, h, t text.Token) bool {
	return s[h.Start] == '-' && (h.End == t.Start || t.End == h.Start)
}

func countIsYear(digits string) bool {
	if len(digits) != 4 {
		return false
	}
	y, _ := strconv.Atoi(digits)
	return y >= 1800 && y <= 2100
}

// counted finds what the number expression toks[lo:end] counts: the noun
// after it and a casualty verb before the expression or after the noun. It
// returns the count without its number and the index after its text.
func counted(s string, toks []text.Token, lo, end, n int) (event.Count, int, bool) {
	j := end
	if j < len(toks) && lowerWord(s, toks[j]) == "of" {
		j++
	}
	// The noun: after up to three modifiers ("Israeli", "drone", "US-led");
	// the last of a run of count nouns ("civilian deaths"). A capitalised
	// plural ends the search as a people noun that a verb must confirm:
	// "six Palestinians were killed".
	head, named := -1, false
	for k := j; k < len(toks) && k < j+4; k++ {
		t := toks[k]
		if t.Kind == text.Punct {
			if t.Stem == "-" && k > j {
				continue
			}
			break
		}
		if t.Kind != text.Word {
			break
		}
		if countNoun(s, toks, k, n) {
			head = k
			for head+1 < len(toks) && countNoun(s, toks, head+1, n) && !participleKinds[toks[head+1].Stem] {
				head++
			}
			break
		}
		lw := lowerWord(s, t)
		if measureWords[t.Stem] || npDeterminers[lw] || npPreps[lw] || npStop[lw] || verbKinds[t.Stem] != "" {
			break
		}
		if t.Case&text.Capitalized != 0 && k > 0 && lw[len(lw)-1] == 's' && k+1 < len(toks) &&
			(countAux[lowerWord(s, toks[k+1])] || verbKinds[toks[k+1].Stem] != "") {
			head, named = k, true
			break
		}
	}
	hi := end
	kind, object := "", ""
	if head >= 0 {
		kind, hi = nounKinds[toks[head].Stem], head+1
		if named {
			kind = "subject"
		}
		if !participleKinds[toks[head].Stem] {
			object = toks[head].Text(s)
		}
	}
	// A casualty verb before the number ("killing 6 civilians") or after
	// the noun ("156 people were killed").
	verb, vlo := "", lo
	if lo > 0 && toks[lo-1].Kind == text.Word {
		if v := verbKinds[toks[lo-1].Stem]; v != "" {
			verb, vlo = v, lo-1
		}
	}
	if lo > 2 && lowerWord(s, toks[lo-1]) == "of" && lowerWord(s, toks[lo-2]) == "lives" {
		verb, vlo = "killed", lo-2 // "claimed the lives of 12"
	}
	if lo > 1 && lowerWord(s, toks[lo-1]) == "to" {
		for k := lo - 2; k >= 0 && k >= lo-5; k-- {
			if toks[k].Stem == stemToll {
				verb = "killed" // "the death toll rose to 40"
				break
			}
		}
	}
	vhi := hi
	if verb == "" || head >= 0 {
		k := hi
		for k < len(toks) && k < hi+3 && countAux[lowerWord(s, toks[k])] {
			k++
		}
		if k < len(toks) && (k > hi || head >= 0) {
			if v := verbKinds[toks[k].Stem]; v != "" {
				verb, vlo, vhi = v, lo, k+1
			} else if toks[k].Stem == stemTake && k+1 < len(toks) && toks[k+1].Stem == stemHostage {
				verb, vlo, vhi = "kidnapped", lo, k+2
			}
		}
	}
	switch {
	case head < 0:
		// Without a noun only a verb makes a count, and only when nothing
		// that could be another noun follows the number: "killing 12 and
		// wounding 30", "12 were killed", not "killed 3 days ago".
		if verb == "" {
			return event.Count{}, 0, false
		}
		if end < len(toks) && vhi <= end && toks[end].Kind == text.Word && !npStop[lowerWord(s, toks[end])] && !npPreps[lowerWord(s, toks[end])] {
			return event.Count{}, 0, false
		}
		kind = verb
	case kind == "people" || kind == "subject" || kind == "troops" || kind == "protesters" || kind == "other":
		switch {
		case verb != "":
			kind = verb
		case kind == "people":
			if lo > 0 && (npDeterminers[lowerWord(s, toks[lo-1])] || lowerWord(s, toks[lo-1]) == "other") {
				return event.Count{}, 0, false // "the two men": people known, not counted
			}
			kind = "other"
		case kind == "subject":
			return event.Count{}, 0, false
		}
	default:
		verb = "" // the noun says it all: keep the verb out of the text
	}
	if verb == "" {
		vlo, vhi = lo, hi
	}
	lo, hi = min(lo, vlo), max(hi, vhi)
	return event.Count{Kind: kind, Object: object, Text: s[toks[lo].Start:toks[hi-1].End],
		Start: toks[lo].Start, End: toks[hi-1].End}, hi, true
}

// countNoun reports whether toks[k] is a noun that counts n things: a
// lower-case noun of nounKinds, plural unless n is 1 ("the 12 member
// states" counts no members), not an -ing form ("three striking locals").
func countNoun(s string, toks []text.Token, k, n int) bool {
	t := toks[k]
	if t.Kind != text.Word || nounKinds[t.Stem] == "" {
		return false
	}
	if t.Case&text.Capitalized != 0 && k > 0 {
		return false // a name: "two United Auto Workers locals"
	}
	lw := lowerWord(s, t)
	if t.Case&text.VerbForm != 0 && !participleKinds[t.Stem] {
		return false
	}
	if strings.HasSuffix(lw, "ing") {
		return false
	}
	return n == 1 || lw[len(lw)-1] == 's' || irregularPlurals[lw]
}
