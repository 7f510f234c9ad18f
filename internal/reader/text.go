package reader

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readText reads one text article from br: the I/O shell around parseText.
func readText(ctx context.Context, br *bufio.Reader, name string, fn func(Article, error) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a := Article{ID: articleID(name), File: name, Line: 1}
	data, err := io.ReadAll(io.LimitReader(br, MaxRecord+1))
	if err != nil {
		return fn(a, &ParseError{File: name, Line: 1, Err: fmt.Errorf("read: %w", err)})
	}
	if len(data) > MaxRecord {
		return fn(a, &ParseError{File: name, Line: 1, Err: ErrTooLong})
	}
	a, err = parseText(name, data)
	return fn(a, err)
}

// parseText parses a whole text file: an optional header line
//
//	date YYYY-MM-DD headline
//
// (white space around it and a byte order mark allowed) and then the body.
// A first line that starts with "date" but not with a date is body. A header
// whose date is malformed ("date 2024-13-45 ...") is an error, not body, so
// a typo does not silently lose the date.
func parseText(name string, data []byte) (Article, error) {
	a := Article{ID: articleID(name), File: name, Line: 1}
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		i := invalidUTF8(data)
		line, col := position(data, i)
		return a, &ParseError{File: name, Line: line, Col: col, Err: fmt.Errorf("%w: byte 0x%02x", ErrInvalidUTF8, data[i])}
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	first, rest, _ := strings.Cut(s, "\n")
	body := s
	if word, after, ok := cutField(first); ok && word == "date" {
		if tok, headline, ok := cutField(after); ok && looksLikeDate(tok) {
			date, err := parseDate(tok)
			if err != nil {
				col := 1 + strings.Index(first, tok)
				return a, &ParseError{File: name, Line: 1, Col: col, Err: err}
			}
			a.Date = date
			a.Title = strings.TrimSpace(headline)
			body = rest
		}
	}
	a.Text = strings.TrimSpace(body)
	if a.Text == "" {
		return a, &ParseError{File: name, Line: 1, Err: ErrEmptyText}
	}
	return a, nil
}

// cutField skips leading spaces and tabs in s and cuts off the first word,
// returning it and the rest of s. ok is false if s holds no word.
func cutField(s string) (word, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t\r")
	if s == "" {
		return "", "", false
	}
	i := strings.IndexAny(s, " \t\r")
	if i < 0 {
		return s, "", true
	}
	return s[:i], s[i:], true
}

// invalidUTF8 returns the offset of the first byte of data that does not
// start a valid UTF-8 sequence, or len(data).
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
