package report

import (
	"reflect"
	"strings"
	"testing"
)

func TestLoadMapping(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Mapping
		wantErr string
	}{
		{"columns", `{"report_id": "접수번호", "Victim_Name": " 피해자 "}`,
			Mapping{Columns: map[string]string{"report_id": "접수번호", "victim_name": " 피해자 "}}, ""},
		{"ignore", `{"report_id": "No.", "ignore": ["담당자", "처리상태"]}`,
			Mapping{Columns: map[string]string{"report_id": "No."}, Ignore: []string{"담당자", "처리상태"}}, ""},
		{"BOM", "\uFEFF{\"phones\": \"전화\"}", Mapping{Columns: map[string]string{"phones": "전화"}}, ""},
		{"empty object", `{}`, Mapping{Columns: map[string]string{}}, ""},
		{"unknown columns named", `{"report_id": "a", "victim_age": "b", "officer": "c"}`, Mapping{}, `"officer", "victim_age" are not a schema column`},
		{"not an object", `["report_id"]`, Mapping{}, "want a JSON object"},
		{"not JSON", `report_id=접수번호`, Mapping{}, "want a JSON object"},
		{"value not a string", `{"report_id": 3}`, Mapping{}, "report_id: want the file's column name"},
		{"empty value", `{"report_id": " "}`, Mapping{}, "report_id: empty column name"},
		{"ignore not a list", `{"ignore": "담당자"}`, Mapping{}, "ignore: want a list"},
		{"file column twice", `{"phones": "연락처", "victim_contact": "연락처"}`, Mapping{}, `"연락처" is mapped to both phones and victim_contact`},
		{"mapped and ignored", `{"phones": "연락처", "ignore": ["연락처"]}`, Mapping{}, "both mapped to phones and ignored"},
		{"schema column twice", `{"phones": "a", "PHONES": "b"}`, Mapping{}, "phones given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadMapping(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadMapping(%s) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("LoadMapping(%s) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestLoadMappingTooLarge(t *testing.T) {
	big := `{"report_id": "` + strings.Repeat("x", maxMappingSize) + `"}`
	if _, err := LoadMapping(strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "over") {
		t.Errorf("LoadMapping(%d bytes) = %v; want a size error", len(big), err)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, file, head string
		want             Format // "" means an error
	}{
		{"csv extension", "reports.CSV", "anything", CSV},
		{"tsv extension", "a.tsv", "", TSV},
		{"tab extension", "a.tab", "", TSV},
		{"jsonl extension", "a.jsonl", "[", JSONL},
		{"ndjson extension", "a.ndjson", "", JSONL},
		{"json extension, array", "a.json", "[\n{", JSON},
		{"json extension, pretty object", "a.json", "{\n  \"report_id\": \"1\"\n}", JSON},
		{"json extension holding JSON lines", "a.json", "{\"report_id\":\"1\"}\n{\"report_id\":\"2\"}\n", JSONL},
		{"sniff array after BOM and space", "-", "\uFEFF \n [ {", JSON},
		{"sniff JSON lines", "stdin", "{\"report_id\":\"1\",\"narrative\":\"a } in a string\"}\n{\"report_id\":\"2\"}", JSONL},
		{"sniff one long line", "", "{\"report_id\":\"1\",\"narrative\":\"cut off by the head", JSONL},
		{"sniff pretty object", "", "{\n\"report_id\": \"1\"}", JSON},
		{"sniff object with nested first line", "", "{\"victim\": {\"name\": \"a\"},\n\"report_id\": \"1\"}", JSON},
		{"sniff CSV", "export", "Report ID,Received,Narrative\r\n1,2025-01-01,x", CSV},
		{"sniff CSV with quoted header", "export.txt", "\"report_id\",\"phones\"\n", CSV},
		{"sniff CSV after blank lines", "export", "\r\n\nphones,narrative\n", CSV},
		{"sniff TSV", "export", "report_id\tphones\n1\t010", TSV},
		{"sniff unknown header", "export", "접수번호,피해자\n", ""},
		{"empty", "export", "", ""},
		{"only spaces", "export", " \n\t", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectFormat(tt.file, []byte(tt.head))
			if tt.want == "" {
				if err == nil {
					t.Fatalf("DetectFormat(%q, %q) = %q; want an error", tt.file, tt.head, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("DetectFormat(%q, %q) = %q, %v; want %q", tt.file, tt.head, got, err, tt.want)
			}
		})
	}
}
