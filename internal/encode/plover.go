package encode

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// PLOVEROptions configures a PLOVER encoder. The zero value is the default.
type PLOVEROptions struct {
	// CodedDate is written as coded_date in every record (YYYY-MM-DD, not
	// checked). Empty, the default, omits the field, so that output depends
	// only on the input; a command that wants today's date passes it in.
	CodedDate string
}

// PLOVER writes events as PLOVER JSON records, one a line, with the
// fields of the PLOVER data model: id, date, actor, recipient, event,
// event_text, quad_code, mode, text, text_info, cite_info, coder,
// coded_date and comment.
//
// PLOVER has no category for plain statements (CAMEO root 01) and drops
// some others, so an event whose PLOVER event type is empty is skipped:
// Encode writes nothing, returns nil and counts it in Skipped. An event
// with a type that is not one of PLOVER's 16 is an error instead.
//
// Mapping choices:
//   - actor and recipient hold one entity each; recipient is omitted when
//     the event has no target. actor is always present, empty when the
//     event has no source, because PLOVER requires it.
//   - An entity's code is the actor's country, else the first three
//     letters of its code (IGO, NGO, IMG, ...); its sector is the first
//     sector that is not such a top-level code, in PLOVER's spelling
//     (CAMEO MED, media, is PLOVER JRN; CAMEO HLH, health, is PLOVER MED).
//   - quad_code follows from the event type (1 verbal cooperation,
//     2 material cooperation, 3 verbal conflict, 4 material conflict).
//   - text_info.start and end are the byte offsets of the evidence span in
//     the article; sequence is the sentence index.
//   - event_loc is the event's Location, omitted when it has none:
//     extracted_place as written, resolved_place the gazetteer's full name,
//     geonameid (towns and sites), lat, lon, country_code (CAMEO/ISO 3166
//     alpha-3) and resolution, PLOVER's 5 (sub-city: a site), 4 (city),
//     2 (province: a first-level division) or 1 (country); sitrep has no
//     district level (3).
//   - comment records the CAMEO code, the modality when the text does not
//     assert the event, and the dictionary rule. PLOVER has no negation
//     field, so negated, future and hypothetical events are written, and
//     the comment says which they are; filtering them is the caller's choice.
type PLOVER struct {
	stream
	enc     *json.Encoder
	opts    PLOVEROptions
	skipped int
}

// NewPLOVER returns a PLOVER encoder writing to w through a buffer that
// Close flushes. The caller keeps ownership of w.
func NewPLOVER(w io.Writer, opts PLOVEROptions) *PLOVER {
	p := &PLOVER{stream: newStream("plover", w), opts: opts}
	p.enc = json.NewEncoder(p.bw)
	p.enc.SetEscapeHTML(false)
	return p
}

// Encode writes e as one PLOVER record, or skips it when e has no PLOVER
// event type.
func (p *PLOVER) Encode(e *event.Event) error {
	if err := p.check(e); err != nil {
		return err
	}
	if e.PLOVER.Event == "" {
		p.skipped++
		return nil
	}
	rec, err := ploverRecord(e, p.opts)
	if err != nil {
		return fmt.Errorf("plover: event %q: %w", e.ID, err)
	}
	if err := p.enc.Encode(&rec); err != nil {
		return fmt.Errorf("plover: event %q: %w", e.ID, err)
	}
	return nil
}

// Skipped returns how many events Encode skipped because they had no
// PLOVER event type.
func (p *PLOVER) Skipped() int { return p.skipped }

// Close flushes buffered output. It writes no trailer.
func (p *PLOVER) Close() error { return p.close() }

// ploverQuad is the quad code of each of PLOVER's 16 event types.
var ploverQuad = map[string]int{
	"AGREE":     1,
	"CONSULT":   1,
	"SUPPORT":   1,
	"CONCEDE":   1,
	"COOPERATE": 2,
	"AID":       2,
	"RETREAT":   2,
	"REQUEST":   3,
	"ACCUSE":    3,
	"REJECT":    3,
	"THREATEN":  3,
	"PROTEST":   4,
	"SANCTION":  4,
	"MOBILIZE":  4,
	"COERCE":    4,
	"ASSAULT":   4,
}

// ploverTopCodes are PLOVER's entity codes for actors that are not states;
// as the first letters of a CAMEO actor code they stand where the country
// would, so they are an entity's code and never its sector.
var ploverTopCodes = map[string]bool{
	"IGO": true, "UNO": true, "EUR": true, "NGO": true, "ISM": true, "IMG": true, "MNC": true,
}

// ploverSector maps the CAMEO sector codes that PLOVER spells differently.
var ploverSector = map[string]string{
	"MED": "JRN", // CAMEO media
	"HLH": "MED", // CAMEO health
}

// ploverOut is one PLOVER record. Field order is PLOVER's.
type ploverOut struct {
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	Actor     []ploverEntity `json:"actor"`
	Recipient []ploverEntity `json:"recipient,omitempty"`
	Event     []string       `json:"event"`
	EventLoc  *ploverLoc     `json:"event_loc,omitempty"`
	EventText []string       `json:"event_text,omitempty"`
	QuadCode  int            `json:"quad_code"`
	Mode      []string       `json:"mode,omitempty"`
	Text      string         `json:"text,omitempty"`
	TextInfo  ploverTextInfo `json:"text_info"`
	CiteInfo  *ploverCite    `json:"cite_info,omitempty"`
	Coder     string         `json:"coder"`
	CodedDate string         `json:"coded_date,omitempty"`
	Comment   string         `json:"comment,omitempty"`
}

type ploverEntity struct {
	Code       string `json:"code"`
	Sector     string `json:"sector,omitempty"`
	EntityText string `json:"entity_text"`
}

// ploverLoc is PLOVER's location object.
type ploverLoc struct {
	ExtractedPlace string  `json:"extracted_place"`
	ResolvedPlace  string  `json:"resolved_place,omitempty"`
	GeoNameID      int     `json:"geonameid,omitempty"`
	Lat            float64 `json:"lat"`
	Lon            float64 `json:"lon"`
	CountryCode    string  `json:"country_code,omitempty"`
	Resolution     int     `json:"resolution"`
}

// ploverResolution is PLOVER's resolution of each Location precision.
var ploverResolution = map[string]int{"exact": 5, "city": 4, "admin1": 2, "country": 1}

func ploverLocOf(l *event.Location) *ploverLoc {
	if l == nil {
		return nil
	}
	return &ploverLoc{
		ExtractedPlace: l.Name, ResolvedPlace: l.Resolved, GeoNameID: l.GeoNameID,
		Lat: l.Lat, Lon: l.Lon, CountryCode: l.Country, Resolution: ploverResolution[l.Precision],
	}
}

type ploverTextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

type ploverCite struct {
	URL         string `json:"url,omitempty"`
	Publication string `json:"publication,omitempty"`
}

// ploverRecord maps e, which has a PLOVER event type, to its record.
func ploverRecord(e *event.Event, opts PLOVEROptions) (ploverOut, error) {
	quad, ok := ploverQuad[e.PLOVER.Event]
	if !ok {
		return ploverOut{}, fmt.Errorf("unknown PLOVER event type %q", e.PLOVER.Event)
	}
	rec := ploverOut{
		ID:        e.ID,
		Date:      eventDay(e),
		Actor:     []ploverEntity{},
		Event:     []string{e.PLOVER.Event},
		EventLoc:  ploverLocOf(e.Location),
		QuadCode:  quad,
		Text:      e.Evidence.Sentence,
		TextInfo:  ploverTextInfo{Sequence: e.Evidence.SentenceIndex, Start: e.Evidence.Start, End: e.Evidence.End},
		Coder:     "sitrep",
		CodedDate: opts.CodedDate,
		Comment:   ploverComment(e),
	}
	if e.Source != nil {
		rec.Actor = append(rec.Actor, ploverEntityOf(e.Source))
	}
	if e.Target != nil {
		rec.Recipient = []ploverEntity{ploverEntityOf(e.Target)}
	}
	if e.Evidence.Trigger != "" {
		rec.EventText = []string{e.Evidence.Trigger}
	}
	if e.PLOVER.Mode != "" {
		rec.Mode = []string{e.PLOVER.Mode}
	}
	if e.URL != "" || e.Publisher != "" {
		rec.CiteInfo = &ploverCite{URL: e.URL, Publication: e.Publisher}
	}
	return rec, nil
}

func ploverEntityOf(a *event.Actor) ploverEntity {
	ent := ploverEntity{Code: a.Country, EntityText: a.Text}
	if ent.Code == "" && len(a.Code) >= 3 {
		ent.Code = a.Code[:3]
	}
	for _, s := range a.Sectors {
		if ploverTopCodes[s] {
			continue
		}
		if p, ok := ploverSector[s]; ok {
			s = p
		}
		ent.Sector = s
		break
	}
	return ent
}

func ploverComment(e *event.Event) string {
	var parts []string
	if e.CAMEO.Code != "" {
		parts = append(parts, "cameo "+e.CAMEO.Code)
	}
	if e.Modality != "" && e.Modality != event.Asserted {
		parts = append(parts, "modality "+e.Modality)
	}
	if e.Evidence.Rule != "" {
		parts = append(parts, "rule "+e.Evidence.Rule)
	}
	return strings.Join(parts, "; ")
}
