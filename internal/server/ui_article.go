package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/store"
)

// articlePage is the data of an article page: the text with the evidence
// of one event highlighted, that event's details, and the article's events.
type articlePage struct {
	Layout  layout
	Article *store.ArticleRow
	// Segments are the article text cut at the highlight boundaries.
	Segments []segment
	// Event is the highlighted event, nil when the article has none.
	Event  *eventDetail
	Events []eventRow
}

// segment is a run of article text; Class names its highlight ("" for
// none): sentence, source, target, place or trigger. Anchor is set on the
// first highlighted run, which the event links jump to.
type segment struct {
	Text   string
	Class  string
	Anchor bool
}

// eventDetail is everything an article page says about one event.
type eventDetail struct {
	Row        eventRow
	Trigger    string
	SourceText string
	TargetText string
	PlaceText  string
	Fields     []field
}

// field is one line of the event's description list.
type field struct{ Name, Value string }

// articlePage is GET /articles/{id}?event=ID: the article with the
// evidence of event ID (by default its first event) highlighted.
func (h *handler) articlePage(w http.ResponseWriter, r *http.Request) {
	p, err := onlyParams(r.URL.Query(), "event")
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	id := r.PathValue("id")
	a, rows, err := h.store.Article(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			err = fmt.Errorf("no article %q: %w", id, store.ErrNotFound)
		}
		h.renderError(w, r, err)
		return
	}
	page := &articlePage{Layout: layout{Title: cmpOr(a.Title, a.ID), Nav: "article"}, Article: a}
	want := p.get("event")
	sel := -1
	for i := range rows {
		if rows[i].ID == want || want == "" && sel < 0 {
			sel = i
		}
	}
	if want != "" && sel < 0 {
		h.renderError(w, r, fmt.Errorf("article %q has no event %q: %w", id, want, store.ErrNotFound))
		return
	}
	for i := range rows {
		v := newEventRow(&rows[i])
		v.Selected = i == sel
		page.Events = append(page.Events, v)
	}
	if sel >= 0 {
		page.Event = newEventDetail(&rows[sel], page.Events[sel])
		page.Segments = highlight(a.Text, evidenceSpans(&rows[sel].Event))
	} else {
		page.Segments = []segment{{Text: a.Text}}
	}
	h.render(w, r, http.StatusOK, "article", page)
}

func newEventDetail(r *store.Row, row eventRow) *eventDetail {
	e := &r.Event
	d := &eventDetail{Row: row, Trigger: e.Evidence.Trigger}
	if e.Source != nil {
		d.SourceText = e.Source.Text
	}
	if e.Target != nil {
		d.TargetText = e.Target.Text
	}
	add := func(name, value string) {
		if value != "" {
			d.Fields = append(d.Fields, field{name, value})
		}
	}
	add("CAMEO", e.CAMEO.Code+" "+e.CAMEO.Name)
	if c, ok := ontology.Lookup(e.CAMEO.Root); ok {
		add("Root", c.Code+" "+c.Name)
	}
	add("Quad class", strings.TrimSpace(fmt.Sprintf("%d %s", e.QuadClass, ontology.QuadClassName(e.QuadClass))))
	add("Goldstein", strconv.FormatFloat(e.Goldstein, 'f', -1, 64))
	add("PLOVER", strings.TrimSpace(e.PLOVER.Event+" "+e.PLOVER.Mode))
	if e.ACLED != nil {
		add("ACLED", strings.TrimSuffix(e.ACLED.EventType+" / "+e.ACLED.SubEventType, " / "))
	}
	add("Source", actorDetail(e.Source))
	add("Target", actorDetail(e.Target))
	date := cmpOr(e.Date, "unknown")
	if e.DatePrecision != "" || e.DateType != "" {
		date += " (" + strings.Trim(e.DatePrecision+", "+e.DateType, ", ") + ")"
	}
	add("Date", date)
	add("Published", e.PubDate)
	if l := e.Location; l != nil {
		d.PlaceText = l.Name
		add("Place", fmt.Sprintf("%s: %s, %s (%s, %.2f, %.2f)", l.Name, cmpOr(l.Resolved, "?"), cmpOr(l.Country, "?"), l.Precision, l.Lat, l.Lon))
	}
	modality := e.Modality
	if e.ModalityCue != "" {
		modality += " (" + e.ModalityCue + ")"
	}
	add("Modality", modality)
	if at := e.Attribution; at != nil {
		add("According to", at.Text)
	}
	var counts []string
	for _, c := range e.Counts {
		counts = append(counts, fmt.Sprintf("%s %d (%s)", c.Kind, c.Number, c.Text))
	}
	add("Counts", strings.Join(counts, "; "))
	add("Reports", plural(r.NumMentions, "mention")+" in "+plural(r.NumArticles, "article")+" from "+plural(r.NumSources, "publisher"))
	add("Confidence", strconv.FormatFloat(e.Confidence, 'f', 2, 64))
	add("Rule", e.Evidence.Rule)
	add("Event ID", e.ID)
	return d
}

// plural returns "1 article" or "2 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func actorDetail(a *event.Actor) string {
	if a == nil {
		return ""
	}
	s := a.Text + " → " + a.Code
	if a.Name != "" {
		s += " (" + a.Name + ")"
	}
	return s
}

// span is a byte range of the article to highlight with class; a higher
// rank wins where spans overlap.
type span struct {
	start, end int
	class      string
}

// spanRank orders the highlight classes, weakest first.
var spanRank = []string{"", "sentence", "place", "source", "target", "trigger"}

// evidenceSpans returns the spans of e's evidence: its sentence, place,
// actors and trigger.
func evidenceSpans(e *event.Event) []span {
	ev := &e.Evidence
	spans := []span{
		{ev.SentenceStart, ev.SentenceStart + len(ev.Sentence), "sentence"},
		{ev.TriggerStart, ev.TriggerEnd, "trigger"},
	}
	if a := e.Source; a != nil {
		spans = append(spans, span{a.Start, a.End, "source"})
	}
	if a := e.Target; a != nil {
		spans = append(spans, span{a.Start, a.End, "target"})
	}
	if l := e.Location; l != nil {
		spans = append(spans, span{l.Start, l.End, "place"})
	}
	for _, l := range e.Locations {
		spans = append(spans, span{l.Start, l.End, "place"})
	}
	return spans
}

// highlight cuts text into segments at the span boundaries. Spans that are
// empty, out of range or not on UTF-8 character boundaries are ignored, so
// a bad offset never garbles the text.
func highlight(text string, spans []span) []segment {
	lo, hi := len(text), 0
	var ok []span
	for _, s := range spans {
		if s.start < 0 || s.end <= s.start || s.end > len(text) ||
			!utf8.RuneStart(text[s.start]) || s.end < len(text) && !utf8.RuneStart(text[s.end]) {
			continue
		}
		ok = append(ok, s)
		lo, hi = min(lo, s.start), max(hi, s.end)
	}
	if len(ok) == 0 {
		return []segment{{Text: text}}
	}
	rank := make([]uint8, hi-lo)
	for _, s := range ok {
		r := uint8(indexOf(spanRank, s.class))
		for i := s.start; i < s.end; i++ {
			rank[i-lo] = max(rank[i-lo], r)
		}
	}
	segs := []segment{}
	if lo > 0 {
		segs = append(segs, segment{Text: text[:lo]})
	}
	anchored := false
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && rank[j-lo] == rank[i-lo] {
			j++
		}
		s := segment{Text: text[i:j], Class: spanRank[rank[i-lo]]}
		if s.Class != "" && !anchored {
			s.Anchor, anchored = true, true
		}
		segs = append(segs, s)
		i = j
	}
	if hi < len(text) {
		segs = append(segs, segment{Text: text[hi:]})
	}
	return segs
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return 0
}
