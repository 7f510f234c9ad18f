package coder

import (
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/text"
)

// Complements. CAMEO codes an appeal, an intent, a demand, a rejection or a
// threat by what is asked, promised, demanded, rejected or threatened:
// "urged Ghana to extradite the two smugglers" is an appeal for judicial
// cooperation (0213), "asked Norway for artillery shells" an appeal for
// military aid (0232), "warned that it would halt tea exports" a threat
// of sanctions (1312), "spurned appeals to send peacekeepers" a refusal of
// peacekeeping (1224). complementCodes maps the root of the governing verb
// to a table from the complement's code prefix to the specific code; the
// longest prefix wins.
var complementCodes = map[string]map[string]string{
	"02": asking("02"), // appeals
	"03": asking("03"), // intents
	"10": asking("10"), // demands
	// Rejections (12): the refusal table.
	"12": refusedCodes,
	// Threats (13): conflict acts announced.
	"13": {
		"14": "133", "15": "138",
		"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
		"17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
		"18": "1383", "19": "1384", "191": "1381", "192": "1382", "20": "1385",
	},
}

// askedFor maps what is asked for, promised or demanded (the code prefix of
// the complement) to the last digits of the specific code, which CAMEO
// numbers alike under appeals (02), intents (03) and demands (10):
// cooperation 1 and 11–14, policy support 2, aid 3 and 31–34, political
// reform 4 and 41–44, yielding 5 and 51–56, a meeting 6, settling the
// dispute 7, mediation 8.
var askedFor = map[string]string{
	"04": "6", "045": "8",
	"05": "2", "057": "7",
	"06": "1", "061": "11", "062": "12", "063": "13", "064": "14",
	"07": "3", "071": "31", "072": "32", "073": "33", "074": "34",
	"08": "5", "081": "51", "082": "52", "083": "4", "0831": "41", "0832": "42", "0833": "43",
	"0834": "44", "084": "53", "085": "54", "086": "55", "087": "56",
}

// askedActs inverts askedFor: the last digits of a specific appeal, intent
// or demand to the code prefix of the act asked for.
var askedActs = func() map[string]string {
	m := make(map[string]string, len(askedFor))
	for prefix, digits := range askedFor {
		m[digits] = prefix
	}
	return m
}()

// askedAct returns the code prefix of the act that an appeal (02), intent
// (03) or demand (10) code asks for, promises or demands ("0231", an
// appeal for economic aid, asks for "071"), or "" for a generic one or
// another root. Intents number mediating 039 beside accepting mediation
// 038, where appeals and demands have one code (028, 108).
func askedAct(code string) string {
	if len(code) < 3 {
		return ""
	}
	digits := code[2:]
	switch code[:2] {
	case "03":
		if digits == "9" {
			digits = "8"
		}
	case "02", "10":
	default:
		return ""
	}
	return askedActs[digits]
}

// asking returns the complement table of an appeal, intent or demand root.
func asking(root string) map[string]string {
	m := make(map[string]string, len(askedFor))
	for prefix, digits := range askedFor {
		m[prefix] = root + digits
	}
	return m
}

// complementLinks join a governing verb to its complement: "urged Iraq to",
// "asked for", "demanded that", "called on", "China must". "Help" and
// "assist" end an appeal or pledge for aid whose next verb says what kind
// ("asked the Gulf states to help finance a dam" asks for economic aid).
var complementLinks = stemSet("to", "for", "that", "on", "must", "should", "help", "assist")

// complementReach is how many tokens may stand between the governing verb
// and its complement: the addressee and the link ("urged Accra and Lome
// to share").
const complementReach = 10

// complementVerb returns the verb t stands for once its complement, the
// next trigger, is read: a copy of t's verb with the specific code, or t's
// own verb when the complement does not make it more specific.
func complementVerb(t *trigger, ti int, ts []trigger, toks []text.Token) *dict.Verb {
	v := t.verb
	if v.Literal || v.Legacy || ti+1 >= len(ts) || len(v.Code) < 3 {
		return v
	}
	if v.Code[:2] == "14" {
		return protestVerb(v, &ts[ti+1], t.End, toks)
	}
	ni := complementOf(t, ti, ts, toks)
	if ni < 0 {
		return v
	}
	table, n := complementCodes[v.Code[:2]], &ts[ni]
	act, code := n.verb.Code, ""
	switch {
	case act[:2] == v.Code[:2]:
		// A generic verb whose complement is a specific one of its kind
		// ("warned that Belgrade might issue an ultimatum") takes
		// its code.
		code = complementVerb(n, ni, ts, toks).Code
	case complementCodes[act[:2]] != nil:
		// The complement asks, promises or demands in turn ("turned
		// down a request for artillery shells", "should agree to meet"):
		// the act it names is what this verb governs.
		if act = askedAct(complementVerb(n, ni, ts, toks).Code); act == "" {
			return v
		}
	}
	for k := len(act); k >= 2 && code == ""; k-- {
		code = table[act[:k]]
	}
	// Only a more specific code of the same kind: a generic appeal (020)
	// becomes any appeal, an appeal for aid (023) only an appeal for a
	// kind of aid (0232).
	generic := v.Code == v.Code[:2]+"0"
	if code == "" || code == v.Code || !generic && (len(code) <= len(v.Code) || code[:len(v.Code)] != v.Code) {
		return v
	}
	c := *v
	c.Code, c.PLOVER = code, ""
	c.Pattern += " ... " + n.verb.Pattern + " (complement: " + code + ")"
	return &c
}

// protestAims maps what a protest, hunger strike, strike, blockade or riot
// demands (the code prefix of its complement: an appeal, a demand, or the
// concession itself) to the last digit CAMEO gives each of 141-145: a change
// in leadership 1, in policy 2, rights 3, institutions or regime 4.
var protestAims = map[string]string{
	"0241": "1", "1041": "1", "0831": "1",
	"0242": "2", "1042": "2", "0832": "2",
	"0243": "3", "1043": "3", "0833": "3",
	"0244": "4", "1044": "4", "0834": "4",
	// Political reform not specified is a change of policy to protest for.
	"024": "2", "104": "2", "083": "2",
}

// protestLinks join a protest to what it demands: "rallied to demand",
// "marched for", "struck, demanding", "in protest against".
var protestLinks = stemSet("to", "for", "demand", "demanding", "call", "calling", "press", "pressing", "urge", "urging", "seek", "seeking")

// protestVerb returns the protest verb v made specific by its complement n,
// the next trigger: "farmers blocked the highway, demanding a new
// constitution" is a blockade for a change of institutions (1444). The
// complement must follow within complementReach tokens from end, in the
// same clause, after a link word.
func protestVerb(v *dict.Verb, n *trigger, end int, toks []text.Token) *dict.Verb {
	if len(v.Code) != 3 || v.Code == "140" || n.Start < end || n.Start-end > complementReach {
		return v
	}
	linked := false
	for _, tok := range toks[end:n.Start] {
		switch {
		case protestLinks[tok.Stem]:
			linked = true
		case tok.Stem == ";" || tok.Stem == ":" || clauseBreaks[tok.Stem] && tok.Stem != "that":
			return v
		}
	}
	if !linked && !protestLinks[toks[end-1].Stem] && !protestLinks[toks[n.Start].Stem] {
		return v
	}
	digit := ""
	for k := len(n.verb.Code); k >= 3 && digit == ""; k-- {
		digit = protestAims[n.verb.Code[:k]]
	}
	if digit == "" {
		return v
	}
	c := *v
	c.Code, c.PLOVER = v.Code+digit, ""
	c.Pattern += " ... " + n.verb.Pattern + " (complement: " + c.Code + ")"
	return &c
}

// complementOf returns the index of the trigger that t (index ti) governs,
// or -1: the next trigger, within complementReach tokens in the same
// clause, joined to an appeal, intent, demand, rejection or threat by a
// link word ("threatened to halt", "appealed for a halt", "refused to
// send").
func complementOf(t *trigger, ti int, ts []trigger, toks []text.Token) int {
	if t.verb.Legacy || ti+1 >= len(ts) || complementCodes[t.verb.Code[:2]] == nil {
		return -1
	}
	n := &ts[ti+1]
	if n.Start < t.End || n.verb.Code[:2] == "01" {
		return -1
	}
	gap := unbracketed(toks[t.End:n.Start])
	if len(gap) > complementReach {
		return -1
	}
	linked := complementLinks[toks[t.End-1].Stem] || askedObject(t, n, toks)
	for _, tok := range gap {
		switch {
		case complementLinks[tok.Stem], tok.Stem == "with" && t.verb.Code[:2] == "13":
			// A threat names what it threatens after "with" too:
			// "threatened Minsk with a downgrade of relations".
			linked = true
		case tok.Stem == "," || tok.Stem == ";" || tok.Stem == ":" || clauseBreaks[tok.Stem] && tok.Stem != "that":
			return -1
		}
	}
	if !linked {
		return -1
	}
	return ti + 1
}

// objectDeterminers may stand between a verb and the noun it takes as its
// object: "rejected the repeated calls".
var objectDeterminers = stemSet("a", "an", "the", "its", "their", "his", "her", "any", "all", "new", "recent", "repeated", "renewed", "latest")

// objectNameReach is how many words of a name may stand between a
// rejection and its object, the asker named before the noun: "turned down
// a French request", "rejected Ghana's demand", "rebuffed a U.S. offer".
const objectNameReach = 4

// askedObject reports whether n is the object of a rejection t, only
// determiners and the name of who asked standing between: an appeal,
// intent or demand named by a noun ("turned down a request for artillery
// shells", "spurned Mali's repeated appeals for troops"), or the act
// refused itself ("ruled out stepping down", "rejected a ceasefire").
func askedObject(t, n *trigger, toks []text.Token) bool {
	if t.verb.Code[:2] != "12" {
		return false
	}
	switch n.verb.Code[:2] {
	case "02", "03", "10":
	default:
		if _, ok := refused(n.verb.Code); !ok {
			return false
		}
	}
	names := 0
	for k := t.End; k < n.Start; k++ {
		switch tok := toks[k]; {
		case objectDeterminers[tok.Stem]:
		case tok.Kind == text.Word && tok.Case&text.Capitalized != 0:
			names++
		case possessive(toks, k):
		default:
			return false
		}
	}
	return names <= objectNameReach
}

// possessive reports whether token k is the possessive "'s" (one token)
// or a bare apostrophe after a name ("Ghana's", "the rebels'").
func possessive(toks []text.Token, k int) bool {
	return k > 0 && toks[k-1].Kind == text.Word && (toks[k].Stem == "'s" || toks[k].Stem == "'")
}

// complementTarget returns the target of what t governs, for a t without
// a target of its own: "Kenya warned that it would halt tea exports to
// Egypt" is a threat to Egypt, "farmers appealed for a halt to grain
// imports from Russia" an appeal against Russia. -1 when there is none.
func complementTarget(t *trigger, ti int, ts []trigger, ms []mention, toks []text.Token, srcs []int) int {
	n := complementOf(t, ti, ts, toks)
	if n < 0 {
		return -1
	}
	after := firstAfter(&ts[n], n, ts, ms, toks)
	if after < 0 || ms[after].prep == "by" {
		return -1
	}
	for _, s := range srcs {
		if ms[s].group == ms[after].group {
			return -1
		}
	}
	return after
}

// unbracketed returns the tokens of toks outside parentheses: a
// bracketed aside ("urged Lima and La Paz (its partners, both Andean)
// to") neither breaks the clause with its commas nor counts toward a
// reach. toks is returned as it is when it holds no complete aside.
func unbracketed(toks []text.Token) []text.Token {
	var out []text.Token
	depth, open := 0, -1
	for k, t := range toks {
		switch t.Stem {
		case "(":
			if depth == 0 {
				open = k
			}
			depth++
			continue
		case ")":
			if depth > 0 {
				depth--
				if depth == 0 && out == nil {
					out = append([]text.Token{}, toks[:open]...)
				}
				continue
			}
		}
		if depth == 0 && out != nil {
			out = append(out, t)
		}
	}
	if out == nil || depth > 0 {
		return toks
	}
	return out
}
