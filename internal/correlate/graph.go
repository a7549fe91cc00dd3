package correlate

import (
	"context"
	"fmt"
	"sort"

	"github.com/scamint/scamint/internal/model"
)

// edges is the record–selector graph in compressed sparse form, both ways:
// records and selectors are renumbered densely, and each side's neighbours
// are one slice of one array.
type edges struct {
	recSeq   []int64 // dense record index → record seq
	selID    []int64 // dense selector index → selector id
	recIndex map[int64]int32
	selIndex map[int64]int32

	recOff, recNbr []int32 // record → selectors
	selOff, selNbr []int32 // selector → records
}

func (e *edges) recSels(r int32) []int32 { return e.recNbr[e.recOff[r]:e.recOff[r+1]] }
func (e *edges) selRecs(s int32) []int32 { return e.selNbr[e.selOff[s]:e.selOff[s+1]] }

func loadEdges(ctx context.Context, g Graph) (*edges, error) {
	e := &edges{recIndex: map[int64]int32{}, selIndex: map[int64]int32{}}
	var pr, ps []int32
	err := g.Edges(ctx, func(rec, sel int64) error {
		r, ok := e.recIndex[rec]
		if !ok {
			r = int32(len(e.recSeq))
			e.recIndex[rec] = r
			e.recSeq = append(e.recSeq, rec)
		}
		s, ok := e.selIndex[sel]
		if !ok {
			s = int32(len(e.selID))
			e.selIndex[sel] = s
			e.selID = append(e.selID, sel)
		}
		pr, ps = append(pr, r), append(ps, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("correlate: read edges: %w", err)
	}
	e.recOff, e.recNbr = csr(len(e.recSeq), pr, ps)
	e.selOff, e.selNbr = csr(len(e.selID), ps, pr)
	return e, nil
}

// csr builds the compressed adjacency of n nodes from edge lists from→to,
// dropping duplicate edges.
func csr(n int, from, to []int32) (off, nbr []int32) {
	off = make([]int32, n+1)
	for _, f := range from {
		off[f+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	nbr = make([]int32, len(from))
	fill := append([]int32(nil), off[:n]...)
	for i, f := range from {
		nbr[fill[f]] = to[i]
		fill[f]++
	}
	// Sort and deduplicate each row in place, then compact.
	w := int32(0)
	for i := 0; i < n; i++ {
		row := nbr[off[i]:off[i+1]]
		sort.Slice(row, func(a, b int) bool { return row[a] < row[b] })
		start := w
		for j, v := range row {
			if j > 0 && v == row[j-1] {
				continue
			}
			nbr[w] = v
			w++
		}
		off[i] = start
	}
	off[n] = w
	return off, nbr[:w:w]
}

// unionFind over dense record indexes.
type unionFind struct{ parent []int32 }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
	}
	return u
}

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int32) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}

// components joins the records of every selector that is not a hub.
func (e *edges) components(isHub map[int32]bool) *unionFind {
	u := newUnionFind(len(e.recSeq))
	for s := range e.selID {
		if isHub[int32(s)] {
			continue
		}
		recs := e.selRecs(int32(s))
		for i := 1; i < len(recs); i++ {
			u.union(recs[0], recs[i])
		}
	}
	return u
}

// findHubs picks the selectors too common to mean anything: every selector
// on the allow-list, and every selector of at least cfg.MinHubDegree
// records whose containment is below cfg.MaxContainment.
//
// Containment of a candidate h is, over the other selectors s that its
// records mention, Σ|R(s) ∩ R(h)| / Σ|R(s)|: how much of its neighbours'
// lives happen inside its own records. A network's wallet, used by a good
// share of the network's victims, has neighbours (the network's phones,
// handles, domains) that live largely where it does; a bank's hotline,
// mentioned by a few victims of each of many networks, has neighbours that
// live almost entirely elsewhere. Degree alone cannot tell the two apart
// once networks grow to thousands of victims.
func (e *edges) findHubs(cfg Config, benign []int64) []model.Hub {
	var hubs []model.Hub
	isBenign := map[int64]bool{}
	for _, id := range benign {
		isBenign[id] = true
	}
	inter := make([]int32, len(e.selID)) // |R(s) ∩ R(h)| for the current h
	var touched []int32
	for s := range e.selID {
		id := e.selID[s]
		recs := e.selRecs(int32(s))
		degree := len(recs)
		if isBenign[id] {
			hubs = append(hubs, model.Hub{SelectorID: model.SelectorID(id), Degree: degree, Reason: "allow-list"})
			continue
		}
		if degree < cfg.MinHubDegree {
			continue
		}
		touched = touched[:0]
		for _, r := range recs {
			for _, n := range e.recSels(r) {
				if n == int32(s) {
					continue
				}
				if inter[n] == 0 {
					touched = append(touched, n)
				}
				inter[n]++
			}
		}
		var in, all int64
		for _, n := range touched {
			in += int64(inter[n])
			all += int64(e.selOff[n+1] - e.selOff[n])
			inter[n] = 0
		}
		containment := 1.0
		if all > 0 {
			containment = float64(in) / float64(all)
		}
		if containment < cfg.MaxContainment {
			hubs = append(hubs, model.Hub{SelectorID: model.SelectorID(id), Degree: degree,
				Reason: fmt.Sprintf("in %d records whose other selectors live mostly elsewhere (containment %.3f)", degree, containment)})
		}
	}
	sort.Slice(hubs, func(i, j int) bool { return hubs[i].SelectorID < hubs[j].SelectorID })
	return hubs
}

// componentSizes counts the records of each component, by root.
func (e *edges) componentSizes(comp *unionFind) map[int32]int {
	sizes := map[int32]int{}
	for r := range e.recSeq {
		sizes[comp.find(int32(r))]++
	}
	return sizes
}

// spread describes where selector s's records fall: top is the share in
// the component holding most of them, topPop the share of all records in
// that component, small the share in components of at most two records.
func (e *edges) spread(s int32, comp *unionFind, sizes map[int32]int) (top, topPop, small float64) {
	recs := e.selRecs(s)
	if len(recs) == 0 {
		return 0, 0, 0
	}
	counts := map[int32]int{}
	most, few := 0, 0
	var topRoot int32
	for _, r := range recs {
		root := comp.find(r)
		counts[root]++
		if counts[root] > most {
			most, topRoot = counts[root], root
		}
		if sizes[root] <= 2 {
			few++
		}
	}
	n := float64(len(recs))
	return float64(most) / n, float64(sizes[topRoot]) / float64(len(e.recSeq)), float64(few) / n
}
