package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// The answers of the API, as a client reads them.
type (
	errorBody  struct{ Error string }
	eventsPage struct {
		Events     []store.Row
		NextCursor string `json:"next_cursor"`
	}
	seriesAnswer struct {
		Interval, By string
		Buckets      []string
		Series       []struct {
			Key, Label string
			Total      int
			Counts     []int
		}
	}
	countryCount struct {
		Country    string
		ISONumeric string `json:"iso_numeric"`
		Name       string
		Events     int
	}
	countryList struct {
		Countries []countryCount
		Unlocated int
	}
	dyadList      struct{ Dyads []store.Dyad }
	articleAnswer struct {
		Article *store.ArticleRow
		Events  []store.Row
	}
	postAnswer struct {
		Articles []struct {
			ID     string
			Events int
		}
		Events   int
		Rejected []struct {
			Line  int
			Error string
		}
	}
)

// testServer is a handler over a seeded in-memory DuckDB store with its
// log.
type testServer struct {
	http.Handler
	store server.Store
	log   *bytes.Buffer
}

func newTestServer(t *testing.T, opts server.Options) *testServer {
	t.Helper()
	s := newStore(t)
	storetest.Seed(t, s)
	return newServerOver(t, s, opts)
}

// newStore returns an empty store in memory, closed when t ends.
func newStore(t *testing.T) *store.DuckDB {
	t.Helper()
	s, err := store.OpenMemory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newServerOver(t *testing.T, s server.Store, opts server.Options) *testServer {
	t.Helper()
	var log bytes.Buffer
	if opts.Code == nil {
		opts.Code = fakeCode
	}
	return &testServer{Handler: server.New(s, slog.New(slog.NewTextHandler(&log, nil)), opts), store: s, log: &log}
}

// fakeCode codes an article as one event: its first word attacked the
// word after "attacked", with the whole text as the sentence.
func fakeCode(_ context.Context, a *reader.Article) ([]event.Event, error) {
	if strings.Contains(a.Text, "PANIC") {
		return nil, errors.New("cannot code this")
	}
	i := strings.Index(a.Text, "attacked")
	if i < 0 {
		return nil, nil
	}
	first, _, _ := strings.Cut(a.Text, " ")
	e := event.Event{ArticleID: a.ID, Date: a.Date, PubDate: a.Date,
		Source:    &event.Actor{Text: first, Code: "REB", Start: 0, End: len(first)},
		CAMEO:     event.CAMEO{Code: "190", Base: "190", Root: "19", Name: "Use conventional military force"},
		QuadClass: 4, PLOVER: event.PLOVER{Event: "ASSAULT"}, Modality: event.Asserted,
		Evidence: event.Evidence{Sentence: a.Text, Start: 0, End: len(a.Text), Trigger: "attacked", TriggerStart: i, TriggerEnd: i + len("attacked")}}
	e.SetID()
	return []event.Event{e}, nil
}

// do sends a request and returns the recorded response.
func (ts *testServer) do(t *testing.T, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	ts.ServeHTTP(w, r)
	return w
}

// getJSON GETs target, checks the status and decodes the body into v.
func (ts *testServer) getJSON(t *testing.T, target string, status int, v any) {
	t.Helper()
	w := ts.do(t, "GET", target, nil)
	if w.Code != status {
		t.Fatalf("GET %s: status %d, want %d: %s", target, w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v: %s", target, err, w.Body)
	}
}

func eventIDs(p eventsPage) []string {
	var ids []string
	for _, r := range p.Events {
		ids = append(ids, r.ID)
	}
	return ids
}

// TestRoutes requests every pattern of the route table once.
func TestRoutes(t *testing.T) {
	ts := newTestServer(t, server.Options{Token: "tok"})
	appJS := assetURL(t, "app.js")
	cases := map[string]struct {
		method, target, body string
		status               int
		ctype, contains      string
	}{
		"GET /api/events":           {"GET", "/api/events", "", 200, "application/json", `"next_cursor"`},
		"GET /api/series":           {"GET", "/api/series?interval=month&by=quad", "", 200, "application/json", `"buckets"`},
		"GET /api/dyads":            {"GET", "/api/dyads?n=1", "", 200, "application/json", `"FRAGOV"`},
		"GET /api/countries":        {"GET", "/api/countries", "", 200, "application/json", `"iso_numeric":"368"`},
		"GET /api/articles/{id}":    {"GET", "/api/articles/a1", "", 200, "application/json", `"trigger_start"`},
		"POST /api/articles":        {"POST", "/api/articles", `{"id":"p1","date":"2024-03-01","text":"Rebels attacked a base."}`, 200, "application/json", `"p1"`},
		"/api/":                     {"GET", "/api/nothing", "", 404, "application/json", `"error"`},
		"GET /{$}":                  {"GET", "/", "", 200, "text/html", `id="timeline"`},
		"GET /articles/{id}":        {"GET", "/articles/a1", "", 200, "text/html", `<mark class="trigger"`},
		"GET /static/{hash}/{name}": {"GET", appJS, "", 200, "text/javascript", "uPlot"},
		"/":                         {"GET", "/nothing", "", 404, "text/html", "There is no page /nothing"},
	}
	for _, pattern := range server.RoutePatterns() {
		c, ok := cases[pattern]
		if !ok {
			t.Errorf("route %q has no test case", pattern)
			continue
		}
		w := ts.do(t, c.method, c.target, strings.NewReader(c.body), "Authorization", "Bearer tok", "Content-Type", "application/json")
		if w.Code != c.status {
			t.Errorf("%s %s: status %d, want %d: %.300s", c.method, c.target, w.Code, c.status, w.Body)
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, c.ctype) {
			t.Errorf("%s %s: Content-Type %q, want %s", c.method, c.target, ct, c.ctype)
		}
		if !strings.Contains(w.Body.String(), c.contains) {
			t.Errorf("%s %s: body lacks %q: %.300s", c.method, c.target, c.contains, w.Body)
		}
	}
}

// assetURL returns the content-addressed URL of an embedded asset.
func assetURL(t *testing.T, name string) string {
	t.Helper()
	u, err := server.AssetURL(name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestEventFilters(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"e5", "e6", "e4", "e1", "e2", "e8", "e7"}}, // e3 is a second report of e1
		{"from=2024-01-01&to=2024-01-10", []string{"e1", "e2"}},
		{"source=usa", []string{"e5", "e2"}},
		{"target=IRQMIL", []string{"e1"}},
		{"country=syr", []string{"e5", "e4"}},
		{"cameo=19", []string{"e5", "e1"}},
		{"root=4", []string{"e6"}},
		{"root=19&quad=4&plover=assault", []string{"e5", "e1"}},
		{"acled=Protests", []string{"e7"}},
		{"text=MOSUL", []string{"e1"}},
		{"text=insurgents", []string{"e1"}}, // the words of e3, its second report
		{"text=" + url.QueryEscape("Deir ez-Zor"), []string{"e5"}},
		{"country=FRA", nil},
	} {
		var p eventsPage
		ts.getJSON(t, "/api/events?"+c.query, 200, &p)
		if got := eventIDs(p); !slices.Equal(got, c.want) {
			t.Errorf("?%s: got %v, want %v", c.query, got, c.want)
		}
		if p.Events == nil {
			t.Errorf("?%s: events is null, want a list", c.query)
		}
	}
}

func TestEventPagination(t *testing.T) {
	ts := newTestServer(t, server.Options{MaxPage: 3})
	var all []string
	target := "/api/events?limit=2"
	pages := 0
	for target != "" && pages < 10 {
		var p eventsPage
		ts.getJSON(t, target, 200, &p)
		if len(p.Events) > 2 {
			t.Fatalf("page of %d, want at most 2", len(p.Events))
		}
		all = append(all, eventIDs(p)...)
		target = ""
		if p.NextCursor != "" {
			target = "/api/events?limit=2&cursor=" + url.QueryEscape(p.NextCursor)
		}
		pages++
	}
	if want := []string{"e5", "e6", "e4", "e1", "e2", "e8", "e7"}; !slices.Equal(all, want) || pages != 4 {
		t.Errorf("%d pages of 2: %v, want 4 pages of %v", pages, all, want)
	}
	// limit is capped at MaxPage, not refused.
	var p eventsPage
	ts.getJSON(t, "/api/events?limit=100000", 200, &p)
	if len(p.Events) != 3 || p.NextCursor == "" {
		t.Errorf("limit above the cap: %d events, next %q; want 3 and a cursor", len(p.Events), p.NextCursor)
	}
	// Filters and cursors combine.
	ts.getJSON(t, "/api/events?root=19&limit=1", 200, &p)
	ts.getJSON(t, "/api/events?root=19&limit=5&cursor="+url.QueryEscape(p.NextCursor), 200, &p)
	if got := eventIDs(p); !slices.Equal(got, []string{"e1"}) || p.NextCursor != "" {
		t.Errorf("second page of root 19: %v, want [e1]", got)
	}
}

func TestBadParameters(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	for _, c := range []struct{ target, param string }{
		{"/api/events?from=2024-13-01", "from"},
		{"/api/events?to=yesterday", "to"},
		{"/api/events?from=2024-02-01&to=2024-01-01", "to"},
		{"/api/events?source=US-A", "source"},
		{"/api/events?target=" + strings.Repeat("A", 40), "target"},
		{"/api/events?country=IRAQ", "country"},
		{"/api/events?cameo=19x", "cameo"},
		{"/api/events?root=21", "root"},
		{"/api/events?quad=5", "quad"},
		{"/api/events?plover=FIGHT", "plover"},
		{"/api/events?text=" + strings.Repeat("x", 201), "text"},
		{"/api/events?limit=0", "limit"},
		{"/api/events?limit=ten", "limit"},
		{"/api/events?cursor=bogus!", "cursor"},
		{"/api/events?contry=IRQ", "contry"},
		{"/api/events?root=19&root=18", "root"},
		{"/api/series?interval=decade", "interval"},
		{"/api/series?by=actor", "by"},
		{"/api/series?interval=day&from=1900-01-01", ""}, // fine: buckets span only the events
		{"/api/dyads?n=-1", "n"},
		{"/api/dyads?limit=3", "limit"},
		{"/api/countries?interval=day", "interval"},
		{"/api/articles/a1?event=e1", "event"},
	} {
		w := ts.do(t, "GET", c.target, nil)
		if c.param == "" {
			if w.Code != 200 {
				t.Errorf("%s: status %d, want 200: %s", c.target, w.Code, w.Body)
			}
			continue
		}
		var body errorBody
		if w.Code != http.StatusBadRequest || json.Unmarshal(w.Body.Bytes(), &body) != nil {
			t.Errorf("%s: status %d, want 400 with a JSON error: %s", c.target, w.Code, w.Body)
			continue
		}
		if !strings.Contains(body.Error, `"`+c.param+`"`) {
			t.Errorf("%s: error %q does not name %q", c.target, body.Error, c.param)
		}
	}
}

func TestSeries(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	var s seriesAnswer
	ts.getJSON(t, "/api/series?interval=month&by=country", 200, &s)
	if !slices.Equal(s.Buckets, []string{"2023-12-01", "2024-01-01", "2024-02-01"}) {
		t.Errorf("buckets %v", s.Buckets)
	}
	got := map[string][]int{}
	for _, l := range s.Series {
		got[l.Key+" "+l.Label] = l.Counts
	}
	want := map[string][]int{"SYR Syria": {0, 1, 1}, "IRQ Iraq": {0, 1, 0}, " Unknown place": {1, 1, 1}}
	for k, v := range want {
		if !slices.Equal(got[k], v) {
			t.Errorf("series %q: %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
	// Weeks are dense: one count per week from the first to the last.
	ts.getJSON(t, "/api/series?interval=week", 200, &s)
	if s.Interval != "week" || s.By != "none" || len(s.Buckets) != 7 || len(s.Series) != 1 || s.Series[0].Total != 6 {
		t.Errorf("weekly series: %+v", s)
	}
	// By default the interval follows the span: the fixtures' 38 days go
	// by day; an event of 1914 among them makes it years.
	ts.getJSON(t, "/api/series", 200, &s)
	if s.Interval != "day" || len(s.Buckets) != 38 || s.Buckets[0] != "2023-12-30" {
		t.Errorf("default series of 38 days: %s, %d buckets", s.Interval, len(s.Buckets))
	}
	ts.getJSON(t, "/api/series?from=2024-01-01&interval=auto", 200, &s)
	if s.Interval != "day" || len(s.Buckets) != 27 {
		t.Errorf("filtered auto series: %s, %d buckets", s.Interval, len(s.Buckets))
	}
	ts = newTestServer(t, server.Options{Token: "t"})
	w := ts.do(t, "POST", "/api/articles", strings.NewReader(`{"id":"old","date":"1914-07-28","text":"Austria attacked Serbia."}`),
		"Authorization", "Bearer t", "Content-Type", "application/json")
	if w.Code != 200 {
		t.Fatalf("post: %d %s", w.Code, w.Body)
	}
	ts.getJSON(t, "/api/series", 200, &s)
	if s.Interval != "year" || len(s.Buckets) != 2024-1914+1 || s.Buckets[0] != "1914-01-01" || s.Series[0].Counts[0] != 1 {
		t.Errorf("series from 1914: %s, %d buckets from %v", s.Interval, len(s.Buckets), s.Buckets[:1])
	}
	ts.getJSON(t, "/api/series?from=2000-01-01", 200, &s)
	if s.Interval != "day" {
		t.Errorf("series from 2000: %s, want day", s.Interval)
	}
}

func TestCountriesAndDyads(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	var cs countryList
	ts.getJSON(t, "/api/countries?from=2024-01-01", 200, &cs)
	want := []countryCount{{"SYR", "760", "Syria", 2}, {"IRQ", "368", "Iraq", 1}}
	if !slices.Equal(cs.Countries, want) || cs.Unlocated != 2 {
		t.Errorf("countries: %+v, want %+v and 2 unlocated", cs, want)
	}
	var ds dyadList
	ts.getJSON(t, "/api/dyads?country=IRQ", 200, &ds)
	if len(ds.Dyads) != 1 || ds.Dyads[0] != (store.Dyad{Source: "IRQREB", Target: "IRQMIL", Events: 1, Goldstein: -10}) {
		t.Errorf("dyads in IRQ: %+v", ds)
	}
	ts.getJSON(t, "/api/dyads?n=1000", 200, &ds)
	if len(ds.Dyads) != 6 {
		t.Errorf("all dyads: %d, want 6", len(ds.Dyads))
	}
}

func TestArticleAPI(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	var a articleAnswer
	ts.getJSON(t, "/api/articles/a2", 200, &a)
	if a.Article.ID != "a2" || len(a.Events) != 2 || a.Events[0].ID != "e3" || a.Events[0].NumArticles != 2 {
		t.Fatalf("article a2: %+v", a)
	}
	ev := a.Events[0].Evidence
	if got := a.Article.Text[ev.TriggerStart:ev.TriggerEnd]; got != "assaulted" {
		t.Errorf("trigger span gives %q", got)
	}
	var e errorBody
	ts.getJSON(t, "/api/articles/nope", 404, &e)
	if !strings.Contains(e.Error, `"nope"`) {
		t.Errorf("404 error %q does not name the article", e.Error)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	w := ts.do(t, "DELETE", "/api/events", nil)
	if w.Code != 405 || w.Header().Get("Allow") != "GET" || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("DELETE /api/events: %d %q %s", w.Code, w.Header().Get("Allow"), w.Body)
	}
	w = ts.do(t, "PUT", "/api/articles", nil)
	if w.Code != 405 || w.Header().Get("Allow") != "POST" {
		t.Errorf("PUT /api/articles: %d %q", w.Code, w.Header().Get("Allow"))
	}
}

func TestPostReadOnly(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	w := ts.do(t, "POST", "/api/articles", strings.NewReader(`{"id":"x","text":"Rebels attacked."}`), "Authorization", "Bearer anything")
	var e errorBody
	if w.Code != http.StatusForbidden || json.Unmarshal(w.Body.Bytes(), &e) != nil || !strings.Contains(e.Error, "read-only") {
		t.Errorf("POST without a server token: %d %s, want 403 read-only", w.Code, w.Body)
	}
	if _, _, err := ts.store.Article(context.Background(), "x"); err == nil {
		t.Error("article stored by a read-only server")
	}
}

func TestPostToken(t *testing.T) {
	ts := newTestServer(t, server.Options{Token: "s3cret"})
	body := `{"id":"p1","date":"2024-03-01","text":"Rebels attacked a base."}`
	for _, c := range []struct {
		auth   string
		status int
	}{
		{"", 401},
		{"Bearer wrong", 401},
		{"Basic czNjcmV0", 401},
		{"Bearer s3cret", 200},
	} {
		w := ts.do(t, "POST", "/api/articles", strings.NewReader(body), "Authorization", c.auth)
		if w.Code != c.status {
			t.Errorf("Authorization %q: %d, want %d: %s", c.auth, w.Code, c.status, w.Body)
		}
		if c.status == 401 && w.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: 401 without WWW-Authenticate", c.auth)
		}
	}
	var a articleAnswer
	ts.getJSON(t, "/api/articles/p1", 200, &a)
	if len(a.Events) != 1 || a.Events[0].Evidence.Trigger != "attacked" {
		t.Errorf("posted article: %+v", a)
	}
}

func TestPostJSONL(t *testing.T) {
	ts := newTestServer(t, server.Options{Token: "t"})
	body := strings.Join([]string{
		`{"id":"j1","date":"2024-03-02","text":"Militants attacked a checkpoint."}`,
		`{"id":"j2","date":"2024-13-45","text":"Bad date."}`,
		`not json`,
		`{"date":"2024-03-03","title":"no id","text":"Gunmen attacked a convoy."}`,
		`{"id":"j5","text":"PANIC"}`,
		``,
	}, "\n")
	w := ts.do(t, "POST", "/api/articles", strings.NewReader(body), "Authorization", "Bearer t", "Content-Type", "application/x-ndjson")
	var ans postAnswer
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &ans) != nil {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if len(ans.Articles) != 2 || ans.Articles[0].ID != "j1" || len(ans.Articles[1].ID) != 24 || ans.Events != 2 {
		t.Errorf("stored: %+v", ans)
	}
	var lines []int
	for _, r := range ans.Rejected {
		lines = append(lines, r.Line)
	}
	if !slices.Equal(lines, []int{2, 3, 5}) || !strings.Contains(ans.Rejected[0].Error, "body:2") {
		t.Errorf("rejected: %+v, want lines 2, 3 and 5 with positions", ans.Rejected)
	}
	// The same article without id gets the same id again: it is replaced.
	w = ts.do(t, "POST", "/api/articles", strings.NewReader(`{"date":"2024-03-03","title":"no id","text":"Gunmen attacked a convoy."}`),
		"Authorization", "Bearer t", "Content-Type", "application/json; charset=utf-8")
	var again postAnswer
	json.Unmarshal(w.Body.Bytes(), &again)
	if w.Code != 200 || len(again.Articles) != 1 || again.Articles[0].ID != ans.Articles[1].ID {
		t.Errorf("reposting: %d %s, want id %s", w.Code, w.Body, ans.Articles[1].ID)
	}
	// Pretty-printed JSON is one article.
	w = ts.do(t, "POST", "/api/articles", strings.NewReader("{\n  \"id\": \"pretty\",\n  \"text\": \"Rebels attacked.\"\n}\n"), "Authorization", "Bearer t")
	if w.Code != 200 {
		t.Errorf("pretty JSON: %d %s", w.Code, w.Body)
	}
}

func TestPostBadBodies(t *testing.T) {
	ts := newTestServer(t, server.Options{Token: "t", MaxBody: 1024})
	big := `{"id":"big","text":"` + strings.Repeat("word ", 400) + `"}`
	for _, c := range []struct {
		name, ctype, body string
		chunked           bool
		status            int
		msg               string
	}{
		{"too large", "application/json", big, false, 413, "limit"},
		{"too large, chunked", "application/x-ndjson", big, true, 413, "limit"},
		{"empty", "application/json", "  \n", false, 400, "empty body"},
		{"not JSON", "application/json", "hello", false, 400, "not a JSON article"},
		{"two values", "application/json", `{"id":"a","text":"x"} {"id":"b","text":"y"}`, false, 400, "x-ndjson"},
		{"array", "application/json", `[{"id":"a","text":"x"}]`, false, 400, "object"},
		{"bad date", "application/json", `{"id":"a","date":"yesterday","text":"x"}`, false, 400, "no article stored"},
		{"all bad lines", "application/x-ndjson", "{}\n{\"text\":\"\"}\n", false, 400, "and 1 more"},
		{"media type", "text/csv", "a,b", false, 415, "application/json"},
	} {
		r := httptest.NewRequest("POST", "/api/articles", strings.NewReader(c.body))
		r.Header.Set("Authorization", "Bearer t")
		r.Header.Set("Content-Type", c.ctype)
		if c.chunked {
			r.ContentLength = -1
		}
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, r)
		var e errorBody
		if w.Code != c.status || json.Unmarshal(w.Body.Bytes(), &e) != nil || !strings.Contains(e.Error, c.msg) {
			t.Errorf("%s: %d %s, want %d with %q", c.name, w.Code, w.Body, c.status, c.msg)
		}
	}
}

func TestPostWithoutCoder(t *testing.T) {
	ts := &testServer{Handler: server.New(newStore(t), nil, server.Options{Token: "t"})}
	w := ts.do(t, "POST", "/api/articles", strings.NewReader(`{"id":"a","text":"x"}`), "Authorization", "Bearer t")
	if w.Code != http.StatusNotImplemented {
		t.Errorf("no coder: %d, want 501", w.Code)
	}
}

// slowStore blocks until the request's deadline; failStore fails.
type slowStore struct{ server.Store }

func (s slowStore) Events(ctx context.Context, f store.Filter) ([]store.Row, string, error) {
	<-ctx.Done()
	return nil, "", ctx.Err()
}

type failStore struct{ server.Store }

type panicStore struct{ server.Store }

func (s panicStore) Series(ctx context.Context, f store.Filter, interval, by string) ([]store.Point, error) {
	panic("bug in the store")
}

func (s failStore) Dyads(ctx context.Context, f store.Filter, n int) ([]store.Dyad, error) {
	return nil, errors.New("disk on fire")
}

func TestTimeoutAndFailure(t *testing.T) {
	ts := newServerOver(t, slowStore{newStore(t)}, server.Options{Timeout: 20 * time.Millisecond})
	w := ts.do(t, "GET", "/api/events", nil)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "longer than 20ms") {
		t.Errorf("slow store: %d %s, want 503", w.Code, w.Body)
	}
	ts = newServerOver(t, failStore{newStore(t)}, server.Options{})
	w = ts.do(t, "GET", "/api/dyads", nil)
	if w.Code != 500 || strings.Contains(w.Body.String(), "fire") || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("failing store: %d %s, want a 500 that keeps the cause to the log", w.Code, w.Body)
	}
	if n := strings.Count(ts.log.String(), "disk on fire"); n != 1 {
		t.Errorf("the 500 was logged %d times, want once:\n%s", n, ts.log)
	}
	w = ts.do(t, "GET", "/", nil)
	if w.Code != 500 || !strings.Contains(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("failing store, dashboard: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	ts = newServerOver(t, panicStore{newStore(t)}, server.Options{})
	w = ts.do(t, "GET", "/api/countries", nil)
	if w.Code != 500 || !strings.Contains(w.Body.String(), `"error":"internal error"`) || !strings.Contains(ts.log.String(), "bug in the store") {
		t.Errorf("panicking store: %d %s, log %s", w.Code, w.Body, ts.log)
	}
}

func TestServerHeaders(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	w := ts.do(t, "GET", "/api/events", nil)
	if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("API headers: %v", w.Header())
	}
	w = ts.do(t, "GET", "/", nil)
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("page CSP %q", csp)
	}
}
