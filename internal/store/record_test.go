package store

import (
	"hash/fnv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
)

// Dedup keys are stored, so dedupKey must give what it gave when it used
// hash/fnv: FNV-1a over the fields, each followed by a 0 byte, place names
// lower-cased.
func TestDedupKeyIsStable(t *testing.T) {
	ref := func(e *event.Event) int64 {
		h := fnv.New64a()
		w := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
		w(actorCode(e.Source))
		w(actorCode(e.Target))
		w(e.CAMEO.Base)
		if l := e.Location; l != nil {
			name := l.Resolved
			if name == "" {
				name = l.Name
			}
			w(strings.ToLower(l.Country))
			w(strings.ToLower(name))
		} else {
			w("\x01")
		}
		if e.IsFact() {
			w("fact")
		}
		return int64(h.Sum64())
	}
	for _, e := range []event.Event{
		{},
		{Source: &event.Actor{Code: "IRQGOV"}, CAMEO: event.CAMEO{Base: "190"}, Modality: event.Asserted},
		{Source: &event.Actor{Code: "SYRREB"}, Target: &event.Actor{Code: "TUR"}, CAMEO: event.CAMEO{Base: "183"},
			Location: &event.Location{Resolved: "Al-Raqqah", Country: "SYR"}, Modality: event.Negated},
		{Location: &event.Location{Name: "ÇANAKKALE Province", Country: "tur"}},
		{Location: &event.Location{Resolved: "Zürich", Country: "CHE"}, Modality: event.Asserted},
	} {
		if got, want := dedupKey(&e), ref(&e); got != want {
			t.Errorf("dedupKey(%+v) = %d, want %d", e, got, want)
		}
	}
}

func TestParseID(t *testing.T) {
	for _, c := range []struct {
		id string
		ok bool
	}{
		{"0123456789abcdef01234567", true},
		{"ffffffffffffffffffffffff", true},
		{"0123456789ABCDEF01234567", false},
		{"0123456789abcdef0123456g", false},
		{"0123456789abcdef0123456", false},
		{"custom-id-7", false},
	} {
		hi, lo, ok := parseID(c.id)
		if ok != c.ok || ok && formatID(hi, lo) != c.id {
			t.Errorf("parseID(%q) = %x %x %v, want ok %v and the same ID back", c.id, hi, lo, ok, c.ok)
		}
	}
}
