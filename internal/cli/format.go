package cli

import (
	"sort"
	"strconv"
	"strings"

	"github.com/scamint/scamint/internal/money"
	"github.com/scamint/scamint/internal/store"
)

// groupThousands writes a decimal with thousands separators: 3000000.5 →
// 3,000,000.5.
func groupThousands(d string) string {
	whole, frac, hasFrac := strings.Cut(d, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// sortedLossCurrencies orders currencies by the approximate dollar value of
// their sums, largest first.
func sortedLossCurrencies(losses map[string]string) []string {
	curs := make([]string, 0, len(losses))
	for c := range losses {
		curs = append(curs, c)
	}
	value := func(c string) float64 {
		f, _ := strconv.ParseFloat(losses[c], 64)
		return f * money.USDRate(c)
	}
	sort.Slice(curs, func(i, j int) bool {
		vi, vj := value(curs[i]), value(curs[j])
		return vi > vj || vi == vj && curs[i] < curs[j]
	})
	return curs
}

// shortHash abbreviates a SHA-256 for tables; JSON output has it whole.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// hubMark describes a selector's hub status in one word.
func hubMark(si store.SelectorInfo) string {
	if si.Hub != nil {
		return "HUB"
	}
	return ""
}
