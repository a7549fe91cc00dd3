// Package money adds up amounts of money exactly, and converts them
// roughly to US dollars for ordering.
//
// Amounts travel as decimal text ("3000000", "12500.5", "0.35"): money is
// never a float on its way into a report or a network summary.
package money

import (
	"math/big"
	"strings"
)

// Sum is an exact sum of decimal amounts. The zero value is 0.
type Sum struct {
	r big.Rat
	// Bad counts the amounts that were not non-negative decimals and were
	// left out.
	Bad int
}

// Add adds a decimal amount such as "12500.50".
func (s *Sum) Add(amount string) {
	var x big.Rat
	a := strings.TrimSpace(amount)
	if strings.ContainsAny(a, "/eE") { // big.Rat also reads fractions and exponents; money is neither
		s.Bad++
		return
	}
	if _, ok := x.SetString(a); !ok || x.Sign() < 0 {
		s.Bad++
		return
	}
	s.r.Add(&s.r, &x)
}

// String writes the sum as a plain decimal without trailing zeros.
func (s *Sum) String() string {
	out := s.r.FloatString(18)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	return out
}

// Float returns the sum as a float64, for approximate uses only.
func (s *Sum) Float() float64 {
	f, _ := s.r.Float64()
	return f
}

// usdRates are fixed reference rates to US dollars, used only to order
// networks by total loss across currencies. They are approximate on
// purpose: the exact sums per currency are what a summary states.
var usdRates = map[string]float64{
	"USD": 1, "USDT": 1, "USDC": 1, "BUSD": 1, "DAI": 1,
	"KRW": 1.0 / 1400, "JPY": 1.0 / 150, "CNY": 1.0 / 7.2, "HKD": 1.0 / 7.8, "TWD": 1.0 / 32,
	"THB": 1.0 / 35, "VND": 1.0 / 25000, "KHR": 1.0 / 4100, "MYR": 1.0 / 4.6, "SGD": 0.74,
	"PHP": 1.0 / 57, "IDR": 1.0 / 16000, "MMK": 1.0 / 2100, "LAK": 1.0 / 21000,
	"EUR": 1.08, "GBP": 1.27, "AUD": 0.65, "CAD": 0.73, "NZD": 0.6, "CHF": 1.1, "INR": 1.0 / 83,
	"BTC": 60000, "ETH": 3000, "TRX": 0.12, "BNB": 550, "SOL": 150, "XRP": 0.5, "LTC": 80,
}

// USDRate is the approximate value in US dollars of one unit of currency,
// or 0 for a currency it does not know.
func USDRate(currency string) float64 { return usdRates[strings.ToUpper(currency)] }
