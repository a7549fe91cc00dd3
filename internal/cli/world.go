package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/scamint/scamint/internal/correlate"
	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/sim"
	"github.com/scamint/scamint/internal/store"
)

// writeWorld simulates a world of n reports into reportsPath (JSON lines)
// and its truth into truthPath.
func writeWorld(n int, seed uint64, reportsPath, truthPath string) (*sim.World, error) {
	w := sim.New(sim.Config{Reports: n, Seed: seed})
	rf, err := os.Create(reportsPath)
	if err != nil {
		return nil, err
	}
	tf, err := os.Create(truthPath)
	if err != nil {
		rf.Close()
		return nil, err
	}
	rb, tb := bufio.NewWriterSize(rf, 1<<20), bufio.NewWriter(tf)
	err = w.WriteJSONL(rb, tb)
	for _, f := range []func() error{rb.Flush, tb.Flush, rf.Close, tf.Close} {
		if ferr := f(); err == nil {
			err = ferr
		}
	}
	return w, err
}

// scoreAgainstTruth scores the store's networks against a simulated world's
// truth: the pairwise precision and recall of its clusters.
func scoreAgainstTruth(ctx context.Context, st *store.Store, truthPath, reportsSHA256 string) (correlate.Scores, error) {
	byID := map[model.RecordID]string{}
	byLine := map[string]string{}
	err := st.RecordNetworks(ctx, func(id model.RecordID, sum, loc, nw string) error {
		byID[id] = nw
		if sum == reportsSHA256 {
			byLine[loc] = nw
		}
		return nil
	})
	if err != nil {
		return correlate.Scores{}, err
	}
	f, err := os.Open(truthPath)
	if err != nil {
		return correlate.Scores{}, err
	}
	defer f.Close()
	var pred, truth []string
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var tl sim.TruthLine
		if err := dec.Decode(&tl); err != nil {
			return correlate.Scores{}, fmt.Errorf("%s: %w", truthPath, err)
		}
		if tl.Cluster == "" {
			continue // a hub or shared-selector line
		}
		nw, ok := byLine["line "+strconv.Itoa(tl.Line)]
		if tl.ReportID != "" {
			nw, ok = byID[model.RecordID("report:"+tl.ReportID)]
		}
		if !ok {
			return correlate.Scores{}, fmt.Errorf("%s: report on line %d is not in the store", truthPath, tl.Line)
		}
		pred, truth = append(pred, nw), append(truth, tl.Cluster)
	}
	return correlate.PairwiseScores(pred, truth), nil
}
