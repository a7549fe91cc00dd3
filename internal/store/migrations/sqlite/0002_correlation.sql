-- 0002 correlation: the figures of victim reports that network summaries add
-- up, the networks correlation finds, and the selectors it must not merge on.

-- One row per record of type report, beside its JSON body, so that summing
-- a network does not parse a million bodies. victim_key is a SHA-256 of the
-- victim's canonical contact (else name and country): victims are counted
-- once without their data leaving the body.
CREATE TABLE reports (
    record_seq     INTEGER PRIMARY KEY REFERENCES records (seq),
    received_on    TEXT,
    scam_type      TEXT NOT NULL DEFAULT '',
    victim_key     TEXT NOT NULL DEFAULT '',
    victim_country TEXT NOT NULL DEFAULT ''
);

CREATE INDEX reports_by_victim ON reports (victim_key);

-- What each report's victim lost, per currency. Amounts are exact decimals
-- written as text ('3000000', '12500.5'): money is not a float.
CREATE TABLE report_losses (
    record_seq INTEGER NOT NULL REFERENCES records (seq),
    currency   TEXT    NOT NULL,
    amount     TEXT    NOT NULL,
    PRIMARY KEY (record_seq, currency)
) WITHOUT ROWID;

-- Networks: connected components of the record–selector graph without its
-- hubs. id is derived from the smallest member record id (anchor_id), so it stays the
-- same across runs while membership does not change (and usually when it
-- grows). loss_usd is an approximation at fixed reference rates, only for
-- ordering; network_losses holds the exact sums.
CREATE TABLE networks (
    id          TEXT    PRIMARY KEY,
    anchor_id   TEXT    NOT NULL,
    reports     INTEGER NOT NULL,
    victims     INTEGER NOT NULL,
    selectors   INTEGER NOT NULL,
    first_seen  TEXT,
    last_seen   TEXT,
    scam_types  TEXT    NOT NULL DEFAULT '',
    loss_usd    REAL    NOT NULL DEFAULT 0,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX networks_by_loss ON networks (loss_usd DESC);
CREATE INDEX networks_by_reports ON networks (reports DESC);
CREATE INDEX networks_by_last_seen ON networks (last_seen DESC);

CREATE TABLE network_losses (
    network_id TEXT NOT NULL REFERENCES networks (id) DEFERRABLE INITIALLY DEFERRED,
    currency   TEXT NOT NULL,
    amount     TEXT NOT NULL,
    PRIMARY KEY (network_id, currency)
) WITHOUT ROWID;

-- Which network each record belongs to (every record that mentions a
-- selector belongs to exactly one).
CREATE TABLE network_members (
    record_seq INTEGER PRIMARY KEY REFERENCES records (seq),
    network_id TEXT    NOT NULL REFERENCES networks (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX network_members_by_network ON network_members (network_id, record_seq);

-- Selectors too common to mean anything (a bank's hotline, an exchange's
-- hot wallet): shown, never used to merge networks. reason says why:
-- 'allow-list' or the degree figures that made it one.
CREATE TABLE hub_selectors (
    selector_id INTEGER PRIMARY KEY REFERENCES selectors (id),
    degree      INTEGER NOT NULL,
    networks    INTEGER NOT NULL,
    reason      TEXT    NOT NULL
);

-- The user-edited allow-list of known-benign selectors, always hubs.
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
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    through_seq INTEGER NOT NULL,
    updated_at  TEXT   NOT NULL
);
