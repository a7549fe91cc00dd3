package model

// Report is a victim's complaint as scamint reads it from CSV, JSON or JSON
// lines (docs/reports.md documents the format). It is the body of a record
// of type report. Its selectors (the scammers' phones, handles, wallets, …)
// are kept here as written; ingest canonicalises them into mentions.
//
// Victim fields are personal data: they are stored with the record, shown
// only to those allowed to read it, and never logged or put in an error
// message.
type Report struct {
	// ID is the id the reporting agency gave the complaint; empty means
	// the record id is a hash of the report's content.
	ID string `json:"report_id,omitempty"`
	// Received is the date (YYYY-MM-DD) or time (RFC 3339) the complaint
	// was received.
	Received string `json:"received,omitempty"`
	// Channel is how it arrived: police_station, online, hotline, bank,
	// exchange, referral, …
	Channel  string          `json:"channel,omitempty"`
	Victim   Victim          `json:"victim,omitzero"`
	ScamType ScamType        `json:"scam_type,omitempty"`
	Payments []ReportPayment `json:"payments,omitempty"`
	Platform ReportPlatform  `json:"platform,omitzero"`
	// Contacts are the scammers' selectors as the victim gave them.
	Contacts Contacts `json:"contacts,omitzero"`
	// Narrative is the victim's account in their words; selectors found in
	// it are kept as extracted, weaker than the fields above.
	Narrative string `json:"narrative,omitempty"`
}

// Victim is who reported. All of it is personal data.
type Victim struct {
	Name    string `json:"name,omitempty"`
	Contact string `json:"contact,omitempty"`
	// Country is an ISO 3166-1 alpha-2 code; it is also the region in
	// which national-format phone numbers and bank accounts of the report
	// are read.
	Country string `json:"country,omitempty"`
}

// ScamType classifies a complaint.
type ScamType string

// The scam types of the report schema.
const (
	PigButchering ScamType = "pig_butchering"
	Romance       ScamType = "romance"
	Investment    ScamType = "investment"
	VoicePhishing ScamType = "voice_phishing"
	JobScam       ScamType = "job_scam"
	Sextortion    ScamType = "sextortion"
	OtherScam     ScamType = "other"
)

// ScamTypes lists the valid scam types.
var ScamTypes = []ScamType{PigButchering, Romance, Investment, VoicePhishing, JobScam, Sextortion, OtherScam}

// Valid reports whether t is one of ScamTypes.
func (t ScamType) Valid() bool {
	for _, v := range ScamTypes {
		if t == v {
			return true
		}
	}
	return false
}

// ReportPayment is one transfer of the victim's money.
type ReportPayment struct {
	// Date is YYYY-MM-DD or RFC 3339.
	Date string `json:"date,omitempty"`
	// Method: bank_transfer, crypto, card, cash, gift_card, other.
	Method string `json:"method,omitempty"`
	// Amount is a decimal number as text ("3000000", "12500.50"), kept
	// as text so that no precision is lost on the way.
	Amount string `json:"amount,omitempty"`
	// Currency is an ISO 4217 code or a token symbol (USD, KRW, USDT, BTC).
	Currency string `json:"currency,omitempty"`
	// From is the victim's account or wallet; To is where the money went.
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	TxHash string `json:"tx_hash,omitempty"`
}

// ReportPlatform is the fake investment site or app the victim was moved onto.
type ReportPlatform struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
	App  string `json:"app,omitempty"`
}

// Contacts are the scammers' selectors, by kind, as the victim wrote them.
// Messengers holds handles and links of any messenger or social network
// (@name, t.me/name, line.me/…, wa.me/…).
type Contacts struct {
	Phones       []string `json:"phones,omitempty"`
	Messengers   []string `json:"messengers,omitempty"`
	Emails       []string `json:"emails,omitempty"`
	Wallets      []string `json:"wallets,omitempty"`
	BankAccounts []string `json:"bank_accounts,omitempty"`
	URLs         []string `json:"urls,omitempty"`
}
