package enrich

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
)

// ev builds an event whose trigger is the word trig in sentence s,
// published on Wednesday 2024-01-24.
func ev(s, trig string) event.Event {
	i := strings.Index(s, trig)
	return event.Event{PubDate: "2024-01-24", Date: "2024-01-24", Modality: event.Asserted,
		Evidence: event.Evidence{Sentence: s, SentenceStart: 100, TriggerStart: 100 + i, TriggerEnd: 100 + i + len(trig), Trigger: trig}}
}

func TestDate(t *testing.T) {
	tests := []struct {
		sentence, trigger       string
		date, precision, source string
		modality                string
	}{
		{"The ambassador sent a letter on Wednesday.", "sent", "2024-01-24", "day", "text", event.Asserted},
		{"Rebels attacked the town on Monday.", "attacked", "2024-01-22", "day", "text", event.Asserted},
		{"Police arrested him last Wednesday.", "arrested", "2024-01-17", "day", "text", event.Asserted},
		{"Troops withdrew yesterday.", "withdrew", "2024-01-23", "day", "text", event.Asserted},
		{"US troops withdrew in 2011, but returned in 2014.", "withdrew", "2011-01-01", "year", "text", event.Historical},
		{"US troops withdrew in 2011, but returned in 2014.", "returned", "2014-01-01", "year", "text", event.Historical},
		{"The talks began in March.", "began", "2023-03-01", "month", "text", event.Asserted},
		{"The talks began in January.", "began", "2024-01-01", "month", "text", event.Asserted},
		{"The treaty was signed on January 5, 2011.", "signed", "2011-01-05", "day", "text", event.Historical},
		{"The treaty was signed on 5 January.", "signed", "2024-01-05", "day", "text", event.Asserted},
		{"The army shelled the city.", "shelled", "2024-01-24", "", "", event.Asserted},
		{"Rebels attacked the base two days ago.", "attacked", "2024-01-22", "day", "text", event.Asserted},
		{"Rebels attacked the base last week.", "attacked", "2024-01-17", "day", "text", event.Asserted},
		{"Talks began last month.", "began", "2023-12-01", "month", "text", event.Asserted},
		{"Talks were supposed to start in the middle of last year.", "start", "2023-07-01", "month", "text", event.Asserted},
		{"The army withdrew last year.", "withdrew", "2023-01-01", "year", "text", event.Asserted},
		{"Police arrested him earlier this month.", "arrested", "2024-01-01", "month", "text", event.Asserted},
		{"Groups carried out 150 strikes during the Gaza war.", "strikes", "", "unknown", "text", event.Asserted},
		{"Israel carried out strikes five years ago.", "strikes", "2019-01-01", "year", "text", event.Historical},
	}
	for _, tc := range tests {
		e := ev(tc.sentence, tc.trigger)
		Date(&e)
		if e.Date != tc.date || e.DatePrecision != tc.precision || e.DateType != tc.source || e.Modality != tc.modality {
			t.Errorf("%q (%s): got %s %s %s %s, want %s %s %s %s", tc.sentence, tc.trigger,
				e.Date, e.DatePrecision, e.DateType, e.Modality, tc.date, tc.precision, tc.source, tc.modality)
		}
	}
}

func TestFutureWeekday(t *testing.T) {
	e := ev("The ministers will meet on Friday.", "meet")
	e.Modality = event.Future
	Date(&e)
	if e.Date != "2024-01-26" {
		t.Errorf("future Friday from Wednesday 2024-01-24 = %s, want 2024-01-26", e.Date)
	}
}

func TestDateWithoutPublicationDate(t *testing.T) {
	e := ev("Rebels attacked the town on Monday.", "attacked")
	e.PubDate, e.Date = "", ""
	Date(&e)
	if e.Date != "" {
		t.Errorf("date %q resolved without a publication date", e.Date)
	}
}
