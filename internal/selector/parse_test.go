package selector

import (
	"strings"
	"testing"
)

// parseCase is one row of the parse tables: input, region, and either the
// canonical form expected or a fragment of the rejection reason.
type parseCase struct {
	name      string
	kind      Kind
	in        string
	region    string
	canonical string // want valid with this canonical form; "" means want invalid
	reason    string // for invalid: a fragment the reason must contain
	// optional expectations on attributes
	wantKind   Kind
	wantRegion string
	wantDomain string
	wantPlat   string
	// note is a fragment the Reason of a valid selector must contain.
	note string
}

func runParseCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, c := range cases {
		name := c.name
		if name == "" {
			name = string(c.kind) + "/" + c.in
		}
		t.Run(name, func(t *testing.T) {
			got := Parse(c.kind, c.in, Options{Region: c.region})
			if got.Input != c.in {
				t.Errorf("Parse(%s, %q).Input = %q; want the input", c.kind, c.in, got.Input)
			}
			if c.canonical == "" {
				if got.Valid {
					t.Fatalf("Parse(%s, %q, %q) = valid %q; want invalid (%s)", c.kind, c.in, c.region, got.Canonical, c.reason)
				}
				if got.Reason == "" || !strings.Contains(got.Reason, c.reason) {
					t.Fatalf("Parse(%s, %q, %q).Reason = %q; want it to contain %q", c.kind, c.in, c.region, got.Reason, c.reason)
				}
				if got.Canonical != "" {
					t.Errorf("Parse(%s, %q) invalid but Canonical = %q", c.kind, c.in, got.Canonical)
				}
				return
			}
			if !got.Valid {
				t.Fatalf("Parse(%s, %q, %q) invalid: %s; want %q", c.kind, c.in, c.region, got.Reason, c.canonical)
			}
			if got.Canonical != c.canonical {
				t.Fatalf("Parse(%s, %q, %q) = %q; want %q", c.kind, c.in, c.region, got.Canonical, c.canonical)
			}
			wantKind := c.kind
			if c.wantKind != "" {
				wantKind = c.wantKind
			}
			if got.Kind != wantKind {
				t.Errorf("Parse(%s, %q).Kind = %s; want %s", c.kind, c.in, got.Kind, wantKind)
			}
			if c.wantRegion != "" && got.Region != c.wantRegion {
				t.Errorf("Parse(%s, %q).Region = %q; want %q", c.kind, c.in, got.Region, c.wantRegion)
			}
			if c.wantDomain != "" && got.Domain != c.wantDomain {
				t.Errorf("Parse(%s, %q).Domain = %q; want %q", c.kind, c.in, got.Domain, c.wantDomain)
			}
			if c.note != "" && !strings.Contains(got.Reason, c.note) {
				t.Errorf("Parse(%s, %q).Reason = %q; want it to contain %q", c.kind, c.in, got.Reason, c.note)
			}
			if c.wantPlat != "" && got.Platform != c.wantPlat {
				t.Errorf("Parse(%s, %q).Platform = %q; want %q", c.kind, c.in, got.Platform, c.wantPlat)
			}
			if got.Display == "" {
				t.Errorf("Parse(%s, %q).Display is empty", c.kind, c.in)
			}
			// The canonical form is a fixed point: parsing it again gives it back.
			again := Parse(got.Kind, got.Canonical, Options{Region: c.region})
			if !again.Valid || again.Canonical != got.Canonical {
				t.Errorf("Parse(%s, %q) = %q, %v (%s); want the canonical form back", got.Kind, got.Canonical, again.Canonical, again.Valid, again.Reason)
			}
		})
	}
}

func TestParsePhone(t *testing.T) {
	runParseCases(t, []parseCase{
		// Korea: the numbers Korean complaints carry, in every way people write them.
		{name: "KR national dashes", kind: Phone, in: "010-1234-5678", region: "KR", canonical: "+821012345678", wantRegion: "KR"},
		{name: "KR national dots", kind: Phone, in: "010.1234.5678", region: "KR", canonical: "+821012345678"},
		{name: "KR national bare", kind: Phone, in: "01012345678", region: "kr", canonical: "+821012345678"},
		{name: "KR trunk prefix in parentheses", kind: Phone, in: "+82 (0)10 1234 5678", canonical: "+821012345678"},
		{name: "KR international prefix 001", kind: Phone, in: "001-82-10-1234-5678", region: "KR", canonical: "+821012345678"},
		{name: "KR international prefix 00700", kind: Phone, in: "00700-82-10-1234-5678", region: "KR", canonical: "+821012345678"},
		{name: "KR 0082 without region", kind: Phone, in: "0082-10-1234-5678", canonical: "+821012345678"},
		{name: "KR full-width digits", kind: Phone, in: "０１０－１２３４－５６７８", region: "KR", canonical: "+821012345678"},
		{name: "KR full-width with IDD", kind: Phone, in: "００１-８２-１０-１２３４-５６７８", region: "KR", canonical: "+821012345678"},
		{name: "KR Seoul landline", kind: Phone, in: "02-312-3456", region: "KR", canonical: "+8223123456"},
		{name: "KR tel URI", kind: Phone, in: "tel:+82-10-1234-5678", canonical: "+821012345678"},
		{name: "KR extension dropped", kind: Phone, in: "010-1234-5678 ext. 12", region: "KR", canonical: "+821012345678"},
		{name: "tab inside (fuzz)", kind: Phone, in: "+1201\t2000000", canonical: "+12012000000"},
		{name: "region ignored with a country code (fuzz)", kind: Phone, in: "+82 10 1234 5678", region: "XX", canonical: "+821012345678"},
		{name: "longer than libphonenumber reads (fuzz)", kind: Phone, in: "+44 300 88" + strings.Repeat(".", 250) + "88800", reason: "too long"},
		{name: "country code with a leading zero (fuzz)", kind: Phone, in: "+082 10 1234 5678", reason: "country calling code"},
		{name: "KR extension in Korean", kind: Phone, in: "010-1234-5678 내선 12", region: "KR", canonical: "+821012345678"},
		{name: "CN extension in Chinese", kind: Phone, in: "010 1234 5678 转 123", region: "CN", canonical: "+861012345678"},
		// 00 reads as + first, whatever the region's own prefix is.
		{name: "KR 0082 with region KR", kind: Phone, in: "0082 10 1234 5678", region: "KR", canonical: "+821012345678"},
		{name: "KH 00855 with region KR", kind: Phone, in: "00855 12 345 678", region: "KR", canonical: "+85512345678"},
		{name: "TH 0066 with region TH", kind: Phone, in: "0066 81 234 5678", region: "TH", canonical: "+66812345678"},
		{name: "US 00 with region US", kind: Phone, in: "00 44 20 7946 0958", region: "US", canonical: "+442079460958"},
		{name: "KR carrier prefix 001 without region", kind: Phone, in: "001-82-10-1234-5678", canonical: "+821012345678"},
		{name: "KR carrier prefix 00700 without region", kind: Phone, in: "00700-82-10-1234-5678", canonical: "+821012345678"},
		{name: "KR carrier prefix 005 to the US", kind: Phone, in: "005 1 212 555 0142", canonical: "+12125550142"},
		{name: "00 too short names the country", kind: Phone, in: "0066 81 234 567", region: "TH", reason: "+66"},
		// Cambodia, Thailand, Vietnam, China, Myanmar: where the calls come from.
		{name: "KH mobile intl", kind: Phone, in: "+855 12 345 678", canonical: "+85512345678", wantRegion: "KH"},
		{name: "KH mobile national", kind: Phone, in: "012 345 678", region: "KH", canonical: "+85512345678"},
		{name: "KH Metfone", kind: Phone, in: "(+855) 97 123 4567", canonical: "+855971234567"},
		{name: "TH mobile", kind: Phone, in: "+66 81 234 5678", canonical: "+66812345678", wantRegion: "TH"},
		{name: "TH Bangkok national", kind: Phone, in: "02 123 4567", region: "TH", canonical: "+6621234567"},
		{name: "VN mobile", kind: Phone, in: "+84 912 345 678", canonical: "+84912345678", wantRegion: "VN"},
		{name: "VN mobile national", kind: Phone, in: "0912 345 678", region: "VN", canonical: "+84912345678"},
		{name: "VN HCMC landline", kind: Phone, in: "+84 28 3823 4567", canonical: "+842838234567"},
		{name: "CN mobile", kind: Phone, in: "+86 138 0013 8000", canonical: "+8613800138000", wantRegion: "CN"},
		{name: "CN Beijing national", kind: Phone, in: "010 1234 5678", region: "CN", canonical: "+861012345678"},
		{name: "MM mobile", kind: Phone, in: "+95 9 250 123 456", canonical: "+959250123456", wantRegion: "MM"},
		{name: "MM mobile national", kind: Phone, in: "09 7812 34567", region: "MM", canonical: "+959781234567"},
		// The US and the UK, where many victims live.
		{name: "US", kind: Phone, in: "+1 (212) 555-0142", canonical: "+12125550142", wantRegion: "US"},
		{name: "US national", kind: Phone, in: "(212) 555-0142", region: "US", canonical: "+12125550142"},
		{name: "US IDD 011 from US", kind: Phone, in: "011 82 10 1234 5678", region: "US", canonical: "+821012345678"},
		{name: "UK London", kind: Phone, in: "020 7946 0958", region: "GB", canonical: "+442079460958"},
		{name: "UK intl", kind: Phone, in: "+44 20 7946 0958", canonical: "+442079460958"},
		// Rejections, each with its reason.
		{name: "national needs region", kind: Phone, in: "010-1234-5678", reason: "needs a region"},
		{name: "too short", kind: Phone, in: "12345", region: "KR", reason: "too short"},
		{name: "too short intl", kind: Phone, in: "+82 10 123", reason: "too short"},
		{name: "too long", kind: Phone, in: "+82 10 1234 56789", reason: "+82"},
		{name: "bad country code", kind: Phone, in: "+999 123 4567", reason: "country calling code"},
		{name: "unknown region", kind: Phone, in: "010-1234-5678", region: "XX", reason: "unknown region"},
		{name: "letters only", kind: Phone, in: "call me", region: "KR", reason: "no digits"},
		{name: "empty", kind: Phone, in: "  ", reason: "empty"},
		{name: "email is not a phone", kind: Phone, in: "010@x.com", region: "KR", reason: "not a phone number"},
	})
}

func TestParseEmail(t *testing.T) {
	runParseCases(t, []parseCase{
		{kind: Email, in: "Prince.Support@Prince-Invest.CO.KR", canonical: "prince.support@prince-invest.co.kr", wantDomain: "prince-invest.co.kr"},
		{kind: Email, in: "support[at]prince-invest[.]com", canonical: "support@prince-invest.com"},
		{kind: Email, in: "support(at)prince-invest(.)com", canonical: "support@prince-invest.com"},
		// The local part without case, as every large provider treats it;
		// dots are kept (only Gmail ignores them).
		{name: "local part case", kind: Email, in: "Kim.Min.Sim@Naver.com", canonical: "kim.min.sim@naver.com"},
		{name: "local part non-ASCII kept", kind: Email, in: "Kim김@example.com", canonical: "Kim김@example.com"},
		// Defanged in any case, and with blanks, as Extract reads them.
		{name: "spaced (at) (dot)", kind: Email, in: "anna (at) gmail (dot) com", canonical: "anna@gmail.com"},
		{name: "[At] [Dot]", kind: Email, in: "anna[At]gmail[Dot]com", canonical: "anna@gmail.com"},
		{name: "spaced (AT) (Dot)", kind: Email, in: "anna (AT) gmail (Dot) com", canonical: "anna@gmail.com"},
		{name: "{at} {.}", kind: Email, in: "anna{at}gmail{.}com", canonical: "anna@gmail.com"},
		{kind: Email, in: "<kim.simulated@naver.com>", canonical: "kim.simulated@naver.com"},
		{kind: Email, in: "mailto:help@prince-invest.com?subject=hi", canonical: "help@prince-invest.com"},
		{kind: Email, in: "user@münchen.de", canonical: "user@xn--mnchen-3ya.de"},
		{kind: Email, in: "ｋｉｍ＠ｅｘａｍｐｌｅ．ｃｏｍ", canonical: "kim@example.com"},
		{kind: Email, in: "no-at-sign.example.com", reason: "no @"},
		{kind: Email, in: "@example.com", reason: "empty local part"},
		{kind: Email, in: "a..b@example.com", reason: "misplaced dot"},
		{kind: Email, in: "a b@example.com", reason: "invalid character"},
		{kind: Email, in: "a@b", reason: "top-level domain"},
		{kind: Email, in: "a@example.invalidtld", reason: "unknown top-level domain"},
		{kind: Email, in: "x@1.2.3.4", reason: "IP address"},
	})
}

func TestParseURLAndDomain(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "defanged with tracking", kind: URL, in: "hxxps://Login.Prince-Invest[.]co.kr:443/a?utm_source=x&b=2&a=1#frag", canonical: "https://login.prince-invest.co.kr/a?a=1&b=2", wantDomain: "prince-invest.co.kr"},
		{name: "hxxp and [dot]", kind: URL, in: "hxxp://prince-invest[dot]com/login", canonical: "https://prince-invest.com/login"},
		{name: "(.) and [:]", kind: URL, in: "https[:]//app.prince-invest(.)co.kr", canonical: "https://app.prince-invest.co.kr/"},
		{name: "no scheme", kind: URL, in: "prince-invest.com/login", canonical: "https://prince-invest.com/login"},
		{name: "fbclid gclid dropped", kind: URL, in: "https://prince-invest.com/?fbclid=IwAR0x&gclid=abc", canonical: "https://prince-invest.com/"},
		{name: "non-default port kept", kind: URL, in: "prince-invest.com:8443/login", canonical: "https://prince-invest.com:8443/login"},
		{name: "default http port dropped", kind: URL, in: "HTTP://Example.COM:80/Path", canonical: "https://example.com/Path"},
		{name: "user info dropped", kind: URL, in: "http://google.com@evil-login.com/", canonical: "https://evil-login.com/"},
		{name: "dot segments", kind: URL, in: "https://example.com/a/b/../c/./d/", canonical: "https://example.com/a/c/d/"},
		{name: "IDN host", kind: URL, in: "https://www.例え.jp/", canonical: "https://www.xn--r8jz45g.jp/", wantDomain: "xn--r8jz45g.jp"},
		{name: "percent-encoded path", kind: URL, in: "https://example.com/%ea%b3%84%ec%a2%8c", canonical: "https://example.com/%EA%B3%84%EC%A2%8C"},
		{name: "IPv4 host", kind: URL, in: "http://103.1.2.3:8080/", canonical: "https://103.1.2.3:8080/"},
		{name: "IPv6 host", kind: URL, in: "http://[2001:DB8::1]/", canonical: "https://[2001:db8::1]/"},
		{name: "private suffix", kind: URL, in: "https://prince-invest.github.io/app", canonical: "https://prince-invest.github.io/app", wantDomain: "prince-invest.github.io"},
		{name: "http keyed as https", kind: URL, in: "http://app.prince-invest.com/", canonical: "https://app.prince-invest.com/"},
		{name: "http with https port", kind: URL, in: "http://app.prince-invest.com:443/", canonical: "https://app.prince-invest.com/"},
		{name: "https on port 80 kept", kind: URL, in: "https://app.prince-invest.com:80/", canonical: "https://app.prince-invest.com:80/"},
		{name: "hash route kept", kind: URL, in: "https://prince-invest.com/#/register?code=AB12", canonical: "https://prince-invest.com/#/register?code=AB12"},
		{name: "hashbang route kept", kind: URL, in: "http://prince-invest.com/#!/login", canonical: "https://prince-invest.com/#!/login"},
		{name: "anchor dropped", kind: URL, in: "https://prince-invest.com/faq#top", canonical: "https://prince-invest.com/faq"},
		{name: "query sorted after escaping", kind: URL, in: "https://x.com/?가=1&b=2", canonical: "https://x.com/?%EA%B0%80=1&b=2"},
		{name: "query escaped sorted alike", kind: URL, in: "https://x.com/?b=2&%ea%b0%80=1", canonical: "https://x.com/?%EA%B0%80=1&b=2"},
		{name: "query backquote (fuzz)", kind: URL, in: "0.AC?`&0", canonical: "https://0.ac/?%60&0"},
		{name: "query ending in a quote (fuzz)", kind: URL, in: "0.AC?&'&", canonical: "https://0.ac/?%27"},
		{name: "(Dot) defanged", kind: URL, in: "hxxps://prince-invest(Dot)com/login", canonical: "https://prince-invest.com/login"},
		{name: "mailto", kind: URL, in: "mailto:x@example.com", reason: "unsupported URL scheme"},
		{name: "javascript", kind: URL, in: "javascript:alert(1)", reason: "unsupported URL scheme"},
		{name: "bad port", kind: URL, in: "http://example.com:99999/", reason: "invalid port"},
		{name: "unknown TLD", kind: URL, in: "http://intranet.corp/", reason: "unknown top-level domain"},
		{name: "space", kind: URL, in: "http://exa mple.com/", reason: "white space"},

		{name: "domain subdomain", kind: Domain, in: "login.prince-invest.co.kr", canonical: "login.prince-invest.co.kr", wantDomain: "prince-invest.co.kr"},
		{name: "domain upper and trailing dot", kind: Domain, in: "PRINCE-INVEST.COM.", canonical: "prince-invest.com", wantDomain: "prince-invest.com"},
		{name: "domain defanged", kind: Domain, in: "prince-invest[.]com", canonical: "prince-invest.com"},
		{name: "domain from URL", kind: Domain, in: "https://App.Prince-Invest.com/x", canonical: "app.prince-invest.com"},
		{name: "domain IDN", kind: Domain, in: "例え.jp", canonical: "xn--r8jz45g.jp"},
		{name: "domain punycode", kind: Domain, in: "xn--r8jz45g.jp", canonical: "xn--r8jz45g.jp"},
		{name: "domain .com.kh", kind: Domain, in: "prince-bank.com.kh", canonical: "prince-bank.com.kh", wantDomain: "prince-bank.com.kh"},
		{name: "domain .co.th", kind: Domain, in: "www.scam-shop.co.th", canonical: "www.scam-shop.co.th", wantDomain: "scam-shop.co.th"},
		{name: "domain with port", kind: Domain, in: "prince-invest.com:8080", canonical: "prince-invest.com"},
		{name: "domain [DOT]", kind: Domain, in: "prince-invest[DOT]com", canonical: "prince-invest.com"},
		{name: "domain public suffix", kind: Domain, in: "co.kr", reason: "public suffix"},
		{name: "domain file name", kind: Domain, in: "report.pdf", reason: "unknown top-level domain"},
		{name: "domain single label", kind: Domain, in: "localhost", reason: "no top-level domain"},
		{name: "domain hyphen", kind: Domain, in: "-bad.com", reason: "hyphen"},
		{name: "domain IP", kind: Domain, in: "1.2.3.4", reason: "IP address"},
		{name: "domain bad char", kind: Domain, in: "exa$mple.com", reason: "invalid character"},
		{name: "domain long label", kind: Domain, in: strings.Repeat("a", 64) + ".com", reason: "63"},
	})
}

func TestParseIP(t *testing.T) {
	runParseCases(t, []parseCase{
		{kind: IP, in: "103.1.2.3", canonical: "103.1.2.3"},
		{kind: IP, in: "103.1.2[.]3", canonical: "103.1.2.3"},
		{kind: IP, in: "::ffff:1.2.3.4", canonical: "1.2.3.4"},
		{kind: IP, in: "2001:DB8:0:0:0:0:0:1", canonical: "2001:db8::1"},
		{kind: IP, in: "[2001:db8::1]", canonical: "2001:db8::1"},
		{kind: IP, in: "010.1.1.1", reason: "leading zeros"},
		{kind: IP, in: "256.1.1.1", reason: "not an IPv4"},
		{kind: IP, in: "fe80::1%eth0", reason: "zone"},
		{kind: IP, in: "10.0.0.0/8", reason: "CIDR"},
		{kind: IP, in: "1.2.3", reason: "not an IPv4"},
		{name: "ipv4 with port", kind: IP, in: "1.2.3.4:8080", reason: "address with a port (:8080): give the address alone"},
		{name: "ipv6 with port", kind: IP, in: "[2001:db8::1]:443", reason: "address with a port (:443)"},
		{name: "private", kind: IP, in: "192.168.0.10", canonical: "192.168.0.10", note: "private address: not globally unique"},
		{name: "link-local", kind: IP, in: "fe80::1", canonical: "fe80::1", note: "private address: not globally unique"},
		{name: "unique local", kind: IP, in: "fd00::1", canonical: "fd00::1", note: "private address"},
		{name: "carrier-grade NAT", kind: IP, in: "100.64.1.1", canonical: "100.64.1.1", note: "not globally unique"},
	})
}

func TestParseBank(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "IBAN DE spaced", kind: IBAN, in: "DE89 3704 0044 0532 0130 00", canonical: "DE89370400440532013000", wantRegion: "DE"},
		{name: "IBAN lower with label", kind: IBAN, in: "iban: de89370400440532013000", canonical: "DE89370400440532013000"},
		{name: "IBAN GB", kind: IBAN, in: "GB82 WEST 1234 5698 7654 32", canonical: "GB82WEST12345698765432"},
		{name: "IBAN wrong check digits", kind: IBAN, in: "DE89 3704 0044 0532 0130 01", reason: "mod-97"},
		{name: "IBAN wrong length", kind: IBAN, in: "DE8937040044053201300", reason: "22 characters"},
		{name: "IBAN country without IBAN", kind: IBAN, in: "US12345678", reason: "does not use IBANs"},
		{name: "IBAN bad char", kind: IBAN, in: "DE89_3704", reason: "invalid character"},

		{name: "KR Korean name", kind: Bank, in: "신한은행 110-123-456789", canonical: "KR:shinhan:110123456789", wantRegion: "KR"},
		{name: "KR English with region", kind: Bank, in: "Shinhan 110-123-456789", region: "KR", canonical: "KR:shinhan:110123456789"},
		{name: "KR canonical form", kind: Bank, in: "KR:Shinhan:110-123-456789", canonical: "KR:shinhan:110123456789"},
		{name: "KR bank code", kind: Bank, in: "088 110-123-456789", region: "KR", canonical: "KR:shinhan:110123456789"},
		{name: "KR account label", kind: Bank, in: "국민은행 계좌: 123456-01-123456", canonical: "KR:kb:12345601123456"},
		{name: "KR KakaoBank", kind: Bank, in: "카카오뱅크 3333-01-1234567", canonical: "KR:kakaobank:3333011234567"},
		{name: "KH ABA", kind: Bank, in: "ABA Bank 000 123 456", region: "KH", canonical: "KH:aba:000123456"},
		{name: "TH Kasikorn Thai script", kind: Bank, in: "กสิกรไทย 123-4-56789-0", canonical: "TH:kbank:1234567890"},
		{name: "unknown bank with region", kind: Bank, in: "Foo Savings Bank 12345678", region: "TH", canonical: "TH:foosavingsbank:12345678"},
		{name: "IBAN via bank", kind: Bank, in: "DE89 3704 0044 0532 0130 00", canonical: "DE89370400440532013000", wantKind: IBAN},
		// A known bank's name says its country; the region only breaks ties.
		{name: "KR bank with region TH", kind: Bank, in: "신한은행 110-123-456789", region: "TH", canonical: "KR:shinhan:110123456789", wantRegion: "KR"},
		{name: "KR name with a space", kind: Bank, in: "KB 국민은행 123456-01-234567", canonical: "KR:kb:12345601234567"},
		{name: "KH two spaces", kind: Bank, in: "Prince  Bank 12345678", canonical: "KH:prince:12345678"},
		{name: "alias with punctuation (fuzz)", kind: Bank, in: "신한!000000", region: "KR", canonical: "KR:shinhan:000000"},
		{name: "key with alias", kind: Bank, in: "KR:신한:000000", canonical: "KR:shinhan:000000"},
		{name: "ambiguous without region", kind: Bank, in: "KBank 123-4-56789-0", reason: "ambiguous bank name KBank (K Bank, KR; Kasikornbank, TH): give --region"},
		{name: "ambiguous with region TH", kind: Bank, in: "KBank 123-4-56789-0", region: "TH", canonical: "TH:kbank:1234567890"},
		{name: "ambiguous with region KR", kind: Bank, in: "KBank 123-4-56789-0", region: "KR", canonical: "KR:kbank:1234567890"},
		{name: "key decides the country", kind: Bank, in: "TH:kbank:1234567890", region: "KR", canonical: "TH:kbank:1234567890"},
		{name: "bank code only in Korea", kind: Bank, in: "088 110-123-456789", region: "TH", reason: "bank's name"},
		{name: "unknown country", kind: Bank, in: "XX:foo:12345678", reason: "unknown country"},
		{name: "unknown region", kind: Bank, in: "Foo Bank 12345678", region: "XX", reason: "unknown country"},
		// Words for "account number" between the name and the number.
		{name: "VN STK", kind: Bank, in: "Vietcombank STK 0071001234567", canonical: "VN:vietcombank:0071001234567"},
		{name: "CN 卡号", kind: Bank, in: "工商银行卡号：6222021234567890123", canonical: "CN:icbc:6222021234567890123"},
		{name: "TH เลขที่บัญชี", kind: Bank, in: "กสิกรไทย เลขที่บัญชี 123-4-56789-0", canonical: "TH:kbank:1234567890"},
		{name: "account no.", kind: Bank, in: "Shinhan account no. 110-123-456789", region: "KR", canonical: "KR:shinhan:110123456789"},
		{name: "KR account holder", kind: Bank, in: "신한은행 예금주 김민준 110-123-456789", canonical: "KR:shinhan:110123456789"},
		{name: "KR account holder first", kind: Bank, in: "예금주: 김민준 신한은행 110-123-456789", canonical: "KR:shinhan:110123456789"},
		{name: "no bank name", kind: Bank, in: "110-123-456789", region: "KR", reason: "bank's name"},
		{name: "no country", kind: Bank, in: "Foo Bank 12345678", reason: "needs a country"},
		{name: "too short", kind: Bank, in: "신한은행 1234", reason: "too short"},
		{name: "no number", kind: Bank, in: "신한은행", reason: "no account number"},
	})
}

func TestParseAccounts(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "telegram @", kind: Telegram, in: "@Prince_Support", canonical: "telegram:prince_support"},
		{name: "telegram t.me", kind: Telegram, in: "t.me/prince_support", canonical: "telegram:prince_support"},
		{name: "telegram https telegram.me", kind: Telegram, in: "https://telegram.me/Prince_Support", canonical: "telegram:prince_support"},
		{name: "telegram message link", kind: Telegram, in: "https://t.me/PrinceChannel/123", canonical: "telegram:princechannel"},
		{name: "telegram channel preview", kind: Telegram, in: "t.me/s/PrinceChannel", canonical: "telegram:princechannel"},
		{name: "telegram tg resolve", kind: Telegram, in: "tg://resolve?domain=prince_support", canonical: "telegram:prince_support"},
		{name: "telegram defanged", kind: Telegram, in: "hxxps://t[.]me/prince_support", canonical: "telegram:prince_support"},
		{name: "telegram invite +", kind: Telegram, in: "https://t.me/+AbCdEfGhIjKl", canonical: "telegram:+AbCdEfGhIjKl"},
		{name: "telegram invite joinchat", kind: Telegram, in: "t.me/joinchat/AbCdEfGhIjKl", canonical: "telegram:+AbCdEfGhIjKl"},
		{name: "telegram key", kind: Telegram, in: "telegram:Prince_Support", canonical: "telegram:prince_support"},
		{name: "telegram phone link", kind: Telegram, in: "t.me/+821012345678", canonical: "+821012345678", wantKind: Phone, wantPlat: "telegram"},
		{name: "telegram too short", kind: Telegram, in: "@abcd", reason: "shorter than 5"},
		{name: "telegram too long", kind: Telegram, in: "@" + strings.Repeat("a", 33), reason: "longer than 32"},
		{name: "telegram digit first", kind: Telegram, in: "@1abcde", reason: "start with a letter"},
		{name: "telegram bad char", kind: Telegram, in: "@prince-support", reason: "only letters"},
		{name: "telegram trailing underscore", kind: Telegram, in: "@prince_", reason: "end with _"},
		{name: "telegram share link", kind: Telegram, in: "t.me/share/url?url=x", reason: "not an account link"},
		{name: "telegram other platform link", kind: Telegram, in: "https://wa.me/821012345678", reason: "whatsapp link"},
		{name: "telegram subdomain link", kind: Telegram, in: "https://Prince_Support.t.me", canonical: "telegram:prince_support"},
		{name: "telegram unrelated link", kind: Telegram, in: "https://example.com/prince_support", reason: "not a telegram link (host example.com)"},
		{name: "telegram unrelated link without scheme", kind: Telegram, in: "prince-invest.com/support", reason: "not a telegram link (host prince-invest.com)"},

		{name: "whatsapp wa.me", kind: WhatsApp, in: "wa.me/821012345678", canonical: "+821012345678", wantKind: Phone, wantPlat: "whatsapp"},
		{name: "whatsapp api send", kind: WhatsApp, in: "https://api.whatsapp.com/send?phone=855123456789&text=hi", canonical: "+855123456789", wantKind: Phone},
		{name: "whatsapp number with region", kind: WhatsApp, in: "010-1234-5678", region: "KR", canonical: "+821012345678", wantKind: Phone},
		{name: "whatsapp bad number", kind: WhatsApp, in: "wa.me/12", reason: "WhatsApp account"},
		{name: "whatsapp message link", kind: WhatsApp, in: "wa.me/message/ABCDEFGHIJKL1", reason: "names no phone number"},
		{name: "whatsapp group invite", kind: WhatsApp, in: "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", canonical: "whatsapp:group/AbCdEfGhIjKlMnOpQrStUv"},
		{name: "whatsapp group key", kind: WhatsApp, in: "whatsapp:group/AbCdEfGhIjKlMnOpQrStUv", canonical: "whatsapp:group/AbCdEfGhIjKlMnOpQrStUv"},
		{name: "whatsapp bad group invite", kind: WhatsApp, in: "chat.whatsapp.com/abc", reason: "group invite"},

		{name: "line ~id", kind: Line, in: "line.me/ti/p/~Prince_88", canonical: "line:prince_88"},
		{name: "line official", kind: Line, in: "https://line.me/R/ti/p/@abc1234", canonical: "line:@abc1234"},
		{name: "line qr code", kind: Line, in: "https://line.me/ti/p/AbCdEf123", canonical: "line:p/AbCdEf123"},
		{name: "line bare id", kind: Line, in: "Prince.88", canonical: "line:prince.88"},
		{name: "line @ typed is the personal id", kind: Line, in: "@Prince_88", canonical: "line:prince_88"},
		{name: "line official key", kind: Line, in: "line:@prince_88", canonical: "line:@prince_88"},
		{name: "line short link", kind: Line, in: "https://lin.ee/AbCdEfG", canonical: "line:lin.ee/AbCdEfG"},
		{name: "line short link key", kind: Line, in: "line:lin.ee/AbCdEfG", canonical: "line:lin.ee/AbCdEfG"},
		{name: "line too short", kind: Line, in: "abc", reason: "shorter than 4"},

		{name: "kakao id", kind: Kakao, in: "Prince88", canonical: "kakao:prince88"},
		{name: "kakao open chat", kind: Kakao, in: "https://open.kakao.com/o/sAbCdEf1", canonical: "kakao:open/sAbCdEf1"},
		{name: "kakao channel", kind: Kakao, in: "pf.kakao.com/_xAbCd", canonical: "kakao:pf/_xAbCd"},
		{name: "kakao bad", kind: Kakao, in: "a b c d", reason: "only letters"},

		{name: "wechat id", kind: WeChat, in: "Prince_Invest88", canonical: "wechat:prince_invest88"},
		{name: "wechat wxid", kind: WeChat, in: "wxid_abcdefghij1234", canonical: "wechat:wxid_abcdefghij1234"},
		{name: "wechat digit first", kind: WeChat, in: "1abcdef", reason: "start with a letter"},
		{name: "wechat short", kind: WeChat, in: "abc", reason: "shorter than 6"},

		{name: "signal username", kind: Signal, in: "Prince.01", canonical: "signal:prince.01"},
		{name: "signal phone link", kind: Signal, in: "https://signal.me/#p/+821012345678", canonical: "+821012345678", wantKind: Phone, wantPlat: "signal"},
		{name: "signal phone", kind: Signal, in: "+82 10 1234 5678", canonical: "+821012345678", wantKind: Phone},
		{name: "signal no discriminator", kind: Signal, in: "prince", reason: "two digits"},

		{name: "facebook dots and case", kind: Facebook, in: "https://www.facebook.com/John.Smith.123", canonical: "facebook:johnsmith123"},
		{name: "facebook same without dots", kind: Facebook, in: "facebook.com/johnsmith123", canonical: "facebook:johnsmith123"},
		{name: "facebook profile id", kind: Facebook, in: "https://m.facebook.com/profile.php?id=100012345678901", canonical: "facebook:100012345678901"},
		{name: "facebook people", kind: Facebook, in: "https://www.facebook.com/people/Kim-Simulated/100012345678901/", canonical: "facebook:100012345678901"},
		{name: "facebook group", kind: Facebook, in: "facebook.com/groups/CryptoProfitClub", canonical: "facebook:groups/cryptoprofitclub"},
		{name: "facebook reserved", kind: Facebook, in: "facebook.com/sharer.php?u=x", reason: "not a profile link"},
		{name: "facebook short", kind: Facebook, in: "ab.c", reason: "at least 5"},

		{name: "instagram", kind: Instagram, in: "instagram.com/Prince.Invest/", canonical: "instagram:prince.invest"},
		{name: "instagram @", kind: Instagram, in: "@prince.invest", canonical: "instagram:prince.invest"},
		{name: "instagram story", kind: Instagram, in: "https://www.instagram.com/stories/prince.invest/123", canonical: "instagram:prince.invest"},
		{name: "instagram post", kind: Instagram, in: "https://www.instagram.com/p/Cxyz/", reason: "not a profile link"},

		{name: "x twitter.com", kind: X, in: "https://twitter.com/PrinceInvest", canonical: "x:princeinvest"},
		{name: "x x.com", kind: X, in: "x.com/PrinceInvest/status/1", canonical: "x:princeinvest"},
		{name: "x reserved", kind: X, in: "x.com/home", reason: "not a profile link"},
		{name: "x too long", kind: X, in: "@abcdefghijklmnop", reason: "at most 15"},
	})
}

// TestParseDisplay checks the display forms that keep what the key drops.
func TestParseDisplay(t *testing.T) {
	for _, tt := range []struct {
		kind                Kind
		in, canonical, disp string
	}{
		{Email, "Kim.Min@Naver.com", "kim.min@naver.com", "Kim.Min@naver.com"},
		{URL, "http://App.Prince-Invest.com/login", "https://app.prince-invest.com/login", "http://app.prince-invest.com/login"},
		{URL, "http://www.프린스.kr:8080/", "https://www.xn--sy2bu7nf2p.kr:8080/", "http://www.프린스.kr:8080/"},
	} {
		s := Parse(tt.kind, tt.in, Options{})
		if s.Canonical != tt.canonical || s.Display != tt.disp {
			t.Errorf("Parse(%s, %q) = %q, display %q; want %q, display %q", tt.kind, tt.in, s.Canonical, s.Display, tt.canonical, tt.disp)
		}
	}
}

func TestParseUnknownKind(t *testing.T) {
	s := Parse("fax", "123", Options{})
	if s.Valid || !strings.Contains(s.Reason, "unknown selector kind") {
		t.Fatalf("Parse(fax) = %+v; want invalid with reason", s)
	}
}

func TestRelated(t *testing.T) {
	tests := []struct {
		kind Kind
		in   string
		want []string
	}{
		{URL, "https://login.prince-invest.co.kr/x", []string{"domain|login.prince-invest.co.kr", "domain|prince-invest.co.kr"}},
		{URL, "https://prince-invest.co.kr/x", []string{"domain|prince-invest.co.kr"}},
		{URL, "http://103.1.2.3/", nil},
		{Domain, "app.prince-invest.co.kr", []string{"domain|prince-invest.co.kr"}},
		{Domain, "prince-invest.co.kr", nil},
		{Email, "help@mail.prince-invest.com", []string{"domain|prince-invest.com"}},
		{Phone, "+821012345678", nil},
	}
	for _, tt := range tests {
		s := Parse(tt.kind, tt.in, Options{})
		var got []string
		for _, r := range s.Related() {
			got = append(got, r.Key())
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Parse(%s, %q).Related() = %v; want %v", tt.kind, tt.in, got, tt.want)
		}
	}
	// Two URLs on different hosts of one registrable domain share a key.
	a := Parse(URL, "https://login.prince-invest.co.kr/", Options{}).Related()
	b := Parse(URL, "https://app.prince-invest.co.kr/", Options{}).Related()
	if a[len(a)-1].Key() != b[len(b)-1].Key() {
		t.Errorf("login. and app.prince-invest.co.kr do not share a domain key: %v %v", a, b)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in        string
		kind      Kind
		canonical string
	}{
		{"010-1234-5678", Phone, "+821012345678"},
		{"+82 10 1234 5678", Phone, "+821012345678"},
		{"prince-invest.com", Domain, "prince-invest.com"},
		{"https://prince-invest.com/x", URL, "https://prince-invest.com/x"},
		{"prince-invest.com/login", URL, "https://prince-invest.com/login"},
		{"@prince_support", Telegram, "telegram:prince_support"},
		{"t.me/prince_support", Telegram, "telegram:prince_support"},
		{"wa.me/821012345678", Phone, "+821012345678"},
		{"kim.simulated@example.com", Email, "kim.simulated@example.com"},
		{"103.1.2.3", IP, "103.1.2.3"},
		{"DE89370400440532013000", IBAN, "DE89370400440532013000"},
		{"Shinhan 110-123-456789", Bank, "KR:shinhan:110123456789"},
		{"telegram:prince_support", Telegram, "telegram:prince_support"},
		{"kakao:prince88", Kakao, "kakao:prince88"},
	}
	for _, tt := range tests {
		s := Detect(tt.in, Options{Region: "KR"})
		if !s.Valid || s.Kind != tt.kind || s.Canonical != tt.canonical {
			t.Errorf("Detect(%q) = %s %q valid=%v (%s); want %s %q", tt.in, s.Kind, s.Canonical, s.Valid, s.Reason, tt.kind, tt.canonical)
		}
	}
	for _, in := range []string{"", "hello world", "2025-10-14"} {
		if s := Detect(in, Options{}); s.Valid || s.Reason == "" {
			t.Errorf("Detect(%q) = %+v; want invalid with a reason", in, s)
		}
	}
}
