package selector

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"google.golang.org/protobuf/proto"
)

// parsePhone canonicalises a telephone number to E.164 with libphonenumber's
// metadata. A number without a country code (+82, 0082, 001-82) is only
// understood with a region: "010-1234-5678" is Korean, "012 345 678"
// Cambodian, and nothing in the digits says which.
//
// The common forms (+CC… and national numbers with a plain national prefix)
// take a fast path that hands libphonenumber a number it only has to
// validate; everything else, and every number the fast path cannot prove
// valid, goes through libphonenumber's full parser, which also gives the
// reason for a rejection. A differential test and fuzz target hold the two
// paths to the same answers.
func parsePhone(in, region string) Selector {
	v := fold(in)
	if v == "" {
		return invalid(Phone, "empty phone number")
	}
	region = strings.ToUpper(strings.TrimSpace(region))
	// tel: URIs come out of seized phones' contact exports.
	if len(v) > 4 && strings.EqualFold(v[:4], "tel:") {
		v = v[4:]
	}
	if !strings.ContainsAny(v, "0123456789") {
		return invalid(Phone, "no digits in phone number")
	}
	if strings.ContainsAny(v, "@/") {
		return invalid(Phone, "not a phone number")
	}
	if strings.IndexByte(v, '\t') >= 0 {
		// Tabs come from spreadsheet cells; libphonenumber takes no tab
		// inside a number.
		v = strings.ReplaceAll(v, "\t", " ")
	}
	if strings.IndexByte(v, ' ') >= 0 && !isASCII(v) {
		v = extensionReplacer.Replace(v)
	}
	lead := strings.TrimLeft(v, " (")
	// "+82 (0)10 1234 5678": the national trunk prefix in parentheses
	// after a country code is a common way to write both forms at once,
	// and would otherwise be read as part of the subscriber number.
	if strings.HasPrefix(lead, "+") || strings.HasPrefix(lead, "00") {
		v = strings.Replace(v, "(0)", "", 1)
		lead = strings.TrimLeft(v, " (")
	}
	if strings.HasPrefix(lead, "+") {
		// The country code makes the region irrelevant, a mistyped one
		// included: "+82…" keys alike whatever region it comes with.
		return phoneReading(v, "")
	}
	if region != "" && !validRegion(region) {
		return invalid(Phone, "unknown region %q for phone number (want an ISO 3166 country code such as KR)", region)
	}
	if strings.HasPrefix(lead, "00") {
		return phoneIDD(lead, region)
	}
	if region == "" {
		return invalid(Phone, "phone number in national format needs a region (--region) or a + country code")
	}
	return phoneReading(v, region)
}

// extensionReplacer rewrites the words for "extension" that libphonenumber
// does not know into one it does: "010-1234-5678 내선 12".
var extensionReplacer = strings.NewReplacer(" 내선", " ext.", " 分机", " ext.", " 分機", " ext.",
	" 转", " ext.", " 轉", " ext.", " ต่อ", " ext.")

// carrierIDDs are the international prefixes of Korea's carriers, which
// Korean complaints write before a country code ("001-82-10-…") and which
// are read without a region only when the plain 00 reading fails.
var carrierIDDs = []string{"00700", "001", "002", "005", "006", "008"}

// phoneIDD reads a number written after an international prefix that
// starts with 00. It is read first as if 00 were +, the prefix most of the
// world dials; then with the region's own prefixes as libphonenumber knows
// them (Korea's 001, 002, …; Thailand's 001, 007, …); without a region,
// with the prefix of a Korean carrier. The first reading that gives a
// valid number wins; when none does, the reason comes from the reading
// that got furthest.
func phoneIDD(v, region string) Selector {
	var best Selector
	bestFit := -1
	try := func(s Selector, fit int) bool {
		if s.Valid {
			best, bestFit = s, 3
			return true
		}
		if fit > bestFit {
			best, bestFit = s, fit
		}
		return false
	}
	plus := "+" + v[2:]
	if try(phoneReadingFit(plus, "")) {
		return best
	}
	if region != "" {
		try(phoneReadingFit(v, region))
		return best
	}
	digits := digitsOnly(v)
	for _, idd := range carrierIDDs {
		if !strings.HasPrefix(digits, idd) {
			continue
		}
		// Drop the prefix's digits, whatever separates them.
		rest, n := v, 0
		for n < len(idd) && rest != "" {
			if isDigit(rest[0]) {
				n++
			}
			rest = rest[1:]
		}
		if try(phoneReadingFit("+"+strings.TrimLeft(rest, " -.()"), "")) {
			return best
		}
	}
	return best
}

// phoneReading parses v, the fast way if it can.
func phoneReading(v, region string) Selector {
	if s, ok := fastPhone(v, region); ok {
		return s
	}
	return slowPhone(v, region)
}

// phoneReadingFit parses v and says how close an invalid result came: 2
// when the country code is real and the number not too long for it (so the
// digits after a prefix were probably read right), 1 otherwise.
func phoneReadingFit(v, region string) (Selector, int) {
	s := phoneReading(v, region)
	if s.Valid {
		return s, 3
	}
	num, err := phonenumbers.Parse(v, region)
	if err != nil || phonenumbers.IsPossibleNumberWithReason(num) == phonenumbers.TOO_LONG ||
		phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode())) == "ZZ" {
		return s, 1
	}
	return s, 2
}

// slowPhone parses with libphonenumber's full parser.
func slowPhone(v, region string) Selector {
	num, err := phonenumbers.Parse(v, region)
	if err != nil {
		switch {
		case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
			return invalid(Phone, "invalid country calling code")
		case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
			return invalid(Phone, "too short to be a phone number")
		case errors.Is(err, phonenumbers.ErrNumTooLong):
			return invalid(Phone, "too long to be a phone number")
		default:
			return invalid(Phone, "not a phone number")
		}
	}
	// An extension does not identify a different line for correlation.
	num.Extension = nil
	if !phonenumbers.IsValidNumber(num) {
		if len(phonenumbers.GetNationalSignificantNumber(num)) < 6 {
			return invalid(Phone, "too short to be a phone number")
		}
		switch phonenumbers.IsPossibleNumberWithReason(num) {
		case phonenumbers.TOO_SHORT:
			return invalid(Phone, "too short for a phone number of country code +%d", num.GetCountryCode())
		case phonenumbers.TOO_LONG:
			return invalid(Phone, "too long for a phone number of country code +%d", num.GetCountryCode())
		case phonenumbers.INVALID_COUNTRY_CODE:
			return invalid(Phone, "invalid country calling code")
		case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
			return invalid(Phone, "too short: a local number without its area code")
		case phonenumbers.INVALID_LENGTH:
			return invalid(Phone, "wrong length for a phone number of country code +%d", num.GetCountryCode())
		}
		return invalid(Phone, "not a valid number in the numbering plan of country code +%d", num.GetCountryCode())
	}
	return phoneSelector(num)
}

func phoneSelector(num *phonenumbers.PhoneNumber) Selector {
	e164 := phonenumbers.Format(num, phonenumbers.E164)
	return Selector{
		Kind:      Phone,
		Canonical: e164,
		// Display stays E.164 here: the grouped international form costs
		// as much as the parse itself, and only screens need it
		// (FormatPhone).
		Display: e164,
		Region:  phonenumbers.GetRegionCodeForNumber(num),
		Valid:   true,
	}
}

// FormatPhone returns an E.164 number in the international format people
// read, "+82 10-1234-5678", or the input unchanged if it is not one.
func FormatPhone(e164 string) string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

// regionPlan is what the fast path needs of a region's numbering plan,
// with its patterns compiled once: libphonenumber's own validation builds
// and looks up each pattern's string on every call, which costs more than
// the matching.
type regionPlan struct {
	countryCode int32
	// nationalPrefix matches the national (trunk) prefix at the start of
	// a national number; nil if the region has none.
	nationalPrefix *regexp.Regexp
	// transforms is set when stripping the prefix rewrites the number
	// (Argentina, Mexico, …): those go the slow way.
	transforms bool
	// general is the plan's overall pattern; types are the patterns of
	// its number types (fixed line, mobile, toll free, …). A number is
	// valid when it matches general and at least one type, as in
	// libphonenumber's getNumberTypeHelper.
	general numberDesc
	types   []numberDesc
	broken  bool // a pattern did not compile: use libphonenumber
}

type numberDesc struct {
	re      *regexp.Regexp
	lengths []int32
}

func newNumberDesc(d *phonenumbers.PhoneNumberDesc) (numberDesc, bool, error) {
	if d == nil || d.GetNationalNumberPattern() == "" {
		return numberDesc{}, false, nil
	}
	re, err := regexp.Compile("^(?:" + d.GetNationalNumberPattern() + ")$")
	return numberDesc{re: re, lengths: d.PossibleLength}, true, err
}

func (d numberDesc) matches(nsn string) bool {
	if d.re == nil {
		return false
	}
	if len(d.lengths) > 0 {
		found := false
		for _, l := range d.lengths {
			if int(l) == len(nsn) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return d.re.MatchString(nsn)
}

// valid reports whether a national significant number is valid in the plan.
func (p *regionPlan) valid(nsn string) bool {
	if !p.general.matches(nsn) {
		return false
	}
	for _, t := range p.types {
		if t.matches(nsn) {
			return true
		}
	}
	return false
}

// regionMetadata indexes libphonenumber's metadata by region.
var regionMetadata = sync.OnceValue(func() map[string]*phonenumbers.PhoneMetadata {
	m := make(map[string]*phonenumbers.PhoneMetadata)
	if coll, err := phonenumbers.MetadataCollection(); err == nil {
		for _, md := range coll.GetMetadata() {
			m[md.GetId()] = md
		}
	}
	return m
})

// plans holds the compiled plan of each region used so far; compiling all
// 250 up front would cost a second at start-up.
var plans sync.Map // region → *regionPlan

// planFor returns the compiled plan of a region, or nil if libphonenumber
// has no metadata for it.
func planFor(region string) *regionPlan {
	if p, ok := plans.Load(region); ok {
		return p.(*regionPlan)
	}
	md := regionMetadata()[region]
	if md == nil {
		return nil
	}
	p := &regionPlan{countryCode: md.GetCountryCode(), transforms: md.GetNationalPrefixTransformRule() != ""}
	pfp := md.GetNationalPrefixForParsing()
	if pfp == "" {
		pfp = regexp.QuoteMeta(md.GetNationalPrefix())
	}
	if pfp != "" {
		re, err := regexp.Compile("^(?:" + pfp + ")")
		if err != nil {
			p.broken = true
		}
		p.nationalPrefix = re
	}
	var ok bool
	var err error
	if p.general, ok, err = newNumberDesc(md.GetGeneralDesc()); !ok || err != nil {
		p.broken = true
	}
	for _, d := range []*phonenumbers.PhoneNumberDesc{md.GetPremiumRate(), md.GetTollFree(), md.GetSharedCost(),
		md.GetVoip(), md.GetPersonalNumber(), md.GetPager(), md.GetUan(), md.GetVoicemail(), md.GetFixedLine(), md.GetMobile()} {
		nd, ok, err := newNumberDesc(d)
		if err != nil {
			p.broken = true
		}
		if ok {
			p.types = append(p.types, nd)
		}
	}
	actual, _ := plans.LoadOrStore(region, p)
	return actual.(*regionPlan)
}

// fastPhone handles "+CC NNN…" and "0NN…" national numbers whose digits are
// separated only by spaces, dashes, dots, slashes and parentheses. It
// returns ok only for a number libphonenumber's full parser would also
// read, and find valid, the same way.
func fastPhone(v, region string) (Selector, bool) {
	if len(v) > phonenumbers.MAX_INPUT_STRING_LENGTH {
		return Selector{}, false // the full parser refuses it
	}
	var buf [24]byte
	digits := buf[:0]
	plus := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			if len(digits) == cap(buf) {
				return Selector{}, false
			}
			digits = append(digits, c)
		case c == '+' && i == 0:
			plus = true
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return Selector{}, false // extensions, letters, odd characters
		}
	}
	if len(digits) < 7 {
		return Selector{}, false
	}
	num := &phonenumbers.PhoneNumber{}
	if plus {
		if digits[0] == '0' {
			return Selector{}, false // no country code starts with 0
		}
		// Country calling codes are prefix-free: at most one of the first
		// one, two or three digits is one.
		codes := phonenumbers.GetSupportedCallingCodes()
		cc := 0
		for n := 1; n <= 3; n++ {
			cc = cc*10 + int(digits[n-1]-'0')
			if codes[cc] {
				digits = digits[n:]
				break
			}
			if n == 3 {
				return Selector{}, false
			}
		}
		num.CountryCode = proto.Int32(int32(cc))
	} else {
		if region == "" || digits[0] != '0' || len(digits) > 1 && digits[1] == '0' {
			return Selector{}, false // IDD prefixes and numbers without a trunk prefix
		}
		p := planFor(region)
		if p == nil || p.transforms || p.broken || p.nationalPrefix == nil {
			return Selector{}, false
		}
		loc := p.nationalPrefix.FindIndex(digits)
		if loc == nil || loc[1] == 0 {
			return Selector{}, false
		}
		digits = digits[loc[1]:]
		num.CountryCode = proto.Int32(p.countryCode)
	}
	if len(digits) < 2 || digits[0] == '0' || len(digits) > 17 {
		return Selector{}, false // Italian leading zeros and such
	}
	var nsn uint64
	for _, d := range digits {
		nsn = nsn*10 + uint64(d-'0')
	}
	num.NationalNumber = proto.Uint64(nsn)
	// The region of the number: the only one of its country code, or,
	// for codes several regions share (+1, +7, +44), the one whose
	// leading digits or patterns it fits.
	numRegion := phonenumbers.GetRegionCodeForNumber(num)
	p := planFor(numRegion)
	if p == nil || p.broken || p.countryCode != num.GetCountryCode() || !p.valid(string(digits)) {
		return Selector{}, false
	}
	e164 := make([]byte, 0, 1+3+len(digits))
	e164 = append(e164, '+')
	e164 = strconv.AppendInt(e164, int64(num.GetCountryCode()), 10)
	e164 = append(e164, digits...)
	return Selector{Kind: Phone, Canonical: string(e164), Display: string(e164), Region: numRegion, Valid: true}, true
}
