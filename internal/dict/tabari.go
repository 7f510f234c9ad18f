package dict

// Readers for TABARI dictionaries (.actors, .agents, .verbs). Actors and
// agents share PETRARCH's readers (petrarch.go) but comments start with
// ";" and "#" only starts a comment at the beginning of a line, as "[###]"
// is a code. Verbs differ: each verb line carries its own patterns.

import (
	"strings"
)

// parseTabariActors reads a TABARI .actors file. Besides PETRARCH's
// constructs it has <NOUN> and <ADJECTIVE> lists (words for TABARI's own
// parser, counted as skipped), the discard code [###] and compound codes
// [A/B] (skipped).
func parseTabariActors(name, content string) (*Dictionary, Stats, error) {
	return parseLegacyActors(name, content, tabari, TabariActors)
}

// parseTabariAgents reads a TABARI .agents file: "NOUN_ [~CODE]".
func parseTabariAgents(name, content string) (*Dictionary, Stats, error) {
	return parseLegacyAgents(name, content, tabari, TabariAgents)
}

type tabVerb struct {
	line     int
	raw      string
	code     string
	coded    bool
	forms    []string
	formLine int
	patterns []int
	pats     []string
}

// parseTabariVerbs reads a TABARI .verbs file: "VERB [code]" lines, an
// optional "{ FORM FORM }" line of irregular forms, and "- pattern [code]"
// lines that apply to the verb above them. A verb may be a phrase
// ("BRUSH ASIDE REPORTS"), whose words may be apart in the text as in a
// pattern. <SYNSETS> define "&NAME" sets as in PETRARCH; <TIME> phrases
// coded "[###]" or "[+++]" are discards, the other <TIME> entries and other
// sections are counted as skipped.
func parseTabariVerbs(name, content string) (*Dictionary, Stats, error) {
	l := newLegacy(name, tabari, TabariVerbs)
	syn := synsets{}
	var synName, section string
	var cur *tabVerb
	l.lines(content, func(n int, line string) {
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		if t[0] == '<' && t[len(t)-1] == '>' && !strings.ContainsAny(t, " []") {
			l.flushTabVerb(cur, syn)
			cur, synName = nil, ""
			if strings.HasPrefix(t, "</") {
				section = ""
			} else {
				section = strings.ToUpper(strings.Trim(t, "<>"))
			}
			return
		}
		if section == "TIME" && t[0] != '-' {
			// A time phrase coded "[###]" (discard) or "[+++]" (too
			// complex) marks a sentence TABARI does not code; the time
			// shifts of the others ("[-7]") move event dates, which
			// sitrep dates by its own rules.
			if pat, code, err := trailingCode(t); err == nil {
				if code = strings.TrimSpace(code); code == DiscardCode || code == "+++" {
					l.d.Discards = append(l.d.Discards, legacyWords(pat))
					l.st.Discards++
					return
				}
			}
		}
		if section != "" && section != "SYNSETS" {
			l.skip("TABARI " + strings.ToLower(section) + " entries")
			return
		}
		l.st.Rows++
		switch {
		case t[0] == '&':
			l.flushTabVerb(cur, syn)
			cur = nil
			if synName = l.startSynset(n, t, syn); synName == "" {
				return
			}
		case t[0] == '+' && synName != "":
			l.addSynsetMember(n, t, synName, syn)
		case section == "SYNSETS":
			l.bad(n, "line %q in <SYNSETS>: want &NAME or +MEMBER", t)
		case t[0] == '-':
			if cur == nil {
				l.bad(n, "pattern %q has no verb line before it", t)
				return
			}
			cur.patterns = append(cur.patterns, n)
			cur.pats = append(cur.pats, t)
		case t[0] == '{':
			if cur == nil {
				l.bad(n, "verb forms %q have no verb line before it", t)
				return
			}
			if !strings.HasSuffix(t, "}") {
				l.bad(n, "verb forms %q are not closed with '}'", t)
				return
			}
			cur.forms = append(cur.forms, strings.Fields(t[1:len(t)-1])...)
			cur.formLine = n
		default:
			l.flushTabVerb(cur, syn)
			cur = nil
			pat, codeText, err := trailingCode(t)
			if err != nil {
				l.bad(n, "verb %q: %v", t, err)
				return
			}
			v := &tabVerb{line: n, raw: t}
			if strings.TrimSpace(codeText) == "###" {
				// A discard phrase, as in the actors files.
				l.d.Discards = append(l.d.Discards, legacyWords(pat))
				l.st.Discards++
				return
			}
			code, ok, err := eventCode(codeText)
			if err != nil {
				l.reject(n, "verb", t, err)
			}
			v.code, v.coded = code, ok && err == nil
			if i := strings.IndexByte(pat, '{'); i >= 0 {
				j := strings.IndexByte(pat, '}')
				if j < i {
					l.bad(n, "verb forms %q are not closed with '}'", pat[i:])
					return
				}
				v.forms = strings.Fields(pat[i+1 : j])
				pat = strings.TrimSpace(pat[:i] + pat[j+1:])
			}
			if pat == "" {
				l.bad(n, "verb line %q has no verb", t)
				return
			}
			v.forms = append([]string{pat}, v.forms...)
			cur = v
		}
	})
	l.flushTabVerb(cur, syn)
	return l.finish(l.st.Verbs + l.st.Patterns)
}

// verbEndings marks the first word of a TABARI verb, when "_" closes it,
// as one that takes the regular verb endings ("DEPART_": "departs",
// "departed", "departen", "departing"; EndingsMark); the closed words of
// its patterns match only as written. q is changed in place.
func verbEndings(q []string) []string {
	if len(q) > 0 {
		if w, ok := strings.CutSuffix(q[0], ClosedMark); ok {
			q[0] = w + EndingsMark
		}
	}
	return q
}

func (l *legacy) flushTabVerb(v *tabVerb, syn synsets) {
	if v == nil {
		return
	}
	seen := map[string]bool{}
	var alts [][]string
	for k, f := range v.forms {
		toks, err := lexPattern(f, syn, tabari)
		var seqs [][]string
		if err == nil {
			seqs, err = wordsOnly(toks, 256)
		}
		if err != nil {
			line := v.line
			if k > 0 && v.formLine > 0 {
				line = v.formLine
			}
			l.reject(line, "verb", f, err)
			if k == 0 {
				return // the verb itself is unusable, and so are its patterns
			}
			continue
		}
		for _, q := range seqs {
			q = verbEndings(q)
			if key := formKey(q); !seen[key] {
				seen[key] = true
				alts = append(alts, q)
			}
		}
	}
	if len(alts) == 0 {
		l.bad(v.line, "verb line %q has no verb", v.raw)
		return
	}
	if v.coded {
		l.addVerbs(v.code, pairedCode(v.raw), v.raw, l.rule(v.line), alts, shape{})
		l.st.Verbs++
	}
	for k, line := range v.patterns {
		l.pattern(line, v.pats[k], alts, syn)
	}
}
