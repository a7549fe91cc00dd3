package selector

import (
	"fmt"

	"golang.org/x/crypto/sha3"
)

// evmHexLen is the number of hex digits in an EVM address (20 bytes).
const evmHexLen = 40

// evmChecksum writes the EIP-55 form of lower (40 lower-case hex digits)
// into out, "0x" included: a letter is upper case when the matching nibble
// of the Keccak-256 hash of the lower-case hex is 8 or more.
func evmChecksum(lower *[evmHexLen]byte, out *[2 + evmHexLen]byte) {
	h := sha3.NewLegacyKeccak256()
	h.Write(lower[:])
	var sum [32]byte
	h.Sum(sum[:0])
	out[0], out[1] = '0', 'x'
	for i, c := range lower {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0xf
		}
		if c >= 'a' && nibble >= 8 {
			c -= 'a' - 'A'
		}
		out[2+i] = c
	}
}

// parseEVM reads "0x" and 40 hex digits. The key is lower case, since the
// case only carries the EIP-55 checksum; a mixed-case value must satisfy it,
// while an all-lower or all-upper one has none to check.
func parseEVM(a string) Selector {
	fail := func(format string, args ...any) Selector {
		s := invalid(Crypto, format, args...)
		s.Chain = chainEVM
		return s
	}
	h := a[2:]
	for i := 0; i < len(h); i++ {
		if hexValue(h[i]) < 0 {
			return fail("invalid hex character %s at position %d", cryptoChar(a, 2+i), cryptoPosition(a, 2+i))
		}
	}
	switch len(h) {
	case evmHexLen:
	case 64:
		return fail("0x and 64 hex digits looks like a transaction hash, not an address")
	default:
		return fail("an EVM address has 40 hex digits after 0x, got %d", len(h))
	}
	var lower [evmHexLen]byte
	hasLower, hasUpper := false, false
	for i := 0; i < evmHexLen; i++ {
		c := h[i]
		switch {
		case isLower(c):
			hasLower = true
		case isUpper(c):
			hasUpper = true
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	var sum [2 + evmHexLen]byte
	evmChecksum(&lower, &sum)
	if hasLower && hasUpper && string(sum[2:]) != h {
		return fail("%s", eip55Mismatch(a, &sum))
	}
	s := Selector{Kind: Crypto, Valid: true, Chain: chainEVM}
	if a[1] == 'x' && !hasUpper {
		s.Canonical = a
	} else {
		s.Canonical = "0x" + string(lower[:])
	}
	if a[1] == 'x' && string(sum[2:]) == h {
		s.Display = a
	} else {
		s.Display = string(sum[:])
	}
	return s
}

// eip55Mismatch explains a mixed-case EVM address a whose case differs from
// its EIP-55 checksum sum. One or two letters in the wrong case are a case
// typo, and the checksummed form is the address meant. More mean that a
// character itself was mistyped: any one change of a digit or letter
// changes the hash, so about half the letters then disagree, and the
// checksummed form of the mistyped digits is not an address anybody holds.
func eip55Mismatch(a string, sum *[2 + evmHexLen]byte) string {
	h := a[2:]
	var wrong [2]int
	n := 0
	for i := 0; i < evmHexLen; i++ {
		if h[i] != sum[2+i] {
			if n < len(wrong) {
				wrong[n] = i
			}
			n++
		}
	}
	should := func(i int) string {
		if isUpper(sum[2+i]) {
			return "upper-case"
		}
		return "lower-case"
	}
	switch n {
	case 1:
		return fmt.Sprintf("EIP-55 checksum mismatch: letter %d (%c) should be %s; expected %s",
			cryptoPosition(a, 2+wrong[0]), h[wrong[0]], should(wrong[0]), string(sum[:]))
	case 2:
		return fmt.Sprintf("EIP-55 checksum mismatch: letter %d (%c) should be %s and letter %d (%c) %s; expected %s",
			cryptoPosition(a, 2+wrong[0]), h[wrong[0]], should(wrong[0]),
			cryptoPosition(a, 2+wrong[1]), h[wrong[1]], should(wrong[1]), string(sum[:]))
	}
	return "EIP-55 checksum mismatch: a character is probably mistyped (the case pattern fits no address with these digits)"
}
