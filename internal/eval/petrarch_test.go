package eval

import (
	"encoding/xml"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/event"
)

func TestPetrarchActor(t *testing.T) {
	for _, tt := range []struct {
		name string
		a    *event.Actor
		want string
	}{
		{"missing", nil, "---"},
		{"state", &event.Actor{Code: "ARN", Country: "ARN"}, "ARN"},
		{"state agent", &event.Actor{Code: "ARNGOV", Country: "ARN", Sectors: []string{"GOV"}}, "ARNGOV"},
		{"agent alone", &event.Actor{Code: "GOV", Sectors: []string{"GOV"}}, "---GOV"},
		{"organisation", &event.Actor{Code: "NGO", Sectors: []string{"NGO"}, Name: "Red Cross"}, "NGO"},
	} {
		if got := petrarchActor(tt.a); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPetrarchExpected(t *testing.T) {
	const rec = `<Sentence date="19950101" id="X-01" category="X" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="B" targetcode='"NEW ACTOR"' eventcode="042"></EventCoding>
<EventCoding sourcecode="A" targetcode="B" eventcode="064"></EventCoding>
<Text>
A restored ties
with B.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>`
	var r petrarchRecord
	if err := xml.Unmarshal([]byte(rec), &r); err != nil {
		t.Fatal(err)
	}
	if want := []string{"A/B/064", "B/NEW ACTOR/042"}; !slices.Equal(r.expected(), want) {
		t.Errorf("expected %q, want %q", r.expected(), want)
	}
	if r.ID != "X-01" || isoDate(r.Date) != "1995-01-01" {
		t.Errorf("id %q, date %q", r.ID, isoDate(r.Date))
	}
	for _, none := range []string{`<EventCoding noevents = "True"></EventCoding>`, `<EventCoding error="storydiscard"></EventCoding>`, ``} {
		var r petrarchRecord
		if err := xml.Unmarshal([]byte(`<Sentence id="N">`+none+`<Text>x</Text></Sentence>`), &r); err != nil {
			t.Fatal(err)
		}
		if got := r.expected(); len(got) != 0 {
			t.Errorf("%q: expected %q, want none", none, got)
		}
	}
}
