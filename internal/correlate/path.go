package correlate

import (
	"context"
	"errors"
	"fmt"
)

// Neighbours is what path search reads: the two sides of the record–selector
// graph, and the hubs it must not pass through.
type Neighbours interface {
	RecordsOf(ctx context.Context, sel int64, limit int) ([]int64, error)
	SelectorsOf(ctx context.Context, rec int64) ([]int64, error)
	HubIDs(ctx context.Context) ([]int64, error)
}

// Node is a record or a selector in the correlation graph.
type Node struct {
	Record   int64 // record seq, or 0
	Selector int64 // selector id, or 0
}

// IsRecord reports whether n is a record.
func (n Node) IsRecord() bool { return n.Record != 0 }

// ErrNoPath means the two nodes are not connected within the search's limits.
var ErrNoPath = errors.New("no chain of evidence between them")

// PathLimits bound a path search, so that a question about two ends of a
// large network answers in bounded time.
type PathLimits struct {
	// MaxHops is the most edges a path may have.
	MaxHops int
	// MaxFanout is the most records read per selector.
	MaxFanout int
	// MaxVisited is the most nodes visited before giving up.
	MaxVisited int
}

// DefaultPathLimits are what `scamint path` uses.
var DefaultPathLimits = PathLimits{MaxHops: 12, MaxFanout: 5000, MaxVisited: 200000}

// Path finds a shortest chain from a to b that alternates selectors and
// records, so that every step between two selectors names the record that
// mentions both. It never passes through a hub (but may start or end at
// one).
func Path(ctx context.Context, g Neighbours, a, b Node, lim PathLimits) ([]Node, error) {
	if a == b {
		return []Node{a}, nil
	}
	hubList, err := g.HubIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("path: %w", err)
	}
	hubs := make(map[int64]bool, len(hubList))
	for _, h := range hubList {
		hubs[h] = true
	}
	prev := map[Node]Node{a: {}}
	frontier := []Node{a}
	for hop := 0; hop < lim.MaxHops && len(frontier) > 0; hop++ {
		var next []Node
		for _, n := range frontier {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if n != a && !n.IsRecord() && hubs[n.Selector] {
				continue // a hub ends a path but does not carry one
			}
			nbrs, err := neighbours(ctx, g, n, lim.MaxFanout)
			if err != nil {
				return nil, fmt.Errorf("path: %w", err)
			}
			for _, m := range nbrs {
				if _, seen := prev[m]; seen {
					continue
				}
				prev[m] = n
				if m == b {
					return walkBack(prev, a, b), nil
				}
				next = append(next, m)
				if len(prev) > lim.MaxVisited {
					return nil, fmt.Errorf("path: gave up after %d nodes: %w", lim.MaxVisited, ErrNoPath)
				}
			}
		}
		frontier = next
	}
	return nil, ErrNoPath
}

func neighbours(ctx context.Context, g Neighbours, n Node, fanout int) ([]Node, error) {
	var out []Node
	if n.IsRecord() {
		sels, err := g.SelectorsOf(ctx, n.Record)
		if err != nil {
			return nil, err
		}
		for _, s := range sels {
			out = append(out, Node{Selector: s})
		}
		return out, nil
	}
	recs, err := g.RecordsOf(ctx, n.Selector, fanout)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		out = append(out, Node{Record: r})
	}
	return out, nil
}

func walkBack(prev map[Node]Node, a, b Node) []Node {
	var rev []Node
	for n := b; n != a; n = prev[n] {
		rev = append(rev, n)
	}
	rev = append(rev, a)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
