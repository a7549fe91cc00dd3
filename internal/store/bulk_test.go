package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// A synthetic victim report as ingest will write it: one record with five
// selector mentions. Three selectors are the report's own (the scammer's
// phone, e-mail and Telegram handle); two come from shared pools (a mule
// wallet used by 1 in 1,000 reports, a platform domain by 1 in 50), so the
// load exercises both new selectors and the lookup of known ones.
type syntheticReport struct {
	id   model.RecordID
	body []byte
	sels [5]selector.Selector
}

func makeReport(i int) syntheticReport {
	n := strconv.Itoa(i)
	phone := fmt.Sprintf("+8210%08d", i%100000000)
	email := "scammer" + n + "@example.com"
	tg := "telegram:invest_helper_" + n
	wallet := fmt.Sprintf("TXmulewallet%06d", i%1000)
	domain := fmt.Sprintf("prince-invest-%02d.com", i%50)
	body := fmt.Sprintf(`{"report_id":"KR-%s","received":"2025-10-01","phone":%q,"email":%q,"telegram":%q,`+
		`"payments":[{"to_wallet":%q,"amount":"12000","currency":"USDT"}],"platform":%q,`+
		`"narrative":"Met on a dating app, moved to Telegram, told to invest on the platform."}`,
		n, phone, email, tg, wallet, domain)
	return syntheticReport{
		id:   model.RecordID("KR-" + n),
		body: []byte(body),
		sels: [5]selector.Selector{
			{Kind: selector.Phone, Canonical: phone, Valid: true},
			{Kind: selector.Email, Canonical: email, Valid: true},
			{Kind: selector.Telegram, Canonical: tg, Valid: true},
			{Kind: selector.Crypto, Canonical: wallet, Valid: true},
			{Kind: selector.Domain, Canonical: domain, Valid: true},
		},
	}
}

var reportFields = [5]string{"phone", "email", "telegram", "payments.to_wallet", "platform"}

// putReportWithSelectors writes r and its five mentions in tx.
func putReportWithSelectors(ctx context.Context, tx *Tx, file model.SourceFileID, r syntheticReport) error {
	inserted, err := tx.PutRecord(ctx, model.Record{ID: r.id, Type: model.ReportRecord, SourceFileID: file,
		Locator: "line", IngestedBy: "bulk-test", Body: r.body})
	if err != nil || !inserted {
		return err
	}
	prov := model.Provenance{RecordID: r.id}
	for j, sel := range r.sels {
		id, err := tx.UpsertSelector(ctx, sel)
		if err != nil {
			return err
		}
		if err := tx.LinkRecordSelector(ctx, model.Mention{SelectorID: id, Field: reportFields[j],
			End: len(sel.Canonical), Provenance: prov}); err != nil {
			return err
		}
	}
	return nil
}

// importReports is a whole-file import: one source file, n reports, one
// transaction. progress, if not nil, is called after each report.
func importReports(ctx context.Context, s *Store, n int, progress func(i int)) error {
	tx, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	file, _, err := tx.AddSourceFile(ctx, model.SourceFile{FileName: "reports-bulk.csv", SHA256: sha("reports-bulk"),
		SizeBytes: int64(n) * 400, MediaType: "text/csv", IngestedBy: "bulk-test"})
	if err != nil {
		return err
	}
	for i := range n {
		if err := putReportWithSelectors(ctx, tx, file, makeReport(i)); err != nil {
			return err
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return tx.Commit()
}

// BenchmarkBulkInsert measures ingest's write path: per op, one report
// record with five selector upserts and five mentions, committed in
// transactions of 10,000 reports. ns/op is therefore the cost per record;
// cpu-µs/record is the same in CPU time (all threads, GC included), which
// stays meaningful when other work shares the machine. The cost grows with
// the store, so compare runs of the same -benchtime (e.g. 100000x). The
// target is 1M reports a minute for ingest and correlation together, 60 µs
// per report for everything.
func BenchmarkBulkInsert(b *testing.B) {
	const perTx = 10000
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	reports := make([]syntheticReport, b.N)
	for i := range reports {
		reports[i] = makeReport(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start, startCPU := time.Now(), processCPU()
	var tx *Tx
	var file model.SourceFileID
	for i := range b.N {
		if i%perTx == 0 {
			if tx != nil {
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			if tx, err = s.Begin(ctx); err != nil {
				b.Fatal(err)
			}
			if file, _, err = tx.AddSourceFile(ctx, model.SourceFile{FileName: "bench.csv",
				SHA256: sha("bench" + strconv.Itoa(i)), IngestedBy: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
		if err := putReportWithSelectors(ctx, tx, file, reports[i]); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "records/s")
	if cpu := processCPU() - startCPU; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/record")
	}
}
