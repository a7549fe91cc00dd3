package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/scamint/scamint/internal/model"
)

// benchReports returns n typical reports of about 600 bytes: a victim, one
// or two payments, a platform, a handful of selectors and a few sentences
// of narrative, in English and Korean.
func benchReports(n int) []model.Report {
	names := []string{"Kim Min-jun", "Lee Seo-yeon", "박지훈", "최수연", "Margaret Doyle", "Somchai Wongsakul"}
	stories := []string{
		"A woman called Lina wrote to me on Instagram and moved the chat to Telegram. She showed me profits on the platform and I bought USDT on an exchange and sent it to the deposit address she gave me.",
		"인스타그램에서 알게 된 사람이 코인 투자를 권유했습니다. 처음에는 수익이 났지만 출금하려면 수수료를 내라고 했고 그 뒤로 연락이 끊겼습니다.",
		"Wrong-number text that turned into a friendship. He taught me to trade gold on an app; when I tried to withdraw they asked for a 20% tax first.",
	}
	reports := make([]model.Report, n)
	for i := range reports {
		r := model.Report{
			ID:       fmt.Sprintf("KNPA-2025-%07d", i),
			Received: fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28),
			Channel:  "online",
			Victim:   model.Victim{Name: names[i%len(names)], Contact: fmt.Sprintf("010-%04d-%04d", i%10000, (i*7)%10000), Country: "KR"},
			ScamType: model.PigButchering,
			Payments: []model.ReportPayment{{Date: "2025-02-03", Method: "crypto", Amount: fmt.Sprint(1000 + i%50000), Currency: "USDT", To: "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf"}},
			Platform: model.ReportPlatform{Name: "Prince Global Invest", URL: "https://app.prince-global.example/login"},
			Contacts: model.Contacts{
				Phones:     []string{fmt.Sprintf("+855 12 %03d %03d", i%1000, (i/1000)%1000)},
				Messengers: []string{fmt.Sprintf("@prince_desk_%d", i%300), "https://t.me/prince_vip_desk"},
				Emails:     []string{"support@prince-global.example"},
				Wallets:    []string{"TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf"},
			},
			Narrative: stories[i%len(stories)],
		}
		if i%3 == 0 {
			r.Payments = append(r.Payments, model.ReportPayment{Date: "2025-02-17", Method: "crypto", Amount: "12500.50", Currency: "USDT", To: "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", TxHash: "9f2c4e1a7b3d5c8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70"})
		}
		reports[i] = r
	}
	return reports
}

// writeCSV writes reports in the CSV schema.
func writeCSV(reports []model.Report) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(Columns())
	for _, r := range reports {
		col := func(get func(p model.ReportPayment) string) string {
			vals := make([]string, len(r.Payments))
			for i, p := range r.Payments {
				vals[i] = get(p)
			}
			return strings.Join(vals, ";")
		}
		c := r.Contacts
		w.Write([]string{r.ID, r.Received, r.Channel, r.Victim.Name, r.Victim.Contact, r.Victim.Country, string(r.ScamType),
			col(func(p model.ReportPayment) string { return p.Date }),
			col(func(p model.ReportPayment) string { return p.Method }),
			col(func(p model.ReportPayment) string { return p.Amount }),
			col(func(p model.ReportPayment) string { return p.Currency }),
			col(func(p model.ReportPayment) string { return p.From }),
			col(func(p model.ReportPayment) string { return p.To }),
			col(func(p model.ReportPayment) string { return p.TxHash }),
			r.Platform.Name, r.Platform.URL, r.Platform.App,
			strings.Join(c.Phones, ";"), strings.Join(c.Messengers, ";"), strings.Join(c.Emails, ";"),
			strings.Join(c.Wallets, ";"), strings.Join(c.BankAccounts, ";"), strings.Join(c.URLs, ";"), r.Narrative})
	}
	w.Flush()
	return buf.Bytes()
}

func writeJSONL(reports []model.Report) []byte {
	var buf bytes.Buffer
	for _, r := range reports {
		b, _ := json.Marshal(r)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func writeJSONArray(reports []model.Report) []byte {
	b, _ := json.MarshalIndent(reports, "", "  ")
	return b
}

// TestBenchData checks that the benchmarks' files read back as the
// reports they were written from.
func TestBenchData(t *testing.T) {
	reports := benchReports(50)
	for _, tt := range []struct {
		f    Format
		data []byte
	}{{CSV, writeCSV(reports)}, {JSONL, writeJSONL(reports)}, {JSON, writeJSONArray(reports)}} {
		got, err := readAll(t, "bench", tt.data, tt.f, Mapping{})
		if err != nil || len(got) != len(reports) {
			t.Fatalf("%s: read %d results, %v; want %d reports", tt.f, len(got), err, len(reports))
		}
		for i, res := range got {
			if res.Report == nil || mustJSON(*res.Report) != mustJSON(reports[i]) {
				t.Fatalf("%s: report %d = %+v; want %s", tt.f, i, res, mustJSON(reports[i]))
			}
		}
	}
}

// benchRead reads reports from data over and over, one report per
// iteration; reports per second = 1e9 / (ns/op).
func benchRead(b *testing.B, f Format, data []byte, n int) {
	b.SetBytes(int64(len(data) / n))
	b.ReportAllocs()
	r, err := NewReader(bytes.NewReader(data), "bench", f, Mapping{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		_, err := r.Next()
		if err == io.EOF {
			b.StopTimer()
			r, _ = NewReader(bytes.NewReader(data), "bench", f, Mapping{})
			b.StartTimer()
			i--
			continue
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	reportRates(b, processCPU()-cpu)
}

// reportRates reports reports per second of wall time and of CPU time: on
// a shared machine wall time measures the neighbours too.
func reportRates(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "reports/cpu-s")
	}
}

const benchN = 10000

func BenchmarkCSV(b *testing.B) {
	benchRead(b, CSV, writeCSV(benchReports(benchN)), benchN)
}

func BenchmarkJSONL(b *testing.B) {
	benchRead(b, JSONL, writeJSONL(benchReports(benchN)), benchN)
}

func BenchmarkJSONArray(b *testing.B) {
	benchRead(b, JSON, writeJSONArray(benchReports(benchN)), benchN)
}

// BenchmarkEncodingJSON is the baseline the hand-written decoder replaces:
// encoding/json with unknown fields refused, one report per op.
func BenchmarkEncodingJSON(b *testing.B) {
	data := writeJSONL(benchReports(benchN))
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	b.SetBytes(int64(len(data) / benchN))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		var r model.Report
		d := json.NewDecoder(bytes.NewReader(lines[i%len(lines)]))
		d.DisallowUnknownFields()
		if err := d.Decode(&r); err != nil {
			b.Fatal(err)
		}
	}
	reportRates(b, processCPU()-cpu)
}
