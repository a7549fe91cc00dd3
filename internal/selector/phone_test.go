package selector

import (
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// phoneSamples returns libphonenumber's example numbers for every region and
// number type, written the ways people write them: E.164, international
// with spaces, and national (which needs the region).
func phoneSamples() (inputs [][2]string) {
	types := []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER,
		phonenumbers.PAGER, phonenumbers.UAN, phonenumbers.VOICEMAIL}
	for region := range phonenumbers.GetSupportedRegions() {
		for _, typ := range types {
			num := phonenumbers.GetExampleNumberForType(region, typ)
			if num == nil {
				continue
			}
			inputs = append(inputs,
				[2]string{phonenumbers.Format(num, phonenumbers.E164), ""},
				[2]string{phonenumbers.Format(num, phonenumbers.INTERNATIONAL), ""},
				[2]string{phonenumbers.Format(num, phonenumbers.NATIONAL), region},
				[2]string{phonenumbers.Format(num, phonenumbers.E164), region},
			)
			// A digit short and a digit long: mostly invalid.
			e := phonenumbers.Format(num, phonenumbers.E164)
			inputs = append(inputs, [2]string{e[:len(e)-1], ""}, [2]string{e + "5", ""})
		}
	}
	return inputs
}

// TestPhoneFastPathAgrees holds the fast path to libphonenumber's full
// parser: wherever the fast path answers, the answer is the parser's.
func TestPhoneFastPathAgrees(t *testing.T) {
	samples := phoneSamples()
	if len(samples) < 1000 {
		t.Fatalf("only %d samples", len(samples))
	}
	fast := 0
	for _, s := range samples {
		comparePhonePaths(t, s[0], s[1])
		if _, ok := fastPhone(s[0], s[1]); ok {
			fast++
		}
	}
	// The fast path must carry the common forms, or it is not worth having.
	if fast < len(samples)/3 {
		t.Errorf("fast path took %d of %d samples; want at least a third", fast, len(samples))
	}
}

// TestPhoneIDD holds numbers written after the international prefix 00 to
// the same key as with +, whatever the region (Korea's own prefixes are
// 001, 002, …; Thailand's 001, 007, …): libphonenumber alone reads
// "0066 81…" in Thailand as +681.
func TestPhoneIDD(t *testing.T) {
	samples := phoneSamples()
	n := 0
	for _, s := range samples {
		e := s[0]
		if s[1] != "" || !strings.HasPrefix(e, "+") || strings.ContainsAny(e, " -") {
			continue
		}
		want := parsePhone(e, "")
		if !want.Valid {
			continue
		}
		for _, region := range []string{"", "KR", "TH", "US", "KH"} {
			n++
			if got := parsePhone("00"+e[1:], region); got.Canonical != want.Canonical {
				t.Errorf("parsePhone(%q, %q) = %q (%s); want %q as for %s", "00"+e[1:], region, got.Canonical, got.Reason, want.Canonical, e)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d numbers tried", n)
	}
}

func comparePhonePaths(t *testing.T, in, region string) {
	t.Helper()
	got, ok := fastPhone(in, region)
	if !ok {
		return
	}
	want := slowPhone(in, region)
	if got.Valid != want.Valid || got.Canonical != want.Canonical || got.Region != want.Region {
		t.Errorf("fastPhone(%q, %q) = %q %v %s; full parser says %q %v %s (%s)", in, region,
			got.Canonical, got.Valid, got.Region, want.Canonical, want.Valid, want.Region, want.Reason)
	}
}

func FuzzPhoneFastPath(f *testing.F) {
	for _, s := range []string{"010-1234-5678", "+82 10 1234 5678", "+1 212 555 0142", "+44 20 7946 0958", "+7 912 345 6789",
		"+39 06 1234 5678", "+54 9 11 1234 5678", "0912 345 678", "(02) 312-3456", "+855 12 345 678",
		"0082 10 1234 5678", "00855 12 345 678", "0066 81 234 5678", "001-82-10-1234-5678"} {
		for _, r := range []string{"", "KR", "US", "GB", "IT", "AR", "VN", "KH"} {
			f.Add(s, r)
		}
	}
	f.Fuzz(func(t *testing.T, in, region string) {
		comparePhonePaths(t, fold(in), region)
	})
}

func TestFormatPhone(t *testing.T) {
	if got := FormatPhone("+821012345678"); got != "+82 10-1234-5678" {
		t.Errorf("FormatPhone(+821012345678) = %q; want +82 10-1234-5678", got)
	}
	if got := FormatPhone("not a number"); got != "not a number" {
		t.Errorf("FormatPhone(junk) = %q; want it unchanged", got)
	}
}
