package server

import "net/http"

// route is one entry of the route table: a ServeMux pattern and the method
// that answers it.
type route struct {
	pattern string
	handle  func(*handler, http.ResponseWriter, *http.Request)
}

// routeTable is every route of the server, in one place.
var routeTable = []route{
	// JSON API (api_*.go).
	{"GET /api/events", (*handler).listEvents},
	{"GET /api/series", (*handler).getSeries},
	{"GET /api/dyads", (*handler).listDyads},
	{"GET /api/countries", (*handler).listCountries},
	{"GET /api/articles/{id}", (*handler).getArticle},
	{"POST /api/articles", (*handler).postArticles},
	{"/api/", (*handler).apiFallback}, // JSON 404 and 405

	// Dashboard (ui_*.go) and its embedded assets (static.go).
	{"GET /{$}", (*handler).dashboard},
	{"GET /articles/{id}", (*handler).articlePage},
	{"GET /static/{hash}/{name}", (*handler).static},
	{"/", (*handler).pageFallback}, // HTML 404
}

// routes registers the route table on h.mux.
func (h *handler) routes() {
	for _, rt := range routeTable {
		h.mux.HandleFunc(rt.pattern, func(w http.ResponseWriter, r *http.Request) { rt.handle(h, w, r) })
	}
}
