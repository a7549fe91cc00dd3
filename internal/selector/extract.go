package selector

// Match is a selector found in free text, with the byte offsets of the text
// it was read from: text[Start:End] == Value.
type Match struct {
	Selector
	// Value is the text as it stood, defanged forms included.
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Extract finds every selector in text.
func Extract(text string, opts Options) []Match {
	return nil
}
