package cli

import (
	"context"
)

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "status [--json]", "Open the store (creating and migrating it if needed) and show its location, schema version and row counts.")
	fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(e, fs, args); err != nil {
		return err
	}
	return usageError{"status: the store is not wired in yet"}
}
