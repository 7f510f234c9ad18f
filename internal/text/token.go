package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word Kind = iota
	Number
	Punct
)

// Case flags of a word token.
const (
	Capitalized uint8 = 1 << iota // first letter upper case
	AllCaps                       // every letter upper case, at least two letters
	VerbForm                      // a lower-case word ending in -ed or -ing ("forced", "returning")
)

// Token is a word, number or punctuation mark located by byte offsets into
// the text given to Tokenize.
type Token struct {
	Start, End int
	// Stem is the matching key (see Stem) of a word, the digits of a number
	// without separators, or the mark itself for punctuation. "n't" has the
	// stem "not".
	Stem string
	Kind Kind
	Case uint8
}

// Text returns the token's text within s.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// Tokenize appends to dst the tokens of s[span.Start:span.End] and returns
// the extended slice. Offsets are into s. Words are runs of letters and
// digits; hyphens, slashes and apostrophes split words ("Iran-backed" is
// three tokens, "country's" is "country", "'s"); dotted abbreviations stay
// whole ("U.S.", "p.m."); numbers keep their separators ("2,500", "3.5").
func Tokenize(s string, span Span, dst []Token) []Token {
	i, end := span.Start, span.End
	for i < end {
		r, n := utf8.DecodeRuneInString(s[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			j := i + n
			for j < end {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < end && s[j+1] >= '0' && s[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			// "1990s", "5th", "10km": digits followed by letters are one word.
			if j < end {
				if r2, _ := utf8.DecodeRuneInString(s[j:end]); unicode.IsLetter(r2) {
					j = scanWord(s, j, end)
					dst = append(dst, Token{Start: i, End: j, Stem: Stem(s[i:j]), Kind: Word})
					i = j
					continue
				}
			}
			dst = append(dst, Token{Start: i, End: j, Stem: strings.ReplaceAll(s[i:j], ",", ""), Kind: Number})
			i = j
		case unicode.IsLetter(r):
			j := scanWord(s, i, end)
			// "don't", "isn't": split off "n't" as a negation token.
			if j+1 < end && isApostrophe(s, j) {
				_, an := utf8.DecodeRuneInString(s[j:end])
				if j > i+1 && s[j-1] == 'n' && j+an < end && (s[j+an] == 't' || s[j+an] == 'T') &&
					(j+an+1 == end || !isWordByte(s[j+an+1])) {
					if j-1 > i {
						dst = append(dst, word(s, i, j-1))
					}
					dst = append(dst, Token{Start: j - 1, End: j + an + 1, Stem: "not", Kind: Word})
					i = j + an + 1
					continue
				}
			}
			dst = append(dst, word(s, i, j))
			i = j
		default:
			stem := s[i : i+n]
			switch r {
			case '’', '‘', '`':
				stem = "'"
			case '“', '”', '«', '»':
				stem = "\""
			case '–', '—':
				stem = "-"
			}
			// "'s" stays one token so that possessives are easy to skip.
			if stem == "'" && i+n < end && (s[i+n] == 's' || s[i+n] == 'S') && (i+n+1 == end || !isWordByte(s[i+n+1])) {
				dst = append(dst, Token{Start: i, End: i + n + 1, Stem: "'s", Kind: Punct})
				i += n + 1
				continue
			}
			dst = append(dst, Token{Start: i, End: i + n, Stem: stem, Kind: Punct})
			i += n
		}
	}
	return dst
}

func word(s string, i, j int) Token {
	w := s[i:j]
	t := Token{Start: i, End: j, Stem: Stem(strings.TrimSuffix(w, ".")), Kind: Word}
	if strings.Contains(w, ".") {
		// "U.S." and "U.S" both stem to "u.s".
		t.Stem = strings.ToLower(strings.TrimSuffix(w, "."))
	}
	if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
		t.Case |= VerbForm
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		t.Case |= Capitalized
		letters, upper := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if letters >= 2 && letters == upper {
			t.Case |= AllCaps
		}
	}
	return t
}

// scanWord returns the end of the word starting at s[i]: letters, digits,
// combining marks, and periods inside dotted abbreviations ("U.S.").
func scanWord(s string, i, end int) int {
	j := i
	dotted := false
	for j < end {
		r, n := utf8.DecodeRuneInString(s[j:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		// A period between single letters: U.S., p.m., U.N.
		if r == '.' && j+1 < end && j-i >= 1 {
			seg := j - (i + strings.LastIndexByte(s[i:j], '.') + 1)
			r2, _ := utf8.DecodeRuneInString(s[j+1 : end])
			if seg <= 1 && unicode.IsLetter(r2) {
				dotted = true
				j++
				continue
			}
		}
		break
	}
	// Keep the final period of a dotted abbreviation: "U.S." not "U.S" + ".".
	if dotted && j < end && s[j] == '.' {
		j++
	}
	return j
}

func isApostrophe(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '\'' || r == '’'
}

func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
