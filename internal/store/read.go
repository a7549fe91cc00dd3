package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// provenanceColumns and provenanceJoin give every fact its provenance: the
// record the fact row names (as X.record_seq), and that record's source
// file.
const (
	provenanceColumns = `r.id, r.record_type, r.locator, f.id, f.file_name, f.sha256, r.ingested_at, r.ingested_by`
	provenanceJoin    = `JOIN records r ON r.seq = X.record_seq JOIN source_files f ON f.id = r.source_file_id`
)

// provenanceScan collects provenanceColumns; call fill after Scan.
type provenanceScan struct {
	ingestedAt string
	p          model.Provenance
}

func (ps *provenanceScan) dest() []any {
	return []any{&ps.p.RecordID, &ps.p.RecordType, &ps.p.Locator, &ps.p.SourceFileID,
		&ps.p.SourceFileName, &ps.p.SourceFileSHA256, &ps.ingestedAt, &ps.p.IngestedBy}
}

func (ps *provenanceScan) fill() (model.Provenance, error) {
	t, err := parseTime(ps.ingestedAt)
	ps.p.IngestedAt = t
	return ps.p, err
}

// join returns provenanceJoin for the fact table aliased alias.
func join(alias string) string {
	return strings.ReplaceAll(provenanceJoin, "X.", alias+".")
}

const recordByID = `SELECT id, record_type, source_file_id, locator, content_sha256, received_at,
	ingested_at, ingested_by, supersedes_id, body FROM records WHERE id = ?`

// Record returns the record with the given id, or an error matching
// ErrNotFound.
func (s *Store) Record(ctx context.Context, id model.RecordID) (model.Record, error) {
	var r model.Record
	var received, supersedes sql.NullString
	var ingested, body string
	err := s.read.QueryRowContext(ctx, s.dialect.rebind(recordByID), string(id)).Scan(&r.ID, &r.Type, &r.SourceFileID,
		&r.Locator, &r.ContentSHA256, &received, &ingested, &r.IngestedBy, &supersedes, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Record{}, fmt.Errorf("record %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Record{}, fmt.Errorf("record %q: %w", id, err)
	}
	if r.IngestedAt, err = parseTime(ingested); err != nil {
		return model.Record{}, fmt.Errorf("record %q: %w", id, err)
	}
	if received.Valid {
		if r.ReceivedAt, err = parseTime(received.String); err != nil {
			return model.Record{}, fmt.Errorf("record %q: %w", id, err)
		}
	}
	r.Supersedes = model.RecordID(supersedes.String)
	r.Body = []byte(body)
	return r, nil
}

const sourceFileByID = `SELECT id, file_name, sha256, size_bytes, media_type, ingested_at, ingested_by
	FROM source_files WHERE id = ?`

// SourceFile returns the source file with the given id, or an error
// matching ErrNotFound.
func (s *Store) SourceFile(ctx context.Context, id model.SourceFileID) (model.SourceFile, error) {
	var f model.SourceFile
	var ingested string
	err := s.read.QueryRowContext(ctx, s.dialect.rebind(sourceFileByID), int64(id)).Scan(&f.ID, &f.FileName, &f.SHA256,
		&f.SizeBytes, &f.MediaType, &ingested, &f.IngestedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return model.SourceFile{}, fmt.Errorf("source file %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.SourceFile{}, fmt.Errorf("source file %d: %w", id, err)
	}
	if f.IngestedAt, err = parseTime(ingested); err != nil {
		return model.SourceFile{}, fmt.Errorf("source file %d: %w", id, err)
	}
	return f, nil
}

const entityByID = `SELECT id, schema, caption, first_seen, last_seen FROM entities WHERE id = ?`

var statementsByEntity = `SELECT st.entity_id, st.property, st.value, ` + provenanceColumns + `
	FROM statements st ` + join("st") + `
	WHERE st.entity_id = ?
	ORDER BY st.property, st.id`

// Entity returns the entity with the given id and all its statements, each
// with its provenance, ordered by property and then as they were stored; or
// an error matching ErrNotFound.
func (s *Store) Entity(ctx context.Context, id model.EntityID) (model.Entity, error) {
	var e model.Entity
	var first, last string
	err := s.read.QueryRowContext(ctx, s.dialect.rebind(entityByID), string(id)).Scan(&e.ID, &e.Schema, &e.Caption, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Entity{}, fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Entity{}, fmt.Errorf("entity %q: %w", id, err)
	}
	if e.FirstSeen, err = parseTime(first); err == nil {
		e.LastSeen, err = parseTime(last)
	}
	if err != nil {
		return model.Entity{}, fmt.Errorf("entity %q: %w", id, err)
	}

	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(statementsByEntity), string(id))
	if err != nil {
		return model.Entity{}, fmt.Errorf("entity %q statements: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var st model.Statement
		var ps provenanceScan
		if err := rows.Scan(append([]any{&st.EntityID, &st.Property, &st.Value}, ps.dest()...)...); err != nil {
			return model.Entity{}, fmt.Errorf("entity %q statements: %w", id, err)
		}
		if st.Provenance, err = ps.fill(); err != nil {
			return model.Entity{}, fmt.Errorf("entity %q statements: %w", id, err)
		}
		e.Statements = append(e.Statements, st)
	}
	if err := rows.Err(); err != nil {
		return model.Entity{}, fmt.Errorf("entity %q statements: %w", id, err)
	}
	return e, nil
}

const entityExists = `SELECT COUNT(*) FROM entities WHERE id = ?`

var relationsByEntity = `SELECT rel.id, rel.schema, rel.source_entity_id, rel.target_entity_id, rel.role,
		rel.start_date, rel.end_date, ` + provenanceColumns + `
	FROM relations rel ` + join("rel") + `
	WHERE rel.source_entity_id = ? OR rel.target_entity_id = ?
	ORDER BY rel.schema, rel.id`

// Relations returns the relations that have the entity at either end, each
// with its provenance; or an error matching ErrNotFound when there is no
// such entity. An entity without relations gives an empty slice.
func (s *Store) Relations(ctx context.Context, id model.EntityID) ([]model.Relation, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, s.dialect.rebind(entityExists), string(id)).Scan(&n); err != nil {
		return nil, fmt.Errorf("relations of %q: %w", id, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("relations of %q: entity %w", id, ErrNotFound)
	}
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(relationsByEntity), string(id), string(id))
	if err != nil {
		return nil, fmt.Errorf("relations of %q: %w", id, err)
	}
	defer rows.Close()
	out := []model.Relation{}
	for rows.Next() {
		var r model.Relation
		var target, start, end sql.NullString
		var ps provenanceScan
		if err := rows.Scan(append([]any{&r.ID, &r.Schema, &r.Source, &target, &r.Role, &start, &end}, ps.dest()...)...); err != nil {
			return nil, fmt.Errorf("relations of %q: %w", id, err)
		}
		if r.Provenance, err = ps.fill(); err != nil {
			return nil, fmt.Errorf("relations of %q: %w", id, err)
		}
		r.Target, r.StartDate, r.EndDate = model.EntityID(target.String), start.String, end.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("relations of %q: %w", id, err)
	}
	return out, nil
}

var mentionsBySelector = `SELECT rs.selector_id, rs.field, rs.extracted, rs.start_offset, rs.end_offset, ` + provenanceColumns + `
	FROM record_selectors rs ` + join("rs") + `
	WHERE rs.selector_id = ?
	ORDER BY rs.record_seq, rs.field, rs.start_offset`

// SelectorRecords returns every mention of the selector kind:canonical in a
// record, with the field, whether it was extracted from free text, and the
// record's provenance, in the order the records arrived; or an error matching ErrNotFound when the store has
// never seen the selector. A selector known only from entities gives an
// empty slice.
func (s *Store) SelectorRecords(ctx context.Context, kind selector.Kind, canonical string) ([]model.Mention, error) {
	var sel int64
	err := s.read.QueryRowContext(ctx, s.dialect.rebind(selectorIDByKey), string(kind), canonical).Scan(&sel)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("selector %s %q: %w", kind, canonical, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("selector %s %q: %w", kind, canonical, err)
	}
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(mentionsBySelector), sel)
	if err != nil {
		return nil, fmt.Errorf("selector %s %q records: %w", kind, canonical, err)
	}
	defer rows.Close()
	out := []model.Mention{}
	for rows.Next() {
		var m model.Mention
		var extracted int
		var ps provenanceScan
		if err := rows.Scan(append([]any{&m.SelectorID, &m.Field, &extracted, &m.Start, &m.End}, ps.dest()...)...); err != nil {
			return nil, fmt.Errorf("selector %s %q records: %w", kind, canonical, err)
		}
		m.Extracted = extracted != 0
		if m.Provenance, err = ps.fill(); err != nil {
			return nil, fmt.Errorf("selector %s %q records: %w", kind, canonical, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("selector %s %q records: %w", kind, canonical, err)
	}
	return out, nil
}

// Stats is a summary of what a store holds.
type Stats struct {
	// SchemaVersion is the highest migration applied.
	SchemaVersion int
	// Rows counts the rows of each data table, by table name.
	Rows map[string]int64
}

// dataTables are the tables Stats counts, in the order to show them.
var dataTables = []string{"source_files", "records", "entities", "statements", "relations",
	"selectors", "record_selectors", "entity_selectors", "reports", "networks", "network_members",
	"hub_selectors", "benign_selectors"}

// Tables returns the names of the data tables Stats counts, in the order
// to show them.
func Tables() []string { return append([]string(nil), dataTables...) }

// Stats counts the rows of every data table and reads the schema version.
// Counting scans, so it is for status displays, not hot paths.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Rows: map[string]int64{}}
	var err error
	if st.SchemaVersion, err = schemaVersion(ctx, s.read); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	for _, table := range dataTables {
		var n int64
		// table comes from the fixed list above, never from input.
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
			return Stats{}, fmt.Errorf("stats: count %s: %w", table, err)
		}
		st.Rows[table] = n
	}
	return st, nil
}
