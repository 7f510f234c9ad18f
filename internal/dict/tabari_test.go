package dict

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/text"
)

func TestTabariActors(t *testing.T) {
	d, st := loadFixture(t, "tabari/tiny.actors")
	want := []actorSummary{
		{Country, "VLD", "VLD", nil, "Vellandra", nil, []string{"Vellandra"}},
		{Country, "KRV", "KRV", nil, "Korvat", nil, []string{"Korvat"}},
		{Person, "KRVELI", "KRV", nil, "Quillane", []Role{{Code: "KRVGOV", From: "2024-03-15"}, {Code: "KRVELI"}}, []string{"Quillane"}},
		{Person, "TRNELI", "TRN", nil, "Dornavel", []Role{
			{Code: "TRNGOV", To: "1941-02-03"},
			{Code: "TRNGOV", From: "1941-02-03", To: "1947-09-30"},
			{Code: "TRNELI"},
		}, []string{"Dornavel", "Dornavel Ashkirk"}},
		{Org, "grl", "", nil, "Grellish", nil, []string{"Grellish"}},
	}
	if got := summarise(d); !reflect.DeepEqual(got, want) {
		t.Errorf("actors\n got %+v\nwant %+v", got, want)
	}
	// "[###]" is a discard; "#STRUCK_OUT_NAME" a comment; nothing after ~~FINISH.
	if !slices.Equal(d.Discards, []string{"GOLDEN TURNIP PRIZE"}) {
		t.Errorf("discards = %q", d.Discards)
	}
	wantSkips := map[string]int{"TABARI noun list entries": 1, "actors with a compound code (A/B)": 1,
		"actors with the null code (---)": 1}
	if st.Format != TabariActors || st.Actors != 5 || st.Names != 6 || st.Discards != 1 || !reflect.DeepEqual(st.SkippedBy, wantSkips) {
		t.Errorf("stats %+v", st)
	}
}

func TestTabariAgents(t *testing.T) {
	d, st := loadFixture(t, "tabari/tiny.agents")
	want := []actorSummary{
		{Agent, "", "", []string{"GOV"}, "", nil, []string{"lamp warden"}},
		{Agent, "", "", []string{"MIL"}, "", nil, []string{"pikebearers"}},
		{Agent, "", "", []string{"NGO"}, "", nil, []string{"well keepers"}},
		{Agent, "", "", []string{"GOV", "MED"}, "", nil, []string{"crown-chartered broadsheet"}},
	}
	if got := summarise(d); !reflect.DeepEqual(got, want) {
		t.Errorf("agents\n got %+v\nwant %+v", got, want)
	}
	if st.Format != TabariAgents || st.Agents != 4 {
		t.Errorf("stats %+v", st)
	}
}

func TestTabariVerbs(t *testing.T) {
	d, st := loadFixture(t, "tabari/tiny.verbs")
	// "~" marks a word without a final "_", which also begins longer
	// words (PrefixMark); "_" a pattern word "_" closes, "^" a verb "_"
	// closes, which takes the regular verb endings (ClosedMark,
	// EndingsMark).
	want := []string{
		"0863 splork~ * granary~",
		"0863 splork~ * watchtower~ * near_ + [+1^0]",
		"182 splork~ * through_ [+-1^0] [$1^0]", // the target before the verb, the source after it
		"121 skavv~", "121 skavvation^",         // SKAVV and its forms line
		"1214 skavv~ * over_ * raiding~ (+inside) [+0^0]", "1214 skavv~ * over_ * pilfering~ (+inside) [+0^0]",
		"1214 skavvation^ * over_ * raiding~ (+inside) [+0^0]", "1214 skavvation^ * over_ * pilfering~ (+inside) [+0^0]",
		"073 plevver~",
		"074 plevver~ * skeld~", "074 plevver~ * silver_ plink~",
		"073 plevver~ [%1^0]",           // - * %: a compound after the verb
		"143 flick~ * away~ * murmurs~", // a verb phrase: space is a gap
		"196 blork~ * lighthouse~",
	}
	if got := verbLines(d); !slices.Equal(got, want) {
		t.Errorf("verbs\n got %q\nwant %q", got, want)
	}
	wantSkips := map[string]int{"TABARI time entries": 1, "discard patterns (###)": 1}
	if st.Format != TabariVerbs || st.Verbs != 3 || st.Patterns != 7 || st.Skipped != 1 || st.Synsets != 1 ||
		!reflect.DeepEqual(st.SkippedBy, wantSkips) {
		t.Errorf("stats %+v", st)
	}
	if !slices.Equal(d.Discards, []string{"TURNIP REGATTA"}) {
		t.Errorf("discards = %q", d.Discards)
	}

	c := Compile(d)
	s := "Raiders skavved the guild over pilferings and blorked the lighthouse."
	toks := tokens(s)
	var got []string
	for _, m := range c.MatchVerbs(s, toks, nil) {
		got = append(got, c.Verbs[m.Index].Code+":"+s[toks[m.Start].Start:toks[m.End-1].End])
	}
	wantMatch := []string{"121:skavved", "1214:skavved the guild over pilferings", "196:blorked the lighthouse"}
	if !slices.Equal(got, wantMatch) {
		t.Errorf("matches\n got %q\nwant %q", got, wantMatch)
	}
}

var tabariFormats = []Format{TabariActors, TabariAgents, TabariVerbs}

func FuzzParseTabari(f *testing.F) {
	fuzzSeeds(f, "tabari", tabariFormats)
	f.Fuzz(func(t *testing.T, kind uint8, content string) {
		fuzzParse(t, tabariFormats[int(kind)%len(tabariFormats)], content)
	})
}

// TABARI names match as prefixes unless they end with "_" or "=", by the
// letters of their last word, not its stem, and whatever the case of the
// text, as TABARI reads text in capitals. "_" lets a name take the noun
// endings ("Talmars", "Talmar's"), "=" does not.
func TestTabariNamePrefixAndCase(t *testing.T) {
	d, _ := loadFixture(t, "tabari/roles.actors")
	c := Compile(d)
	for s, want := range map[string]string{
		"Valdorian troops arrived.":           "Valdorian",
		"Talmari troops arrived.":             "",
		"Talmar troops arrived.":              "Talmar",
		"Talmars troops arrived.":             "Talmars",
		"The Port Lumen harbour radio said.":  "Port Lumen harbour radio",
		"The port Lumen harbour radio said.":  "port Lumen harbour radio",
		"Valdoria sent troops.":               "Valdoria",
		"The valdorian gazette said nothing.": "valdorian",
		"The morvans fled.":                   "",
		"Kestrels flew over Ostrelle.":        "Ostrelle",
		"Ostrelles flew.":                     "",
		"Ostrelle's envoy left.":              "",
	} {
		toks := tokens(s)
		got := ""
		for _, m := range c.MatchActorsIn(s, toks, nil) {
			got = s[toks[m.Start].Start:toks[m.End-1].End]
		}
		if got != want {
			t.Errorf("%q: matched %q, want %q", s, got, want)
		}
	}
}

// A space in a TABARI name lets words stand between its words, "_" does
// not; dated null and discard codes are roles; <TIME> phrases coded
// "[###]" or "[+++]" are discards; codes may end in a letter.
func TestTabariSpacesDatesAndLetterCodes(t *testing.T) {
	d, _ := loadFixture(t, "tabari/dated.actors")
	v, _ := loadFixture(t, "tabari/dated.verbs")
	d.Merge(v)
	c := Compile(d)
	for s, want := range map[string]string{
		"Valdoria blorped the Council of Velmarsh Hold.":                           "Council of Velmarsh Hold",
		"Valdoria blorped Council Velmarsh Hold.":                                  "Council Velmarsh Hold",
		`Valdoria blorped Council "the Elder" Velmarsh Hold.`:                      `Council "the Elder" Velmarsh Hold`,
		"Valdoria blorped the Council, and Velmarsh Hold.":                         "",
		"Valdoria blorped the Council of Velmarsh and Hold.":                       "",
		"Valdoria blorped the Council of the far southern marsh of Velmarsh Hold.": "",
	} {
		toks := tokens(s)
		got := ""
		for _, m := range c.MatchActorsIn(s, toks, nil) {
			if p := d.Phrases[m.Index].Text; p != "Valdoria" {
				got = s[toks[m.Start].Start:toks[m.End-1].End]
			}
		}
		if got != want {
			t.Errorf("%q: matched %q, want %q", s, got, want)
		}
	}

	roles := map[string][]Role{}
	for _, a := range d.Actors {
		roles[a.Name] = a.Roles
	}
	if want := []Role{{Code: NullCode, To: "2003-09-15"}, {Code: "OSG"}}; !reflect.DeepEqual(roles["Osten Guard"], want) {
		t.Errorf("Osten Guard roles %+v, want %+v", roles["Osten Guard"], want)
	}
	if want := []Role{{Code: "GRY", To: "1988-04-10"}, {Code: DiscardCode}}; !reflect.DeepEqual(roles["Greyfell"], want) {
		t.Errorf("Greyfell roles %+v, want %+v", roles["Greyfell"], want)
	}
	for _, tc := range []struct {
		text, date string
		kept       int
		discard    bool
	}{
		{"Osten Guard and Greyfell", "1995-01-01", 0, true},
		{"Osten Guard and Greyfell", "1987-01-01", 1, false},
		{"Osten Guard and Kestria", "2004-01-01", 2, false},
	} {
		toks := tokens(tc.text)
		ms, discard := c.DropNull(c.MatchActorsIn(tc.text, toks, nil), tc.date)
		if len(ms) != tc.kept || discard != tc.discard {
			t.Errorf("%q on %s: kept %d, discard %v; want %d, %v", tc.text, tc.date, len(ms), discard, tc.kept, tc.discard)
		}
	}

	if want := []string{"ONCE IN A BLUE MOON", "WHEN THE RAINS COME"}; !slices.Equal(d.Discards, want) {
		t.Errorf("discards = %q, want %q", d.Discards, want)
	}
	var codes []string
	for _, vb := range d.Verbs {
		codes = append(codes, vb.Code)
	}
	if !slices.Contains(codes, "036Z") {
		t.Errorf("codes %q lack 036Z", codes)
	}
}

// Legacy agents keep their whole code and where it goes: "[~GOVTDM]"
// after the actor's code, "[NGO~]" before it.
func TestTabariAgentCodes(t *testing.T) {
	d, _, err := LoadFile("testdata/tabari/joins.agents")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range d.Phrases {
		a := d.Actors[p.Actor]
		if !a.Legacy {
			t.Errorf("%s: not marked legacy", p.Text)
		}
		where := "after"
		if a.Prefix {
			where = "before"
		}
		got[p.Text] = strings.Join(a.Sectors, "") + " " + where
	}
	for phrase, want := range map[string]string{"tide minister": "GOVTDM after", "lantern keepers": "NGO before"} {
		if got[phrase] != want {
			t.Errorf("%s: %q, want %q", phrase, got[phrase], want)
		}
	}
}

// TABARI words match as prefixes unless "_" ends them, and "~_" joins a
// prefix word to the next one. A word "_" closes matches by its letters: a
// verb with the regular verb endings, a pattern word as written, as is a
// word "=" ends; a synset member's space lets words stand between.
func TestTabariPrefixVerbs(t *testing.T) {
	d, _ := loadFixture(t, "tabari/prefix.verbs")
	c := Compile(d)
	codes := func(s string) []string {
		var out []string
		for _, m := range c.MatchVerbs(s, text.Tokenize(s, text.Span{Start: 0, End: len(s)}, nil), nil) {
			out = append(out, c.Verbs[m.Index].Code)
		}
		sort.Strings(out)
		return out
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"they grondled it", []string{"131"}},                      // GRONDL begins "grondled"
		{"their grondlings grew", []string{"131"}},                 // and "grondlings"
		{"the grondlery grew", []string{"131"}},                    // and a word of another stem
		{"it is shimmery wobble", nil},                             // no verb
		{"flimmered it a shimmery wobble", []string{"043", "057"}}, // SHIM~ begins "shimmery"
		{"flimmered it a shim wobble", []string{"043", "057"}},
		{"flimmered it a shimmery big wobble", []string{"043"}}, // "_" joins: nothing between
		{"on braxen", []string{"036", "046"}},
		{"onto braxen", []string{"046"}}, // "ON_" is "on" only; "ON" begins "onto"
		// A verb "_" closes takes the regular verb endings, by its letters.
		{"they snorvelen", []string{"042"}},
		{"they snorveling", []string{"042"}},
		{"they snorvelx", nil},
		{"a snorvel's worth", nil}, // a possessive makes a noun
		{"they snorvel the treaty", []string{"042", "057"}},
		{"they snorvel the treaties", []string{"042"}}, // a pattern word "_" closes: as written
		{"they plibb", []string{"112"}},
		{"they plibbed", nil}, // "=": no ending
		{"they wobbin a brass ducat", []string{"070", "903"}},
		{"they wobbin a brass gilt ducat", []string{"070", "903"}}, // a member's space is a gap
		{"they wobbin a penny", []string{"070", "071", "903"}},
	} {
		if got := codes(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%q: codes %q, want %q", tc.text, got, tc.want)
		}
	}
}
