package store

import (
	"encoding/binary"
	"errors"
)

// A mention's details are what reading it back needs beyond its
// mention_rows columns: the offsets of its actors, place, attribution and
// evidence span, its attribution, sentence index, rule, flags and extras.
// No query filters or groups by them, so they are not columns: each
// article keeps the details of its mentions in articles.details, one record
// a mention. DuckDB's cost of an insert grows with the number of values
// (about 45 ns a value on the machine it was measured on), and this takes a
// mention from about 34 values in schema 2 (24 columns, an event row, and
// its extras' rows) to 16, plus one value an article.
// Reading a mention reads its article anyway, for the text its offsets
// point into, so the details cost reading nothing more.
//
// The details of an article are the seq of its first mention (8 bytes,
// little-endian), then its records in seq order, none for an article
// without mentions. A record is signed varints: the mention's seq as the
// difference from the record before (from the first seq for the first),
// the source, target, place,
// attribution and evidence spans (each as start, then end - start), the
// attribution's dictionary number, the sentence index, the rule's, the
// flags, the number
// of extras, and each extra as kind, ord, ref and span.

// newDetails returns the details of an article of n mentions, without
// records yet and with its first seq to be set.
func newDetails(n int) []byte {
	if n == 0 {
		return []byte{}
	}
	return make([]byte, 8, 8+24*n)
}

// setBase sets the first seq of details, which are not empty.
func setBase(details []byte, seq int64) []byte {
	if len(details) >= 8 {
		binary.LittleEndian.PutUint64(details, uint64(seq))
	}
	return details
}

// detailsOf returns the details of an article whose n mentions, in seq
// order, have rows row(j) and seqs seq(j).
func detailsOf(n int, row func(j int) *mrow, seq func(j int) int64) []byte {
	b := newDetails(n)
	for j := range n {
		delta := int64(0)
		if j == 0 {
			b = setBase(b, seq(0))
		} else {
			delta = seq(j) - seq(j-1)
		}
		b = appendDetails(b, delta, row(j))
	}
	return b
}

// appendDetails appends the details record of m to b; delta is m's seq
// less the seq of the record before, or of the first seq.
func appendDetails(b []byte, delta int64, m *mrow) []byte {
	b = binary.AppendVarint(b, delta)
	for _, sp := range [...]int64{m.srcSpan, m.tgtSpan, m.placeSpan, m.attribSpan, m.span} {
		b = appendSpan(b, sp)
	}
	b = binary.AppendVarint(b, int64(m.attrib))
	b = binary.AppendVarint(b, int64(m.sentIndex))
	b = binary.AppendVarint(b, int64(m.rule))
	b = binary.AppendVarint(b, int64(m.flags))
	b = binary.AppendVarint(b, int64(len(m.extras)))
	for _, x := range m.extras {
		b = binary.AppendVarint(b, int64(x.kind))
		b = binary.AppendVarint(b, int64(x.ord))
		b = binary.AppendVarint(b, int64(x.ref))
		b = appendSpan(b, x.span)
	}
	return b
}

func appendSpan(b []byte, sp int64) []byte {
	start, end := unspan(sp)
	b = binary.AppendVarint(b, int64(start))
	return binary.AppendVarint(b, int64(end-start))
}

var errDetails = errors.New("damaged details record")

// detailsReader reads the records of one article's details.
type detailsReader struct {
	b   []byte
	err error
}

func (r *detailsReader) next() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errDetails
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *detailsReader) span() int64 {
	start := r.next()
	return span(int(start), int(start+r.next()))
}

// readDetails reads the records of details and fills in those of the
// mentions in want, by seq.
func readDetails(details []byte, want map[int64]*mrow) error {
	if len(details) == 0 {
		return nil
	}
	if len(details) < 8 {
		return errDetails
	}
	seq := int64(binary.LittleEndian.Uint64(details))
	r := detailsReader{b: details[8:]}
	for len(r.b) > 0 && r.err == nil {
		seq += r.next()
		var d mrow
		d.srcSpan, d.tgtSpan, d.placeSpan, d.attribSpan, d.span = r.span(), r.span(), r.span(), r.span(), r.span()
		d.attrib = int32(r.next())
		d.sentIndex = int32(r.next())
		d.rule = int32(r.next())
		d.flags = int16(r.next())
		n := r.next()
		if n < 0 || n > int64(len(r.b)) {
			return errDetails
		}
		for range n {
			d.extras = append(d.extras, extra{kind: int8(r.next()), ord: int16(r.next()), ref: int32(r.next()), span: r.span()})
		}
		m := want[seq]
		if m == nil || r.err != nil {
			continue
		}
		m.srcSpan, m.tgtSpan, m.placeSpan, m.attribSpan, m.span = d.srcSpan, d.tgtSpan, d.placeSpan, d.attribSpan, d.span
		m.attrib, m.sentIndex, m.rule, m.flags, m.extras = d.attrib, d.sentIndex, d.rule, d.flags, d.extras
	}
	return r.err
}
