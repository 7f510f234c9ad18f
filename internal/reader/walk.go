package reader

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk reads the articles of every path in turn, in the order given, calling
// Read for each file with format f. "-" reads stdin (named "-"). A directory
// is walked recursively in lexical order; inside it, hidden files and
// directories (name starting with ".") are skipped, symbolic links to
// directories are not followed (a named one is), and only files whose extension is in the
// format table (.txt .text .jsonl .ndjson .json) are read: others are
// skipped silently. A file named explicitly is read whatever its extension,
// its format detected by content when f is Auto.
//
// A path that does not exist or cannot be opened or listed is reported to fn
// as a *ParseError with File set and Line 0, together with an Article holding
// only File, and the walk goes on. Walk returns the first error fn returns,
// or ctx.Err() once ctx is done; otherwise nil. Walk does not close stdin.
func Walk(ctx context.Context, paths []string, stdin io.Reader, f Format, fn func(Article, error) error) error {
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := walkPath(ctx, path, stdin, f, fn); err != nil {
			return err
		}
	}
	return nil
}

// walkPath reads one of Walk's paths.
func walkPath(ctx context.Context, path string, stdin io.Reader, f Format, fn func(Article, error) error) error {
	if path == "-" {
		if stdin == nil {
			return report(fn, path, errors.New("no standard input"))
		}
		return Read(ctx, stdin, "-", f, fn)
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return report(fn, path, err)
	case info.IsDir():
		// WalkDir does not follow a symbolic link even as its root; a
		// trailing separator makes the system resolve a named link.
		if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			path += string(filepath.Separator)
		}
		return walkDir(ctx, path, f, fn)
	}
	return readFile(ctx, path, f, fn)
}

// walkDir reads the known files under root; see Walk.
func walkDir(ctx context.Context, root string, f Format, fn func(Article, error) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// The root or a directory could not be listed; what was
			// listed is still walked.
			return report(fn, path, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, known := formatOf(path); !known {
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
		case t&fs.ModeSymlink != 0:
			info, err := os.Stat(path)
			if err != nil {
				return report(fn, path, err)
			}
			if !info.Mode().IsRegular() {
				return nil // not followed: a link to a directory could loop
			}
		default:
			return nil // devices, pipes and sockets are not articles
		}
		return readFile(ctx, path, f, fn)
	})
}

// readFile opens path and reads it with Read, reporting an open error to fn.
func readFile(ctx context.Context, path string, f Format, fn func(Article, error) error) error {
	file, err := os.Open(path)
	if err != nil {
		return report(fn, path, err)
	}
	defer file.Close() // read-only: a close error loses nothing
	return Read(ctx, file, path, f, fn)
}

// report passes a file-level error to fn as a *ParseError. The path is
// dropped from an *fs.PathError, as ParseError prints it already.
func report(fn func(Article, error) error, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fn(Article{File: path}, &ParseError{File: path, Err: err})
}
