package store

import (
	"context"
	"fmt"
	"time"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// SelectorInfo is a stored selector with how much it is mentioned and
// whether correlation set it aside as a hub.
type SelectorInfo struct {
	ID        model.SelectorID
	Kind      selector.Kind
	Canonical string
	Display   string
	// Records is the number of distinct records that mention it.
	Records int
	// Hub is nil unless the selector is a hub.
	Hub *model.Hub
}

const selectorInfoQuery = `SELECT s.id, s.kind, s.canonical, s.display,
		(SELECT COUNT(DISTINCT rs.record_seq) FROM record_selectors rs WHERE rs.selector_id = s.id),
		h.degree, h.networks, h.reason
	FROM selectors s LEFT JOIN hub_selectors h ON h.selector_id = s.id `

func scanSelectorInfo(row interface{ Scan(...any) error }) (SelectorInfo, error) {
	var si SelectorInfo
	var kind string
	var degree, networks *int
	var reason *string
	if err := row.Scan(&si.ID, &kind, &si.Canonical, &si.Display, &si.Records, &degree, &networks, &reason); err != nil {
		return SelectorInfo{}, err
	}
	si.Kind = selector.Kind(kind)
	if reason != nil {
		si.Hub = &model.Hub{SelectorID: si.ID, Degree: *degree, Networks: *networks, Reason: *reason}
	}
	return si, nil
}

// Selector returns the stored selector kind:canonical, or an error matching
// ErrNotFound.
func (s *Store) Selector(ctx context.Context, kind selector.Kind, canonical string) (SelectorInfo, error) {
	si, err := scanSelectorInfo(s.read.QueryRowContext(ctx, s.dialect.rebind(selectorInfoQuery+`WHERE s.kind = ? AND s.canonical = ?`), string(kind), canonical))
	if err != nil {
		return SelectorInfo{}, errNoRows(err, fmt.Sprintf("selector %s %q", kind, canonical))
	}
	return si, nil
}

// SelectorByID returns a stored selector by its id.
func (s *Store) SelectorByID(ctx context.Context, id model.SelectorID) (SelectorInfo, error) {
	si, err := scanSelectorInfo(s.read.QueryRowContext(ctx, s.dialect.rebind(selectorInfoQuery+`WHERE s.id = ?`), int64(id)))
	if err != nil {
		return SelectorInfo{}, errNoRows(err, fmt.Sprintf("selector %d", id))
	}
	return si, nil
}

// RecordHit is a record as a lookup lists it: where it came from, which
// network it is in, and how it mentions the selector looked up.
type RecordHit struct {
	Seq       int64
	RecordID  model.RecordID
	NetworkID string
	// Field and Extracted say how the record mentions the selector (the
	// strongest mention when there are several: a filled-in field beats
	// extraction from the narrative).
	Field     string
	Extracted bool
	Received  string
	ScamType  model.ScamType
	// Provenance: the source file, its SHA-256 and the place in it.
	SourceFile   string
	SourceSHA256 string
	Locator      string
	IngestedAt   time.Time
	IngestedBy   string
}

const recordHitColumns = `r.seq, r.id, COALESCE(nm.network_id, ''), COALESCE(p.received_on, ''), COALESCE(p.scam_type, ''),
	f.file_name, f.sha256, r.locator, r.ingested_at, r.ingested_by`

const recordHitJoins = ` JOIN source_files f ON f.id = r.source_file_id
	LEFT JOIN network_members nm ON nm.record_seq = r.seq
	LEFT JOIN reports p ON p.record_seq = r.seq `

func scanRecordHit(row interface{ Scan(...any) error }, extra ...any) (RecordHit, error) {
	var h RecordHit
	var scam, ingested string
	dest := append([]any{&h.Seq, &h.RecordID, &h.NetworkID, &h.Received, &scam, &h.SourceFile, &h.SourceSHA256,
		&h.Locator, &ingested, &h.IngestedBy}, extra...)
	if err := row.Scan(dest...); err != nil {
		return RecordHit{}, err
	}
	h.ScamType = model.ScamType(scam)
	t, err := time.Parse(timeLayout, ingested)
	if err != nil {
		return RecordHit{}, fmt.Errorf("record %s: ingested_at %q: %w", h.RecordID, ingested, err)
	}
	h.IngestedAt = t
	return h, nil
}

// SelectorHits returns up to limit records that mention selector id, in the
// order they arrived, each once with its strongest mention.
func (s *Store) SelectorHits(ctx context.Context, id model.SelectorID, limit int) ([]RecordHit, error) {
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(`SELECT `+recordHitColumns+`, m.field, m.extracted
		FROM (SELECT record_seq, MIN(extracted) AS extracted, MIN(field) AS field FROM record_selectors
			WHERE selector_id = ? GROUP BY record_seq ORDER BY record_seq LIMIT ?) m
		JOIN records r ON r.seq = m.record_seq`+recordHitJoins+`ORDER BY r.seq`), int64(id), limit)
	if err != nil {
		return nil, fmt.Errorf("hits of selector %d: %w", id, err)
	}
	defer rows.Close()
	var out []RecordHit
	for rows.Next() {
		var extracted int
		var field string
		h, err := scanRecordHit(rows, &field, &extracted)
		if err != nil {
			return nil, fmt.Errorf("hits of selector %d: %w", id, err)
		}
		h.Field, h.Extracted = field, extracted != 0
		out = append(out, h)
	}
	return out, rows.Err()
}

// RecordHitBySeq returns one record as a hit (without a mention).
func (s *Store) RecordHitBySeq(ctx context.Context, seq int64) (RecordHit, error) {
	h, err := scanRecordHit(s.read.QueryRowContext(ctx, s.dialect.rebind(`SELECT `+recordHitColumns+` FROM records r`+recordHitJoins+`WHERE r.seq = ?`), seq))
	if err != nil {
		return RecordHit{}, errNoRows(err, fmt.Sprintf("record %d", seq))
	}
	return h, nil
}

// RecordSeq returns the store number of record id, or ErrNotFound.
func (s *Store) RecordSeq(ctx context.Context, id model.RecordID) (int64, error) {
	var seq int64
	if err := s.read.QueryRowContext(ctx, s.dialect.rebind(recordSeqByID), string(id)).Scan(&seq); err != nil {
		return 0, errNoRows(err, fmt.Sprintf("record %q", id))
	}
	return seq, nil
}

// NetworkSort orders a network listing.
type NetworkSort string

// The orders of `scamint networks --sort`.
const (
	ByLoss    NetworkSort = "loss"
	ByReports NetworkSort = "reports"
	ByRecent  NetworkSort = "recent"
)

const networkColumns = `id, anchor_id, reports, victims, selectors, COALESCE(first_seen, ''), COALESCE(last_seen, ''), scam_types, loss_usd`

func (s *Store) scanNetworks(ctx context.Context, query string, args ...any) ([]model.Network, error) {
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Network
	for rows.Next() {
		var n model.Network
		var scam string
		if err := rows.Scan(&n.ID, &n.Anchor, &n.Reports, &n.Victims, &n.Selectors, &n.FirstSeen, &n.LastSeen, &scam, &n.LossUSD); err != nil {
			return nil, err
		}
		n.ScamTypes = parseScamTypes(scam)
		n.Losses = map[string]string{}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		lrows, err := s.read.QueryContext(ctx, s.dialect.rebind(`SELECT currency, amount FROM network_losses WHERE network_id = ?`), out[i].ID)
		if err != nil {
			return nil, err
		}
		for lrows.Next() {
			var cur, amt string
			if err := lrows.Scan(&cur, &amt); err != nil {
				lrows.Close()
				return nil, err
			}
			out[i].Losses[cur] = amt
		}
		err = lrows.Err()
		lrows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Networks lists up to limit networks, largest loss, most reports or most
// recent first.
func (s *Store) Networks(ctx context.Context, by NetworkSort, limit int) ([]model.Network, error) {
	order := map[NetworkSort]string{
		ByLoss:    "loss_usd DESC, reports DESC, id",
		ByReports: "reports DESC, loss_usd DESC, id",
		ByRecent:  "last_seen DESC, reports DESC, id",
	}[by]
	if order == "" {
		return nil, fmt.Errorf("networks: unknown order %q (want loss, reports or recent)", by)
	}
	out, err := s.scanNetworks(ctx, `SELECT `+networkColumns+` FROM networks ORDER BY `+order+` LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("networks: %w", err)
	}
	return out, nil
}

// NetworkSummary returns one network without its member records.
func (s *Store) NetworkSummary(ctx context.Context, id string) (model.Network, error) {
	out, err := s.scanNetworks(ctx, `SELECT `+networkColumns+` FROM networks WHERE id = ?`, id)
	if err != nil {
		return model.Network{}, fmt.Errorf("network %s: %w", id, err)
	}
	if len(out) == 0 {
		return model.Network{}, fmt.Errorf("network %s: %w", id, ErrNotFound)
	}
	return out[0], nil
}

// Network returns one network with its member records.
func (s *Store) Network(ctx context.Context, id string) (model.Network, error) {
	n, err := s.NetworkSummary(ctx, id)
	if err != nil {
		return model.Network{}, err
	}
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(`SELECT record_seq FROM network_members WHERE network_id = ? ORDER BY record_seq`), id)
	if err != nil {
		return model.Network{}, fmt.Errorf("network %s members: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			return model.Network{}, fmt.Errorf("network %s members: %w", id, err)
		}
		n.Records = append(n.Records, seq)
	}
	return n, rows.Err()
}

// NetworkOfRecord returns the id of the network record seq belongs to, or
// ErrNotFound.
func (s *Store) NetworkOfRecord(ctx context.Context, seq int64) (string, error) {
	var id string
	if err := s.read.QueryRowContext(ctx, s.dialect.rebind(`SELECT network_id FROM network_members WHERE record_seq = ?`), seq).Scan(&id); err != nil {
		return "", errNoRows(err, fmt.Sprintf("network of record %d", seq))
	}
	return id, nil
}

// SelectorCount is a selector with the number of records of one network
// that mention it.
type SelectorCount struct {
	SelectorInfo
	InNetwork int
}

// NetworkSelectors returns the selectors the members of network id mention,
// most mentioned first, up to limit.
func (s *Store) NetworkSelectors(ctx context.Context, id string, limit int) ([]SelectorCount, error) {
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(`SELECT rs.selector_id, COUNT(DISTINCT rs.record_seq) AS n
		FROM network_members nm JOIN record_selectors rs ON rs.record_seq = nm.record_seq
		WHERE nm.network_id = ? GROUP BY rs.selector_id ORDER BY n DESC, rs.selector_id LIMIT ?`), id, limit)
	if err != nil {
		return nil, fmt.Errorf("selectors of network %s: %w", id, err)
	}
	type idn struct {
		id int64
		n  int
	}
	var ids []idn
	for rows.Next() {
		var x idn
		if err := rows.Scan(&x.id, &x.n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("selectors of network %s: %w", id, err)
		}
		ids = append(ids, x)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("selectors of network %s: %w", id, err)
	}
	out := make([]SelectorCount, 0, len(ids))
	for _, x := range ids {
		si, err := s.SelectorByID(ctx, model.SelectorID(x.id))
		if err != nil {
			return nil, err
		}
		out = append(out, SelectorCount{SelectorInfo: si, InNetwork: x.n})
	}
	return out, nil
}

// NetworkTimeline returns up to limit member records of network id, in
// the order they were received (unknown dates last).
func (s *Store) NetworkTimeline(ctx context.Context, id string, limit int) ([]RecordHit, error) {
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(`SELECT `+recordHitColumns+` FROM network_members m
		JOIN records r ON r.seq = m.record_seq`+recordHitJoins+`WHERE m.network_id = ?
		ORDER BY CASE WHEN p.received_on IS NULL THEN 1 ELSE 0 END, p.received_on, r.seq LIMIT ?`), id, limit)
	if err != nil {
		return nil, fmt.Errorf("timeline of network %s: %w", id, err)
	}
	defer rows.Close()
	var out []RecordHit
	for rows.Next() {
		h, err := scanRecordHit(rows)
		if err != nil {
			return nil, fmt.Errorf("timeline of network %s: %w", id, err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// RecordsOf returns up to limit records that mention selector sel.
func (s *Store) RecordsOf(ctx context.Context, sel int64, limit int) ([]int64, error) {
	return s.int64s(ctx, `SELECT DISTINCT record_seq FROM record_selectors WHERE selector_id = ? ORDER BY record_seq LIMIT ?`, sel, limit)
}

// SelectorsOf returns the selectors record rec mentions.
func (s *Store) SelectorsOf(ctx context.Context, rec int64) ([]int64, error) {
	return s.int64s(ctx, `SELECT DISTINCT selector_id FROM record_selectors WHERE record_seq = ? ORDER BY selector_id`, rec)
}

// HubIDs returns the ids of the selectors correlation set aside as hubs.
func (s *Store) HubIDs(ctx context.Context) ([]int64, error) {
	return s.int64s(ctx, `SELECT selector_id FROM hub_selectors ORDER BY selector_id`)
}

func (s *Store) int64s(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.read.QueryContext(ctx, s.dialect.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// AddBenign puts a selector on the allow-list of known-benign selectors.
func (s *Store) AddBenign(ctx context.Context, kind selector.Kind, canonical, note, by string) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if _, err := t.exec(ctx, `INSERT INTO benign_selectors (kind, canonical, note, added_at, added_by) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (kind, canonical) DO UPDATE SET note = excluded.note`, string(kind), canonical, note, formatTime(t.now), by); err != nil {
		return fmt.Errorf("allow-list %s %q: %w", kind, canonical, err)
	}
	return t.Commit()
}

// RemoveBenign takes a selector off the allow-list; ErrNotFound if it was
// not on it.
func (s *Store) RemoveBenign(ctx context.Context, kind selector.Kind, canonical string) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	res, err := t.exec(ctx, `DELETE FROM benign_selectors WHERE kind = ? AND canonical = ?`, string(kind), canonical)
	if err != nil {
		return fmt.Errorf("allow-list %s %q: %w", kind, canonical, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("allow-list %s %q: %w", kind, canonical, ErrNotFound)
	}
	return t.Commit()
}

// BenignEntry is one entry of the allow-list.
type BenignEntry struct {
	Kind      selector.Kind
	Canonical string
	Note      string
	AddedAt   string
	AddedBy   string
}

// BenignList returns the allow-list.
func (s *Store) BenignList(ctx context.Context) ([]BenignEntry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT kind, canonical, note, added_at, added_by FROM benign_selectors ORDER BY kind, canonical`)
	if err != nil {
		return nil, fmt.Errorf("allow-list: %w", err)
	}
	defer rows.Close()
	var out []BenignEntry
	for rows.Next() {
		var b BenignEntry
		var kind string
		if err := rows.Scan(&kind, &b.Canonical, &b.Note, &b.AddedAt, &b.AddedBy); err != nil {
			return nil, fmt.Errorf("allow-list: %w", err)
		}
		b.Kind = selector.Kind(kind)
		out = append(out, b)
	}
	return out, rows.Err()
}

// RecordNetworks calls fn for every record with its locator and the
// network it is in ("" if none).
func (s *Store) RecordNetworks(ctx context.Context, fn func(id model.RecordID, sourceSHA256, locator, network string) error) error {
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, f.sha256, r.locator, COALESCE(nm.network_id, '') FROM records r
		JOIN source_files f ON f.id = r.source_file_id
		LEFT JOIN network_members nm ON nm.record_seq = r.seq ORDER BY r.seq`)
	if err != nil {
		return fmt.Errorf("record networks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id model.RecordID
		var sum, loc, nw string
		if err := rows.Scan(&id, &sum, &loc, &nw); err != nil {
			return fmt.Errorf("record networks: %w", err)
		}
		if err := fn(id, sum, loc, nw); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SampleSelectors returns up to n selector ids spread evenly over the
// store, for benchmarks.
func (s *Store) SampleSelectors(ctx context.Context, n int) ([]int64, error) {
	var max int64
	if err := s.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM selectors`).Scan(&max); err != nil {
		return nil, err
	}
	step := max/int64(n) + 1
	return s.int64s(ctx, `SELECT id FROM selectors WHERE id % ? = 0 ORDER BY id LIMIT ?`, step, n)
}
