package dict

import "testing"

// BenchmarkLoadBuiltin measures loading and compiling the embedded
// dictionaries, the start-up cost of every command that codes.

func BenchmarkLoadBuiltin(b *testing.B) {
	for b.Loop() {
		d, err := BuiltinDictionary()
		if err != nil {
			b.Fatal(err)
		}
		Compile(d)
	}
}
