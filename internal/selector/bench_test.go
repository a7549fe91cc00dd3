package selector

import "testing"

// mixedWorkload is a mix of selectors in the proportions victim reports
// carry them: phones and messenger handles most, then wallets, URLs,
// e-mails and bank accounts, in the messy forms people write.
var mixedWorkload = []struct {
	kind   Kind
	in     string
	region string
}{
	{Phone, "010-1234-5678", "KR"},
	{Phone, "+82 (0)10 9876 5432", ""},
	{Phone, "+855 12 345 678", ""},
	{Phone, "+66 81 234 5678", ""},
	{Phone, "0912 345 678", "VN"},
	{Phone, "+86 138 0013 8000", ""},
	{Telegram, "@Prince_Support", ""},
	{Telegram, "https://t.me/prince_vip_desk", ""},
	{WhatsApp, "wa.me/821012345678", ""},
	{Line, "line.me/ti/p/~prince_88", ""},
	{Kakao, "prince88", ""},
	{Crypto, "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", ""},
	{Crypto, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ""},
	{Crypto, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", ""},
	{Crypto, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", ""},
	{URL, "hxxps://app.prince-invest[.]co.kr/login?utm_source=fb&ref=77", ""},
	{URL, "prince-invest.com/register", ""},
	{Domain, "login.prince-invest.co.kr", ""},
	{Email, "Support@Prince-Invest.com", ""},
	{Bank, "신한은행 110-123-456789", ""},
	{IBAN, "GB82 WEST 1234 5698 7654 32", ""},
	{IP, "103.1.2.3", ""},
}

// BenchmarkNormalizeMixed measures one Parse of the mixed workload per op;
// selectors per second = 1e9 / (ns/op).
func BenchmarkNormalizeMixed(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w := mixedWorkload[i%len(mixedWorkload)]
		if s := Parse(w.kind, w.in, Options{Region: w.region}); !s.Valid {
			b.Fatalf("Parse(%s, %q) invalid: %s", w.kind, w.in, s.Reason)
		}
	}
}

// BenchmarkNormalizeKind breaks the mixed workload down by kind, to show
// where the time goes.
func BenchmarkNormalizeKind(b *testing.B) {
	for _, w := range mixedWorkload {
		b.Run(string(w.kind)+"/"+w.in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(w.kind, w.in, Options{Region: w.region})
			}
		})
	}
}
