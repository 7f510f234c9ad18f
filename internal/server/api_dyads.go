package server

import (
	"net/http"

	"github.com/sitrep/sitrep/internal/store"
)

// dyadList is the answer of GET /api/dyads.
type dyadList struct {
	Dyads []store.Dyad `json:"dyads"`
}

// listDyads is GET /api/dyads: the n (default 20, at most 200) actor pairs
// with the most events matching the filter.
func (h *handler) listDyads(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), "n")
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	f, err := p.filter()
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	n, err := p.int("n", defaultDyads, 1, maxDyads)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	ds, err := h.store.Dyads(r.Context(), f, n)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	if ds == nil {
		ds = []store.Dyad{}
	}
	writeJSON(w, http.StatusOK, dyadList{Dyads: ds})
}
