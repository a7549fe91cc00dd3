package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/scamint/scamint/internal/store"
)

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "status [--json]", "Open the store (creating it and applying migrations if needed) and show its\nlocation, schema version and row counts.")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"status takes no arguments"}
	}
	st, err := store.Open(ctx, e.db)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		return enc.Encode(struct {
			Store         string           `json:"store"`
			SchemaVersion int              `json:"schema_version"`
			Rows          map[string]int64 `json:"rows"`
		}{e.db, stats.SchemaVersion, stats.Rows})
	}
	fmt.Fprintf(e.stdout, "store:          %s (SQLite)\nschema version: %d\n", e.db, stats.SchemaVersion)
	for _, t := range store.Tables() {
		fmt.Fprintf(e.stdout, "%-17s %d\n", t+":", stats.Rows[t])
	}
	return nil
}
