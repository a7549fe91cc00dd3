// Package cli is scamint's command line: one file per subcommand, and the
// only place that wires the other packages together.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// env is what every command runs with: its streams, the store location and
// the process environment, passed in so that tests can run commands with
// buffers and a temporary store.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// db is the store location from --db, $SCAMINT_DB or ./scamint.db.
	db string
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	// usage is the synopsis line after "scamint ".
	usage string
	run   func(ctx context.Context, e *env, args []string) error
}

// commands is the command table, in the order `scamint help` lists it.
func commands() []command {
	return []command{
		{"demo", "build a demo world of simulated reports and walk through it", "demo [--reports N] [--seed S] [--dir DIR]", runDemo},
		{"normalize", "canonicalise selectors (phone, email, url, crypto address, …)", "normalize KIND VALUE... [--region CC] [--network NET] [--json]", runNormalize},
		{"extract", "find selectors in free text", "extract [--region CC] [FILE|-]", runExtract},
		{"ingest", "ingest victim-report files and correlate them", "ingest [--source NAME] [--format F] [--map FILE] [--skip-invalid] FILE...", runIngest},
		{"lookup", "every record and network that mentions a selector", "lookup VALUE [--region CC] [--json]", runLookup},
		{"networks", "the scam networks, by loss, reports or recency", "networks [--top N] [--sort loss|reports|recent] [--json]", runNetworks},
		{"network", "one network: members, selectors, timeline", "network ID [--json]", runNetwork},
		{"path", "the shortest chain of evidence between two selectors or records", "path A B [--json]", runPath},
		{"simulate", "write a synthetic world of victim reports and its truth", "simulate --reports N --seed S --out FILE [--truth FILE] [--format jsonl|csv]", runSimulate},
		{"correlate", "recompute networks and hubs", "correlate", runCorrelate},
		{"hubs", "the allow-list of known-benign selectors", "hubs list|add|remove [VALUE]", runHubs},
		{"bench", "measure ingest, correlation and lookup at scale", "bench [--reports N] [--seed S] [--json]", runBench},
		{"status", "show the store: location, schema version, row counts", "status [--json]", runStatus},
		{"version", "print the version", "version", runVersion},
	}
}

// usageError is a mistake in how a command was called; it exits with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError ends a command with a status and no further message: the
// command has already said what went wrong (normalize printing a reason
// per invalid value, say).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main runs scamint with the arguments after the program name and returns
// the process exit status: 0 success, 1 failure or invalid input, 2 usage.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(ctx, args, &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv})
}

func run(ctx context.Context, args []string, e *env) int {
	global := flag.NewFlagSet("scamint", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dbFlag(global, e)
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			mainUsage(e.stdout)
			return 0
		}
		fmt.Fprintf(e.stderr, "scamint: %v\n", err)
		mainUsage(e.stderr)
		return 2
	}
	rest := global.Args()
	if len(rest) == 0 {
		mainUsage(e.stderr)
		return 2
	}
	name, cmdArgs := rest[0], rest[1:]
	if name == "help" {
		if len(cmdArgs) == 0 {
			mainUsage(e.stdout)
			return 0
		}
		name, cmdArgs = cmdArgs[0], []string{"--help"}
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(ctx, e, cmdArgs)
		var ue usageError
		var xe exitError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &xe):
			return xe.code
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "scamint %s: %s\nusage: scamint %s\n", c.name, ue.msg, c.usage)
			return 2
		default:
			fmt.Fprintf(e.stderr, "scamint %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "scamint: unknown command %q\n", name)
	mainUsage(e.stderr)
	return 2
}

// dbFlag registers --db on fs. Every command accepts it, so it may come
// before or after the command name.
func dbFlag(fs *flag.FlagSet, e *env) {
	def := e.getenv("SCAMINT_DB")
	if def == "" {
		def = "scamint.db"
	}
	if e.db == "" {
		e.db = def
	}
	fs.StringVar(&e.db, "db", e.db, "store: a SQLite file path (default $SCAMINT_DB, else ./scamint.db)")
}

func mainUsage(w io.Writer) {
	fmt.Fprintf(w, "scamint — intelligence for investigators of scam-centre fraud\n\n")
	fmt.Fprintf(w, "usage: scamint [--db PATH] COMMAND [ARGS]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nglobal flags:\n  --db PATH  store location (default $SCAMINT_DB, else ./scamint.db)\n")
	fmt.Fprintf(w, "\nRun 'scamint COMMAND --help' for a command's flags.\n")
}

// newFlags makes the flag set of a command, with --db and a usage text
// that lists the flags.
func newFlags(e *env, c string, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbFlag(fs, e)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: scamint %s\n\n%s\n\nflags:\n", synopsis, strings.TrimSpace(about))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args with flags allowed anywhere among the positional
// arguments (`normalize phone 010-1234-5678 --region KR`), as users type
// them; "--" ends the flags. --help prints the usage to stdout.
func parseFlags(e *env, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		fs.SetOutput(io.Discard)
		err := fs.Parse(args)
		fs.SetOutput(e.stderr)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return nil, flag.ErrHelp
		}
		if err != nil {
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first positional argument, or after "--".
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
