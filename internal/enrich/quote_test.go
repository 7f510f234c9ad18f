package enrich

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
)

func TestQuotes(t *testing.T) {
	type q struct {
		text, speaker string
		anonymous     bool
		sector        string
	}
	tests := []struct {
		name, text string
		want       []q
	}{
		{"anonymous after, several sentences",
			"The talks resumed in Doha.\n\n“Nobody expects a deal soon. Both sides are far apart. We will keep trying,” the official said.",
			[]q{{"Nobody expects a deal soon. Both sides are far apart. We will keep trying", "the official", true, "GOV"}}},
		{"named after",
			`"We will not accept foreign troops on our soil," Interior Minister Karim Nasser said on Monday.`,
			[]q{{"We will not accept foreign troops on our soil", "Interior Minister Karim Nasser", false, ""}}},
		{"named after, inverted",
			"“The port is closed until further notice,” said harbour master Li Wen.",
			[]q{{"The port is closed until further notice", "harbour master Li Wen", false, ""}}},
		{"named after, apposition",
			"“Prices will fall,” Ruth Abebe, an economist at the central bank, said.",
			[]q{{"Prices will fall", "Ruth Abebe", false, ""}}},
		{"question, told",
			"“Why should we leave?” a resident told the radio station.",
			[]q{{"Why should we leave?", "a resident", true, "CVL"}}},
		{"before, colon",
			"A police spokesman said: “Three suspects are in custody.”",
			[]q{{"Three suspects are in custody.", "A police spokesman", true, "COP"}}},
		{"before, told",
			"Mayor Ivo Kral told reporters: “The bridge will reopen next week after repairs.”",
			[]q{{"The bridge will reopen next week after repairs.", "Mayor Ivo Kral", false, ""}}},
		{"continuation",
			"“We tried everything,” the coach said. “The players gave all they had tonight.”",
			[]q{{"We tried everything", "the coach", false, ""}, {"The players gave all they had tonight.", "the coach", false, ""}}},
		{"no speaker, speech kept",
			"The letter ended: nothing more. “There is no alternative to negotiations with the rebels.”",
			[]q{{"There is no alternative to negotiations with the rebels.", "", false, ""}}},
		{"scare quotes dropped",
			"The so-called “peace plan” was rejected by the “axis” countries.",
			nil},
		{"lost closing mark",
			`Ivanov said: "We are ready. "The rest is up to them," he added.`,
			[]q{{"The rest is up to them", "he", false, ""}}},
		{"unclosed at paragraph end",
			"He said: “We are ready to talk to anyone at all.\n\nThe meeting ended.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &reader.Article{Text: tc.text}
			got := Quotes(a)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || g.Speaker != w.speaker || g.Anonymous != w.anonymous || g.Sector != w.sector {
					t.Errorf("quote %d: got %+v, want %+v", i, g, w)
				}
				if a.Text[g.Start:g.End] != g.Text {
					t.Errorf("quote %d: offsets %d:%d hold %q", i, g.Start, g.End, a.Text[g.Start:g.End])
				}
			}
		})
	}
}

// Offsets refer to the NFC text, which Quotes stores back in the article.
func TestQuotesNormalize(t *testing.T) {
	a := &reader.Article{Text: "Cafe\u0301 owners said: “We are closing all branches tonight.”"}
	qs := Quotes(a)
	if len(qs) != 1 || !strings.HasPrefix(a.Text, "Café") || a.Text[qs[0].Start:qs[0].End] != qs[0].Text {
		t.Errorf("got %+v in %q", qs, a.Text)
	}
}

func TestQuoteSpeakerInheritsSector(t *testing.T) {
	a := &reader.Article{ID: "q", Text: "A military source said the base was hit. Later, “We will respond in kind,” the source said."}
	qs := Quotes(a)
	if len(qs) != 1 || qs[0].Sector != "MIL" || !qs[0].Anonymous {
		t.Fatalf("quotes %+v, want one anonymous MIL quotation", qs)
	}
	a = &reader.Article{ID: "q", Text: "“We will respond in kind,” the source said."}
	if qs := Quotes(a); len(qs) != 1 || qs[0].Sector != "" {
		t.Errorf("no earlier mention: quotes %+v, want no sector", qs)
	}
}
