package text

import (
	"strings"
	"unicode/utf8"
)

// Stem returns the matching key of a word: lower-cased, irregular forms
// mapped to their base (struck → strike), then inflectional suffixes removed
// (-s, -es, -ies, -ed, -ing), trailing e's dropped and a final double
// consonant undoubled. The result is not a word ("strike" → "strik"); it is
// a key that all inflections of one word share, and dictionaries are stemmed
// with the same function, so one entry matches every form.
//
// sitrep uses this rather than a full lemmatiser or Porter stemmer because it
// only needs agreement between dictionary and text, it never over-reaches into
// derivation (withdrawal and withdraw stay apart, as CAMEO needs), and it runs
// without allocation for lower-case ASCII words already in base form.
func Stem(word string) string {
	w := lower(word)
	if base, ok := lemmas()[w]; ok {
		w = base
	}
	if len(w) <= 3 || !isASCIILetters(w) {
		return w
	}
	// Plurals in -men: policemen, gunmen, militiamen, spokesmen.
	if strings.HasSuffix(w, "men") && len(w) > 4 {
		w = w[:len(w)-3] + "man"
	}
	// Plural and third person: -ies, -es after sibilants, -s.
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "sis") && !(strings.HasSuffix(w, "is") && len(w) <= 4):
		w = w[:len(w)-1]
	}
	if base, ok := lemmas()[w]; ok {
		w = base
	}
	// Past and participles: -ied, -ed, -ing, keeping at least three letters
	// with a vowel so that "red", "shed", "bring", "king" stay whole.
	// After -ed the stem has already lost the e of the base ("accused" →
	// "accus", "agreed" → "agre"); otherwise one final e goes, so that base
	// and inflections agree ("accuse", "agreeing" → "accus", "agre").
	stripE, verbal := true, false
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 5:
		w = w[:len(w)-3] + "y"
		stripE = false
	case strings.HasSuffix(w, "ed") && len(w) > 4 && hasVowel(w[:len(w)-2]):
		w = w[:len(w)-2]
		stripE, verbal = false, true
	case strings.HasSuffix(w, "ing") && len(w) > 5 && hasVowel(w[:len(w)-3]):
		w = w[:len(w)-3]
		verbal = true
	}
	// A three-letter consonant-vowel-consonant stem keeps (or gets back) its
	// e, so that "vote", "voted", "voting" meet at "vote" while "cane" and
	// "note" stay apart from "can" and "not".
	if len(w) == 3 && isCVC(w) && verbal {
		return w + "e"
	}
	if stripE && len(w) > 3 && w[len(w)-1] == 'e' && !(len(w) == 4 && isCVC(w[:3])) {
		w = w[:len(w)-1]
	}
	if n := len(w); n > 2 && w[n-1] == w[n-2] && !isVowel(w[n-1]) {
		w = w[:n-1]
	}
	return w
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// isCVC reports whether w is consonant, vowel, consonant (not w, x or y,
// which never take a silent e: "fix", "row").
func isCVC(w string) bool {
	return !isVowel(w[0]) && strings.IndexByte("aeiou", w[1]) >= 0 && !isVowel(w[2]) && strings.IndexByte("wxy", w[2]) < 0
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			return true
		}
	}
	return false
}

// Irregular returns the base form of an irregular word form ("struck" →
// "strike", "men" → "man") and whether word is one.
func Irregular(word string) (string, bool) {
	base, ok := lemmas()[lower(word)]
	return base, ok
}
