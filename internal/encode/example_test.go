package encode_test

import (
	"fmt"
	"os"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/encode"
)

func ExampleFormats() {
	for _, name := range encode.Formats() {
		fmt.Printf("%s: %s\n", name, encode.Describe(name))
	}
	// Output:
	// jsonl: one sitrep event JSON object a line (the event schema)
	// gdelt: GDELT 2.0 Events export rows: 61 tab-separated columns, no header
	// plover: PLOVER JSON records, one a line; events without a PLOVER type are skipped
	// acled: ACLED export CSV (31 columns, header); events without an ACLED type are skipped
	// csv: one flat CSV row an event, with a header
}

func ExampleNewPLOVER() {
	strike := &event.Event{
		ID:     "3f2a9c0d1e4b5a6978c0d1e2",
		Date:   "2024-01-23",
		Source: &event.Actor{Text: "US forces", Code: "USAMIL", Country: "USA", Sectors: []string{"MIL"}},
		Target: &event.Actor{Text: "armed groups", Code: "IRQREB", Country: "IRQ", Sectors: []string{"REB"}},
		CAMEO:  event.CAMEO{Code: "190", Base: "190", Root: "19"},
		PLOVER: event.PLOVER{Event: "ASSAULT"},
		Evidence: event.Evidence{
			Sentence: "US forces struck armed groups.", Start: 0, End: 29, Trigger: "struck",
		},
	}
	statement := &event.Event{ID: "0b1c2d3e4f5a6b7c8d9e0f1a", CAMEO: event.CAMEO{Code: "010"}}

	p := encode.NewPLOVER(os.Stdout, encode.PLOVEROptions{})
	for _, e := range []*event.Event{strike, statement} {
		if err := p.Encode(e); err != nil {
			fmt.Println(err)
		}
	}
	if err := p.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("skipped:", p.Skipped())
	// Output:
	// {"id":"3f2a9c0d1e4b5a6978c0d1e2","date":"2024-01-23","actor":[{"code":"USA","sector":"MIL","entity_text":"US forces"}],"recipient":[{"code":"IRQ","sector":"REB","entity_text":"armed groups"}],"event":["ASSAULT"],"event_text":["struck"],"quad_code":4,"text":"US forces struck armed groups.","text_info":{"sequence":0,"start":0,"end":29},"coder":"sitrep","comment":"cameo 190"}
	// skipped: 1
}
