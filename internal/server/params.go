package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/store"
)

// paramError is a bad query parameter: a 400 that names it.
type paramError struct {
	name, msg string
}

func (e *paramError) Error() string { return fmt.Sprintf("parameter %q: %s", e.name, e.msg) }

func badParam(name, format string, args ...any) *paramError {
	return &paramError{name: name, msg: fmt.Sprintf(format, args...)}
}

// filterParams are the query parameters every listing accepts, in the order
// the dashboard form shows them.
var filterParams = []string{"from", "to", "source", "target", "country", "cameo", "root", "quad", "plover", "acled", "text"}

// Limits on parameter values; longer values are rejected rather than cut.
const (
	maxTextParam   = 200
	maxCodeParam   = 32
	maxCursorParam = 512
)

// params reads the query of one request: each name at most once, and only
// the names the route accepts.
type params struct {
	v url.Values
}

// newParams checks that q has only filterParams and extra, each at most
// once, and no empty name.
func newParams(q url.Values, extra ...string) (params, error) {
	for name, vs := range q {
		if !isFilterParam(name) && !contains(extra, name) {
			return params{}, badParam(name, "unknown parameter")
		}
		if len(vs) > 1 {
			return params{}, badParam(name, "given %d times, want once", len(vs))
		}
	}
	return params{v: q}, nil
}

// onlyParams checks that q has only the names given, each at most once.
func onlyParams(q url.Values, names ...string) (params, error) {
	for name, vs := range q {
		if !contains(names, name) {
			return params{}, badParam(name, "unknown parameter")
		}
		if len(vs) > 1 {
			return params{}, badParam(name, "given %d times, want once", len(vs))
		}
	}
	return params{v: q}, nil
}

func isFilterParam(name string) bool { return contains(filterParams, name) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get returns the trimmed value of name, "" when absent.
func (p params) get(name string) string { return strings.TrimSpace(p.v.Get(name)) }

// filter parses the filter parameters. Codes are upper-cased, so "usa"
// works as "USA"; a root of "9" means "09".
func (p params) filter() (store.Filter, error) {
	var f store.Filter
	var err error
	if f.From, err = p.date("from"); err != nil {
		return f, err
	}
	if f.To, err = p.date("to"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		return f, badParam("to", "%s is before from %s", f.To, f.From)
	}
	if f.Source, err = p.code("source", isAlnum, "letters and digits of an actor code, like USA or IRNREB"); err != nil {
		return f, err
	}
	if f.Target, err = p.code("target", isAlnum, "letters and digits of an actor code, like USA or IRNREB"); err != nil {
		return f, err
	}
	if f.Country, err = p.code("country", func(s string) bool { return len(s) == 3 && isAlpha(s) },
		"a three-letter country code, like IRQ"); err != nil {
		return f, err
	}
	if f.CAMEO, err = p.code("cameo", func(s string) bool { return len(s) <= 4 && isDigits(s) },
		"one to four digits of a CAMEO code, like 19 or 190"); err != nil {
		return f, err
	}
	if s := p.get("root"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 20 || len(s) > 2 {
			return f, badParam("root", "want a CAMEO root 01 to 20, got %q", s)
		}
		f.Root = fmt.Sprintf("%02d", n)
	}
	if s := p.get("quad"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return f, badParam("quad", "want a quad class 1 to 4, got %q", s)
		}
		f.Quad = n
	}
	if s := p.get("plover"); s != "" {
		s = strings.ToUpper(s)
		if _, ok := ontology.LookupPLOVER(s); !ok {
			return f, badParam("plover", "want a PLOVER event type like ASSAULT, got %q", s)
		}
		f.PLOVER = s
	}
	if f.ACLED, err = p.text("acled"); err != nil {
		return f, err
	}
	if f.Text, err = p.text("text"); err != nil {
		return f, err
	}
	return f, nil
}

func (p params) date(name string) (string, error) {
	s := p.get(name)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", badParam(name, "want a date YYYY-MM-DD, got %q", s)
	}
	return s, nil
}

func (p params) code(name string, ok func(string) bool, want string) (string, error) {
	s := strings.ToUpper(p.get(name))
	if s == "" {
		return "", nil
	}
	if len(s) > maxCodeParam || !ok(s) {
		return "", badParam(name, "want %s, got %q", want, s)
	}
	return s, nil
}

func (p params) text(name string) (string, error) {
	s := p.get(name)
	if len(s) > maxTextParam {
		return "", badParam(name, "longer than %d bytes", maxTextParam)
	}
	return s, nil
}

// int parses name as an integer from lo up, def when absent; values above
// hi are cut to hi (page sizes are capped, not refused).
func (p params) int(name string, def, lo, hi int) (int, error) {
	s := p.get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo {
		return 0, badParam(name, "want a whole number from %d, got %q", lo, s)
	}
	return min(n, hi), nil
}

// oneOf returns the value of name, def when absent, or an error listing
// the allowed values.
func (p params) oneOf(name, def string, allowed ...string) (string, error) {
	s := strings.ToLower(p.get(name))
	if s == "" {
		return def, nil
	}
	if !contains(allowed, s) {
		return "", badParam(name, "want one of %s, got %q", strings.Join(allowed, ", "), s)
	}
	return s, nil
}

// cursor returns the page cursor, which the store checks.
func (p params) cursor() (string, error) {
	s := p.get("cursor")
	if len(s) > maxCursorParam {
		return "", badParam("cursor", "longer than %d bytes", maxCursorParam)
	}
	return s, nil
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// Intervals and splits of /api/series, in the order the form lists them.
var (
	intervals = []string{"auto", "day", "week", "month", "year"}
	splits    = []string{"none", "root", "quad", "plover", "country"}
)
