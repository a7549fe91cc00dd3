package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scamint/scamint/internal/model"
)

// csvReader reads CSV (or TSV) reports with encoding/csv. A recorder
// between the file and encoding/csv keeps the bytes of the current row, so
// that Raw is the row as it stood, and refuses to hold more than a row's
// worth, so that a quote that never closes cannot make it read the whole
// file into memory.
type csvReader struct {
	file string
	rec  *recorder
	cr   *csv.Reader
	// cols maps each of the file's columns to a schema column, or to
	// colIgnored, or to colUnnamed (a column with an empty header, which
	// must stay empty).
	cols []int
	// names names each schema column as errors show it: the schema name,
	// followed by the file's name when the mapping renamed it.
	names [numColumns]string
	// start is the input offset where the next row's bytes start, and
	// line the line there.
	start int64
	line  int
}

const (
	colIgnored = -1
	colUnnamed = -2
)

func newCSVReader(r io.Reader, file string, sep rune, m Mapping) (*csvReader, error) {
	rec := &recorder{r: skipBOM(r)}
	c := &csvReader{file: file, rec: rec, cr: csv.NewReader(rec), line: 1}
	c.cr.Comma = sep
	c.cr.ReuseRecord = true
	// Spaces after a comma are common in hand-written CSV (a, "b"); in
	// TSV the option would also swallow the tabs of empty cells.
	c.cr.TrimLeadingSpace = sep != '\t'
	// TSV as spreadsheets write it leaves quotes inside cells as they are.
	c.cr.LazyQuotes = sep == '\t'

	header, err := c.cr.Read()
	if err == io.EOF {
		c.cols = nil
		return c, nil // no header, no reports: an empty file is fine
	}
	if err != nil {
		return nil, c.fatal(err)
	}
	line, _ := c.cr.FieldPos(0)
	if err := c.readHeader(header, line, m); err != nil {
		return nil, err
	}
	c.advance()
	return c, nil
}

// readHeader matches the header's cells to schema columns: through the
// mapping first, then the mapping's ignore list, then by the schema's own
// names.
func (c *csvReader) readHeader(header []string, line int, m Mapping) error {
	fileErr := func(format string, args ...any) error {
		return &FileError{File: c.file, Line: line, Reason: fmt.Sprintf(format, args...)}
	}
	for _, cell := range header {
		if !utf8.ValidString(cell) {
			return fileErr("header: not valid UTF-8; convert the file to UTF-8 (exports from Korean systems are often in CP949/EUC-KR)")
		}
	}
	mapped := make(map[string]int, len(m.Columns))
	for col, name := range m.Columns {
		mapped[headerKey(name)] = columnIndex(col)
		c.names[columnIndex(col)] = col + " (" + strings.TrimSpace(name) + ")"
	}
	for i := range c.names {
		if c.names[i] == "" {
			c.names[i] = columns[i].name
		}
	}
	ignored := make(map[string]bool, len(m.Ignore))
	for _, name := range m.Ignore {
		ignored[headerKey(name)] = true
	}

	c.cols = make([]int, len(header))
	from := [numColumns]int{} // schema column → 1 + the file column giving it
	var unknown []string
	known := 0
	for i, cell := range header {
		key := headerKey(cell)
		col, ok := mapped[key]
		switch {
		case ok:
		case ignored[key]:
			c.cols[i] = colIgnored
			continue
		case columnIndex(key) >= 0 && m.Columns[key] == "":
			col = columnIndex(key)
		case key == "":
			c.cols[i] = colUnnamed
			continue
		default:
			unknown = append(unknown, strings.TrimSpace(cell))
			c.cols[i] = colIgnored
			continue
		}
		if prev := from[col]; prev != 0 {
			return fileErr("header: columns %d (%s) and %d (%s) both give %s",
				prev, excerpt(strings.TrimSpace(header[prev-1])), i+1, excerpt(strings.TrimSpace(cell)), columns[col].name)
		}
		from[col] = i + 1
		c.cols[i] = col
		known++
	}
	if known == 0 && len(unknown) > 0 {
		// The cells are not quoted: a file without a header has a
		// victim's report on its first line.
		return fileErr("line %d is not a report header: none of its %d cells is a schema column (docs/reports.md lists them); if the file names its columns otherwise, map them with a mapping file (--map)", line, len(header))
	}
	if len(unknown) > 0 {
		return fileErr("header: unknown %s; map %s or list %s under \"ignore\" in a mapping file (--map)",
			plural(len(unknown), "column", "columns")+" "+quoteList(unknown, "", ""),
			plural(len(unknown), "it to a schema column", "them to schema columns"), plural(len(unknown), "it", "them"))
	}
	var missing []string
	for col, name := range m.Columns {
		if from[columnIndex(col)] == 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return fileErr("header: the mapping names %s not in the header", plural(len(missing), "column", "columns")+" "+quoteList(missing, "", ""))
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (c *csvReader) next() (Item, error) {
	if c.cols == nil {
		return Item{}, io.EOF
	}
	record, err := c.cr.Read()
	if err == io.EOF {
		return Item{}, io.EOF
	}
	var line int
	var pe *csv.ParseError
	switch {
	case err == nil:
		line, _ = c.cr.FieldPos(0)
	case errors.As(err, &pe) && (pe.Err == csv.ErrFieldCount || pe.Err == csv.ErrBareQuote):
		// The row was read to its end: the next one is in step.
		line = pe.StartLine
	default:
		return Item{}, c.fatal(err)
	}
	raw := rowBytes(c.rec.slice(c.start, c.cr.InputOffset()))
	if len(raw) > MaxItemSize {
		return Item{}, c.fatal(errTooLarge)
	}
	raw = bytes.Clone(raw)
	c.advance()

	itemErr := func(field, reason string) error {
		return &ItemError{File: c.file, Line: line, Field: field, Reason: reason, Raw: raw}
	}
	if pe == nil && blankRow(record) {
		// Spreadsheets leave rows of empty cells (",,,,") at the end of
		// an export: they hold no report, like a blank line.
		return c.next()
	}
	switch {
	case pe == nil:
	case pe.Err == csv.ErrFieldCount:
		if blankRow(record) {
			return c.next()
		}
		return Item{}, itemErr("", fmt.Sprintf("row has %d cells but the header has %d", len(record), len(c.cols)))
	default:
		return Item{}, itemErr("", fmt.Sprintf("column %d: a quote in an unquoted cell (quote the whole cell and write the quote as \"\")", pe.Column))
	}
	if !utf8.Valid(raw) {
		for i, cell := range record {
			if !utf8.ValidString(cell) {
				return Item{}, itemErr(c.cellName(i), "not valid UTF-8; convert the file to UTF-8 (exports from Korean systems are often in CP949/EUC-KR)")
			}
		}
	}

	var r model.Report
	var pay [numPaymentColumns]string
	var lists [colURLs - colPhones + 1]string
	payments := false
	for i, cell := range record {
		col := c.cols[i]
		switch col {
		case colIgnored:
		case colUnnamed:
			if strings.TrimSpace(cell) != "" {
				return Item{}, itemErr("", fmt.Sprintf("column %d has no name in the header but a value in this row", i+1))
			}
		case colReportID:
			r.ID = cell
		case colReceived:
			r.Received = cell
		case colChannel:
			r.Channel = cell
		case colVictimName:
			r.Victim.Name = cell
		case colVictimContact:
			r.Victim.Contact = cell
		case colVictimCountry:
			r.Victim.Country = cell
		case colScamType:
			r.ScamType = model.ScamType(cell)
		case colPlatformName:
			r.Platform.Name = cell
		case colPlatformURL:
			r.Platform.URL = cell
		case colPlatformApp:
			r.Platform.App = cell
		case colPhones, colMessengers, colEmails, colWallets, colBankAccounts, colURLs:
			lists[col-colPhones] = cell
		case colNarrative:
			r.Narrative = cell
		default: // a payment column
			pay[col-colPaymentDate] = cell
			payments = true
		}
	}
	splitLists(&r.Contacts, &lists)
	if payments {
		var fe *fieldError
		if r.Payments, fe = c.payments(&pay); fe != nil {
			return Item{}, itemErr(c.fieldName(fe), fe.reason)
		}
	}
	if fe := normalize(&r); fe != nil {
		return Item{}, itemErr(c.fieldName(fe), fe.reason)
	}
	return Item{Report: r, Line: line, Raw: raw}, nil
}

// payments builds the payments from the payment_* cells: each holds one
// value per payment, separated by ";" or line breaks and aligned by
// position. A single method, currency or source account stands for every
// payment.
func (c *csvReader) payments(cells *[numPaymentColumns]string) ([]model.ReportPayment, *fieldError) {
	var counts [numPaymentColumns]int
	n := 1
	for i, cell := range cells {
		counts[i] = countItems(cell)
		n = max(n, counts[i])
	}
	ps := make([]model.ReportPayment, n)
	for i, cell := range cells {
		col := colPaymentDate + i
		k := counts[i]
		if k != 0 && k != n && !(k == 1 && broadcast(col)) {
			return nil, &fieldError{columns[col].path, -1, c.mismatch(i, &counts, n)}
		}
		for j := range ps {
			v := cell // k == 1: the one value, for every payment
			switch k {
			case 0:
				v = ""
			case n:
				v, cell = nextItem(cell)
			}
			*paymentField(&ps[j], col) = v
		}
	}
	return ps, nil
}

const numPaymentColumns = colPaymentTxHash - colPaymentDate + 1

// mismatch says how payment column i's count of values differs from n.
func (c *csvReader) mismatch(i int, counts *[numPaymentColumns]int, n int) string {
	for other, k := range counts {
		if k == n {
			return fmt.Sprintf("%d %s but %s has %d; the payment_* cells hold one value per payment, separated by \";\"",
				counts[i], plural(counts[i], "value", "values"), c.names[colPaymentDate+other], n)
		}
	}
	return "payment lists differ in length"
}

// broadcast reports whether one value in a payment column may stand for
// every payment: the same method, currency or source account is usual; the
// same date, amount, destination or transaction hash is not.
func broadcast(col int) bool {
	return col == colPaymentMethod || col == colPaymentCurrency || col == colPaymentFrom
}

func paymentField(p *model.ReportPayment, col int) *string {
	switch col {
	case colPaymentDate:
		return &p.Date
	case colPaymentMethod:
		return &p.Method
	case colPaymentAmount:
		return &p.Amount
	case colPaymentCurrency:
		return &p.Currency
	case colPaymentFrom:
		return &p.From
	case colPaymentTo:
		return &p.To
	}
	return &p.TxHash
}

// fieldName names a field in CSV terms: its column, and which payment when
// there are several.
func (c *csvReader) fieldName(fe *fieldError) string {
	if fe.path == "" {
		return ""
	}
	for i, col := range columns {
		if col.path == fe.path {
			name := c.names[i]
			if fe.index >= 0 && strings.HasPrefix(fe.path, "payments.") {
				name += " (payment " + strconv.Itoa(fe.index+1) + ")"
			}
			return name
		}
	}
	return fe.path
}

func (c *csvReader) cellName(i int) string {
	if col := c.cols[i]; col >= 0 {
		return c.names[col]
	}
	return "column " + strconv.Itoa(i+1)
}

// fatal turns an error of encoding/csv or of the recorder into a FileError.
func (c *csvReader) fatal(err error) error {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errTooLarge):
		line := c.line
		for _, b := range c.rec.slice(c.start, c.rec.offset()) {
			if b != '\n' && b != '\r' {
				break
			}
			if b == '\n' {
				line++
			}
		}
		return &FileError{File: c.file, Line: line, Reason: fmt.Sprintf("row is over %d bytes: is a quote left open? (a \" inside a quoted cell is written \"\")", MaxItemSize), Err: err}
	case errors.As(err, &pe) && pe.Err == csv.ErrQuote && c.rec.eof && c.cr.InputOffset() == c.rec.offset():
		return &FileError{File: c.file, Line: pe.StartLine, Reason: fmt.Sprintf("a quoted cell opened in the row starting at line %d never closes", pe.StartLine), Err: err}
	case errors.As(err, &pe) && pe.Err == csv.ErrQuote:
		return &FileError{File: c.file, Line: pe.Line, Reason: fmt.Sprintf("column %d: a quote is missing or extra in a quoted cell of the row starting at line %d (a \" inside a quoted cell is written \"\"); the rows after it cannot be told apart", pe.Column, pe.StartLine), Err: err}
	case errors.As(err, &pe) && pe.Err == csv.ErrBareQuote:
		return &FileError{File: c.file, Line: pe.Line, Reason: fmt.Sprintf("column %d: a quote in an unquoted cell (quote the whole cell and write the quote as \"\")", pe.Column), Err: err}
	case errors.As(err, &pe):
		return &FileError{File: c.file, Line: pe.Line, Reason: pe.Err.Error(), Err: err}
	}
	return readError(c.file, 0, err)
}

// advance moves past the row just read.
func (c *csvReader) advance() {
	end := c.cr.InputOffset()
	c.line += bytes.Count(c.rec.slice(c.start, end), []byte("\n"))
	c.start = end
	c.rec.forget(end)
}

// rowBytes trims the blank lines encoding/csv skipped before a row and the
// row's line ending.
func rowBytes(b []byte) []byte {
	b = bytes.TrimLeft(b, "\r\n")
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// isSep reports whether c separates the values of a multi-valued cell.
func isSep(c byte) bool { return c == ';' || c == '\n' || c == '\r' }

// countItems counts the values in a multi-valued cell, empty ones included
// (they keep payments aligned: "0xab;" is a hash, then none); an empty cell
// has none.
func countItems(s string) int {
	if strings.TrimSpace(s) == "" {
		return 0
	}
	n := 1 + strings.Count(s, ";") + strings.Count(s, "\n")
	if strings.IndexByte(s, '\r') >= 0 {
		n += strings.Count(s, "\r") - strings.Count(s, "\r\n")
	}
	return n
}

// nextItem returns the first value of a multi-valued cell and the rest.
func nextItem(s string) (string, string) {
	for i := 0; i < len(s); i++ {
		if isSep(s[i]) {
			j := i + 1
			if s[i] == '\r' && j < len(s) && s[j] == '\n' {
				j++
			}
			return s[:i], s[j:]
		}
	}
	return s, ""
}

// splitLists fills the contact lists from their cells: values separated by
// ";" or line breaks, trimmed, without the empty ones. The lists share one
// backing array (each capped, so that an append to one cannot overwrite
// the next).
func splitLists(c *model.Contacts, cells *[colURLs - colPhones + 1]string) {
	total := 0
	for _, cell := range cells {
		total += countItems(cell)
	}
	if total == 0 {
		return
	}
	all := make([]string, 0, total)
	for i, cell := range cells {
		start := len(all)
		for cell != "" {
			var v string
			v, cell = nextItem(cell)
			if v = strings.TrimSpace(v); v != "" {
				all = append(all, v)
			}
		}
		if len(all) == start {
			continue
		}
		list := all[start:len(all):len(all)]
		switch colPhones + i {
		case colPhones:
			c.Phones = list
		case colMessengers:
			c.Messengers = list
		case colEmails:
			c.Emails = list
		case colWallets:
			c.Wallets = list
		case colBankAccounts:
			c.BankAccounts = list
		case colURLs:
			c.URLs = list
		}
	}
}

// errTooLarge is the recorder's refusal to hold more than a row's worth.
var errTooLarge = errors.New("row too large")

// recorder passes a file's bytes to encoding/csv and keeps those of the
// current row. Offsets are from the start of the file after its BOM, as
// csv.Reader.InputOffset counts them.
type recorder struct {
	r    io.Reader
	buf  []byte // the bytes from offset base on
	base int64
	keep int64 // the offset of the current row's start
	eof  bool
}

func (rc *recorder) Read(p []byte) (int, error) {
	if rc.offset()-rc.keep > MaxItemSize {
		return 0, errTooLarge
	}
	n, err := rc.r.Read(p)
	rc.buf = append(rc.buf, p[:n]...)
	if err == io.EOF {
		rc.eof = true
	}
	return n, err
}

// offset is the offset of the end of the bytes read so far.
func (rc *recorder) offset() int64 { return rc.base + int64(len(rc.buf)) }

// slice returns the bytes in [from, to); they are valid until the next Read.
func (rc *recorder) slice(from, to int64) []byte {
	return rc.buf[from-rc.base : to-rc.base]
}

// forget drops the bytes before offset to, moving the rest to the front of
// the buffer once the dropped part is large enough to be worth the copy.
func (rc *recorder) forget(to int64) {
	rc.keep = to
	drop := int(to - rc.base)
	if drop < 32<<10 && drop < len(rc.buf) {
		return
	}
	n := copy(rc.buf, rc.buf[drop:])
	rc.buf = rc.buf[:n]
	rc.base = to
}

// blankRow reports whether every cell of a row is empty or white space.
func blankRow(record []string) bool {
	for _, cell := range record {
		if strings.TrimSpace(cell) != "" {
			return false
		}
	}
	return true
}
