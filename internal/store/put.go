package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/reader"
)

// Put stores one article; see Store.Put.
func (s *DuckDB) Put(ctx context.Context, a *reader.Article, es []event.Event) error {
	if a == nil {
		return fmt.Errorf("put: nil article")
	}
	_, err := s.PutBatch(ctx, []Doc{{Article: a, Events: es}}, PutOptions{Replace: true})
	return err
}

// articleSHA hashes what Put compares: the article's fields and its event
// IDs in order.
func articleSHA(a *reader.Article, es []event.Event) string {
	h := sha256.New()
	for _, f := range []string{a.ID, a.Date, a.Title, a.URL, a.Source, a.Language, a.Text} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	for i := range es {
		h.Write([]byte(es[i].ID))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// mention is one report on its way into the store.
type mention struct {
	e       *event.Event
	seq     int64
	eventID string
	day     day
	dkey    int64
	first   bool   // the first mention of a new event
	old     bool   // folded into a stored event
	record  string // e as JSON
}

// candidate is an event a report may be folded into.
type candidate struct {
	id     string
	seq    int64
	day    day
	stored bool
}

// prepared is a doc ready to store: its own copy of the events, with IDs.
type prepared struct {
	a   *reader.Article
	es  []event.Event
	sha string
}

func prepare(d Doc) (prepared, error) {
	a := d.Article
	if a == nil {
		return prepared{}, fmt.Errorf("nil article")
	}
	if a.ID == "" {
		return prepared{}, fmt.Errorf("article without id (file %q, line %d)", a.File, a.Line)
	}
	es := make([]event.Event, 0, len(d.Events))
	seen := make(map[string]bool, len(d.Events))
	for _, e := range d.Events {
		e.ArticleID = a.ID
		if e.ID == "" {
			e.SetID()
		}
		if seen[e.ID] { // the same report twice: keep the first
			continue
		}
		seen[e.ID] = true
		es = append(es, e)
	}
	return prepared{a: a, es: es, sha: articleSHA(a, es)}, nil
}

// countsSQL aggregates the report counts of mentions per event_id.
const countsSQL = `SELECT event_id, count(*)::INTEGER AS n, count(DISTINCT source_key)::INTEGER AS s, count(DISTINCT article_id)::INTEGER AS a FROM mentions`

// PutBatch stores docs in one transaction; see Store.PutBatch.
func (s *DuckDB) PutBatch(ctx context.Context, docs []Doc, opts PutOptions) (st PutStats, err error) {
	if s.readOnly {
		return st, fmt.Errorf("put: %w", ErrReadOnly)
	}
	// Prepare outside the lock; a later doc with the same ID wins.
	byID := make(map[string]int, len(docs))
	ps := make([]prepared, 0, len(docs))
	for _, d := range docs {
		p, err := prepare(d)
		if err != nil {
			return st, fmt.Errorf("put: %w", err)
		}
		if i, ok := byID[p.a.ID]; ok {
			ps[i] = p
			st.Skipped++
			continue
		}
		byID[p.a.ID] = len(ps)
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return st, ctx.Err()
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if _, err := s.w.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return st, fmt.Errorf("put: %w", err)
	}
	seq, aseq := s.seq, s.aseq
	defer func() {
		if err != nil {
			// The context may be done: roll back regardless.
			s.w.ExecContext(context.Background(), `ROLLBACK`)
			st = PutStats{}
			err = fmt.Errorf("put: %w", err)
			return
		}
		if _, err = s.w.ExecContext(ctx, `COMMIT`); err != nil {
			s.w.ExecContext(context.Background(), `ROLLBACK`)
			st = PutStats{}
			err = fmt.Errorf("put: commit: %w", err)
			return
		}
		s.seq, s.aseq = seq, aseq
	}()

	// Which articles are stored already, and with what content.
	ids := make([]string, len(ps))
	for i := range ps {
		ids[i] = ps[i].a.ID
	}
	stored := map[string]string{}
	rows, err := s.w.QueryContext(ctx, `SELECT id, sha FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))`, ids)
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var id, sha string
		if err := rows.Scan(&id, &sha); err != nil {
			rows.Close()
			return st, err
		}
		stored[id] = sha
	}
	if err := rows.Close(); err != nil {
		return st, err
	}
	var todo []prepared
	var replaced []string
	for _, p := range ps {
		sha, ok := stored[p.a.ID]
		switch {
		case !ok:
			todo = append(todo, p)
		case sha == p.sha || !opts.Replace:
			st.Skipped++
		default:
			todo = append(todo, p)
			replaced = append(replaced, p.a.ID)
		}
	}
	if len(todo) == 0 {
		return st, nil
	}

	// Replacing: take out the articles, their mentions and the events those
	// were folded into, and fold the other mentions of those events again.
	var ms []mention
	var oldSeq map[string]int64
	if len(replaced) > 0 {
		st.Replaced = len(replaced)
		if ms, oldSeq, err = s.unfold(ctx, replaced); err != nil {
			return st, err
		}
	}
	for _, p := range todo {
		for i := range p.es {
			// A report the replaced article also had keeps its place in
			// the storing order, so its event keeps its ID.
			if old, ok := oldSeq[p.es[i].ID]; ok {
				ms = append(ms, mention{e: &p.es[i], seq: old})
				continue
			}
			seq++
			ms = append(ms, mention{e: &p.es[i], seq: seq})
		}
	}
	if len(oldSeq) > 0 {
		slices.SortFunc(ms, func(a, b mention) int { return cmp.Compare(a.seq, b.seq) })
	}
	for i := range ms {
		ms[i].day = parseDay(ms[i].e.Date)
		ms[i].dkey = dedupKey(ms[i].e)
	}
	newEvents, err := s.fold(ctx, ms, &st)
	if err != nil {
		return st, err
	}
	encodeRecords(ms)
	touched := 0
	err = s.w.Raw(func(dc any) error {
		conn := dc.(driver.Conn)
		if err := appendArticles(conn, todo, &aseq); err != nil {
			return err
		}
		if err := appendMentions(conn, ms); err != nil {
			return err
		}
		if err := appendEvents(conn, ms); err != nil {
			return err
		}
		touched, err = appendTouched(conn, ms)
		return err
	})
	if err != nil {
		return st, err
	}
	if touched > 0 {
		q := `UPDATE events SET num_mentions = c.n, num_sources = c.s, num_articles = c.a
			FROM (` + countsSQL + ` WHERE event_id IN (SELECT id FROM temp.batch_touched) GROUP BY event_id) c
			WHERE events.id = c.event_id`
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return st, fmt.Errorf("update counts: %w", err)
		}
	}
	st.Articles = len(todo)
	st.Mentions = len(ms)
	st.Events = newEvents
	return st, nil
}

// unfold deletes the replaced articles, their mentions and the events those
// mentions belong to. It returns the other mentions of those events, oldest
// first, to be folded again, and the seq of each deleted mention of the
// replaced articles by ID.
func (s *DuckDB) unfold(ctx context.Context, replaced []string) ([]mention, map[string]int64, error) {
	const affected = `SELECT DISTINCT event_id FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))`
	rows, err := s.w.QueryContext(ctx, `SELECT seq, id, gone, CASE WHEN gone THEN '' ELSE record END
		FROM (SELECT seq, id, record, article_id IN (SELECT unnest(?::VARCHAR[])) AS gone FROM mentions WHERE event_id IN (`+affected+`))
		ORDER BY seq`, replaced, replaced)
	if err != nil {
		return nil, nil, fmt.Errorf("unfold: %w", err)
	}
	var ms []mention
	oldSeq := map[string]int64{}
	for rows.Next() {
		var m mention
		var id, record string
		var gone bool
		if err := rows.Scan(&m.seq, &id, &gone, &record); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("unfold: %w", err)
		}
		if gone {
			oldSeq[id] = m.seq
			continue
		}
		m.e = &event.Event{}
		if err := decodeRecord(record, m.e); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("unfold: %w", err)
		}
		ms = append(ms, m)
	}
	if err := rows.Close(); err != nil {
		return nil, nil, fmt.Errorf("unfold: %w", err)
	}
	for _, q := range []string{
		`DELETE FROM events WHERE id IN (` + affected + `)`,
		`DELETE FROM mentions WHERE event_id IN (` + affected + `)`,
		`DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))`,
	} {
		if _, err := s.w.ExecContext(ctx, q, replaced); err != nil {
			return nil, nil, fmt.Errorf("unfold: %w", err)
		}
	}
	return ms, oldSeq, nil
}

// fold sets the event of each mention, in order, by the dedup rule: the
// stored or earlier event of the same key whose date is at most a day away
// (nearest, then oldest), else a new event with the mention's ID. It
// returns the number of new events.
func (s *DuckDB) fold(ctx context.Context, ms []mention, st *PutStats) (int, error) {
	cands := map[int64][]candidate{}
	if err := s.candidates(ctx, ms, cands); err != nil {
		return 0, err
	}
	newEvents := 0
	for i := range ms {
		m := &ms[i]
		if m.day != noDay {
			best, bestDist := -1, day(0)
			cs := cands[m.dkey]
			for j, c := range cs {
				d := c.day - m.day
				if d < 0 {
					d = -d
				}
				if d <= 1 && (best < 0 || d < bestDist || d == bestDist && c.seq < cs[best].seq) {
					best, bestDist = j, d
				}
			}
			if best >= 0 {
				m.eventID = cs[best].id
				m.old = cs[best].stored
				st.Merged++
				continue
			}
			cands[m.dkey] = append(cs, candidate{id: m.e.ID, seq: m.seq, day: m.day})
		}
		m.eventID = m.e.ID
		m.first = true
		newEvents++
	}
	return newEvents, nil
}

// candidates loads into cands the stored events that dated mentions of ms
// may be folded into.
func (s *DuckDB) candidates(ctx context.Context, ms []mention, cands map[int64][]candidate) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM temp.batch_keys`); err != nil {
		return fmt.Errorf("find events to fold into: %w", err)
	}
	type kd struct {
		k int64
		d day
	}
	seen := map[kd]bool{}
	err := s.w.Raw(func(dc any) error {
		a, err := duckdb.NewAppender(dc.(driver.Conn), "temp", "main", "batch_keys")
		if err != nil {
			return err
		}
		for i := range ms {
			m := &ms[i]
			if m.day == noDay || seen[kd{m.dkey, m.day}] {
				continue
			}
			seen[kd{m.dkey, m.day}] = true
			if err := a.AppendRow(m.dkey, int32(m.day)); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	})
	if err != nil || len(seen) == 0 {
		return err
	}
	rows, err := s.w.QueryContext(ctx, `SELECT DISTINCT e.id, e.seq, e.dkey, (e.date - DATE '1970-01-01')::INTEGER
		FROM events e JOIN temp.batch_keys k ON e.dkey = k.dkey
		WHERE e.date BETWEEN DATE '1970-01-01' + (k.d - 1) AND DATE '1970-01-01' + (k.d + 1)`)
	if err != nil {
		return fmt.Errorf("find events to fold into: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c := candidate{stored: true}
		var k int64
		if err := rows.Scan(&c.id, &c.seq, &k, &c.day); err != nil {
			return fmt.Errorf("find events to fold into: %w", err)
		}
		cands[k] = append(cands[k], c)
	}
	return rows.Err()
}

func appendArticles(conn driver.Conn, ps []prepared, seq *int64) error {
	a, err := duckdb.NewAppenderFromConn(conn, "", "articles")
	if err != nil {
		return fmt.Errorf("append articles: %w", err)
	}
	now := time.Now().UTC()
	for _, p := range ps {
		*seq++
		art := p.a
		if err := a.AppendRow(art.ID, *seq, parseDay(art.Date).value(), art.Title, art.URL, art.Source, art.Language, art.Text, p.sha, now); err != nil {
			a.Close()
			return fmt.Errorf("append article %q: %w", art.ID, err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append articles: %w", err)
	}
	return nil
}

// encodeRecords sets the JSON record of every mention, on every CPU.
func encodeRecords(ms []mention) {
	workers := min(runtime.GOMAXPROCS(0), 1+len(ms)/1000)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := w; i < len(ms); i += workers {
				buf = appendEventJSON(buf[:0], ms[i].e)
				ms[i].record = string(buf)
			}
		}()
	}
	wg.Wait()
}

func appendMentions(conn driver.Conn, ms []mention) error {
	if len(ms) == 0 {
		return nil
	}
	a, err := duckdb.NewAppenderFromConn(conn, "", "mentions")
	if err != nil {
		return fmt.Errorf("append mentions: %w", err)
	}
	for i := range ms {
		m := &ms[i]
		if err := a.AppendRow(m.e.ID, m.eventID, m.seq, m.e.ArticleID, sourceKey(m.e), m.e.Evidence.Sentence, m.record); err != nil {
			a.Close()
			return fmt.Errorf("append mention %q: %w", m.e.ID, err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append mentions: %w", err)
	}
	return nil
}

// appendEvents adds the new events: copies of their first mentions, with
// the counts of their mentions, all of which are in ms.
func appendEvents(conn driver.Conn, ms []mention) error {
	type tally struct {
		mentions          int
		articles, sources map[string]bool
	}
	tallies := map[string]*tally{}
	for i := range ms {
		m := &ms[i]
		if m.old {
			continue
		}
		t := tallies[m.eventID]
		if t == nil {
			t = &tally{articles: map[string]bool{}, sources: map[string]bool{}}
			tallies[m.eventID] = t
		}
		t.mentions++
		t.articles[m.e.ArticleID] = true
		t.sources[sourceKey(m.e)] = true
	}
	if len(tallies) == 0 {
		return nil
	}
	a, err := duckdb.NewAppenderFromConn(conn, "", "events")
	if err != nil {
		return fmt.Errorf("append events: %w", err)
	}
	for i := range ms {
		m := &ms[i]
		if !m.first {
			continue
		}
		e := m.e
		t := tallies[m.eventID]
		var acledType, acledSub, country, lat, lon driver.Value
		if e.ACLED != nil {
			acledType, acledSub = e.ACLED.EventType, e.ACLED.SubEventType
		}
		if e.Location != nil {
			country, lat, lon = e.Location.Country, e.Location.Lat, e.Location.Lon
		}
		err := a.AppendRow(e.ID, m.seq, e.ArticleID, m.day.value(),
			actorCode(e.Source), actorCountry(e.Source), actorCode(e.Target), actorCountry(e.Target),
			e.CAMEO.Code, e.CAMEO.Base, e.CAMEO.Root, e.Goldstein, int32(e.QuadClass), e.PLOVER.Event, e.PLOVER.Mode,
			acledType, acledSub, e.Modality, e.IsFact(), m.dkey, country, lat, lon, e.Confidence,
			int32(t.mentions), int32(len(t.sources)), int32(len(t.articles)), m.record)
		if err != nil {
			a.Close()
			return fmt.Errorf("append event %q: %w", e.ID, err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append events: %w", err)
	}
	return nil
}

// appendTouched lists in temp.batch_touched the stored events that got
// mentions, whose counts need recounting, and returns how many.
func appendTouched(conn driver.Conn, ms []mention) (int, error) {
	ex, ok := conn.(driver.ExecerContext)
	if !ok {
		return 0, fmt.Errorf("the driver cannot execute")
	}
	if _, err := ex.ExecContext(context.Background(), `DELETE FROM temp.batch_touched`, nil); err != nil {
		return 0, fmt.Errorf("touched events: %w", err)
	}
	seen := map[string]bool{}
	for i := range ms {
		if ms[i].old {
			seen[ms[i].eventID] = true
		}
	}
	if len(seen) == 0 {
		return 0, nil
	}
	a, err := duckdb.NewAppender(conn, "temp", "main", "batch_touched")
	if err != nil {
		return 0, fmt.Errorf("touched events: %w", err)
	}
	for id := range seen {
		if err := a.AppendRow(id); err != nil {
			a.Close()
			return 0, fmt.Errorf("touched events: %w", err)
		}
	}
	if err := a.Close(); err != nil {
		return 0, fmt.Errorf("touched events: %w", err)
	}
	return len(seen), nil
}

// Has reports whether the article id is stored.
func (s *DuckDB) Has(ctx context.Context, articleID string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, articleID).Scan(&n); err != nil {
		return false, fmt.Errorf("has %q: %w", articleID, err)
	}
	return n > 0, nil
}
