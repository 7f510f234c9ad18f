package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
)

// The dictionary numbers every distinct tuple of strings the events repeat:
// an actor (code, country, sectors, name, sponsor), a coding (CAMEO,
// Goldstein, quad class, PLOVER, ACLED), a place, a modality, a rule, a
// publisher. The tables then hold numbers alone, which is what lets DuckDB
// store half a million events a second: a column of small integers
// compresses to a few bits a row and appends without touching a string.
// An actor coded a million times is one row of the dict table.
//
// The dict table keeps each tuple as a JSON array of strings under its
// kind; the views events and mentions read it for SQL users.

// Kinds of dictionary entries, stored in dict.kind.
const (
	kindActor  = 'a' // code, country, sectors (comma-joined), name, sponsor
	kindCoding = 'c' // CAMEO code, base, root, name; Goldstein; quad; PLOVER event, mode; ACLED ("1" or ""), type, sub-type
	kindMode   = 'm' // modality, modality cue, date precision, date type
	kindPlace  = 'p' // resolved, country, admin1, lat, lon, precision, geonameid
	kindAttrib = 't' // source, code, anonymous, number, sector, via
	kindCount  = 'n' // kind, number, approximate, object
	kindString = 's' // one string: a rule, a publisher key, a text that is not a slice of its article
)

// dictionary is the in-memory copy of the dict table, loaded when the store
// opens and grown by writes. Number 0 means "none" in every column.
type dictionary struct {
	mu    sync.RWMutex
	ids   map[string]int32 // key (see key) → number
	vals  [][]string       // number-1 → tuple
	kinds []byte           // number-1 → kind
	saved int              // entries up to here are in the dict table
}

func newDictionary() *dictionary {
	return &dictionary{ids: map[string]int32{}}
}

// load reads the dict table.
func (d *dictionary) load(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT id, kind, val FROM dict ORDER BY id`)
	if err != nil {
		return fmt.Errorf("load dictionary: %w", err)
	}
	defer rows.Close()
	d.mu.Lock()
	defer d.mu.Unlock()
	for rows.Next() {
		var id int32
		var kind, val string
		if err := rows.Scan(&id, &kind, &val); err != nil {
			return fmt.Errorf("load dictionary: %w", err)
		}
		if int(id) != len(d.vals)+1 || len(kind) != 1 {
			return fmt.Errorf("load dictionary: entry %d (%q) out of order", id, kind)
		}
		var tuple []string
		if err := json.Unmarshal([]byte(val), &tuple); err != nil {
			return fmt.Errorf("load dictionary: entry %d: %w", id, err)
		}
		d.ids[string(keyOf(kind[0], tuple))] = id
		d.vals = append(d.vals, tuple)
		d.kinds = append(d.kinds, kind[0])
	}
	d.saved = len(d.vals)
	return rows.Err()
}

// numberOf returns the number of the tuple whose key is k (see key),
// adding it if new. Any goroutine may add: a number once handed out stays
// the tuple's, in memory, even if the write that meant to save it fails.
// Each write saves every entry not yet saved (pending) in its transaction
// and marks them saved (commit) when it commits, so an entry is in the
// dict table before or with the first rows that use it.
func (d *dictionary) numberOf(k []byte) int32 {
	d.mu.RLock()
	id, ok := d.ids[string(k)]
	d.mu.RUnlock()
	if ok {
		return id
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.ids[string(k)]; ok {
		return id
	}
	kind, tuple := parseKey(k)
	d.vals = append(d.vals, tuple)
	d.kinds = append(d.kinds, kind)
	id = int32(len(d.vals))
	d.ids[string(k)] = id
	return id
}

// key builds the map key of a tuple without allocating: its kind, then
// each field after its length, so that no two tuples share a key.
type key struct {
	b   []byte
	arr [192]byte
}

func (k *key) start(kind byte) {
	if k.b == nil {
		k.b = k.arr[:0]
	}
	k.b = append(k.b[:0], kind)
}

func (k *key) str(s string) {
	k.b = binary.AppendUvarint(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
}

func (k *key) bytes(s []byte) {
	k.b = binary.AppendUvarint(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
}

func (k *key) int(n int) {
	var a [24]byte
	k.bytes(strconv.AppendInt(a[:0], int64(n), 10))
}

func (k *key) flag(b bool) {
	if b {
		k.str("1")
	} else {
		k.str("")
	}
}

// parseKey reads a key back into its kind and tuple.
func parseKey(k []byte) (byte, []string) {
	kind, rest := k[0], k[1:]
	var tuple []string
	for len(rest) > 0 {
		n, w := binary.Uvarint(rest)
		tuple = append(tuple, string(rest[w:w+int(n)]))
		rest = rest[w+int(n):]
	}
	return kind, tuple
}

// keyOf returns the key of a tuple.
func keyOf(kind byte, tuple []string) []byte {
	var k key
	k.start(kind)
	for _, f := range tuple {
		k.str(f)
	}
	return k.b
}

// tuple returns entry id, nil for 0 or an unknown number.
func (d *dictionary) tuple(id int32) []string {
	if id <= 0 {
		return nil
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if int(id) > len(d.vals) {
		return nil
	}
	return d.vals[id-1]
}

// string returns the string entry id, "" for 0.
func (d *dictionary) string(id int32) string {
	if t := d.tuple(id); len(t) > 0 {
		return t[0]
	}
	return ""
}

// pending returns the entries not yet saved, from number first.
func (d *dictionary) pending() (first int32, kinds []byte, vals [][]string) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return int32(d.saved + 1), d.kinds[d.saved:], d.vals[d.saved:]
}

// commit marks the entries up to number last saved: what pending returned
// to a write that committed. Entries numbered since stay pending.
func (d *dictionary) commit(last int32) {
	d.mu.Lock()
	d.saved = max(d.saved, int(last))
	d.mu.Unlock()
}

// matching returns the numbers of the entries of kind that pass ok, for
// filters: "every actor whose code starts with USA".
func (d *dictionary) matching(kind byte, ok func(t []string) bool) []int32 {
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := []int32{}
	for n, t := range d.vals {
		if d.kinds[n] == kind && ok(t) {
			out = append(out, int32(n+1))
		}
	}
	return out
}

// lookup returns the number of the tuple of kind if it has one.
func (d *dictionary) lookup(kind byte, tuple ...string) (int32, bool) {
	key := keyOf(kind, tuple)
	d.mu.RLock()
	defer d.mu.RUnlock()
	id, ok := d.ids[string(key)]
	return id, ok
}
