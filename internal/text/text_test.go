package text

import (
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	// Each group must share one stem: that is the whole contract of Stem.
	groups := [][]string{
		{"strike", "strikes", "struck", "striking", "Strikes"},
		{"withdraw", "withdraws", "withdrew", "withdrawing", "withdrawn"},
		{"agree", "agreed", "agrees", "agreeing"},
		{"accuse", "accused", "accuses", "accusing"},
		{"force", "forces", "forced"},
		{"call", "called", "calls", "calling"},
		{"stop", "stopped", "stopping", "stops"},
		{"talk", "talks", "talked", "talking"},
		{"kill", "killed", "killing", "kills"},
		{"die", "died", "dies", "dying"},
		{"meet", "met", "meeting", "meets"},
		{"fight", "fought", "fighting"},
		{"send", "sent", "sending"},
		{"need", "needs", "needed"},
		{"man", "men"},
		{"policeman", "policemen"},
		{"gunman", "gunmen"},
		{"Iraqi", "Iraqis"},
		{"free", "freed", "freeing", "frees"},
		{"guarantee", "guaranteed", "guarantees"},
		{"vote", "voted", "voting", "votes"},
		{"cane", "caned", "caning"},
		{"note", "noted", "notes"},
		{"fix", "fixed", "fixing"},
		{"rate", "rated", "rates"},
		{"seize", "seized", "seizing"},
	}
	for _, g := range groups {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q (as Stem(%q))", w, got, want, g[0])
			}
		}
	}
	// Words that must stay apart.
	apart := [][2]string{{"withdraw", "withdrawal"}, {"red", "re"}, {"bring", "br"}, {"us", "use"}, {"king", "k"}, {"status", "stat"}, {"returnee", "returned"}, {"cane", "can"}, {"note", "not"}, {"rape", "rap"}}
	for _, p := range apart {
		if Stem(p[0]) == Stem(p[1]) {
			t.Errorf("Stem(%q) == Stem(%q) == %q, want different", p[0], p[1], Stem(p[0]))
		}
	}
}

func TestLemmaTablesLoad(t *testing.T) {
	m := lemmas()
	if len(m) < 4000 {
		t.Fatalf("lemma table has %d entries, want the WordNet exceptions (> 4000)", len(m))
	}
	if m["struck"] != "strike" || m["died"] != "die" {
		t.Errorf("struck → %q, died → %q", m["struck"], m["died"])
	}
}

func sentences(s string) []string {
	var out []string
	for _, sp := range Sentences(s, nil) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Troops left. Talks began!  Will it last?", []string{"Troops left.", "Talks began!", "Will it last?"}},
		{"us abbreviation", "The U.S. envoy met Iraqi officials. They agreed.", []string{"The U.S. envoy met Iraqi officials.", "They agreed."}},
		{"us at end", "Troops returned to the U.S. The talks ended.", []string{"Troops returned to the U.S.", "The talks ended."}},
		{"title", "Gen. Smith and Mr. Jones spoke on Jan. 5 in Baghdad. Nothing followed.", []string{"Gen. Smith and Mr. Jones spoke on Jan. 5 in Baghdad.", "Nothing followed."}},
		{"initial", "John F. Kennedy spoke. He left.", []string{"John F. Kennedy spoke.", "He left."}},
		{"time", "The attack came at 5 p.m. local time. Police arrived.", []string{"The attack came at 5 p.m. local time.", "Police arrived."}},
		{"quote", "“We will respond,” he said. “The timing is unrelated.” Officials agreed.", []string{"“We will respond,” he said.", "“The timing is unrelated.”", "Officials agreed."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"paragraph", "A headline without a stop\n\nThe body starts here.", []string{"A headline without a stop", "The body starts here."}},
		{"lower after period", "He cited e.g. oil. fine", []string{"He cited e.g. oil. fine"}},
		{"empty", "  \n\n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentences(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	s := "Iran-backed groups carried out about 2,500 strikes on U.S. forces, didn't they? The country's army"
	toks := Tokenize(s, Span{0, len(s)}, nil)
	var texts, stems []string
	for _, tk := range toks {
		texts = append(texts, tk.Text(s))
		stems = append(stems, tk.Stem)
	}
	wantTexts := "Iran - backed groups carried out about 2,500 strikes on U.S. forces , did n't they ? The country 's army"
	if got := strings.Join(texts, " "); got != wantTexts {
		t.Errorf("texts\n got %s\nwant %s", got, wantTexts)
	}
	wantStems := "iran - back group carry out about 2500 strik on u.s forc , do not they ? the country 's army"
	if got := strings.Join(stems, " "); got != wantStems {
		t.Errorf("stems\n got %s\nwant %s", got, wantStems)
	}
	for _, tk := range toks {
		if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
			t.Errorf("token %q has bad span %d:%d", tk.Text(s), tk.Start, tk.End)
		}
	}
	if toks[0].Case&Capitalized == 0 || toks[0].Case&AllCaps != 0 {
		t.Errorf("Iran case = %b", toks[0].Case)
	}
	us := toks[10]
	if us.Text(s) != "U.S." || us.Case&AllCaps == 0 {
		t.Errorf("U.S. token %q case %b", us.Text(s), us.Case)
	}
}

func TestNormalize(t *testing.T) {
	decomposed := "Ho\u0302pital"
	if got := Normalize(decomposed); got != "Hôpital" {
		t.Errorf("Normalize = %q", got)
	}
	s := "already NFC"
	if Normalize(s) != s {
		t.Error("NFC text changed")
	}
}

// FuzzSentences checks the splitter and tokenizer on arbitrary text:
// sentences are in order, inside the text, trimmed and non-empty; tokens lie
// inside their sentence, in order, and never empty.
func FuzzSentences(f *testing.F) {
	f.Add("The U.S. envoy met Iraqi officials. They agreed.")
	f.Add("“We will respond,” he said.\n\nGen. Smith left at 5 p.m. on Jan. 5.")
	f.Add("didn't 2,500 Iran-backed country's ... ?! U.S.A.")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Sentences(s, nil) {
			if sp.Start < prev || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("bad sentence span %+v in %q", sp, s)
			}
			prev = sp.End
			last := sp.Start
			for _, tk := range Tokenize(s, sp, nil) {
				if tk.Start < last || tk.End > sp.End || tk.Start >= tk.End {
					t.Fatalf("bad token %+v in sentence %q", tk, s[sp.Start:sp.End])
				}
				last = tk.End
			}
		}
	})
}

func BenchmarkSentencesTokens(b *testing.B) {
	s := strings.Repeat("Iran-backed armed groups have carried out about 150 strikes against U.S. forces in Iraq and Syria. ", 50)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	var spans []Span
	var toks []Token
	for b.Loop() {
		spans = Sentences(s, spans[:0])
		for _, sp := range spans {
			toks = Tokenize(s, sp, toks[:0])
		}
	}
}
