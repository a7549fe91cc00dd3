package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/scamint/scamint/internal/model"
)

// decoder decodes one report object, written as model.Report's JSON tags
// say, from JSON text. It is written for this one schema rather than
// through encoding/json's reflection because ingest reads a million reports
// a minute, and it is stricter than encoding/json in what matters here: a
// key must match exactly, a key may not repeat, and strings must be valid
// UTF-8. Wherever a string is expected it also accepts a number (kept as
// written: exports often write amounts and ids as numbers) and null (read
// as empty).
//
// Strings without escapes are slices of the item's text, so a report costs
// one allocation for its text plus its lists.
type decoder struct {
	s       string
	pos     int
	scratch []byte
}

// decode decodes s, which must hold exactly one report object, into r.
func (d *decoder) decode(s string, r *model.Report) *fieldError {
	d.s, d.pos = s, 0
	if err := d.report(r); err != nil {
		return err
	}
	d.space()
	if d.pos < len(d.s) {
		return d.syntax("more after the report object (one report per line in JSON lines)")
	}
	return nil
}

// The keys of each object of the schema.
var (
	reportKeys   = []string{"report_id", "received", "channel", "victim", "scam_type", "payments", "platform", "contacts", "narrative"}
	victimKeys   = []string{"name", "contact", "country"}
	paymentKeys  = []string{"date", "method", "amount", "currency", "from", "to", "tx_hash"}
	platformKeys = []string{"name", "url", "app"}
	contactKeys  = []string{"phones", "messengers", "emails", "wallets", "bank_accounts", "urls"}
)

func (d *decoder) report(r *model.Report) *fieldError {
	return d.object("", -1, reportKeys, func(k int) *fieldError {
		var err *fieldError
		switch reportKeys[k] {
		case "report_id":
			r.ID, err = d.str("report_id", -1)
		case "received":
			r.Received, err = d.str("received", -1)
		case "channel":
			r.Channel, err = d.str("channel", -1)
		case "scam_type":
			var s string
			s, err = d.str("scam_type", -1)
			r.ScamType = model.ScamType(s)
		case "narrative":
			r.Narrative, err = d.str("narrative", -1)
		case "victim":
			err = d.object("victim", -1, victimKeys, func(k int) (err *fieldError) {
				switch victimKeys[k] {
				case "name":
					r.Victim.Name, err = d.str("victim.name", -1)
				case "contact":
					r.Victim.Contact, err = d.str("victim.contact", -1)
				case "country":
					r.Victim.Country, err = d.str("victim.country", -1)
				}
				return err
			})
		case "platform":
			err = d.object("platform", -1, platformKeys, func(k int) (err *fieldError) {
				switch platformKeys[k] {
				case "name":
					r.Platform.Name, err = d.str("platform.name", -1)
				case "url":
					r.Platform.URL, err = d.str("platform.url", -1)
				case "app":
					r.Platform.App, err = d.str("platform.app", -1)
				}
				return err
			})
		case "contacts":
			c := &r.Contacts
			err = d.object("contacts", -1, contactKeys, func(k int) (err *fieldError) {
				switch contactKeys[k] {
				case "phones":
					c.Phones, err = d.strs("contacts.phones")
				case "messengers":
					c.Messengers, err = d.strs("contacts.messengers")
				case "emails":
					c.Emails, err = d.strs("contacts.emails")
				case "wallets":
					c.Wallets, err = d.strs("contacts.wallets")
				case "bank_accounts":
					c.BankAccounts, err = d.strs("contacts.bank_accounts")
				case "urls":
					c.URLs, err = d.strs("contacts.urls")
				}
				return err
			})
		case "payments":
			r.Payments, err = d.payments()
		}
		return err
	})
}

func (d *decoder) payments() ([]model.ReportPayment, *fieldError) {
	var ps []model.ReportPayment
	err := d.array("payments", func(i int) *fieldError {
		ps = append(ps, model.ReportPayment{})
		p := &ps[len(ps)-1]
		return d.object("payments", i, paymentKeys, func(k int) (err *fieldError) {
			switch paymentKeys[k] {
			case "date":
				p.Date, err = d.str("payments.date", i)
			case "method":
				p.Method, err = d.str("payments.method", i)
			case "amount":
				p.Amount, err = d.str("payments.amount", i)
			case "currency":
				p.Currency, err = d.str("payments.currency", i)
			case "from":
				p.From, err = d.str("payments.from", i)
			case "to":
				p.To, err = d.str("payments.to", i)
			case "tx_hash":
				p.TxHash, err = d.str("payments.tx_hash", i)
			}
			return err
		})
	})
	return ps, err
}

// object reads an object (or null) whose keys must be among keys, calling
// value with each key's index to read its value. path names the object in
// errors, with index its position in an array, or -1.
func (d *decoder) object(path string, index int, keys []string, value func(k int) *fieldError) *fieldError {
	d.space()
	if d.literal("null") {
		return nil
	}
	if d.pos >= len(d.s) || d.s[d.pos] != '{' {
		return d.want(jsonPath(path, index), "an object")
	}
	d.pos++
	var seen uint32
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == '}' {
		d.pos++
		return nil
	}
	for {
		d.space()
		if d.pos >= len(d.s) || d.s[d.pos] != '"' {
			return d.syntax("want a field name in quotes")
		}
		key, err := d.quoted()
		if err != nil {
			return err
		}
		k := -1
		for i, name := range keys {
			if name == key {
				k = i
				break
			}
		}
		if k < 0 {
			return &fieldError{path, index, fmt.Sprintf("unknown field %s (the fields here are %s)", excerpt(key), strings.Join(keys, ", "))}
		}
		if seen&(1<<k) != 0 {
			return &fieldError{path, index, fmt.Sprintf("field %q given twice", key)}
		}
		seen |= 1 << k
		d.space()
		if d.pos >= len(d.s) || d.s[d.pos] != ':' {
			return d.syntax("want \":\" after a field name")
		}
		d.pos++
		if err := value(k); err != nil {
			return err
		}
		d.space()
		if d.pos < len(d.s) {
			switch d.s[d.pos] {
			case ',':
				d.pos++
				continue
			case '}':
				d.pos++
				return nil
			}
		}
		return d.syntax("want \",\" or \"}\" after a field's value")
	}
}

// array reads an array (or null), calling elem to read each element.
func (d *decoder) array(path string, elem func(i int) *fieldError) *fieldError {
	d.space()
	if d.literal("null") {
		return nil
	}
	if d.pos >= len(d.s) || d.s[d.pos] != '[' {
		return d.want(path, "an array")
	}
	d.pos++
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == ']' {
		d.pos++
		return nil
	}
	for i := 0; ; i++ {
		if err := elem(i); err != nil {
			return err
		}
		d.space()
		if d.pos < len(d.s) {
			switch d.s[d.pos] {
			case ',':
				d.pos++
				continue
			case ']':
				d.pos++
				return nil
			}
		}
		return d.syntax("want \",\" or \"]\" after an array element")
	}
}

// strs reads an array of strings (or null).
func (d *decoder) strs(path string) ([]string, *fieldError) {
	var list []string
	err := d.array(path, func(i int) *fieldError {
		if list == nil {
			list = make([]string, 0, 4)
		}
		s, err := d.str(path, i)
		list = append(list, s)
		return err
	})
	return list, err
}

// str reads a string, a number (as written) or null (as ""). path and
// index name the field in errors.
func (d *decoder) str(path string, index int) (string, *fieldError) {
	d.space()
	if d.pos >= len(d.s) {
		return "", d.syntax("want a value")
	}
	switch c := d.s[d.pos]; {
	case c == '"':
		s, err := d.quoted()
		if err != nil && err.path == "" && err.reason == errUTF8 {
			err.path, err.index = path, index
		}
		return s, err
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	case d.literal("null"):
		return "", nil
	}
	return "", d.want(jsonPath(path, index), "a string")
}

const errUTF8 = "not valid UTF-8"

// plain marks the bytes a string can hold with no further look: printable
// ASCII other than the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// quoted reads a string in quotes at pos.
func (d *decoder) quoted() (string, *fieldError) {
	start := d.pos + 1
	ascii := true
	for i := start; i < len(d.s); i++ {
		for i < len(d.s) && plain[d.s[i]] {
			i++
		}
		if i == len(d.s) {
			break
		}
		switch c := d.s[i]; {
		case c == '"':
			d.pos = i + 1
			s := d.s[start:i]
			if !ascii && !utf8.ValidString(s) {
				return "", &fieldError{index: -1, reason: errUTF8}
			}
			return s, nil
		case c == '\\':
			return d.unescape(start, i)
		case c < 0x20:
			d.pos = i
			return "", d.syntax("a control character in a string (write a line break as \\n)")
		default:
			ascii = false
		}
	}
	d.pos = len(d.s)
	return "", d.syntax("a string is not closed")
}

// unescape reads the rest of a string that has an escape at i, building it
// in the scratch buffer. Invalid surrogates become U+FFFD, as in
// encoding/json.
func (d *decoder) unescape(start, i int) (string, *fieldError) {
	b := append(d.scratch[:0], d.s[start:i]...)
	defer func() { d.scratch = b }()
	for i < len(d.s) {
		c := d.s[i]
		switch {
		case c == '"':
			d.pos = i + 1
			if !utf8.Valid(b) {
				return "", &fieldError{index: -1, reason: errUTF8}
			}
			return string(b), nil
		case c < 0x20:
			d.pos = i
			return "", d.syntax("a control character in a string (write a line break as \\n)")
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		if i+1 >= len(d.s) {
			break
		}
		switch e := d.s[i+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(d.s[i+2:])
			if !ok {
				d.pos = i
				return "", d.syntax("a \\u escape needs four hex digits")
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(strings.TrimPrefix(d.s[i:], `\u`)); ok && strings.HasPrefix(d.s[i:], `\u`) {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						b = utf8.AppendRune(b, dec)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
			continue
		default:
			d.pos = i
			return "", d.syntax(fmt.Sprintf("%s is not a JSON escape", quoteByte(e)))
		}
		i += 2
	}
	d.pos = len(d.s)
	return "", d.syntax("a string is not closed")
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// number reads a JSON number and returns its text.
func (d *decoder) number() (string, *fieldError) {
	s, i := d.s, d.pos
	digits := func() int {
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case digits() == 0:
		d.pos = i
		return "", d.syntax("a number needs digits")
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			d.pos = i
			return "", d.syntax("a number needs digits after \".\"")
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			d.pos = i
			return "", d.syntax("a number needs digits in its exponent")
		}
	}
	text := s[d.pos:i]
	d.pos = i
	return text, nil
}

// literal consumes lit (null, true, false) if it is next.
func (d *decoder) literal(lit string) bool {
	if strings.HasPrefix(d.s[d.pos:], lit) {
		d.pos += len(lit)
		return true
	}
	return false
}

func (d *decoder) space() {
	for d.pos < len(d.s) {
		switch d.s[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// want reports a value of the wrong type at pos.
func (d *decoder) want(path, what string) *fieldError {
	got := "nothing"
	if d.pos < len(d.s) {
		switch c := d.s[d.pos]; {
		case c == '"':
			got = "a string"
		case c == '{':
			got = "an object"
		case c == '[':
			got = "an array"
		case strings.HasPrefix(d.s[d.pos:], "true") || strings.HasPrefix(d.s[d.pos:], "false"):
			got = "a boolean"
		case strings.HasPrefix(d.s[d.pos:], "null"):
			got = "null"
		case c == '-' || '0' <= c && c <= '9':
			got = "a number"
		default:
			return d.syntax(fmt.Sprintf("%s cannot start a value", quoteByte(c)))
		}
	}
	return &fieldError{path, -1, fmt.Sprintf("want %s, not %s", what, got)}
}

// syntax reports malformed JSON at pos. It says where in the item (line and
// column, counted in bytes) but quotes nothing: the text around may be a
// victim's.
func (d *decoder) syntax(what string) *fieldError {
	line, col := 1, d.pos+1
	if nl := strings.LastIndexByte(d.s[:min(d.pos, len(d.s))], '\n'); nl >= 0 {
		line = 1 + strings.Count(d.s[:nl], "\n") + 1
		col = d.pos - nl
	}
	where := "column " + strconv.Itoa(col)
	if line > 1 {
		where = fmt.Sprintf("line %d of the item, column %d", line, col)
	}
	return &fieldError{index: -1, reason: "not JSON: " + where + ": " + what}
}
