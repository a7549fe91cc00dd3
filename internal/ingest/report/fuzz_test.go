package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

// addSeeds adds every testdata file with one of the extensions, whole.
func addSeeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		names, _ := filepath.Glob("testdata/*" + ext)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkRead reads data and holds the invariants every reader keeps on any
// input: no panic; an end in a bounded number of calls; every item and
// every error with a line; and the reports it reads, written as JSON lines
// and read again, come back the same.
func checkRead(t *testing.T, data []byte, f Format) {
	r, err := NewReader(bytes.NewReader(data), "fuzz", f, Mapping{})
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line < 1 {
			t.Fatalf("NewReader = %v; want a file error with a line", err)
		}
		return
	}
	var reports []model.Report
	for calls := 0; ; calls++ {
		if calls > len(data)+1 {
			t.Fatalf("Next called %d times on %d bytes without an end", calls, len(data))
		}
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		var ie *ItemError
		var fe *FileError
		switch {
		case errors.As(err, &ie):
			if ie.Line < 1 {
				t.Fatalf("item error without a line: %v", err)
			}
			continue
		case errors.As(err, &fe):
			if fe.Line < 1 {
				t.Fatalf("file error without a line: %v", err)
			}
		case err != nil:
			t.Fatalf("Next = %v; want an ItemError or a FileError", err)
		}
		if err != nil {
			break
		}
		if it.Line < 1 || len(it.Raw) == 0 {
			t.Fatalf("item at line %d with %d raw bytes", it.Line, len(it.Raw))
		}
		reports = append(reports, it.Report)
	}
	roundTrip(t, reports)
}

// roundTrip writes reports as JSON lines, reads them back and compares.
func roundTrip(t *testing.T, reports []model.Report) {
	var buf bytes.Buffer
	for _, rep := range reports {
		line, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	r, err := NewReader(bytes.NewReader(buf.Bytes()), "roundtrip.jsonl", JSONL, Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range reports {
		it, err := r.Next()
		if err != nil {
			t.Fatalf("report %d written as %s does not read back: %v", i, mustJSON(want), err)
		}
		if it.Line != i+1 || mustJSON(it.Report) != mustJSON(want) {
			t.Fatalf("report %d at line %d written as\n%s\nreads back at line %d as\n%s", i, i+1, mustJSON(want), it.Line, mustJSON(it.Report))
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("after the written reports: %v; want io.EOF", err)
	}
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, ".csv")
	f.Add([]byte("report_id,phones,payment_amount,payment_currency\nA,\"1;2\n3\",\"1,000;2\",krw\n"))
	f.Add([]byte("\uFEFFreport_id\r\n\"a\"\"b\"\r\n\r\n"))
	f.Add([]byte("narrative,\n\"x\ny\",\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, CSV)
	})
}

func FuzzTSV(f *testing.F) {
	addSeeds(f, ".tsv")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, TSV)
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	f.Add([]byte(`{"narrative":"\ud83d\ude00 \ud800 \u0000","payments":[null,{"amount":1.5}]}`))
	f.Add([]byte("{\"report_id\":\"a\"}\r\n\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, JSONL)
		// Where encoding/json and the decoder both accept a line, they
		// must agree; and the decoder accepts only JSON.
		for i, line := range bytes.Split(data, []byte("\n")) {
			checkLikeEncodingJSON(t, line, "fuzz", i+1)
		}
	})
}

func FuzzJSON(f *testing.F) {
	addSeeds(f, ".json")
	f.Add([]byte(`[{"report_id":"a"},{"report_id":"b"}] {"report_id":"c"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, JSON)
	})
}
