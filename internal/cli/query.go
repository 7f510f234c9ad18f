package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sitrep/sitrep/internal/encode"
	"github.com/sitrep/sitrep/internal/store"
)

type queryOptions struct {
	DB     string
	Filter store.Filter
	SQL    string
	Format string
	Limit  int
	Cursor string
}

// queryFormats are the output formats of sitrep query; "" picks table on a
// terminal and jsonl otherwise.
var queryFormats = []string{"table", "jsonl", "csv"}

// addFilterFlags binds the event filter flags shared by query and export.
func addFilterFlags(fs *pflag.FlagSet, f *store.Filter) {
	fs.StringVar(&f.From, "from", "", "events on or after this date (YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "events on or before this date (YYYY-MM-DD)")
	fs.StringVar(&f.Source, "source", "", "source actor code prefix (USA matches USAGOV, USAMIL)")
	fs.StringVar(&f.Target, "target", "", "target actor code prefix")
	fs.StringVar(&f.Country, "country", "", "location country code (IRQ)")
	fs.StringVar(&f.CAMEO, "cameo", "", "CAMEO code prefix (19, 190)")
	fs.StringVar(&f.Root, "root", "", "CAMEO root code, 01 to 20")
	fs.IntVar(&f.Quad, "quad", 0, "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
	fs.StringVar(&f.PLOVER, "plover", "", "PLOVER event type (ASSAULT)")
	fs.StringVar(&f.ACLED, "acled", "", `ACLED event type ("Battles")`)
	fs.StringVar(&f.Text, "text", "", "words in the evidence sentence of a mention, ignoring case")
}

// noArgs rejects arguments, as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, got %q (see sitrep %s --help)", cmd.Name(), args, cmd.Name())}
	}
	return nil
}

// checkFilter rejects filter values no event can have, as usage errors.
func checkFilter(f *store.Filter) error {
	for _, d := range []struct{ flag, v string }{{"--from", f.From}, {"--to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return usageError{fmt.Errorf("%s %q: want a date YYYY-MM-DD", d.flag, d.v)}
		}
	}
	if f.Quad < 0 || f.Quad > 4 {
		return usageError{fmt.Errorf("--quad %d: want 1 to 4", f.Quad)}
	}
	if r := f.Root; r != "" {
		if n, err := strconv.Atoi(r); err != nil || len(r) != 2 || n < 1 || n > 20 {
			return usageError{fmt.Errorf("--root %q: want a CAMEO root, 01 to 20", r)}
		}
	}
	return nil
}

func newQueryCmd(e *env) *cobra.Command {
	opts := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "query [flags]",
		Short: "List stored events, or run SQL on the store",
		Long: `Query lists the stored events that match every filter given, newest first,
one line an event: an aligned table on a terminal, JSON Lines when piped
(--format table|jsonl|csv). Each event is one happening: --format jsonl
prints its first report as sitrep code would, with num_mentions,
num_sources and num_articles.

--limit caps the page (0: every event); after a full page in a table, the
--cursor of the next page is printed on standard error.

--sql runs one SELECT (or WITH ... SELECT) on a read-only connection; other
statements are refused. Views: events (one row a happening: id, date,
actor codes and countries, CAMEO, Goldstein, quad class, PLOVER, ACLED,
modality, place, report counts, evidence sentence and trigger) and
mentions (one row a report, with event_id, article_id, sentence and
trigger); underneath, the table articles, the numbered rows the views
read (mention_rows, dict) and the views event_rows (an event is its
first mention's row) and event_counts (report counts per event).

The store is opened read-only, so several queries can run at once, but not
while sitrep ingest or sitrep serve has it open.`,
		Example: `  # attacks in Iraq in 2024
  $ sitrep query --country IRQ --root 19 --from 2024-01-01

  # as JSON Lines, every event with "ceasefire" in its evidence
  $ sitrep query --text ceasefire --limit 0 --format jsonl > ceasefire.jsonl

  # events per CAMEO root
  $ sitrep query --sql "SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format == "" && isTerminal(e.stdout) {
				opts.Format = "table"
			}
			return runQuery(cmd.Context(), e, opts)
		},
	}
	bindQueryFlags(cmd.Flags(), opts)
	return cmd
}

func bindQueryFlags(f *pflag.FlagSet, opts *queryOptions) {
	f.StringVar(&opts.DB, "db", store.DefaultPath, dbFlagHelp)
	addFilterFlags(f, &opts.Filter)
	f.StringVar(&opts.SQL, "sql", "", "run this SELECT statement instead of listing events")
	f.StringVarP(&opts.Format, "format", "f", "", "output format: "+strings.Join(queryFormats, ", ")+" (default: table on a terminal, else jsonl)")
	f.IntVarP(&opts.Limit, "limit", "n", 50, "events a page (0: all)")
	f.StringVar(&opts.Cursor, "cursor", "", "start after the page that printed this cursor")
}

func runQuery(ctx context.Context, e *env, opts *queryOptions) error {
	if opts.Format == "" {
		opts.Format = "jsonl"
	}
	known := false
	for _, f := range queryFormats {
		known = known || f == opts.Format
	}
	if !known {
		return usageError{fmt.Errorf("--format %q: want one of %s", opts.Format, strings.Join(queryFormats, ", "))}
	}
	if opts.Limit < 0 {
		return usageError{fmt.Errorf("--limit %d: want 0 (all) or more", opts.Limit)}
	}
	if err := checkFilter(&opts.Filter); err != nil {
		return err
	}
	if opts.SQL != "" && (opts.Filter != store.Filter{} || opts.Cursor != "") {
		return usageError{fmt.Errorf("--sql cannot be combined with filters or --cursor: put the conditions in the SQL")}
	}
	s, err := store.OpenReadOnly(ctx, opts.DB)
	if err != nil {
		return lockedHint(opts.DB, err)
	}
	defer s.Close()
	if opts.SQL != "" {
		cols, rows, err := s.QueryReadOnly(ctx, opts.SQL)
		if err != nil {
			if errors.Is(err, store.ErrNotReadOnly) {
				return usageError{err}
			}
			return err
		}
		return writeSQL(e.stdout, opts.Format, cols, rows)
	}
	out := newRowWriter(e.stdout, opts.Format)
	f := opts.Filter
	if opts.Limit == 0 {
		if err := s.Each(ctx, f, out.write); err != nil {
			return err
		}
		return out.close()
	}
	f.Limit, f.Cursor = min(opts.Limit, store.MaxLimit), opts.Cursor
	rows, next, err := s.Events(ctx, f)
	if errors.Is(err, store.ErrBadCursor) {
		return usageError{fmt.Errorf("--cursor: %w", err)}
	}
	if err != nil {
		return err
	}
	for i := range rows {
		if err := out.write(&rows[i]); err != nil {
			return err
		}
	}
	if err := out.close(); err != nil {
		return err
	}
	if next != "" {
		fmt.Fprintf(e.stderr, "sitrep: more events: add --cursor %s\n", next)
	}
	return nil
}

// rowWriter writes stored events in one of the query formats.
type rowWriter struct {
	format string
	w      io.Writer
	tw     *tabwriter.Writer
	enc    *json.Encoder
	csv    encode.ReportEncoder
	n      int
}

func newRowWriter(w io.Writer, format string) *rowWriter {
	rw := &rowWriter{format: format, w: w}
	switch format {
	case "table":
		rw.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(rw.tw, "DATE\tSOURCE\tTARGET\tCAMEO\tQUAD\tGOLDSTEIN\tPLACE\tMENTIONS\tARTICLES\tEVIDENCE")
	case "jsonl":
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	case "csv":
		rw.csv = encode.NewCSV(w)
	}
	return rw
}

func (rw *rowWriter) write(r *store.Row) error {
	rw.n++
	switch rw.format {
	case "jsonl":
		return rw.enc.Encode(r)
	case "csv":
		return rw.csv.EncodeReports(&r.Event, encode.Reports{Mentions: r.NumMentions, Sources: r.NumSources, Articles: r.NumArticles})
	}
	actor := func(code string, ok bool) string {
		if !ok {
			return "-"
		}
		return code
	}
	place := "-"
	if l := r.Location; l != nil {
		place = l.Resolved
		if place == "" {
			place = l.Name
		}
		if l.Country != "" && l.Country != place {
			place += " " + l.Country
		}
	}
	date := r.Date
	if date == "" {
		date = "?"
	}
	src, tgt := "", ""
	if r.Source != nil {
		src = r.Source.Code
	}
	if r.Target != nil {
		tgt = r.Target.Code
	}
	fmt.Fprintf(rw.tw, "%s\t%s\t%s\t%s\t%d\t%g\t%s\t%d\t%d\t%s\n", date, actor(src, r.Source != nil), actor(tgt, r.Target != nil),
		r.CAMEO.Code, r.QuadClass, r.Goldstein, cell(place, 24), r.NumMentions, r.NumArticles, cell(r.Evidence.Sentence, 70))
	return nil
}

func (rw *rowWriter) close() error {
	switch rw.format {
	case "table":
		if rw.n == 0 {
			fmt.Fprintln(rw.tw, "(no events)")
		}
		return rw.tw.Flush()
	case "csv":
		return rw.csv.Close()
	}
	return nil
}

// cell fits s on one table line of at most n runes.
func cell(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// writeSQL writes the result of --sql: a table, JSON objects keyed by
// column, or CSV with a header.
func writeSQL(w io.Writer, format string, cols []string, rows [][]any) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, row := range rows {
			obj := make(map[string]any, len(cols))
			for i, c := range cols {
				obj[c] = jsonValue(row[i])
			}
			if err := enc.Encode(obj); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(cols)
		rec := make([]string, len(cols))
		for _, row := range rows {
			for i, v := range row {
				rec[i] = sqlText(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = cell(sqlText(v), 80)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	fmt.Fprintf(tw, "(%d rows)\n", len(rows))
	return tw.Flush()
}

// sqlText formats a value of a --sql result for a table or CSV cell.
func sqlText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []byte:
		return string(v)
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format(time.DateOnly)
		}
		return v.Format(time.RFC3339)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case map[string]any, []any:
		b, _ := json.Marshal(v)
		return string(b)
	}
	return fmt.Sprint(v)
}

// jsonValue makes a --sql value JSON-friendly: dates as YYYY-MM-DD.
func jsonValue(v any) any {
	if t, ok := v.(time.Time); ok {
		return sqlText(t)
	}
	return v
}
