package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
)

// A Writer stores what PutBatch stores, in the order it got the batches.
func TestWriterStoresAsPutBatch(t *testing.T) {
	ctx := context.Background()
	sy := newSynth(7)
	batches := make([][]Doc, 5)
	for i := range batches {
		batches[i] = sy.batch(40)
	}
	one, many := openTemp(t), openTemp(t)
	var want PutStats
	for _, b := range batches {
		st, err := one.PutBatch(ctx, b, PutOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want.add(st)
	}
	w := NewWriter(ctx, many, PutOptions{})
	for _, b := range batches {
		if err := w.Put(b); err != nil {
			t.Fatal(err)
		}
	}
	got, err := w.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got != want || want.Merged == 0 {
		t.Errorf("writer stats %+v, PutBatch %+v (want equal, with merges)", got, want)
	}
	if a, b := snapshot(t, one), snapshot(t, many); a != b {
		t.Errorf("the writer stored otherwise than PutBatch:\n%s\nvs\n%s", b, a)
	}
}

// After a failed write a Writer stores nothing more and says why.
func TestWriterStopsAtTheFirstError(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.duckdb")
	openAt(t, path).Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	w := NewWriter(ctx, ro, PutOptions{})
	sy := newSynth(8)
	if err := w.Put(sy.batch(2)); err != nil {
		t.Fatal(err) // queued; the write fails later
	}
	_, err = w.Close()
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("Close: %v, want ErrReadOnly", err)
	}
	if err := NewWriter(ctx, openTemp(t), PutOptions{}).Put([]Doc{{Article: &reader.Article{}}}); err == nil {
		t.Errorf("an article without ID was queued")
	}
}

// A store opened again folds new reports into the events stored before:
// the write index is built from the tables.
func TestDedupAfterReopening(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.duckdb")
	s := openAt(t, path)
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack)
	put(t, s, a1, e1)
	s.Close()
	s = openAt(t, path)
	defer s.Close()
	a2, e2 := article("a2", "2024-01-11", "Wire B", attackAgain)
	st, err := s.PutBatch(ctx, []Doc{{a1, e1}, {a2, e2}}, PutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (PutStats{Articles: 1, Skipped: 1, Mentions: 1, Merged: 1}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	rows := allRows(t, s, Filter{})
	if len(rows) != 1 || rows[0].ID != e1[0].ID || rows[0].NumMentions != 2 || rows[0].NumSources != 2 {
		t.Errorf("rows %+v", rows)
	}
}

// Dictionary numbers handed out by a batch that was never written are
// saved by the next write that stores anything, and reopening the store
// reads every event back as it was.
func TestNumbersOfAnUnwrittenBatch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.duckdb")
	s := openAt(t, path)
	a1, e1 := article("a1", "2024-01-10", "Wire A", attack)
	a2, e2 := article("a2", "2024-01-14", "Wire B", attackElsewhere, condemn)
	if _, err := s.Prepare([]Doc{{a2, e2}}); err != nil { // numbers a2's tuples, never written
		t.Fatal(err)
	}
	put(t, s, a1, e1)
	if _, err := s.Prepare([]Doc{{a2, e2}}); err != nil { // nor is this one
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path)
	put(t, s, a2, e2)
	s.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, want := range append(e1, e2...) {
		got, ok := rowByID(allRows(t, ro, Filter{}), want.ID)
		if !ok || !reflect.DeepEqual(got.Event, want) {
			t.Errorf("event %s read back as %+v, want %+v", want.ID, got.Event, want)
		}
	}
}

func rowByID(rows []Row, id string) (Row, bool) {
	for _, r := range rows {
		if r.ID == id {
			return r, true
		}
	}
	return Row{}, false
}

// openAt opens the store file at path; the caller closes it.
func openAt(t testing.TB, path string) *DuckDB {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A Writer runs DuckDB on half the CPUs while it writes, and gives the
// threads back when it closes.
func TestWriterSharesTheCPUs(t *testing.T) {
	s := openTemp(t)
	threads := func() int {
		var n int
		if err := s.db.QueryRow(`SELECT current_setting('threads')`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	had := threads()
	w := NewWriter(context.Background(), s, PutOptions{})
	if got, want := threads(), min(had, max(1, runtime.GOMAXPROCS(0)/2)); got != want {
		t.Errorf("DuckDB threads while writing: %d, want %d", got, want)
	}
	if err := w.Put(newSynth(9).batch(3)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := threads(); got != had {
		t.Errorf("DuckDB threads after Close: %d, want %d back", got, had)
	}
}

// Two Writers on one store: the threads come back when the last closes.
func TestWritersShareTheThreadsTheyTook(t *testing.T) {
	s := openTemp(t)
	var had int
	if err := s.db.QueryRow(`SELECT current_setting('threads')`).Scan(&had); err != nil {
		t.Fatal(err)
	}
	a := NewWriter(context.Background(), s, PutOptions{})
	b := NewWriter(context.Background(), s, PutOptions{})
	a.Close()
	var n int
	if err := s.db.QueryRow(`SELECT current_setting('threads')`).Scan(&n); err != nil || n != min(had, max(1, runtime.GOMAXPROCS(0)/2)) {
		t.Errorf("threads with one Writer still open: %d (%v)", n, err)
	}
	b.Close()
	if err := s.db.QueryRow(`SELECT current_setting('threads')`).Scan(&n); err != nil || n != had {
		t.Errorf("threads after both closed: %d, want %d (%v)", n, had, err)
	}
}
