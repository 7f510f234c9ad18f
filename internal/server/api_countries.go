package server

import (
	"cmp"
	"net/http"
	"slices"
)

// countryList is the answer of GET /api/countries: the map's data.
type countryList struct {
	Countries []countryCount `json:"countries"`
	// Unlocated counts the matching dated events without a location
	// country, which the map cannot show.
	Unlocated int `json:"unlocated"`
}

// countryCount is the number of events located in one country.
type countryCount struct {
	// Country is the CAMEO code ("IRQ"); ISONumeric the ISO 3166-1
	// numeric code that world-atlas uses as feature id ("368"), "" when
	// there is none.
	Country    string `json:"country"`
	ISONumeric string `json:"iso_numeric"`
	Name       string `json:"name"`
	Events     int    `json:"events"`
}

// listCountries is GET /api/countries: how many dated events matching the
// filter happened in each country, most first.
func (h *handler) listCountries(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query())
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	f, err := p.filter()
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	// A country split of a month series, summed: the store needs no
	// separate count method for the map.
	pts, err := h.store.Series(r.Context(), f, "month", "country")
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	ans := countryList{Countries: []countryCount{}}
	by := map[string]int{}
	for _, pt := range pts {
		if pt.Key == "" {
			ans.Unlocated += pt.Events
			continue
		}
		i, ok := by[pt.Key]
		if !ok {
			i = len(ans.Countries)
			by[pt.Key] = i
			ans.Countries = append(ans.Countries, countryCount{Country: pt.Key, ISONumeric: numericCode(pt.Key), Name: countryName(pt.Key)})
		}
		ans.Countries[i].Events += pt.Events
	}
	slices.SortFunc(ans.Countries, func(a, b countryCount) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Country, b.Country))
	})
	writeJSON(w, http.StatusOK, ans)
}
