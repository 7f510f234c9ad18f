package server

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/sitrep/sitrep/internal/store"
)

// dashboardPage is the data of the dashboard: the filter form, which the
// timeline and map scripts read through API, and the first page of events.
type dashboardPage struct {
	Layout layout
	Form   filterForm
	// Error is a bad parameter, shown above the form (the page is a 400).
	Error string
	// Heading describes the filter.
	Heading string
	// API is the filter as a query string for the API calls of app.js.
	API      string
	Interval string
	By       string
	// WorldURL is the URL of the world-atlas map data.
	WorldURL string
	Rows     []eventRow
	Dyads    []dyadView
	// Next is the URL of the next page of events, "" on the last page;
	// First the URL of the first page when this is a later one.
	Next, First string
}

// dyadView is one line of the top dyads list.
type dyadView struct {
	store.Dyad
	Href string
}

// dashboardDyads is how many dyads the dashboard lists.
const dashboardDyads = 10

// dashboard is GET /: filters, timeline, map, top dyads and the event
// table. The page works without JavaScript, except for the two charts.
func (h *handler) dashboard(w http.ResponseWriter, r *http.Request) {
	page := &dashboardPage{Layout: layout{Title: "Events", Nav: "events",
		Scripts: []string{"uPlot.iife.min.js", "d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js"}}}
	var err error
	if page.WorldURL, err = h.assets.url("countries-110m.json"); err != nil {
		h.renderError(w, r, err)
		return
	}
	status := http.StatusOK
	f, interval, by, err := h.dashboardParams(r)
	if err != nil {
		var pe *paramError
		if !errors.As(err, &pe) {
			h.renderError(w, r, err)
			return
		}
		page.Error, status = pe.Error(), http.StatusBadRequest
		f, interval, by = store.Filter{Limit: defaultPage}, "auto", "none"
	}
	page.Form = newFilterForm(f, interval, by)
	page.Heading = describeFilter(f)
	page.API = filterQuery(f).Encode()
	page.Interval, page.By = interval, by
	rows, next, err := h.store.Events(r.Context(), f)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	for i := range rows {
		page.Rows = append(page.Rows, newEventRow(&rows[i]))
	}
	ds, err := h.store.Dyads(r.Context(), f, dashboardDyads)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	for _, d := range ds {
		q := filterQuery(f)
		q.Set("source", d.Source)
		q.Set("target", d.Target)
		page.Dyads = append(page.Dyads, dyadView{Dyad: d, Href: "/?" + q.Encode()})
	}
	base := filterQuery(f)
	base.Set("interval", interval)
	base.Set("by", by)
	if next != "" {
		q := cloneValues(base)
		q.Set("cursor", next)
		page.Next = "/?" + q.Encode()
	}
	if f.Cursor != "" {
		page.First = "/?" + base.Encode()
	}
	h.render(w, r, status, "dashboard", page)
}

// dashboardParams reads the filter, the series interval and split, and the
// page cursor of the dashboard.
func (h *handler) dashboardParams(r *http.Request) (store.Filter, string, string, error) {
	p, err := newParams(r.URL.Query(), "interval", "by", "cursor")
	if err != nil {
		return store.Filter{}, "", "", err
	}
	f, err := p.filter()
	if err != nil {
		return f, "", "", err
	}
	if f.Cursor, err = p.cursor(); err != nil {
		return f, "", "", err
	}
	f.Limit = min(defaultPage, h.opts.MaxPage)
	interval, err := p.oneOf("interval", "auto", intervals...)
	if err != nil {
		return f, "", "", err
	}
	by, err := p.oneOf("by", "none", splits...)
	return f, interval, by, err
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}
