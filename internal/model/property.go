package model

// Property names a fact about an entity, as stored in a Statement. The names
// are FollowTheMoney's (camelCase, as FtM writes them) so that FtM export
// copies them. The set below is what scamint uses today; it is deliberately
// open, because an FtM import or a new list may bring a property we have no
// constant for, and dropping it would lose a fact. Add a constant when code
// starts to depend on a name.
type Property string

// Properties of any entity (FtM Thing).
const (
	// PropName is a name of the entity. An entity may have several; the
	// entity's caption is the one to show.
	PropName Property = "name"
	// PropAlias is another name the entity goes by (a romanisation, a
	// nickname, a name on a fake profile).
	PropAlias Property = "alias"
	// PropCountry is an ISO 3166-1 alpha-2 country code, lower-case as in FtM.
	PropCountry Property = "country"
	// PropAddress is a postal address or a location description, as given.
	PropAddress Property = "address"
	// PropNotes is free text an investigator or a list attached.
	PropNotes Property = "notes"
	// PropSourceURL is a web page the fact was taken from.
	PropSourceURL Property = "sourceUrl"
)

// Properties of persons and legal entities (FtM Person, LegalEntity).
const (
	// PropBirthDate is an ISO 8601 date, possibly partial ("1987" or
	// "1987-12").
	PropBirthDate Property = "birthDate"
	// PropNationality is a country code, as PropCountry.
	PropNationality Property = "nationality"
	// PropEmail is an e-mail address of the entity.
	PropEmail Property = "email"
	// PropPhone is a telephone number of the entity.
	PropPhone Property = "phone"
	// PropWebsite is a URL of the entity's site (also a Platform's).
	PropWebsite Property = "website"
)

// Properties of accounts and wallets (FtM CryptoWallet, BankAccount,
// UserAccount), and of scamint's Phone, which borrows UserAccount's number.
const (
	// PropPublicKey is a CryptoWallet's address.
	PropPublicKey Property = "publicKey"
	// PropCurrency is a currency or token code (USDT, BTC, KRW); also a
	// Payment's currency.
	PropCurrency Property = "currency"
	// PropIBAN is a BankAccount's IBAN.
	PropIBAN Property = "iban"
	// PropAccountNumber is a BankAccount's number where there is no IBAN.
	PropAccountNumber Property = "accountNumber"
	// PropBankName is the name of the bank holding a BankAccount.
	PropBankName Property = "bankName"
	// PropNumber is a telephone number (of a UserAccount or Phone) or a
	// document number (of an Identification).
	PropNumber Property = "number"
	// PropUsername is a UserAccount's handle on its service.
	PropUsername Property = "username"
	// PropService is the service a UserAccount is on (telegram, whatsapp).
	PropService Property = "service"
)

// Properties of relations (FtM Interval schemas).
const (
	// PropAmount is a Payment's amount, as a decimal string.
	PropAmount Property = "amount"
	// PropPercentage is an Ownership's share.
	PropPercentage Property = "percentage"
	// PropProgram is the sanctions programme of a Sanction (SDGT, TCO).
	PropProgram Property = "program"
	// PropAuthority is the body that issued a Sanction or Identification.
	PropAuthority Property = "authority"
	// PropReason is the stated reason for a Sanction.
	PropReason Property = "reason"
)
