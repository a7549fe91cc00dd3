package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/scamint/scamint/internal/correlate"
	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/store"
)

// openStore opens the store the command was pointed at.
func openStore(ctx context.Context, e *env) (*store.Store, error) {
	return store.Open(ctx, e.db)
}

// recorrelate runs a full correlation of st and saves it.
func recorrelate(ctx context.Context, st *store.Store) (*correlate.Result, error) {
	res, err := correlate.Run(ctx, st, correlate.DefaultConfig)
	if err != nil {
		return nil, err
	}
	if err := st.SaveCorrelation(ctx, res.Networks, res.Hubs, res.ThroughSeq); err != nil {
		return nil, err
	}
	return res, nil
}

// maxIncremental is the most new records correlated one by one; more than
// that, and a full run is faster.
const maxIncremental = 2000

// correlateNew brings the saved correlation up to date: records stored
// since it are added one by one when they are few, else everything is
// correlated again. full reports which it did.
func correlateNew(ctx context.Context, st *store.Store) (full bool, res *correlate.Result, err error) {
	seqs, saved, err := st.Uncorrelated(ctx, maxIncremental)
	if err != nil {
		return false, nil, err
	}
	if !saved || len(seqs) > maxIncremental {
		res, err := recorrelate(ctx, st)
		return true, res, err
	}
	return false, nil, correlate.AddRecords(ctx, st, seqs)
}

// whoami names the person ingesting, for provenance: the login name of the
// operating-system user, as a command line has nothing better.
func whoami(e *env) string {
	for _, k := range []string{"SCAMINT_USER", "USER", "USERNAME"} {
		if v := e.getenv(k); v != "" {
			return v
		}
	}
	if h, err := os.Hostname(); err == nil {
		return "unknown@" + h
	}
	return "unknown"
}

// formatLosses writes per-currency sums as "12,500 USDT, 3,000,000 KRW",
// largest first by approximate value.
func formatLosses(n model.Network) string {
	s := ""
	for _, cur := range sortedLossCurrencies(n.Losses) {
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%s %s", groupThousands(n.Losses[cur]), cur)
	}
	if s == "" {
		return "-"
	}
	return s
}
