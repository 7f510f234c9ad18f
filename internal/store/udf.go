package store

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/duckdb/duckdb-go/v2"
)

// The write connection inserts mention_rows and articles with INSERT ...
// SELECT from table functions that copy Go slices into DuckDB's vectors.
//
// duckdb-go writes a chunk value by value (SetChunkValue: a column lookup
// and a type switch for every value, about 50 ns), which was most of the
// time of an insert. The table functions here write each column of a chunk
// as one typed loop over the vector's memory instead, which they find by
// reading duckdb-go's unexported DataChunk fields (columns[i].dataPtr, and
// projection for the columns a query reads). duckdb-go is pinned
// (v2.10506.0); TestManyChunks fails if a new version moves those fields.
// NULLs, strings and blobs still go through duckdb-go's calls.

// column is one column of a batch table function: its DuckDB type, how to
// write rows into a vector's memory, and (for a column with NULLs) which
// rows are NULL.
type column[T any] struct {
	name  string
	typ   duckdb.Type
	write func(data unsafe.Pointer, rows []T)
	null  func(row *T) bool
	// set writes a column of values DuckDB keeps out of the vector's
	// memory (VARCHAR, BLOB), a call into DuckDB a value; write is nil.
	set func(ch *duckdb.DataChunk, c int, rows []T) error
}

func writer[V, T any](get func(*T) V) func(unsafe.Pointer, []T) {
	return func(data unsafe.Pointer, rows []T) {
		out := unsafe.Slice((*V)(data), len(rows))
		for i := range rows {
			out[i] = get(&rows[i])
		}
	}
}

func i64[T any](name string, get func(*T) int64) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_BIGINT, write: writer(get)}
}
func u64[T any](name string, get func(*T) uint64) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_UBIGINT, write: writer(get)}
}
func i32[T any](name string, get func(*T) int32) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_INTEGER, write: writer(get)}
}
func u32[T any](name string, get func(*T) uint32) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_UINTEGER, write: writer(get)}
}
func f64[T any](name string, get func(*T) float64) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_DOUBLE, write: writer(get)}
}

// dayColumn is an INTEGER day, NULL for noDay.
func dayColumn[T any](name string, get func(*T) day) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_INTEGER, write: writer(func(r *T) int32 { return int32(get(r)) }),
		null: func(r *T) bool { return get(r) == noDay }}
}

// dateColumn is a DATE, NULL for noDay.
func dateColumn[T any](name string, get func(*T) day) column[T] {
	c := dayColumn(name, get)
	c.typ = duckdb.TYPE_DATE
	return c
}

// timestamp is a TIMESTAMP as microseconds since 1970.
func timestamp[T any](name string, get func(*T) int64) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_TIMESTAMP, write: writer(get)}
}

func varchar[T any](name string, get func(*T) string) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_VARCHAR, set: func(ch *duckdb.DataChunk, c int, rows []T) error {
		vec, err := ch.GetVector(c)
		if err != nil {
			return err
		}
		w, err := duckdb.GetVectorWriter[string](vec)
		if err != nil {
			return err
		}
		for i := range rows {
			if err := w.Set(i, get(&rows[i])); err != nil {
				return err
			}
		}
		return nil
	}}
}

func blob[T any](name string, get func(*T) []byte) column[T] {
	return column[T]{name: name, typ: duckdb.TYPE_BLOB, set: func(ch *duckdb.DataChunk, c int, rows []T) error {
		for i := range rows {
			if err := duckdb.SetChunkValue(*ch, c, i, get(&rows[i])); err != nil {
				return err
			}
		}
		return nil
	}}
}

// The fields of duckdb.DataChunk and of its vectors that chunkData reads.
var chunkFields struct {
	once                      sync.Once
	columns, projection, data []int
}

func initChunkFields() {
	dc := reflect.TypeFor[duckdb.DataChunk]()
	cols, ok1 := dc.FieldByName("columns")
	proj, ok2 := dc.FieldByName("projection")
	var data reflect.StructField
	ok3 := ok1 && cols.Type.Kind() == reflect.Slice && cols.Type.Elem().Kind() == reflect.Struct
	if ok3 {
		data, ok3 = cols.Type.Elem().FieldByName("dataPtr")
	}
	if !ok1 || !ok2 || !ok3 || proj.Type != reflect.TypeFor[[]int]() || data.Type.Kind() != reflect.UnsafePointer {
		return
	}
	chunkFields.columns, chunkFields.projection, chunkFields.data = cols.Index, proj.Index, data.Index
}

// chunkData returns the memory of column c of ch, nil when the query does
// not read that column or duckdb-go's layout is not the one expected.
func chunkData(ch *duckdb.DataChunk, c int) unsafe.Pointer {
	chunkFields.once.Do(initChunkFields)
	if chunkFields.data == nil {
		return nil
	}
	v := reflect.ValueOf(ch).Elem()
	if proj := v.FieldByIndex(chunkFields.projection); proj.Len() > 0 {
		if c >= proj.Len() {
			return nil
		}
		c = int(proj.Index(c).Int())
	}
	cols := v.FieldByIndex(chunkFields.columns)
	if c < 0 || c >= cols.Len() {
		return nil
	}
	return cols.Index(c).FieldByIndex(chunkFields.data).UnsafePointer()
}

// batchSource serves the rows of one batch to DuckDB, a chunk at a time,
// to as many of DuckDB's threads as there are CPUs: with
// preserve_insertion_order off, DuckDB then inserts in parallel.
type batchSource[T any] struct {
	cols  []column[T]
	infos []duckdb.ColumnInfo
	rows  []T
	next  atomic.Int64 // the first row no thread has claimed
}

func (s *batchSource[T]) ColumnInfos() []duckdb.ColumnInfo { return s.infos }
func (s *batchSource[T]) Cardinality() *duckdb.CardinalityInfo {
	return &duckdb.CardinalityInfo{Cardinality: uint(len(s.rows)), Exact: true}
}
func (s *batchSource[T]) Init() duckdb.ParallelTableSourceInfo {
	return duckdb.ParallelTableSourceInfo{MaxThreads: runtime.GOMAXPROCS(0)}
}
func (s *batchSource[T]) NewLocalState() any { return &struct{}{} }

func (s *batchSource[T]) FillChunk(_ any, ch duckdb.DataChunk) error {
	size := int64(duckdb.GetDataChunkCapacity())
	from := min(s.next.Add(size)-size, int64(len(s.rows)))
	rows := s.rows[from:min(from+size, int64(len(s.rows)))]
	n := len(rows)
	// Vectors written by a call into DuckDB check the rows against the
	// size.
	if err := ch.SetSize(n); err != nil {
		return err
	}
	for c := range s.cols {
		col := &s.cols[c]
		data := chunkData(&ch, c)
		if data == nil {
			if chunkFields.data == nil {
				return fmt.Errorf("table function: duckdb-go's DataChunk is not laid out as this sitrep expects")
			}
			continue // not read by the query
		}
		if col.set != nil {
			if err := col.set(&ch, c, rows); err != nil {
				return err
			}
			continue
		}
		col.write(data, rows)
		if col.null == nil {
			continue
		}
		for r := range rows {
			if col.null(&rows[r]) {
				if err := duckdb.SetChunkValue[any](ch, c, r, nil); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// tableFunc is a registered batch table function: name() reads whatever
// rows holds when the query runs.
type tableFunc[T any] struct {
	name  string
	cols  []column[T]
	infos []duckdb.ColumnInfo
	rows  []T
}

func newTableFunc[T any](name string, cols []column[T]) (*tableFunc[T], error) {
	f := &tableFunc[T]{name: name, cols: cols}
	for _, c := range cols {
		t, err := duckdb.NewTypeInfo(c.typ)
		if err != nil {
			return nil, fmt.Errorf("table function %s: %w", name, err)
		}
		f.infos = append(f.infos, duckdb.ColumnInfo{Name: c.name, T: t})
	}
	return f, nil
}

func (f *tableFunc[T]) udf() duckdb.ParallelChunkTableFunction {
	return duckdb.ParallelChunkTableFunction{
		BindArguments: func(map[string]any, ...any) (duckdb.ParallelChunkTableSource, error) {
			return &batchSource[T]{cols: f.cols, infos: f.infos, rows: f.rows}, nil
		},
	}
}

// mentionColumns are the columns of mention_rows, in order, from the
// rows of mentions.
var mentionColumns = []column[mention]{
	i64("seq", func(m *mention) int64 { return m.row.seq }),
	i64("event", func(m *mention) int64 { return m.row.event }),
	u64("id_hi", func(m *mention) uint64 { return m.row.idHi }),
	u32("id_lo", func(m *mention) uint32 { return m.row.idLo }),
	i64("aseq", func(m *mention) int64 { return m.row.aseq }),
	dayColumn("day", func(m *mention) day { return m.row.day }),
	i32("mode", func(m *mention) int32 { return m.row.mode }),
	i32("src", func(m *mention) int32 { return m.row.src }),
	i32("tgt", func(m *mention) int32 { return m.row.tgt }),
	i32("coding", func(m *mention) int32 { return m.row.coding }),
	i32("place", func(m *mention) int32 { return m.row.place }),
	i32("skey", func(m *mention) int32 { return m.row.skey }),
	i64("sentence", func(m *mention) int64 { return m.row.sentence }),
	i64("trigger", func(m *mention) int64 { return m.row.trigger }),
	f64("confidence", func(m *mention) float64 { return m.row.confidence }),
	i64("dkey", func(m *mention) int64 { return m.row.dkey }),
}

// drow is one row of dict.
type drow struct {
	id        int32
	kind, val string
}

var dictColumns = []column[drow]{
	i32("id", func(d *drow) int32 { return d.id }),
	varchar("kind", func(d *drow) string { return d.kind }),
	varchar("val", func(d *drow) string { return d.val }),
}

// arow is one row of articles.
type arow struct {
	id, title, url, source, language, text, sha string
	seq, storedAt                               int64
	date                                        day
	details                                     []byte
}

var articleColumns = []column[arow]{
	varchar("id", func(a *arow) string { return a.id }),
	i64("seq", func(a *arow) int64 { return a.seq }),
	dateColumn("date", func(a *arow) day { return a.date }),
	varchar("title", func(a *arow) string { return a.title }),
	varchar("url", func(a *arow) string { return a.url }),
	varchar("source", func(a *arow) string { return a.source }),
	varchar("language", func(a *arow) string { return a.language }),
	varchar("text", func(a *arow) string { return a.text }),
	varchar("sha", func(a *arow) string { return a.sha }),
	timestamp("stored_at", func(a *arow) int64 { return a.storedAt }),
	blob("details", func(a *arow) []byte { return a.details }),
}
