package selector

import (
	"net/netip"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// idnaProfile maps a host name the way a browser's address bar does before
// it looks the name up (UTS #46 non-transitional, as Chrome and Firefox do),
// but without the strict STD3 rules: underscores occur in real host names.
var idnaProfile = idna.New(
	idna.MapForLookup(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.BidiRule(),
)

// parseDomain canonicalises a host name: refanged, lower-cased, IDN to
// punycode, trailing dot removed; it must end in a top-level domain that the
// Public Suffix List knows. Domain is the registrable domain (eTLD+1).
func parseDomain(in string) Selector {
	v := refang(fold(in))
	v = strings.Trim(v, "<>\"'")
	// A URL given where a domain was asked for: take its host.
	if strings.Contains(v, "://") || strings.HasPrefix(v, "//") {
		u := parseURL(v)
		if !u.Valid {
			return invalid(Domain, "%s", u.Reason)
		}
		v = urlHost(u.Canonical)
	} else if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	// "prince-invest.com:8080": the port is not part of the name.
	if i := strings.LastIndexByte(v, ':'); i > 0 && strings.IndexByte(v[:i], ':') < 0 && isAllDigits(v[i+1:]) {
		v = v[:i]
	}
	v = strings.TrimPrefix(v, "*.")
	host, display, reason := canonicalHost(v)
	if reason != "" {
		return invalid(Domain, "%s", reason)
	}
	if isIPLiteral(host) {
		return invalid(Domain, "%s is an IP address, not a domain", host)
	}
	reg, reason := registrable(host)
	if reason != "" {
		return invalid(Domain, "%s", reason)
	}
	return Selector{Kind: Domain, Canonical: host, Display: display, Domain: reg, Valid: true}
}

// canonicalHost lower-cases and IDN-maps a host name and checks its syntax.
// It returns the ASCII (punycode) form, the Unicode form for display, and a
// reason when the host is unusable. IP literals come back in canonical text
// form, IPv6 in brackets.
func canonicalHost(h string) (host, display, reason string) {
	h = strings.TrimSuffix(h, ".")
	if h == "" {
		return "", "", "empty host name"
	}
	if len(h) > 253 {
		return "", "", "host name longer than 253 characters"
	}
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		a, err := netip.ParseAddr(h[1 : len(h)-1])
		if err != nil || !a.Is6() || a.Zone() != "" {
			return "", "", "invalid IPv6 address in host"
		}
		s := "[" + a.String() + "]"
		return s, s, ""
	}
	// Only a host ending in a digit or holding a colon can be an IP
	// literal; asking netip about every host name costs an error value.
	if last := h[len(h)-1]; isDigit(last) || strings.IndexByte(h, ':') >= 0 {
		if a, err := netip.ParseAddr(h); err == nil {
			s := a.Unmap().String()
			return s, s, ""
		}
	}
	ascii := true
	for i := 0; i < len(h); i++ {
		if h[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		host = strings.ToLower(h)
	} else {
		var err error
		host, err = idnaProfile.ToASCII(h)
		if err != nil {
			return "", "", "invalid internationalised domain name"
		}
	}
	labels := 0
	start := 0
	for i := 0; i <= len(host); i++ {
		if i < len(host) && host[i] != '.' {
			c := host[i]
			if !(isLower(c) || isDigit(c) || c == '-' || c == '_') {
				return "", "", "invalid character " + strconv.QuoteRune(rune(c)) + " in host name"
			}
			continue
		}
		l := host[start:i]
		switch {
		case l == "":
			return "", "", "empty label in host name"
		case len(l) > 63:
			return "", "", "label longer than 63 characters in host name"
		case l[0] == '-' || l[len(l)-1] == '-':
			return "", "", "label starts or ends with a hyphen in host name"
		}
		labels++
		start = i + 1
	}
	if labels < 2 {
		return "", "", "host name has no top-level domain"
	}
	display = host
	if strings.Contains(host, "xn--") {
		u, err := idnaProfile.ToUnicode(host)
		if err != nil {
			return "", "", "invalid punycode label in host name"
		}
		display = u
	}
	return host, display, ""
}

// registrable returns the registrable domain (eTLD+1) of an ASCII host
// name, or a reason when its top-level domain is unknown or it is itself a
// public suffix.
func registrable(host string) (string, string) {
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if isAllDigits(tld) {
		return "", "numeric top-level domain"
	}
	suffix, icann := publicsuffix.PublicSuffix(host)
	if !icann && !strings.Contains(suffix, ".") {
		return "", "unknown top-level domain ." + tld
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return "", host + " is a public suffix, not a registrable domain"
	}
	return reg, ""
}

// trackingParam reports whether a query parameter only tracks the click and
// does not change the resource: utm_*, fbclid, gclid and their relatives.
func trackingParam(key string) bool {
	k := strings.ToLower(key)
	if strings.HasPrefix(k, "utm_") {
		return true
	}
	switch k {
	case "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
		"igshid", "igsh", "ttclid", "twclid", "li_fat_id", "mc_cid", "mc_eid",
		"_hsenc", "_hsmi", "mkt_tok", "_ga", "_gl":
		return true
	}
	return false
}

var defaultPorts = map[string]string{"http": "80", "https": "443", "ftp": "21", "ws": "80", "wss": "443"}

// parseURL canonicalises a web address: defanged forms restored, scheme and
// host lower-cased, IDN host to punycode, default port, user information,
// fragment and tracking parameters dropped, remaining query parameters in a
// stable order, an empty path written "/". A value without a scheme is read
// as https, as browsers do today, and http is keyed as https: the same
// site reached either way, or typed without a scheme, is one selector; the
// Display keeps the scheme as written. A fragment is kept when it is a
// route ("#/register?code=AB12", "#!/login"): single-page scam platforms
// route by fragment, and the route names the page.
func parseURL(in string) Selector {
	v := refang(fold(in))
	v = strings.Trim(v, "<>\"'")
	if v == "" {
		return invalid(URL, "empty URL")
	}
	if strings.ContainsAny(v, " \t\r\n") {
		return invalid(URL, "URL contains white space")
	}
	if strings.HasPrefix(v, "//") {
		v = "https:" + v
	} else if i := strings.Index(v, "://"); i < 0 {
		if j := strings.IndexByte(v, ':'); j > 0 && !strings.ContainsAny(v[:j], "./") && !isAllDigits(v[j+1:min(len(v), j+2)]) {
			return invalid(URL, "unsupported URL scheme %q", strings.ToLower(v[:j]))
		}
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil {
		return invalid(URL, "malformed URL")
	}
	scheme := strings.ToLower(u.Scheme)
	if _, ok := defaultPorts[scheme]; !ok {
		return invalid(URL, "unsupported URL scheme %q", scheme)
	}
	if u.Opaque != "" {
		return invalid(URL, "malformed URL")
	}
	hostPart := u.Host
	port := ""
	if i := strings.LastIndexByte(hostPart, ':'); i >= 0 && !strings.HasSuffix(hostPart, "]") {
		hostPart, port = hostPart[:i], hostPart[i+1:]
	}
	host, display, reason := canonicalHost(hostPart)
	if reason != "" {
		return invalid(URL, "%s", reason)
	}
	var reg string
	if !isIPLiteral(host) {
		if reg, reason = registrable(host); reason != "" {
			return invalid(URL, "%s", reason)
		}
	}
	keyScheme := scheme
	if scheme == "http" {
		keyScheme = "https"
	}
	keyPort := ""
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return invalid(URL, "invalid port %q", port)
		}
		port = strconv.Itoa(n)
		if port == defaultPorts[scheme] {
			port = ""
		}
		if port != defaultPorts[keyScheme] {
			keyPort = port
		}
	}
	var b strings.Builder
	b.Grow(len(v) + 8)
	origin := func(scheme, host, port string) {
		b.WriteString(scheme)
		b.WriteString("://")
		b.WriteString(host)
		if port != "" {
			b.WriteByte(':')
			b.WriteString(port)
		}
	}
	origin(keyScheme, host, keyPort)
	rest := b.Len()
	p := (&url.URL{Path: removeDotSegments(u.Path)}).EscapedPath()
	if p == "" {
		p = "/"
	}
	b.WriteString(p)
	if q := canonicalQuery(u.RawQuery); q != "" {
		b.WriteByte('?')
		b.WriteString(q)
	}
	if f := u.EscapedFragment(); strings.HasPrefix(f, "/") || strings.HasPrefix(f, "!/") {
		b.WriteByte('#')
		b.WriteString(normalizeEscapes(f))
	}
	canonical := b.String()
	disp := canonical
	if scheme != keyScheme || port != keyPort || display != host {
		b = strings.Builder{}
		origin(scheme, display, port)
		b.WriteString(canonical[rest:])
		disp = b.String()
	}
	return Selector{Kind: URL, Canonical: canonical, Display: disp, Domain: reg, Valid: true}
}

// removeDotSegments resolves "." and ".." path segments (RFC 3986
// section 5.2.4), keeping a trailing slash, which servers treat as
// significant.
func removeDotSegments(p string) string {
	if !strings.Contains(p, "/.") {
		return p
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..") {
		if c != "/" {
			c += "/"
		}
	}
	return c
}

// canonicalQuery drops tracking parameters and sorts the rest by key,
// keeping the order of repeated keys, so that the same link shared from two
// places gives one key. Each parameter is escaped before the sort, so that
// "?가=1" and "?%EA%B0%80=1" sort alike.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		k := p
		if i := strings.IndexByte(p, '='); i >= 0 {
			k = p[:i]
		}
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if !trackingParam(k) {
			kept = append(kept, normalizeEscapes(p))
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return queryKey(kept[i]) < queryKey(kept[j]) })
	return strings.Join(kept, "&")
}

// normalizeEscapes percent-encodes the bytes of a query that a browser
// would encode (non-ASCII, controls, space, quotes: the WHATWG special-query
// set) and upper-cases existing escapes, so that "?q=가" and "?q=%ea%b0%80"
// give one key.
func normalizeEscapes(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(q))
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '%' && i+2 < len(q) && isHex(q[i+1]) && isHex(q[i+2]):
			b.WriteByte('%')
			b.WriteByte(upperHex(q[i+1]))
			b.WriteByte(upperHex(q[i+2]))
			i += 2
		case c >= 0x80 || c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`':
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func upperHex(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

func queryKey(p string) string {
	if i := strings.IndexByte(p, '='); i >= 0 {
		return p[:i]
	}
	return p
}

// urlHost returns the host of a canonical URL, without port.
func urlHost(canonical string) string {
	i := strings.Index(canonical, "://")
	if i < 0 {
		return ""
	}
	h := canonical[i+3:]
	if j := strings.IndexByte(h, '/'); j >= 0 {
		h = h[:j]
	}
	if strings.HasPrefix(h, "[") {
		if j := strings.IndexByte(h, ']'); j >= 0 {
			return h[:j+1]
		}
		return h
	}
	if j := strings.LastIndexByte(h, ':'); j >= 0 {
		h = h[:j]
	}
	return h
}

// isIPLiteral reports whether a canonical host is an IP address.
func isIPLiteral(h string) bool {
	if strings.HasPrefix(h, "[") {
		return true
	}
	if h == "" || !isDigit(h[len(h)-1]) && strings.IndexByte(h, ':') < 0 {
		return false
	}
	_, err := netip.ParseAddr(h)
	return err == nil
}

// parseEmail canonicalises an e-mail address: defanged forms restored
// ("anna (at) gmail (dot) com" too), the domain lower-cased and IDN to
// punycode, an ASCII local part lower-cased in the key. RFC 5321 lets a
// server tell "Kim" from "kim", but none of the providers scam victims and
// scammers use (Gmail, Naver, Daum, QQ, 163, Outlook, Yahoo) does, and
// phone keyboards capitalise the first letter; the Display keeps the case
// as written. Other folding some providers do (Gmail's dots and +tags) is
// not done: it is not true of every provider.
func parseEmail(in string) Selector {
	v := strings.Trim(refang(fold(in)), "<>\"'")
	if len(v) > 7 && strings.EqualFold(v[:7], "mailto:") {
		v = v[7:]
		if i := strings.IndexByte(v, '?'); i >= 0 {
			v = v[:i]
		}
	}
	at := strings.LastIndexByte(v, '@')
	if at < 0 {
		return invalid(Email, "no @ in e-mail address")
	}
	local, domain := v[:at], v[at+1:]
	if local == "" {
		return invalid(Email, "empty local part before @")
	}
	if len(local) > 64 {
		return invalid(Email, "local part longer than 64 characters")
	}
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return invalid(Email, "misplaced dot in local part")
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if c >= 0x80 {
			continue // RFC 6531 internationalised local parts
		}
		if !(isAlnum(c) || strings.IndexByte("!#$%&'*+-/=?^_`{|}~.", c) >= 0) {
			return invalid(Email, "invalid character %q in local part", string(c))
		}
	}
	host, display, reason := canonicalHost(domain)
	if reason != "" {
		return invalid(Email, "domain: %s", reason)
	}
	if isIPLiteral(host) {
		return invalid(Email, "IP address instead of a domain after @")
	}
	reg, reason := registrable(host)
	if reason != "" {
		return invalid(Email, "domain: %s", reason)
	}
	key := local
	if isASCII(local) {
		key = strings.ToLower(local)
	}
	return Selector{Kind: Email, Canonical: key + "@" + host, Display: local + "@" + display, Domain: reg, Valid: true}
}

// leadingZeroIPv4 reports whether v is a dotted quad with a zero-padded
// octet, such as 010.1.1.1.
func leadingZeroIPv4(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) != 4 {
		return false
	}
	padded := false
	for _, p := range parts {
		if p == "" || len(p) > 3 || !isAllDigits(p) {
			return false
		}
		if len(p) > 1 && p[0] == '0' {
			padded = true
		}
	}
	return padded
}

// parseIP canonicalises an IPv4 or IPv6 address to its standard text form
// (RFC 5952 for IPv6; IPv4-mapped IPv6 as plain IPv4). Defanged dots are
// accepted; IPv4 with leading zeros is rejected because tools disagree on
// whether 010 is octal.
func parseIP(in string) Selector {
	v := refang(fold(in))
	withPort := v
	v = strings.TrimSuffix(strings.TrimPrefix(v, "["), "]")
	if v == "" {
		return invalid(IP, "empty IP address")
	}
	a, err := netip.ParseAddr(v)
	if err != nil {
		if ap, err := netip.ParseAddrPort(withPort); err == nil {
			return invalid(IP, "address with a port (:%d): give the address alone", ap.Port())
		}
		if strings.Contains(v, "/") {
			return invalid(IP, "a network (CIDR) is not an address")
		}
		if leadingZeroIPv4(v) {
			return invalid(IP, "IPv4 address with leading zeros is ambiguous (octal or decimal)")
		}
		return invalid(IP, "not an IPv4 or IPv6 address")
	}
	if a.Zone() != "" {
		return invalid(IP, "IPv6 zone index is local to one machine")
	}
	a = a.Unmap()
	return Selector{Kind: IP, Canonical: a.String(), Display: a.String(), Valid: true, Reason: ipNote(a)}
}

// sharedAddressSpace is 100.64.0.0/10, the addresses of carrier-grade NAT
// (RFC 6598).
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// ipNote warns about a valid address that does not name one machine on
// the Internet: the same private address in two reports is two networks'
// business, not a link between them.
func ipNote(a netip.Addr) string {
	switch {
	case a.IsPrivate(), a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "private address: not globally unique"
	case a.IsLoopback(), a.IsUnspecified():
		return "loopback or unspecified address: not globally unique"
	case sharedAddressSpace.Contains(a):
		return "carrier-grade NAT address: shared by many subscribers, not globally unique"
	}
	return ""
}
