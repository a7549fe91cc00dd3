package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/scamint/scamint/internal/ingest"
	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
	"github.com/scamint/scamint/internal/store"
)

const benchAbout = `Measure ingest and correlation at scale on this machine: simulate N reports,
ingest them into a fresh store, correlate, score the networks against the
simulator's truth, time lookups of selectors spread over the store, and time
the ingest of one more report with its correlation hits. docs/benchmarks.md
reports the figures.`

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench", "bench [--reports N] [--seed S] [--dir DIR] [--lookups N] [--json]", benchAbout)
	n := fs.Int("reports", 100000, "how many simulated reports")
	seed := fs.Uint64("seed", 1, "which world")
	dir := fs.String("dir", "", "directory for the files (default: a temporary one, removed after)")
	lookups := fs.Int("lookups", 2000, "how many lookups to time")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest and correlation to this file (go tool pprof)")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"bench takes no arguments"}
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "scamint-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	} else if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	fig := map[string]any{"reports": *n, "seed": *seed, "cpus": runtime.NumCPU(), "go": runtime.Version()}
	say := func(format string, args ...any) {
		if !*asJSON {
			fmt.Fprintf(e.stdout, format+"\n", args...)
		}
	}

	reports, truth := filepath.Join(*dir, "reports.jsonl"), filepath.Join(*dir, "truth.jsonl")
	start := time.Now()
	if _, err := writeWorld(*n, *seed, reports, truth); err != nil {
		return err
	}
	fig["simulate_s"] = time.Since(start).Seconds()
	say("simulate %d reports: %.1fs", *n, fig["simulate_s"])

	resetPeakRSS()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer f.Close()
	}
	db := filepath.Join(*dir, "bench.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	begin := func(ctx context.Context) (ingest.Tx, error) { return st.Begin(ctx) }
	start = time.Now()
	res, err := ingest.File(ctx, begin, reports, ingest.Options{IngestedBy: "bench"})
	if err != nil {
		return err
	}
	ingestS := time.Since(start).Seconds()
	start = time.Now()
	cres, err := recorrelate(ctx, st)
	if err != nil {
		return err
	}
	corrS := time.Since(start).Seconds()
	fig["ingest_s"], fig["correlate_s"], fig["ingest_correlate_s"] = ingestS, corrS, ingestS+corrS
	fig["mentions"], fig["networks"], fig["hubs"] = res.Mentions, len(cres.Networks), len(cres.Hubs)
	fig["peak_rss_mb"] = peakRSSMB()
	pprof.StopCPUProfile()
	say("ingest: %.1fs (%.0f reports/s, %d selector mentions); correlate: %.1fs; together %.1fs; peak RSS %v MB",
		ingestS, float64(*n)/ingestS, res.Mentions, corrS, ingestS+corrS, fig["peak_rss_mb"])

	scores, err := scoreAgainstTruth(ctx, st, truth, res.SHA256)
	if err != nil {
		return err
	}
	fig["precision"], fig["recall"] = scores.Precision, scores.Recall
	say("networks: %d, hubs: %d; pairwise precision %.4f, recall %.4f against the truth", len(cres.Networks), len(cres.Hubs), scores.Precision, scores.Recall)

	// Lookups of selectors spread over the store, through the same code
	// as `scamint lookup`.
	ids, err := st.SampleSelectors(ctx, *lookups)
	if err != nil {
		return err
	}
	var sels []selector.Selector
	for _, id := range ids {
		si, err := st.SelectorByID(ctx, model.SelectorID(id))
		if err != nil {
			return err
		}
		sels = append(sels, selector.Selector{Kind: si.Kind, Canonical: si.Canonical, Display: si.Display, Valid: true})
	}
	var took []time.Duration
	for _, s := range sels {
		t0 := time.Now()
		if _, err := lookup(ctx, st, selector.Parse(s.Kind, s.Canonical, selector.Options{}), 50); err != nil {
			return err
		}
		took = append(took, time.Since(t0))
	}
	p50, p99, worst := percentiles(took)
	fig["lookup_p50_ms"], fig["lookup_p99_ms"], fig["lookup_max_ms"] = ms(p50), ms(p99), ms(worst)
	say("lookup (%d selectors, through the CLI's code): p50 %.2f ms, p99 %.2f ms, max %.2f ms", len(took), ms(p50), ms(p99), ms(worst))

	// One more report, naming a selector of a large network, and its hits,
	// on the store in its steady state: the bulk load's write-ahead log
	// is checkpointed first, or the first small commit would pay for it.
	if err := st.Checkpoint(ctx); err != nil {
		return err
	}
	one := filepath.Join(*dir, "one.jsonl")
	if err := writeOneReport(ctx, st, one, *seed); err != nil {
		return err
	}
	start = time.Now()
	r1, err := ingest.File(ctx, begin, one, ingest.Options{IngestedBy: "bench"})
	if err != nil {
		return err
	}
	tIngest := time.Since(start)
	full, _, err := correlateNew(ctx, st)
	if err != nil {
		return err
	}
	tCorrelate := time.Since(start) - tIngest
	if full {
		return fmt.Errorf("bench: one report was not correlated incrementally")
	}
	// Its correlation hits: every record and network its selectors name.
	hits := 0
	seq, err := st.RecordSeq(ctx, r1.NewRecords[0])
	if err != nil {
		return err
	}
	newSels, err := st.SelectorsOf(ctx, seq)
	if err != nil {
		return err
	}
	for _, id := range newSels {
		si, err := st.SelectorByID(ctx, model.SelectorID(id))
		if err != nil {
			return err
		}
		ans, err := lookup(ctx, st, selector.Parse(si.Kind, si.Canonical, selector.Options{}), 50)
		if err != nil {
			return err
		}
		hits += len(ans.Hits)
	}
	oneTotal := time.Since(start)
	fig["one_report_ms"] = ms(oneTotal)
	fig["one_report_ingest_ms"], fig["one_report_correlate_ms"] = ms(tIngest), ms(tCorrelate)
	say("one more report: ingested, correlated into its network and its %d hits listed in %.1f ms (ingest %.1f, correlate %.1f, hits %.1f)",
		hits, ms(oneTotal), ms(tIngest), ms(tCorrelate), ms(oneTotal-tIngest-tCorrelate))
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(fig)
	}
	return nil
}

// writeOneReport writes a one-report file that names a phone already in
// the store, so that its ingest has correlation hits.
func writeOneReport(ctx context.Context, st *store.Store, path string, seed uint64) error {
	nets, err := st.Networks(ctx, store.ByReports, 1)
	if err != nil || len(nets) == 0 {
		return fmt.Errorf("bench: no network to join: %v", err)
	}
	sels, err := st.NetworkSelectors(ctx, nets[0].ID, 10)
	if err != nil {
		return err
	}
	r := model.Report{ID: "BENCH-" + strconv.FormatUint(rand.Uint64(), 36), Received: "2026-11-27",
		Victim: model.Victim{Name: "Simulated Bench", Country: "KR"}, ScamType: model.PigButchering,
		Narrative: "Simulated report for the benchmark."}
	// The network's most shared selector that is not a hub, in the field
	// for its kind.
	for _, s := range sels {
		if s.Hub != nil {
			continue
		}
		switch s.Kind {
		case selector.Phone:
			r.Contacts.Phones = append(r.Contacts.Phones, s.Canonical)
		case selector.Crypto:
			r.Contacts.Wallets = append(r.Contacts.Wallets, s.Canonical)
		case selector.Bank, selector.IBAN:
			r.Contacts.BankAccounts = append(r.Contacts.BankAccounts, s.Canonical)
		case selector.Email:
			r.Contacts.Emails = append(r.Contacts.Emails, s.Canonical)
		case selector.URL, selector.Domain:
			r.Contacts.URLs = append(r.Contacts.URLs, s.Canonical)
		default:
			r.Contacts.Messengers = append(r.Contacts.Messengers, s.Canonical)
		}
		break
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func percentiles(d []time.Duration) (p50, p99, worst time.Duration) {
	if len(d) == 0 {
		return 0, 0, 0
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2], d[min(len(d)-1, len(d)*99/100)], d[len(d)-1]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// resetPeakRSS resets the kernel's peak-RSS mark of this process (Linux),
// so that peakRSSMB measures from here.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSSMB reads the process's peak resident set size in MB (Linux), or
// "unknown" elsewhere.
func peakRSSMB() any {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, err := strconv.Atoi(f[1])
				if err == nil {
					return kb / 1024
				}
			}
		}
	}
	return "unknown"
}
