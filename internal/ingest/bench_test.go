package ingest

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/scamint/scamint/internal/sim"
)

// BenchmarkIngest ingests a simulated file of 20,000 reports into a fresh
// store per op; reports/s is the figure to compare.
func BenchmarkIngest(b *testing.B) {
	const n = 20000
	dir := b.TempDir()
	path := filepath.Join(dir, "reports.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := sim.New(sim.Config{Reports: n, Seed: 1}).WriteJSONL(w, nil); err != nil {
		b.Fatal(err)
	}
	w.Flush()
	f.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		st := openStore(b, filepath.Join(dir, "s"+string(rune('a'+i%26))+".db"))
		if _, err := File(context.Background(), beginOn(st), path, Options{IngestedBy: "bench"}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "reports/s")
}
