package encode

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.* files")

// gdeltColumnNames transcribes the GDELT 2.0 Events export columns, in file
// order, independently of the constants in gdelt.go; tests look columns up
// by name through gdeltCol.
var gdeltColumnNames = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

var gdeltCol = func() map[string]int {
	m := make(map[string]int, len(gdeltColumnNames))
	for i, n := range gdeltColumnNames {
		m[n] = i
	}
	return m
}()

// fixtureAssault is a complete event with both actors: US forces strike
// Iran-backed armed groups (CAMEO 190, ASSAULT, ACLED Battles).
func fixtureAssault() *event.Event {
	e := &event.Event{
		ArticleID:     "iraq-coalition-2024-01-24",
		Date:          "2024-01-23",
		DatePrecision: "day",
		DateType:      "relative",
		PubDate:       "2024-01-24",
		URL:           "https://example.com/news?id=42&lang=en",
		Publisher:     "Example News",
		Source: &event.Actor{
			Text: "US forces", Code: "USAMIL", Country: "USA", Sectors: []string{"MIL"},
			Name: "United States", Start: 412, End: 421,
		},
		Target: &event.Actor{
			Text: "Iran-backed armed groups", Code: "IRQREB", Country: "IRQ", Sectors: []string{"REB", "UAF"},
			Sponsor: "IRN", Start: 436, End: 460,
		},
		Location: &event.Location{
			Name: "Iraq", Resolved: "Iraq", Country: "IRQ", Lat: 33, Lon: 44, Precision: "country",
			Start: 458, End: 462,
		},
		CAMEO:     event.CAMEO{Code: "190", Base: "190", Root: "19", Name: "Use conventional military force"},
		Goldstein: -10,
		QuadClass: 4,
		PLOVER:    event.PLOVER{Event: "ASSAULT"},
		ACLED:     &event.ACLED{EventType: "Battles", SubEventType: "Armed clash"},
		Modality:  event.Asserted,
		Evidence: event.Evidence{
			Sentence:      "On Tuesday US forces struck Iran-backed armed groups <in Iraq>, the Pentagon said.",
			SentenceIndex: 1,
			Start:         412, End: 460,
			Trigger: "struck", TriggerStart: 422, TriggerEnd: 428,
			Rule: "verbs.tsv:12 strike",
		},
		Confidence: 0.9,
	}
	e.SetID()
	return e
}

// fixtureProtest has no target and no event date, only a publication date.
func fixtureProtest() *event.Event {
	e := &event.Event{
		ArticleID: "iraq-coalition-2024-01-24",
		PubDate:   "2024-01-24",
		URL:       "https://example.com/news?id=42&lang=en",
		Source: &event.Actor{
			Text: "Iraqi protesters", Code: "IRQCVL", Country: "IRQ", Sectors: []string{"CVL"},
			Start: 1200, End: 1216,
		},
		CAMEO:     event.CAMEO{Code: "141", Base: "141", Root: "14", Name: "Demonstrate or rally"},
		Goldstein: -6.5,
		QuadClass: 3,
		PLOVER:    event.PLOVER{Event: "PROTEST", Mode: "demo"},
		ACLED:     &event.ACLED{EventType: "Protests", SubEventType: "Peaceful protest"},
		Location: &event.Location{
			Name: "Baghdad", Resolved: "Baghdad, Iraq", Country: "IRQ", Admin1: "07",
			Lat: 33.3406, Lon: 44.4009, Precision: "city", GeoNameID: 98182, Start: 1231, End: 1238,
		},
		Modality: event.Future,
		Evidence: event.Evidence{
			Sentence:      "Iraqi protesters will rally in Baghdad on Friday.",
			SentenceIndex: 7,
			Start:         1200, End: 1229,
			Trigger: "rally", TriggerStart: 1222, TriggerEnd: 1227,
			Rule: "verbs.tsv:40 rally",
		},
		ModalityCue: "will",
		Confidence:  0.7,
	}
	e.SetID()
	return e
}

// fixtureStatement is a plain statement (CAMEO root 01): no PLOVER type, so
// the PLOVER encoder skips it. Its source is an IGO with no country.
func fixtureStatement() *event.Event {
	e := &event.Event{
		ArticleID: "iraq-coalition-2024-01-24",
		Date:      "2024-12-31",
		PubDate:   "2024-12-31",
		Source: &event.Actor{
			Text: "the United Nations", Code: "IGOUNO", Sectors: []string{"IGO"},
			Name: "United Nations", Start: 0, End: 18,
		},
		Target: &event.Actor{
			Text: "Baghdad", Code: "IRQGOV", Country: "IRQ", Sectors: []string{"GOV"},
			Name: "Iraq", Start: 40, End: 47,
		},
		CAMEO:     event.CAMEO{Code: "010", Base: "010", Root: "01", Name: "Make statement"},
		QuadClass: 1,
		Modality:  event.Asserted,
		Evidence: event.Evidence{
			Sentence: "The United Nations said on Tuesday that Baghdad must decide.",
			Start:    0, End: 47,
			Trigger: "said", TriggerStart: 19, TriggerEnd: 23,
			Rule: "verbs.tsv:3 say",
		},
		Confidence: 0.5,
	}
	e.SetID()
	return e
}

func fixtures() []*event.Event {
	return []*event.Event{fixtureAssault(), fixtureProtest(), fixtureStatement()}
}

// encodeAll runs events through the named format and returns the output.
func encodeAll(t *testing.T, format string, events []*event.Event) (string, Encoder) {
	t.Helper()
	var buf bytes.Buffer
	enc, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if err := enc.Encode(e); err != nil {
			t.Fatalf("Encode(%s): %v", e.ID, err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return buf.String(), enc
}

func lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestNewUnknownFormat(t *testing.T) {
	enc, err := New("xml", &bytes.Buffer{})
	if err == nil || enc != nil {
		t.Fatalf("New(xml) = %v, %v; want nil, error", enc, err)
	}
	for _, want := range append(Formats(), `"xml"`) {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestFormatsTable(t *testing.T) {
	names := Formats()
	if want := []string{"jsonl", "gdelt", "plover", "acled", "csv"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Formats() = %v, want %v", names, want)
	}
	for _, n := range names {
		if Describe(n) == "" {
			t.Errorf("Describe(%q) is empty", n)
		}
	}
	if d := Describe("xml"); d != "" {
		t.Errorf("Describe(xml) = %q, want empty", d)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	in := fixtures()
	out, _ := encodeAll(t, "jsonl", in)
	ls := lines(out)
	if len(ls) != len(in) {
		t.Fatalf("got %d lines, want %d:\n%s", len(ls), len(in), out)
	}
	for i, l := range ls {
		var got event.Event
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(&got, in[i]) {
			t.Errorf("line %d round-trips to\n%+v\nwant\n%+v", i+1, got, *in[i])
		}
	}
	if !strings.Contains(out, "<in Iraq>") || !strings.Contains(out, "id=42&lang") {
		t.Errorf("HTML characters were escaped:\n%s", out)
	}
	if !strings.Contains(ls[1], `"target":null`) {
		t.Errorf("nil target not written as null: %s", ls[1])
	}
}

func TestGDELTColumns(t *testing.T) {
	if len(gdeltColumnNames) != 61 || gdeltColumns != 61 {
		t.Fatalf("transcribed %d column names, encoder has %d; want 61", len(gdeltColumnNames), gdeltColumns)
	}
	in := fixtures()
	out, _ := encodeAll(t, "gdelt", in)
	ls := lines(out)
	if len(ls) != len(in) {
		t.Fatalf("got %d rows, want %d", len(ls), len(in))
	}
	rows := make([][]string, len(ls))
	for i, l := range ls {
		rows[i] = strings.Split(l, "\t")
		if len(rows[i]) != 61 {
			t.Fatalf("row %d has %d columns, want 61", i+1, len(rows[i]))
		}
	}
	id := func(e *event.Event) string {
		n, err := strconv.ParseInt(e.ID[:15], 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		return strconv.FormatInt(n, 10)
	}
	tests := []struct {
		name string
		row  int
		want map[string]string
	}{
		{"assault", 0, map[string]string{
			"GLOBALEVENTID": id(in[0]),
			"SQLDATE":       "20240123", "MonthYear": "202401", "Year": "2024", "FractionDate": "2024.0630",
			"Actor1Code": "USAMIL", "Actor1Name": "UNITED STATES", "Actor1CountryCode": "USA",
			"Actor1KnownGroupCode": "", "Actor1Type1Code": "MIL", "Actor1Type2Code": "",
			"Actor2Code": "IRQREB", "Actor2Name": "IRAN-BACKED ARMED GROUPS", "Actor2CountryCode": "IRQ",
			"Actor2Type1Code": "REB", "Actor2Type2Code": "UAF", "Actor2Type3Code": "",
			"IsRootEvent": "1", "EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19",
			"QuadClass": "4", "GoldsteinScale": "-10.0",
			"NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "0",
			"Actor1Geo_Type": "0", "Actor1Geo_FullName": "", "Actor1Geo_Lat": "",
			"Actor2Geo_Type": "0", "Actor2Geo_FullName": "", "Actor2Geo_FeatureID": "",
			"ActionGeo_Type": "1", "ActionGeo_FullName": "Iraq", "ActionGeo_CountryCode": "IZ",
			"ActionGeo_ADM1Code": "IZ", "ActionGeo_ADM2Code": "", "ActionGeo_Lat": "33", "ActionGeo_Long": "44",
			"ActionGeo_FeatureID": "IZ", "DATEADDED": "20240124000000", "SOURCEURL": "https://example.com/news?id=42&lang=en",
		}},
		{"nil target, pub date only", 1, map[string]string{
			"GLOBALEVENTID": id(in[1]),
			"SQLDATE":       "20240124", "FractionDate": "2024.0658",
			"Actor1Code": "IRQCVL", "Actor1Name": "IRAQI PROTESTERS",
			"Actor2Code": "", "Actor2Name": "", "Actor2CountryCode": "", "Actor2Type1Code": "",
			"IsRootEvent": "0", "EventRootCode": "14", "QuadClass": "3", "GoldsteinScale": "-6.5",
			"DATEADDED": "20240124000000", "ActionGeo_Type": "4", "ActionGeo_FullName": "Baghdad, Iraq", "ActionGeo_CountryCode": "IZ",
			"ActionGeo_ADM1Code": "IZ07", "ActionGeo_Lat": "33.3406", "ActionGeo_Long": "44.4009",
			"ActionGeo_FeatureID": "98182",
		}},
		{"no location", 2, map[string]string{
			"ActionGeo_Type": "0", "ActionGeo_FullName": "", "ActionGeo_CountryCode": "", "ActionGeo_ADM1Code": "",
			"ActionGeo_Lat": "", "ActionGeo_Long": "", "ActionGeo_FeatureID": "",
		}},
		{"igo, last day of leap year", 2, map[string]string{
			"SQLDATE": "20241231", "FractionDate": "2024.9999",
			"Actor1Code": "IGOUNO", "Actor1Name": "UNITED NATIONS", "Actor1CountryCode": "", "Actor1Type1Code": "IGO",
			"Actor2Name": "IRAQ", "EventCode": "010", "EventRootCode": "01",
			"GoldsteinScale": "0.0", "IsRootEvent": "1", "SOURCEURL": "",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for col, want := range tt.want {
				i, ok := gdeltCol[col]
				if !ok {
					t.Fatalf("no column %q", col)
				}
				if got := rows[tt.row][i]; got != want {
					t.Errorf("%s = %q, want %q", col, got, want)
				}
			}
		})
	}
}

func TestGDELTCleansValues(t *testing.T) {
	e := fixtureAssault()
	e.Source.Name = ""
	e.Source.Text = "US\tforces\nin Iraq\r"
	e.Target.Name = "Kata\u2028ib\x00 Hezbollah \xff"
	e.URL = "https://example.com/a\tb"
	out, _ := encodeAll(t, "gdelt", []*event.Event{e})
	ls := lines(out)
	if len(ls) != 1 {
		t.Fatalf("got %d lines, want 1:\n%q", len(ls), out)
	}
	cols := strings.Split(ls[0], "\t")
	if len(cols) != 61 {
		t.Fatalf("got %d columns, want 61", len(cols))
	}
	for col, want := range map[string]string{
		"Actor1Name": "US FORCES IN IRAQ ",
		"Actor2Name": "KATA IB  HEZBOLLAH \uFFFD",
		"SOURCEURL":  "https://example.com/a b",
	} {
		if got := cols[gdeltCol[col]]; got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8: %q", out)
	}
}

func TestGDELTRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(*event.Event)
	}{
		{"short id", func(e *event.Event) { e.ID = "abc" }},
		{"non-hex id", func(e *event.Event) { e.ID = "zzzzzzzzzzzzzzzzzzzzzzzz" }},
		{"no date", func(e *event.Event) { e.Date, e.PubDate = "", "" }},
		{"bad dates", func(e *event.Event) { e.Date, e.PubDate = "last week", "2024-13-01" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fixtureAssault()
			tt.edit(e)
			var buf bytes.Buffer
			g := NewGDELT(&buf)
			if err := g.Encode(e); err == nil {
				t.Error("Encode succeeded, want error")
			}
			if err := g.Encode(fixtureProtest()); err != nil {
				t.Errorf("Encode after a rejected event: %v", err)
			}
			if err := g.Close(); err != nil {
				t.Fatal(err)
			}
			if n := len(lines(buf.String())); n != 1 {
				t.Errorf("got %d rows, want 1 (the good event)", n)
			}
		})
	}
}

func TestGDELTDateFallback(t *testing.T) {
	e := fixtureAssault()
	e.Date = "2024-01" // month precision: not a day, so the pub date is used
	row, err := gdeltRow(e)
	if err != nil {
		t.Fatal(err)
	}
	if got := row[gdeltCol["SQLDATE"]]; got != "20240124" {
		t.Errorf("SQLDATE = %q, want the pub date 20240124", got)
	}
	e.Date, e.PubDate = "2024-01-23", "2024-01-24T09:30:00Z"
	if row, _ = gdeltRow(e); row[gdeltCol["DATEADDED"]] != "20240124000000" {
		t.Errorf("DATEADDED = %q, want 20240124000000", row[gdeltCol["DATEADDED"]])
	}
}

// TestGDELTColumnsMatchReference checks the transcription above against
// the codebook's column list in ../shared.
func TestGDELTColumnsMatchReference(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "reference", "gdelt", "gdelt2_events_export_columns.tsv")
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not found: the ../shared reference data is missing", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 || fields[0] == "index0" {
			continue
		}
		names = append(names, fields[1])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(names, gdeltColumnNames) {
		t.Errorf("column names differ from %s:\n got %v\nwant %v", path, gdeltColumnNames, names)
	}
}

func TestPLOVER(t *testing.T) {
	in := fixtures()
	var buf bytes.Buffer
	p := NewPLOVER(&buf, PLOVEROptions{CodedDate: "2024-02-01"})
	for _, e := range in {
		if err := p.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if p.Skipped() != 1 {
		t.Errorf("Skipped() = %d, want 1 (the statement)", p.Skipped())
	}
	ls := lines(buf.String())
	if len(ls) != 2 {
		t.Fatalf("got %d records, want 2:\n%s", len(ls), buf.String())
	}
	recs := make([]map[string]any, len(ls))
	for i, l := range ls {
		if err := json.Unmarshal([]byte(l), &recs[i]); err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		for _, f := range []string{"id", "date", "actor", "event"} {
			if _, ok := recs[i][f]; !ok {
				t.Errorf("record %d lacks required field %q", i+1, f)
			}
		}
	}

	var assault struct {
		ID        string         `json:"id"`
		Date      string         `json:"date"`
		Actor     []ploverEntity `json:"actor"`
		Recipient []ploverEntity `json:"recipient"`
		Event     []string       `json:"event"`
		EventText []string       `json:"event_text"`
		QuadCode  int            `json:"quad_code"`
		TextInfo  ploverTextInfo `json:"text_info"`
		CiteInfo  ploverCite     `json:"cite_info"`
		Coder     string         `json:"coder"`
		CodedDate string         `json:"coded_date"`
		Comment   string         `json:"comment"`
	}
	if err := json.Unmarshal([]byte(ls[0]), &assault); err != nil {
		t.Fatal(err)
	}
	want := ploverEntity{Code: "USA", Sector: "MIL", EntityText: "US forces"}
	if len(assault.Actor) != 1 || assault.Actor[0] != want {
		t.Errorf("actor = %+v, want [%+v]", assault.Actor, want)
	}
	want = ploverEntity{Code: "IRQ", Sector: "REB", EntityText: "Iran-backed armed groups"}
	if len(assault.Recipient) != 1 || assault.Recipient[0] != want {
		t.Errorf("recipient = %+v, want [%+v]", assault.Recipient, want)
	}
	if assault.ID != in[0].ID || assault.Date != "2024-01-23" || assault.QuadCode != 4 ||
		!reflect.DeepEqual(assault.Event, []string{"ASSAULT"}) ||
		!reflect.DeepEqual(assault.EventText, []string{"struck"}) ||
		assault.TextInfo != (ploverTextInfo{Sequence: 1, Start: 412, End: 460}) ||
		assault.CiteInfo != (ploverCite{URL: in[0].URL, Publication: "Example News"}) ||
		assault.Coder != "sitrep" || assault.CodedDate != "2024-02-01" {
		t.Errorf("assault record = %+v", assault)
	}

	protest := recs[1]
	if _, ok := protest["recipient"]; ok {
		t.Errorf("nil target written as recipient: %s", ls[1])
	}
	if protest["date"] != "2024-01-24" || protest["quad_code"] != 4.0 {
		t.Errorf("protest date/quad = %v/%v, want pub date 2024-01-24 and 4", protest["date"], protest["quad_code"])
	}
	if !reflect.DeepEqual(protest["mode"], []any{"demo"}) {
		t.Errorf("mode = %v, want [demo]", protest["mode"])
	}
	if c, _ := protest["comment"].(string); !strings.Contains(c, "modality future") {
		t.Errorf("comment %q does not flag the future modality", c)
	}
	wantLoc := map[string]any{"extracted_place": "Baghdad", "resolved_place": "Baghdad, Iraq", "geonameid": 98182.0,
		"lat": 33.3406, "lon": 44.4009, "country_code": "IRQ", "resolution": 4.0}
	if !reflect.DeepEqual(protest["event_loc"], wantLoc) {
		t.Errorf("event_loc = %v, want %v", protest["event_loc"], wantLoc)
	}
}

// TestGDELTGeoTypes checks ActionGeo_Type and the FIPS codes for each
// precision, in and outside the United States.
func TestGDELTGeoTypes(t *testing.T) {
	tests := []struct {
		name string
		loc  event.Location
		want map[string]string
	}{
		{"US state", event.Location{Name: "Texas", Resolved: "Texas, United States", Country: "USA", Admin1: "TX", Precision: "admin1", Lat: 31, Lon: -99},
			map[string]string{"ActionGeo_Type": "2", "ActionGeo_CountryCode": "US", "ActionGeo_ADM1Code": "USTX", "ActionGeo_FeatureID": "USTX"}},
		{"US city", event.Location{Name: "Paris", Resolved: "Paris, Texas, United States", Country: "USA", Admin1: "TX", Precision: "city", GeoNameID: 4717560},
			map[string]string{"ActionGeo_Type": "3", "ActionGeo_ADM1Code": "USTX", "ActionGeo_FeatureID": "4717560"}},
		{"world state", event.Location{Name: "Anbar", Resolved: "Anbar, Iraq", Country: "IRQ", Admin1: "01", Precision: "admin1"},
			map[string]string{"ActionGeo_Type": "5", "ActionGeo_CountryCode": "IZ", "ActionGeo_ADM1Code": "IZ01"}},
		{"site", event.Location{Name: "Ain al-Asad", Resolved: "Ain al-Asad Air Base, Anbar, Iraq", Country: "IRQ", Admin1: "01", Precision: "exact"},
			map[string]string{"ActionGeo_Type": "4", "ActionGeo_FullName": "Ain al-Asad Air Base, Anbar, Iraq", "ActionGeo_FeatureID": "IZ01"}},
		{"Gaza Strip", event.Location{Name: "Gaza", Resolved: "Gaza Strip, Palestine", Country: "PSE", Admin1: "GZ", Precision: "admin1"},
			map[string]string{"ActionGeo_Type": "5", "ActionGeo_CountryCode": "GZ", "ActionGeo_ADM1Code": "GZGZ"}},
		{"country missing from the CAMEO list", event.Location{Name: "Colombia", Resolved: "Colombia", Country: "COL", Precision: "country"},
			map[string]string{"ActionGeo_Type": "1", "ActionGeo_CountryCode": "CO", "ActionGeo_FeatureID": "CO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fixtureAssault()
			e.Location = &tt.loc
			out, _ := encodeAll(t, "gdelt", []*event.Event{e})
			row := strings.Split(strings.TrimSuffix(out, "\n"), "\t")
			for col, want := range tt.want {
				if got := row[gdeltCol[col]]; got != want {
					t.Errorf("%s = %q, want %q", col, got, want)
				}
			}
		})
	}
}

func TestPLOVEREntity(t *testing.T) {
	tests := []struct {
		name string
		in   event.Actor
		want ploverEntity
	}{
		{"country and sector", event.Actor{Text: "Iraqi troops", Code: "IRQMIL", Country: "IRQ", Sectors: []string{"MIL"}},
			ploverEntity{Code: "IRQ", Sector: "MIL", EntityText: "Iraqi troops"}},
		{"igo", event.Actor{Text: "the UN", Code: "IGOUNO", Sectors: []string{"IGO"}},
			ploverEntity{Code: "IGO", EntityText: "the UN"}},
		{"cameo media is plover JRN", event.Actor{Text: "Iraqi journalists", Code: "IRQMED", Country: "IRQ", Sectors: []string{"MED"}},
			ploverEntity{Code: "IRQ", Sector: "JRN", EntityText: "Iraqi journalists"}},
		{"cameo health is plover MED", event.Actor{Text: "Iraqi doctors", Code: "IRQHLH", Country: "IRQ", Sectors: []string{"HLH"}},
			ploverEntity{Code: "IRQ", Sector: "MED", EntityText: "Iraqi doctors"}},
		{"no code", event.Actor{Text: "gunmen"},
			ploverEntity{EntityText: "gunmen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ploverEntityOf(&tt.in); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPLOVERNoSource(t *testing.T) {
	e := fixtureAssault()
	e.Source = nil
	e.Target = nil
	var buf bytes.Buffer
	p := NewPLOVER(&buf, PLOVEROptions{})
	if err := p.Encode(e); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.Contains(s, `"actor":[]`) || strings.Contains(s, "recipient") || strings.Contains(s, "coded_date") {
		t.Errorf("record = %s; want empty actor list, no recipient, no coded_date", s)
	}
}

func TestPLOVERUnknownType(t *testing.T) {
	e := fixtureAssault()
	e.PLOVER.Event = "FIGHT"
	p := NewPLOVER(&bytes.Buffer{}, PLOVEROptions{})
	if err := p.Encode(e); err == nil || !strings.Contains(err.Error(), `"FIGHT"`) {
		t.Errorf("Encode(FIGHT) error = %v, want unknown type error", err)
	}
	if p.Skipped() != 0 {
		t.Errorf("an unknown type was counted as skipped")
	}
}

func TestPLOVERQuadTable(t *testing.T) {
	if len(ploverQuad) != 16 {
		t.Errorf("ploverQuad has %d types, want PLOVER's 16", len(ploverQuad))
	}
	for typ, q := range ploverQuad {
		if q < 1 || q > 4 {
			t.Errorf("%s: quad %d out of 1..4", typ, q)
		}
	}
}

// TestEncoderContract runs every format through the shared rules: nil
// events and Encode after Close are errors, Close is idempotent, output is
// valid UTF-8 with one line per event written.
func TestEncoderContract(t *testing.T) {
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			enc, err := New(name, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := enc.Encode(nil); err == nil {
				t.Error("Encode(nil) succeeded")
			}
			in := fixtures()
			for _, e := range in {
				if err := enc.Encode(e); err != nil {
					t.Fatal(err)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before Close; want buffered output", buf.Len())
			}
			if err := enc.Close(); err != nil {
				t.Fatal(err)
			}
			if err := enc.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			if err := enc.Encode(fixtureAssault()); err == nil {
				t.Error("Encode after Close succeeded")
			}
			skipped := 0
			if s, ok := enc.(interface{ Skipped() int }); ok {
				skipped = s.Skipped()
			}
			if got, want := len(lines(buf.String())), len(in)-skipped+headerLines[name]; got != want {
				t.Errorf("wrote %d lines for %d events (%d skipped)", got, len(in), skipped)
			}
			if !utf8.Valid(buf.Bytes()) {
				t.Error("output is not valid UTF-8")
			}
		})
	}
}

// headerLines is how many header lines a format writes before its events.
var headerLines = map[string]int{"acled": 1, "csv": 1}

type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteErrorSurfaces(t *testing.T) {
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			enc, err := New(name, failWriter{})
			if err != nil {
				t.Fatal(err)
			}
			for range 200 { // more than the 4 KiB buffer holds
				if err = enc.Encode(fixtureAssault()); err != nil {
					break
				}
			}
			if err == nil {
				err = enc.Close()
			}
			if !errors.Is(err, errDiskFull) {
				t.Errorf("error = %v, want one wrapping %v", err, errDiskFull)
			}
		})
	}
}

// goldenFiles names the golden output of each format for fixtures().
var goldenFiles = map[string]string{
	"jsonl":  "events.golden.jsonl",
	"gdelt":  "events.golden.gdelt.tsv",
	"plover": "events.golden.plover.jsonl",
	"acled":  "events.golden.acled.csv",
	"csv":    "events.golden.csv",
}

func TestGolden(t *testing.T) {
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			file, ok := goldenFiles[name]
			if !ok {
				t.Fatalf("format %q has no golden file in goldenFiles", name)
			}
			path := filepath.Join("testdata", file)
			got, _ := encodeAll(t, name, fixtures())
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/encode -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (rerun with -update if the change is intended)\n got:\n%s\nwant:\n%s", path, got, want)
			}
		})
	}
}
