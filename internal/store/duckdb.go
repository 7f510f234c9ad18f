package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/duckdb/duckdb-go/v2"
)

// DefaultPath is the store file commands use without --db.
const DefaultPath = "sitrep.duckdb"

// DuckDB is the Store in one DuckDB file. It is safe for concurrent use:
// reads run in parallel, writes one at a time. DuckDB lets one process open
// a file for writing (or several for reading only), so a second process gets
// ErrLocked.
type DuckDB struct {
	db       *sql.DB
	path     string
	readOnly bool

	// mu serialises writes; w is the one connection they use, so that its
	// temporary tables and transaction stay with it.
	mu   sync.Mutex
	w    *sql.Conn
	seq  int64  // the last mention seq handed out
	aseq int64  // the last article seq handed out
	idx  *index // what writes look up in memory; nil until the first

	// dict is the dictionary of the numbered tuples (see dict.go).
	dict *dictionary
	// encoders keeps encoders, and the numbers they have looked up, from
	// one batch to the next.
	encoders sync.Pool
	// threads counts the Writers running and keeps the number of DuckDB
	// threads they set aside (see Writer).
	threads struct {
		sync.Mutex
		writers, had int
	}
	// The table functions w inserts rows with (see udf.go).
	mentionFunc *tableFunc[mention]
	articleFunc *tableFunc[arow]
	dictFunc    *tableFunc[drow]
}

var _ Store = (*DuckDB)(nil)

// Open opens the store file at path for reading and writing, creating it if
// needed and applying any migration it lacks. A file another process holds
// is an error wrapping ErrLocked; a file made by a newer sitrep is an error.
func Open(ctx context.Context, path string) (*DuckDB, error) {
	return open(ctx, path, false)
}

// OpenMemory opens a new empty store in memory, gone when it is closed:
// for demos (sitrep serve --memory) and tests.
func OpenMemory(ctx context.Context) (*DuckDB, error) {
	return open(ctx, memoryPath, false)
}

// memoryPath is the path of stores opened by OpenMemory.
const memoryPath = ":memory:"

// OpenReadOnly opens the store file at path for reading only; several
// processes may do so at once, but not while one has it open for writing
// (ErrLocked). A missing file is an error wrapping ErrNoStore, and so is a
// file whose schema is older than this sitrep's (Open migrates it). Put on
// such a store returns an error wrapping ErrReadOnly.
func OpenReadOnly(ctx context.Context, path string) (*DuckDB, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open store %q: %w: store events first with sitrep ingest", path, ErrNoStore)
		}
		return nil, fmt.Errorf("open store %q: %w", path, err)
	}
	return open(ctx, path, true)
}

func open(ctx context.Context, path string, readOnly bool) (*DuckDB, error) {
	if path == "" {
		return nil, fmt.Errorf("open store: empty path")
	}
	dsn := path
	if path == memoryPath {
		dsn = "" // DuckDB's in-memory database, shared by the connector's connections
	}
	if readOnly {
		dsn += "?access_mode=read_only"
	}
	c, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, openError(path, err)
	}
	s := &DuckDB{db: sql.OpenDB(c), path: path, readOnly: readOnly, dict: newDictionary()}
	if err := s.init(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// lockRE finds the process that holds a DuckDB file in DuckDB's message.
var lockRE = regexp.MustCompile(`Conflicting lock is held in (.*) \(PID (\d+)\)`)

// openError turns DuckDB's lock conflict into ErrLocked with the holder.
func openError(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock") {
		holder := "another process"
		if m := lockRE.FindStringSubmatch(msg); m != nil {
			holder = fmt.Sprintf("%s (PID %s)", m[1], m[2])
		}
		return fmt.Errorf("open store %q: %w: %s has it open", path, ErrLocked, holder)
	}
	return fmt.Errorf("open store %q: %w", path, err)
}

func (s *DuckDB) init(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return openError(s.path, err)
	}
	if s.readOnly {
		v, err := schemaVersion(ctx, s.db)
		if err != nil {
			return fmt.Errorf("open store %q: %w", s.path, err)
		}
		switch {
		case v < len(migrations):
			return fmt.Errorf("open store %q: %w: schema version %d, this sitrep reads %d; run sitrep ingest on it once to migrate", s.path, ErrNoStore, v, len(migrations))
		case v > len(migrations):
			return fmt.Errorf("open store %q: schema version %d is newer than this sitrep's %d: upgrade sitrep", s.path, v, len(migrations))
		}
		for _, t := range []string{"v1_mentions", "v2_articles"} {
			if old, err := s.hasTable(ctx, t); err != nil || old {
				if err == nil {
					err = fmt.Errorf("%w: its conversion from an older schema is not finished; run sitrep ingest on it once to finish it", ErrNoStore)
				}
				return fmt.Errorf("open store %q: %w", s.path, err)
			}
		}
		return s.dict.load(ctx, s.db)
	}
	if err := migrate(ctx, s.db); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	if err := s.dict.load(ctx, s.db); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	w, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	s.w = w
	// Bulk ingest writes hundreds of MB per batch; checkpointing after
	// every 16 MB of WAL (the default) rewrites row groups over and over.
	if _, err := w.ExecContext(ctx, `SET checkpoint_threshold = '256MB'`); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	// Rows carry their order (seq); DuckDB need not keep the order they
	// were inserted in, which lets it insert in parallel.
	if _, err := w.ExecContext(ctx, `SET preserve_insertion_order = false`); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	if err := s.registerTableFuncs(); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	row := w.QueryRowContext(ctx, `SELECT coalesce((SELECT max(seq) FROM mention_rows), 0), coalesce((SELECT max(seq) FROM articles), 0)`)
	if err := row.Scan(&s.seq, &s.aseq); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	if err := s.convertV2(ctx); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	if err := s.convertV1(ctx); err != nil {
		return fmt.Errorf("open store %q: %w", s.path, err)
	}
	return nil
}

// registerTableFuncs registers on w the table functions inserts read.
func (s *DuckDB) registerTableFuncs() error {
	var err error
	if s.mentionFunc, err = newTableFunc("sitrep_mention_rows", mentionColumns); err != nil {
		return err
	}
	if s.articleFunc, err = newTableFunc("sitrep_articles", articleColumns); err != nil {
		return err
	}
	if s.dictFunc, err = newTableFunc("sitrep_dict", dictColumns); err != nil {
		return err
	}
	for name, f := range map[string]duckdb.ParallelChunkTableFunction{
		s.mentionFunc.name: s.mentionFunc.udf(), s.articleFunc.name: s.articleFunc.udf(), s.dictFunc.name: s.dictFunc.udf(),
	} {
		if err := duckdb.RegisterTableUDF(s.w, name, f); err != nil {
			return fmt.Errorf("register %s: %w", name, err)
		}
	}
	return nil
}

// Path returns the file the store was opened from.
func (s *DuckDB) Path() string { return s.path }

// Close closes the store. Writes in progress fail.
func (s *DuckDB) Close() error {
	var err error
	if s.w != nil {
		err = s.w.Close()
	}
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}
