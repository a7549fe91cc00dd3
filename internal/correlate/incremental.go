package correlate

import (
	"context"
	"fmt"
	"sort"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/money"
)

// Saved is a stored correlation that new records can be added to without
// recomputing it.
type Saved interface {
	HubIDs(ctx context.Context) ([]int64, error)
	Benign(ctx context.Context) ([]int64, error)
	SelectorsOf(ctx context.Context, rec int64) ([]int64, error)
	// NetworksOfSelector returns the networks of the records that mention
	// sel, other than the record except. Outside hubs a selector's records
	// share one network, so one answer is enough.
	NetworksOfSelector(ctx context.Context, sel, except int64) ([]string, error)
	// Network returns a saved network with its member records.
	Network(ctx context.Context, id string) (model.Network, error)
	// NetworkSummary returns a saved network without its members.
	NetworkSummary(ctx context.Context, id string) (model.Network, error)
	FiguresOf(ctx context.Context, seqs []int64) ([]model.ReportFigures, error)
	// VictimInNetwork reports whether another member of network id has
	// the victim key.
	VictimInNetwork(ctx context.Context, id, victimKey string, except int64) (bool, error)
	// CountSelectors counts the distinct selectors, hubs aside, that
	// the records mention.
	CountSelectors(ctx context.Context, seqs []int64) (int, error)
	// SaveNetworks replaces the networks named in remove with those in
	// put, members included.
	SaveNetworks(ctx context.Context, remove []string, put []model.Network) error
	// JoinNetwork adds record seq to network n and stores n's new summary.
	JoinNetwork(ctx context.Context, seq int64, n model.Network) error
	// NetworkOfRecord returns the network record seq is in, or an error.
	NetworkOfRecord(ctx context.Context, seq int64) (string, error)
	// MarkCorrelated records that every record up to seq is correlated.
	MarkCorrelated(ctx context.Context, seq int64) error
}

// AddRecords puts records stored since the last correlation into networks:
// a record that shares no selector (hubs aside) with a network starts its
// own; one that shares selectors with one network joins it; one that
// links several merges them. Hubs are not re-evaluated: a full Run does
// that. The result equals a full Run's whenever the hubs stay the same.
func AddRecords(ctx context.Context, s Saved, seqs []int64) error {
	hubs := map[int64]bool{}
	for _, list := range []func(context.Context) ([]int64, error){s.HubIDs, s.Benign} {
		ids, err := list(ctx)
		if err != nil {
			return fmt.Errorf("correlate new records: %w", err)
		}
		for _, id := range ids {
			hubs[id] = true
		}
	}
	var through int64
	for _, seq := range seqs {
		if err := addRecord(ctx, s, seq, hubs); err != nil {
			return fmt.Errorf("correlate record %d: %w", seq, err)
		}
		through = max(through, seq)
	}
	if through == 0 {
		return nil
	}
	return s.MarkCorrelated(ctx, through)
}

func addRecord(ctx context.Context, s Saved, seq int64, hubs map[int64]bool) error {
	if _, err := s.NetworkOfRecord(ctx, seq); err == nil {
		return nil // placed by an earlier, interrupted run
	}
	sels, err := s.SelectorsOf(ctx, seq)
	if err != nil {
		return err
	}
	if len(sels) == 0 {
		return nil // mentions nothing: in no network, as in a full run
	}
	nets := map[string]bool{}
	newSels := 0 // selectors no other record mentions in the network it joins
	for _, sel := range sels {
		if hubs[sel] {
			continue
		}
		ns, err := s.NetworksOfSelector(ctx, sel, seq)
		if err != nil {
			return err
		}
		if len(ns) == 0 {
			newSels++
		}
		for _, n := range ns {
			nets[n] = true
		}
	}
	figs, err := s.FiguresOf(ctx, []int64{seq})
	if err != nil {
		return err
	}
	if len(figs) != 1 {
		return fmt.Errorf("no figures for record %d", seq)
	}
	f := figs[0]
	if len(nets) == 1 {
		var id string
		for id = range nets {
		}
		n, err := s.NetworkSummary(ctx, id)
		if err != nil {
			return err
		}
		if f.RecordID >= n.Anchor {
			return join(ctx, s, n, f, newSels)
		}
	}
	// A new network, a merge, or a new anchor: rebuild the networks
	// concerned from their members' figures.
	members := []int64{seq}
	var remove []string
	for id := range nets {
		n, err := s.Network(ctx, id)
		if err != nil {
			return err
		}
		members = append(members, n.Records...)
		remove = append(remove, id)
	}
	sort.Slice(members, func(i, j int) bool { return members[i] < members[j] })
	all, err := s.FiguresOf(ctx, members)
	if err != nil {
		return err
	}
	n := summariseFigures(all)
	if n.Selectors, err = s.CountSelectors(ctx, members); err != nil {
		return err
	}
	sort.Strings(remove)
	return s.SaveNetworks(ctx, remove, []model.Network{n})
}

// join adds one record to a network by arithmetic on its summary.
func join(ctx context.Context, s Saved, n model.Network, f model.ReportFigures, newSels int) error {
	n.Reports++
	n.Selectors += newSels
	seen := false
	if f.VictimKey != "" {
		var err error
		if seen, err = s.VictimInNetwork(ctx, n.ID, f.VictimKey, f.Seq); err != nil {
			return err
		}
	}
	if !seen {
		n.Victims++
	}
	if d := f.Received; d != "" {
		if n.FirstSeen == "" || d < n.FirstSeen {
			n.FirstSeen = d
		}
		if d > n.LastSeen {
			n.LastSeen = d
		}
	}
	if f.ScamType != "" {
		if n.ScamTypes == nil {
			n.ScamTypes = map[model.ScamType]int{}
		}
		n.ScamTypes[f.ScamType]++
	}
	if n.Losses == nil {
		n.Losses = map[string]string{}
	}
	for _, l := range f.Losses {
		var sum money.Sum
		if old, ok := n.Losses[l.Currency]; ok {
			sum.Add(old)
		}
		sum.Add(l.Amount)
		n.Losses[l.Currency] = sum.String()
		var add money.Sum
		add.Add(l.Amount)
		n.LossUSD += add.Float() * money.USDRate(l.Currency)
	}
	return s.JoinNetwork(ctx, f.Seq, n)
}

// summariseFigures adds up a network from its members' figures (the
// selector count is the caller's).
func summariseFigures(figs []model.ReportFigures) model.Network {
	nw := model.Network{ScamTypes: map[model.ScamType]int{}, Losses: map[string]string{}}
	victims := map[string]bool{}
	sums := map[string]*money.Sum{}
	for _, r := range figs {
		nw.Records = append(nw.Records, r.Seq)
		if nw.Anchor == "" || r.RecordID < nw.Anchor {
			nw.Anchor = r.RecordID
		}
		nw.Reports++
		if r.VictimKey != "" {
			victims[r.VictimKey] = true
		} else {
			victims["record:"+string(r.RecordID)] = true
		}
		if d := r.Received; d != "" {
			if nw.FirstSeen == "" || d < nw.FirstSeen {
				nw.FirstSeen = d
			}
			if d > nw.LastSeen {
				nw.LastSeen = d
			}
		}
		if r.ScamType != "" {
			nw.ScamTypes[r.ScamType]++
		}
		for _, l := range r.Losses {
			s := sums[l.Currency]
			if s == nil {
				s = &money.Sum{}
				sums[l.Currency] = s
			}
			s.Add(l.Amount)
		}
	}
	sort.Slice(nw.Records, func(i, j int) bool { return nw.Records[i] < nw.Records[j] })
	nw.ID = NetworkID(string(nw.Anchor))
	nw.Victims = len(victims)
	for cur, s := range sums {
		nw.Losses[cur] = s.String()
		nw.LossUSD += s.Float() * money.USDRate(cur)
	}
	return nw
}
