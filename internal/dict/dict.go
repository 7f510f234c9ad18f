// Package dict holds sitrep's dictionaries: actors (countries, organisations,
// armed groups, people with dated roles), agent nouns, and verb and noun
// patterns to CAMEO codes. It loads them from sitrep's TSV format
// (docs/dictionaries.md), embedded for the built-in set, and compiles them
// into token tries that the coder matches against stemmed tokens.
package dict

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// Kind says what sort of dictionary entry an actor phrase came from, which
// decides how the coder combines it with neighbouring words.
type Kind uint8

// Actor entry kinds.
const (
	Country   Kind = iota + 1 // a state's name: "Iraq"
	Adjective                 // a state's adjective or demonym: "Iraqi"
	Capital                   // a capital used for its government: "Baghdad"
	Org                       // an organisation or armed group: "NATO", "Hezbollah"
	Person                    // a person with dated roles
	Agent                     // a generic agent noun: "troops", "foreign minister"
)

func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Adjective:
		return "adjective"
	case Capital:
		return "capital"
	case Org:
		return "org"
	case Person:
		return "person"
	case Agent:
		return "agent"
	}
	return "unknown"
}

// Role is a dated actor code of a person. From and To are YYYY-MM-DD, empty
// when open.
type Role struct {
	Code, Title, From, To string
}

// Actor is one dictionary actor. For Country, Adjective and Capital entries
// Code is the country code (a Capital's code adds GOV); for Agent entries
// Code is empty and Sectors holds the sector codes.
type Actor struct {
	Kind    Kind
	Code    string
	Country string
	Sectors []string
	// PLOVERSectors are the PLOVER sector codes where they differ.
	PLOVERSectors []string
	Name          string
	Sponsor       string
	Roles         []Role
	// Rule is "file:line" of the entry.
	Rule string
	// Legacy marks an entry of a TABARI or PETRARCH actors or agents
	// file. Those programs combine an agent with the actor next to it in
	// either order ("High Warden Orlanth", "magistrates Kestria") and
	// append the agent's whole code ("~GOVTDM": VALGOVTDM), as their
	// manuals define; sitrep's own agents name one sector first.
	Legacy bool
	// Prefix marks a legacy agent written "[CODE~]", whose code goes
	// before the actor's: "lantern keepers [NGO~] in Valdoria" is
	// NGOVAL.
	Prefix bool
	// Heads marks a PETRARCH agent, which heads every actor of a
	// compound after its "of" or "in": PETRARCH codes "the wardens of
	// Valdoria and Kestria" as both states' wardens, where TABARI gives
	// the agent to the first state alone.
	Heads bool
}

// CodeAt returns the actor code for an event on date (YYYY-MM-DD, may be
// empty). A person's role whose dates contain date wins; a person outside
// all roles is coded as an elite (country + ELI) of their last role's country.
// Without a date, the open role wins, else the latest role: an undated
// article about a former prime minister is most likely about the prime
// minister.
func (a *Actor) CodeAt(date string) (code string, role *Role) {
	if a.Kind != Person || len(a.Roles) == 0 {
		return a.Code, nil
	}
	if date == "" {
		latest := &a.Roles[0]
		for i := range a.Roles {
			r := &a.Roles[i]
			if r.To == "" {
				return r.Code, r
			}
			if r.To > latest.To {
				latest = r
			}
		}
		return latest.Code, latest
	}
	for i := range a.Roles {
		r := &a.Roles[i]
		if (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To) {
			return r.Code, r
		}
	}
	last := a.Roles[len(a.Roles)-1]
	if len(last.Code) >= 3 {
		return last.Code[:3] + "ELI", nil
	}
	return last.Code, nil
}

// Verb is one expanded verb or noun pattern.
type Verb struct {
	Code    string
	Pattern string // as written in the file
	Example string
	// TargetAfter is set when the pattern ends with "+": the target is the
	// actor right after the trigger.
	TargetAfter bool
	// TargetInside is set when "+" stands inside the pattern ("order + to"):
	// the target is the actor within the matched words.
	TargetInside bool
	// Words is the number of literal tokens (not gaps) in this expansion; it
	// ranks overlapping matches.
	Words int
	Rule  string // "file:line"
	// PLOVER, when set, overrides the PLOVER event and mode that the CAMEO
	// code maps to ("RETREAT/resign"): PLOVER is finer than CAMEO in places.
	PLOVER string
	// Reverse is the code of the reverse event of a paired code, TABARI's
	// and PETRARCH's "[032:033]": the target does Reverse to the source
	// ("left for" is a visit and a receiving of the visit). Only the TABARI
	// and PETRARCH loaders set it.
	Reverse string
	// Literal keeps Code as written: the coder does not turn an announced
	// or refused event into an intent, threat or rejection, which are
	// CAMEO's codes. The TABARI and PETRARCH loaders set it, as their codes
	// are the dictionary's own (TABARI's demonstration set and PETRARCH's
	// validation set use WEIS codes), the programs code them as written, and
	// their patterns spell such readings out ("- SAID WOULD * [173]").
	Literal bool
	// Legacy marks an entry of a TABARI or PETRARCH verb dictionary. The
	// coder codes those as the programs do: the first verb of a clause
	// wins, and a pattern line ("- * TIES [064]") of the verb wins over the
	// verb's own code.
	Legacy bool
	// Patterned is set for a legacy pattern line, as opposed to the verb
	// line itself.
	Patterned bool
	// Lead and Tail are set for a legacy pattern with words before its
	// verb ("- IN_ *", "- SAID * TO") or after it ("- * TIES"): its
	// matches do not begin, or end, with the verb.
	Lead, Tail bool
	// Synset marks a TABARI pattern that holds a synset ("- *
	// &CURRENCY"): where it and a pattern of literal words match the same
	// words ("- * DOLLAR"), the literal one, the more specific, wins.
	Synset bool
	// Parsed marks a PETRARCH verb. PETRARCH matches its verbs on a
	// parse: a word is a verb only where the parser found one, and the
	// verb's object is its target wherever the pattern's words go on.
	Parsed bool
	// Whole makes the entry's words match only the same words, whatever
	// their case, not every word of their stem: PETRARCH does no stemming
	// and matches the forms its dictionaries list, with the regular
	// inflections of a verb generated when it is read ("DEPART" is
	// "departs", "departed", "departing"; irregular forms are listed in
	// braces) and plurals of synset nouns (see parsePetrarchVerbs).
	Whole bool
	// Slots are the actor positions a legacy pattern spells out, in
	// pattern order; nil when it names none.
	Slots []Slot
}

// Slot is an actor position written in a TABARI or PETRARCH pattern: "$"
// the source, "+" the target, "%" a compound actor whose members act on
// each other ("- % JOINTLY * [0311]": "A and B jointly ...").
type Slot struct {
	Role byte // '$', '+' or '%'
	// Where is -1 for a slot before the pattern's first word ("+ WAS *
	// DEAD"), 0 between two words ("SAID $ *"), 1 after the last word
	// ("* FROM $").
	Where int8
	// Skip is how many noun phrases ("^") stand between the slot and the
	// words next to it: "* ALONGSIDE ^ +" is the second actor after
	// "alongside".
	Skip int8
}

// Dictionary is a loaded set of dictionaries, not yet compiled.
type Dictionary struct {
	Actors []Actor
	// Phrases maps each actor phrase to the index of its actor in Actors.
	Phrases []Phrase
	Verbs   []Verb
	// VerbTokens holds each verb expansion's token sequence ("*" for gaps).
	VerbTokens [][]string
	// Files lists the files loaded, with their entry counts.
	Files []FileStats
	// Discards are phrases marking text not to code: PETRARCH discards
	// (a leading "+" marks a story-level discard, the others discard the
	// sentence) and TABARI "[###]" entries. The coder codes nothing in a
	// sentence holding a sentence discard, nor in an article holding a
	// story discard.
	Discards []string
}

// Phrase is one name of an actor.
type Phrase struct {
	Text  string
	Actor int
	// Prefix lets the phrase's last word match any longer word it begins
	// (compared without regard to case, not on stems), as in TABARI,
	// whose names match as prefixes unless they end with "_" ("VALDORIA"
	// matches "Valdorian"; "TALMAR_" only "Talmar").
	Prefix bool
	// LooseCase lets the words match whatever their case: TABARI writes
	// names in capitals ("PORT_LUMEN_HARBOUR_RADIO_"), which say nothing
	// of how a text writes them ("Port Lumen harbour radio"), and reads
	// the text in capitals too ("port lumen harbour radio").
	LooseCase bool
	// Gaps are the indexes of the words (in Text's words) that other
	// words may precede in the text: TABARI writes "COUNCIL VELMARSH_HOLD",
	// where the space lets words stand between ("the Council of Velmarsh
	// Hold") and "_" joins adjacent words. Up to maxActorGap tokens
	// may stand between.
	Gaps []int
	// Exact marks a TABARI name written with a final "=" ("OSTRELLE="):
	// it matches only as written (Whole), without the noun endings "_"
	// allows, "'s" included.
	Exact bool
	// Whole makes the phrase's words match only the same words, whatever
	// their case, as PETRARCH matches its actors and agents: no stemming,
	// an agent's plural is a phrase of its own, regular ones generated when
	// the dictionary is read (see parseLegacyAgents).
	Whole bool
}

// FileStats counts what one file contributed.
type FileStats struct {
	Name                   string
	Kind                   string
	Entries, Phrases, Rows int
}

// Merge appends the entries of o to d (o's entries are consulted after d's
// at equal match length, so user dictionaries loaded later extend the
// built-in ones and a longer user phrase wins).
func (d *Dictionary) Merge(o *Dictionary) {
	base := len(d.Actors)
	d.Actors = append(d.Actors, o.Actors...)
	for _, p := range o.Phrases {
		p.Actor += base
		d.Phrases = append(d.Phrases, p)
	}
	d.Verbs = append(d.Verbs, o.Verbs...)
	d.VerbTokens = append(d.VerbTokens, o.VerbTokens...)
	d.Files = append(d.Files, o.Files...)
	d.Discards = append(d.Discards, o.Discards...)
}

//go:embed data/*.tsv
var builtinFS embed.FS

// Builtin returns the compiled built-in dictionaries, loaded and compiled
// once. It panics if the embedded data does not parse; a test loads it.
var Builtin = sync.OnceValue(func() *Compiled {
	d, err := LoadFS(builtinFS, "data")
	if err != nil {
		panic(fmt.Sprintf("built-in dictionaries: %v", err))
	}
	return Compile(d)
})

// BuiltinDictionary returns the uncompiled built-in dictionaries, for merging
// with user dictionaries before compiling.
func BuiltinDictionary() (*Dictionary, error) { return LoadFS(builtinFS, "data") }

// LoadFS loads every .tsv file under dir in fsys, in name order.
func LoadFS(fsys fs.FS, dir string) (*Dictionary, error) {
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !de.IsDir() && strings.HasSuffix(p, ".tsv") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	d := &Dictionary{}
	var errs ErrorList
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		one, err := Parse(path.Base(name), string(b))
		if err != nil {
			if el, ok := err.(ErrorList); ok {
				errs = append(errs, el...)
			} else {
				errs = append(errs, &ParseError{File: name, Err: err})
			}
		}
		if one != nil {
			d.Merge(one)
		}
	}
	return d, errs.Err()
}
