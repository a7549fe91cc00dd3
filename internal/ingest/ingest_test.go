package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
	"github.com/scamint/scamint/internal/store"
)

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func beginOn(st *store.Store) BeginFunc {
	return func(ctx context.Context) (Tx, error) { return st.Begin(ctx) }
}

func records(t *testing.T, st *store.Store) int64 {
	t.Helper()
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return stats.Rows["records"]
}

func TestIngestJSONLines(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	res, err := File(ctx, beginOn(st), "testdata/two-networks.jsonl", Options{IngestedBy: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Reports != 5 || res.New != 5 || res.Rejected != 0 || res.InvalidSelectors != 0 {
		t.Fatalf("result = %+v; want 5 reports, 5 new", res)
	}
	// The narrative's national-format number is read in the victim's country.
	m, err := st.SelectorRecords(ctx, selector.Phone, "+821098765432")
	if err != nil || len(m) != 1 || !m[0].Extracted || m[0].Field != "narrative" || m[0].Provenance.RecordID != "report:A-1" {
		t.Fatalf("narrative phone mentions = %+v, %v; want one extracted from report:A-1", m, err)
	}
	if m[0].Provenance.SourceFileSHA256 != res.SHA256 || m[0].Provenance.Locator != "line 1" || m[0].Provenance.IngestedBy != "test" {
		t.Errorf("provenance = %+v; want the file's SHA-256, line 1, ingested by test", m[0].Provenance)
	}
	// The Telegram handle written two ways is one selector in two records.
	if m, err := st.SelectorRecords(ctx, selector.Telegram, "telegram:prince_vip_desk"); err != nil || len(m) != 2 {
		t.Fatalf("telegram mentions = %d, %v; want 2", len(m), err)
	}
	// A URL also links at the registrable domain.
	if m, err := st.SelectorRecords(ctx, selector.Domain, "prince-invest.co.kr"); err != nil || len(m) != 2 {
		t.Fatalf("domain mentions = %d, %v; want 2 (app. and login.)", len(m), err)
	}
	// The report without an id gets its content hash.
	var hashed int
	for _, id := range res.NewRecords {
		if strings.HasPrefix(string(id), "report:sha256:") {
			hashed++
		}
	}
	if hashed != 1 {
		t.Errorf("records with a content-hash id = %d; want 1 (%v)", hashed, res.NewRecords)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "s.db"))
	if _, err := File(ctx, beginOn(st), "testdata/two-networks.jsonl", Options{IngestedBy: "test"}); err != nil {
		t.Fatal(err)
	}
	stats1, _ := st.Stats(ctx)
	res, err := File(ctx, beginOn(st), "testdata/two-networks.jsonl", Options{IngestedBy: "test"})
	if err != nil || res.New != 0 || res.Mentions != 0 {
		t.Fatalf("second ingest = %+v, %v; want nothing new", res, err)
	}
	// An overlapping file: two old reports and one new, in another file.
	data, _ := os.ReadFile("testdata/two-networks.jsonl")
	lines := strings.SplitAfter(string(data), "\n")
	overlap := lines[3] + lines[4] + `{"report_id":"A-9","victim":{"country":"KR"},"contacts":{"phones":["+855 97 123 4567"]}}` + "\n"
	path := filepath.Join(dir, "overlap.jsonl")
	os.WriteFile(path, []byte(overlap), 0o644)
	res, err = File(ctx, beginOn(st), path, Options{IngestedBy: "test"})
	if err != nil || res.Reports != 3 || res.New != 1 {
		t.Fatalf("overlapping ingest = %+v, %v; want 3 reports, 1 new", res, err)
	}
	stats2, _ := st.Stats(ctx)
	if stats2.Rows["records"] != stats1.Rows["records"]+1 || stats2.Rows["reports"] != stats1.Rows["reports"]+1 {
		t.Errorf("records %d → %d, reports %d → %d; want one more of each", stats1.Rows["records"], stats2.Rows["records"],
			stats1.Rows["reports"], stats2.Rows["reports"])
	}
}

func TestIngestAllOrNothing(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	_, err := File(ctx, beginOn(st), "testdata/bad-row.csv", Options{IngestedBy: "test"})
	if err == nil {
		t.Fatal("ingest of a file with a bad row succeeded")
	}
	// The bad row starts on line 4: the narrative of line 2 spans two lines.
	if !strings.Contains(err.Error(), "testdata/bad-row.csv:4:") || !strings.Contains(err.Error(), "payment_amount") {
		t.Fatalf("error = %q; want file:line 4 and the field", err)
	}
	if n := records(t, st); n != 0 {
		t.Fatalf("%d records stored; want none from a failed file", n)
	}
	if stats, _ := st.Stats(ctx); stats.Rows["source_files"] != 0 {
		t.Fatalf("source file row left behind")
	}
}

func TestIngestSkipInvalid(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "s.db"))
	rejects, err := os.Create(filepath.Join(dir, "rejects.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := File(ctx, beginOn(st), "testdata/bad-row.csv", Options{IngestedBy: "test", SkipInvalid: true, Rejects: rejects})
	rejects.Close()
	if err != nil || res.New != 2 || res.Rejected != 1 {
		t.Fatalf("skip-invalid ingest = %+v, %v; want 2 new, 1 rejected", res, err)
	}
	f, _ := os.Open(filepath.Join(dir, "rejects.jsonl"))
	defer f.Close()
	sc := bufio.NewScanner(f)
	var rej []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		rej = append(rej, m)
	}
	if len(rej) != 1 || rej[0]["line"] != float64(4) || !strings.Contains(rej[0]["reason"].(string), "payment_amount") ||
		!strings.Contains(rej[0]["raw"].(string), "B-2") {
		t.Fatalf("rejects = %v; want line 4 with its reason and raw row", rej)
	}
}

// TestIngestKilled kills an ingest of a large file at a random moment and
// checks that the store holds all of it or none of it, and that running
// the ingest again completes it.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process")
	}
	if os.Getenv("SCAMINT_INGEST_CHILD") != "" {
		st, err := store.Open(context.Background(), os.Getenv("SCAMINT_INGEST_DB"))
		if err != nil {
			os.Exit(2)
		}
		if _, err := File(context.Background(), beginOn(st), os.Getenv("SCAMINT_INGEST_FILE"), Options{IngestedBy: "child"}); err != nil {
			os.Exit(3)
		}
		os.Exit(0)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	const n = 20000
	for i := 0; i < n; i++ {
		r := model.Report{ID: "K-" + strconv.Itoa(i), Received: "2025-01-01", Victim: model.Victim{Country: "KR"},
			Contacts:  model.Contacts{Phones: []string{fmt.Sprintf("010-%04d-%04d", i%9000+1000, i%7919+1000)}},
			Narrative: "Simulated narrative for the kill test, call +855 97 123 4567."}
		b, _ := json.Marshal(r)
		w.Write(append(b, '\n'))
	}
	w.Flush()
	f.Close()
	db := filepath.Join(dir, "s.db")
	for _, delay := range []time.Duration{300 * time.Millisecond, 900 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$")
		cmd.Env = append(os.Environ(), "SCAMINT_INGEST_CHILD=1", "SCAMINT_INGEST_DB="+db, "SCAMINT_INGEST_FILE="+file)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()
		st := openStore(t, db)
		if got := records(t, st); got != 0 && got != n {
			t.Fatalf("after a kill at %v: %d records; want 0 or %d", delay, got, n)
		}
		st.Close()
	}
	st := openStore(t, db)
	if _, err := File(context.Background(), beginOn(st), file, Options{IngestedBy: "test"}); err != nil {
		t.Fatal(err)
	}
	if got := records(t, st); got != n {
		t.Fatalf("after running again: %d records; want %d", got, n)
	}
}
