package enrich

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/event"
)

// Dates sets the date of each event of one article.
func Dates(es []event.Event) {
	// Events of one sentence share its date expressions: find them once.
	var matches [][]int
	last := -1
	for i := range es {
		e := &es[i]
		if e.Evidence.SentenceIndex != last || i == 0 {
			last = e.Evidence.SentenceIndex
			matches = dateExpressions(e.Evidence.Sentence)
		}
		date(e, matches)
	}
}

// dateExpressions returns the date expressions of sentence s as submatch
// indexes numbered like dateRE's groups, in order, without overlaps.
// dateRE's alternatives run as separate small expressions, each only when
// the sentence holds a word it needs: one large alternation over every
// sentence cost half the pipeline's time.
func dateExpressions(s string) [][]int {
	ls := strings.ToLower(s)
	digit := strings.ContainsAny(s, "0123456789")
	var out [][]int
	for _, k := range dateKinds() {
		if k.digit && !digit || !containsAny(ls, k.keys) {
			continue
		}
		for _, m := range k.re.FindAllStringSubmatchIndex(s, -1) {
			full := make([]int, 2*(dateRE.NumSubexp()+1))
			for i := range full {
				full[i] = -1
			}
			for g, to := range k.groups {
				full[2*to], full[2*to+1] = m[2*g], m[2*g+1]
			}
			out = append(out, full)
		}
	}
	// In order; where two overlap, the earlier start, then the longer, wins.
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] > out[j][1]
	})
	kept := out[:0]
	for _, m := range out {
		if len(kept) == 0 || m[0] >= kept[len(kept)-1][1] {
			kept = append(kept, m)
		}
	}
	return kept
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// dateKind is one alternative of dateRE compiled on its own, with the words
// a sentence must hold for it to match and its group numbers in dateRE.
type dateKind struct {
	re     *regexp.Regexp
	keys   []string
	digit  bool
	groups []int
}

var monthKeys = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// dateKinds splits dateRE into its top-level alternatives, once.
var dateKinds = sync.OnceValue(func() []dateKind {
	keys := map[string]struct {
		keys  []string
		digit bool
	}{
		"md": {monthKeys, true}, "dm": {monthKeys, true}, "my": {monthKeys, false}, "wd": {[]string{"day"}, false},
		"rel": {[]string{"yesterday", "today", "tonight"}, false}, "ago": {[]string{" ago"}, false},
		"last": {[]string{"last ", "this ", "next "}, false}, "earlier": {[]string{"earlier this", "later this"}, false},
		"period": {[]string{"during the"}, false}, "yr": {[]string{"19", "20"}, true},
	}
	var kinds []dateKind
	for _, alt := range dateAlternatives {
		re := regexp.MustCompile(`(?i)\b(?:` + alt + `)\b`)
		name := re.SubexpNames()[1]
		k := dateKind{re: re, keys: keys[name].keys, digit: keys[name].digit}
		for _, n := range re.SubexpNames() {
			k.groups = append(k.groups, max(0, dateRE.SubexpIndex(n)))
		}
		kinds = append(kinds, k)
	}
	return kinds
})

var (
	weekdays = map[string]time.Weekday{
		"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
		"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	}
	months = map[string]time.Month{
		"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
		"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
		"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
	}
	// dateAlternatives are the date expressions the resolver understands;
	// each starts with its named group, which resolve switches on.
	dateAlternatives = []string{
		`(?P<md>(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? (?P<mdday>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<mdyear>(?:19|20)\d\d))?)`,
		`(?P<dm>(?P<dmday>\d{1,2}) (?P<dmmonth>january|february|march|april|may|june|july|august|september|october|november|december)(?: (?P<dmyear>(?:19|20)\d\d))?)`,
		`(?P<my>in (?P<mymonth>january|february|march|april|june|july|august|september|october|november|december)(?: (?P<myyear>(?:19|20)\d\d))?)`,
		`(?P<wd>(?:on |last |this )?(?P<wdname>monday|tuesday|wednesday|thursday|friday|saturday|sunday))`,
		`(?P<rel>yesterday|today|tonight|the day before yesterday)`,
		`(?P<ago>(?P<agon>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?P<agou>day|week|month|year)s? ago)`,
		`(?P<last>(?:(?:in |at )?the (?P<part>middle|start|beginning|end) of )?(?P<which>last|this|next) (?P<unit>week|month|year))`,
		`(?P<earlier>(?:earlier|later) this (?P<eunit>week|month|year))`,
		`(?P<period>during the (?:[A-Z][\w-]* )+(?:war|conflict|crisis|uprising|occupation))`,
		`(?P<yr>(?:in|since|by|until|of|early|late|mid-?)\s+(?P<year>(?:19|20)\d\d))`,
	}
	// dateRE is the union of dateAlternatives; its group numbers are the
	// ones resolve reads.
	dateRE = regexp.MustCompile(`(?i)\b(?:` + strings.Join(dateAlternatives, "|") + `)\b`)
)

// Date sets the event date from the date expression of the sentence nearest
// to the trigger (in the same clause when there is one), relative to the
// publication date: "on Wednesday" is the last Wednesday on or before
// publication, "in 2011" a year. An asserted event dated more than a year
// before publication is historical. Without an expression the publication
// date stays, with date_type "publication".
func Date(e *event.Event) { date(e, dateExpressions(e.Evidence.Sentence)) }

func date(e *event.Event, matches [][]int) {
	pub, err := time.Parse("2006-01-02", e.PubDate)
	if err != nil {
		return
	}
	s := e.Evidence.Sentence
	trig := e.Evidence.TriggerStart - e.Evidence.SentenceStart
	if trig < 0 || trig > len(s) {
		return
	}
	best, bestDist := []int(nil), len(s)+1
	for _, m := range matches {
		var d int
		switch {
		case m[1] <= trig:
			d = trig - m[1]
			if strings.Contains(s[m[1]:trig], ", but") {
				d += len(s) // another clause
			}
		case m[0] >= trig:
			d = m[0] - trig
			if strings.Contains(s[trig:m[0]], ", but") {
				d += len(s)
			}
		}
		if d < bestDist {
			best, bestDist = m, d
		}
	}
	if best == nil {
		return
	}
	date, prec := resolve(s, best, pub, e.Modality == event.Future)
	switch prec {
	case "":
		return
	case "unknown":
		// "during the Gaza war": a period the text does not date.
		e.Date, e.DatePrecision, e.DateType = "", "unknown", "text"
		return
	}
	e.Date, e.DatePrecision, e.DateType = date.Format("2006-01-02"), prec, "text"
	// The whole period must lie over a year back: "last year" is not
	// historical in January.
	end := date
	switch prec {
	case "year":
		end = date.AddDate(1, 0, -1)
	case "month":
		end = date.AddDate(0, 1, -1)
	}
	if e.Modality == event.Asserted && end.Before(pub.AddDate(-1, 0, 0)) {
		e.Modality, e.ModalityCue = event.Historical, s[best[0]:best[1]]
	}
}

func group(s string, m []int, name string) string {
	i := dateRE.SubexpIndex(name)
	if i < 0 || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

var agoNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// resolve turns one match into a date and its precision ("" if invalid,
// "unknown" for an undated period). future resolves a bare weekday forward.
func resolve(s string, m []int, pub time.Time, future bool) (time.Time, string) {
	year := func(y string, month time.Month) int {
		if y != "" {
			n, _ := strconv.Atoi(y)
			return n
		}
		// A month without a year is the last such month on or before
		// publication.
		if month > pub.Month() {
			return pub.Year() - 1
		}
		return pub.Year()
	}
	day := func(t time.Time) (time.Time, string) {
		if t.After(pub.AddDate(1, 0, 0)) {
			return t, ""
		}
		return t, "day"
	}
	switch {
	case group(s, m, "md") != "":
		mon := months[strings.TrimSuffix(strings.ToLower(strings.Fields(group(s, m, "md"))[0]), ".")]
		d, _ := strconv.Atoi(group(s, m, "mdday"))
		if d < 1 || d > 31 {
			return pub, ""
		}
		return day(time.Date(year(group(s, m, "mdyear"), mon), mon, d, 0, 0, 0, 0, time.UTC))
	case group(s, m, "dm") != "":
		mon := months[strings.ToLower(group(s, m, "dmmonth"))]
		d, _ := strconv.Atoi(group(s, m, "dmday"))
		if d < 1 || d > 31 {
			return pub, ""
		}
		return day(time.Date(year(group(s, m, "dmyear"), mon), mon, d, 0, 0, 0, 0, time.UTC))
	case group(s, m, "my") != "":
		mon := months[strings.ToLower(group(s, m, "mymonth"))]
		return time.Date(year(group(s, m, "myyear"), mon), mon, 1, 0, 0, 0, 0, time.UTC), "month"
	case group(s, m, "wd") != "":
		wd := weekdays[strings.ToLower(group(s, m, "wdname"))]
		if future && !strings.HasPrefix(strings.ToLower(group(s, m, "wd")), "last ") {
			// "will meet on Friday": the next Friday on or after publication.
			return pub.AddDate(0, 0, (int(wd)-int(pub.Weekday())+7)%7), "day"
		}
		back := (int(pub.Weekday()) - int(wd) + 7) % 7
		if strings.HasPrefix(strings.ToLower(group(s, m, "wd")), "last ") && back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back), "day"
	case group(s, m, "ago") != "":
		n, err := strconv.Atoi(group(s, m, "agon"))
		if err != nil {
			n = agoNumbers[strings.ToLower(group(s, m, "agon"))]
		}
		switch strings.ToLower(group(s, m, "agou")) {
		case "day":
			return pub.AddDate(0, 0, -n), "day"
		case "week":
			return pub.AddDate(0, 0, -7*n), "day"
		case "month":
			t := pub.AddDate(0, -n, 0)
			return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), "month"
		}
		return time.Date(pub.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), "year"
	case group(s, m, "last") != "":
		step := map[string]int{"last": -1, "this": 0, "next": 1}[strings.ToLower(group(s, m, "which"))]
		switch strings.ToLower(group(s, m, "unit")) {
		case "week":
			return pub.AddDate(0, 0, 7*step), "day"
		case "month":
			t := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
			if part := strings.ToLower(group(s, m, "part")); part == "middle" {
				t = t.AddDate(0, 0, 14)
			} else if part == "end" {
				t = t.AddDate(0, 1, -1)
			}
			return t, "month"
		}
		y := pub.Year() + step
		switch strings.ToLower(group(s, m, "part")) {
		case "middle":
			// "the middle of last year": mid-year, known to the month.
			return time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC), "month"
		case "start", "beginning":
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), "month"
		case "end":
			return time.Date(y, 12, 1, 0, 0, 0, 0, time.UTC), "month"
		}
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), "year"
	case group(s, m, "earlier") != "":
		switch strings.ToLower(group(s, m, "eunit")) {
		case "week":
			return pub.AddDate(0, 0, -3), "day"
		case "month":
			return time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC), "month"
		}
		return time.Date(pub.Year(), 1, 1, 0, 0, 0, 0, time.UTC), "year"
	case group(s, m, "period") != "":
		return pub, "unknown"
	case group(s, m, "rel") != "":
		switch strings.ToLower(group(s, m, "rel")) {
		case "yesterday":
			return pub.AddDate(0, 0, -1), "day"
		case "the day before yesterday":
			return pub.AddDate(0, 0, -2), "day"
		}
		return pub, "day"
	case group(s, m, "year") != "":
		y, _ := strconv.Atoi(group(s, m, "year"))
		if y > pub.Year()+5 {
			return pub, ""
		}
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), "year"
	}
	return pub, ""
}
