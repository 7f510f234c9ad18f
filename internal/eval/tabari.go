package eval

// The tabari suite: TABARI's own validation records (Validate.text), coded
// with TABARI's demonstration dictionaries only, record by record, as
// TABARI's validation mode does. A record passes when the set of coded
// (source, target, code) triples equals the set its comment expects.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/text"
)

// Record kinds of the TABARI validation file, from the first {} block of
// the record's comment.
const (
	kindEvents    = "events"    // { SRC / TGT / CODE } blocks, or {} for none
	kindNoEvent   = "noevent"   // {---}: nothing may be coded
	kindDiscard   = "discard"   // {###}: the sentence is discarded
	kindComplex   = "complex"   // {+++}: too complex, TABARI codes nothing
	kindSkipCheck = "skipcheck" // -{...}: TABARI does not check the record
	kindOption    = "option"    // { OPTION: ... }: changes the options, codes nothing
	kindNone      = "none"      // no comment block at all
)

// tabariRecord is one record of TABARI's Validate.text.
type tabariRecord struct {
	ID, Date, Text, Kind string
	// Expected holds every {SRC / TGT / CODE} block of the comment, in
	// order; Unchecked[i] is set for a block written "-{...}", which
	// TABARI's validation does not check.
	Expected  [][3]string
	Unchecked []bool
	// Standard is set for the records up to FINAL-01, the ones TABARI's
	// validation run codes before it stops.
	Standard bool
	// Options are the closed { OPTION: ... } blocks; Commands every
	// "OPTION:" command of the comment, closed or not (the file leaves
	// some braces open).
	Options, Commands []string
}

var (
	tabariHeader = regexp.MustCompile(`^(\d{6,8})\s+(\S+)`)
	tabariBlock  = regexp.MustCompile(`(-?)\{([^{}]*)\}`)
	tabariOption = regexp.MustCompile(`OPTION:[^}]*`)
)

// parseTabariValidate reads TABARI's validation file: records start with a
// date of six to eight digits and an ID ("950101  DEMO-01"; eight under
// SET: YYYY; the file has one seven-digit slip, which Validate.cases.jsonl
// also reads as a header), then the text, then a comment from the first
// "/*" to the next record. Lines starting with "#" are comments of the file.
func parseTabariValidate(content string) []tabariRecord {
	var recs []tabariRecord
	var cur *tabariRecord
	var text, comment []string
	inComment := false
	standard := true
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.Join(strings.Fields(strings.Join(text, " ")), " ")
		classify(cur, strings.TrimSpace(strings.Join(comment, "\n")))
		cur.Standard = standard
		if strings.HasPrefix(cur.ID, "FINAL-") {
			standard = false // the end of the standard validation records
		}
		recs = append(recs, *cur)
	}
	for _, line := range strings.Split(strings.ReplaceAll(content, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if m := tabariHeader.FindStringSubmatch(line); m != nil {
			flush()
			cur = &tabariRecord{Date: m[1], ID: m[2]}
			text, comment, inComment = nil, nil, false
			continue
		}
		if cur == nil {
			continue
		}
		if i := strings.Index(line, "/*"); !inComment && i >= 0 {
			// The comment may start after the text on its line.
			text = append(text, line[:i])
			line, inComment = line[i:], true
		}
		if inComment {
			comment = append(comment, line)
		} else {
			text = append(text, line)
		}
	}
	flush()
	return recs
}

// classify sets the record's kind, expected events and options from its
// comment.
func classify(r *tabariRecord, comment string) {
	if strings.Contains(comment, "OPTION:") {
		r.Kind = kindOption
		for _, m := range tabariBlock.FindAllStringSubmatch(comment, -1) {
			if s := strings.TrimSpace(m[2]); strings.Contains(s, "OPTION:") {
				r.Options = append(r.Options, s)
			}
		}
		for _, m := range tabariOption.FindAllString(comment, -1) {
			m, _, _ = strings.Cut(m, "*/")
			m, _, _ = strings.Cut(m, "\n")
			r.Commands = append(r.Commands, strings.TrimSpace(m))
		}
		return
	}
	blocks := tabariBlock.FindAllStringSubmatch(comment, -1)
	if len(blocks) == 0 {
		r.Kind = kindNone
		return
	}
	switch first := strings.TrimSpace(blocks[0][2]); {
	case blocks[0][1] == "-":
		r.Kind = kindSkipCheck
	case first == "+++":
		r.Kind = kindComplex
	case first == "---":
		r.Kind = kindNoEvent
	case first == "###":
		r.Kind = kindDiscard
	default:
		r.Kind = kindEvents
	}
	for _, b := range blocks {
		f := strings.Split(b[2], "/")
		if len(f) != 3 {
			continue
		}
		var e [3]string
		for i := range f {
			e[i] = strings.TrimSpace(f[i])
		}
		if e[0] == "" || e[1] == "" || e[2] == "" {
			continue
		}
		r.Expected = append(r.Expected, e)
		r.Unchecked = append(r.Unchecked, b[1] == "-")
	}
}

// tabariOptions are the TABARI options that change what this harness codes.
type tabariOptions struct {
	yyyy          bool   // SET: YYYY: dates have four-digit years
	convertAgent  bool   // SET: CONVERT AGENT: a lone agent is coded "~SECTOR"
	defaultSource string // DEFAULT: SOURCE [X]: the source of an event without one
	defaultTarget string // DEFAULT: TARGET [X]
	minWords      int    // SET: MINIMUM WORDS: shorter records are not coded
	// coder holds the options the coder honours: SET: CODE BY CLAUSE,
	// BY SENTENCE or ALL, and COMMA.
	coder coder.Options
	// complex is TABARI's complexity filter (COMPLEX: VERBS[n] CONJ[n]
	// NOACTPRIOR): a record it finds too complex is coded as nothing.
	complex complexity
	// forward is the mask of FORWARD: <mask>, "" when off: the record
	// IDs' characters under its "N"s name a story, whose records are
	// coded as one article (see storyKey).
	forward string
}

// complexity is TABARI's COMPLEX option: a sentence with at least Verbs
// verbs, or at least Conj conjunctions, or (NoActPrior) with a verb before
// its first actor is too complex to code. Zero turns a count off.
type complexity struct {
	Verbs, Conj int
	NoActPrior  bool
}

// defaultMinWords is TABARI's minimum record length; the validation file's
// MINWRD-Cancel record resets to it ("to the default": 8).
const defaultMinWords = 8

// defaultCommas are TABARI's own comma clause lengths, which the
// validation file's COMMA-Cancel record restores: internal and terminal
// clauses of two to ten words go, initial clauses stay.
var defaultCommas = coder.CommaClauses{Min: 2, Max: 10, EMin: 2, EMax: 10, BMin: 255}

var (
	bracketCode  = regexp.MustCompile(`\[([^\]]*)\]`)
	complexVerbs = regexp.MustCompile(`VERBS\s*\[\s*(\d+)\s*\]`)
	complexConj  = regexp.MustCompile(`CONJ\s*\[\s*(\d+)\s*\]`)
	setNumber    = regexp.MustCompile(`=\s*(\d+)`)
	commaField   = regexp.MustCompile(`\b(B?MIN|B?MAX|EMIN|EMAX)\s*=\s*(\d+)`)
)

// apply applies one option command ("SET: YYYY = TRUE", "DEFAULT: OFF") and
// reports whether it is one TABARI documents; those that do not change
// what sitrep codes are accepted and ignored, each for the reason given.
func (o *tabariOptions) apply(cmd string) bool {
	cmd = strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(cmd), "OPTION:")), " ")
	up := strings.ToUpper(cmd)
	isTrue := strings.Contains(up, "TRUE")
	switch {
	case strings.HasPrefix(up, "SET: YYYY"):
		o.yyyy = isTrue
	case strings.HasPrefix(up, "SET: CONVERT AGENT"):
		o.convertAgent = isTrue
	case strings.HasPrefix(up, "SET: MINIMUM WORDS"):
		m := setNumber.FindStringSubmatch(up)
		if m == nil {
			return false
		}
		o.minWords, _ = strconv.Atoi(m[1])
	case up == "DEFAULT: OFF":
		o.defaultSource, o.defaultTarget = "", ""
		o.coder.Defaults = coder.Defaults{}
	case strings.HasPrefix(up, "DEFAULT:"):
		// "SOURCE [X] PRIOR TARGET [Y] AFTER": the coder keeps an event
		// missing a side that has a default, and PRIOR and AFTER say
		// where it looks for the actors then (coder.Defaults).
		src, tgt, _ := strings.Cut(up, "TARGET")
		if m := bracketCode.FindStringSubmatch(src); m != nil && strings.Contains(src, "SOURCE") {
			o.defaultSource = strings.TrimSpace(m[1])
			o.coder.Defaults.Source = true
			o.coder.Defaults.Prior = strings.Contains(src, "PRIOR")
		}
		if m := bracketCode.FindStringSubmatch(tgt); m != nil {
			o.defaultTarget = strings.TrimSpace(m[1])
			o.coder.Defaults.Target = true
			o.coder.Defaults.After = strings.Contains(tgt, "AFTER")
		}
	case strings.HasPrefix(up, "COMPLEX:"):
		o.complex = complexity{NoActPrior: strings.Contains(up, "NOACTPRIOR")}
		if m := complexVerbs.FindStringSubmatch(up); m != nil {
			o.complex.Verbs, _ = strconv.Atoi(m[1])
		}
		if m := complexConj.FindStringSubmatch(up); m != nil {
			o.complex.Conj, _ = strconv.Atoi(m[1])
		}
	case strings.HasPrefix(up, "SET: TIME SHIFT"):
		// Time shifts move event dates, which this suite does not compare.
	case strings.HasPrefix(up, "SET: CODE BY CLAUSE"):
		o.coder.Legacy = coder.ByClause
	case strings.HasPrefix(up, "SET: CODE BY SENTENCE"):
		o.coder.Legacy = coder.BySentence
	case strings.HasPrefix(up, "SET: CODE ALL"):
		o.coder.Legacy = coder.AllVerbs
	case strings.HasPrefix(up, "FORWARD:"):
		f := strings.Fields(strings.TrimPrefix(up, "FORWARD:"))
		o.forward = ""
		if len(f) > 0 && !strings.EqualFold(f[len(f)-1], "OFF") {
			o.forward = f[0]
		}
	case strings.HasPrefix(up, "OUTPUT:"), strings.HasPrefix(up, "LABEL:"),
		strings.HasPrefix(up, "SET: LABEL"), strings.HasPrefix(up, "SET: SKIP RECORDS"), strings.Contains(up, "USAGE"),
		strings.HasPrefix(up, "SET: DUP WARNING"):
		// Output layout, record IDs and usage statistics: not coding.
	case up == "COMMA: OFF":
		o.coder.Commas = coder.CommaClauses{}
	case strings.HasPrefix(up, "COMMA:"):
		// "COMMA: MIN = 4 MAX = 6 EMIN = 3 ...": the fields named change.
		cc := &o.coder.Commas
		fields := map[string]*int{"MIN": &cc.Min, "MAX": &cc.Max, "EMIN": &cc.EMin, "EMAX": &cc.EMax,
			"BMIN": &cc.BMin, "BMAX": &cc.BMax}
		ms := commaField.FindAllStringSubmatch(up, -1)
		if len(ms) == 0 {
			return false
		}
		for _, m := range ms {
			*fields[m[1]], _ = strconv.Atoi(m[2])
		}
	default:
		return false
	}
	return true
}

// readFile applies a TABARI .options file and returns the commands
// it does not know.
func (o *tabariOptions) readFile(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var unknown []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, "~~") {
			continue
		}
		if !o.apply(line) {
			unknown = append(unknown, line)
		}
	}
	return unknown, nil
}

// tabariCoder returns a coder built only from TABARI's validation
// dictionaries in dir (TABARI.Demo.actors, Validate.agents,
// TABARI.Demo.verbs) and the number of their lines sitrep could not read.
// Those lines are left out, as TABARI itself reports and skips them: the
// demonstration verbs hold deliberately broken entries.
func tabariCoder(dir string) (*tabariSuite, int, error) {
	d := &dict.Dictionary{}
	bad := 0
	for _, f := range []string{"TABARI.Demo.actors", "Validate.agents", "TABARI.Demo.verbs"} {
		one, _, err := dict.LoadFile(filepath.Join(dir, f))
		if one == nil {
			return nil, 0, fmt.Errorf("tabari dictionaries: %w", err)
		}
		if el, ok := err.(dict.ErrorList); ok {
			bad += len(el)
		}
		d.Merge(one)
	}
	cd := dict.Compile(d)
	ts := &tabariSuite{c: coder.New(cd), d: cd}
	return ts, bad, nil
}

// tabariSuite is the coder of the TABARI suite; it honours the "[###]"
// discards of the dictionaries, as dict.Dictionary.Discards says. d is
// the coder's dictionary, which the complexity filter reads; with holds
// the coders for the options records have set.
type tabariSuite struct {
	c    *coder.Coder
	d    *dict.Compiled
	with map[coder.Options]*coder.Coder
	// story and storyText are the key and text so far of the story
	// being coded under FORWARD.
	story, storyText string
}

// storyKey returns the story a record ID names under the FORWARD mask:
// the ID's characters under the mask's "N"s, the mask and the ID aligned
// at their ends ("***NNN*SSS" reads story "001" from "FRWD-001-002";
// the "S"s number its sentences). "" when the mask names none.
func storyKey(mask, id string) string {
	shift := len(id) - len(mask) // id[i+shift] is under mask[i]
	var b strings.Builder
	for i := max(0, -shift); i < len(mask); i++ {
		if mask[i] == 'N' {
			b.WriteByte(id[i+shift])
		}
	}
	return b.String()
}

// coder returns the suite's coder with the options o.
func (ts *tabariSuite) coder(o coder.Options) *coder.Coder {
	if o == (coder.Options{}) {
		return ts.c
	}
	if c, ok := ts.with[o]; ok {
		return c
	}
	if ts.with == nil {
		ts.with = map[coder.Options]*coder.Coder{}
	}
	ts.with[o] = ts.c.With(o)
	return ts.with[o]
}

// complexDeterminers turn a verb after them into a noun ("an attack",
// "the promised aid"), which TABARI's complexity filter does not count.
var complexDeterminers = map[string]bool{"a": true, "an": true, "the": true}

// subjectPronouns are the pronouns FORWARD resolves.
var subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true}

// complexConjunctions are the conjunctions TABARI's complexity filter
// counts; one that joins two actors ("Valdoria and Kestria") makes a
// compound actor and is not counted.
var complexConjunctions = map[string]bool{"and": true, "or": true, "but": true}

// tooComplex reports whether TABARI's complexity filter cx rejects the
// sentence s: it counts the verbs of the dictionary d (a verb line, not a
// pattern; not one after a determiner or inside an actor's name) and the
// conjunctions not between two actors, and with NoActPrior looks whether
// a verb comes before every actor. With forwarded, a subject pronoun
// counts as an actor: under FORWARD it stands for one of the sentence
// before. An actor null-coded on date (YYYY-MM-DD) is a noun to TABARI,
// no actor.
func tooComplex(d *dict.Compiled, cx complexity, s, date string, forwarded bool) bool {
	if cx == (complexity{}) {
		return false
	}
	toks := text.Tokenize(s, text.Span{Start: 0, End: len(s)}, nil)
	actors, _ := d.DropNull(d.MatchActorsIn(s, toks, nil), date)
	inActor := make([]int8, len(toks)) // bits: 1 in an actor, 2 its first token, 4 its last
	for _, m := range actors {
		for k := m.Start; k < m.End; k++ {
			inActor[k] = 1
		}
		inActor[m.Start] |= 2
		inActor[m.End-1] |= 4
	}
	firstActor := len(toks)
	if len(actors) > 0 {
		firstActor = actors[0].Start
	}
	for k := 0; forwarded && k < firstActor; k++ {
		if subjectPronouns[strings.ToLower(toks[k].Text(s))] {
			firstActor = k
		}
	}
	verbs, firstVerb := 0, len(toks)
	seen := map[int]bool{}
	for _, m := range d.MatchVerbs(s, toks, nil) {
		v := &d.Verbs[m.Index]
		if v.Patterned || seen[m.Start] || inActor[m.Start] != 0 ||
			m.Start > 0 && complexDeterminers[strings.ToLower(toks[m.Start-1].Text(s))] {
			continue
		}
		seen[m.Start] = true
		verbs++
		firstVerb = min(firstVerb, m.Start)
	}
	conj := 0
	for k, t := range toks {
		if !complexConjunctions[strings.ToLower(t.Text(s))] {
			continue
		}
		if k > 0 && k+1 < len(toks) && inActor[k-1]&4 != 0 && inActor[k+1]&2 != 0 {
			continue // a compound actor
		}
		conj++
	}
	return cx.Verbs > 0 && verbs >= cx.Verbs || cx.Conj > 0 && conj >= cx.Conj ||
		cx.NoActPrior && firstVerb < firstActor
}

// tabariDate converts a record date (YYMMDD, or YYYYMMDD under SET: YYYY)
// to YYYY-MM-DD, two-digit years pivoting at 30 as TABARI's dictionaries do.
func tabariDate(s string, yyyy bool) string {
	switch {
	case yyyy && len(s) == 8:
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	case len(s) == 6:
		century := "19"
		if s[:2] <= "30" {
			century = "20"
		}
		return century + s[:2] + "-" + s[2:4] + "-" + s[4:]
	}
	return ""
}

// tabari runs TABARI's validation records in dir with TABARI's own
// dictionaries (the coder given to Run is not used).
func tabari(dir string) (*Result, error) {
	b, err := os.ReadFile(filepath.Join(dir, "Validate.text"))
	if err != nil {
		return nil, err
	}
	ts, _, err := tabariCoder(dir)
	if err != nil {
		return nil, err
	}
	opts := tabariOptions{minWords: defaultMinWords}
	opts.coder.Commas = defaultCommas
	if _, err := opts.readFile(filepath.Join(dir, "Validate.options")); err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	r := &Result{Suite: "tabari", Scores: map[string]float64{}}
	conf := confusions{}
	var pass, std int
	kindPass, kindAll := map[string]int{}, map[string]int{}
	for _, rec := range parseTabariValidate(string(b)) {
		if !rec.Standard {
			continue
		}
		std++
		kindAll[rec.Kind]++
		ok, gold, pred := tabariCheck(ts, &opts, &rec)
		if ok {
			pass++
			kindPass[rec.Kind]++
			continue
		}
		conf.add(summary(rec.Kind, gold), summary("", pred))
		r.Misses = append(r.Misses, Miss{ID: rec.ID, Text: rec.Text,
			Gold: rec.Kind + " " + strings.Join(gold, " "), Predicted: strings.Join(pred, " ")})
	}
	r.Cases = std
	r.Scores["pass_rate"] = ratio(pass, std)
	for k, n := range kindAll {
		r.Scores["pass_rate_"+k] = ratio(kindPass[k], n)
	}
	r.Confusions = conf.top(15)
	return r, nil
}

// summary names a miss for the confusion table: the record kind, or the
// number of events.
func summary(kind string, evs []string) string {
	if kind != "" && kind != kindEvents {
		return kind
	}
	switch len(evs) {
	case 0:
		return "none"
	case 1:
		return "1 event"
	}
	return fmt.Sprintf("%d events", len(evs))
}

// tabariCheck codes one record (or applies its options) and reports whether
// it passes, with the gold and predicted "SRC/TGT/CODE" lists, sorted.
func tabariCheck(ts *tabariSuite, o *tabariOptions, rec *tabariRecord) (bool, []string, []string) {
	if rec.Kind == kindOption {
		var unknown []string
		for _, cmd := range rec.Commands {
			if !o.apply(cmd) {
				unknown = append(unknown, cmd)
			}
		}
		return len(unknown) == 0, nil, unknown
	}
	var gold []string
	for i, e := range rec.Expected {
		if !rec.Unchecked[i] {
			gold = append(gold, e[0]+"/"+e[1]+"/"+e[2])
		}
	}
	gold = uniqSorted(gold)
	pred := uniqSorted(tabariCode(ts, o, rec))
	switch rec.Kind {
	case kindSkipCheck:
		return true, gold, pred // TABARI's validation does not check "-{...}" records
	case kindEvents:
		return strings.Join(gold, " ") == strings.Join(pred, " "), gold, pred
	}
	return len(pred) == 0, nil, pred // noevent, discard, complex, none
}

// tabariCode codes a record's text and returns its events as
// "SRC/TGT/CODE".
func tabariCode(ts *tabariSuite, o *tabariOptions, rec *tabariRecord) []string {
	words := 0
	for _, w := range strings.Fields(rec.Text) {
		if strings.IndexFunc(w, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) >= 0 {
			words++
		}
	}
	// Under FORWARD the records of a story are coded as one article, so
	// that a pronoun can take an actor of the record before (coder.Options
	// ForwardActor); only this record's events count.
	body, from := text.Normalize(rec.Text), 0
	if key := storyKey(o.forward, rec.ID); key == "" {
		ts.story, ts.storyText = "", ""
	} else {
		if key == ts.story && ts.storyText != "" {
			from = len(ts.storyText) + 1
			body = ts.storyText + " " + body
		}
		ts.story, ts.storyText = key, body
	}
	date := tabariDate(rec.Date, o.yyyy)
	if words < o.minWords || tooComplex(ts.d, o.complex, rec.Text, date, from > 0) {
		return nil
	}
	a := reader.Article{ID: rec.ID, Date: date, Text: body}
	opts := o.coder
	opts.ForwardActor = true
	es, _ := ts.coder(opts).Code(&a, nil)
	var out []string
	for i := range es {
		if es[i].Evidence.SentenceStart < from {
			continue // an event of an earlier record of the story
		}
		src, tgt := o.actorCode(es[i].Source, true), o.actorCode(es[i].Target, false)
		if src == "" || tgt == "" {
			continue // TABARI codes an event only with both actors
		}
		out = append(out, src+"/"+tgt+"/"+es[i].CAMEO.Code)
	}
	return out
}

// actorCode returns the TABARI code of an event's actor: its code, a lone
// agent as "~SECTORS" under CONVERT AGENT, the default when missing.
func (o *tabariOptions) actorCode(a *event.Actor, source bool) string {
	def := o.defaultTarget
	if source {
		def = o.defaultSource
	}
	switch {
	case a == nil:
		return def
	case a.Country == "" && a.Code != "" && len(a.Sectors) > 0 && a.Code == a.Sectors[0] && a.Name == "":
		if o.convertAgent {
			return "~" + strings.Join(a.Sectors, "")
		}
		return def
	}
	return a.Code
}

func uniqSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
