// Package text is the second stage of sitrep: it turns an article's text into
// sentences and tokens, each located by byte offsets into the text, with a
// stem per word for dictionary matching. It is pure: no I/O, no logging, no
// state beyond the embedded lemma table, and safe for concurrent use.
//
// sitrep splits sentences with its own rules rather than prose/v2: it needs
// byte offsets into the article (prose returns sentence strings only), and
// the abbreviation rules below cover news English (titles, months, U.S.,
// p.m.). BenchmarkSentencesTokens measures it.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in Unicode NFC, the form every offset sitrep reports
// refers to. It returns s itself when s is already NFC (the common case).
func Normalize(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbrevs are words that end with a period without ending the sentence,
// lower-cased and without their final period.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "cpt": true, "maj": true, "adm": true, "cmdr": true, "brig": true, "cpl": true,
	"pvt": true, "rep": true, "reps": true, "sen": true, "sens": true, "gov": true, "govs": true, "pres": true,
	"rev": true, "hon": true, "st": true, "sr": true, "jr": true, "messrs": true, "mt": true, "ft": true,
	"ave": true, "blvd": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "no": true, "nos": true, "vs": true, "v": true, "approx": true, "est": true,
	"dept": true, "univ": true, "assn": true, "bros": true, "fig": true, "gov't": true, "sheikh": false,
	"u.s": true, "u.n": true, "u.k": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "u.s.a": true,
	"d.c": true, "st.": true, "etc": true, "al": true, "cf": true, "op": true, "pp": true, "ph.d": true,
}

// finalAbbrevs may also end a sentence: after them, a capitalised word that
// usually starts sentences ("The", "He") starts a new one.
var finalAbbrevs = map[string]bool{
	"u.s": true, "u.n": true, "u.k": true, "a.m": true, "p.m": true, "etc": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "d.c": true, "u.s.a": true,
}

var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "In": true, "But": true, "This": true, "That": true, "These": true, "Those": true,
	"His": true, "Her": true, "Its": true, "Their": true, "There": true, "On": true, "At": true,
	"After": true, "Earlier": true, "Later": true, "Meanwhile": true, "However": true, "And": true,
}

// Sentences appends to dst the spans of the sentences of s, trimmed of
// surrounding space, and returns the extended slice. A sentence ends at
// . ! ? (with any closing quotes or brackets) followed by space and a word
// that does not start in lower case, unless the period ends an abbreviation
// or an initial; a blank line always ends a sentence.
func Sentences(s string, dst []Span) []Span {
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b {
			r, n := utf8.DecodeRuneInString(s[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(s[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		if b > a {
			dst = append(dst, Span{a, b})
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\n':
			// A blank line (only spaces between two newlines) ends a paragraph.
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				emit(i)
				start = j + 1
				i = j
			}
		case '.', '!', '?':
			end := i + 1
			for end < len(s) {
				r, n := utf8.DecodeRuneInString(s[end:])
				if !strings.ContainsRune(".!?\"')]”’»", r) {
					break
				}
				end += n
			}
			if end < len(s) {
				r, _ := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsSpace(r) {
					continue
				}
			}
			next := nextWord(s, end)
			if next != "" {
				r, _ := utf8.DecodeRuneInString(next)
				if unicode.IsLower(r) {
					continue
				}
			}
			if c == '.' && end == i+1 {
				w := wordBefore(s, i)
				lw := strings.ToLower(w)
				if len(w) == 1 && unicode.IsUpper(rune(w[0])) {
					continue // an initial: "John F. Kennedy"
				}
				if abbrevs[lw] && !(finalAbbrevs[lw] && starters[next]) {
					continue
				}
			}
			emit(end)
			start = end
			i = end - 1
		}
	}
	emit(len(s))
	return dst
}

// wordBefore returns the letters and inner periods just before s[i].
func wordBefore(s string, i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !(unicode.IsLetter(r) || r == '.' || r == '\'') {
			break
		}
		j -= n
	}
	return strings.Trim(s[j:i], ".")
}

// nextWord returns the run of non-space runes after the space at s[i:],
// stripped of opening quotes and brackets.
func nextWord(s string, i int) string {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"'([“‘«", r) {
			break
		}
		i += n
	}
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			break
		}
		j += n
	}
	return s[i:j]
}
