package store

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
)

// day is a date as days since 1970-01-01, noDay when unknown.
type day int32

const noDay day = -1 << 31

// parseDay reads YYYY-MM-DD without allocating; anything else is noDay.
func parseDay(s string) day {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return noDay
	}
	n := func(b string) int {
		v := 0
		for i := 0; i < len(b); i++ {
			c := b[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, d := n(s[:4]), n(s[5:7]), n(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return noDay
	}
	// Days from civil (Howard Hinnant's algorithm).
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// value returns d as the driver's DATE value, nil for noDay.
func (d day) value() driver.Value {
	if d == noDay {
		return nil
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

func actorCode(a *event.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// dedupKey hashes what makes two reports the same happening, besides their
// dates (see the package doc): source and target codes, CAMEO base, place
// (lower-cased country and resolved name, else name as written) and
// factuality. It is stored as events.dkey; a 64-bit FNV-1a hash, so two
// different keys collide with a chance of one in 2^64.
func dedupKey(e *event.Event) int64 {
	h := fnv64(fnvOffset)
	h.str(actorCode(e.Source))
	h.str(actorCode(e.Target))
	h.str(e.CAMEO.Base)
	if l := e.Location; l != nil {
		name := l.Resolved
		if name == "" {
			name = l.Name
		}
		h.lower(l.Country)
		h.lower(name)
	} else {
		h.str("\x01") // no location: unlike any place
	}
	if e.IsFact() {
		h.str("fact")
	}
	return int64(h)
}

// fnv64 is FNV-1a of 64 bits (as hash/fnv's New64a, without its
// interface and copies), over strings each followed by a 0 byte. Stored
// dedup keys are these hashes: they must not change.
type fnv64 uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func (h *fnv64) str(s string) {
	v := *h
	for i := 0; i < len(s); i++ {
		v ^= fnv64(s[i])
		v *= fnvPrime
	}
	*h = v * fnvPrime // the 0 byte
}

// lower hashes strings.ToLower(s).
func (h *fnv64) lower(s string) {
	v := *h
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			h.str(strings.ToLower(s))
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		v ^= fnv64(c)
		v *= fnvPrime
	}
	*h = v * fnvPrime
}

// sourceKey is the publisher a mention counts for in num_sources: its
// publisher, else its URL's host, else "".
func sourceKey(e *event.Event) string {
	if e.Publisher != "" {
		return e.Publisher
	}
	u := e.URL
	i := strings.Index(u, "://")
	if i < 0 {
		return ""
	}
	u = u[i+3:]
	if j := strings.IndexAny(u, "/?#"); j >= 0 {
		u = u[:j]
	}
	return strings.ToLower(u)
}

// decodeRecord reads a record column into e.
func decodeRecord(record string, e *event.Event) error {
	*e = event.Event{}
	if err := json.Unmarshal([]byte(record), e); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// String returns d as YYYY-MM-DD, "" for noDay.
func (d day) String() string {
	if d == noDay {
		return ""
	}
	// Civil from days (Howard Hinnant's algorithm).
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	b := []byte("0000-00-00")
	for _, f := range []struct{ n, from, to int }{{y, 0, 4}, {m, 5, 7}, {dd, 8, 10}} {
		for j := f.to - 1; j >= f.from; j-- {
			b[j] = byte('0' + f.n%10)
			f.n /= 10
		}
	}
	return string(b)
}
