package ontology

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
)

// TestTablesLoad loads every embedded table, so that a broken data file
// fails here rather than panicking at run time.
func TestTablesLoad(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{
		"cameo":     len(Codes()),
		"plover":    len(PLOVERTypes()),
		"sectors":   len(Sectors()),
		"countries": len(Countries()),
		"religions": len(mustReligions()),
	} {
		if n == 0 {
			t.Errorf("%s: empty table", name)
		}
	}
}

func TestCodes(t *testing.T) {
	codes := Codes()
	if len(codes) != 312 {
		t.Fatalf("%d CAMEO codes, want 312", len(codes))
	}
	types := map[string]PLOVERType{}
	for _, pt := range PLOVERTypes() {
		types[pt.Event] = pt
	}
	for i, c := range codes {
		if i > 0 && codes[i-1].Code >= c.Code {
			t.Errorf("Codes not sorted: %s before %s", codes[i-1].Code, c.Code)
		}
		if r, ok := Lookup(c.Root); !ok || r.Level != 0 {
			t.Errorf("%s: root %q is not a root code", c.Code, c.Root)
		}
		if c.Parent != "" {
			if p, ok := Lookup(c.Parent); !ok || p.Level != c.Level-1 {
				t.Errorf("%s: parent %q is not one level up", c.Code, c.Parent)
			}
		}
		if b, ok := Lookup(c.Base); !ok || !strings.HasPrefix(c.Code, b.Code) || len(b.Code) > 3 {
			t.Errorf("%s: bad base %q", c.Code, c.Base)
		}
		if want := wantQuad(c.Root); c.QuadClass != want {
			t.Errorf("%s: quad class %d, want %d", c.Code, c.QuadClass, want)
		}
		pt, ok := types[c.PLOVEREvent]
		switch {
		case c.Root == "01":
			if c.PLOVEREvent != "" {
				t.Errorf("%s: PLOVER event %q, want none for statements", c.Code, c.PLOVEREvent)
			}
		case !ok:
			t.Errorf("%s: PLOVER event %q is not one of the 16 types", c.Code, c.PLOVEREvent)
		case c.PLOVERMode != "" && !hasMode(pt, c.PLOVERMode):
			t.Errorf("%s: PLOVER mode %q is not a mode of %s", c.Code, c.PLOVERMode, c.PLOVEREvent)
		}
		if c.Root == "02" && c.PLOVEREvent != "REQUEST" {
			t.Errorf("%s: PLOVER event %q, want REQUEST for appeals", c.Code, c.PLOVEREvent)
		}
	}
}

// wantQuad is GDELT's quad class convention by root.
func wantQuad(root string) int {
	n, _ := strconv.Atoi(root)
	switch {
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	case n <= 14:
		return 3
	}
	return 4
}

// TestLookup checks codes against values read off the sources: GDELT's
// lookups and CAMEO2PLOVER-2021, with the generator's documented fixes.
func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		code string
		want Code
	}{
		{"fight", "190", Code{Code: "190", Root: "19", Base: "190", Parent: "19", Level: 1,
			Name: "Use conventional military force, not specified below", Goldstein: -10, QuadClass: 4,
			PLOVEREvent: "ASSAULT", ACLEDType: "Battles", ACLEDSubType: "Armed clash"}},
		{"root in sentence case", "19", Code{Code: "19", Root: "19", Base: "19", Level: 0,
			Name: "Fight", Goldstein: -10, QuadClass: 4, PLOVEREvent: "ASSAULT"}},
		{"retreat", "0874", Code{Code: "0874", Root: "08", Base: "087", Parent: "087", Level: 2,
			Name: "Retreat or surrender militarily", Goldstein: 10, QuadClass: 2,
			PLOVEREvent: "RETREAT", PLOVERMode: "disarm"}},
		{"air strike, mode corrected", "195", Code{Code: "195", Root: "19", Base: "195", Parent: "19", Level: 1,
			Name: "Employ aerial weapons", Goldstein: -10, QuadClass: 4, PLOVEREvent: "ASSAULT", PLOVERMode: "aerial",
			ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Air/drone strike"}},
		{"suicide bombing", "1831", Code{Code: "1831", Root: "18", Base: "183", Parent: "183", Level: 2,
			Name: "Carry out suicide bombing", Goldstein: -10, QuadClass: 4, PLOVEREvent: "ASSAULT",
			PLOVERMode: "suicide-attack", ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Suicide bomb"}},
		{"statement has no PLOVER event", "010", Code{Code: "010", Root: "01", Base: "010", Parent: "01", Level: 1,
			Name: "Make statement, not specified below", QuadClass: 1}},
		{"appeal is a request, mode of 1053", "0253", Code{Code: "0253", Root: "02", Base: "025", Parent: "025", Level: 2,
			Name: "Appeal for release of persons or property", Goldstein: -0.3, QuadClass: 1,
			PLOVEREvent: "REQUEST", PLOVERMode: "yield"}},
		{"obsolete mode ease dropped", "085", Code{Code: "085", Root: "08", Base: "085", Parent: "08", Level: 1,
			Name: "Ease economic sanctions, boycott, embargo", Goldstein: 7, QuadClass: 2, PLOVEREvent: "RETREAT"}},
		{"mode with trailing space", "0861", Code{Code: "0861", Root: "08", Base: "086", Parent: "086", Level: 2,
			Name: "Receive deployment of peacekeepers", Goldstein: 9, QuadClass: 2, PLOVEREvent: "RETREAT", PLOVERMode: "access"}},
		{"investigate is GDELT quad 2", "091", Code{Code: "091", Root: "09", Base: "091", Parent: "09", Level: 1,
			Name: "Investigate crime, corruption", Goldstein: -2, QuadClass: 2, PLOVEREvent: "ACCUSE", PLOVERMode: "investigate"}},
		{"manual name where GDELT's is another event", "101", Code{Code: "101", Root: "10", Base: "101", Parent: "10", Level: 1,
			Name: "Demand material cooperation", Goldstein: -5, QuadClass: 3, PLOVEREvent: "REQUEST", PLOVERMode: "assist"}},
		{"absent from GDELT", "1213", Code{Code: "1213", Root: "12", Base: "121", Parent: "121", Level: 2,
			Name: "Reject judicial cooperation", Goldstein: -4, QuadClass: 3, PLOVEREvent: "REJECT", PLOVERMode: "assist"}},
		{"protest inherits ACLED", "1412", Code{Code: "1412", Root: "14", Base: "141", Parent: "141", Level: 2,
			Name: "Demonstrate for policy change", Goldstein: -6.5, QuadClass: 3, PLOVEREvent: "PROTEST", PLOVERMode: "demo",
			ACLEDType: "Protests", ACLEDSubType: "Peaceful protest"}},
		{"chemical weapons", "2041", Code{Code: "2041", Root: "20", Base: "204", Parent: "204", Level: 2,
			Name: "Use chemical, biological, or radiological weapons", Goldstein: -10, QuadClass: 4,
			PLOVEREvent: "ASSAULT", PLOVERMode: "unconventional",
			ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Chemical weapon"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			if got != tt.want {
				t.Errorf("Lookup(%q)\n got %+v\nwant %+v", tt.code, got, tt.want)
			}
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, code := range []string{"", "1", "21", "1214", "190 ", "0190", "abc", "19a"} {
		if c, ok := Lookup(code); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", code, c)
		}
	}
}

func TestEnrich(t *testing.T) {
	tests := []struct {
		name string
		in   event.Event
		want event.Event
	}{
		{
			name: "fight",
			in:   event.Event{ID: "x", CAMEO: event.CAMEO{Code: "190"}, Modality: event.Asserted},
			want: event.Event{ID: "x", Modality: event.Asserted,
				CAMEO:     event.CAMEO{Code: "190", Base: "190", Root: "19", Name: "Use conventional military force, not specified below"},
				Goldstein: -10, QuadClass: 4,
				PLOVER: event.PLOVER{Event: "ASSAULT"},
				ACLED:  &event.ACLED{EventType: "Battles", SubEventType: "Armed clash"}},
		},
		{
			name: "four digits, no ACLED",
			in:   event.Event{CAMEO: event.CAMEO{Code: "0874"}, ACLED: &event.ACLED{EventType: "Battles"}},
			want: event.Event{CAMEO: event.CAMEO{Code: "0874", Base: "087", Root: "08", Name: "Retreat or surrender militarily"},
				Goldstein: 10, QuadClass: 2, PLOVER: event.PLOVER{Event: "RETREAT", Mode: "disarm"}},
		},
		{
			name: "unknown code",
			in:   event.Event{CAMEO: event.CAMEO{Code: "999"}},
			want: event.Event{CAMEO: event.CAMEO{Code: "999"}},
		},
		{
			name: "unknown code clears stale fields",
			in: event.Event{CAMEO: event.CAMEO{Code: "999", Base: "190", Root: "19", Name: "Fight"}, Goldstein: -10, QuadClass: 4,
				PLOVER: event.PLOVER{Event: "ASSAULT"}, ACLED: &event.ACLED{EventType: "Battles"}},
			want: event.Event{CAMEO: event.CAMEO{Code: "999"}},
		},
		{
			name: "empty code",
			in:   event.Event{},
			want: event.Event{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.in
			Enrich(&e)
			if (e.ACLED == nil) != (tt.want.ACLED == nil) || e.ACLED != nil && *e.ACLED != *tt.want.ACLED {
				t.Errorf("ACLED = %+v, want %+v", e.ACLED, tt.want.ACLED)
			}
			e.ACLED, tt.want.ACLED = nil, nil
			if !reflect.DeepEqual(e, tt.want) {
				t.Errorf("Enrich\n got %+v\nwant %+v", e, tt.want)
			}
		})
	}
	Enrich(nil) // must not panic
}

func TestPLOVERTypes(t *testing.T) {
	types := PLOVERTypes()
	if len(types) != 16 {
		t.Fatalf("%d PLOVER types, want 16", len(types))
	}
	for _, pt := range types {
		if QuadClassName(pt.QuadClass) == "" || pt.Definition == "" {
			t.Errorf("%s: quad %d, definition %q", pt.Event, pt.QuadClass, pt.Definition)
		}
		got, ok := LookupPLOVER(pt.Event)
		if !ok || got.Event != pt.Event || len(got.Modes) != len(pt.Modes) {
			t.Errorf("LookupPLOVER(%q) = %+v, %v", pt.Event, got, ok)
		}
	}
	tests := []struct {
		event     string
		quad      int
		base      float64
		recipient bool
		modes     int
		mode      string
		score     float64
	}{
		{"AGREE", 1, 2.5, false, 0, "", 0},
		{"AID", 2, 10, true, 0, "", 0},
		{"ACCUSE", 3, -3, false, 3, "investigate", -3.5},
		{"ASSAULT", 4, -9, false, 15, "aerial", -9.5},
	}
	for _, tt := range tests {
		pt, ok := LookupPLOVER(tt.event)
		if !ok || pt.QuadClass != tt.quad || pt.BaseScore != tt.base || pt.RequiresRecipient != tt.recipient || len(pt.Modes) != tt.modes {
			t.Errorf("LookupPLOVER(%q) = %+v", tt.event, pt)
			continue
		}
		if tt.mode != "" && !hasModeScore(pt, tt.mode, tt.score) {
			t.Errorf("%s: no mode %q with score %v", tt.event, tt.mode, tt.score)
		}
	}
	if pt, _ := LookupPLOVER("PROTEST"); !hasMode(pt, "vandalize") || hasModeScore(pt, "vandalize", 0) {
		t.Errorf("PROTEST vandalize: want a mode without a score, got %+v", pt.Modes)
	}
	if _, ok := LookupPLOVER("assault"); ok {
		t.Error("LookupPLOVER is case-sensitive")
	}
	// Callers own the returned slices.
	types[0].Modes = append(types[0].Modes, PLOVERMode{Mode: "x"})
	if pt, _ := LookupPLOVER(types[0].Event); hasMode(pt, "x") {
		t.Error("PLOVERTypes shares its Modes with the table")
	}
}

func hasModeScore(pt PLOVERType, mode string, score float64) bool {
	for _, m := range pt.Modes {
		if m.Mode == mode && m.HasScore && m.Score == score {
			return true
		}
	}
	return false
}

func TestQuadClassName(t *testing.T) {
	for q, want := range map[int]string{0: "", 1: "Verbal Cooperation", 2: "Material Cooperation", 3: "Verbal Conflict", 4: "Material Conflict", 5: ""} {
		if got := QuadClassName(q); got != want {
			t.Errorf("QuadClassName(%d) = %q, want %q", q, got, want)
		}
	}
}

func TestSector(t *testing.T) {
	tests := []struct {
		code string
		want SectorCode
	}{
		{"MIL", SectorCode{"MIL", "Military", "both", "MIL"}},
		{"INS", SectorCode{"INS", "Insurgents", "cameo", "REB"}},
		{"MED", SectorCode{"MED", "Media", "cameo", "JRN"}},
		{"HLH", SectorCode{"HLH", "Health", "cameo", "MED"}},
		{"PRM", SectorCode{"PRM", "Paramilitary not in opposition to government", "plover", "PRM"}},
		{"IGO", SectorCode{"IGO", "Inter-Governmental Organization", "cameo", ""}},
	}
	for _, tt := range tests {
		if got, ok := Sector(tt.code); !ok || got != tt.want {
			t.Errorf("Sector(%q) = %+v, %v, want %+v", tt.code, got, ok, tt.want)
		}
	}
	for _, s := range Sectors() {
		if s.PLOVEREquivalent == "" {
			continue
		}
		if p, ok := Sector(s.PLOVEREquivalent); s.PLOVEREquivalent != "MED" && (!ok || p.Scheme == "cameo") {
			t.Errorf("%s: PLOVER equivalent %q is not a PLOVER code", s.Code, s.PLOVEREquivalent)
		}
	}
	if _, ok := Sector("XXX"); ok {
		t.Error(`Sector("XXX") found`)
	}
}

func TestCountry(t *testing.T) {
	tests := []struct {
		code string
		want CountryCode
	}{
		{"USA", CountryCode{"USA", "United States", "US", "US", "country"}},
		{"IRQ", CountryCode{"IRQ", "Iraq", "IZ", "IQ", "country"}},
		{"SYR", CountryCode{"SYR", "Syria", "SY", "SY", "country"}},
		{"GBR", CountryCode{"GBR", "United Kingdom", "UK", "GB", "country"}},
		{"DEU", CountryCode{"DEU", "Germany", "GM", "DE", "country"}},
		{"IRN", CountryCode{"IRN", "Iran", "IR", "IR", "country"}},
		{"ISR", CountryCode{"ISR", "Israel", "IS", "IL", "country"}},
		{"ROM", CountryCode{"ROM", "Romania", "RO", "RO", "country"}},
		{"GZS", CountryCode{"GZS", "Gaza Strip", "GZ", "PS", "territory"}},
		{"MEA", CountryCode{"MEA", "Middle East", "", "", "region"}},
	}
	for _, tt := range tests {
		if got, ok := Country(tt.code); !ok || got != tt.want {
			t.Errorf("Country(%q) = %+v, %v, want %+v", tt.code, got, ok, tt.want)
		}
	}
	all := Countries()
	if len(all) != 259 {
		t.Errorf("%d country codes, want GDELT's 259", len(all))
	}
	fips, iso2 := map[string]string{}, map[string]string{}
	for _, c := range all {
		if c.Kind != "country" {
			continue
		}
		for _, m := range []struct {
			seen map[string]string
			code string
		}{{fips, c.FIPS}, {iso2, c.ISO2}} {
			if other, dup := m.seen[m.code]; dup && m.code != "" {
				t.Errorf("code %s for both %s and %s", m.code, other, c.Code)
			}
			m.seen[m.code] = c.Code
		}
	}
	if _, ok := Country("usa"); ok {
		t.Error(`Country("usa") found`)
	}
}

// TestParseErrors checks that broken tables are rejected with positions.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		parse func() error
		want  []string
	}{
		{"bad header", func() error {
			_, err := parseSectors("s.tsv", []byte("# c\ncode\tname\n"))
			return err
		}, []string{"s.tsv:2: header"}},
		{"bad sector row", func() error {
			_, err := parseSectors("s.tsv", []byte("code\tname\tscheme\tplover_equivalent\nMIL\tMilitary\tnone\tMIL\nGOV\tGov\n"))
			return err
		}, []string{`s.tsv:2: sector "MIL": scheme "none"`, "s.tsv:3: 2 fields, want 4"}},
		{"bad country", func() error {
			_, err := parseCountries("c.tsv", []byte("code\tname\tfips\tiso2\tkind\nUSA\tUnited States\tUSA\tUS\tcountry\nMEA\tMiddle East\tXX\t\tregion\n"))
			return err
		}, []string{`c.tsv:2: country "USA": bad two-letter code "USA"`, `c.tsv:3: region "MEA" has country codes`}},
		{"bad cameo", func() error {
			h := "code\troot\tparent\tlevel\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tacled_event_type\tacled_sub_event_type\n"
			_, err := parseCAMEO("k.tsv", []byte(h+
				"19\t19\t\t0\tFight\t-10.0\t4\tASSAULT\t\t\t\n"+
				"190\t19\t19\t1\tUse force\t-11\t4\tASSAULT\tflying\t\t\n"+
				"1901\t19\t190\t2\tX\t0\t7\tFIGHT\t\tBattles\t\n"+
				"2011\t20\t201\t2\tY\t0\t4\t\t\t\t\n"))
			return err
		}, []string{`k.tsv:3: code "190": goldstein "-11"`, `k.tsv:3: code "190": "flying" is not a mode of PLOVER ASSAULT`,
			`k.tsv:4: code "1901": quad class "7"`, `k.tsv:4: code "1901": unknown PLOVER event "FIGHT"`,
			`k.tsv:5: code "2011": root "20" is not in the table`, `k.tsv:5: code "2011": parent "201" is not in the table`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse()
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestErrorListCap(t *testing.T) {
	var l errorList
	for i := 1; i <= 13; i++ {
		l.add("f", i, "bad")
	}
	msg := l.err().Error()
	if !strings.HasSuffix(msg, "and 3 more") || strings.Contains(msg, "f:11:") {
		t.Errorf("error list = %q", msg)
	}
}

func ExampleEnrich() {
	e := event.Event{CAMEO: event.CAMEO{Code: "195"}}
	Enrich(&e)
	fmt.Println(e.CAMEO.Name, e.Goldstein, QuadClassName(e.QuadClass))
	fmt.Println(e.PLOVER.Event, e.PLOVER.Mode, "|", e.ACLED.EventType, "/", e.ACLED.SubEventType)
	// Output:
	// Employ aerial weapons -10 Material Conflict
	// ASSAULT aerial | Explosions/Remote violence / Air/drone strike
}

func ExampleCountry() {
	c, _ := Country("IRQ")
	fmt.Println(c.Name, c.FIPS, c.ISO2)
	// Output: Iraq IZ IQ
}

// TestEasingRestrictionsIsConcede checks the generator's correction of
// CAMEO2PLOVER-2021 after the PLOVER manual (§3.4): lifting a curfew or a
// state of emergency is a verbal concession, CONCEDE, like the rest of 081.
func TestEasingRestrictionsIsConcede(t *testing.T) {
	for _, code := range []string{"081", "0813", "0814"} {
		c, ok := Lookup(code)
		if !ok || c.PLOVEREvent != "CONCEDE" {
			t.Errorf("%s: PLOVER event %q, want CONCEDE", code, c.PLOVEREvent)
		}
	}
}
