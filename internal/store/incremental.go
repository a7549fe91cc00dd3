package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/scamint/scamint/internal/model"
)

// NetworksOfSelector returns the network of the records, other than
// except, that mention selector sel (none if no such record is in a
// network yet). A selector that is not a hub has all its records in one
// network, so the first record found answers for all: a selector of
// thousands of records costs one row.
func (s *Store) NetworksOfSelector(ctx context.Context, sel, except int64) ([]string, error) {
	var id string
	err := s.read.QueryRowContext(ctx, s.dialect.rebind(`SELECT nm.network_id FROM record_selectors rs
		JOIN network_members nm ON nm.record_seq = rs.record_seq
		WHERE rs.selector_id = ? AND rs.record_seq <> ? LIMIT 1`), sel, except).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("networks of selector %d: %w", sel, err)
	}
	return []string{id}, nil
}

// inList returns "?, ?, …" for n values.
func inList(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// FiguresOf returns the figures of the given records, in the order of seqs.
func (s *Store) FiguresOf(ctx context.Context, seqs []int64) ([]model.ReportFigures, error) {
	byseq := make(map[int64]*model.ReportFigures, len(seqs))
	out := make([]model.ReportFigures, len(seqs))
	for i, seq := range seqs {
		out[i].Seq = seq
		byseq[seq] = &out[i]
	}
	const chunk = 500
	for start := 0; start < len(seqs); start += chunk {
		part := seqs[start:min(len(seqs), start+chunk)]
		args := make([]any, len(part))
		for i, v := range part {
			args[i] = v
		}
		rows, err := s.read.QueryContext(ctx, s.dialect.rebind(figuresQuery+` WHERE r.seq IN (`+inList(len(part))+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
		for rows.Next() {
			f, err := scanFigures(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("figures: %w", err)
			}
			*byseq[f.Seq] = f
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
		lrows, err := s.read.QueryContext(ctx, s.dialect.rebind(`SELECT record_seq, currency, amount FROM report_losses
			WHERE record_seq IN (`+inList(len(part))+`) ORDER BY record_seq, currency`), args...)
		if err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
		for lrows.Next() {
			var seq int64
			var l model.Loss
			if err := lrows.Scan(&seq, &l.Currency, &l.Amount); err != nil {
				lrows.Close()
				return nil, fmt.Errorf("figures: %w", err)
			}
			f := byseq[seq]
			f.Losses = append(f.Losses, l)
		}
		err = lrows.Err()
		lrows.Close()
		if err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
	}
	for _, f := range out {
		if f.RecordID == "" {
			return nil, fmt.Errorf("figures: record %d: %w", f.Seq, ErrNotFound)
		}
	}
	return out, nil
}

// VictimInNetwork reports whether a member of network id other than record
// except has the victim key.
func (s *Store) VictimInNetwork(ctx context.Context, id, victimKey string, except int64) (bool, error) {
	var n int
	// Written so that the victim index leads: a victim has a handful of
	// reports, a network thousands.
	err := s.read.QueryRowContext(ctx, s.dialect.rebind(`SELECT COUNT(*) FROM reports p
		WHERE p.victim_key = ? AND p.record_seq <> ?
		AND EXISTS (SELECT 1 FROM network_members nm WHERE nm.record_seq = p.record_seq AND nm.network_id = ?)`),
		victimKey, except, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("victim in network %s: %w", id, err)
	}
	return n > 0, nil
}

// CountSelectors counts the distinct selectors, hubs aside, that the
// records mention.
func (s *Store) CountSelectors(ctx context.Context, seqs []int64) (int, error) {
	seen := map[int64]bool{}
	const chunk = 500
	for start := 0; start < len(seqs); start += chunk {
		part := seqs[start:min(len(seqs), start+chunk)]
		args := make([]any, len(part))
		for i, v := range part {
			args[i] = v
		}
		ids, err := s.int64s(ctx, `SELECT DISTINCT rs.selector_id FROM record_selectors rs
			WHERE rs.record_seq IN (`+inList(len(part))+`)
			AND NOT EXISTS (SELECT 1 FROM hub_selectors h WHERE h.selector_id = rs.selector_id)`, args...)
		if err != nil {
			return 0, fmt.Errorf("count selectors: %w", err)
		}
		for _, id := range ids {
			seen[id] = true
		}
	}
	return len(seen), nil
}

// SaveNetworks replaces the networks named in remove with those in put,
// members and losses included, at once.
func (s *Store) SaveNetworks(ctx context.Context, remove []string, put []model.Network) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	for _, id := range remove {
		for _, q := range []string{`DELETE FROM network_losses WHERE network_id = ?`, `DELETE FROM network_members WHERE network_id = ?`,
			`DELETE FROM networks WHERE id = ?`} {
			if _, err := t.exec(ctx, q, id); err != nil {
				return fmt.Errorf("remove network %s: %w", id, err)
			}
		}
	}
	now := formatTime(t.now)
	for _, n := range put {
		if err := t.putNetwork(ctx, n, now); err != nil {
			return err
		}

	}
	return t.Commit()
}

// JoinNetwork adds record seq to network n and overwrites n's summary.
func (s *Store) JoinNetwork(ctx context.Context, seq int64, n model.Network) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if _, err := t.exec(ctx, `INSERT INTO network_members (record_seq, network_id) VALUES (?, ?)`, seq, n.ID); err != nil {
		return fmt.Errorf("join network %s: %w", n.ID, err)
	}

	if _, err := t.exec(ctx, `UPDATE networks SET reports = ?, victims = ?, selectors = ?, first_seen = ?, last_seen = ?,
			scam_types = ?, loss_usd = ?, updated_at = ? WHERE id = ?`,
		n.Reports, n.Victims, n.Selectors, nullString(n.FirstSeen), nullString(n.LastSeen), formatScamTypes(n.ScamTypes),
		n.LossUSD, formatTime(t.now), n.ID); err != nil {
		return fmt.Errorf("join network %s: %w", n.ID, err)
	}
	if _, err := t.exec(ctx, `DELETE FROM network_losses WHERE network_id = ?`, n.ID); err != nil {
		return fmt.Errorf("join network %s: %w", n.ID, err)
	}
	for _, cur := range sortedKeys(n.Losses) {
		if _, err := t.exec(ctx, `INSERT INTO network_losses (network_id, currency, amount) VALUES (?, ?, ?)`, n.ID, cur, n.Losses[cur]); err != nil {
			return fmt.Errorf("join network %s: %w", n.ID, err)
		}
	}
	return t.Commit()
}

// MarkCorrelated records that every record up to seq is correlated.
func (s *Store) MarkCorrelated(ctx context.Context, seq int64) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if err := t.advanceThrough(ctx, seq); err != nil {
		return err
	}
	return t.Commit()
}

// advanceThrough moves the correlation mark up to seq if it is behind.
func (t *Tx) advanceThrough(ctx context.Context, seq int64) error {
	if _, err := t.exec(ctx, `UPDATE correlation_state SET through_seq = ?, updated_at = ? WHERE id = 1 AND through_seq < ?`,
		seq, formatTime(t.now), seq); err != nil {
		return fmt.Errorf("correlation state: %w", err)
	}
	return nil
}
