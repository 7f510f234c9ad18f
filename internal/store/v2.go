package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/event"
)

// convertV2 moves the articles of a version 2 store, which migration 3
// renamed to v2_articles, v2_mention_rows, v2_event_rows and v2_extras,
// into the version 3 tables a thousand articles at a time, then drops the
// v2 tables. Nothing is folded again: every article and mention keeps its
// seq and every mention its event, so event IDs and report counts stay as
// they were. The dictionary is the same; each mention is read back as its
// event.Event and encoded again, for its dedup key and details. Each
// thousand articles is one transaction, and interrupted, the conversion
// goes on after the last article moved the next time the store opens for
// writing (OpenReadOnly refuses a store until it is done).
func (s *DuckDB) convertV2(ctx context.Context) error {
	if ok, err := s.hasTable(ctx, "v2_articles"); err != nil || !ok {
		return err
	}
	var last int64
	if err := s.w.QueryRowContext(ctx, `SELECT coalesce(max(seq), -9223372036854775808) FROM articles`).Scan(&last); err != nil {
		return fmt.Errorf("convert version 2 store: %w", err)
	}
	for {
		next, err := s.v2Batch(ctx, last, 1000)
		if err != nil {
			return fmt.Errorf("convert version 2 store: %w", err)
		}
		if next == last {
			break
		}
		last = next
	}
	// The v2 tables go in one transaction: a store with some of them
	// could not be converted.
	drop := `BEGIN TRANSACTION; DROP TABLE v2_extras; DROP TABLE v2_event_rows; DROP TABLE v2_mention_rows; DROP TABLE v2_articles; COMMIT`
	if _, err := s.w.ExecContext(ctx, drop); err != nil {
		s.w.ExecContext(context.Background(), `ROLLBACK`)
		return fmt.Errorf("convert version 2 store: %w", err)
	}
	s.idx = nil // built again from the new tables by the next write
	return nil
}

// hasTable reports whether the store has the table name.
func (s *DuckDB) hasTable(ctx context.Context, name string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'`, name).Scan(&n)
	return n > 0, err
}

// v2Batch moves up to n v2 articles after seq, with their mentions, in one
// transaction, and returns the seq of the last it moved (after, if none).
func (s *DuckDB) v2Batch(ctx context.Context, after int64, n int) (int64, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT seq, id, coalesce(date::VARCHAR, ''), title, url, source, language, text, sha, stored_at
		FROM v2_articles WHERE seq > ? ORDER BY seq LIMIT ?`, after, n)
	if err != nil {
		return after, err
	}
	var as []arow
	arts := map[int64]*stored{}
	last := after
	for rows.Next() {
		var a arow
		var date string
		var at time.Time
		if err := rows.Scan(&a.seq, &a.id, &date, &a.title, &a.url, &a.source, &a.language, &a.text, &a.sha, &at); err != nil {
			rows.Close()
			return after, err
		}
		a.date, a.storedAt, last = parseDay(date), at.UnixMicro(), a.seq
		arts[a.seq] = &stored{id: a.id, date: date, url: a.url, source: a.source, text: a.text,
			skey: sourceKey(&event.Event{Publisher: a.source, URL: a.url})}
		as = append(as, a)
	}
	if err := rows.Close(); err != nil || len(as) == 0 {
		return after, err
	}
	rs, err := s.v2Mentions(ctx, after, last)
	if err != nil {
		return after, err
	}
	// Each mention as its event, encoded again with its v2 numbers.
	dec := decoder{d: s.dict}
	ms := make([]mention, len(rs))
	for i := range rs {
		r := &rs[i]
		m := &ms[i]
		m.e, m.art = &event.Event{}, arts[r.aseq]
		dec.decode(r, m.art, m.e)
		m.row = mrow{seq: r.seq, event: r.event, aseq: r.aseq, day: parseDay(m.e.Date), dkey: dedupKey(m.e)}
	}
	s.encode(ms)
	byArticle := rowsByArticle(ms) // ms are in seq order
	for i := range as {
		rs := byArticle[as[i].seq]
		as[i].details = detailsOf(len(rs), func(j int) *mrow { return rs[j] }, func(j int) int64 { return rs[j].seq })
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return after, err
	}
	committed := false
	defer func() {
		if !committed {
			s.w.ExecContext(context.Background(), `ROLLBACK`)
		}
	}()
	lastDict, err := s.insertRows(ctx, as, ms)
	if err != nil {
		return after, err
	}
	if _, err := s.w.ExecContext(ctx, `COMMIT`); err != nil {
		return after, err
	}
	committed = true
	s.dict.commit(lastDict)
	s.aseq = max(s.aseq, last)
	for i := range ms {
		s.seq = max(s.seq, ms[i].row.seq)
	}
	return last, nil
}

// v2Mentions reads the v2 mentions of the articles with seqs in (after,
// last], with their extras, in storing order.
func (s *DuckDB) v2Mentions(ctx context.Context, after, last int64) ([]mrow, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT seq, event, id_hi, id_lo, aseq, day, mode, src, src_span, tgt, tgt_span,
		coding, place, place_span, attrib, attrib_span, sentence, span, trigger, sent_index, rule, confidence, skey, flags
		FROM v2_mention_rows WHERE aseq > ? AND aseq <= ? ORDER BY seq`, after, last)
	if err != nil {
		return nil, err
	}
	var ms []mrow
	bySeq := map[int64]int{}
	for rows.Next() {
		var m mrow
		var d sql.NullInt32
		if err := rows.Scan(&m.seq, &m.event, &m.idHi, &m.idLo, &m.aseq, &d, &m.mode, &m.src, &m.srcSpan, &m.tgt, &m.tgtSpan,
			&m.coding, &m.place, &m.placeSpan, &m.attrib, &m.attribSpan, &m.sentence, &m.span, &m.trigger, &m.sentIndex,
			&m.rule, &m.confidence, &m.skey, &m.flags); err != nil {
			rows.Close()
			return nil, err
		}
		m.day = dayOf(d)
		bySeq[m.seq] = len(ms)
		ms = append(ms, m)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	rows, err = s.w.QueryContext(ctx, `SELECT x.seq, x.kind, x.ord, x.ref, x.span FROM v2_extras x
		JOIN v2_mention_rows m ON m.seq = x.seq WHERE m.aseq > ? AND m.aseq <= ? ORDER BY x.seq, x.kind, x.ord`, after, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var x extra
		if err := rows.Scan(&seq, &x.kind, &x.ord, &x.ref, &x.span); err != nil {
			return nil, err
		}
		if i, ok := bySeq[seq]; ok {
			ms[i].extras = append(ms[i].extras, x)
		}
	}
	return ms, rows.Err()
}
