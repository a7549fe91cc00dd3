// Package model holds the plain nouns every part of scamint shares: records
// (what arrived), entities (what is in the world), statements and relations
// (facts about entities), selectors' places in records, and the provenance
// that every fact carries.
//
// The vocabulary follows FollowTheMoney (FtM) and its statement model: an
// entity is a bag of statements, and each statement names the record it came
// from. An investigator can therefore always answer "where does this come
// from?" down to a file's SHA-256 and the line in it, as a court will ask.
//
// The package has no behaviour beyond validation and speaks no SQL. It is a
// leaf: it imports only the standard library.
package model

import (
	"encoding/json"
	"time"
)

// RecordID identifies a record. It is the id the source gave (a police
// complaint number, a list's entry id) when that is stable, else a content
// hash, so that re-ingesting the same data yields the same id and adds
// nothing.
type RecordID string

// EntityID identifies an entity. Like FtM ids it is a string chosen by the
// code that creates the entity (typically a hash of what identifies it), so
// that independent ingests of the same thing meet on the same id. A
// relation's id is an EntityID too, because a relation is also an entity.
type EntityID string

// SourceFileID identifies a source file within one store. It is a local
// number; across stores a file is known by its SHA-256.
type SourceFileID int64

// SelectorID identifies a selector within one store. It is a local number;
// across stores a selector is known by its kind and canonical value.
type SelectorID int64

// SourceFile is a file (or an API request body) that records arrived in. Its
// SHA-256 is what lets a court check that the file we hold is the file we
// were given.
type SourceFile struct {
	ID SourceFileID
	// FileName is the name the file had when it was first ingested.
	FileName string
	// SHA256 is the lower-case hex SHA-256 of the file's bytes; a file is
	// ingested once per content, whatever its name.
	SHA256    string
	SizeBytes int64
	// MediaType is the file's MIME type (text/csv, application/json), if
	// known.
	MediaType string
	// IngestedAt is when the file was first ingested, in UTC.
	IngestedAt time.Time
	// IngestedBy names the user or service account that ingested it.
	IngestedBy string
}

// Record is something that arrived: a victim report, an evidence item, a
// list entry, a transfer. Records are immutable; a correction arrives as a
// new record that supersedes the old one.
type Record struct {
	ID   RecordID
	Type RecordType
	// SourceFileID is the file the record was read from. Every record has
	// one; a record entered through the web UI has the request body as its
	// file.
	SourceFileID SourceFileID
	// Locator says where in the file the record is: a line number, a list
	// entry id, a path inside an archive.
	Locator string
	// ContentSHA256 is the hex SHA-256 of Body. The store computes it; it
	// is how a re-ingest tells "the same record again" from "a different
	// record under an id already taken".
	ContentSHA256 string
	// ReceivedAt is when the report was received by its first holder (the
	// police station), zero if unknown. It is not IngestedAt.
	ReceivedAt time.Time
	// IngestedAt is when the record entered this store, in UTC.
	IngestedAt time.Time
	// IngestedBy names the user or service account that ingested it.
	IngestedBy string
	// Supersedes is the record this one corrects, empty if none.
	Supersedes RecordID
	// Body is the record as JSON, as the ingest for its format mapped it.
	Body json.RawMessage
}

// Provenance says where a fact comes from: the record that states it, the
// place of that record in its source file, the file's name and SHA-256, and
// when and by whom the record was ingested.
//
// When a statement, relation or mention is written, only RecordID is read:
// the rest follows from the record, so it cannot disagree with it. Reads
// fill in every field.
type Provenance struct {
	RecordID         RecordID
	RecordType       RecordType
	Locator          string
	SourceFileID     SourceFileID
	SourceFileName   string
	SourceFileSHA256 string
	IngestedAt       time.Time
	IngestedBy       string
}

// Entity is something in the world: a person, a company, a wallet, a phone,
// a scam compound. What we know about it is its statements, each with its
// own provenance; Caption is only the label to show.
type Entity struct {
	ID     EntityID
	Schema Schema
	// Caption is the label to show a person, typically the best name.
	Caption string
	// FirstSeen and LastSeen bound when records about the entity were
	// ingested, in UTC.
	FirstSeen time.Time
	LastSeen  time.Time
	// Statements are the facts about the entity, filled by reads.
	Statements []Statement
}

// Statement is one fact: entity Property has Value, according to the record
// named in Provenance. Two records stating the same fact make two
// statements, so that each source stays visible.
type Statement struct {
	EntityID   EntityID
	Property   Property
	Value      string
	Provenance Provenance
}

// Relation is a typed link between entities for a period, according to one
// record: an Ownership, a Payment, a Sanction. A relation is an entity too
// (with the same ID and Schema), so facts about it beyond these fields, such
// as a payment's amount or a sanction's programme, are statements about that
// entity.
type Relation struct {
	ID     EntityID
	Schema Schema
	// Source is the entity at FtM's first end (Ownership's owner, Payment's
	// payer, Sanction's sanctioned entity).
	Source EntityID
	// Target is the entity at FtM's second end (Ownership's asset), empty
	// for a schema that has none (Sanction, Identification).
	Target EntityID
	// Role is the nature of the link as the source put it ("director",
	// "brother", "uses"). It maps to FtM's role, relationship (Family,
	// Associate) or purpose (Payment).
	Role string
	// StartDate and EndDate are ISO 8601 dates, possibly partial ("2023",
	// "2023-10"), empty if unknown. A Payment's date is its StartDate.
	StartDate  string
	EndDate    string
	Provenance Provenance
}

// Mention is one place where a record mentions a selector: which field, and
// whether the victim filled the field in or the selector was extracted from
// free text. Extracted mentions are weaker evidence: extraction can misread.
type Mention struct {
	SelectorID SelectorID
	// Field names the record field, as a dotted path ("payments.to_wallet",
	// "narrative").
	Field string
	// Extracted is true when the selector was found by extraction from free
	// text rather than given in a field meant for it.
	Extracted bool
	// Start and End are the byte offsets of the selector's text within the
	// field's value; a whole field is [0, len(value)).
	Start int
	End   int
	// Provenance.RecordID is the mentioning record.
	Provenance Provenance
}
