package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
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
	e     *event.Event
	art   *stored // its article
	aseq  int64
	seq   int64
	event int64 // the seq of the event it is folded into
	day   day
	dkey  int64
	first bool // the first mention of a new event
	old   bool // folded into a stored event
	row   mrow
}

// candidate is an event a report may be folded into.
type candidate struct {
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
		if err == nil {
			if _, err = s.w.ExecContext(ctx, `COMMIT`); err != nil {
				err = fmt.Errorf("commit: %w", err)
			}
		}
		if err != nil {
			// The context may be done: roll back regardless.
			s.w.ExecContext(context.Background(), `ROLLBACK`)
			s.dict.rollback()
			st = PutStats{}
			err = fmt.Errorf("put: %w", err)
			return
		}
		s.dict.commit()
		s.seq, s.aseq = seq, aseq
	}()

	// Which articles are stored already, and with what content.
	ids := make([]string, len(ps))
	for i := range ps {
		ids[i] = ps[i].a.ID
	}
	type storedArticle struct {
		sha string
		seq int64
	}
	have := map[string]storedArticle{}
	rows, err := s.w.QueryContext(ctx, `SELECT id, sha, seq FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))`, ids)
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var id string
		var a storedArticle
		if err := rows.Scan(&id, &a.sha, &a.seq); err != nil {
			rows.Close()
			return st, err
		}
		have[id] = a
	}
	if err := rows.Close(); err != nil {
		return st, err
	}
	var todo []prepared
	var replaced []int64
	for _, p := range ps {
		a, ok := have[p.a.ID]
		switch {
		case !ok:
			todo = append(todo, p)
		case a.sha == p.sha || !opts.Replace:
			st.Skipped++
		default:
			todo = append(todo, p)
			replaced = append(replaced, a.seq)
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
	arts := make([]stored, len(todo))
	aseqs := make([]int64, len(todo))
	for i, p := range todo {
		aseq++
		aseqs[i] = aseq
		arts[i] = stored{id: p.a.ID, date: p.a.Date, url: p.a.URL, source: p.a.Source, text: p.a.Text,
			skey: sourceKey(&event.Event{Publisher: p.a.Source, URL: p.a.URL})}
		for j := range p.es {
			m := mention{e: &p.es[j], art: &arts[i], aseq: aseq}
			// A report the replaced article also had keeps its place in
			// the storing order, so its event keeps its ID.
			if old, ok := oldSeq[p.es[j].ID]; ok {
				m.seq = old
			} else {
				seq++
				m.seq = seq
			}
			ms = append(ms, m)
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
	s.encode(ms)
	if err := s.insert(ctx, todo, aseqs, ms); err != nil {
		return st, err
	}
	st.Articles = len(todo)
	st.Mentions = len(ms)
	st.Events = newEvents
	return st, nil
}

// encode sets the row of every mention, on every CPU.
func (s *DuckDB) encode(ms []mention) {
	workers := min(runtime.GOMAXPROCS(0), 1+len(ms)/2000)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newEncoder(s.dict)
			for i := w; i < len(ms); i += workers {
				m := &ms[i]
				c.a = m.art
				m.row.day = m.day
				c.encode(&m.row, m.e)
				m.row.seq, m.row.event, m.row.aseq = m.seq, m.event, m.aseq
			}
		}()
	}
	wg.Wait()
}

// insert writes the articles, the new dictionary entries, the mentions,
// their extras and the new events, and recounts the stored events that got
// mentions.
func (s *DuckDB) insert(ctx context.Context, todo []prepared, aseqs []int64, ms []mention) error {
	err := s.w.Raw(func(dc any) error {
		conn := dc.(driver.Conn)
		if err := appendArticles(conn, todo, aseqs); err != nil {
			return err
		}
		return s.appendDict(conn)
	})
	if err != nil {
		return err
	}

	rows := make([]mrow, len(ms))
	var xs []xrow
	tallies := tallies{}
	touched := map[int64]bool{}
	for i := range ms {
		m := &ms[i]
		rows[i] = m.row
		for _, x := range m.row.extras {
			xs = append(xs, xrow{seq: m.seq, extra: x})
		}
		if m.old {
			touched[m.event] = true
			continue
		}
		tallies.add(m.event, m.row.skey, m.aseq)
	}
	var es []erow
	for i := range ms {
		m := &ms[i]
		if !m.first {
			continue
		}
		e := tallies.row(m.seq)
		e.day, e.src, e.tgt, e.coding, e.place, e.dkey = m.day, m.row.src, m.row.tgt, m.row.coding, m.row.place, m.dkey
		es = append(es, e)
	}
	if err := insertRows(ctx, s, s.mentionFunc, rows, "mention_rows"); err != nil {
		return err
	}
	if err := insertRows(ctx, s, s.extraFunc, xs, "extras"); err != nil {
		return err
	}
	if err := insertRows(ctx, s, s.eventFunc, es, "event_rows"); err != nil {
		return err
	}
	if len(touched) == 0 {
		return nil
	}
	return s.recount(ctx, touched)
}

// recount sets the report counts of the stored events that got mentions,
// from their mentions.
func (s *DuckDB) recount(ctx context.Context, touched map[int64]bool) error {
	list := make([]int64, 0, len(touched))
	for seq := range touched {
		list = append(list, seq)
	}
	s.seqFunc.rows = list
	defer func() { s.seqFunc.rows = nil }()
	rows, err := s.w.QueryContext(ctx, `SELECT event, skey, aseq FROM mention_rows WHERE event IN (SELECT seq FROM sitrep_seqs())`)
	if err != nil {
		return fmt.Errorf("recount: %w", err)
	}
	tallies := tallies{}
	for rows.Next() {
		var seq, aseq int64
		var skey int32
		if err := rows.Scan(&seq, &skey, &aseq); err != nil {
			rows.Close()
			return fmt.Errorf("recount: %w", err)
		}
		tallies.add(seq, skey, aseq)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("recount: %w", err)
	}
	es := make([]erow, 0, len(tallies))
	for seq := range tallies {
		es = append(es, tallies.row(seq))
	}
	s.eventFunc.rows = es
	defer func() { s.eventFunc.rows = nil }()
	q := `UPDATE event_rows SET num_mentions = u.num_mentions, num_sources = u.num_sources, num_articles = u.num_articles
		FROM sitrep_event_rows() u WHERE event_rows.seq = u.seq`
	if _, err := s.w.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("recount: %w", err)
	}
	return nil
}

// tallies count the mentions of events by event seq: num_mentions, the
// distinct publishers of num_sources and articles of num_articles.
type tallies map[int64]*tally

type tally struct {
	mentions          int32
	sources, articles map[int64]bool
}

func (ts tallies) add(event int64, skey int32, aseq int64) {
	t := ts[event]
	if t == nil {
		t = &tally{sources: map[int64]bool{}, articles: map[int64]bool{}}
		ts[event] = t
	}
	t.mentions++
	t.sources[int64(skey)] = true
	t.articles[aseq] = true
}

// row returns the event row of seq with its counts.
func (ts tallies) row(seq int64) erow {
	t := ts[seq]
	return erow{seq: seq, mentions: t.mentions, sources: int32(len(t.sources)), arts: int32(len(t.articles))}
}

// insertRows inserts rows into table through its table function.
func insertRows[T any](ctx context.Context, s *DuckDB, f *tableFunc[T], rows []T, table string) error {
	if len(rows) == 0 {
		return nil
	}
	f.rows = rows
	defer func() { f.rows = nil }()
	if _, err := s.w.ExecContext(ctx, `INSERT INTO `+table+` SELECT * FROM `+f.name+`()`); err != nil {
		return fmt.Errorf("insert %s: %w", table, err)
	}
	return nil
}

// appendDict saves the dictionary entries added since the last commit.
func (s *DuckDB) appendDict(conn driver.Conn) error {
	first, kinds, vals := s.dict.pending()
	if len(vals) == 0 {
		return nil
	}
	a, err := duckdb.NewAppenderFromConn(conn, "", "dict")
	if err != nil {
		return fmt.Errorf("append dictionary: %w", err)
	}
	for i := range vals {
		b, _ := json.Marshal(vals[i])
		if err := a.AppendRow(first+int32(i), string(kinds[i]), string(b)); err != nil {
			a.Close()
			return fmt.Errorf("append dictionary: %w", err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append dictionary: %w", err)
	}
	return nil
}

// unfold deletes the replaced articles (by seq), their mentions and the
// events those mentions belong to. It returns the other mentions of those
// events, oldest first, to be folded again, and the seq of each deleted
// mention of the replaced articles by ID.
func (s *DuckDB) unfold(ctx context.Context, replaced []int64) ([]mention, map[string]int64, error) {
	const affected = `SELECT DISTINCT event FROM mention_rows WHERE aseq IN (SELECT unnest(?::BIGINT[]))`
	rows, arts, err := s.loadRows(ctx, s.w, nil, `SELECT `+mentionCols+` FROM mention_rows m WHERE m.event IN (`+affected+`) ORDER BY m.seq`, replaced)
	if err != nil {
		return nil, nil, fmt.Errorf("unfold: %w", err)
	}
	gone := map[int64]bool{}
	for _, a := range replaced {
		gone[a] = true
	}
	dec := decoder{d: s.dict}
	var ms []mention
	oldSeq := map[string]int64{}
	for i := range rows {
		r := &rows[i]
		e := &event.Event{}
		dec.decode(r, arts[r.aseq], e)
		if gone[r.aseq] {
			oldSeq[e.ID] = r.seq
			continue
		}
		ms = append(ms, mention{e: e, art: arts[r.aseq], aseq: r.aseq, seq: r.seq})
	}
	for _, q := range []string{
		`DELETE FROM extras WHERE seq IN (SELECT seq FROM mention_rows WHERE event IN (` + affected + `))`,
		`DELETE FROM event_rows WHERE seq IN (` + affected + `)`,
		`DELETE FROM mention_rows WHERE event IN (` + affected + `)`,
		`DELETE FROM articles WHERE seq IN (SELECT unnest(?::BIGINT[]))`,
	} {
		if _, err := s.w.ExecContext(ctx, q, replaced); err != nil {
			return nil, nil, fmt.Errorf("unfold: %w", err)
		}
	}
	return ms, oldSeq, nil
}

// fold sets the event of each mention, in order, by the dedup rule: the
// stored or earlier event of the same key whose date is at most a day away
// (nearest, then oldest), else a new event of its own. It returns the
// number of new events.
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
				m.event = cs[best].seq
				m.old = cs[best].stored
				st.Merged++
				continue
			}
			cands[m.dkey] = append(cs, candidate{seq: m.seq, day: m.day})
		}
		m.event = m.seq
		m.first = true
		newEvents++
	}
	return newEvents, nil
}

// candidates loads into cands the stored events that dated mentions of ms
// may be folded into.
func (s *DuckDB) candidates(ctx context.Context, ms []mention, cands map[int64][]candidate) error {
	type kd struct {
		k int64
		d day
	}
	seen := map[kd]bool{}
	var keys []krow
	for i := range ms {
		m := &ms[i]
		if m.day == noDay || seen[kd{m.dkey, m.day}] {
			continue
		}
		seen[kd{m.dkey, m.day}] = true
		keys = append(keys, krow{m.dkey, int32(m.day)})
	}
	if len(keys) == 0 {
		return nil
	}
	s.keyFunc.rows = keys
	defer func() { s.keyFunc.rows = nil }()
	rows, err := s.w.QueryContext(ctx, `SELECT DISTINCT e.seq, e.dkey, e.day
		FROM event_rows e JOIN sitrep_keys() k ON e.dkey = k.dkey
		WHERE e.day BETWEEN k.d - 1 AND k.d + 1`)
	if err != nil {
		return fmt.Errorf("find events to fold into: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c := candidate{stored: true}
		var k int64
		if err := rows.Scan(&c.seq, &k, &c.day); err != nil {
			return fmt.Errorf("find events to fold into: %w", err)
		}
		cands[k] = append(cands[k], c)
	}
	return rows.Err()
}

func appendArticles(conn driver.Conn, ps []prepared, aseqs []int64) error {
	a, err := duckdb.NewAppenderFromConn(conn, "", "articles")
	if err != nil {
		return fmt.Errorf("append articles: %w", err)
	}
	now := time.Now().UTC()
	for i, p := range ps {
		art := p.a
		if err := a.AppendRow(art.ID, aseqs[i], parseDay(art.Date).value(), art.Title, art.URL, art.Source, art.Language, art.Text, p.sha, now); err != nil {
			a.Close()
			return fmt.Errorf("append article %q: %w", art.ID, err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append articles: %w", err)
	}
	return nil
}

// Has reports whether the article id is stored.
func (s *DuckDB) Has(ctx context.Context, articleID string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, articleID).Scan(&n); err != nil {
		return false, fmt.Errorf("has %q: %w", articleID, err)
	}
	return n > 0, nil
}
