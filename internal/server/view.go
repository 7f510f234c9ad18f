package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/store"
)

// eventRow is one line of an event table, ready to print.
type eventRow struct {
	ID string
	// Href opens the article with this event highlighted.
	Href               string
	Date               string
	Source, SourceName string
	Target, TargetName string
	CAMEO, Action      string
	Quad               int
	QuadName           string
	PLOVER             string
	Place              string
	Modality           string
	Mentions           int
	Sentence           string
	// Selected marks the event shown on an article page.
	Selected bool
}

func newEventRow(r *store.Row) eventRow {
	e := &r.Event
	v := eventRow{
		ID:       e.ID,
		Href:     articleHref(e.ArticleID, e.ID),
		Date:     e.Date,
		CAMEO:    e.CAMEO.Code,
		Action:   e.CAMEO.Name,
		Quad:     e.QuadClass,
		QuadName: ontology.QuadClassName(e.QuadClass),
		PLOVER:   e.PLOVER.Event,
		Modality: e.Modality,
		Mentions: r.NumMentions,
		Sentence: e.Evidence.Sentence,
	}
	if v.Date == "" {
		v.Date = "undated"
	}
	v.Source, v.SourceName = actorLabel(e.Source)
	v.Target, v.TargetName = actorLabel(e.Target)
	if l := e.Location; l != nil {
		v.Place = cmpOr(l.Resolved, l.Name)
		if l.Country != "" && l.Country != v.Place {
			v.Place += " (" + l.Country + ")"
		}
	}
	return v
}

// articleHref is the URL of the article page showing event eventID.
func articleHref(articleID, eventID string) string {
	u := "/articles/" + url.PathEscape(articleID)
	if eventID != "" {
		u += "?event=" + url.QueryEscape(eventID) + "#evidence"
	}
	return u
}

// actorLabel returns an actor's code and its text as written, "—" when
// there is no actor.
func actorLabel(a *event.Actor) (code, text string) {
	if a == nil {
		return "—", ""
	}
	return cmpOr(a.Code, "?"), a.Text
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// option is one entry of a select.
type option struct {
	Value, Label string
	Selected     bool
}

func options(selected string, pairs ...string) []option {
	var os []option
	for i := 0; i+1 < len(pairs); i += 2 {
		os = append(os, option{Value: pairs[i], Label: pairs[i+1], Selected: pairs[i] == selected})
	}
	return os
}

// filterForm is the filter form of the dashboard with its current values.
type filterForm struct {
	From, To, Source, Target, Country, CAMEO, Text string
	Roots, Quads, PLOVERs, ACLEDs                  []option
	Intervals, Splits                              []option
}

func newFilterForm(f store.Filter, interval, by string) filterForm {
	ff := filterForm{From: f.From, To: f.To, Source: f.Source, Target: f.Target, Country: f.Country, CAMEO: f.CAMEO, Text: f.Text}
	roots := []string{"", "any root"}
	quads := []string{"", "any quad class"}
	plovers := []string{"", "any PLOVER type"}
	acleds := []string{"", "any ACLED type"}
	var acledTypes []string
	for _, c := range ontology.Codes() {
		if c.Level == 0 {
			roots = append(roots, c.Code, c.Code+" "+c.Name)
		}
		if c.ACLEDType != "" && !slices.Contains(acledTypes, c.ACLEDType) {
			acledTypes = append(acledTypes, c.ACLEDType)
		}
	}
	slices.Sort(acledTypes)
	for _, t := range acledTypes {
		acleds = append(acleds, t, t)
	}
	for q := 1; q <= 4; q++ {
		quads = append(quads, strconv.Itoa(q), fmt.Sprintf("%d %s", q, ontology.QuadClassName(q)))
	}
	for _, t := range ontology.PLOVERTypes() {
		plovers = append(plovers, t.Event, t.Event)
	}
	quad := ""
	if f.Quad != 0 {
		quad = strconv.Itoa(f.Quad)
	}
	ff.Roots = options(f.Root, roots...)
	ff.Quads = options(quad, quads...)
	ff.PLOVERs = options(f.PLOVER, plovers...)
	ff.ACLEDs = options(f.ACLED, acleds...)
	var ivs, sps []string
	for _, s := range intervals {
		if s == "auto" {
			ivs = append(ivs, s, "automatic")
			continue
		}
		ivs = append(ivs, s, "by "+s)
	}
	for _, s := range splits {
		sps = append(sps, s, map[string]string{"none": "all events", "root": "split by CAMEO root", "quad": "split by quad class",
			"plover": "split by PLOVER type", "country": "split by country"}[s])
	}
	ff.Intervals = options(interval, ivs...)
	ff.Splits = options(by, sps...)
	return ff
}

// filterQuery returns the filter as URL query parameters, without cursor and
// limit.
func filterQuery(f store.Filter) url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("from", f.From)
	set("to", f.To)
	set("source", f.Source)
	set("target", f.Target)
	set("country", f.Country)
	set("cameo", f.CAMEO)
	set("root", f.Root)
	if f.Quad != 0 {
		v.Set("quad", strconv.Itoa(f.Quad))
	}
	set("plover", f.PLOVER)
	set("acled", f.ACLED)
	set("text", f.Text)
	return v
}

// describeFilter says in words what f selects, for headings.
func describeFilter(f store.Filter) string {
	var parts []string
	add := func(name, v string) {
		if v != "" {
			parts = append(parts, name+" "+v)
		}
	}
	add("from", f.From)
	add("to", f.To)
	add("source", f.Source)
	add("target", f.Target)
	add("in", f.Country)
	add("CAMEO", f.CAMEO)
	add("root", f.Root)
	if f.Quad != 0 {
		add("quad class", strconv.Itoa(f.Quad))
	}
	add("PLOVER", f.PLOVER)
	add("ACLED", f.ACLED)
	if f.Text != "" {
		add("text", strconv.Quote(f.Text))
	}
	if len(parts) == 0 {
		return "all events"
	}
	return "events " + strings.Join(parts, ", ")
}
