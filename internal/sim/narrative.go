package sim

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scamint/scamint/internal/model"
)

// slot is a place in a narrative template filled per report.
type slot uint8

const (
	slotText     slot = iota // literal text
	slotPersona              // the scammer's persona
	slotApp                  // where first contact happened
	slotPlatform             // the fake platform's name
	slotDate                 // the first payment's date
	slotMonth                // the month of first contact
	slotAmount               // the loss
	slotFee                  // the "tax" or "fee" demanded
	slotMore                 // sentences mentioning selectors, each with a leading space
	slotBreak                // a space, or a paragraph break
)

var slotNames = map[string]slot{
	"persona": slotPersona, "app": slotApp, "platform": slotPlatform, "date": slotDate,
	"month": slotMonth, "amount": slotAmount, "fee": slotFee, "more": slotMore, "p": slotBreak,
}

type segment struct {
	slot slot
	text string
}

// template is a narrative with its slots, compiled from "{name}" markers.
type template []segment

func compile(s string) template {
	var t template
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t = append(t, segment{text: s})
			break
		}
		if i > 0 {
			t = append(t, segment{text: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		sl, ok := slotNames[s[i+1:i+j]]
		if !ok {
			panic("sim: unknown narrative slot " + s[i:i+j+1])
		}
		t = append(t, segment{slot: sl})
		s = s[i+j+1:]
	}
	return t
}

func compileAll(ss ...string) []template {
	out := make([]template, len(ss))
	for i, s := range ss {
		out[i] = compile(s)
	}
	return out
}

// Narrative groups: scam types told the same way.
const (
	groupRomance = iota // pig butchering and romance
	groupInvestment
	groupVoice
	groupJob
	groupSextortion
	groupOther
	numGroups
)

func groupOf(t model.ScamType) int {
	switch t {
	case model.PigButchering, model.Romance:
		return groupRomance
	case model.Investment:
		return groupInvestment
	case model.VoicePhishing:
		return groupVoice
	case model.JobScam:
		return groupJob
	case model.Sextortion:
		return groupSextortion
	}
	return groupOther
}

// The narrative templates, by group, in English and Korean. They are
// read-only after package initialisation.
var (
	narrativesEN = [numGroups][]template{
		groupRomance: compileAll(
			"I met a man who called himself {persona} on {app} in {month}. After a few weeks of daily messages he said he was an investor and showed me screenshots of his profits on {platform}. He helped me open an account and I made a first deposit on {date}. The balance grew quickly, so I kept adding money.{more}{p}When I tried to withdraw, customer service asked for a {fee} tax before releasing the funds. I paid it, then they asked for more. In total I lost {amount}.",
			"It started with a wrong-number message in {month}. The sender, {persona}, apologised and we kept chatting every day. The sender said an uncle was an analyst and showed me how to trade gold contracts on {platform}. On {date} I sent my first deposit and the profits looked real.{more}{p}When I wanted to withdraw they said my account was flagged and I needed to pay a {fee} security deposit. I lost {amount} in total and I am ashamed to tell my family.",
		),
		groupInvestment: compileAll(
			"I saw an advertisement on {app} for a stock and crypto investment group. The group leader, {persona}, recommended that we trade on {platform} and promised 30% monthly returns. I deposited money starting on {date}.{more}{p}When I asked to withdraw my profit, they said I had to pay a {fee} fee first. My total loss is {amount}.",
			"In {month} I joined a 'VIP signal room' that {persona} ran on {app}. Members posted big profits from {platform}, so I registered and transferred funds on {date}. The dashboard showed my balance doubling.{more}{p}Withdrawals were blocked for an 'anti-money-laundering review' unless I paid {fee} of the balance. I lost {amount}.",
		),
		groupVoice: compileAll(
			"On {date} I received a call from someone claiming to be from the prosecutor's office. He said my bank account was linked to a money-laundering case and that I had to move my savings to a safe account for inspection.{more}{p}I transferred {amount} before I realised it was a scam.",
			"A man who said he worked for my bank's fraud team called me on {date}. He told me my card had been used abroad and that a 'security officer' would guide me. I installed the app they sent and moved my money as instructed.{more}{p}I lost {amount}.",
		),
		groupJob: compileAll(
			"In {month} I got a message on {app} offering part-time work rating products online for commission. The mentor, {persona}, moved me to {platform}, where each task required a prepaid deposit. I paid the first deposit on {date} and saw commissions, then the tasks became more expensive.{more}{p}My account was frozen until I paid a {fee} unlock fee. I lost {amount}.",
			"A recruiter called {persona} contacted me on {app} about remote work liking videos. After a few small payouts I was told to buy 'merchant tasks' on {platform}. I started paying on {date}.{more}{p}Every time I finished a set they demanded a bigger one, then a {fee} tax. I lost {amount}.",
		),
		groupSextortion: compileAll(
			"Someone named {persona} contacted me on {app} in {month} and we started video calls. Later they sent me a recording of the call and threatened to send it to my family and colleagues unless I paid.{more}{p}I paid on {date} and they demanded more. I have paid {amount} so far.",
		),
		groupOther: compileAll(
			"I was contacted on {app} by {persona} about a crypto mining pool on {platform}. I sent money on {date}.{more}{p}Since then I cannot reach anyone. I lost {amount}.",
			"{persona} offered me a loan on {app} in {month} but said I first had to pay insurance and a {fee} processing fee through {platform}. I paid on {date}.{more}{p}The loan never came. I lost {amount}.",
		),
	}
	narrativesKO = [numGroups][]template{
		groupRomance: compileAll(
			"{month}에 {app}에서 {persona}(이)라는 사람을 알게 되었습니다. 매일 연락하며 가까워졌고, 그 사람이 {platform}(이)라는 투자 플랫폼을 소개했습니다. {date}에 처음 입금했고 수익이 난 것처럼 보여서 계속 돈을 넣었습니다.{more}{p}출금하려고 하자 세금 명목으로 {fee}를 먼저 내야 한다고 했습니다. 총 피해 금액은 {amount}입니다.",
			"{month}쯤 잘못 온 문자 한 통으로 대화가 시작되었고, 상대는 자신을 {persona}(이)라고 소개했습니다. 해외에서 일한다는 그 사람은 금 선물 투자로 돈을 벌었다며 {platform} 가입을 권했습니다. {date}에 처음 송금했고 화면상으로는 수익이 계속 늘었습니다.{more}{p}출금을 신청하자 계정이 동결되었다며 보증금 {fee}를 요구했습니다. 피해액은 {amount}입니다.",
		),
		groupInvestment: compileAll(
			"{app} 광고를 보고 주식 리딩방에 들어갔습니다. {persona}(이)가 수익을 보장한다며 {platform} 앱 설치를 권유했습니다. {date}부터 여러 차례 입금했습니다.{more}{p}수익금 출금을 요청하자 수수료 {fee}를 요구하며 출금을 막았습니다. 피해액은 {amount}입니다.",
			"{month}에 {app}에서 코인 투자 리딩방 초대를 받았습니다. 방장 {persona}(이)가 {platform}에서 공동구매를 하면 세 배 수익이 난다고 했습니다. {date}에 처음 입금했습니다.{more}{p}출금하려면 자금세탁 심사 비용으로 {fee}를 내야 한다고 했습니다. 총 {amount}의 피해를 입었습니다.",
		),
		groupVoice: compileAll(
			"{date}에 검찰청 수사관이라는 사람에게서 전화가 왔습니다. 제 명의의 계좌가 범죄에 연루되었다며 안전계좌로 돈을 옮겨야 한다고 했습니다. 시키는 대로 앱을 설치하고 송금했습니다.{more}{p}나중에 확인해 보니 사기였습니다. 피해 금액은 {amount}입니다.",
			"{date}에 저금리 대출로 갈아타게 해 주겠다는 은행 직원의 전화를 받았습니다. 기존 대출을 먼저 갚아야 한다며 알려 준 계좌로 상환금을 보내라고 했습니다.{more}{p}송금 후 연락이 끊겼습니다. 피해액은 {amount}입니다.",
		),
		groupJob: compileAll(
			"{month}에 {app}(으)로 부업 제안 메시지를 받았습니다. 상품 리뷰만 하면 수당을 준다고 했고, {persona}(이)가 {platform}에서 미션을 하라고 했습니다. {date}부터 미션 금액을 선입금했습니다.{more}{p}계정이 동결되었다며 해제 비용 {fee}를 요구했습니다. 총 {amount}의 피해를 입었습니다.",
		),
		groupSextortion: compileAll(
			"{month}에 {app}에서 {persona}(이)라는 여성이 영상통화를 하자고 했습니다. 이후 녹화된 영상을 지인들에게 유포하겠다고 협박하며 돈을 요구했습니다.{more}{p}{date}에 처음 송금했고 계속 추가 금액을 요구하고 있습니다. 지금까지 보낸 돈은 {amount}입니다.",
		),
		groupOther: compileAll(
			"{app}에서 {persona}(이)라는 사람이 코인 채굴 상품을 소개했습니다. {platform}에 가입하고 {date}에 돈을 보냈습니다.{more}{p}이후 연락이 끊겼습니다. 피해 금액은 {amount}입니다.",
		),
	}
)

// mentionsEN and mentionsKO are sentences naming a selector, by field (and
// for messengers by platform, after the fields).
var (
	mentionsEN = [][]template{
		fPhone:     compileAll("They also called me from {more}.", "His phone number was {more} at the time."),
		fMessenger: compileAll("On Telegram he used {more} as his account.", "Customer service was on Telegram at {more} every day."),
		fEmail:     compileAll("Their support e-mail was {more} and they answered quickly."),
		fWallet:    compileAll("They told me to send USDT to {more} for the deposit.", "The deposit address was {more} according to the site."),
		fBank:      compileAll("They told me to transfer money to {more} as a deposit."),
		fURL:       compileAll("The trading site was {more} and looked professional.", "I registered at {more} with my e-mail."),
		fURL + 1:   compileAll("We talked on LINE at {more} every day."),
		fURL + 2:   compileAll("They added me to an open chat, {more}, with other members."),
		fURL + 3:   compileAll("He also messaged me on WhatsApp at {more} in the evenings."),
	}
	mentionsKO = [][]template{
		fPhone:     compileAll("{more} 번호로 전화가 왔습니다.", "담당자 연락처는 {more} 입니다."),
		fMessenger: compileAll("텔레그램 아이디는 {more} 였습니다.", "텔레그램 {more} 로 대화했습니다."),
		fEmail:     compileAll("고객센터 이메일은 {more} 였습니다."),
		fWallet:    compileAll("입금 주소는 {more} 였습니다.", "USDT를 {more} 로 보내라고 했습니다."),
		fBank:      compileAll("{more} 계좌로 입금하라고 했습니다."),
		fURL:       compileAll("투자 사이트 주소는 {more} 였습니다.", "{more} 에 가입했습니다."),
		fURL + 1:   compileAll("라인 {more} 으로도 연락했습니다."),
		fURL + 2:   compileAll("카카오톡 오픈채팅 {more} 에 초대받았습니다."),
		fURL + 3:   compileAll("왓츠앱 {more} 로 연락이 왔습니다."),
	}
)

// mentionIndex returns the row of mentionsEN/KO for a selector.
func mentionIndex(it *item) int {
	if it.field == fMessenger && it.sub != msgTelegram {
		return int(fURL) + it.sub
	}
	return int(it.field)
}

var monthsEN = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// typoCounts weight the number of typos in a narrative.
var typoCounts = []weighted[int]{{0, 55}, {1, 33}, {2, 12}}

// narrative tells the report's story in the victim's language, from a
// template of its scam type, with typos outside the selectors and
// sometimes a selector mentioned again or one the structured fields lack.
func (g *gen) narrative(n *network, c *country) string {
	r := g.r
	rep := &g.rep
	ko := c.ko
	var t template
	if ko {
		t = one(r, narrativesKO[groupOf(rep.ScamType)])
	} else {
		t = one(r, narrativesEN[groupOf(rep.ScamType)])
	}

	more := g.more[:0]
	mention := func(j int) {
		it := &n.items[j]
		if it.field == fBank && !c.banksKnown {
			return
		}
		var m template
		if ko {
			m = one(r, mentionsKO[mentionIndex(it)])
		} else {
			m = one(r, mentionsEN[mentionIndex(it)])
		}
		more = append(more, ' ')
		for _, seg := range m {
			if seg.slot == slotMore {
				v := g.render(it, c.code, false)
				if d := strings.IndexAny(v, "0123456789"); it.field == fBank && d >= 0 && strings.Contains(v[d:], " ") {
					// selector.Extract ends an account number at a space
					// ("Commonwealth Bank 062-160 12345678" gives
					// 062160), so the story writes the digits together.
					v = it.forms[len(it.forms)-1]
				}
				more = append(more, v...)
			} else {
				more = append(more, seg.text...)
			}
		}
	}
	if chance(r, 0.45) {
		mention(one(r, g.chosen))
	}
	if unchosen := g.pool[len(g.chosen):]; len(unchosen) > 0 && chance(r, 0.15) {
		mention(one(r, unchosen))
	}

	typo := [2]int{-1, -1}
	for i := range pick(r, typoCounts) {
		typo[i] = r.IntN(len(t))
	}
	firstPay := g.pays[0].day
	contact := max(0, firstPay-r.IntN(45))
	paragraph := chance(r, 0.15)

	b := g.nb[:0]
	for i, seg := range t {
		switch seg.slot {
		case slotText:
			if i == typo[0] || i == typo[1] {
				b = appendTypo(b, seg.text, r, ko)
			} else {
				b = append(b, seg.text...)
			}
		case slotPersona:
			if ko {
				b = append(b, personasKO[n.persona%len(personasKO)]...)
			} else {
				b = append(b, personasEN[n.persona]...)
			}
		case slotApp:
			if ko {
				b = append(b, one(r, appsKO)...)
			} else {
				b = append(b, one(r, appsEN)...)
			}
		case slotPlatform:
			b = append(b, n.platform...)
		case slotDate:
			b = g.appendDate(b, firstPay, ko)
		case slotMonth:
			d := g.w.days[contact]
			if ko {
				b = strconv.AppendInt(b, int64(d.year), 10)
				b = append(b, "년 "...)
				b = strconv.AppendInt(b, int64(d.month), 10)
				b = append(b, "월"...)
			} else {
				b = append(b, monthsEN[d.month-1]...)
				b = append(b, ' ')
				b = strconv.AppendInt(b, int64(d.year), 10)
			}
		case slotAmount:
			b = g.appendLoss(b, ko)
		case slotFee:
			b = append(b, one(r, fees)...)
		case slotMore:
			b = append(b, more...)
		case slotBreak:
			if paragraph {
				b = append(b, '\n')
			} else {
				b = append(b, ' ')
			}
		}
	}
	g.nb, g.more = b, more
	return string(b)
}

func (g *gen) appendDate(b []byte, di int, ko bool) []byte {
	d := g.w.days[di]
	if ko {
		if g.r.IntN(3) > 0 {
			b = strconv.AppendInt(b, int64(d.year), 10)
			b = append(b, "년 "...)
		}
		b = strconv.AppendInt(b, int64(d.month), 10)
		b = append(b, "월 "...)
		b = strconv.AppendInt(b, int64(d.dom), 10)
		return append(b, "일"...)
	}
	switch g.r.IntN(3) {
	case 0:
		b = append(b, monthsEN[d.month-1]...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(d.dom), 10)
		b = append(b, ", "...)
		return strconv.AppendInt(b, int64(d.year), 10)
	case 1:
		b = strconv.AppendInt(b, int64(d.dom), 10)
		b = append(b, ' ')
		b = append(b, monthsEN[d.month-1]...)
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(d.year), 10)
	}
	return append(b, d.iso...)
}

// appendLoss writes the total of the payments, per currency in order of
// first appearance.
func (g *gen) appendLoss(b []byte, ko bool) []byte {
	var seen [4]string
	ns := 0
	for _, p := range g.pays {
		dup := false
		for _, s := range seen[:ns] {
			dup = dup || s == p.currency
		}
		if dup || ns == len(seen) {
			continue
		}
		seen[ns] = p.currency
		ns++
	}
	for i, cur := range seen[:ns] {
		total := 0.0
		for _, p := range g.pays {
			if p.currency == cur {
				total += p.amount
			}
		}
		if i > 0 {
			if ko {
				b = append(b, ", "...)
			} else {
				b = append(b, " and "...)
			}
		}
		switch {
		case cur == "KRW" && ko && total >= 10_000 && math.Mod(total, 10_000) == 0 && g.r.IntN(2) == 0:
			b = append(b, "약 "...)
			b = appendThousands(b, total/10_000, 0)
			b = append(b, "만 원"...)
		case cur == "KRW" && ko:
			b = appendThousands(b, total, 0)
			b = append(b, "원"...)
		case cur == "KRW":
			b = appendThousands(b, total, 0)
			b = append(b, " won"...)
		case cur == "USD" && ko:
			b = appendThousands(b, total, decimals(total))
			b = append(b, "달러"...)
		case cur == "USD":
			b = append(b, '$')
			b = appendThousands(b, total, decimals(total))
		case cur == "BTC":
			b = strconv.AppendFloat(b, total, 'f', 4, 64)
			b = append(b, " BTC"...)
		default:
			b = appendThousands(b, total, 0)
			b = append(b, " USDT"...)
		}
	}
	return b
}

func decimals(v float64) int {
	if v != math.Trunc(v) {
		return 2
	}
	return 0
}

// appendThousands writes v with comma thousands separators.
func appendThousands(b []byte, v float64, decimals int) []byte {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	if frac != "" {
		b = append(b, '.')
		b = append(b, frac...)
	}
	return b
}

// appendTypo writes s with one typing error: in English two letters
// swapped, one dropped or one doubled; in Korean a space dropped between
// words or two syllables swapped. Only letters inside literal text are
// touched, never a selector.
func appendTypo(b []byte, s string, r *rand.Rand, ko bool) []byte {
	if len(s) < 8 {
		return append(b, s...)
	}
	start := r.IntN(len(s) - 1)
	if !ko {
		for k := 0; k < len(s)-1; k++ {
			i := (start + k) % (len(s) - 1)
			if isLower(s[i]) && isLower(s[i+1]) {
				b = append(b, s[:i]...)
				switch r.IntN(3) {
				case 0:
					b = append(b, s[i+1], s[i])
				case 1:
					b = append(b, s[i+1])
				default:
					b = append(b, s[i], s[i], s[i+1])
				}
				return append(b, s[i+2:]...)
			}
		}
		return append(b, s...)
	}
	for k := 0; k < len(s); k++ {
		i := (start + k) % len(s)
		if !hangulAt(s, i) {
			continue
		}
		// A syllable followed by a space and another syllable: drop the
		// space; by another syllable: swap the two.
		if i+3 < len(s) && s[i+3] == ' ' && hangulAt(s, i+4) {
			b = append(b, s[:i+3]...)
			return append(b, s[i+4:]...)
		}
		if hangulAt(s, i+3) {
			b = append(b, s[:i]...)
			b = append(b, s[i+3:i+6]...)
			b = append(b, s[i:i+3]...)
			return append(b, s[i+6:]...)
		}
	}
	return append(b, s...)
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// hangulAt reports whether a Hangul syllable starts at s[i].
func hangulAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return size == 3 && r >= 0xAC00 && r <= 0xD7A3
}
