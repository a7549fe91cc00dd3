package selector

import (
	"golang.org/x/crypto/sha3"
)

// evmHexLen is the number of hex digits in an EVM address (20 bytes).
const evmHexLen = 40

// evmHexValue returns the value of hex digit c, or -1.
func evmHexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

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
		if evmHexValue(h[i]) < 0 {
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
		case c >= 'a' && c <= 'f':
			hasLower = true
		case c >= 'A' && c <= 'F':
			hasUpper = true
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	var sum [2 + evmHexLen]byte
	evmChecksum(&lower, &sum)
	if hasLower && hasUpper && string(sum[2:]) != h {
		return fail("EIP-55 checksum mismatch: expected %s", string(sum[:]))
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
