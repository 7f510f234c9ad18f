package encode

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
)

// acledColumns are the columns of ACLED's current export, in its order.
var acledColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
}

// ACLED writes events as rows of ACLED's CSV export, with a header line,
// so that tools built for ACLED data read them. ACLED records what
// happened, so only events with an ACLED event type that the text asserts
// (event.Event.IsFact) are written; the others are skipped and counted in
// Skipped.
//
// Mapping (columns not listed stay empty: assoc_actor_1 and 2, iso,
// region, admin2, admin3, source_scale, tags):
//   - event_id_cnty is the location's country code followed by the
//     number GDELT's GLOBALEVENTID gives the event ID ("IRQ" when the
//     event has no location: "XXX"), stable across runs.
//   - event_date and year come from the event date, else the publication
//     date; time_precision is 1 for a day, 3 for a month or year, 2 when
//     the date fell back to the publication date or is approximate.
//   - disorder_type follows from the event type: Protests and violent
//     demonstrations are Demonstrations, Strategic developments themselves,
//     the rest Political violence.
//   - actor1 and actor2 are the actors' dictionary names, else the text;
//     inter1 and inter2 come from the actor's sectors (GOV, MIL, COP... State
//     forces; REB, INS... Rebel group; CVL... Civilians; IGO, NGO...
//     External/Other forces; Protesters for the source of a protest), and
//     interaction joins them with "-". civilian_targeting is set when the
//     target is civilian in political violence.
//   - country is the name of the location's country; admin1, location
//     (resolved name), latitude and longitude come from the location;
//     geo_precision is 1 for a town or site, 2 for a first-level division,
//     3 for a country.
//   - source is the publisher; notes the evidence sentence; fatalities the
//     sum of the "killed" counts, 0 when none; timestamp the publication
//     date at midnight UTC as Unix time.
type ACLED struct {
	stream
	w       *csv.Writer
	header  bool
	skipped int
	row     []string
}

// NewACLED returns an ACLED encoder writing to w through a buffer that
// Close flushes. The caller keeps ownership of w.
func NewACLED(w io.Writer) *ACLED {
	a := &ACLED{stream: newStream("acled", w)}
	a.w = csv.NewWriter(a.bw)
	return a
}

// Skipped returns how many events had no ACLED type and were not written.
func (a *ACLED) Skipped() int { return a.skipped }

// Encode writes e as one row, or skips it when it has no ACLED event type
// or is not a fact.
// An event without a YYYY-MM-DD date or publication date, or whose ID has
// fewer than 15 leading hex digits, is an error and nothing is written.
func (a *ACLED) Encode(e *event.Event) error {
	if err := a.check(e); err != nil {
		return err
	}
	if e.ACLED == nil || e.ACLED.EventType == "" || !e.IsFact() {
		a.skipped++
		return nil
	}
	row, err := acledRow(a.row[:0], e)
	if err != nil {
		return fmt.Errorf("acled: event %q: %w", e.ID, err)
	}
	a.row = row
	if !a.header {
		a.header = true
		if err := a.w.Write(acledColumns); err != nil {
			return fmt.Errorf("acled: %w", err)
		}
	}
	if err := a.w.Write(row); err != nil {
		return fmt.Errorf("acled: %w", err)
	}
	return nil
}

// Close writes the header if no event came, and flushes.
func (a *ACLED) Close() error {
	if !a.closed && !a.header {
		a.header = true
		a.w.Write(acledColumns)
	}
	a.w.Flush()
	if err := a.w.Error(); err != nil && !a.closed {
		a.closed = true
		return fmt.Errorf("acled: %w", err)
	}
	return a.close()
}

func acledRow(row []string, e *event.Event) ([]string, error) {
	id, err := globalEventID(e.ID)
	if err != nil {
		return nil, err
	}
	day, ok := parseDay(e.Date)
	precision := "1"
	switch {
	case !ok:
		day, ok = parseDay(e.PubDate)
		precision = "2"
	case e.DateType == "publication":
		precision = "2"
	case e.DatePrecision == "month" || e.DatePrecision == "year":
		precision = "3"
	}
	if !ok {
		return nil, fmt.Errorf("no YYYY-MM-DD date: date %q, pub_date %q", e.Date, e.PubDate)
	}
	timestamp := ""
	if pub, ok := parseDay(e.PubDate); ok {
		timestamp = strconv.FormatInt(pub.Unix(), 10)
	}
	disorder := "Political violence"
	switch {
	case e.ACLED.EventType == "Protests" || e.ACLED.SubEventType == "Violent demonstration":
		disorder = "Demonstrations"
	case e.ACLED.EventType == "Strategic developments":
		disorder = "Strategic developments"
	}
	protest := e.ACLED.EventType == "Protests" || e.ACLED.EventType == "Riots"
	inter1, inter2 := acledInter(e.Source, protest), acledInter(e.Target, false)
	interaction := ""
	if inter1 != "" && inter2 != "" {
		interaction = inter1 + "-" + inter2
	} else if inter1 != "" {
		interaction = inter1 + " only"
	}
	civilian := ""
	if disorder == "Political violence" && inter2 == "Civilians" {
		civilian = "Civilian targeting"
	}
	cc, country, admin1, place, lat, lon, geo := "XXX", "", "", "", "", "", ""
	if l := e.Location; l != nil {
		if l.Country != "" {
			cc = l.Country
			if c, ok := ontology.Country(l.Country); ok {
				country = c.Name
			}
		}
		admin1 = l.Admin1
		place = l.Resolved
		if place == "" {
			place = l.Name
		}
		lat, lon = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
		switch l.Precision {
		case "city", "exact":
			geo = "1"
		case "admin1":
			geo = "2"
		case "country":
			geo = "3"
		}
	}
	fatalities, _ := killedCount(e)
	row = append(row,
		cc+strconv.FormatInt(id, 10), day.Format(time.DateOnly), strconv.Itoa(day.Year()), precision, disorder,
		e.ACLED.EventType, e.ACLED.SubEventType,
		acledActor(e.Source), "", inter1, acledActor(e.Target), "", inter2, interaction, civilian,
		"", "", country, admin1, "", "", place, lat, lon, geo,
		e.Publisher, "", cleanField(e.Evidence.Sentence), strconv.Itoa(fatalities), "", timestamp,
	)
	return row, nil
}

func acledActor(a *event.Actor) string {
	if a == nil {
		return ""
	}
	if a.Name != "" {
		return a.Name
	}
	return cleanField(a.Text)
}

// acledInter is ACLED's actor type for a, from its sectors.
func acledInter(a *event.Actor, protester bool) string {
	if a == nil {
		return ""
	}
	if protester {
		return "Protesters"
	}
	codes := append([]string{}, a.Sectors...)
	if len(a.Code) >= 3 {
		codes = append(codes, a.Code[:3])
	}
	for _, s := range codes {
		switch s {
		case "GOV", "MIL", "COP", "SPY", "JUD", "LEG":
			return "State forces"
		case "REB", "INS", "SEP":
			return "Rebel group"
		case "UAF":
			return "Political militia"
		case "CVL", "REF", "EDU", "MED", "HLH", "LAB", "BUS", "REL", "AGR":
			return "Civilians"
		case "IGO", "NGO", "IMG", "UNO":
			return "External/Other forces"
		}
	}
	return ""
}

// cleanField turns line breaks into spaces, for tools that read CSV a line
// at a time.
func cleanField(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
