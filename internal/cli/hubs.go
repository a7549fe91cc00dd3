package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/scamint/scamint/internal/selector"
)

const hubsAbout = `Edit the allow-list of known-benign selectors: a bank's public hotline, an
exchange's deposit address, a victim-support number. Selectors on it are hubs:
shown, never used to link networks. Subcommands:
  hubs list [--json]
  hubs add VALUE [--kind KIND] [--region CC] [--note TEXT]
  hubs remove VALUE [--kind KIND] [--region CC]
Run 'scamint correlate' afterwards to apply the change.`

func runHubs(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "hubs", "hubs list|add|remove [VALUE] [--kind KIND] [--region CC] [--note TEXT] [--json]", hubsAbout)
	kind := fs.String("kind", "", "the selector's kind, when detection would guess wrong")
	region := regionFlag(fs, e, "country for a national-format phone number")
	note := fs.String("note", "", "why the selector is benign")
	asJSON := fs.Bool("json", false, "list as JSON lines")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError{"need list, add or remove"}
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	switch pos[0] {
	case "list":
		list, err := st.BenignList(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			for _, b := range list {
				enc.Encode(map[string]string{"kind": string(b.Kind), "canonical": b.Canonical, "note": b.Note, "added_at": b.AddedAt, "added_by": b.AddedBy})
			}
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "KIND\tSELECTOR\tNOTE\tADDED\tBY")
		for _, b := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", b.Kind, b.Canonical, b.Note, b.AddedAt, b.AddedBy)
		}
		return tw.Flush()
	case "add", "remove":
		if len(pos) != 2 {
			return usageError{"need one VALUE"}
		}
		opts := selector.Options{Region: string(*region)}
		var sel selector.Selector
		if *kind != "" {
			sel = selector.Parse(selector.Kind(*kind), pos[1], opts)
		} else {
			sel = selector.Detect(pos[1], opts)
		}
		if !sel.Valid {
			return fmt.Errorf("%q: %s", pos[1], sel.Reason)
		}
		if pos[0] == "add" {
			if err := st.AddBenign(ctx, sel.Kind, sel.Canonical, *note, whoami(e)); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "added %s %s to the allow-list; run scamint correlate to apply\n", sel.Kind, sel.Canonical)
			return nil
		}
		if err := st.RemoveBenign(ctx, sel.Kind, sel.Canonical); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %s %s from the allow-list; run scamint correlate to apply\n", sel.Kind, sel.Canonical)
		return nil
	}
	return usageError{fmt.Sprintf("unknown hubs subcommand %q", pos[0])}
}
