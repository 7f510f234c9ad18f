package server

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/internal/ontology"
)

// isoNumericTSV maps ISO 3166-1 alpha-2 and alpha-3 codes to numeric ones,
// the ids of the world-atlas map; gen/main.go writes it.
//
//go:embed data/iso_numeric.tsv
var isoNumericTSV []byte

// isoCountry is one row of the table.
type isoCountry struct {
	numeric, name string
}

// isoNumeric is the parsed table by alpha-2 and by alpha-3 code ("IQ" and
// "IRQ" → 368 Iraq).
var isoNumeric = sync.OnceValues(func() (map[string]isoCountry, error) {
	return parseISONumeric(isoNumericTSV)
})

func parseISONumeric(data []byte) (map[string]isoCountry, error) {
	m := map[string]isoCountry{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	header := false
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if !header {
			if s != "iso2\tiso3\tnumeric\tname" {
				return nil, fmt.Errorf("data/iso_numeric.tsv:%d: header %q, want iso2 iso3 numeric name", line, s)
			}
			header = true
			continue
		}
		if len(f) != 4 || len(f[0]) != 2 || len(f[1]) != 3 || len(f[2]) != 3 || !isDigits(f[2]) {
			return nil, fmt.Errorf("data/iso_numeric.tsv:%d: want iso2, iso3, numeric and name, got %q", line, s)
		}
		c := isoCountry{numeric: f[2], name: f[3]}
		m[f[0]], m[f[1]] = c, c
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("data/iso_numeric.tsv: no rows")
	}
	return m, sc.Err()
}

// numericCode returns the ISO 3166-1 numeric code of the CAMEO country
// code ("IRQ" → "368"), "" when it has none (regions, unknown codes). The
// ontology's alpha-2 code decides for the codes it knows, as CAMEO has
// codes of its own (ROM, TMP, BAG for Baghdad); other codes are taken as
// ISO alpha-3.
func numericCode(country string) string {
	m, err := isoNumeric()
	if err != nil || len(country) != 3 {
		return ""
	}
	if c, ok := ontology.Country(country); ok {
		return m[c.ISO2].numeric // "" for regions, which have no ISO2
	}
	return m[country].numeric
}

// countryName returns the name of the CAMEO country code: the ontology's,
// else the ISO name of the alpha-3 code, else the code itself.
func countryName(country string) string {
	if c, ok := ontology.Country(country); ok {
		return c.Name
	}
	if m, err := isoNumeric(); err == nil && m[country].name != "" {
		return m[country].name
	}
	return country
}
