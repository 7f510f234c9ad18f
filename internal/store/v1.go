package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// convertV1 moves the articles of a version 1 store, which migration 2
// renamed to v1_articles, v1_mentions and v1_events, into the version 2
// tables a thousand articles at a time, then drops the v1 tables. Each
// article keeps its mentions as they were coded (their JSON records) and
// they are folded again by the same rule, in the same order. Interrupted,
// it goes on where it stopped the next time the store opens.
func (s *DuckDB) convertV1(ctx context.Context) error {
	if ok, err := s.hasTable(ctx, "v1_mentions"); err != nil || !ok {
		return err
	}
	last := int64(-1 << 63)
	for {
		docs, next, err := s.v1Batch(ctx, last, 1000)
		if err != nil {
			return fmt.Errorf("convert version 1 store: %w", err)
		}
		if len(docs) == 0 {
			break
		}
		if _, err := s.PutBatch(ctx, docs, PutOptions{}); err != nil {
			return fmt.Errorf("convert version 1 store: %w", err)
		}
		last = next
	}
	for _, t := range []string{"v1_events", "v1_mentions", "v1_articles"} {
		if _, err := s.w.ExecContext(ctx, `DROP TABLE `+t); err != nil {
			return fmt.Errorf("convert version 1 store: %w", err)
		}
	}
	return nil
}

// v1Batch reads up to n v1 articles after seq, with their events.
func (s *DuckDB) v1Batch(ctx context.Context, after int64, n int) ([]Doc, int64, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT seq, id, coalesce(date::VARCHAR, ''), title, url, source, language, text
		FROM v1_articles WHERE seq > ? ORDER BY seq LIMIT ?`, after, n)
	if err != nil {
		return nil, 0, err
	}
	var docs []Doc
	byID := map[string]int{}
	var ids []string
	last := after
	for rows.Next() {
		a := &reader.Article{}
		if err := rows.Scan(&last, &a.ID, &a.Date, &a.Title, &a.URL, &a.Source, &a.Language, &a.Text); err != nil {
			rows.Close()
			return nil, 0, err
		}
		byID[a.ID] = len(docs)
		ids = append(ids, a.ID)
		docs = append(docs, Doc{Article: a, Events: []event.Event{}})
	}
	if err := rows.Close(); err != nil || len(docs) == 0 {
		return nil, 0, err
	}
	rows, err = s.w.QueryContext(ctx, `SELECT article_id, record FROM v1_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY seq`, ids)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var record sql.NullString
		if err := rows.Scan(&id, &record); err != nil {
			return nil, 0, err
		}
		var e event.Event
		if err := decodeRecord(record.String, &e); err != nil {
			return nil, 0, fmt.Errorf("article %q: %w", id, err)
		}
		d := &docs[byID[id]]
		d.Events = append(d.Events, e)
	}
	return docs, last, rows.Err()
}
