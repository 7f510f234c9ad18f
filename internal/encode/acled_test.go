package encode

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/event"
)

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%s", err, b)
	}
	return rows
}

func TestACLEDColumnsAndSkips(t *testing.T) {
	var buf bytes.Buffer
	a := NewACLED(&buf)
	strike := fixtureAssault()
	strike.Counts = []event.Count{{Kind: "killed", Number: 3}, {Kind: "killed", Number: 2}, {Kind: "wounded", Number: 9}}
	noType := fixtureAssault()
	noType.ACLED = nil
	denied := fixtureAssault()
	denied.Modality = event.Negated
	for _, e := range []*event.Event{strike, noType, denied} {
		if err := a.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 2 || !slices.Equal(rows[0], acledColumns) || a.Skipped() != 2 {
		t.Fatalf("rows %q, skipped %d; want header and one row, 2 skipped", rows, a.Skipped())
	}
	got := map[string]string{}
	for i, c := range acledColumns {
		got[c] = rows[1][i]
	}
	for col, want := range map[string]string{
		"event_date": "2024-01-23", "year": "2024", "time_precision": "1", "disorder_type": "Political violence",
		"event_type": "Battles", "inter1": "State forces", "inter2": "Rebel group", "country": "Iraq",
		"fatalities": "5", "geo_precision": "3", "source": "Example News", "iso": "",
	} {
		if got[col] != want {
			t.Errorf("%s = %q, want %q", col, got[col], want)
		}
	}
	// With no event, the file is the header alone.
	buf.Reset()
	a = NewACLED(&buf)
	a.Close()
	if rows := readCSV(t, buf.Bytes()); len(rows) != 1 {
		t.Errorf("empty ACLED file: %q", rows)
	}
}

func TestCSVReports(t *testing.T) {
	var buf bytes.Buffer
	c := NewCSV(&buf)
	if err := c.EncodeReports(fixtureAssault(), Reports{Mentions: 5, Sources: 3, Articles: 4}); err != nil {
		t.Fatal(err)
	}
	if err := c.Encode(fixtureAssault()); err != nil {
		t.Fatal(err)
	}
	c.Close()
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 3 || !slices.Equal(rows[0], csvColumns) {
		t.Fatalf("rows %q", rows)
	}
	n := len(csvColumns)
	if got := rows[1][n-3:]; !slices.Equal(got, []string{"5", "3", "4"}) {
		t.Errorf("counts %q, want 5 3 4", got)
	}
	if got := rows[2][n-3:]; !slices.Equal(got, []string{"1", "1", "1"}) {
		t.Errorf("counts of Encode %q, want 1 1 1", got)
	}
	for i, row := range rows {
		if len(row) != n {
			t.Errorf("row %d has %d columns, want %d", i, len(row), n)
		}
	}
}
