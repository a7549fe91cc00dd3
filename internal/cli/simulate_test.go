package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// simulate runs the simulate command with args; it is called directly
// until the command is in the commands table.
func simulate(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	err = runSimulate(context.Background(), e, args)
	return out.String(), errb.String(), err
}

func lines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestSimulateWritesFiles(t *testing.T) {
	dir := t.TempDir()
	out, truth := filepath.Join(dir, "reports.jsonl"), filepath.Join(dir, "truth.jsonl")
	_, stderr, err := simulate(t, "--reports", "300", "--seed", "4", "--out", out, "--truth", truth)
	if err != nil {
		t.Fatalf("simulate: %v (%s)", err, stderr)
	}
	if n := len(lines(t, out)); n != 300 {
		t.Errorf("%s has %d lines; want 300", out, n)
	}
	tl := lines(t, truth)
	reports := 0
	for _, l := range tl {
		if strings.Contains(l, `"network"`) {
			reports++
		}
	}
	if reports != 300 || !strings.HasPrefix(tl[0], `{"hub":`) {
		t.Errorf("truth has %d report lines, first line %q", reports, tl[0])
	}
	if !strings.Contains(stderr, "wrote 300 reports") {
		t.Errorf("stderr %q; want a summary", stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("directory holds %d files; want the two outputs and no temporary files", len(entries))
	}

	// The same flags give the same bytes; CSV comes from the extension or
	// from --format.
	again := filepath.Join(dir, "again.jsonl")
	if _, _, err := simulate(t, "--reports", "300", "--seed", "4", "--out", again); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("the same --reports and --seed wrote different files")
	}
	for _, args := range [][]string{
		{"--out", filepath.Join(dir, "r.csv")},
		{"--out", filepath.Join(dir, "r.txt"), "--format", "csv"},
	} {
		if _, _, err := simulate(t, append([]string{"--reports", "20"}, args...)...); err != nil {
			t.Fatalf("simulate %v: %v", args, err)
		}
		if h := lines(t, args[1])[0]; !strings.HasPrefix(h, "report_id,received,channel,") {
			t.Errorf("simulate %v: first line %q; want the CSV header", args, h)
		}
	}
}

func TestSimulateStdout(t *testing.T) {
	stdout, _, err := simulate(t, "--reports", "5", "--out", "-")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(stdout, "\n"); n != 5 || !strings.HasPrefix(stdout, "{") {
		t.Errorf("stdout has %d lines: %.80q", n, stdout)
	}
}

func TestSimulateBadFlags(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.jsonl")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no --out", []string{"--reports", "10"}},
		{"no --reports", []string{"--out", out}},
		{"zero reports", []string{"--reports", "0", "--out", out}},
		{"negative reports", []string{"--reports", "-3", "--out", out}},
		{"reports not a number", []string{"--reports", "many", "--out", out}},
		{"seed not a number", []string{"--reports", "10", "--seed", "x", "--out", out}},
		{"unknown format", []string{"--reports", "10", "--out", out, "--format", "xml"}},
		{"unknown extension", []string{"--reports", "10", "--out", filepath.Join(dir, "r.txt")}},
		{"unknown flag", []string{"--reports", "10", "--out", out, "--bogus"}},
		{"positional argument", []string{"--reports", "10", "--out", out, "extra"}},
		{"both to stdout", []string{"--reports", "10", "--out", "-", "--truth", "-"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := simulate(t, tc.args...)
			var ue usageError
			if !errors.As(err, &ue) {
				t.Errorf("simulate %v = %v; want a usage error", tc.args, err)
			}
		})
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed run left %s behind", out)
	}
}

func TestSimulateHelpAndFailure(t *testing.T) {
	stdout, _, err := simulate(t, "--help")
	if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stdout, "--truth") {
		t.Errorf("--help = %v, %q", err, stdout)
	}
	missing := filepath.Join(t.TempDir(), "no", "such", "dir", "r.jsonl")
	_, _, err = simulate(t, "--reports", "10", "--out", missing)
	var ue usageError
	if err == nil || errors.As(err, &ue) {
		t.Errorf("writing into a missing directory = %v; want an error that is not a usage error", err)
	}
}
