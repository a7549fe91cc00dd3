package store

import (
	"embed"
	"io/fs"
	"strconv"
	"strings"
)

// migrationFiles holds the numbered SQL migrations, one directory per
// dialect. Both directories must hold the same versions.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// dialect is what differs between the SQL databases the store runs on. The
// queries themselves are shared: written once with ? placeholders and only
// portable syntax (INSERT ... ON CONFLICT, RETURNING, CASE, JOIN), they are
// rebound to the dialect's placeholders when prepared. Adding PostgreSQL is
// therefore a dialect value, a driver and a connect function, not a second
// copy of the store.
type dialect struct {
	name string
	// numbered is true when the database wants $1, $2, ... placeholders
	// instead of ?.
	numbered bool
	// returning is true when a new row's id is read with RETURNING id;
	// false when the driver's LastInsertId gives it (SQLite), which is four
	// times cheaper there: a query in a database/sql transaction starts a
	// goroutine to watch the context, an exec does not.
	returning bool
	// migrationsDir is the directory of migrationFiles for this dialect.
	migrationsDir string
}

var (
	sqliteDialect   = &dialect{name: "sqlite", migrationsDir: "migrations/sqlite"}
	postgresDialect = &dialect{name: "postgres", numbered: true, returning: true, migrationsDir: "migrations/postgres"}
)

// migrations returns the dialect's migration files.
func (d *dialect) migrations() (fs.FS, error) {
	return fs.Sub(migrationFiles, d.migrationsDir)
}

// rebind rewrites a query written with ? placeholders into the dialect's
// form.
func (d *dialect) rebind(query string) string {
	if !d.numbered {
		return query
	}
	return rebindNumbered(query)
}

// rebindNumbered replaces each ? outside quoted strings, quoted identifiers
// and comments by $1, $2, ... in order. A ? inside '...' or "..." is data,
// not a placeholder. A doubled quote, SQL's escape for a quote inside a
// string, needs no special case: it closes the string and opens it again.
func rebindNumbered(query string) string {
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(query[i+1:], c)
			if j < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+j+2])
			i += j + 1
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
