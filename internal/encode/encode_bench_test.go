package encode

import (
	"io"
	"testing"
)

// benchmarkEncoder encodes the assault fixture over and over to io.Discard;
// SetBytes makes the MB/s column the output rate.
func benchmarkEncoder(b *testing.B, format string) {
	e := fixtureAssault()
	enc, err := New(format, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	var n countWriter
	one, _ := New(format, &n)
	if err := one.Encode(e); err != nil {
		b.Fatal(err)
	}
	if err := one.Close(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if err := enc.Encode(e); err != nil {
			b.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		b.Fatal(err)
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// BenchmarkJSONL measures the jsonl encoder on one full event.
func BenchmarkJSONL(b *testing.B) { benchmarkEncoder(b, "jsonl") }

// BenchmarkGDELT measures the gdelt encoder on one full event.
func BenchmarkGDELT(b *testing.B) { benchmarkEncoder(b, "gdelt") }

// BenchmarkPLOVER measures the plover encoder on one full event.
func BenchmarkPLOVER(b *testing.B) { benchmarkEncoder(b, "plover") }
