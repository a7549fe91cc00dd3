package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// Tx is a write transaction, the only way to change the store. It is built
// for bulk loads: each kind of write is prepared once per Tx and reused, and
// selector ids are cached for the Tx's life. Nothing it writes is visible to
// anyone else until Commit, and a crash before Commit leaves no trace.
//
// A Tx is not safe for concurrent use. After an error that does not match
// ErrConflict, roll back: PostgreSQL aborts the whole
// transaction on a failed statement, and relying on SQLite's leniency would
// make code that breaks there. While a Tx is open, other Begin calls wait.
//
// Every reference must name something stored, in this Tx or before it. A
// fact names its record by RecordID, and an unknown one is an error
// matching ErrNotFound; an unknown entity, selector or source file is
// refused by the database's foreign keys.
type Tx struct {
	tx      *sql.Tx
	dialect *dialect
	// now is the Tx's clock, so that every default timestamp in one import
	// is the same.
	now       time.Time
	stmts     map[string]*sql.Stmt
	selectors map[selectorKey]model.SelectorID
	// lastRecord remembers the seq of the record last put or looked up:
	// ingest writes a record and then its statements and mentions, so one
	// slot saves a lookup for nearly every fact.
	lastRecord struct {
		id  model.RecordID
		seq int64
	}
	// mentions buffers record_selectors rows, written many per statement:
	// a bulk load writes several per record, and one statement per row
	// spends a quarter of its time outside SQLite.
	mentions []any
	ctx      context.Context
	done     bool
}

type selectorKey struct {
	kind      selector.Kind
	canonical string
}

// Begin starts a write transaction. With SQLite it takes the database's
// write lock at once (BEGIN IMMEDIATE), so it waits while another Tx, in
// this process or another, is open; ctx bounds the wait. The Tx lives no
// longer than ctx: if ctx ends before Commit, the Tx is rolled back.
func (s *Store) Begin(ctx context.Context) (*Tx, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	return &Tx{
		ctx:       ctx,
		tx:        tx,
		dialect:   s.dialect,
		now:       storedTime(time.Now()),
		stmts:     map[string]*sql.Stmt{},
		selectors: map[selectorKey]model.SelectorID{},
	}, nil
}

// Commit makes everything the Tx wrote visible and durable, at once.
func (t *Tx) Commit() error {
	if err := t.flushMentions(t.ctx); err != nil {
		t.Rollback()
		return fmt.Errorf("commit: %w", err)
	}
	t.done = true
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Rollback discards everything the Tx wrote. It is safe to call after
// Commit, where it does nothing, so `defer tx.Rollback()` is the idiom.
func (t *Tx) Rollback() error {
	if t.done {
		return nil
	}
	t.done = true
	if err := ignoreDone(t.tx.Rollback()); err != nil {
		return fmt.Errorf("rollback: %w", err)
	}
	return nil
}

// stmt returns query prepared in the Tx, preparing it on first use. The
// statements close with the Tx.
func (t *Tx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, t.dialect.rebind(query))
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	t.stmts[query] = st
	return st, nil
}

func (t *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (t *Tx) queryRow(ctx context.Context, query string, args ...any) (*sql.Row, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryRowContext(ctx, args...), nil
}

// insertID runs query, an INSERT ... ON CONFLICT DO NOTHING into a table
// whose integer key is the column key, and returns the new row's key; ok is
// false when the row existed already and nothing was inserted.
func (t *Tx) insertID(ctx context.Context, query, key string, args ...any) (id int64, ok bool, err error) {
	if t.dialect.returning {
		row, err := t.queryRow(ctx, query+" RETURNING "+key, args...)
		if err != nil {
			return 0, false, err
		}
		switch err := row.Scan(&id); {
		case errors.Is(err, sql.ErrNoRows):
			return 0, false, nil
		case err != nil:
			return 0, false, err
		}
		return id, true, nil
	}
	res, err := t.exec(ctx, query, args...)
	if err != nil {
		return 0, false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, false, err
	}
	id, err = res.LastInsertId()
	return id, err == nil, err
}

// orNow returns the stored form of tm, or the Tx's clock when tm is zero.
func (t *Tx) orNow(tm time.Time) time.Time {
	if tm.IsZero() {
		return t.now
	}
	return storedTime(tm)
}

const (
	insertSourceFile = `INSERT INTO source_files (file_name, sha256, size_bytes, media_type, ingested_at, ingested_by)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`
	sourceFileIDBySHA256 = `SELECT id FROM source_files WHERE sha256 = ?`
)

// AddSourceFile records a source file and returns its id. A file is known
// by its SHA-256: if one with the same SHA-256 is stored already, its id is
// returned with created false and nothing changes (the first name and
// ingester stay, since that is when the file entered the store).
// A zero IngestedAt means now.
func (t *Tx) AddSourceFile(ctx context.Context, f model.SourceFile) (id model.SourceFileID, created bool, err error) {
	switch {
	case !isSHA256Hex(f.SHA256):
		return 0, false, fmt.Errorf("add source file %q: sha256 %q is not 64 lower-case hex digits", f.FileName, f.SHA256)
	case f.FileName == "":
		return 0, false, fmt.Errorf("add source file %s: no file name", f.SHA256)
	case f.IngestedBy == "":
		return 0, false, fmt.Errorf("add source file %q: no ingested-by: provenance must name who ingested it", f.FileName)
	case f.SizeBytes < 0:
		return 0, false, fmt.Errorf("add source file %q: negative size %d", f.FileName, f.SizeBytes)
	}
	newID, ok, err := t.insertID(ctx, insertSourceFile, "id",
		f.FileName, f.SHA256, f.SizeBytes, f.MediaType, formatTime(t.orNow(f.IngestedAt)), f.IngestedBy)
	if err != nil {
		return 0, false, fmt.Errorf("add source file %q: %w", f.FileName, err)
	}
	if ok {
		return model.SourceFileID(newID), true, nil
	}
	row, err := t.queryRow(ctx, sourceFileIDBySHA256, f.SHA256)
	if err == nil {
		err = row.Scan(&id)
	}
	if err != nil {
		return 0, false, fmt.Errorf("add source file %q: find existing: %w", f.FileName, err)
	}
	return id, false, nil
}

const (
	insertRecord = `INSERT INTO records (id, record_type, source_file_id, locator, content_sha256,
			received_at, ingested_at, ingested_by, supersedes_id, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
	recordIdentity = `SELECT seq, record_type, content_sha256 FROM records WHERE id = ?`
	recordSeqByID  = `SELECT seq FROM records WHERE id = ?`
)

// recordSeq returns the seq of a stored record, by which facts refer to it,
// or an error matching ErrNotFound.
func (t *Tx) recordSeq(ctx context.Context, id model.RecordID) (int64, error) {
	if id == t.lastRecord.id && id != "" {
		return t.lastRecord.seq, nil
	}
	var seq int64
	row, err := t.queryRow(ctx, recordSeqByID, string(id))
	if err == nil {
		err = row.Scan(&seq)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("unknown record %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("find record %q: %w", id, err)
	}
	t.lastRecord.id, t.lastRecord.seq = id, seq
	return seq, nil
}

// PutRecord stores a record and reports whether it was new. Records are
// immutable, so putting one again is a no-op (inserted false) when its type
// and content are the same, which makes re-ingest idempotent; a different
// record under a stored id is an error matching ErrConflict. The Tx stays
// usable after that error, so ingest can report the row and go on to the
// next. The store computes ContentSHA256 from Body; a caller-supplied value
// must agree. A zero IngestedAt means now.
func (t *Tx) PutRecord(ctx context.Context, r model.Record) (inserted bool, err error) {
	sum := sha256.Sum256(r.Body)
	content := hex.EncodeToString(sum[:])
	switch {
	case r.ID == "":
		return false, errors.New("put record: empty id")
	case !r.Type.Valid():
		return false, fmt.Errorf("put record %q: unknown record type %q", r.ID, r.Type)
	case r.SourceFileID <= 0:
		return false, fmt.Errorf("put record %q: no source file: provenance needs one", r.ID)
	case r.IngestedBy == "":
		return false, fmt.Errorf("put record %q: no ingested-by: provenance must name who ingested it", r.ID)
	case r.Supersedes == r.ID:
		return false, fmt.Errorf("put record %q: supersedes itself", r.ID)
	case !json.Valid(r.Body):
		return false, fmt.Errorf("put record %q: body is not valid JSON", r.ID)
	case r.ContentSHA256 != "" && r.ContentSHA256 != content:
		return false, fmt.Errorf("put record %q: content sha256 %s does not match body (%s)", r.ID, r.ContentSHA256, content)
	}
	seq, ok, err := t.insertID(ctx, insertRecord, "seq", string(r.ID), string(r.Type), int64(r.SourceFileID), r.Locator,
		content, nullTime(r.ReceivedAt), formatTime(t.orNow(r.IngestedAt)), r.IngestedBy, nullString(r.Supersedes),
		string(r.Body)) // a string, so SQLite stores TEXT that the shell and json_* functions read
	if err != nil {
		return false, fmt.Errorf("put record %q: %w", r.ID, err)
	}
	if ok {
		t.lastRecord.id, t.lastRecord.seq = r.ID, seq
		return true, nil
	}
	// ON CONFLICT DO NOTHING rather than catching a unique violation: the
	// violation would abort a PostgreSQL transaction, and this case is
	// routine on re-ingest.
	var storedType, storedContent string
	row, err := t.queryRow(ctx, recordIdentity, string(r.ID))
	if err == nil {
		err = row.Scan(&seq, &storedType, &storedContent)
	}
	if err != nil {
		return false, fmt.Errorf("put record %q: read stored record: %w", r.ID, err)
	}
	if storedType != string(r.Type) || storedContent != content {
		return false, fmt.Errorf("put record %q: stored as %s with content sha256 %s, given %s with %s: %w",
			r.ID, storedType, storedContent, r.Type, content, ErrConflict)
	}
	t.lastRecord.id, t.lastRecord.seq = r.ID, seq
	return false, nil
}

const upsertEntity = `INSERT INTO entities (id, schema, caption, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET
		caption    = CASE WHEN excluded.caption <> '' THEN excluded.caption ELSE entities.caption END,
		first_seen = CASE WHEN excluded.first_seen < entities.first_seen THEN excluded.first_seen ELSE entities.first_seen END,
		last_seen  = CASE WHEN excluded.last_seen > entities.last_seen THEN excluded.last_seen ELSE entities.last_seen END
	WHERE entities.schema = excluded.schema`

// PutEntity creates an entity or merges e into the stored one: a non-empty
// Caption replaces the stored caption, and FirstSeen and LastSeen widen the
// stored span. Zero times mean now. Statements are not written; use
// AddStatement. An entity stored under another schema is an error matching
// ErrConflict: an id means one thing.
func (t *Tx) PutEntity(ctx context.Context, e model.Entity) error {
	switch {
	case e.ID == "":
		return errors.New("put entity: empty id")
	case !e.Schema.Valid():
		return fmt.Errorf("put entity %q: unknown schema %q", e.ID, e.Schema)
	}
	first, last := t.orNow(e.FirstSeen), t.orNow(e.LastSeen)
	if last.Before(first) {
		first, last = last, first
	}
	res, err := t.exec(ctx, upsertEntity, string(e.ID), string(e.Schema), e.Caption, formatTime(first), formatTime(last))
	if err != nil {
		return fmt.Errorf("put entity %q: %w", e.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("put entity %q: %w", e.ID, err)
	} else if n == 0 {
		return fmt.Errorf("put entity %q as %s: stored under another schema: %w", e.ID, e.Schema, ErrConflict)
	}
	return nil
}

// insertStatement has no conflict target: the SQLite table is unique on the
// four columns, the PostgreSQL one on an md5 of the value, and a targetless
// DO NOTHING matches either.
const insertStatement = `INSERT INTO statements (entity_id, property, value, record_seq) VALUES (?, ?, ?, ?)
	ON CONFLICT DO NOTHING`

// AddStatement stores a fact about an entity, according to the record
// s.Provenance.RecordID (the rest of Provenance is ignored: it follows from
// the record). The entity and the record must exist. Adding the same fact
// from the same record again is a no-op.
func (t *Tx) AddStatement(ctx context.Context, s model.Statement) error {
	switch {
	case s.EntityID == "":
		return errors.New("add statement: empty entity id")
	case s.Property == "":
		return fmt.Errorf("add statement for %q: empty property", s.EntityID)
	case s.Value == "":
		return fmt.Errorf("add statement %s of %q: empty value", s.Property, s.EntityID)
	case s.Provenance.RecordID == "":
		return fmt.Errorf("add statement %s of %q: no record: every fact needs its source", s.Property, s.EntityID)
	}
	seq, err := t.recordSeq(ctx, s.Provenance.RecordID)
	if err == nil {
		_, err = t.exec(ctx, insertStatement, string(s.EntityID), string(s.Property), s.Value, seq)
	}
	if err != nil {
		return fmt.Errorf("add statement %s of %q from record %q: %w", s.Property, s.EntityID, s.Provenance.RecordID, err)
	}
	return nil
}

const (
	insertRelation = `INSERT INTO relations (id, schema, source_entity_id, target_entity_id, record_seq, role, start_date, end_date)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
	relationByID = `SELECT rel.schema, rel.source_entity_id, rel.target_entity_id, r.id, rel.role, rel.start_date, rel.end_date
		FROM relations rel JOIN records r ON r.seq = rel.record_seq WHERE rel.id = ?`
)

// AddRelation stores a relation according to the record
// r.Provenance.RecordID, and the entity row that carries the relation's own
// statements (a payment's amount). Source and Target must exist; Target must
// be empty exactly when the schema has one end (Sanction, Identification).
// Adding the same relation again is a no-op; a different relation under a
// stored id is an error matching ErrConflict.
func (t *Tx) AddRelation(ctx context.Context, r model.Relation) error {
	switch {
	case r.ID == "":
		return errors.New("add relation: empty id")
	case !r.Schema.IsRelation():
		return fmt.Errorf("add relation %q: %q is not a relation schema", r.ID, r.Schema)
	case r.Source == "":
		return fmt.Errorf("add relation %q: no source entity", r.ID)
	case r.Schema.HasTarget() && r.Target == "":
		return fmt.Errorf("add relation %q: %s needs a target entity", r.ID, r.Schema)
	case !r.Schema.HasTarget() && r.Target != "":
		return fmt.Errorf("add relation %q: %s has no target entity, got %q", r.ID, r.Schema, r.Target)
	case r.Provenance.RecordID == "":
		return fmt.Errorf("add relation %q: no record: every fact needs its source", r.ID)
	case !validDate(r.StartDate) || !validDate(r.EndDate):
		return fmt.Errorf("add relation %q: dates %q, %q: want YYYY, YYYY-MM or YYYY-MM-DD", r.ID, r.StartDate, r.EndDate)
	}
	seq, err := t.recordSeq(ctx, r.Provenance.RecordID)
	if err != nil {
		return fmt.Errorf("add relation %q: %w", r.ID, err)
	}
	if err := t.PutEntity(ctx, model.Entity{ID: r.ID, Schema: r.Schema}); err != nil {
		return fmt.Errorf("add relation: %w", err)
	}
	res, err := t.exec(ctx, insertRelation, string(r.ID), string(r.Schema), string(r.Source), nullString(r.Target),
		seq, r.Role, nullString(r.StartDate), nullString(r.EndDate))
	if err != nil {
		return fmt.Errorf("add relation %q: %w", r.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("add relation %q: %w", r.ID, err)
	} else if n == 1 {
		return nil
	}
	var stored model.Relation
	var target, start, end sql.NullString
	row, err := t.queryRow(ctx, relationByID, string(r.ID))
	if err == nil {
		err = row.Scan(&stored.Schema, &stored.Source, &target, &stored.Provenance.RecordID, &stored.Role, &start, &end)
	}
	if err != nil {
		return fmt.Errorf("add relation %q: read stored relation: %w", r.ID, err)
	}
	stored.ID = r.ID
	stored.Target, stored.StartDate, stored.EndDate = model.EntityID(target.String), start.String, end.String
	want := r
	want.Provenance = model.Provenance{RecordID: r.Provenance.RecordID}
	if stored != want {
		return fmt.Errorf("add relation %q: stored with other ends, record, role or dates: %w", r.ID, ErrConflict)
	}
	return nil
}

// validDate accepts the partial ISO 8601 dates FtM uses: YYYY, YYYY-MM,
// YYYY-MM-DD; and the empty string for unknown.
func validDate(s string) bool {
	for _, layout := range []string{"", "2006", "2006-01", "2006-01-02"} {
		if len(s) != len(layout) {
			continue
		}
		if s == "" {
			return true
		}
		_, err := time.Parse(layout, s)
		return err == nil
	}
	return false
}

const (
	insertSelector = `INSERT INTO selectors (kind, canonical, display) VALUES (?, ?, ?)
		ON CONFLICT (kind, canonical) DO NOTHING`
	selectorIDByKey = `SELECT id FROM selectors WHERE kind = ? AND canonical = ?`
)

// UpsertSelector returns the id of a valid selector, storing it if it is
// new. Its Display is kept from the first time it was stored. Ids are cached
// for the Tx, as bulk loads meet the same selectors again and again.
func (t *Tx) UpsertSelector(ctx context.Context, sel selector.Selector) (model.SelectorID, error) {
	switch {
	case !sel.Valid || sel.Canonical == "":
		return 0, fmt.Errorf("upsert selector %s %q: not a valid selector", sel.Kind, sel.Input)
	case !sel.Kind.Valid():
		return 0, fmt.Errorf("upsert selector %q: unknown kind %q", sel.Canonical, sel.Kind)
	}
	key := selectorKey{sel.Kind, sel.Canonical}
	if id, ok := t.selectors[key]; ok {
		return id, nil
	}
	newID, ok, err := t.insertID(ctx, insertSelector, "id", string(sel.Kind), sel.Canonical, sel.Display)
	id := model.SelectorID(newID)
	if err == nil && !ok {
		var row *sql.Row
		row, err = t.queryRow(ctx, selectorIDByKey, string(sel.Kind), sel.Canonical)
		if err == nil {
			err = row.Scan(&id)
		}
	}
	if err != nil {
		return 0, fmt.Errorf("upsert selector %s %q: %w", sel.Kind, sel.Canonical, err)
	}
	t.selectors[key] = id
	return id, nil
}

// LinkRecordSelector records that the record m.Provenance.RecordID mentions
// selector m.SelectorID in field m.Field. The record and selector must
// exist. A mention is identified by record, selector, field and start
// offset; linking it again is a no-op.
func (t *Tx) LinkRecordSelector(ctx context.Context, m model.Mention) error {
	rec := m.Provenance.RecordID
	switch {
	case rec == "":
		return errors.New("link record selector: no record")
	case m.SelectorID <= 0:
		return fmt.Errorf("link record %q selector: no selector id", rec)
	case m.Field == "":
		return fmt.Errorf("link record %q selector %d: no field", rec, m.SelectorID)
	case m.Start < 0 || m.End < m.Start:
		return fmt.Errorf("link record %q selector %d: offsets [%d, %d) out of order", rec, m.SelectorID, m.Start, m.End)
	}
	extracted := 0
	if m.Extracted {
		extracted = 1
	}
	seq, err := t.recordSeq(ctx, rec)
	if err != nil {
		return fmt.Errorf("link record %q selector %d field %s: %w", rec, m.SelectorID, m.Field, err)
	}
	t.mentions = append(t.mentions, seq, int64(m.SelectorID), m.Field, extracted, m.Start, m.End)
	if len(t.mentions) >= mentionBatch*mentionColumns {
		return t.flushMentions(ctx)
	}
	return nil
}

const (
	mentionColumns = 6
	mentionBatch   = 128 // rows per statement; 768 parameters, far below SQLite's limit
)

// flushMentions writes the buffered mentions. A foreign-key failure shows
// here rather than at LinkRecordSelector: the record and selector ids come
// from this Tx, so only a bug can cause one.
func (t *Tx) flushMentions(ctx context.Context) error {
	defer func() { t.mentions = t.mentions[:0] }()
	for rest := t.mentions; len(rest) > 0; {
		n := min(len(rest)/mentionColumns, mentionBatch)
		var q strings.Builder
		q.WriteString(`INSERT INTO record_selectors (record_seq, selector_id, field, extracted, start_offset, end_offset) VALUES `)
		for i := 0; i < n; i++ {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?, ?, ?, ?, ?, ?)")
		}
		q.WriteString(" ON CONFLICT DO NOTHING")
		if _, err := t.exec(ctx, q.String(), rest[:n*mentionColumns]...); err != nil {
			return fmt.Errorf("write mentions: %w", err)
		}
		rest = rest[n*mentionColumns:]
	}
	return nil
}

const insertEntitySelector = `INSERT INTO entity_selectors (entity_id, selector_id, record_seq) VALUES (?, ?, ?)
	ON CONFLICT DO NOTHING`

// LinkEntitySelector records that selector sel identifies entity (a
// wallet's address, a person's phone number), according to record. All
// three must exist. Linking again is a no-op.
func (t *Tx) LinkEntitySelector(ctx context.Context, entity model.EntityID, sel model.SelectorID, record model.RecordID) error {
	switch {
	case entity == "":
		return errors.New("link entity selector: empty entity id")
	case sel <= 0:
		return fmt.Errorf("link entity %q selector: no selector id", entity)
	case record == "":
		return fmt.Errorf("link entity %q selector %d: no record: every fact needs its source", entity, sel)
	}
	seq, err := t.recordSeq(ctx, record)
	if err == nil {
		_, err = t.exec(ctx, insertEntitySelector, string(entity), int64(sel), seq)
	}
	if err != nil {
		return fmt.Errorf("link entity %q selector %d from record %q: %w", entity, sel, record, err)
	}
	return nil
}

func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
