package sim

import (
	"io"
	"testing"
)

// BenchmarkSimulate measures reports written per second, as JSON lines
// and as CSV, truth included.
func BenchmarkSimulate(b *testing.B) {
	const reports = 20_000
	w := New(Config{Reports: reports, Seed: 1})
	for _, bc := range []struct {
		name  string
		write func(out, truth io.Writer) error
	}{
		{"jsonl", w.WriteJSONL},
		{"csv", w.WriteCSV},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bc.write(io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(reports*b.N)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}
