package selector

import (
	"errors"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// parsePhone canonicalises a telephone number to E.164 with libphonenumber's
// metadata. A number without a country code (+82, 0082, 001-82) is only
// understood with a region: "010-1234-5678" is Korean, "012 345 678"
// Cambodian, and nothing in the digits says which.
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
	// "+82 (0)10 1234 5678": the national trunk prefix in parentheses
	// after a country code is a common way to write both forms at once,
	// and would otherwise be read as part of the subscriber number.
	if strings.HasPrefix(v, "+") || strings.HasPrefix(v, "00") {
		v = strings.Replace(v, "(0)", "", 1)
	}
	if strings.HasPrefix(v, "00") && region == "" {
		// The international prefix 00 is used by most of the world; read
		// it as + when no region says otherwise.
		v = "+" + v[2:]
	}
	if region != "" {
		if _, ok := phonenumbers.GetSupportedRegions()[region]; !ok {
			return invalid(Phone, "unknown region %q for phone number (want an ISO 3166 country code such as KR)", region)
		}
	}
	lead := strings.TrimLeft(v, " (\t")
	if !strings.HasPrefix(lead, "+") && region == "" {
		return invalid(Phone, "phone number in national format needs a region (--region) or a + country code")
	}
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
	if num.GetExtension() != "" {
		// An extension does not identify a different line for correlation.
		num.Extension = nil
	}
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
	return Selector{
		Kind:      Phone,
		Canonical: phonenumbers.Format(num, phonenumbers.E164),
		Display:   phonenumbers.Format(num, phonenumbers.INTERNATIONAL),
		Region:    phonenumbers.GetRegionCodeForNumber(num),
		Valid:     true,
	}
}
