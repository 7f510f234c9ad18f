package enrich

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/text"
)

// Quote is a quotation in an article and who said it.
type Quote struct {
	// Text is the words inside the quotation marks, without a trailing
	// comma; it may span several sentences.
	Text string `json:"text"`
	// Speaker is who the text says spoke, as written ("the source",
	// "Defense Secretary Lloyd Austin", "he"); empty when not said.
	Speaker string `json:"speaker,omitempty"`
	// Anonymous is set for an unnamed speaker ("the source", "a
	// spokesman"); Sector is an anonymous speaker's sector, as in
	// event.Attribution.
	Anonymous bool   `json:"anonymous"`
	Sector    string `json:"sector,omitempty"`
	// Start and End are byte offsets of Text in the article.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Quotes returns the quotations of a, in text order, nil when there are
// none. It normalises a.Text to NFC first, as coder.Coder.Code does, and
// stores it back, so offsets agree with the events'.
//
// A quotation runs from an opening mark (“, «, or a straight " after a
// space) to its closing mark (”, », or a straight " before a space or
// punctuation), within one paragraph: a mark left open at a blank line or by
// a new opening mark is dropped. Its speaker is found after it, when the quotation
// does not end with a period (`“...,” the source said`, `“...?” said Lloyd
// Austin`, `“...,” he told reporters`), or else before it (`Austin said:
// “...”`), with the speech verbs of Attributions and a few more (asked,
// insisted, wrote...); the speaker is classified as in Attributions.
// A quotation without its own speaker that follows, in the same paragraph,
// one whose speaker clause is all that stands between them takes that
// speaker (`“...,” he said. “More.”`). Quotations without a speaker are
// kept only when they look like speech
// (four words or more ending in punctuation), which drops scare quotes.
func Quotes(a *reader.Article) []Quote {
	a.Text = text.Normalize(a.Text)
	s := a.Text
	var out []Quote
	sc := ctxScratchPool.Get().(*ctxScratch)
	defer ctxScratchPool.Put(sc)
	sc.reset(nil)
	toks := sc.toks
	defer func() { sc.toks = toks[:0] }()
	open, openEnd := -1, -1 // the opening mark
	var closer byte         // last byte of the closing mark expected
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				open = -1 // a paragraph ends any quotation
			}
			i++
			continue
		case c == '"':
			// A straight quote opens after a space and before a word,
			// and closes otherwise: a quotation left open by a lost
			// closing mark gives way to the next one.
			opens := (i == 0 || quoteSpace(s[i-1]) || s[i-1] == '(') && i+1 < len(s) && !quoteSpace(s[i+1])
			switch {
			case opens:
				open, openEnd, closer = i, i+1, '"'
			case open >= 0 && closer == '"':
				out = addQuote(s, open, openEnd, i, i+1, &toks, out)
				open = -1
			}
			i++
			continue
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D):
			if s[i+2] == 0x9C { // “
				open, openEnd, closer = i, i+3, 0x9D
			} else if open >= 0 && closer == 0x9D { // ”
				out = addQuote(s, open, openEnd, i, i+3, &toks, out)
				open = -1
			}
			i += 3
			continue
		case c == 0xC2 && i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB):
			if s[i+1] == 0xAB { // «
				open, openEnd, closer = i, i+2, 0xBB
			} else if open >= 0 && closer == 0xBB { // »
				out = addQuote(s, open, openEnd, i, i+2, &toks, out)
				open = -1
			}
			i += 2
			continue
		}
		i++
	}
	for k := range out {
		inheritSector(s, &out[k])
	}
	return out
}

// inheritSector gives a definite anonymous speaker ("the source") the
// sector of the article's last earlier mention of the same kind of speaker
// with a sector word before it ("an administration source"): the text's
// own coreference.
func inheritSector(s string, q *Quote) {
	if !q.Anonymous || q.Sector != "" || !strings.HasPrefix(strings.ToLower(q.Speaker), "the ") {
		return
	}
	fields := strings.Fields(q.Speaker)
	head := strings.ToLower(fields[len(fields)-1])
	before := strings.ToLower(s[:q.Start])
	table := sectorWords
	for end := len(before); end > 0; {
		i := strings.LastIndex(before[:end], " "+head)
		if i < 0 {
			return
		}
		prev := strings.Fields(before[max(0, i-40):i])
		if len(prev) > 0 {
			if sec, ok := table[text.Stem(strings.Trim(prev[len(prev)-1], ",.;:\"'"))]; ok {
				q.Sector = sec
				return
			}
		}
		end = i
	}
}

// quoteVerbs introduce a quotation.
var quoteVerbs = wordSet("said", "says", "told", "tells", "added", "adds", "asked", "asks", "stated", "insisted",
	"explained", "wrote", "writes", "noted", "warned", "stressed", "declared", "continued", "replied",
	"tweeted", "announced", "claimed", "confirmed", "argued", "acknowledged", "remarked", "recalled", "urged")

// maxSpeakerBytes bounds the text searched for a speaker on either side.
const maxSpeakerBytes = 200

// addQuote appends the quotation between the mark [open, openEnd) and the mark
// [cl, clEnd) of s, with its speaker, to out.
func addQuote(s string, open, openEnd, cl, clEnd int, toks *[]text.Token, out []Quote) []Quote {
	lo, hi := openEnd, cl
	for lo < hi && quoteSpace(s[lo]) {
		lo++
	}
	for hi > lo && quoteSpace(s[hi-1]) {
		hi--
	}
	if hi == lo {
		return out
	}
	last := s[hi-1]
	q := Quote{}
	if last != '.' {
		q.Speaker, q.Anonymous, q.Sector = speakerAfter(s, clEnd, toks)
	}
	if q.Speaker == "" {
		q.Speaker, q.Anonymous, q.Sector = speakerBefore(s, open, toks)
	}
	if q.Speaker == "" && len(out) > 0 {
		// `“...,” he said. “More.”`: the quotation goes on with the
		// speaker of the one before it in the paragraph.
		p := &out[len(out)-1]
		if gap := s[p.End:open]; p.Speaker != "" && len(gap) < maxSpeakerBytes/2 &&
			!strings.Contains(gap, "\n") && strings.Contains(gap, p.Speaker) {
			q.Speaker, q.Anonymous, q.Sector = p.Speaker, p.Anonymous, p.Sector
		}
	}
	if q.Speaker == "" && (strings.Count(s[lo:hi], " ") < 3 || !strings.ContainsRune(".,!?", rune(last))) {
		return out
	}
	if last == ',' {
		hi--
	}
	q.Text, q.Start, q.End = s[lo:hi], lo, hi
	return append(out, q)
}

func quoteSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// speakerAfter finds the speaker in the words after a quotation that ends at
// from: "the source said", "said Lloyd Austin".
func speakerAfter(s string, from int, toks *[]text.Token) (string, bool, string) {
	end := min(len(s), from+maxSpeakerBytes)
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end--
	}
	if nl := strings.IndexByte(s[from:end], '\n'); nl >= 0 {
		end = from + nl
	}
	ts := text.Tokenize(s, text.Span{Start: from, End: end}, (*toks)[:0])
	*toks = ts
	// Up to the end of the sentence.
	for k, t := range ts {
		if t.Kind == text.Punct && (t.Stem == "." || t.Stem == "!" || t.Stem == "?" || t.Stem == "\"") {
			ts = ts[:k]
			break
		}
	}
	for k := 0; k < len(ts) && k <= maxNP; k++ {
		if ts[k].Kind != text.Word || !quoteVerbs[lowerWord(s, ts[k])] {
			continue
		}
		if k == 0 {
			st, en := forwardNP(s, ts, 1)
			if en == st {
				return "", false, ""
			}
			return speakerOf(s, ts, st, en)
		}
		j := skipAdverbsBack(s, ts, k)
		if j > 0 && backNP(s, ts, j) == 0 {
			return speakerOf(s, ts, 0, j)
		}
		// "Thomas Dawson, an IMF director, said": the name before the
		// apposition.
		if j > 2 && ts[j-1].Stem == "," {
			for c := j - 2; c > 0; c-- {
				if ts[c].Stem == "," {
					if backNP(s, ts, c) == 0 && backNP(s, ts, j-1) == c+1 {
						return speakerOf(s, ts, 0, c)
					}
					break
				}
			}
		}
		return "", false, ""
	}
	return "", false, ""
}

// speakerBefore finds the speaker in the words before a quotation that
// opens at to, in the same paragraph: "Austin said: “...”".
func speakerBefore(s string, to int, toks *[]text.Token) (string, bool, string) {
	lo := max(0, to-maxSpeakerBytes, strings.LastIndexByte(s[:to], '\n')+1)
	for lo < to && !utf8.RuneStart(s[lo]) {
		lo++
	}
	if lo > 0 && !quoteSpace(s[lo-1]) {
		// Skip a word cut in two.
		for lo < to && !quoteSpace(s[lo]) {
			lo++
		}
	}
	ts := text.Tokenize(s, text.Span{Start: lo, End: to}, (*toks)[:0])
	*toks = ts
	k := len(ts) - 1
	if k >= 0 && (ts[k].Stem == ":" || ts[k].Stem == ",") {
		k--
	}
	// The verb may have an object or a phrase after it: "told reporters:",
	// "said in a statement:".
	for v := k; v >= 0 && v >= k-5; v-- {
		if ts[v].Kind == text.Word && quoteVerbs[lowerWord(s, ts[v])] {
			for m := v + 1; m <= k; m++ {
				if !npToken(s, ts, m) && !npStop[lowerWord(s, ts[m])] {
					return "", false, ""
				}
			}
			j := skipAdverbsBack(s, ts, v)
			if st := backNP(s, ts, j); st < j {
				return speakerOf(s, ts, st, j)
			}
			return "", false, ""
		}
	}
	return "", false, ""
}

// speakerOf describes the speaker phrase toks[start:end].
func speakerOf(s string, toks []text.Token, start, end int) (string, bool, string) {
	cl := classify(s, toks, start, end)
	return s[toks[start].Start:toks[end-1].End], cl.anonymous, cl.sector
}
