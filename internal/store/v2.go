package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// convertV2 moves the articles of a version 2 store, which migration 3
// renamed to v2_articles, v2_mention_rows, v2_event_rows and v2_extras,
// into the version 3 tables a thousand articles at a time, then drops the
// v2 tables. The dictionary is the same; each article's mentions are read
// back as events and stored again, folded by the same rule in the same
// order. Interrupted, it goes on where it stopped the next time the store
// opens: articles already moved are skipped as any stored article is.
func (s *DuckDB) convertV2(ctx context.Context) error {
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = 'v2_mention_rows' AND table_schema = 'main'`).Scan(&n); err != nil || n == 0 {
		return err
	}
	last := int64(-1 << 63)
	for {
		docs, next, err := s.v2Batch(ctx, last, 1000)
		if err != nil {
			return fmt.Errorf("convert version 2 store: %w", err)
		}
		if len(docs) == 0 {
			break
		}
		if _, err := s.PutBatch(ctx, docs, PutOptions{}); err != nil {
			return fmt.Errorf("convert version 2 store: %w", err)
		}
		last = next
	}
	for _, t := range []string{"v2_extras", "v2_event_rows", "v2_mention_rows", "v2_articles"} {
		if _, err := s.w.ExecContext(ctx, `DROP TABLE `+t); err != nil {
			return fmt.Errorf("convert version 2 store: %w", err)
		}
	}
	return nil
}

// v2Batch reads up to n v2 articles after seq, with their events in
// storing order.
func (s *DuckDB) v2Batch(ctx context.Context, after int64, n int) ([]Doc, int64, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT seq, id, coalesce(date::VARCHAR, ''), title, url, source, language, text
		FROM v2_articles WHERE seq > ? ORDER BY seq LIMIT ?`, after, n)
	if err != nil {
		return nil, 0, err
	}
	var docs []Doc
	arts := map[int64]*stored{}
	bySeq := map[int64]int{}
	last := after
	for rows.Next() {
		a := &reader.Article{}
		if err := rows.Scan(&last, &a.ID, &a.Date, &a.Title, &a.URL, &a.Source, &a.Language, &a.Text); err != nil {
			rows.Close()
			return nil, 0, err
		}
		bySeq[last] = len(docs)
		arts[last] = &stored{id: a.ID, date: a.Date, url: a.URL, source: a.Source, text: a.Text}
		docs = append(docs, Doc{Article: a, Events: []event.Event{}})
	}
	if err := rows.Close(); err != nil || len(docs) == 0 {
		return nil, 0, err
	}
	ms, err := s.v2Mentions(ctx, after, last)
	if err != nil {
		return nil, 0, err
	}
	dec := decoder{d: s.dict}
	for i := range ms {
		m := &ms[i]
		d := &docs[bySeq[m.aseq]]
		var e event.Event
		dec.decode(m, arts[m.aseq], &e)
		d.Events = append(d.Events, e)
	}
	return docs, last, nil
}

// v2Mentions reads the v2 mentions of the articles with seqs in (after,
// last], with their extras, in storing order.
func (s *DuckDB) v2Mentions(ctx context.Context, after, last int64) ([]mrow, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT seq, id_hi, id_lo, aseq, day, mode, src, src_span, tgt, tgt_span,
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
		if err := rows.Scan(&m.seq, &m.idHi, &m.idLo, &m.aseq, &d, &m.mode, &m.src, &m.srcSpan, &m.tgt, &m.tgtSpan,
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
