package selector

import (
	"fmt"
	"strings"
)

// bech32Digits is the 32-character set of bech32 (BIP-173), bech32m
// (BIP-350) and cashaddr, chosen so that similar-looking characters differ in
// as few bits as possible. It has no 1, b, i or o.
const bech32Digits = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32Values maps a lower- or upper-case digit to its value, or -1. It is
// read-only after package initialisation.
var bech32Values = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(bech32Digits); i++ {
		c := bech32Digits[i]
		t[c] = int8(i)
		if c >= 'a' && c <= 'z' {
			t[c-'a'+'A'] = int8(i)
		}
	}
	return t
}()

// bech32MaxLen is the longest bech32 string BIP-173 allows.
const bech32MaxLen = 90

// bech32Variant tells which checksum constant a string satisfied.
type bech32Variant uint8

const (
	bech32Bad   bech32Variant = iota
	bech32Plain               // BIP-173, constant 1
	bech32M                   // BIP-350, constant 0x2bc830a3
)

func (v bech32Variant) String() string {
	switch v {
	case bech32Plain:
		return "bech32"
	case bech32M:
		return "bech32m"
	}
	return "invalid"
}

func bech32PolymodStep(c uint32, v byte) uint32 {
	top := c >> 25
	c = (c&0x1ffffff)<<5 ^ uint32(v)
	if top&1 != 0 {
		c ^= 0x3b6a57b2
	}
	if top&2 != 0 {
		c ^= 0x26508e6d
	}
	if top&4 != 0 {
		c ^= 0x1ea119fa
	}
	if top&8 != 0 {
		c ^= 0x3d4233dd
	}
	if top&16 != 0 {
		c ^= 0x2a1462b3
	}
	return c
}

// bech32Decode checks a single-case bech32 or bech32m string. It returns the
// human-readable part (as written), the 5-bit data values without the
// checksum in data[:n], and which checksum matched; or a reason.
func bech32Decode(s string, data *[bech32MaxLen]byte) (hrp string, n int, variant bech32Variant, reason string) {
	if len(s) > bech32MaxLen {
		return "", 0, bech32Bad, fmt.Sprintf("bech32 address longer than %d characters", bech32MaxLen)
	}
	lo, up := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 33 || c > 126 {
			return "", 0, bech32Bad, fmt.Sprintf("invalid bech32 character %s at position %d", cryptoChar(s, i), cryptoPosition(s, i))
		}
		lo = lo || isLower(c)
		up = up || isUpper(c)
	}
	if lo && up {
		return "", 0, bech32Bad, "mixed-case bech32 address"
	}
	sep := strings.LastIndexByte(s, '1')
	switch {
	case sep < 0:
		return "", 0, bech32Bad, "bech32 separator '1' missing"
	case sep == 0:
		return "", 0, bech32Bad, "bech32 human-readable part is empty"
	case len(s)-sep-1 < 6:
		return "", 0, bech32Bad, "bech32 checksum too short"
	}
	hrp = s[:sep]
	c := uint32(1)
	for i := 0; i < len(hrp); i++ {
		c = bech32PolymodStep(c, lower(hrp[i])>>5)
	}
	c = bech32PolymodStep(c, 0)
	for i := 0; i < len(hrp); i++ {
		c = bech32PolymodStep(c, lower(hrp[i])&31)
	}
	for i := sep + 1; i < len(s); i++ {
		v := bech32Values[s[i]]
		if v < 0 {
			return "", 0, bech32Bad, fmt.Sprintf("invalid bech32 character %s at position %d", cryptoChar(s, i), cryptoPosition(s, i))
		}
		c = bech32PolymodStep(c, byte(v))
		if i < len(s)-6 {
			data[n] = byte(v)
			n++
		}
	}
	switch c {
	case 1:
		variant = bech32Plain
	case 0x2bc830a3:
		variant = bech32M
	default:
		return "", 0, bech32Bad, "bech32 checksum invalid"
	}
	return hrp, n, variant, ""
}

// segwitHRP gives the chain and network of a segregated-witness address's
// human-readable part (compared in lower case).
func segwitHRP(hrp string) (chain, network string, ok bool) {
	switch len(hrp) {
	case 2, 3, 4:
	default:
		return "", "", false
	}
	var b [4]byte
	for i := 0; i < len(hrp); i++ {
		b[i] = lower(hrp[i])
	}
	switch string(b[:len(hrp)]) {
	case "bc":
		return chainBTC, "", true
	case "tb":
		return chainBTC, networkTestnet, true
	case "bcrt":
		return chainBTC, networkRegtest, true
	case "ltc":
		return chainLTC, "", true
	case "tltc":
		return chainLTC, networkTestnet, true
	case "rltc":
		return chainLTC, networkRegtest, true
	}
	return "", "", false
}

// segwitDecode decodes a segregated-witness address (BIP-173, BIP-350) and
// checks the witness version, program length and checksum variant. The
// program goes to prog[:n].
func segwitDecode(s string, prog *[40]byte) (hrp string, version byte, n int, reason string) {
	var data [bech32MaxLen]byte
	hrp, nd, variant, reason := bech32Decode(s, &data)
	if reason != "" {
		return "", 0, 0, reason
	}
	if nd == 0 {
		return "", 0, 0, "empty bech32 data part: no witness version"
	}
	version = data[0]
	if version > 16 {
		return "", 0, 0, fmt.Sprintf("invalid witness version %d", version)
	}
	// Regroup the 5-bit values into bytes. At most 4 bits of zero padding
	// may be left over.
	acc, bits := uint32(0), uint(0)
	for _, v := range data[1:nd] {
		acc = acc<<5 | uint32(v)
		bits += 5
		if bits >= 8 {
			bits -= 8
			if n == len(prog) {
				return "", 0, 0, fmt.Sprintf("witness program must be 2 to 40 bytes, got %d", (nd-1)*5/8)
			}
			prog[n] = byte(acc >> bits)
			n++
		}
	}
	if bits >= 5 {
		return "", 0, 0, "invalid padding in witness program: more than 4 bits"
	}
	if acc&(1<<bits-1) != 0 {
		return "", 0, 0, "invalid padding in witness program: non-zero bits"
	}
	if n < 2 {
		return "", 0, 0, fmt.Sprintf("witness program must be 2 to 40 bytes, got %d", n)
	}
	if version == 0 && n != 20 && n != 32 {
		return "", 0, 0, fmt.Sprintf("witness v0 program must be 20 or 32 bytes, got %d", n)
	}
	if version == 0 && variant != bech32Plain {
		return "", 0, 0, "witness v0 address must use bech32, not bech32m"
	}
	if version != 0 && variant != bech32M {
		return "", 0, 0, fmt.Sprintf("witness v%d address must use bech32m, not bech32", version)
	}
	return hrp, version, n, ""
}

// parseSegwitAddress reads a Bitcoin or Litecoin bech32/bech32m address whose
// human-readable part is known. Upper-case input is the same address
// (QR codes use upper case for a denser encoding); the key is lower case.
func parseSegwitAddress(a, chain, network string) Selector {
	var prog [40]byte
	_, _, _, reason := segwitDecode(a, &prog)
	if reason != "" {
		s := invalid(Crypto, "%s", reason)
		s.Chain = chain
		return s
	}
	c := strings.ToLower(a) // returns a itself when already lower case
	return Selector{Kind: Crypto, Canonical: c, Display: c, Valid: true, Chain: chain, Network: network}
}

// bech32Unsupported reports whether a is a well-formed bech32 string with
// a human-readable part we do not key (cosmos1…, bnb1…), so that it gets a
// precise reason rather than "unrecognised".
func bech32Unsupported(a string) (hrp string, ok bool) {
	if len(a) > bech32MaxLen {
		return "", false
	}
	var data [bech32MaxLen]byte
	hrp, _, _, reason := bech32Decode(a, &data)
	if reason != "" {
		return "", false
	}
	return strings.ToLower(hrp), true
}
