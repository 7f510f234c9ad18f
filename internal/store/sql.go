package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// firstKeyword returns the first word of q, upper-cased, after white space,
// comments and opening parentheses.
func firstKeyword(q string) string {
	for {
		q = strings.TrimLeftFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
		switch {
		case strings.HasPrefix(q, "--"):
			if i := strings.IndexByte(q, '\n'); i >= 0 {
				q = q[i+1:]
				continue
			}
			return ""
		case strings.HasPrefix(q, "/*"):
			if i := strings.Index(q, "*/"); i >= 0 {
				q = q[i+2:]
				continue
			}
			return ""
		}
		end := strings.IndexFunc(q, func(r rune) bool { return !unicode.IsLetter(r) })
		if end < 0 {
			end = len(q)
		}
		return strings.ToUpper(q[:end])
	}
}

// checkSelect accepts q only if it is one SELECT statement (WITH included),
// by its first keyword and by DuckDB's own parser, which serialises nothing
// but SELECT statements.
func (s *DuckDB) checkSelect(ctx context.Context, q string) error {
	if k := firstKeyword(q); k != "SELECT" && k != "WITH" {
		return fmt.Errorf("query: %w: it starts with %q", ErrNotReadOnly, k)
	}
	var js string
	if err := s.db.QueryRowContext(ctx, `SELECT json_serialize_sql(?::VARCHAR)::VARCHAR`, q).Scan(&js); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	var parsed struct {
		Error        bool   `json:"error"`
		ErrorType    string `json:"error_type"`
		ErrorMessage string `json:"error_message"`
		Statements   []json.RawMessage
	}
	if err := json.Unmarshal([]byte(js), &parsed); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	switch {
	case parsed.Error && parsed.ErrorType == "not implemented":
		return fmt.Errorf("query: %w", ErrNotReadOnly)
	case parsed.Error:
		return fmt.Errorf("query: %s", parsed.ErrorMessage)
	case len(parsed.Statements) != 1:
		return fmt.Errorf("query: %w: got %d statements", ErrNotReadOnly, len(parsed.Statements))
	}
	return nil
}

// QueryReadOnly runs one SELECT in a read-only transaction; see
// Store.QueryReadOnly.
func (s *DuckDB) QueryReadOnly(ctx context.Context, q string) ([]string, [][]any, error) {
	if err := s.checkSelect(ctx, q); err != nil {
		return nil, nil, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("query: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN TRANSACTION READ ONLY`); err != nil {
		return nil, nil, fmt.Errorf("query: %w", err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, nil, fmt.Errorf("query: %w", err)
	}
	out := [][]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, fmt.Errorf("query: %w", err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("query: %w", err)
	}
	return cols, out, nil
}

// ExportParquet writes the events matching f (f.Cursor and f.Limit
// ignored), every column of the events view in the order of Events, to
// the Parquet file path, which it creates or truncates.
func (s *DuckDB) ExportParquet(ctx context.Context, f Filter, path string) error {
	w, err := s.filterWhere(&f)
	if err != nil {
		return err
	}
	lit := "'" + strings.ReplaceAll(path, "'", "''") + "'"
	q := `COPY (SELECT v.* FROM events v JOIN (SELECT e.seq, e.day FROM event_rows e WHERE ` + w.sql() + `) e ON e.seq = v.seq ` +
		eventOrder + `) TO ` + lit + ` (FORMAT parquet)`
	if _, err := s.db.ExecContext(ctx, q, w.args...); err != nil {
		return fmt.Errorf("export parquet %q: %w", path, err)
	}
	return nil
}
