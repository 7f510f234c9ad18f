// Package event defines the Event record, the one schema every stage of sitrep
// produces or consumes: coders fill it, enrichers refine it, encoders and the
// store write it. Its JSON form is the contract of `sitrep code --format jsonl`;
// field names are stable, fields may be added.
package event

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Actor is one side of an event: who acts (source) or who is acted upon
// (target). Offsets are byte offsets into the article text (after NFC
// normalisation) and are omitted from JSON when the actor was not found in the
// text (for example an actor inferred from the dateline).
type Actor struct {
	// Text is the mention as it appears in the sentence ("US forces").
	Text string `json:"text"`
	// Code is the CAMEO-style actor code: country (or IGO/group) code followed
	// by sector codes, e.g. "USAMIL", "IRQGOV", "IGOUNO".
	Code string `json:"code"`
	// Country is the ISO 3166-1 alpha-3 code as CAMEO uses it, empty when the
	// actor has no country (an IGO, an unaffiliated group).
	Country string `json:"country,omitempty"`
	// Sectors are CAMEO/PLOVER sector codes (GOV, MIL, REB, ...), most
	// specific first.
	Sectors []string `json:"sectors,omitempty"`
	// Name is the canonical name from the dictionary entry that matched.
	Name string `json:"name,omitempty"`
	// Sponsor is the country code of a backer named in the mention
	// ("Iran-backed armed groups" → IRN).
	Sponsor string `json:"sponsor,omitempty"`
	// Start and End are byte offsets of Text in the article.
	Start int `json:"start"`
	End   int `json:"end"`
}

// CAMEO is the CAMEO 1.1b3 event code with its root and GDELT name.
type CAMEO struct {
	Code string `json:"code"`
	Base string `json:"base"`
	Root string `json:"root"`
	Name string `json:"name"`
}

// PLOVER is the PLOVER event type and mode for the CAMEO code.
type PLOVER struct {
	Event string `json:"event"`
	Mode  string `json:"mode,omitempty"`
}

// ACLED is the ACLED event type and sub-event type where one applies.
type ACLED struct {
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type,omitempty"`
}

// Evidence is the text that produced the event: the sentence, the span of
// the trigger and actors within the article, and the dictionary rule.
type Evidence struct {
	Sentence      string `json:"sentence"`
	SentenceIndex int    `json:"sentence_index"`
	// SentenceStart is the byte offset of Sentence in the article.
	SentenceStart int `json:"sentence_start"`
	// Start and End bound the whole evidence span (actors and trigger) as
	// byte offsets into the article text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Trigger is the text of the words that matched the verb or noun pattern.
	Trigger      string `json:"trigger"`
	TriggerStart int    `json:"trigger_start"`
	TriggerEnd   int    `json:"trigger_end"`
	// Rule names the dictionary entry that fired: "file:line pattern".
	Rule string `json:"rule"`
}

// Modality values. An event is Asserted unless the text marks it otherwise.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Future       = "future"
	Hypothetical = "hypothetical"
	Historical   = "historical"
	Reported     = "reported"
)

// Event is one coded happening: who did what to whom, when, with the
// evidence. Source or Target may be nil when the text names only one side.
type Event struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	// Date is the event date (YYYY-MM-DD), "" when unknown (an undated
	// period, or no publication date); PubDate the article's date.
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision,omitempty"`
	DateType      string `json:"date_type,omitempty"`
	PubDate       string `json:"pub_date,omitempty"`
	URL           string `json:"url,omitempty"`
	Publisher     string `json:"publisher,omitempty"`

	Source *Actor `json:"source"`
	Target *Actor `json:"target"`

	CAMEO     CAMEO   `json:"cameo"`
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"`
	PLOVER    PLOVER  `json:"plover"`
	ACLED     *ACLED  `json:"acled,omitempty"`

	// Modality says whether the text asserts the event happened: one of
	// Asserted, Negated, Future, Hypothetical (and, with enrichment,
	// Historical or Reported). Cue is the word that set it.
	Modality    string `json:"modality"`
	ModalityCue string `json:"modality_cue,omitempty"`

	// Location is where the event happened, nil when unknown.
	Location *Location `json:"location,omitempty"`
	// Locations lists every place of a list the event happened in ("in Iraq
	// and Syria"), the first being Location; empty for a single place.
	Locations []Location `json:"locations,omitempty"`
	// Attribution says who claims the event, nil when the text asserts it
	// in its own voice.
	Attribution *Attribution `json:"attribution,omitempty"`
	// Counts are the numbers attached to the event: killed, wounded,
	// arrested, strikes, troops...
	Counts []Count `json:"counts,omitempty"`

	Evidence   Evidence `json:"evidence"`
	Confidence float64  `json:"confidence"`
}

// Location is a place from the gazetteer.
type Location struct {
	// Name is the place as written in the text; Resolved its gazetteer name.
	Name     string `json:"name"`
	Resolved string `json:"resolved,omitempty"`
	// Country is the CAMEO/ISO3 country code; Admin1 the first-level
	// division (name or code).
	Country string  `json:"country,omitempty"`
	Admin1  string  `json:"admin1,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Precision is country, admin1, city or exact.
	Precision string `json:"precision"`
	// GeoNameID is the GeoNames id of a city, 0 for countries.
	GeoNameID int `json:"geonameid,omitempty"`
	// Start and End are byte offsets of Name in the article, -1 when the
	// place came from outside the sentence (dateline, article's main place).
	Start int `json:"start"`
	End   int `json:"end"`
}

// Attribution is who the text says claims the event: "four sources told
// Reuters" is four anonymous sources via Reuters.
type Attribution struct {
	Text string `json:"text"`
	// Source is the named claimant ("the Pentagon"), empty when anonymous.
	Source string `json:"source,omitempty"`
	// Code is the claimant's actor code where known (GOV, USAGOV).
	Code      string `json:"code,omitempty"`
	Anonymous bool   `json:"anonymous"`
	// Number is how many sources, 0 when not said.
	Number int `json:"number,omitempty"`
	// Sector is the claimant's sector when anonymous ("an administration
	// source" → GOV).
	Sector string `json:"sector,omitempty"`
	// Via is the medium that carries the claim ("Reuters").
	Via   string `json:"via,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Count is a number attached to an event or actor, GKG-style.
type Count struct {
	// Kind is killed, wounded, arrested, kidnapped, displaced, attacks,
	// troops, protesters or other.
	Kind   string `json:"kind"`
	Number int    `json:"number"`
	// Approximate is set for "about 150", "a few hundred", "dozens".
	Approximate bool `json:"approximate,omitempty"`
	// Object is what is counted as written ("civilians", "strikes").
	Object string `json:"object,omitempty"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// IsFact reports whether the text asserts that the event happened (or
// happens), as opposed to a negated, future or hypothetical statement.
func (e *Event) IsFact() bool {
	switch e.Modality {
	case Negated, Future, Hypothetical:
		return false
	}
	return true
}

// SetID sets e.ID to a stable content hash of the article id, the sentence
// index and text, the CAMEO code and both actor codes and offsets, so that
// coding the same article twice yields the same IDs.
func (e *Event) SetID() {
	h := sha256.New()
	w := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	w(e.ArticleID)
	w(strconv.Itoa(e.Evidence.SentenceIndex))
	w(e.Evidence.Sentence)
	w(e.CAMEO.Code)
	for _, a := range []*Actor{e.Source, e.Target} {
		if a == nil {
			w("-")
			continue
		}
		w(a.Code)
		w(strconv.Itoa(a.Start))
	}
	w(strconv.Itoa(e.Evidence.TriggerStart))
	e.ID = hex.EncodeToString(h.Sum(nil)[:12])
}
