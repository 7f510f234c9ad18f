package encode

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/ontology"
)

// GDELT writes events as GDELT 2.0 Events export rows: 61 tab-separated
// columns, no header, one row a line, so that tools built for GDELT's
// 15-minute export files read sitrep output unchanged.
//
// Columns sitrep has no value for are filled as GDELT fills them when it
// knows nothing: NumMentions, NumSources and NumArticles are 1 (one
// mention in one article), AvgTone is 0, the two actor geography blocks
// are blank except their Type, which is 0, and so is the action geography
// block of an event without a Location. KnownGroupCode, EthnicCode and the
// religion codes are blank: the event schema does not carry them, and
// guessing them from the actor code is not reliable.
//
// Derived columns:
//   - GLOBALEVENTID is the first 15 hex digits of e.ID read as an integer,
//     so it is positive, fits an int64 and is stable across runs.
//   - SQLDATE, MonthYear, Year and FractionDate come from e.Date, or
//     e.PubDate when e.Date is empty or not a YYYY-MM-DD date.
//     FractionDate is year + day-of-year/365 with four decimals, the
//     fraction capped at .9999.
//   - Actor names are the dictionary Name, else the mention Text, upper-cased.
//   - IsRootEvent is 1 when the evidence sentence is one of the first
//     three of the article (the headline and a wire-style lead), GDELT's
//     "lead paragraph".
//   - DATEADDED is the publication date (else the event date) at 000000,
//     not the wall clock, so that coding an article twice gives the same
//     bytes.
//   - The ActionGeo block comes from e.Location: Type 1 for a country, 2
//     for a US state, 3 for a US town or site, 4 for a town or site
//     elsewhere, 5 for another first-level division; FullName is the
//     gazetteer's "Town, Division, Country"; CountryCode the FIPS 10-4
//     code of the country (GZ or WE for the Gaza Strip or West Bank, blank
//     for Palestine as a whole, which FIPS lacks); ADM1Code the FIPS
//     country code followed by the division code (GeoNames' code: FIPS
//     10-4 for most countries, the postal code for US states), or the
//     country code alone for a country; ADM2Code blank; FeatureID the
//     GeoNames id of a town, else the ADM1Code.
//
// Tabs, newlines and other control characters inside values become spaces;
// invalid UTF-8 becomes U+FFFD.
type GDELT struct {
	stream
	buf []byte
}

// NewGDELT returns a GDELT encoder writing to w through a buffer that
// Close flushes. The caller keeps ownership of w.
func NewGDELT(w io.Writer) *GDELT {
	return &GDELT{stream: newStream("gdelt", w)}
}

// Encode writes e as one row. An event whose ID has fewer than 15 leading
// hex digits, or that has no YYYY-MM-DD date or publication date, is an
// error and nothing is written.
func (g *GDELT) Encode(e *event.Event) error {
	if err := g.check(e); err != nil {
		return err
	}
	row, err := gdeltRow(e)
	if err != nil {
		return fmt.Errorf("gdelt: event %q: %w", e.ID, err)
	}
	g.buf = appendGDELTRow(g.buf[:0], &row)
	if _, err := g.bw.Write(g.buf); err != nil {
		return fmt.Errorf("gdelt: %w", err)
	}
	return nil
}

// Close flushes buffered output. GDELT files have no trailer.
func (g *GDELT) Close() error { return g.close() }

// The GDELT 2.0 Events export columns, in file order, as the GDELT Event
// Codebook V2.0 lists them.
const (
	colGlobalEventID = iota
	colSQLDate
	colMonthYear
	colYear
	colFractionDate
	colActor1Code
	colActor1Name
	colActor1CountryCode
	colActor1KnownGroupCode
	colActor1EthnicCode
	colActor1Religion1Code
	colActor1Religion2Code
	colActor1Type1Code
	colActor1Type2Code
	colActor1Type3Code
	colActor2Code
	colActor2Name
	colActor2CountryCode
	colActor2KnownGroupCode
	colActor2EthnicCode
	colActor2Religion1Code
	colActor2Religion2Code
	colActor2Type1Code
	colActor2Type2Code
	colActor2Type3Code
	colIsRootEvent
	colEventCode
	colEventBaseCode
	colEventRootCode
	colQuadClass
	colGoldsteinScale
	colNumMentions
	colNumSources
	colNumArticles
	colAvgTone
	colActor1GeoType
	colActor1GeoFullName
	colActor1GeoCountryCode
	colActor1GeoADM1Code
	colActor1GeoADM2Code
	colActor1GeoLat
	colActor1GeoLong
	colActor1GeoFeatureID
	colActor2GeoType
	colActor2GeoFullName
	colActor2GeoCountryCode
	colActor2GeoADM1Code
	colActor2GeoADM2Code
	colActor2GeoLat
	colActor2GeoLong
	colActor2GeoFeatureID
	colActionGeoType
	colActionGeoFullName
	colActionGeoCountryCode
	colActionGeoADM1Code
	colActionGeoADM2Code
	colActionGeoLat
	colActionGeoLong
	colActionGeoFeatureID
	colDateAdded
	colSourceURL

	gdeltColumns // 61
)

// rootSentences is how many leading sentences count as GDELT's "lead
// paragraph" for IsRootEvent: the headline plus a one- or two-sentence
// wire lead.
const rootSentences = 3

// gdeltRow maps e to the 61 column values, before cleaning. It is pure:
// no I/O, no clock.
func gdeltRow(e *event.Event) ([gdeltColumns]string, error) {
	var row [gdeltColumns]string

	id, err := globalEventID(e.ID)
	if err != nil {
		return row, err
	}
	day, ok := parseDay(e.Date)
	if !ok {
		day, ok = parseDay(e.PubDate)
	}
	if !ok {
		return row, fmt.Errorf("no YYYY-MM-DD date: date %q, pub_date %q", e.Date, e.PubDate)
	}
	added, ok := parseDay(e.PubDate)
	if !ok {
		added = day
	}

	row[colGlobalEventID] = strconv.FormatInt(id, 10)
	row[colSQLDate] = day.Format("20060102")
	row[colMonthYear] = day.Format("200601")
	row[colYear] = strconv.Itoa(day.Year())
	row[colFractionDate] = fractionDate(day)

	gdeltActor(row[colActor1Code:colActor1Type3Code+1], e.Source)
	gdeltActor(row[colActor2Code:colActor2Type3Code+1], e.Target)

	if e.Evidence.SentenceIndex < rootSentences {
		row[colIsRootEvent] = "1"
	} else {
		row[colIsRootEvent] = "0"
	}
	row[colEventCode] = e.CAMEO.Code
	row[colEventBaseCode] = e.CAMEO.Base
	row[colEventRootCode] = e.CAMEO.Root
	row[colQuadClass] = strconv.Itoa(e.QuadClass)
	row[colGoldsteinScale] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
	row[colNumMentions] = "1"
	row[colNumSources] = "1"
	row[colNumArticles] = "1"
	row[colAvgTone] = "0"
	// Actor locations are not coded: GDELT writes Type 0 and leaves the
	// rest of a geography block blank when it found no place.
	row[colActor1GeoType] = "0"
	row[colActor2GeoType] = "0"
	gdeltGeo(row[colActionGeoType:colActionGeoFeatureID+1], e.Location)
	row[colDateAdded] = added.Format("20060102") + "000000"
	row[colSourceURL] = e.URL
	return row, nil
}

// gdeltActor fills the ten actor columns (Code through Type3Code) of one
// actor, given the row from its Code column on; Actor2's block has the same
// layout as Actor1's. A nil actor leaves them blank, as GDELT does.
func gdeltActor(cols []string, a *event.Actor) {
	if a == nil {
		return
	}
	const base = colActor1Code
	cols[colActor1Code-base] = a.Code
	n := a.Name
	if n == "" {
		n = a.Text
	}
	cols[colActor1Name-base] = strings.ToUpper(n)
	cols[colActor1CountryCode-base] = a.Country
	// KnownGroupCode, EthnicCode and the religion codes stay blank.
	for i, s := range a.Sectors {
		if i == 3 {
			break
		}
		cols[colActor1Type1Code-base+i] = s
	}
}

// gdeltGeo fills the eight columns of a geography block (Type through
// FeatureID) from l; Actor1's, Actor2's and the action's blocks have the
// same layout. A nil l writes Type 0 and blanks, as GDELT does.
func gdeltGeo(cols []string, l *event.Location) {
	const base = colActionGeoType
	if l == nil {
		cols[colActionGeoType-base] = "0"
		return
	}
	fips := fipsCode(l.Country, l.Admin1)
	us := l.Country == "USA"
	typ, adm1 := "4", fips
	switch l.Precision {
	case "country":
		typ = "1"
	case "admin1":
		typ = "5"
		if us {
			typ = "2"
		}
	default: // city, exact
		if us {
			typ = "3"
		}
	}
	if l.Precision != "country" && fips != "" && l.Admin1 != "" {
		adm1 = fips + l.Admin1
	}
	name := l.Resolved
	if name == "" {
		name = l.Name
	}
	cols[colActionGeoType-base] = typ
	cols[colActionGeoFullName-base] = name
	cols[colActionGeoCountryCode-base] = fips
	cols[colActionGeoADM1Code-base] = adm1
	cols[colActionGeoLat-base] = strconv.FormatFloat(l.Lat, 'f', -1, 64)
	cols[colActionGeoLong-base] = strconv.FormatFloat(l.Lon, 'f', -1, 64)
	switch {
	case l.GeoNameID > 0:
		cols[colActionGeoFeatureID-base] = strconv.Itoa(l.GeoNameID)
	case adm1 != "":
		cols[colActionGeoFeatureID-base] = adm1
	default:
		cols[colActionGeoFeatureID-base] = l.Country
	}
}

// fipsExtra holds the FIPS 10-4 codes of countries that ontology's GDELT
// CAMEO country list lacks but sitrep's country dictionary has.
var fipsExtra = map[string]string{
	"COL": "CO", "HKG": "HK", "SSD": "OD", "XKX": "KV", "GGY": "GK", "JEY": "JE", "CUW": "UC", "SXM": "NN",
	"BLM": "TB", "MAF": "RN", "CCK": "CK", "CXR": "KT", "ATF": "FS", "SGS": "SX", "ATA": "AY", "BVT": "BV",
	"IOT": "IO", "HMD": "HM",
}

// fipsCode returns the FIPS 10-4 code GDELT uses for a CAMEO country code,
// "" when there is none. Palestine has none as a whole; its divisions
// (GeoNames codes GZ and WE) are FIPS's Gaza Strip and West Bank.
func fipsCode(country, admin1 string) string {
	if country == "PSE" {
		if admin1 == "GZ" || admin1 == "WE" {
			return admin1
		}
		return ""
	}
	if c, ok := ontology.Country(country); ok && c.FIPS != "" {
		return c.FIPS
	}
	return fipsExtra[country]
}

// fractionDate is GDELT's YYYY.FFFF: the year plus day-of-year/365, with
// four decimals. The fraction is capped at .9999, the codebook's range, so
// that the last days of a leap year do not read as the next year.
func fractionDate(day time.Time) string {
	f := float64(day.YearDay()) / 365
	f = min(f, 0.9999)
	return strconv.FormatFloat(float64(day.Year())+f, 'f', 4, 64)
}

// globalEventID reads the first 15 hex digits of id (60 bits) as a
// positive int64.
func globalEventID(id string) (int64, error) {
	if len(id) < 15 {
		return 0, fmt.Errorf("id %q: want at least 15 hex digits", id)
	}
	n, err := strconv.ParseUint(id[:15], 16, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("id %q: want at least 15 hex digits, not all zero", id)
	}
	return int64(n), nil
}

// parseDay reads a YYYY-MM-DD date, ignoring anything after it (a time of
// day in an RFC 3339 publication timestamp).
func parseDay(s string) (time.Time, bool) {
	if len(s) < len("2006-01-02") {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s[:len("2006-01-02")])
	return t, err == nil
}

// appendGDELTRow appends the row to buf, cleaned, tab-separated and
// newline-terminated.
func appendGDELTRow(buf []byte, row *[gdeltColumns]string) []byte {
	for i, v := range row {
		if i > 0 {
			buf = append(buf, '\t')
		}
		buf = appendClean(buf, v)
	}
	return append(buf, '\n')
}

// appendClean appends s with every control character (tab, newline,
// carriage return, ...) and Unicode line or paragraph separator replaced
// by a space, and invalid UTF-8 replaced by U+FFFD, so a value can never
// split a column or a row.
func appendClean(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				c = ' '
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x80 && r < 0xa0, r == '\u2028', r == '\u2029':
			buf = append(buf, ' ')
		default: // includes utf8.RuneError for invalid bytes
			buf = utf8.AppendRune(buf, r)
		}
		i += size
	}
	return buf
}
