package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/encode"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/reader"
)

type codeOptions struct {
	Paths          []string
	Format         string
	InputFormat    string
	Date           string
	Dicts          []string
	NoBuiltinDicts bool
	FactsOnly      bool
	Workers        int
	Quiet          bool
	Progress       bool
}

func newCodeCmd(e *env) *cobra.Command {
	opts := &codeOptions{}
	cmd := &cobra.Command{
		Use:   "code [flags] [FILE|DIR|- ...]",
		Short: "Code articles into events",
		Long: `Code reads articles from files, directories (recursively) or standard input
and writes one record per event to standard output.

Input formats, detected by extension and content:
  text   one article a file: an optional first line " date YYYY-MM-DD <headline>",
         then the body in paragraphs
  jsonl  one article a line: {"id","date","title","text","url","source","language"}

Output formats (--format):
` + formatHelp() + `
Bad input (invalid JSON or UTF-8, empty text, bad dates) is reported on
standard error with file and line; the other articles are still coded, a
summary counts articles read, coded and rejected, and the exit status is 1.`,
		Example: `  # code the example article
  $ sitrep code examples/iraq-coalition-2024-01-24.txt

  # a directory of JSONL files, as GDELT rows, facts only
  $ sitrep code --format gdelt --facts-only news/ > events.tsv

  # text from a pipe, dated explicitly
  $ echo "Rebels attacked government troops." | sitrep code --date 2024-05-01`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if len(args) == 0 && isTerminal(e.stdin) {
				return usageError{fmt.Errorf("no input: give files or directories, or pipe articles to standard input (see sitrep code --help)")}
			}
			opts.Progress = isTerminal(e.stderr) && !opts.Quiet
			return runCode(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "jsonl", "output format: "+strings.Join(encode.Formats(), ", "))
	f.StringVar(&opts.InputFormat, "input-format", "auto", "input format: auto, text, jsonl")
	f.StringVar(&opts.Date, "date", "", "publication date (YYYY-MM-DD) for articles that carry none")
	f.StringArrayVar(&opts.Dicts, "dict", nil, "load a dictionary file or directory: sitrep TSV, PETRARCH or TABARI (repeatable)")
	f.BoolVar(&opts.NoBuiltinDicts, "no-builtin-dicts", false, "use only the dictionaries given with --dict")
	f.BoolVar(&opts.FactsOnly, "facts-only", false, "drop negated, future and hypothetical events")
	f.IntVarP(&opts.Workers, "workers", "j", 0, "coding goroutines (0: one per CPU)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no summary or progress on standard error")
	return cmd
}

func formatHelp() string {
	var b strings.Builder
	for _, name := range encode.Formats() {
		fmt.Fprintf(&b, "  %-6s %s\n", name, encode.Describe(name))
	}
	return b.String()
}

func runCode(ctx context.Context, e *env, opts *codeOptions) error {
	if opts.Date != "" {
		if _, err := time.Parse("2006-01-02", opts.Date); err != nil {
			return usageError{fmt.Errorf("--date %q: want YYYY-MM-DD", opts.Date)}
		}
	}
	inFmt, err := reader.ParseFormat(opts.InputFormat)
	if err != nil {
		return usageError{err}
	}
	enc, err := encode.New(opts.Format, e.stdout)
	if err != nil {
		return usageError{err}
	}
	d, err := loadDicts(e, opts.Dicts, opts.NoBuiltinDicts, opts.Quiet)
	if err != nil {
		return err
	}
	var bar *progressbar.ProgressBar
	if opts.Progress {
		bar = newProgress(e, "coding")
	}
	start := time.Now()
	st, err := pipeline.Run(ctx, pipeline.Options{
		Paths: opts.Paths, Stdin: e.stdin, Format: inFmt, DefaultDate: opts.Date,
		Coder: coder.New(d), Workers: opts.Workers, FactsOnly: opts.FactsOnly,
		Emit: func(_ *reader.Article, es []event.Event) error {
			for i := range es {
				if err := enc.Encode(&es[i]); err != nil {
					return err
				}
			}
			return nil
		},
		Reject: func(err error) { fmt.Fprintf(e.stderr, "sitrep: rejected: %v\n", err) },
		Progress: func(s pipeline.Stats) {
			if bar != nil {
				bar.Set(s.Articles)
			}
		},
	})
	if cerr := enc.Close(); err == nil {
		err = cerr
	}
	if bar != nil {
		bar.Finish()
	}
	if !opts.Quiet {
		secs := time.Since(start).Seconds()
		fmt.Fprintf(e.stderr, "sitrep: %d articles read, %d coded, %d rejected; %d sentences, %d events in %.2fs (%.0f sentences/s)\n",
			st.Articles, st.Coded, st.Rejected, st.Sentences, st.Events, secs, float64(st.Sentences)/max(secs, 1e-9))
	}
	if err != nil {
		return err
	}
	if st.Rejected > 0 {
		return errRejected
	}
	return nil
}

// loadDicts returns the compiled dictionaries: the built-in ones (unless
// noBuiltin) with the files of paths on top; nil means built-in only. A path
// is a file or a directory, in any format dict.Detect recognises (sitrep
// TSV, PETRARCH, TABARI). Unless quiet, it prints one line per file to
// standard error with what the file gave and how long it took. Malformed
// lines are reported and skipped; the good entries still load.
func loadDicts(e *env, paths []string, noBuiltin, quiet bool) (*dict.Compiled, error) {
	if len(paths) == 0 && !noBuiltin {
		return nil, nil
	}
	if noBuiltin && len(paths) == 0 {
		return nil, usageError{fmt.Errorf("--no-builtin-dicts needs at least one --dict")}
	}
	d := &dict.Dictionary{}
	if !noBuiltin {
		b, err := dict.BuiltinDictionary()
		if err != nil {
			return nil, err
		}
		d = b
	}
	for _, p := range paths {
		one, stats, err := dict.LoadPath(p)
		if one == nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		if !quiet {
			for _, s := range stats {
				if s.Format == dict.UnknownFormat {
					fmt.Fprintf(e.stderr, "sitrep: skipped %s: not a dictionary format sitrep reads\n", s.File)
					continue
				}
				fmt.Fprintf(e.stderr, "sitrep: loaded %s (%s): %s in %.2fs\n", s.File, s.Format, s.Summary(), s.Took.Seconds())
			}
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "sitrep: dictionary %s:\n%v\n", p, err)
		}
		d.Merge(one)
	}
	start := time.Now()
	c := dict.Compile(d)
	if !quiet {
		fmt.Fprintf(e.stderr, "sitrep: compiled dictionaries: %d actor phrases, %d verb patterns in %.2fs\n",
			len(d.Phrases), len(d.Verbs), time.Since(start).Seconds())
	}
	return c, nil
}

// newProgress returns a progress bar of articles on standard error, for
// commands that show one on a terminal.
func newProgress(e *env, desc string) *progressbar.ProgressBar {
	return progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(), progressbar.OptionSetItsString("articles"), progressbar.OptionShowIts(),
		progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
