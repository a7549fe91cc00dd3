package report

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

func TestCSVHeader(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		m       Mapping
		wantErr string // "" means the header is accepted
	}{
		{"schema names", "report_id,received,narrative", Mapping{}, ""},
		{"case and spaces", " Report ID , RECEIVED,victim-name", Mapping{}, ""},
		{"one column", "phones", Mapping{}, ""},
		{"unknown column named", "report_id,officer", Mapping{}, `unknown column "officer"; map it`},
		{"unknown columns named", "report_id,officer,status", Mapping{}, `unknown columns "officer", "status"; map them`},
		{"no known column quotes nothing", "Hong Gil-dong,010-1234-5678", Mapping{}, "line 1 is not a report header: none of its 2 cells"},
		{"duplicate column", "phones,report_id,Phones", Mapping{}, `columns 1 ("phones") and 3 ("Phones") both give phones`},
		{"mapped", "접수번호,피해자", Mapping{Columns: map[string]string{"report_id": "접수번호", "victim_name": "피해자"}}, ""},
		{"mapped and ignored", "접수번호,담당자", Mapping{Columns: map[string]string{"report_id": "접수번호"}, Ignore: []string{"담당자"}}, ""},
		{"ignored schema name", "report_id,phones", Mapping{Ignore: []string{"Phones"}}, ""},
		{"ignored absent is fine", "접수번호", Mapping{Columns: map[string]string{"report_id": "접수번호"}, Ignore: []string{"담당자"}}, ""},
		{"mapped absent", "접수번호", Mapping{Columns: map[string]string{"report_id": "접수번호", "phones": "전화"}}, `the mapping names column "전화" not in the header`},
		{"mapped name and schema name both", "접수번호,report_id", Mapping{Columns: map[string]string{"report_id": "접수번호"}}, `unknown column "report_id"`},
		{"mapping to a schema name elsewhere", "received,date", Mapping{Columns: map[string]string{"received": "date"}}, `unknown column "received"`},
		{"empty header cells are fine", "report_id,,", Mapping{}, ""},
		{"bad mapping", "a", Mapping{Columns: map[string]string{"age": "a"}}, "not a schema column"},
		{"not UTF-8", "report_id,\xb0\xa1", Mapping{}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tt.header+"\n"), "h.csv", CSV, tt.m)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("NewReader(header %q) = %v; want no error", tt.header, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("NewReader(header %q) = %v; want an error containing %q", tt.header, err, tt.wantErr)
			}
		})
	}
}

// TestCSVRows reads one-row files and checks the report or the error.
func TestCSVRows(t *testing.T) {
	tests := []struct {
		name   string
		header string
		m      Mapping
		row    string
		want   model.Report
		// wantErr is "FIELD: reason substring" for an item error.
		wantErr string
	}{
		{"trimmed cells", "report_id,channel", Mapping{}, "  A-1 ,  online  ", model.Report{ID: "A-1", Channel: "online"}, ""},
		{"space after comma before a quote", "report_id,narrative", Mapping{}, `A-1, "x, y"`, model.Report{ID: "A-1", Narrative: "x, y"}, ""},
		{"lists split on ; and line breaks", "phones,emails", Mapping{}, "\"010-1; ;010-2\n010-3\r\n010-4;\",a@x.example",
			model.Report{Contacts: model.Contacts{Phones: []string{"010-1", "010-2", "010-3", "010-4"}, Emails: []string{"a@x.example"}}}, ""},
		{"one payment", "payment_amount,payment_currency,payment_to", Mapping{}, "\"1,000\",usd,0xabc",
			model.Report{Payments: []model.ReportPayment{{Amount: "1000", Currency: "USD", To: "0xabc"}}}, ""},
		{"aligned payments with a gap", "payment_date,payment_amount,payment_tx_hash", Mapping{}, "2025-01-01;2025-01-02,100;200,;0xfeed",
			model.Report{Payments: []model.ReportPayment{{Date: "2025-01-01", Amount: "100"}, {Date: "2025-01-02", Amount: "200", TxHash: "0xfeed"}}}, ""},
		{"one currency, method and source for all", "payment_amount,payment_currency,payment_method,payment_from", Mapping{}, "1;2;3,KRW,bank_transfer,신한 110",
			model.Report{Payments: []model.ReportPayment{
				{Amount: "1", Currency: "KRW", Method: "bank_transfer", From: "신한 110"},
				{Amount: "2", Currency: "KRW", Method: "bank_transfer", From: "신한 110"},
				{Amount: "3", Currency: "KRW", Method: "bank_transfer", From: "신한 110"}}}, ""},
		{"one destination does not stand for all", "payment_amount,payment_to", Mapping{}, "1;2,acct", model.Report{},
			"payment_to: 1 value but payment_amount has 2"},
		{"lists of different lengths", "payment_amount,payment_date", Mapping{}, "1;2;3,2025-01-01;2025-01-02", model.Report{},
			"payment_date: 2 values but payment_amount has 3"},
		{"trailing separator is an empty last value", "payment_amount,payment_tx_hash", Mapping{}, "100;200,0xab;",
			model.Report{Payments: []model.ReportPayment{{Amount: "100", TxHash: "0xab"}, {Amount: "200"}}}, ""},
		{"CR alone separates", "phones", Mapping{}, "\"1\r2\r\n3\"", model.Report{Contacts: model.Contacts{Phones: []string{"1", "2", "3"}}}, ""},
		{"empty payment dropped", "report_id,payment_amount,payment_currency", Mapping{}, "A,;,;", model.Report{ID: "A"}, ""},
		{"bad payment named by position", "payment_amount", Mapping{}, "1;x", model.Report{}, "payment_amount (payment 2): not a decimal"},
		{"unnamed column with a value", "report_id,", Mapping{}, "A,oops", model.Report{}, ": column 2 has no name in the header but a value"},
		{"unnamed column empty", "report_id,,", Mapping{}, "A,, ", model.Report{ID: "A"}, ""},
		{"ignored schema-named column", "report_id,phones", Mapping{Ignore: []string{"phones"}}, "A,010", model.Report{ID: "A"}, ""},
		{"ignored column", "report_id,officer", Mapping{Ignore: []string{"Officer"}}, "A,Sgt. Kim", model.Report{ID: "A"}, ""},
		{"not UTF-8 in a victim cell", "report_id,victim_name", Mapping{}, "A,\xc8\xab\xb1\xe6\xb5\xbf", model.Report{}, "victim_name: not valid UTF-8"},
		{"too many cells", "report_id", Mapping{}, "A,B", model.Report{}, ": row has 2 cells but the header has 1"},
		{"bare quote", "report_id,narrative", Mapping{}, `A,say "hi"`, model.Report{}, ": column 7: a quote in an unquoted cell"},
		{"empty report", "report_id,narrative", Mapping{}, `"",x`, model.Report{Narrative: "x"}, ""},
		{"scam type variant", "scam_type", Mapping{}, "Pig-Butchering", model.Report{ScamType: model.PigButchering}, ""},
		{"mapped column named in errors", "금액", Mapping{Columns: map[string]string{"payment_amount": "금액"}}, "x", model.Report{}, "payment_amount (금액) (payment 1): not a decimal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tt.header+"\n"+tt.row+"\n"), "t.csv", CSV, tt.m)
			if err != nil {
				t.Fatal(err)
			}
			it, err := r.Next()
			if tt.wantErr != "" {
				var ie *ItemError
				if !errors.As(err, &ie) {
					t.Fatalf("row %q: Next = %+v, %v; want an item error", tt.row, it.Report, err)
				}
				got := ie.Field + ": " + ie.Reason
				if !strings.Contains(got, tt.wantErr) || ie.Line != 2 || !strings.HasPrefix(ie.Error(), "t.csv:2: ") {
					t.Fatalf("row %q: error %q (field %q, line %d); want %q at line 2", tt.row, ie.Error(), ie.Field, ie.Line, tt.wantErr)
				}
			} else {
				if err != nil {
					t.Fatalf("row %q: Next = %v", tt.row, err)
				}
				if !reportsEqual(it.Report, tt.want) {
					t.Fatalf("row %q:\n got %s\nwant %s", tt.row, mustJSON(it.Report), mustJSON(tt.want))
				}
			}
			if _, err := r.Next(); err != io.EOF {
				t.Fatalf("second Next = %v; want io.EOF", err)
			}
		})
	}
}

// TestCSVLines checks line numbers and Raw with line breaks inside cells,
// CRLF line endings, a BOM and blank lines.
func TestCSVLines(t *testing.T) {
	in := "\uFEFFreport_id,narrative\r\n" +
		"A,\"one\r\ntwo\r\nthree\"\r\n" +
		"\r\n" +
		"B,plain\r\n" +
		"C,\"x\n\ny\"\n" +
		"D,last"
	r, err := NewReader(strings.NewReader(in), "l.csv", CSV, Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line      int
		id, story string
		raw       string
	}{
		{2, "A", "one\ntwo\nthree", "A,\"one\r\ntwo\r\nthree\""},
		{6, "B", "plain", "B,plain"},
		{7, "C", "x\n\ny", "C,\"x\n\ny\""},
		{10, "D", "last", "D,last"},
	}
	for _, w := range want {
		it, err := r.Next()
		if err != nil {
			t.Fatalf("Next = %v; want report %s", err, w.id)
		}
		if it.Line != w.line || it.Report.ID != w.id || it.Report.Narrative != w.story || string(it.Raw) != w.raw {
			t.Errorf("Next = line %d id %q narrative %q raw %q; want %d %q %q %q", it.Line, it.Report.ID, it.Report.Narrative, it.Raw, w.line, w.id, w.story, w.raw)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("Next at the end = %v; want io.EOF", err)
	}
}

func TestCSVEmpty(t *testing.T) {
	for _, in := range []string{"", "\uFEFF", "\n\n", "report_id,phones\n", "report_id,phones"} {
		r, err := NewReader(strings.NewReader(in), "e.csv", CSV, Mapping{})
		if err != nil {
			t.Fatalf("NewReader(%q) = %v", in, err)
		}
		if it, err := r.Next(); err != io.EOF {
			t.Errorf("reading %q: Next = %+v, %v; want io.EOF", in, it, err)
		}
	}
}

func TestTSV(t *testing.T) {
	in := "report_id\tphones\tnarrative\n" +
		"A\t\tHe said \"wait\".\n" +
		"B\t010-1;010-2\t\"two\tcells\"\n"
	got, err := readAll(t, "t.tsv", []byte(in), TSV, Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Report{
		{ID: "A", Narrative: `He said "wait".`},
		{ID: "B", Contacts: model.Contacts{Phones: []string{"010-1", "010-2"}}, Narrative: "two\tcells"},
	}
	if len(got) != len(want) {
		t.Fatalf("read %d results (%+v); want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].Report == nil || !reportsEqual(*got[i].Report, want[i]) {
			t.Errorf("item %d = %+v; want %s", i, got[i], mustJSON(want[i]))
		}
	}
}

// TestCSVTooLarge checks that a row over MaxItemSize ends the read with an
// error at its line, without reading the rest of the file into memory.
func TestCSVTooLarge(t *testing.T) {
	for _, tt := range []struct {
		name string
		row  string
	}{
		{"long narrative", "B,\"" + strings.Repeat("x", MaxItemSize) + "\"\n"},
		{"unclosed quote", "B,\"" + strings.Repeat("x\n", 4*MaxItemSize)},
		{"long line", "B," + strings.Repeat("y", 3*MaxItemSize) + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := &countingReader{r: strings.NewReader("report_id,narrative\nA,ok\n\n" + tt.row + "C,after\n")}
			r, err := NewReader(in, "big.csv", CSV, Mapping{})
			if err != nil {
				t.Fatal(err)
			}
			if it, err := r.Next(); err != nil || it.Report.ID != "A" {
				t.Fatalf("first Next = %+v, %v", it, err)
			}
			_, err = r.Next()
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line != 4 || !strings.Contains(fe.Reason, "over 1048576 bytes") {
				t.Fatalf("Next over a large row = %v; want a file error at line 4", err)
			}
			if in.n > 2*MaxItemSize {
				t.Errorf("read %d bytes to find a %d-byte row too large", in.n, MaxItemSize)
			}
		})
	}
}

// TestRawIsOwnCopy checks that an item's Raw and strings survive later reads.
func TestRawIsOwnCopy(t *testing.T) {
	for _, f := range []Format{CSV, JSONL, JSON} {
		var b bytes.Buffer
		if f == CSV {
			b.WriteString("report_id,narrative\n")
		}
		for i := range 3000 {
			id := strings.Repeat(string(rune('a'+i%26)), 20)
			if f == CSV {
				b.WriteString(id + ",n\n")
			} else {
				b.WriteString(`{"report_id":"` + id + `","narrative":"n"}` + "\n")
			}
		}
		r, err := NewReader(bytes.NewReader(b.Bytes()), "x", f, Mapping{})
		if err != nil {
			t.Fatal(err)
		}
		var items []Item
		for {
			it, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, it)
		}
		for i, it := range items {
			id := strings.Repeat(string(rune('a'+i%26)), 20)
			if it.Report.ID != id || !bytes.Contains(it.Raw, []byte(id)) {
				t.Fatalf("%s: item %d = id %q raw %q after reading on; want id %q", f, i, it.Report.ID, it.Raw, id)
			}
		}
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
