package store

import (
	"context"
	"runtime"
	"strconv"
	"sync"
)

// Writer stores batches of docs in the background, in the order Put gets
// them, one transaction each (as PutBatch). With a DuckDB store, Put
// prepares a batch (IDs, hashes, dictionary numbers: work for Go) in the
// caller's goroutine while the one before it is written (work for DuckDB),
// so the two overlap; with another Store the whole PutBatch runs in the
// background.
//
// While a Writer writes into a DuckDB store, DuckDB runs on half the CPUs
// (at least one) and Prepare has the others: with as many DuckDB threads
// as CPUs, the two oversubscribe the machine, which cost about a fifth of
// the events stored a second on two cores (BenchmarkWriter). Close gives
// DuckDB its threads back (the last Writer to close, when several share a
// store).
//
// The docs given to Put belong to the Writer until Close returns: the
// caller must not change them or reuse their slices.
type Writer struct {
	s    Store
	d    *DuckDB // s, when it can prepare batches apart from writing them
	opts PutOptions
	ctx  context.Context
	jobs chan job
	done chan struct{}
	// restore gives DuckDB back the threads it had.
	restore func()

	mu  sync.Mutex
	st  PutStats
	err error
}

type job struct {
	docs  []Doc
	batch *Batch
}

// NewWriter starts a Writer storing into s with opts. ctx governs the
// writes; to store what was given after an interrupt, pass a context that
// the interrupt does not cancel.
func NewWriter(ctx context.Context, s Store, opts PutOptions) *Writer {
	w := &Writer{s: s, opts: opts, ctx: ctx, jobs: make(chan job, 1), done: make(chan struct{})}
	w.restore = func() {}
	if d, ok := s.(*DuckDB); ok && !d.readOnly {
		w.d = d
		w.restore = d.shareThreads(ctx)
	}
	go w.run()
	return w
}

func (w *Writer) run() {
	defer close(w.done)
	for j := range w.jobs {
		if w.Err() != nil {
			continue // after a failed write, store nothing more
		}
		var st PutStats
		var err error
		if j.batch != nil {
			st, err = w.d.Write(w.ctx, j.batch, w.opts)
		} else {
			st, err = w.s.PutBatch(w.ctx, j.docs, w.opts)
		}
		w.mu.Lock()
		w.st.add(st)
		if err != nil && w.err == nil {
			w.err = err
		}
		w.mu.Unlock()
	}
}

// Put queues docs to be stored. It blocks while the batch before the last
// is being written, and returns the error of any earlier write: after one
// fails, nothing more is stored.
func (w *Writer) Put(docs []Doc) error {
	if err := w.Err(); err != nil {
		return err
	}
	if len(docs) == 0 {
		return nil
	}
	j := job{docs: docs}
	if w.d != nil {
		b, err := w.d.Prepare(docs)
		if err != nil {
			return err
		}
		j = job{batch: b}
	}
	w.jobs <- j
	return nil
}

// Stats returns what the writes so far stored.
func (w *Writer) Stats() PutStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st
}

// Err returns the error of the first failed write, if any.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close waits for the queued batches to be stored and returns what all
// writes stored and the first error. Put must not be called after it.
func (w *Writer) Close() (PutStats, error) {
	close(w.jobs)
	<-w.done
	w.restore()
	return w.Stats(), w.Err()
}

// add adds the counts of o to st.
func (st *PutStats) add(o PutStats) {
	st.Articles += o.Articles
	st.Replaced += o.Replaced
	st.Skipped += o.Skipped
	st.Mentions += o.Mentions
	st.Events += o.Events
	st.Merged += o.Merged
}

// shareThreads sets DuckDB's threads to half the CPUs, if it has more, and
// returns what sets them back when the last Writer sharing them is done.
func (s *DuckDB) shareThreads(ctx context.Context) func() {
	s.threads.Lock()
	defer s.threads.Unlock()
	if s.threads.writers++; s.threads.writers == 1 {
		s.threads.had = 0
		var had int
		n := max(1, runtime.GOMAXPROCS(0)/2)
		if err := s.db.QueryRowContext(ctx, `SELECT current_setting('threads')`).Scan(&had); err == nil && had > n {
			if _, err := s.db.ExecContext(ctx, `SET threads = `+strconv.Itoa(n)); err == nil {
				s.threads.had = had
			}
		}
	}
	return func() {
		s.threads.Lock()
		defer s.threads.Unlock()
		if s.threads.writers--; s.threads.writers == 0 && s.threads.had > 0 {
			s.db.ExecContext(context.WithoutCancel(ctx), `SET threads = `+strconv.Itoa(s.threads.had))
		}
	}
}
