package selector

import (
	"strings"
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
		case c >= 'a' && c <= 'z':
			b = append(b, c-'a'+'A')
		case c >= 'A' && c <= 'Z' || isASCIIDigit(c):
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
	if !isASCIIDigit(s[2]) || !isASCIIDigit(s[3]) {
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
		if isASCIIDigit(c) {
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
	{"TH", "kbank", "Kasikornbank", []string{"kasikorn", "kasikornbank", "kasikorn bank", "ธนาคารกสิกรไทย", "กสิกรไทย"}},
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

// bankByAlias finds a known bank by one of its names, within a country when
// one is given.
func bankByAlias(name, country string) (bank, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, bk := range banks {
		if country != "" && bk.country != country {
			continue
		}
		for _, a := range bk.aliases {
			if a == n {
				return bk, true
			}
		}
	}
	return bank{}, false
}

// bankSlug reduces an unknown bank's name to its key: lower-case letters
// and digits, in any script.
func bankSlug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && r != 0xa0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// parseBank canonicalises a domestic bank account that has no IBAN: a
// Korean account at a named bank ("신한은행 110-123-456789", "Shinhan
// 110-123-456789" with region KR, "KR:shinhan:110-123-456789"). The key is
// country, bank and the account digits with separators removed; the same
// digits at another bank are another account. An IBAN given here is
// recognised as such.
func parseBank(in, region string) Selector {
	v := fold(in)
	if v == "" {
		return invalid(Bank, "empty bank account")
	}
	if s := parseIBAN(v); s.Valid {
		return s
	}
	country := strings.ToUpper(strings.TrimSpace(region))
	var name, number string
	if parts := strings.Split(v, ":"); len(parts) == 3 {
		// CC:BANK:ACCOUNT, the canonical form itself.
		country, name, number = strings.ToUpper(strings.TrimSpace(parts[0])), parts[1], parts[2]
	} else {
		// BANK ACCOUNT: the account is the trailing run of digits and
		// separators.
		i := len(v)
		for i > 0 {
			c := v[i-1]
			if isASCIIDigit(c) || c == '-' || c == ' ' || c == '.' {
				i--
				continue
			}
			break
		}
		name, number = v[:i], v[i:]
		name = strings.TrimRight(strings.TrimSpace(name), ":：#")
		for _, suffix := range []string{"계좌번호", "계좌", "account no", "account number", "account", "acct", "a/c"} {
			if len(name) > len(suffix) && strings.EqualFold(name[len(name)-len(suffix):], suffix) {
				name = strings.TrimSpace(name[:len(name)-len(suffix)])
				break
			}
		}
	}
	if strings.TrimSpace(name) == "" {
		// "088 110-123-456789": a numeric bank code swallowed by the
		// account's digits.
		n := strings.TrimSpace(number)
		if i := strings.IndexByte(n, ' '); i > 0 {
			if _, ok := bankByAlias(n[:i], country); ok {
				name, number = n[:i], n[i+1:]
			}
		}
	}
	digits := digitsOnly(number)
	if digits == "" {
		return invalid(Bank, "no account number (want BANK ACCOUNT-NUMBER, e.g. \"Shinhan 110-123-456789\")")
	}
	for i := 0; i < len(number); i++ {
		if c := number[i]; !isASCIIDigit(c) && c != '-' && c != ' ' && c != '.' {
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
	bk, ok := bankByAlias(name, country)
	if !ok && country == "" {
		bk, ok = bankByAlias(name, "")
	}
	if ok {
		country = bk.country
	} else {
		bk = bank{slug: bankSlug(name), name: strings.TrimSpace(name)}
		if bk.slug == "" {
			return invalid(Bank, "bank name has no letters or digits")
		}
	}
	if len(country) != 2 || country[0] < 'A' || country[0] > 'Z' || country[1] < 'A' || country[1] > 'Z' {
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
