package store

import (
	"encoding/binary"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// A mention is stored as numbers alone (see dict.go): dictionary numbers for
// the tuples, and byte offsets into its article's text for every text the
// coder cut from it (actors, place, attribution, sentence, trigger,
// counts). Reading rebuilds the event.Event from them and the article. A
// text that is not the slice its offsets name (an event made elsewhere, a
// hand-edited file) is kept whole as an extra, so nothing is lost either
// way.

// mrow is one mention: its row of mention_rows and its details record in
// its article (details.go).
type mrow struct {
	seq, event int64  // its seq; the seq of the event it is folded into
	idHi       uint64 // the ID's first 16 hex digits
	idLo       uint32 // its last 8
	aseq       int64  // its article
	day        day    // Event.Date, noDay when not YYYY-MM-DD
	mode       int32  // kindMode
	src, tgt   int32  // kindActor, 0 without one
	srcSpan    int64
	tgtSpan    int64
	coding     int32 // kindCoding
	place      int32 // kindPlace, 0 without a location
	placeSpan  int64
	attrib     int32 // kindAttrib, 0 without an attribution
	attribSpan int64
	sentence   int64 // span of Evidence.Sentence
	span       int64 // Evidence.Start, End
	trigger    int64 // Evidence.TriggerStart, TriggerEnd
	sentIndex  int32
	rule       int32 // kindString
	confidence float64
	skey       int32 // kindString: the publisher num_sources counts
	flags      int16
	extras     []extra

	dkey int64 // its dedup key
}

// Bits of mrow.flags.
const (
	fPubDate   = 1 << iota // Event.PubDate is the article's date
	fURL                   // Event.URL is the article's URL
	fPublisher             // Event.Publisher is the article's source
	fIDText                // the ID is not 24 hex digits: an extra holds it, id_hi and id_lo a hash of it
	_                      // schema 2: the mention had rows in extras (a details record holds its extras whole)
)

// extra is a list item or a whole text of a mention, kept in its details
// record (details.go).
type extra struct {
	kind int8  // xCount, xPlace, xText
	ord  int16 // list index; for xText the field (fieldID...)
	ref  int32 // dictionary number
	span int64
}

// Kinds of extras.
const (
	xCount = 1 // an Event.Counts item: ref kindCount, span of its text
	xPlace = 2 // an Event.Locations item: ref kindPlace, span of its name
	xText  = 3 // a whole text: ref kindString, ord the field
)

// Fields of xText extras; list items add their index to fieldCount and
// fieldPlace.
const (
	fieldID = iota
	fieldSource
	fieldTarget
	fieldPlaceName
	fieldAttrib
	fieldSentence
	fieldTrigger
	fieldURL
	fieldPublisher
	fieldPubDate
	fieldDate
	fieldCount = 1000
	fieldPlace = 2000
)

// span packs two offsets into one number.
func span(start, end int) int64 { return int64(start)<<32 | int64(uint32(int32(end))) }

func unspan(v int64) (int, int) { return int(int32(v >> 32)), int(int32(uint32(v))) }

// slice returns text[start:end], "" when that is out of range.
func slice(text string, start, end int) string {
	if start < 0 || end < start || end > len(text) {
		return ""
	}
	return text[start:end]
}

// parseID reads a 24-hex-digit ID (event.Event.SetID's, lower case) as two
// numbers.
func parseID(id string) (hi uint64, lo uint32, ok bool) {
	if len(id) != 24 {
		return 0, 0, false
	}
	var v uint64
	bad := byte(0)
	for i := 0; i < 16; i++ {
		d := hexDigit[id[i]]
		bad |= d
		v = v<<4 | uint64(d)
	}
	var w uint32
	for i := 16; i < 24; i++ {
		d := hexDigit[id[i]]
		bad |= d
		w = w<<4 | uint32(d)
	}
	if bad&0x80 != 0 {
		return 0, 0, false
	}
	return v, w, true
}

// hexDigit is the value of each lower-case hex digit; other bytes have the
// high bit set.
var hexDigit = func() (t [256]byte) {
	for i := range t {
		t[i] = 0x80
	}
	for i := 0; i < 10; i++ {
		t['0'+i] = byte(i)
	}
	for i := 0; i < 6; i++ {
		t['a'+i] = byte(10 + i)
	}
	return t
}()

// hashTextID returns the numbers that stand for an ID parseID cannot read
// (an event made elsewhere), so that it is found as a sitrep ID is. Two
// IDs share them with a chance of one in 2^96.
func hashTextID(id string) (uint64, uint32) {
	h := fnv.New128a()
	h.Write([]byte(id))
	var b [16]byte
	s := h.Sum(b[:0])
	return binary.BigEndian.Uint64(s), binary.BigEndian.Uint32(s[8:])
}

func formatID(hi uint64, lo uint32) string {
	var b [24]byte
	const digits = "0123456789abcdef"
	u, l := hi, lo
	for i := 15; i >= 0; i-- {
		b[i] = digits[u&15]
		u >>= 4
	}
	for i := 23; i >= 16; i-- {
		b[i] = digits[l&15]
		l >>= 4
	}
	return string(b[:])
}

// encoder turns events into mentions of their article. One encoder serves
// one goroutine: it keeps the numbers it has seen, so that most tuples are
// found without the dictionary's lock.
type encoder struct {
	d      *dictionary
	a      *stored
	k      key
	local  map[string]int32
	floats map[float64]string // the text of floats seen
}

func newEncoder(d *dictionary) *encoder {
	return &encoder{d: d, local: map[string]int32{}, floats: map[float64]string{}}
}

// float adds f to the key as its shortest text ('g', -1), which is what
// the dictionary keeps. Formatting a float is slow and places and
// Goldstein values repeat, so the text is kept.
func (c *encoder) float(f float64) {
	s, ok := c.floats[f]
	if !ok || f == 0 { // 0 and -0 are equal keys with different texts
		s = strconv.FormatFloat(f, 'g', -1, 64)
		if len(c.floats) < 1<<16 {
			c.floats[f] = s
		}
	}
	c.k.str(s)
}

// number returns the number of the tuple in c.k.
func (c *encoder) number() int32 {
	if id, ok := c.local[string(c.k.b)]; ok {
		return id
	}
	id := c.d.numberOf(c.k.b)
	c.local[string(c.k.b)] = id
	return id
}

// str numbers one string; "" is 0.
func (c *encoder) str(s string) int32 {
	if s == "" {
		return 0
	}
	c.k.start(kindString)
	c.k.str(s)
	return c.number()
}

// textField keeps s as the slice [start:end] of the article when it is
// one, else as an extra of field.
func (c *encoder) textField(m *mrow, field int, s string, start, end int) int64 {
	if slice(c.a.text, start, end) != s {
		m.extras = append(m.extras, extra{kind: xText, ord: int16(field), ref: c.str(s)})
	}
	return span(start, end)
}

// articleField keeps s as a flag when it is the article's value v, else as
// an extra.
func (c *encoder) articleField(m *mrow, field int, bit int16, s, v string) {
	switch {
	case s == v:
		m.flags |= bit
	case s != "":
		m.extras = append(m.extras, extra{kind: xText, ord: int16(field), ref: c.str(s)})
	}
}

func (c *encoder) actor(m *mrow, field int, a *event.Actor) (int32, int64) {
	if a == nil {
		return 0, 0
	}
	c.k.start(kindActor)
	c.k.str(a.Code)
	c.k.str(a.Country)
	switch len(a.Sectors) {
	case 0:
		c.k.str("")
	case 1:
		c.k.str(a.Sectors[0])
	default:
		c.k.str(strings.Join(a.Sectors, ","))
	}
	c.k.str(a.Name)
	c.k.str(a.Sponsor)
	return c.number(), c.textField(m, field, a.Text, a.Start, a.End)
}

func (c *encoder) place(l *event.Location) int32 {
	c.k.start(kindPlace)
	c.k.str(l.Resolved)
	c.k.str(l.Country)
	c.k.str(l.Admin1)
	c.float(l.Lat)
	c.float(l.Lon)
	c.k.str(l.Precision)
	c.k.int(l.GeoNameID)
	return c.number()
}

// encode fills m (seq, event and day aside) from e.
func (c *encoder) encode(m *mrow, e *event.Event) {
	m.extras, m.flags = m.extras[:0], 0
	if hi, lo, ok := parseID(e.ID); ok {
		m.idHi, m.idLo = hi, lo
	} else {
		m.idHi, m.idLo = hashTextID(e.ID)
		m.flags |= fIDText
		m.extras = append(m.extras, extra{kind: xText, ord: fieldID, ref: c.str(e.ID)})
	}
	if m.day == noDay && e.Date != "" {
		m.extras = append(m.extras, extra{kind: xText, ord: fieldDate, ref: c.str(e.Date)})
	}
	c.articleField(m, fieldPubDate, fPubDate, e.PubDate, c.a.date)
	c.articleField(m, fieldURL, fURL, e.URL, c.a.url)
	c.articleField(m, fieldPublisher, fPublisher, e.Publisher, c.a.source)
	c.k.start(kindMode)
	c.k.str(e.Modality)
	c.k.str(e.ModalityCue)
	c.k.str(e.DatePrecision)
	c.k.str(e.DateType)
	m.mode = c.number()
	m.src, m.srcSpan = c.actor(m, fieldSource, e.Source)
	m.tgt, m.tgtSpan = c.actor(m, fieldTarget, e.Target)
	c.k.start(kindCoding)
	c.k.str(e.CAMEO.Code)
	c.k.str(e.CAMEO.Base)
	c.k.str(e.CAMEO.Root)
	c.k.str(e.CAMEO.Name)
	c.float(e.Goldstein)
	c.k.int(e.QuadClass)
	c.k.str(e.PLOVER.Event)
	c.k.str(e.PLOVER.Mode)
	if e.ACLED != nil {
		c.k.str("1")
		c.k.str(e.ACLED.EventType)
		c.k.str(e.ACLED.SubEventType)
	} else {
		c.k.str("")
		c.k.str("")
		c.k.str("")
	}
	m.coding = c.number()
	m.place, m.placeSpan = 0, 0
	if l := e.Location; l != nil {
		m.place = c.place(l)
		m.placeSpan = c.textField(m, fieldPlaceName, l.Name, l.Start, l.End)
	}
	m.attrib, m.attribSpan = 0, 0
	if t := e.Attribution; t != nil {
		c.k.start(kindAttrib)
		c.k.str(t.Source)
		c.k.str(t.Code)
		c.k.flag(t.Anonymous)
		c.k.int(t.Number)
		c.k.str(t.Sector)
		c.k.str(t.Via)
		m.attrib = c.number()
		m.attribSpan = c.textField(m, fieldAttrib, t.Text, t.Start, t.End)
	}
	ev := &e.Evidence
	m.sentence = c.textField(m, fieldSentence, ev.Sentence, ev.SentenceStart, ev.SentenceStart+len(ev.Sentence))
	m.span = span(ev.Start, ev.End)
	m.trigger = c.textField(m, fieldTrigger, ev.Trigger, ev.TriggerStart, ev.TriggerEnd)
	m.sentIndex = int32(ev.SentenceIndex)
	m.rule = c.str(ev.Rule)
	m.confidence = e.Confidence
	if e.Publisher == c.a.source && e.URL == c.a.url {
		m.skey = c.str(c.a.skey)
	} else {
		m.skey = c.str(sourceKey(e))
	}
	for i := range e.Counts {
		n := &e.Counts[i]
		c.k.start(kindCount)
		c.k.str(n.Kind)
		c.k.int(n.Number)
		c.k.flag(n.Approximate)
		c.k.str(n.Object)
		ref := c.number()
		m.extras = append(m.extras, extra{kind: xCount, ord: int16(i), ref: ref, span: c.textField(m, fieldCount+i, n.Text, n.Start, n.End)})
	}
	for i := range e.Locations {
		l := &e.Locations[i]
		ref := c.place(l)
		m.extras = append(m.extras, extra{kind: xPlace, ord: int16(i), ref: ref, span: c.textField(m, fieldPlace+i, l.Name, l.Start, l.End)})
	}
}

// stored is what encoding and decoding a mention need of its article.
type stored struct {
	id, date, url, source, text string
	skey                        string // sourceKey of an event with the article's URL and publisher
	details                     []byte // articles.details, when read from the store
}

// decoder rebuilds events from mentions.
type decoder struct {
	d *dictionary
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func (c decoder) actor(id int32, sp int64, text string, texts map[int]string, field int) *event.Actor {
	t := c.d.tuple(id)
	if len(t) < 5 {
		return nil
	}
	a := &event.Actor{Code: t[0], Country: t[1], Name: t[3], Sponsor: t[4]}
	if t[2] != "" {
		a.Sectors = strings.Split(t[2], ",")
	}
	a.Start, a.End = unspan(sp)
	a.Text = textOf(text, a.Start, a.End, texts, field)
	return a
}

func (c decoder) place(id int32, sp int64, text string, texts map[int]string, field int) *event.Location {
	t := c.d.tuple(id)
	if len(t) < 7 {
		return nil
	}
	l := &event.Location{Resolved: t[0], Country: t[1], Admin1: t[2], Lat: atof(t[3]), Lon: atof(t[4]), Precision: t[5], GeoNameID: atoi(t[6])}
	l.Start, l.End = unspan(sp)
	l.Name = textOf(text, l.Start, l.End, texts, field)
	return l
}

// textOf returns the whole text of field if there is one, else the slice.
func textOf(text string, start, end int, texts map[int]string, field int) string {
	if s, ok := texts[field]; ok {
		return s
	}
	return slice(text, start, end)
}

// decode rebuilds the event of mention m of article a into e.
func (c decoder) decode(m *mrow, a *stored, e *event.Event) {
	*e = event.Event{ArticleID: a.id}
	var texts map[int]string
	for _, x := range m.extras {
		if x.kind == xText {
			if texts == nil {
				texts = map[int]string{}
			}
			texts[int(x.ord)] = c.d.string(x.ref)
		}
	}
	if m.flags&fIDText != 0 {
		e.ID = texts[fieldID]
	} else {
		e.ID = formatID(m.idHi, m.idLo)
	}
	if m.day != noDay {
		e.Date = m.day.String()
	} else {
		e.Date = texts[fieldDate]
	}
	fromArticle := func(bit int16, v string, field int) string {
		if m.flags&bit != 0 {
			return v
		}
		return texts[field]
	}
	e.PubDate = fromArticle(fPubDate, a.date, fieldPubDate)
	e.URL = fromArticle(fURL, a.url, fieldURL)
	e.Publisher = fromArticle(fPublisher, a.source, fieldPublisher)
	if t := c.d.tuple(m.mode); len(t) >= 4 {
		e.Modality, e.ModalityCue, e.DatePrecision, e.DateType = t[0], t[1], t[2], t[3]
	}
	e.Source = c.actor(m.src, m.srcSpan, a.text, texts, fieldSource)
	e.Target = c.actor(m.tgt, m.tgtSpan, a.text, texts, fieldTarget)
	if t := c.d.tuple(m.coding); len(t) >= 11 {
		e.CAMEO = event.CAMEO{Code: t[0], Base: t[1], Root: t[2], Name: t[3]}
		e.Goldstein, e.QuadClass = atof(t[4]), atoi(t[5])
		e.PLOVER = event.PLOVER{Event: t[6], Mode: t[7]}
		if t[8] != "" {
			e.ACLED = &event.ACLED{EventType: t[9], SubEventType: t[10]}
		}
	}
	e.Location = c.place(m.place, m.placeSpan, a.text, texts, fieldPlaceName)
	if t := c.d.tuple(m.attrib); len(t) >= 6 {
		at := &event.Attribution{Source: t[0], Code: t[1], Anonymous: t[2] != "", Number: atoi(t[3]), Sector: t[4], Via: t[5]}
		at.Start, at.End = unspan(m.attribSpan)
		at.Text = textOf(a.text, at.Start, at.End, texts, fieldAttrib)
		e.Attribution = at
	}
	ev := &e.Evidence
	start, end := unspan(m.sentence)
	ev.SentenceStart = start
	ev.Sentence = textOf(a.text, start, end, texts, fieldSentence)
	ev.SentenceIndex = int(m.sentIndex)
	ev.Start, ev.End = unspan(m.span)
	ev.TriggerStart, ev.TriggerEnd = unspan(m.trigger)
	ev.Trigger = textOf(a.text, ev.TriggerStart, ev.TriggerEnd, texts, fieldTrigger)
	ev.Rule = c.d.string(m.rule)
	e.Confidence = m.confidence
	for _, x := range m.extras {
		switch x.kind {
		case xCount:
			t := c.d.tuple(x.ref)
			if len(t) < 4 {
				continue
			}
			n := event.Count{Kind: t[0], Number: atoi(t[1]), Approximate: t[2] != "", Object: t[3]}
			n.Start, n.End = unspan(x.span)
			n.Text = textOf(a.text, n.Start, n.End, texts, fieldCount+int(x.ord))
			e.Counts = append(e.Counts, n)
		case xPlace:
			if l := c.place(x.ref, x.span, a.text, texts, fieldPlace+int(x.ord)); l != nil {
				e.Locations = append(e.Locations, *l)
			}
		}
	}
}
