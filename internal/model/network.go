package model

import "sort"

// ReportFigures are the parts of a victim report that network summaries add
// up, kept beside the report's body so that summing a network reads a row,
// not a document.
type ReportFigures struct {
	// Seq is the store's number for the record.
	Seq      int64
	RecordID RecordID
	// Received is YYYY-MM-DD or RFC 3339; empty if unknown.
	Received string
	ScamType ScamType
	// VictimKey identifies the victim without naming them: a SHA-256 of
	// the victim's canonical contact, else of name and country. Victims
	// are counted once however many reports they filed.
	VictimKey     string
	VictimCountry string
	Losses        []Loss
}

// Loss is an amount lost in one currency: an exact decimal as text.
type Loss struct {
	Currency string
	Amount   string
}

// Network is a scam network as correlation found it: a connected component
// of the record–selector graph without its hubs.
type Network struct {
	ID string
	// Anchor is the smallest member record id, from which ID is derived.
	Anchor RecordID
	// Records are the members' store numbers, ascending.
	Records   []int64
	Reports   int
	Victims   int
	Selectors int
	FirstSeen string
	LastSeen  string
	// ScamTypes counts the reports of each scam type.
	ScamTypes map[ScamType]int
	// Losses sums the losses per currency, exactly.
	Losses map[string]string
	// LossUSD approximates the total in US dollars at fixed reference
	// rates, for ordering only.
	LossUSD float64
}

// Hub is a selector set aside from merging networks: too common to mean
// anything.
type Hub struct {
	SelectorID SelectorID
	// Degree is the number of records that mention it.
	Degree int
	// Networks is the number of networks its records fall in.
	Networks int
	Reason   string
}

// SortedScamTypes returns the scam types of counts, most frequent first
// (ties by name), the order in which summaries list them.
func SortedScamTypes(counts map[ScamType]int) []ScamType {
	types := make([]ScamType, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		a, b := types[i], types[j]
		return counts[a] > counts[b] || counts[a] == counts[b] && a < b
	})
	return types
}
