package store

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
)

// appendEventJSON appends e as a JSON object with the field names of its
// JSON form, which json.Unmarshal reads back into an equal Event. It is the
// store's bulk path: several times faster than encoding/json, as it knows
// the type. Nested parts follow their omitempty tags, so the JSON columns
// DuckDB cuts out of it hold what json.Marshal would write. The date and
// pub_date are written only when they are YYYY-MM-DD dates, as DuckDB
// would read other forms differently than the rest of sitrep. NaN and
// infinite numbers are written as 0.
func appendEventJSON(b []byte, e *event.Event) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, e.ID)
	b = append(b, `,"article_id":`...)
	b = appendString(b, e.ArticleID)
	b = append(b, `,"date":`...)
	b = appendString(b, validDate(e.Date))
	b = append(b, `,"date_precision":`...)
	b = appendString(b, e.DatePrecision)
	b = append(b, `,"date_type":`...)
	b = appendString(b, e.DateType)
	b = append(b, `,"pub_date":`...)
	b = appendString(b, validDate(e.PubDate))
	b = append(b, `,"url":`...)
	b = appendString(b, e.URL)
	b = append(b, `,"publisher":`...)
	b = appendString(b, e.Publisher)
	b = append(b, `,"source":`...)
	b = appendActor(b, e.Source)
	b = append(b, `,"target":`...)
	b = appendActor(b, e.Target)
	b = append(b, `,"cameo":{"code":`...)
	b = appendString(b, e.CAMEO.Code)
	b = append(b, `,"base":`...)
	b = appendString(b, e.CAMEO.Base)
	b = append(b, `,"root":`...)
	b = appendString(b, e.CAMEO.Root)
	b = append(b, `,"name":`...)
	b = appendString(b, e.CAMEO.Name)
	b = append(b, `},"goldstein":`...)
	b = appendFloat(b, e.Goldstein)
	b = append(b, `,"quad_class":`...)
	b = strconv.AppendInt(b, int64(e.QuadClass), 10)
	b = append(b, `,"plover":{"event":`...)
	b = appendString(b, e.PLOVER.Event)
	if e.PLOVER.Mode != "" {
		b = append(b, `,"mode":`...)
		b = appendString(b, e.PLOVER.Mode)
	}
	b = append(b, '}')
	if e.ACLED != nil {
		b = append(b, `,"acled":{"event_type":`...)
		b = appendString(b, e.ACLED.EventType)
		if e.ACLED.SubEventType != "" {
			b = append(b, `,"sub_event_type":`...)
			b = appendString(b, e.ACLED.SubEventType)
		}
		b = append(b, '}')
	}
	b = append(b, `,"modality":`...)
	b = appendString(b, e.Modality)
	if e.ModalityCue != "" {
		b = append(b, `,"modality_cue":`...)
		b = appendString(b, e.ModalityCue)
	}
	if e.Location != nil {
		b = append(b, `,"location":`...)
		b = appendLocation(b, e.Location)
	}
	if len(e.Locations) > 0 {
		b = append(b, `,"locations":[`...)
		for i := range e.Locations {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendLocation(b, &e.Locations[i])
		}
		b = append(b, ']')
	}
	if a := e.Attribution; a != nil {
		b = append(b, `,"attribution":{"text":`...)
		b = appendString(b, a.Text)
		b = appendOptString(b, `,"source":`, a.Source)
		b = appendOptString(b, `,"code":`, a.Code)
		b = append(b, `,"anonymous":`...)
		b = strconv.AppendBool(b, a.Anonymous)
		if a.Number != 0 {
			b = append(b, `,"number":`...)
			b = strconv.AppendInt(b, int64(a.Number), 10)
		}
		b = appendOptString(b, `,"sector":`, a.Sector)
		b = appendOptString(b, `,"via":`, a.Via)
		b = appendSpan(b, a.Start, a.End)
		b = append(b, '}')
	}
	if len(e.Counts) > 0 {
		b = append(b, `,"counts":[`...)
		for i := range e.Counts {
			c := &e.Counts[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"kind":`...)
			b = appendString(b, c.Kind)
			b = append(b, `,"number":`...)
			b = strconv.AppendInt(b, int64(c.Number), 10)
			if c.Approximate {
				b = append(b, `,"approximate":true`...)
			}
			b = appendOptString(b, `,"object":`, c.Object)
			b = append(b, `,"text":`...)
			b = appendString(b, c.Text)
			b = appendSpan(b, c.Start, c.End)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	ev := &e.Evidence
	b = append(b, `,"evidence":{"sentence":`...)
	b = appendString(b, ev.Sentence)
	b = append(b, `,"sentence_index":`...)
	b = strconv.AppendInt(b, int64(ev.SentenceIndex), 10)
	b = append(b, `,"sentence_start":`...)
	b = strconv.AppendInt(b, int64(ev.SentenceStart), 10)
	b = appendSpan(b, ev.Start, ev.End)
	b = append(b, `,"trigger":`...)
	b = appendString(b, ev.Trigger)
	b = append(b, `,"trigger_start":`...)
	b = strconv.AppendInt(b, int64(ev.TriggerStart), 10)
	b = append(b, `,"trigger_end":`...)
	b = strconv.AppendInt(b, int64(ev.TriggerEnd), 10)
	b = append(b, `,"rule":`...)
	b = appendString(b, ev.Rule)
	b = append(b, `},"confidence":`...)
	b = appendFloat(b, e.Confidence)
	return append(b, '}')
}

func validDate(s string) string {
	if parseDay(s) == noDay {
		return ""
	}
	return s
}

func appendActor(b []byte, a *event.Actor) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"text":`...)
	b = appendString(b, a.Text)
	b = append(b, `,"code":`...)
	b = appendString(b, a.Code)
	b = appendOptString(b, `,"country":`, a.Country)
	if len(a.Sectors) > 0 {
		b = append(b, `,"sectors":[`...)
		for i, s := range a.Sectors {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	b = appendOptString(b, `,"name":`, a.Name)
	b = appendOptString(b, `,"sponsor":`, a.Sponsor)
	b = appendSpan(b, a.Start, a.End)
	return append(b, '}')
}

func appendLocation(b []byte, l *event.Location) []byte {
	b = append(b, `{"name":`...)
	b = appendString(b, l.Name)
	b = appendOptString(b, `,"resolved":`, l.Resolved)
	b = appendOptString(b, `,"country":`, l.Country)
	b = appendOptString(b, `,"admin1":`, l.Admin1)
	b = append(b, `,"lat":`...)
	b = appendFloat(b, l.Lat)
	b = append(b, `,"lon":`...)
	b = appendFloat(b, l.Lon)
	b = append(b, `,"precision":`...)
	b = appendString(b, l.Precision)
	if l.GeoNameID != 0 {
		b = append(b, `,"geonameid":`...)
		b = strconv.AppendInt(b, int64(l.GeoNameID), 10)
	}
	b = appendSpan(b, l.Start, l.End)
	return append(b, '}')
}

func appendSpan(b []byte, start, end int) []byte {
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(start), 10)
	b = append(b, `,"end":`...)
	return strconv.AppendInt(b, int64(end), 10)
}

func appendOptString(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, name...), s)
}

func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, '0')
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 as U+FFFD, as encoding/json does.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
