package encode

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/sitrep/sitrep/event"
)

// Reports is how often a stored event was reported: its mentions, the
// distinct publishers and the distinct articles they come from.
type Reports struct {
	Mentions, Sources, Articles int
}

// ReportEncoder is an Encoder with columns for report counts, which the
// event schema lacks. Encode writes a single report (1, 1, 1); the store's
// export passes the counts of each stored event with EncodeReports.
type ReportEncoder interface {
	Encoder
	// EncodeReports writes e with the counts r; otherwise as Encode.
	EncodeReports(e *event.Event, r Reports) error
}

// csvColumns is the header of the CSV format.
var csvColumns = []string{
	"id", "article_id", "date", "date_precision", "pub_date",
	"source_code", "source_country", "source_name", "source_text",
	"target_code", "target_country", "target_name", "target_text",
	"cameo_code", "cameo_base", "cameo_root", "cameo_name", "goldstein", "quad_class",
	"plover_event", "plover_mode", "acled_event_type", "acled_sub_event_type",
	"modality", "location", "location_country", "admin1", "lat", "lon", "precision",
	"killed", "trigger", "sentence", "rule", "confidence", "url", "publisher",
	"num_mentions", "num_sources", "num_articles",
}

// CSV writes events as comma-separated values (RFC 4180) with a header
// line: one flat row an event, the columns of csvColumns, for spreadsheets
// and data frames. Nested parts are flattened: the actor code, country,
// name and text; the first location's name (resolved, else as written),
// country, first-level division, coordinates and precision; killed is the
// sum of the "killed" counts. Line breaks inside text become spaces, so a
// row is a line. Columns without a value are empty.
type CSV struct {
	stream
	w      *csv.Writer
	header bool
	row    []string
}

// NewCSV returns a CSV encoder writing to w through a buffer that Close
// flushes. The caller keeps ownership of w.
func NewCSV(w io.Writer) *CSV {
	c := &CSV{stream: newStream("csv", w)}
	c.w = csv.NewWriter(c.bw)
	return c
}

// Encode writes e as one row, as a single report.
func (c *CSV) Encode(e *event.Event) error {
	return c.EncodeReports(e, Reports{1, 1, 1})
}

// EncodeReports writes e as one row with the report counts r.
func (c *CSV) EncodeReports(e *event.Event, r Reports) error {
	if err := c.check(e); err != nil {
		return err
	}
	if !c.header {
		c.header = true
		if err := c.w.Write(csvColumns); err != nil {
			return fmt.Errorf("csv: %w", err)
		}
	}
	c.row = csvRow(c.row[:0], e, r)
	if err := c.w.Write(c.row); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// Close writes the header if no event came, and flushes.
func (c *CSV) Close() error {
	if !c.closed && !c.header {
		c.header = true
		c.w.Write(csvColumns)
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil && !c.closed {
		c.closed = true
		return fmt.Errorf("csv: %w", err)
	}
	return c.close()
}

func csvRow(row []string, e *event.Event, r Reports) []string {
	actor := func(a *event.Actor) []string {
		if a == nil {
			return []string{"", "", "", ""}
		}
		return []string{a.Code, a.Country, a.Name, cleanField(a.Text)}
	}
	var acledType, acledSub string
	if e.ACLED != nil {
		acledType, acledSub = e.ACLED.EventType, e.ACLED.SubEventType
	}
	loc := make([]string, 6)
	if l := e.Location; l != nil {
		name := l.Resolved
		if name == "" {
			name = l.Name
		}
		loc = []string{name, l.Country, l.Admin1, formatFloat(l.Lat), formatFloat(l.Lon), l.Precision}
	}
	killed := ""
	if n, ok := killedCount(e); ok {
		killed = strconv.Itoa(n)
	}
	row = append(row, e.ID, e.ArticleID, e.Date, e.DatePrecision, e.PubDate)
	row = append(row, actor(e.Source)...)
	row = append(row, actor(e.Target)...)
	row = append(row, e.CAMEO.Code, e.CAMEO.Base, e.CAMEO.Root, e.CAMEO.Name, formatFloat(e.Goldstein), strconv.Itoa(e.QuadClass),
		e.PLOVER.Event, e.PLOVER.Mode, acledType, acledSub, e.Modality)
	row = append(row, loc...)
	row = append(row, killed, cleanField(e.Evidence.Trigger), cleanField(e.Evidence.Sentence), e.Evidence.Rule, formatFloat(e.Confidence), e.URL, e.Publisher,
		strconv.Itoa(r.Mentions), strconv.Itoa(r.Sources), strconv.Itoa(r.Articles))
	return row
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// killedCount sums the event's "killed" counts; ok is false when it has
// none.
func killedCount(e *event.Event) (n int, ok bool) {
	for _, c := range e.Counts {
		if c.Kind == "killed" {
			n += c.Number
			ok = true
		}
	}
	return n, ok
}
