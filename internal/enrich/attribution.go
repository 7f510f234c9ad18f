package enrich

import (
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Attributions sets who claims each event of one article. Not yet
// implemented: events keep a nil Attribution.
func Attributions(a *reader.Article, es []event.Event) {}
