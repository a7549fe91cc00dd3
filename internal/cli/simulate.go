package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/scamint/scamint/internal/sim"
)

const simulateAbout = `Write a synthetic world of victim reports about scam-centre networks,
the same for the same --reports and --seed. Every person, number, account
and site in it is invented.

The format follows --out's extension (.jsonl or .json: JSON lines, one
report per line; .csv: CSV with the report schema's columns) unless
--format names it; --out - writes to standard output.

--truth writes what a correlation should find, as JSON lines: one line per
decoy hub {"hub":{"kind","value"}}, one per selector two networks share
{"shared":{"kind","value","networks"}}, then one per report
{"report_id","line","network","cluster"} (report_id absent when the report
has none; line is where the report starts in --out).`

func runSimulate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "simulate", "simulate --reports N --seed S --out FILE [--truth FILE] [--format jsonl|csv]", simulateAbout)
	reports := fs.Int("reports", 0, "number of reports (required)")
	seed := fs.Uint64("seed", 1, "seed of the world")
	out := fs.String("out", "", "report file to write (required; - for standard output)")
	truth := fs.String("truth", "", "truth file to write (JSON lines)")
	format := fs.String("format", "", "jsonl or csv (default: from --out's extension)")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usageError{fmt.Sprintf("unexpected argument %q", pos[0])}
	case *reports < 1:
		return usageError{"--reports must be at least 1"}
	case *out == "":
		return usageError{"--out is required"}
	case *truth == "-" && *out == "-":
		return usageError{"--out and --truth cannot both be standard output"}
	}
	f := strings.ToLower(*format)
	if f == "" {
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".jsonl", ".json":
			f = "jsonl"
		case ".csv":
			f = "csv"
		default:
			if *out != "-" {
				return usageError{fmt.Sprintf("cannot tell the format of %q from its extension: give --format jsonl or csv", *out)}
			}
			f = "jsonl"
		}
	}
	if f != "jsonl" && f != "csv" {
		return usageError{fmt.Sprintf("unknown format %q (want jsonl or csv)", *format)}
	}

	w := sim.New(sim.Config{Reports: *reports, Seed: *seed})
	write := w.WriteJSONL
	if f == "csv" {
		write = w.WriteCSV
	}
	err = writeOutputs(e, *out, *truth, func(o, t io.Writer) error { return write(o, t) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d reports from %d networks (%d hubs, %d shared selectors) to %s\n",
		*reports, w.Networks(), len(w.Hubs()), len(w.SharedSelectors()), *out)
	return nil
}

// writeOutputs runs write with the report and truth files open. Files are
// written under temporary names and renamed into place only when all of
// it succeeded, so a failed run leaves no half-written world behind.
func writeOutputs(e *env, out, truth string, write func(o, t io.Writer) error) error {
	var pending []*os.File
	defer func() {
		for _, f := range pending {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	open := func(path string) (io.Writer, error) {
		if path == "-" {
			return e.stdout, nil
		}
		f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
		if err != nil {
			return nil, err
		}
		pending = append(pending, f)
		return f, nil
	}
	o, err := open(out)
	if err != nil {
		return err
	}
	var t io.Writer
	if truth != "" {
		if t, err = open(truth); err != nil {
			return err
		}
	}
	if err := write(o, t); err != nil {
		return fmt.Errorf("write the world: %w", err)
	}
	targets := []string{}
	if out != "-" {
		targets = append(targets, out)
	}
	if truth != "" && truth != "-" {
		targets = append(targets, truth)
	}
	for i, f := range pending {
		// CreateTemp makes the file private; the outputs are ordinary
		// files, like those of any other command.
		if err := f.Chmod(0o644); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), targets[i]); err != nil {
			return err
		}
	}
	pending = nil
	return nil
}
