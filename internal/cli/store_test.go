package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// networksOf lists each network's member record ids from `networks --json`
// and `network ID --json`, sorted, for exact comparisons.
func networksOf(t *testing.T, db string) []string {
	t.Helper()
	code, out, errOut := runCmd(t, "", nil, "--db", db, "networks", "--top", "100", "--json")
	if code != 0 {
		t.Fatalf("networks: %d %s", code, errOut)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var n struct{ ID string }
		if err := json.Unmarshal([]byte(line), &n); err != nil {
			t.Fatalf("networks line %q: %v", line, err)
		}
		code, nout, errOut := runCmd(t, "", nil, "--db", db, "network", n.ID, "--json")
		if code != 0 {
			t.Fatalf("network %s: %d %s", n.ID, code, errOut)
		}
		var full struct {
			Timeline []struct {
				RecordID string `json:"record_id"`
			}
		}
		json.Unmarshal([]byte(nout), &full)
		var ids []string
		for _, h := range full.Timeline {
			ids = append(ids, h.RecordID)
		}
		sort.Strings(ids)
		got = append(got, strings.Join(ids, " "))
	}
	sort.Strings(got)
	return got
}

func TestIngestLookupNetworksPath(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	fixture := filepath.Join("..", "ingest", "testdata", "two-networks.jsonl")
	code, out, errOut := runCmd(t, "", nil, "--db", db, "ingest", fixture)
	if code != 0 || !strings.Contains(out, "5 reports, 5 new") || !strings.Contains(out, "correlated: 2 networks") {
		t.Fatalf("ingest = %d %q %q", code, out, errOut)
	}
	want := []string{"report:A-1 report:A-2 report:A-3 report:A-4", "report:sha256:"}
	got := networksOf(t, db)
	if len(got) != 2 || got[0] != want[0] || !strings.HasPrefix(got[1], want[1]) {
		t.Fatalf("networks = %q; want %q", got, want)
	}

	// Lookup of the handle, written another way, finds both reports.
	code, out, _ = runCmd(t, "", nil, "--db", db, "lookup", "https://t.me/Prince_VIP_Desk", "--json")
	var lk lookupJSON
	if code != 0 || json.Unmarshal([]byte(out), &lk) != nil {
		t.Fatalf("lookup = %d %q", code, out)
	}
	if lk.Canonical != "telegram:prince_vip_desk" || lk.Records != 2 || len(lk.Networks) != 1 || lk.Hub != nil ||
		lk.Hits[0].SourceSHA256 == "" || lk.Hits[0].Locator != "line 1" {
		t.Fatalf("lookup = %+v", lk)
	}

	// Path from the US phone of report A-3 to the Tron wallet paid in A-1.
	code, out, errOut = runCmd(t, "", nil, "--db", db, "path", "+1 212 555 0142", "TA3941uFAvmVibSkQ6fMJXxmaSNovX86mz", "--json")
	var p struct {
		Steps []pathStepJSON
		Hops  int
	}
	if code != 0 || json.Unmarshal([]byte(out), &p) != nil {
		t.Fatalf("path = %d %q %q", code, out, errOut)
	}
	var recs []string
	for _, s := range p.Steps {
		if s.Type == "record" {
			recs = append(recs, s.RecordID)
		}
	}
	if strings.Join(recs, " ") != "report:A-3 report:A-4 report:A-1" {
		t.Fatalf("path records = %v; want A-3 (phone, domain) → A-4 (domain, KH phone) → A-1 (KH phone, wallet)", recs)
	}
	// No chain between the two networks: exit status 1.
	if code, _, _ := runCmd(t, "", nil, "--db", db, "path", "+66 81 234 5678", "@prince_vip_desk"); code != 1 {
		t.Errorf("path across networks: exit %d; want 1", code)
	}

	// Ingesting again adds nothing and keeps the network ids.
	code, out, _ = runCmd(t, "", nil, "--db", db, "ingest", fixture)
	if code != 0 || !strings.Contains(out, "0 new, 5 already stored") {
		t.Fatalf("re-ingest = %d %q", code, out)
	}
	if again := networksOf(t, db); strings.Join(again, "|") != strings.Join(got, "|") {
		t.Fatalf("networks after re-ingest = %q; want %q", again, got)
	}
}

func TestIngestBadRowStoresNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	fixture := filepath.Join("..", "ingest", "testdata", "bad-row.csv")
	code, _, errOut := runCmd(t, "", nil, "--db", db, "ingest", fixture)
	if code != 1 || !strings.Contains(errOut, "bad-row.csv:4:") || !strings.Contains(errOut, "nothing from") {
		t.Fatalf("ingest of a bad file = %d %q; want exit 1 naming file:line", code, errOut)
	}
	_, out, _ := runCmd(t, "", nil, "--db", db, "status", "--json")
	if !strings.Contains(out, `"records":0`) {
		t.Fatalf("status after failed ingest: %s", out)
	}
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	code, out, errOut = runCmd(t, "", nil, "--db", db, "ingest", "--skip-invalid", "--rejects", rejects, fixture)
	if code != 0 || !strings.Contains(out, "2 new") || !strings.Contains(out, "1 rejected") {
		t.Fatalf("ingest --skip-invalid = %d %q %q", code, out, errOut)
	}
}

func TestAllowListSplitsNetworks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := runCmd(t, "", nil, "--db", db, "ingest", "--region", "KR", filepath.Join("testdata", "hotline.jsonl")); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	// Two reports each mention the bank's hotline: too few to tell it is a
	// hub from the data, so it joins the two teams.
	if got := networksOf(t, db); len(got) != 1 {
		t.Fatalf("before the allow-list: %q; want one network glued by the hotline", got)
	}
	if code, _, errOut := runCmd(t, "", nil, "--db", db, "hubs", "add", "1588-9999", "--region", "KR", "--note", "bank call centre"); code != 0 {
		t.Fatalf("hubs add: %s", errOut)
	}
	if code, _, errOut := runCmd(t, "", nil, "--db", db, "correlate"); code != 0 {
		t.Fatalf("correlate: %s", errOut)
	}
	want := []string{"report:H-1 report:H-2", "report:H-3 report:H-4"}
	if got := networksOf(t, db); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("after the allow-list: %q; want %q", got, want)
	}
	code, out, _ := runCmd(t, "", nil, "--db", db, "lookup", "1588-9999", "--region", "KR", "--json")
	var lk lookupJSON
	json.Unmarshal([]byte(out), &lk)
	if code != 0 || lk.Hub == nil || lk.Hub.Reason != "allow-list" || lk.Hub.Networks != 2 || len(lk.Networks) != 2 {
		t.Fatalf("lookup of the hotline = %d %+v; want a hub in 2 networks", code, lk)
	}
	code, out, _ = runCmd(t, "", nil, "--db", db, "hubs", "list")
	if code != 0 || !strings.Contains(out, "+82215889999") && !strings.Contains(out, "15889999") {
		t.Fatalf("hubs list = %q", out)
	}
}

// TestIncrementalMatchesFull ingests a fixture in three parts: the later
// parts are correlated incrementally (a record joining a network, one
// starting its own, one merging two), and the result must equal a full
// correlation of the same store.
func TestIncrementalMatchesFull(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "two-networks.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(data)), "\n")
	parts := []string{lines[0] + lines[2], lines[1] + lines[4], lines[3]}
	for i, p := range parts {
		path := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", i))
		if err := os.WriteFile(path, []byte(p+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCmd(t, "", nil, "--db", db, "ingest", path)
		if code != 0 {
			t.Fatalf("ingest part %d: %s", i, errOut)
		}
		if i > 0 && !strings.Contains(out, "into the saved networks") {
			t.Fatalf("part %d was not correlated incrementally: %q", i, out)
		}
	}
	incremental := networksOf(t, db)
	summaries := func() string {
		_, out, _ := runCmd(t, "", nil, "--db", db, "networks", "--top", "100", "--sort", "reports", "--json")
		return out
	}
	before := summaries()
	if code, _, errOut := runCmd(t, "", nil, "--db", db, "correlate"); code != 0 {
		t.Fatal(errOut)
	}
	if full := networksOf(t, db); strings.Join(full, "|") != strings.Join(incremental, "|") {
		t.Fatalf("incremental networks %q; full correlation %q", incremental, full)
	}
	if after := summaries(); after != before {
		t.Fatalf("summaries differ:\nincremental %s\nfull        %s", before, after)
	}
}
