package encode

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/sitrep/sitrep/event"
)

// JSONL writes each event as its event.Event JSON object on one line: the
// contract of `sitrep code --format jsonl`. HTML characters (<, >, &) are
// written as they are, not escaped, so evidence text stays readable.
type JSONL struct {
	stream
	enc *json.Encoder
}

// NewJSONL returns a JSONL encoder writing to w through a buffer that
// Close flushes. The caller keeps ownership of w.
func NewJSONL(w io.Writer) *JSONL {
	j := &JSONL{stream: newStream("jsonl", w)}
	j.enc = json.NewEncoder(j.bw)
	j.enc.SetEscapeHTML(false)
	return j
}

// Encode writes e as one newline-terminated JSON object.
func (j *JSONL) Encode(e *event.Event) error {
	if err := j.check(e); err != nil {
		return err
	}
	// json.Encoder marshals the whole value before writing, so a marshal
	// error (a NaN score) writes nothing.
	if err := j.enc.Encode(e); err != nil {
		return fmt.Errorf("jsonl: event %q: %w", e.ID, err)
	}
	return nil
}

// Close flushes buffered output. It writes no trailer.
func (j *JSONL) Close() error { return j.close() }
