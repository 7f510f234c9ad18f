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
	// events maps a dedup key and a day to the oldest stored event with
	// them. The fold rule (a report joins an event of its key at most a
	// day away) makes a second event of the same key and day rare; the
	// oldest is the one the rule would pick.
	events map[keyDay]int64
}

// keyDay is a dedup key on a day.
type keyDay struct {
	key int64
	day day
}

// inBatch marks in index.events an event made by the write in progress,
// until it commits.
const inBatch = int64(1) << 62

var idSeed = maphash.MakeSeed()

func hashID(id string) uint64 { return maphash.String(idSeed, id) }

// loadIndex builds the index from the tables, if it is not built.
func (s *DuckDB) loadIndex(ctx context.Context) error {
	if s.idx != nil {
		return nil
	}
	x := &index{arts: make(map[uint64]struct{}, s.aseq), events: make(map[keyDay]int64, s.seq)}
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
		x.addEvent(k, seq)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	s.idx = x
	return nil
}

// addEvent records event seq under k unless an older one is there.
func (x *index) addEvent(k keyDay, seq int64) {
	if old, ok := x.events[k]; !ok || old&^inBatch > seq {
		x.events[k] = seq
	}
}

// nearest returns the event a report of key on day d folds into: the one
// on d, else the older of those a day before and after. fresh says the
// event was made by the write in progress.
func (x *index) nearest(key int64, d day) (seq int64, fresh, ok bool) {
	if v, ok := x.events[keyDay{key, d}]; ok {
		return v &^ inBatch, v&inBatch != 0, true
	}
	b, okb := x.events[keyDay{key, d - 1}]
	a, oka := x.events[keyDay{key, d + 1}]
	switch {
	case okb && (!oka || b&^inBatch < a&^inBatch):
		return b &^ inBatch, b&inBatch != 0, true
	case oka:
		return a &^ inBatch, a&inBatch != 0, true
	}
	return 0, false, false
}
