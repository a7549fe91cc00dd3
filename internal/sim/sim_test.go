package sim

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// world is a written world, decoded.
type world struct {
	w       *World
	raw     []byte
	reports []model.Report
	truth   []TruthLine // report lines only
	hubs    []Hub
	shared  []Shared
}

// writeWorld writes the world of cfg as JSON lines and decodes it.
func writeWorld(t testing.TB, cfg Config) *world {
	t.Helper()
	w := New(cfg)
	var out, truth bytes.Buffer
	if err := w.WriteJSONL(&out, &truth); err != nil {
		t.Fatalf("WriteJSONL: %v", err)
	}
	ww := &world{w: w, raw: out.Bytes()}
	sc := bufio.NewScanner(bytes.NewReader(out.Bytes()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rep model.Report
		if err := json.Unmarshal(sc.Bytes(), &rep); err != nil {
			t.Fatalf("report line %d: %v", len(ww.reports)+1, err)
		}
		ww.reports = append(ww.reports, rep)
	}
	ww.truth, ww.hubs, ww.shared = decodeTruth(t, truth.Bytes())
	return ww
}

func decodeTruth(t testing.TB, b []byte) (reports []TruthLine, hubs []Hub, shared []Shared) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	for {
		var tl TruthLine
		if err := dec.Decode(&tl); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("truth: %v", err)
		}
		switch {
		case tl.Hub != nil:
			hubs = append(hubs, *tl.Hub)
		case tl.Shared != nil:
			shared = append(shared, *tl.Shared)
		default:
			reports = append(reports, tl)
		}
	}
	return reports, hubs, shared
}

func TestDeterministic(t *testing.T) {
	write := func(seed uint64, format string) (string, string) {
		w := New(Config{Reports: 3000, Seed: seed})
		var out, truth bytes.Buffer
		var err error
		if format == "csv" {
			err = w.WriteCSV(&out, &truth)
		} else {
			err = w.WriteJSONL(&out, &truth)
		}
		if err != nil {
			t.Fatal(err)
		}
		return out.String(), truth.String()
	}
	for _, format := range []string{"jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			out1, truth1 := write(42, format)
			out2, truth2 := write(42, format)
			if out1 != out2 || truth1 != truth2 {
				t.Fatalf("seed 42 written twice differs")
			}
			out3, truth3 := write(43, format)
			if out1 == out3 || truth1 == truth3 {
				t.Fatalf("seeds 42 and 43 give the same world")
			}
		})
	}
	t.Run("same world written twice", func(t *testing.T) {
		w := New(Config{Reports: 500, Seed: 9})
		var a, b bytes.Buffer
		if err := w.WriteJSONL(&a, nil); err != nil {
			t.Fatal(err)
		}
		if err := w.WriteJSONL(&b, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("one World written twice differs")
		}
	})
}

// parseAll parses every structured selector of rep the way ingest reads
// its fields, calling f with the field name, the value and the result.
func parseAll(rep *model.Report, f func(field, value string, s selector.Selector)) {
	opts := selector.Options{Region: rep.Victim.Country}
	each := func(field string, kind selector.Kind, vs []string) {
		for _, v := range vs {
			if kind == "" {
				f(field, v, selector.Detect(v, opts))
			} else {
				f(field, v, selector.Parse(kind, v, opts))
			}
		}
	}
	c := &rep.Contacts
	each("phones", selector.Phone, c.Phones)
	each("messengers", "", c.Messengers)
	each("emails", selector.Email, c.Emails)
	each("wallets", selector.Crypto, c.Wallets)
	each("bank_accounts", selector.Bank, c.BankAccounts)
	each("urls", selector.URL, c.URLs)
	if rep.Platform.URL != "" {
		each("platform.url", selector.URL, []string{rep.Platform.URL})
	}
	for _, p := range rep.Payments {
		kind := selector.Crypto
		if p.Method == "bank_transfer" {
			kind = selector.Bank
		}
		if p.To != "" {
			each("payments.to", kind, []string{p.To})
		}
		if p.From != "" {
			each("payments.from", kind, []string{p.From})
		}
	}
}

func TestSelectorsValid(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		ww := writeWorld(t, Config{Reports: 5000, Seed: seed})
		n := 0
		for i := range ww.reports {
			rep := &ww.reports[i]
			parseAll(rep, func(field, v string, s selector.Selector) {
				n++
				if !s.Valid {
					t.Errorf("seed %d report %d %s %q (region %s): %s", seed, i+1, field, v, rep.Victim.Country, s.Reason)
				}
			})
			kind := selector.Email
			if !strings.Contains(rep.Victim.Contact, "@") {
				kind = selector.Phone
			}
			if s := selector.Parse(kind, rep.Victim.Contact, selector.Options{Region: rep.Victim.Country}); !s.Valid {
				t.Errorf("seed %d report %d victim contact %q (%s): %s", seed, i+1, rep.Victim.Contact, rep.Victim.Country, s.Reason)
			}
			if !rep.ScamType.Valid() {
				t.Errorf("report %d scam type %q", i+1, rep.ScamType)
			}
			if len(rep.Payments) == 0 || rep.Narrative == "" || rep.Received == "" || rep.Victim.Name == "" {
				t.Errorf("report %d lacks payments, narrative, date or victim: %+v", i+1, rep)
			}
		}
		if n < 5000*2 {
			t.Errorf("seed %d: only %d selectors in 5000 reports", seed, n)
		}
	}
}

func TestNetworkSizesHeavyTailed(t *testing.T) {
	if n := New(Config{Reports: 100_000, Seed: 5}).Networks(); n != 400 {
		t.Fatalf("100000 reports come from %d networks; want 400", n)
	}
	sizes := networkSizes(rand.New(rand.NewPCG(5, streamWorld)), 1_000_000, 4000)
	total := 0
	for _, s := range sizes {
		total += s
	}
	if len(sizes) != 4000 || total != 1_000_000 {
		t.Fatalf("%d networks with %d reports; want 4000 with 1000000", len(sizes), total)
	}
	slices.Sort(sizes)
	median, largest, smallest := sizes[len(sizes)/2], sizes[len(sizes)-1], sizes[0]
	top := 0
	for _, s := range sizes[len(sizes)-len(sizes)/100:] {
		top += s
	}
	t.Logf("sizes: min %d, median %d, mean %d, max %d; top 1%% hold %.1f%%",
		smallest, median, total/len(sizes), largest, 100*float64(top)/float64(total))
	switch {
	case smallest > 5:
		t.Errorf("smallest network has %d reports; want a handful", smallest)
	case largest < 5000:
		t.Errorf("largest network has %d reports; want thousands", largest)
	case median*2 > total/len(sizes):
		t.Errorf("median %d not below half the mean %d", median, total/len(sizes))
	case float64(top) < 0.15*float64(total):
		t.Errorf("top 1%% of networks hold %d of %d reports; want over 15%%", top, total)
	}
}

// TestTruth checks the truth against the reports: it covers every report,
// networks have their sizes, hubs glue many networks, every other
// selector belongs to one cluster, and narratives add nothing foreign.
func TestTruth(t *testing.T) {
	ww := writeWorld(t, Config{Reports: 20_000, Seed: 11})
	if len(ww.truth) != len(ww.reports) {
		t.Fatalf("truth has %d report lines for %d reports", len(ww.truth), len(ww.reports))
	}
	ids := map[string]bool{}
	sizes := map[string]int{}
	noID := 0
	for i, tl := range ww.truth {
		if tl.Line != i+1 {
			t.Fatalf("truth line %d says line %d; want %d", i+1, tl.Line, i+1)
		}
		if tl.ReportID != ww.reports[i].ID {
			t.Fatalf("truth line %d has id %q, report has %q", i+1, tl.ReportID, ww.reports[i].ID)
		}
		if tl.ReportID == "" {
			noID++
		} else if ids[tl.ReportID] {
			t.Fatalf("report id %q twice", tl.ReportID)
		}
		ids[tl.ReportID] = true
		sizes[tl.Network]++
		if tl.Network == "" || tl.Cluster == "" {
			t.Fatalf("truth line %d lacks network or cluster: %+v", i+1, tl)
		}
	}
	for _, n := range ww.w.networks {
		if sizes[n.id] != n.size {
			t.Errorf("network %s has %d reports; want %d", n.id, sizes[n.id], n.size)
		}
	}
	if noID < len(ww.reports)/20 || noID > len(ww.reports)/5 {
		t.Errorf("%d of %d reports have no id; want about 10%%", noID, len(ww.reports))
	}

	hubs := map[string]bool{}
	for _, h := range ww.hubs {
		hubs[string(h.Kind)+"|"+h.Value] = true
	}
	if len(hubs) != 6 {
		t.Fatalf("truth lists %d hubs: %v", len(hubs), ww.hubs)
	}
	if len(ww.shared) != 1 {
		t.Fatalf("truth lists %d shared selectors for %d networks; want 1", len(ww.shared), ww.w.Networks())
	}

	// Correlation keys per cluster and network, Related ones included.
	clusters := map[string]map[string]bool{}
	networks := map[string]map[string]bool{}
	note := func(key, cluster, network string) {
		if clusters[key] == nil {
			clusters[key], networks[key] = map[string]bool{}, map[string]bool{}
		}
		clusters[key][cluster] = true
		networks[key][network] = true
	}
	for i := range ww.reports {
		rep, tl := &ww.reports[i], ww.truth[i]
		parseAll(rep, func(field, _ string, s selector.Selector) {
			if field == "payments.from" {
				return // the victim's own
			}
			note(s.Key(), tl.Cluster, tl.Network)
			for _, rel := range s.Related() {
				note(rel.Key(), tl.Cluster, tl.Network)
			}
		})
	}
	for key := range hubs {
		if len(networks[key]) < 10 {
			t.Errorf("hub %s appears in %d networks; want many", key, len(networks[key]))
		}
	}
	for key, cs := range clusters {
		if !hubs[key] && len(cs) > 1 {
			t.Errorf("selector %s is in %d clusters; only hubs may be", key, len(cs))
		}
	}
	for _, s := range ww.shared {
		key := string(s.Kind) + "|" + s.Value
		got := slices.Sorted(func(yield func(string) bool) {
			for n := range networks[key] {
				if !yield(n) {
					return
				}
			}
		})
		if !slices.Equal(got, s.Networks) {
			t.Errorf("shared %s is in networks %v; want %v", key, got, s.Networks)
		}
	}

	// Narratives: whatever extraction finds is infrastructure of the
	// report's cluster (a site by its domain) or a hub, and sometimes it
	// is something the structured fields lack.
	infra := map[string]map[string]bool{}
	for _, n := range ww.w.networks {
		if infra[n.cluster] == nil {
			infra[n.cluster] = map[string]bool{}
		}
		for _, it := range n.items {
			infra[n.cluster][it.key] = true
		}
	}
	extra := 0
	for i := range ww.reports {
		rep, tl := &ww.reports[i], ww.truth[i]
		own := map[string]bool{}
		parseAll(rep, func(_, _ string, s selector.Selector) { own[s.Key()] = true })
		added := false
		for _, m := range selector.Extract(rep.Narrative, selector.Options{Region: rep.Victim.Country}) {
			key := m.Key()
			// A site's address in the story may differ from the fields'
			// in its path; it belongs by its host and domain.
			known := infra[tl.Cluster][key] || hubs[key]
			for _, rel := range m.Related() {
				known = known || infra[tl.Cluster][rel.Key()]
			}
			if !known {
				t.Errorf("report %d: narrative gives %s (%q), not of its cluster %s", i+1, key, m.Value, tl.Cluster)
			}
			added = added || !own[key]
		}
		if added {
			extra++
		}
	}
	if extra < len(ww.reports)/20 {
		t.Errorf("only %d of %d narratives name a selector the fields lack", extra, len(ww.reports))
	}
}

// TestNoise counts the formatting noise of real reports.
func TestNoise(t *testing.T) {
	ww := writeWorld(t, Config{Reports: 5000, Seed: 3})
	count := map[string]int{}
	for i := range ww.reports {
		rep := &ww.reports[i]
		for _, p := range rep.Contacts.Phones {
			switch {
			case strings.ContainsRune(p, '０') || strings.ContainsRune(p, '＋') || strings.ContainsRune(p, '１'):
				count["full-width phone"]++
			case strings.Contains(p, "(0)"):
				count["+CC (0) phone"]++
			case strings.HasPrefix(p, "+"):
				count["international phone"]++
			default:
				count["national phone"]++
			}
		}
		for _, u := range append(rep.Contacts.URLs, rep.Platform.URL) {
			if strings.HasPrefix(u, "hxxp") || strings.Contains(u, "[.]") {
				count["defanged URL"]++
			}
			if strings.Contains(u, "utm_") {
				count["utm URL"]++
			}
		}
		for _, e := range rep.Contacts.Emails {
			if strings.Contains(e, "[at]") {
				count["defanged e-mail"]++
			}
		}
		for _, w := range rep.Contacts.Wallets {
			if strings.HasPrefix(w, "0x") {
				if w == strings.ToLower(w) {
					count["lower-case EVM"]++
				} else {
					count["EIP-55 EVM"]++
				}
			}
		}
		for _, m := range rep.Contacts.Messengers {
			switch {
			case strings.HasPrefix(m, "@"):
				count["@handle"]++
				if m != strings.ToLower(m) {
					count["handle with capitals"]++
				}
			case strings.Contains(m, "t.me/"):
				count["t.me link"]++
			}
		}
		if rep.ID == "" {
			count["no report id"]++
		}
		if strings.Contains(rep.Narrative, "\n") {
			count["multi-line narrative"]++
		}
		if strings.ContainsAny(rep.Narrative, "습니다") {
			count["Korean narrative"]++
		} else {
			count["English narrative"]++
		}
		for _, p := range rep.Payments {
			count["currency "+p.Currency]++
		}
		count["country "+rep.Victim.Country]++
		count["scam "+string(rep.ScamType)]++
	}
	want := []string{"full-width phone", "+CC (0) phone", "international phone", "national phone",
		"defanged URL", "utm URL", "defanged e-mail", "lower-case EVM", "EIP-55 EVM", "@handle",
		"handle with capitals", "t.me link", "no report id", "multi-line narrative", "Korean narrative",
		"English narrative", "currency USD", "currency KRW", "currency USDT"}
	for _, c := range countries {
		want = append(want, "country "+c.code)
	}
	for _, s := range model.ScamTypes {
		want = append(want, "scam "+string(s))
	}
	t.Logf("noise in 5000 reports: %v", count)
	for _, k := range want {
		if count[k] < 5 {
			t.Errorf("%s: %d in 5000 reports", k, count[k])
		}
	}
	if count["country KR"] < 2000 {
		t.Errorf("%d Korean victims in 5000; want a majority", count["country KR"])
	}
}

// TestCSVMatchesJSONL reads the CSV back into reports and compares them
// with the JSON lines, and the truth's lines with where csv.Reader found
// each record.
func TestCSVMatchesJSONL(t *testing.T) {
	cfg := Config{Reports: 3000, Seed: 17}
	ww := writeWorld(t, cfg)
	var out, truth bytes.Buffer
	if err := New(cfg).WriteCSV(&out, &truth); err != nil {
		t.Fatal(err)
	}
	csvTruth, _, _ := decodeTruth(t, truth.Bytes())
	cr := csv.NewReader(&out)
	header, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(header, csvHeader) {
		t.Fatalf("header %v", header)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	list := func(rec []string, name string) []string {
		if rec[col[name]] == "" {
			return nil
		}
		return strings.Split(rec[col[name]], ";")
	}
	for i := 0; ; i++ {
		rec, err := cr.Read()
		if err == io.EOF {
			if i != len(ww.reports) {
				t.Fatalf("CSV has %d records; JSONL %d", i, len(ww.reports))
			}
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		line, _ := cr.FieldPos(0)
		if csvTruth[i].Line != line {
			t.Fatalf("record %d starts on line %d; truth says %d", i+1, line, csvTruth[i].Line)
		}
		if tl, jl := csvTruth[i], ww.truth[i]; tl.ReportID != jl.ReportID || tl.Network != jl.Network || tl.Cluster != jl.Cluster {
			t.Fatalf("record %d: CSV truth %+v, JSONL truth %+v", i+1, tl, jl)
		}
		got := model.Report{
			ID: rec[col["report_id"]], Received: rec[col["received"]], Channel: rec[col["channel"]],
			Victim:   model.Victim{Name: rec[col["victim_name"]], Contact: rec[col["victim_contact"]], Country: rec[col["victim_country"]]},
			ScamType: model.ScamType(rec[col["scam_type"]]),
			Platform: model.ReportPlatform{Name: rec[col["platform_name"]], URL: rec[col["platform_url"]], App: rec[col["platform_app"]]},
			Contacts: model.Contacts{
				Phones: list(rec, "phones"), Messengers: list(rec, "messengers"), Emails: list(rec, "emails"),
				Wallets: list(rec, "wallets"), BankAccounts: list(rec, "bank_accounts"), URLs: list(rec, "urls"),
			},
			Narrative: rec[col["narrative"]],
		}
		dates := list(rec, "payment_date")
		for j := range dates {
			cell := func(name string) string { return strings.Split(rec[col[name]], ";")[j] }
			got.Payments = append(got.Payments, model.ReportPayment{
				Date: dates[j], Method: cell("payment_method"), Amount: cell("payment_amount"), Currency: cell("payment_currency"),
				From: cell("payment_from"), To: cell("payment_to"), TxHash: cell("payment_tx_hash"),
			})
		}
		if !reflect.DeepEqual(got, ww.reports[i]) {
			t.Fatalf("record %d:\nCSV   %+v\nJSONL %+v", i+1, got, ww.reports[i])
		}
	}
}

func TestSmallWorlds(t *testing.T) {
	for _, n := range []int{1, 2, 7, 300} {
		ww := writeWorld(t, Config{Reports: n, Seed: uint64(n)})
		if len(ww.reports) != n || len(ww.truth) != n {
			t.Errorf("Reports %d: wrote %d reports, %d truth lines", n, len(ww.reports), len(ww.truth))
		}
	}
	var out bytes.Buffer
	if err := New(Config{}).WriteJSONL(&out, nil); err != nil || out.Len() != 0 {
		t.Errorf("empty world wrote %q, %v", out.String(), err)
	}
}

func TestEncoders(t *testing.T) {
	t.Run("base58 against math/big", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		for range 5000 {
			b := make([]byte, r.IntN(26))
			for j := range b {
				if r.IntN(6) > 0 {
					b[j] = byte(r.IntN(256))
				}
			}
			if got, want := base58Encode(b), bigBase58(b); got != want {
				t.Fatalf("base58Encode(%x) = %s; want %s", b, got, want)
			}
		}
	})
	t.Run("BIP-173 P2WPKH", func(t *testing.T) {
		prog, _ := hex.DecodeString("751e76e8199196d454941c45d1b3a323f1433bd6")
		if got, want := segwitV0("bc", prog), "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"; got != want {
			t.Errorf("segwitV0 = %s; want %s", got, want)
		}
	})
	t.Run("EIP-55", func(t *testing.T) {
		for _, want := range []string{
			"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
			"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
			"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
		} {
			var a [20]byte
			hex.Decode(a[:], []byte(strings.ToLower(want[2:])))
			if got, low := eip55(&a); got != want || low != strings.ToLower(want) {
				t.Errorf("eip55 = %s, %s; want %s", got, low, want)
			}
		}
	})
	t.Run("addresses parse", func(t *testing.T) {
		r := rand.New(rand.NewPCG(3, 4))
		for _, chain := range []int{chainTron, chainEVM, chainBTC, chainBTCLegacy} {
			for range 200 {
				for _, a := range newAddress(r, chain) {
					if s := selector.Parse(selector.Crypto, a, selector.Options{}); !s.Valid {
						t.Fatalf("Parse(crypto, %q): %s", a, s.Reason)
					}
				}
			}
		}
	})
}

func bigBase58(b []byte) string {
	x := new(big.Int).SetBytes(b)
	var rev []byte
	m, d := new(big.Int), big.NewInt(58)
	for x.Sign() > 0 {
		x.DivMod(x, d, m)
		rev = append(rev, base58Digits[m.Int64()])
	}
	for i := 0; i < len(b) && b[i] == 0; i++ {
		rev = append(rev, '1')
	}
	slices.Reverse(rev)
	return string(rev)
}
