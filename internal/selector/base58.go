package selector

import (
	"crypto/sha256"
	"fmt"
)

// Base58 is the digit set Bitcoin uses for addresses: the alphanumerics
// without 0, O, I and l, which people misread. Litecoin, Dogecoin, Tron and
// Solana use the same alphabet; the XRP Ledger uses a permutation of it.
const (
	base58BitcoinDigits = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	base58RippleDigits  = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
)

// base58MaxChars bounds the base58 values we decode. The longest address
// we key (Solana) has 44 characters; the bound keeps the decoder on fixed
// stack arrays.
const (
	base58MaxChars = 64
	base58MaxBytes = 64 // 64 characters carry at most 375 bits
	base58Limbs    = 16 // 32-bit limbs: 512 bits
)

// base58Alphabet maps digits to values and back.
type base58Alphabet struct {
	digits string
	values [256]int8 // -1 for a byte that is not a digit
}

func newBase58Alphabet(digits string) *base58Alphabet {
	a := &base58Alphabet{digits: digits}
	for i := range a.values {
		a.values[i] = -1
	}
	for i := 0; i < len(digits); i++ {
		a.values[digits[i]] = int8(i)
	}
	return a
}

// The alphabets are read-only after package initialisation.
var (
	base58Bitcoin = newBase58Alphabet(base58BitcoinDigits)
	base58Ripple  = newBase58Alphabet(base58RippleDigits)
)

// base58Bad returns the index of the first byte of s that is not a base58
// digit, or -1. Both alphabets have the same digits, in different orders.
func base58Bad(s string) int {
	for i := 0; i < len(s); i++ {
		if base58Bitcoin.values[s[i]] < 0 {
			return i
		}
	}
	return -1
}

// decode writes the bytes s stands for into out and returns how many there
// are, or -1 when s has a byte that is not a digit or is longer than
// base58MaxChars. Each leading zero digit stands for one leading zero byte.
//
// Rather than the schoolbook one-digit-at-a-time loop over bytes, it folds
// five digits at a time (58⁵ < 2³⁰) into 32-bit limbs, which is about twenty
// times less work and needs no big.Int.
func (a *base58Alphabet) decode(s string, out *[base58MaxBytes]byte) int {
	if len(s) > base58MaxChars {
		return -1
	}
	zero := a.digits[0]
	zeros := 0
	for zeros < len(s) && s[zeros] == zero {
		zeros++
	}
	var limbs [base58Limbs]uint32 // little-endian, base 2³²
	used := 0
	for i := zeros; i < len(s); {
		mul, add := uint64(1), uint64(0)
		for k := 0; k < 5 && i < len(s); k++ {
			d := a.values[s[i]]
			if d < 0 {
				return -1
			}
			mul *= 58
			add = add*58 + uint64(d)
			i++
		}
		carry := add
		for j := 0; j < used; j++ {
			t := uint64(limbs[j])*mul + carry
			limbs[j] = uint32(t)
			carry = t >> 32
		}
		if carry != 0 {
			if used == base58Limbs {
				return -1 // cannot happen within base58MaxChars
			}
			limbs[used] = uint32(carry)
			used++
		}
	}
	// Write the limbs big-endian, dropping the most significant limb's
	// leading zero bytes.
	n := zeros
	for i := 0; i < zeros; i++ {
		out[i] = 0
	}
	started := false
	for j := used - 1; j >= 0; j-- {
		l := limbs[j]
		for shift := 24; shift >= 0; shift -= 8 {
			b := byte(l >> uint(shift))
			if !started && b == 0 {
				continue
			}
			started = true
			if n == base58MaxBytes {
				return -1
			}
			out[n] = b
			n++
		}
	}
	return n
}

// encode appends the base58 form of b to dst.
func (a *base58Alphabet) encode(dst []byte, b []byte) []byte {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	// Digits, least significant first; len(b)*138/100+1 is enough.
	digits := make([]byte, 0, len(b)*138/100+1)
	for _, v := range b[zeros:] {
		carry := int(v)
		for j := range digits {
			carry += int(digits[j]) << 8
			digits[j] = byte(carry % 58)
			carry /= 58
		}
		for carry > 0 {
			digits = append(digits, byte(carry%58))
			carry /= 58
		}
	}
	for i := 0; i < zeros; i++ {
		dst = append(dst, a.digits[0])
	}
	for i := len(digits) - 1; i >= 0; i-- {
		dst = append(dst, a.digits[digits[i]])
	}
	return dst
}

// base58CheckOK reports whether the last four bytes of b are the first four
// of the double SHA-256 of the rest: the base58check checksum.
func base58CheckOK(b []byte) bool {
	if len(b) < 5 {
		return false
	}
	p := len(b) - 4
	first := sha256.Sum256(b[:p])
	second := sha256.Sum256(first[:])
	return second[0] == b[p] && second[1] == b[p+1] && second[2] == b[p+2] && second[3] == b[p+3]
}

// base58CheckEncode returns the base58check form of payload (version byte
// included) in the Bitcoin alphabet.
func base58CheckEncode(payload []byte) string {
	buf := make([]byte, 0, len(payload)+4)
	buf = append(buf, payload...)
	first := sha256.Sum256(payload)
	second := sha256.Sum256(first[:])
	buf = append(buf, second[:4]...)
	return string(base58Bitcoin.encode(make([]byte, 0, 48), buf))
}

// base58Version names the chain and network of a 25-byte base58check address
// by its version byte. Versions shared by several chains go to the one the
// contract names: 0x05 is P2SH on Bitcoin and (formerly) Litecoin, reported
// as btc; 0x00 is both Bitcoin and legacy Bitcoin Cash, reported as btc.
func base58Version(v byte) (chain, network string, ok bool) {
	switch v {
	case 0x00, 0x05: // 1…, 3…
		return chainBTC, "", true
	case 0x6f, 0xc4: // m…/n…, 2…
		return chainBTC, networkTestnet, true
	case 0x30, 0x32: // L…, M…
		return chainLTC, "", true
	case 0x3a: // Q…
		return chainLTC, networkTestnet, true
	case 0x1e, 0x16: // D…, A…/9…
		return chainDOGE, "", true
	case 0x71: // n…
		return chainDOGE, networkTestnet, true
	case 0x41: // T…
		return chainTRX, "", true
	}
	return "", "", false
}

// parseBase58Address reads the base58 forms: base58check (Bitcoin, Litecoin,
// Dogecoin, Tron), XRP's alphabet, and last, because it has no checksum to
// confirm it, a Solana public key.
func parseBase58Address(a string) Selector {
	if bad := base58Bad(a); bad >= 0 {
		if len(a) >= 25 && len(a) <= 44 && allAlnum(a, "") {
			return invalid(Crypto, "invalid base58 character %s at position %d", cryptoChar(a, bad), cryptoPosition(a, bad))
		}
		return invalid(Crypto, "unrecognised crypto address form")
	}
	if (len(a) == 95 || len(a) == 106) && (a[0] == '4' || a[0] == '8') {
		return invalid(Crypto, "monero addresses are not supported")
	}
	if len(a) > base58MaxChars {
		return invalid(Crypto, "unrecognised crypto address form")
	}
	var buf [base58MaxBytes]byte

	// XRP: r…, 25 to 35 characters, in its own alphabet.
	xrpReason := ""
	if a[0] == 'r' && len(a) >= 25 && len(a) <= 35 {
		n := base58Ripple.decode(a, &buf)
		switch {
		case n != 25:
			xrpReason = fmt.Sprintf("xrp address decodes to %d bytes, want 25", n)
		case !base58CheckOK(buf[:n]):
			xrpReason = "base58check checksum mismatch"
		case buf[0] != 0x00:
			xrpReason = fmt.Sprintf("xrp address version 0x%02x, want 0x00", buf[0])
		default:
			return Selector{Kind: Crypto, Canonical: a, Display: a, Valid: true, Chain: chainXRP}
		}
	}

	n := base58Bitcoin.decode(a, &buf)
	if n == 25 && base58CheckOK(buf[:n]) {
		chain, network, ok := base58Version(buf[0])
		if !ok {
			return invalid(Crypto, "base58check version 0x%02x is not a supported chain (btc, ltc, doge, trx)", buf[0])
		}
		return Selector{Kind: Crypto, Canonical: a, Display: a, Valid: true, Chain: chain, Network: network}
	}
	if xrpReason != "" {
		s := invalid(Crypto, "%s", xrpReason)
		s.Chain = chainXRP
		return s
	}
	if n == 25 {
		// The version byte is still a fair guess at the chain meant.
		s := invalid(Crypto, "base58check checksum mismatch")
		s.Chain, _, _ = base58Version(buf[0])
		return s
	}
	if n == 32 && len(a) >= 32 && len(a) <= 44 {
		// A Solana address is a bare Ed25519 public key: random bytes,
		// whose 43 or 44 base58 digits mix upper- and lower-case letters
		// but for odds of about 1 in 10¹⁰. A value in one case is some
		// other identifier that happens to decode to 32 bytes.
		if !mixedCase(a) {
			return invalid(Crypto, "not a solana address: a 32-byte base58 key mixes upper- and lower-case letters")
		}
		return Selector{Kind: Crypto, Canonical: a, Display: a, Valid: true, Chain: chainSOL}
	}
	if n > 25 && n <= 30 && base58CheckOK(buf[:n]) {
		return invalid(Crypto, "base58check address with a %d-byte version is not a supported chain (btc, ltc, doge, trx)", n-24)
	}
	switch {
	case len(a) >= 25 && len(a) <= 35:
		return invalid(Crypto, "base58 address decodes to %d bytes, want 25 (a character missing or extra?)", n)
	case len(a) > 35 && len(a) <= 44:
		return invalid(Crypto, "base58 value decodes to %d bytes; a solana address has 32", n)
	}
	return invalid(Crypto, "unrecognised crypto address form")
}
