package report

import (
	"strings"
	"testing"

	"github.com/scamint/scamint/internal/model"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string // want "" means an error
	}{
		{"2025-03-14", "2025-03-14"},
		{"2025/03/14", "2025-03-14"},
		{"2025.03.14", "2025-03-14"},
		{"2025.3.4", "2025-03-04"},
		{"2025. 3. 14.", "2025-03-14"},
		{"2025-3-4", "2025-03-04"},
		{"2024-02-29", "2024-02-29"},
		{"2025-03-14T09:30:00+09:00", "2025-03-14T00:30:00Z"},
		{"2025-03-14T09:30:00.250+09:00", "2025-03-14T00:30:00.25Z"},
		{"2025-03-14T00:30:00Z", "2025-03-14T00:30:00Z"},
		{"2025-03-14T23:30:00-05:00", "2025-03-15T04:30:00Z"},
		{"2025-02-29", ""},
		{"2025-13-01", ""},
		{"2025-00-10", ""},
		{"2025-01-32", ""},
		{"2025-1-1-1", ""},
		{"2025/03-14", ""},
		{"2025.03.14..", ""},
		{"14/03/2025", ""},
		{"03/14/2025", ""},
		{"2025-03-14 09:30", ""},
		{"2025-03-14T09:30", ""},
		{"0001-01-01T00:00:00+01:00", ""}, // year 0 in UTC
		{"yesterday", ""},
		{"2025", ""},
		{"２０２５-03-14", ""},
	}
	for _, tt := range tests {
		got, why := normalizeDate(tt.in)
		if tt.want == "" {
			if why == "" {
				t.Errorf("normalizeDate(%q) = %q; want an error", tt.in, got)
			}
			continue
		}
		if why != "" || got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, %q; want %q", tt.in, got, why, tt.want)
		}
		if again, why := normalizeDate(got); again != got || why != "" {
			t.Errorf("normalizeDate(%q) = %q, %q; want a fixed point", got, again, why)
		}
	}
}

func TestNormalizeAmount(t *testing.T) {
	tests := []struct {
		in, want string // want "" means an error
	}{
		{"3000000", "3000000"},
		{"3,000,000", "3000000"},
		{"12,500.50", "12500.50"},
		{"0.5", "0.5"},
		{"0", "0"},
		{"007", "007"},
		{"3,00,000", "300000"}, // Indian grouping
		{"12,34,56,789", "123456789"},
		{"999", "999"},
		{"1,000", "1000"},
		{"1,5", ""}, // a decimal comma
		{"1,50", ""},
		{"1,5000", ""},
		{",500", ""},
		{"1,000,", ""},
		{"1,,000", ""},
		{"1234,567", ""},
		{"1,000,00,000", ""}, // mixed grouping
		{"12.", ""},
		{".5", ""},
		{"1.2.3", ""},
		{"-5", ""},
		{"+5", ""},
		{"1e9", ""},
		{"abc", ""},
		{"3,000,000원", ""},
		{"$100", ""},
		{"1 000", ""},
		{"１０００", ""},
	}
	for _, tt := range tests {
		got, why := normalizeAmount(tt.in)
		if tt.want == "" {
			if why == "" {
				t.Errorf("normalizeAmount(%q) = %q; want an error", tt.in, got)
			}
			continue
		}
		if why != "" || got != tt.want {
			t.Errorf("normalizeAmount(%q) = %q, %q; want %q", tt.in, got, why, tt.want)
		}
	}
}

func TestNormalizeScamType(t *testing.T) {
	tests := []struct {
		in   string
		want model.ScamType // "" means invalid
	}{
		{"pig_butchering", model.PigButchering},
		{"Pig Butchering", model.PigButchering},
		{"pig-butchering", model.PigButchering},
		{"PIG  BUTCHERING", model.PigButchering},
		{"Voice-Phishing", model.VoicePhishing},
		{"job scam", model.JobScam},
		{"OTHER", model.OtherScam},
		{"_romance_", model.Romance},
		{"pigbutchering", ""},
		{"crypto romance", ""},
		{"사기", ""},
	}
	for _, tt := range tests {
		got, ok := normalizeScamType(tt.in)
		if ok != (tt.want != "") || ok && got != tt.want {
			t.Errorf("normalizeScamType(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestNormalizeCodes(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{{"kr", "KR"}, {"KR", "KR"}, {"Kr", "KR"}, {"KOR", ""}, {"K", ""}, {"K1", ""}, {"한국", ""}} {
		got, ok := normalizeCountry(tt.in)
		if ok != (tt.want != "") || ok && got != tt.want {
			t.Errorf("normalizeCountry(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, tt := range []struct {
		in, want string
	}{{"krw", "KRW"}, {"USDT", "USDT"}, {"usdc", "USDC"}, {"1INCH", "1INCH"}, {"US", ""}, {"WRAPPED", ""}, {"US$", ""}, {"₩", ""}, {"USDT-TRC20", ""}} {
		got, ok := normalizeCurrency(tt.in)
		if ok != (tt.want != "") || ok && got != tt.want {
			t.Errorf("normalizeCurrency(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestNormalizeReport(t *testing.T) {
	r := model.Report{
		ID:       "  KNPA-1 ",
		Received: "2025.3.4",
		Victim:   model.Victim{Name: " Kim ", Country: "kr"},
		ScamType: "Pig Butchering",
		Payments: []model.ReportPayment{
			{Amount: " 1,000 ", Currency: "krw"},
			{Method: "  "}, // empty: dropped
		},
		Contacts: model.Contacts{Phones: []string{" ", "010-1234-5678 ", ""}, Emails: []string{" "}},
	}
	if err := normalize(&r); err != nil {
		t.Fatalf("normalize: %v", err)
	}
	want := model.Report{
		ID:       "KNPA-1",
		Received: "2025-03-04",
		Victim:   model.Victim{Name: "Kim", Country: "KR"},
		ScamType: model.PigButchering,
		Payments: []model.ReportPayment{{Amount: "1000", Currency: "KRW"}},
		Contacts: model.Contacts{Phones: []string{"010-1234-5678"}},
	}
	if !reportsEqual(r, want) {
		t.Errorf("normalize = %+v; want %+v", r, want)
	}

	empty := model.Report{Narrative: "  ", Payments: []model.ReportPayment{{}}, Contacts: model.Contacts{URLs: []string{""}}}
	if err := normalize(&empty); err == nil || !strings.Contains(err.reason, "empty report") {
		t.Errorf("normalize(blank report) = %v; want an empty-report error", err)
	}
}

// reportsEqual compares reports by their JSON, which does not tell a nil
// list from an empty one.
func reportsEqual(a, b model.Report) bool {
	return mustJSON(a) == mustJSON(b)
}
