package store

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
)

// randomString mixes plain text with what JSON must escape.
func randomString(r *rand.Rand) string {
	parts := []string{"", "Mosul", "a \"quote\"", `back\\slash`, "tab\tnew\nline\r", "\x00\x1f", "<b>&amp;</b>", "Ça va", "日本", "\u2028", "bad \xff utf8", "emoji 🙂"}
	n := r.IntN(3)
	var b strings.Builder
	for range n {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

func randomEvent(r *rand.Rand) *event.Event {
	s := func() string { return randomString(r) }
	i := func() int { return r.IntN(2000) - 5 }
	f := func() float64 { return []float64{0, -10, 2.8, 33.333333333333336, 1e-7, -0.5}[r.IntN(6)] }
	e := &event.Event{ID: s(), ArticleID: s(), Date: []string{"", "2024-02-29", "2024-1-1"}[r.IntN(3)], DatePrecision: s(), DateType: s(),
		PubDate: "2024-03-01", URL: s(), Publisher: s(),
		CAMEO: event.CAMEO{Code: s(), Base: s(), Root: s(), Name: s()}, Goldstein: f(), QuadClass: r.IntN(5),
		PLOVER: event.PLOVER{Event: s(), Mode: s()}, Modality: s(), ModalityCue: s(), Confidence: f(),
		Evidence: event.Evidence{Sentence: s(), SentenceIndex: i(), SentenceStart: i(), Start: i(), End: i(), Trigger: s(), TriggerStart: i(), TriggerEnd: i(), Rule: s()}}
	actor := func() *event.Actor {
		if r.IntN(3) == 0 {
			return nil
		}
		a := &event.Actor{Text: s(), Code: s(), Country: s(), Name: s(), Sponsor: s(), Start: i(), End: i()}
		for range r.IntN(3) {
			a.Sectors = append(a.Sectors, s())
		}
		return a
	}
	e.Source, e.Target = actor(), actor()
	if r.IntN(2) == 0 {
		e.ACLED = &event.ACLED{EventType: s(), SubEventType: s()}
	}
	loc := func() event.Location {
		return event.Location{Name: s(), Resolved: s(), Country: s(), Admin1: s(), Lat: f(), Lon: f(), Precision: s(), GeoNameID: r.IntN(3), Start: i(), End: i()}
	}
	if r.IntN(2) == 0 {
		l := loc()
		e.Location = &l
		for range r.IntN(3) {
			e.Locations = append(e.Locations, loc())
		}
	}
	if r.IntN(2) == 0 {
		e.Attribution = &event.Attribution{Text: s(), Source: s(), Code: s(), Anonymous: r.IntN(2) == 0, Number: r.IntN(3), Sector: s(), Via: s(), Start: i(), End: i()}
	}
	for range r.IntN(3) {
		e.Counts = append(e.Counts, event.Count{Kind: s(), Number: i(), Approximate: r.IntN(2) == 0, Object: s(), Text: s(), Start: i(), End: i()})
	}
	return e
}

// TestEventJSONReadsBackAsEncodingJSONDoes checks the fast encoder against
// encoding/json: both decode to the same event.
func TestEventJSONReadsBackAsEncodingJSONDoes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		e := randomEvent(r)
		var got, want event.Event
		fast := appendEventJSON(nil, e)
		if err := json.Unmarshal(fast, &got); err != nil {
			t.Fatalf("event %d: invalid JSON %v:\n%s", n, err, fast)
		}
		std, _ := json.Marshal(e)
		json.Unmarshal(std, &want)
		if parseDay(want.Date) == noDay {
			want.Date = "" // the fast encoder keeps only YYYY-MM-DD dates
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("event %d:\nfast %s\nstd  %s", n, fast, std)
		}
	}
}

func BenchmarkEventJSON(b *testing.B) {
	_, es := newSynth(1).Article()
	e := es[0]
	b.Run("fast", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = appendEventJSON(buf[:0], &e)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(&e)
		}
	})
}
