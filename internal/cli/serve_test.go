package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
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
	for name, def := range map[string]string{"addr": "127.0.0.1:8080", "token": "", "memory": "false", "max-body": "8388608", "request-timeout": "30s"} {
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
		{[]string{"serve"}, "--memory"},
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

func TestServe(t *testing.T) {
	var stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr, log: slog.New(slog.NewTextHandler(&stderr, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	opts := &serveOptions{Addr: "127.0.0.1:0", Token: "tok", Memory: true, Paths: []string{"../../examples"},
		MaxBody: 1 << 20, Timeout: 10 * time.Second, listening: func(a string) { addr <- a }}
	go func() { done <- runServe(ctx, e, opts) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve stopped: %v\n%s", err, &stderr)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
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

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	for _, want := range []string{"loaded 1 articles", "serving on http://127.0.0.1:", "token ****", "server stopped"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, &stderr)
		}
	}
	if strings.Contains(stderr.String(), "tok\n") || strings.Contains(stderr.String(), "token tok") {
		t.Errorf("the token is printed:\n%s", &stderr)
	}
}
