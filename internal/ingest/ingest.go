// Package ingest reads victim-report files into the store: every report a
// record with its provenance, every selector in it canonicalised and linked,
// a file all or nothing.
//
// A file is read by one goroutine, its reports are canonicalised by as many
// workers as there are cores (phone parsing and extraction from narratives
// are the costly part), and one writer puts them into the store in a single
// transaction, in file order. A malformed report stops the file with its
// file name, line and reason, and nothing of the file is stored; with
// SkipInvalid the good reports are stored and the rejected ones written out
// with their reasons. Ingesting the same file again, or one that overlaps,
// adds nothing twice: a report's record id is its agency id, or else the
// hash of its content.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/scamint/scamint/internal/ingest/report"
	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/money"
	"github.com/scamint/scamint/internal/selector"
)

// Tx is the write transaction ingest needs; the store's Tx satisfies it.
type Tx interface {
	AddSourceFile(ctx context.Context, f model.SourceFile) (model.SourceFileID, bool, error)
	PutRecord(ctx context.Context, r model.Record) (bool, error)
	PutReportFigures(ctx context.Context, f model.ReportFigures) error
	UpsertSelector(ctx context.Context, s selector.Selector) (model.SelectorID, error)
	LinkRecordSelector(ctx context.Context, m model.Mention) error
	Commit() error
	Rollback() error
}

// BeginFunc starts a write transaction.
type BeginFunc func(ctx context.Context) (Tx, error)

// Options control one ingest.
type Options struct {
	// Source names the agency or system the reports come from; it
	// namespaces their report ids ("knpa" → record "report:knpa:2025-0001").
	Source string
	// Format is the file format; empty means detect it.
	Format report.Format
	// Mapping renames a CSV file's columns to the schema's.
	Mapping report.Mapping
	// Region is the country in which national-format phone numbers and
	// bank accounts are read when a report names no victim country.
	Region string
	// SkipInvalid stores the good reports of a file with bad ones, and
	// writes each rejected report to Rejects.
	SkipInvalid bool
	Rejects     io.Writer
	// IngestedBy names who ingests, for provenance.
	IngestedBy string
	// Progress, if set, is called now and then with the bytes read so far
	// and the file's size.
	Progress func(read, size int64)
}

// Result says what an ingest of one file did.
type Result struct {
	File   string
	SHA256 string
	// Reports is the number of reports read; New of them were not stored
	// before; Rejected were skipped (SkipInvalid).
	Reports  int
	New      int
	Rejected int
	// Mentions is the number of selector mentions written.
	Mentions int
	// InvalidSelectors counts values in selector fields that are not valid
	// selectors: kept in the record, not correlated. Warnings describe the
	// first few.
	InvalidSelectors int
	Warnings         []string
	// NewRecords are the ids of the records stored for the first time.
	NewRecords []model.RecordID
}

// maxWarnings bounds Result.Warnings.
const maxWarnings = 20

// File ingests one report file.
func File(ctx context.Context, begin BeginFunc, path string, opts Options) (Result, error) {
	res := Result{File: path}
	sum, size, err := FileSHA256(path)
	if err != nil {
		return res, err
	}
	res.SHA256 = sum
	f, err := os.Open(path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	var r io.Reader = f
	if opts.Progress != nil {
		r = &progressReader{r: f, size: size, fn: opts.Progress}
	}
	format := opts.Format
	if format == "" {
		head := make([]byte, 4096)
		n, _ := io.ReadFull(f, head)
		if format, err = report.DetectFormat(path, head[:n]); err != nil {
			return res, fmt.Errorf("%s: %w", path, err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return res, err
		}
	}
	rd, err := report.NewReader(r, path, format, opts.Mapping)
	if err != nil {
		return res, err
	}

	tx, err := begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	by := opts.IngestedBy
	if by == "" {
		by = "unknown"
	}
	fileID, _, err := tx.AddSourceFile(ctx, model.SourceFile{
		FileName: filepath.Base(path), SHA256: sum, SizeBytes: size, MediaType: mediaType(format), IngestedBy: by,
	})
	if err != nil {
		return res, err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan *batch, 8)
	readErr := make(chan error, 1)
	go func() { readErr <- readBatches(ctx, rd, batches) }()

	// Workers canonicalise batches; the writer takes them back in order.
	workers := max(1, runtime.GOMAXPROCS(0))
	done := make(chan *batch, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				b.prepare(opts)
				done <- b
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	w := writer{ctx: ctx, tx: tx, file: fileID, opts: opts, by: by, res: &res, path: path}
	pending := map[int]*batch{}
	next := 0
	var werr error
	for b := range done {
		if werr != nil {
			continue // drain
		}
		pending[b.seq] = b
		for pb, ok := pending[next]; ok; pb, ok = pending[next] {
			delete(pending, next)
			next++
			if werr = w.write(pb); werr != nil {
				cancel()
				break
			}
		}
	}
	if werr != nil {
		return res, werr
	}
	if err := <-readErr; err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	return res, nil
}

// batch is a slice of a file's reports on its way through the pipeline.
type batch struct {
	seq   int
	items []report.Item
	errs  []error // per item: the reader's error, or nil
	prep  []prepared
}

const batchSize = 512

func readBatches(ctx context.Context, rd *report.Reader, out chan<- *batch) error {
	defer close(out)
	b := &batch{}
	seq := 0
	flush := func() bool {
		if len(b.items) == 0 {
			return true
		}
		b.seq = seq
		seq++
		select {
		case out <- b:
		case <-ctx.Done():
			return false
		}
		b = &batch{}
		return true
	}
	for {
		it, err := rd.Next()
		if errors.Is(err, io.EOF) {
			flush()
			return nil
		}
		var ie *report.ItemError
		if err != nil && !errors.As(err, &ie) {
			flush()
			return err // the file cannot be read further
		}
		b.items = append(b.items, it)
		b.errs = append(b.errs, err)
		if len(b.items) == batchSize && !flush() {
			return ctx.Err()
		}
	}
}

// prepared is a report ready to write.
type prepared struct {
	record   model.Record
	figures  model.ReportFigures
	mentions []mention
	invalid  []string // "field: reason" of invalid selectors
}

type mention struct {
	sel       selector.Selector
	field     string
	extracted bool
	start     int
	end       int
}

func (b *batch) prepare(opts Options) {
	b.prep = make([]prepared, len(b.items))
	for i := range b.items {
		if b.errs[i] == nil {
			b.prep[i] = prepare(&b.items[i].Report, opts)
		}
	}
}

// prepare canonicalises one report's selectors and builds its record.
func prepare(r *model.Report, opts Options) prepared {
	var p prepared
	region := r.Victim.Country
	if region == "" {
		region = opts.Region
	}
	o := selector.Options{Region: region}
	add := func(field string, kind selector.Kind, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		var s selector.Selector
		if kind == "" {
			s = selector.Detect(v, o)
		} else {
			s = selector.Parse(kind, v, o)
		}
		if !s.Valid {
			p.invalid = append(p.invalid, field+": "+s.Reason)
			return
		}
		p.addMention(s, field, false, 0, len(v))
	}
	for _, v := range r.Contacts.Phones {
		add("contacts.phones", selector.Phone, v)
	}
	for _, v := range r.Contacts.Messengers {
		add("contacts.messengers", "", v)
	}
	for _, v := range r.Contacts.Emails {
		add("contacts.emails", selector.Email, v)
	}
	for _, v := range r.Contacts.Wallets {
		add("contacts.wallets", selector.Crypto, v)
	}
	for _, v := range r.Contacts.BankAccounts {
		add("contacts.bank_accounts", selector.Bank, v)
	}
	for _, v := range r.Contacts.URLs {
		add("contacts.urls", selector.URL, v)
	}
	add("platform.url", selector.URL, r.Platform.URL)
	for _, pay := range r.Payments {
		// Where the money went; the victim's own account (From) is the
		// victim's data and links nothing.
		add("payments.to", "", pay.To)
	}
	for _, m := range selector.Extract(r.Narrative, o) {
		p.addMention(m.Selector, "narrative", true, m.Start, m.End)
	}

	body, err := json.Marshal(r)
	if err != nil {
		// A model.Report always marshals; keep the failure visible anyway.
		p.invalid = append(p.invalid, "record: "+err.Error())
	}
	p.record = model.Record{Type: model.ReportRecord, Body: body}
	if r.ID != "" {
		p.record.ID = model.RecordID("report:" + prefix(opts.Source) + r.ID)
	} else {
		h := sha256.Sum256(body)
		p.record.ID = model.RecordID("report:sha256:" + hex.EncodeToString(h[:]))
	}
	p.figures = figures(r, o)
	p.figures.RecordID = p.record.ID
	return p
}

func prefix(source string) string {
	if source == "" {
		return ""
	}
	return source + ":"
}

// addMention adds a selector and the selectors it implies (a URL's host and
// registrable domain), each once per field.
func (p *prepared) addMention(s selector.Selector, field string, extracted bool, start, end int) {
	p.mentions = append(p.mentions, mention{sel: s, field: field, extracted: extracted, start: start, end: end})
	for _, rel := range s.Related() {
		p.mentions = append(p.mentions, mention{sel: rel, field: field, extracted: extracted, start: start, end: end})
	}
}

// figures computes what network summaries add up: the date, scam type,
// a key for the victim that does not name them, and the losses.
func figures(r *model.Report, o selector.Options) model.ReportFigures {
	f := model.ReportFigures{Received: r.Received, ScamType: r.ScamType, VictimCountry: r.Victim.Country}
	if len(f.Received) > 10 {
		f.Received = f.Received[:10] // RFC 3339 → its date
	}
	if c := strings.TrimSpace(r.Victim.Contact); c != "" {
		if s := selector.Detect(c, o); s.Valid {
			c = s.Key()
		}
		f.VictimKey = hashKey("contact", c)
	} else if r.Victim.Name != "" {
		f.VictimKey = hashKey("name", strings.ToLower(strings.Join(strings.Fields(r.Victim.Name), " ")), r.Victim.Country)
	}
	sums := map[string]*money.Sum{}
	var order []string
	for _, pay := range r.Payments {
		if pay.Amount == "" || pay.Currency == "" {
			continue
		}
		d := sums[pay.Currency]
		if d == nil {
			d = &money.Sum{}
			sums[pay.Currency] = d
			order = append(order, pay.Currency)
		}
		d.Add(pay.Amount)
	}
	for _, cur := range order {
		f.Losses = append(f.Losses, model.Loss{Currency: cur, Amount: sums[cur].String()})
	}
	return f
}

func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// writer puts prepared reports into the transaction.
type writer struct {
	ctx  context.Context
	tx   Tx
	file model.SourceFileID
	opts Options
	by   string
	res  *Result
	path string
}

func (w *writer) write(b *batch) error {
	for i, it := range b.items {
		w.res.Reports++
		if err := b.errs[i]; err != nil {
			if !w.opts.SkipInvalid {
				return err
			}
			w.res.Rejected++
			if err := w.reject(it, err); err != nil {
				return err
			}
			continue
		}
		p := &b.prep[i]
		for _, inv := range p.invalid {
			w.res.InvalidSelectors++
			if len(w.res.Warnings) < maxWarnings {
				w.res.Warnings = append(w.res.Warnings, fmt.Sprintf("%s:%d: %s (kept in the record, not correlated)", w.path, it.Line, inv))
			}
		}
		p.record.SourceFileID = w.file
		p.record.Locator = "line " + strconv.Itoa(it.Line)
		p.record.IngestedBy = w.by
		if t, err := time.Parse("2006-01-02", p.figures.Received); err == nil {
			p.record.ReceivedAt = t
		}
		inserted, err := w.tx.PutRecord(w.ctx, p.record)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", w.path, it.Line, err)
		}
		if !inserted {
			continue // stored before, with its mentions
		}
		w.res.New++
		w.res.NewRecords = append(w.res.NewRecords, p.record.ID)
		if err := w.tx.PutReportFigures(w.ctx, p.figures); err != nil {
			return fmt.Errorf("%s:%d: %w", w.path, it.Line, err)
		}
		for _, m := range p.mentions {
			id, err := w.tx.UpsertSelector(w.ctx, m.sel)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", w.path, it.Line, err)
			}
			err = w.tx.LinkRecordSelector(w.ctx, model.Mention{SelectorID: id, Field: m.field, Extracted: m.extracted,
				Start: m.start, End: m.end, Provenance: model.Provenance{RecordID: p.record.ID}})
			if err != nil {
				return fmt.Errorf("%s:%d: %w", w.path, it.Line, err)
			}
			w.res.Mentions++
		}
	}
	return nil
}

// reject writes a rejected report: where it was, why, and its bytes.
func (w *writer) reject(it report.Item, err error) error {
	if w.opts.Rejects == nil {
		return nil
	}
	line, raw := it.Line, it.Raw
	var ie *report.ItemError
	if errors.As(err, &ie) {
		line, raw = ie.Line, ie.Raw
	}
	out, _ := json.Marshal(struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Reason string `json:"reason"`
		Raw    string `json:"raw"`
	}{w.path, line, err.Error(), string(raw)})
	_, werr := w.opts.Rejects.Write(append(out, '\n'))
	return werr
}

func mediaType(f report.Format) string {
	switch f {
	case report.CSV:
		return "text/csv"
	case report.TSV:
		return "text/tab-separated-values"
	case report.JSON:
		return "application/json"
	case report.JSONL:
		return "application/jsonl"
	}
	return ""
}

// FileSHA256 returns the lower-case hex SHA-256 and the size of a file: its
// identity in the store's provenance.
func FileSHA256(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

type progressReader struct {
	r    io.Reader
	read int64
	size int64
	fn   func(read, size int64)
	last int64
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.read += int64(n)
	if p.read-p.last >= 1<<20 || err != nil {
		p.last = p.read
		p.fn(p.read, p.size)
	}
	return n, err
}
