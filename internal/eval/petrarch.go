package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/dict"
)

// petrarchDicts are the dictionaries of PETRARCH's unit suite, beside it in
// dataDir/petrarch. The suite's actors are fictional ("Arnor", "Gondor"):
// only these dictionaries resolve them, so the suite ignores the coder Run
// is given.
var petrarchDicts = []string{
	"PETR.Validate.actors.txt",
	"PETR.Validate.agents.txt",
	"PETR.Validate.discards.txt",
	"PETR.Validate.verbs.txt",
}

// petrarchDoc is the part of PETR.UnitTest.records.xml the suite reads. The
// Penn Treebank parse of each record is left out: sitrep is parse-free.
type petrarchDoc struct {
	Sentences []petrarchRecord `xml:"Sentences>Sentence"`
}

type petrarchRecord struct {
	ID      string           `xml:"id,attr"`
	Date    string           `xml:"date,attr"` // YYYYMMDD
	Codings []petrarchCoding `xml:"EventCoding"`
	Text    string           `xml:"Text"`
}

// petrarchCoding is one expected event (source, target and event codes),
// or noevents="True", or error="…" for a record PETRARCH refuses to code
// (a dateline, a bad parse, a story or sentence discard).
type petrarchCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Event    string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

// expected returns the record's expected events as sorted "SRC/TGT/CODE"
// strings, none for a record that expects no event or an error.
func (r *petrarchRecord) expected() []string {
	var out []string
	for _, c := range r.Codings {
		if c.NoEvents != "" || c.Error != "" || c.Event == "" {
			continue
		}
		out = append(out, strings.Trim(c.Source, `"`)+"/"+strings.Trim(c.Target, `"`)+"/"+c.Event)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// petrarchCoder compiles the suite's own dictionaries into a coder, through
// sitrep's PETRARCH reader and without the built-in dictionaries. Lines the
// reader rejects (the verbs file holds test codes such as "[174K]") are left
// out, as sitrep code --dict does.
func petrarchCoder(dir string) (*coder.Coder, error) {
	d := &dict.Dictionary{}
	for _, name := range petrarchDicts {
		one, _, err := dict.LoadFile(filepath.Join(dir, name))
		if one == nil {
			return nil, err
		}
		var el dict.ErrorList
		if err != nil && !errors.As(err, &el) {
			return nil, err
		}
		d.Merge(one)
	}
	return coder.New(dict.Compile(d)), nil
}

// petrarch scores PETRARCH2's unit suite (PETR.UnitTest.records.xml): each
// record is coded with a coder built from the PETR.Validate.* dictionaries
// and dated by the record's date, and passes when the set of coded
// (source, target, code) triples equals the expected set; a record that
// expects no event, or an error (PETRARCH refusing to code it), passes
// when nothing is coded. Actors are written as PETRARCH writes them: "---"
// for a missing side, "---" before the sectors of an agent without a
// country ("---GOV").
//
// As PETRARCH runs the suite (its require_dyad option, on unless a config
// turns it off, and the suite does not), an event without a source or a
// target is not output: pass_rate leaves coded one-sided events out, and
// pass_rate_one_sided_kept keeps them. A few records still expect
// one-sided events ("---GOV/---/023"), a TABARI legacy that PETRARCH's
// default fails too.
func petrarch(dir string) (*Result, error) {
	path := filepath.Join(dir, "PETR.UnitTest.records.xml")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc petrarchDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c, err := petrarchCoder(dir)
	if err != nil {
		return nil, err
	}
	r := &Result{Suite: "petrarch", Scores: map[string]float64{}}
	conf := confusions{}
	var pass, passAll, withEvents, passEvents, none, passNone int
	for i := range doc.Sentences {
		rec := &doc.Sentences[i]
		r.Cases++
		text := strings.Join(strings.Fields(rec.Text), " ")
		gold := rec.expected()
		es := codeSentence(c, rec.ID, isoDate(rec.Date), text)
		var pred, all []string
		for k := range es {
			src, tgt := petrarchActor(es[k].Source), petrarchActor(es[k].Target)
			t := src + "/" + tgt + "/" + es[k].CAMEO.Code
			all = append(all, t)
			if src != "---" && tgt != "---" {
				pred = append(pred, t)
			}
		}
		sort.Strings(pred)
		pred = slices.Compact(pred)
		sort.Strings(all)
		if slices.Equal(gold, slices.Compact(all)) {
			passAll++
		}
		ok := slices.Equal(gold, pred)
		if len(gold) == 0 {
			none++
		} else {
			withEvents++
		}
		if ok {
			pass++
			if len(gold) == 0 {
				passNone++
			} else {
				passEvents++
			}
			continue
		}
		g, p := joinOrNone(gold), joinOrNone(pred)
		r.Misses = append(r.Misses, miss(rec.ID, text, g, p, Best(es)))
		conf.add(codesOf(gold), codesOf(pred))
	}
	r.Scores["pass_rate"] = ratio(pass, r.Cases)
	r.Scores["events_pass_rate"] = ratio(passEvents, withEvents)
	r.Scores["none_pass_rate"] = ratio(passNone, none)
	r.Scores["pass_rate_one_sided_kept"] = ratio(passAll, r.Cases)
	r.Confusions = conf.top(15)
	return r, nil
}

// petrarchActor writes an event's actor as PETRARCH codes it.
func petrarchActor(a *event.Actor) string {
	switch {
	case a == nil || a.Code == "":
		return "---"
	case a.Country == "" && a.Name == "" && len(a.Sectors) > 0 && a.Code == a.Sectors[0]:
		// An agent without a country ("students"): PETRARCH writes the
		// missing country as "---".
		return "---" + a.Code
	}
	return a.Code
}

// isoDate turns YYYYMMDD into YYYY-MM-DD; anything else is returned as is.
func isoDate(s string) string {
	if len(s) != 8 {
		return s
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}

// codesOf returns the event codes of "SRC/TGT/CODE" triples, sorted and
// joined by "+", or "none": the label confusions count.
func codesOf(ts []string) string {
	var out []string
	for _, t := range ts {
		out = append(out, t[strings.LastIndexByte(t, '/')+1:])
	}
	sort.Strings(out)
	return joinOrNone(slices.Compact(out))
}

func joinOrNone(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	return strings.Join(ss, " ")
}
