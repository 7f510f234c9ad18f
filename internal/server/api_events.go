package server

import (
	"net/http"

	"github.com/sitrep/sitrep/internal/store"
)

// eventsPage is the answer of GET /api/events.
type eventsPage struct {
	Events []store.Row `json:"events"`
	// NextCursor fetches the next page as ?cursor=...; "" on the last page.
	NextCursor string `json:"next_cursor"`
}

// listEvents is GET /api/events: the events matching the filter
// parameters, newest first, one page of limit (default 50, capped at
// Options.MaxPage) after cursor.
func (h *handler) listEvents(w http.ResponseWriter, r *http.Request) {
	f, err := h.pageFilter(r, "cursor", "limit")
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	rows, next, err := h.store.Events(r.Context(), f)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	if rows == nil {
		rows = []store.Row{}
	}
	writeJSON(w, http.StatusOK, eventsPage{Events: rows, NextCursor: next})
}

// pageFilter parses the filter, cursor and limit of a listing that also
// accepts the parameters extra.
func (h *handler) pageFilter(r *http.Request, extra ...string) (store.Filter, error) {
	p, err := newParams(r.URL.Query(), extra...)
	if err != nil {
		return store.Filter{}, err
	}
	f, err := p.filter()
	if err != nil {
		return f, err
	}
	if f.Cursor, err = p.cursor(); err != nil {
		return f, err
	}
	f.Limit, err = p.int("limit", min(defaultPage, h.opts.MaxPage), 1, h.opts.MaxPage)
	return f, err
}
