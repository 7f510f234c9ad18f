package dict

// Readers for the PETRARCH dictionaries (the Phoenix set: actors, agents,
// discards and CAMEO verb patterns), converted into the Dictionary model.
// The TABARI formats (tabari.go) share most of this file's machinery:
// PETRARCH grew out of TABARI and reads TABARI-style actors and agents.
//
// What maps:
//   - an actor's name and "+" synonyms become its phrases, "_" read as a
//     space and the capitals of the files turned into the case of news text
//     (properName), so sitrep's case rule applies ("US" stays in capitals);
//   - one undated code: a state code ("[AFG]") gives a Country actor, a
//     longer code an Org whose country is the first three letters when they
//     are a state code ("[AFGMIL]": AFG, sector MIL) and whose sectors are
//     the following three-letter groups; a state code is a CAMEO country or
//     region code, or any three capitals that are no sector or religion
//     code, as dictionaries define their own (stateCode);
//   - dated or several codes give a Person with one Role per code: ">D" is
//     From, "<D" is To, "D1-D2" both (inclusive, as in PETRARCH); undated
//     codes are the default and come last. Dates are YYYYMMDD or YYMMDD
//     (00–30 → 20YY, 31–99 → 19YY: twoDigitPivot; a range's two-digit start
//     after its end is a century earlier: 270101-730717 is 1927–1973); a day
//     past its month's end (0931) is the month's last day (Stats.Clamped);
//   - "[###]" (TABARI) and the discards file give Dictionary.Discards;
//   - agents "NOUN [~CODE]" / "[CODE~]" give Agent entries, with their
//     {irregular plurals} and PETRARCH's !SUBSTITUTION! sets expanded;
//     PETRARCH's head a compound after their "of" or "in" (Actor.Heads);
//   - verbs give verb entries with their (or their block's) code, every
//     irregular form whose stem differs; a pattern "- W1 * W2 + [code]"
//     gives verb entries whose words are its words with the verb at "*":
//     a space between words is a gap (sitrep's "*": up to four tokens), "_"
//     joins adjacent words, "&SYNSET" and TABARI's "{ A | B }" expand to
//     alternatives, "$", "+" and "%" are actor slots (Verb.Slots: the
//     source, the target, a compound acting on itself) before, between or
//     after the pattern's words, "^" a noun phrase to skip (between words,
//     a gap); a trailing "+" also sets TargetAfter, an inner one
//     TargetInside; pattern lines are Patterned, and all legacy verbs
//     Legacy (the coder codes the first verb of a clause); PETRARCH's are
//     Parsed (their object is found as on a parse);
//   - TABARI names match as prefixes of a word's letters unless they end
//     with "_" (Phrase.Prefix) or "=" (Phrase.Exact: the word as written),
//     whatever the case of the text (Phrase.LooseCase);
//   - PETRARCH does no stemming: its words match whole (Phrase.Whole,
//     Verb.Whole), in the forms its dictionaries give and those it
//     generates: a verb's regular forms unless braces list them
//     (regularForms), an agent's and a synset member's regular plural
//     unless braces give it or "_" refuses it (nounPlural).
//
// Dated null and discard codes are roles (NullCode, DiscardCode): "[---
// <950630] [DOL]" names no actor until then, "[USR <911226] [###]" makes a
// sentence a discard after then; a TABARI name's space lets up to four
// tokens stand between its words (Phrase.Gaps), "_" does not; codes may
// end in one or two capital letters ("174K").
//
// What is skipped and counted in Stats.SkippedBy: actors with the null code
// "[---]" (undated), compound codes "[A/B]" or no code; TABARI <NOUN>/<ADJECTIVE>
// lists and the <TIME> entries that are not discards (their date shifts,
// "[-7]"; a <TIME> phrase coded "[###]" or "[+++]" is a discard, see
// parseTabariVerbs); patterns with the null code, several "+", "$" or "*",
// codes flagged "!" or "?", "###" (discard) patterns, and patterns
// expanding to more than maxLegacyExpansions phrases. A paired code
// "[032:033]" gives Code 032 and Reverse 033 (the target's reverse event),
// and every legacy verb is Literal: coded as written, as TABARI and
// PETRARCH code it. TABARI's verb and pattern words match as prefixes of a
// token unless "_" ends them ("ACCUS" matches "accused", "accusation"), and
// "~_" joins a prefix word to the next (see lexPattern, PrefixMark); a word
// "_" closes matches by its letters, as written or, for the verb itself,
// with a regular verb ending, and a word "=" ends as written (ClosedMark,
// ExactMark, EndingsMark).

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/ontology"
)

// dialect says which program's conventions a legacy file follows; they
// differ in how comments are written.
type dialect uint8

const (
	petrarch dialect = iota // "#" starts a comment anywhere, ";" too
	tabari                  // ";" starts a comment; "#" only at the start of a line ("[###]" is a code)
)

// legacy holds the state shared by the readers of one legacy file.
type legacy struct {
	name string
	dl   dialect
	d    *Dictionary
	st   Stats
	errs ErrorList
}

func newLegacy(name string, dl dialect, f Format) *legacy {
	return &legacy{name: name, dl: dl, d: &Dictionary{}, st: Stats{File: name, Format: f}}
}

func (l *legacy) bad(line int, format string, args ...any) {
	l.errs = append(l.errs, &ParseError{File: l.name, Line: line, Err: fmt.Errorf(format, args...)})
}

// skip counts an entry or pattern sitrep cannot express, by reason.
func (l *legacy) skip(reason string) {
	if l.st.SkippedBy == nil {
		l.st.SkippedBy = map[string]int{}
	}
	l.st.SkippedBy[reason]++
}

// reject records why the entry raw at line is not loaded: an errSkip is a
// counted skip, any other error a malformed line ("what raw: err").
func (l *legacy) reject(line int, what, raw string, err error) {
	var sk errSkip
	if errors.As(err, &sk) {
		l.skip(string(sk))
		l.st.Skipped++
		return
	}
	l.bad(line, "%s %q: %v", what, raw, err)
}

// rule is the Rule of entries from line: "file:line".
func (l *legacy) rule(line int) string { return l.name + ":" + strconv.Itoa(line) }

// finish returns the dictionary, its statistics and the errors.
func (l *legacy) finish(entries int) (*Dictionary, Stats, error) {
	l.st.Errors = len(l.errs)
	l.d.Files = append(l.d.Files, FileStats{Name: l.name, Kind: l.st.Format.String(), Entries: entries,
		Phrases: len(l.d.Phrases) + len(l.d.Verbs) + len(l.d.Discards), Rows: l.st.Rows})
	return l.d, l.st, l.errs.Err()
}

// lines calls fn with each line of content, its comment removed, and its
// 1-based number, until the end or an end marker ("~~FINISH", "---STOP---").
// Comment lines are left out; lines blank once a trailing comment is gone
// are passed as "".
func (l *legacy) lines(content string, fn func(n int, line string)) {
	content = strings.TrimPrefix(content, "\ufeff")
	for n := 1; content != ""; n++ {
		line := content
		if i := strings.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			content = ""
		}
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "~~FINISH") || strings.HasPrefix(t, "---STOP---") {
			return
		}
		if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "<!") {
			continue
		}
		if l.dl == petrarch {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
		}
		if i := strings.IndexByte(line, ';'); i >= 0 {
			line = line[:i]
		}
		fn(n, strings.TrimRightFunc(line, unicode.IsSpace))
	}
}

// ---- dates and codes ----

// twoDigitPivot: a two-digit year YY up to it is 20YY, above it 19YY. It is
// the KEDS/TABARI/PETRARCH convention (PETRreader.dstr_to_ordate), so years
// are read as the dictionaries' authors meant them; write YYYYMMDD for
// dates after 2030. Go's time.Parse "06" pivots at 68 instead, which would
// read the birth-year starts in CountryInfo ("[AFGELI 470101-790327]") as
// 2047: dates are parsed by hand here, never by a generic parser.
const twoDigitPivot = 30

// legacyDate converts YYMMDD or YYYYMMDD to YYYY-MM-DD. short reports a
// two-digit year. A day past the end of its month ("0931", common in
// CountryInfo) is read as the month's last day, and clamped says so.
func legacyDate(s string) (date string, short, clamped bool, err error) {
	if (len(s) != 6 && len(s) != 8) || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", false, false, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	var y int
	md := s[len(s)-4:]
	if len(s) == 6 {
		y, _ = strconv.Atoi(s[:2])
		if y <= twoDigitPivot {
			y += 2000
		} else {
			y += 1900
		}
		short = true
	} else {
		y, _ = strconv.Atoi(s[:4])
	}
	m, _ := strconv.Atoi(md[:2])
	dd, _ := strconv.Atoi(md[2:])
	if m < 1 || m > 12 || dd < 1 || dd > 31 {
		return "", false, false, fmt.Errorf("date %q: no such day", s)
	}
	if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); dd > last {
		dd, clamped = last, true
	}
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return string(b), short, clamped, nil
}

// codeSpec is one bracketed actor code with its optional date restriction.
// clamped counts its dates moved to the end of their month.
type codeSpec struct {
	code, from, to string
	clamped        int
}

// parseCodes reads the "[CODE]", "[CODE >YYMMDD]", "[CODE <YYMMDD]" and
// "[CODE YYMMDD-YYMMDD]" groups of s, which holds nothing else.
func parseCodes(s string) ([]codeSpec, error) {
	var out []codeSpec
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return out, nil
		}
		if s[0] != '[' {
			return out, fmt.Errorf("unexpected %q after the codes", s)
		}
		end := strings.IndexAny(s, "]}")
		if end < 0 || s[end] != ']' {
			return out, fmt.Errorf("code %q is not closed with ']'", s)
		}
		c, err := parseCode(s[1:end])
		if err != nil {
			return out, err
		}
		out = append(out, c)
		s = s[end+1:]
	}
}

func parseCode(s string) (codeSpec, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return codeSpec{}, errors.New("empty code []")
	}
	c := codeSpec{code: f[0]}
	if r := c.code[0]; r == '<' || r == '>' || (r >= '0' && r <= '9' && strings.ContainsAny(s, "<>-")) {
		return c, fmt.Errorf("date restriction [%s] has no code", s)
	}
	switch c.code {
	case "---", "###", "+++":
	default:
		for _, r := range c.code {
			// Lower case: the CAMEO ethnic codes ("[abk]").
			if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '/') {
				return c, fmt.Errorf("code %q: want letters and digits", c.code)
			}
		}
	}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, nil
	}
	var short, cl1, cl2 bool
	var err error
	switch {
	case rest[0] == '>':
		c.from, _, cl1, err = legacyDate(rest[1:])
	case rest[0] == '<':
		c.to, _, cl1, err = legacyDate(rest[1:])
	case strings.Count(rest, "-") == 1:
		a, b, _ := strings.Cut(rest, "-")
		c.from, short, cl1, err = legacyDate(a)
		if err == nil {
			c.to, _, cl2, err = legacyDate(b)
		}
		// "[KRVELI 240315-680909]": the person was an elite from 1924, not
		// 2024 ("[TRNELI 970612-330405]": from 1897). A two-digit start
		// after the end is a century earlier, when that makes a role of
		// less than a century; otherwise ("121207-120802") it is an error.
		if err == nil && short && c.from > c.to {
			y, _ := strconv.Atoi(c.from[:4])
			yTo, _ := strconv.Atoi(c.to[:4])
			if shifted := strconv.Itoa(y-100) + c.from[4:]; shifted <= c.to && yTo-(y-100) < 99 {
				c.from = shifted
			}
		}
		if err == nil && c.from > c.to {
			err = fmt.Errorf("role ends (%s) before it starts (%s)", c.to, c.from)
		}
	default:
		err = fmt.Errorf("date restriction %q: want >YYMMDD, <YYMMDD or YYMMDD-YYMMDD", rest)
	}
	if err != nil {
		return c, fmt.Errorf("code %s: %w", c.code, err)
	}
	if cl1 {
		c.clamped++
	}
	if cl2 {
		c.clamped++
	}
	return c, nil
}

// isCountry reports whether code is a CAMEO country or region code.
func isCountry(code string) bool {
	_, ok := ontology.Country(code)
	return ok
}

// stateCode reports whether the three letters code, the first slot of a
// legacy actor code, name a state. A CAMEO country or region code does; so
// does any other code of three capitals that is not a CAMEO sector or
// religion code: PETRARCH and TABARI give the letters no meaning of their
// own and compose agents with whatever code the actor has ("[ARN]" and
// "~GOV" give ARNGOV), so a dictionary defines its own states ("MERROWDALE_
// [MRW]", like the fictional states of the validation suites), and
// sitrep must treat them as states for "Merrowdale's government" to be
// MRWGOV.
func stateCode(code string) bool {
	if len(code) != 3 {
		return false
	}
	if isCountry(code) {
		return true
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	_, sector := ontology.Sector(code)
	_, religion := ontology.Religion(code)
	return !sector && !religion
}

// chunks splits a code into three-letter parts ("GOVAGR" → GOV, AGR),
// keeping only the alphabetic ones.
func chunks(code string) []string {
	var out []string
	for len(code) > 0 {
		n := min(3, len(code))
		part := code[:n]
		code = code[n:]
		if strings.IndexFunc(part, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
			out = append(out, part)
		}
	}
	return out
}

// ---- names ----

// nameParticles are name words written in lower case in running text
// ("bin Laden", "al-Qaeda", "van Rompuy"). Written in lower case, a phrase
// word matches either case, so they are lowered wherever they stand.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true, "del": true, "della": true,
	"der": true, "den": true, "des": true, "di": true, "da": true, "das": true, "dos": true, "du": true,
	"la": true, "le": true, "van": true, "von": true,
}

// functionWords are lowered inside a name ("Bank of America"), not at its
// start ("The Hague").
var functionWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "at": true, "to": true,
	"y": true, "i": true, "e": true, "a": true,
}

// hyphenArticles are lowered when they start a hyphenated name: the Arabic
// article ("Jabhat an-Nusra", "Ahrar ash-Sham", "ad-Dawa").
var hyphenArticles = map[string]bool{
	"an": true, "ar": true, "as": true, "ash": true, "at": true, "ad": true, "az": true, "ud": true, "ul": true, "ur": true, "ed": true, "en": true, "es": true, "et": true,
}

// hyphenParticles are lowered inside hyphenated names ("Mazar-i-Sharif",
// "Abd-ul-Aziz").
var hyphenParticles = map[string]bool{
	"i": true, "e": true, "y": true, "ul": true, "ud": true, "ur": true, "al": true, "el": true,
}

// capsWords are short names that are also common English words: they stay
// in capitals, so that "US" does not match the pronoun (docs/dictionaries.md).
var capsWords = map[string]bool{
	"us": true, "is": true, "it": true, "an": true, "as": true, "be": true, "by": true, "go": true,
	"he": true, "if": true, "me": true, "my": true, "no": true, "or": true, "so": true, "up": true,
	"we": true, "am": true, "in": true, "on": true, "at": true, "to": true, "do": true, "of": true,
}

// legacyWords turns the "_"-joined words of a legacy phrase into words
// separated by single spaces.
func legacyWords(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// properName converts an all-capitals legacy name ("AL-QAEDA_IN_IRAQ_") to
// the case a news text writes it in ("al-Qaeda in Iraq"), which is also the
// case rule sitrep matches with: capitalised words match only capitalised
// text, lower-case words either case, short capitals only capitals. Words
// that already hold a lower-case letter are kept as written.
func properName(raw string) string {
	isSep := func(r rune) bool { return r == '_' || unicode.IsSpace(r) }
	n := 0
	for range strings.FieldsFuncSeq(raw, isSep) {
		n++
	}
	var b strings.Builder
	b.Grow(len(raw))
	i := 0
	for w := range strings.FieldsFuncSeq(raw, isSep) {
		if i > 0 {
			b.WriteByte(' ')
		}
		var buf [8]byte
		lw := lowerShort(w, buf[:0])
		switch {
		case strings.IndexFunc(w, unicode.IsLower) >= 0:
			b.WriteString(w)
		case n > 1 && (nameParticles[string(lw)] || i > 0 && functionWords[string(lw)]):
			b.Write(lw)
		case capsWords[string(lw)]:
			b.WriteString(w) // "US", "US Army": kept in capitals
		default:
			titleWord(&b, w)
		}
		i++
	}
	return b.String()
}

// spaceGaps returns the indexes of the words of a TABARI name that a
// space, not "_", separates from the word before ("COUNCIL
// VELMARSH_HOLD": [1]), counting words as properName does.
func spaceGaps(raw string) []int {
	var gaps []int
	word, space := 0, false
	inWord := false
	for _, r := range strings.TrimSpace(raw) {
		switch {
		case r == '_':
			inWord = false
		case unicode.IsSpace(r):
			inWord, space = false, true
		default:
			if !inWord {
				if word > 0 && space {
					gaps = append(gaps, word)
				}
				word++
				inWord, space = true, false
			}
		}
	}
	return gaps
}

// lowerShort appends w in lower case to buf when w is short ASCII (the
// particle tables hold nothing else), and returns buf unchanged otherwise.
func lowerShort(w string, buf []byte) []byte {
	if len(w) > cap(buf) {
		return buf
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return buf[:0]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// titleWord writes w with each letter run capitalised: "MAZAR-I-SHARIF" →
// "Mazar-i-Sharif", "O'NEILL" → "O'Neill", "IRAQ'S" → "Iraq's".
func titleWord(b *strings.Builder, w string) {
	segs := strings.Count(w, "-") + 1
	for k := 0; k < segs; k++ {
		seg := w
		if i := strings.IndexByte(w, '-'); i >= 0 {
			seg, w = w[:i], w[i+1:]
		}
		if k > 0 {
			b.WriteByte('-')
		}
		var buf [8]byte
		if ls := string(lowerShort(seg, buf[:0])); segs > 1 && k < segs-1 && ls != "" &&
			(nameParticles[ls] || k == 0 && hyphenArticles[ls] || k > 0 && hyphenParticles[ls]) {
			b.WriteString(ls)
			continue
		}
		start := true
		prevApos := false
		for i, r := range seg {
			if !unicode.IsLetter(r) {
				start = true
				prevApos = r == '\'' || r == '’'
				b.WriteRune(r)
				continue
			}
			switch {
			case start && prevApos && runLen(seg[i:]) == 1:
				b.WriteRune(unicode.ToLower(r)) // "'s", "'t"
			case i == 0 && (r == 'D' || r == 'L') && len(seg) > 1 && (seg[1] == '\'' || strings.HasPrefix(seg[1:], "’")):
				b.WriteRune(unicode.ToLower(r)) // "d'Ivoire", "l'Est"
			case start:
				b.WriteRune(unicode.ToUpper(r))
			default:
				b.WriteRune(unicode.ToLower(r))
			}
			start, prevApos = false, false
		}
	}
}

// runLen is the number of letters at the start of s.
func runLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}

// ---- actors ----

type actorEntry struct {
	line  int
	names []string
	codes []codeSpec
}

// parseLegacyActors reads a PETRARCH or TABARI actors file: a primary name
// with optional codes, "+" synonym lines, and indented code lines.
func parseLegacyActors(name, content string, dl dialect, f Format) (*Dictionary, Stats, error) {
	l := newLegacy(name, dl, f)
	var cur *actorEntry
	section := "" // a TABARI <NOUN> or <ADJECTIVE> list: words without codes, for its parser
	entries := 0
	l.lines(content, func(n int, line string) {
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		if t[0] == '<' && t[len(t)-1] == '>' && !strings.ContainsAny(t, " []") {
			l.flushActor(cur, &entries)
			cur = nil
			if strings.HasPrefix(t, "</") {
				section = ""
			} else {
				section = t
			}
			return
		}
		if section != "" {
			l.skip("TABARI " + strings.ToLower(strings.Trim(section, "<>")) + " list entries")
			return
		}
		l.st.Rows++
		switch {
		case t[0] == '[':
			if cur == nil {
				l.bad(n, "code line %q has no actor before it", t)
				return
			}
			codes, err := parseCodes(t)
			cur.codes = append(cur.codes, codes...)
			if err != nil {
				l.bad(n, "%v", err)
			}
		case t[0] == '+':
			if cur == nil {
				l.bad(n, "synonym %q has no actor before it", t)
				return
			}
			nm, codes, err := splitNameCodes(t[1:], dl)
			if err != nil {
				l.bad(n, "%v", err)
			}
			if nm != "" {
				cur.names = append(cur.names, nm)
			}
			cur.codes = append(cur.codes, codes...)
		default:
			l.flushActor(cur, &entries)
			cur = nil
			nm, codes, err := splitNameCodes(t, dl)
			if err != nil {
				l.bad(n, "%v", err)
			}
			if nm == "" {
				if err == nil {
					l.bad(n, "actor line %q has no name", t)
				}
				return
			}
			cur = &actorEntry{line: n, names: []string{nm}, codes: codes}
		}
	})
	l.flushActor(cur, &entries)
	l.st.Actors = entries
	return l.finish(entries)
}

// splitNameCodes splits "NAME_ [CODE] [CODE >YYMMDD]" into the name and the
// codes. Names may hold spaces (kept as word breaks) and "!" or "*" ("YAHOO!",
// "E*TRADE"), not brackets, "|", "<", ">", "=" or "~"; a TABARI name may end
// with "=" (exactName), which is kept.
func splitNameCodes(s string, dl dialect) (string, []codeSpec, error) {
	name, codes := s, ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		name, codes = s[:i], s[i:]
	}
	name = strings.TrimSpace(name)
	bare := name
	if dl == tabari {
		bare, _ = exactName(name)
	}
	if i := strings.IndexAny(bare, "]{}|<>=~"); i >= 0 {
		return "", nil, fmt.Errorf("name %q: unexpected %q", name, name[i])
	}
	if !utf8.ValidString(name) {
		return "", nil, fmt.Errorf("name %q is not valid UTF-8", name)
	}
	cs, err := parseCodes(codes)
	return name, cs, err
}

func (l *legacy) flushActor(e *actorEntry, entries *int) {
	if e == nil {
		return
	}
	var roles []Role
	var undated []string
	discard, null, compound, other := false, false, false, false
	// With dated codes, the null code "---" and the discard code "###"
	// are roles like the others: "[--- <950630] [DOL]" is null-coded (no
	// actor) until then, "[ONO <911226] [###]" a discard after then.
	dated := false
	for _, c := range e.codes {
		dated = dated || c.from != "" || c.to != ""
	}
	for _, c := range e.codes {
		l.st.Clamped += c.clamped
		switch {
		case dated && (c.code == NullCode || c.code == DiscardCode) && c.from == "" && c.to == "":
			undated = append(undated, c.code)
		case dated && (c.code == NullCode || c.code == DiscardCode):
			roles = append(roles, Role{Code: c.code, From: c.from, To: c.to})
		case c.code == "###":
			discard = discard || (c.from == "" && c.to == "")
		case c.code == "---":
			null = true
		case c.code == "+++":
			other = true
		case strings.Contains(c.code, "/"):
			compound = true
		case c.from == "" && c.to == "":
			undated = append(undated, c.code)
		default:
			roles = append(roles, Role{Code: c.code, From: c.from, To: c.to})
		}
	}
	if len(roles) == 0 && len(undated) == 0 {
		switch {
		case discard:
			for _, nm := range e.names {
				l.d.Discards = append(l.d.Discards, legacyWords(nm))
			}
			l.st.Discards += len(e.names)
		case compound:
			l.skip("actors with a compound code (A/B)")
		case null:
			l.skip("actors with the null code (---)")
		case other:
			l.skip("actors with code +++")
		default:
			l.skip("actors without a code")
		}
		return
	}
	phrases := make([]string, 0, len(e.names))
	var prefix []bool
	var gaps [][]int
	var exact []bool
	for _, raw := range e.names {
		raw, eq := exactName(raw)
		if p := properName(raw); p != "" && !slices.Contains(phrases, p) {
			phrases = append(phrases, p)
			// TABARI names match as prefixes unless they end with "_"
			// or "=", and a space between two words lets others stand
			// between.
			prefix = append(prefix, l.dl == tabari && !eq && !strings.HasSuffix(strings.TrimSpace(raw), "_"))
			exact = append(exact, eq)
			var g []int
			if l.dl == tabari {
				g = spaceGaps(raw)
			}
			gaps = append(gaps, g)
		}
	}
	first, _ := exactName(e.names[0])
	first = properName(first)
	if first == "" {
		l.bad(e.line, "actor %q has no name", e.names[0])
		return
	}
	a := Actor{Name: first, Rule: l.rule(e.line), Legacy: true}
	if len(roles) == 0 && len(undated) == 1 {
		code := undated[0]
		a.Code = code
		switch {
		case len(code) == 3 && stateCode(code):
			a.Kind, a.Country = Country, code
		case len(code) > 3 && stateCode(code[:3]):
			a.Kind, a.Country, a.Sectors = Org, code[:3], chunks(code[3:])
		default:
			a.Kind, a.Sectors = Org, chunks(code)
		}
	} else {
		// Dated codes, or several: a person (or a body) whose code
		// depends on the date. The undated codes are the defaults, so
		// they come last (Actor.CodeAt takes the first role that fits).
		for _, c := range undated {
			roles = append(roles, Role{Code: c})
		}
		a.Kind, a.Roles = Person, roles
		a.Code = roles[len(roles)-1].Code
		if len(a.Code) >= 3 && stateCode(a.Code[:3]) {
			a.Country = a.Code[:3]
		}
	}
	l.d.Actors = append(l.d.Actors, a)
	idx := len(l.d.Actors) - 1
	for k, p := range phrases {
		l.d.Phrases = append(l.d.Phrases, Phrase{Text: p, Actor: idx, Prefix: prefix[k], LooseCase: l.dl == tabari, Gaps: gaps[k],
			Whole: l.dl == petrarch || exact[k], Exact: exact[k]})
	}
	l.st.Names += len(phrases)
	*entries++
}

// exactName cuts the "=" that ends a TABARI name or verb ("MOUSE=",
// "BAN="): the word matches only as written, without the regular endings
// that "_" allows ("Mouses", "baned") or the longer words a bare word
// begins. It reports whether the "=" was there.
func exactName(raw string) (string, bool) {
	t := strings.TrimSpace(raw)
	if cut, ok := strings.CutSuffix(t, "="); ok {
		return cut, true
	}
	return raw, false
}

// NullCode and DiscardCode are the codes of a Role that makes its actor
// no actor, or its sentence not coded, on the role's dates (TABARI's and
// PETRARCH's "[--- <950630]" and "[### <890101]").
const (
	NullCode    = "---"
	DiscardCode = "###"
)

// ---- agents ----

// parseLegacyAgents reads a PETRARCH or TABARI agents file: "NOUN [~CODE]"
// (the sector follows the actor: "Iraqi" + "troops" → IRQMIL) or
// "NOUN [CODE~]" (it precedes: IGO), with irregular plurals in {} and, in
// PETRARCH, substitution sets "!PERSON! = MAN, WOMAN" used as
// "CHAIR!PERSON!".
func parseLegacyAgents(name, content string, dl dialect, f Format) (*Dictionary, Stats, error) {
	l := newLegacy(name, dl, f)
	subst := map[string][]string{}
	l.lines(content, func(n int, line string) {
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		if t[0] == '!' && strings.Contains(t, "=") && !strings.Contains(t, "[") {
			k, v, _ := strings.Cut(t, "=")
			k = strings.TrimSpace(k)
			if len(k) < 3 || !strings.HasSuffix(k, "!") || strings.Count(k, "!") != 2 {
				l.bad(n, "substitution set %q: want !NAME! = WORD, WORD", k)
				return
			}
			var members []string
			for _, m := range strings.Split(v, ",") {
				if m = strings.TrimSpace(m); m != "" {
					members = append(members, m)
				}
			}
			if len(members) == 0 {
				l.bad(n, "substitution set %s is empty", k)
				return
			}
			subst[k] = members
			return
		}
		l.st.Rows++
		open := strings.LastIndexByte(t, '[')
		if open < 0 {
			l.bad(n, "agent %q has no [~CODE]", t)
			return
		}
		end := strings.IndexAny(t[open:], "]}")
		if end < 0 || t[open+end] != ']' {
			l.bad(n, "agent code %q is not closed with ']'", t[open:])
			return
		}
		if rest := strings.TrimSpace(t[open+end+1:]); rest != "" {
			l.bad(n, "unexpected %q after the agent code", rest)
			return
		}
		code := strings.Join(strings.Fields(t[open+1:open+end]), "")
		sectors, err := agentSectors(code)
		if err != nil {
			l.bad(n, "%v", err)
			return
		}
		head := t[:open]
		forms := []string{head}
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head, '}')
			if j < i {
				l.bad(n, "plural %q is not closed with '}'", head[i:])
				return
			}
			forms = append([]string{head[:i]}, strings.Fields(head[i+1:j])...)
			if strings.TrimSpace(head[j+1:]) != "" {
				l.bad(n, "unexpected %q after the plural", strings.TrimSpace(head[j+1:]))
				return
			}
		} else if strings.ContainsAny(head, "}]") {
			l.bad(n, "unmatched bracket in agent %q", head)
			return
		} else if dl == petrarch && !strings.Contains(head, "!") {
			// PETRARCH matches whole words and makes the regular plural
			// of an agent without braces; a substitution set lists every
			// form.
			forms = append(forms, nounPlural(strings.ToLower(strings.TrimSpace(head))))
		}
		var phrases []string
		seen := map[string]bool{}
		for _, form := range forms {
			exp, err := substitute(form, subst)
			if err != nil {
				l.bad(n, "%v", err)
				return
			}
			for _, p := range exp {
				p = strings.ToLower(legacyWords(p))
				if p != "" && !seen[p] {
					seen[p] = true
					phrases = append(phrases, p)
				}
			}
		}
		if len(phrases) == 0 {
			l.bad(n, "agent line %q has no noun", t)
			return
		}
		l.d.Actors = append(l.d.Actors, Actor{Kind: Agent, Sectors: sectors, Rule: l.rule(n), Legacy: true,
			Prefix: strings.HasSuffix(code, "~"), Heads: dl == petrarch})
		idx := len(l.d.Actors) - 1
		for _, p := range phrases {
			l.d.Phrases = append(l.d.Phrases, Phrase{Text: p, Actor: idx, Whole: dl == petrarch})
		}
		l.st.Agents++
		l.st.Names += len(phrases)
	})
	return l.finish(l.st.Agents)
}

// nounPlural returns the regular plural PETRARCH generates of an agent
// noun or a synset member in lower case (PETRreader's
// read_agent_dictionary and make_plural), spelt as English spells it: -es
// after a sibilant, -ies for a y after a consonant, -s otherwise ("boss":
// bosses, "army": armies, "envoy": envoys). Irregular plurals are listed
// in braces; "{}" says there is none.
func nounPlural(w string) string {
	switch {
	case sibilant(w):
		return w + "es"
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// withPlural makes the last word of synset member q also match its plural
// (nounPlural): q becomes a form set (formSet) there, and withPlural
// returns nothing more, unless a form is several tokens, when it returns
// the plural member to add.
func withPlural(q []string) [][]string {
	last := q[len(q)-1]
	pl := nounPlural(last)
	if len(wholeKeys(last)) != 1 || len(wholeKeys(pl)) != 1 {
		return [][]string{append(slices.Clone(q[:len(q)-1]), pl)}
	}
	q[len(q)-1] = formSet([]string{last, pl})
	return nil
}

// agentSectors reads "~GOVAGR" or "IGO~" into sector codes.
func agentSectors(code string) ([]string, error) {
	body := strings.Trim(code, "~")
	if strings.Count(code, "~") != 1 || len(body) != len(code)-1 || body == "" {
		return nil, fmt.Errorf("agent code [%s]: want [~CODE] or [CODE~]", code)
	}
	for _, r := range body {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return nil, fmt.Errorf("agent code [%s]: want capital letters", code)
		}
	}
	s := chunks(body)
	if len(s) == 0 {
		return nil, fmt.Errorf("agent code [%s] has no sector", code)
	}
	return s, nil
}

// substitute expands the !NAME! references of s.
func substitute(s string, subst map[string][]string) ([]string, error) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("substitution %q is not closed with '!'", s[i:])
	}
	key := s[i : i+j+2]
	members, ok := subst[key]
	if !ok {
		return nil, fmt.Errorf("substitution set %s is not defined", key)
	}
	rest, err := substitute(s[i+j+2:], subst)
	if err != nil {
		return nil, err
	}
	if len(members)*len(rest) > 1024 {
		return nil, fmt.Errorf("substitutions in %q expand to more than 1024 phrases", s)
	}
	var out []string
	for _, m := range members {
		for _, r := range rest {
			out = append(out, s[:i]+m+r)
		}
	}
	return out, nil
}

// ---- discards ----

// parsePetrarchDiscards reads a PETRARCH discards file: one phrase a line,
// "+" marking a story-level discard. The phrases go to Dictionary.Discards,
// spaces normalised and "+" kept.
func parsePetrarchDiscards(name, content string) (*Dictionary, Stats, error) {
	l := newLegacy(name, petrarch, PetrarchDiscards)
	l.lines(content, func(n int, line string) {
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		l.st.Rows++
		story := strings.HasPrefix(t, "+")
		p := legacyWords(strings.TrimPrefix(t, "+"))
		if p == "" {
			l.bad(n, "discard line %q has no phrase", t)
			return
		}
		if strings.ContainsAny(p, "[]{}") {
			l.bad(n, "discard %q: brackets are not allowed", p)
			return
		}
		if story {
			p = "+" + p
		}
		l.d.Discards = append(l.d.Discards, p)
		l.st.Discards++
	})
	return l.finish(l.st.Discards)
}

// ---- verb patterns ----

// ptok is one element of a PETRARCH or TABARI pattern.
type ptok struct {
	kind byte       // 'w' words, '*' the verb, '$' source, '+' target, '%' compound, '^' skip
	alts [][]string // for 'w': the alternatives, each a run of adjacent words
	gap  bool       // other words may stand between the previous element and this one
	syn  bool       // a synset ("&NAME")
}

// synsets maps a synset name (without "&" and a final "_") to its phrases.
type synsets map[string][][]string

// errSkip marks a pattern sitrep cannot express; its text is the reason.
type errSkip string

func (e errSkip) Error() string { return string(e) }

// lexPattern splits a pattern ("* OUTPOST IN_ + [0874]" without the code)
// into elements. A space lets other words intervene, "_" joins words that
// must be adjacent, "&NAME" is a synset and "{ A | B }" (TABARI) a choice.
// In TABARI's dialect a word matches as a prefix unless "_" ends it, and
// "~_" joins a prefix word to the next ("SHIM~_WOBBLE": "shimmery
// wobble"); a prefix word carries PrefixMark, a word "_" closes
// ClosedMark, a word "=" ends ExactMark. Unsupported constructs
// return an errSkip; malformed ones another error.
func lexPattern(s string, syn synsets, dl dialect) ([]ptok, error) {
	var out []ptok
	gap := false
	add := func(t ptok) {
		t.gap = gap && len(out) > 0
		out = append(out, t)
		gap = false
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			gap = true
			i++
		case c == '_':
			i++
		case c == '*' || c == '$' || c == '+' || c == '%' || c == '^':
			add(ptok{kind: c})
			i++
		case c == '{':
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				return nil, errors.New("'{' is not closed")
			}
			inner := s[i+1 : i+j]
			if strings.ContainsAny(inner, "{[") {
				return nil, errors.New("nested brackets in { }")
			}
			var alts [][]string
			for _, a := range strings.Split(inner, "|") {
				toks, err := lexPattern(a, syn, dl)
				if err != nil {
					return nil, err
				}
				seqs, err := wordsOnly(toks, 64)
				if err != nil {
					return nil, err
				}
				if len(seqs) == 0 {
					return nil, errors.New("empty alternative in { }")
				}
				alts = append(alts, seqs...)
			}
			add(ptok{kind: 'w', alts: alts})
			i += j + 1
		case c == '}' || c == '|' || c == ']':
			return nil, fmt.Errorf("unmatched %q", c)
		case c == '[':
			return nil, errSkip("[ ] inside the pattern")
		case c == '&':
			j := i + 1
			for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			nm := strings.ToUpper(s[i+1 : j])
			members, ok := syn[nm]
			if !ok {
				return nil, fmt.Errorf("synset &%s is not defined", nm)
			}
			if len(members) == 0 {
				return nil, fmt.Errorf("synset &%s has no members", nm)
			}
			add(ptok{kind: 'w', alts: members, syn: true})
			i = j
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t_*$+%^{}|[]&", rune(s[j])) {
				j++
			}
			w := s[i:j]
			prefix, mark := false, ""
			if dl == tabari {
				// "OPPOS" matches "opposed"; "ACT_" only "act", "BAN="
				// only "ban".
				trimmed := strings.TrimRight(w, "~")
				prefix = len(trimmed) < len(w) || j == len(s) || s[j] != '_'
				w = trimmed
				if cut, ok := strings.CutSuffix(w, "="); ok {
					w, prefix, mark = cut, false, ExactMark
				} else if !prefix {
					mark = ClosedMark
				}
			}
			for _, r := range w {
				if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune("'.-’,/()\"", r)) {
					if r == utf8.RuneError {
						return nil, fmt.Errorf("word %q is not valid UTF-8", w)
					}
					return nil, errSkip(fmt.Sprintf("character %q in a word", r))
				}
			}
			w = strings.ToLower(w)
			if prefix && w != "" {
				w += PrefixMark
			}
			if w != "" {
				w += mark
			}
			add(ptok{kind: 'w', alts: [][]string{{w}}})
			i = j
		}
	}
	return out, nil
}

// wordsOnly expands elements that must all be words (a synset member, a
// TABARI verb phrase) into word sequences, "*" marking a gap.
func wordsOnly(toks []ptok, limit int) ([][]string, error) {
	slots := make([]slot, 0, len(toks))
	for _, t := range toks {
		if t.kind != 'w' {
			return nil, errSkip(fmt.Sprintf("%q where only words may stand", t.kind))
		}
		slots = append(slots, slot{alts: t.alts, gap: t.gap})
	}
	seqs, err := expandSlots(slots, limit)
	out := seqs[:0]
	for _, q := range seqs {
		if len(q) > 0 {
			out = append(out, q)
		}
	}
	return out, err
}

// groupSlots is expandSlots without the expansion: one token sequence in
// which a slot with several alternatives is a group token (see Group), which
// Compile expands into the trie. A pattern's verb forms and synsets thus
// cost trie nodes, not one Verb per combination. More than limit
// combinations is still an errSkip.
func groupSlots(slots []slot, limit int) ([][]string, error) {
	n, err := slotCombinations(slots, limit)
	if n == 0 || err != nil {
		return nil, err
	}
	var seq []string
	for _, s := range slots {
		if s.target {
			seq = append(seq, "+")
			continue
		}
		if s.gap && len(seq) > 0 && seq[len(seq)-1] != "*" {
			seq = append(seq, "*")
		}
		if len(s.alts) == 1 {
			seq = append(seq, s.alts[0]...)
			continue
		}
		alts := make([]string, len(s.alts))
		for i, a := range s.alts {
			alts[i] = strings.Join(a, " ")
		}
		seq = append(seq, Group(alts))
	}
	return [][]string{seq}, nil
}

// slotCombinations returns how many word sequences slots stand for; more
// than limit is an errSkip.
func slotCombinations(slots []slot, limit int) (int, error) {
	n := 1
	for _, s := range slots {
		if !s.target {
			n *= len(s.alts)
			if n > limit {
				return 0, errSkip(fmt.Sprintf("expands to more than %d phrases", limit))
			}
		}
	}
	return n, nil
}

// slot is one position of a pattern being expanded.
type slot struct {
	alts   [][]string
	gap    bool
	target bool
}

// expandSlots returns every word sequence of slots, a "*" standing for a
// gap and "+" for the target, the last slot varying fastest; more than
// limit is an errSkip. The sequences share one backing array.
func expandSlots(slots []slot, limit int) ([][]string, error) {
	n, err := slotCombinations(slots, limit)
	if n == 0 || err != nil {
		return nil, err
	}
	idx := make([]int, len(slots))
	// next writes the current combination to buf (nil: only counts) and
	// advances idx, reporting whether there is another.
	next := func(buf []string) ([]string, int, bool) {
		size := 0
		put := func(w ...string) {
			size += len(w)
			if buf != nil {
				buf = append(buf, w...)
			}
		}
		last := ""
		for k, s := range slots {
			if s.target {
				put("+")
				last = "+"
				continue
			}
			a := s.alts[idx[k]]
			if s.gap && size > 0 && last != "*" {
				put("*")
			}
			put(a...)
			if len(a) > 0 {
				last = a[len(a)-1]
			}
		}
		k := len(slots) - 1
		for ; k >= 0; k-- {
			if slots[k].target {
				continue
			}
			if idx[k]++; idx[k] < len(slots[k].alts) {
				break
			}
			idx[k] = 0
		}
		return buf, size, k >= 0
	}
	total := 0
	for more := true; more; {
		var size int
		_, size, more = next(nil)
		total += size
	}
	buf := make([]string, 0, total)
	out := make([][]string, 0, n)
	for more := true; more; {
		start := len(buf)
		buf, _, more = next(buf)
		out = append(out, buf[start:len(buf):len(buf)])
	}
	return out, nil
}

// shape is what a pattern line says beside its words: where its actors
// stand and whether it is a pattern at all (not the verb line).
type shape struct {
	after, inside, patterned bool
	lead, tail               bool // words stand before, after the verb (Verb.Lead, Verb.Tail)
	synset                   bool // a synset stands among the words (Verb.Synset)
	slots                    []Slot
}

// convPattern converts the elements of a pattern into sitrep verb token
// sequences, the verb standing at "*" as one of verbs, and its shape: the
// "$" source, "+" target and "%" compound slots (Slot), each before the
// pattern's first word, between its words (a gap) or after its last word,
// with the "^" noun phrases that stand between the slot and the words. A
// "^" between two words is a gap, which sitrep's gaps (up to four tokens)
// cover for short phrases. It returns an errSkip for more than one "+",
// "$" or "*".
func convPattern(toks []ptok, verbs [][]string, limit int) (seqs [][]string, sh shape, err error) {
	var slots []slot
	words, targets, sources, stars := 0, 0, 0, 0
	gap := false
	skips := 0       // "^" since the last word or slot
	var trail []Slot // slots after the last word seen so far
	for _, t := range toks {
		g := t.gap || gap
		gap = false
		switch t.kind {
		case '^':
			gap = true
			skips++
			continue
		case '%', '$', '+':
			switch t.kind {
			case '+':
				targets++
			case '$':
				sources++
			}
			if words == 0 {
				sh.slots = append(sh.slots, Slot{Role: t.kind, Where: -1})
			} else {
				trail = append(trail, Slot{Role: t.kind, Where: 1, Skip: int8(skips)})
			}
			gap = true
			skips = 0
			continue
		case '*':
			stars++
			sh.lead = words > 0
		}
		// A word (or the verb): slots seen since the last word stand
		// between words; a lead slot counts the "^" after it.
		if words == 0 {
			for k := range sh.slots {
				sh.slots[k].Skip = int8(skips)
			}
		}
		for _, sl := range trail {
			sl.Where, sl.Skip = 0, 0
			sh.slots = append(sh.slots, sl)
			slots = append(slots, slot{target: true})
		}
		trail = trail[:0]
		skips = 0
		if stars > 0 && t.kind != '*' {
			sh.tail = true
		}
		sh.synset = sh.synset || t.syn
		words++
		alts := t.alts
		if t.kind == '*' {
			alts = verbs
		}
		slots = append(slots, slot{alts: alts, gap: g})
	}
	if len(trail) > 0 && skips > 0 {
		// "* AT ^": a skip after the last slot says nothing.
		skips = 0
	}
	sh.slots = append(sh.slots, trail...)
	switch {
	case stars == 0:
		return nil, sh, errors.New("pattern has no '*' for the verb")
	case stars > 1:
		return nil, sh, errSkip("several '*'")
	case targets > 1:
		return nil, sh, errSkip("several targets (+)")
	case sources > 1:
		return nil, sh, errSkip("several sources ($)")
	}
	for _, sl := range sh.slots {
		switch {
		case sl.Role == '+' && sl.Where == 1 && sl.Skip == 0:
			sh.after = true
		case sl.Role == '+' && sl.Where == 0:
			sh.inside = true
		}
	}
	raw, err := groupSlots(slots, limit)
	if err != nil {
		return nil, sh, err
	}
	seqs = make([][]string, 0, len(raw))
	for _, q := range raw {
		w := q[:0]
		for _, t := range q {
			switch {
			case t == "+":
				// An actor between words: a gap.
				if len(w) > 0 && w[len(w)-1] != "*" {
					w = append(w, "*")
				}
			case t == "*" && len(w) > 0 && w[len(w)-1] == "*":
			default:
				w = append(w, t)
			}
		}
		for len(w) > 0 && w[len(w)-1] == "*" {
			w = w[:len(w)-1]
		}
		for len(w) > 0 && w[0] == "*" {
			w = w[1:]
		}
		if len(w) > 0 {
			seqs = append(seqs, w)
		}
	}
	sh.patterned = true
	return seqs, sh, nil
}

// addVerbs appends one Verb per token sequence; seqs hold no empty one.
// reverse is the second code of a paired code ("[032:033]": 033), "".
func (l *legacy) addVerbs(code, reverse, pattern, rule string, seqs [][]string, sh shape) {
	for _, w := range seqs {
		v := Verb{Code: code, Pattern: pattern, Rule: rule, TargetAfter: sh.after, TargetInside: sh.inside, Words: maxWords(w),
			Reverse: reverse, Literal: true, Legacy: true, Patterned: sh.patterned, Slots: sh.slots, Parsed: l.dl == petrarch,
			Whole: l.dl == petrarch, Lead: sh.lead, Tail: sh.tail, Synset: sh.synset && l.dl == tabari}
		l.d.Verbs = append(l.d.Verbs, v)
		l.d.VerbTokens = append(l.d.VerbTokens, w)
	}
	for _, w := range seqs {
		l.st.Expansions += combinations(w)
	}
}

// eventCode reads a pattern or verb code: "[0874]", "[031:031]" (the code
// for each direction of a symmetric event: the first is kept), "[---]"
// (null: ok is false, no error). Codes flagged "!" or "?" return an errSkip.
func eventCode(s string) (code string, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "---" || s == "" {
		return "", false, nil
	}
	if s == "###" {
		return "", false, errSkip("discard patterns (###)")
	}
	first, _, _ := strings.Cut(s, ":")
	if strings.HasSuffix(first, "!") || strings.HasSuffix(first, "?") {
		if isEventCode(first[:len(first)-1]) {
			return "", false, errSkip("codes flagged ! or ?")
		}
	}
	if first == "+++" {
		return "", false, errSkip("code +++")
	}
	if !isEventCode(first) && !letterCode(first) {
		return "", false, fmt.Errorf("event code %q: want 2 to 4 digits, then at most two capital letters", s)
	}
	return first, true, nil
}

// letterCode reports whether s is an event code with a letter suffix,
// as TABARI's dictionaries write variants of a code ("174K", "075A"): 2
// to 4 digits and one or two capital letters.
func letterCode(s string) bool {
	i := len(s)
	for i > 0 && s[i-1] >= 'A' && s[i-1] <= 'Z' {
		i--
	}
	return i < len(s) && len(s)-i <= 2 && isEventCode(s[:i])
}

// pairedCode returns the second code of a TABARI line's paired code
// ("LEFT_ [032:033]" → "033"), "" when the code is not paired.
func pairedCode(line string) string {
	_, code, err := trailingCode(line)
	if err != nil {
		return ""
	}
	_, second, ok := strings.Cut(code, ":")
	if !ok {
		return ""
	}
	second = strings.TrimSpace(second)
	c, ok, err := eventCode(second)
	if !ok || err != nil {
		return ""
	}
	return c
}

// trailingCode splits "PATTERN [code]" into the pattern and the code.
func trailingCode(s string) (pat, code string, err error) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, "]") {
		return s, "", errors.New("no [code] at the end")
	}
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return s, "", errors.New("unmatched ']'")
	}
	return strings.TrimSpace(s[:i]), s[i+1 : len(s)-1], nil
}

// formKey is the stem sequence of a TABARI verb form: TABARI's words
// match on stems, so "SAYS" adds nothing to "SAY" and is dropped.
func formKey(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteByte(' ')
		if w == "*" {
			b.WriteByte('*')
			continue
		}
		stems, _ := phraseTokens(w)
		b.WriteString(strings.Join(stems, " "))
	}
	return b.String()
}

// regularForms returns a PETRARCH verb (one word, lower case) with its
// regular forms, which PETRARCH generates for a verb listed without
// irregular forms in braces (PETRreader's make_verb_forms): the third
// person in -s, the past in -ed and the participle in -ing ("depart":
// departs, departed, departing), spelt as English spells them: -es after
// a sibilant, -ies and -ied after a consonant and y, -d and -ing in place
// of a final e. PETRARCH's own code adds the letters without the English
// spelling ("pushs"), words no text holds. Doubled consonants are not
// regular: a verb with them lists its forms ("STOP {STOPS STOPPED
// STOPPING}"), as PETRARCH requires.
func regularForms(v string) []string {
	s, ed, ing := v+"s", v+"ed", v+"ing"
	switch {
	case sibilant(v):
		s = v + "es"
	case consonantY(v):
		s, ed = v[:len(v)-1]+"ies", v[:len(v)-1]+"ied"
	case strings.HasSuffix(v, "e"):
		ed = v + "d"
		if len(v) > 2 && !strings.ContainsRune("eoy", rune(v[len(v)-2])) {
			ing = v[:len(v)-1] + "ing" // "arrive": arriving, not "agree"
		}
	}
	return []string{v, s, ed, ing}
}

// sibilant reports whether a word ends in a sibilant, which takes -es.
func sibilant(w string) bool {
	for _, suf := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// consonantY reports whether a word ends in y after a consonant, which
// becomes -ies ("army": armies, "envoy": envoys).
func consonantY(w string) bool {
	return len(w) > 1 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2]))
}

// verbWords splits a PETRARCH verb form ("SAY", "+CLEAR_UP", "RE_+ARREST")
// into lower-case words and returns the index of the verb among them: the
// word "+" marks, the only word, or -1.
func verbWords(f string) ([]string, int, error) {
	var ws []string
	at := -1
	for _, w := range strings.Split(strings.TrimSpace(f), "_") {
		marked := strings.HasPrefix(w, "+")
		if w = strings.ReplaceAll(w, "+", ""); w == "" {
			continue
		}
		for _, r := range w {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("'.-’", r)) {
				return nil, -1, errSkip(fmt.Sprintf("character %q in a verb", r))
			}
		}
		if marked {
			at = len(ws)
		}
		ws = append(ws, strings.ToLower(w))
	}
	if len(ws) == 1 {
		at = 0
	}
	return ws, at, nil
}

// verbForms turns a PETRARCH verb line's forms (the verb, then those in
// braces) into word sequences, leaving out those already in seen. PETRARCH
// matches whole words, the forms a dictionary gives and no others: the
// verb's regular forms (regularForms) unless irregular is set, when braces
// list every form. Where the forms differ only in their verb, that word is
// one form set (formSet), so that a pattern's verbs do not multiply its
// trie; "RE_+ARREST" is also "re-arrest" and "rearrest", as texts write it.
func verbForms(forms []string, irregular bool, seen map[string]bool) ([][]string, error) {
	var out [][]string
	add := func(ws []string) {
		if k := strings.Join(ws, " "); !seen[k] {
			seen[k] = true
			out = append(out, ws)
		}
	}
	var phrases [][]string
	at, aligned := -1, true
	for _, f := range forms {
		ws, k, err := verbWords(f)
		if err != nil {
			return nil, err
		}
		if len(ws) == 0 {
			continue
		}
		if len(phrases) == 0 {
			at = k
		} else if k != at || k < 0 || len(ws) != len(phrases[0]) ||
			!slices.Equal(ws[:k], phrases[0][:k]) || !slices.Equal(ws[k+1:], phrases[0][k+1:]) {
			aligned = false
		}
		phrases = append(phrases, ws)
	}
	if len(phrases) == 0 {
		return nil, nil
	}
	if at < 0 || !aligned {
		for _, ws := range phrases {
			if ws[0] == "re" && len(ws) > 1 {
				add(append([]string{"re-" + ws[1]}, ws[2:]...))
				add(append([]string{"re" + ws[1]}, ws[2:]...))
				continue
			}
			add(ws)
		}
		return out, nil
	}
	var vf []string
	if irregular {
		for _, ws := range phrases {
			if !slices.Contains(vf, ws[at]) {
				vf = append(vf, ws[at])
			}
		}
	} else {
		vf = regularForms(phrases[0][at])
	}
	pre, post := phrases[0][:at], phrases[0][at+1:]
	emit := func(pre, vf []string) {
		for _, seq := range formSeqs(vf) {
			add(slices.Concat(pre, seq, post))
		}
	}
	if len(pre) == 1 && pre[0] == "re" {
		joined := make([]string, len(vf))
		for i, f := range vf {
			joined[i] = "re" + f
		}
		emit([]string{"re-"}, vf)
		emit(nil, joined)
		return out, nil
	}
	emit(pre, vf)
	return out, nil
}

// formSeqs returns the verb forms vf as one form-set word, or as a word
// each when one of them is several tokens ("cease-fire"): a form set is
// one step of the trie.
func formSeqs(vf []string) [][]string {
	for _, f := range vf {
		if len(wholeKeys(f)) != 1 {
			seqs := make([][]string, len(vf))
			for i, f := range vf {
				seqs[i] = []string{f}
			}
			return seqs
		}
	}
	return [][]string{{formSet(vf)}}
}

// maxLegacyExpansions bounds the token sequences one legacy pattern may
// expand to (verbs of its block × synset members).
const maxLegacyExpansions = 8192

type petrVerb struct {
	line  int
	raw   string
	code  string // own code, "" for the block's
	forms []string
	// irregular is set when braces list the verb's forms.
	irregular bool
}

type petrBlock struct {
	line     int
	code     string // "" when null
	pair     string // the second code of a paired code ("[032:033]": 033)
	verbs    []petrVerb
	patterns []int // line numbers
	pats     []string
}

// parsePetrarchVerbs reads a PETRARCH verb patterns file: synsets
// ("&NAME" then "+MEMBER" lines) and verb blocks ("--- NAME [code] ---",
// verb lines, "- pattern [code]" lines). A block's patterns apply to every
// verb of the block.
func parsePetrarchVerbs(name, content string) (*Dictionary, Stats, error) {
	l := newLegacy(name, petrarch, PetrarchVerbs)
	syn := synsets{}
	var synName string
	synPlurals := false // the synset's members take plurals
	var blk *petrBlock
	l.lines(content, func(n int, line string) {
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		l.st.Rows++
		switch {
		case strings.HasPrefix(t, "---"):
			l.flushPetrBlock(blk, syn)
			blk, synName = nil, ""
			h := strings.TrimSpace(strings.TrimPrefix(t, "---"))
			h = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(h, "###"), "---"))
			h = strings.TrimSpace(strings.TrimSuffix(h, "---"))
			blk = &petrBlock{line: n}
			if i := strings.IndexByte(h, '['); i >= 0 {
				j := strings.IndexByte(h[i:], ']')
				if j < 0 {
					l.bad(n, "block code %q is not closed with ']'", h[i:])
					return
				}
				code, ok, err := eventCode(h[i+1 : i+j])
				if err != nil {
					l.bad(n, "block %q: %v", h, err)
				} else if ok {
					blk.code, blk.pair = code, pairedCode(h[i:i+j+1])
				}
			}
		case t[0] == '&':
			l.flushPetrBlock(blk, syn)
			blk = nil
			if synName = l.startSynset(n, t, syn); synName == "" {
				return
			}
			synPlurals = !strings.HasSuffix(t, "_")
		case t[0] == '+' && synName != "":
			// PETRARCH adds the plural of each member (nounPlural) but
			// where the member or the synset's name ends with "_".
			m := strings.TrimSpace(t[1:])
			first := len(syn[synName])
			if l.addSynsetMember(n, t, synName, syn) && synPlurals && !strings.HasSuffix(m, "_") && !strings.ContainsAny(m, "&{") {
				for _, q := range syn[synName][first:] {
					syn[synName] = append(syn[synName], withPlural(q)...)
				}
			}
		case t[0] == '-':
			if blk == nil {
				l.bad(n, "pattern %q is not inside a verb block (--- NAME [code] ---)", t)
				return
			}
			blk.patterns = append(blk.patterns, n)
			blk.pats = append(blk.pats, t)
		default:
			if blk == nil {
				l.bad(n, "verb %q is not inside a verb block (--- NAME [code] ---)", t)
				return
			}
			v := petrVerb{line: n, raw: t}
			rest := t
			if i := strings.IndexByte(rest, '['); i >= 0 {
				j := strings.IndexByte(rest[i:], ']')
				if j < 0 {
					l.bad(n, "verb code %q is not closed with ']'", rest[i:])
					return
				}
				v.code = "[" + rest[i+1:i+j] + "]"
				rest = rest[:i] + rest[i+j+1:]
			}
			if i := strings.IndexByte(rest, '{'); i >= 0 {
				j := strings.IndexByte(rest, '}')
				if j < i {
					l.bad(n, "verb forms %q are not closed with '}'", rest[i:])
					return
				}
				v.forms = append([]string{rest[:i]}, strings.Fields(rest[i+1:j])...)
				v.irregular = true
				rest = rest[:i] + rest[j+1:]
			} else {
				v.forms = []string{rest}
			}
			if f := strings.Fields(rest); len(f) != 1 {
				l.bad(n, "verb line %q: want one verb (words joined by _)", t)
				return
			}
			blk.verbs = append(blk.verbs, v)
		}
	})
	l.flushPetrBlock(blk, syn)
	return l.finish(l.st.Verbs + l.st.Patterns)
}

func slicesWithout(q []string, drop string) []string {
	out := q[:0]
	for _, w := range q {
		if w != drop {
			out = append(out, w)
		}
	}
	return out
}

func (l *legacy) flushPetrBlock(b *petrBlock, syn synsets) {
	if b == nil {
		return
	}
	seen := map[string]bool{}
	var all [][]string
	for _, v := range b.verbs {
		forms, err := verbForms(v.forms, v.irregular, seen)
		if err != nil {
			l.reject(v.line, "verb", v.raw, err)
			continue
		}
		all = append(all, forms...)
		code, ok := b.code, b.code != ""
		if v.code != "" {
			code, ok, err = eventCode(strings.Trim(v.code, "[]"))
			if err != nil {
				l.reject(v.line, "verb", v.raw, err)
				continue
			}
		}
		if !ok {
			continue // the null code: the verb codes only through patterns
		}
		if len(forms) > 0 {
			reverse := pairedCode(v.raw)
			if v.code == "" {
				reverse = b.pair // the block's paired code
			}
			l.addVerbs(code, reverse, v.raw, l.rule(v.line), forms, shape{})
			l.st.Verbs++
		}
	}
	for k, line := range b.patterns {
		l.pattern(line, b.pats[k], all, syn)
	}
}

// pattern converts one "- pattern [code]" line for the verb alternatives
// verbs.
func (l *legacy) pattern(n int, raw string, verbs [][]string, syn synsets) {
	pat, codeText, err := trailingCode(strings.TrimPrefix(raw, "-"))
	var code string
	var ok bool
	if err == nil {
		code, ok, err = eventCode(codeText)
	}
	var toks []ptok
	if err == nil {
		toks, err = lexPattern(pat, syn, l.dl)
	}
	var seqs [][]string
	var sh shape
	if err == nil {
		seqs, sh, err = convPattern(toks, verbs, maxLegacyExpansions)
	}
	switch {
	case err != nil:
		l.reject(n, "pattern", raw, err)
		return
	case !ok:
		l.skip("patterns with the null code (---)")
		l.st.Skipped++
		return
	case len(verbs) == 0:
		l.skip("patterns of a block without verbs")
		l.st.Skipped++
		return
	}
	l.addVerbs(code, pairedCode(raw), raw, l.rule(n), seqs, sh)
	l.st.Patterns++
}

// sortedReasons returns the skip reasons, most frequent first.
func sortedReasons(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// startSynset reads a synset header line "&NAME" (PETRARCH and TABARI verb
// files), registers the synset in syn and returns its name, "" after
// reporting a bad one.
func (l *legacy) startSynset(n int, t string, syn map[string][][]string) string {
	name := strings.ToUpper(strings.TrimRight(strings.TrimSpace(t[1:]), "_"))
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') }) >= 0 {
		l.bad(n, "synset name %q: want &LETTERS", t)
		return ""
	}
	if _, dup := syn[name]; dup {
		l.bad(n, "synset &%s is defined twice", name)
	}
	syn[name] = nil
	l.st.Synsets++
	return name
}

// addSynsetMember reads a synset member line "+WORDS" into syn[name]
// (PETRARCH and TABARI verb files) and reports whether it could.
// PETRARCH's members are consecutive words, without gaps; in TABARI's a
// space lets other words stand between, as in a pattern ("+AUSTRIAN
// FLORIN": "Austrian gold florin"), and "_" does not.
func (l *legacy) addSynsetMember(n int, t, name string, syn map[string][][]string) bool {
	toks, err := lexPattern(t[1:], syn, l.dl)
	if err == nil {
		var seqs [][]string
		if seqs, err = wordsOnly(toks, 256); err == nil {
			for _, q := range seqs {
				if l.dl != tabari {
					q = slicesWithout(q, "*")
				}
				syn[name] = append(syn[name], q)
			}
			return true
		}
	}
	l.bad(n, "synset member %q: %v", t, err)
	return false
}
