package selector

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The chains a crypto selector can be on, as Selector.Chain names them.
const (
	chainBTC  = "btc"
	chainLTC  = "ltc"
	chainBCH  = "bch"
	chainDOGE = "doge"
	chainEVM  = "evm"
	chainTRX  = "trx"
	chainXRP  = "xrp"
	chainSOL  = "sol"
)

// Networks that are not a chain's main network. The address form tells
// them apart, so they never share a key with a main-network address.
const (
	networkTestnet = "testnet"
	networkRegtest = "regtest"
)

// Bounds on the work done for one value. The longest address form is a
// 90-character bech32 address; a payment URI with its query string
// (an EIP-681 token transfer is about 150 bytes) gets more room.
const (
	maxCryptoInput   = 512
	maxCryptoAddress = 128
)

// parseCrypto canonicalises a cryptocurrency address, detecting its chain
// from the form: base58check (Bitcoin, Litecoin, Dogecoin, Tron), bech32 and
// bech32m (Bitcoin and Litecoin segwit), cashaddr (Bitcoin Cash), EIP-55 hex
// (EVM chains), XRP's base58, and Solana's bare base58 key. Payment URIs
// (bitcoin:, ethereum:, …) are reduced to their address. opts.Network names
// the EVM network, which the address form cannot tell.
func parseCrypto(in string, opts Options) Selector {
	if len(in) > maxCryptoInput {
		return invalid(Crypto, "too long for a crypto address (%d bytes)", len(in))
	}
	v := fold(in)
	if v == "" {
		return invalid(Crypto, "empty value")
	}
	ref, reason := splitCryptoURI(v)
	if reason != "" {
		return invalid(Crypto, "%s", reason)
	}
	s := parseCryptoAddress(ref)
	if !s.Valid {
		return s
	}
	return qualifyCrypto(s, ref, opts.Network)
}

// cryptoRef is an address as found in a value, with what a payment URI
// around it said.
type cryptoRef struct {
	addr    string // the address as written
	scheme  string // lower-case URI scheme, "" for a bare address
	chainID string // EIP-681 chain id
	token   string // EIP-681 token contract, when addr came from its address= parameter
}

// splitCryptoURI takes the address out of a payment URI: BIP-21
// ("bitcoin:ADDR?amount=1") and its kin for other chains, and EIP-681
// ("ethereum:[pay-]ADDR[@CHAIN][/FUNCTION][?PARAMS]"). A value without a
// scheme is the address itself.
func splitCryptoURI(v string) (r cryptoRef, reason string) {
	colon := strings.IndexByte(v, ':')
	if colon < 0 {
		r.addr = v
		return r, ""
	}
	r.scheme = cryptoScheme(v[:colon])
	if r.scheme == "" {
		if isAllLetters(v[:colon]) {
			return r, fmt.Sprintf("unsupported URI scheme %q for a crypto address", v[:colon])
		}
		return r, "unrecognised crypto address form"
	}
	rest := strings.TrimPrefix(v[colon+1:], "//")
	if r.scheme != "ethereum" {
		if q := strings.IndexByte(rest, '?'); q >= 0 {
			rest = rest[:q]
		}
		r.addr = rest
		if r.addr == "" {
			return r, fmt.Sprintf("no address in %s: URI", r.scheme)
		}
		return r, ""
	}

	if len(rest) >= 4 && strings.EqualFold(rest[:4], "pay-") {
		rest = rest[4:]
	}
	tail := ""
	if end := strings.IndexAny(rest, "@/?"); end >= 0 {
		rest, tail = rest[:end], rest[end:]
	}
	r.addr = rest
	if strings.HasPrefix(tail, "@") {
		end := strings.IndexAny(tail, "/?")
		if end < 0 {
			end = len(tail)
		}
		r.chainID, tail = tail[1:end], tail[end:]
		if r.chainID == "" || len(r.chainID) > 19 || strings.Trim(r.chainID, "0123456789") != "" {
			return r, fmt.Sprintf("invalid chain id %q in ethereum: URI", r.chainID)
		}
	}
	function, query := "", ""
	if strings.HasPrefix(tail, "/") {
		function = tail[1:]
		if q := strings.IndexByte(function, '?'); q >= 0 {
			function, query = function[:q], function[q+1:]
		}
	} else if strings.HasPrefix(tail, "?") {
		query = tail[1:]
	}
	// In a token transfer the target is the token contract (USDT's, say)
	// and the payee is the address parameter. Keying on the contract would
	// tie together every payment request for that token.
	if strings.EqualFold(function, "transfer") {
		if to := cryptoQueryValue(query, "address"); to != "" {
			r.token, r.addr = r.addr, to
		}
	}
	if r.addr == "" {
		return r, "no address in ethereum: URI"
	}
	return r, ""
}

// cryptoScheme returns the lower-case name of a payment-URI scheme we
// strip, or "".
func cryptoScheme(s string) string {
	for _, known := range [...]string{"bitcoin", "ethereum", "litecoin", "dogecoin", "tron", "solana", "ripple",
		cashaddrMainnet, cashaddrTestnet, cashaddrRegtest} {
		if strings.EqualFold(s, known) {
			return known
		}
	}
	return ""
}

// cryptoSchemeFits reports whether a URI scheme is one an address on chain
// may be written with.
func cryptoSchemeFits(scheme, chain string) bool {
	switch scheme {
	case "bitcoin":
		return chain == chainBTC
	case "ethereum":
		return chain == chainEVM
	case "litecoin":
		return chain == chainLTC || chain == chainBTC // 3… P2SH is keyed as btc
	case "dogecoin":
		return chain == chainDOGE
	case "tron":
		return chain == chainTRX
	case "solana":
		return chain == chainSOL
	case "ripple":
		return chain == chainXRP
	case cashaddrMainnet, cashaddrTestnet, cashaddrRegtest:
		return chain == chainBCH || chain == chainBTC // legacy form is keyed as btc
	}
	return false
}

// cryptoQueryValue returns the value of key in a URI query, as written.
func cryptoQueryValue(query, key string) string {
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if k, v, ok := strings.Cut(pair, "="); ok && strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// parseCryptoAddress detects the form of a bare address and parses it.
// Forms with a checksum are tried first; a Solana key, which has none, only
// when nothing else matches.
func parseCryptoAddress(r cryptoRef) Selector {
	a := r.addr
	if a == "" {
		return invalid(Crypto, "empty value")
	}
	if len(a) > maxCryptoAddress {
		return invalid(Crypto, "too long for a crypto address (%d bytes)", len(a))
	}
	switch r.scheme {
	case cashaddrMainnet, cashaddrTestnet, cashaddrRegtest:
		// Wallets also put a legacy base58 address (1…, 3…; m…, n…, 2…
		// on testnet) after the scheme; a cashaddr payload starts q or p.
		if !strings.ContainsRune("123mn", rune(a[0])) {
			return parseCashaddr(r.scheme, a)
		}
	}
	if len(a) >= 2 && a[0] == '0' && a[1]|0x20 == 'x' {
		return parseEVM(a)
	}
	if cashaddrLooksLike(a) {
		if !mixedCase(a) {
			return parseCashaddr("", a)
		}
		if cashaddrMixedCaseValid(a) {
			s := invalid(Crypto, "mixed-case cashaddr address")
			s.Chain = chainBCH
			return s
		}
	}
	if sep := strings.LastIndexByte(a, '1'); sep > 0 {
		if chain, network, ok := segwitHRP(a[:sep]); ok {
			s := parseSegwitAddress(a, chain, network)
			if !s.Valid && mixedCase(a) && !segwitValidLower(a) {
				// Not a mis-cased segwit address; perhaps a Solana key
				// that happens to start with bc1.
				if sol := parseBase58Address(a); sol.Valid {
					return sol
				}
			}
			return s
		}
		if hrp, ok := bech32Unsupported(a); ok {
			return invalid(Crypto, "bech32 address with unsupported prefix %q (btc and ltc segwit addresses are keyed)", hrp)
		}
	}
	if allHex(a) {
		switch {
		case len(a) == 42 && a[0] == '4' && a[1] == '1':
			return parseTronHex(a)
		case len(a) == evmHexLen:
			return invalid(Crypto, "40 hex digits without 0x: add the prefix if this is an EVM address")
		case len(a) == 64:
			return invalid(Crypto, "64 hex digits: a transaction hash or key, not an address")
		}
	}
	return parseBase58Address(a)
}

// segwitValidLower reports whether the lower-case form of a mixed-case value
// is a valid segwit address.
func segwitValidLower(a string) bool {
	if len(a) > bech32MaxLen {
		return false
	}
	var buf [bech32MaxLen]byte
	for i := 0; i < len(a); i++ {
		buf[i] = lower(a[i])
	}
	var prog [40]byte
	_, _, _, reason := segwitDecode(string(buf[:len(a)]), &prog)
	return reason == ""
}

// parseTronHex turns the hex form Tron's APIs print ("41" and 20 bytes) into
// the base58check form people see, so both key alike.
func parseTronHex(a string) Selector {
	var payload [21]byte
	for i := range payload {
		payload[i] = byte(hexValue(a[2*i])<<4 | hexValue(a[2*i+1]))
	}
	c := base58CheckEncode(payload[:])
	return Selector{Kind: Crypto, Canonical: c, Display: c, Valid: true, Chain: chainTRX,
		Reason: "tron hex address written in base58"}
}

// qualifyCrypto sets the network of a valid address from the EIP-681 chain
// id or the caller's hint, and notes a hint or URI scheme that does not fit
// the address.
func qualifyCrypto(s Selector, r cryptoRef, hint string) Selector {
	var notes []string
	if s.Reason != "" {
		notes = append(notes, s.Reason)
	}
	hintChain, hintNetwork, norm, known := cryptoHint(hint)
	switch {
	case s.Chain == chainEVM && r.chainID != "":
		s.Network = evmChainName(r.chainID)
	case s.Chain == chainEVM && hintChain == chainEVM:
		s.Network = hintNetwork
	case s.Chain == chainEVM && !known:
		s.Network = norm
		notes = append(notes, fmt.Sprintf("unrecognised network hint %q", hint))
	case hintChain == "" || hintChain == s.Chain:
	case s.Chain == chainBTC && hintChain == chainBCH && strings.ContainsRune("123mn", rune(s.Canonical[0])):
		notes = append(notes, "legacy bitcoin cash addresses share bitcoin's form; keyed as btc")
	case s.Chain == chainBTC && hintChain == chainLTC && strings.HasPrefix(s.Canonical, "3"):
		notes = append(notes, "litecoin p2sh addresses starting with 3 share bitcoin's form; keyed as btc")
	default:
		notes = append(notes, fmt.Sprintf("network hint %q does not fit this %s address", hint, s.Chain))
	}
	if r.token != "" {
		notes = append(notes, "token transfer request: payee taken from the address parameter, token contract "+r.token)
	}
	if r.scheme != "" && !cryptoSchemeFits(r.scheme, s.Chain) {
		notes = append(notes, fmt.Sprintf("%s: URI holding a %s address", r.scheme, s.Chain))
	}
	s.Reason = strings.Join(notes, "; ")
	return s
}

// evmChainName names the network of an EIP-155 chain id, or returns the
// CAIP-2 form "eip155:ID" for one we do not name.
func evmChainName(id string) string {
	switch id {
	case "1":
		return "ethereum"
	case "10":
		return "optimism"
	case "25":
		return "cronos"
	case "56":
		return "bsc"
	case "61":
		return "ethereum-classic"
	case "100":
		return "gnosis"
	case "137":
		return "polygon"
	case "250":
		return "fantom"
	case "324":
		return "zksync"
	case "8453":
		return "base"
	case "42161":
		return "arbitrum"
	case "43114":
		return "avalanche"
	case "59144":
		return "linea"
	}
	return "eip155:" + id
}

// cryptoHint reads a network hint as reports write it ("ERC-20",
// "USDT (TRC20)", "BNB Smart Chain"). It returns the chain the hint names,
// the EVM network when it names one, the hint reduced to lower-case ASCII
// letters and digits, and whether it was recognised. A hint that only names
// a token ("USDT"), or has no ASCII letters or digits, is recognised and
// names no chain.
func cryptoHint(hint string) (chain, network, norm string, known bool) {
	if hint == "" {
		return "", "", "", true
	}
	// Keep ASCII letters and digits, after folding full-width forms
	// (ＥＲＣ２０), and drop the rest. Hints are short; a long one is cut.
	if len(hint) > 64 {
		hint = hint[:64]
	}
	hint = fold(hint)
	var buf [40]byte
	n := 0
	for i := 0; i < len(hint) && n < len(buf); i++ {
		if c := lower(hint[i]); isAlnum(c) {
			buf[n] = c
			n++
		}
	}
	b := buf[:n]
	// A token name around the network says nothing about it.
	for _, token := range [...]string{"usdt", "usdc", "tether"} {
		if len(b) >= len(token) && string(b[:len(token)]) == token {
			b = b[len(token):]
		}
		if len(b) >= len(token) && string(b[len(b)-len(token):]) == token {
			b = b[:len(b)-len(token)]
		}
	}
	switch string(b) {
	case "":
		return "", "", "", true
	case "eth", "ether", "ethereum", "erc20", "erc", "erc721", "ethmainnet", "ethereummainnet":
		return chainEVM, "ethereum", "", true
	case "bsc", "bep20", "bnb", "bnbchain", "bnbsmartchain", "binancesmartchain", "bscbep20", "bep20bsc":
		return chainEVM, "bsc", "", true
	case "polygon", "matic", "pol", "polygonpos", "maticpolygon":
		return chainEVM, "polygon", "", true
	case "arbitrum", "arb", "arbitrumone", "arb1":
		return chainEVM, "arbitrum", "", true
	case "optimism", "op", "opmainnet":
		return chainEVM, "optimism", "", true
	case "base":
		return chainEVM, "base", "", true
	case "avalanche", "avax", "avaxc", "cchain", "avalanchec", "avalanchecchain", "avaxcchain":
		return chainEVM, "avalanche", "", true
	case "etc", "ethereumclassic":
		return chainEVM, "ethereum-classic", "", true
	case "fantom", "ftm":
		return chainEVM, "fantom", "", true
	case "gnosis", "xdai":
		return chainEVM, "gnosis", "", true
	case "cronos", "cro":
		return chainEVM, "cronos", "", true
	case "linea":
		return chainEVM, "linea", "", true
	case "zksync", "zksyncera":
		return chainEVM, "zksync", "", true
	case "btc", "xbt", "bitcoin", "segwit", "bech32", "omni", "brc20":
		return chainBTC, "", "", true
	case "ltc", "litecoin":
		return chainLTC, "", "", true
	case "bch", "bitcoincash":
		return chainBCH, "", "", true
	case "doge", "dogecoin", "drc20":
		return chainDOGE, "", "", true
	case "trx", "tron", "trc20", "trc10":
		return chainTRX, "", "", true
	case "xrp", "ripple", "xrpl":
		return chainXRP, "", "", true
	case "sol", "solana", "spl":
		return chainSOL, "", "", true
	}
	return "", "", string(b), false
}

// cryptoChar quotes the character at s[i] for a reason: '0', or the byte
// in hex when s is not valid UTF-8 there.
func cryptoChar(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02x", s[i])
	}
	return fmt.Sprintf("%q", r)
}

// cryptoPosition is the 1-based character position of byte i in s, as a
// person would count it.
func cryptoPosition(s string, i int) int { return utf8.RuneCountInString(s[:i]) + 1 }
