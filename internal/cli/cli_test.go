package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs scamint with args and returns its exit status and output.
func runCmd(t *testing.T, stdin string, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
		getenv: func(k string) string { return vars[k] },
	}
	code := run(context.Background(), args, e)
	return code, out.String(), errb.String()
}

func TestNormalizeDoneWhen(t *testing.T) {
	code, out, errOut := runCmd(t, "", nil, "normalize", "phone", "010-1234-5678", "--region", "KR")
	if code != 0 || out != "+821012345678\n" {
		t.Fatalf("normalize phone 010-1234-5678 --region KR = %d %q %q; want 0 \"+821012345678\\n\"", code, out, errOut)
	}
}

func TestNormalizeEIP55CaseFlipRejected(t *testing.T) {
	// The EIP-55 spec's example with the case of one letter flipped (a → A).
	code, out, errOut := runCmd(t, "", nil, "normalize", "crypto", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
	if code != 1 {
		t.Fatalf("exit status %d; want 1 (stdout %q)", code, out)
	}
	if !strings.Contains(errOut, "EIP-55") {
		t.Fatalf("stderr %q; want the EIP-55 reason", errOut)
	}
}

func TestNormalizeJSON(t *testing.T) {
	code, out, _ := runCmd(t, "", nil, "normalize", "--json", "telegram", "@Prince_Support", "@ab")
	if code != 1 {
		t.Fatalf("exit status %d; want 1 because one value is invalid", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines; want 2: %q", len(lines), out)
	}
	var first, second map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"kind", "input", "canonical", "valid", "reason"} {
		if _, ok := first[k]; !ok {
			t.Errorf("JSON line %s lacks %q", lines[0], k)
		}
	}
	if first["canonical"] != "telegram:prince_support" || first["valid"] != true {
		t.Errorf("first = %v; want telegram:prince_support valid", first)
	}
	if second["valid"] != false || second["reason"] == "" {
		t.Errorf("second = %v; want invalid with a reason", second)
	}
}

func TestNormalizeStdinAndRegionEnv(t *testing.T) {
	code, out, errOut := runCmd(t, "010-1234-5678\n\n02-312-3456\n", map[string]string{"SCAMINT_REGION": "KR"}, "normalize", "phone", "-")
	if code != 0 || out != "+821012345678\n+8223123456\n" {
		t.Fatalf("normalize phone - = %d %q %q", code, out, errOut)
	}
}

func TestNormalizeUsage(t *testing.T) {
	for _, args := range [][]string{{"normalize"}, {"normalize", "phone"}, {"normalize", "fax", "123"}, {"normalize", "--bogus", "phone", "1"}} {
		if code, _, errOut := runCmd(t, "", nil, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errOut)
		}
	}
}

func TestExtractSampleComplaint(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "complaint-ko.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", nil, "extract", "--region", "KR", path)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errOut)
	}
	got := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m struct {
			Kind, Value, Canonical string
			Start, End             int
		}
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if string(data[m.Start:m.End]) != m.Value {
			t.Errorf("offsets %d:%d give %q; value is %q", m.Start, m.End, data[m.Start:m.End], m.Value)
		}
		got[m.Kind+" "+m.Canonical] = true
	}
	for _, want := range []string{
		"phone +855971234567",
		"phone +821098765432",
		"telegram telegram:prince_vip_desk",
		"instagram instagram:ellie.tan.invest",
		"url https://app.prince-invest.co.kr/register",
		"email support@prince-invest.co.kr",
		"crypto TA3941uFAvmVibSkQ6fMJXxmaSNovX86mz",
		"crypto bc1qeth6n6ryxexvkx34wnx3nuynun4474h3j0gkhw",
	} {
		if !got[want] {
			t.Errorf("extract of the sample complaint lacks %s; got %v", want, got)
		}
	}
}

func TestExtractStdin(t *testing.T) {
	code, out, _ := runCmd(t, "call +855 97 123 4567 now.", nil, "extract")
	if code != 0 || !strings.Contains(out, `"canonical":"+855971234567"`) {
		t.Fatalf("extract from stdin = %d %q", code, out)
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands() {
		code, out, errOut := runCmd(t, "", nil, c.name, "--help")
		if code != 0 || !strings.Contains(out, "usage: scamint "+c.name) {
			t.Errorf("%s --help = %d %q %q; want usage on stdout", c.name, code, out, errOut)
		}
	}
	code, out, _ := runCmd(t, "", nil, "--help")
	if code != 0 || !strings.Contains(out, "normalize") {
		t.Errorf("--help = %d %q", code, out)
	}
	code, out, _ = runCmd(t, "", nil, "help", "extract")
	if code != 0 || !strings.Contains(out, "usage: scamint extract") {
		t.Errorf("help extract = %d %q", code, out)
	}
}

func TestUnknownCommandAndNoCommand(t *testing.T) {
	if code, _, errOut := runCmd(t, "", nil, "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("frobnicate: %d %q", code, errOut)
	}
	if code, _, _ := runCmd(t, "", nil); code != 2 {
		t.Errorf("no command: exit %d; want 2", code)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", nil, "version")
	if code != 0 || !strings.HasPrefix(out, "scamint ") {
		t.Fatalf("version = %d %q", code, out)
	}
}

func TestDBFlagPrecedence(t *testing.T) {
	e := &env{getenv: func(string) string { return "" }}
	fs := newFlags(e, "x", "x", "")
	_ = fs
	if e.db != "scamint.db" {
		t.Errorf("default db = %q; want scamint.db", e.db)
	}
	e = &env{getenv: func(k string) string {
		if k == "SCAMINT_DB" {
			return "/tmp/from-env.db"
		}
		return ""
	}}
	fs = newFlags(e, "x", "x", "")
	if e.db != "/tmp/from-env.db" {
		t.Errorf("db with $SCAMINT_DB = %q", e.db)
	}
	if _, err := parseFlags(e, fs, []string{"--db", "/tmp/flag.db"}); err != nil {
		t.Fatal(err)
	}
	if e.db != "/tmp/flag.db" {
		t.Errorf("db with --db = %q", e.db)
	}
}

func TestStatusCreatesAndMigratesStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	code, out, errOut := runCmd(t, "", nil, "--db", db, "status", "--json")
	if code != 0 {
		t.Fatalf("status: %d %s", code, errOut)
	}
	var st struct {
		Store         string           `json:"store"`
		SchemaVersion int              `json:"schema_version"`
		Rows          map[string]int64 `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status --json: %v in %q", err, out)
	}
	if st.Store != db || st.SchemaVersion < 1 {
		t.Errorf("status = %+v; want store %s at schema >= 1", st, db)
	}
	if n, ok := st.Rows["records"]; !ok || n != 0 {
		t.Errorf("records = %d, %v; want 0 in a fresh store", n, ok)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("store file not created: %v", err)
	}
	// $SCAMINT_DB names the store when --db is absent.
	db2 := filepath.Join(t.TempDir(), "env.db")
	if code, out, errOut := runCmd(t, "", map[string]string{"SCAMINT_DB": db2}, "status"); code != 0 || !strings.Contains(out, db2) {
		t.Fatalf("status with $SCAMINT_DB = %d %q %q", code, out, errOut)
	}
}

func TestRegionFlagChecked(t *testing.T) {
	for _, args := range [][]string{{"normalize", "phone", "010-1234-5678", "--region", "XX"}, {"extract", "--region", "ZZ", "-"}} {
		if code, _, errOut := runCmd(t, "", nil, args...); code != 2 || !strings.Contains(errOut, "unknown region") {
			t.Errorf("%v: exit %d, %q; want a usage error naming the region", args, code, errOut)
		}
	}
	// Lower case is accepted.
	if code, out, _ := runCmd(t, "", nil, "normalize", "phone", "010-1234-5678", "--region", "kr"); code != 0 || out != "+821012345678\n" {
		t.Errorf("--region kr: %d %q", code, out)
	}
}

func TestExtractAcceptsJSONFlag(t *testing.T) {
	if code, out, errOut := runCmd(t, "call +855 97 123 4567", nil, "extract", "--json"); code != 0 || !strings.Contains(out, "+855971234567") {
		t.Errorf("extract --json: %d %q %q", code, out, errOut)
	}
}

func TestNormalizeStdinNamesLine(t *testing.T) {
	code, _, errOut := runCmd(t, "+82 10 1234 5678\n12\n", nil, "normalize", "phone", "-")
	if code != 1 || !strings.Contains(errOut, "line 2") {
		t.Errorf("normalize phone - with a bad line 2: %d %q", code, errOut)
	}
}
