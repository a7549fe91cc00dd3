package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"

	"golang.org/x/crypto/sha3"
)

// The encoders below turn random payloads into checksum-valid addresses.
// internal/selector only decodes; these are the small encoding halves of
// the same algorithms.

const base58Digits = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// Base58check version bytes of the address forms the world uses.
const (
	versionBitcoinP2PKH = 0x00 // 1…
	versionTron         = 0x41 // T…
)

// base58Check returns the base58check form of version and a 20-byte hash:
// the 25 bytes with the first four bytes of their double SHA-256 appended.
func base58Check(version byte, hash *[20]byte) string {
	var buf [25]byte
	buf[0] = version
	copy(buf[1:21], hash[:])
	first := sha256.Sum256(buf[:21])
	second := sha256.Sum256(first[:])
	copy(buf[21:], second[:4])
	return base58Encode(buf[:])
}

// base58Encode writes b in the Bitcoin alphabet, each leading zero byte as
// a '1'. It divides the number b stands for by 58⁵ at a time, in 32-bit
// limbs, rather than digit by digit.
func base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	var limbs [8]uint32 // big-endian; 25 bytes need 7
	nl := (len(b) - zeros + 3) / 4
	if nl > len(limbs) {
		panic("sim: base58Encode input too long")
	}
	for i, v := range b[zeros:] {
		pos := len(b) - zeros - 1 - i // byte position from the least significant
		limbs[nl-1-pos/4] |= uint32(v) << (8 * (pos % 4))
	}
	const chunk = 58 * 58 * 58 * 58 * 58
	var digits [48]byte // least significant first
	n := 0
	for first := 0; first < nl; {
		rem := uint64(0)
		for i := first; i < nl; i++ {
			cur := rem<<32 | uint64(limbs[i])
			limbs[i] = uint32(cur / chunk)
			rem = cur % chunk
		}
		for k := 0; k < 5; k++ {
			digits[n] = byte(rem % 58)
			rem /= 58
			n++
		}
		for first < nl && limbs[first] == 0 {
			first++
		}
	}
	for n > 0 && digits[n-1] == 0 {
		n-- // the last chunk's leading zeros
	}
	out := make([]byte, 0, zeros+n)
	for i := 0; i < zeros; i++ {
		out = append(out, '1')
	}
	for i := n - 1; i >= 0; i-- {
		out = append(out, base58Digits[digits[i]])
	}
	return string(out)
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if top>>i&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// segwitV0 returns the BIP-173 bech32 address of a version-0 witness
// program (a 20-byte P2WPKH hash gives bc1q…).
func segwitV0(hrp string, program []byte) string {
	data := []byte{0} // witness version 0
	// Regroup the program's 8-bit bytes into 5-bit values, padding the
	// last group with zero bits.
	acc, bits := 0, 0
	for _, b := range program {
		acc = acc<<8 | int(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			data = append(data, byte(acc>>bits&31))
		}
	}
	if bits > 0 {
		data = append(data, byte(acc<<(5-bits)&31))
	}
	values := make([]byte, 0, 2*len(hrp)+1+len(data)+6)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	values = append(values, data...)
	values = append(values, 0, 0, 0, 0, 0, 0)
	mod := bech32Polymod(values) ^ 1 // BIP-173 constant
	out := make([]byte, 0, len(hrp)+1+len(data)+6)
	out = append(out, hrp...)
	out = append(out, '1')
	for _, d := range data {
		out = append(out, bech32Charset[d])
	}
	for i := 0; i < 6; i++ {
		out = append(out, bech32Charset[mod>>(5*(5-i))&31])
	}
	return string(out)
}

// eip55 returns an EVM address in its EIP-55 mixed-case form and in lower
// case: a hex letter is upper case when the matching nibble of the
// Keccak-256 hash of the lower-case hex is 8 or more.
func eip55(addr *[20]byte) (checksummed, lower string) {
	var low [40]byte
	hex.Encode(low[:], addr[:])
	h := sha3.NewLegacyKeccak256()
	h.Write(low[:])
	var sum [32]byte
	h.Sum(sum[:0])
	out := make([]byte, 42)
	out[0], out[1] = '0', 'x'
	for i, c := range low {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0xf
		}
		if c >= 'a' && nibble >= 8 {
			c -= 'a' - 'A'
		}
		out[2+i] = c
	}
	return string(out), "0x" + string(low[:])
}

// randomHash fills h with random bytes.
func randomHash(r *rand.Rand, h *[20]byte) {
	for i := 0; i < len(h); i += 8 {
		v := r.Uint64()
		for j := 0; j < 8 && i+j < len(h); j++ {
			h[i+j] = byte(v >> (8 * j))
		}
	}
}

// Chains of the wallets the world uses.
const (
	chainTron = iota
	chainEVM
	chainBTC
	chainBTCLegacy
)

// newAddress returns a random address of the chain in the forms it is
// written: the EVM one EIP-55 and lower-case, the others one form.
func newAddress(r *rand.Rand, chain int) []string {
	var h [20]byte
	randomHash(r, &h)
	switch chain {
	case chainTron:
		return []string{base58Check(versionTron, &h)}
	case chainEVM:
		mixed, low := eip55(&h)
		return []string{mixed, low}
	case chainBTC:
		return []string{segwitV0("bc", h[:])}
	default:
		return []string{base58Check(versionBitcoinP2PKH, &h)}
	}
}

// txHash returns a random 32-byte transaction hash in the chain's usual
// notation (0x… on EVM chains, bare hex elsewhere).
func txHash(r *rand.Rand, chain int) string {
	var raw [32]byte
	for i := 0; i < len(raw); i += 8 {
		v := r.Uint64()
		for j := 0; j < 8; j++ {
			raw[i+j] = byte(v >> (8 * j))
		}
	}
	if chain == chainEVM {
		return "0x" + hex.EncodeToString(raw[:])
	}
	return hex.EncodeToString(raw[:])
}

// weighted is a choice with a relative weight.
type weighted[T any] struct {
	v T
	w int
}

// pick draws from choices in proportion to their weights.
func pick[T any](r *rand.Rand, choices []weighted[T]) T {
	total := 0
	for _, c := range choices {
		total += c.w
	}
	x := r.IntN(total)
	for _, c := range choices {
		if x < c.w {
			return c.v
		}
		x -= c.w
	}
	return choices[len(choices)-1].v
}

// one returns a uniformly chosen element of s.
func one[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// fillDigits returns pattern with each '#' replaced by a random digit.
func fillDigits(r *rand.Rand, pattern string) string {
	b := []byte(pattern)
	for i, c := range b {
		if c == '#' {
			b[i] = byte('0' + r.IntN(10))
		}
	}
	return string(b)
}

// digitsOnly drops everything but ASCII digits.
func digitsOnly(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// fullWidth writes the ASCII digits, '+', '-' and letters of s in their
// full-width forms, as East Asian input methods produce them.
func fullWidth(s string) string {
	out := make([]rune, 0, len(s))
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9' || c == '+' || c == '-' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			out = append(out, c-0x21+0xFF01)
		default:
			out = append(out, c)
		}
	}
	return string(out)
}
