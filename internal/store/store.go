// Package store keeps scamint's data in a SQL database and is the only
// package that speaks SQL. The default is an embedded SQLite file (pure Go,
// no cgo); PostgreSQL, for teams that share one instance, is planned and the
// code is shaped for it: queries are written once with ? placeholders in
// portable SQL and rebound per dialect, and each dialect has its own numbered
// migrations, applied on Open.
//
// Writes go through a Tx, which is all-or-nothing: nothing a Tx wrote is
// visible before Commit, and a crash or kill at any moment leaves the store
// as it was before the Tx or as it is after Commit. That is how ingest keeps
// the promise that a file is imported whole or not at all, and that running
// the same import again completes the work.
//
// Domain packages do not import store: they declare the small interface they
// need, with model types, and the command line passes a *Store in.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Errors callers branch on. They come wrapped with context; test with
// errors.Is.
var (
	// ErrNotFound means the record, entity or selector asked for does not
	// exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a write named an existing id with different
	// content: a record id reused for another record, an entity id for
	// another schema. Re-writing identical content is not a conflict.
	ErrConflict = errors.New("conflicts with stored data")
	// ErrSchemaTooNew means the database was migrated by a newer scamint
	// than this one; opening it could misread or damage it.
	ErrSchemaTooNew = errors.New("database schema is newer than this scamint")
	// ErrBackendUnavailable means the DSN names a database this build
	// cannot use yet.
	ErrBackendUnavailable = errors.New("backend not yet available")
)

// Store is a scamint database. It is safe for concurrent use. Close it when
// done.
type Store struct {
	dialect *dialect
	// write is the pool every Tx and migration uses. For SQLite it holds a
	// single connection: SQLite allows one writer at a time, and queueing
	// writers in Go, rather than letting connections race for the file
	// lock, is what keeps SQLITE_BUSY away (pocketbase's pattern).
	write *sql.DB
	// read serves reads. In WAL mode readers do not block the writer or
	// each other, so it may hold many connections.
	read *sql.DB
}

// Open opens the store named by dsn and brings its schema up to date. A
// postgres:// or postgresql:// URL selects PostgreSQL (not yet available);
// anything else is the path of a SQLite file, created if missing.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		// The DSN may hold a password, so it stays out of the message.
		return nil, fmt.Errorf("open store: postgres %w", ErrBackendUnavailable)
	}
	s, err := openSQLite(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	return s, nil
}

// sqlitePragmas configure every SQLite connection, in this order, as
// _pragma DSN parameters so that each pooled connection gets them, not just
// the first. busy_timeout comes first so that the others wait for a lock
// instead of failing; WAL lets readers run beside the writer; foreign_keys
// is off by default in SQLite; synchronous=NORMAL is durable in WAL mode
// except for the last commits before a power cut, and never corrupts.
// (modernc.org/sqlite applies busy_timeout first and the rest in
// alphabetical order, which keeps the one ordering that matters.)
var sqlitePragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(WAL)",
	"foreign_keys(1)",
	"synchronous(NORMAL)",
}

// sqliteDSN returns the modernc.org/sqlite DSN for the file at path. The
// writer begins transactions with BEGIN IMMEDIATE, taking the write lock at
// once rather than on the first write, so a transaction never fails halfway
// because another process wrote first. Readers are query_only, so a read
// path cannot write by mistake.
func sqliteDSN(path string, writer bool) string {
	var b strings.Builder
	b.WriteString("file:")
	// In a SQLite URI, ?, # and % in the path must be escaped.
	b.WriteString(strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path))
	for i, p := range sqlitePragmas {
		if i == 0 {
			b.WriteString("?")
		} else {
			b.WriteString("&")
		}
		b.WriteString("_pragma=")
		b.WriteString(p)
	}
	if writer {
		// 64 MiB of page cache instead of SQLite's 2 MiB: a bulk load
		// touches index pages all over the file, and once they no longer
		// fit, each insert costs reads and spills (measured: 30% more CPU
		// per record at 300,000 records with the default). Only the
		// writer, whose one connection does the bulk work, gets it.
		//
		// Temporary files in memory: a multi-row INSERT inside a
		// transaction keeps a statement journal so that it can be undone
		// alone, and on disk that journal cost a sixth of a bulk load in
		// write system calls.
		b.WriteString("&_pragma=cache_size(-65536)&_pragma=temp_store(memory)&_txlock=immediate")
	} else {
		b.WriteString("&_pragma=query_only(1)")
	}
	return b.String()
}

func openSQLite(ctx context.Context, path string) (s *Store, err error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("want the path of a database file, got %q", path)
	}
	write, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	defer func() {
		if err != nil {
			write.Close()
		}
	}()
	var mode string
	if err := write.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return nil, fmt.Errorf("read journal mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		// WAL fails quietly on file systems without shared memory (some
		// network mounts); without it readers would block the writer.
		return nil, fmt.Errorf("journal mode is %q, want wal: is the file on a network file system?", mode)
	}
	if err := migrate(ctx, write, sqliteDialect); err != nil {
		return nil, err
	}

	read, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return nil, err
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	read.SetConnMaxIdleTime(5 * time.Minute)
	if err := read.PingContext(ctx); err != nil {
		read.Close()
		return nil, fmt.Errorf("open reader: %w", err)
	}
	return &Store{dialect: sqliteDialect, write: write, read: read}, nil
}

// Close closes the store. Commit or roll back every Tx first.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// timeLayout is how times are stored: UTC, fixed width, microseconds, so
// that text order is time order and both dialects read it the same way.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// storedTime rounds t to what the store keeps, so that what a caller wrote
// and what it reads back compare equal.
func storedTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime is formatTime, with the zero time stored as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// nullString stores "" as NULL, for optional references and dates.
func nullString[T ~string](v T) any {
	if v == "" {
		return nil
	}
	return string(v)
}

// Checkpoint copies the write-ahead log into the database file and
// truncates it. SQLite does this on its own, a little at every commit; after
// a bulk load the log holds gigabytes, and the next small commit would pay
// for copying them.
func (s *Store) Checkpoint(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
