package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

// forEachDatabase runs test once per real database backend, each time
// against a fresh, empty store: SQLite always, PostgreSQL when
// SCAMINT_TEST_POSTGRES holds a server URL (CI sets it). Tests that hold for
// every backend go through here; only tests of SQLite's own machinery
// (pragmas, the file, kill safety) open SQLite directly.
func forEachDatabase(t *testing.T, test func(t *testing.T, s *Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		test(t, openSQLiteTest(t))
	})
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv("SCAMINT_TEST_POSTGRES") == "" {
			t.Skip("SCAMINT_TEST_POSTGRES not set; the postgres variant runs when it names a server")
		}
		// When the backend lands: create a uniquely named database on the
		// server, open it, and drop it in t.Cleanup.
		t.Skip("postgres backend not yet available; SCAMINT_TEST_POSTGRES is set but nothing can use it yet")
	})
}

// openSQLiteTest opens a fresh SQLite store in the test's temporary
// directory and closes it when the test ends.
func openSQLiteTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "scamint.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// sha returns the hex SHA-256 of s, for test source files.
func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// begin starts a Tx that is rolled back when the test ends unless
// committed.
func begin(t testing.TB, s *Store) *Tx {
	t.Helper()
	tx, err := s.Begin(context.Background())
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	t.Cleanup(func() { tx.Rollback() })
	return tx
}

// addFile adds a source file named name, failing the test on error.
func addFile(t testing.TB, tx *Tx, name string) model.SourceFileID {
	t.Helper()
	id, _, err := tx.AddSourceFile(context.Background(), model.SourceFile{
		FileName: name, SHA256: sha(name), SizeBytes: 100, MediaType: "text/csv", IngestedBy: "analyst.kim",
	})
	if err != nil {
		t.Fatalf("AddSourceFile(%q): %v", name, err)
	}
	return id
}

// putReport stores a report record with the given id and body.
func putReport(t testing.TB, tx *Tx, file model.SourceFileID, id, body string) {
	t.Helper()
	if _, err := tx.PutRecord(context.Background(), model.Record{
		ID: model.RecordID(id), Type: model.ReportRecord, SourceFileID: file, Locator: "line 2",
		IngestedBy: "analyst.kim", Body: []byte(body),
	}); err != nil {
		t.Fatalf("PutRecord(%q): %v", id, err)
	}
}

func commit(t testing.TB, tx *Tx) {
	t.Helper()
	if err := tx.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
}

func rowCounts(t testing.TB, s *Store) map[string]int64 {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st.Rows
}
