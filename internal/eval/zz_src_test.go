package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/coder"
)

func TestZZSourceMisses(t *testing.T) {
	f, err := os.Open("../../../shared/eval/plover-gsr/PLOVER_GSR_CAMEO.normalized.jsonl")
	if err != nil {
		t.Skip(err)
	}
	c := coder.New(nil)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var rec ploverRecord
		json.Unmarshal(sc.Bytes(), &rec)
		es := codeSentence(c, rec.ID, rec.Date, rec.Text)
		best := Best(es)
		gold := countrySet(goldActors(rec.Source))
		pred := map[string]bool{}
		all := map[string]bool{}
		for i := range es {
			if a := es[i].Source; a != nil && a.Country != "" {
				all[a.Country] = true
				if best != nil && es[i].Evidence.TriggerStart == best.Evidence.TriggerStart {
					pred[a.Country] = true
				}
			}
		}
		for g := range gold {
			if !pred[g] {
				kind := "noevent"
				if best != nil {
					kind = "event:" + best.CAMEO.Code
				}
				fmt.Printf("SRCMISS %s gold=%s pred=%v anysrc=%v %s\n   %s\n", rec.ID, g, keys(pred), keys(all), kind, rec.Text)
			}
		}
	}
}

func keys(m map[string]bool) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	return s
}
