package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/coder"
)

func TestZZTargetMisses(t *testing.T) {
	c := coder.New(nil)
	for i, line := range strings.Split(ownSuite, "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		id, date, text, gs, gt, code := f[0], f[1], f[2], f[3], f[4], f[5]
		if code == "none" {
			continue
		}
		best := Best(codeSentence(c, id, date, text))
		if best == nil || best.CAMEO.Root != code[:2] {
			continue
		}
		ct, _ := actorMatch(gt, best.Target)
		cs, _ := actorMatch(gs, best.Source)
		pt, ps := "-", "-"
		if best.Target != nil {
			pt = best.Target.Code + "(" + best.Target.Text + ")"
		}
		if best.Source != nil {
			ps = best.Source.Code + "(" + best.Source.Text + ")"
		}
		if ct == 0 || cs == 0 {
			fmt.Printf("TGT %s src gold=%s got=%s | tgt gold=%s got=%s\n   %s\n", id, gs, ps, gt, pt, text)
		}
	}
}
