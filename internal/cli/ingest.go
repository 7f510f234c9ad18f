package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/store"
)

type ingestOptions struct {
	Paths          []string
	DB             string
	InputFormat    string
	Date           string
	Dicts          []string
	NoBuiltinDicts bool
	FactsOnly      bool
	Workers        int
	Batch          int
	Replace        bool
	Server         string
	Token          string
	Quiet          bool
	Progress       bool
	// logEvery is how often a run without a progress bar logs its totals.
	logEvery time.Duration
}

// dbFlagHelp is the help of --db, shared by the commands that use a store.
const dbFlagHelp = "the store file (DuckDB)"

func newIngestCmd(e *env) *cobra.Command {
	opts := &ingestOptions{logEvery: 10 * time.Second}
	cmd := &cobra.Command{
		Use:   "ingest [flags] [FILE|DIR|- ...]",
		Short: "Code articles and store their events",
		Long: `Ingest codes articles as sitrep code does and stores them with their events
in the store file (--db, default ` + store.DefaultPath + `), where sitrep query,
sitrep export and sitrep serve find them.

Reports of the same happening are folded into one event with one mention
per report: same source and target codes, same CAMEO base code, same place
(or both none), both facts or both not, and event dates at most a day
apart. The event counts its mentions, articles and publishers, as GDELT
does.

Articles are stored in batches (--batch), each in one transaction, so an
interrupted run (Ctrl-C, a crash, kill -9) loses at most the batch in
flight. Run it again: articles already stored are skipped, so nothing is
lost and nothing counted twice. With --replace an article stored with other
text or other events is replaced instead.

Coding runs beside storing: the next batch is coded and made ready while
DuckDB writes the last one on half the CPUs. Go's garbage collector runs
at GOGC=400 with a soft memory limit of 4 GiB, unless the GOGC and
GOMEMLIMIT environment variables say otherwise.

The store file can be open in one process at a time. While sitrep serve has
it, send the articles to the server instead: --server URL posts them to its
POST /api/articles, where the server codes and stores them (--token or
` + tokenEnv + ` gives its token).`,
		Example: `  # code and store a directory of JSON Lines files
  $ sitrep ingest news/

  # into another store, replacing articles that changed
  $ sitrep ingest --db archive.duckdb --replace news/2024-05.jsonl

  # a server has the store open: let it code and store them
  $ SITREP_TOKEN=s3cret sitrep ingest --server http://127.0.0.1:8080 news/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if len(args) == 0 && isTerminal(e.stdin) {
				return usageError{fmt.Errorf("no input: give files or directories, or pipe articles to standard input (see sitrep ingest --help)")}
			}
			if opts.Token == "" {
				opts.Token = os.Getenv(tokenEnv)
			}
			opts.Progress = isTerminal(e.stderr) && !opts.Quiet
			return runIngest(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.DB, "db", store.DefaultPath, dbFlagHelp)
	f.StringVar(&opts.InputFormat, "input-format", "auto", "input format: auto, text, jsonl")
	f.StringVar(&opts.Date, "date", "", "publication date (YYYY-MM-DD) for articles that carry none")
	f.StringArrayVar(&opts.Dicts, "dict", nil, "load a dictionary file or directory: sitrep TSV, PETRARCH or TABARI (repeatable)")
	f.BoolVar(&opts.NoBuiltinDicts, "no-builtin-dicts", false, "use only the dictionaries given with --dict")
	f.BoolVar(&opts.FactsOnly, "facts-only", false, "drop negated, future and hypothetical events")
	f.IntVarP(&opts.Workers, "workers", "j", 0, "coding goroutines (0: one per CPU)")
	f.IntVar(&opts.Batch, "batch", 500, "articles stored per transaction")
	f.BoolVar(&opts.Replace, "replace", false, "replace stored articles whose text or events changed (default: skip stored articles)")
	f.StringVar(&opts.Server, "server", "", "post the articles to a running sitrep serve at this URL instead of opening the store")
	f.StringVar(&opts.Token, "token", "", "with --server: the server's write token (default $"+tokenEnv+")")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress or summary on standard error")
	return cmd
}

// lockedHint explains what to do when another process holds the store.
func lockedHint(path string, err error) error {
	if !errors.Is(err, store.ErrLocked) {
		return err
	}
	return fmt.Errorf("%w\n  the store %q can be open in one process at a time; if sitrep serve has it, send the articles to it:\n"+
		"    sitrep ingest --server http://127.0.0.1:8080 FILE... (POST /api/articles, with its --token)\n"+
		"  or stop that process, or use another --db", err, path)
}

func runIngest(ctx context.Context, e *env, opts *ingestOptions) error {
	if opts.Date != "" {
		if _, err := time.Parse(time.DateOnly, opts.Date); err != nil {
			return usageError{fmt.Errorf("--date %q: want YYYY-MM-DD", opts.Date)}
		}
	}
	if opts.Batch < 1 {
		return usageError{fmt.Errorf("--batch %d: want 1 or more", opts.Batch)}
	}
	inFmt, err := reader.ParseFormat(opts.InputFormat)
	if err != nil {
		return usageError{err}
	}
	if opts.Server != "" {
		return postArticles(ctx, e, opts, inFmt)
	}
	// Ingest makes garbage fast: with the collector's default (GOGC=100)
	// its marking takes CPU from DuckDB and the coder, about a tenth of the
	// store's throughput on two cores (BenchmarkWriter). What it keeps
	// grows with the store (the write index, about 30 bytes an event), so
	// a soft limit of 4 GiB makes the collector work harder before the
	// heap grows past it. GOGC and GOMEMLIMIT, when set, win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(4 << 30)
	}
	d, err := loadDicts(e, opts.Dicts, opts.NoBuiltinDicts, opts.Quiet)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, opts.DB)
	if err != nil {
		return lockedHint(opts.DB, err)
	}
	defer s.Close()
	return ingestInto(ctx, e, s, coder.New(d), opts)
}

// ingestInto codes the articles of opts.Paths (or standard input) with c
// and stores them in s in batches, as sitrep ingest does; sitrep serve
// uses it to load its FILE arguments.
func ingestInto(ctx context.Context, e *env, s store.Store, c *coder.Coder, opts *ingestOptions) error {
	inFmt, err := reader.ParseFormat(opts.InputFormat)
	if err != nil {
		return usageError{err}
	}
	var bar *progressbar.ProgressBar
	if opts.Progress {
		bar = newProgress(e, "ingesting")
	}
	start := time.Now()
	lastLog := start
	// The writer stores each batch while the next is coded; it goes on
	// after an interrupt, so that what was coded is stored.
	w := store.NewWriter(context.WithoutCancel(ctx), s, store.PutOptions{Replace: opts.Replace})
	var docs []store.Doc
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		err := w.Put(docs)
		docs = nil // the writer has them now
		if err != nil {
			return err
		}
		if bar == nil && !opts.Quiet && time.Since(lastLog) >= opts.logEvery {
			lastLog = time.Now()
			total := w.Stats()
			fmt.Fprintf(e.stderr, "sitrep: %d articles stored, %d skipped; %d events, %d mentions merged (%.0fs)\n",
				total.Articles, total.Skipped, total.Events, total.Merged, time.Since(start).Seconds())
		}
		return nil
	}
	pst, err := pipeline.Run(ctx, pipeline.Options{
		Paths: opts.Paths, Stdin: e.stdin, Format: inFmt, DefaultDate: opts.Date,
		Coder: c, Workers: opts.Workers, FactsOnly: opts.FactsOnly,
		Emit: func(a *reader.Article, es []event.Event) error {
			docs = append(docs, store.Doc{Article: a, Events: es})
			if len(docs) >= opts.Batch {
				return flush()
			}
			return nil
		},
		Reject: func(err error) { fmt.Fprintf(e.stderr, "sitrep: rejected: %v\n", err) },
		Progress: func(st pipeline.Stats) {
			if bar != nil {
				bar.Set(st.Articles)
			}
		},
	})
	// Store what was coded before an interrupt, so that nothing coded is
	// lost; a failed store is reported as such.
	ferr := flush()
	total, werr := w.Close()
	if ferr == nil {
		ferr = werr
	}
	if ferr != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = ferr
	}
	if bar != nil {
		bar.Finish()
	}
	if !opts.Quiet {
		fmt.Fprintf(e.stderr, "sitrep: %d articles read, %d rejected; %d stored (%d replaced), %d already stored; %d mentions: %d new events, %d merged into others, in %.2fs\n",
			pst.Articles, pst.Rejected, total.Articles, total.Replaced, total.Skipped, total.Mentions, total.Events, total.Merged, time.Since(start).Seconds())
		if tt, terr := s.Totals(context.WithoutCancel(ctx)); terr == nil {
			fmt.Fprintf(e.stderr, "sitrep: store %s: %d articles, %d events, %d mentions\n", opts.DB, tt.Articles, tt.Events, tt.Mentions)
		}
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: the articles coded so far are stored; run the same command again to go on")
	}
	if err != nil {
		return err
	}
	if pst.Rejected > 0 {
		return errRejected
	}
	return nil
}

// postArticles sends the articles of opts.Paths to a sitrep server, which
// codes and stores them, in batches of JSON Lines.
func postArticles(ctx context.Context, e *env, opts *ingestOptions, inFmt reader.Format) error {
	url := strings.TrimSuffix(opts.Server, "/") + "/api/articles"
	client := &http.Client{Timeout: 5 * time.Minute}
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	n, sent, rejected := 0, 0, 0
	post := func() error {
		if n == 0 {
			return nil
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body.Bytes()))
		if err != nil {
			return usageError{fmt.Errorf("--server %q: %w", opts.Server, err)}
		}
		req.Header.Set("Content-Type", "application/x-ndjson")
		if opts.Token != "" {
			req.Header.Set("Authorization", "Bearer "+opts.Token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("post to %s: %w", url, err)
		}
		defer resp.Body.Close()
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("post to %s: %s: %s", url, resp.Status, strings.TrimSpace(string(msg)))
		}
		var ans struct {
			Rejected []json.RawMessage `json:"rejected"`
		}
		if json.Unmarshal(msg, &ans) == nil && len(ans.Rejected) > 0 {
			rejected += len(ans.Rejected)
			for _, r := range ans.Rejected {
				fmt.Fprintf(e.stderr, "sitrep: rejected by the server: %s\n", r)
			}
		}
		sent += n
		n = 0
		body.Reset()
		return nil
	}
	type wire struct {
		ID       string `json:"id"`
		Date     string `json:"date,omitempty"`
		Title    string `json:"title,omitempty"`
		Text     string `json:"text"`
		URL      string `json:"url,omitempty"`
		Source   string `json:"source,omitempty"`
		Language string `json:"language,omitempty"`
	}
	readRejected := 0
	err := reader.Walk(ctx, opts.Paths, e.stdin, inFmt, func(a reader.Article, err error) error {
		if err != nil {
			readRejected++
			fmt.Fprintf(e.stderr, "sitrep: rejected: %v\n", err)
			return nil
		}
		if a.Date == "" {
			a.Date = opts.Date
		}
		if err := enc.Encode(wire{a.ID, a.Date, a.Title, a.Text, a.URL, a.Source, a.Language}); err != nil {
			return err
		}
		n++
		if n >= opts.Batch || body.Len() > 4<<20 {
			return post()
		}
		return nil
	})
	if err == nil {
		err = post()
	}
	if !opts.Quiet {
		fmt.Fprintf(e.stderr, "sitrep: posted %d articles to %s; %d rejected\n", sent, opts.Server, rejected+readRejected)
	}
	if err != nil {
		return err
	}
	if rejected+readRejected > 0 {
		return errRejected
	}
	return nil
}
