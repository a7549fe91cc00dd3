package correlate

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

// world is an in-memory correlation graph: records named r1, r2, … that
// mention selectors named by strings.
type world struct {
	recs    []model.ReportFigures
	edges   [][2]int64
	sels    map[string]int64
	selName map[int64]string
	benign  []int64
	hubs    []int64
}

func newWorld() *world { return &world{sels: map[string]int64{}, selName: map[int64]string{}} }

// report adds a record mentioning the given selectors and returns its seq.
func (w *world) report(id string, f model.ReportFigures, sels ...string) int64 {
	seq := int64(len(w.recs) + 1)
	f.Seq, f.RecordID = seq, model.RecordID(id)
	w.recs = append(w.recs, f)
	for _, s := range sels {
		w.edges = append(w.edges, [2]int64{seq, w.sel(s)})
	}
	return seq
}

func (w *world) sel(name string) int64 {
	if id, ok := w.sels[name]; ok {
		return id
	}
	id := int64(len(w.sels) + 100)
	w.sels[name], w.selName[id] = id, name
	return id
}

func (w *world) Edges(ctx context.Context, fn func(rec, sel int64) error) error {
	for _, e := range w.edges {
		if err := fn(e[0], e[1]); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) Figures(ctx context.Context, fn func(model.ReportFigures) error) error {
	for _, r := range w.recs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) Benign(ctx context.Context) ([]int64, error) { return w.benign, nil }

func (w *world) RecordsOf(ctx context.Context, sel int64, limit int) ([]int64, error) {
	var out []int64
	for _, e := range w.edges {
		if e[1] == sel && len(out) < limit {
			out = append(out, e[0])
		}
	}
	return out, nil
}

func (w *world) SelectorsOf(ctx context.Context, rec int64) ([]int64, error) {
	var out []int64
	for _, e := range w.edges {
		if e[0] == rec {
			out = append(out, e[1])
		}
	}
	return out, nil
}

func (w *world) HubIDs(ctx context.Context) ([]int64, error) { return w.hubs, nil }

// members returns the record ids of each network, sorted, as strings.
func members(res *Result, w *world) []string {
	var out []string
	for _, n := range res.Networks {
		var ids []string
		for _, seq := range n.Records {
			ids = append(ids, string(w.recs[seq-1].RecordID))
		}
		sort.Strings(ids)
		out = append(out, fmt.Sprint(ids))
	}
	sort.Strings(out)
	return out
}

func TestNetworksExactMembership(t *testing.T) {
	w := newWorld()
	w.report("r1", model.ReportFigures{}, "phone:A", "tg:x")
	w.report("r2", model.ReportFigures{}, "tg:x", "wallet:W")
	w.report("r3", model.ReportFigures{}, "wallet:W")
	w.report("r4", model.ReportFigures{}, "phone:B")
	w.report("r5", model.ReportFigures{}, "phone:B", "domain:d")
	w.report("r6", model.ReportFigures{}, "phone:C")
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[r1 r2 r3]", "[r4 r5]", "[r6]"}
	if got := members(res, w); !reflect.DeepEqual(got, want) {
		t.Fatalf("networks = %v; want %v", got, want)
	}
}

// hubWorld builds n networks of size each, every one with its own wallet
// used by all its victims and a phone used by some, and a hotline that one
// victim of each network mentions.
func hubWorld(n, size int) *world {
	w := newWorld()
	for i := 0; i < n; i++ {
		for j := 0; j < size; j++ {
			sels := []string{fmt.Sprintf("wallet:%d", i)}
			if j%3 == 0 {
				sels = append(sels, fmt.Sprintf("phone:%d", i))
			}
			if j%7 == 1 {
				sels = append(sels, fmt.Sprintf("handle:%d-%d", i, j)) // rare, own
			}
			if j == 2 {
				sels = append(sels, "hotline:1588")
			}
			w.report(fmt.Sprintf("n%02d-r%03d", i, j), model.ReportFigures{}, sels...)
		}
	}
	return w
}

func TestHotlineIsHubAndDoesNotMerge(t *testing.T) {
	w := hubWorld(12, 40)
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Networks) != 12 {
		t.Fatalf("got %d networks; want 12 (the hotline must not merge them)", len(res.Networks))
	}
	var hubNames []string
	for _, h := range res.Hubs {
		hubNames = append(hubNames, w.selName[int64(h.SelectorID)])
		if h.Networks != 12 || h.Degree != 12 {
			t.Errorf("hub %s: degree %d in %d networks; want 12 in 12", w.selName[int64(h.SelectorID)], h.Degree, h.Networks)
		}
	}
	if !reflect.DeepEqual(hubNames, []string{"hotline:1588"}) {
		t.Fatalf("hubs = %v; want only the hotline (a network's own wallet, in all 40 of its reports, is not one)", hubNames)
	}
}

func TestBigNetworkWalletIsNotHub(t *testing.T) {
	// One large network whose reports share only its wallet, plus a few
	// rare selectors: the wallet glues it, however large its degree.
	w := newWorld()
	for j := 0; j < 3000; j++ {
		sels := []string{"wallet:main"}
		if j%10 == 0 {
			sels = append(sels, fmt.Sprintf("phone:%d", j/20))
		}
		w.report(fmt.Sprintf("r%05d", j), model.ReportFigures{}, sels...)
	}
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hubs) != 0 || len(res.Networks) != 1 || res.Networks[0].Reports != 3000 {
		t.Fatalf("got %d networks, %d hubs; want one network of 3000 and no hub", len(res.Networks), len(res.Hubs))
	}
}

func TestAllowListMakesHub(t *testing.T) {
	w := newWorld()
	w.report("r1", model.ReportFigures{}, "phone:A", "support:S")
	w.report("r2", model.ReportFigures{}, "phone:B", "support:S")
	w.benign = []int64{w.sel("support:S")}
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	if got := members(res, w); !reflect.DeepEqual(got, []string{"[r1]", "[r2]"}) {
		t.Fatalf("networks = %v; want the allow-listed selector not to merge r1 and r2", got)
	}
	if len(res.Hubs) != 1 || res.Hubs[0].Reason != "allow-list" || res.Hubs[0].Networks != 2 {
		t.Fatalf("hubs = %+v; want the allow-listed selector, in 2 networks", res.Hubs)
	}
}

func TestSummaries(t *testing.T) {
	w := newWorld()
	w.report("r1", model.ReportFigures{Received: "2025-03-01", ScamType: model.PigButchering, VictimKey: "v1",
		Losses: []model.Loss{{Currency: "USDT", Amount: "12500.5"}, {Currency: "KRW", Amount: "3000000"}}}, "w")
	w.report("r2", model.ReportFigures{Received: "2025-01-15", ScamType: model.PigButchering, VictimKey: "v1",
		Losses: []model.Loss{{Currency: "USDT", Amount: "0.5"}}}, "w")
	w.report("r3", model.ReportFigures{Received: "2025-06-30", ScamType: model.Romance, VictimKey: "v2"}, "w")
	w.report("r4", model.ReportFigures{}, "w") // no figures: its own victim, no date
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	n := res.Networks[0]
	if n.Reports != 4 || n.Victims != 3 || n.FirstSeen != "2025-01-15" || n.LastSeen != "2025-06-30" {
		t.Errorf("network = %d reports, %d victims, %s–%s; want 4, 3, 2025-01-15–2025-06-30", n.Reports, n.Victims, n.FirstSeen, n.LastSeen)
	}
	if !reflect.DeepEqual(n.Losses, map[string]string{"USDT": "12501", "KRW": "3000000"}) {
		t.Errorf("losses = %v", n.Losses)
	}
	if n.ScamTypes[model.PigButchering] != 2 || n.ScamTypes[model.Romance] != 1 {
		t.Errorf("scam types = %v", n.ScamTypes)
	}
	if want := 12501 + 3000000.0/1400; n.LossUSD < want-1 || n.LossUSD > want+1 {
		t.Errorf("loss USD = %v; want about %v", n.LossUSD, want)
	}
	if n.Anchor != "r1" || n.ID != NetworkID("r1") {
		t.Errorf("anchor %s id %s; want r1 and its id", n.Anchor, n.ID)
	}
}

func TestNetworkIDsStable(t *testing.T) {
	w := hubWorld(5, 20)
	first, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	// An unrelated report arrives: the other networks keep their ids.
	w.report("zz-new", model.ReportFigures{}, "phone:unrelated")
	second, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range second.Networks {
		ids[n.ID] = true
	}
	for _, n := range first.Networks {
		if !ids[n.ID] {
			t.Errorf("network %s (anchor %s) lost its id", n.ID, n.Anchor)
		}
	}
	if len(second.Networks) != len(first.Networks)+1 {
		t.Errorf("got %d networks; want %d", len(second.Networks), len(first.Networks)+1)
	}
}

func TestPath(t *testing.T) {
	w := newWorld()
	w.report("r1", model.ReportFigures{}, "A", "B")
	w.report("r2", model.ReportFigures{}, "B", "C")
	w.report("r3", model.ReportFigures{}, "C", "D")
	w.report("r4", model.ReportFigures{}, "A", "H")
	w.report("r5", model.ReportFigures{}, "H", "D")
	ctx := context.Background()
	a, d := Node{Selector: w.sel("A")}, Node{Selector: w.sel("D")}
	got, err := Path(ctx, w, a, d, DefaultPathLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 { // A r4 H r5 D: the short way, through H
		t.Fatalf("path = %v; want 5 nodes", got)
	}
	// With H a hub the chain must go the long way, naming r1, r2, r3.
	w.hubs = []int64{w.sel("H")}
	got, err = Path(ctx, w, a, d, DefaultPathLimits)
	if err != nil {
		t.Fatal(err)
	}
	var recs []string
	for _, n := range got {
		if n.IsRecord() {
			recs = append(recs, string(w.recs[n.Record-1].RecordID))
		}
	}
	if !reflect.DeepEqual(recs, []string{"r1", "r2", "r3"}) {
		t.Fatalf("path records = %v; want r1 r2 r3", recs)
	}
	// Nothing links A to an isolated selector.
	w.report("r6", model.ReportFigures{}, "Z")
	if _, err := Path(ctx, w, a, Node{Selector: w.sel("Z")}, DefaultPathLimits); !errors.Is(err, ErrNoPath) {
		t.Fatalf("path to Z: %v; want ErrNoPath", err)
	}
}

func TestPairwiseScores(t *testing.T) {
	// Truth: {a b c} {d e}. Prediction merges everything: 10 pairs, 4 right.
	s := PairwiseScores([]string{"x", "x", "x", "x", "x"}, []string{"1", "1", "1", "2", "2"})
	if s.PredictedPairs != 10 || s.TruePairs != 4 || s.CorrectPairs != 4 || s.Precision != 0.4 || s.Recall != 1 {
		t.Errorf("merged = %+v", s)
	}
	// Prediction splits c off: 2 pairs (ab, de), both right; 4 true pairs.
	s = PairwiseScores([]string{"x", "x", "y", "z", "z"}, []string{"1", "1", "1", "2", "2"})
	if s.Precision != 1 || s.Recall != 0.5 {
		t.Errorf("split = %+v", s)
	}
}

func TestHotlineHubWhenOneNetworkDominates(t *testing.T) {
	// One network holds nearly every report; a hotline that a few victims
	// of every network mention mostly lands in it, as chance would have it,
	// and must still not merge the small networks into it.
	w := newWorld()
	add := func(net, size int) {
		for j := 0; j < size; j++ {
			sels := []string{fmt.Sprintf("wallet:%d", net), fmt.Sprintf("phone:%d:%d", net, j%3)}
			if j%25 == 0 {
				sels = append(sels, "hotline:1588")
			}
			w.report(fmt.Sprintf("n%02d-r%04d", net, j), model.ReportFigures{}, sels...)
		}
	}
	add(0, 2000)
	for n := 1; n <= 6; n++ {
		add(n, 30)
	}
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Networks) != 7 || len(res.Hubs) != 1 || w.selName[int64(res.Hubs[0].SelectorID)] != "hotline:1588" {
		t.Fatalf("got %d networks and hubs %+v; want 7 networks and the hotline as the one hub", len(res.Networks), res.Hubs)
	}
}

func TestGlueSelectorIsNotHub(t *testing.T) {
	// Reports of one network held together by a handle that half its
	// victims name, beside phones that pairs of them share: the handle's
	// neighbours live where it lives, so it links the network.
	w := newWorld()
	for j := 0; j < 400; j++ {
		sels := []string{fmt.Sprintf("phone:%d", j/2)}
		if j%2 == 0 {
			sels = append(sels, "handle:main")
		}
		w.report(fmt.Sprintf("r%04d", j), model.ReportFigures{}, sels...)
	}
	res, err := Run(context.Background(), w, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Networks) != 1 || len(res.Hubs) != 0 {
		t.Fatalf("got %d networks, %d hubs; want one network and no hub", len(res.Networks), len(res.Hubs))
	}
}
