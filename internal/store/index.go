package store

import (
	"context"
	"fmt"
	"hash/maphash"
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
	// days maps to many, and more maps the key and each of its days to
	// the oldest event with them. The fold rule (a report joins an event
	// of its key at most a day away) makes a second event of the same key
	// and day rare; the oldest is the one the rule would pick. Most
	// reports of a new happening thus cost one lookup.
	events map[int64]dayEvent
	more   map[keyDay]int64
}

// dayEvent is an event (by seq) on a day; seq many stands for several.
type dayEvent struct {
	day day
	seq int64
}

const many = -1

// keyDay is a dedup key on a day.
type keyDay struct {
	key int64
	day day
}

var idSeed = maphash.MakeSeed()

func hashID(id string) uint64 { return maphash.String(idSeed, id) }

// loadIndex builds the index from the tables, if it is not built.
func (s *DuckDB) loadIndex(ctx context.Context) error {
	if s.idx != nil {
		return nil
	}
	x := &index{arts: make(map[uint64]struct{}, s.aseq), events: make(map[int64]dayEvent, s.seq), more: map[keyDay]int64{}}
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
		var k keyDay
		var seq int64
		if err := rows.Scan(&k.key, &k.day, &seq); err != nil {
			rows.Close()
			return fmt.Errorf("index events: %w", err)
		}
		x.add(k.key, k.day, seq)
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
	case e.seq != many && e.day == d:
		x.events[key] = dayEvent{d, min(e.seq, seq)}
	case e.seq != many:
		x.more[keyDay{key, e.day}] = e.seq
		x.more[keyDay{key, d}] = seq
		x.events[key] = dayEvent{seq: many}
	default:
		if old, ok := x.more[keyDay{key, d}]; !ok || old > seq {
			x.more[keyDay{key, d}] = seq
		}
	}
}

// remove takes event seq of key on day d out of the index.
func (x *index) remove(key int64, d day, seq int64) {
	e, ok := x.events[key]
	switch {
	case !ok:
	case e.seq == many:
		if x.more[keyDay{key, d}] == seq {
			delete(x.more, keyDay{key, d})
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
	case e.seq != many:
		return e.seq, e.day >= d-1 && e.day <= d+1
	}
	if v, ok := x.more[keyDay{key, d}]; ok {
		return v, true
	}
	b, okb := x.more[keyDay{key, d - 1}]
	a, oka := x.more[keyDay{key, d + 1}]
	switch {
	case okb && (!oka || b < a):
		return b, true
	case oka:
		return a, true
	}
	return 0, false
}
