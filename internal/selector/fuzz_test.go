package selector

import (
	"testing"
	"unicode/utf8"
)

// checkParse holds the invariants every parser keeps on any input: no
// panic; a valid selector has a canonical form that parses back to itself;
// an invalid one has a reason and no canonical form.
func checkParse(t *testing.T, kind Kind, in, region string) {
	t.Helper()
	opts := Options{Region: region}
	s := Parse(kind, in, opts)
	if !s.Valid {
		if s.Reason == "" {
			t.Fatalf("Parse(%s, %q, %q) invalid without a reason", kind, in, region)
		}
		if s.Canonical != "" {
			t.Fatalf("Parse(%s, %q, %q) invalid with canonical %q", kind, in, region, s.Canonical)
		}
		return
	}
	if s.Canonical == "" || !utf8.ValidString(s.Canonical) {
		t.Fatalf("Parse(%s, %q, %q) valid with canonical %q", kind, in, region, s.Canonical)
	}
	again := Parse(s.Kind, s.Canonical, opts)
	if !again.Valid || again.Canonical != s.Canonical || again.Kind != s.Kind {
		t.Fatalf("Parse(%s, %q) = %s %q; Parse of that = %s %q valid=%v (%s); want a fixed point",
			kind, in, s.Kind, s.Canonical, again.Kind, again.Canonical, again.Valid, again.Reason)
	}
}

func fuzzKind(f *testing.F, kind Kind, seeds ...string) {
	for _, s := range seeds {
		f.Add(s, "")
		f.Add(s, "KR")
	}
	f.Fuzz(func(t *testing.T, in, region string) {
		checkParse(t, kind, in, region)
	})
}

func FuzzParsePhone(f *testing.F) {
	fuzzKind(f, Phone, "010-1234-5678", "+82 (0)10 1234 5678", "001-82-10-1234-5678", "０１０－１２３４－５６７８",
		"+855 12 345 678", "(+855) 97 123 4567", "+66 81 234 5678", "+84 912 345 678", "+86 138 0013 8000",
		"+95 9 250 123 456", "+1 (212) 555-0142", "020 7946 0958", "tel:+82-10-1234-5678", "12345", "+999 123",
		"010-1234-5678 ext. 12", "00", "+", "(0)", "0082 10 1234 5678", "00855 12 345 678", "0066 81 234 5678",
		"00700-82-10-1234-5678", "010-1234-5678 내선 12", "138 0013 8000 转 123")
}

func FuzzParseEmail(f *testing.F) {
	fuzzKind(f, Email, "Prince.Support@Prince-Invest.CO.KR", "support[at]prince-invest[.]com", "user@münchen.de",
		"mailto:help@x.com?subject=a", "a..b@x.com", "@x.com", "a@b", "<kim@example.com>", "x@1.2.3.4", "a@xn--r8jz45g.jp",
		"anna (at) gmail (dot) com", "anna [At] gmail [Dot] com", "Kim.Min@Naver.com", "Kim김@example.com", "a (at)b(dot) c")
}

func FuzzParseURL(f *testing.F) {
	fuzzKind(f, URL, "hxxps://Login.Prince-Invest[.]co.kr:443/a?utm_source=x&b=2&a=1#frag", "prince-invest.com/login",
		"http://google.com@evil-login.com/", "https://example.com/a/b/../c/./d/", "https://www.例え.jp/", "http://[2001:DB8::1]/",
		"https://example.com/%ea%b3%84", "javascript:alert(1)", "http://example.com:99999/", "//x.com/a", "http://a.com/?a=%zz",
		"https://x.com/a//b/..", "http://x.com/?&&", "https://x.com/%2e%2e/a", "https://x.com/?가=1&b=2", "0.AC?`&0",
		"http://x.com:443/#/register?code=AB12", "https://x.com/#!/a%zz", "https://www.프린스.kr/login", "https://bin\u0430nce-vip.com/",
		"hxxps://x(Dot)com/")
}

func FuzzParseDomain(f *testing.F) {
	fuzzKind(f, Domain, "login.prince-invest.co.kr", "PRINCE-INVEST.COM.", "prince-invest[.]com", "例え.jp", "xn--r8jz45g.jp",
		"co.kr", "report.pdf", "-bad.com", "1.2.3.4", "https://App.Prince-Invest.com/x", "*.prince-invest.com", "a_b.example.com",
		"prince-invest.com:8080", "[::1]:80", "prince-invest[DOT]com")
}

func FuzzParseIP(f *testing.F) {
	fuzzKind(f, IP, "103.1.2.3", "103.1.2[.]3", "::ffff:1.2.3.4", "2001:DB8:0:0:0:0:0:1", "[2001:db8::1]", "010.1.1.1", "fe80::1%eth0", "1.2.3.4:8080",
		"[2001:db8::1]:443", "192.168.0.1", "100.64.0.1")
}

func FuzzParseIBAN(f *testing.F) {
	fuzzKind(f, IBAN, "DE89 3704 0044 0532 0130 00", "iban: de89370400440532013000", "GB82 WEST 1234 5698 7654 32", "DE89_3704", "US12")
}

func FuzzParseBank(f *testing.F) {
	fuzzKind(f, Bank, "신한은행 110-123-456789", "Shinhan 110-123-456789", "KR:Shinhan:110-123-456789", "088 110-123-456789",
		"국민은행 계좌: 123456-01-123456", "ABA Bank 000 123 456", "กสิกรไทย 123-4-56789-0", "Foo Bank 12345678", "::1",
		"신한!000000", "KBank 123-4-56789-0", "KB 국민은행 123456-01-234567", "Prince  Bank 12345678", "TH:kbank:1234567890",
		"工商银行卡号：6222021234567890123", "신한은행 예금주 김민준 110-123-456789", "Vietcombank STK 0071001234567", "XX:a:123456")
}

func FuzzParseAccount(f *testing.F) {
	seeds := []string{"@Prince_Support", "t.me/prince_support", "https://t.me/+AbCdEfGhIjKl", "t.me/joinchat/AbCdEfGhIjKl",
		"tg://resolve?domain=prince_support", "wa.me/821012345678", "https://api.whatsapp.com/send?phone=855123456789",
		"line.me/ti/p/~Prince_88", "https://line.me/R/ti/p/@abc1234", "https://line.me/ti/p/AbCdEf123",
		"https://open.kakao.com/o/sAbCdEf1", "pf.kakao.com/_xAbCd", "wxid_abcdefghij1234", "Prince.01",
		"https://signal.me/#p/+821012345678", "https://signal.me/#eu/AbCdEfGhIjKlMnOpQr", "https://www.facebook.com/John.Smith.123",
		"facebook.com/profile.php?id=100012345678901", "facebook.com/groups/CryptoProfitClub", "instagram.com/Prince.Invest/",
		"https://twitter.com/PrinceInvest", "telegram:prince_support", "t.me/+821012345678",
		"https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", "whatsapp:group/AbCdEfGhIjKlMnOpQrStUv", "https://lin.ee/AbCdEfG",
		"line:lin.ee/AbCdEfG", "https://prince_vip.t.me", "line:@prince_88", "@prince_88", "https://example.com/prince"}
	kinds := []Kind{Telegram, WhatsApp, Line, Kakao, WeChat, Signal, Facebook, Instagram, X}
	for _, s := range seeds {
		for i := range kinds {
			f.Add(uint8(i), s, "KR")
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, in, region string) {
		checkParse(t, kinds[int(k)%len(kinds)], in, region)
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"010-1234-5678", "prince-invest.com", "@prince_support", "0x52908400098527886E0F7030069857D2E4169EE7",
		"kim@example.com", "DE89370400440532013000", "Shinhan 110-123-456789", "telegram:x", "hello"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := Detect(in, Options{Region: "KR"})
		if s.Valid {
			checkParse(t, s.Kind, s.Canonical, "KR")
		} else if s.Reason == "" {
			t.Fatalf("Detect(%q) invalid without a reason", in)
		}
	})
}
