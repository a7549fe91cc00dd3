package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/scamint/scamint/internal/ingest"
	"github.com/scamint/scamint/internal/selector"
	"github.com/scamint/scamint/internal/store"
)

const demoAbout = `Build a demo world and show it: simulate victim reports from scam-centre
networks (every person in them invented), ingest them into a fresh store,
correlate them into networks, and walk through the questions investigators
ask. Needs no network. Leaves its files in --dir, so the other commands can
be tried on them afterwards.`

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "demo [--reports N] [--seed S] [--dir DIR]", demoAbout)
	n := fs.Int("reports", 20000, "how many simulated reports")
	seed := fs.Uint64("seed", 1, "which world")
	dir := fs.String("dir", "scamint-demo", "directory for the demo's files and store")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"demo takes no arguments"}
	}
	if *n < 1 {
		return usageError{"--reports must be at least 1"}
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	reports, truth, db := filepath.Join(*dir, "reports.jsonl"), filepath.Join(*dir, "truth.jsonl"), filepath.Join(*dir, "scamint.db")
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	out := e.stdout
	step := func(format string, args ...any) { fmt.Fprintf(out, "▸ "+format+"\n", args...) }

	start := time.Now()
	world, err := writeWorld(*n, *seed, reports, truth)
	if err != nil {
		return err
	}
	step("simulated %d victim reports from %d scam networks (seed %d) in %.1fs → %s", *n, world.Networks(), *seed, time.Since(start).Seconds(), reports)

	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	start = time.Now()
	bar := newProgress(e, reports)
	res, err := ingest.File(ctx, func(ctx context.Context) (ingest.Tx, error) { return st.Begin(ctx) }, reports,
		ingest.Options{IngestedBy: "demo", Progress: bar.update})
	bar.finish()
	if err != nil {
		return err
	}
	step("ingested %d reports with %d selector mentions into %s in %.1fs", res.New, res.Mentions, db, time.Since(start).Seconds())
	start = time.Now()
	cres, err := recorrelate(ctx, st)
	if err != nil {
		return err
	}
	step("correlated them into %d networks, setting aside %d hubs, in %.1fs", len(cres.Networks), len(cres.Hubs), time.Since(start).Seconds())
	scores, err := scoreAgainstTruth(ctx, st, truth, res.SHA256)
	if err != nil {
		return err
	}
	step("against the simulator's truth: pairwise precision %.4f, recall %.4f", scores.Precision, scores.Recall)

	fmt.Fprintf(out, "\nThe networks with the largest losses (scamint networks --top 5):\n\n")
	nets, err := st.Networks(ctx, store.ByLoss, 5)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NETWORK\tREPORTS\tVICTIMS\tLOSSES\tFIRST\tLAST")
	for _, nw := range nets {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", nw.ID, nw.Reports, nw.Victims, formatLosses(nw), nw.FirstSeen, nw.LastSeen)
	}
	tw.Flush()

	if len(nets) > 0 {
		// A worked lookup: the selector most of the top network's reports
		// share, as an investigator holding it from a seized phone would ask.
		sels, err := st.NetworkSelectors(ctx, nets[0].ID, 20)
		if err != nil {
			return err
		}
		for _, s := range sels {
			if s.Hub != nil || s.Kind == selector.Domain {
				continue
			}
			fmt.Fprintf(out, "\nA worked lookup: which complaints mention %s, and which network is it? (scamint lookup %s)\n\n", s.Canonical, s.Canonical)
			ans, err := lookup(ctx, st, selector.Parse(s.Kind, s.Canonical, selector.Options{}), 5)
			if err != nil {
				return err
			}
			if err := printLookup(out, selector.Parse(s.Kind, s.Canonical, selector.Options{}), ans); err != nil {
				return err
			}
			break
		}
	}
	for _, h := range cres.Hubs {
		si, err := st.SelectorByID(ctx, h.SelectorID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\nA hub, shown but never used to link networks: %s %s, in %d reports across %d networks.\n", si.Kind, si.Canonical, h.Degree, h.Networks)
		break
	}
	fmt.Fprintf(out, "\nTry: scamint --db %s networks --sort reports | network ID | lookup VALUE | path A B\n", db)
	return nil
}
