package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// pageMarkers tell which page template rendered a response.
var pageMarkers = map[string]string{
	"dashboard": `<section class="charts" id="charts"`,
	"article":   `<article class="article">`,
	"error":     `<section class="error-page">`,
}

var staticRef = regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`)

func TestPagesRender(t *testing.T) {
	ts := newTestServer(t, server.Options{MaxPage: 3})
	// HTML in stored text is shown, not run.
	evil := reader.Article{ID: "evil", Date: "2024-03-01", Title: "<b>bold</b> title", Text: "<script>alert(1)</script> Rebels attacked."}
	if err := ts.store.Put(context.Background(), &evil, nil); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, target, page string
		status             int
		contains, lacks    []string
	}{
		{"dashboard", "/", "dashboard", 200, []string{
			`<form id="filters"`, `name="country" value=""`, `data-href="/articles/a3?event=e5#evidence"`,
			`<a href="/articles/a3?event=e5#evidence">193 Fight with small arms`, "IRQREB → IRQMIL", `rel="next"`,
			`data-world="/static/`, "<h1>all events</h1>", "<title>Events · sitrep</title>",
		}, []string{"« First page"}},
		{"dashboard filtered", "/?country=irq&interval=month&by=root&from=2024-01-01", "dashboard", 200, []string{
			`name="country" value="IRQ"`, `<option value="month" selected>`, `<option value="root" selected>`,
			`data-api="country=IRQ&amp;from=2024-01-01"`, "events from 2024-01-01, in IRQ", `data-event="e1"`, `<td class="num">2</td>`,
		}, []string{`data-event="e5"`, `rel="next"`}},
		{"dashboard bad parameter", "/?quad=9", "dashboard", 400, []string{`class="error" role="alert"`, `parameter &#34;quad&#34;`}, nil},
		{"dashboard unknown parameter", "/?colour=red", "dashboard", 400, []string{`parameter &#34;colour&#34;: unknown parameter`}, nil},
		{"dashboard bad cursor", "/?cursor=zzz!", "error", 400, []string{"cursor"}, nil},
		{"dashboard no match", "/?country=FRA", "dashboard", 200, []string{"No events match.", "None."}, nil},
		{"article", "/articles/a1", "article", 200, []string{
			`<mark class="source" id="evidence">Rebels</mark>`, `<mark class="trigger">attacked</mark>`,
			`<mark class="target">government troops</mark>`, `<mark class="place">Mosul</mark>`,
			`<tr class="event quad4 selected"`, "190 Use conventional military force", "2 mentions in 2 articles from 2 publishers",
			`href="https://example.org/a1"`, "<title>Fighting near Mosul · sitrep</title>",
		}, nil},
		{"article event", "/articles/a1?event=e2", "article", 200, []string{
			`<mark class="source" id="evidence">The United States</mark>`, `<mark class="trigger">condemned</mark>`, "place: —",
		}, []string{`<mark class="place">`}},
		{"article undated", "/articles/a4", "article", 200, []string{"undated", "source: —", `<mark class="sentence" id="evidence">Thousands </mark><mark class="trigger">rallied against</mark>`}, nil},
		{"article escapes", "/articles/evil", "article", 200, []string{"&lt;b&gt;bold&lt;/b&gt; title", "&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script>alert"}},
		{"article missing", "/articles/nope", "error", 404, []string{`no article &#34;nope&#34;`}, nil},
		{"article missing event", "/articles/a1?event=e9", "error", 404, []string{"has no event"}, nil},
		{"article bad parameter", "/articles/a1?evnt=e1", "error", 400, []string{"evnt"}, nil},
		{"not found", "/no/such/page", "error", 404, []string{"There is no page /no/such/page."}, nil},
	}
	rendered := map[string]bool{}
	for _, c := range cases {
		w := ts.do(t, "GET", c.target, nil)
		body := w.Body.String()
		if w.Code != c.status {
			t.Errorf("%s: status %d, want %d", c.name, w.Code, c.status)
		}
		if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", c.name, ct)
		}
		if !strings.Contains(body, pageMarkers[c.page]) || !strings.HasSuffix(strings.TrimSpace(body), "</html>") {
			t.Errorf("%s: not a whole %s page:\n%.500s", c.name, c.page, body)
		}
		rendered[c.page] = true
		for _, s := range c.contains {
			if !strings.Contains(body, s) {
				t.Errorf("%s: page lacks %q", c.name, s)
			}
		}
		for _, s := range c.lacks {
			if strings.Contains(body, s) {
				t.Errorf("%s: page has %q", c.name, s)
			}
		}
		for _, m := range staticRef.FindAllStringSubmatch(body, -1) {
			if sw := ts.do(t, "GET", m[1], nil); sw.Code != 200 {
				t.Errorf("%s: %s: status %d", c.name, m[1], sw.Code)
			}
		}
	}
	for _, name := range server.PageNames() {
		if !rendered[name] {
			t.Errorf("page %q is not rendered by any case", name)
		}
	}
}

func TestDashboardPages(t *testing.T) {
	ts := newTestServer(t, server.Options{MaxPage: 3})
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	target := "/?from=2024-01-01&interval=day"
	var seen []string
	for range 5 {
		body := ts.do(t, "GET", target, nil).Body.String()
		for _, m := range regexp.MustCompile(`data-event="(e\d)"`).FindAllStringSubmatch(body, -1) {
			seen = append(seen, m[1])
		}
		m := next.FindStringSubmatch(body)
		if m == nil {
			if !strings.Contains(body, "« First page") {
				t.Error("a later page has no link to the first")
			}
			break
		}
		u, _ := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
		if u.Query().Get("from") != "2024-01-01" || u.Query().Get("interval") != "day" {
			t.Errorf("next page link %q loses the filter", m[1])
		}
		target = u.String()
	}
	// MaxPage 3 caps the dashboard page too: a page of three, then two.
	if !slices.Equal(seen, []string{"e5", "e6", "e4", "e1", "e2"}) {
		t.Errorf("events over the dashboard pages: %v", seen)
	}
}

func TestStaticAssets(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	for _, name := range []string{"app.js", "app.css", "uPlot.iife.min.js", "uPlot.min.css", "d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js", "countries-110m.json"} {
		u := assetURL(t, name)
		plain := ts.do(t, "GET", u, nil)
		if plain.Code != 200 || plain.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" || plain.Header().Get("ETag") == "" {
			t.Errorf("%s: %d %v", u, plain.Code, plain.Header())
			continue
		}
		zipped := ts.do(t, "GET", u, nil, "Accept-Encoding", "br, gzip;q=0.8")
		if zipped.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: not gzipped for a client that accepts it", u)
			continue
		}
		zr, err := gzip.NewReader(zipped.Body)
		if err != nil {
			t.Fatal(err)
		}
		unzipped, _ := io.ReadAll(zr)
		if !bytes.Equal(unzipped, plain.Body.Bytes()) {
			t.Errorf("%s: gzipped body differs", u)
		}
		if w := ts.do(t, "GET", u, nil, "If-None-Match", plain.Header().Get("ETag")); w.Code != 304 {
			t.Errorf("%s: If-None-Match gave %d, want 304", u, w.Code)
		}
		if w := ts.do(t, "GET", u, nil, "Accept-Encoding", "gzip;q=0"); w.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: gzipped for gzip;q=0", u)
		}
		stale := strings.Replace(u, "/static/", "/static/0", 1)
		if w := ts.do(t, "GET", stale, nil); w.Code != 404 {
			t.Errorf("%s: stale hash gave %d, want 404", stale, w.Code)
		}
	}
	if w := ts.do(t, "GET", "/static/abc/VENDOR.md", nil); w.Code != 404 {
		t.Errorf("VENDOR.md is served: %d", w.Code)
	}
}

// TestSeedFixturesCode checks that the fixtures are what the pages show:
// offsets point at the words they name.
func TestSeedFixturesOffsets(t *testing.T) {
	for _, f := range storetest.Fixtures() {
		for _, e := range f.Events {
			text := f.Article.Text
			if got := text[e.Evidence.TriggerStart:e.Evidence.TriggerEnd]; got != e.Evidence.Trigger {
				t.Errorf("%s: trigger span %q, want %q", e.ID, got, e.Evidence.Trigger)
			}
			if e.Source != nil && text[e.Source.Start:e.Source.End] != e.Source.Text {
				t.Errorf("%s: source span", e.ID)
			}
		}
	}
}
