-- 0001 init: records, entities and their facts, selectors, and provenance.
--
-- Conventions, kept in every migration and in the PostgreSQL twin of this
-- file: tables and columns are named for what they hold, so the file reads
-- well in the sqlite3 shell. Times are TEXT in UTC, ISO 8601 with
-- microseconds ('2025-10-14T09:30:00.000000Z'), which sorts as it reads and
-- means the same in both dialects. Optional references and dates are NULL
-- when absent; optional text is ''. Enumerations (record_type, schema, kind)
-- are checked by the Go code, not by CHECK constraints, because SQLite cannot
-- alter a CHECK without rebuilding the table and new values will come.

-- Every file (or API request body) that records arrived in. The SHA-256 is
-- the file's identity: the same bytes under another name are the same file.
CREATE TABLE source_files (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    sha256      TEXT    NOT NULL UNIQUE,
    size_bytes  INTEGER NOT NULL,
    media_type  TEXT    NOT NULL DEFAULT '',
    ingested_at TEXT    NOT NULL,
    ingested_by TEXT    NOT NULL
);

-- What arrived: victim reports, evidence items, list entries, transfers.
-- Immutable; a correction is a new record whose supersedes_id names the old
-- one, checked at commit so that a file may hold the correction first.
--
-- id is the record's identity: the report id given, or a content hash.
-- seq numbers records in order of arrival, and is how the fact and link
-- tables below point at a record (record_seq). Millions of mentions carry
-- it: an integer keeps them small and appended in order, where a
-- 64-character hash would scatter them over the B-tree (measured: three
-- times the cost per record at 300,000 records, and growing). seq also lets
-- later work take up "the records since seq N".
CREATE TABLE records (
    seq            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    record_type    TEXT    NOT NULL,
    source_file_id INTEGER NOT NULL REFERENCES source_files (id),
    locator        TEXT    NOT NULL DEFAULT '',
    content_sha256 TEXT    NOT NULL,
    received_at    TEXT,
    ingested_at    TEXT    NOT NULL,
    ingested_by    TEXT    NOT NULL,
    supersedes_id  TEXT    REFERENCES records (id) DEFERRABLE INITIALLY DEFERRED,
    body           TEXT    NOT NULL
);
CREATE INDEX records_by_source_file ON records (source_file_id);
CREATE INDEX records_by_supersedes ON records (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- Things in the world, FollowTheMoney-style. Relations are entities too
-- (see relations), so that their own facts can be statements.
CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    schema     TEXT NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
CREATE INDEX entities_by_schema ON entities (schema);

-- Facts: entity has property = value, according to a record. Every fact
-- carries its record, and through it the source file; two records stating
-- the same fact are two rows.
CREATE TABLE statements (
    id         INTEGER PRIMARY KEY,
    entity_id  TEXT    NOT NULL REFERENCES entities (id),
    property   TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    record_seq INTEGER NOT NULL REFERENCES records (seq),
    UNIQUE (entity_id, property, value, record_seq)
);
CREATE INDEX statements_by_record ON statements (record_seq);

-- Typed links between entities (Ownership, Payment, Sanction, ...), each
-- according to one record. id is also the relation's row in entities.
-- target_entity_id is NULL for schemas with one end (Sanction,
-- Identification).
CREATE TABLE relations (
    id               TEXT    PRIMARY KEY REFERENCES entities (id),
    schema           TEXT    NOT NULL,
    source_entity_id TEXT    NOT NULL REFERENCES entities (id),
    target_entity_id TEXT    REFERENCES entities (id),
    record_seq       INTEGER NOT NULL REFERENCES records (seq),
    role             TEXT    NOT NULL DEFAULT '',
    start_date       TEXT,
    end_date         TEXT
);
CREATE INDEX relations_by_source ON relations (source_entity_id);
CREATE INDEX relations_by_target ON relations (target_entity_id) WHERE target_entity_id IS NOT NULL;
CREATE INDEX relations_by_record ON relations (record_seq);

-- Canonical identifiers (internal/selector): the correlation keys.
CREATE TABLE selectors (
    id        INTEGER PRIMARY KEY,
    kind      TEXT    NOT NULL,
    canonical TEXT    NOT NULL,
    display   TEXT    NOT NULL DEFAULT '',
    UNIQUE (kind, canonical)
);

-- Where records mention selectors: the correlation itself. field is the
-- record field ('payments.to_wallet', 'narrative'); extracted is 1 when the
-- selector was found in free text, weaker than a field filled in for it;
-- offsets are bytes within the field's value. WITHOUT ROWID: the rows are
-- small and this is the largest table, so one B-tree fewer matters.
CREATE TABLE record_selectors (
    record_seq   INTEGER NOT NULL REFERENCES records (seq),
    selector_id  INTEGER NOT NULL REFERENCES selectors (id),
    field        TEXT    NOT NULL,
    extracted    INTEGER NOT NULL DEFAULT 0 CHECK (extracted IN (0, 1)),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),
    PRIMARY KEY (record_seq, selector_id, field, start_offset)
) WITHOUT ROWID;
CREATE INDEX record_selectors_by_selector ON record_selectors (selector_id, record_seq);

-- Which selectors identify which entity (this wallet's address, this
-- person's phone number), according to which record.
CREATE TABLE entity_selectors (
    entity_id   TEXT    NOT NULL REFERENCES entities (id),
    selector_id INTEGER NOT NULL REFERENCES selectors (id),
    record_seq  INTEGER NOT NULL REFERENCES records (seq),
    PRIMARY KEY (entity_id, selector_id, record_seq)
) WITHOUT ROWID;
CREATE INDEX entity_selectors_by_selector ON entity_selectors (selector_id, entity_id);
