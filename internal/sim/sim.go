// Package sim generates a synthetic world of victim reports about
// scam-centre fraud, deterministic for a seed, with the truth about it, so
// that ingest, correlation and their benchmarks can be run and scored at any
// scale. Every person, number, account, address and site in it is invented.
//
// # The world
//
// Reports come from scam-centre networks, about one per 250 reports, whose
// sizes are heavy-tailed (log-normal): a few networks have thousands of
// victims, many have a handful. Each network reuses its own infrastructure
// across its victims: burner phones (Cambodia, Myanmar, Thailand, Vietnam,
// China, Korea), Telegram handles and sometimes KakaoTalk, LINE or WhatsApp
// accounts, wallets (Tron, Ethereum, Bitcoin; checksum-valid), the domains
// of a fake platform with its login., app. and www. hosts, mailboxes there,
// and mule bank accounts in the country of the victims it works (its
// market). A report names 1 to 6 of its network's selectors, written with
// the noise of real reports: national and international phone formats,
// full-width digits, defanged and tracking-tagged URLs, EIP-55 and
// lower-case Ethereum addresses, @name and t.me links in varying case.
// Narratives, in Korean for Korean victims and in English otherwise, carry
// typos, mention some selectors again and sometimes one the structured
// fields lack. Victims' own contacts, accounts and wallets are in a
// namespace of their own: they never equal a scammer's selector.
//
// Every selector a report carries is valid under selector.Parse with the
// victim's country as region: national phone formats and bank accounts
// appear only in reports from their own country.
//
// # Hubs
//
// A few decoy selectors appear in about 3% of reports, across networks,
// and mean nothing: two Korean call-centre numbers (a bank's and an
// exchange's), two exchange hot wallets and a victim-support mailbox (with
// its domain). Correlation must not let them glue networks together.
//
// # Shared infrastructure
//
// About 1% of networks share one selector, a mule account or a wallet,
// with exactly one other network (pairs never overlap). The truth keeps
// both networks and says so: each report line names its network and its
// cluster, the lower id of the pair for both networks of a pair and the
// network's own id otherwise, and one "shared" line names the selector and
// the two networks. The shared selector is in the first report of each
// network of the pair, so a correlation that links through it is right to
// merge the two; clusters are what it should find.
//
// # Outputs
//
// Reports are written as JSON lines (one model.Report per line, by
// encoding/json) or as CSV with the report schema's columns:
//
//	report_id, received, channel, victim_name, victim_contact, victim_country,
//	scam_type, payment_date, payment_method, payment_amount, payment_currency,
//	payment_from, payment_to, payment_tx_hash, platform_name, platform_url,
//	platform_app, phones, messengers, emails, wallets, bank_accounts, urls,
//	narrative
//
// Multi-valued cells are ';'-separated; the payment_* cells hold one entry
// per payment, aligned by position (an absent value is an empty entry).
// Narratives may span lines. The truth file is JSON lines: first one line
// per hub, then one per shared selector, then one per report in output
// order:
//
//	{"hub":{"kind":"phone","value":"+8215881234"}}
//	{"shared":{"kind":"bank","value":"KR:shinhan:110123456789","networks":["net-0012","net-0345"]}}
//	{"report_id":"KNPA-2025-0012345","line":2,"network":"net-0012","cluster":"net-0012"}
//	{"line":3,"network":"net-0345","cluster":"net-0012"}
//
// Kinds and values are selector kinds and canonical values. line is the
// 1-based line of the output file on which the report starts (in CSV the
// header is line 1, and a narrative with line breaks spans several lines);
// report_id is absent for the one report in ten that has no agency id, for
// which ingest keys the record by a content hash. TruthLine decodes every
// form.
//
// The same Config gives byte-identical output; another seed gives another
// world. Reports are streamed: memory does not grow with their number.
package sim

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// Config sizes and seeds a world.
type Config struct {
	// Reports is the number of victim reports.
	Reports int
	// Seed selects the world; the same seed gives the same world.
	Seed uint64
}

// World is a generated set of networks, ready to write its reports.
type World struct {
	cfg      Config
	networks []network
	hubs     []item
	hubTruth []Hub
	shared   []Shared
	days     []day
}

// Hub is a decoy selector: its kind and canonical value.
type Hub struct {
	Kind  selector.Kind `json:"kind"`
	Value string        `json:"value"`
}

// Shared is a selector two networks share, with their ids.
type Shared struct {
	Kind     selector.Kind `json:"kind"`
	Value    string        `json:"value"`
	Networks []string      `json:"networks"`
}

// TruthLine is one line of the truth file: a hub, a shared selector or a
// report (ReportID, Line, Network, Cluster).
type TruthLine struct {
	Hub      *Hub    `json:"hub,omitempty"`
	Shared   *Shared `json:"shared,omitempty"`
	ReportID string  `json:"report_id,omitempty"`
	Line     int     `json:"line,omitempty"`
	Network  string  `json:"network,omitempty"`
	Cluster  string  `json:"cluster,omitempty"`
}

// Streams of the seeded generator: one builds the world, one writes its
// reports, so that both outputs of a world hold the same reports.
const (
	streamWorld   = 0x776f726c64 // "world"
	streamReports = 0x7265706f72 // "repor"
)

// New builds the world for cfg: its networks, their infrastructure and
// the hubs. Reports are made as they are written.
func New(cfg Config) *World {
	cfg.Reports = max(cfg.Reports, 0)
	r := rand.New(rand.NewPCG(cfg.Seed, streamWorld))
	b := newBuilder(r)
	w := &World{cfg: cfg, days: calendar()}
	w.makeHubs(b)
	k := 0
	if cfg.Reports > 0 {
		k = max(1, int(math.Round(float64(cfg.Reports)/250)))
	}
	width := max(4, len(strconv.Itoa(k)))
	for i, size := range networkSizes(r, cfg.Reports, k) {
		w.networks = append(w.networks, b.network(i, size, width))
	}
	w.share(r)
	return w
}

// Networks returns the number of networks.
func (w *World) Networks() int { return len(w.networks) }

// Hubs returns the decoy selectors.
func (w *World) Hubs() []Hub { return append([]Hub(nil), w.hubTruth...) }

// SharedSelectors returns the selectors shared by pairs of networks.
func (w *World) SharedSelectors() []Shared { return append([]Shared(nil), w.shared...) }

// hubEmailDomain is the victim-support mailbox's domain, itself a hub.
const hubEmailDomain = "scamvictim-support.org"

// makeHubs makes the decoy selectors: call-centre numbers, exchange hot
// wallets and a victim-support mailbox.
func (w *World) makeHubs(b *builder) {
	b.claim("domain|" + hubEmailDomain)
	w.hubs = []item{
		b.hotline("1588"), // a bank's call centre
		b.hotline("1661"), // an exchange's customer centre
		b.wallet(chainTron),
		b.wallet(chainEVM),
		{field: fEmail, forms: []string{"help@" + hubEmailDomain}, key: parseKey(selector.Email, "help@"+hubEmailDomain, "")},
	}
	for _, h := range w.hubs {
		w.hubTruth = append(w.hubTruth, hubOf(h.key))
	}
	w.hubTruth = append(w.hubTruth, hubOf(parseKey(selector.Domain, hubEmailDomain, "")))
}

func hubOf(key string) Hub {
	kind, value, _ := strings.Cut(key, "|")
	return Hub{Kind: selector.Kind(kind), Value: value}
}

// share makes about 1% of networks share one selector with one other
// network: a mule account when both work the same market, else a wallet.
func (w *World) share(r *rand.Rand) {
	k := len(w.networks)
	pairs := int(math.Round(float64(k) * 0.01 / 2))
	if pairs == 0 && k >= 10 {
		pairs = 1
	}
	perm := r.Perm(k)
	for p := 0; p < pairs; p++ {
		a, b := &w.networks[perm[2*p]], &w.networks[perm[2*p+1]]
		if b.id < a.id {
			a, b = b, a
		}
		src := -1
		if a.market == b.market && chance(r, 0.7) {
			src = firstOf(a.items, fBank)
		}
		if src < 0 {
			src = firstOf(a.items, fWallet)
		}
		a.shared = src
		b.items = append(b.items, a.items[src])
		b.shared = len(b.items) - 1
		a.cluster, b.cluster = a.id, a.id
		s := hubOf(a.items[src].key)
		w.shared = append(w.shared, Shared{Kind: s.Kind, Value: s.Value, Networks: []string{a.id, b.id}})
	}
}

func firstOf(items []item, f field) int {
	for i, it := range items {
		if it.field == f {
			return i
		}
	}
	return -1
}

// WriteJSONL writes the reports to out as JSON lines, one model.Report per
// line, and the truth to truth when it is not nil.
func (w *World) WriteJSONL(out, truth io.Writer) error {
	bw := bufio.NewWriterSize(out, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	line := 1
	err := w.write(truth, func(rep *model.Report) (int, error) {
		at := line
		line++
		return at, enc.Encode(rep)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// csvHeader is the CSV column list, the report schema's names.
var csvHeader = []string{
	"report_id", "received", "channel", "victim_name", "victim_contact", "victim_country", "scam_type",
	"payment_date", "payment_method", "payment_amount", "payment_currency", "payment_from", "payment_to", "payment_tx_hash",
	"platform_name", "platform_url", "platform_app",
	"phones", "messengers", "emails", "wallets", "bank_accounts", "urls", "narrative",
}

// WriteCSV writes the reports to out as CSV with a header line, and the
// truth to truth when it is not nil.
func (w *World) WriteCSV(out, truth io.Writer) error {
	bw := bufio.NewWriterSize(out, 256<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	line := 2
	rec := make([]string, len(csvHeader))
	var sb strings.Builder
	join := func(n int, f func(i int) string) string {
		sb.Reset()
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(';')
			}
			sb.WriteString(f(i))
		}
		return sb.String()
	}
	err := w.write(truth, func(rep *model.Report) (int, error) {
		p := rep.Payments
		rec = append(rec[:0], rep.ID, rep.Received, rep.Channel,
			rep.Victim.Name, rep.Victim.Contact, rep.Victim.Country, string(rep.ScamType),
			join(len(p), func(i int) string { return p[i].Date }),
			join(len(p), func(i int) string { return p[i].Method }),
			join(len(p), func(i int) string { return p[i].Amount }),
			join(len(p), func(i int) string { return p[i].Currency }),
			join(len(p), func(i int) string { return p[i].From }),
			join(len(p), func(i int) string { return p[i].To }),
			join(len(p), func(i int) string { return p[i].TxHash }),
			rep.Platform.Name, rep.Platform.URL, rep.Platform.App,
			strings.Join(rep.Contacts.Phones, ";"), strings.Join(rep.Contacts.Messengers, ";"),
			strings.Join(rep.Contacts.Emails, ";"), strings.Join(rep.Contacts.Wallets, ";"),
			strings.Join(rep.Contacts.BankAccounts, ";"), strings.Join(rep.Contacts.URLs, ";"),
			rep.Narrative)
		at := line
		line++
		for _, f := range rec {
			line += strings.Count(f, "\n")
		}
		return at, cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// write makes the reports in order, hands each to emit, which writes it
// and returns the line it starts on, and writes the truth.
func (w *World) write(truth io.Writer, emit func(*model.Report) (int, error)) error {
	var tw *bufio.Writer
	var tbuf []byte
	if truth != nil {
		tw = bufio.NewWriterSize(truth, 64<<10)
		for i := range w.hubTruth {
			if err := writeJSONLine(tw, TruthLine{Hub: &w.hubTruth[i]}); err != nil {
				return err
			}
		}
		for i := range w.shared {
			if err := writeJSONLine(tw, TruthLine{Shared: &w.shared[i]}); err != nil {
				return err
			}
		}
	}
	g := newGen(w)
	for range w.cfg.Reports {
		n := g.next()
		line, err := emit(&g.rep)
		if err != nil {
			return err
		}
		if tw == nil {
			continue
		}
		// Hand-written for speed; ids and network names are plain ASCII.
		tbuf = append(tbuf[:0], '{')
		if g.rep.ID != "" {
			tbuf = append(tbuf, `"report_id":`...)
			tbuf = strconv.AppendQuote(tbuf, g.rep.ID)
			tbuf = append(tbuf, ',')
		}
		tbuf = append(tbuf, `"line":`...)
		tbuf = strconv.AppendInt(tbuf, int64(line), 10)
		tbuf = append(tbuf, `,"network":"`...)
		tbuf = append(tbuf, n.id...)
		tbuf = append(tbuf, `","cluster":"`...)
		tbuf = append(tbuf, n.cluster...)
		tbuf = append(tbuf, "\"}\n"...)
		if _, err := tw.Write(tbuf); err != nil {
			return err
		}
	}
	if tw != nil {
		return tw.Flush()
	}
	return nil
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
