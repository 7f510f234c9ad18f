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
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
)

type serveOptions struct {
	Addr    string
	Token   string
	DB      string
	Memory  bool
	Paths   []string
	Quiet   bool
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
  GET  /api/series          counts per interval (auto, day, week, month, year), split by root, quad, plover or country
  GET  /api/dyads           the top source-target pairs: filters, n
  GET  /api/countries       counts per location country, for the map
  GET  /api/articles/ID     one article with its events and evidence spans
  POST /api/articles        code and store a JSON article (application/json) or JSON Lines
                            (application/x-ndjson); needs "Authorization: Bearer TOKEN"
Filters: from, to (YYYY-MM-DD), source, target (actor code prefix), country,
cameo (code prefix), root, quad, plover, acled, text.

The server owns the store file (--db, default ` + store.DefaultPath + `): DuckDB lets one
process have it, so while it runs, sitrep ingest --server URL posts to it
instead. FILE and DIR arguments are coded and stored before serving, as
sitrep ingest does (articles already stored are skipped). --memory keeps a
store in memory instead, emptied on exit: a demo needs no file.

Without --token (or ` + tokenEnv + `) the server is read-only and POST answers 403.`,
		Example: `  # store a year of news, then look at it on http://127.0.0.1:8080
  $ sitrep ingest news/2024/
  $ sitrep serve

  # a demo on the example article, in memory
  $ sitrep serve --memory examples/

  # accept articles from other machines, with a token
  $ SITREP_TOKEN=s3cret sitrep serve --addr :8080
  $ curl -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' \
      -d '{"id":"a1","date":"2024-05-01","text":"Rebels attacked government troops."}' \
      http://localhost:8080/api/articles
  $ SITREP_TOKEN=s3cret sitrep ingest --server http://localhost:8080 more-news/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			resolveServeOptions(opts, os.Getenv)
			return runServe(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	f.StringVar(&opts.Token, "token", "", "token that allows POST /api/articles (default $"+tokenEnv+"); none: read-only")
	f.StringVar(&opts.DB, "db", store.DefaultPath, dbFlagHelp)
	f.BoolVar(&opts.Memory, "memory", false, "keep the store in memory instead of --db (a demo, emptied on exit)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress while loading FILE arguments")
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
	if opts.MaxBody <= 0 {
		return usageError{fmt.Errorf("--max-body %d: want a positive number of bytes", opts.MaxBody)}
	}
	if opts.Timeout <= 0 {
		return usageError{fmt.Errorf("--request-timeout %s: want a positive duration", opts.Timeout)}
	}
	st, where, err := openServeStore(ctx, opts)
	if err != nil {
		return err
	}
	defer st.Close()
	c := coder.New(nil)
	if len(opts.Paths) > 0 {
		err := ingestInto(ctx, e, st, c, &ingestOptions{
			Paths: opts.Paths, DB: where, InputFormat: "auto", Batch: 500,
			Quiet: opts.Quiet, Progress: isTerminal(e.stderr) && !opts.Quiet, logEvery: 10 * time.Second,
		})
		if err != nil && !errors.Is(err, errRejected) {
			return err
		}
	}
	if tt, err := st.Totals(ctx); err == nil {
		if len(opts.Paths) == 0 || opts.Quiet { // else ingestInto said it
			fmt.Fprintf(e.stderr, "sitrep: store %s: %d articles, %d events, %d mentions\n", where, tt.Articles, tt.Events, tt.Mentions)
		}
		if tt.Articles == 0 && opts.Token == "" {
			fmt.Fprintf(e.stderr, "sitrep: the store is empty and read-only: store articles with sitrep ingest first, or give FILE arguments or --token\n")
		}
	}
	h := server.New(st, e.log, server.Options{
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

// openServeStore opens the store the server owns: the --db file (which
// must exist unless there is something to put in it) or, with --memory, a
// new one in memory. It returns where the store is, for messages.
func openServeStore(ctx context.Context, opts *serveOptions) (*store.DuckDB, string, error) {
	if opts.Memory {
		st, err := store.OpenMemory(ctx)
		return st, "in memory", err
	}
	if _, err := os.Stat(opts.DB); errors.Is(err, os.ErrNotExist) && len(opts.Paths) == 0 && opts.Token == "" {
		return nil, "", usageError{fmt.Errorf("no store %q: store articles first (sitrep ingest FILE...), give FILE arguments, or serve a demo with --memory", opts.DB)}
	}
	st, err := store.Open(ctx, opts.DB)
	if err != nil {
		if errors.Is(err, store.ErrLocked) {
			err = fmt.Errorf("%w\n  stop the other process, or serve another --db", err)
		}
		return nil, "", err
	}
	return st, opts.DB, nil
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
