// Package browser_test drives the dashboard in a real browser: headless
// Chromium through playwright-core (dashboard.js). It needs Chromium at
// /usr/bin/chromium, node, and playwright-core installed here with npm ci;
// without them it skips and says how to install them.
package browser_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

const (
	chromium = "/usr/bin/chromium"
	// artifactsEnv names the directory for the screenshots; default a
	// temporary directory of the test.
	artifactsEnv = "SITREP_BROWSER_ARTIFACTS"
	install      = "apt-get install -y chromium nodejs npm && (cd internal/server/browser && npm ci)"
)

func TestDashboardInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser test skipped: no %s; to run it: %s", chromium, install)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("browser test skipped: no node on PATH; to run it: %s", install)
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core", "package.json")); err != nil {
		t.Skipf("browser test skipped: playwright-core is not installed; to run it: %s", install)
	}

	// The store is a DuckDB file, as sitrep serve uses, holding the
	// contract fixtures: 8 reports of 7 happenings.
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storetest.Seed(t, st)
	var log bytes.Buffer
	srv := httptest.NewServer(server.New(st, slog.New(slog.NewTextHandler(&log, nil)), server.Options{}))
	defer srv.Close()

	dir := os.Getenv(artifactsEnv)
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "dashboard.js")
	cmd.Env = append(os.Environ(), "SITREP_URL="+srv.URL, "SITREP_SCREENSHOT_DIR="+dir, "CHROMIUM="+chromium)
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("dashboard.js did not finish in time:\n%s", out)
	}
	if err != nil {
		t.Fatalf("dashboard.js: %v\n%s\nserver log:\n%s", err, out, &log)
	}
	t.Logf("%s", bytes.TrimSpace(out))
	for _, name := range []string{"dashboard.png", "filtered.png", "article.png"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Size() < 10_000 {
			t.Errorf("screenshot %s: %v (size %v)", name, err, fi)
		}
	}
	if log.Len() > 0 {
		t.Errorf("the server logged errors:\n%s", &log)
	}
}
