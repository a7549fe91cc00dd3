package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The child side of TestKillDuringImport, run in a re-executed test binary:
// it opens the store named by killChildDB, imports killImportSize reports in
// one transaction while printing its progress, and, if killPauseAt is set,
// stops dead at that many reports, transaction open, until it is killed.
const (
	killChildDB    = "SCAMINT_STORE_KILL_CHILD_DB"
	killPauseAt    = "SCAMINT_STORE_KILL_PAUSE_AT"
	killImportSize = 10000
)

func runKillChild(path string) {
	pauseAt, _ := strconv.Atoi(os.Getenv(killPauseAt))
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	// A page cache far smaller than the import makes SQLite spill the
	// open transaction's pages into the WAL, so the kill leaves
	// uncommitted frames there that recovery must ignore.
	if _, err := s.write.ExecContext(ctx, "PRAGMA cache_size = 50"); err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("begin")
	err = importReports(ctx, s, killImportSize, func(i int) {
		if i%500 == 0 {
			fmt.Println("progress", i)
		}
		if i == pauseAt {
			fmt.Println("paused", i)
			time.Sleep(time.Hour)
		}
		if i == killImportSize {
			fmt.Println("committing")
		}
	})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("committed")
	time.Sleep(time.Hour) // wait to be killed, store still open
}

// A kill at any moment must leave the store consistent: the file passes
// SQLite's integrity check, the import is there whole or not at all, what
// was committed before is intact, and running the import again completes
// it. The child is killed with SIGKILL, which no code can intercept, while
// its transaction is open with thousands of rows (some already spilled to
// the WAL), at random moments of a running import, and after the commit.
func TestKillDuringImport(t *testing.T) {
	if path := os.Getenv(killChildDB); path != "" {
		runKillChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts child processes; skipped with -short")
	}
	tests := []struct {
		name string
		// waitFor is the child's output line after which it is killed;
		// delay, if set, is how long after "begin" it is killed instead.
		waitFor string
		pauseAt int
		delay   time.Duration
		// want is "none", "all", or "either" when the moment is random.
		want string
	}{
		{name: "transaction open, first report", waitFor: "paused 1", pauseAt: 1, want: "none"},
		{name: "transaction open, half the import", waitFor: "paused 5000", pauseAt: 5000, want: "none"},
		{name: "transaction open, every report written", waitFor: "paused 10000", pauseAt: killImportSize, want: "none"},
		{name: "running, after 30ms", delay: 30 * time.Millisecond, want: "either"},
		{name: "running, after 250ms", delay: 250 * time.Millisecond, want: "either"},
		{name: "during commit", waitFor: "committing", want: "either"},
		{name: "after commit", waitFor: "committed", want: "all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "scamint.db")

			// Data committed before the import must survive the kill.
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			tx := begin(t, s)
			putReport(t, tx, addFile(t, tx, "earlier.csv"), "EARLIER-1", `{"note":"committed before the import"}`)
			commit(t, tx)
			if err := s.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}

			killChild(t, path, tt.waitFor, tt.pauseAt, tt.delay)
			if fi, err := os.Stat(path + "-wal"); err == nil {
				t.Logf("WAL left by the kill: %d bytes", fi.Size())
			}

			s, err = Open(ctx, path)
			if err != nil {
				t.Fatalf("Open after kill: %v", err)
			}
			defer s.Close()
			var check string
			if err := s.write.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
				t.Fatalf("PRAGMA integrity_check = %q, %v; want ok", check, err)
			}
			var fkViolations int
			if err := s.write.QueryRowContext(ctx, "SELECT COUNT(*) FROM pragma_foreign_key_check").Scan(&fkViolations); err != nil || fkViolations != 0 {
				t.Errorf("foreign_key_check found %d violations (%v); want 0", fkViolations, err)
			}
			if _, err := s.Record(ctx, "EARLIER-1"); err != nil {
				t.Errorf("record committed before the import: %v", err)
			}
			counts := rowCounts(t, s)
			records, links := counts["records"]-1, counts["record_selectors"]
			var got string
			switch {
			case records == 0 && links == 0:
				got = "none"
			case records == killImportSize && links == 5*killImportSize:
				got = "all"
			default:
				t.Fatalf("after kill: %d of %d records and %d of %d mentions; want all or none",
					records, killImportSize, links, 5*killImportSize)
			}
			if tt.want != "either" && got != tt.want {
				t.Errorf("after kill: %s of the import; want %s", got, tt.want)
			}
			t.Logf("killed: %s of the import present", got)

			// Running the same import again completes the work.
			if err := importReports(ctx, s, killImportSize, nil); err != nil {
				t.Fatalf("import again: %v", err)
			}
			if n := rowCounts(t, s)["records"] - 1; n != killImportSize {
				t.Errorf("after the import again: %d records; want %d", n, killImportSize)
			}
		})
	}
}

// killChild runs the child import on path and kills it with SIGKILL once
// it prints waitFor, or delay after it prints "begin".
func killChild(t *testing.T, path, waitFor string, pauseAt int, delay time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestKillDuringImport$", "-test.count=1")
	cmd.Env = append(os.Environ(), killChildDB+"="+path, killPauseAt+"="+strconv.Itoa(pauseAt))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	lines := bufio.NewScanner(out)
	var seen []string
	kill := func() {
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("kill child: %v", err)
		}
	}
	killed := false
	for lines.Scan() {
		line := lines.Text()
		seen = append(seen, line)
		if strings.HasPrefix(line, "error") {
			t.Fatalf("child: %s", line)
		}
		if line == "begin" && delay > 0 {
			time.AfterFunc(delay, kill)
			killed = true
		}
		if line == waitFor {
			kill()
			killed = true
			break
		}
	}
	// Drain, so the child never blocks on a full pipe before the kill lands.
	for lines.Scan() {
		seen = append(seen, lines.Text())
	}
	err = cmd.Wait()
	if !killed {
		t.Fatalf("child ended without reaching %q: %v; output %q", waitFor, err, seen)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, not by SIGKILL; output %q", err, seen)
	}
	if len(seen) > 0 {
		t.Logf("child's last line before the kill: %q", seen[len(seen)-1])
	}
}
