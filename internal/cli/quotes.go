package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/enrich"
	"github.com/sitrep/sitrep/internal/reader"
)

type quotesOptions struct {
	Paths       []string
	InputFormat string
}

func newQuotesCmd(e *env) *cobra.Command {
	opts := &quotesOptions{}
	cmd := &cobra.Command{
		Use:   "quotes [flags] [FILE|DIR|- ...]",
		Short: "List the quotations of articles with their speakers",
		Long: `Quotes reads articles from files, directories (recursively) or standard
input, like code, and writes one JSON object per quotation to standard
output: article_id, text, speaker (as written, when the text names one),
anonymous, sector (of an anonymous speaker), and the byte offsets start and
end of the text in the article (after NFC normalisation).

A quotation is the text between “ and ”, « and », or two straight quotes,
within one paragraph. Short quotations without a speaker (scare quotes) are
left out. Bad input is reported on standard error and the exit status is 1.`,
		Example: `  # the quotations of the example article
  $ sitrep quotes examples/iraq-coalition-2024-01-24.txt

  # anonymous quotations of a JSONL corpus
  $ sitrep quotes news.jsonl | grep '"anonymous":true'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runQuotes(cmd.Context(), e, opts)
		},
	}
	cmd.Flags().StringVar(&opts.InputFormat, "input-format", "auto", "input format: auto, text, jsonl")
	return cmd
}

// quoteRecord is one output line.
type quoteRecord struct {
	ArticleID string `json:"article_id"`
	enrich.Quote
}

func runQuotes(ctx context.Context, e *env, opts *quotesOptions) error {
	inFmt, err := reader.ParseFormat(opts.InputFormat)
	if err != nil {
		return usageError{err}
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	w := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	rejected := 0
	err = reader.Walk(ctx, paths, e.stdin, inFmt, func(a reader.Article, err error) error {
		if err != nil {
			rejected++
			fmt.Fprintf(e.stderr, "sitrep: rejected: %v\n", err)
			return nil
		}
		for _, q := range enrich.Quotes(&a) {
			if err := enc.Encode(quoteRecord{ArticleID: a.ID, Quote: q}); err != nil {
				return err
			}
		}
		return nil
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if rejected > 0 {
		return errRejected
	}
	return nil
}
