package model

// Schema names the kind of an entity or relation. Where FollowTheMoney (FtM)
// has the concept we use FtM's schema name verbatim, so that FtM export is a
// mapping and not a translation; scamint's own schemas are marked as such.
// The string values are stored in the database and must never change.
type Schema string

// Entity schemas: things in the world.
const (
	// Person is a natural person: a suspect, a victim, a money mule, a
	// trafficked worker, a sanctioned individual. FtM Person.
	Person Schema = "Person"
	// Company is a registered business, such as a front company that owns a
	// compound. FtM Company.
	Company Schema = "Company"
	// Organization is a group that is not (known to be) a registered company:
	// a scam team, a criminal network, a police unit. FtM Organization.
	Organization Schema = "Organization"
	// LegalEntity is a person or organisation of unknown kind, as sanctions
	// lists and victims often name them. FtM LegalEntity, the parent of
	// Person, Company and Organization.
	LegalEntity Schema = "LegalEntity"
	// CryptoWallet is a crypto address under someone's control. FtM
	// CryptoWallet; the address is its publicKey property.
	CryptoWallet Schema = "CryptoWallet"
	// BankAccount is an account at a bank, often a mule account. FtM
	// BankAccount.
	BankAccount Schema = "BankAccount"
	// UserAccount is an account on an online service. FtM UserAccount.
	UserAccount Schema = "UserAccount"
	// MessengerAccount is scamint's word for a Telegram, WhatsApp, LINE,
	// KakaoTalk or WeChat account, the groomers' main tool. It is FtM's
	// UserAccount under the name investigators use: the stored value is
	// "UserAccount", and the service is the service property.
	MessengerAccount Schema = UserAccount
	// Phone is a telephone number as a thing in its own right (a seized SIM,
	// the number that called). scamint's own: FtM keeps phone numbers only as
	// a property of their holder.
	Phone Schema = "Phone"
	// Email is an e-mail address as a thing in its own right. scamint's own:
	// FtM keeps it only as a property.
	Email Schema = "Email"
	// Domain is an internet domain, typically a fake platform's. scamint's
	// own: FtM keeps websites only as a property.
	Domain Schema = "Domain"
	// ScamCentre is a scam compound or the location of one (a building, a
	// guarded site in a special economic zone). scamint's own.
	ScamCentre Schema = "ScamCentre"
	// Platform is a fake investment site or app that victims were moved onto.
	// scamint's own.
	Platform Schema = "Platform"
	// Case is an investigation file that entities and records belong to.
	// scamint's own.
	Case Schema = "Case"
)

// Relation schemas: FtM's interval schemas, which hold between entities for
// a period. A relation is stored as an entity too, as in FtM, so that its own
// facts (a payment's amount, a sanction's programme) carry provenance like
// any other. "A uses B" (a suspect uses a phone) is UnknownLink with role
// "uses": FtM has no narrower schema and we add none, so export stays a
// mapping.
const (
	// Ownership: owner → asset (a company owns a compound, a person a wallet).
	Ownership Schema = "Ownership"
	// Directorship: director → organization.
	Directorship Schema = "Directorship"
	// Membership: member → organization (a suspect in a scam team).
	Membership Schema = "Membership"
	// Employment: employee → employer (a worker at a compound's front company).
	Employment Schema = "Employment"
	// Associate: person → associate, for ties that are not family.
	Associate Schema = "Associate"
	// Family: person → relative.
	Family Schema = "Family"
	// UnknownLink: subject → object, any other link, its nature in role.
	UnknownLink Schema = "UnknownLink"
	// Payment: payer → beneficiary, with amount and currency (a victim's
	// transfer to a mule account).
	Payment Schema = "Payment"
	// Representation: agent → client (a lawyer or nominee acting for someone).
	Representation Schema = "Representation"
	// Sanction: a designation of one entity by an authority under a
	// programme (OFAC's Prince Group designation). It has no second entity.
	Sanction Schema = "Sanction"
	// Identification: an identity document of one holder (a passport on a
	// sanctions list, or one confiscated in a compound, itself a trafficking
	// indicator). It has no second entity.
	Identification Schema = "Identification"
)

// EntitySchemas lists the schemas of things, in a stable order.
var EntitySchemas = []Schema{Person, Company, Organization, LegalEntity, CryptoWallet,
	BankAccount, UserAccount, Phone, Email, Domain, ScamCentre, Platform, Case}

// RelationSchemas lists the schemas of relations, in a stable order.
var RelationSchemas = []Schema{Ownership, Directorship, Membership, Employment, Associate,
	Family, UnknownLink, Payment, Representation, Sanction, Identification}

// edges gives, for each relation schema, FtM's property names for the entity
// at each end. An empty target means the relation concerns one entity only.
var edges = map[Schema][2]Property{
	Ownership:      {"owner", "asset"},
	Directorship:   {"director", "organization"},
	Membership:     {"member", "organization"},
	Employment:     {"employee", "employer"},
	Associate:      {"person", "associate"},
	Family:         {"person", "relative"},
	UnknownLink:    {"subject", "object"},
	Payment:        {"payer", "beneficiary"},
	Representation: {"agent", "client"},
	Sanction:       {"entity", ""},
	Identification: {"holder", ""},
}

// ownSchemas are scamint's additions to FtM.
var ownSchemas = map[Schema]bool{Phone: true, Email: true, Domain: true,
	ScamCentre: true, Platform: true, Case: true}

// Valid reports whether s is a known entity or relation schema.
func (s Schema) Valid() bool {
	if _, ok := edges[s]; ok {
		return true
	}
	for _, e := range EntitySchemas {
		if s == e {
			return true
		}
	}
	return false
}

// IsRelation reports whether s is a relation schema.
func (s Schema) IsRelation() bool {
	_, ok := edges[s]
	return ok
}

// IsFtM reports whether s is FollowTheMoney's schema of that name, so that
// export can pass it through; scamint's own schemas need a mapping.
func (s Schema) IsFtM() bool { return s.Valid() && !ownSchemas[s] }

// Ends returns FtM's property names for a relation's source and target
// entity (Ownership: "owner", "asset"). target is empty for a relation that
// concerns one entity (Sanction, Identification); both are empty when s is
// not a relation schema.
func (s Schema) Ends() (source, target Property) {
	e := edges[s]
	return e[0], e[1]
}

// HasTarget reports whether a relation of schema s joins two entities.
func (s Schema) HasTarget() bool {
	_, target := s.Ends()
	return target != ""
}

// RecordType says what kind of thing arrived. The string values are stored
// in the database and must never change.
type RecordType string

// The record types.
const (
	// ReportRecord is a victim's complaint or report.
	ReportRecord RecordType = "report"
	// EvidenceRecord is an item of seized or collected evidence (a phone
	// extraction, a chat export, a screenshot's transcript).
	EvidenceRecord RecordType = "evidence"
	// ListEntryRecord is an entry of a sanctions or watch list.
	ListEntryRecord RecordType = "list_entry"
	// TransferRecord is a money or crypto transfer (a bank statement line,
	// an on-chain transaction).
	TransferRecord RecordType = "transfer"
)

// RecordTypes lists every record type.
var RecordTypes = []RecordType{ReportRecord, EvidenceRecord, ListEntryRecord, TransferRecord}

// Valid reports whether t is a known record type.
func (t RecordType) Valid() bool {
	for _, k := range RecordTypes {
		if t == k {
			return true
		}
	}
	return false
}
