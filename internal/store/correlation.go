package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/scamint/scamint/internal/model"
)

const (
	insertReportFigures = `INSERT INTO reports (record_seq, received_on, scam_type, victim_key, victim_country)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_seq) DO NOTHING`
	insertReportLoss = `INSERT INTO report_losses (record_seq, currency, amount) VALUES (?, ?, ?)
		ON CONFLICT (record_seq, currency) DO NOTHING`
)

// PutReportFigures stores the figures of the report record f.RecordID (which
// must exist), once: figures follow from the record's body, so a second put
// for the same record changes nothing.
func (t *Tx) PutReportFigures(ctx context.Context, f model.ReportFigures) error {
	seq, err := t.recordSeq(ctx, f.RecordID)
	if err != nil {
		return fmt.Errorf("put report figures: %w", err)
	}
	if _, err := t.exec(ctx, insertReportFigures, seq, nullString(f.Received), string(f.ScamType), f.VictimKey, f.VictimCountry); err != nil {
		return fmt.Errorf("put report figures of %q: %w", f.RecordID, err)
	}
	for _, l := range f.Losses {
		if _, err := t.exec(ctx, insertReportLoss, seq, l.Currency, l.Amount); err != nil {
			return fmt.Errorf("put report loss of %q: %w", f.RecordID, err)
		}
	}
	return nil
}

// Edges calls fn for each distinct (record, selector) pair of the
// correlation graph, in record order.
func (s *Store) Edges(ctx context.Context, fn func(rec, sel int64) error) error {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT record_seq, selector_id FROM record_selectors ORDER BY record_seq, selector_id`)
	if err != nil {
		return fmt.Errorf("edges: %w", err)
	}
	defer rows.Close()
	var rec, sel int64
	for rows.Next() {
		if err := rows.Scan(&rec, &sel); err != nil {
			return fmt.Errorf("edges: %w", err)
		}
		if err := fn(rec, sel); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Figures calls fn for every record, in record order, with its report
// figures; records that are not reports come with zero figures.
func (s *Store) Figures(ctx context.Context, fn func(model.ReportFigures) error) error {
	losses, err := s.read.QueryContext(ctx, `SELECT record_seq, currency, amount FROM report_losses ORDER BY record_seq, currency`)
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	defer losses.Close()
	var pending *struct {
		seq int64
		l   model.Loss
	}
	nextLoss := func() error {
		pending = nil
		if !losses.Next() {
			return losses.Err()
		}
		p := &struct {
			seq int64
			l   model.Loss
		}{}
		if err := losses.Scan(&p.seq, &p.l.Currency, &p.l.Amount); err != nil {
			return err
		}
		pending = p
		return nil
	}
	if err := nextLoss(); err != nil {
		return fmt.Errorf("figures: losses: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, figuresQuery+` ORDER BY r.seq`)
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		f, err := scanFigures(rows)
		if err != nil {
			return fmt.Errorf("figures: %w", err)
		}
		for pending != nil && pending.seq <= f.Seq {
			if pending.seq == f.Seq {
				f.Losses = append(f.Losses, pending.l)
			}
			if err := nextLoss(); err != nil {
				return fmt.Errorf("figures: losses: %w", err)
			}
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return rows.Err()
}

// figuresQuery reads records with their report figures (losses apart).
const figuresQuery = `SELECT r.seq, r.id, COALESCE(p.received_on, ''), COALESCE(p.scam_type, ''),
		COALESCE(p.victim_key, ''), COALESCE(p.victim_country, '')
	FROM records r LEFT JOIN reports p ON p.record_seq = r.seq`

func scanFigures(row interface{ Scan(...any) error }) (model.ReportFigures, error) {
	var f model.ReportFigures
	var scam string
	err := row.Scan(&f.Seq, &f.RecordID, &f.Received, &scam, &f.VictimKey, &f.VictimCountry)
	f.ScamType = model.ScamType(scam)
	return f, err
}

// Benign returns the ids of the stored selectors on the allow-list.
func (s *Store) Benign(ctx context.Context) ([]int64, error) {
	// The allow-list leads, through the selectors' unique index: a join
	// left to the planner scanned every selector.
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM (SELECT (SELECT s.id FROM selectors s
		WHERE s.kind = b.kind AND s.canonical = b.canonical) AS id FROM benign_selectors b) x
		WHERE id IS NOT NULL ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("allow-list: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("allow-list: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SaveCorrelation replaces the stored networks, memberships and hubs with
// a new correlation, at once: readers see the old result or the new, never
// a mixture.
//
// throughSeq is the highest record seq the correlation saw: records after
// it are left for AddRecords or the next full run.
func (s *Store) SaveCorrelation(ctx context.Context, networks []model.Network, hubs []model.Hub, throughSeq int64) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	for _, table := range []string{"network_losses", "network_members", "networks", "hub_selectors"} {
		if _, err := t.tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return fmt.Errorf("save correlation: clear %s: %w", table, err)
		}
	}
	now := formatTime(t.now)
	for _, n := range networks {
		if err := t.putNetwork(ctx, n, now); err != nil {
			return err
		}
	}
	for _, h := range hubs {
		if _, err := t.exec(ctx, `INSERT INTO hub_selectors (selector_id, degree, networks, reason) VALUES (?, ?, ?, ?)`,
			int64(h.SelectorID), h.Degree, h.Networks, h.Reason); err != nil {
			return fmt.Errorf("save correlation: hub %d: %w", h.SelectorID, err)
		}
	}
	if err := t.setThrough(ctx, throughSeq); err != nil {
		return err
	}
	return t.Commit()
}

func (t *Tx) putNetwork(ctx context.Context, n model.Network, now string) error {
	if _, err := t.exec(ctx, `INSERT INTO networks (id, anchor_id, reports, victims, selectors, first_seen, last_seen,
			scam_types, loss_usd, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, string(n.Anchor), n.Reports, n.Victims, n.Selectors, nullString(n.FirstSeen), nullString(n.LastSeen),
		formatScamTypes(n.ScamTypes), n.LossUSD, now); err != nil {
		return fmt.Errorf("save network %s: %w", n.ID, err)
	}
	for _, cur := range sortedKeys(n.Losses) {
		if _, err := t.exec(ctx, `INSERT INTO network_losses (network_id, currency, amount) VALUES (?, ?, ?)`,
			n.ID, cur, n.Losses[cur]); err != nil {
			return fmt.Errorf("save network %s losses: %w", n.ID, err)
		}
	}
	for _, seq := range n.Records {
		if _, err := t.exec(ctx, `INSERT INTO network_members (record_seq, network_id) VALUES (?, ?)`, seq, n.ID); err != nil {
			return fmt.Errorf("save network %s members: %w", n.ID, err)
		}
	}
	return nil
}

// formatScamTypes writes counts as "pig_butchering:12,romance:3", most
// frequent first.
func formatScamTypes(m map[model.ScamType]int) string {
	var b strings.Builder
	for i, t := range model.SortedScamTypes(m) {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s:%d", t, m[t])
	}
	return b.String()
}

func parseScamTypes(s string) map[model.ScamType]int {
	m := map[model.ScamType]int{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			continue
		}
		n := 0
		fmt.Sscan(v, &n)
		m[model.ScamType(k)] = n
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// errNoRows maps sql.ErrNoRows to ErrNotFound with context.
func errNoRows(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// setThrough records how far correlation has got.
func (t *Tx) setThrough(ctx context.Context, seq int64) error {
	if _, err := t.exec(ctx, `INSERT INTO correlation_state (id, through_seq, updated_at) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET through_seq = excluded.through_seq, updated_at = excluded.updated_at`,
		seq, formatTime(t.now)); err != nil {
		return fmt.Errorf("correlation state: %w", err)
	}
	return nil
}

// Uncorrelated returns the records stored after the last correlation, up
// to limit+1 of them (so that the caller can tell "more than limit"), and
// whether a correlation has been saved at all.
func (s *Store) Uncorrelated(ctx context.Context, limit int) (seqs []int64, saved bool, err error) {
	var through int64
	err = s.read.QueryRowContext(ctx, `SELECT through_seq FROM correlation_state WHERE id = 1`).Scan(&through)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("uncorrelated records: %w", err)
	}
	seqs, err = s.int64s(ctx, `SELECT seq FROM records WHERE seq > ? ORDER BY seq LIMIT ?`, through, limit+1)
	if err != nil {
		return nil, true, fmt.Errorf("uncorrelated records: %w", err)
	}
	return seqs, true, nil
}
