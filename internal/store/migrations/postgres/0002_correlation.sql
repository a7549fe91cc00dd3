-- 0002 correlation: the PostgreSQL twin of migrations/sqlite/0002_correlation.sql;
-- see that file for what each table holds. INTEGER keys are BIGINT, REAL is
-- DOUBLE PRECISION, and WITHOUT ROWID tables are plain tables.

CREATE TABLE reports (
    record_seq     BIGINT PRIMARY KEY REFERENCES records (seq),
    received_on    TEXT,
    scam_type      TEXT NOT NULL DEFAULT '',
    victim_key     TEXT NOT NULL DEFAULT '',
    victim_country TEXT NOT NULL DEFAULT ''
);

CREATE INDEX reports_by_victim ON reports (victim_key);

CREATE TABLE report_losses (
    record_seq BIGINT NOT NULL REFERENCES records (seq),
    currency   TEXT   NOT NULL,
    amount     TEXT   NOT NULL,
    PRIMARY KEY (record_seq, currency)
);

CREATE TABLE networks (
    id          TEXT             PRIMARY KEY,
    anchor_id   TEXT             NOT NULL,
    reports     BIGINT           NOT NULL,
    victims     BIGINT           NOT NULL,
    selectors   BIGINT           NOT NULL,
    first_seen  TEXT,
    last_seen   TEXT,
    scam_types  TEXT             NOT NULL DEFAULT '',
    loss_usd    DOUBLE PRECISION NOT NULL DEFAULT 0,
    updated_at  TEXT             NOT NULL
);
CREATE INDEX networks_by_loss ON networks (loss_usd DESC);
CREATE INDEX networks_by_reports ON networks (reports DESC);
CREATE INDEX networks_by_last_seen ON networks (last_seen DESC);

CREATE TABLE network_losses (
    network_id TEXT NOT NULL REFERENCES networks (id) DEFERRABLE INITIALLY DEFERRED,
    currency   TEXT NOT NULL,
    amount     TEXT NOT NULL,
    PRIMARY KEY (network_id, currency)
);

CREATE TABLE network_members (
    record_seq BIGINT PRIMARY KEY REFERENCES records (seq),
    network_id TEXT   NOT NULL REFERENCES networks (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX network_members_by_network ON network_members (network_id, record_seq);

CREATE TABLE hub_selectors (
    selector_id BIGINT PRIMARY KEY REFERENCES selectors (id),
    degree      BIGINT NOT NULL,
    networks    BIGINT NOT NULL,
    reason      TEXT   NOT NULL
);

CREATE TABLE benign_selectors (
    kind      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    added_at  TEXT NOT NULL,
    added_by  TEXT NOT NULL,
    PRIMARY KEY (kind, canonical)
);

-- How far correlation has got: every record up to through_seq is in the
-- saved networks. Records after it are correlated incrementally when they
-- are few, or by a full run.
CREATE TABLE correlation_state (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    through_seq BIGINT NOT NULL,
    updated_at  TEXT   NOT NULL
);
