// Package correlate finds scam networks: the connected components of the
// graph in which records are linked through the canonical selectors they
// mention, after setting aside the hubs, selectors too common to mean
// anything (a bank's hotline, an exchange's hot wallet) that would
// otherwise glue unrelated networks together.
//
// It works through the selector index, never through record pairs: a
// selector mentioned by n records costs n edges, not n² pairs. (MISP stored
// pairs; its correlation tables grew to hundreds of gigabytes.)
package correlate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/scamint/scamint/internal/model"
)

// Graph is what correlation reads.
type Graph interface {
	// Edges calls fn once for each distinct (record, selector) pair that
	// correlation may use.
	Edges(ctx context.Context, fn func(rec, sel int64) error) error
	// Figures calls fn for each record that has an edge, with the figures
	// a network summary adds up (zero figures for records that are not
	// reports).
	Figures(ctx context.Context, fn func(model.ReportFigures) error) error
	// Benign returns the selectors on the user's allow-list of known-benign
	// selectors: hubs whatever their figures.
	Benign(ctx context.Context) ([]int64, error)
}

// Config tunes hub detection.
type Config struct {
	// MinHubDegree is the fewest records a selector must appear in to be
	// considered as a hub.
	MinHubDegree int
	// MaxContainment is the containment below which a candidate is a hub.
	// Containment is the share of its neighbours' mentions that fall in
	// the candidate's own records: near 1 for a network's own wallet (its
	// other selectors live where it lives), near 0 for a hotline that a few
	// victims of each of many networks mention.
	MaxContainment float64
	// MinHubSpread: a candidate with at least this share of its records
	// in one network is that network's, not a hub.
	MinHubSpread float64
}

// DefaultConfig is what `scamint correlate` uses unless told otherwise.
var DefaultConfig = Config{MinHubDegree: 10, MaxContainment: 0.1, MinHubSpread: 0.5}

// Result is a complete correlation.
type Result struct {
	Networks []model.Network // ordered by ID
	Hubs     []model.Hub     // ordered by SelectorID
	// ThroughSeq is the highest record seq the run saw.
	ThroughSeq int64
}

// NetworkID derives a network's id from its anchor, the smallest id among
// its member records: the id therefore stays the same across runs while the
// membership does not change, and usually when the network grows.
func NetworkID(anchor string) string {
	sum := sha256.Sum256([]byte(anchor))
	return "N" + hex.EncodeToString(sum[:6])
}

// Run correlates everything g holds.
func Run(ctx context.Context, g Graph, cfg Config) (*Result, error) {
	if cfg.MinHubDegree <= 0 {
		cfg = DefaultConfig
	}
	e, err := loadEdges(ctx, g)
	if err != nil {
		return nil, err
	}
	benign, err := g.Benign(ctx)
	if err != nil {
		return nil, fmt.Errorf("correlate: read allow-list: %w", err)
	}
	hubs := e.findHubs(cfg, benign)
	isHub := make(map[int32]bool, len(hubs))
	for _, h := range hubs {
		isHub[e.selIndex[int64(h.SelectorID)]] = true
	}
	comp := e.components(isHub)
	// A candidate most of whose records fall in one network belongs to
	// that network: set aside, it only broke pieces off it (a team's
	// second handle, used by a few percent of its victims, has low
	// containment too). So does one most of whose records it alone held
	// together: set aside, they fall apart into fragments of one or two.
	// A true hub's records are spread over many networks that stand
	// without it. Put such candidates back and join again, until none is
	// left.
	for round := 0; round < 50; round++ {
		sizes := e.componentSizes(comp)
		kept := hubs[:0]
		demoted := false
		for _, h := range hubs {
			s := e.selIndex[int64(h.SelectorID)]
			// Concentrated means more of its records in one network
			// than chance would put there: a hotline's records fall in
			// a network holding 90% of all reports 90% of the time.
			top, topPop, small := e.spread(s, comp, sizes)
			concentrated := top >= cfg.MinHubSpread && top >= 2*topPop
			if h.Reason != "allow-list" && (concentrated || small >= 0.5) {
				delete(isHub, s)
				demoted = true
				continue
			}
			kept = append(kept, h)
		}
		hubs = kept
		if !demoted {
			break
		}
		comp = e.components(isHub)
	}

	// Every record with an edge is in a network, its own if it shares
	// nothing.
	records := make([]model.ReportFigures, len(e.recSeq))
	have := make([]bool, len(e.recSeq))
	var through int64
	err = g.Figures(ctx, func(r model.ReportFigures) error {
		through = max(through, r.Seq)
		if i, ok := e.recIndex[r.Seq]; ok {
			records[i], have[i] = r, true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("correlate: read records: %w", err)
	}
	for i, ok := range have {
		if !ok {
			return nil, fmt.Errorf("correlate: record %d has mentions but no row", e.recSeq[i])
		}
	}
	groups := map[int32][]int32{}
	for r := range e.recSeq {
		root := comp.find(int32(r))
		groups[root] = append(groups[root], int32(r))
	}
	res := &Result{Hubs: hubs, ThroughSeq: through}
	for _, members := range groups {
		res.Networks = append(res.Networks, summarise(records, members, e, isHub))
	}
	sort.Slice(res.Networks, func(i, j int) bool { return res.Networks[i].ID < res.Networks[j].ID })
	// Number of networks each hub touches, for the investigator's eye.
	netOf := make([]int, len(e.recSeq))
	for n, nw := range res.Networks {
		for _, seq := range nw.Records {
			netOf[e.recIndex[seq]] = n
		}
	}
	// A candidate whose records all fall in one network anyway links
	// nothing apart: it is that network's own, however its neighbours
	// looked, and is not shown as a hub. (Allow-listed selectors stay hubs:
	// the user said so.)
	kept := res.Hubs[:0]
	for _, h := range res.Hubs {
		s := e.selIndex[int64(h.SelectorID)]
		seen := map[int]bool{}
		for _, r := range e.selRecs(s) {
			seen[netOf[r]] = true
		}
		h.Networks = len(seen)
		if h.Networks > 1 || h.Reason == "allow-list" {
			kept = append(kept, h)
		}
	}
	res.Hubs = kept
	return res, nil
}

// summarise adds up one network.
func summarise(records []model.ReportFigures, members []int32, e *edges, isHub map[int32]bool) model.Network {
	figs := make([]model.ReportFigures, len(members))
	sels := map[int32]bool{}
	for i, m := range members {
		figs[i] = records[m]
		for _, s := range e.recSels(m) {
			if !isHub[s] {
				sels[s] = true
			}
		}
	}
	nw := summariseFigures(figs)
	nw.Selectors = len(sels)
	return nw
}
