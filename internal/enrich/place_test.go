package enrich

import (
	"math"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/reader"
)

// placeEvent builds an event of the article text whose sentence is the one
// holding trigger, with source and target at their first occurrence in
// that sentence ("" for none).
func placeEvent(t *testing.T, text, trigger, source, target string) event.Event {
	t.Helper()
	ti := strings.Index(text, trigger)
	if ti < 0 {
		t.Fatalf("trigger %q not in text", trigger)
	}
	start := strings.LastIndexAny(text[:ti], ".\n") + 1
	for start < ti && text[start] == ' ' {
		start++
	}
	end := ti + strings.IndexAny(text[ti:]+".", ".\n") + 1
	end = min(end, len(text))
	e := event.Event{Modality: event.Asserted, Evidence: event.Evidence{
		Sentence: text[start:end], SentenceStart: start, TriggerStart: ti, TriggerEnd: ti + len(trigger), Trigger: trigger,
	}}
	actor := func(s string) *event.Actor {
		if s == "" {
			return nil
		}
		i := strings.Index(text[start:end], s)
		if i < 0 {
			t.Fatalf("actor %q not in the sentence of %q", s, trigger)
		}
		return &event.Actor{Text: s, Start: start + i, End: start + i + len(s)}
	}
	e.Source, e.Target = actor(source), actor(target)
	return e
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		name                    string
		text                    string
		trigger, source, target string
		sourceCountry           string
		place                   string // the mention, "" for no location
		resolved, country, prec string
		inText                  bool // offsets given, not -1
		lat, lon                float64
	}{
		{
			name:    "locative list after the trigger: the first place",
			text:    "Iran-backed armed groups have carried out about 150 strikes against US forces in Iraq and Syria since October, the Pentagon said.",
			trigger: "carried out", source: "Iran-backed armed groups", target: "US forces", sourceCountry: "IRN",
			place: "Iraq", resolved: "Iraq", country: "IRQ", prec: "country", inText: true, lat: 33, lon: 44,
		},
		{
			name:    "an actor country is not the location",
			text:    "Jordan accused Syria of shelling villages near Irbid on Sunday.",
			trigger: "shelling", source: "Syria", sourceCountry: "SYR",
			place: "Irbid", resolved: "Irbid, Jordan", country: "JOR", prec: "city", inText: true,
		},
		{
			name:    "an actor standing for a government is skipped, the place in its clause is taken",
			text:    "Washington imposed sanctions on Tehran after talks in Geneva collapsed.",
			trigger: "imposed sanctions", source: "Washington", target: "Tehran",
			place: "Geneva", resolved: "Genève, Geneva, Switzerland", country: "CHE", prec: "city", inText: true,
		},
		{
			name:    "a qualifier picks the town: Paris, Texas",
			text:    "Police arrested twelve protesters in Paris, Texas, on Saturday.",
			trigger: "arrested", source: "Police", target: "twelve protesters",
			place: "Paris", resolved: "Paris, Texas, United States", country: "USA", prec: "city", inText: true,
		},
		{
			name: "the countries the article names pick the town: Tripoli in Lebanon",
			text: "Lebanon's army deployed in the north on Friday. " +
				"Gunmen clashed with soldiers in Tripoli overnight, a security source said.",
			trigger: "clashed", source: "Gunmen", target: "soldiers",
			place: "Tripoli", resolved: "Tripoli, North Lebanon, Lebanon", country: "LBN", prec: "city", inText: true,
		},
		{
			name:    "without such countries the more populous town: Tripoli in Libya",
			text:    "Gunmen clashed with soldiers in Tripoli overnight, a security source said.",
			trigger: "clashed", source: "Gunmen", target: "soldiers",
			place: "Tripoli", resolved: "Tripoli, Libya", country: "LBY", prec: "city", inText: true,
		},
		{
			name:    "dateline when the sentence has no place",
			text:    "BAGHDAD, Jan 5 (Reuters) - Militants attacked a police checkpoint, killing three officers.",
			trigger: "attacked", source: "Militants", target: "a police checkpoint",
			place: "BAGHDAD", resolved: "Baghdad, Iraq", country: "IRQ", prec: "city", lat: 33.3406, lon: 44.4009,
		},
		{
			name:    "dateline with a dash",
			text:    "KYIV — Drones struck an energy facility overnight, officials said.",
			trigger: "struck", source: "Drones", target: "an energy facility",
			place: "KYIV", resolved: "Kyiv, Kyiv City, Ukraine", country: "UKR", prec: "city",
		},
		{
			name: "the article's most named place when there is no dateline",
			text: "Protests spread across Kenya this week. Police fired tear gas at students. " +
				"Kenya's opposition called for more marches.",
			trigger: "fired tear gas", source: "Police", target: "students",
			place: "Kenya", resolved: "Kenya", country: "KEN", prec: "country",
		},
		{
			name:    "no place",
			text:    "The minister criticised the decision on Tuesday.",
			trigger: "criticised", source: "The minister",
		},
		{
			name:    "actors alone name no location",
			text:    "Iraq criticised the United States on Tuesday.",
			trigger: "criticised", source: "Iraq", target: "the United States", sourceCountry: "IRQ",
		},
		{
			name:    "a region noun makes the division",
			text:    "Russian forces attacked villages in the Donetsk region on Monday.",
			trigger: "attacked", source: "Russian forces", target: "villages",
			place: "Donetsk region", resolved: "Donetsk, Ukraine", country: "UKR", prec: "admin1", inText: true,
		},
		{
			name:    "a hand-written spelling and the region after a preposition phrase",
			text:    "Israeli troops raided homes in the southern Gaza city of Khan Younis on Tuesday.",
			trigger: "raided", source: "Israeli troops", target: "homes",
			place: "Khan Younis", resolved: "Khān Yūnis, Gaza Strip, Palestine", country: "PSE", prec: "city", inText: true,
		},
		{
			name:    "a site",
			text:    "Rockets targeted Ain al-Asad air base in western Iraq on Saturday.",
			trigger: "targeted", source: "Rockets",
			place: "Iraq", resolved: "Iraq", country: "IRQ", prec: "country", inText: true,
		},
		{
			name:    "a site governed by a preposition",
			text:    "Several rockets landed at Ain al-Asad, the coalition said.",
			trigger: "landed", source: "Several rockets",
			place: "Ain al-Asad", resolved: "Ain al-Asad Air Base, Anbar, Iraq", country: "IRQ", prec: "exact", inText: true,
		},
		{
			name:    "places in another clause are second choice",
			text:    "Protesters marched on Sunday while police in Lagos watched.",
			trigger: "marched", source: "Protesters",
			place: "Lagos", resolved: "Lagos, Nigeria", country: "NGA", prec: "city", inText: true,
		},
		{
			name:    "a longer proper name is no place",
			text:    "The New York Times said the army attacked rebels.",
			trigger: "attacked", source: "the army", target: "rebels",
		},
		{
			name:    "an acronym in capitals is no town",
			text:    "The ICO council met delegates in London.",
			trigger: "met", source: "The ICO council", target: "delegates",
			place: "London", resolved: "London, England, United Kingdom", country: "GBR", prec: "city", inText: true,
		},
		{
			name:    "a continent hides the country inside its name",
			text:    "Investors pulled money from Latin America, a bank said.",
			trigger: "pulled", source: "Investors",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := placeEvent(t, tt.text, tt.trigger, tt.source, tt.target)
			if e.Source != nil {
				e.Source.Country = tt.sourceCountry
			}
			a := &reader.Article{Text: tt.text}
			es := []event.Event{e}
			Places(a, es)
			l := es[0].Location
			if tt.place == "" {
				if l != nil {
					t.Fatalf("Location = %+v, want nil", *l)
				}
				return
			}
			if l == nil {
				t.Fatalf("Location = nil, want %q", tt.place)
			}
			if l.Name != tt.place || l.Resolved != tt.resolved || l.Country != tt.country || l.Precision != tt.prec {
				t.Errorf("Location = %q → %q %s %s, want %q → %q %s %s", l.Name, l.Resolved, l.Country, l.Precision,
					tt.place, tt.resolved, tt.country, tt.prec)
			}
			if tt.inText {
				if l.Start < 0 || l.End > len(tt.text) || tt.text[l.Start:l.End] != l.Name {
					t.Errorf("offsets %d-%d do not hold %q", l.Start, l.End, l.Name)
				}
			} else if l.Start != -1 || l.End != -1 {
				t.Errorf("offsets %d-%d, want -1 for a place from outside the sentence", l.Start, l.End)
			}
			if tt.lat != 0 && (math.Abs(l.Lat-tt.lat) > 0.01 || math.Abs(l.Lon-tt.lon) > 0.01) {
				t.Errorf("coordinates %v,%v, want %v,%v", l.Lat, l.Lon, tt.lat, tt.lon)
			}
			if l.Lat == 0 && l.Lon == 0 {
				t.Errorf("no coordinates")
			}
		})
	}
}

// TestPlacesShareSentence checks that events of one sentence each get the
// place of their own clause, and their own Location value.
func TestPlacesShareSentence(t *testing.T) {
	text := "Rebels shelled positions in Aleppo, and the army struck back near Idlib."
	es := []event.Event{
		placeEvent(t, text, "shelled", "Rebels", "positions"),
		placeEvent(t, text, "struck", "the army", ""),
	}
	Places(&reader.Article{Text: text}, es)
	for i, want := range []string{"Aleppo", "Idlib"} {
		if l := es[i].Location; l == nil || l.Name != want {
			t.Errorf("event %d: Location %+v, want %s", i, l, want)
		}
	}
	if es[0].Location == es[1].Location {
		t.Error("events share one *Location")
	}
}

func TestPlacesNoEvents(t *testing.T) {
	Places(&reader.Article{Text: "Fighting in Mosul."}, nil) // must not panic
}

// TestPlacesBadOffsets feeds events whose evidence does not fit the text:
// Places must not panic and may only use the article's place.
func TestPlacesBadOffsets(t *testing.T) {
	text := "MOSUL, Iraq - Fighting resumed."
	es := []event.Event{
		{Evidence: event.Evidence{Sentence: "nothing like it at all, far too long", SentenceStart: 20, TriggerStart: 500, TriggerEnd: 400}},
		{Evidence: event.Evidence{Sentence: "x", SentenceStart: -5}},
	}
	Places(&reader.Article{Text: text}, es)
	for i := range es {
		if l := es[i].Location; l == nil || l.Name != "MOSUL" || l.Start != -1 {
			t.Errorf("event %d: Location %+v, want the dateline MOSUL", i, l)
		}
	}
}

// TestGazetteerLoads loads every gazetteer table and checks its size and a
// few entries.
func TestGazetteerLoads(t *testing.T) {
	g, err := gazetteerTable()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind placeKind
		min  int
	}{{kindCountry, 240}, {kindAdmin1, 3000}, {kindCity, 20000}, {kindSite, 5}} {
		if g.counts[c.kind] < c.min {
			t.Errorf("%d places of precision %s, want at least %d", g.counts[c.kind], placePrecision[c.kind], c.min)
		}
	}
	for _, c := range []struct {
		code     string
		lat, lon float64
	}{{"IRQ", 33, 44}, {"USA", 38, -97}, {"FRA", 46, 2}} {
		p, ok := g.country[c.code]
		if !ok || math.Abs(g.places[p].lat-c.lat) > 3 || math.Abs(g.places[p].lon-c.lon) > 3 {
			t.Errorf("country %s: %v, want near %v,%v", c.code, ok, c.lat, c.lon)
		}
	}
	if p, ok := g.city[703448]; !ok || g.places[p].name != "Kyiv" || g.places[p].country != "UKR" || !g.places[p].seat {
		t.Errorf("Kyiv (703448) missing or wrong")
	}
	for _, name := range []string{"Kiev", "Ain al-Asad", "Khan Younis", "Gaza", "Mosul", "Aleppo", "Halab", "Donetsk", "Rafah"} {
		var w window
		w.reset(name, 0, len(name))
		if n, end, ok := g.match(&w); !ok || end != len(w.toks) || len(g.names[n].places) == 0 {
			t.Errorf("%q is not a place name", name)
		}
	}
}

// TestGazetteerErrors checks that broken tables are reported with file and
// line.
func TestGazetteerErrors(t *testing.T) {
	countries := ("code\tname\tnames\tlat\tlon\tcentroid\nIRQ\tIraq\t\t33\t44\thand\nIRQ\tIraq\t\t33\t44\thand\nXX\tBad\t\t99\t0\thand\n")
	admin1 := ("country\tadmin1\tname\tnames\tlat\tlon\tplaces\tpopulation\nZZZ\t01\tNowhere\t\t1\t1\t1\t1\n")
	cities := ("geonameid\tname\tnames\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\tcommon\n1\tMosul\t\tIRQ\t15\t36\t43\tmany\tPPLA\t\n")
	sites := ("name\tnames\tcountry\tadmin1\tlat\tlon\tnote\n")
	aliases := ("alias\ttarget\tnote\nKiev\tcity:703448\t\nlower case\tnone\t\n")
	_, err := parseGazetteer(countries, admin1, cities, sites, aliases)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`data/countries.tsv:3: country "IRQ" listed twice`, "data/countries.tsv:4: bad coordinates",
		`data/admin1.tsv:2: bad division "Nowhere"`, `data/cities.tsv:2: bad city "Mosul"`,
		`data/aliases.tsv:2: alias "Kiev": unknown target`, `data/aliases.tsv:3: alias "lower case" does not start`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// FuzzPlaces checks on any text that Places does not panic and that every
// location it sets lies in the text or is marked as coming from outside.
func FuzzPlaces(f *testing.F) {
	f.Add("BAGHDAD, Jan 5 (Reuters) - Militants attacked a checkpoint in Mosul.", 30, 38)
	f.Add("Strikes against US forces in Iraq and Syria continued.", 0, 7)
	f.Add("al-Tanf, Deir ez-Zor - Paris, Texas. NEW YORK Times", 5, 9)
	f.Add("É\xffKyiv—Kiev-", 1, 3)
	f.Fuzz(func(t *testing.T, text string, ts, te int) {
		e := event.Event{Evidence: event.Evidence{Sentence: text, TriggerStart: ts, TriggerEnd: te}}
		es := []event.Event{e}
		Places(&reader.Article{Text: text}, es)
		l := es[0].Location
		if l == nil {
			return
		}
		if l.Start == -1 && l.End == -1 {
			return
		}
		if l.Start < 0 || l.End > len(text) || l.Start > l.End || text[l.Start:l.End] != l.Name {
			t.Errorf("Location %q at %d-%d is not in the text", l.Name, l.Start, l.End)
		}
	})
}

func TestPlacesList(t *testing.T) {
	s := "Militias fired rockets at US bases in Iraq, Syria and Jordan on Monday."
	a := &reader.Article{ID: "l", Date: "2024-01-24", Text: s}
	es, _ := coder.New(nil).Code(a, nil)
	if len(es) == 0 {
		t.Fatal("no events")
	}
	Places(a, es)
	e := es[0]
	var got []string
	for _, l := range e.Locations {
		got = append(got, l.Country)
	}
	if e.Location == nil || e.Location.Country != "IRQ" || strings.Join(got, " ") != "IRQ SYR JOR" {
		t.Errorf("location %+v, locations %v; want Iraq, then Iraq Syria Jordan", e.Location, got)
	}
}
