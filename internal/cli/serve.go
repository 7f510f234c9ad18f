package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/enrich"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/server"
)

type serveOptions struct {
	Addr    string
	Token   string
	Memory  bool
	Paths   []string
	MaxBody int64
	Timeout time.Duration
	// listening, if set, is called with the bound address before serving
	// (tests listen on port 0).
	listening func(addr string)
}

// tokenEnv names the environment variable that gives --token's default.
const tokenEnv = "SITREP_TOKEN"

func newServeCmd(e *env) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [flags] [FILE|DIR ...]",
		Short: "Serve the JSON API and the dashboard",
		Long: `Serve answers the JSON API and serves the dashboard (timeline, world map,
event table and article view, all offline) on --addr, by default only on
this machine.

API (every error is {"error": "..."}; a bad parameter is a 400 naming it):
  GET  /api/events          events, newest first, one page: filters, cursor, limit (max 500)
  GET  /api/series          counts per interval (day, week, month), split by root, quad, plover or country
  GET  /api/dyads           the top source-target pairs: filters, n
  GET  /api/countries       counts per location country, for the map
  GET  /api/articles/ID     one article with its events and evidence spans
  POST /api/articles        code and store a JSON article (application/json) or JSON Lines
                            (application/x-ndjson); needs "Authorization: Bearer TOKEN"
Filters: from, to (YYYY-MM-DD), source, target (actor code prefix), country,
cameo (code prefix), root, quad, plover, acled, text.

Without --token (or ` + tokenEnv + `) the server is read-only and POST answers 403.
Until the DuckDB store is wired in, serve needs --memory: events are kept in
memory, seeded by coding the FILE and DIR arguments at start-up.`,
		Example: `  # a demo on the example article, read-only
  $ sitrep serve --memory examples/

  # accept articles from other machines, with a token
  $ SITREP_TOKEN=s3cret sitrep serve --memory --addr :8080
  $ curl -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' \
      -d '{"id":"a1","date":"2024-05-01","text":"Rebels attacked government troops."}' \
      http://localhost:8080/api/articles`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			resolveServeOptions(opts, os.Getenv)
			return runServe(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	f.StringVar(&opts.Token, "token", "", "token that allows POST /api/articles (default $"+tokenEnv+"); none: read-only")
	f.BoolVar(&opts.Memory, "memory", false, "keep events in memory (a demo store, emptied on exit)")
	f.Int64Var(&opts.MaxBody, "max-body", server.DefaultMaxBody, "largest request body in bytes")
	f.DurationVar(&opts.Timeout, "request-timeout", server.DefaultTimeout, "longest time one request may take")
	return cmd
}

// resolveServeOptions fills what flags left empty from the environment.
func resolveServeOptions(opts *serveOptions, getenv func(string) string) {
	if opts.Token == "" {
		opts.Token = getenv(tokenEnv)
	}
}

func runServe(ctx context.Context, e *env, opts *serveOptions) error {
	if !opts.Memory {
		return usageError{errors.New("serve needs a store: give --memory (the DuckDB store is not wired in yet)")}
	}
	if opts.MaxBody <= 0 {
		return usageError{fmt.Errorf("--max-body %d: want a positive number of bytes", opts.MaxBody)}
	}
	if opts.Timeout <= 0 {
		return usageError{fmt.Errorf("--request-timeout %s: want a positive duration", opts.Timeout)}
	}
	store := server.NewMemoryStore()
	c := coder.New(nil)
	if len(opts.Paths) > 0 {
		st, err := pipeline.Run(ctx, pipeline.Options{
			Paths: opts.Paths, Coder: c,
			Emit:   func(a *reader.Article, es []event.Event) error { return store.Put(ctx, a, es) },
			Reject: func(err error) { fmt.Fprintf(e.stderr, "sitrep: rejected: %v\n", err) },
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "sitrep: loaded %d articles (%d rejected), %d events\n", st.Coded, st.Rejected, st.Events)
	}
	h := server.New(store, e.log, server.Options{
		Token: opts.Token, Code: codeFunc(c), MaxBody: opts.MaxBody, Timeout: opts.Timeout,
	})
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      opts.Timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(e.log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return usageError{fmt.Errorf("--addr %q: %w", opts.Addr, err)}
	}
	mode := "read-only (no --token)"
	if opts.Token != "" {
		mode = "writes allowed with the token ****"
	}
	fmt.Fprintf(e.stderr, "sitrep: serving on http://%s, %s\n", ln.Addr(), mode)
	if opts.listening != nil {
		opts.listening(ln.Addr().String())
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shutCtx)
	<-served // Serve returns ErrServerClosed once Shutdown starts
	fmt.Fprintf(e.stderr, "sitrep: server stopped\n")
	return err
}

// codeFunc codes one posted article as the pipeline does: coder, then
// enrichers. A panic in a stage (a bug) rejects the article instead of
// ending the server.
func codeFunc(c *coder.Coder) server.CodeFunc {
	return func(ctx context.Context, a *reader.Article) (es []event.Event, err error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		defer func() {
			if r := recover(); r != nil {
				es, err = nil, fmt.Errorf("internal error: %v", r)
			}
		}()
		es, _ = c.Code(a, nil)
		enrich.Article(a, es)
		return es, nil
	}
}
