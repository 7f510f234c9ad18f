// Package encode writes coded events in sitrep's output formats: the
// sitrep JSON schema itself (jsonl), GDELT 2.0 Events export rows (gdelt),
// PLOVER JSON records (plover), ACLED export CSV (acled) and flat CSV (csv). It is the last stage of the pipeline and
// imports only the event package.
//
// Every encoder buffers its output; nothing is guaranteed to reach the
// underlying writer before Close. Encoders never close that writer: the
// caller owns it.
package encode

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// Encoder writes events to an output stream. Not safe for concurrent use.
// Close flushes and writes any trailer.
type Encoder interface {
	// Encode writes one event. The encoder neither modifies nor retains e.
	// An error for a bad event (nil, unusable ID or date, unknown type)
	// leaves the stream as it was, so the caller may log it and go on; a
	// write error is sticky and every later call returns it.
	Encode(e *event.Event) error
	// Close flushes buffered output and writes any trailer. It does not
	// close the underlying writer. Encode after Close returns an error;
	// a second Close returns nil.
	Close() error
}

// format is one row of the format table: the name users pass to
// --format, a one-line description for help text, and the constructor.
type format struct {
	name        string
	description string
	new         func(w io.Writer) Encoder
}

// formats is the table of output formats, in the order help text lists
// them. Adding a format means adding a row here; nothing registers itself.
var formats = []format{
	{
		name:        "jsonl",
		description: "one sitrep event JSON object a line (the event schema)",
		new:         func(w io.Writer) Encoder { return NewJSONL(w) },
	},
	{
		name:        "gdelt",
		description: "GDELT 2.0 Events export rows: 61 tab-separated columns, no header",
		new:         func(w io.Writer) Encoder { return NewGDELT(w) },
	},
	{
		name:        "plover",
		description: "PLOVER JSON records, one a line; events without a PLOVER type are skipped",
		new:         func(w io.Writer) Encoder { return NewPLOVER(w, PLOVEROptions{}) },
	},
	{
		name:        "acled",
		description: "ACLED export CSV (31 columns, header); events without an ACLED type are skipped",
		new:         func(w io.Writer) Encoder { return NewACLED(w) },
	},
	{
		name:        "csv",
		description: "one flat CSV row an event, with a header",
		new:         func(w io.Writer) Encoder { return NewCSV(w) },
	},
}

// New returns the encoder for the named format ("jsonl", "gdelt",
// "plover") writing to w, with default options. An unknown name is an
// error that lists the valid names. The caller keeps ownership of w.
func New(format string, w io.Writer) (Encoder, error) {
	for _, f := range formats {
		if f.name == format {
			return f.new(w), nil
		}
	}
	return nil, fmt.Errorf("unknown output format %q: want one of %s", format, strings.Join(Formats(), ", "))
}

// Formats returns the names New accepts, in table order. The slice is the
// caller's to keep or modify.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// Describe returns the one-line description of the named format for help
// text, or "" if the name is unknown.
func Describe(format string) string {
	for _, f := range formats {
		if f.name == format {
			return f.description
		}
	}
	return ""
}

// errNilEvent and errClosed are wrapped with the format name.
var (
	errNilEvent = errors.New("nil event")
	errClosed   = errors.New("encoder is closed")
)

// stream is the buffered writer and closed state every encoder shares.
type stream struct {
	name   string
	bw     *bufio.Writer
	closed bool
}

func newStream(name string, w io.Writer) stream {
	return stream{name: name, bw: bufio.NewWriter(w)}
}

// check returns the error that stops Encode before it looks at e.
func (s *stream) check(e *event.Event) error {
	if s.closed {
		return fmt.Errorf("%s: %w", s.name, errClosed)
	}
	if e == nil {
		return fmt.Errorf("%s: %w", s.name, errNilEvent)
	}
	return nil
}

func (s *stream) close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("%s: flush: %w", s.name, err)
	}
	return nil
}

// eventDay returns the day the event happened: e.Date, else e.PubDate.
func eventDay(e *event.Event) string {
	if e.Date != "" {
		return e.Date
	}
	return e.PubDate
}
