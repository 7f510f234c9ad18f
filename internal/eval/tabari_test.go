package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/dict"
)

// TestTabariParserAgreesWithJSON checks the Validate.text reader against
// Validate.cases.jsonl, the same suite already in JSON, record by record.
func TestTabariParserAgreesWithJSON(t *testing.T) {
	dir := filepath.Join(dataDir, "tabari")
	b, err := os.ReadFile(filepath.Join(dir, "Validate.text"))
	if err != nil {
		t.Skipf("TABARI validation file not found in %s (it lives in ../shared beside the checkout)", dir)
	}
	f, err := os.Open(filepath.Join(dir, "Validate.cases.jsonl"))
	if err != nil {
		t.Skipf("Validate.cases.jsonl not found in %s", dir)
	}
	defer f.Close()
	type jsonCase struct {
		ID       string      `json:"id"`
		Date     string      `json:"date"`
		Text     string      `json:"text"`
		Kind     string      `json:"kind"`
		Expected [][3]string `json:"expected"`
		Standard bool        `json:"standard"`
		Option   []string    `json:"option"`
	}
	var want []jsonCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c jsonCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("Validate.cases.jsonl: %v", err)
		}
		want = append(want, c)
	}
	got := parseTabariValidate(string(b))
	if len(got) != len(want) {
		t.Errorf("read %d records, the JSON has %d", len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		g, w := got[i], want[i]
		gc := jsonCase{ID: g.ID, Date: g.Date, Text: g.Text, Kind: g.Kind, Expected: g.Expected, Standard: g.Standard, Option: g.Options}
		if len(w.Expected) == 0 {
			w.Expected = nil
		}
		if !reflect.DeepEqual(gc, w) {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, gc, w)
		}
	}
}

func TestTabariOptions(t *testing.T) {
	for _, tc := range []struct {
		name, cmd string
		want      tabariOptions
		known     bool
	}{
		{"yyyy", "OPTION: SET: YYYY = TRUE", tabariOptions{yyyy: true}, true},
		{"convert", "SET: CONVERT AGENT = TRUE", tabariOptions{convertAgent: true}, true},
		{"min words", "OPTION: SET: MINIMUM WORDS = 5", tabariOptions{minWords: 5}, true},
		{"default", "OPTION:  DEFAULT: SOURCE [VLDSRC] PRIOR TARGET [KRVTGT] AFTER", tabariOptions{defaultSource: "VLDSRC", defaultTarget: "KRVTGT",
			coder: coder.Options{Defaults: coder.Defaults{Source: true, Target: true, Prior: true, After: true}}}, true},
		{"default target only", "DEFAULT: TARGET [KRVTGT]", tabariOptions{defaultTarget: "KRVTGT",
			coder: coder.Options{Defaults: coder.Defaults{Target: true}}}, true},
		{"default without prior", "DEFAULT: SOURCE [VLDSRC] TARGET [KRVTGT] AFTER", tabariOptions{defaultSource: "VLDSRC", defaultTarget: "KRVTGT",
			coder: coder.Options{Defaults: coder.Defaults{Source: true, Target: true, After: true}}}, true},
		{"complex", "COMPLEX: VERBS[7] CONJ[2] NOACTPRIOR EXPLAIN", tabariOptions{complex: complexity{Verbs: 7, Conj: 2, NoActPrior: true}}, true},
		{"complex without prior", "COMPLEX: VERBS[6] CONJ[3] EXPLAIN", tabariOptions{complex: complexity{Verbs: 6, Conj: 3}}, true},
		{"time shift ignored", "SET: TIME SHIFT = TRUE", tabariOptions{}, true},
		{"code all", "OPTION: SET: CODE ALL", tabariOptions{coder: coder.Options{Legacy: coder.AllVerbs}}, true},
		{"code by sentence", "SET: CODE BY SENTENCE", tabariOptions{coder: coder.Options{Legacy: coder.BySentence}}, true},
		{"code by clause", "SET: CODE BY CLAUSE", tabariOptions{}, true},
		{"forward", "OPTION: FORWARD: ***NN**SSSS", tabariOptions{forward: "***NN**SSSS"}, true},
		{"forward off", "FORWARD: ***NN**SSSS DOC OFF", tabariOptions{}, true},
		{"comma", "OPTION: COMMA: MIN = 3 MAX = 7 EMIN = 1 EMAX = 5 BMIN = 2 BMAX = 9",
			tabariOptions{coder: coder.Options{Commas: coder.CommaClauses{Min: 3, Max: 7, EMin: 1, EMax: 5, BMin: 2, BMax: 9}}}, true},
		{"comma, some fields", "COMMA: EMAX = 4", tabariOptions{coder: coder.Options{Commas: coder.CommaClauses{EMax: 4}}}, true},
		{"comma off", "COMMA: OFF", tabariOptions{}, true},
		{"unknown", "SET: FROBNICATE = TRUE", tabariOptions{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o tabariOptions
			if known := o.apply(tc.cmd); known != tc.known || o != tc.want {
				t.Errorf("apply(%q) = %v, %+v; want %v, %+v", tc.cmd, known, o, tc.known, tc.want)
			}
		})
	}
}

func TestTabariDate(t *testing.T) {
	for in, want := range map[string]string{"950101": "1995-01-01", "000102": "2000-01-02", "19140724": ""} {
		if got := tabariDate(in, false); got != want {
			t.Errorf("tabariDate(%q) = %q, want %q", in, got, want)
		}
	}
	if got := tabariDate("19140724", true); got != "1914-07-24" {
		t.Errorf("tabariDate(19140724, yyyy) = %q", got)
	}
}

// TABARI's complexity filter: the verbs of the dictionary (not after a
// determiner), the conjunctions (not inside a compound actor), and a verb
// before every actor.
func TestTabariComplexity(t *testing.T) {
	d := &dict.Dictionary{}
	for _, f := range []string{"roles.actors", "roles.verbs"} {
		one, _, err := dict.LoadFile(filepath.Join("..", "dict", "testdata", "tabari", f))
		if err != nil {
			t.Fatal(err)
		}
		d.Merge(one)
	}
	c := dict.Compile(d)
	verbs := complexity{Verbs: 3}
	conj := complexity{Conj: 2}
	prior := complexity{NoActPrior: true}
	for _, tc := range []struct {
		name string
		cx   complexity
		text string
		want bool
	}{
		{"no filter", complexity{}, "Skorning Kestria, Valdoria glimmered, quorbled and grundled.", false},
		{"three verbs", verbs, "Valdoria skorned, glimmered and quorbled at Kestria.", true},
		{"a verb after a determiner is a noun", verbs, "Valdoria skorned a brangle and the frondling of Kestria.", false},
		{"two conjunctions", conj, "Valdoria skorned Kestria and glimmered at Morvane but grundled nothing.", true},
		{"a compound's conjunction is not counted", conj, "Valdoria and Kestria skorned Morvane but grundled nothing.", false},
		{"a verb before every actor", prior, "Skorning the brangle, Valdoria glimmered at Kestria.", true},
		{"an actor first", prior, "Valdoria glimmered at Kestria after skorning the brangle.", false},
		{"a null-coded verb first", prior, "Snarfling the treaty, Valdoria glimmered at Kestria.", false},
		{"a pronoun is no actor", prior, "It glimmered at Kestria.", true},
		{"a forwarded pronoun is an actor", prior, "It glimmered at Kestria.", false},
	} {
		forwarded := strings.HasPrefix(tc.name, "a forwarded")
		if got := tooComplex(c, tc.cx, tc.text, "", forwarded); got != tc.want {
			t.Errorf("%s: tooComplex(%+v, %q) = %v, want %v", tc.name, tc.cx, tc.text, got, tc.want)
		}
	}
}

// An actor null-coded on the record's date is a noun, so a verb before
// any other actor makes the sentence too complex under NOACTPRIOR.
func TestTabariComplexityNullActor(t *testing.T) {
	d := &dict.Dictionary{}
	for _, f := range []string{"dated.actors", "roles.verbs"} {
		one, _, err := dict.LoadFile(filepath.Join("..", "dict", "testdata", "tabari", f))
		if err != nil {
			t.Fatal(err)
		}
		d.Merge(one)
	}
	c := dict.Compile(d)
	prior := complexity{NoActPrior: true}
	const s = "The Osten Guard glimmered at Kestria."
	for date, want := range map[string]bool{"2001-05-01": true, "2004-05-01": false} {
		if got := tooComplex(c, prior, s, date, false); got != want {
			t.Errorf("tooComplex(%q) on %s = %v, want %v", s, date, got, want)
		}
	}
}

// FORWARD's mask, aligned with the record ID at their ends, names the
// story by the characters under its "N"s.
func TestStoryKey(t *testing.T) {
	for _, tc := range []struct{ mask, id, want string }{
		{"^^****NN*SSSS", "WIRE-27-0031", "27"},
		{"^^****NN*SSSS", "WIRE-27-0032", "27"},
		{"NN*S", "AB-07-1", "07"},
		{"", "WIRE-27-0031", ""},
	} {
		if got := storyKey(tc.mask, tc.id); got != tc.want {
			t.Errorf("storyKey(%q, %q) = %q, want %q", tc.mask, tc.id, got, tc.want)
		}
	}
}

// Under FORWARD the records of one story are coded as one article: a
// pronoun takes the first actor of the record before, without its agent,
// and only the record's own events count.
func TestTabariForwardStory(t *testing.T) {
	d := &dict.Dictionary{}
	for _, f := range []string{"joins.actors", "joins.agents", "joins.verbs"} {
		one, _, err := dict.LoadFile(filepath.Join("..", "dict", "testdata", "tabari", f))
		if err != nil {
			t.Fatal(err)
		}
		d.Merge(one)
	}
	cd := dict.Compile(d)
	ts := &tabariSuite{c: coder.New(cd), d: cd}
	o := tabariOptions{forward: "NNN*SSS"}
	for _, tc := range []struct {
		id, text string
		want     []string
	}{
		{"001-001", "Valdoria's high warden merrilled Morvane on Monday.", []string{"VALGOV/MOR/051"}},
		{"001-002", "He skorned Kestria.", []string{"VAL/KES/111"}},
		{"002-001", "He skorned Kestria.", nil},
	} {
		rec := tabariRecord{ID: tc.id, Date: "950101", Text: tc.text, Kind: kindEvents}
		if got := tabariCode(ts, &o, &rec); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %q coded %q, want %q", tc.id, tc.text, got, tc.want)
		}
	}
}
