package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeOptions(t *testing.T) {
	vars := map[string]string{tokenEnv: "from-env"}
	getenv := func(k string) string { return vars[k] }
	for _, c := range []struct {
		name, flag, want string
	}{
		{"environment", "", "from-env"},
		{"flag wins", "from-flag", "from-flag"},
	} {
		opts := &serveOptions{Token: c.flag}
		resolveServeOptions(opts, getenv)
		if opts.Token != c.want {
			t.Errorf("%s: token %q, want %q", c.name, opts.Token, c.want)
		}
	}
	// Flags bind as documented.
	cmd := newServeCmd(&env{})
	for name, def := range map[string]string{"addr": "127.0.0.1:8080", "token": "", "memory": "false", "db": "sitrep.duckdb", "max-body": "8388608", "request-timeout": "30s"} {
		f := cmd.Flags().Lookup(name)
		if f == nil || f.DefValue != def {
			t.Errorf("--%s: %+v, want default %q", name, f, def)
		}
	}
}

func TestServeUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--db", "no-such.duckdb"}, "sitrep ingest"},
		{[]string{"serve", "--memory", "--addr", "127.0.0.1:99999"}, "--addr"},
		{[]string{"serve", "--memory", "--max-body", "0"}, "--max-body"},
		{[]string{"serve", "--memory", "--request-timeout", "-1s"}, "--request-timeout"},
	} {
		code, _, errs := run(t, "", c.args...)
		if code != ExitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d naming %s", c.args, code, errs, ExitUsage, c.want)
		}
	}
}

// startServe runs serve with opts on a free port until the test ends or
// stop is called; stop returns serve's error.
func startServe(t *testing.T, opts *serveOptions) (base string, stderr *bytes.Buffer, stop func() error) {
	t.Helper()
	stderr = &bytes.Buffer{}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: stderr, log: slog.New(slog.NewTextHandler(stderr, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	opts.Addr, opts.MaxBody, opts.Timeout = "127.0.0.1:0", 1<<20, 10*time.Second
	opts.listening = func(a string) { addr <- a }
	go func() { done <- runServe(ctx, e, opts) }()
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
			return nil
		}
	}
	t.Cleanup(func() { stop() })
	select {
	case a := <-addr:
		return "http://" + a, stderr, stop
	case err := <-done:
		t.Fatalf("serve stopped: %v\n%s", err, stderr)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil, nil
}

func TestServe(t *testing.T) {
	base, stderr, stop := startServe(t, &serveOptions{Token: "tok", Memory: true, Paths: []string{"../../examples"}})
	client := &http.Client{Timeout: 10 * time.Second}

	resp, err := client.Get(base + "/api/events?country=IRQ&limit=3")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Events []struct {
			ID        string
			ArticleID string `json:"article_id"`
		}
		NextCursor string `json:"next_cursor"`
	}
	json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(page.Events) != 3 || page.NextCursor == "" {
		t.Errorf("events of the example: %d %+v", resp.StatusCode, page)
	}

	req, _ := http.NewRequest("POST", base+"/api/articles", strings.NewReader(`{"id":"posted","date":"2024-05-01","text":"Rebels attacked government troops near the border."}`))
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "application/json")
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"id":"posted"`) {
		t.Errorf("POST: %d %s", resp.StatusCode, body)
	}
	resp, err = client.Get(base + "/articles/posted")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<mark class="trigger">attacked</mark>`) {
		t.Errorf("article page of the posted article: %d\n%s", resp.StatusCode, body)
	}

	if err := stop(); err != nil {
		t.Errorf("serve returned %v after shutdown", err)
	}
	for _, want := range []string{"1 stored", "serving on http://127.0.0.1:", "token ****", "server stopped"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr.String(), "tok\n") || strings.Contains(stderr.String(), "token tok") {
		t.Errorf("the token is printed:\n%s", stderr)
	}
}

// TestIngestThenServe walks the README: ingest into a store file, serve
// it, post more articles to the running server with ingest --server, and
// find everything in the file after the server stops.
func TestIngestThenServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.duckdb")
	news := writeNews(t, dir, "news.jsonl", newsLines)
	if code, _, errs := run(t, "", "ingest", "--db", db, news); code != ExitOK {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	base, stderr, stop := startServe(t, &serveOptions{DB: db, Token: "tok"})
	if !strings.Contains(stderr.String(), "store "+db+": 6 articles") {
		t.Errorf("serve does not say what it serves:\n%s", stderr)
	}
	resp, err := http.Get(base + "/api/events?limit=500")
	if err != nil {
		t.Fatal(err)
	}
	var page struct{ Events []struct{ ID string } }
	json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(page.Events) == 0 {
		t.Fatalf("events of the ingested store: %d, %d events", resp.StatusCode, len(page.Events))
	}
	before := len(page.Events)

	more := writeNews(t, dir, "more.jsonl", []string{`{"id":"m1","date":"2024-06-02","text":"Rebels attacked a police station in Kirkuk on Saturday."}`})
	if code, _, errs := run(t, "", "ingest", "--server", base, "--token", "tok", more); code != ExitOK {
		t.Fatalf("ingest --server: exit %d\n%s", code, errs)
	}
	resp, err = http.Get(base + "/api/articles/m1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the posted article: %d", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "query", "--db", db, "--format", "jsonl")
	if code != ExitOK || strings.Count(out, "\n") != before+1 || !strings.Contains(out, `"article_id":"m1"`) {
		t.Errorf("query after serving: exit %d, %d events (want %d)\n%s", code, strings.Count(out, "\n"), before+1, errs)
	}
}
