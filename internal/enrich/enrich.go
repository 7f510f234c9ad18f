// Package enrich is the fourth stage of sitrep: it refines coded events with
// the context the coder does not look at — the event date resolved from the
// text, the place, who claims it, and the numbers attached to it. Each
// enricher is a pure function over one article's events.
package enrich

import (
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Article enriches the events of one article in place, in a fixed order:
// dates, then places, attribution and counts. An asserted event that the
// text attributes to someone ("four sources told Reuters") becomes
// "reported": still a fact for --facts-only, but a claim.
func Article(a *reader.Article, es []event.Event) {
	Dates(es)
	Places(a, es)
	Attributions(a, es)
	Counts(a, es)
	for i := range es {
		if e := &es[i]; e.Attribution != nil && e.Modality == event.Asserted {
			e.Modality, e.ModalityCue = event.Reported, e.Attribution.Text
		}
	}
}
