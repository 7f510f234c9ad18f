package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"
	"unsafe"

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
func articleSHA(a *reader.Article, es []*event.Event) string {
	h := sha256.New()
	zero := []byte{0}
	for _, f := range [...]string{a.ID, a.Date, a.Title, a.URL, a.Source, a.Language, a.Text} {
		h.Write(bytesOf(f))
		h.Write(zero)
	}
	for i := range es {
		h.Write(bytesOf(es[i].ID))
		h.Write(zero)
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}

// bytesOf returns the bytes of s without copying them, for a hash that
// only reads them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// mention is one report on its way into the store: its event, its article
// and its row (seq, event and aseq set by Write, the rest by Prepare).
type mention struct {
	e   *event.Event
	art *stored
	row mrow
}

// Batch is docs made ready to store by Prepare: their events given IDs and
// their rows numbered against the store's dictionary. Write stores it, in
// the store that prepared it.
type Batch struct {
	s       *DuckDB
	docs    []prepared
	ms      []mention // every doc's, in order
	skipped int       // docs a later doc with the same article ID replaced
}

// prepared is a doc ready to store.
type prepared struct {
	a       *reader.Article
	sha     string
	art     stored
	lo, hi  int    // its mentions in Batch.ms
	details []byte // the details of its mentions, for seqs from base on

	base       int64 // the seq of its first mention, set by Write
	renumbered bool  // Write gave some of its mentions the seqs of a replaced article's
}

// prepareEvents returns the events of d to store: each with an ID and d's
// article ID, the first of any two with the same ID. Events that already
// have both are not copied, so the caller must leave them alone until the
// batch is written.
func prepareEvents(d Doc) ([]*event.Event, error) {
	a := d.Article
	if a == nil {
		return nil, fmt.Errorf("nil article")
	}
	if a.ID == "" {
		return nil, fmt.Errorf("article without id (file %q, line %d)", a.File, a.Line)
	}
	es := make([]*event.Event, 0, len(d.Events))
	for i := range d.Events {
		e := &d.Events[i]
		if e.ID == "" || e.ArticleID != a.ID {
			c := *e
			c.ArticleID = a.ID
			if c.ID == "" {
				c.SetID()
			}
			e = &c
		}
		if slices.ContainsFunc(es, func(o *event.Event) bool { return o.ID == e.ID }) {
			continue // the same report twice: keep the first
		}
		es = append(es, e)
	}
	return es, nil
}

// Prepare makes docs ready to store; a later doc with the same article ID
// wins. It does not touch the tables and may run while another batch is
// written, which is how Writer keeps DuckDB busy.
func (s *DuckDB) Prepare(docs []Doc) (*Batch, error) {
	b := &Batch{s: s}
	byID := make(map[string]int, len(docs))
	evs := make([][]*event.Event, 0, len(docs))
	for _, d := range docs {
		es, err := prepareEvents(d)
		if err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
		if i, ok := byID[d.Article.ID]; ok {
			b.docs[i].a, evs[i] = d.Article, es
			b.skipped++
			continue
		}
		byID[d.Article.ID] = len(b.docs)
		b.docs = append(b.docs, prepared{a: d.Article})
		evs = append(evs, es)
	}
	n := 0
	for _, es := range evs {
		n += len(es)
	}
	b.ms = make([]mention, 0, n)
	for i := range b.docs {
		p := &b.docs[i]
		a := p.a
		p.sha = articleSHA(a, evs[i])
		p.art = stored{id: a.ID, date: a.Date, url: a.URL, source: a.Source, text: a.Text,
			skey: sourceKey(&event.Event{Publisher: a.Source, URL: a.URL})}
		p.lo = len(b.ms)
		for _, e := range evs[i] {
			b.ms = append(b.ms, mention{e: e, row: mrow{day: parseDay(e.Date), dkey: dedupKey(e)}})
		}
		p.hi = len(b.ms)
	}
	// p.art's address is fixed now that b.docs is.
	for i := range b.docs {
		for j := b.docs[i].lo; j < b.docs[i].hi; j++ {
			b.ms[j].art = &b.docs[i].art
		}
	}
	s.encode(b.ms)
	// The details of each article, for consecutive seqs from a base Write
	// sets.
	for i := range b.docs {
		p := &b.docs[i]
		ms := b.ms[p.lo:p.hi]
		p.details = detailsOf(len(ms), func(j int) *mrow { return &ms[j].row }, func(j int) int64 { return int64(j) })
	}
	return b, nil
}

// PutBatch stores docs in one transaction; see Store.PutBatch.
func (s *DuckDB) PutBatch(ctx context.Context, docs []Doc, opts PutOptions) (PutStats, error) {
	if s.readOnly {
		return PutStats{}, fmt.Errorf("put: %w", ErrReadOnly)
	}
	b, err := s.Prepare(docs)
	if err != nil {
		return PutStats{}, err
	}
	return s.Write(ctx, b, opts)
}

// Write stores a prepared batch in one transaction, as PutBatch does.
func (s *DuckDB) Write(ctx context.Context, b *Batch, opts PutOptions) (st PutStats, err error) {
	if s.readOnly {
		return st, fmt.Errorf("put: %w", ErrReadOnly)
	}
	if b.s != s {
		return st, fmt.Errorf("put: a batch prepared by another store")
	}
	st.Skipped = b.skipped
	if len(b.docs) == 0 {
		return st, ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if err := s.loadIndex(ctx); err != nil {
		return st, fmt.Errorf("put: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return st, fmt.Errorf("put: %w", err)
	}
	seq, aseq := s.seq, s.aseq
	var todo []*prepared
	var ms []mention
	var lastDict int32
	defer func() {
		if err == nil {
			if _, err = s.w.ExecContext(ctx, `COMMIT`); err != nil {
				err = fmt.Errorf("commit: %w", err)
			}
		}
		if err != nil {
			// The context may be done: roll back regardless.
			s.w.ExecContext(context.Background(), `ROLLBACK`)
			s.idx = nil // it may hold what was rolled back
			st = PutStats{}
			err = fmt.Errorf("put: %w", err)
			return
		}
		s.dict.commit(lastDict)
		s.seq, s.aseq = seq, aseq
		s.idx.commit(todo)
	}()

	// Which articles are stored already, and with what content.
	var maybe []string
	for i := range b.docs {
		if _, ok := s.idx.arts[hashID(b.docs[i].a.ID)]; ok {
			maybe = append(maybe, b.docs[i].a.ID)
		}
	}
	type storedArticle struct {
		sha string
		seq int64
	}
	have := map[string]storedArticle{}
	if len(maybe) > 0 {
		rows, err := s.w.QueryContext(ctx, `SELECT id, sha, seq FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))`, maybe)
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
	}
	var replaced []int64
	for i := range b.docs {
		p := &b.docs[i]
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
	var oldSeq map[idOf]int64
	if len(replaced) > 0 {
		st.Replaced = len(replaced)
		if ms, oldSeq, err = s.unfold(ctx, replaced); err != nil {
			return st, err
		}
		for i := range ms {
			ms[i].row.day, ms[i].row.dkey = parseDay(ms[i].e.Date), dedupKey(ms[i].e)
		}
		s.encode(ms)
	}
	unfolded := len(ms)
	if len(todo) == len(b.docs) && unfolded == 0 {
		ms = b.ms
	} else {
		for _, p := range todo {
			ms = append(ms, b.ms[p.lo:p.hi]...)
		}
	}
	aseqs := make([]int64, len(todo))
	k := unfolded
	for i, p := range todo {
		aseq++
		aseqs[i] = aseq
		p.base, p.renumbered = seq+1, false
		for range p.hi - p.lo {
			m := &ms[k]
			k++
			m.row.aseq = aseq
			// A report the replaced article also had keeps its place in
			// the storing order, so its event keeps its ID.
			if old, ok := oldSeq[idOf{p.a.ID, m.e.ID}]; ok {
				m.row.seq = old
				p.renumbered = true
			} else {
				seq++
				m.row.seq = seq
			}
		}
	}
	if len(oldSeq) > 0 {
		slices.SortFunc(ms, func(a, b mention) int { return cmp.Compare(a.row.seq, b.row.seq) })
	}
	st.Events = s.fold(ms, &st)
	if lastDict, err = s.insert(ctx, todo, aseqs, ms); err != nil {
		return st, err
	}
	st.Articles = len(todo)
	st.Mentions = len(ms)
	return st, nil
}

// encode sets the row of every mention from its event (seq, event, aseq,
// day and dedup key aside), on every CPU.
func (s *DuckDB) encode(ms []mention) {
	workers := min(runtime.GOMAXPROCS(0), 1+len(ms)/2000)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, _ := s.encoders.Get().(*encoder)
			if c == nil {
				c = newEncoder(s.dict)
			}
			for i := w; i < len(ms); i += workers {
				m := &ms[i]
				c.a = m.art
				c.encode(&m.row, m.e)
			}
			c.a = nil // keep no article alive in the pool
			s.encoders.Put(c)
		}()
	}
	wg.Wait()
}

// insert writes the articles with their mentions' details, the dictionary
// entries not yet saved and the mentions. It returns the last dictionary
// number saved. A report folded into a stored event changes no stored row:
// report counts are counted when read (the event_counts view).
func (s *DuckDB) insert(ctx context.Context, todo []*prepared, aseqs []int64, ms []mention) (int32, error) {
	var again map[int64][]*mrow // the rows of renumbered articles, by aseq
	now := time.Now().UnixMicro()
	as := make([]arow, len(todo))
	for i, p := range todo {
		a := p.a
		as[i] = arow{id: a.ID, seq: aseqs[i], date: parseDay(a.Date), title: a.Title, url: a.URL, source: a.Source,
			language: a.Language, text: a.Text, sha: p.sha, storedAt: now}
		if !p.renumbered {
			as[i].details = setBase(p.details, p.base)
			continue
		}
		// Some seqs are a replaced article's: write the records again, in
		// seq order (as ms is then).
		if again == nil {
			again = rowsByArticle(ms)
		}
		rs := again[aseqs[i]]
		as[i].details = detailsOf(len(rs), func(j int) *mrow { return rs[j] }, func(j int) int64 { return rs[j].seq })
	}
	return s.insertRows(ctx, as, ms)
}

// rowsByArticle returns the rows of ms by aseq, in the order of ms.
func rowsByArticle(ms []mention) map[int64][]*mrow {
	out := map[int64][]*mrow{}
	for j := range ms {
		r := &ms[j].row
		out[r.aseq] = append(out[r.aseq], r)
	}
	return out
}

// insertRows writes the dictionary entries not yet saved, the articles as
// and the mentions ms, in the transaction in progress, and returns the last
// dictionary number saved.
func (s *DuckDB) insertRows(ctx context.Context, as []arow, ms []mention) (int32, error) {
	last, err := s.saveDict(ctx)
	if err != nil {
		return 0, err
	}
	if err := insertFrom(ctx, s, s.articleFunc, as, "articles"); err != nil {
		return 0, err
	}
	if err := insertFrom(ctx, s, s.mentionFunc, ms, "mention_rows"); err != nil {
		return 0, err
	}
	if err := s.insertTextIDs(ctx, ms); err != nil {
		return 0, err
	}
	return last, nil
}

// insertTextIDs keeps the IDs of ms that are not sitrep's (hex) whole, for
// the SQL views.
func (s *DuckDB) insertTextIDs(ctx context.Context, ms []mention) error {
	var seqs []int64
	var ids []string
	for i := range ms {
		if m := &ms[i]; m.row.flags&fIDText != 0 {
			seqs, ids = append(seqs, m.row.seq), append(ids, m.e.ID)
		}
	}
	if len(seqs) == 0 {
		return nil
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO text_ids SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[])`, seqs, ids); err != nil {
		return fmt.Errorf("insert text_ids: %w", err)
	}
	return nil
}

// insertFrom inserts rows into table through its table function.
func insertFrom[T any](ctx context.Context, s *DuckDB, f *tableFunc[T], rows []T, table string) error {
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

// saveDict saves the dictionary entries not yet saved and returns the
// number of the last, 0 if none.
func (s *DuckDB) saveDict(ctx context.Context) (int32, error) {
	first, kinds, vals := s.dict.pending()
	if len(vals) == 0 {
		return 0, nil
	}
	rows := make([]drow, len(vals))
	for i := range vals {
		b, _ := json.Marshal(vals[i])
		rows[i] = drow{id: first + int32(i), kind: string(kinds[i]), val: string(b)}
	}
	if err := insertFrom(ctx, s, s.dictFunc, rows, "dict"); err != nil {
		return 0, err
	}
	return first + int32(len(vals)) - 1, nil
}

// unfold deletes the replaced articles (by seq), their mentions and the
// events those mentions belong to. It returns the other mentions of those
// events, oldest first, to be folded again, and the seq of each deleted
// mention of the replaced articles by article and event ID.
func (s *DuckDB) unfold(ctx context.Context, replaced []int64) ([]mention, map[idOf]int64, error) {
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
	oldSeq := map[idOf]int64{}
	for i := range rows {
		r := &rows[i]
		e := &event.Event{}
		dec.decode(r, arts[r.aseq], e)
		if gone[r.aseq] {
			oldSeq[idOf{e.ArticleID, e.ID}] = r.seq
			continue
		}
		ms = append(ms, mention{e: e, art: arts[r.aseq], row: mrow{seq: r.seq, aseq: r.aseq}})
	}
	// The events go: take them out of the index too.
	erows, err := s.w.QueryContext(ctx, `SELECT dkey, day, seq FROM event_rows WHERE day IS NOT NULL AND seq IN (`+affected+`)`, replaced)
	if err != nil {
		return nil, nil, fmt.Errorf("unfold: %w", err)
	}
	for erows.Next() {
		var key, seq int64
		var d day
		if err := erows.Scan(&key, &d, &seq); err != nil {
			erows.Close()
			return nil, nil, fmt.Errorf("unfold: %w", err)
		}
		s.idx.remove(key, d, seq)
	}
	if err := erows.Close(); err != nil {
		return nil, nil, fmt.Errorf("unfold: %w", err)
	}
	for _, q := range []string{
		`DELETE FROM text_ids WHERE seq IN (SELECT seq FROM mention_rows WHERE event IN (` + affected + `))`,
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
func (s *DuckDB) fold(ms []mention, st *PutStats) int {
	newEvents := 0
	for i := range ms {
		r := &ms[i].row
		if r.day != noDay {
			if seq, ok := s.idx.nearest(r.dkey, r.day); ok {
				r.event = seq
				st.Merged++
				continue
			}
			s.idx.add(r.dkey, r.day, r.seq)
		}
		r.event = r.seq
		newEvents++
	}
	return newEvents
}

// commit records in the index the articles a write stored; fold has
// recorded its events.
func (x *index) commit(todo []*prepared) {
	for _, p := range todo {
		x.arts[hashID(p.a.ID)] = struct{}{}
	}
}

// Has reports whether the article id is stored.
func (s *DuckDB) Has(ctx context.Context, articleID string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, articleID).Scan(&n); err != nil {
		return false, fmt.Errorf("has %q: %w", articleID, err)
	}
	return n > 0, nil
}

// idOf is a report of an article: the article's ID and the event's.
type idOf struct{ article, event string }
