package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// result is one outcome of Next, as golden files hold it.
type result struct {
	Line   int           `json:"line,omitempty"`
	Field  string        `json:"field,omitempty"`
	Error  string        `json:"error,omitempty"`
	Fatal  string        `json:"fatal,omitempty"`
	Raw    string        `json:"raw,omitempty"`
	Report *model.Report `json:"report,omitempty"`
}

// readAll reads every item of data, stopping at io.EOF or at a fatal error.
// It fails the test if NewReader fails unless wantOpenErr.
func readAll(t testing.TB, name string, data []byte, f Format, m Mapping) ([]result, error) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data), name, f, m)
	if err != nil {
		return nil, err
	}
	var out []result
	for {
		it, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		var ie *ItemError
		switch {
		case errors.As(err, &ie):
			out = append(out, result{Line: ie.Line, Field: ie.Field, Error: ie.Error(), Raw: string(ie.Raw)})
		case err != nil:
			if _, again := r.Next(); again != err {
				t.Fatalf("%s: Next after %v = %v; want the same error again", name, err, again)
			}
			out = append(out, result{Fatal: err.Error()})
			return out, err
		default:
			rep := it.Report
			out = append(out, result{Line: it.Line, Raw: string(it.Raw), Report: &rep})
		}
	}
}

func readTestdata(t *testing.T, name string) []result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var m Mapping
	mapName := strings.TrimSuffix(name, filepath.Ext(name)) + ".map.json"
	if mf, err := os.Open(filepath.Join("testdata", mapName)); err == nil {
		defer mf.Close()
		if m, err = LoadMapping(mf); err != nil {
			t.Fatalf("LoadMapping(%s): %v", mapName, err)
		}
	}
	f, err := DetectFormat(name, data[:min(len(data), 4096)])
	if err != nil {
		t.Fatal(err)
	}
	res, err := readAll(t, name, data, f, m)
	var fe *FileError
	if err != nil && !errors.As(err, &fe) {
		t.Fatalf("%s: %v", name, err)
	}
	if res == nil && err != nil {
		res = []result{{Fatal: err.Error()}}
	}
	return res
}

// TestGolden reads every sample in testdata and compares what comes out,
// item by item, with NAME.golden; -update rewrites them.
func TestGolden(t *testing.T) {
	names, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range names {
		name := filepath.Base(path)
		switch {
		case strings.HasSuffix(name, ".golden"), strings.HasSuffix(name, ".map.json"), strings.HasSuffix(name, ".md"):
			continue
		}
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			for _, res := range readTestdata(t, name) {
				line, err := json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				got.Write(line)
				got.WriteByte('\n')
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+"."+strings.TrimPrefix(filepath.Ext(name), ".")+".golden")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
				for i := range max(len(gl), len(wl)) {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("reading testdata/%s differs from %s at result %d:\n got %s\nwant %s\n(run go test -run Golden -update to accept)", name, golden, i+1, g, w)
					}
				}
			}
		})
	}
}

// TestSampleLines pins the lines and outcomes the samples were written for,
// so that a golden file refreshed by mistake cannot hide a wrong line.
func TestSampleLines(t *testing.T) {
	tests := []struct {
		file string
		want []string // "LINE" for a report, "LINE field" for an item error, "fatal LINE" for the end
	}{
		{"reports.csv", []string{"2", "3", "4", "7", "8", "9"}},
		{"reports.tsv", []string{"2", "3"}},
		{"reports.jsonl", []string{"1", "2", "4", "5"}},
		{"reports.json", []string{"2", "21", "28"}},
		{"reports_ko.csv", []string{"2", "4"}},
		{"bad_rows.csv", []string{"2", "3", "6 received", "7 payment_amount", "8 payment_currency", "10 victim_country",
			"11 scam_type", "12 payment_amount", "13 ", "14 ", "16 payment_amount", "17 payment_amount",
			"18 payment_amount", "19 payment_date", "20"}},
		{"unknown_column.csv", []string{"fatal 1"}},
		{"truncated_quote.csv", []string{"2", "fatal 3"}},
		{"bad_quote.csv", []string{"2", "fatal 3"}},
		{"bad_lines.jsonl", []string{"1", "2 ", "3 victim", "4 contacts.phones", "5 ", "6 ", "7 payments[1].amount", "8 ", "9 ", "10", "11 victim.name"}},
		{"bad_element.json", []string{"2", "3 victim", "8"}},
		{"bad_array.json", []string{"2", "3", "fatal 4"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var got []string
			for _, res := range readTestdata(t, tt.file) {
				switch {
				case res.Fatal != "":
					_, rest, _ := strings.Cut(res.Fatal, ":")
					line, _, _ := strings.Cut(rest, ":")
					got = append(got, "fatal "+line)
				case res.Error != "":
					field, _, _ := strings.Cut(res.Field, " ") // without a mapped name
					got = append(got, itoa(res.Line)+" "+field)
				default:
					got = append(got, itoa(res.Line))
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("reading %s: got %q\nwant %q", tt.file, got, tt.want)
			}
		})
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func itoa(n int) string { return strconv.Itoa(n) }
