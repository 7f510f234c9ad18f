package enrich_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/enrich"
	"github.com/sitrep/sitrep/internal/reader"
)

// TestExampleArticle codes and enriches the project's example article end to
// end and checks its attribution, quotation and count.
func TestExampleArticle(t *testing.T) {
	const path = "../../examples/iraq-coalition-2024-01-24.txt"
	var arts []reader.Article
	err := reader.Walk(context.Background(), []string{path}, nil, reader.Auto, func(a reader.Article, err error) error {
		if err != nil {
			return err
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(arts) != 1 {
		t.Fatalf("reading %s: %v (%d articles)", path, err, len(arts))
	}
	a := &arts[0]
	es, _ := coder.New(nil).Code(a, nil)
	enrich.Article(a, es)

	// The US–Iraq talks: four anonymous sources via Reuters.
	talks := 0
	for _, e := range es {
		if e.Evidence.SentenceIndex != 0 || e.CAMEO.Code[:2] != "04" {
			continue
		}
		talks++
		at := e.Attribution
		if at == nil || !at.Anonymous || at.Number != 4 || at.Via != "Reuters" {
			t.Errorf("talks %s: attribution %+v, want 4 anonymous sources via Reuters", e.Evidence.Trigger, at)
		} else if a.Text[at.Start:at.End] != at.Text {
			t.Errorf("attribution offsets %d:%d do not hold %q", at.Start, at.End, at.Text)
		}
	}
	if talks == 0 {
		t.Error("no talks event in sentence 0")
	}

	// The administration source of the machine-translated sentence.
	for _, e := range es {
		if strings.HasPrefix(e.Evidence.Sentence, "American according to") {
			if at := e.Attribution; at == nil || !at.Anonymous || at.Sector != "GOV" {
				t.Errorf("%s: attribution %+v, want an anonymous GOV source", e.Evidence.Trigger, at)
			}
		}
	}

	// The strikes: about 150 attacks.
	var strikes *event.Count
	for _, e := range es {
		for i, c := range e.Counts {
			if c.Object == "strikes" {
				strikes = &e.Counts[i]
			}
		}
	}
	if strikes == nil || strikes.Kind != "attacks" || strikes.Number != 150 || !strikes.Approximate {
		t.Errorf("strikes count %+v, want attacks 150 approximate", strikes)
	}

	// The quotation of the anonymous source.
	qs := enrich.Quotes(a)
	found := false
	for _, q := range qs {
		if strings.HasPrefix(q.Text, "We have been discussing this for months.") {
			found = true
			if q.Speaker != "the source" || !q.Anonymous || q.Sector != "GOV" || a.Text[q.Start:q.End] != q.Text {
				t.Errorf("quotation %+v, want the anonymous administration (GOV) source", q)
			}
		}
	}
	if !found {
		t.Errorf("quotation not found in %+v", qs)
	}
}
