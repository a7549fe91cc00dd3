package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/scamint/scamint/internal/ingest"
	"github.com/scamint/scamint/internal/ingest/report"
)

const ingestAbout = `Ingest victim-report files (CSV, JSON or JSON lines; see docs/reports.md),
then correlate the store into networks.

Each file is stored all or nothing: a malformed report stops the file with
its name, line and reason, and nothing of that file is kept. With
--skip-invalid the good reports are stored and the rejected ones written, with
their reasons, to the rejects file. Ingesting a file again, or one that
overlaps, adds nothing twice. A killed ingest leaves the store as it was;
running the command again completes it.`

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "ingest [--source NAME] [--format csv|tsv|json|jsonl] [--map FILE] [--region CC] [--skip-invalid [--rejects FILE]] FILE...", ingestAbout)
	source := fs.String("source", "", "agency or system the reports come from; namespaces their report ids")
	format := fs.String("format", "", "file format: csv, tsv, json or jsonl (default: detected)")
	mapFile := fs.String("map", "", "JSON file mapping schema columns to the CSV file's columns")
	region := regionFlag(fs, e, "country for national-format numbers in reports without a victim country")
	skip := fs.Bool("skip-invalid", false, "store the good reports of a file with bad ones")
	rejects := fs.String("rejects", "", "where --skip-invalid writes rejected reports (default FILE.rejects.jsonl)")
	noCorrelate := fs.Bool("no-correlate", false, "do not correlate after ingesting")
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	files, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError{"need at least one FILE"}
	}
	var mapping report.Mapping
	if *mapFile != "" {
		f, err := os.Open(*mapFile)
		if err != nil {
			return err
		}
		mapping, err = report.LoadMapping(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *mapFile, err)
		}
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	begin := func(ctx context.Context) (ingest.Tx, error) { return st.Begin(ctx) }
	total := 0
	for _, path := range files {
		opts := ingest.Options{Source: *source, Format: report.Format(*format), Mapping: mapping, Region: string(*region),
			SkipInvalid: *skip, IngestedBy: whoami(e)}
		var rf *os.File
		if *skip {
			name := *rejects
			if name == "" {
				name = path + ".rejects.jsonl"
			}
			if rf, err = os.Create(name); err != nil {
				return err
			}
			opts.Rejects = rf
		}
		bar := newProgress(e, path)
		opts.Progress = bar.update
		start := time.Now()
		res, err := ingest.File(ctx, begin, path, opts)
		bar.finish()
		if rf != nil {
			if cerr := rf.Close(); err == nil {
				err = cerr
			}
			if res.Rejected == 0 {
				os.Remove(rf.Name())
			}
		}
		if err != nil {
			return fmt.Errorf("%w (nothing from %s was stored)", err, path)
		}
		total += res.New
		printIngest(e.stdout, res, time.Since(start), *asJSON)
		for _, w := range res.Warnings {
			fmt.Fprintf(e.stderr, "warning: %s\n", w)
		}
		if res.InvalidSelectors > len(res.Warnings) {
			fmt.Fprintf(e.stderr, "warning: %d more invalid selectors\n", res.InvalidSelectors-len(res.Warnings))
		}
	}
	if *noCorrelate {
		return nil
	}
	if total > 10000 {
		// A bulk load leaves a large write-ahead log; copy it into the
		// store now rather than in the next small commit.
		if err := st.Checkpoint(ctx); err != nil {
			return err
		}
	}
	start := time.Now()
	full, cres, err := correlateNew(ctx, st)
	if err != nil {
		return fmt.Errorf("correlate: %w", err)
	}
	if !*asJSON {
		if full {
			fmt.Fprintf(e.stdout, "correlated: %d networks, %d hubs (%.1fs)\n", len(cres.Networks), len(cres.Hubs), time.Since(start).Seconds())
		} else {
			fmt.Fprintf(e.stdout, "correlated the new records into the saved networks (%.0f ms; scamint correlate re-evaluates hubs)\n",
				float64(time.Since(start).Microseconds())/1000)
		}
	}
	return nil
}

func printIngest(w io.Writer, r ingest.Result, took time.Duration, asJSON bool) {
	if asJSON {
		json.NewEncoder(w).Encode(map[string]any{
			"file": r.File, "sha256": r.SHA256, "reports": r.Reports, "new": r.New, "rejected": r.Rejected,
			"mentions": r.Mentions, "invalid_selectors": r.InvalidSelectors, "seconds": took.Seconds(),
		})
		return
	}
	fmt.Fprintf(w, "%s: %d reports, %d new, %d already stored, %d rejected, %d selector mentions (sha256 %s, %.1fs)\n",
		r.File, r.Reports, r.New, r.Reports-r.New-r.Rejected, r.Rejected, r.Mentions, shortHash(r.SHA256), took.Seconds())
}

func runCorrelate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "correlate", "correlate [--truth FILE --reports FILE]", "Recompute the networks and hubs of the whole store (ingest does this itself;\nrun it after editing the allow-list). With the truth file and the reports file\nof a simulated world, also score the networks against the truth.")
	truth := fs.String("truth", "", "truth file written by scamint simulate")
	reports := fs.String("reports", "", "the reports file of that world, as ingested")
	if pos, err := parseFlags(e, fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError{"correlate takes no arguments"}
	}
	if (*truth == "") != (*reports == "") {
		return usageError{"--truth and --reports go together"}
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	res, err := recorrelate(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "correlated: %d networks, %d hubs (%.1fs)\n", len(res.Networks), len(res.Hubs), time.Since(start).Seconds())
	if *truth == "" {
		return nil
	}
	sum, _, err := ingest.FileSHA256(*reports)
	if err != nil {
		return err
	}
	sc, err := scoreAgainstTruth(ctx, st, *truth, sum)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "against the truth: pairwise precision %.4f, recall %.4f (%d reports)\n", sc.Precision, sc.Recall, sc.Items)
	return nil
}
