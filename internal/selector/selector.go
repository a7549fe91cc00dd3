// Package selector gives the canonical form of every identifier investigators
// correlate on: phone numbers, e-mail addresses, URLs and domains, crypto
// addresses, IBANs and bank accounts, messenger and social-media accounts, and
// IP addresses.
//
// Two reports correlate when they mention the same selector, so the canonical
// value is the correlation key: it must be identical for every way a victim,
// a police officer or a seized phone writes the same identifier, and different
// for different identifiers. Parse never panics; a value it cannot make sense
// of comes back with Valid false and a Reason a person can act on.
package selector

import (
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Kind names a type of selector. The string values are part of the command-line
// contract (`scamint normalize KIND`) and of the store.
type Kind string

// The kinds of selector. Messenger and social-media kinds produce canonical
// values of the form "platform:id".
const (
	Phone     Kind = "phone"
	Email     Kind = "email"
	URL       Kind = "url"
	Domain    Kind = "domain"
	Crypto    Kind = "crypto"
	IBAN      Kind = "iban"
	Bank      Kind = "bank"
	Telegram  Kind = "telegram"
	WhatsApp  Kind = "whatsapp"
	Line      Kind = "line"
	Kakao     Kind = "kakao"
	WeChat    Kind = "wechat"
	Signal    Kind = "signal"
	Facebook  Kind = "facebook"
	Instagram Kind = "instagram"
	X         Kind = "x"
	IP        Kind = "ip"
)

// Kinds lists every kind, in the order the command line documents them.
var Kinds = []Kind{Phone, Email, URL, Domain, Crypto, IBAN, Bank, Telegram, WhatsApp,
	Line, Kakao, WeChat, Signal, Facebook, Instagram, X, IP}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Options carry the context a value needs to be understood.
type Options struct {
	// Region is the ISO 3166-1 alpha-2 country assumed for phone numbers and
	// bank accounts written in national format ("010-1234-5678" is Korean
	// only if we know the report came from Korea).
	Region string
	// Network is an optional hint for crypto addresses whose form does not
	// name the network (an EVM address is the same on Ethereum, BSC and
	// Polygon). It becomes Selector.Network and never part of the key.
	Network string
}

// validRegion reports whether cc is an ISO 3166 alpha-2 country code that
// libphonenumber knows, which is every country with a telephone network.
func validRegion(cc string) bool {
	_, ok := phonenumbers.GetSupportedRegions()[cc]
	return ok
}

// Selector is one parsed identifier.
type Selector struct {
	Kind Kind `json:"kind"`
	// Input is the value as it was given.
	Input string `json:"input"`
	// Canonical is the correlation key; empty when Valid is false.
	Canonical string `json:"canonical"`
	// Display is the form to show a person, such as "+82 10-1234-5678".
	Display string `json:"display,omitempty"`
	Valid   bool   `json:"valid"`
	// Reason says why the value is invalid, or notes something a person
	// should know about a valid one (a default region applied, say).
	Reason string `json:"reason,omitempty"`

	// Chain is the crypto chain detected from the address form: btc, ltc,
	// bch, doge, evm, trx, xrp, sol.
	Chain string `json:"chain,omitempty"`
	// Network qualifies Chain without being part of the key (ethereum, bsc,
	// polygon for an EVM address).
	Network string `json:"network,omitempty"`
	// Region is the country of a phone number or bank account.
	Region string `json:"region,omitempty"`
	// Domain is the registrable domain (eTLD+1) of a URL, host or e-mail
	// address, by the Public Suffix List.
	Domain string `json:"domain,omitempty"`
	// Platform names the service an account was found on when the key is
	// another kind's (a WhatsApp account is keyed by its phone number).
	Platform string `json:"platform,omitempty"`
}

// Key is the correlation key: kind and canonical value together.
func (s Selector) Key() string { return string(s.Kind) + "|" + s.Canonical }

// Related returns the further selectors a valid selector implies and should
// also correlate on: the host and registrable domain of a URL, the registrable
// domain of a host name or e-mail address. A URL on login.prince-invest.co.kr
// thereby correlates with one on app.prince-invest.co.kr.
func (s Selector) Related() []Selector {
	if !s.Valid {
		return nil
	}
	var out []Selector
	add := func(host string) {
		if host == "" || host == s.Canonical && s.Kind == Domain {
			return
		}
		for _, o := range out {
			if o.Canonical == host {
				return
			}
		}
		d := parseDomain(host)
		if d.Valid {
			out = append(out, d)
		}
	}
	switch s.Kind {
	case URL:
		host := urlHost(s.Canonical)
		if !isIPLiteral(host) {
			add(host)
			add(s.Domain)
		}
	case Domain:
		add(s.Domain)
	case Email:
		add(s.Domain)
	}
	return out
}

// Parse canonicalises input as a selector of the given kind. It never panics
// and never returns an error: an unusable input gives Valid false and a
// Reason.
func Parse(kind Kind, input string, opts Options) Selector {
	var s Selector
	if !utf8.ValidString(input) {
		s = invalid(kind, "not valid UTF-8 text")
		s.Input = input
		return s
	}
	switch kind {
	case Phone:
		s = parsePhone(input, opts.Region)
	case Email:
		s = parseEmail(input)
	case URL:
		s = parseURL(input)
	case Domain:
		s = parseDomain(input)
	case Crypto:
		s = parseCrypto(input, opts)
	case IBAN:
		s = parseIBAN(input)
	case Bank:
		s = parseBank(input, opts.Region)
	case IP:
		s = parseIP(input)
	case Telegram, WhatsApp, Line, Kakao, WeChat, Signal, Facebook, Instagram, X:
		s = parseAccount(kind, input, opts)
	default:
		s = invalid(kind, "unknown selector kind %q", string(kind))
	}
	s.Input = input
	return s
}

// Detect guesses the kind of a bare value, as a user types it into a search
// box or `scamint lookup`, and parses it. Forms that name their kind win
// (a scheme, an @, a 0x prefix, a t.me link); a value that could be several
// things is read in the order an investigator would expect.
func Detect(input string, opts Options) Selector {
	v := strings.TrimSpace(input)
	if v == "" {
		return Selector{Input: input, Reason: "empty value"}
	}
	for _, kind := range detectOrder(v) {
		s := Parse(kind, input, opts)
		if s.Valid {
			return s
		}
	}
	s := Selector{Input: input, Reason: "not a recognised selector (phone, e-mail, URL, domain, crypto address, IBAN, bank account, messenger account or IP address)"}
	// When the form clearly names a kind, report that kind's reason, which
	// is more useful than "not recognised" ("EIP-55 checksum mismatch").
	if k := detectOrder(v); len(k) > 0 && strongForm(v) {
		s = Parse(k[0], input, opts)
	}
	return s
}

// detectOrder returns the kinds worth trying for v, most specific first.
func detectOrder(v string) []Kind {
	v = refang(fold(v))
	if k, _, _, ok := accountLink(v); ok {
		return []Kind{k, URL}
	}
	lower := strings.ToLower(v)
	if i := strings.IndexByte(lower, ':'); i > 0 {
		if k := Kind(lower[:i]); k.Valid() && k != Phone && k != IP {
			return []Kind{k} // a "platform:id" key, as scamint prints them
		}
	}
	switch {
	case strings.Contains(lower, "://"):
		return []Kind{URL}
	case strings.HasPrefix(lower, "0x"):
		return []Kind{Crypto}
	case strings.HasPrefix(v, "@"):
		return []Kind{Telegram}
	case strings.Contains(v, "@"):
		return []Kind{Email}
	}
	if strings.ContainsAny(v, "/?") {
		return []Kind{URL}
	}
	return []Kind{Crypto, IBAN, IP, Phone, Bank, Domain}
}

// strongForm reports whether v's form leaves no doubt about its kind, so a
// failed parse should explain that kind's failure.
func strongForm(v string) bool {
	l := strings.ToLower(v)
	return strings.HasPrefix(l, "0x") || strings.Contains(l, "://") || strings.Contains(l, "@") ||
		hasAccountURLPrefix(l) || strings.HasPrefix(l, "bc1") || strings.HasPrefix(l, "ltc1")
}
