package reader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// record is the JSON form of one JSON Lines article. Unknown fields are
// ignored; a null field counts as absent.
type record struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	URL      string `json:"url"`
	Source   string `json:"source"`
	Language string `json:"language"`
}

// readJSONL reads JSON Lines from br, one article per non-blank line: the
// I/O shell around parseJSONL.
func readJSONL(ctx context.Context, br *bufio.Reader, name string, fn func(Article, error) error) error {
	lr := lineReader{br: br}
	prefix := articleID(name) // records without an id get prefix:line
	for {
		line, err := lr.next()
		if err == io.EOF {
			return nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		n := lr.line
		id := prefix + ":" + strconv.Itoa(n)
		switch {
		case errors.Is(err, ErrTooLong):
			err = fn(Article{ID: id, File: name, Line: n}, &ParseError{File: name, Line: n, Err: err})
		case err != nil:
			// An I/O error ends the stream; it is a record's worth of
			// trouble, so it goes to fn like one.
			perr := &ParseError{File: name, Line: n, Err: fmt.Errorf("read: %w", err)}
			if err := fn(Article{ID: id, File: name, Line: n}, perr); err != nil {
				return err
			}
			return nil
		default:
			if n == 1 {
				line = bytes.TrimPrefix(line, bom)
			}
			if isBlank(line) {
				continue
			}
			a, perr := parseJSONL(line)
			a.File, a.Line = name, n
			if a.ID == "" {
				a.ID = id
			}
			if perr != nil {
				perr.File, perr.Line = name, n
				err = fn(a, perr)
			} else {
				err = fn(a, nil)
			}
		}
		if err != nil {
			return err
		}
	}
}

// isBlank reports whether line holds only JSON white space.
func isBlank(line []byte) bool {
	for _, c := range line {
		if !isJSONSpace(c) {
			return false
		}
	}
	return true
}

// parseJSONL decodes one JSON Lines record. On error the *ParseError has Col
// set (or 0) and File and Line left for the caller, and the Article holds
// whatever was decoded.
func parseJSONL(line []byte) (Article, *ParseError) {
	if !utf8.Valid(line) {
		i := invalidUTF8(line)
		return Article{}, &ParseError{Col: i + 1, Err: fmt.Errorf("%w: byte 0x%02x", ErrInvalidUTF8, line[i])}
	}
	var r record
	if err := json.Unmarshal(line, &r); err != nil {
		a := Article{ID: r.ID}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return a, &ParseError{Col: max(int(se.Offset), 1), Err: fmt.Errorf("invalid JSON: %w", err)}
		case errors.As(err, &te) && te.Field != "":
			col := valueCol(line, te.Field, func(raw []byte) bool { return raw[0] != '"' && raw[0] != 'n' })
			return a, &ParseError{Col: col, Err: &fieldError{name: te.Field, kind: te.Value, err: te}}
		case errors.As(err, &te):
			return a, &ParseError{Col: 1, Err: fmt.Errorf("invalid JSON: got %s, want an object", article(te.Value))}
		}
		return a, &ParseError{Err: fmt.Errorf("invalid JSON: %w", err)}
	}
	a := Article{
		ID:       r.ID,
		Title:    r.Title,
		Text:     r.Text,
		URL:      r.URL,
		Source:   r.Source,
		Language: r.Language,
	}
	if r.Date != "" {
		date, err := parseDate(r.Date)
		if err != nil {
			col := valueCol(line, "date", func(raw []byte) bool {
				var s string
				return json.Unmarshal(raw, &s) == nil && s == r.Date
			})
			return a, &ParseError{Col: col, Err: err}
		}
		a.Date = date
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, &ParseError{Err: ErrEmptyText}
	}
	return a, nil
}

// fieldError is a JSON field holding something other than a string.
type fieldError struct {
	name, kind string
	err        error
}

func (e *fieldError) Error() string {
	return fmt.Sprintf("field %q is %s, want string", e.name, article(e.kind))
}

// Is makes errors.Is(err, ErrFieldType) true.
func (e *fieldError) Is(target error) bool { return target == ErrFieldType }

func (e *fieldError) Unwrap() error { return e.err }

// article prefixes a JSON kind ("number", "object") with "a" or "an".
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// valueCol returns the 1-based column of the value of the first top-level
// key in the object line that matches field (as encoding/json matches:
// case-insensitively) and whose raw value satisfies ok; 0 if none does. It is
// only called on the error path, so it may be slow.
func valueCol(line []byte, field string, ok func(raw []byte) bool) int {
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return 0
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return 0
		}
		key, _ := tok.(string)
		start := int(dec.InputOffset())
		for start < len(line) && (isJSONSpace(line[start]) || line[start] == ':') {
			start++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return 0
		}
		if strings.EqualFold(key, field) && len(raw) > 0 && ok(raw) {
			return start + 1
		}
	}
	return 0
}

// lineReader splits a stream into lines of at most MaxRecord bytes, reusing
// one buffer, so memory stays bounded by the longest line.
type lineReader struct {
	br   *bufio.Reader
	long []byte // holds a line that does not fit in br's buffer
	line int    // number of the line last returned
}

// next returns the next line without its "\n" or "\r\n". The slice is valid
// until the next call. It returns io.EOF after the last line, an error
// wrapping ErrTooLong (after consuming the line) for a line longer than
// MaxRecord, or a read error.
func (lr *lineReader) next() ([]byte, error) {
	if cap(lr.long) > 4*bufSize {
		lr.long = nil // a one-off huge line should not pin its memory
	}
	lr.long = lr.long[:0]
	size, tooLong := 0, false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += len(chunk)
		if size > MaxRecord+2 { // +2 leaves room for "\r\n"
			tooLong = true
			lr.long = lr.long[:0]
		}
		if err == bufio.ErrBufferFull {
			if !tooLong {
				lr.long = append(lr.long, chunk...)
			}
			continue
		}
		if err != nil && err != io.EOF {
			lr.line++
			return nil, err
		}
		if err == io.EOF && size == 0 {
			return nil, io.EOF
		}
		lr.line++
		if tooLong {
			return nil, fmt.Errorf("%w (%d bytes)", ErrTooLong, size)
		}
		line := chunk
		if len(lr.long) > 0 {
			line = append(lr.long, chunk...)
			lr.long = line
		}
		line = bytes.TrimSuffix(line, []byte{'\n'})
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(line) > MaxRecord {
			return nil, fmt.Errorf("%w (%d bytes)", ErrTooLong, len(line))
		}
		return line, nil
	}
}
