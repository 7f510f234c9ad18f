package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// where is a WHERE clause under construction: conditions joined by AND,
// with their arguments. Values only ever travel as arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(w.conds, " AND ")
}

// filterWhere translates f into conditions on the events table aliased e.
func filterWhere(f *Filter) (*where, error) {
	w := &where{}
	for _, d := range []struct{ name, v, op string }{{"from", f.From, ">="}, {"to", f.To, "<="}} {
		if d.v == "" {
			continue
		}
		if parseDay(d.v) == noDay {
			return nil, fmt.Errorf("filter: %s %q: want a date YYYY-MM-DD", d.name, d.v)
		}
		w.add("e.date "+d.op+" ?::DATE", d.v)
	}
	if f.Source != "" {
		w.add("starts_with(e.source_code, ?)", f.Source)
	}
	if f.Target != "" {
		w.add("starts_with(e.target_code, ?)", f.Target)
	}
	if f.Country != "" {
		w.add("e.country = ?", f.Country)
	}
	if f.CAMEO != "" {
		w.add("starts_with(e.cameo_code, ?)", f.CAMEO)
	}
	if f.Root != "" {
		w.add("e.cameo_root = ?", f.Root)
	}
	if f.Quad != 0 {
		w.add("e.quad_class = ?", f.Quad)
	}
	if f.PLOVER != "" {
		w.add("e.plover_event = ?", f.PLOVER)
	}
	if f.ACLED != "" {
		w.add("e.acled_event_type = ?", f.ACLED)
	}
	if f.Text != "" {
		// contains() is literal: % and _ are not wildcards.
		w.add("e.id IN (SELECT event_id FROM mentions WHERE contains(lower(sentence), lower(?)))", f.Text)
	}
	return w, nil
}

// rowSelect reads an event row: counts and record.
const rowSelect = `e.num_mentions, e.num_sources, e.num_articles, e.record`

// scanRow scans rowSelect into r.
func scanRow(rows *sql.Rows, r *Row) error {
	var record string
	if err := rows.Scan(&r.NumMentions, &r.NumSources, &r.NumArticles, &record); err != nil {
		return err
	}
	return decodeRecord(record, &r.Event)
}

// The order of Events: newest first, undated last, then by ID.
const eventOrder = `ORDER BY e.date DESC NULLS LAST, e.id`

func encodeCursor(r *Row) string {
	return base64.RawURLEncoding.EncodeToString([]byte(r.Date + "\x00" + r.ID))
}

// cursorWhere adds the condition "after the row the cursor names".
func cursorWhere(w *where, cursor string) error {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	date, id, ok := strings.Cut(string(raw), "\x00")
	if err != nil || !ok || id == "" || date != "" && parseDay(date) == noDay {
		return fmt.Errorf("cursor %q: %w", cursor, ErrBadCursor)
	}
	if date == "" {
		w.add("(e.date IS NULL AND e.id > ?)", id)
	} else {
		w.add("(e.date < ?::DATE OR e.date = ?::DATE AND e.id > ? OR e.date IS NULL)", date, date, id)
	}
	return nil
}

// Events returns one page of matching events; see Store.Events.
func (s *DuckDB) Events(ctx context.Context, f Filter) ([]Row, string, error) {
	w, err := filterWhere(&f)
	if err != nil {
		return nil, "", err
	}
	if f.Cursor != "" {
		if err := cursorWhere(w, f.Cursor); err != nil {
			return nil, "", fmt.Errorf("events: %w", err)
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	out, err := s.page(ctx, w, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	if len(out) <= limit {
		return out, "", nil
	}
	out = out[:limit]
	return out, encodeCursor(&out[limit-1]), nil
}

// page returns the first n events matching w in the order of Events. It
// sorts on the narrow columns first and then reads the records of the page
// alone through the index on id, in the same transaction: sorting with the
// records would read every matching record.
func (s *DuckDB) page(ctx context.Context, w *where, n int) ([]Row, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT e.id FROM events e WHERE `+w.sql()+` `+eventOrder+` LIMIT ?`, append(w.args, n)...)
	if err != nil {
		return nil, err
	}
	var ids []any
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	marks := strings.Repeat(",?", len(ids))[1:]
	rows, err = tx.QueryContext(ctx, `SELECT `+rowSelect+` FROM events e WHERE e.id IN (`+marks+`)`, ids...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]Row, len(ids))
	for rows.Next() {
		var r Row
		if err := scanRow(rows, &r); err != nil {
			return nil, err
		}
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id.(string)]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// Each streams matching events; see Store.Each.
func (s *DuckDB) Each(ctx context.Context, f Filter, fn func(*Row) error) error {
	w, err := filterWhere(&f)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+rowSelect+` FROM events e WHERE `+w.sql()+` `+eventOrder, w.args...)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var r Row
	for rows.Next() {
		if err := scanRow(rows, &r); err != nil {
			return fmt.Errorf("events: %w", err)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// Intervals are the values Series accepts for interval, SeriesKeys those
// for by.
var (
	Intervals  = []string{"day", "week", "month", "year"}
	SeriesKeys = []string{"", "root", "quad", "plover", "acled", "country", "source", "target"}
)

// seriesKey is the SQL of each split of Series.
var seriesKey = map[string]string{
	"":        "''",
	"root":    "e.cameo_root",
	"quad":    "e.quad_class::VARCHAR",
	"plover":  "e.plover_event",
	"acled":   "coalesce(e.acled_event_type, '')",
	"country": "coalesce(e.country, '')",
	"source":  "e.source_code",
	"target":  "e.target_code",
}

// Series counts matching dated events per bucket and key; see Store.Series.
func (s *DuckDB) Series(ctx context.Context, f Filter, interval, by string) ([]Point, error) {
	known := false
	for _, i := range Intervals {
		known = known || i == interval
	}
	if !known {
		return nil, fmt.Errorf("series: unknown interval %q: want one of %s", interval, strings.Join(Intervals, ", "))
	}
	k, ok := seriesKey[by]
	if !ok {
		return nil, fmt.Errorf("series: unknown split %q: want one of %s", by, strings.Join(SeriesKeys[1:], ", "))
	}
	w, err := filterWhere(&f)
	if err != nil {
		return nil, err
	}
	w.add("e.date IS NOT NULL")
	// interval and k come from the tables above, never from the caller.
	// Group on the date, not its text: casting every row to VARCHAR before
	// grouping cost most of the time on a million events.
	rows, err := s.db.QueryContext(ctx, `SELECT b::VARCHAR, k, n FROM (
		SELECT date_trunc('`+interval+`', e.date)::DATE AS b, `+k+` AS k, count(*) AS n
		FROM events e WHERE `+w.sql()+` GROUP BY b, k) ORDER BY b, k`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	defer rows.Close()
	pts := []Point{}
	for rows.Next() {
		var p Point
		if err := rows.Scan(&p.Bucket, &p.Key, &p.Events); err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
		pts = append(pts, p)
	}
	return pts, rows.Err()
}

// Dyads returns the busiest actor pairs; see Store.Dyads.
func (s *DuckDB) Dyads(ctx context.Context, f Filter, n int) ([]Dyad, error) {
	if n <= 0 {
		return []Dyad{}, nil
	}
	w, err := filterWhere(&f)
	if err != nil {
		return nil, err
	}
	w.add("e.source_code <> '' AND e.target_code <> ''")
	rows, err := s.db.QueryContext(ctx, `SELECT e.source_code, e.target_code, count(*) AS n, avg(e.goldstein)
		FROM events e WHERE `+w.sql()+` GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?`, append(w.args, n)...)
	if err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	defer rows.Close()
	ds := []Dyad{}
	for rows.Next() {
		var d Dyad
		if err := rows.Scan(&d.Source, &d.Target, &d.Events, &d.Goldstein); err != nil {
			return nil, fmt.Errorf("dyads: %w", err)
		}
		ds = append(ds, d)
	}
	return ds, rows.Err()
}

// Article returns an article and its mentions; see Store.Article.
func (s *DuckDB) Article(ctx context.Context, id string) (*ArticleRow, []Row, error) {
	a := &ArticleRow{}
	var date sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, date::VARCHAR, title, text, url, source, language, sha FROM articles WHERE id = ?`, id).
		Scan(&a.ID, &date, &a.Title, &a.Text, &a.URL, &a.Publisher, &a.Language, &a.SHA)
	if err == sql.ErrNoRows {
		return nil, nil, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	a.Date = date.String
	rows, err := s.db.QueryContext(ctx, `SELECT e.num_mentions, e.num_sources, e.num_articles, m.record
		FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.article_id = ?`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	defer rows.Close()
	var out []Row
	var r Row
	for rows.Next() {
		if err := scanRow(rows, &r); err != nil {
			return nil, nil, fmt.Errorf("article %q: %w", id, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	slices.SortFunc(out, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Evidence.Start, b.Evidence.Start), cmp.Compare(a.ID, b.ID))
	})
	return a, out, nil
}

// Mentions returns the reports of an event; see Store.Mentions.
func (s *DuckDB) Mentions(ctx context.Context, id string) ([]event.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT record FROM mentions WHERE event_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("mentions of %q: %w", id, err)
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		var record string
		if err := rows.Scan(&record); err != nil {
			return nil, fmt.Errorf("mentions of %q: %w", id, err)
		}
		var e event.Event
		if err := decodeRecord(record, &e); err != nil {
			return nil, fmt.Errorf("mentions of %q: %w", id, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mentions of %q: %w", id, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	return out, nil
}

// Totals counts what is stored.
func (s *DuckDB) Totals(ctx context.Context) (Totals, error) {
	var t Totals
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM mentions)`).
		Scan(&t.Articles, &t.Events, &t.Mentions)
	if err != nil {
		return t, fmt.Errorf("totals: %w", err)
	}
	return t, nil
}
