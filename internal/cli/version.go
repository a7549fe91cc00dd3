package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is the release version, set at build time with
// -ldflags "-X github.com/scamint/scamint/internal/cli.Version=v1.2.3".
var Version = "dev"

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "version", "Print scamint's version, the commit it was built from and the Go version.")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"version takes no arguments"}
	}
	commit := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				commit = " " + s.Value[:12]
			}
			if s.Key == "vcs.modified" && s.Value == "true" && commit != "" {
				commit += "+dirty"
			}
		}
	}
	fmt.Fprintf(e.stdout, "scamint %s%s %s\n", Version, commit, runtime.Version())
	return nil
}
