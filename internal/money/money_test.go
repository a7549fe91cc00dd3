package money

import "testing"

func TestSum(t *testing.T) {
	tests := []struct {
		in   []string
		want string
		bad  int
	}{
		{nil, "0", 0},
		{[]string{"3000000", "2500000"}, "5500000", 0},
		{[]string{"0.1", "0.2"}, "0.3", 0}, // exact, unlike float64
		{[]string{"12500.50", "0.5"}, "12501", 0},
		{[]string{"0.00000001", "0.00000002"}, "0.00000003", 0},
		{[]string{"5", "-1", "abc", "1/3", "1e9"}, "5", 4},
	}
	for _, tt := range tests {
		var s Sum
		for _, a := range tt.in {
			s.Add(a)
		}
		if got := s.String(); got != tt.want || s.Bad != tt.bad {
			t.Errorf("sum of %q = %s (bad %d); want %s (bad %d)", tt.in, got, s.Bad, tt.want, tt.bad)
		}
	}
}

func TestUSDRate(t *testing.T) {
	if USDRate("usdt") != 1 || USDRate("KRW") <= 0 || USDRate("XXX") != 0 {
		t.Errorf("USDRate: usdt %v KRW %v XXX %v", USDRate("usdt"), USDRate("KRW"), USDRate("XXX"))
	}
}
