package report

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// secret marks personal data in the inputs below; no error may contain it.
const secret = "SECRETKIM"

// TestErrorsQuoteNoVictimData breaks reports in every way an error can
// report, with victim data at and around the break, and checks that no
// error message carries the victim data.
func TestErrorsQuoteNoVictimData(t *testing.T) {
	const hdr = "report_id,victim_name,victim_contact,victim_country,payment_from,payment_amount,narrative\n"
	tests := []struct {
		name string
		f    Format
		in   string
	}{
		{"CSV bad country", CSV, hdr + "A,SECRETKIM,SECRETKIM,SECRETKIM,,,SECRETKIM\n"},
		{"CSV bad country of two letters and more", CSV, hdr + "A,x,x,SECRETKIM,,,x\n"},
		{"CSV victim name not UTF-8", CSV, hdr + "A,SECRETKIM\xb1\xe6,x,KR,,,x\n"},
		{"CSV cell count", CSV, hdr + "A,SECRETKIM,SECRETKIM\n"},
		{"CSV bare quote in a name", CSV, hdr + "A,SECRET\"KIM\",x,KR,,,x\n"},
		{"CSV bare quote in a narrative", CSV, hdr + "A,x,x,KR,,,SECRETKIM said \"SECRETKIM\"\n"},
		{"CSV broken quote", CSV, hdr + "A,\"SECRETKIM\"SECRETKIM\",x,KR,,,x\nB,x,x,KR,,,x\n"},
		{"CSV open quote", CSV, hdr + "A,x,x,KR,,,\"SECRETKIM\nSECRETKIM\n"},
		{"CSV unnamed column", CSV, "report_id,\nA,SECRETKIM\n"},
		{"CSV no header", CSV, "KNPA-1,SECRETKIM,010-1234-5678,KR\n"},
		{"CSV payments misaligned", CSV, hdr + "A,x,x,KR,SECRETKIM;SECRETKIM,1;2;3,x\n"},
		{"JSON lines bad country", JSONL, `{"victim":{"name":"SECRETKIM","country":"SECRETKIM"}}`},
		{"JSON lines wrong type next to a name", JSONL, `{"victim":{"name":"SECRETKIM","contact":["SECRETKIM"]}}`},
		{"JSON lines syntax error in a name", JSONL, `{"victim":{"name":"SECRETKIM\q"}}`},
		{"JSON lines syntax error after a name", JSONL, `{"victim":{"name":"SECRETKIM" "SECRETKIM"}}`},
		{"JSON lines unclosed name", JSONL, `{"victim":{"name":"SECRETKIM`},
		{"JSON lines control character", JSONL, "{\"narrative\":\"SECRETKIM\tSECRETKIM\"}"},
		{"JSON lines bad UTF-8", JSONL, "{\"narrative\":\"SECRETKIM\xff\"}"},
		{"JSON lines payment source", JSONL, `{"payments":[{"from":"SECRETKIM","amount":"SECRETKIM"}]}`},
		{"JSON lines bare word", JSONL, `{"victim":{"name":SECRETKIM}}`},
		{"JSON bad element", JSON, "[{\"victim\":{\"name\":\"SECRETKIM\" \"x\"}},\n{\"x\":1}]"},
		{"JSON broken array", JSON, "[{\"victim\":{\"name\":\"SECRETKIM\"}} SECRETKIM]"},
		{"JSON bad bracket", JSON, "[{\"victim\":{\"name\":\"SECRETKIM\"]}]"},
		{"JSON top-level word", JSON, "SECRETKIM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []string
			r, err := NewReader(strings.NewReader(tt.in), "p", tt.f, Mapping{})
			if err != nil {
				errs = append(errs, err.Error())
			} else {
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						errs = append(errs, err.Error())
					}
					var ie *ItemError
					if err != nil && !errors.As(err, &ie) {
						break
					}
				}
			}
			if len(errs) == 0 {
				t.Fatalf("reading %q gave no error", tt.in)
			}
			for _, e := range errs {
				if strings.Contains(e, secret) || strings.Contains(e, "SECRET") {
					t.Errorf("reading %q: error %q quotes victim data", tt.in, e)
				}
			}
		})
	}
}

// TestItemErrorCarriesRaw checks that a rejected item keeps its bytes for a
// rejects file.
func TestItemErrorCarriesRaw(t *testing.T) {
	r, err := NewReader(strings.NewReader("report_id,received\nA,someday\n"), "r.csv", CSV, Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Next()
	var ie *ItemError
	if !errors.As(err, &ie) || !bytes.Equal(ie.Raw, []byte("A,someday")) || ie.Line != 2 || ie.Field != "received" {
		t.Fatalf("Next = %#v; want an item error at line 2 on received with raw %q", err, "A,someday")
	}
}
