package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want model.Report
		// wantErr is "FIELD: reason substring" for an error.
		wantErr string
	}{
		{"every field", `{"report_id":"A","received":"2025-01-01","channel":"online","victim":{"name":"N","contact":"C","country":"KR"},
			"scam_type":"romance","payments":[{"date":"2025-01-02","method":"crypto","amount":"5","currency":"USDT","from":"F","to":"T","tx_hash":"H"}],
			"platform":{"name":"P","url":"U","app":"AP"},"contacts":{"phones":["1"],"messengers":["2"],"emails":["3"],"wallets":["4"],"bank_accounts":["5"],"urls":["6"]},
			"narrative":"story"}`,
			model.Report{ID: "A", Received: "2025-01-01", Channel: "online", Victim: model.Victim{Name: "N", Contact: "C", Country: "KR"},
				ScamType: model.Romance, Payments: []model.ReportPayment{{Date: "2025-01-02", Method: "crypto", Amount: "5", Currency: "USDT", From: "F", To: "T", TxHash: "H"}},
				Platform:  model.ReportPlatform{Name: "P", URL: "U", App: "AP"},
				Contacts:  model.Contacts{Phones: []string{"1"}, Messengers: []string{"2"}, Emails: []string{"3"}, Wallets: []string{"4"}, BankAccounts: []string{"5"}, URLs: []string{"6"}},
				Narrative: "story"}, ""},
		{"numbers kept as written", `{"report_id":20250001,"payments":[{"amount":1500.50}]}`,
			model.Report{ID: "20250001", Payments: []model.ReportPayment{{Amount: "1500.50"}}}, ""},
		{"nulls", `{"report_id":"A","victim":null,"payments":null,"platform":null,"contacts":{"phones":null,"emails":[null,"e"]},"narrative":null}`,
			model.Report{ID: "A", Contacts: model.Contacts{Emails: []string{"e"}}}, ""},
		{"empty containers", `{"report_id":"A","victim":{},"payments":[],"contacts":{"urls":[]}}`, model.Report{ID: "A"}, ""},
		{"escapes", `{"narrative":"a\"b\\c\/d\n\t\u00e9\uD83D\uDE00\u0041 \ud800x"}`, model.Report{Narrative: "a\"b\\c/d\n\t\u00e9\U0001F600A \uFFFDx"}, ""},
		{"white space everywhere", " \t\r\n{ \"report_id\" :\n\"A\" , \"contacts\" : { \"phones\" : [ \"1\" , \"2\" ] } }\n ",
			model.Report{ID: "A", Contacts: model.Contacts{Phones: []string{"1", "2"}}}, ""},
		{"unknown field", `{"report_id":"A","age":40}`, model.Report{}, `: unknown field "age"`},
		{"unknown nested field", `{"victim":{"name":"N","age":40}}`, model.Report{}, `victim: unknown field "age"`},
		{"unknown field in a payment", `{"payments":[{},{"amount":"1","fee":"2"}]}`, model.Report{}, `payments[1]: unknown field "fee"`},
		{"keys are case-sensitive", `{"Report_ID":"A"}`, model.Report{}, `: unknown field "Report_ID"`},
		{"escaped key matches", `{"report\u005fid":"A"}`, model.Report{ID: "A"}, ""},
		{"repeated field", `{"report_id":"A","report_id":"B"}`, model.Report{}, `: field "report_id" given twice`},
		{"wrong type: object for string", `{"report_id":{}}`, model.Report{}, "report_id: want a string, not an object"},
		{"wrong type: boolean", `{"narrative":true}`, model.Report{}, "narrative: want a string, not a boolean"},
		{"wrong type: string for list", `{"contacts":{"wallets":"T1"}}`, model.Report{}, "contacts.wallets: want an array, not a string"},
		{"wrong type: list element", `{"contacts":{"wallets":["T1",["T2"]]}}`, model.Report{}, "contacts.wallets[1]: want a string, not an array"},
		{"wrong type: payments object", `{"payments":{"amount":"1"}}`, model.Report{}, "payments: want an array, not an object"},
		{"wrong type: payment string", `{"payments":["1"]}`, model.Report{}, "payments[0]: want an object, not a string"},
		{"top level array", `[{"report_id":"A"}]`, model.Report{}, ": want an object, not an array"},
		{"top level null", `null`, model.Report{}, ": empty report"},
		{"two objects", `{"report_id":"A"} {"report_id":"B"}`, model.Report{}, ": not JSON: column 19: more after the report object"},
		{"trailing comma", `{"report_id":"A",}`, model.Report{}, "want a field name in quotes"},
		{"missing colon", `{"report_id" "A"}`, model.Report{}, `want ":" after a field name`},
		{"unclosed string", `{"report_id":"A}`, model.Report{}, "a string is not closed"},
		{"control character", "{\"narrative\":\"a\tb\"}", model.Report{}, "a control character in a string"},
		{"bad escape", `{"narrative":"\x41"}`, model.Report{}, `'x' is not a JSON escape`},
		{"short unicode escape", `{"narrative":"\u12"}`, model.Report{}, "needs four hex digits"},
		{"bad number", `{"report_id":01}`, model.Report{}, `want "," or "}"`},
		{"minus alone", `{"report_id":-}`, model.Report{}, "a number needs digits"},
		{"bare word", `{"report_id":nul}`, model.Report{}, "'n' cannot start a value"},
		{"invalid UTF-8 in a victim field", "{\"victim\":{\"name\":\"Hong \xb1\xe6\"}}", model.Report{}, "victim.name: not valid UTF-8"},
		{"invalid UTF-8 after an escape", "{\"narrative\":\"\\n\xc8\"}", model.Report{}, "narrative: not valid UTF-8"},
		{"syntax error on a later line", "{\n\"report_id\": \"A\",\n\"received\" \"x\"\n}", model.Report{}, "line 3 of the item, column 12"},
		{"amount with exponent", `{"payments":[{"amount":1e9}]}`, model.Report{}, `payments[0].amount: not a decimal number`},
		{"negative amount", `{"payments":[{"amount":-5}]}`, model.Report{}, `payments[0].amount: not a decimal number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := decodeItem(&decoder{}, "", 1, []byte(tt.in))
			if tt.wantErr != "" {
				var ie *ItemError
				if !errors.As(err, &ie) {
					t.Fatalf("decode(%s) = %s, %v; want an item error", tt.in, mustJSON(it.Report), err)
				}
				if got := ie.Field + ": " + ie.Reason; !strings.Contains(got, tt.wantErr) {
					t.Fatalf("decode(%s) error = %q; want %q", tt.in, got, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("decode(%s) = %v", tt.in, err)
			}
			if !reportsEqual(it.Report, tt.want) {
				t.Fatalf("decode(%s)\n got %s\nwant %s", tt.in, mustJSON(it.Report), mustJSON(tt.want))
			}
		})
	}
}

// TestDecodeLikeEncodingJSON holds the hand-written decoder to
// encoding/json's reading of the samples: where both accept a report, they
// read the same report.
func TestDecodeLikeEncodingJSON(t *testing.T) {
	for _, name := range []string{"reports.jsonl", "bad_lines.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(line)) > 0 {
				checkLikeEncodingJSON(t, line, name, i+1)
			}
		}
	}
}

func checkLikeEncodingJSON(t *testing.T, in []byte, where string, line int) {
	t.Helper()
	var mine model.Report
	ferr := (&decoder{}).decode(string(in), &mine)
	if ferr == nil && !json.Valid(in) {
		t.Fatalf("%s:%d: decoder accepts invalid JSON %q", where, line, in)
	}
	var theirs model.Report
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.DisallowUnknownFields()
	jerr := dec.Decode(&theirs)
	if jerr == nil && dec.More() {
		jerr = errors.New("more")
	}
	if ferr == nil && jerr == nil && mustJSON(nilEmpty(mine)) != mustJSON(nilEmpty(theirs)) {
		t.Fatalf("%s:%d: decoder reads %q as\n%s\nencoding/json as\n%s", where, line, in, mustJSON(mine), mustJSON(theirs))
	}
}

func TestJSONLines(t *testing.T) {
	long := `{"narrative":"` + strings.Repeat("x", MaxItemSize) + `"}`
	in := "\uFEFF{\"report_id\":\"A\"}\r\n" +
		"\n" +
		"   \t\n" +
		long + "\n" +
		"{\"report_id\":\"B\"}\n" +
		long + "\n" +
		"{\"report_id\":\"C\"}" // no final newline
	got, err := readAll(t, "l.jsonl", []byte(in), JSONL, Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, r := range got {
		switch {
		case r.Report != nil:
			summary = append(summary, r.Report.ID+"@"+itoa(r.Line)+" raw "+r.Raw)
		default:
			summary = append(summary, r.Error)
		}
	}
	want := []string{
		`A@1 raw {"report_id":"A"}`,
		"l.jsonl:4: line is over 1048576 bytes",
		`B@5 raw {"report_id":"B"}`,
		"l.jsonl:6: line is over 1048576 bytes",
		`C@7 raw {"report_id":"C"}`,
	}
	if strings.Join(summary, "\n") != strings.Join(want, "\n") {
		t.Errorf("reading JSON lines:\n got %q\nwant %q", summary, want)
	}
}

func TestJSONFile(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "ID@LINE" for a report, "error LINE" or "fatal LINE: reason" (a substring)
	}{
		{"array", "[\n{\"report_id\":\"A\"},\n  {\"report_id\":\"B\"}\n]\n", []string{"A@2", "B@3"}},
		{"one object", "\n\n{\n  \"report_id\": \"A\"\n}\n", []string{"A@3"}},
		{"objects one after another", "{\"report_id\":\"A\"}\n{\"report_id\":\"B\"}", []string{"A@1", "B@2"}},
		{"arrays one after another", "[{\"report_id\":\"A\"}] [{\"report_id\":\"B\"}]", []string{"A@1", "B@1"}},
		{"empty array", " [ ] ", nil},
		{"empty file", "", nil},
		{"brackets in strings", `[{"report_id":"A","narrative":"}]{[\"\\"}]`, []string{"A@1"}},
		{"bad element, then good", "[{\"report_id\":\"A\",\"x\":1},\n{\"report_id\":\"B\"}]", []string{"error 1", "B@2"}},
		{"syntax error inside an element", "[{\"report_id\" \"A\"},\n{\"report_id\":\"B\"}]", []string{"error 1", "B@2"}},
		{"missing comma", "[{\"report_id\":\"A\"}\n{\"report_id\":\"B\"}]", []string{"A@1", `fatal 2: want "," or "]" after an array element, not '{'`}},
		{"trailing comma", "[{\"report_id\":\"A\"},\n]", []string{"A@1", `fatal 2: a "," before "]"`}},
		{"leading comma", "[,{\"report_id\":\"A\"}]", []string{`fatal 1: a report object, not ','`}},
		{"unclosed array", "[{\"report_id\":\"A\"},\n{\"report_id\":\"B\"}\n", []string{"A@1", "B@2", `fatal 3: the array is not closed`}},
		{"unclosed element", "[{\"report_id\":\"A\"},\n{\"report_id\":\"B\"\n", []string{"A@1", `fatal 2: the element starting here is not closed`}},
		{"mismatched bracket", "[{\"contacts\":{\"phones\":[\"1\"}}}]", []string{`fatal 1: '}' does not close the element`}},
		{"not an object", "[\"A\"]", []string{`fatal 1: want a report object, not '"'`}},
		{"top-level string", "\"A\"", []string{`fatal 1: want a report object or an array of them, not '"'`}},
		{"too deep", "[" + strings.Repeat(`{"a":`, 70), []string{"fatal 1: nests deeper than 64"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := readAll(t, "f.json", []byte(tt.in), JSON, Mapping{})
			var got []string
			for _, r := range res {
				switch {
				case r.Report != nil:
					got = append(got, r.Report.ID+"@"+itoa(r.Line))
				case r.Error != "":
					got = append(got, "error "+itoa(r.Line))
				default:
					got = append(got, "fatal "+strings.TrimPrefix(r.Fatal, "f.json:"))
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("reading %q: got %q; want %q", tt.in, got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) && !(strings.HasPrefix(tt.want[i], "fatal") && strings.Contains(got[i], strings.SplitN(tt.want[i], ": ", 2)[1]) && strings.HasPrefix(got[i], strings.SplitN(tt.want[i], ":", 2)[0])) {
					t.Fatalf("reading %q: got %q; want %q", tt.in, got, tt.want)
				}
			}
		})
	}
}

func TestJSONElementTooLarge(t *testing.T) {
	in := &countingReader{r: io.MultiReader(
		strings.NewReader(`[{"report_id":"A"},`+"\n"+`{"narrative":"`),
		strings.NewReader(strings.Repeat("x", 4*MaxItemSize)),
		strings.NewReader(`"}]`))}
	r, err := NewReader(in, "big.json", JSON, Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	if it, err := r.Next(); err != nil || it.Report.ID != "A" {
		t.Fatalf("first Next = %+v, %v", it, err)
	}
	_, err = r.Next()
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 2 || !strings.Contains(fe.Reason, "over 1048576 bytes") {
		t.Fatalf("Next over a large element = %v; want a file error at line 2", err)
	}
	if in.n > 3*MaxItemSize {
		t.Errorf("read %d bytes to find a %d-byte element too large", in.n, MaxItemSize)
	}
}

func TestNewReaderErrors(t *testing.T) {
	if _, err := NewReader(strings.NewReader(""), "x", "xml", Mapping{}); err == nil {
		t.Error("NewReader(format xml) = nil error")
	}
	m := Mapping{Columns: map[string]string{"report_id": "번호"}}
	if _, err := NewReader(strings.NewReader(""), "x.json", JSON, m); err == nil || !strings.Contains(err.Error(), "CSV and TSV only") {
		t.Errorf("NewReader(JSON with a mapping) = %v; want an error", err)
	}
}

// failingReader returns its data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestReadErrorIsFatal(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, tt := range []struct {
		f    Format
		data string
	}{
		{CSV, "report_id\nA\n"},
		{JSONL, `{"report_id":"A"}` + "\n"},
		{JSON, `[{"report_id":"A"},`},
	} {
		r, err := NewReader(&failingReader{[]byte(tt.data), boom}, "x", tt.f, Mapping{})
		if err != nil {
			t.Fatalf("%s: NewReader = %v", tt.f, err)
		}
		var last error
		for range 5 {
			if _, last = r.Next(); last != nil {
				if errors.Is(last, boom) {
					break
				}
			}
		}
		var ie *ItemError
		if !errors.Is(last, boom) || errors.As(last, &ie) {
			t.Errorf("%s: Next after a read error = %v; want a fatal error wrapping it", tt.f, last)
		}
	}
}

// nilEmpty makes empty lists nil: encoding/json reads [] as an empty list,
// which JSON (omitzero) then writes differently from a missing one.
func nilEmpty(r model.Report) model.Report {
	for _, l := range []*[]string{&r.Contacts.Phones, &r.Contacts.Messengers, &r.Contacts.Emails,
		&r.Contacts.Wallets, &r.Contacts.BankAccounts, &r.Contacts.URLs} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	if len(r.Payments) == 0 {
		r.Payments = nil
	}
	return r
}
