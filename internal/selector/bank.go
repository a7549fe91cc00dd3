package selector

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ibanLengths is the length of an IBAN per country, from the SWIFT IBAN
// registry. A wrong length is the most common typing error after a wrong
// digit, and the check names it.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
	"BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
	"DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
	"GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
	"IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
	"LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
	"MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
	"PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
	"SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// parseIBAN validates an IBAN with its ISO 13616 mod-97 check digits.
// Canonical is upper-case without spaces; Display groups it by four.
func parseIBAN(in string) Selector {
	v := fold(in)
	if len(v) > 4 && strings.EqualFold(v[:4], "IBAN") {
		v = strings.TrimLeft(v[4:], " :")
	}
	var b []byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ' || c == '-' || c == '.' || c == '\t':
		case isLower(c):
			b = append(b, c-'a'+'A')
		case isUpper(c) || isDigit(c):
			b = append(b, c)
		default:
			return invalid(IBAN, "invalid character %q in IBAN", string(c))
		}
	}
	s := string(b)
	if len(s) < 5 {
		return invalid(IBAN, "too short for an IBAN")
	}
	cc := s[:2]
	if cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' {
		return invalid(IBAN, "IBAN must start with a two-letter country code")
	}
	if !isDigit(s[2]) || !isDigit(s[3]) {
		return invalid(IBAN, "IBAN check digits (characters 3 and 4) must be digits")
	}
	want, ok := ibanLengths[cc]
	if !ok {
		return invalid(IBAN, "country %s does not use IBANs", cc)
	}
	if len(s) != want {
		return invalid(IBAN, "an IBAN of %s has %d characters, not %d", cc, want, len(s))
	}
	if ibanMod97(s) != 1 {
		return invalid(IBAN, "IBAN check digits do not match (mod-97)")
	}
	var d strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			d.WriteByte(' ')
		}
		d.WriteString(s[i:min(i+4, len(s))])
	}
	return Selector{Kind: IBAN, Canonical: s, Display: d.String(), Region: cc, Valid: true}
}

// ibanMod97 computes the ISO 7064 mod 97-10 remainder of an upper-case IBAN
// with its first four characters moved to the end, letters as 10..35.
func ibanMod97(s string) int {
	r := 0
	add := func(c byte) {
		if isDigit(c) {
			r = (r*10 + int(c-'0')) % 97
		} else {
			n := int(c-'A') + 10
			r = (r*100 + n) % 97
		}
	}
	for i := 4; i < len(s); i++ {
		add(s[i])
	}
	for i := 0; i < 4; i++ {
		add(s[i])
	}
	return r
}

// bank is a bank whose accounts are written without an IBAN, known by the
// names people write for it.
type bank struct {
	country string
	slug    string // the bank part of the canonical key
	name    string // display name
	aliases []string
}

// banks lists the banks whose names we recognise: Korean banks (with their
// KFTC codes as aliases, as account exports use them) and the large banks of
// the countries where scam compounds bank. An unknown bank still works: its
// name, reduced to lower-case letters and digits, becomes its key.
var banks = []bank{
	{"KR", "kdb", "KDB Korea Development Bank", []string{"002", "산업은행", "한국산업은행", "kdb", "korea development bank"}},
	{"KR", "ibk", "IBK Industrial Bank of Korea", []string{"003", "기업은행", "ibk기업은행", "ibk", "industrial bank of korea"}},
	{"KR", "kb", "KB Kookmin Bank", []string{"004", "국민은행", "kb국민은행", "kb", "kookmin", "kookmin bank", "kb kookmin bank"}},
	{"KR", "suhyup", "Suhyup Bank", []string{"007", "수협", "수협은행", "suhyup"}},
	{"KR", "nh", "NongHyup Bank", []string{"011", "농협", "농협은행", "nh농협", "nh농협은행", "nh", "nonghyup", "nh bank"}},
	{"KR", "nhlocal", "NongHyup local cooperative", []string{"012", "지역농협", "지역농축협", "단위농협"}},
	{"KR", "woori", "Woori Bank", []string{"020", "우리은행", "woori", "woori bank"}},
	{"KR", "sc", "SC First Bank", []string{"023", "sc제일은행", "제일은행", "sc은행", "standard chartered korea", "sc first bank"}},
	{"KR", "citi", "Citibank Korea", []string{"027", "씨티은행", "한국씨티은행", "citibank korea", "citi korea"}},
	{"KR", "im", "iM Bank (Daegu)", []string{"031", "대구은행", "im뱅크", "daegu bank", "dgb", "im bank"}},
	{"KR", "busan", "Busan Bank", []string{"032", "부산은행", "busan bank", "bnk busan"}},
	{"KR", "gwangju", "Kwangju Bank", []string{"034", "광주은행", "kwangju bank", "gwangju bank"}},
	{"KR", "jeju", "Jeju Bank", []string{"035", "제주은행", "jeju bank"}},
	{"KR", "jeonbuk", "Jeonbuk Bank", []string{"037", "전북은행", "jeonbuk bank"}},
	{"KR", "kyongnam", "Kyongnam Bank", []string{"039", "경남은행", "kyongnam bank", "bnk kyongnam"}},
	{"KR", "mg", "MG Community Credit Cooperatives", []string{"045", "새마을금고", "mg새마을금고", "mg"}},
	{"KR", "shinhyup", "Shinhyup Credit Union", []string{"048", "신협", "신용협동조합", "shinhyup"}},
	{"KR", "epost", "Korea Post", []string{"071", "우체국", "우체국은행", "korea post", "epost"}},
	{"KR", "hana", "Hana Bank", []string{"081", "하나은행", "keb하나은행", "hana", "hana bank", "keb hana"}},
	{"KR", "shinhan", "Shinhan Bank", []string{"088", "신한은행", "신한", "shinhan", "shinhan bank"}},
	{"KR", "kbank", "K Bank", []string{"089", "케이뱅크", "k bank", "kbank"}},
	{"KR", "kakaobank", "KakaoBank", []string{"090", "카카오뱅크", "카뱅", "kakao bank", "kakaobank"}},
	{"KR", "toss", "Toss Bank", []string{"092", "토스뱅크", "toss bank", "tossbank"}},
	{"KH", "aba", "ABA Bank", []string{"aba", "aba bank", "advanced bank of asia"}},
	{"KH", "acleda", "ACLEDA Bank", []string{"acleda", "acleda bank"}},
	{"KH", "wing", "Wing Bank", []string{"wing", "wing bank"}},
	{"KH", "canadia", "Canadia Bank", []string{"canadia", "canadia bank"}},
	{"KH", "prince", "Prince Bank", []string{"prince bank", "prince commercial bank"}},
	{"KH", "huione", "Huione Pay", []string{"huione", "huione pay", "huionepay"}},
	{"TH", "bbl", "Bangkok Bank", []string{"bangkok bank", "bbl", "ธนาคารกรุงเทพ"}},
	{"TH", "kbank", "Kasikornbank", []string{"kasikorn", "kasikornbank", "kasikorn bank", "k bank", "kbank", "ธนาคารกสิกรไทย", "กสิกรไทย"}},
	{"TH", "scb", "Siam Commercial Bank", []string{"scb", "siam commercial bank", "ธนาคารไทยพาณิชย์", "ไทยพาณิชย์"}},
	{"TH", "ktb", "Krungthai Bank", []string{"ktb", "krungthai", "krungthai bank", "ธนาคารกรุงไทย", "กรุงไทย"}},
	{"VN", "vietcombank", "Vietcombank", []string{"vietcombank", "vcb"}},
	{"VN", "techcombank", "Techcombank", []string{"techcombank", "tcb"}},
	{"VN", "vietinbank", "VietinBank", []string{"vietinbank", "ctg"}},
	{"VN", "bidv", "BIDV", []string{"bidv"}},
	{"VN", "mbbank", "MB Bank", []string{"mb bank", "mbbank", "military bank"}},
	{"CN", "icbc", "Industrial and Commercial Bank of China", []string{"icbc", "工商银行", "中国工商银行"}},
	{"CN", "ccb", "China Construction Bank", []string{"ccb", "建设银行", "中国建设银行"}},
	{"CN", "abc", "Agricultural Bank of China", []string{"abc", "农业银行", "中国农业银行"}},
	{"CN", "boc", "Bank of China", []string{"boc", "中国银行"}},
	{"CN", "cmb", "China Merchants Bank", []string{"cmb", "招商银行"}},
}

// banksBySlug indexes the known banks by the slug (bankSlug) of each of
// their names, their own key among them. Several banks may share a name:
// "KBank" is Korea's K Bank and Thailand's Kasikornbank.
var banksBySlug = func() map[string][]int {
	m := make(map[string][]int)
	add := func(slug string, i int) {
		if slug != "" && !slices.Contains(m[slug], i) {
			m[slug] = append(m[slug], i)
		}
	}
	for i, bk := range banks {
		add(bk.slug, i)
		for _, a := range bk.aliases {
			add(bankSlug(a), i)
		}
	}
	return m
}()

// lookupBank finds the known banks a name may mean. A name several banks
// share is decided by the region; a name only one bank has means that bank
// whatever the region, which is only a guess at where a report's accounts
// are. The numeric codes of Korean banks (KFTC) are read only in Korea or
// when no region is given. It returns the matches when the name is
// ambiguous.
func lookupBank(name, region string) (bk bank, matches []bank, ok bool) {
	slug := bankSlug(name)
	if isAllDigits(slug) && region != "" && region != "KR" {
		return bank{}, nil, false
	}
	idx := banksBySlug[slug]
	switch len(idx) {
	case 0:
		return bank{}, nil, false
	case 1:
		return banks[idx[0]], nil, true
	}
	for _, i := range idx {
		if banks[i].country == region {
			return banks[i], nil, true
		}
	}
	for _, i := range idx {
		matches = append(matches, banks[i])
	}
	return bank{}, matches, false
}

// bankSlug reduces a bank's name to its key: lower-case letters and
// digits, in any script.
func bankSlug(name string) string {
	var buf [64]byte
	return string(appendBankSlug(buf[:0], name))
}

// appendBankSlug appends the slug of name to dst.
func appendBankSlug(dst []byte, name string) []byte {
	for _, r := range name {
		dst = appendSlugRune(dst, r)
	}
	return dst
}

// appendSlugRune appends what r contributes to a slug.
func appendSlugRune(dst []byte, r rune) []byte {
	if r, ok := slugRune(r); ok {
		return utf8.AppendRune(dst, r)
	}
	return dst
}

// slugRune returns what r contributes to a slug: itself lower-cased if it
// is a letter or digit, else nothing.
func slugRune(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		c := lower(byte(r))
		return rune(c), isLower(c) || isDigit(c)
	case 0xAC00 <= r && r <= 0xD7A3 || 0x4E00 <= r && r <= 0x9FFF:
		// Hangul syllables and CJK ideographs, the bulk of the names:
		// letters without case.
		return r, true
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return unicode.ToLower(r), true
	}
	return 0, false
}

// bankSlugEnds holds the last rune of every known bank name's slug, so
// that the text before most numbers is found to end in no bank's name
// without building slugs.
var bankSlugEnds = func() map[rune]bool {
	m := make(map[rune]bool)
	for slug := range banksBySlug {
		r, _ := utf8.DecodeLastRuneInString(slug)
		m[r] = true
	}
	return m
}()

// accountWords may stand between a bank's name and the account number
// ("국민은행 계좌 123…", "Vietcombank STK 007…", "工商银行卡号：622…"), longest
// first; parseBank drops them from the name and Extract reads across them.
var accountWords = []string{
	"account number", "account no.", "số tài khoản", "เลขที่บัญชี", "account no", "tài khoản",
	"เลขบัญชี", "계좌번호", "account", "บัญชี", "acct", "계좌", "a/c", "stk", "卡号", "卡號", "账号", "帳號",
}

// accountHolder is the Korean label of the account holder's name
// ("예금주 김민준"), which may stand between the bank and the number.
const accountHolder = "예금주"

// parseBank canonicalises a domestic bank account that has no IBAN: a
// Korean account at a named bank ("신한은행 110-123-456789", "Shinhan
// 110-123-456789", "KR:shinhan:110-123-456789"). The key is country, bank
// and the account digits with separators removed; the same digits at
// another bank are another account. A known bank's country comes with it;
// the region only breaks ties between banks of the same name and places an
// unknown bank. An IBAN given here is recognised as such.
func parseBank(in, region string) Selector {
	v := fold(in)
	if v == "" {
		return invalid(Bank, "empty bank account")
	}
	if s := parseIBAN(v); s.Valid {
		return s
	}
	country := strings.ToUpper(strings.TrimSpace(region))
	canonicalForm := false
	var name, number string
	if parts := strings.Split(v, ":"); len(parts) == 3 {
		// CC:BANK:ACCOUNT, the canonical form itself.
		country, name, number = strings.ToUpper(strings.TrimSpace(parts[0])), parts[1], parts[2]
		canonicalForm = true
	} else {
		// BANK ACCOUNT: the account is the trailing run of digits and
		// separators.
		i := len(v)
		for i > 0 {
			c := v[i-1]
			if isDigit(c) || c == '-' || c == ' ' || c == '.' {
				i--
				continue
			}
			break
		}
		number = strings.TrimLeft(v[i:], " .-")
		name = bankName(v[:len(v)-len(number)])
	}
	if country != "" && !validRegion(country) {
		return invalid(Bank, "unknown country %q for bank account (want an ISO 3166 country code such as KR)", country)
	}
	if strings.TrimSpace(name) == "" {
		// "088 110-123-456789": a numeric bank code swallowed by the
		// account's digits.
		n := strings.TrimSpace(number)
		if i := strings.IndexByte(n, ' '); i > 0 && isAllDigits(n[:i]) {
			if _, _, ok := lookupBank(n[:i], country); ok {
				name, number = n[:i], n[i+1:]
			}
		}
	}
	digits := digitsOnly(number)
	if digits == "" {
		return invalid(Bank, "no account number (want BANK ACCOUNT-NUMBER, e.g. \"Shinhan 110-123-456789\")")
	}
	for i := 0; i < len(number); i++ {
		if c := number[i]; !isDigit(c) && c != '-' && c != ' ' && c != '.' {
			return invalid(Bank, "invalid character %q in account number", string(c))
		}
	}
	if len(digits) < 6 {
		return invalid(Bank, "account number too short (%d digits)", len(digits))
	}
	if len(digits) > 20 {
		return invalid(Bank, "account number too long (%d digits)", len(digits))
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return invalid(Bank, "bank account needs the bank's name: the same digits at another bank are another account")
	}
	var bk bank
	var ok bool
	if canonicalForm {
		// The key names its country: the bank of that name there, or
		// an unknown one.
		for _, i := range banksBySlug[bankSlug(name)] {
			if banks[i].country == country {
				bk, ok = banks[i], true
				break
			}
		}
	} else {
		var matches []bank
		bk, matches, ok = lookupBank(name, country)
		if len(matches) > 0 {
			var names []string
			for _, m := range matches {
				names = append(names, m.name+", "+m.country)
			}
			return invalid(Bank, "ambiguous bank name %s (%s): give --region", name, strings.Join(names, "; "))
		}
	}
	if ok {
		country = bk.country
	} else {
		bk = bank{slug: bankSlug(name), name: name}
		if bk.slug == "" {
			return invalid(Bank, "bank name has no letters or digits")
		}
	}
	if country == "" {
		return invalid(Bank, "bank account needs a country: give --region or write CC:BANK:ACCOUNT")
	}
	return Selector{
		Kind:      Bank,
		Canonical: country + ":" + bk.slug + ":" + digits,
		Display:   bk.name + " " + strings.TrimSpace(number),
		Region:    country,
		Valid:     true,
	}
}

// bankName cuts the bank's name out of the text before an account number:
// without the words that call the number an account ("계좌번호:", "STK",
// "卡号：") and without the account holder ("신한은행 예금주 김민준").
func bankName(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.Index(v, accountHolder); i >= 0 {
		before, after := strings.TrimSpace(v[:i]), strings.TrimLeft(v[i+len(accountHolder):], " :：")
		if bankSlug(before) != "" {
			v = before
		} else if _, rest, ok := strings.Cut(after, " "); ok {
			v = rest // "예금주 김민준 신한은행"
		} else {
			v = ""
		}
	}
	for {
		v = strings.TrimRight(strings.TrimSpace(v), ":：#")
		cut := false
		for _, w := range accountWords {
			if hasSuffixFold(v, w) && (len(v) == len(w) || !isLetter(v[len(v)-len(w)-1])) {
				v, cut = v[:len(v)-len(w)], true
				break
			}
		}
		if !cut {
			return strings.TrimSpace(v)
		}
	}
}
