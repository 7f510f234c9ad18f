package dict

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format is a dictionary file format: sitrep's TSV, or one kind of
// PETRARCH or TABARI file.
type Format uint8

// Dictionary file formats.
const (
	UnknownFormat    Format = iota
	SitrepTSV               // docs/dictionaries.md
	PetrarchActors          // Phoenix.Countries.actors.txt: NAME_ [CODE], +synonyms, dated codes
	PetrarchAgents          // Phoenix.agents.txt: NOUN [~CODE]
	PetrarchVerbs           // CAMEO.verbpatterns.*.txt: synsets and --- VERB [code] --- blocks
	PetrarchDiscards        // Phoenix.discards.txt: one phrase a line
	TabariActors            // *.actors
	TabariAgents            // *.agents
	TabariVerbs             // *.verbs: VERB [code] lines with their patterns
)

// String returns the format's name as log lines print it: "petrarch actors".
func (f Format) String() string {
	switch f {
	case SitrepTSV:
		return "sitrep tsv"
	case PetrarchActors:
		return "petrarch actors"
	case PetrarchAgents:
		return "petrarch agents"
	case PetrarchVerbs:
		return "petrarch verbs"
	case PetrarchDiscards:
		return "petrarch discards"
	case TabariActors:
		return "tabari actors"
	case TabariAgents:
		return "tabari agents"
	case TabariVerbs:
		return "tabari verbs"
	}
	return "unknown"
}

// HeadSize is how much of a file Detect needs to see.
const HeadSize = 64 << 10

// Detect returns the format of a dictionary file from its name and the
// first bytes of its content (up to HeadSize; fewer is fine). The TABARI
// extensions .actors, .agents and .verbs and sitrep's .tsv decide alone.
// Otherwise the content does: a sitrep header line; "--- NAME [code] ---"
// verb blocks (PETRARCH verbs); "- pattern [code]" lines under verb lines
// (TABARI verbs); "[~CODE]" agents; "[CODE]" actors, PETRARCH when comments
// start with "#", TABARI when with ";". A file of bare phrases is a
// discards file only when its name says "discard". Anything else,
// PETRARCH issue files included, is UnknownFormat.
func Detect(name string, head []byte) Format {
	base := strings.ToLower(filepath.Base(name))
	switch filepath.Ext(base) {
	case ".tsv":
		return SitrepTSV
	case ".actors":
		return TabariActors
	case ".agents":
		return TabariAgents
	case ".verbs":
		return TabariVerbs
	}
	s := string(head)
	if len(head) >= HeadSize {
		if i := strings.LastIndexByte(s, '\n'); i > 0 {
			s = s[:i] // drop a cut line
		}
	}
	var blocks, patterns, agents, actors, structure, lines, hashes, semis int
	first := true
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			continue
		case t[0] == '#':
			hashes++
			continue
		case t[0] == ';':
			semis++
			continue
		}
		if first && strings.Contains(line, "\t") && isSitrepHeader(line) {
			return SitrepTSV
		}
		first = false
		if strings.HasPrefix(t, "<ISSUE") || strings.HasPrefix(t, "{\"") {
			return UnknownFormat // PETRARCH issue files, JSON
		}
		lines++
		if i := strings.IndexByte(t, '#'); i > 0 && !strings.HasPrefix(t[i:], "###") {
			hashes++
			t = strings.TrimSpace(t[:i])
		} else if i := strings.IndexByte(t, ';'); i > 0 {
			semis++
			t = strings.TrimSpace(t[:i])
		}
		code := ""
		if strings.HasSuffix(t, "]") {
			if i := strings.LastIndexByte(t, '['); i >= 0 {
				code = strings.TrimSpace(t[i+1 : len(t)-1])
			}
		}
		switch {
		case t == "":
		case strings.HasPrefix(t, "--- ") && (strings.Contains(t, "[") || strings.HasSuffix(t, "###")):
			blocks++
		case strings.HasPrefix(t, "- ") && code != "":
			patterns++
		case t[0] == '+' || t[0] == '&' || t[0] == '<' && t[len(t)-1] == '>' || t[0] == '!' && strings.Contains(t, "="):
			structure++
		case code != "" && strings.Contains(code, "~"):
			agents++
		case code != "" && strings.IndexFunc(code, func(r rune) bool {
			return !strings.ContainsRune("<>/#+- ", r) && !(r < utf8.RuneSelf && unicode.IsLetter(r) || unicode.IsDigit(r))
		}) < 0:
			actors++
		}
	}
	tab := semis > hashes
	if strings.Contains(base, "discard") && blocks+patterns+agents+actors == 0 {
		return PetrarchDiscards
	}
	if (blocks+patterns+agents+actors+structure)*4 < lines {
		return UnknownFormat // mostly lines that are none of these formats'
	}
	switch {
	case blocks > 0:
		return PetrarchVerbs
	case patterns > 0:
		return TabariVerbs
	case agents > 0 && agents >= actors:
		if tab {
			return TabariAgents
		}
		return PetrarchAgents
	case actors > 0:
		if tab {
			return TabariActors
		}
		return PetrarchActors
	}
	return UnknownFormat
}

func isSitrepHeader(line string) bool {
	col := map[string]bool{}
	for _, f := range strings.Split(line, "\t") {
		col[strings.TrimSpace(f)] = true
	}
	for _, want := range headers {
		ok := true
		for _, w := range want {
			ok = ok && col[w]
		}
		if ok {
			return true
		}
	}
	return false
}

// Stats counts what loading one file produced.
type Stats struct {
	// File is the file's base name.
	File   string
	Format Format
	// Actors counts actor entries (countries, organisations, people) and
	// Agents agent entries; Names counts the phrases of both.
	Actors, Agents, Names int
	// Verbs counts verbs coded on their own, Patterns the patterns
	// converted, Expansions the Verb entries they expanded to (one per verb
	// form and synset member). Skipped counts verbs and patterns sitrep
	// cannot express.
	Verbs, Patterns, Expansions, Skipped int
	// SkippedBy counts everything left out (patterns, and actors such as
	// those with the null code) by reason.
	SkippedBy map[string]int
	// Synsets and Discards count synonym sets and discard phrases.
	Synsets, Discards int
	// Clamped counts dates past the end of their month ("[AFGGOV
	// 030101-030931]") read as the month's last day.
	Clamped int
	// Rows counts non-comment lines read; Errors the malformed ones.
	Rows, Errors int
	// Took is how long reading and converting the file took.
	Took time.Duration
}

// Summary returns the counts in words, for a log line:
// "12,345 actors, 23,456 names".
func (s Stats) Summary() string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, thousands(n)+" "+what)
		}
	}
	add(s.Actors, "actors")
	add(s.Agents, "agents")
	add(s.Names, "names")
	add(s.Synsets, "synsets")
	add(s.Verbs, "verbs")
	add(s.Patterns, "patterns")
	if s.Expansions > 0 {
		parts = append(parts, "→ "+thousands(s.Expansions)+" verb entries")
	}
	add(s.Discards, "discards")
	add(s.Clamped, "dates moved to the end of their month")
	if len(s.SkippedBy) > 0 {
		total := 0
		var why []string
		for _, k := range sortedReasons(s.SkippedBy) {
			total += s.SkippedBy[k]
			why = append(why, k+" "+thousands(s.SkippedBy[k]))
		}
		parts = append(parts, thousands(total)+" skipped ("+strings.Join(why, ", ")+")")
	}
	add(s.Errors, "bad lines")
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// thousands formats n with comma separators: 12345 → "12,345".
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ParseFormat parses content, a file in format f named name (used in
// errors and rules), into a Dictionary. Bad lines are reported in the
// returned ErrorList and skipped: the Dictionary holds every good entry
// even when err is not nil. UnknownFormat returns ErrUnknownFormat.
func ParseFormat(f Format, name, content string) (*Dictionary, Stats, error) {
	switch f {
	case SitrepTSV:
		d, err := Parse(name, content)
		st := Stats{File: name, Format: f}
		for _, a := range d.Actors {
			if a.Kind == Agent {
				st.Agents++
			} else {
				st.Actors++
			}
		}
		st.Names, st.Expansions = len(d.Phrases), len(d.Verbs)
		for _, fs := range d.Files {
			st.Rows += fs.Rows
			if fs.Kind == "verbs" {
				st.Patterns += fs.Entries
			}
		}
		if el, ok := err.(ErrorList); ok {
			st.Errors = len(el)
		}
		return d, st, err
	case PetrarchActors:
		return parseLegacyActors(name, content, petrarch, f)
	case PetrarchAgents:
		return parseLegacyAgents(name, content, petrarch, f)
	case PetrarchVerbs:
		return parsePetrarchVerbs(name, content)
	case PetrarchDiscards:
		return parsePetrarchDiscards(name, content)
	case TabariActors:
		return parseTabariActors(name, content)
	case TabariAgents:
		return parseTabariAgents(name, content)
	case TabariVerbs:
		return parseTabariVerbs(name, content)
	}
	return nil, Stats{File: name, Format: f}, ErrUnknownFormat
}

// ErrUnknownFormat is returned for a file Detect does not recognise.
var ErrUnknownFormat = errors.New("not a dictionary format sitrep reads (sitrep TSV, PETRARCH or TABARI; docs/dictionaries.md)")

// LoadFile reads the dictionary file at path in the format Detect finds.
// Errors in lines are returned as an ErrorList naming path, with the
// Dictionary of the good entries; other errors (the file cannot be read,
// its format is unknown: ErrUnknownFormat) return a nil Dictionary.
func LoadFile(path string) (*Dictionary, Stats, error) {
	start := time.Now()
	base := filepath.Base(path)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, Stats{File: base}, err
	}
	f := Detect(path, b[:min(len(b), HeadSize)])
	if f == UnknownFormat {
		return nil, Stats{File: base}, fmt.Errorf("%s: %w", path, ErrUnknownFormat)
	}
	d, st, err := ParseFormat(f, base, string(b))
	if el, ok := err.(ErrorList); ok {
		for _, e := range el {
			e.File = path
		}
	}
	st.File, st.Took = base, time.Since(start)
	return d, st, err
}

// LoadPath loads the dictionary file at path, or every file Detect
// recognises under the directory path (recursively, in name order, skipping
// names that start with "."). It returns one Stats per file, including the
// files skipped as UnknownFormat, whose Format says so. Line errors of all
// files come back as one ErrorList with the good entries loaded; a file
// that cannot be read returns a nil Dictionary. A file given by name whose
// format is unknown is an error.
func LoadPath(path string) (*Dictionary, []Stats, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !fi.IsDir() {
		d, st, err := LoadFile(path)
		return d, []Stats{st}, err
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != path && strings.HasPrefix(de.Name(), ".") {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if de.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	d := &Dictionary{}
	var stats []Stats
	var errs ErrorList
	for _, f := range files {
		one, st, err := LoadFile(f)
		stats = append(stats, st)
		if one == nil {
			if errors.Is(err, ErrUnknownFormat) {
				continue
			}
			return nil, stats, err
		}
		if el, ok := err.(ErrorList); ok {
			errs = append(errs, el...)
		}
		d.Merge(one)
	}
	return d, stats, errs.Err()
}
