package selector

import (
	"fmt"
	"strings"
)

// Bitcoin Cash's cashaddr format (2018) reuses the bech32 digits with a
// 40-bit BCH-code checksum over "prefix:payload". The prefix names the
// network and is often left out, since wallets assume it.
const (
	cashaddrMainnet = "bitcoincash"
	cashaddrTestnet = "bchtest"
	cashaddrRegtest = "bchreg"
)

// cashaddrMaxPayload is the longest payload: a 64-byte hash with its version
// byte is 104 5-bit digits, plus 8 of checksum.
const cashaddrMaxPayload = 112

func cashaddrPolymodStep(c uint64, v byte) uint64 {
	top := c >> 35
	c = (c&0x07ffffffff)<<5 ^ uint64(v)
	if top&0x01 != 0 {
		c ^= 0x98f2bc8e61
	}
	if top&0x02 != 0 {
		c ^= 0x79b76d99e2
	}
	if top&0x04 != 0 {
		c ^= 0xf33e5fb3c4
	}
	if top&0x08 != 0 {
		c ^= 0xae2eabe2a8
	}
	if top&0x10 != 0 {
		c ^= 0x1e4f43e470
	}
	return c
}

// cashaddrChecksumOK reports whether payload (digits, checksum included,
// already checked to be bech32 digits) has a valid checksum under prefix
// (lower case).
func cashaddrChecksumOK(prefix, payload string) bool {
	c := uint64(1)
	for i := 0; i < len(prefix); i++ {
		c = cashaddrPolymodStep(c, prefix[i]&31)
	}
	c = cashaddrPolymodStep(c, 0)
	for i := 0; i < len(payload); i++ {
		c = cashaddrPolymodStep(c, byte(bech32Values[payload[i]]))
	}
	return c^1 == 0
}

// cashaddrPrefixNetwork gives the network of a known cashaddr prefix.
func cashaddrPrefixNetwork(prefix string) (network string, ok bool) {
	switch {
	case strings.EqualFold(prefix, cashaddrMainnet):
		return "", true
	case strings.EqualFold(prefix, cashaddrTestnet):
		return networkTestnet, true
	case strings.EqualFold(prefix, cashaddrRegtest):
		return networkRegtest, true
	}
	return "", false
}

// cashaddrLooksLike reports whether payload could be a prefix-less
// cashaddr: a P2PKH (q…) or P2SH (p…) payload of a valid length, all bech32
// digits. It says nothing about case.
func cashaddrLooksLike(payload string) bool {
	switch len(payload) {
	case 42, 48, 55, 61, 74, 87, 100, 112: // hash sizes 20, 24, 28, 32, 40, 48, 56, 64
	default:
		return false
	}
	if c := payload[0] | 0x20; c != 'q' && c != 'p' {
		return false
	}
	for i := 0; i < len(payload); i++ {
		if bech32Values[payload[i]] < 0 {
			return false
		}
	}
	return true
}

// parseCashaddr reads a Bitcoin Cash address. prefix is the prefix written
// before the colon, or "" when none was: the checksum then tells which
// network it belongs to. The key is lower case with the prefix.
func parseCashaddr(prefix, payload string) Selector {
	var hash [64]byte
	prefix, network, _, _, reason := cashaddrDecode(prefix, payload, &hash)
	if reason != "" {
		s := invalid(Crypto, "%s", reason)
		s.Chain = chainBCH
		return s
	}
	var b strings.Builder
	b.Grow(len(prefix) + 1 + len(payload))
	b.WriteString(prefix)
	b.WriteByte(':')
	for i := 0; i < len(payload); i++ {
		b.WriteByte(lower(payload[i]))
	}
	c := b.String()
	return Selector{Kind: Crypto, Canonical: c, Display: c, Valid: true, Chain: chainBCH, Network: network}
}

// cashaddrDecode checks a cashaddr payload and returns its lower-case
// prefix, network, type (0 P2PKH, 1 P2SH) and the hash in hash[:n]; or a
// reason.
func cashaddrDecode(prefix, payload string, hash *[64]byte) (canonPrefix, network string, typ byte, n int, reason string) {
	if len(payload) > cashaddrMaxPayload {
		return "", "", 0, 0, fmt.Sprintf("cashaddr payload longer than %d characters", cashaddrMaxPayload)
	}
	lo, up := false, false
	for i := 0; i < len(payload); i++ {
		c := payload[i]
		if bech32Values[c] < 0 {
			return "", "", 0, 0, fmt.Sprintf("invalid cashaddr character %s at position %d", cryptoChar(payload, i), cryptoPosition(payload, i))
		}
		lo = lo || isLower(c)
		up = up || isUpper(c)
	}
	if lo && up {
		return "", "", 0, 0, "mixed-case cashaddr address"
	}
	if len(payload) < 8+2 {
		return "", "", 0, 0, "cashaddr payload too short"
	}
	switch {
	case prefix != "":
		var ok bool
		if network, ok = cashaddrPrefixNetwork(prefix); !ok {
			return "", "", 0, 0, fmt.Sprintf("unknown cashaddr prefix %q", prefix)
		}
		canonPrefix = strings.ToLower(prefix)
		if !cashaddrChecksumOK(canonPrefix, payload) {
			return "", "", 0, 0, "cashaddr checksum invalid"
		}
	case cashaddrChecksumOK(cashaddrMainnet, payload):
		canonPrefix = cashaddrMainnet
	case cashaddrChecksumOK(cashaddrTestnet, payload):
		canonPrefix, network = cashaddrTestnet, networkTestnet
	case cashaddrChecksumOK(cashaddrRegtest, payload):
		canonPrefix, network = cashaddrRegtest, networkRegtest
	default:
		return "", "", 0, 0, "cashaddr checksum invalid"
	}

	// Regroup the digits before the checksum into bytes: a version byte
	// (type and hash size) and the hash. Padding must be under 5 zero bits.
	var raw [cashaddrMaxPayload * 5 / 8]byte
	nr := 0
	acc, bits := uint32(0), uint(0)
	for i := 0; i < len(payload)-8; i++ {
		acc = acc<<5 | uint32(bech32Values[payload[i]])
		bits += 5
		if bits >= 8 {
			bits -= 8
			raw[nr] = byte(acc >> bits)
			nr++
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return "", "", 0, 0, "invalid padding in cashaddr payload"
	}
	version := raw[0]
	if version&0x80 != 0 {
		return "", "", 0, 0, "cashaddr version byte has the reserved bit set"
	}
	size := [8]int{20, 24, 28, 32, 40, 48, 56, 64}[version&7]
	if nr-1 != size {
		return "", "", 0, 0, fmt.Sprintf("cashaddr hash is %d bytes, version byte says %d", nr-1, size)
	}
	typ = version >> 3
	if typ > 1 {
		return "", "", 0, 0, fmt.Sprintf("unsupported cashaddr type %d (only q… P2PKH and p… P2SH are keyed)", typ)
	}
	n = copy(hash[:], raw[1:nr])
	return canonPrefix, network, typ, n, ""
}

// cashaddrMixedCaseValid reports whether a mixed-case prefix-less payload
// would be a valid cashaddr in lower case, which tells a mis-typed Bitcoin
// Cash address from a Solana key.
func cashaddrMixedCaseValid(payload string) bool {
	var buf [cashaddrMaxPayload]byte
	if len(payload) > len(buf) {
		return false
	}
	for i := 0; i < len(payload); i++ {
		buf[i] = lower(payload[i])
	}
	p := string(buf[:len(payload)])
	return cashaddrChecksumOK(cashaddrMainnet, p) || cashaddrChecksumOK(cashaddrTestnet, p)
}
