package sim

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// field is the Contacts field a selector is written in.
type field uint8

const (
	fPhone field = iota
	fMessenger
	fEmail
	fWallet
	fBank
	fURL
)

// Messenger platforms, item.sub of a messenger.
const (
	msgTelegram = iota
	msgLine
	msgKakao
	msgWhatsApp
)

// item is one selector a network owns, with the ways it is written.
type item struct {
	field field
	// sub is the messenger platform or the wallet's chain.
	sub int
	// region is the country of a phone number or bank account.
	region string
	// forms are the ways the selector is written wherever the reader is:
	// international phone forms, link and @ forms of a handle, the
	// address of a wallet or mailbox, "bank number" forms of an account,
	// host-and-path forms of a site (render adds the scheme).
	forms []string
	// local are the national forms of a phone number, readable only in
	// its region.
	local []string
	// key is the selector's correlation key (selector.Selector.Key), for
	// a site that of its registrable domain.
	key string
}

// network is one scam-centre team and the infrastructure it reuses.
type network struct {
	id string
	// cluster is the id of the group correlation should find the network
	// in: its own id, or the lower id of the pair it shares a selector
	// with.
	cluster    string
	size       int
	market     int // index into countries
	scam       model.ScamType
	start, end int // active period, days since 2024-01-01
	platform   string
	app        string
	persona    int
	items      []item
	// shared is the index in items of the selector shared with another
	// network, or -1.
	shared int
}

// numDays is the span of the world's dates, 2024-01-01 to 2026-12-31.
const numDays = 366 + 365 + 365

// builder makes the networks, keeping every selector unique across them.
type builder struct {
	r    *rand.Rand
	used map[string]bool // selector keys taken; only ever looked up
	// examples are the national significant numbers of libphonenumber's
	// example mobile numbers, by region, and the country calling codes.
	examples map[string]string
	ccs      map[string]int
}

func newBuilder(r *rand.Rand) *builder {
	b := &builder{r: r, used: map[string]bool{}, examples: map[string]string{}, ccs: map[string]int{}}
	for _, pr := range phoneRegions {
		ex := phonenumbers.GetExampleNumberForType(pr.code, phonenumbers.MOBILE)
		b.examples[pr.code] = phonenumbers.GetNationalSignificantNumber(ex)
		b.ccs[pr.code] = int(ex.GetCountryCode())
	}
	return b
}

// networkSizes splits n reports among k networks with a log-normal,
// heavy-tailed distribution: a few networks with thousands of victims,
// many with a handful. Every network gets at least one report. The
// normal draws are clipped at 3σ so that in a small world no single
// network takes most of the reports.
func networkSizes(r *rand.Rand, n, k int) []int {
	const sigma = 1.7
	weights := make([]float64, k)
	sum := 0.0
	for i := range weights {
		weights[i] = math.Exp(sigma * max(-3, min(3, r.NormFloat64())))
		sum += weights[i]
	}
	sizes := make([]int, k)
	rest := n - k
	given := 0
	frac := make([]float64, k)
	for i, w := range weights {
		x := float64(rest) * w / sum
		sizes[i] = 1 + int(x)
		frac[i] = x - math.Floor(x)
		given += int(x)
	}
	// Hand out what flooring left over by largest remainder.
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case frac[a] > frac[b]:
			return -1
		case frac[a] < frac[b]:
			return 1
		}
		return 0
	})
	for i := 0; i < rest-given; i++ {
		sizes[order[i%k]]++
	}
	return sizes
}

// claim records key as taken and reports whether it was free.
func (b *builder) claim(key string) bool {
	if b.used[key] {
		return false
	}
	b.used[key] = true
	return true
}

// parseKey returns the correlation key of a selector the world made. A
// value the selector package rejects is a bug in the generator.
func parseKey(kind selector.Kind, v, region string) string {
	s := selector.Parse(kind, v, selector.Options{Region: region})
	if !s.Valid {
		panic(fmt.Sprintf("sim: generated %s %q (region %s) is invalid: %s", kind, v, region, s.Reason))
	}
	return s.Key()
}

func (b *builder) network(idx, size, width int) network {
	r := b.r
	n := network{
		id:     fmt.Sprintf("net-%0*d", width, idx+1),
		size:   size,
		market: pickCountry(r),
		scam:   pick(r, scamWeights),
		shared: -1,
	}
	n.cluster = n.id
	n.start = r.IntN(numDays - 60)
	n.end = min(n.start+60+int(r.ExpFloat64()*300), numDays-1)
	n.persona = r.IntN(len(personasEN))
	prefix, suffix := one(r, platformPrefixes), one(r, platformSuffixes)
	n.platform = prefix + " " + suffix
	word := strings.ReplaceAll(prefix, " ", "")
	switch r.IntN(3) {
	case 0:
		n.app = word + suffix + " Pro"
	case 1:
		n.app = n.platform + " v" + strconv.Itoa(1+r.IntN(4)) + "." + strconv.Itoa(r.IntN(10)) + "." + strconv.Itoa(r.IntN(10))
	default:
		n.app = strings.ToLower(word+suffix) + ".apk"
	}
	scale := 1 + bits.Len(uint(size))/3
	market := countries[n.market].code

	var domains []string
	for range 1 + r.IntN(1+scale/2) {
		d := b.domain(word, suffix)
		domains = append(domains, d)
		n.items = append(n.items, b.site(d))
	}
	var phones []item
	for range 1 + r.IntN(scale+1) {
		p := b.phone(pickPhoneRegion(r, market))
		phones = append(phones, p)
		n.items = append(n.items, p)
	}
	for range 1 + r.IntN(scale) {
		n.items = append(n.items, b.telegram(word, n.persona))
	}
	// KakaoTalk is how Koreans chat, LINE how Japanese and Thais do.
	pKakao, pLine := 0.05, 0.08
	switch market {
	case "KR":
		pKakao = 0.35
	case "JP", "TH":
		pLine = 0.4
	}
	if chance(r, pKakao) {
		n.items = append(n.items, b.kakao())
	}
	if chance(r, pLine) {
		n.items = append(n.items, b.line(word, n.persona))
	}
	if chance(r, 0.25) {
		n.items = append(n.items, whatsapp(phones[0]))
	}
	for range 1 + r.IntN(scale+1) {
		n.items = append(n.items, b.wallet(pickChain(r)))
	}
	for range r.IntN(3) {
		n.items = append(n.items, b.email(one(r, domains)))
	}
	banks := r.IntN(scale + 2)
	if n.scam == model.VoicePhishing {
		banks += 2
	}
	for range banks {
		n.items = append(n.items, b.bank(n.market))
	}
	return n
}

func pickCountry(r *rand.Rand) int {
	total := 0
	for _, c := range countries {
		total += c.weight
	}
	x := r.IntN(total)
	for i, c := range countries {
		if x < c.weight {
			return i
		}
		x -= c.weight
	}
	return 0
}

// pickPhoneRegion chooses where a network's number is from: Korean
// burner numbers mostly for networks working Korea.
func pickPhoneRegion(r *rand.Rand, market string) string {
	choices := make([]weighted[string], len(phoneRegions))
	for i, p := range phoneRegions {
		choices[i] = weighted[string]{p.code, p.weight}
		if p.code == "KR" && market != "KR" {
			choices[i].w = 2
		}
	}
	return pick(r, choices)
}

func pickChain(r *rand.Rand) int {
	return pick(r, []weighted[int]{{chainTron, 60}, {chainEVM, 25}, {chainBTC, 10}, {chainBTCLegacy, 5}})
}

// victimNSN returns the fixed start of victims' phone numbers in region,
// which scammers' numbers avoid.
func victimNSN(region string) string {
	for _, c := range countries {
		if c.code == region {
			return c.victimNSN
		}
	}
	return ""
}

// phone makes a new mobile number of region: libphonenumber's example
// number with all but its first two digits drawn at random until the
// number is valid and unused.
func (b *builder) phone(region string) item {
	ex, cc := b.examples[region], b.ccs[region]
	avoid := victimNSN(region)
	digits := []byte(ex)
	for try := 0; try < 100000; try++ {
		keep := 2
		if try > 100 {
			keep = 3
		}
		for i := keep; i < len(digits); i++ {
			digits[i] = byte('0' + b.r.IntN(10))
		}
		nsn := string(digits)
		if avoid != "" && strings.HasPrefix(nsn, avoid) {
			continue
		}
		num, err := phonenumbers.Parse("+"+strconv.Itoa(cc)+nsn, "")
		if err != nil || !phonenumbers.IsValidNumber(num) {
			continue
		}
		e164 := phonenumbers.Format(num, phonenumbers.E164)
		if !b.claim("phone|" + e164) {
			continue
		}
		return phoneItem(num, region)
	}
	panic("sim: cannot draw a new valid phone number for " + region)
}

// phoneItem writes a valid number in the forms people use.
func phoneItem(num *phonenumbers.PhoneNumber, region string) item {
	e164 := phonenumbers.Format(num, phonenumbers.E164)
	intl := phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	national := phonenumbers.Format(num, phonenumbers.NATIONAL)
	it := item{field: fPhone, region: region, key: "phone|" + e164}
	it.forms = []string{intl, e164, strings.NewReplacer(" ", "-").Replace(intl)}
	if strings.HasPrefix(national, "0") {
		// "+82 (0)10-1234-5678": both forms at once.
		cc, rest, _ := strings.Cut(intl, " ")
		it.forms = append(it.forms, cc+" (0)"+rest)
	}
	it.local = []string{national, digitsOnly(national)}
	return it
}

// domain makes a new registrable domain for a platform.
func (b *builder) domain(word, suffix string) string {
	w, s := strings.ToLower(word), strings.ToLower(suffix)
	var label string
	switch b.r.IntN(4) {
	case 0:
		label = w + "-" + s
	case 1:
		label = w + s
	case 2:
		label = w + "-" + one(b.r, []string{"vip", "global", "pro", "asia", "plus", "club"})
	default:
		label = w + s + strconv.Itoa(1+b.r.IntN(99))
	}
	tld := pick(b.r, tlds)
	for {
		d := label + "." + tld
		if b.claim("domain|" + d) {
			return d
		}
		label += strconv.Itoa(b.r.IntN(10))
	}
}

// site is a platform's web address: host-and-path forms on the
// registrable domain d (login., app., www. and the bare domain).
func (b *builder) site(d string) item {
	it := item{field: fURL, key: parseKey(selector.Domain, d, "")}
	invite := "/invite?code=" + strconv.Itoa(100000+b.r.IntN(900000))
	for _, h := range hostLabel {
		if h != "" && !chance(b.r, 0.5) {
			continue
		}
		for _, p := range []string{one(b.r, urlPaths), one(b.r, urlPaths)} {
			it.forms = append(it.forms, h+d+p)
		}
		if chance(b.r, 0.2) {
			it.forms = append(it.forms, h+d+invite)
		}
	}
	return it
}

// telegram makes a new public Telegram user name, in the mixed case its
// owner chose.
func (b *builder) telegram(word string, persona int) item {
	r := b.r
	first, _, _ := strings.Cut(personasEN[persona], " ")
	for {
		var h string
		tw := one(r, tgWords)
		switch r.IntN(4) {
		case 0:
			h = word + "_" + strings.ToUpper(tw[:1]) + tw[1:]
		case 1:
			h = first + "_" + tw
		case 2:
			h = strings.ToLower(word) + tw
		default:
			h = word + "_" + strings.ToUpper(tw)
		}
		if chance(r, 0.5) {
			h += strconv.Itoa(r.IntN(100))
		}
		if len(h) > 32 {
			h = strings.TrimRight(h[:32], "_")
		}
		if len(h) < 5 || !b.claim("telegram|telegram:"+strings.ToLower(h)) {
			continue
		}
		low := strings.ToLower(h)
		return item{
			field: fMessenger, sub: msgTelegram, key: "telegram|telegram:" + low,
			forms: []string{"@" + h, "@" + low, "t.me/" + h, "https://t.me/" + h, "https://t.me/" + low, "@" + strings.ToUpper(h)},
		}
	}
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// kakao makes a KakaoTalk open-chat link with a new code.
func (b *builder) kakao() item {
	for {
		code := make([]byte, 8)
		code[0] = 's'
		for i := 1; i < len(code); i++ {
			code[i] = alnum[b.r.IntN(len(alnum))]
		}
		c := string(code)
		if !b.claim("kakao|kakao:open/" + c) {
			continue
		}
		return item{
			field: fMessenger, sub: msgKakao, key: "kakao|kakao:open/" + c,
			forms: []string{"https://open.kakao.com/o/" + c, "open.kakao.com/o/" + c},
		}
	}
}

// line makes a new LINE ID, linked as line.me friend links.
func (b *builder) line(word string, persona int) item {
	first, _, _ := strings.Cut(personasEN[persona], " ")
	for {
		var id string
		if chance(b.r, 0.5) {
			id = strings.ToLower(first) + strconv.Itoa(10+b.r.IntN(990))
		} else {
			id = strings.ToLower(word)
			if len(id) > 10 {
				id = id[:10]
			}
			id += "_" + strings.ToLower(first)
		}
		if len(id) > 20 || !b.claim("line|line:"+id) {
			continue
		}
		return item{
			field: fMessenger, sub: msgLine, key: "line|line:" + id,
			forms: []string{"line.me/ti/p/~" + id, "https://line.me/ti/p/~" + id, "https://line.me/R/ti/p/~" + id},
		}
	}
}

// whatsapp is a WhatsApp account on one of the network's numbers; its key
// is the number's.
func whatsapp(p item) item {
	e164 := strings.TrimPrefix(p.key, "phone|")
	return item{
		field: fMessenger, sub: msgWhatsApp, key: p.key, region: p.region,
		forms: []string{"wa.me/" + e164[1:], "https://wa.me/" + e164[1:], "https://api.whatsapp.com/send?phone=" + e164[1:]},
	}
}

// wallet makes a new address on chain.
func (b *builder) wallet(chain int) item {
	for {
		forms := newAddress(b.r, chain)
		key := parseKey(selector.Crypto, forms[0], "")
		if !b.claim(key) {
			continue
		}
		return item{field: fWallet, sub: chain, forms: forms, key: key}
	}
}

// email makes a mailbox on a network domain.
func (b *builder) email(domain string) item {
	for {
		box := one(b.r, mailboxes)
		if chance(b.r, 0.3) {
			box += "." + one(b.r, []string{"team", "desk", "center", "online"})
		}
		addr := box + "@" + domain
		if !b.claim("email|" + addr) {
			continue
		}
		return item{field: fEmail, forms: []string{addr}, key: "email|" + addr}
	}
}

// bank makes a mule account at a bank of the country.
func (b *builder) bank(ci int) item {
	c := &countries[ci]
	for {
		bf := one(b.r, c.banks)
		number := fillDigits(b.r, bf.number)
		key := parseKey(selector.Bank, bf.names[0]+" "+number, c.code)
		if !b.claim(key) {
			continue
		}
		it := item{field: fBank, region: c.code, key: key}
		for _, nm := range bf.names {
			it.forms = append(it.forms, nm+" "+number)
		}
		if c.code == "KR" {
			it.forms = append(it.forms, bf.names[0]+" 계좌 "+number)
		}
		// Last: the digits written together, which narratives use.
		it.forms = append(it.forms, bf.names[0]+" "+digitsOnly(number))
		return it
	}
}

// hotline makes a Korean nationwide call-centre number (prefix-xxxx), the
// kind banks and exchanges print on every page.
func (b *builder) hotline(prefix string) item {
	for try := 0; try < 1000; try++ {
		num, err := phonenumbers.Parse("+82"+prefix+fillDigits(b.r, "####"), "")
		if err != nil || !phonenumbers.IsValidNumber(num) {
			continue
		}
		if !b.claim("phone|" + phonenumbers.Format(num, phonenumbers.E164)) {
			continue
		}
		return phoneItem(num, "KR")
	}
	panic("sim: no valid hotline number with prefix " + prefix)
}
