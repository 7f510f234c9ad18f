package store

import (
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"slices"
)

// index is what a write looks up in memory rather than asking DuckDB: the
// articles stored and the dated events a report may be folded into. Asking
// took two queries a batch, and the second joined the batch's keys with the
// whole events table, so its cost grew with the store; a map lookup does
// not. It costs about 30 bytes an event and 10 an article: 40 MB for a
// store of a million events. The index is built from the tables on the
// first write after the store opens and kept up to date by each commit; a
// write that rolls back drops it, to be built again.
type index struct {
	// arts holds a hash of every stored article ID. A hit means "maybe
	// stored": the write then reads those articles by ID, so a collision
	// costs a query, never a wrong answer.
	arts map[uint64]struct{}
	// events maps a dedup key to its dated event when the key has events
	// on one day only, which is most keys; a key with events on several
	// days maps to a list of them in lists, by day. The fold rule (a report
	// joins an event of its key at most a day away) makes a second event
	// of the same key and day rare: only the oldest is kept, the one the
	// rule would pick. A report thus costs one map lookup.
	events map[int64]dayEvent
	lists  [][]dayEvent
}

// dayEvent is an event (by seq) on a day; on day many, seq is the index of
// a list in index.lists.
type dayEvent struct {
	day day
	seq int64
}

const many = noDay

var idSeed = maphash.MakeSeed()

func hashID(id string) uint64 { return maphash.String(idSeed, id) }

// loadIndex builds the index from the tables, if it is not built.
func (s *DuckDB) loadIndex(ctx context.Context) error {
	if s.idx != nil {
		return nil
	}
	x := &index{arts: make(map[uint64]struct{}, s.aseq), events: make(map[int64]dayEvent, s.seq)}
	rows, err := s.w.QueryContext(ctx, `SELECT id FROM articles`)
	if err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("index articles: %w", err)
		}
		x.arts[hashID(id)] = struct{}{}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	rows, err = s.w.QueryContext(ctx, `SELECT dkey, day, seq FROM event_rows WHERE day IS NOT NULL`)
	if err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	for rows.Next() {
		var key int64
		var d day
		var seq int64
		if err := rows.Scan(&key, &d, &seq); err != nil {
			rows.Close()
			return fmt.Errorf("index events: %w", err)
		}
		x.add(key, d, seq)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	s.idx = x
	return nil
}

// add records event seq of key on day d unless an older one is there.
func (x *index) add(key int64, d day, seq int64) {
	e, ok := x.events[key]
	switch {
	case !ok:
		x.events[key] = dayEvent{d, seq}
	case e.day == many:
		x.lists[e.seq] = addDay(x.lists[e.seq], d, seq)
	case e.day == d:
		x.events[key] = dayEvent{d, min(e.seq, seq)}
	default:
		x.lists = append(x.lists, addDay([]dayEvent{e}, d, seq))
		x.events[key] = dayEvent{many, int64(len(x.lists) - 1)}
	}
}

// addDay adds event seq on day d to ds, by day, unless an older one is
// there on d.
func addDay(ds []dayEvent, d day, seq int64) []dayEvent {
	i, found := slices.BinarySearchFunc(ds, d, func(e dayEvent, d day) int { return cmp.Compare(e.day, d) })
	if found {
		ds[i].seq = min(ds[i].seq, seq)
		return ds
	}
	return slices.Insert(ds, i, dayEvent{d, seq})
}

// remove takes event seq of key on day d out of the index.
func (x *index) remove(key int64, d day, seq int64) {
	e, ok := x.events[key]
	switch {
	case !ok:
	case e.day == many:
		ds := x.lists[e.seq]
		if i := slices.Index(ds, dayEvent{d, seq}); i >= 0 {
			x.lists[e.seq] = slices.Delete(ds, i, i+1)
			if len(x.lists[e.seq]) == 0 {
				x.lists[e.seq] = nil // its slot stays unused
				delete(x.events, key)
			}
		}
	case e.seq == seq:
		delete(x.events, key)
	}
}

// nearest returns the event a report of key on day d folds into: the one
// on d, else the older of those a day before and after.
func (x *index) nearest(key int64, d day) (int64, bool) {
	e, ok := x.events[key]
	switch {
	case !ok:
		return 0, false
	case e.day != many:
		return e.seq, e.day >= d-1 && e.day <= d+1
	}
	ds := x.lists[e.seq]
	i, found := slices.BinarySearchFunc(ds, d, func(e dayEvent, d day) int { return cmp.Compare(e.day, d) })
	if found {
		return ds[i].seq, true
	}
	// ds[i-1] is the last day before d, ds[i] the first after.
	b, a := int64(-1), int64(-1)
	if i > 0 && ds[i-1].day == d-1 {
		b = ds[i-1].seq
	}
	if i < len(ds) && ds[i].day == d+1 {
		a = ds[i].seq
	}
	switch {
	case b >= 0 && (a < 0 || b < a):
		return b, true
	case a >= 0:
		return a, true
	}
	return 0, false
}
