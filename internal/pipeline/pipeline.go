// Package pipeline wires sitrep's stages: readers feed articles to a pool of
// coder workers, whose events pass the enrichers and reach an output
// function in input order. Memory stays constant: at most a few articles per
// worker are in flight.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/coder"
	"github.com/sitrep/sitrep/internal/enrich"
	"github.com/sitrep/sitrep/internal/reader"
)

// Options configures Run.
type Options struct {
	// Paths are files, directories or "-" for Stdin; none means Stdin.
	Paths  []string
	Stdin  io.Reader
	Format reader.Format
	// DefaultDate (YYYY-MM-DD) is the publication date of articles that
	// carry none.
	DefaultDate string
	// Coder codes articles; nil means the built-in dictionaries.
	Coder *coder.Coder
	// Workers is the number of coding goroutines; 0 means GOMAXPROCS.
	Workers int
	// FactsOnly drops negated, future and hypothetical events.
	FactsOnly bool
	// Emit receives each article's events in input order, from one
	// goroutine. An error stops the run and is returned.
	Emit func(a *reader.Article, events []event.Event) error
	// Reject receives each rejected input (a *reader.ParseError or I/O
	// error), from the reading goroutine, or from the emitting goroutine for
	// an article a stage failed on. Calls never overlap.
	Reject func(err error)
	// Progress, if set, is called after each article with the totals so far,
	// from the emitting goroutine.
	Progress func(Stats)
}

// Stats are the totals of a run.
type Stats struct {
	Articles  int   // articles read, coded or rejected
	Coded     int   // articles coded
	Rejected  int   // inputs rejected with an error
	Sentences int   // sentences coded
	Tokens    int   // tokens coded
	Events    int   // events emitted
	Bytes     int64 // article text bytes coded
}

type job struct {
	seq     int
	article reader.Article
	events  []event.Event
	st      coder.Stats
	err     error // a failure inside a stage: the article is rejected
}

// process codes and enriches one article. A panic in a stage (a bug) rejects
// that article with its position instead of ending the run.
func process(c *coder.Coder, j *job, factsOnly bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			j.events = nil
			err = &reader.ParseError{File: j.article.File, Line: j.article.Line,
				Err: fmt.Errorf("internal error coding article %q: %v", j.article.ID, r)}
		}
	}()
	j.events, j.st = c.Code(&j.article, nil)
	enrich.Article(&j.article, j.events)
	if factsOnly {
		j.events = facts(j.events)
	}
	return nil
}

// Run reads, codes and emits every article of opts.Paths. It returns the
// totals and the first error that stopped the run (not a rejected article:
// those are counted and passed to Reject).
func Run(ctx context.Context, opts Options) (Stats, error) {
	c := opts.Coder
	if c == nil {
		c = coder.New(nil)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	in := make(chan *job, workers*2)
	out := make(chan *job, workers*2)
	var st Stats
	var readErr error
	var mu sync.Mutex // guards st.Rejected and st.Articles on the reading side

	go func() {
		defer close(in)
		seq := 0
		readErr = reader.Walk(ctx, paths, opts.Stdin, opts.Format, func(a reader.Article, err error) error {
			if err != nil {
				mu.Lock()
				st.Rejected++
				mu.Unlock()
				if opts.Reject != nil {
					opts.Reject(err)
				}
				return nil
			}
			if a.Date == "" {
				a.Date = opts.DefaultDate
			}
			select {
			case in <- &job{seq: seq, article: a}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				j.err = process(c, j, opts.FactsOnly)
				out <- j
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	// Emit in input order: hold early finishers until their turn.
	pending := map[int]*job{}
	next := 0
	var emitErr error
	for j := range out {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr != nil {
				continue
			}
			if j.err != nil {
				mu.Lock()
				st.Rejected++
				mu.Unlock()
				if opts.Reject != nil {
					opts.Reject(j.err)
				}
				continue
			}
			st.Coded++
			st.Sentences += j.st.Sentences
			st.Tokens += j.st.Tokens
			st.Events += len(j.events)
			st.Bytes += int64(len(j.article.Text))
			if opts.Emit != nil {
				if err := opts.Emit(&j.article, j.events); err != nil {
					emitErr = err
					cancel()
				}
			}
			if opts.Progress != nil {
				mu.Lock()
				s := st
				mu.Unlock()
				s.Articles = s.Coded + s.Rejected
				opts.Progress(s)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	st.Articles = st.Coded + st.Rejected
	if emitErr != nil {
		return st, emitErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return st, readErr
	}
	return st, ctx.Err()
}

func facts(es []event.Event) []event.Event {
	kept := es[:0]
	for _, e := range es {
		if e.IsFact() {
			kept = append(kept, e)
		}
	}
	return kept
}
