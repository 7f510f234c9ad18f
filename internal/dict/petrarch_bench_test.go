package dict

import (
	"os"
	"path/filepath"
	"testing"
)

// benchFile parses one real dictionary file per iteration.
func benchFile(b *testing.B, rel string, f Format) {
	content, err := os.ReadFile(filepath.Join(sharedDicts, rel))
	if err != nil {
		b.Skipf("the shared dictionaries are missing (%v)", err)
	}
	s := string(content)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if d, _, _ := ParseFormat(f, filepath.Base(rel), s); d == nil {
			b.Fatal("nil dictionary")
		}
	}
}

func BenchmarkParsePetrarchActors(b *testing.B) {
	benchFile(b, "phoenix/Phoenix.Countries.actors.txt", PetrarchActors)
}

func BenchmarkParsePetrarchVerbs(b *testing.B) {
	benchFile(b, "phoenix/CAMEO.verbpatterns.150430.txt", PetrarchVerbs)
}

func BenchmarkParseTabariActors(b *testing.B) {
	benchFile(b, "tabari/CountryInfo.120116.actors", TabariActors)
}

func BenchmarkParseTabariVerbs(b *testing.B) {
	benchFile(b, "tabari/CAMEO.080612.verbs", TabariVerbs)
}
