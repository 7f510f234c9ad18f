package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
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

// in adds "column is one of the numbers ids".
func (w *where) in(column string, ids []int32) {
	if len(ids) == 0 {
		w.add("FALSE")
		return
	}
	w.add(column+" IN (SELECT unnest(?::INTEGER[]))", ids)
}

// Fields of the dictionary tuples that filters and splits read.
const (
	iActorCode       = 0
	iCodingCode      = 0
	iCodingRoot      = 2
	iCodingGoldstein = 4
	iCodingQuad      = 5
	iCodingPLOVER    = 6
	iCodingACLED     = 8
	iCodingACLEDType = 9
	iPlaceCountry    = 1
)

// filterWhere translates f into conditions on the event_rows table aliased
// e. Conditions on codes become conditions on the dictionary numbers that
// stand for them.
func (s *DuckDB) filterWhere(f *Filter) (*where, error) {
	w := &where{}
	for _, d := range []struct{ name, v, op string }{{"from", f.From, ">="}, {"to", f.To, "<="}} {
		if d.v == "" {
			continue
		}
		n := parseDay(d.v)
		if n == noDay {
			return nil, fmt.Errorf("filter: %s %q: want a date YYYY-MM-DD", d.name, d.v)
		}
		w.add("e.day "+d.op+" ?", int32(n))
	}
	field := func(i int, ok func(string) bool) func([]string) bool {
		return func(t []string) bool { return i < len(t) && ok(t[i]) }
	}
	d := s.dict
	if f.Source != "" {
		w.in("e.src", d.matching(kindActor, field(iActorCode, prefixOf(f.Source))))
	}
	if f.Target != "" {
		w.in("e.tgt", d.matching(kindActor, field(iActorCode, prefixOf(f.Target))))
	}
	if f.Country != "" {
		w.in("e.place", d.matching(kindPlace, field(iPlaceCountry, equal(f.Country))))
	}
	if f.CAMEO != "" {
		w.in("e.coding", d.matching(kindCoding, field(iCodingCode, prefixOf(f.CAMEO))))
	}
	if f.Root != "" {
		w.in("e.coding", d.matching(kindCoding, field(iCodingRoot, equal(f.Root))))
	}
	if f.Quad != 0 {
		w.in("e.coding", d.matching(kindCoding, field(iCodingQuad, equal(strconv.Itoa(f.Quad)))))
	}
	if f.PLOVER != "" {
		w.in("e.coding", d.matching(kindCoding, field(iCodingPLOVER, equal(f.PLOVER))))
	}
	if f.ACLED != "" {
		w.in("e.coding", d.matching(kindCoding, func(t []string) bool {
			return len(t) > iCodingACLEDType && t[iCodingACLED] != "" && t[iCodingACLEDType] == f.ACLED
		}))
	}
	if f.Text != "" {
		// contains() is literal: % and _ are not wildcards. Articles
		// holding the text anywhere come first, then their sentences.
		w.add(`e.seq IN (SELECT m.event FROM mention_rows m
			JOIN (SELECT seq, text FROM articles WHERE contains(lower(text), lower(?))) a ON a.seq = m.aseq
			WHERE contains(lower(span_text(a.text, m.sentence)), lower(?)))`, f.Text, f.Text)
	}
	return w, nil
}

func prefixOf(p string) func(string) bool {
	return func(s string) bool { return strings.HasPrefix(s, p) }
}
func equal(v string) func(string) bool { return func(s string) bool { return s == v } }

// mentionCols are the columns of a mention_rows row aliased m, in the order
// scanMention reads them; loadRows and complete add the details.
const mentionCols = `m.seq, m.event, m.id_hi, m.id_lo, m.aseq, m.day, m.mode, m.src, m.tgt,
	m.coding, m.place, m.skey, m.sentence, m.trigger, m.confidence`

// scanMention scans mentionCols, then more, into m.
func scanMention(rows *sql.Rows, m *mrow, more ...any) error {
	var d sql.NullInt32
	err := rows.Scan(append([]any{&m.seq, &m.event, &m.idHi, &m.idLo, &m.aseq, &d, &m.mode, &m.src, &m.tgt,
		&m.coding, &m.place, &m.skey, &m.sentence, &m.trigger, &m.confidence}, more...)...)
	m.day = dayOf(d)
	m.extras = nil
	return err
}

// dayOf reads a day column, noDay for NULL.
func dayOf(d sql.NullInt32) day {
	if !d.Valid {
		return noDay
	}
	return day(d.Int32)
}

// querier is what reading needs of a *sql.DB, *sql.Tx or *sql.Conn.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// marks returns n placeholders and the numbers as their arguments. A list
// of constants lets DuckDB skip the row groups that cannot hold them.
func marks[T any](vals []T) (string, []any) {
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return strings.Repeat(",?", len(vals))[1:], args
}

// loadRows runs q, which selects mentionCols, and completes the rows with
// their extras and articles (by aseq): those of arts, which may be nil,
// and the others it reads.
func (s *DuckDB) loadRows(ctx context.Context, db querier, arts map[int64]*stored, q string, args ...any) ([]mrow, map[int64]*stored, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	var ms []mrow
	for rows.Next() {
		var m mrow
		if err := scanMention(rows, &m); err != nil {
			rows.Close()
			return nil, nil, err
		}
		ms = append(ms, m)
	}
	if err := rows.Close(); err != nil {
		return nil, nil, err
	}
	if arts == nil {
		arts = map[int64]*stored{}
	}
	if err := s.complete(ctx, db, ms, arts); err != nil {
		return nil, nil, err
	}
	return ms, arts, nil
}

// complete reads the articles of ms that arts lacks, and the details of
// ms from their articles.
func (s *DuckDB) complete(ctx context.Context, db querier, ms []mrow, arts map[int64]*stored) error {
	var need []int64
	for i := range ms {
		m := &ms[i]
		if _, ok := arts[m.aseq]; !ok {
			arts[m.aseq] = nil
			need = append(need, m.aseq)
		}
	}
	if len(need) > 0 {
		if err := readArticles(ctx, db, need, arts); err != nil {
			return err
		}
	}
	want := map[int64]map[int64]*mrow{}
	for i := range ms {
		m := &ms[i]
		if want[m.aseq] == nil {
			want[m.aseq] = map[int64]*mrow{}
		}
		want[m.aseq][m.seq] = m
	}
	for aseq, w := range want {
		a := arts[aseq]
		if err := readDetails(a.details, w); err != nil {
			return fmt.Errorf("article %q: %w", a.id, err)
		}
	}
	return nil
}

// readArticles reads the articles seqs into arts.
func readArticles(ctx context.Context, db querier, seqs []int64, arts map[int64]*stored) error {
	list, args := marks(seqs)
	rows, err := db.QueryContext(ctx, `SELECT seq, id, coalesce(date::VARCHAR, ''), url, source, text, details FROM articles WHERE seq IN (`+list+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		a := &stored{}
		if err := rows.Scan(&seq, &a.id, &a.date, &a.url, &a.source, &a.text, &a.details); err != nil {
			return err
		}
		a.skey = sourceKey(&event.Event{Publisher: a.source, URL: a.url})
		arts[seq] = a
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, seq := range seqs {
		if arts[seq] == nil {
			return fmt.Errorf("mention of article %d, which is not stored", seq)
		}
	}
	return nil
}

// The order of Events: newest first, undated last, then in storing order.
const eventOrder = `ORDER BY e.day DESC NULLS LAST, e.seq`

// encodeCursor names the place of an event in that order: its event row's
// day and seq.
func encodeCursor(d day, seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(d.String() + "\x00" + strconv.FormatInt(seq, 10)))
}

// cursorWhere adds the condition "after the row the cursor names".
func cursorWhere(w *where, cursor string) error {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	date, seqText, ok := strings.Cut(string(raw), "\x00")
	seq, serr := strconv.ParseInt(seqText, 10, 64)
	d := parseDay(date)
	if err != nil || !ok || serr != nil || seq <= 0 || date != "" && d == noDay {
		return fmt.Errorf("cursor %q: %w", cursor, ErrBadCursor)
	}
	if date == "" {
		w.add("(e.day IS NULL AND e.seq > ?)", seq)
	} else {
		w.add("(e.day < ? OR e.day = ? AND e.seq > ? OR e.day IS NULL)", int32(d), int32(d), seq)
	}
	return nil
}

// Events returns one page of matching events; see Store.Events.
func (s *DuckDB) Events(ctx context.Context, f Filter) ([]Row, string, error) {
	w, err := s.filterWhere(&f)
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
	out, cursors, err := s.page(ctx, w, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	if len(out) <= limit {
		return out, "", nil
	}
	out = out[:limit]
	return out, cursors[limit-1], nil
}

// counts are an event's report counts.
type counts struct{ mentions, sources, articles int }

func (c counts) set(r *Row) {
	r.NumMentions, r.NumSources, r.NumArticles = c.mentions, c.sources, c.articles
}

// page returns the first n events matching w in the order of Events, with
// their cursors. It sorts the narrow event rows first and then reads the
// first mentions of the page alone, in the same transaction.
func (s *DuckDB) page(ctx context.Context, w *where, n int) ([]Row, []string, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT e.seq, e.day FROM event_rows e WHERE `+w.sql()+` `+eventOrder+` LIMIT ?`, append(w.args, n)...)
	if err != nil {
		return nil, nil, err
	}
	var seqs []int64
	var cursors []string
	for rows.Next() {
		var seq int64
		var d sql.NullInt32
		if err := rows.Scan(&seq, &d); err != nil {
			rows.Close()
			return nil, nil, err
		}
		seqs = append(seqs, seq)
		cursors = append(cursors, encodeCursor(dayOf(d), seq))
	}
	if err := rows.Close(); err != nil {
		return nil, nil, err
	}
	if len(seqs) == 0 {
		return nil, nil, nil
	}
	cs, err := eventCounts(ctx, tx, seqs)
	if err != nil {
		return nil, nil, err
	}
	list, args := marks(seqs)
	ms, arts, err := s.loadRows(ctx, tx, nil, `SELECT `+mentionCols+` FROM mention_rows m WHERE m.seq IN (`+list+`)`, args...)
	if err != nil {
		return nil, nil, err
	}
	bySeq := make(map[int64]*mrow, len(ms))
	for i := range ms {
		bySeq[ms[i].seq] = &ms[i]
	}
	dec := decoder{d: s.dict}
	out := make([]Row, 0, len(seqs))
	for _, seq := range seqs {
		m := bySeq[seq]
		if m == nil {
			return nil, nil, fmt.Errorf("event %d without its first mention", seq)
		}
		var r Row
		dec.decode(m, arts[m.aseq], &r.Event)
		cs[seq].set(&r)
		out = append(out, r)
	}
	return out, cursors, nil
}

// eachChunk is how many events Each decodes at a time.
const eachChunk = 2048

// Each streams matching events; see Store.Each.
func (s *DuckDB) Each(ctx context.Context, f Filter, fn func(*Row) error) error {
	w, err := s.filterWhere(&f)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer tx.Rollback()
	// An event is its first mention's row: select that row as e, the alias
	// of the conditions.
	rows, err := tx.QueryContext(ctx, `SELECT `+strings.ReplaceAll(mentionCols, "m.", "e.")+`, n.num_mentions, n.num_sources, n.num_articles
		FROM mention_rows e JOIN event_counts n ON n.seq = e.seq WHERE e.seq = e.event AND `+w.sql()+` `+eventOrder, w.args...)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	dec := decoder{d: s.dict}
	ms := make([]mrow, 0, eachChunk)
	cs := make([]counts, 0, eachChunk)
	var r Row
	flush := func() error {
		arts := map[int64]*stored{}
		if err := s.complete(ctx, tx, ms, arts); err != nil {
			return fmt.Errorf("events: %w", err)
		}
		for i := range ms {
			dec.decode(&ms[i], arts[ms[i].aseq], &r.Event)
			cs[i].set(&r)
			if err := fn(&r); err != nil {
				return err
			}
		}
		ms, cs = ms[:0], cs[:0]
		return nil
	}
	for rows.Next() {
		var m mrow
		var c counts
		if err := scanMention(rows, &m, &c.mentions, &c.sources, &c.articles); err != nil {
			return fmt.Errorf("events: %w", err)
		}
		ms, cs = append(ms, m), append(cs, c)
		if len(ms) == eachChunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return flush()
}

// Intervals are the values Series accepts for interval, SeriesKeys those
// for by.
var (
	Intervals  = []string{"day", "week", "month", "year"}
	SeriesKeys = []string{"", "root", "quad", "plover", "acled", "country", "source", "target"}
)

// seriesKey is, for each split of Series, the column of event_rows that
// holds it and how its dictionary tuple gives the key.
var seriesKey = map[string]struct {
	column string
	key    func(t []string) string
}{
	"":       {"0", func([]string) string { return "" }},
	"root":   {"e.coding", field(iCodingRoot)},
	"quad":   {"e.coding", field(iCodingQuad)},
	"plover": {"e.coding", field(iCodingPLOVER)},
	"acled": {"e.coding", func(t []string) string {
		if field(iCodingACLED)(t) == "" {
			return "" // no ACLED type
		}
		return field(iCodingACLEDType)(t)
	}},
	"country": {"e.place", field(iPlaceCountry)},
	"source":  {"e.src", field(iActorCode)},
	"target":  {"e.tgt", field(iActorCode)},
}

// field returns field i of a tuple, "" when it has none.
func field(i int) func(t []string) string {
	return func(t []string) string {
		if i < len(t) {
			return t[i]
		}
		return ""
	}
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
	w, err := s.filterWhere(&f)
	if err != nil {
		return nil, err
	}
	w.add("e.day IS NOT NULL")
	// interval and the column come from the tables above, never from the
	// caller. DuckDB counts per bucket and dictionary number; the numbers
	// of one key (two codings of root 19) are added up here.
	rows, err := s.db.QueryContext(ctx, `SELECT b::VARCHAR, k, n FROM (
		SELECT date_trunc('`+interval+`', DATE '1970-01-01' + e.day)::DATE AS b, `+k.column+` AS k, count(*) AS n
		FROM event_rows e WHERE `+w.sql()+` GROUP BY b, k)`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	defer rows.Close()
	type bk struct{ b, k string }
	sums := map[bk]int{}
	for rows.Next() {
		var b string
		var id int32
		var n int
		if err := rows.Scan(&b, &id, &n); err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
		sums[bk{b, k.key(s.dict.tuple(id))}] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	pts := make([]Point, 0, len(sums))
	for x, n := range sums {
		pts = append(pts, Point{Bucket: x.b, Key: x.k, Events: n})
	}
	slices.SortFunc(pts, func(a, b Point) int { return cmp.Or(cmp.Compare(a.Bucket, b.Bucket), cmp.Compare(a.Key, b.Key)) })
	return pts, nil
}

// Dyads returns the busiest actor pairs; see Store.Dyads.
func (s *DuckDB) Dyads(ctx context.Context, f Filter, n int) ([]Dyad, error) {
	if n <= 0 {
		return []Dyad{}, nil
	}
	w, err := s.filterWhere(&f)
	if err != nil {
		return nil, err
	}
	w.add("e.src <> 0 AND e.tgt <> 0")
	rows, err := s.db.QueryContext(ctx, `SELECT e.src, e.tgt, e.coding, count(*) FROM event_rows e WHERE `+w.sql()+` GROUP BY 1, 2, 3`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	defer rows.Close()
	type pair struct{ s, t string }
	type sum struct {
		n int
		g float64
	}
	sums := map[pair]*sum{}
	for rows.Next() {
		var src, tgt, coding int32
		var c int
		if err := rows.Scan(&src, &tgt, &coding, &c); err != nil {
			return nil, fmt.Errorf("dyads: %w", err)
		}
		p := pair{field(iActorCode)(s.dict.tuple(src)), field(iActorCode)(s.dict.tuple(tgt))}
		if p.s == "" || p.t == "" {
			continue
		}
		x := sums[p]
		if x == nil {
			x = &sum{}
			sums[p] = x
		}
		x.n += c
		x.g += float64(c) * atof(field(iCodingGoldstein)(s.dict.tuple(coding)))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	ds := make([]Dyad, 0, len(sums))
	for p, x := range sums {
		ds = append(ds, Dyad{Source: p.s, Target: p.t, Events: x.n, Goldstein: x.g / float64(x.n)})
	}
	slices.SortFunc(ds, func(a, b Dyad) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return ds[:min(n, len(ds))], nil
}

// Article returns an article and its mentions; see Store.Article.
func (s *DuckDB) Article(ctx context.Context, id string) (*ArticleRow, []Row, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	defer tx.Rollback()
	a := &ArticleRow{}
	var aseq int64
	var date sql.NullString
	var details []byte
	err = tx.QueryRowContext(ctx, `SELECT seq, id, date::VARCHAR, title, text, url, source, language, sha, details FROM articles WHERE id = ?`, id).
		Scan(&aseq, &a.ID, &date, &a.Title, &a.Text, &a.URL, &a.Publisher, &a.Language, &a.SHA, &details)
	if err == sql.ErrNoRows {
		return nil, nil, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	a.Date = date.String
	arts := map[int64]*stored{aseq: {id: a.ID, date: a.Date, url: a.URL, source: a.Publisher, text: a.Text, details: details}}
	ms, _, err := s.loadRows(ctx, tx, arts, `SELECT `+mentionCols+` FROM mention_rows m WHERE m.aseq = ?`, aseq)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	seqs := make([]int64, len(ms))
	for i := range ms {
		seqs[i] = ms[i].event
	}
	cs, err := eventCounts(ctx, tx, seqs)
	if err != nil {
		return nil, nil, fmt.Errorf("article %q: %w", id, err)
	}
	dec := decoder{d: s.dict}
	out := make([]Row, len(ms))
	for i := range ms {
		dec.decode(&ms[i], arts[aseq], &out[i].Event)
		cs[ms[i].event].set(&out[i])
	}
	slices.SortFunc(out, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Evidence.Start, b.Evidence.Start), cmp.Compare(a.ID, b.ID))
	})
	return a, out, nil
}

// eventCounts counts the reports of the events seqs (repeats allowed).
func eventCounts(ctx context.Context, db querier, seqs []int64) (map[int64]counts, error) {
	cs := map[int64]counts{}
	if len(seqs) == 0 {
		return cs, nil
	}
	seqs = slices.Clone(seqs)
	slices.Sort(seqs)
	list, args := marks(slices.Compact(seqs))
	rows, err := db.QueryContext(ctx, `SELECT event, count(*), count(DISTINCT skey), count(DISTINCT aseq) FROM mention_rows
		WHERE event IN (`+list+`) GROUP BY event`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var c counts
		if err := rows.Scan(&seq, &c.mentions, &c.sources, &c.articles); err != nil {
			return nil, err
		}
		cs[seq] = c
	}
	return cs, rows.Err()
}

// eventSeq returns the seq of the event whose ID is id, 0 if none.
func (s *DuckDB) eventSeq(ctx context.Context, db querier, id string) (int64, error) {
	var rows *sql.Rows
	var err error
	hi, lo, ok := parseID(id)
	if !ok {
		hi, lo = hashTextID(id)
	}
	rows, err = db.QueryContext(ctx, `SELECT seq FROM mention_rows WHERE id_hi = ?::UBIGINT AND id_lo = ? AND seq = event`,
		strconv.FormatUint(hi, 10), lo)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var seq int64
	for rows.Next() {
		if err := rows.Scan(&seq); err != nil {
			return 0, err
		}
	}
	return seq, rows.Err()
}

// Mentions returns the reports of an event; see Store.Mentions.
func (s *DuckDB) Mentions(ctx context.Context, id string) ([]event.Event, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("mentions of %q: %w", id, err)
	}
	defer tx.Rollback()
	seq, err := s.eventSeq(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("mentions of %q: %w", id, err)
	}
	if seq == 0 {
		return nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	ms, arts, err := s.loadRows(ctx, tx, nil, `SELECT `+mentionCols+` FROM mention_rows m WHERE m.event = ? ORDER BY m.seq`, seq)
	if err != nil {
		return nil, fmt.Errorf("mentions of %q: %w", id, err)
	}
	dec := decoder{d: s.dict}
	out := make([]event.Event, len(ms))
	for i := range ms {
		dec.decode(&ms[i], arts[ms[i].aseq], &out[i])
	}
	return out, nil
}

// Totals counts what is stored.
func (s *DuckDB) Totals(ctx context.Context) (Totals, error) {
	var t Totals
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_rows), (SELECT count(*) FROM mention_rows)`).
		Scan(&t.Articles, &t.Events, &t.Mentions)
	if err != nil {
		return t, fmt.Errorf("totals: %w", err)
	}
	return t, nil
}
