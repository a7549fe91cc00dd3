package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/scamint/scamint/internal/correlate"
	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
	"github.com/scamint/scamint/internal/store"
)

const pathAbout = `Find the shortest chain of evidence between two selectors or records: each step
from one selector to the next names the record that mentions both. Hubs do not
carry a chain. A or B is a record id (report:…) or any selector value.`

type pathStepJSON struct {
	Type         string `json:"type"` // "selector" or "record"
	Kind         string `json:"kind,omitempty"`
	Canonical    string `json:"canonical,omitempty"`
	RecordID     string `json:"record_id,omitempty"`
	NetworkID    string `json:"network_id,omitempty"`
	SourceFile   string `json:"source_file,omitempty"`
	SourceSHA256 string `json:"source_sha256,omitempty"`
	Locator      string `json:"locator,omitempty"`
}

func runPath(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "path", "path A B [--region CC] [--json]", pathAbout)
	region := regionFlag(fs, e, "country for national-format phone numbers")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError{"need two values, A and B"}
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	var ends [2]correlate.Node
	for i, v := range pos {
		if ends[i], err = resolveNode(ctx, st, v, selector.Options{Region: string(*region)}); err != nil {
			return err
		}
	}
	nodes, err := correlate.Path(ctx, st, ends[0], ends[1], correlate.DefaultPathLimits)
	if errors.Is(err, correlate.ErrNoPath) {
		fmt.Fprintf(e.stdout, "no chain of evidence between %s and %s\n", pos[0], pos[1])
		return exitError{1}
	}
	if err != nil {
		return err
	}
	var steps []pathStepJSON
	for _, n := range nodes {
		if n.IsRecord() {
			h, err := st.RecordHitBySeq(ctx, n.Record)
			if err != nil {
				return err
			}
			steps = append(steps, pathStepJSON{Type: "record", RecordID: string(h.RecordID), NetworkID: h.NetworkID,
				SourceFile: h.SourceFile, SourceSHA256: h.SourceSHA256, Locator: h.Locator})
			continue
		}
		si, err := st.SelectorByID(ctx, model.SelectorID(n.Selector))
		if err != nil {
			return err
		}
		steps = append(steps, pathStepJSON{Type: "selector", Kind: string(si.Kind), Canonical: si.Canonical})
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"steps": steps, "hops": len(steps) - 1})
	}
	for i, s := range steps {
		if s.Type == "selector" {
			fmt.Fprintf(e.stdout, "%s %s\n", s.Kind, s.Canonical)
			continue
		}
		verb := "mentioned together in"
		if i == 0 || i == len(steps)-1 {
			verb = "record"
		}
		fmt.Fprintf(e.stdout, "  └─ %s %s (network %s; %s %s, sha256 %s)\n", verb, s.RecordID, s.NetworkID, s.SourceFile, s.Locator, shortHash(s.SourceSHA256))
	}
	return nil
}

// resolveNode reads a path end: a stored record id, else a selector.
func resolveNode(ctx context.Context, st *store.Store, v string, opts selector.Options) (correlate.Node, error) {
	if seq, err := st.RecordSeq(ctx, model.RecordID(v)); err == nil {
		return correlate.Node{Record: seq}, nil
	}
	sel := selector.Detect(v, opts)
	if !sel.Valid {
		return correlate.Node{}, fmt.Errorf("%q is neither a stored record id nor a selector: %s", v, sel.Reason)
	}
	si, err := st.Selector(ctx, sel.Kind, sel.Canonical)
	if errors.Is(err, store.ErrNotFound) {
		return correlate.Node{}, fmt.Errorf("%s %s: no record mentions it", sel.Kind, sel.Canonical)
	}
	if err != nil {
		return correlate.Node{}, err
	}
	return correlate.Node{Selector: int64(si.ID)}, nil
}
