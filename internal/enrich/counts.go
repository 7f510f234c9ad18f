package enrich

import (
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Counts attaches the numbers of each event's sentence. Not yet
// implemented: events keep no Counts.
func Counts(a *reader.Article, es []event.Event) {}
