package text

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// lemmas maps irregular word forms (lower case) to their base form. It is
// built once from data/lemmas.tsv (WordNet exceptions) and
// data/lemmas-extra.tsv (sitrep's own), the latter winning.
var lemmas = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 4200)
	for _, name := range []string{"data/lemmas.tsv", "data/lemmas-extra.tsv"} {
		if err := loadPairs(name, m); err != nil {
			panic(err) // embedded data: a test loads it
		}
	}
	return m
})

func loadPairs(name string, m map[string]string) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	header := false
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		if !header {
			header = true
			continue
		}
		form, base, ok := strings.Cut(s, "\t")
		if !ok || form == "" || base == "" {
			return fmt.Errorf("%s:%d: want form<TAB>base, got %q", name, line, s)
		}
		m[form] = base
	}
	return sc.Err()
}
