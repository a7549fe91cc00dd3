package store

import (
	"context"
	"database/sql"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The pragmas must hold on every pooled connection, not only on the first
// one, which is why they travel in the DSN. Several reader connections are
// held at once so that the pool has to open more than one.
func TestSQLitePragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s := openSQLiteTest(t)
	want := map[string]string{
		"journal_mode": "wal",
		"foreign_keys": "1",
		"synchronous":  "1", // NORMAL
		"busy_timeout": "10000",
	}
	pools := []struct {
		name string
		db   *sql.DB
		n    int
	}{{"writer", s.write, 1}, {"reader", s.read, 3}}
	for _, pool := range pools {
		var conns []*sql.Conn
		for range pool.n {
			c, err := pool.db.Conn(ctx)
			if err != nil {
				t.Fatalf("%s: Conn: %v", pool.name, err)
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			for pragma, value := range want {
				var got string
				if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
					t.Fatalf("%s conn %d: PRAGMA %s: %v", pool.name, i, pragma, err)
				}
				if !strings.EqualFold(got, value) {
					t.Errorf("%s conn %d: PRAGMA %s = %q; want %q", pool.name, i, pragma, got, value)
				}
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
	if n := s.write.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("writer pool MaxOpenConnections = %d; want 1", n)
	}
}

func TestSQLiteReaderCannotWrite(t *testing.T) {
	s := openSQLiteTest(t)
	_, err := s.read.ExecContext(context.Background(),
		`INSERT INTO selectors (kind, canonical) VALUES ('phone', '+821012345678')`)
	if err == nil {
		t.Fatal("insert through the reader pool succeeded; want query_only to refuse it")
	}
}

// A reader sees only committed data, and is not blocked by an open write
// transaction (WAL).
func TestSQLiteReadersNotBlockedByWriter(t *testing.T) {
	ctx := context.Background()
	s := openSQLiteTest(t)
	tx := begin(t, s)
	putReport(t, tx, addFile(t, tx, "reports.csv"), "KR-1", `{}`)
	if got := rowCounts(t, s)["records"]; got != 0 {
		t.Errorf("records visible before Commit = %d; want 0", got)
	}
	commit(t, tx)
	if _, err := s.Record(ctx, "KR-1"); err != nil {
		t.Errorf("Record after Commit: %v", err)
	}
}

// Investigators open the file with the sqlite3 shell; it must read it
// without anything scamint-specific.
func TestSQLiteFileReadableByShell(t *testing.T) {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 shell not installed")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scamint.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	tx := begin(t, s)
	putReport(t, tx, addFile(t, tx, "reports.csv"), "KR-1", `{"narrative":"she said to use telegram"}`)
	commit(t, tx)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	out, err := exec.CommandContext(ctx, shell, "-readonly", path,
		`SELECT r.id, f.file_name, json_extract(r.body, '$.narrative') FROM records r JOIN source_files f ON f.id = r.source_file_id`).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), "KR-1|reports.csv|she said to use telegram"; got != want {
		t.Errorf("sqlite3 printed %q; want %q", got, want)
	}
}
