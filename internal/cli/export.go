package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/encode"
	"github.com/sitrep/sitrep/internal/store"
)

type exportOptions struct {
	DB     string
	Filter store.Filter
	Format string
	Output string
}

// exportFormats are the formats of sitrep export: the encoders' and
// parquet, which DuckDB writes itself.
func exportFormats() []string { return append(encode.Formats(), "parquet") }

func newExportCmd(e *env) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export [flags]",
		Short: "Write the stored events in a data format",
		Long: `Export writes the stored events that match every filter given (all of them
without filters), newest first, one record a happening, to standard output
or to -o FILE. jsonl writes what sitrep query --format jsonl does: each
event as its first report, with num_mentions, num_sources and num_articles.

Formats (--format):
` + formatHelp() + `  parquet the events view as Parquet (needs -o): every column
With gdelt, csv and parquet, NumMentions, NumSources and NumArticles count
the reports folded into each event.

The store is opened read-only.`,
		Example: `  # everything, as GDELT rows
  $ sitrep export --format gdelt > events.tsv

  # political violence in Syria in 2024, as ACLED CSV
  $ sitrep export --format acled --country SYR --from 2024-01-01 --to 2024-12-31 -o syria.csv

  # the whole events table for pandas or DuckDB
  $ sitrep export --format parquet -o events.parquet`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.DB, "db", store.DefaultPath, dbFlagHelp)
	f.StringVarP(&opts.Format, "format", "f", "jsonl", "output format: "+strings.Join(exportFormats(), ", "))
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	addFilterFlags(f, &opts.Filter)
	return cmd
}

func runExport(ctx context.Context, e *env, opts *exportOptions) error {
	known := false
	for _, f := range exportFormats() {
		known = known || f == opts.Format
	}
	if !known {
		return usageError{fmt.Errorf("--format %q: want one of %s", opts.Format, strings.Join(exportFormats(), ", "))}
	}
	if opts.Format == "parquet" && (opts.Output == "" || opts.Output == "-") {
		return usageError{fmt.Errorf("--format parquet needs a file: give -o FILE")}
	}
	if err := checkFilter(&opts.Filter); err != nil {
		return err
	}
	s, err := store.OpenReadOnly(ctx, opts.DB)
	if err != nil {
		return lockedHint(opts.DB, err)
	}
	defer s.Close()
	if opts.Format == "parquet" {
		return s.ExportParquet(ctx, opts.Filter, opts.Output)
	}
	var w io.Writer = e.stdout
	var file *os.File
	if opts.Output != "" && opts.Output != "-" {
		if file, err = os.Create(opts.Output); err != nil {
			return err
		}
		w = file
	}
	n, err := exportEvents(ctx, e, s, opts.Filter, opts.Format, w)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "sitrep: exported %d events\n", n)
	return nil
}

// exportEvents writes the events matching f to w in format, and returns
// how many it wrote. An event the format cannot hold (GDELT needs a date)
// is reported on stderr and skipped; a write error stops the export.
func exportEvents(ctx context.Context, e *env, s store.Store, f store.Filter, format string, w io.Writer) (int, error) {
	bw := bufio.NewWriter(w)
	enc, err := encode.New(format, bw)
	if err != nil {
		return 0, usageError{err}
	}
	n, bad := 0, 0
	var row bytes.Buffer
	// jsonl writes each event with its report counts, as sitrep query does.
	jsonRow := json.NewEncoder(bw)
	jsonRow.SetEscapeHTML(false)
	err = s.Each(ctx, f, func(r *store.Row) error {
		reports := encode.Reports{Mentions: r.NumMentions, Sources: r.NumSources, Articles: r.NumArticles}
		var err error
		switch {
		case format == "jsonl":
			err = jsonRow.Encode(r)
		case format == "gdelt":
			err = gdeltWithReports(&row, bw, r, reports)
		case isReportEncoder(enc):
			err = enc.(encode.ReportEncoder).EncodeReports(&r.Event, reports)
		default:
			err = enc.Encode(&r.Event)
		}
		if err != nil {
			// Encoders leave the stream as it was after a bad event, and
			// a write error comes back again from Close.
			if bad++; bad <= 5 {
				fmt.Fprintf(e.stderr, "sitrep: skipped: %v\n", err)
			}
			return nil
		}
		n++
		return nil
	})
	if cerr := enc.Close(); err == nil {
		err = cerr
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if bad > 5 {
		fmt.Fprintf(e.stderr, "sitrep: skipped %d events in all\n", bad)
	}
	if sk, ok := enc.(interface{ Skipped() int }); ok && sk.Skipped() > 0 {
		n -= sk.Skipped()
		fmt.Fprintf(e.stderr, "sitrep: %d events have no %s form and were left out\n", sk.Skipped(), format)
	}
	return n, err
}

func isReportEncoder(enc encode.Encoder) bool {
	_, ok := enc.(encode.ReportEncoder)
	return ok
}

// The GDELT 2.0 Events columns NumMentions, NumSources and NumArticles,
// 0-based; encode.GDELT writes 1 in each, as for a single report.
const gdeltNumMentions = 31

// gdeltWithReports writes r as a GDELT row with its report counts: it
// encodes the row alone into buf and replaces the three count columns.
func gdeltWithReports(buf *bytes.Buffer, w io.Writer, r *store.Row, rep encode.Reports) error {
	buf.Reset()
	g := encode.NewGDELT(buf)
	if err := g.Encode(&r.Event); err != nil {
		return err
	}
	if err := g.Close(); err != nil {
		return err
	}
	cols := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\t")
	if len(cols) != 61 {
		return fmt.Errorf("gdelt: event %q: %d columns, want 61", r.ID, len(cols))
	}
	cols[gdeltNumMentions] = strconv.Itoa(rep.Mentions)
	cols[gdeltNumMentions+1] = strconv.Itoa(rep.Sources)
	cols[gdeltNumMentions+2] = strconv.Itoa(rep.Articles)
	if _, err := io.WriteString(w, strings.Join(cols, "\t")+"\n"); err != nil {
		return fmt.Errorf("gdelt: %w", err)
	}
	return nil
}
