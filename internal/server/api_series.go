package server

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/store"
)

// Limits of a series answer.
const (
	// maxBuckets bounds the buckets of one series, so a day series over
	// decades is refused (ask for weeks or months) instead of built.
	maxBuckets = 4000
	// maxSeries is how many keys get their own series; the rest are
	// summed into "other".
	maxSeries = 8
)

// seriesAnswer is the answer of GET /api/series: dense, ready to plot.
// Buckets run without gaps from the first bucket with events to the last;
// each series has one count per bucket.
type seriesAnswer struct {
	Interval string       `json:"interval"`
	By       string       `json:"by"`
	Buckets  []string     `json:"buckets"`
	Series   []seriesLine `json:"series"`
}

// seriesLine is the counts of one key, with a label for a legend.
type seriesLine struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Total  int    `json:"total"`
	Counts []int  `json:"counts"`
}

// getSeries is GET /api/series: counts of the dated events matching the
// filter per interval (auto, day, week, month or year; default auto, see
// autoInterval), split by (none,
// root, quad, plover or country; default none). The largest eight keys get
// a series each, the others are summed as "other".
func (h *handler) getSeries(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), "interval", "by")
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	ans, err := h.series(r, p)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

func (h *handler) series(r *http.Request, p params) (*seriesAnswer, error) {
	f, err := p.filter()
	if err != nil {
		return nil, err
	}
	interval, err := p.oneOf("interval", "auto", intervals...)
	if err != nil {
		return nil, err
	}
	by, err := p.oneOf("by", "none", splits...)
	if err != nil {
		return nil, err
	}
	if interval == "auto" {
		if interval, err = h.autoInterval(r.Context(), f); err != nil {
			return nil, err
		}
	}
	storeBy := by
	if by == "none" {
		storeBy = ""
	}
	pts, err := h.store.Series(r.Context(), f, interval, storeBy)
	if err != nil {
		return nil, err
	}
	return densify(pts, interval, by)
}

// autoBuckets is the most buckets autoInterval lets a series have: a
// timeline of a year by day, eight years by week, thirty by month.
const autoBuckets = 400

// autoInterval picks the finest interval that shows the dated events
// matching f in at most autoBuckets buckets, from the span of a monthly
// count: a store of 1991–92 news that mentions a war of 1914 gets years,
// a month of news gets days.
func (h *handler) autoInterval(ctx context.Context, f store.Filter) (string, error) {
	pts, err := h.store.Series(ctx, f, "month", "")
	if err != nil || len(pts) == 0 {
		return "week", err
	}
	first, err1 := time.Parse(time.DateOnly, pts[0].Bucket)
	last, err2 := time.Parse(time.DateOnly, pts[len(pts)-1].Bucket)
	if err1 != nil || err2 != nil {
		return "month", nil
	}
	last = last.AddDate(0, 1, 0) // the end of the last month
	days := int(last.Sub(first).Hours() / 24)
	switch {
	case days <= autoBuckets:
		return "day", nil
	case days <= 7*autoBuckets:
		return "week", nil
	case days <= 30*autoBuckets:
		return "month", nil
	}
	return "year", nil
}

// densify turns the sparse points of the store into one count per bucket
// and key, the largest keys first.
func densify(pts []store.Point, interval, by string) (*seriesAnswer, error) {
	ans := &seriesAnswer{Interval: interval, By: by, Buckets: []string{}, Series: []seriesLine{}}
	if len(pts) == 0 {
		return ans, nil
	}
	first, last := pts[0].Bucket, pts[0].Bucket
	totals := map[string]int{}
	for _, pt := range pts {
		first, last = min(first, pt.Bucket), max(last, pt.Bucket)
		totals[pt.Key] += pt.Events
	}
	index := map[string]int{}
	for b := first; b <= last; b = nextBucket(interval, b) {
		if len(ans.Buckets) == maxBuckets {
			return nil, badParam("interval", "more than %d %ss from %s to %s: use a longer interval or narrow from and to", maxBuckets, interval, first, last)
		}
		index[b] = len(ans.Buckets)
		ans.Buckets = append(ans.Buckets, b)
	}
	keys := make([]string, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(totals[b], totals[a]), cmp.Compare(a, b))
	})
	line := map[string]int{} // key → index in ans.Series
	for i, k := range keys {
		if i == maxSeries && len(keys) > maxSeries+1 {
			line[k] = len(ans.Series)
			ans.Series = append(ans.Series, seriesLine{Key: "other", Label: "Other", Counts: make([]int, len(ans.Buckets))})
			for _, k := range keys[i+1:] {
				line[k] = line[keys[i]]
			}
			break
		}
		line[k] = len(ans.Series)
		ans.Series = append(ans.Series, seriesLine{Key: k, Label: label(by, k), Counts: make([]int, len(ans.Buckets))})
	}
	for _, pt := range pts {
		s := &ans.Series[line[pt.Key]]
		s.Counts[index[pt.Bucket]] += pt.Events
		s.Total += pt.Events
	}
	return ans, nil
}

// nextBucket returns the first day of the bucket after b.
func nextBucket(interval, b string) string {
	t, err := time.Parse(time.DateOnly, b)
	if err != nil {
		return "9999-12-31~" // ends the loop on a bad bucket from a store
	}
	switch interval {
	case "week":
		t = t.AddDate(0, 0, 7)
	case "month":
		t = t.AddDate(0, 1, 0)
	case "year":
		t = t.AddDate(1, 0, 0)
	default:
		t = t.AddDate(0, 0, 1)
	}
	return t.Format(time.DateOnly)
}

// label names the key of a split for a legend.
func label(by, key string) string {
	switch by {
	case "none":
		return "Events"
	case "root":
		if c, ok := ontology.Lookup(key); ok {
			return key + " " + c.Name
		}
	case "quad":
		if key != "" {
			return key + " " + ontology.QuadClassName(int(key[0]-'0'))
		}
	case "plover":
		if key == "" {
			return "No PLOVER type"
		}
	case "country":
		if key == "" {
			return "Unknown place"
		}
		return countryName(key)
	}
	if key == "" {
		return "Unknown"
	}
	return key
}
