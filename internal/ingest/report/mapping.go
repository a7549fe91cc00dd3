package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The columns of the CSV schema, in the order docs/reports.md lists them.
// Each has the JSON path of the model.Report field it fills.
const (
	colReportID = iota
	colReceived
	colChannel
	colVictimName
	colVictimContact
	colVictimCountry
	colScamType
	colPaymentDate
	colPaymentMethod
	colPaymentAmount
	colPaymentCurrency
	colPaymentFrom
	colPaymentTo
	colPaymentTxHash
	colPlatformName
	colPlatformURL
	colPlatformApp
	colPhones
	colMessengers
	colEmails
	colWallets
	colBankAccounts
	colURLs
	colNarrative
	numColumns
)

var columns = [numColumns]struct{ name, path string }{
	colReportID:        {"report_id", "report_id"},
	colReceived:        {"received", "received"},
	colChannel:         {"channel", "channel"},
	colVictimName:      {"victim_name", "victim.name"},
	colVictimContact:   {"victim_contact", "victim.contact"},
	colVictimCountry:   {"victim_country", "victim.country"},
	colScamType:        {"scam_type", "scam_type"},
	colPaymentDate:     {"payment_date", "payments.date"},
	colPaymentMethod:   {"payment_method", "payments.method"},
	colPaymentAmount:   {"payment_amount", "payments.amount"},
	colPaymentCurrency: {"payment_currency", "payments.currency"},
	colPaymentFrom:     {"payment_from", "payments.from"},
	colPaymentTo:       {"payment_to", "payments.to"},
	colPaymentTxHash:   {"payment_tx_hash", "payments.tx_hash"},
	colPlatformName:    {"platform_name", "platform.name"},
	colPlatformURL:     {"platform_url", "platform.url"},
	colPlatformApp:     {"platform_app", "platform.app"},
	colPhones:          {"phones", "contacts.phones"},
	colMessengers:      {"messengers", "contacts.messengers"},
	colEmails:          {"emails", "contacts.emails"},
	colWallets:         {"wallets", "contacts.wallets"},
	colBankAccounts:    {"bank_accounts", "contacts.bank_accounts"},
	colURLs:            {"urls", "contacts.urls"},
	colNarrative:       {"narrative", "narrative"},
}

// Columns lists the column names of the CSV schema, in documentation order.
func Columns() []string {
	names := make([]string, numColumns)
	for i, c := range columns {
		names[i] = c.name
	}
	return names
}

// columnIndex returns the schema column a header name stands for, or -1.
// The name must already be folded by headerKey.
func columnIndex(key string) int {
	for i, c := range columns {
		if c.name == key {
			return i
		}
	}
	return -1
}

// headerKey folds a header cell for matching: surrounding space dropped,
// lower case, and runs of spaces and hyphens read as "_", so that
// "Report ID" and "report-id" name report_id.
func headerKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.ContainsAny(s, " -\t") {
		return s
	}
	var b strings.Builder
	sep := false
	for _, c := range s {
		if c == ' ' || c == '-' || c == '\t' {
			sep = true
			continue
		}
		if sep {
			b.WriteByte('_')
			sep = false
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Mapping tells how a CSV file's own column names stand for the schema's,
// for exports whose header cannot be changed (a police system's Korean
// column names). It is read from a mapping file by LoadMapping. The zero
// Mapping maps nothing.
type Mapping struct {
	// Columns maps a schema column ("report_id") to the file's column name
	// ("접수번호").
	Columns map[string]string
	// Ignore lists the file's columns that hold nothing for scamint (the
	// case officer, a status) and are to be skipped.
	Ignore []string
}

// IsZero reports whether m maps and ignores nothing.
func (m Mapping) IsZero() bool { return len(m.Columns) == 0 && len(m.Ignore) == 0 }

// maxMappingSize bounds what LoadMapping reads; a real mapping is a few
// hundred bytes.
const maxMappingSize = 1 << 20

// LoadMapping reads a mapping file: a JSON object whose keys are schema
// columns and whose values are the file's column names, with an optional
// "ignore" key holding a list of the file's columns to skip:
//
//	{"report_id": "접수번호", "victim_name": "피해자", "ignore": ["담당자"]}
//
// A key that is not a schema column is an error naming it, as is a file
// column named twice.
func LoadMapping(r io.Reader) (Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxMappingSize+1))
	if err != nil {
		return Mapping{}, fmt.Errorf("mapping: %w", err)
	}
	if len(data) > maxMappingSize {
		return Mapping{}, fmt.Errorf("mapping: over %d bytes", maxMappingSize)
	}
	data = bytes.TrimPrefix(data, bom)
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Mapping{}, fmt.Errorf("mapping: want a JSON object of schema column → file column: %w", err)
	}
	m := Mapping{Columns: make(map[string]string, len(raw))}
	var unknown []string
	for key, val := range raw {
		if key == "ignore" {
			if err := json.Unmarshal(val, &m.Ignore); err != nil {
				return Mapping{}, fmt.Errorf("mapping: ignore: want a list of column names: %w", err)
			}
			continue
		}
		col := strings.ToLower(strings.TrimSpace(key))
		if columnIndex(col) < 0 {
			unknown = append(unknown, key)
			continue
		}
		var name string
		if err := json.Unmarshal(val, &name); err != nil {
			return Mapping{}, fmt.Errorf("mapping: %s: want the file's column name as a string", col)
		}
		if strings.TrimSpace(name) == "" {
			return Mapping{}, fmt.Errorf("mapping: %s: empty column name", col)
		}
		if _, dup := m.Columns[col]; dup {
			return Mapping{}, fmt.Errorf("mapping: %s given twice", col)
		}
		m.Columns[col] = name
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return Mapping{}, fmt.Errorf("mapping: %s not a schema column (the columns are %s)",
			quoteList(unknown, "is", "are"), strings.Join(Columns(), ", "))
	}
	return m, m.check()
}

// check refuses a mapping that names one file column twice.
func (m Mapping) check() error {
	for col := range m.Columns {
		if columnIndex(col) < 0 {
			return fmt.Errorf("mapping: %q is not a schema column", col)
		}
	}
	by := make(map[string]string, len(m.Columns)+len(m.Ignore))
	cols := make([]string, 0, len(m.Columns))
	for col := range m.Columns {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	for _, col := range cols {
		key := headerKey(m.Columns[col])
		if other, dup := by[key]; dup {
			return fmt.Errorf("mapping: file column %q is mapped to both %s and %s", m.Columns[col], other, col)
		}
		by[key] = col
	}
	for _, name := range m.Ignore {
		if other, dup := by[headerKey(name)]; dup && other != "ignore" {
			return fmt.Errorf("mapping: file column %q is both mapped to %s and ignored", name, other)
		}
		by[headerKey(name)] = "ignore"
	}
	return nil
}

// quoteList quotes up to ten names for a message, with the verb agreeing.
func quoteList(names []string, one, many string) string {
	const max = 10
	q := make([]string, 0, min(len(names), max))
	for i, n := range names {
		if i == max {
			break
		}
		q = append(q, excerpt(n))
	}
	s := strings.Join(q, ", ")
	if len(names) > max {
		s += fmt.Sprintf(" and %d more", len(names)-max)
	}
	verb := many
	if len(names) == 1 {
		verb = one
	}
	if verb == "" {
		return s
	}
	return s + " " + verb
}
