package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// templateFS holds the layout, the partials and one file per page.
//
//go:embed templates
var templateFS embed.FS

// pages are the parsed templates by page name: each is the layout with
// every partial and the page's own "content".
type pages struct {
	byName map[string]*template.Template
}

// parsePages parses every page at start-up, so a broken template fails
// New (and its test), not a request.
func parsePages(as *assets) (*pages, error) {
	funcs := template.FuncMap{
		"static":   as.url,
		"selectOf": func(name string, os []option) selectView { return selectView{Name: name, Options: os} },
	}
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	ps := &pages{byName: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		t, err := template.New(name).Funcs(funcs).Option("missingkey=error").
			ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html", f)
		if err != nil {
			return nil, err
		}
		if t.Lookup("content") == nil || t.Lookup("layout") == nil {
			return nil, fmt.Errorf("%s: want a layout and a content template", f)
		}
		ps.byName[name] = t
	}
	if len(ps.byName) == 0 {
		return nil, errors.New("no page templates")
	}
	return ps, nil
}

// selectView is a select element of a form: its name and options.
type selectView struct {
	Name    string
	Options []option
}

// layout is what the layout template needs from every page.
type layout struct {
	// Title is the page title, before " · sitrep".
	Title string
	// Nav is the name of the active navigation entry.
	Nav string
	// Scripts are asset names loaded (deferred, in order) after app.js's
	// libraries; app.js itself is always loaded last.
	Scripts []string
}

// render executes page into a buffer and writes it with status; a template
// error is logged and becomes a plain 500, never half a page.
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	t, ok := h.pages.byName[page]
	var buf bytes.Buffer
	err := fmt.Errorf("no page template %q", page)
	if ok {
		err = t.ExecuteTemplate(&buf, "layout", data)
	}
	if err != nil {
		h.log.Error("rendering page", "page", page, "path", r.URL.Path, "err", err)
		http.Error(w, "500 internal error: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
		"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage is the page of a 404 or a failed request.
type errorPage struct {
	Layout  layout
	Status  int
	Message string
}

// renderError renders the error page for err: 400 for a bad parameter,
// 404 for a missing article, 503 past the deadline, else a logged 500.
func (h *handler) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := h.classify(r, err)
	h.render(w, r, status, "error", &errorPage{Layout: layout{Title: http.StatusText(status)}, Status: status, Message: msg})
}

// pageFallback answers page paths no route matches.
func (h *handler) pageFallback(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h.render(w, r, http.StatusNotFound, "error", &errorPage{Layout: layout{Title: "Not found"}, Status: http.StatusNotFound,
		Message: fmt.Sprintf("There is no page %s.", r.URL.Path)})
}
