package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
	"github.com/scamint/scamint/internal/store"
)

const lookupAbout = `Look a selector up: detect its kind (or take --kind), canonicalise it, and list
every record that mentions it, the networks those records are in, and whether
it is a hub (too common to link networks).`

type lookupJSON struct {
	Kind      selector.Kind `json:"kind"`
	Input     string        `json:"input"`
	Canonical string        `json:"canonical"`
	Display   string        `json:"display"`
	Known     bool          `json:"known"`
	Records   int           `json:"records"`
	Hub       *hubJSON      `json:"hub"`
	Networks  []string      `json:"networks"`
	Hits      []hitJSON     `json:"hits"`
}

type hubJSON struct {
	Degree   int    `json:"degree"`
	Networks int    `json:"networks"`
	Reason   string `json:"reason"`
}

type hitJSON struct {
	RecordID     model.RecordID `json:"record_id"`
	NetworkID    string         `json:"network_id"`
	Field        string         `json:"field,omitempty"`
	Extracted    bool           `json:"extracted,omitempty"`
	Received     string         `json:"received,omitempty"`
	ScamType     model.ScamType `json:"scam_type,omitempty"`
	SourceFile   string         `json:"source_file"`
	SourceSHA256 string         `json:"source_sha256"`
	Locator      string         `json:"locator"`
	IngestedAt   time.Time      `json:"ingested_at"`
	IngestedBy   string         `json:"ingested_by"`
}

func toHitJSON(h store.RecordHit) hitJSON {
	return hitJSON{h.RecordID, h.NetworkID, h.Field, h.Extracted, h.Received, h.ScamType, h.SourceFile,
		h.SourceSHA256, h.Locator, h.IngestedAt, h.IngestedBy}
}

// lookup answers the question of `scamint lookup` for a parsed selector.
func lookup(ctx context.Context, st *store.Store, sel selector.Selector, limit int) (lookupJSON, error) {
	out := lookupJSON{Kind: sel.Kind, Input: sel.Input, Canonical: sel.Canonical, Display: sel.Display, Networks: []string{}, Hits: []hitJSON{}}
	si, err := st.Selector(ctx, sel.Kind, sel.Canonical)
	if errors.Is(err, store.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	out.Known, out.Records = true, si.Records
	if si.Hub != nil {
		out.Hub = &hubJSON{si.Hub.Degree, si.Hub.Networks, si.Hub.Reason}
	}
	hits, err := st.SelectorHits(ctx, si.ID, limit)
	if err != nil {
		return out, err
	}
	seen := map[string]bool{}
	for _, h := range hits {
		out.Hits = append(out.Hits, toHitJSON(h))
		if h.NetworkID != "" && !seen[h.NetworkID] {
			seen[h.NetworkID] = true
			out.Networks = append(out.Networks, h.NetworkID)
		}
	}
	return out, nil
}

func runLookup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "lookup", "lookup VALUE [--kind KIND] [--region CC] [--limit N] [--json]", lookupAbout)
	kind := fs.String("kind", "", "the selector's kind, when detection would guess wrong")
	region := regionFlag(fs, e, "country for a national-format phone number or bank account")
	limit := fs.Int("limit", 50, "most records to list")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"need exactly one VALUE"}
	}
	opts := selector.Options{Region: string(*region)}
	var sel selector.Selector
	if *kind != "" {
		if !selector.Kind(*kind).Valid() {
			return usageError{fmt.Sprintf("unknown kind %q", *kind)}
		}
		sel = selector.Parse(selector.Kind(*kind), pos[0], opts)
	} else {
		sel = selector.Detect(pos[0], opts)
	}
	if !sel.Valid {
		return fmt.Errorf("%q: %s", pos[0], sel.Reason)
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	out, err := lookup(ctx, st, sel, *limit)
	if err != nil {
		return err
	}
	out.Input = pos[0]
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	return printLookup(e.stdout, sel, out)
}

// printLookup writes a lookup's answer for a person.
func printLookup(w io.Writer, sel selector.Selector, out lookupJSON) error {
	disp := sel.Display
	if sel.Kind == selector.Phone {
		disp = selector.FormatPhone(sel.Canonical)
	}
	fmt.Fprintf(w, "%s %s  (%s)\n", sel.Kind, sel.Canonical, disp)
	if !out.Known {
		fmt.Fprintln(w, "not in the store: no record mentions it")
		return nil
	}
	fmt.Fprintf(w, "mentioned in %d records", out.Records)
	if len(out.Hits) < out.Records {
		fmt.Fprintf(w, " (first %d listed)", len(out.Hits))
	}
	fmt.Fprintf(w, "; networks: %s\n", strings.Join(out.Networks, ", "))
	if out.Hub != nil {
		fmt.Fprintf(w, "HUB: not used to link networks — %s (in %d networks)\n", out.Hub.Reason, out.Hub.Networks)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RECORD\tNETWORK\tRECEIVED\tSCAM TYPE\tFIELD\tSOURCE")
	for _, h := range out.Hits {
		field := h.Field
		if h.Extracted {
			field += " (extracted)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s %s (sha256 %s)\n", h.RecordID, h.NetworkID, h.Received, h.ScamType, field,
			h.SourceFile, h.Locator, shortHash(h.SourceSHA256))
	}
	return tw.Flush()
}
