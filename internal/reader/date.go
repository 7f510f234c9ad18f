package reader

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the date forms an article may carry, most common first.
// Each starts with YYYY-MM-DD, which is what parseDate keeps.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,          // fractional seconds are accepted too
	"2006-01-02T15:04:05", // no zone: a local time of the publisher
}

// parseDate reduces s to YYYY-MM-DD. It accepts YYYY-MM-DD, RFC 3339 and
// RFC 3339 without a zone; the date is kept as written, not converted to
// UTC, as it is the publisher's date. Compact dates, as event data files
// write them, are read explicitly: YYYYMMDD, and YYMMDD with the century
// from the two-digit year — 00 to 69 are 20xx, 70 to 99 are 19xx, so
// 160626 is 2016-06-26 (a PETRARCH bug read it as 2026). The error wraps
// ErrInvalidDate.
func parseDate(s string) (string, error) {
	if d, ok, err := compactDate(s); ok {
		return d, err
	}
	reason := "want YYYY-MM-DD or RFC 3339"
	for _, layout := range dateLayouts {
		_, err := time.Parse(layout, s)
		if err == nil {
			return s[:len("2006-01-02")], nil
		}
		// A range error ("month out of range") says more than the list
		// of accepted forms.
		var te *time.ParseError
		if errors.As(err, &te) && te.Message != "" && reason == "want YYYY-MM-DD or RFC 3339" {
			reason = strings.TrimPrefix(te.Message, ": ")
		}
	}
	return "", fmt.Errorf("%w %q: %s", ErrInvalidDate, s, reason)
}

// compactDate parses YYYYMMDD and YYMMDD; ok is false when s is not all
// digits of one of those lengths.
func compactDate(s string) (date string, ok bool, err error) {
	if len(s) != 6 && len(s) != 8 {
		return "", false, nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false, nil
		}
	}
	full := s
	if len(s) == 6 {
		century := "20"
		if s[0] >= '7' {
			century = "19"
		}
		full = century + s
	}
	t, perr := time.Parse("20060102", full)
	if perr != nil {
		return "", true, fmt.Errorf("%w %q: not a calendar date (read as %s-%s-%s)", ErrInvalidDate, s, full[:4], full[4:6], full[6:])
	}
	return t.Format("2006-01-02"), true, nil
}

// looksLikeDate reports whether s starts like a date ("2024-"), so that a
// text header with a malformed date is reported rather than read as body.
func looksLikeDate(s string) bool {
	if len(s) < 5 || s[4] != '-' {
		return false
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
