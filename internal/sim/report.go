package sim

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/scamint/scamint/internal/model"
)

// day is one date of the world's calendar.
type day struct {
	iso              string // 2025-03-04
	year, month, dom int
}

func calendar() []day {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	days := make([]day, numDays)
	for i := range days {
		t := start.AddDate(0, 0, i)
		days[i] = day{iso: t.Format(time.DateOnly), year: t.Year(), month: int(t.Month()), dom: t.Day()}
	}
	return days
}

// sampler draws networks for reports without replacement, so that each
// network ends with exactly its size: a Fenwick tree of the reports each
// has left.
type sampler struct {
	tree  []int64 // 1-based
	total int64
	top   int // highest power of two ≤ len(tree)-1
}

func newSampler(sizes []int) *sampler {
	s := &sampler{tree: make([]int64, len(sizes)+1)}
	for i, v := range sizes {
		s.tree[i+1] += int64(v)
		s.total += int64(v)
		if j := i + 1 + (i+1)&-(i+1); j < len(s.tree) {
			s.tree[j] += s.tree[i+1]
		}
	}
	s.top = 1
	for s.top*2 < len(s.tree) {
		s.top *= 2
	}
	return s
}

// draw returns a network index with probability proportional to the
// reports it has left, and takes one of them.
func (s *sampler) draw(r *rand.Rand) int {
	x := r.Int64N(s.total)
	pos := 0
	for step := s.top; step > 0; step >>= 1 {
		if next := pos + step; next < len(s.tree) && s.tree[next] <= x {
			pos = next
			x -= s.tree[next]
		}
	}
	for i := pos + 1; i < len(s.tree); i += i & -i {
		s.tree[i]--
	}
	s.total--
	return pos
}

// gen makes the reports of a world one at a time, reusing one
// model.Report and its slices.
type gen struct {
	w      *World
	r      *rand.Rand
	s      *sampler
	seen   []int32  // reports made per network
	agency [][3]int // ids issued per country and year (2024–2026)
	index  int      // the report's number, from 0
	victim []int    // victims per country
	vseq   int      // the current victim's number in its country
	rep    model.Report
	pool   []int // scratch: eligible item indices
	chosen []int
	nb     []byte // narrative
	more   []byte // its sentences naming selectors
	pays   []pay
}

// pay is a payment before it is written.
type pay struct {
	day      int
	method   string
	currency string
	amount   float64
	chain    int
	to       int // item index, or -1
}

func newGen(w *World) *gen {
	sizes := make([]int, len(w.networks))
	for i, n := range w.networks {
		sizes[i] = n.size
	}
	return &gen{
		w:      w,
		r:      rand.New(rand.NewPCG(w.cfg.Seed, streamReports)),
		s:      newSampler(sizes),
		seen:   make([]int32, len(w.networks)),
		agency: make([][3]int, len(countries)),
		victim: make([]int, len(countries)),
	}
}

// next makes the next report in g.rep and returns its network.
func (g *gen) next() *network {
	r := g.r
	ni := g.s.draw(r)
	n := &g.w.networks[ni]
	first := g.seen[ni] == 0
	g.seen[ni]++
	forceShared := first && n.shared >= 0

	ci := n.market
	if !forceShared && !chance(r, 0.85) {
		ci = pickCountry(r)
	}
	c := &countries[ci]
	rep := &g.rep
	rep.ScamType = n.scam
	if !chance(r, 0.75) {
		rep.ScamType = pick(r, scamWeights)
	}
	rep.Channel = pick(r, channelWeights)
	g.victimFields(ci)

	// The network's selectors this victim names: any but mule accounts
	// of another country, which the victim's region would misread.
	g.pool = g.pool[:0]
	for j := range n.items {
		if n.items[j].field != fBank || n.items[j].region == c.code {
			g.pool = append(g.pool, j)
		}
	}
	k := min(pick(r, selectorCounts), len(g.pool))
	for j := 0; j < k; j++ {
		x := j + r.IntN(len(g.pool)-j)
		g.pool[j], g.pool[x] = g.pool[x], g.pool[j]
	}
	if forceShared {
		for j := k; j < len(g.pool); j++ {
			if g.pool[j] == n.shared {
				g.pool[0], g.pool[j] = g.pool[j], g.pool[0]
			}
		}
	}
	g.chosen = append(g.chosen[:0], g.pool[:k]...)
	ct := &rep.Contacts
	ct.Phones, ct.Messengers, ct.Emails = ct.Phones[:0], ct.Messengers[:0], ct.Emails[:0]
	ct.Wallets, ct.BankAccounts, ct.URLs = ct.Wallets[:0], ct.BankAccounts[:0], ct.URLs[:0]
	for _, j := range g.chosen {
		g.add(&n.items[j], c.code)
	}
	if chance(r, 0.03) {
		g.add(&g.w.hubs[r.IntN(len(g.w.hubs))], c.code)
	}

	last := g.payments(n, c)
	recv := min(last+r.IntN(61), numDays-1)
	rep.Received = g.w.days[recv].iso
	if chance(r, 0.1) {
		rep.Received += "T" + twoDigits(8+r.IntN(11)) + ":" + twoDigits(r.IntN(60)) + ":" + twoDigits(r.IntN(60))
		if c.code == "KR" && chance(r, 0.5) {
			rep.Received += "+09:00"
		} else {
			rep.Received += "Z"
		}
	}
	rep.ID = ""
	if !chance(r, 0.1) {
		rep.ID = g.reportID(ci, g.w.days[recv].year)
	}

	rep.Platform = model.ReportPlatform{}
	pPlatform := 0.9
	switch rep.ScamType {
	case model.Romance:
		pPlatform = 0.6
	case model.VoicePhishing, model.Sextortion:
		pPlatform = 0.1
	}
	if chance(r, pPlatform) {
		rep.Platform.Name = n.platform
		if chance(r, 0.7) {
			rep.Platform.URL = g.render(&n.items[0], c.code, true)
		}
		if chance(r, 0.5) {
			rep.Platform.App = n.app
		}
	}
	rep.Narrative = g.narrative(n, c)
	g.index++
	return n
}

// add writes a selector into the report's field for it.
func (g *gen) add(it *item, region string) {
	ct := &g.rep.Contacts
	v := g.render(it, region, true)
	switch it.field {
	case fPhone:
		ct.Phones = append(ct.Phones, v)
	case fMessenger:
		ct.Messengers = append(ct.Messengers, v)
	case fEmail:
		ct.Emails = append(ct.Emails, v)
	case fWallet:
		ct.Wallets = append(ct.Wallets, v)
	case fBank:
		ct.BankAccounts = append(ct.BankAccounts, v)
	case fURL:
		ct.URLs = append(ct.URLs, v)
	}
}

var (
	utmSources = []string{"kakao", "ig", "fb", "tg", "line", "sms", "naver", "google"}
	utmMedia   = []string{"social", "chat", "cpc", "referral", "dm"}
)

// render writes a selector as a victim in region would. noisy adds the
// defanging, tracking parameters, case changes and full-width digits of
// real reports; narratives mention selectors without them.
func (g *gen) render(it *item, region string, noisy bool) string {
	r := g.r
	switch it.field {
	case fPhone:
		var s string
		switch x := r.IntN(100); {
		case it.region == region && x < 60:
			s = it.local[0]
			if x < 12 {
				s = it.local[1]
			}
		case x < 70:
			s = it.forms[0]
		case x < 85:
			s = it.forms[1]
		case x < 92 || len(it.forms) < 4:
			s = it.forms[2]
		default:
			s = it.forms[3]
		}
		if noisy && chance(r, 0.03) {
			s = fullWidth(s)
		}
		return s
	case fMessenger:
		if it.sub == msgTelegram {
			return it.forms[pick(r, telegramForms)]
		}
		return one(r, it.forms)
	case fEmail:
		s := it.forms[0]
		if noisy {
			switch x := r.IntN(100); {
			case x < 8:
				s = defang(strings.Replace(s, "@", "[at]", 1))
			case x < 12:
				local, domain, _ := strings.Cut(s, "@")
				s = local + "@" + strings.ToUpper(domain)
			}
		}
		return s
	case fWallet:
		switch {
		case it.sub == chainEVM && chance(r, 0.45):
			return it.forms[1]
		case it.sub == chainBTC && noisy && chance(r, 0.03):
			return strings.ToUpper(it.forms[0])
		}
		return it.forms[0]
	case fBank:
		return one(r, it.forms)
	}
	return g.renderURL(it, noisy)
}

// telegramForms weight the ways a handle is written: item.forms of a
// Telegram account, by index.
var telegramForms = []weighted[int]{{0, 35}, {1, 18}, {2, 15}, {3, 15}, {4, 14}, {5, 3}}

func (g *gen) renderURL(it *item, noisy bool) string {
	r := g.r
	hp := one(r, it.forms)
	host, path, _ := strings.Cut(hp, "/")
	path = "/" + path
	if path == "/" && chance(r, 0.5) {
		path = ""
	}
	scheme := "https://"
	switch x := r.IntN(100); {
	case x < 10:
		scheme = "http://"
	case x < 30:
		scheme = ""
	}
	if !noisy {
		return scheme + host + path
	}
	if chance(r, 0.04) {
		host = strings.ToUpper(host)
	}
	if chance(r, 0.15) && !strings.Contains(path, "#") {
		if path == "" {
			path = "/"
		}
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "utm_source=" + one(r, utmSources) + "&utm_medium=" + one(r, utmMedia)
		if chance(r, 0.3) {
			path += "&utm_campaign=" + strconv.Itoa(2024+r.IntN(3)) + "q" + strconv.Itoa(1+r.IntN(4))
		}
	}
	if chance(r, 0.1) {
		// Defanged by an analyst: hxxps and [.] in the host.
		if scheme != "" {
			scheme = "hxxp" + strings.TrimPrefix(scheme, "http")
		}
		return scheme + defang(host) + path
	}
	return scheme + host + path
}

// defang writes the dots of a host or address as [.].
func defang(s string) string { return strings.ReplaceAll(s, ".", "[.]") }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// reportID issues the next id of the agency of country ci.
func (g *gen) reportID(ci, year int) string {
	g.agency[ci][year-2024]++
	seq := g.agency[ci][year-2024]
	c := &countries[ci]
	y := strconv.Itoa(year)
	switch c.code {
	case "KR":
		return c.agency + "-" + y + "-" + pad(seq, 7)
	case "US":
		return c.agency + "-" + y + "-" + pad(seq, 8)
	case "GB":
		return c.agency + "-NFRC" + y[2:] + pad(seq, 8)
	}
	return c.agency + "-" + y + "-" + pad(seq, 6)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// scramble maps a sequence number to a number below limit (a power of
// ten) that looks random; it is one-to-one for seq < limit, which keeps
// victims' numbers distinct.
func scramble(seq, limit int) int { return (seq*982_451_653 + 271_828_182) % limit }

// victimFields fills in the victim: a name of the country and a contact,
// a phone number or e-mail address no scammer selector can equal.
func (g *gen) victimFields(ci int) {
	r := g.r
	c := &countries[ci]
	sur, giv := one(r, c.surnames), one(r, c.given)
	v := &g.rep.Victim
	v.Country = c.code
	switch c.code {
	case "KR":
		v.Name = sur.text + giv.text
	case "JP", "VN", "KH", "SG":
		v.Name = sur.text + " " + giv.text
	default:
		v.Name = giv.text + " " + sur.text
	}
	seq := g.victim[ci]
	g.victim[ci]++
	g.vseq = seq
	free := strings.Count(c.victimPhone, "#")
	limit := int(math.Pow10(free))
	if seq < limit && chance(r, 0.55) {
		x := scramble(seq, limit)
		b := []byte(c.victimPhone)
		for i := len(b) - 1; i >= 0; i-- {
			if b[i] == '#' {
				b[i] = byte('0' + x%10)
				x /= 10
			}
		}
		v.Contact = string(b)
		return
	}
	// Mail providers are shared across countries: the report's number
	// keeps local parts apart.
	tag := g.index + 100_000_000
	if g.index < 100_000_000 {
		tag = scramble(g.index, 100_000_000)
	}
	v.Contact = giv.ascii + "." + sur.ascii + strconv.Itoa(tag) + "@" + one(r, c.freemail)
}

// payments makes the report's payments and returns the day of the last.
func (g *gen) payments(n *network, c *country) int {
	r := g.r
	g.pays = g.pays[:0]
	np := pick(r, paymentCounts)
	d := n.start + r.IntN(n.end-n.start+1)
	// wealth scales all of a victim's payments; they grow as trust does.
	wealth := math.Exp(0.8 * r.NormFloat64())
	for j := range np {
		if j > 0 {
			d = min(d+1+r.IntN(20), numDays-1)
		}
		p := pay{day: d, to: -1}
		bank := g.pickItem(n, c.code, fBank)
		x := r.IntN(100)
		switch {
		case bank >= 0 && (g.rep.ScamType == model.VoicePhishing && x < 85 ||
			c.code == "KR" && x < 45 || x < 15):
			p.method, p.to = "bank_transfer", bank
			p.currency = "USD"
			if c.code == "KR" {
				p.currency = "KRW"
			}
		case x >= 95:
			p.method = one(r, []string{"card", "gift_card", "cash"})
			p.currency = "USD"
			if c.code == "KR" {
				p.currency = "KRW"
			}
		default:
			p.method, p.to = "crypto", g.pickItem(n, c.code, fWallet)
			p.chain = n.items[p.to].sub
			p.currency = "USDT"
			if p.chain == chainBTC || p.chain == chainBTCLegacy {
				p.currency = "BTC"
			}
		}
		grow := wealth * (1 + 0.7*float64(j))
		switch p.currency {
		case "KRW":
			p.amount = math.Max(100_000, math.Round(3_000_000*grow/10_000)*10_000)
		case "USD":
			p.amount = math.Max(100, math.Round(4_000*grow/50)*50)
			if p.method != "cash" && chance(r, 0.2) {
				p.amount += float64(r.IntN(100)) / 100
			}
		case "USDT":
			p.amount = math.Max(50, math.Round(6_000*grow))
		case "BTC":
			p.amount = math.Max(0.001, math.Round(0.12*grow*10_000)/10_000)
		}
		g.pays = append(g.pays, p)
	}
	pays := g.rep.Payments[:0]
	for _, p := range g.pays {
		rp := model.ReportPayment{
			Date: g.w.days[p.day].iso, Method: p.method, Currency: p.currency, Amount: formatAmount(p.amount, p.currency),
		}
		if p.to >= 0 {
			rp.To = g.render(&n.items[p.to], c.code, false)
		}
		if p.method == "crypto" {
			if chance(r, 0.6) {
				rp.TxHash = txHash(r, p.chain)
			}
			if chance(r, 0.35) {
				chain := p.chain
				if chain == chainBTCLegacy {
					chain = chainBTC
				}
				rp.From = newAddress(r, chain)[0]
			}
		}
		if p.method == "bank_transfer" && c.code == "KR" && chance(r, 0.5) {
			// The victim's own account; the middle "04" is no mule
			// account's (those are 01 and 21).
			x := scramble(g.vseq, 1_000_000_000_000)
			s := pad(x, 12)
			rp.From = "국민은행 " + s[:6] + "-04-" + s[6:]
		}
		pays = append(pays, rp)
	}
	g.rep.Payments = pays
	return g.pays[len(g.pays)-1].day
}

// pickItem returns a network selector of field f usable in region,
// preferring one the report names, or -1.
func (g *gen) pickItem(n *network, region string, f field) int {
	if g.r.IntN(10) < 7 {
		for _, j := range g.chosen {
			if n.items[j].field == f {
				return j
			}
		}
	}
	cands := 0
	for _, j := range g.pool {
		if n.items[j].field == f {
			cands++
		}
	}
	if cands == 0 {
		return -1
	}
	x := g.r.IntN(cands)
	for _, j := range g.pool {
		if n.items[j].field == f {
			if x == 0 {
				return j
			}
			x--
		}
	}
	return -1
}

// formatAmount writes an amount as the report schema's decimal text.
func formatAmount(v float64, currency string) string {
	switch currency {
	case "BTC":
		return strconv.FormatFloat(v, 'f', 4, 64)
	case "USD":
		if v != math.Trunc(v) {
			return strconv.FormatFloat(v, 'f', 2, 64)
		}
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}
