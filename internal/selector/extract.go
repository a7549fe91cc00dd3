package selector

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Match is a selector found in free text, with the byte offsets of the text
// it was read from: text[Start:End] == Value.
type Match struct {
	Selector
	// Value is the text as it stood, defanged forms included.
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Extract finds every selector in free text: victim narratives, chat logs
// and police notes, in any language, defanged indicators included. Matches
// come in text order, do not overlap, and each carries a valid Selector
// parsed from its Value.
//
// Extract is a single pass over the bytes, not a regular expression: it
// skips ordinary words and looks closer only where a selector can start (a
// digit, '+', '@', a dotted or long alphanumeric word, a scheme, a
// "LINE ID:" label), cuts out the candidate and lets Parse decide. Forms
// that Parse cannot tell from noise are taken only with context: a phone
// number without a country code needs opts.Region, a Solana address a nearby
// "sol", a bank account a bank name right before it, a bare @name belongs to
// the platform named nearby (Telegram when none is).
func Extract(text string, opts Options) []Match {
	x := extractor{text: text, opts: opts, out: make([]Match, 0, len(text)/1024+1)}
	x.scan(0)
	return x.out
}

// extractor holds the state of one Extract call.
type extractor struct {
	text string
	opts Options
	out  []Match
	// last is the end of the last match: the next may not start before it.
	last int
}

func (x *extractor) scan(from int) {
	t := x.text
	for i := from; i < len(t); {
		// Most bytes (blanks, punctuation, the bytes of Hangul, Han and
		// Thai letters) cannot start a selector.
		for i < len(t) && byteClass[t[i]]&cStart == 0 {
			i++
		}
		if i == len(t) {
			return
		}
		switch c := t[i]; {
		case byteClass[c]&cAlnum != 0:
			i = x.token(i)
		case c == '@':
			i = x.handle(i)
		case c == 0xEF:
			i = x.wide(i)
		default: // '+' or '('
			i = x.plusOrParen(i)
		}
	}
}

// wide reads a run of the full-width forms East Asian input methods type
// ("０１０－１２３４－５６７８", "（+855）12 345 678", "ｐｒｉｎｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"):
// it folds the run to ASCII, extracts from the folded text (with the words
// before it, for context) and maps the matches back. i is at a byte 0xEF,
// the first byte of U+F000–U+FFFF.
func (x *extractor) wide(i int) int {
	t := x.text
	if !wideStart(t, i) {
		return i + 1
	}
	// The ASCII just before belongs to the run: "+82 １０-…", "prince＠…".
	s := i
	for s > x.last && i-s < 32 && t[s-1] >= ' ' && t[s-1] < 0x7f {
		s--
	}
	for s < i && s > 0 && byteClass[t[s-1]]&cLabel != 0 && byteClass[t[s]]&cLabel != 0 {
		s++ // not from the middle of a word
	}
	e := i
	for e < len(t) && e-s < 512 {
		if c := t[e]; c >= ' ' && c < 0x7f {
			e++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[e:])
		if (r == '。' || r == '｡') && e+n < len(t) {
			// A full stop inside an address typed on a CJK keyboard
			// ("ｋｉｍ＠ｎａｖｅｒ。ｃｏｍ") when a lower-case letter or a digit
			// follows; before anything else it ends a sentence.
			next, _ := utf8.DecodeRuneInString(t[e+n:])
			if isWide(next) {
				next -= 0xFF01 - '!'
			}
			if next < utf8.RuneSelf && (isLower(byte(next)) || isDigit(byte(next))) {
				e += n
				continue
			}
		}
		if !isWide(r) && r != '\u3000' {
			break
		}
		e += n
	}
	if e-s >= 512 {
		// Cut at a blank, not inside a word that goes on.
		if k := strings.LastIndexByte(t[i:e], ' '); k > 0 {
			e = i + k
		}
	}
	ctx := max(x.last, s-64)
	for ctx < s && t[ctx]&0xC0 == 0x80 {
		ctx++
	}
	buf := make([]byte, 0, e-ctx)
	offs := make([]int, 0, e-ctx+1) // offs[k] is where buf[k] came from
	for k := ctx; k < e; {
		c := t[k]
		if k < s || c < 0x80 {
			buf, offs = append(buf, c), append(offs, k)
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[k:])
		switch r {
		case '\u3000':
			r = ' '
		case '。', '｡':
			r = '.'
		default:
			r -= 0xFF01 - '!'
		}
		buf, offs = append(buf, byte(r)), append(offs, k)
		k += n
	}
	offs = append(offs, e)
	sub := extractor{text: string(buf), opts: x.opts}
	sub.scan(s - ctx)
	for _, m := range sub.out {
		x.emit(m.Selector, offs[m.Start], offs[m.End])
	}
	return max(e, i+1)
}

// isWide reports whether r is the full-width form of a printable ASCII
// character.
func isWide(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }

// wideStart reports whether the rune at i is a full-width form that may
// start a selector: a letter, a digit or '＠', or '＋' or '（' before a
// digit or '+'.
func wideStart(t string, i int) bool {
	r, n := utf8.DecodeRuneInString(t[i:])
	if !isWide(r) {
		return false
	}
	a := byte(r - (0xFF01 - '!'))
	if byteClass[a]&cAlnum != 0 || a == '@' {
		return true
	}
	if a != '+' && a != '(' || i+n >= len(t) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(t[i+n:])
	if isWide(next) {
		next -= 0xFF01 - '!'
	}
	return next >= '0' && next <= '9' || next == '+'
}

// emit records a match and returns its end. The selector's Input becomes
// the text it was read from, whatever form was handed to Parse.
func (x *extractor) emit(s Selector, start, end int) int {
	s.Input = x.text[start:end]
	x.out = append(x.out, Match{Selector: s, Value: s.Input, Start: start, End: end})
	x.last = end
	return end
}

// token looks at the word that starts at i, whose first byte is a letter or
// digit, and returns where scanning goes on.
func (x *extractor) token(i int) int {
	t := x.text
	w := scanWord(t, i, false)
	e := w.end
	if w.dots == 0 && !w.digits && !w.punct && e-i < 25 && !specialAfter(t, e) {
		// An ordinary word: only an ID after a label ("카톡: prince")
		// can be here.
		if x.idLabelBefore(i) {
			if end, ok := x.labelledID(i); ok {
				return end
			}
		}
		return e
	}

	if x.idLabelBefore(i) {
		if end, ok := x.labelledID(i); ok {
			return end
		}
	}
	if e < len(t) && (t[e] == ':' || t[e] == '[') && w.dots == 0 {
		if n := schemeSep(t, e); n > 0 && isScheme(t[i:e]) {
			sp := urlEnd(t, e+n, true)
			if sp.wide > e+n {
				if end, ok := x.url(i, sp); ok {
					return end
				}
				return sp.wide
			}
			return e + n
		}
	}
	if (w.dots > 0 || e < len(t) && t[e] != ' ') && (lookAlikeBefore(t, i) || w.dots > 0 && lookAlikeAt(t, e)) {
		// "binаnce-vip.com", "аdmin@example.com" with a Cyrillic а: the
		// tail of a name in a look-alike script, which is not this name.
		return e
	}
	if e < len(t) {
		if end, ok := x.email(i, w); ok {
			return end
		}
	}
	if e+1 < len(t) && t[e] == ':' && w.dots == 0 && !w.digits && cryptoScheme(t[i:e]) != "" {
		if end, ok := x.cryptoURI(i, e+1); ok {
			return end
		}
	}
	switch {
	case w.dots > 0 && w.letters:
		return x.host(i, w)
	case w.dots == 3 && !w.letters && !w.punct && w.maxLabel <= 3:
		if end, ok := x.ipv4(i, e); ok {
			return end
		}
	}
	if e < len(t) && t[e] == ':' && w.dots == 0 && e-i <= 4 && w.hex {
		if end, ok := x.ipv6(i); ok {
			return end
		}
	}
	if !w.letters {
		return x.number(i, e)
	}
	if w.dots == 0 {
		if end, ok := x.alnum(i, w); ok {
			return end
		}
	}
	return e
}

// specialAfter reports whether the byte at e may continue a word into a
// selector: a scheme's or payment URI's colon, an '@' or a defanged one, a
// local part's '+'.
func specialAfter(t string, e int) bool {
	if e >= len(t) {
		return false
	}
	switch t[e] {
	case ':', '@', '[', '(', '{', '+', '%':
		return true
	case ' ':
		return e+1 < len(t) && (t[e+1] == '(' || t[e+1] == '[' || t[e+1] == '{')
	}
	return false
}

// alnum looks at a word of letters, digits, '-' and '_': an IBAN, a crypto
// address or a WeChat system id.
func (x *extractor) alnum(i int, w word) (int, bool) {
	t := x.text
	e := w.end
	v := t[i:e]
	if !w.punct {
		if len(v) >= 4 && isIBANStart(v) {
			if end, ok := x.iban(i, e); ok {
				return end, true
			}
		}
		if len(v) >= 25 && w.digits {
			if end, ok := x.crypto(i, w); ok {
				return end, true
			}
		}
		return 0, false
	}
	if len(v) > 5 && hasPrefixFold(v, "wxid_") {
		if s := Parse(WeChat, v, x.opts); s.Valid {
			return x.emit(s, i, e), true
		}
	}
	return 0, false
}

// crypto tries a long alphanumeric word as a crypto address. A Solana
// address has no checksum, so it is only taken with "sol" nearby.
func (x *extractor) crypto(i int, w word) (int, bool) {
	t := x.text
	e := w.end
	v := t[i:e]
	switch {
	case len(v) == 42 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X'):
		if !allHex(v[2:]) {
			return 0, false
		}
	case len(v) == 66 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X'):
		return 0, false // a transaction hash, not an address
	case hasPrefixFold(v, "bc1") || hasPrefixFold(v, "ltc1") || hasPrefixFold(v, "tb1") ||
		(lower(v[0]) == 'q' || lower(v[0]) == 'p') && len(v) == 42:
		if len(v) > 90 {
			return 0, false
		}
	case len(v) <= 44 && !w.nonBase58 && w.upper && w.lower:
	default:
		return 0, false
	}
	s := Parse(Crypto, v, x.opts)
	if !s.Valid {
		return 0, false
	}
	if s.Chain == "sol" && !solanaNearby(t, i, e) {
		return 0, false
	}
	return x.emit(s, i, e), true
}

// cryptoURI reads a payment URI whose scheme (bitcoin:, bitcoincash:,
// ethereum:, …) starts at i and whose address starts at a.
func (x *extractor) cryptoURI(i, a int) (int, bool) {
	t := x.text
	w := scanWord(t, a, false)
	if w.dots > 0 || w.end-a < 25 || w.punct {
		return 0, false
	}
	s := Parse(Crypto, t[i:w.end], x.opts)
	if !s.Valid {
		return 0, false
	}
	if s.Chain == "sol" && !hasPrefixFold(t[i:], "solana:") && !solanaNearby(t, i, w.end) {
		return 0, false
	}
	return x.emit(s, i, w.end), true
}

// iban reads an IBAN written solid or in groups of four from i, where the
// first word ends at e.
func (x *extractor) iban(i, e int) (int, bool) {
	t := x.text
	end := e
	if e-i == 4 {
		// "DE89 3704 0044 0532 0130 00": at most 34 characters.
		j := e
		for j+1 < len(t) && t[j] == ' ' && j-i < 34+8 {
			k := j + 1
			for k < len(t) && k-j <= 5 && (isUpper(t[k]) || isDigit(t[k])) {
				k++
			}
			n := k - j - 1
			if n == 0 || n > 4 || k < len(t) && byteClass[t[k]]&cAlnum != 0 {
				break
			}
			j = k
			if n < 4 {
				break
			}
		}
		end = j
	}
	if end-i < 15 || end < len(t) && byteClass[t[end]]&cLabel != 0 {
		return 0, false
	}
	s := Parse(IBAN, t[i:end], x.opts)
	if !s.Valid {
		return 0, false
	}
	return x.emit(s, i, end), true
}

// url emits the URL that starts at i and ends at sp.wide, or else at
// sp.narrow, as a messenger or social-media account when its host is one.
// It returns the end of the match.
func (x *extractor) url(i int, sp urlSpan) (int, bool) {
	if x.urlAt(i, sp.wide) {
		return sp.wide, true
	}
	// The narrow reading stops at the first non-ASCII letter; not when
	// that letter makes a homograph of the host ("https://binаnce…").
	if sp.narrow < sp.wide && !lookAlikeAt(x.text, sp.narrow) && x.urlAt(i, sp.narrow) {
		return sp.narrow, true
	}
	return 0, false
}

// urlAt emits t[i:end] if it parses as a messenger or social-media link
// or as a URL.
func (x *extractor) urlAt(i, end int) bool {
	v := x.text[i:end]
	if k, _, _, ok := accountLink(refang(v)); ok {
		if s := Parse(k, v, x.opts); s.Valid {
			x.emit(s, i, end)
			return true
		}
	}
	if s := Parse(URL, v, x.opts); s.Valid {
		x.emit(s, i, end)
		return true
	}
	return false
}

// host looks at a dotted word with letters: a domain, or a URL without a
// scheme when a port, path, query or fragment follows.
func (x *extractor) host(i int, w word) int {
	t := x.text
	e := w.end
	tld := t[w.lastLabel:e]
	if !tldShape(tld) {
		return e
	}
	if i > 0 && (t[i-1] == '/' || t[i-1] == '\\') {
		return e // a file path: C:\cases\report.pdf, /home/x/notes.md
	}
	end := e
	if e+1 < len(t) && t[e] == ':' && isDigit(t[e+1]) {
		k := e + 1
		for k < len(t) && isDigit(t[k]) && k-e <= 5 {
			k++
		}
		if k == len(t) || byteClass[t[k]]&cAlnum == 0 {
			end = k
		}
	}
	sp := urlSpan{end, end}
	if end < len(t) && (t[end] == '/' || t[end] == '?' || t[end] == '#') {
		sp = urlEnd(t, end, false)
	}
	if sp.wide > e {
		if end, ok := x.url(i, sp); ok {
			return end
		}
	}
	if !fileExtension(tld) && !(isUpper(tld[0]) && !isUpper(tld[1])) {
		// report.zip, README.md; "Mr.Kim", "sent it.Now" are not domains.
		if s := Parse(Domain, t[i:e], x.opts); s.Valid {
			return x.emit(s, i, e)
		}
	}
	if w.ideo > i {
		// "prince-invest.com。then": the ideographic full stop ended a
		// sentence.
		return x.host(i, scanWordTo(t, i, w.ideo, false))
	}
	return e
}

// email reads an e-mail address whose local part starts at i, where the
// word w ends at an '@' or a defanged "[at]".
func (x *extractor) email(i int, w word) (int, bool) {
	t := x.text
	e := w.end
	// The local part may go on with '+' and '%': prince+kr@example.com.
	for e < len(t) && (t[e] == '+' || t[e] == '%') && e-i <= 64 {
		w2 := scanWord(t, e+1, false)
		if w2.end == e+1 {
			break
		}
		e = w2.end
	}
	n, spaced := atSep(t, e)
	if n == 0 {
		return 0, false
	}
	d := e + n
	if d >= len(t) || byteClass[t[d]]&cAlnum == 0 {
		return 0, false
	}
	h := scanWord(t, d, spaced)
	if h.dots == 0 || !h.letters || !tldShape(t[h.lastLabel:h.end]) || lookAlikeAt(t, h.end) {
		return 0, false
	}
	end := h.end
	s := Parse(Email, t[i:end], x.opts)
	if !s.Valid {
		return 0, false
	}
	return x.emit(s, i, end), true
}

// ipv4 reads a dotted quad at i ending at e.
func (x *extractor) ipv4(i, e int) (int, bool) {
	t := x.text
	if e+1 < len(t) && t[e] == '/' && isDigit(t[e+1]) {
		return 0, false // a network in CIDR notation
	}
	if e < len(t) && (t[e] == '-' || t[e] == '_') {
		return 0, false
	}
	if versionBefore(t, i) {
		return 0, false
	}
	if e+1 < len(t) && t[e] == '/' {
		if sp := urlEnd(t, e, false); sp.wide > e+1 {
			if end, ok := x.url(i, sp); ok {
				return end, true
			}
		}
	}
	s := Parse(IP, t[i:e], x.opts)
	if !s.Valid {
		return 0, false
	}
	return x.emit(s, i, e), true
}

// versionBefore reports whether the word before i says that the number at i
// is a version ("version 1.2.3.4", "Chrome 118.0.0.1").
func versionBefore(t string, i int) bool {
	p := skipSpaceBack(t, i)
	if p == i {
		return false
	}
	s := p
	for s > 0 && isLetter(t[s-1]) {
		s--
	}
	switch strings.ToLower(t[s:p]) {
	case "version", "ver", "v", "build", "release", "chrome", "firefox", "android", "ios", "windows", "app":
		return true
	}
	return false
}

// maxIPv6Text is the longest text form of an IPv6 address, with an
// embedded IPv4 address.
const maxIPv6Text = len("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")

// ipv6 reads an IPv6 address at i. Only forms with "::" or all eight
// groups are tried, which rules out times (14:30:00) and MAC addresses.
func (x *extractor) ipv6(i int) (int, bool) {
	t := x.text
	j := i
	colons := 0
scan:
	for ; j < len(t); j++ {
		if j-i > maxIPv6Text {
			return 0, false
		}
		switch c := t[j]; {
		case c == ':':
			colons++
		case byteClass[c]&cHex == 0 && c != '.':
			break scan
		}
	}
	for j > i && (t[j-1] == '.' || t[j-1] == ':' && !(j-2 > i && t[j-2] == ':')) {
		if t[j-1] == ':' {
			colons--
		}
		j--
	}
	if j < len(t) && (byteClass[t[j]]&cAlnum != 0 || t[j] == '_' || t[j] == '%') {
		return 0, false // "fe80::1%eth0": an address with a zone is one machine's own
	}
	v := t[i:j]
	if !(colons == 7 || colons >= 2 && strings.Contains(v, "::")) || timeLike(v) {
		return 0, false
	}
	s := Parse(IP, v, x.opts)
	if !s.Valid {
		return 0, false
	}
	return x.emit(s, i, j), true
}

// timeLike reports whether an IPv6-looking word is a time typed with a
// doubled colon ("14::30", "9::05"): groups of at most two decimal digits.
func timeLike(v string) bool {
	for _, g := range strings.Split(v, ":") {
		if len(g) > 2 || !isAllDigits(g) && g != "" {
			return false
		}
	}
	return true
}

// handle reads an @name. The platform is the one named nearby, Telegram
// when none is.
func (x *extractor) handle(i int) int {
	t := x.text
	if i > 0 {
		if p := t[i-1]; byteClass[p]&cLabel != 0 || p == '.' {
			return i + 1 // the @ of a failed e-mail address
		}
	}
	j := i + 1
	for j < len(t) && (byteClass[t[j]]&cAlnum != 0 || t[j] == '_' || t[j] == '.') {
		j++
	}
	for j > i+1 && t[j-1] == '.' {
		j--
	}
	if j == i+1 {
		return i + 1
	}
	if j < len(t) && (t[j] == '@' || t[j] == '-') {
		return j
	}
	kind := handleKind(t, i, j)
	if d := strings.LastIndexByte(t[i:j], '.'); d >= 0 && kind != Instagram && kind != Line &&
		!(kind == Signal && isAllDigits(t[i+d+1:j])) {
		// "@gmail.com" is half an e-mail address, not a handle; a
		// Signal user name ends in a dot and digits ("@prince.01").
		return j
	}
	s := Parse(kind, t[i:j], x.opts)
	if !s.Valid {
		return j
	}
	return x.emit(s, i, j)
}

// idLabelBefore tells cheaply whether the text before i may end in an ID
// label ("LINE ID:", "카톡 아이디", "微信:").
func (x *extractor) idLabelBefore(i int) bool {
	p := skipSpaceBack(x.text, i)
	if p == 0 {
		return false
	}
	t := x.text
	switch c := t[p-1]; {
	case c == ':':
		return true
	case c == 'd' || c == 'D':
		return p >= 2 && lower(t[p-2]) == 'i' && (p == 2 || !isLetter(t[p-3]))
	case c >= 0x80:
		r, _ := utf8.DecodeLastRuneInString(t[:p])
		return labelEnds[r]
	}
	return false
}

// labelEnds holds the last letters of the non-Latin labels idLabel reads
// (카톡, 아이디, 微信, 号, ไลน์, the full-width colon …), so that most words
// after Hangul, Han or Thai text are passed over without a closer look.
var labelEnds = func() map[rune]bool {
	m := map[rune]bool{}
	words := append([]string{"아이디", "号", "號", "ไอดี", "："}, labelParticles...)
	for _, w := range append(words, keywordWords(handleKeywordList)...) {
		if r, _ := utf8.DecodeLastRuneInString(w); r >= 0x80 {
			m[r] = true
		}
	}
	return m
}()

func keywordWords(kws []keyword) []string {
	var out []string
	for _, kw := range kws {
		out = append(out, kw.word)
	}
	return out
}

// labelledID reads an account ID after a label that names its platform:
// "LINE ID: prince88", "카톡 아이디 prince88", "WeChat: wxid_…".
func (x *extractor) labelledID(i int) (int, bool) {
	t := x.text
	l, ok := idLabel(t, i)
	if !ok {
		return 0, false
	}
	j, start := i, i
	allDigits := true
	for j < len(t) && (byteClass[t[j]]&cLabel != 0 || t[j] == '.') {
		if !isDigit(t[j]) {
			allDigits = false
		}
		j++
	}
	for j > start && (t[j-1] == '.' || t[j-1] == '-') {
		j--
	}
	if j == start || j < len(t) && strings.IndexByte("@/:+", t[j]) >= 0 {
		return 0, false
	}
	if isAllLetters(t[start:j]) && (l.loose || l.ascii && latinWordAfter(t, j)) {
		// "LINE ID then", "Telegram: thanks for the money": English
		// words, not an ID.
		return 0, false
	}
	if allDigits || isDigit(t[start]) && strings.Trim(t[start:j], "0123456789-") == "" {
		// "LINE ID 0812345678" names a LINE ID; "LINE: 081-234-5678" is
		// read as the phone number it looks like.
		if !l.idWord || !allDigits {
			return 0, false
		}
	}
	s := Parse(l.kind, t[i:j], x.opts)
	if !s.Valid {
		return 0, false
	}
	return x.emit(s, i, j), true
}

// latinWordAfter reports whether blanks and a Latin letter follow j.
func latinWordAfter(t string, j int) bool {
	k := j
	for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
		k++
	}
	return k > j && k < len(t) && isLetter(t[k])
}

// plusOrParen looks at a '+' or '(' that may start a phone number.
func (x *extractor) plusOrParen(i int) int {
	t := x.text
	j := i + 1
	if t[i] == '(' && j < len(t) && t[j] == '+' {
		j++
	}
	if j < len(t) && isDigit(t[j]) {
		if end, ok := x.phone(i); ok {
			return end
		}
	}
	return i + 1
}

// number looks at a word of digits (with '-' or '.'): a bank account after
// a bank name, or a phone number. tight is the end of the word, where
// scanning goes on when it is neither.
func (x *extractor) number(i, tight int) int {
	if end, bank := x.bank(i); bank {
		if end > 0 {
			return end
		}
		return tight
	}
	if end, ok := x.phone(i); ok {
		return end
	}
	return tight
}

// bank reads a bank account number at i when a bank's name stands right
// before it ("신한은행 110-123-456789", "Shinhan Bank 110-123-456789").
// isBank is true when a bank name was found, even if the account did not
// parse: such a number is not to be read as a phone number either.
func (x *extractor) bank(i int) (end int, isBank bool) {
	t := x.text
	p := skipSpaceBack(t, i)
	if p > 0 && t[p-1] == ':' {
		p = skipSpaceBack(t, p-1)
	} else if strings.HasSuffix(t[:p], "：") {
		p = skipSpaceBack(t, p-len("："))
	}
	p = skipAccountWord(t, p)
	if q := holderBefore(t, p); q >= 0 {
		p = skipAccountWord(t, q)
	}
	start, ok := bankNameBefore(t, p)
	if !ok {
		return 0, false
	}
	j := i
	dashed := false
	for {
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		if j+1 < len(t) && isDigit(t[j+1]) && (t[j] == '-' || t[j] == ' ' && !dashed) {
			dashed = dashed || t[j] == '-'
			j++
			continue
		}
		break
	}
	if start < x.last || !phoneNextOK(t, j) {
		return 0, true
	}
	s := Parse(Bank, t[start:j], x.opts)
	if !s.Valid {
		return 0, true
	}
	return x.emit(s, start, j), true
}

// skipAccountWord returns p moved back over a word that calls the number
// after it an account ("계좌", "STK", "卡号") and the blanks before it.
func skipAccountWord(t string, p int) int {
	for _, w := range accountWords {
		if hasSuffixFold(t[:p], w) && (p == len(w) || !isLetter(t[p-len(w)-1])) {
			return skipSpaceBack(t, p-len(w))
		}
	}
	return p
}

// holderBefore returns where "예금주 NAME" (the account holder) that ends
// at p starts, blanks before it skipped, or -1.
func holderBefore(t string, p int) int {
	s := p
	for s > 0 && p-s < 32 && t[s-1] != ' ' && t[s-1] != ':' && !strings.HasSuffix(t[:s], "：") {
		s--
	}
	q := skipSpaceBack(t, s)
	if q > 0 && t[q-1] == ':' {
		q = skipSpaceBack(t, q-1)
	} else if strings.HasSuffix(t[:q], "：") {
		q = skipSpaceBack(t, q-len("："))
	}
	if s == p || !strings.HasSuffix(t[:q], accountHolder) {
		return -1
	}
	return skipSpaceBack(t, q-len(accountHolder))
}

// bankNameBefore finds a bank's name ending at p: a known name or alias, or
// a name that ends in "bank" or "은행".
func bankNameBefore(t string, p int) (int, bool) {
	if p == 0 {
		return 0, false
	}
	if t[p-1] >= 0x80 {
		s := p
		for s > 0 && p-s < 64 && (t[s-1] >= 0x80 || byteClass[t[s-1]]&cAlnum != 0) {
			s--
		}
		for s < p && t[s]&0xC0 == 0x80 {
			s++
		}
		// Thai and Chinese write no space before the name: take the
		// longest known name that ends the run.
		if k := bankAliasSuffix(t, s, p); k >= 0 {
			return k, true
		}
		run := t[s:p]
		if k := strings.LastIndex(run, "ธนาคาร"); k >= 0 {
			return s + k, true
		}
		if strings.HasSuffix(run, "은행") || strings.HasSuffix(run, "뱅크") ||
			strings.HasSuffix(run, "银行") || strings.HasSuffix(run, "銀行") {
			return s, true
		}
		return 0, false
	}
	if !isLetter(t[p-1]) {
		return 0, false
	}
	// Up to three words: "KB Kookmin Bank", "Prince Commercial Bank".
	var starts [3]int
	n := 0
	for q := p; n < len(starts); {
		s := q
		for s > 0 && byteClass[t[s-1]]&cAlnum != 0 {
			s--
		}
		if s == q {
			break
		}
		starts[n] = s
		n++
		q = skipSpaceBack(t, s)
		if q == s || s-q > 2 || q == 0 || !isLetter(t[q-1]) {
			break
		}
	}
	for k := n - 1; k >= 0; k-- {
		if isBankAlias(t[starts[k]:p]) {
			return starts[k], true
		}
	}
	if last := t[starts[0]:p]; hasSuffixFold(last, "bank") {
		if len(last) > len("bank") {
			return starts[0], true // Vietcombank, Acmebank
		}
		if n >= 2 {
			return starts[1], true // Acme Bank
		}
	}
	return 0, false
}

// isBankAlias reports whether name is a name of a bank parseBank knows,
// a numeric code aside.
func isBankAlias(name string) bool {
	if len(name) > 64 {
		return false
	}
	var buf [64]byte
	slug := appendBankSlug(buf[:0], name)
	return len(banksBySlug[string(slug)]) > 0 && !isAllDigits(string(slug))
}

// bankAliasSuffix returns where the longest known bank name that ends
// t[s:p] starts, or -1. The slug of every suffix is a suffix of the run's
// slug, which is built once.
func bankAliasSuffix(t string, s, p int) int {
	// Most text before a number ends in no bank's name: look at the
	// last letter before building slugs.
	for q := p; ; {
		if q == s {
			return -1
		}
		r, n := utf8.DecodeLastRuneInString(t[s:q])
		if sr, ok := slugRune(r); ok {
			if !bankSlugEnds[sr] {
				return -1
			}
			break
		}
		q -= n
	}
	var slug [256]byte
	var starts, offs [64]int // where each rune starts in t, and its slug in slug
	n, m := 0, 0
	for k := s; k < p && n < len(starts); {
		r, size := utf8.DecodeRuneInString(t[k:p])
		starts[n], offs[n] = k, m
		n++
		b := appendSlugRune(slug[m:m], r)
		if m+len(b) > len(slug) {
			return -1
		}
		m += copy(slug[m:], b)
		k += size
	}
	for i := 0; i < n; i++ {
		if sl := slug[offs[i]:m]; len(sl) > 0 && len(banksBySlug[string(sl)]) > 0 && !isAllDigits(string(sl)) {
			return starts[i]
		}
	}
	return -1
}

// phoneRun is a run of digit groups that may be a phone number, as
// "+82 (0)10 1234-5678", "(+855) 12 345 678" or "010-1234-5678" are.
type phoneRun struct {
	start int
	plus  bool
	n     int             // number of groups
	end   [maxGroups]int  // end of each group
	size  [maxGroups]int  // digits in each group
	sep   [maxGroups]byte // separator after each group: ' ', '-', '.', or 'x' for others
	// spaced tells whether the separator after a group has a blank, where
	// a number may end and another begin.
	spaced [maxGroups]bool
}

// shortParenGroup reports whether 1 to 4 digits and a ')' start at k.
func shortParenGroup(t string, k int) bool {
	n := 0
	for k+n < len(t) && isDigit(t[k+n]) {
		n++
	}
	return n >= 1 && n <= 4 && k+n < len(t) && t[k+n] == ')'
}

const maxGroups = 10

// scanPhone reads a phone run at i: an optional '(' and '+', then digit
// groups joined by short separators. A longer number is never cut: the run
// takes every digit group glued to it.
func scanPhone(t string, i int) (phoneRun, bool) {
	var r phoneRun
	r.start = i
	j := i
	open, lead := false, false
	if t[j] == '(' {
		open, lead = true, true
		j++
	}
	if j < len(t) && t[j] == '+' {
		r.plus = true
		j++
	}
	for {
		if j >= len(t) || !isDigit(t[j]) {
			return r, r.n > 0
		}
		if r.n == maxGroups {
			return r, false
		}
		g := j
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		r.end[r.n], r.size[r.n] = j, j-g
		r.n++
		k := j
		spaces, dashes := 0, 0
		po, pc := false, false
	sep:
		for k < len(t) && k-j < 4 {
			switch t[k] {
			case ' ':
				if spaces == 1 {
					break sep
				}
				spaces++
			case '-', '.':
				if dashes == 1 {
					break sep
				}
				dashes++
			case '(':
				// Only a short group in parentheses goes on a number:
				// "+82 (0)10", "+1 (212) 555"; not "010-1234-5678 (2025-…)".
				if open || po || !shortParenGroup(t, k+1) {
					break sep
				}
				po = true
			case ')':
				if !open || pc {
					break sep
				}
				pc = true
			default:
				break sep
			}
			k++
		}
		if k == j || k >= len(t) || !isDigit(t[k]) {
			break
		}
		switch {
		case po || pc:
			r.sep[r.n-1] = 'x'
		case spaces == 1 && dashes == 0:
			r.sep[r.n-1] = ' '
		case dashes == 1 && spaces == 0:
			r.sep[r.n-1] = t[j]
		default:
			r.sep[r.n-1] = 'x'
		}
		r.spaced[r.n-1] = spaces > 0
		if po {
			open = true
		}
		if pc {
			open, lead = false, false
		}
		j = k
	}
	if open && lead {
		r.start = i + 1 // "(010-1234-5678)": the ')' is outside the run
	}
	return r, true
}

// phone reads a phone number at i. With a + country code or an
// international prefix it is taken as written; in national format only
// with opts.Region, and not when it looks like a date, an amount or a
// reference number.
func (x *extractor) phone(i int) (int, bool) {
	t := x.text
	r, ok := scanPhone(t, i)
	if !ok || !phonePrevOK(t, r.start) && !x.listed(r.start) {
		return 0, false
	}
	first := r.end[0] - r.size[0]
	zero := !r.plus && t[first] == '0'
	idd := zero && r.size[0] >= 2 && t[first+1] == '0'
	if !r.plus && x.opts.Region == "" && !idd {
		return 0, false
	}
	var digits [maxGroups]int
	sum := 0
	for k := 0; k < r.n; k++ {
		sum += r.size[k]
		digits[k] = sum
	}
	ctx, haveCtx := 0, false
	tries := 0
	for k := r.n - 1; k >= 0 && tries < 3; k-- {
		if k < r.n-1 && (!r.plus && !zero || !r.spaced[k]) {
			// Only a run that starts like a phone number gives up trailing
			// groups, and only at a space: "010-1234-5678 2025년".
			continue
		}
		d := digits[k]
		if d < 8 {
			break
		}
		switch {
		case idd && d > 15+len("00700"):
			// An international prefix ("00", "001", "00700") is not
			// part of the 15 digits E.164 allows.
			continue
		case !idd && (d > 15 || !r.plus && d > 13):
			continue
		}
		end := r.end[k]
		if k == r.n-1 && !phoneNextOK(t, end) && !phoneListNext(t, end) {
			continue
		}
		vetoed := false
		if !r.plus {
			if dateGroups(t, &r, k) || !zero && amountGroups(&r, k) {
				continue
			}
			if !haveCtx {
				ctx, haveCtx = phoneContext(t, r.start, x.last), true
			}
			// A word that calls the number something else ("Order No.",
			// "case", "주문번호") vetoes it, unless it has the unmistakable
			// shape of a mobile number: trunk prefix and groups
			// ("No. 010-1234-5678").
			vetoed = ctx < 0
			if vetoed && (!zero || idd || k == 0) {
				return 0, false
			}
			if !zero && k == 0 && ctx == 0 && !x.chineseMobile(t[first:end]) {
				continue // a bare run of digits is a phone number only after "tel", "전화"…
			}
		}
		tries++
		if s := Parse(Phone, t[r.start:end], x.opts); s.Valid && (!vetoed || isMobile(s)) {
			return x.emit(s, r.start, end), true
		}
	}
	return 0, false
}

// listed reports whether a number at start follows the previous match
// across a list separator without a blank: "010-1234-5678/010-2345-6789",
// "+82 10-1234-5678,+82 10-2345-6789".
func (x *extractor) listed(start int) bool {
	return start >= 2 && x.last == start-1 && len(x.out) > 0 && x.out[len(x.out)-1].Kind == Phone &&
		(x.text[start-1] == ',' || x.text[start-1] == '/')
}

// phoneListNext reports whether a number ending at end is followed by a ','
// or '/' and another number that starts with a trunk or international
// prefix or a '+', as lists of numbers are written without blanks. Amounts
// (1,000,000) and dates (14/10/2025) do not go on that way.
func phoneListNext(t string, end int) bool {
	if end+2 >= len(t) || t[end] != ',' && t[end] != '/' {
		return false
	}
	if t[end+1] == '+' {
		return isDigit(t[end+2])
	}
	if t[end+1] != '0' {
		return false
	}
	r, ok := scanPhone(t, end+1)
	return ok && r.n >= 2
}

// chineseMobile reports whether a bare run of digits is a mainland Chinese
// mobile number (1[3-9] and nine digits) in a text whose region is China:
// that shape is distinctive enough to need no "电话" before it ("加我13800138000").
func (x *extractor) chineseMobile(v string) bool {
	return len(v) == 11 && v[0] == '1' && v[1] >= '3' && v[1] <= '9' && isAllDigits(v) &&
		strings.EqualFold(strings.TrimSpace(x.opts.Region), "CN")
}

// isMobile reports whether a valid phone selector is a mobile number.
func isMobile(s Selector) bool {
	num, err := phonenumbers.Parse(s.Canonical, "")
	if err != nil {
		return false
	}
	switch phonenumbers.GetNumberType(num) {
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return true
	}
	return false
}

// dateGroups reports whether groups 0..k read as a date: 2025-10-14,
// 14.10.2025.
func dateGroups(t string, r *phoneRun, k int) bool {
	year := func(g int) bool {
		if r.size[g] != 4 {
			return false
		}
		s := t[r.end[g]-4 : r.end[g]]
		return s[:2] == "19" || s[:2] == "20"
	}
	switch {
	case k >= 1 && year(0) && r.size[1] <= 2:
		return true
	case k == 2 && year(2) && r.size[0] <= 2 && r.size[1] <= 2:
		return true
	case k == 2 && r.size[0] == 2 && r.size[1] == 2 && r.size[2] == 2:
		return true
	}
	return false
}

// amountGroups reports whether groups 0..k are thousands: "25 000 000",
// "25.000.000".
func amountGroups(r *phoneRun, k int) bool {
	if k == 0 || r.size[0] > 3 {
		return false
	}
	for g := 1; g <= k; g++ {
		if r.size[g] != 3 || r.sep[g-1] != r.sep[0] {
			return false
		}
	}
	return r.sep[0] == ' ' || r.sep[0] == '.'
}

// phonePrevOK reports whether a number may start at start: not glued to a
// word or to more digits ("1,000,010…", "14/10/2025"), nor after a currency
// sign or '#'.
func phonePrevOK(t string, start int) bool {
	if start == 0 {
		return true
	}
	switch p := t[start-1]; {
	case byteClass[p]&cLabel != 0:
		return false
	case strings.IndexByte("$#=*/\\^~%&", p) >= 0:
		return false
	case strings.IndexByte(".,:+", p) >= 0 && start >= 2 && isDigit(t[start-2]):
		return false
	}
	q := skipSpaceBack(t, start)
	if q > 0 && t[q-1] == '$' {
		return false
	}
	for _, sym := range currencySigns {
		if strings.HasSuffix(t[:q], sym) {
			return false
		}
	}
	return true
}

var currencySigns = []string{"₩", "€", "£", "¥", "￥", "＄", "฿", "₫", "₱", "₹", "៛", "₮", "₭"}

// phoneNextOK reports whether a number may end at end: not glued to a word
// or to more digits, and not followed by a unit ("50000000 KRW", "3억원").
func phoneNextOK(t string, end int) bool {
	if end == len(t) {
		return true
	}
	q := t[end]
	if byteClass[q]&cLabel != 0 || q == '%' {
		return false
	}
	if strings.IndexByte(",.:/-", q) >= 0 && end+1 < len(t) && isDigit(t[end+1]) {
		return false
	}
	k := end
	if q == ' ' {
		k++
	}
	return !unitAt(t, k)
}

// unitAt reports whether a unit of money, time or count starts at k.
func unitAt(t string, k int) bool {
	if k >= len(t) {
		return false
	}
	c := t[k]
	if c == '%' {
		return true
	}
	if isLetter(c) {
		j := k
		for j < len(t) && isLetter(t[j]) && j-k < 10 {
			j++
		}
		word := t[k:j]
		if j < len(t) && t[j] >= 0x80 {
			// Vietnamese: "triệu", "nghìn" cut at their first accent.
			return equalFold(word, "tri") || equalFold(word, "ngh")
		}
		for _, u := range unitWords {
			if equalFold(word, u) {
				return true
			}
		}
		return false
	}
	if c < 0x80 {
		return false
	}
	for _, u := range unitPrefixes {
		if strings.HasPrefix(t[k:], u) {
			return true
		}
	}
	return false
}

var unitWords = []string{
	"krw", "usd", "usdt", "usdc", "won", "baht", "thb", "vnd", "dong", "rmb", "cny", "yuan",
	"btc", "eth", "trx", "bnb", "jpy", "yen", "eur", "gbp", "sgd", "hkd", "myr", "php", "khr",
	"riel", "dollar", "dollars", "percent", "pct", "times", "people", "years", "days", "months",
	"hours", "minutes", "mins", "seconds", "million", "billion", "k", "m", "trieu", "nghin",
}

var unitPrefixes = []string{
	"원", "만", "억", "천", "년", "월", "일", "시", "분", "초", "명", "개", "회", "달러", "테더",
	"元", "万", "亿", "千", "年", "月", "日", "号", "时", "点", "分", "秒", "块", "个", "次", "人", "円", "萬", "億",
	"บาท", "ล้าน", "ปี", "เดือน", "วัน", "đ", "₫", "៛", "រៀល", "ដុល្លារ",
}

// phoneContext looks at the words before a national-format number: +1 when
// they call it a phone number, -1 when they call it something else (an
// order, a transaction, an account) right before it, 0 when they say
// nothing. A word that calls it something else counts only as its label,
// with at most one word or a ':' or '#' between ("Order No. 2025…",
// "주문번호 0101…"), not anywhere in the clause ("Call me if no answer:
// 010-…", "I have no other number than 010-…"). Words before floor, the
// end of the previous match, belong to that match.
func phoneContext(t string, p, floor int) int {
	kw, at, ok := keywordBeforeAt(t, p, floor, 40, phoneKeywords)
	switch {
	case !ok:
		return 0
	case kw.neg && labelsDirectly(t, at+len(kw.word), p):
		return -1
	case kw.neg:
		return 0
	}
	return 1
}

// labelsDirectly reports whether t[from:to], the text between a label and
// a value, holds at most one word besides blanks and the punctuation of a
// label (':', '#', '.').
func labelsDirectly(t string, from, to int) bool {
	k := from
	skip := func() {
		for k < to {
			switch {
			case t[k] == ' ' || t[k] == '\t' || t[k] == ':' || t[k] == '#' || t[k] == '.':
				k++
			case strings.HasPrefix(t[k:], "：") || strings.HasPrefix(t[k:], "＃") || strings.HasPrefix(t[k:], "\u3000"):
				k += 3
			default:
				return
			}
		}
	}
	skip()
	for k < to {
		if isAlnum(t[k]) {
			k++
			continue
		}
		if m := nonASCIILetters(t[:to], k); m > k {
			k = m
			continue
		}
		break
	}
	skip()
	return k >= to
}

var phoneKeywords = newKeywords([]keyword{
	{word: "tel"}, {word: "phone"}, {word: "telephone"}, {word: "call"}, {word: "called"},
	{word: "mobile"}, {word: "cell"}, {word: "contact"}, {word: "whatsapp"}, {word: "viber"},
	{word: "zalo"}, {word: "sms"}, {word: "text"}, {word: "hotline"}, {word: "wa"},
	{word: "电话"}, {word: "手机"}, {word: "号码"}, {word: "联系"}, {word: "電話"}, {word: "手機"},
	{word: "전화"}, {word: "휴대폰"}, {word: "핸드폰"}, {word: "연락처"}, {word: "연락"}, {word: "문자"},
	{word: "โทร"}, {word: "เบอร์"}, {word: "มือถือ"}, {word: "điện thoại"}, {word: "sđt"}, {word: "sdt"},
	{word: "gọi"}, {word: "ទូរស័ព្ទ"}, {word: "លេខ"},

	{word: "order", neg: true}, {word: "no", neg: true}, {word: "nr", neg: true}, {word: "ref", neg: true},
	{word: "reference", neg: true}, {word: "txid", neg: true}, {word: "txn", neg: true}, {word: "tx", neg: true},
	{word: "hash", neg: true}, {word: "invoice", neg: true}, {word: "receipt", neg: true}, {word: "case", neg: true},
	{word: "account", neg: true}, {word: "acct", neg: true}, {word: "transaction", neg: true}, {word: "serial", neg: true},
	{word: "tracking", neg: true}, {word: "id", neg: true}, {word: "code", neg: true}, {word: "otp", neg: true},
	{word: "pin", neg: true}, {word: "passport", neg: true}, {word: "amount", neg: true}, {word: "total", neg: true},
	{word: "balance", neg: true}, {word: "usdt", neg: true}, {word: "usd", neg: true}, {word: "krw", neg: true},
	{word: "thb", neg: true}, {word: "vnd", neg: true}, {word: "iban", neg: true},
	{word: "주문", neg: true}, {word: "계좌", neg: true}, {word: "거래", neg: true}, {word: "송금", neg: true},
	{word: "사건", neg: true}, {word: "접수", neg: true}, {word: "송장", neg: true}, {word: "인증", neg: true},
	{word: "금액", neg: true}, {word: "订单", neg: true}, {word: "单号", neg: true}, {word: "交易", neg: true},
	{word: "账号", neg: true}, {word: "账户", neg: true}, {word: "卡号", neg: true}, {word: "案件", neg: true},
	{word: "流水", neg: true}, {word: "金额", neg: true}, {word: "编号", neg: true}, {word: "เลขที่", neg: true},
	{word: "บัญชี", neg: true}, {word: "tài khoản", neg: true}, {word: "stk", neg: true}, {word: "mã", neg: true},
})

// keyword is a word that says what a nearby value is.
type keyword struct {
	word string // lower case
	kind Kind
	neg  bool // the value is not a selector (an order number, an amount)
}

// handleKeywords name the platform of a bare @name.
var handleKeywordList = []keyword{
	{word: "telegram", kind: Telegram}, {word: "tg", kind: Telegram}, {word: "tele", kind: Telegram},
	{word: "텔레그램", kind: Telegram}, {word: "텔레", kind: Telegram}, {word: "电报", kind: Telegram},
	{word: "電報", kind: Telegram}, {word: "飞机", kind: Telegram}, {word: "飛機", kind: Telegram},
	{word: "เทเลแกรม", kind: Telegram},
	{word: "instagram", kind: Instagram}, {word: "insta", kind: Instagram}, {word: "ig", kind: Instagram},
	{word: "인스타", kind: Instagram}, {word: "อินสตาแกรม", kind: Instagram}, {word: "ไอจี", kind: Instagram},
	{word: "twitter", kind: X}, {word: "x", kind: X}, {word: "트위터", kind: X}, {word: "推特", kind: X},
	{word: "line", kind: Line}, {word: "라인", kind: Line}, {word: "ไลน์", kind: Line},
	{word: "kakaotalk", kind: Kakao}, {word: "kakao", kind: Kakao}, {word: "카톡", kind: Kakao},
	{word: "카카오톡", kind: Kakao}, {word: "카카오", kind: Kakao},
	{word: "wechat", kind: WeChat}, {word: "weixin", kind: WeChat}, {word: "微信", kind: WeChat}, {word: "위챗", kind: WeChat},
	// The slang Chinese chats use to keep filters from seeing "微信".
	{word: "vx", kind: WeChat}, {word: "v信", kind: WeChat}, {word: "薇信", kind: WeChat}, {word: "威信", kind: WeChat},
	{word: "facebook", kind: Facebook}, {word: "fb", kind: Facebook}, {word: "페이스북", kind: Facebook},
	{word: "페북", kind: Facebook}, {word: "脸书", kind: Facebook}, {word: "臉書", kind: Facebook},
	{word: "เฟซบุ๊ก", kind: Facebook}, {word: "เฟสบุ๊ค", kind: Facebook},
	{word: "signal", kind: Signal}, {word: "시그널", kind: Signal},
}

var handleKeywords = newKeywords(handleKeywordList)

// handleKind names the platform of the @name at t[i:j]: the one named last
// before it in the same sentence, else the one named first after it, else
// Telegram, where scam compounds keep most of their accounts.
func handleKind(t string, i, j int) Kind {
	// 120 bytes reach back some forty Hangul or Han characters: Korean
	// and Chinese narratives name the platform well before the handle
	// ("인스타그램에서 … 알게 된 사람(@name)").
	if kw, ok := keywordBefore(t, i, 0, 120, handleKeywords); ok {
		return kw.kind
	}
	if kw, ok := keywordAfter(t, j, 48, handleKeywords); ok {
		return kw.kind
	}
	return Telegram
}

// idLabel reads a label that names an account's platform right before i:
// "LINE ID:", "KakaoTalk ID", "카톡 아이디:", "微信号：", "WeChat:", and the
// forms Chinese and Korean glue to the ID or join with a particle:
// "微信lihua_8888", "微信是lihua_8888", "텔레그램 아이디는 prince_kim88",
// "카톡ID는 prince88". An English platform name needs the "ID", a colon or a
// particle; "in line with" is no label.
func idLabel(t string, i int) (l label, ok bool) {
	p := skipSpaceBack(t, i)
	if p > 0 && t[p-1] == ':' {
		p, l.colon = p-1, true
	} else if strings.HasSuffix(t[:p], "：") {
		p, l.colon = p-len("："), true
	}
	p = skipSpaceBack(t, p)
	particle := false
	for _, w := range labelParticles {
		if strings.HasSuffix(t[:p], w) {
			p, particle = skipSpaceBack(t, p-len(w)), true
			break
		}
	}
	switch {
	case p >= 2 && lower(t[p-2]) == 'i' && lower(t[p-1]) == 'd' && (p == 2 || !isLetter(t[p-3])):
		p, l.idWord = p-2, true
	case strings.HasSuffix(t[:p], "아이디"):
		p, l.idWord = p-len("아이디"), true
	case strings.HasSuffix(t[:p], "号"), strings.HasSuffix(t[:p], "號"):
		p, l.idWord = p-len("号"), true
	case strings.HasSuffix(t[:p], "ไอดี"):
		p, l.idWord = p-len("ไอดี"), true
	}
	labelled := l.colon || l.idWord || particle
	if !labelled && (p == 0 || t[p-1] < 0x80) {
		return label{}, false
	}
	p = skipSpaceBack(t, p)
	if p > 0 && (t[p-1] == '-' || t[p-1] == '_') {
		p-- // "LINE-ID"
	}
	if p == 0 {
		return label{}, false
	}
	last := lower(t[p-1])
	for _, kw := range handleKeywordList {
		n := len(kw.word)
		if kw.word[n-1] != last || kw.kind == X || !hasSuffixFold(t[:p], kw.word) ||
			kw.word[0] >= 0x80 && !isKeywordAt(t, p-n, kw.word) {
			continue
		}
		ascii := isASCII(kw.word)
		if kw.word[0] < 0x80 && p > n && isLetter(t[p-n-1]) {
			continue // "online", "tiger": not a word of its own
		}
		if ascii && !labelled {
			continue
		}
		l.kind, l.ascii, l.loose = kw.kind, ascii, ascii && !l.colon && !particle
		return l, true
	}
	return label{}, false
}

// label is what idLabel read.
type label struct {
	kind   Kind
	idWord bool // "ID", "아이디", "号" named the ID
	colon  bool
	ascii  bool // the platform was named in Latin letters
	// loose is an English label without a colon ("LINE ID prince88"),
	// after which a plain word is more likely prose than an ID.
	loose bool
}

// labelParticles join a label to the ID that follows it: Korean topic and
// subject particles ("아이디는", "ID가") and the Chinese copula ("微信是").
var labelParticles = []string{"는", "은", "가", "이", "是", "为", "為"}

// keywords is a set of keywords indexed by their first byte, longest
// first, so that a window of text is searched in one pass.
type keywords [256][]keyword

func newKeywords(list []keyword) *keywords {
	var ks keywords
	for _, kw := range list {
		ks[kw.word[0]] = append(ks[kw.word[0]], kw)
	}
	for _, b := range ks {
		slices.SortStableFunc(b, func(a, b keyword) int { return len(b.word) - len(a.word) })
	}
	return &ks
}

// at returns the keyword that stands at t[k:] and ends by lim.
func (ks *keywords) at(t string, k, lim int) (keyword, bool) {
	for _, kw := range ks[lower(t[k])] {
		if k+len(kw.word) <= lim && hasPrefixFold(t[k:], kw.word) && isKeywordAt(t, k, kw.word) {
			return kw, true
		}
	}
	return keyword{}, false
}

// keywordBefore finds the keyword nearest before p in the same clause,
// looking back at most limit bytes and not before floor.
func keywordBefore(t string, p, floor, limit int, ks *keywords) (keyword, bool) {
	kw, _, ok := keywordBeforeAt(t, p, floor, limit, ks)
	return kw, ok
}

// keywordBeforeAt is keywordBefore that also returns where the keyword
// starts.
func keywordBeforeAt(t string, p, floor, limit int, ks *keywords) (keyword, int, bool) {
	s := max(sentenceStart(t, p, limit), floor)
	for k := p - 1; k >= s; k-- {
		if ks[lower(t[k])] != nil {
			if kw, ok := ks.at(t, k, p); ok {
				return kw, k, true
			}
		}
	}
	return keyword{}, 0, false
}

// keywordAfter finds the keyword nearest after p in the same clause,
// looking ahead at most max bytes.
func keywordAfter(t string, p, max int, ks *keywords) (keyword, bool) {
	e := sentenceEnd(t, p, max)
	for k := p; k < e; k++ {
		if ks[lower(t[k])] != nil {
			if kw, ok := ks.at(t, k, e); ok {
				return kw, true
			}
		}
	}
	return keyword{}, false
}

// isKeywordAt reports whether the keyword w found at t[k:] stands as a word
// of its own. Non-Latin keywords need no boundary: Korean and Thai glue
// particles to them, Chinese has no spaces.
func isKeywordAt(t string, k int, w string) bool {
	if w[0] >= 0x80 {
		if w == "라인" && k > 0 {
			// 온라인, 타임라인, 가이드라인: "online", not LINE.
			r, _ := utf8.DecodeLastRuneInString(t[:k])
			return r < 0xAC00 || r > 0xD7A3
		}
		return true
	}
	if k > 0 && isLetter(t[k-1]) {
		return false
	}
	e := k + len(w)
	if e < len(t) && isLetter(t[e]) {
		return false
	}
	if w == "x" {
		// Only a capital X names the platform, and not in "X-ray" or "3 x 4".
		return t[k] == 'X' && (e == len(t) || t[e] != '-') && (k == 0 || !isDigit(t[k-1]))
	}
	return true
}

// sentenceStart returns where the clause around p starts, looking back at
// most max bytes, on a character boundary.
func sentenceStart(t string, p, max int) int {
	s := p
	for s > 0 && p-s < max {
		c := t[s-1]
		if c == '\n' || c == ';' || (c == '!' || c == '?') && s < len(t) && t[s] == ' ' ||
			c == '.' && s < len(t) && t[s] == ' ' && !abbreviation(t[:s-1]) ||
			strings.HasSuffix(t[:s], "。") {
			break
		}
		s--
	}
	for s < p && t[s]&0xC0 == 0x80 {
		s++
	}
	return s
}

// abbreviation reports whether t ends in a short capitalised word that a
// full stop abbreviates rather than ends: "No.", "Ref.", "Tel.", "Mr.".
func abbreviation(t string) bool {
	n := 0
	for n < len(t) && n < 4 && isLetter(t[len(t)-1-n]) {
		n++
	}
	return n >= 1 && n <= 3 && isUpper(t[len(t)-n]) && (n == len(t) || !isLetter(t[len(t)-n-1]))
}

// sentenceEnd returns where the clause around p ends, looking ahead at
// most max bytes, on a character boundary.
func sentenceEnd(t string, p, max int) int {
	e := p
	for e < len(t) && e-p < max {
		c := t[e]
		if c == '\n' || c == ';' || (c == '.' || c == '!' || c == '?') && (e+1 == len(t) || t[e+1] == ' ') ||
			strings.HasPrefix(t[e:], "。") {
			break
		}
		e++
	}
	for e > p && e < len(t) && t[e]&0xC0 == 0x80 {
		e--
	}
	return e
}

// solanaNearby reports whether Solana is named within a sentence of t[i:e].
func solanaNearby(t string, i, e int) bool {
	if _, ok := keywordBefore(t, i, 0, 80, solanaKeywords); ok {
		return true
	}
	_, ok := keywordAfter(t, e, 80, solanaKeywords)
	return ok
}

var solanaKeywords = newKeywords([]keyword{
	{word: "sol"}, {word: "solana"}, {word: "phantom"}, {word: "솔라나"}, {word: "索拉纳"}, {word: "โซลานา"},
})

// schemeSep returns the length of "://" or a defanged "[:]//" at j.
func schemeSep(t string, j int) int {
	r := t[j:]
	switch {
	case strings.HasPrefix(r, "://"):
		return 3
	case strings.HasPrefix(r, "[:]//"), strings.HasPrefix(r, "[://]"):
		return 5
	}
	return 0
}

// isScheme reports whether s names a scheme Extract reads URLs for,
// defanged ones (hxxps) included.
func isScheme(s string) bool {
	for _, sc := range []string{"http", "https", "hxxp", "hxxps", "ftp", "tg"} {
		if equalFold(s, sc) {
			return true
		}
	}
	return false
}

// urlSpan is where a URL found in text may end: wide takes the non-ASCII
// letters of an internationalised host name and of a path or query
// ("https://www.프린스.kr/login", "…/?ref=가나다", "…/회원가입?code=AB");
// narrow stops at the first non-ASCII byte, for when the wide reading is
// no URL ("https://example.com和…").
type urlSpan struct{ wide, narrow int }

// urlEnd returns where a URL whose body starts at j ends: at white space,
// a character that cannot be in a URL, CJK punctuation, or a non-ASCII
// letter glued to an ASCII letter or digit ("…/login에서", "….com에서"),
// less trailing punctuation and unbalanced closing brackets. host tells
// that the body starts with the host name.
func urlEnd(t string, j int, host bool) urlSpan {
	var sp urlSpan
	k := j
	narrow := -1
	for k < len(t) {
		c := t[k]
		if c < utf8.RuneSelf {
			if byteClass[c]&cURL == 0 {
				break
			}
			if c == '/' || c == '?' || c == '#' {
				host = false
			}
			k++
			continue
		}
		if narrow < 0 {
			narrow = k
		}
		if host {
			if n := ideographicDot(t, k); n > 0 {
				k += n
				continue
			}
		}
		m := nonASCIILetters(t, k)
		if m == k {
			break // blanks, CJK punctuation, symbols
		}
		if prev := t[k-1]; prev < utf8.RuneSelf {
			if host && isAlnum(prev) {
				// Inside a host name only when the host goes on after
				// it: "binаnce-vip.com" with a Cyrillic а, "abc한국.com";
				// "prince-invest.com에서 가입" ends before 에서.
				if m == len(t) || !(isAlnum(t[m]) || t[m] == '-' || t[m] == '.' || t[m] == '/') {
					break
				}
			} else if !host && strings.IndexByte("/=?&#-_+~", prev) < 0 {
				break // "…/login에서"
			}
		}
		k = m
	}
	sp.wide = trimURLEnd(t, j, k)
	if narrow < 0 || narrow > sp.wide {
		sp.narrow = sp.wide
	} else {
		sp.narrow = trimURLEnd(t, j, narrow)
	}
	return sp
}

// trimURLEnd drops the punctuation that ends a sentence rather than a URL
// from t[j:k], and closing brackets that were not opened inside it.
func trimURLEnd(t string, j, k int) int {
	var open, closed [3]int // (), [], {}
	for i := j; i < k; i++ {
		switch t[i] {
		case '(':
			open[0]++
		case '[':
			open[1]++
		case '{':
			open[2]++
		case ')':
			closed[0]++
		case ']':
			closed[1]++
		case '}':
			closed[2]++
		}
	}
	for k > j {
		c := t[k-1]
		if strings.IndexByte(".,;:!?'*([{", c) >= 0 {
			k--
			continue
		}
		if b := strings.IndexByte(")]}", c); b >= 0 && closed[b] > open[b] {
			closed[b]--
			k--
			continue
		}
		break
	}
	return k
}

// nonASCIILetters returns the end of the run of non-ASCII letters, marks
// and digits at k (k itself when there is none).
func nonASCIILetters(t string, k int) int {
	for k < len(t) && t[k] >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(t[k:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			break
		}
		k += n
	}
	return k
}

// ideographicDot returns the length of an ideographic or full-width full
// stop at k that separates the labels of a host name, as CJK keyboards
// type it ("prince-invest。com"): one followed by a lower-case ASCII letter
// or a digit. A full stop before a capital or other script ends a
// sentence.
func ideographicDot(t string, k int) int {
	for _, d := range [...]string{"。", "．", "｡"} {
		if strings.HasPrefix(t[k:], d) {
			n := len(d)
			if k+n < len(t) && (isLower(t[k+n]) || isDigit(t[k+n])) {
				return n
			}
			return 0
		}
	}
	return 0
}

// lookAlikeAt reports whether the rune at k is a letter of a script whose
// letters pass for Latin ones (Cyrillic а, Greek ο, Latin ı and ɡ …): glued
// to a dotted word, it makes a homograph of a host name, and the dotted
// word is not the host the text names.
func lookAlikeAt(t string, k int) bool {
	if k >= len(t) || t[k] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[k:])
	return lookAlike(r)
}

// lookAlikeBefore is lookAlikeAt for the rune that ends at k.
func lookAlikeBefore(t string, k int) bool {
	if k == 0 || t[k-1] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:k])
	return lookAlike(r)
}

func lookAlike(r rune) bool {
	return unicode.IsLetter(r) && !isWide(r) && unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic,
		unicode.Armenian, unicode.Cherokee, unicode.Coptic, unicode.Lisu)
}

// tldShape reports whether a last label can be a top-level domain: two or
// more letters, or punycode.
func tldShape(l string) bool {
	if len(l) < 2 {
		return false
	}
	if len(l) > 4 && hasPrefixFold(l, "xn--") {
		return true
	}
	for i := 0; i < len(l); i++ {
		if !isLetter(l[i]) {
			return false
		}
	}
	return true
}

// fileExtension reports whether a top-level domain is also a common file
// extension, so that report.zip or main.py without a scheme is a file name.
func fileExtension(tld string) bool {
	for _, ext := range []string{"zip", "mov", "md", "py", "sh", "rs", "pl", "pm", "ps", "tf", "mk", "so", "pub", "cab", "bz"} {
		if equalFold(tld, ext) {
			return true
		}
	}
	return false
}

// scanWord reads the run of letters, digits, '-', '_' and dots (defanged
// ones too) at i: a host name, an e-mail local part, a number, an address.
// A dot is taken only when a letter or digit follows it, so a full stop
// ends the word. spaced admits "example (dot) com".
func scanWord(t string, i int, spaced bool) word {
	return scanWordTo(t, i, len(t), spaced)
}

// scanWordTo is scanWord that reads no further than lim.
func scanWordTo(t string, i, lim int, spaced bool) word {
	t = t[:lim]
	w := word{lastLabel: i}
	any, all := uint16(0), uint16(0xffff)
	j, label := i, i
	for {
		for j < len(t) {
			cl := byteClass[t[j]]
			if cl&cLabel == 0 {
				break
			}
			any |= cl
			all &= cl
			j++
		}
		if j-label > w.maxLabel {
			w.maxLabel = j - label
		}
		if j >= len(t) {
			break
		}
		n := dotSep(t, j, spaced)
		if n == 0 || j+n >= len(t) || byteClass[t[j+n]]&cAlnum == 0 {
			break
		}
		if t[j] >= utf8.RuneSelf {
			w.ideo = j
		}
		w.dots++
		j += n
		label = j
		w.lastLabel = j
	}
	w.end = j
	w.letters = any&cLetter != 0
	w.digits = any&cDigit != 0
	w.upper = any&cUpper != 0
	w.lower = any&cLower != 0
	w.punct = any&cPunct != 0
	w.hex = all&cHex != 0
	w.nonBase58 = all&cBase58 == 0
	return w
}

// word describes what scanWord read.
type word struct {
	end       int
	dots      int
	lastLabel int // start of the last label
	maxLabel  int // length of the longest label
	letters   bool
	digits    bool
	upper     bool
	lower     bool
	punct     bool // '-' or '_'
	hex       bool // every character a hex digit
	nonBase58 bool // some character outside the base58 alphabet
	ideo      int  // start of the last ideographic full stop, or 0
}

// dotSep returns the length of a dot, or a defanged dot ("[.]", "(dot)"),
// at j, or 0.
func dotSep(t string, j int, spaced bool) int {
	switch t[j] {
	case '.':
		return 1
	case '[', '(', '{':
		if n := bracketed(t, j, "."); n > 0 {
			return n
		}
		return bracketed(t, j, "dot")
	case ' ':
		if spaced {
			if n := bracketed(t, j+1, "dot"); n > 0 && j+1+n < len(t) && t[j+1+n] == ' ' {
				return n + 2
			}
		}
	case 0xE3, 0xEF:
		return ideographicDot(t, j)
	}
	return 0
}

// atSep returns the length of an '@', or a defanged one ("[at]", "(@)",
// " (at) "), at j, or 0; spaced tells that it was written with blanks.
func atSep(t string, j int) (n int, spaced bool) {
	if j >= len(t) {
		return 0, false
	}
	switch t[j] {
	case '@':
		return 1, false
	case '[', '(', '{':
		if n := bracketed(t, j, "at"); n > 0 {
			return n, false
		}
		return bracketed(t, j, "@"), false
	case ' ':
		if n := bracketed(t, j+1, "at"); n > 0 && j+1+n < len(t) && t[j+1+n] == ' ' {
			return n + 2, true
		}
	}
	return 0, false
}

// skipSpaceBack returns p moved back over the blanks that end t[:p].
func skipSpaceBack(t string, p int) int {
	for p > 0 {
		switch {
		case t[p-1] == ' ' || t[p-1] == '\t':
			p--
		case t[p-1] >= 0x80 && (strings.HasSuffix(t[:p], "\u3000") || strings.HasSuffix(t[:p], "\u00a0")):
			_, n := utf8.DecodeLastRuneInString(t[:p])
			p -= n
		default:
			return p
		}
	}
	return p
}

func isIBANStart(v string) bool {
	return isUpper(v[0]) && isUpper(v[1]) && isDigit(v[2]) && isDigit(v[3])
}

// Byte classes for the scanner.
const (
	cLetter = 1 << iota
	cDigit
	cUpper
	cLower
	cHex
	cBase58
	cPunct // '-' and '_' inside words
	cLabel // letters, digits, '-', '_'
	cURL   // may appear in a URL
	cStart // may start a selector: letters, digits, '+', '(', '@', full-width forms

	cAlnum = cLetter | cDigit
)

var byteClass = func() (t [256]uint16) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= cLetter | cLower | cLabel
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] |= cLetter | cUpper | cLabel
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= cDigit | cHex | cLabel
	}
	for _, c := range "abcdefABCDEF" {
		t[c] |= cHex
	}
	for _, c := range "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz" {
		t[c] |= cBase58
	}
	for c := range t {
		if t[c]&(cLetter|cDigit) != 0 || c == '+' || c == '(' || c == '@' || c == 0xEF {
			t[c] |= cStart
		}
	}
	t['-'] |= cPunct | cLabel
	t['_'] |= cPunct | cLabel
	for c := '!'; c <= '~'; c++ {
		if !strings.ContainsRune("\"<>\\^`|", c) {
			t[c] |= cURL
		}
	}
	return t
}()
