package store

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestMigrationsApplyOnFreshStore(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ms, err := loadMigrations(s.dialect)
		if err != nil {
			t.Fatalf("loadMigrations: %v", err)
		}
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if want := ms[len(ms)-1].version; st.SchemaVersion != want {
			t.Errorf("SchemaVersion = %d; want %d", st.SchemaVersion, want)
		}
		for _, table := range dataTables {
			if n, ok := st.Rows[table]; !ok || n != 0 {
				t.Errorf("Stats().Rows[%q] = %d, %v; want 0, true", table, n, ok)
			}
		}
		var name, applied string
		if err := s.read.QueryRowContext(context.Background(),
			`SELECT name, applied_at FROM schema_migrations WHERE version = 1`).Scan(&name, &applied); err != nil {
			t.Fatalf("read schema_migrations: %v", err)
		}
		if name != "init" {
			t.Errorf("migration 1 name = %q; want %q", name, "init")
		}
		if _, err := parseTime(applied); err != nil {
			t.Errorf("migration 1 applied_at: %v", err)
		}
	})
}

func TestMigrationsIdempotentOnReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scamint.db")
	for i := range 3 {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		var n int
		if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatalf("count migrations: %v", err)
		}
		ms, _ := loadMigrations(sqliteDialect)
		if n != len(ms) {
			t.Errorf("Open #%d: %d migrations recorded; want %d", i+1, n, len(ms))
		}
		if i == 0 {
			// Data written after the first open must survive the later ones.
			tx := begin(t, s)
			putReport(t, tx, addFile(t, tx, "reports.csv"), "KR-1", `{}`)
			commit(t, tx)
		}
		if got := rowCounts(t, s)["records"]; got != 1 {
			t.Errorf("Open #%d: %d records; want 1", i+1, got)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scamint.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.write.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from_the_future', '2030-01-01T00:00:00.000000Z')`); err != nil {
		t.Fatalf("insert future migration: %v", err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err == nil {
		s.Close()
		t.Fatal("Open of a database at schema 9999 succeeded; want ErrSchemaTooNew")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Open error = %v; want ErrSchemaTooNew", err)
	}
	if !strings.Contains(err.Error(), "9999") {
		t.Errorf("Open error %q does not name the database's version", err)
	}
}

func TestOpenPostgresNotYetAvailable(t *testing.T) {
	for _, dsn := range []string{"postgres://scamint:secret@db.internal/scamint", "postgresql://localhost/scamint"} {
		s, err := Open(context.Background(), dsn)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%q) succeeded; want an error", dsn)
		}
		if !errors.Is(err, ErrBackendUnavailable) || !strings.Contains(err.Error(), "postgres backend not yet available") {
			t.Errorf("Open(%q) = %v; want %q", dsn, err, "postgres backend not yet available")
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) error %q leaks the password", dsn, err)
		}
	}
}

func TestOpenRejectsNonFileDSN(t *testing.T) {
	for _, dsn := range []string{"", ":memory:", "file:x.db?mode=memory"} {
		if s, err := Open(context.Background(), dsn); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded; want an error: two pools need one shared file", dsn)
		}
	}
}

// Both dialects must know the same migrations, so that a PostgreSQL store
// and a SQLite store at one version have one schema.
func TestDialectsHaveSameMigrations(t *testing.T) {
	lite, err := loadMigrations(sqliteDialect)
	if err != nil {
		t.Fatalf("sqlite migrations: %v", err)
	}
	pg, err := loadMigrations(postgresDialect)
	if err != nil {
		t.Fatalf("postgres migrations: %v", err)
	}
	if len(lite) == 0 || len(lite) != len(pg) {
		t.Fatalf("sqlite has %d migrations, postgres %d; want the same, at least one", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].version != pg[i].version || lite[i].name != pg[i].name {
			t.Errorf("migration %d: sqlite %04d_%s, postgres %04d_%s", i, lite[i].version, lite[i].name, pg[i].version, pg[i].name)
		}
		for _, table := range dataTables {
			def := "CREATE TABLE " + table + " ("
			if strings.Contains(lite[i].sql, def) != strings.Contains(pg[i].sql, def) {
				t.Errorf("migration %04d: table %s created in one dialect only", lite[i].version, table)
			}
		}
	}
	files, _ := fs.Glob(migrationFiles, "migrations/*/*.sql")
	if len(files) != len(lite)+len(pg) {
		t.Errorf("embedded %d migration files; want %d", len(files), len(lite)+len(pg))
	}
}

func TestRebindNumbered(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT * FROM t WHERE a = ? AND b = ?`, `SELECT * FROM t WHERE a = $1 AND b = $2`},
		{`INSERT INTO t VALUES (?, '?', ?)`, `INSERT INTO t VALUES ($1, '?', $2)`},
		{`SELECT 'it''s ?' , ?`, `SELECT 'it''s ?' , $1`},
		{`SELECT "odd?name" FROM t WHERE x = ?`, `SELECT "odd?name" FROM t WHERE x = $1`},
		{"SELECT ? -- what?\n, ?", "SELECT $1 -- what?\n, $2"},
		{`SELECT 'unterminated ?`, `SELECT 'unterminated ?`},
	}
	for _, tt := range tests {
		if got := rebindNumbered(tt.in); got != tt.want {
			t.Errorf("rebindNumbered(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if got := sqliteDialect.rebind(`a = ?`); got != `a = ?` {
		t.Errorf("sqlite rebind(%q) = %q; want it unchanged", `a = ?`, got)
	}
}

// Every query the store prepares is rebound; a sanity check that the
// shared queries turn into what PostgreSQL expects.
func TestQueriesRebindForPostgres(t *testing.T) {
	got := postgresDialect.rebind(insertRecord)
	if strings.Contains(got, "?") || !strings.Contains(got, "$10") {
		t.Errorf("rebind(insertRecord) = %q; want $1..$10 and no ?", got)
	}
}
