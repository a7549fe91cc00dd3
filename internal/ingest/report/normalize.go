package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scamint/scamint/internal/model"
)

// fieldError is a problem with one field of one report. Path is the field's
// JSON path without indexes ("payments.amount", "victim.country"); Index is
// the payment's or list element's position, -1 if none. Each format names
// the field in its own words: "payments[1].amount" in JSON,
// "payment_amount (payment 2)" in CSV.
//
// Reason quotes no value: a victim's name in the wrong column would
// otherwise end up in a log.
type fieldError struct {
	path   string
	index  int
	reason string
}

func (e *fieldError) Error() string { return jsonPath(e.path, e.index) + ": " + e.reason }

// jsonPath names a field as a JSON path: the index follows "payments" or,
// for a list of strings, the list itself.
func jsonPath(path string, index int) string {
	if index < 0 || path == "" {
		return path
	}
	if rest, ok := strings.CutPrefix(path, "payments"); ok {
		return "payments[" + strconv.Itoa(index) + "]" + rest
	}
	return path + "[" + strconv.Itoa(index) + "]"
}

// normalize trims every text field, drops empty list elements and empty
// payments, checks the fields that have a syntax, and rewrites them to
// their one written form (dates as YYYY-MM-DD or RFC 3339 in UTC, amounts
// without thousands separators, currencies and countries in upper case,
// scam types as in model.ScamTypes). It is idempotent: a normalized report
// normalizes to itself, so a report read, written as JSON and read again is
// the same report.
//
// It does not touch selectors beyond trimming them: the ingest pipeline
// canonicalises those, with the victim's country as region.
func normalize(r *model.Report) *fieldError {
	r.ID = strings.TrimSpace(r.ID)
	r.Received = strings.TrimSpace(r.Received)
	r.Channel = strings.TrimSpace(r.Channel)
	r.Victim.Name = strings.TrimSpace(r.Victim.Name)
	r.Victim.Contact = strings.TrimSpace(r.Victim.Contact)
	r.Victim.Country = strings.TrimSpace(r.Victim.Country)
	r.ScamType = model.ScamType(strings.TrimSpace(string(r.ScamType)))
	r.Platform.Name = strings.TrimSpace(r.Platform.Name)
	r.Platform.URL = strings.TrimSpace(r.Platform.URL)
	r.Platform.App = strings.TrimSpace(r.Platform.App)
	r.Narrative = strings.TrimSpace(r.Narrative)
	c := &r.Contacts
	c.Phones = trimList(c.Phones)
	c.Messengers = trimList(c.Messengers)
	c.Emails = trimList(c.Emails)
	c.Wallets = trimList(c.Wallets)
	c.BankAccounts = trimList(c.BankAccounts)
	c.URLs = trimList(c.URLs)

	kept := r.Payments[:0]
	for _, p := range r.Payments {
		p.Date = strings.TrimSpace(p.Date)
		p.Method = strings.TrimSpace(p.Method)
		p.Amount = strings.TrimSpace(p.Amount)
		p.Currency = strings.TrimSpace(p.Currency)
		p.From = strings.TrimSpace(p.From)
		p.To = strings.TrimSpace(p.To)
		p.TxHash = strings.TrimSpace(p.TxHash)
		if p != (model.ReportPayment{}) {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		kept = nil
	}
	r.Payments = kept

	if isEmpty(r) {
		return &fieldError{index: -1, reason: "empty report: every field is empty"}
	}

	var ok bool
	var why string
	if r.Received != "" {
		if r.Received, why = normalizeDate(r.Received); why != "" {
			return &fieldError{"received", -1, why}
		}
	}
	if r.ScamType != "" {
		if r.ScamType, ok = normalizeScamType(string(r.ScamType)); !ok {
			return &fieldError{"scam_type", -1, "not a scam type; use one of " + scamTypeList}
		}
	}
	if r.Victim.Country != "" {
		// The value is not quoted: it is a victim field.
		if r.Victim.Country, ok = normalizeCountry(r.Victim.Country); !ok {
			return &fieldError{"victim.country", -1, "not a two-letter country code (ISO 3166-1 alpha-2, such as KR)"}
		}
	}
	for i := range r.Payments {
		p := &r.Payments[i]
		if p.Date != "" {
			if p.Date, why = normalizeDate(p.Date); why != "" {
				return &fieldError{"payments.date", i, why}
			}
		}
		if p.Amount != "" {
			if p.Amount, why = normalizeAmount(p.Amount); why != "" {
				return &fieldError{"payments.amount", i, why}
			}
		}
		if p.Currency != "" {
			if p.Currency, ok = normalizeCurrency(p.Currency); !ok {
				return &fieldError{"payments.currency", i, "not a currency code: want 3 to 5 letters or digits (KRW, USD, USDT)"}
			}
		}
	}
	return nil
}

// trimList trims each element and drops the empty ones, in place. An empty
// list becomes nil, so that reports compare equal however they were read.
func trimList(list []string) []string {
	kept := list[:0]
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

func isEmpty(r *model.Report) bool {
	c := &r.Contacts
	return r.ID == "" && r.Received == "" && r.Channel == "" && r.Victim == (model.Victim{}) &&
		r.ScamType == "" && len(r.Payments) == 0 && r.Platform == (model.ReportPlatform{}) &&
		len(c.Phones) == 0 && len(c.Messengers) == 0 && len(c.Emails) == 0 && len(c.Wallets) == 0 &&
		len(c.BankAccounts) == 0 && len(c.URLs) == 0 && r.Narrative == ""
}

// excerpt quotes the start of a name (a column's, a field's) for an error
// message. Values are never quoted.
func excerpt(s string) string {
	const max = 32
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}

var scamTypeList = func() string {
	names := make([]string, len(model.ScamTypes))
	for i, t := range model.ScamTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}()

// normalizeScamType accepts a scam type in any case, with spaces or hyphens
// for underscores ("Pig Butchering", "pig-butchering").
func normalizeScamType(s string) (model.ScamType, bool) {
	if t := model.ScamType(s); t.Valid() {
		return t, true
	}
	var b strings.Builder
	sep := false
	for _, c := range strings.ToLower(s) {
		if c == ' ' || c == '-' || c == '_' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteRune(c)
	}
	t := model.ScamType(b.String())
	return t, t.Valid()
}

func normalizeCountry(s string) (string, bool) {
	if len(s) != 2 || !isASCIILetter(s[0]) || !isASCIILetter(s[1]) {
		return s, false
	}
	return strings.ToUpper(s), true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func normalizeCurrency(s string) (string, bool) {
	if len(s) < 3 || len(s) > 5 {
		return s, false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isASCIILetter(c) && !('0' <= c && c <= '9') {
			return s, false
		}
	}
	return strings.ToUpper(s), true
}

// normalizeAmount checks that s is a non-negative decimal number and removes
// thousands separators: "3,000,000" → "3000000", "12,500.50" → "12500.50".
// Separators must group digits by three (or, in the Indian style, by two
// before the last three: "3,00,000"); "1,5" is refused because in much of
// the world it means one and a half. The number is otherwise kept as
// written, so no precision is lost. The reason is empty when s is good.
func normalizeAmount(s string) (string, string) {
	const bad = "not a decimal number: want digits with an optional fraction (3000000, 3,000,000, 12500.50)"
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return s, bad
	}
	if intPart == "" {
		return s, bad
	}
	if !strings.Contains(intPart, ",") {
		if !allDigits(intPart) {
			return s, bad
		}
		return s, ""
	}
	groups := strings.Split(intPart, ",")
	first, last, middle := groups[0], groups[len(groups)-1], groups[1:len(groups)-1]
	ok := allDigits(first) && len(first) >= 1 && len(first) <= 3 && allDigits(last) && len(last) == 3
	if ok && len(middle) > 0 {
		width := len(middle[0]) // 3, or 2 in the Indian style
		ok = width == 3 || width == 2
		for _, g := range middle {
			ok = ok && len(g) == width && allDigits(g)
		}
	}
	if !ok {
		return s, "not a decimal number: commas may only separate thousands (3,000,000); write decimals with a point (12500.50)"
	}
	out := strings.ReplaceAll(intPart, ",", "")
	if hasFrac {
		out += "." + frac
	}
	return out, ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// normalizeDate accepts a date as YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD
// (months and days of one or two digits; the Korean "2025. 3. 14." too) and
// returns it as YYYY-MM-DD; or a time in RFC 3339, returned in UTC. The
// reason is empty when s is good.
func normalizeDate(s string) (string, string) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:]) {
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[5:7])
		d, _ := strconv.Atoi(s[8:])
		if validDay(y, m, d) {
			return s, ""
		}
		return s, "not a calendar date"
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == 't') {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return s, "not an RFC 3339 time (2025-03-14T09:30:00+09:00)"
		}
		if t = t.UTC(); t.Year() < 1 || t.Year() > 9999 {
			return s, "out of range: in UTC the year must be 0001 to 9999"
		}
		return t.Format(time.RFC3339Nano), ""
	}
	if y, m, d, ok := parseLooseDate(s); ok {
		if !validDay(y, m, d) {
			return s, "not a calendar date"
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d), ""
	}
	return s, "not a date: want YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or an RFC 3339 time"
}

// parseLooseDate reads YYYY<sep>M[M]<sep>D[D] with one separator of - / or .,
// spaces allowed after a separator and a final "." after a dotted date.
func parseLooseDate(s string) (y, m, d int, ok bool) {
	if len(s) < 8 || !allDigits(s[:4]) {
		return 0, 0, 0, false
	}
	y, _ = strconv.Atoi(s[:4])
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return 0, 0, 0, false
	}
	rest := s[5:]
	num := func() (int, bool) {
		rest = strings.TrimLeft(rest, " ")
		n := 0
		for n < len(rest) && n < 3 && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		if n == 0 || n > 2 {
			return 0, false
		}
		v, _ := strconv.Atoi(rest[:n])
		rest = rest[n:]
		return v, true
	}
	if m, ok = num(); !ok {
		return 0, 0, 0, false
	}
	if rest == "" || rest[0] != sep {
		return 0, 0, 0, false
	}
	rest = rest[1:]
	if d, ok = num(); !ok {
		return 0, 0, 0, false
	}
	if sep == '.' {
		rest = strings.TrimSuffix(rest, ".")
	}
	return y, m, d, rest == ""
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return d <= 29
	}
	return d <= int(daysIn[m])
}

var daysIn = [13]uint8{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
