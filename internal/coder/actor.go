package coder

import (
	"strings"

	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/text"
)

// mention is one actor noun phrase in a sentence, built from one or more
// dictionary matches: "Iraqi foreign minister", "Prime Minister of Iraq
// Mohammed Shia al-Sudani", "Iran-backed armed groups".
type mention struct {
	start, end int // token range [start, end)
	code       string
	country    string
	sectors    []string
	name       string
	sponsor    string
	kind       dict.Kind
	// prep is the stem of the preposition before the phrase ("to", "in"),
	// skipping determiners and numbers; "" when there is none.
	prep string
	// group links the members of a compound ("the United States and Iraq"):
	// all members share the index of the first.
	group int
	// target is set once the mention served as an event's target.
	target bool
	// localized is set when the country came from elsewhere in the
	// sentence (see localize): two such mentions are not the same actor
	// for sharing a code.
	localized bool
	// titled is set when an organisation or person took in the agent noun
	// after it ("Hamas leader", "Bush administration").
	titled bool
	// acode is what an agent adds to an actor's code: its first sector,
	// or for a TABARI or PETRARCH agent its whole code ("GOVFRM"), which
	// goes before the actor's when prefix is set (dict.Actor.Prefix).
	acode  string
	prefix bool
	// legacy is set for a phrase of a TABARI or PETRARCH dictionary.
	legacy bool
	// heads is set for a PETRARCH agent (dict.Actor.Heads); headed once
	// such an agent before the country heads the phrase ("envoys of
	// Ruritania", "wardens in Ruritania"): it heads the rest of a
	// compound too (see distributeHead).
	heads, headed bool
	// ownCountry is set for an agent that took its country from the
	// country word of its own phrase ("Turkish troops", "Iraq's army").
	ownCountry bool
}

// agentCode returns the code of the agent m as an agent of the actor coded
// country: "IRQ" + "MIL", "ARN" + "GOVFRM", "NGM" + "ARN".
func agentCode(country string, m *mention) string {
	if m.prefix {
		return m.acode + country
	}
	return country + m.acode
}

// takeAgent makes m's agent code that of the agent n.
func (m *mention) takeAgent(n *mention) {
	m.acode, m.prefix = n.acode, n.prefix
}

// Words that may stand between a country adjective and its agent noun
// ("Iraqi foreign minister", "Iran-backed armed groups") without breaking
// the phrase: any lower-case word, hyphens and possessives, at most three.
const maxModifiers = 3

// stemSet returns the set of the stems of words.
func stemSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[text.Stem(w)] = true
	}
	return m
}

// sponsorWords mark a sponsored group: "Iran-backed", "US-led".
var sponsorWords = stemSet("backed", "sponsored", "supported", "funded", "armed", "aligned", "allied", "led",
	"linked", "affiliated", "trained", "controlled")

// envoyWords are agents whose "to <country>" names where they serve, not who
// they are: "US Ambassador to Iraq".
var envoyWords = stemSet("ambassador", "envoy", "emissary", "representative", "embassy", "delegation",
	"mission", "consul")

var determiners = stemSet("the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "some",
	"several", "about", "around", "nearly", "almost", "over", "more", "than", "least", "dozens", "hundreds",
	"thousands", "both", "all", "many", "other", "two", "three", "four", "five")

var prepositions = stemSet("to", "in", "from", "of", "with", "against", "on", "by", "at", "for", "about",
	"into", "near", "between", "toward", "towards", "across", "inside", "outside", "through", "throughout",
	"during", "within", "among", "amid", "over", "under", "like", "than", "upon", "onto", "via", "after",
	"before", "behind", "beyond", "without", "including")

// ofWords attach a country or organisation to an agent after it.
var ofWords = stemSet("of", "for", "from")

// genericRoles are agent heads that take the sector of the noun before them:
// "company officials", "rebel leader", "army spokesman".
var genericRoles = stemSet("official", "spokesman", "spokeswoman", "spokesperson", "leader", "member",
	"representative", "chief", "head", "source", "delegation", "commander")

// directions may precede a country word inside its own name ("North
// Korea", "Northern Ireland") without making it a person's name.
var directions = stemSet("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "upper", "lower", "new", "greater")

// nameWord reports whether t can be a word of a person's name: a word
// written with a capital, not in all capitals.
func nameWord(t text.Token) bool {
	return t.Kind == text.Word && t.Case&text.Capitalized != 0 && t.Case&text.AllCaps == 0
}

// inName reports whether the country, adjective or capital mention m is the
// end of a proper name: a capitalised word the dictionaries do not know
// stands right before it, not at the start of the sentence.
func inName(toks []text.Token, m mention, raw []mention, i int) bool {
	if m.kind != dict.Country && m.kind != dict.Adjective && m.kind != dict.Capital || m.start < 2 {
		return false
	}
	p := toks[m.start-1]
	if !nameWord(p) || directions[p.Stem] {
		return false
	}
	if i > 0 && raw[i-1].end == m.start {
		return false // the word before belongs to another mention
	}
	return true
}

// surname reports whether the agent mention m is one capitalised word
// that ends a person's name: right after a capitalised word that the
// dictionaries do not know, is not a title word and does not start the
// sentence ("Peter King", but not "Saudi King" or "Vice President").
func surname(toks []text.Token, m mention, raw []mention, i int) bool {
	if m.kind != dict.Agent || m.end-m.start != 1 || m.start < 2 {
		return false
	}
	t, p := toks[m.start], toks[m.start-1]
	if !nameWord(t) || !nameWord(p) || titleWords[p.Stem] {
		return false
	}
	return i == 0 || raw[i-1].end != m.start
}

// nameGoesOn reports whether the person mention m is followed right away
// by a capitalised word that no mention starts, not after a sentence-final
// position: the name is longer than the one the dictionary knows.
func nameGoesOn(toks []text.Token, m mention, raw []mention, i int) bool {
	if m.end >= len(toks) {
		return false
	}
	t := toks[m.end]
	if !nameWord(t) || nameParticles[t.Stem] {
		return false
	}
	return i+1 >= len(raw) || raw[i+1].start != m.end
}

// plural reports whether a capitalised word looks like a plural noun
// ("Kurds", "Shiites"): its stem is shorter than the word by a final s.
func plural(t text.Token) bool {
	return t.End-t.Start == len(t.Stem)+1 && t.Case&text.AllCaps == 0
}

// corporate are the last words of company names.
var corporate = stemSet("corp", "corporation", "co", "inc", "ltd", "plc", "llc", "group", "holdings", "bank",
	"company", "industries", "airlines", "motors", "energy", "petroleum", "systems", "technologies")

var nameParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true,
	"da": true, "van": true, "von": true, "der": true, "du": true, "la": true, "abu": true, "ould": true}

// placePreps introduce where something happened; an actor after them is a
// location, not a target.
var placePreps = stemSet("in", "inside", "near", "across", "throughout", "during", "within", "outside",
	"amid", "after", "before")

func (c *Coder) mentions(toks []text.Token, verbAt []bool, matches []dict.Match, date string, out []mention) []mention {
	d := c.dict
	raw := out[:0]
	for _, m := range matches {
		a := &d.Actors[d.Phrases[m.Index].Actor]
		mn := mention{start: m.Start, end: m.End, kind: a.Kind, name: a.Name, sponsor: a.Sponsor, legacy: a.Legacy, heads: a.Heads}
		switch a.Kind {
		case dict.Agent:
			mn.sectors = a.Sectors
			if len(a.Sectors) > 0 {
				mn.acode = a.Sectors[0]
			}
			if a.Legacy {
				mn.acode, mn.prefix = strings.Join(a.Sectors, ""), a.Prefix
				if formerBefore(toks, raw, m.Start) {
					// TABARI and PETRARCH code a former office holder as an
					// elite: "former security officials" are ELI, not GOV.
					mn.acode, mn.prefix, mn.sectors = "ELI", false, []string{"ELI"}
				}
			}
		case dict.Person:
			code, _ := a.CodeAt(date)
			mn.code = code
			if len(code) >= 3 {
				mn.country = code[:3]
				if len(code) >= 6 {
					mn.sectors = []string{code[3:6]}
				}
			}
		default:
			mn.code, mn.country, mn.sectors = a.Code, a.Country, a.Sectors
		}
		raw = append(raw, mn)
	}
	// Merge neighbours into noun phrases, left to right.
	// Drop what only looks like an actor, before merging rewrites raw.
	kept := raw[:0]
	var buf [8]place
	places := buf[:0]
	for i, m := range raw {
		if (m.kind == dict.Country || m.kind == dict.Adjective || m.kind == dict.Capital) && m.country != "" && !inName(toks, m, raw, i) {
			places = append(places, place{m.start, m.end, m.country})
		}
		switch {
		case inName(toks, m, raw, i):
			// "Mike German", "Bob Wellington": a country word or capital
			// that ends a person's name.
		case surname(toks, m, raw, i):
			// "Defence Minister Peter King": an office word that is a
			// person's surname.
		case m.kind == dict.Person && nameGoesOn(toks, m, raw, i):
			// "Boris Yeltsin" is not "Boris" (Johnson): a known name
			// followed by another capitalised word names someone else.
		case m.kind == dict.Capital && placePreps[prepBefore(toks, m.start)]:
			// "talks in Washington", "from Wembley, London": a capital
			// after a locative is a place, not its government.
		default:
			kept = append(kept, m)
		}
	}
	raw = kept
	merged := raw[:0]
	for i := 0; i < len(raw); i++ {
		m := raw[i]
		for i+1 < len(raw) {
			n := raw[i+1]
			if !c.join(&m, n, toks, verbAt) {
				break
			}
			i++
		}
		end := absorbNames(toks, m.end, nextStart(raw, i+1, len(toks)))
		if end > m.end {
			switch {
			case corporate[toks[end-1].Stem]:
				// "General Binding Corp", "American Express Co": a company
				// whose name holds an actor word.
				m.kind, m.code, m.country, m.sectors, m.name = dict.Org, "BUS", "", []string{"BUS"}, ""
			case m.kind == dict.Capital:
				// "Washington Post", "London Marathon", "Athens Olympics".
				continue
			case (m.kind == dict.Country || m.kind == dict.Adjective) && !(end-m.end == 1 && plural(toks[m.end])):
				// "American Express", "Syrian Observatory": a proper name
				// that starts with a country word is not the country. A
				// people keeps it: "Iraqi Kurds", "Bosnian Serbs".
				continue
			}
		}
		m.end = end
		merged = append(merged, m)
	}
	ethnic(merged, toks)
	merged = localize(merged, places, toks, verbAt)
	possessiveCountry(merged, toks)
	for i := range merged {
		merged[i].prep = prepBefore(toks, merged[i].start)
		merged[i].group = i
	}
	// Compounds: "A and B", "A, B and C", "both A and B". The comma
	// closing a fronted phrase ends it: in "Despite appeals by the UN,
	// Sudanese troops ..." the troops are the main clause's subject.
	front := frontedComma(toks)
	for i := 1; i < len(merged); i++ {
		gap := toks[merged[i-1].end:merged[i].start]
		if front >= merged[i-1].end && front < merged[i].start {
			continue
		}
		if isConjunction(gap, verbAt[merged[i-1].end:merged[i].start], headName(toks, verbAt, &merged[i])) {
			merged[i].group = merged[i-1].group
			if merged[i].prep == "" || merged[i].prep == "and" {
				merged[i].prep = merged[i-1].prep
			}
			distributeHead(&merged[i-1], &merged[i])
			if !merged[i-1].legacy && !merged[i].legacy {
				shareCountry(&merged[i-1], &merged[i], gap)
			}
		}
	}
	return merged
}

// shareCountry lets one word of a compound qualify both members, as in
// English a modifier before coordinated words may: in "Ethiopian and
// Eritrean troops" the first adjective takes the agent noun after the
// second (ETHMIL, ERIMIL), and in "Turkish troops and police" the bare
// agent after "and" takes the first member's country (TURMIL, TURCOP).
// Only a plain "and" links them this way: "Turkish troops, police and
// villagers" lists actors the adjective need not qualify.
func shareCountry(m, n *mention, gap []text.Token) {
	if len(gap) != 1 || gap[0].Stem != "and" {
		return
	}
	switch {
	case m.kind == dict.Adjective && n.kind == dict.Agent && n.ownCountry && n.country != m.country:
		m.kind, m.sectors, m.ownCountry = dict.Agent, n.sectors, true
		m.takeAgent(n)
		m.code = agentCode(m.country, n)
	case m.kind == dict.Agent && m.ownCountry && n.kind == dict.Agent && (n.country == "" || n.localized) && n.acode != "":
		n.country, n.localized, n.ownCountry = m.country, false, true
		n.code = agentCode(m.country, n)
	}
}

// distributeHead gives n, the member of a compound after m, the agent
// noun that heads m's phrase when n is a bare state: "the envoys of
// Ruritania and Sylvania" are Ruritania's and Sylvania's envoys, as
// PETRARCH applies the agent of a noun phrase to every actor of its
// compound.
func distributeHead(m, n *mention) {
	if !m.headed || n.kind != dict.Country || n.code != n.country || n.country == "" {
		return
	}
	n.kind, n.sectors, n.headed = dict.Agent, m.sectors, true
	n.takeAgent(m)
	n.code = agentCode(n.country, m)
}

// hasChunk reports whether code holds the three-letter groups of sub at a
// group boundary: "USAGOV" holds "GOV".
func hasChunk(code, sub string) bool {
	for i := 0; i+len(sub) <= len(code); i += 3 {
		if code[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// formerStem is the stem of "former".
var formerStem = text.Stem("former")

// formerBefore reports whether "former" stands right before the agent
// starting at token start, or before the actor right before it ("former
// Kestria magistrates"); prev are the mentions before the agent.
func formerBefore(toks []text.Token, prev []mention, start int) bool {
	if n := len(prev); n > 0 && prev[n-1].end == start {
		start = prev[n-1].start
	}
	return start > 0 && toks[start-1].Stem == formerStem
}

// join merges n into m when they form one noun phrase and reports whether it
// did.
func (c *Coder) join(m *mention, n mention, toks []text.Token, verbAt []bool) bool {
	between := toks[m.end:n.start]
	modifiers := func(ts []text.Token) bool { return modifiers(ts, verbAt[m.end:n.start]) }
	countryLike := m.kind == dict.Country || m.kind == dict.Adjective || m.kind == dict.Capital
	switch {
	// "Iraqi forces", "Iraq's foreign minister", "Iran-backed armed groups".
	case countryLike && n.kind == dict.Agent && len(between) <= maxModifiers && modifiers(between) && !tabariApart(m, &n, between):
		sponsor := ""
		for _, t := range between {
			if sponsorWords[t.Stem] {
				sponsor = m.country
			}
		}
		m.end, m.kind, m.sectors, m.ownCountry = n.end, dict.Agent, n.sectors, m.kind != dict.Capital
		m.takeAgent(&n)
		m.code = agentCode(m.country, &n)
		if sponsor != "" {
			m.sponsor = sponsor
		}
		return true
	// "Hezbollah guerrillas", "Red Cross officials": an organisation's
	// agents are the organisation. "the Bush administration": a leader's
	// government is the government of the leader's country.
	case (m.kind == dict.Org || m.kind == dict.Person && m.country != "") && n.kind == dict.Agent && !m.titled &&
		(len(between) == 0 || len(between) == 1 && between[0].Stem == "'s"):
		if m.kind == dict.Person {
			m.kind, m.sectors, m.name = dict.Agent, n.sectors, ""
			m.takeAgent(&n)
			m.code = agentCode(m.country, &n)
		}
		m.end, m.titled = n.end, true
		return true
	// "Iraqi Prime Minister Sudani", "US Ambassador Alina Romanowski",
	// "Hamas leader Ismail Haniyeh".
	case (countryLike || m.kind == dict.Agent || m.kind == dict.Org && m.titled) && n.kind == dict.Person && len(between) <= 1 && modifiers(between):
		agent := m.kind == dict.Agent && m.acode != ""
		m.end, m.kind, m.name = n.end, dict.Person, n.name
		switch {
		case len(n.code) == 3 && n.code == n.country && agent:
			// "High Warden Orlanth", a person coded with a bare state
			// code: the person is that state's agent (VALGOV).
			m.code, m.country = agentCode(n.country, m), n.country
		case n.code != "":
			m.code, m.country, m.sectors = n.code, n.country, n.sectors
		}
		return true
	// "Prime Minister of Iraq", "forces of the coalition", "nurses from
	// two Danish charities".
	case m.kind == dict.Agent && m.country == "" && (n.kind != dict.Agent || n.country != "") && n.kind != dict.Person &&
		len(between) >= 1 && len(between) <= 2 && ofWords[between[0].Stem] && modifiers(between[1:]):
		m.end, m.country = n.end, n.country
		if n.kind == dict.Org {
			m.code, m.name, m.sectors = n.code, n.name, append(append([]string(nil), n.sectors...), m.sectors...)
		} else {
			m.code, m.headed = agentCode(n.country, m), m.heads && n.kind == dict.Country
		}
		return true
	// TABARI and PETRARCH combine an agent with the actor right after
	// it, or after "in", as with the actor before it: "High Warden
	// Orlanth" (a name coded with its state alone) is VALGOV, "lantern
	// keepers in Valdoria" NGOVAL. In English a bare country after
	// an agent most often starts a clause ("told reporters Iraq would"),
	// so only the legacy dictionaries' actors do this.
	case m.kind == dict.Agent && m.legacy && n.legacy && n.kind == dict.Country && (m.country == "" || m.country == n.country) &&
		(len(between) == 0 || m.country == "" && len(between) == 1 && between[0].Stem == "in"):
		m.end, m.country, m.kind = n.end, n.country, dict.Agent
		m.code, m.headed = agentCode(n.country, m), m.heads
		return true
	// "former harbour officials in Citadel Hall": right after the agent
	// or after "in", a legacy organisation's code takes the agent's after
	// it (VALGOVELI), unless it holds it already ("harbour officials in
	// Citadel Hall" stay VALGOV).
	case m.kind == dict.Agent && m.legacy && n.legacy && n.kind == dict.Org && m.country == "" && m.acode != "" &&
		(len(between) == 0 || len(between) == 1 && between[0].Stem == "in"):
		m.end, m.country, m.kind, m.name = n.end, n.country, dict.Org, n.name
		m.code = n.code
		if !hasChunk(n.code, m.acode) {
			m.code = agentCode(n.code, m)
		}
		return true
	// "US Ambassador to Iraq": the country served in is part of the title.
	case m.kind == dict.Agent && len(between) == 1 && between[0].Stem == "to" && envoyWords[toks[m.end-1].Stem] &&
		(n.kind == dict.Country || n.kind == dict.Capital):
		m.end = n.end
		return true
	// "government troops", "opposition activists": the head noun (the last)
	// gives the sector, the first may have given the country.
	case m.kind == dict.Agent && n.kind == dict.Agent && len(between) == 0:
		m.end = n.end
		if !genericRoles[toks[n.end-1].Stem] {
			m.sectors = n.sectors // "company officials" stay BUS
		}
		if n.legacy {
			m.takeAgent(&n)
		}
		if m.country != "" {
			m.code = agentCode(m.country, &n)
		}
		return true
	// "Iraqi Kataib Hezbollah", "Yemen's Houthis": the group keeps its code.
	case countryLike && n.kind == dict.Org && len(between) <= 1 && modifiers(between):
		n.start = m.start
		*m = n
		return true
	}
	return false
}

// tabariApart reports whether a TABARI agent n stands too far from the
// actor m before it to join it: TABARI joins an agent only to the actor
// right before it, past a possessive or "former" ("Valdoria's high
// warden", "Valdoria former wardens"), not across other words
// ("Valdoria's first high warden" is Valdoria). PETRARCH's agents
// (Heads) and sitrep's own are not so bound.
func tabariApart(m, n *mention, between []text.Token) bool {
	if !m.legacy || !n.legacy || n.heads {
		return false
	}
	if len(between) > 0 && between[0].Stem == "'s" {
		between = between[1:]
	}
	if len(between) > 0 && between[0].Stem == formerStem {
		between = between[1:]
	}
	return len(between) > 0
}

// modifiers reports whether toks can sit inside a noun phrase: lower-case
// words that start no verb pattern and are not verb forms (bar sponsor
// words and participial adjectives: "Iran-backed", "armed"), title words
// in any case ("Taiwan's Vice Foreign Minister"), hyphens and possessives.
// verbAt, if not nil, is aligned with toks.
func modifiers(toks []text.Token, verbAt []bool) bool {
	for k, t := range toks {
		switch {
		case t.Stem == "-" || t.Stem == "'s" || t.Stem == "'" || titleWords[t.Stem]:
		case t.Kind != text.Word || t.Case&(text.Capitalized|text.AllCaps) != 0:
			return false
		case k < len(verbAt) && verbAt[k], notModifiers[t.Stem], prepositions[t.Stem]:
			return false
		case t.Case&text.VerbForm != 0 && !sponsorWords[t.Stem] && !participleAdjectives[t.Stem]:
			return false
		}
	}
	return true
}

// titleWords qualify an office and are capitalised with it: "Deputy Prime
// Minister", "Acting President".
var titleWords = stemSet("vice", "deputy", "acting", "senior", "chief", "first", "interim", "caretaker",
	"outgoing", "incoming", "junior", "assistant", "associate", "principal", "supreme", "top", "executive")

// notModifiers are frequent words that end a noun phrase.
var notModifiers = stemSet("and", "or", "nor", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
	"would", "could", "said", "say", "says", "told", "also", "not", "who", "which", "that", "to", "as")

var participleAdjectives = stemSet("armed", "displaced", "detained", "wounded", "unidentified", "masked",
	"united", "elected", "exiled", "retired", "ruling", "leading", "governing", "fighting")

// months are the month names, which wire copy puts right after a subject
// ("Israel Monday", "Kenya in March").
var months = stemSet("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december")

// nameBreaks are function words that end a name even when capitalised,
// as machine translation and headlines leave them ("the foreign minister
// To Fuad Hussein").
var nameBreaks = stemSet("to", "of", "and", "in", "on", "at", "for", "from", "by", "with", "as", "the", "a", "an")

// commonCapitals are common nouns that news style writes with a capital
// ("Latvian Web sites", "Iranian Internet users"): they go on from a country
// word as its noun, not as the rest of a proper name.
var commonCapitals = stemSet("web", "internet")

// absorbNames extends a phrase over a following run of capitalised words the
// dictionaries do not know: "foreign minister Fuad Hussein", and the
// machine-translation artefact "to the Iraqi foreign minister To Fuad Hussein".
func absorbNames(toks []text.Token, end, limit int) int {
	j := end
	for j < limit {
		t := toks[j]
		// "Israel Friday reimposed ...": a day or month ends a name.
		if t.Kind == text.Word && t.Case&text.Capitalized != 0 && !dayWords[t.Stem] && !months[t.Stem] && !nameBreaks[t.Stem] && !commonCapitals[t.Stem] {
			j++
			continue
		}
		// "al-Sudani", "bin Salman", "de Mistura": particles inside names.
		if j > end && nameParticles[t.Stem] && j+1 < limit {
			k := j + 1
			if toks[k].Stem == "-" && k+1 < limit {
				k++
			}
			if toks[k].Case&text.Capitalized != 0 {
				j = k
				continue
			}
		}
		break
	}
	if j-end >= 1 && (j-end >= 2 || end > 0) {
		return j
	}
	return end
}

func nextStart(ms []mention, i, n int) int {
	if i < len(ms) {
		return ms[i].start
	}
	return n
}

// prepBefore returns the stem of the preposition before token i, skipping
// determiners and numbers, or "".
//
// The "of" of a quantity is not the phrase's preposition: in "thousands of
// students marched", "a group of Chilean engineers held talks", the
// students and the engineers are the subject; the search goes on before the
// quantity ("attacked by hundreds of rebels").
func prepBefore(toks []text.Token, i int) string {
	lo := i - 4
	for j := i - 1; j >= 0 && j >= lo; j-- {
		t := toks[j]
		switch {
		case t.Stem == "of" && j > 0 && (quantities[toks[j-1].Stem] || toks[j-1].Kind == text.Number):
			j--
			lo = j - 4
			continue
		case (t.Stem == "least" || t.Stem == "most") && j > 0 && toks[j-1].Stem == "at":
			// "at least a dozen schoolchildren": a quantity, not a place.
			j--
			continue
		case t.Kind == text.Number || determiners[t.Stem]:
			continue
		case prepositions[t.Stem] || t.Stem == "and":
			return t.Stem
		}
		return ""
	}
	return ""
}

// quantities are the nouns of "<quantity> of <people>".
var quantities = stemSet("thousands", "hundreds", "dozens", "tens", "millions", "scores", "group", "number",
	"majority", "minority", "half", "third", "quarter", "some", "many", "most", "all", "several", "few", "each",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "members", "contingent",
	"batch", "band", "handful", "couple", "lot", "none", "any", "both")

// headName reports whether m is a name that heads its noun phrase: not an
// agent or an adjective, and not followed by a noun it would qualify
// ("a Valdorian harbour spokesman"): after it come punctuation, a verb
// or a function word.
func headName(toks []text.Token, verbAt []bool, m *mention) bool {
	if m.kind == dict.Agent || m.kind == dict.Adjective {
		return false
	}
	if m.end >= len(toks) {
		return true
	}
	t := toks[m.end]
	return t.Kind != text.Word || verbAt[m.end] || notModifiers[t.Stem] || prepositions[t.Stem] || t.Case&text.VerbForm != 0
}

// isConjunction reports whether toks join two members of a compound: "and"
// (or "nor", see coordinators), a comma or ", and", then optionally a
// determiner and up to maxModifiers adjectives of the next member
// ("Valdoria and the proud ancient Kestria", "Valdoria, mighty Kestria
// and the tiny Morvane"). After a bare comma, the
// words are allowed only before a name (name is set), not an agent or
// an adjective: "Morvane, long a Kestria protectorate", "Lumen, a
// Valdorian spokesman" are appositions. verbAt, if not nil, is aligned with toks.
func isConjunction(toks []text.Token, verbAt []bool, name bool) bool {
	k := 0
	if k < len(toks) && toks[k].Stem == "," {
		k++
	}
	and := k < len(toks) && coordinators[toks[k].Stem]
	if and {
		k++
	}
	if k == 0 {
		return false
	}
	if k == len(toks) {
		return true
	}
	if !and && !name {
		return false
	}
	if determiners[toks[k].Stem] {
		k++
	}
	rest := toks[k:]
	if len(rest) > maxModifiers {
		return false
	}
	for _, t := range rest {
		if t.Stem == "-" || t.Stem == "'s" || t.Stem == "'" {
			return false
		}
	}
	if verbAt != nil {
		verbAt = verbAt[k:]
	}
	return modifiers(rest, verbAt)
}

// coordinators join the members of a compound: "A and B", and "neither
// A nor B", which names both as much as "A and B" does.
var coordinators = stemSet("and", "nor")

// place is a country word of the sentence, wherever it stands: "in Sudan",
// "Algiers", "the Ghana Revenue Authority".
type place struct {
	start, end int
	country    string
}

// localSectors are the sectors of actors that, named without a country,
// belong to the country where the text places them: "authorities in
// Croatia", "opposition parties in Malawi", "in Moldova, the president
// imposed a curfew". Foreign forces, refugees, aid
// groups, the media and business are often not of the country they are
// in, so they are left without one.
var localSectors = map[string]bool{"GOV": true, "OPP": true, "REB": true, "SEP": true, "COP": true,
	"JUD": true, "LEG": true, "PTY": true, "CVL": true, "LAB": true, "EDU": true, "REL": true, "AGR": true,
	"UAF": true, "SPY": true, "ELI": true, "HLH": true, "CRM": true}

// armedSectors are the sectors of armed actors, who often fight another
// country's: "Israeli troops killed militants" says nothing of where the
// militants are from. Their country comes from places alone.
var armedSectors = map[string]bool{"MIL": true, "COP": true, "REB": true, "SEP": true, "UAF": true, "SPY": true, "CRM": true}

// bareLocal reports whether m is an agent with a local sector and no country.
func bareLocal(m *mention) bool {
	return m.kind == dict.Agent && m.country == "" && len(m.sectors) > 0 && localSectors[m.sectors[0]]
}

// ethnic makes a people named with "ethnic" before it a people apart from
// the state its name comes from: "ethnic Hungarians", "ethnic Russian
// voters" are most often a minority living in another country
// (Hungarians in Slovakia, Russians in Latvia), which localize may then
// give them. A bare people becomes civilians (CVL); an agent keeps
// its sector.
func ethnic(ms []mention, toks []text.Token) {
	for i := range ms {
		m := &ms[i]
		if m.legacy || m.start == 0 || toks[m.start-1].Stem != "ethnic" || m.country == "" {
			continue
		}
		switch {
		case m.kind == dict.Agent && m.acode != "" && !m.prefix:
			m.country, m.ownCountry = "", false
			m.code = agentCode("", m)
		case (m.kind == dict.Adjective || m.kind == dict.Country) && m.code == m.country:
			m.kind, m.country, m.sectors = dict.Agent, "", []string{"CVL"}
			m.acode, m.prefix, m.code = "CVL", false, "CVL"
		}
	}
}

// localize gives agents named without a country the country the sentence
// places them in. "<agent> in <country>" is the agent of that country, and
// the phrase takes in the country ("rebels in Mali"); otherwise
// an agent takes the country of the sentence when the sentence names only
// one, ignoring actors of the agent's own sector, which are most often
// another country's counterparts ("President Varga met Polish President
// Jan Nowak"), and armed actors (see armedSectors). An agent of TABARI's
// or PETRARCH's dictionaries does not: those programs give an agent the
// country of the actor it is written with ("Valdorian officials",
// "officials of Valdoria") or none.
//
// No actor after the verb that follows the agent counts when it is, or may
// be, what the agent acts on, most often another country ("the president
// condemned Russia", "the Senate voted sanctions on Iran", "a curfew in
// Moldova", which sceneTarget may make the target; see mayBeTarget). A
// place that is no actor ("protested in Nairobi") and an actor after a
// locative ("protested outside the ministry") still count. verbAt marks
// where verb patterns start.
func localize(ms []mention, places []place, toks []text.Token, verbAt []bool) []mention {
	for i := 0; i < len(ms); i++ {
		m := &ms[i]
		if !bareLocal(m) || m.end >= len(toks) || toks[m.end].Stem != "in" {
			continue
		}
		k := m.end + 1
		if k < len(toks) && toks[k].Stem == "the" {
			k++
		}
		for _, p := range places {
			if p.start != k {
				continue
			}
			m.country, m.code, m.end = p.country, agentCode(p.country, m), p.end
			if i+1 < len(ms) && ms[i+1].start < p.end {
				ms = append(ms[:i+1], ms[i+2:]...)
			}
			break
		}
	}
	for i := range ms {
		m := &ms[i]
		if !bareLocal(m) || m.legacy {
			continue
		}
		// cut is where the agent's verb starts; a pattern that opens
		// inside the agent ("militants fired") starts after it.
		cut := len(toks)
		for k := m.start; k < len(toks) && k < len(verbAt); k++ {
			if verbAt[k] {
				cut = max(k, m.end)
				break
			}
		}
		country := ""
		unique := true
		note := func(c string) {
			switch {
			case c == "":
			case country == "":
				country = c
			case c != country:
				unique = false
			}
		}
		for _, p := range places {
			inside := false
			for j := range ms {
				if ms[j].start <= p.start && p.end <= ms[j].end {
					inside = true // counted with its mention below
					break
				}
			}
			if !inside {
				note(p.country)
			}
		}
		for j := range ms {
			o := &ms[j]
			if j == i || o.start >= cut && mayBeTarget(o, toks) || len(o.sectors) > 0 && (o.sectors[0] == m.sectors[0] || armedSectors[o.sectors[0]]) || armedSectors[m.sectors[0]] {
				continue
			}
			note(o.country)
		}
		if country != "" && unique {
			m.country, m.code, m.localized = country, agentCode(country, m), true
		}
	}
	return ms
}

// mayBeTarget reports whether the mention o, after a verb, may be taken as
// its target: not after a locative ("outside the ministry"), which only a
// legacy verb takes, unless it is a state after "in", which sceneTarget
// takes.
func mayBeTarget(o *mention, toks []text.Token) bool {
	p := prepBefore(toks, o.start)
	if !placePreps[p] || o.legacy {
		return true
	}
	return (p == "in" || p == "inside") && o.kind == dict.Country
}
