package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/store"
)

type networkJSON struct {
	ID           string                 `json:"id"`
	Reports      int                    `json:"reports"`
	Victims      int                    `json:"victims"`
	Selectors    int                    `json:"selectors"`
	Losses       map[string]string      `json:"losses"`
	LossUSD      float64                `json:"loss_usd_approx"`
	FirstSeen    string                 `json:"first_seen"`
	LastSeen     string                 `json:"last_seen"`
	ScamTypes    map[model.ScamType]int `json:"scam_types"`
	TopSelectors []selectorCountJSON    `json:"top_selectors"`
}

type selectorCountJSON struct {
	Kind      string `json:"kind"`
	Canonical string `json:"canonical"`
	Records   int    `json:"records"`
	InNetwork int    `json:"in_network"`
	Hub       bool   `json:"hub"`
}

func toNetworkJSON(n model.Network, top []store.SelectorCount) networkJSON {
	out := networkJSON{ID: n.ID, Reports: n.Reports, Victims: n.Victims, Selectors: n.Selectors, Losses: n.Losses,
		LossUSD: n.LossUSD, FirstSeen: n.FirstSeen, LastSeen: n.LastSeen, ScamTypes: n.ScamTypes, TopSelectors: []selectorCountJSON{}}
	for _, s := range top {
		out.TopSelectors = append(out.TopSelectors, selectorCountJSON{string(s.Kind), s.Canonical, s.Records, s.InNetwork, s.Hub != nil})
	}
	return out
}

func formatScamTypes(m map[model.ScamType]int) string {
	var parts []string
	for _, t := range model.SortedScamTypes(m) {
		parts = append(parts, fmt.Sprintf("%s %d", t, m[t]))
	}
	return strings.Join(parts, ", ")
}

func runNetworks(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "networks", "networks [--top N] [--sort loss|reports|recent] [--json]",
		"List the scam networks correlation found: reports, victims, losses per currency,\nfirst and last seen, scam types, and the selectors most of their reports share.")
	top := fs.Int("top", 10, "how many networks to list")
	sortBy := fs.String("sort", "loss", "order: loss (approximate US dollars), reports or recent")
	asJSON := fs.Bool("json", false, "print one JSON object per network")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"networks takes no arguments"}
	}
	by := store.NetworkSort(*sortBy)
	if by != store.ByLoss && by != store.ByReports && by != store.ByRecent {
		return usageError{fmt.Sprintf("unknown --sort %q (want loss, reports or recent)", *sortBy)}
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	nets, err := st.Networks(ctx, by, *top)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	if !*asJSON {
		if len(nets) == 0 {
			fmt.Fprintln(e.stdout, "no networks: ingest reports first (scamint ingest FILE)")
			return nil
		}
		fmt.Fprintln(tw, "NETWORK\tREPORTS\tVICTIMS\tLOSSES\tFIRST\tLAST\tSCAM TYPES\tTOP SELECTORS")
	}
	for _, n := range nets {
		sels, err := st.NetworkSelectors(ctx, n.ID, 3)
		if err != nil {
			return err
		}
		if *asJSON {
			if err := enc.Encode(toNetworkJSON(n, sels)); err != nil {
				return err
			}
			continue
		}
		var names []string
		for _, s := range sels {
			names = append(names, fmt.Sprintf("%s(%d)", s.Canonical, s.InNetwork))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n", n.ID, n.Reports, n.Victims, formatLosses(n), n.FirstSeen, n.LastSeen,
			formatScamTypes(n.ScamTypes), strings.Join(names, " "))
	}
	return tw.Flush()
}

func runNetwork(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "network", "network ID [--limit N] [--json]", "Show one network: its summary, its selectors (hubs marked) and its timeline of\nreports with their provenance.")
	limit := fs.Int("limit", 100, "most selectors and reports to list")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"need exactly one network ID"}
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Network(ctx, pos[0])
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no network %s (ids change only when membership does; run scamint networks)", pos[0])
	}
	if err != nil {
		return err
	}
	sels, err := st.NetworkSelectors(ctx, n.ID, *limit)
	if err != nil {
		return err
	}
	timeline, err := st.NetworkTimeline(ctx, n.ID, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			networkJSON
			Members  int       `json:"members"`
			Timeline []hitJSON `json:"timeline"`
		}{toNetworkJSON(n, sels), len(n.Records), []hitJSON{}}
		for _, h := range timeline {
			out.Timeline = append(out.Timeline, toHitJSON(h))
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	fmt.Fprintf(e.stdout, "network %s\n  reports %d, victims %d, selectors %d\n  losses: %s\n  seen %s to %s\n  scam types: %s\n\n",
		n.ID, n.Reports, n.Victims, n.Selectors, formatLosses(n), n.FirstSeen, n.LastSeen, formatScamTypes(n.ScamTypes))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SELECTOR\tKIND\tREPORTS HERE\tREPORTS IN ALL\tHUB")
	for _, s := range sels {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", s.Canonical, s.Kind, s.InNetwork, s.Records, hubMark(s.SelectorInfo))
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
	tw = tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RECEIVED\tRECORD\tSCAM TYPE\tSOURCE")
	for _, h := range timeline {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s %s (sha256 %s)\n", h.Received, h.RecordID, h.ScamType, h.SourceFile, h.Locator, shortHash(h.SourceSHA256))
	}
	if len(timeline) < len(n.Records) {
		fmt.Fprintf(tw, "…\t%d more\t\t\n", len(n.Records)-len(timeline))
	}
	return tw.Flush()
}
