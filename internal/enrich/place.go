package enrich

import (
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Places sets the location of each event of one article. Not yet
// implemented: events keep a nil Location.
func Places(a *reader.Article, es []event.Event) {}
