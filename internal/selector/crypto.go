package selector

// parseCrypto is being written; see the crypto brief.
func parseCrypto(in string, opts Options) Selector {
	return invalid(Crypto, "crypto addresses not yet supported")
}
