package selector

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Simulated crypto addresses: checksums are valid, the keys belong to
// nobody (they are hashes of "scamint simulated …").
const (
	simBTC      = "12n8JbHEAnRGSy7iYWihHGqFQBMixwnFvX"
	simBTCP2SH  = "33G43XfH72MjYr2wMvuLKmjQ2XfdKg8JSj"
	simLTC      = "LPTX43Td5gEXc1Dt8xZunrVJ2SNjkbNdKc"
	simDOGE     = "DNaXnZVY5GS7fcx3qKpJ4CNcgefe9VevQ2"
	simTRX      = "TJqM2Km9aSaKt2RPUGGWMUscddNSnmEfK3"
	simTRX2     = "TX9CN6wtbBJWggdcYbYUTg2iW1UEDbanEz"
	simSOL      = "AkSXtRdr1B4S6aUW3DGn1Yxjq2p9KR72cPcFsTk1ZaG9"
	simEVM      = "0xd27e6fa20d42be1dfa05194132241f6be60b3377"
	simBech32   = "bc1qeth6n6ryxexvkx34wnx3nuynun4474h3j0gkhw"
	simLTC1     = "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9"
	simTaproot  = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
	simCashaddr = "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"
	simXRP      = "rGeyCsqc6vKXuyTGF39WJxmTRemoV3c97h"
	simTxHash   = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"
)

// extractTests list what Extract must find, as "kind=value" (the kind of
// the parsed selector and the text it was read from), in order.
var extractTests = []struct {
	name   string
	text   string
	region string
	want   []string
}{
	// URLs with a scheme.
	{"url https", "Go to https://prince-invest.co.kr/login now", "", []string{"url=https://prince-invest.co.kr/login"}},
	{"url http", "old link http://prince-invest.com/app?id=7", "", []string{"url=http://prince-invest.com/app?id=7"}},
	{"url full stop", "The site was https://prince-invest.com/vip.", "", []string{"url=https://prince-invest.com/vip"}},
	{"url comma", "https://a-trade.net/x, then https://b-trade.net/y", "", []string{"url=https://a-trade.net/x", "url=https://b-trade.net/y"}},
	{"url in parentheses", "(see https://prince-invest.com/login)", "", []string{"url=https://prince-invest.com/login"}},
	{"url with balanced parentheses", "wiki https://en.example.org/wiki/Scam_(fraud) page", "", []string{"url=https://en.example.org/wiki/Scam_(fraud)"}},
	{"url in angle brackets", "<https://prince-invest.com/a>", "", []string{"url=https://prince-invest.com/a"}},
	{"url in quotes", `he said "https://prince-invest.com/b" and 'https://prince-invest.com/c'`, "", []string{"url=https://prince-invest.com/b", "url=https://prince-invest.com/c"}},
	{"url hxxps defanged", "hxxps://prince-invest[.]co[.]kr/login", "", []string{"url=hxxps://prince-invest[.]co[.]kr/login"}},
	{"url hxxp (.)", "hxxp://evil(.)example(.)com/path", "", []string{"url=hxxp://evil(.)example(.)com/path"}},
	{"url [dot]", "https://evil[dot]example[dot]com/p", "", []string{"url=https://evil[dot]example[dot]com/p"}},
	{"url [:]//", "hxxps[:]//evil[.]example[.]com/login", "", []string{"url=hxxps[:]//evil[.]example[.]com/login"}},
	{"url korean adjacent", "사이트https://prince-invest.com/login에서 가입했습니다", "", []string{"url=https://prince-invest.com/login"}},
	{"url chinese adjacent", "请登录https://prince-invest.com/app。然后充值", "", []string{"url=https://prince-invest.com/app"}},
	{"url bad tld", "https://prince-invest.notatld/x", "", nil},
	{"url ip host", "panel at http://203.0.113.9:8080/admin.", "", []string{"url=http://203.0.113.9:8080/admin"}},
	{"url non-ASCII query", "https://prince-invest.com/?ref=가나다 에서", "", []string{"url=https://prince-invest.com/?ref=가나다"}},
	{"url non-ASCII path", "https://prince-invest.com/회원가입?code=AB", "", []string{"url=https://prince-invest.com/회원가입?code=AB"}},
	{"url non-ASCII path then particle", "https://prince-invest.com/회원가입?code=AB에서", "", []string{"url=https://prince-invest.com/회원가입?code=AB"}},
	{"url non-ASCII query then full stop", "链接https://prince-invest.com/?ref=推荐。然后", "", []string{"url=https://prince-invest.com/?ref=推荐"}},
	{"url host then particle", "https://prince-invest.com에서 가입", "", []string{"url=https://prince-invest.com"}},
	{"url IDN host", "https://www.프린스.kr/login", "", []string{"url=https://www.프린스.kr/login"}},
	{"url homograph host", "https://bin\u0430nce-vip.com/login", "", []string{"url=https://bin\u0430nce-vip.com/login"}},
	{"url homograph tld", "https://binance-vip.co\u043c/login", "", nil},
	{"url glued Han then url", "https://bitcoin.com和https://x.com", "", []string{"url=https://bitcoin.com", "url=https://x.com"}},
	{"url ideographic dot", "https://prince-invest。com/login", "", []string{"url=https://prince-invest。com/login"}},
	{"url hash route", "https://prince-invest.com/#/register?code=AB12", "", []string{"url=https://prince-invest.com/#/register?code=AB12"}},

	// Scheme-less domains and URLs.
	{"schemeless url", "log in at prince-invest.co.kr/login please", "", []string{"url=prince-invest.co.kr/login"}},
	{"schemeless url full stop", "Log in at prince-invest.co.kr/login.", "", []string{"url=prince-invest.co.kr/login"}},
	{"domain", "the domain prince-invest.com was new", "", []string{"domain=prince-invest.com"}},
	{"domain full stop", "It was prince-invest.com.", "", []string{"domain=prince-invest.com"}},
	{"domain comma", "prince-invest.com, golden-asia.net and x", "", []string{"domain=prince-invest.com", "domain=golden-asia.net"}},
	{"domain parentheses", "(www.prince-invest.com)", "", []string{"domain=www.prince-invest.com"}},
	{"domain quote", `"prince-invest.com"`, "", []string{"domain=prince-invest.com"}},
	{"domain defanged", "prince-invest[.]com and golden(.)asia(.)net", "", []string{"domain=prince-invest[.]com", "domain=golden(.)asia(.)net"}},
	{"domain korean adjacent", "prince-invest.co.kr에 접속", "", []string{"domain=prince-invest.co.kr"}},
	{"domain unknown tld", "prince-invest.notatld is not a domain", "", nil},
	{"domain homograph", "bin\u0430nce-vip.com and binance-vip.co\u043c", "", nil},
	{"domain homograph greek", "go to prince-invest.c\u03bfm or \u03bfkx.com now", "", nil},
	{"domain ideographic dot", "网址prince-invest。com", "", []string{"domain=prince-invest。com"}},
	{"domain ideographic dots", "www。prince-invest。com", "", []string{"domain=www。prince-invest。com"}},
	{"domain ideographic full stop ends sentence", "网址是prince-invest.com。then more", "", []string{"domain=prince-invest.com"}},
	{"schemeless url non-ASCII path", "prince-invest.com/회원가입?code=AB 입니다", "", []string{"url=prince-invest.com/회원가입?code=AB"}},
	{"file names", "see report.pdf, photo.jpg, invoice.zip, README.md, main.py and run.sh", "", nil},
	{"file path", `C:\cases\prince.com and /home/a/notes.md`, "", nil},
	{"versions and decimals", "version 1.2.3 costs 3.14 or 2.5%, v1.2.3.4 build", "", nil},
	{"title-case tld", "I met Mr.Kim and sent it.Now he is gone", "", nil},
	{"abbreviations", "e.g. i.e. a.m. p.m. U.S.A.", "", nil},

	// E-mail addresses.
	{"email", "write to support@prince-invest.com.", "", []string{"email=support@prince-invest.com"}},
	{"email plus", "prince+kr@example.com", "", []string{"email=prince+kr@example.com"}},
	{"email dotted local", "kim.minjun.sim@example.co.kr", "", []string{"email=kim.minjun.sim@example.co.kr"}},
	{"email defanged", "name[at]example[.]com", "", []string{"email=name[at]example[.]com"}},
	{"email defanged (at)", "name(at)example(dot)com", "", []string{"email=name(at)example(dot)com"}},
	{"email defanged spaced", "mail name (at) example (dot) com today", "", []string{"email=name (at) example (dot) com"}},
	{"email in angle brackets", "From: Prince Support <support@prince-invest.com>", "", []string{"email=support@prince-invest.com"}},
	{"email korean", "이메일은prince88@gmail.com입니다", "", []string{"email=prince88@gmail.com"}},
	{"email without tld", "user@localhost", "", nil},
	{"email ideographic dot", "邮箱kim＠naver。com", "", []string{"email=kim＠naver。com"}},
	{"email ideographic dot ascii at", "kim@naver。com", "", []string{"email=kim@naver。com"}},
	{"email homograph local part", "\u0430dmin@prince-invest.com", "", []string{"domain=prince-invest.com"}},
	{"email homograph tld", "kim@naver.co\u043c", "", nil},
	{"email defanged any case", "anna [At] gmail [Dot] com and anna (AT) gmail (Dot) com", "", []string{"email=anna [At] gmail [Dot] com", "email=anna (AT) gmail (Dot) com"}},

	// Phone numbers with a country code.
	{"phone kr", "call +82 10-1234-5678 now", "", []string{"phone=+82 10-1234-5678"}},
	{"phone kr trunk in parentheses", "+82 (0)10 1234 5678", "", []string{"phone=+82 (0)10 1234 5678"}},
	{"phone kh parentheses", "(+855) 12 345 678", "", []string{"phone=(+855) 12 345 678"}},
	{"phone kr country code in parentheses", "(+82) 10-1234-5678", "", []string{"phone=(+82) 10-1234-5678"}},
	{"phone th", "+66 81 234 5678", "", []string{"phone=+66 81 234 5678"}},
	{"phone vn", "+84 912 345 678", "", []string{"phone=+84 912 345 678"}},
	{"phone us", "+1 (212) 555-0142", "", []string{"phone=+1 (212) 555-0142"}},
	{"phone solid", "WhatsApp:+821012345678", "", []string{"phone=+821012345678"}},
	{"phone end of sentence", "Call me at +66 81 234 5678.", "", []string{"phone=+66 81 234 5678"}},
	{"phone in parentheses", "the agent (+84 912 345 678) said", "", []string{"phone=+84 912 345 678"}},
	{"phone list", "+82 10-1234-5678, +82 10-2345-6789", "", []string{"phone=+82 10-1234-5678", "phone=+82 10-2345-6789"}},
	{"phone korean particle", "+82 10-1234-5678로 연락", "", []string{"phone=+82 10-1234-5678"}},
	{"phone national without region", "010-1234-5678", "", nil},
	{"phone idd 001", "전화 001-82-10-1234-5678", "", []string{"phone=001-82-10-1234-5678"}},
	{"phone idd 001 region", "전화 001-82-10-1234-5678", "KR", []string{"phone=001-82-10-1234-5678"}},
	{"phone idd 0082", "call 0082 10 1234 5678", "", []string{"phone=0082 10 1234 5678"}},
	{"phone idd 0082 region", "call 0082 10 1234 5678", "KR", []string{"phone=0082 10 1234 5678"}},
	{"phone idd 00855 region", "전화 00855 12 345 678", "KR", []string{"phone=00855 12 345 678"}},
	{"phone list plus glued", "+82 10-1234-5678,+82 10-2345-6789", "", []string{"phone=+82 10-1234-5678", "phone=+82 10-2345-6789"}},

	// Phone numbers in national format, with a region.
	{"phone national kr", "연락처 010-1234-5678로 연락", "KR", []string{"phone=010-1234-5678"}},
	{"phone national kr solid", "번호 01012345678", "KR", []string{"phone=01012345678"}},
	{"phone national kr seoul", "(02) 3456-7890", "KR", []string{"phone=(02) 3456-7890"}},
	{"phone national parenthesised", "call him (010-1234-5678) today", "KR", []string{"phone=010-1234-5678"}},
	{"phone national th", "โทร 081-234-5678 ค่ะ", "TH", []string{"phone=081-234-5678"}},
	{"phone national vn", "Zalo 0912 345 678", "VN", []string{"phone=0912 345 678"}},
	{"phone national kh", "call 012 345 678", "KH", []string{"phone=012 345 678"}},
	{"phone national us", "call (212) 555-0142", "US", []string{"phone=(212) 555-0142"}},
	{"phone national cn after keyword", "联系电话13812345678", "CN", []string{"phone=13812345678"}},
	{"phone national cn bare", "编号13812345678", "CN", nil},
	{"phone then year", "010-1234-5678 2025년", "KR", []string{"phone=010-1234-5678"}},
	{"phone then parenthetical date", "상담 010-1234-5678 (2025-10-14 14:30, 3,000,000원)", "KR", []string{"phone=010-1234-5678"}},
	{"phone then parenthetical count", "+66 81 234 5678 (24) and +66 81 234 5678 (12 calls)", "", []string{"phone=+66 81 234 5678", "phone=+66 81 234 5678"}},
	{"phone then name in parentheses", "010-1234-5678(김민준, 가명)", "KR", []string{"phone=010-1234-5678"}},
	{"phone dotted", "010.1234.5678", "KR", []string{"phone=010.1234.5678"}},
	{"phone list slash", "010-1234-5678/010-2345-6789", "KR", []string{"phone=010-1234-5678", "phone=010-2345-6789"}},
	{"phone list comma", "010-1234-5678,010-2345-6789", "KR", []string{"phone=010-1234-5678", "phone=010-2345-6789"}},
	{"phone cn mobile after han", "加我13800138000", "CN", []string{"phone=13800138000"}},
	// A word that calls a number something else vetoes it only as its
	// label, and never a grouped mobile number.
	{"phone no answer", "Call me if no answer: 010-1234-5678", "KR", []string{"phone=010-1234-5678"}},
	{"phone no other number", "I have no other number than 010-1234-5678", "KR", []string{"phone=010-1234-5678"}},
	{"phone id card", "Her ID card said 010-1234-5678", "KR", []string{"phone=010-1234-5678"}},
	{"phone after transfer", "송금 후 010-1234-5678 로 전화", "KR", []string{"phone=010-1234-5678"}},
	{"phone not the account", "계좌 말고 010-1234-5678 로 연락", "KR", []string{"phone=010-1234-5678"}},
	{"phone No.", "No. 010-1234-5678", "KR", []string{"phone=010-1234-5678"}},
	{"phone No. landline", "No. 02-312-3456", "KR", nil},

	// Numbers that are not phone numbers.
	{"dates", "2025-10-14, 14/10/2025, 2025.10.14, 2025/10/14, 2025년 10월 14일, 2025年10月14日", "KR", nil},
	{"times", "at 14:30 and 14:30:00, 2025-10-14 14:30", "KR", nil},
	{"amounts", "1,000,000 KRW, $25,000.00, 50000 USDT, ₩3,000,000, 30000000원, 25 000 000 VND, 50.000.000 đ", "KR", nil},
	{"amounts plus", "+50000000 USDT", "KR", nil},
	{"order number", "Order No. 202510140001", "KR", nil},
	{"order number with zero", "Order No. 0101234567", "KR", nil},
	{"reference numbers", "Ref: 2025-00123, case 0212345678, 주문번호 01012345678", "KR", nil},
	{"transaction id", "TXID 8f3a9c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", "KR", nil},
	{"years and percentages", "in 2025 the rate was 15% and 12.5%", "KR", nil},
	{"glued digits", "ID 991012345678 and 1010-1234-5678 and 82101234567899", "KR", nil},
	{"glued to a plus number", "5+821012345678", "", nil},

	// Crypto addresses.
	{"evm", "send to " + simEVM + " today", "", []string{"crypto=" + simEVM}},
	{"evm tx hash", "tx " + simTxHash + " confirmed", "", nil},
	{"tron in sentence", "USDT(TRC20) 주소 " + simTRX + "로 보냈습니다", "", []string{"crypto=" + simTRX}},
	{"tron english", "I sent 5,000 USDT to " + simTRX + ", then to " + simTRX2 + ".", "", []string{"crypto=" + simTRX, "crypto=" + simTRX2}},
	{"btc base58", "BTC " + simBTC + " and " + simBTCP2SH, "", []string{"crypto=" + simBTC, "crypto=" + simBTCP2SH}},
	{"btc bech32", "wallet " + simBech32 + ".", "", []string{"crypto=" + simBech32}},
	{"btc taproot", simTaproot, "", []string{"crypto=" + simTaproot}},
	{"ltc and doge", simLTC + " " + simLTC1 + " " + simDOGE, "", []string{"crypto=" + simLTC, "crypto=" + simLTC1, "crypto=" + simDOGE}},
	{"cashaddr", "bitcoincash:" + simCashaddr + " and " + simCashaddr, "", []string{"crypto=bitcoincash:" + simCashaddr, "crypto=" + simCashaddr}},
	{"xrp", "XRP " + simXRP, "", []string{"crypto=" + simXRP}},
	{"bad checksum", "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggv TJqM2Km9aSaKt2RPUGGWMUscddNSnmEfK4", "", nil},
	{"base58-looking word", "Pneumonoultramicroscopic5Silicovolcano", "", nil},
	{"solana with keyword", "SOL address " + simSOL, "", []string{"crypto=" + simSOL}},
	{"solana korean keyword", "솔라나 지갑 " + simSOL + "로 입금", "", []string{"crypto=" + simSOL}},
	{"solana without keyword", "address " + simSOL, "", nil},

	// IBANs and IP addresses.
	{"iban grouped", "IBAN DE89 3704 0044 0532 0130 00.", "", []string{"iban=DE89 3704 0044 0532 0130 00"}},
	{"iban solid", "pay GB82WEST12345698765432 now", "", []string{"iban=GB82WEST12345698765432"}},
	{"iban bad check", "DE89 3704 0044 0532 0130 01", "", nil},
	{"ipv4", "from 203.0.113.45, then 198.51.100.7.", "", []string{"ip=203.0.113.45", "ip=198.51.100.7"}},
	{"ipv4 defanged", "C2 at 203.0.113[.]45", "", []string{"ip=203.0.113[.]45"}},
	{"ipv6", "v6 2001:db8::1 and 2001:0db8:0000:0000:0000:ff00:0042:8329", "", []string{"ip=2001:db8::1", "ip=2001:0db8:0000:0000:0000:ff00:0042:8329"}},
	{"ip version strings", "version 1.2.3.4, Chrome 118.0.5993.88, 10.0.19041.1, 256.1.1.1", "", nil},
	{"ip cidr", "block 203.0.113.0/24", "", nil},
	{"mac address", "00:1A:2B:3C:4D:5E", "", nil},
	{"ipv6 zone", "fe80::1%eth0", "", nil},
	{"ipv6-looking time", "at 14::30 and 9::05", "", nil},

	// Messenger and social-media links.
	{"t.me", "join t.me/prince_support.", "", []string{"telegram=t.me/prince_support"}},
	{"t.me https", "https://t.me/prince_support", "", []string{"telegram=https://t.me/prince_support"}},
	{"telegram.me", "telegram.me/prince_bot", "", []string{"telegram=telegram.me/prince_bot"}},
	{"wa.me", "chat on wa.me/821012345678 or https://wa.me/66812345678", "", []string{"phone=wa.me/821012345678", "phone=https://wa.me/66812345678"}},
	{"line.me", "add line.me/ti/p/~prince88", "", []string{"line=line.me/ti/p/~prince88"}},
	{"facebook", "https://www.facebook.com/prince.invest.sim", "", []string{"facebook=https://www.facebook.com/prince.invest.sim"}},
	{"instagram", "instagram.com/prince_fx_sim/", "", []string{"instagram=instagram.com/prince_fx_sim/"}},
	{"x and twitter", "x.com/prince_fx and twitter.com/prince_fx", "", []string{"x=x.com/prince_fx", "x=twitter.com/prince_fx"}},
	{"telegram link korean", "텔레그램 t.me/prince_support로 오세요", "", []string{"telegram=t.me/prince_support"}},
	{"whatsapp group link", "join https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv now", "", []string{"whatsapp=https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv"}},
	{"line short link", "add https://lin.ee/AbCdEfG", "", []string{"line=https://lin.ee/AbCdEfG"}},
	{"telegram subdomain link", "https://prince_vip.t.me", "", []string{"telegram=https://prince_vip.t.me"}},

	// Bare @names.
	{"handle default telegram", "contact @prince_support for VIP", "", []string{"telegram=@prince_support"}},
	{"handle telegram keyword", "Telegram: @prince_support", "", []string{"telegram=@prince_support"}},
	{"handle tg", "tg @prince_support", "", []string{"telegram=@prince_support"}},
	{"handle korean telegram", "텔레그램 @prince_support 로 연락", "", []string{"telegram=@prince_support"}},
	{"handle chinese telegram", "加飞机@prince_support", "", []string{"telegram=@prince_support"}},
	{"handle instagram", "on instagram @prince.fx.sim posted", "", []string{"instagram=@prince.fx.sim"}},
	{"handle ig korean", "인스타 @prince.fx", "", []string{"instagram=@prince.fx"}},
	{"handle twitter", "twitter @prince_fx", "", []string{"x=@prince_fx"}},
	{"handle x", "on X @prince_fx", "", []string{"x=@prince_fx"}},
	{"handle line", "LINE @prince88", "", []string{"line=@prince88"}},
	{"handle thai line", "แอดไลน์ @prince88 นะคะ", "", []string{"line=@prince88"}},
	{"handle keyword after", "@prince.fx on Instagram", "", []string{"instagram=@prince.fx"}},
	{"handle other sentence", "I met him on Instagram. Later he wrote from @prince_support", "", []string{"telegram=@prince_support"}},
	{"handle too short", "@abc", "", nil},
	{"handle signal", "Signal @prince.01", "", []string{"signal=@prince.01"}},
	{"handle half email", "name @gmail.com", "", nil},

	// IDs after a label.
	{"line id", "LINE ID: abc123", "", []string{"line=abc123"}},
	{"line id thai", "ไลน์ไอดี prince88", "", []string{"line=prince88"}},
	{"kakao korean", "카톡 아이디: prince88", "", []string{"kakao=prince88"}},
	{"kakao korean glued", "카톡ID:prince88", "", []string{"kakao=prince88"}},
	{"kakao english", "KakaoTalk ID: prince99", "", []string{"kakao=prince99"}},
	{"wechat", "WeChat: wxid_abc123def", "", []string{"wechat=wxid_abc123def"}},
	{"wechat chinese", "微信: prince_wx88", "", []string{"wechat=prince_wx88"}},
	{"wechat chinese 号", "微信号：prince_wx88", "", []string{"wechat=prince_wx88"}},
	{"wxid alone", "added wxid_abc123def yesterday", "", []string{"wechat=wxid_abc123def"}},
	{"telegram label", "Telegram: prince_support", "", []string{"telegram=prince_support"}},
	{"line label is no phone", "LINE: 081-234-5678", "TH", []string{"phone=081-234-5678"}},
	{"line not a label", "in line with policy", "", nil},
	{"line id english word", "my LINE ID then changed", "", nil},
	{"line id without colon", "LINE ID lotus_amy88", "", []string{"line=lotus_amy88"}},
	{"label then prose", "Telegram: thanks for the money", "", nil},
	{"label then prose wechat", "WeChat: please send more", "", nil},
	{"label then prose kakao", "Kakao: tomorrow ok", "", nil},
	{"label then prose line", "LINE: sorry dear", "", nil},
	{"label then prose capital", "Telegram: Hello dear", "", nil},
	{"wechat glued", "微信lihua_8888", "", []string{"wechat=lihua_8888"}},
	{"wechat glued in sentence", "加我微信lihua_8888谢谢", "", []string{"wechat=lihua_8888"}},
	{"wechat copula", "微信是lihua_8888", "", []string{"wechat=lihua_8888"}},
	{"telegram id particle", "텔레그램 아이디는 prince_kim88", "", []string{"telegram=prince_kim88"}},
	{"kakao id particle", "카톡 아이디가 prince88", "", []string{"kakao=prince88"}},
	{"kakao ID particle", "카톡ID는 prince88", "", []string{"kakao=prince88"}},
	{"wechat slang", "vx: lihua_8888, V信lihua_9999, 薇信 lihua_7777, 威信：lihua_6666", "",
		[]string{"wechat=lihua_8888", "wechat=lihua_9999", "wechat=lihua_7777", "wechat=lihua_6666"}},
	{"online is not line", "온라인prince88 온라인 prince99", "", nil},

	// Bank accounts.
	{"bank korean", "신한은행 110-123-456789로 입금", "KR", []string{"bank=신한은행 110-123-456789"}},
	{"bank english", "Shinhan Bank 110-123-456789", "", []string{"bank=Shinhan Bank 110-123-456789"}},
	{"bank account word", "국민은행 계좌 123456-01-234567", "", []string{"bank=국민은행 계좌 123456-01-234567"}},
	{"bank thai", "Kasikornbank 123-4-56789-0", "", []string{"bank=Kasikornbank 123-4-56789-0"}},
	{"bank thai no spaces", "โอนเข้าบัญชีธนาคารกสิกรไทย 123-4-56789-0 แล้ว", "", []string{"bank=ธนาคารกสิกรไทย 123-4-56789-0"}},
	{"bank chinese", "通过招商银行 6225 8802 1234 5678 转账", "", []string{"bank=招商银行 6225 8802 1234 5678"}},
	{"bank no name", "계좌 110-123-456789", "KR", nil},
	{"bank vietnamese stk", "Vietcombank STK 0071001234567", "", []string{"bank=Vietcombank STK 0071001234567"}},
	{"bank chinese card number", "工商银行卡号：6222021234567890123", "", []string{"bank=工商银行卡号：6222021234567890123"}},
	{"bank thai account number", "กสิกรไทย เลขที่บัญชี 123-4-56789-0", "", []string{"bank=กสิกรไทย เลขที่บัญชี 123-4-56789-0"}},
	{"bank account holder", "신한은행 예금주 김민준 110-123-456789", "", []string{"bank=신한은행 예금주 김민준 110-123-456789"}},
	{"bank two spaces", "Prince  Bank 12345678", "", []string{"bank=Prince  Bank 12345678"}},

	// Full-width forms, as East Asian input methods type them.
	{"full-width phone", "电话：０１０－１２３４－５６７８，谢谢", "KR", []string{"phone=０１０－１２３４－５６７８"}},
	{"full-width country code", "连系（+855）12 345 678。", "", []string{"phone=（+855）12 345 678"}},
	{"full-width plus mixed", "번호 +82 １０-１２３４-５６７８ 입니다", "", []string{"phone=+82 １０-１２３４-５６７８"}},
	{"full-width email", "邮箱ｐｒｉｎｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ。", "", []string{"email=ｐｒｉｎｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"}},
	{"full-width at", "prince＠example.com", "", []string{"email=prince＠example.com"}},
	{"full-width colon label", "微信号：ｐｒｉｎｃｅ＿ｗｘ８８", "", []string{"wechat=ｐｒｉｎｃｅ＿ｗｘ８８"}},
	{"full-width punctuation only", "他说（张先生）很好，！？", "", nil},

	// Many kinds in one text.
	{"mixed english", "He gave me https://prince-invest.com/vip, his WhatsApp +66 81 234 5678 and Telegram @prince_support. I paid 5,000 USDT to " + simTRX + " on 2025-10-14.", "",
		[]string{"url=https://prince-invest.com/vip", "phone=+66 81 234 5678", "telegram=@prince_support", "crypto=" + simTRX}},
	{"mixed korean", "김민준(가명) 씨는 텔레그램 @prince_support 에게 010-1234-5678로 연락받고 prince-invest.co.kr에 가입해 " + simTRX + "로 3,000만원을 보냈다.", "KR",
		[]string{"telegram=@prince_support", "phone=010-1234-5678", "domain=prince-invest.co.kr", "crypto=" + simTRX}},
	{"mixed chinese", "他让我下载APP，网址prince-invest.com，微信号：prince_wx88，手机+86 138 1234 5678。", "",
		[]string{"domain=prince-invest.com", "wechat=prince_wx88", "phone=+86 138 1234 5678"}},
	{"mixed thai", "เขาให้แอดไลน์ไอดี prince88 แล้วโอนเงินเข้า USDT " + simTRX + " โทร 081-234-5678", "TH",
		[]string{"line=prince88", "crypto=" + simTRX, "phone=081-234-5678"}},
	{"mixed vietnamese", "Tôi đã chuyển 50.000.000 đ vào ví " + simTRX + ", liên hệ Zalo 0912 345 678, web prince-invest.vn.", "VN",
		[]string{"crypto=" + simTRX, "phone=0912 345 678", "domain=prince-invest.vn"}},
	{"mixed khmer", "ខ្ញុំបានផ្ញើទៅ +855 12 345 678 និង telegram @prince_kh_sim", "",
		[]string{"phone=+855 12 345 678", "telegram=@prince_kh_sim"}},
}

func render(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, string(m.Kind)+"="+m.Value)
	}
	return out
}

func TestExtract(t *testing.T) {
	for _, tt := range extractTests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Region: tt.region}
			got := Extract(tt.text, opts)
			if !slices.Equal(render(got), tt.want) {
				t.Errorf("Extract(%q) = %v; want %v", tt.text, render(got), tt.want)
			}
			checkMatches(t, tt.text, opts, got)
		})
	}
}

// checkMatches checks what every result of Extract must satisfy. Each
// match's value, parsed on its own as the kind it was found as, gives the
// same key: what Extract finds, `scamint normalize` and lookups agree on.
func checkMatches(t *testing.T, text string, opts Options, ms []Match) {
	t.Helper()
	end := 0
	for _, m := range ms {
		switch {
		case m.Start < end:
			t.Fatalf("Extract(%q): match %+v starts before the previous one ends (%d)", text, m, end)
		case m.Start < 0 || m.Start >= m.End || m.End > len(text):
			t.Fatalf("Extract(%q): match %+v out of bounds", text, m)
		case text[m.Start:m.End] != m.Value:
			t.Fatalf("Extract(%q): match %+v: text[%d:%d] = %q", text, m, m.Start, m.End, text[m.Start:m.End])
		case !m.Valid || m.Canonical == "":
			t.Fatalf("Extract(%q): match %+v is not a valid selector", text, m)
		}
		kind := m.Kind
		if m.Platform != "" {
			kind = Kind(m.Platform) // a WhatsApp link, keyed by its phone number
		}
		if p := Parse(kind, m.Value, opts); p.Canonical != m.Canonical || p.Kind != m.Kind {
			t.Fatalf("Extract(%q): match %s %q has key %q; Parse(%s, %q) = %s %q (%s)",
				text, m.Kind, m.Value, m.Canonical, kind, m.Value, p.Kind, p.Canonical, p.Reason)
		}
		end = m.End
	}
}

func TestExtractCanonical(t *testing.T) {
	for _, tt := range []struct {
		text, region string
		want         string
	}{
		{"hxxps://prince-invest[.]co[.]kr/login", "", "url https://prince-invest.co.kr/login"},
		{"prince-invest.co.kr/login", "", "url https://prince-invest.co.kr/login"},
		{"name (at) example (dot) com", "", "email name@example.com"},
		{"+82 (0)10 1234 5678", "", "phone +821012345678"},
		{"010-1234-5678", "KR", "phone +821012345678"},
		{"wa.me/821012345678", "", "phone +821012345678"},
		{"신한은행 110-123-456789", "", "bank KR:shinhan:110123456789"},
		{"LINE ID: Prince88", "", "line line:prince88"},
		{"203.0.113[.]45", "", "ip 203.0.113.45"},
		{"line @prince_88", "", "line line:prince_88"},
		{"LINE ID: prince_88", "", "line line:prince_88"},
		{"http://app.prince-invest.com/", "", "url https://app.prince-invest.com/"},
		{"app.prince-invest.com/", "", "url https://app.prince-invest.com/"},
		{"https://bin\u0430nce-vip.com/login", "", "url https://xn--binnce-vip-1qi.com/login"},
		{"https://www.프린스.kr/login", "", "url https://www.xn--sy2bu7nf2p.kr/login"},
		{"신한은행 110-123-456789", "TH", "bank KR:shinhan:110123456789"},
		{"KB 국민은행 123456-01-234567", "", "bank KR:kb:12345601234567"},
		{"전화 001-82-10-1234-5678", "", "phone +821012345678"},
		{"Kim.Min@Naver.com", "", "email kim.min@naver.com"},
		{"https://prince-invest.com/#/register?code=AB12", "", "url https://prince-invest.com/#/register?code=AB12"},
		{"https://prince-invest.com/faq#top", "", "url https://prince-invest.com/faq"},
		{"Vietcombank STK 0071001234567", "", "bank VN:vietcombank:0071001234567"},
		{"https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", "", "whatsapp whatsapp:group/AbCdEfGhIjKlMnOpQrStUv"},
		{"Signal @prince.01", "", "signal signal:prince.01"},
	} {
		ms := Extract(tt.text, Options{Region: tt.region})
		got := ""
		if len(ms) == 1 {
			got = string(ms[0].Kind) + " " + ms[0].Canonical
		}
		if got != tt.want {
			t.Errorf("Extract(%q) = %v; want %v", tt.text, ms, tt.want)
		}
	}
}

func ExampleExtract() {
	text := "텔레그램 @prince_support 로 연락했고 hxxps://prince-invest[.]co[.]kr/login 에 가입, 상담 010-1234-5678 (2025-10-14 14:30, 3,000,000원)"
	for _, m := range Extract(text, Options{Region: "KR"}) {
		fmt.Printf("%s %q %s\n", m.Kind, m.Value, m.Canonical)
	}
	// Output:
	// telegram "@prince_support" telegram:prince_support
	// url "hxxps://prince-invest[.]co[.]kr/login" https://prince-invest.co.kr/login
	// phone "010-1234-5678" +821012345678
}

// narrative is one account in testdata/extract_narratives.txt.
type narrative struct {
	title  string
	region string
	text   string
}

// readNarratives reads the simulated victim narratives: after the header
// lines starting with '#', each narrative starts with a line
// "=== title region=XX" and runs to the next.
func readNarratives(t testing.TB) []narrative {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "extract_narratives.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []narrative
	for _, block := range strings.Split(string(data), "\n=== ")[1:] {
		head, body, _ := strings.Cut(block, "\n")
		n := narrative{title: head, text: strings.TrimSpace(body)}
		if i := strings.Index(head, " region="); i >= 0 {
			n.title, n.region = head[:i], head[i+len(" region="):]
		}
		out = append(out, n)
	}
	if len(out) < 12 {
		t.Fatalf("testdata/extract_narratives.txt has %d narratives, want at least 12", len(out))
	}
	return out
}

// TestExtractGolden runs Extract over the simulated narratives and compares
// the JSON lines `scamint extract` would print, each narrative's after a
// line naming it, with testdata/extract_narratives.golden; -update
// rewrites that file.
func TestExtractGolden(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, n := range readNarratives(t) {
		if err := enc.Encode(map[string]string{"narrative": n.title, "region": n.region}); err != nil {
			t.Fatal(err)
		}
		opts := Options{Region: n.region}
		ms := Extract(n.text, opts)
		checkMatches(t, n.text, opts, ms)
		for _, m := range ms {
			err := enc.Encode(struct {
				Kind      Kind   `json:"kind"`
				Value     string `json:"value"`
				Canonical string `json:"canonical"`
				Start     int    `json:"start"`
				End       int    `json:"end"`
			}{m.Kind, m.Value, m.Canonical, m.Start, m.End})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	golden := filepath.Join("testdata", "extract_narratives.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("Extract over testdata/extract_narratives.txt differs from %s at line %d:\n got %s\nwant %s\n(run go test -run Golden -update to accept)", golden, i+1, g, w)
			}
		}
	}
}

// TestExtractLinear feeds Extract long runs of the characters its
// sub-scanners look at. Each must take time linear in the input: a
// quadratic one takes minutes on 256 KB, not the fraction of a second
// these take.
func TestExtractLinear(t *testing.T) {
	for _, unit := range []string{
		"1:", "1.", "1 ", "1-", "+1 ", "(", "(+1", "a.", "a[.]", "a+", "a@", "@a", "@", "a[at]",
		"AB12 ", ")", "https://a.com/)", "0x", "ID: ", "카톡 ", "LINE ID ", "Bank 1 ", "은행 1",
		"1111111111", "aaaaaaaaaa", "T", "bc1", ":", "::", "a (at) b (dot) ", "hxxp://",
	} {
		text := strings.Repeat(unit, (256<<10)/len(unit))
		start := time.Now()
		opts := Options{Region: "KR"}
		checkMatches(t, text[:min(len(text), 4096)], opts, Extract(text[:min(len(text), 4096)], opts))
		Extract(text, Options{Region: "KR"})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Extract(strings.Repeat(%q, …)) took %v for %d bytes", unit, d, len(text))
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, tt := range extractTests {
		f.Add(tt.text, uint8(0))
		f.Add(tt.text, uint8(1))
	}
	f.Add("+82 (0)10 1234 5678 @a_b.c [at] x(dot)y 0x 1.2.3[.]4 ::1 (+855", uint8(2))
	f.Fuzz(func(t *testing.T, text string, r uint8) {
		regions := []string{"", "KR", "TH", "VN", "KH", "CN", "US"}
		opts := Options{Region: regions[int(r)%len(regions)]}
		checkMatches(t, text, opts, Extract(text, opts))
	})
}

func BenchmarkExtract(b *testing.B) {
	corpus := extractCorpus(400 << 10)
	n := 0
	b.SetBytes(int64(len(corpus)))
	b.ReportAllocs()
	for b.Loop() {
		n = len(Extract(corpus, Options{Region: "KR"}))
	}
	b.ReportMetric(float64(len(corpus))/float64(n), "bytes/match")
}

// extractCorpus generates about size bytes of simulated victim narratives,
// chat lines and police notes in English, Korean, Chinese, Thai and
// Vietnamese, with a selector every few hundred bytes among the dates,
// amounts, times, order numbers and hashes that real reports are full of.
// Every person, number, address and site in it is made up.
func extractCorpus(size int) string {
	rng := rand.New(rand.NewPCG(2025, 10))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	d := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		return string(b)
	}
	hex := func(n int) string {
		const digits = "0123456789abcdef"
		b := make([]byte, n)
		for i := range b {
			b[i] = digits[rng.IntN(16)]
		}
		return string(b)
	}
	base58check := func(version byte) string {
		payload := make([]byte, 21, 25)
		payload[0] = version
		for i := 1; i < 21; i++ {
			payload[i] = byte(rng.IntN(256))
		}
		h := sha256.Sum256(payload)
		h = sha256.Sum256(h[:])
		return base58Encode(append(payload, h[:4]...))
	}
	word := func() string {
		return pick([]string{"prince", "golden", "asia", "royal", "lucky", "star", "wealth", "mega", "crown", "dragon", "jade", "lotus"})
	}
	site := func() string {
		return word() + "-" + pick([]string{"invest", "trade", "fx", "coin", "capital", "exchange", "vip", "mall"}) +
			pick([]string{"", "", d(2)}) + "." + pick([]string{"com", "net", "co.kr", "vip", "top", "xyz", "cc", "io", "app", "shop", "vn", "asia"})
	}
	handle := func() string {
		return word() + "_" + pick([]string{"support", "service", "vip", "manager", "kim", "lee", "official"}) + d(2)
	}
	fill := map[string]func() string{
		"url": func() string {
			return pick([]string{"https://", "http://", "hxxps://", ""}) + site() + "/" + pick([]string{"login", "vip", "app/download", "register?code=" + d(6), "m/index.html"})
		},
		"domain": site,
		"defang": func() string { return strings.ReplaceAll(site(), ".", "[.]") },
		"email": func() string {
			return handle() + "@" + pick([]string{"gmail.com", "naver.com", "qq.com", "163.com", site()})
		},
		"phone": func() string {
			switch rng.IntN(6) {
			case 0:
				return "+82 10-" + d(4) + "-" + d(4)
			case 1:
				return "010-" + d(4) + "-" + d(4)
			case 2:
				return "+66 8" + d(1) + " " + d(3) + " " + d(4)
			case 3:
				return "+84 9" + d(2) + " " + d(3) + " " + d(3)
			case 4:
				return "(+855) 12 " + d(3) + " " + d(3)
			}
			return "+86 138 " + d(4) + " " + d(4)
		},
		"trx":    func() string { return base58check(0x41) },
		"btc":    func() string { return base58check(0x00) },
		"evm":    func() string { return "0x" + hex(40) },
		"handle": handle,
		"id":     func() string { return word() + d(2) },
		"wa":     func() string { return "wa.me/8210" + d(8) },
		"tme":    func() string { return "t.me/" + handle() },
		"ip":     func() string { return "203.0.113." + fmt.Sprint(rng.IntN(255)) },
		"date": func() string {
			return pick([]string{"2025-10-" + d(1) + "1", "14/10/2025", "2025.10.1" + d(1), "2025年10月1" + d(1) + "日", "2025년 10월 1" + d(1) + "일"})
		},
		"time": func() string { return "1" + d(1) + ":" + pick([]string{"05", "30", "45"}) },
		"amount": func() string {
			return pick([]string{d(1) + ",000,000", "$" + d(2) + ",000.00", d(5) + " USDT", "₩" + d(1) + ",000,000", d(2) + "00만원", d(2) + ".000.000 đ"})
		},
		"order": func() string { return "2025" + d(8) },
		"hash":  func() string { return hex(64) },
	}
	english := []string{
		"I met a woman who called herself Sophia on a dating app in early {date}. ",
		"She said her uncle worked at a trading firm in Singapore and showed me profits on {url}. ",
		"At first I deposited {amount} and the balance on the platform grew every day. ",
		"When I tried to withdraw at {time} the customer service asked for a tax of {amount}. ",
		"The support agent wrote from {email} and later from the Telegram account @{handle}. ",
		"They told me to buy USDT on an exchange and send it to {trx}. ",
		"The second wallet was {evm} on the BNB chain, transaction {hash}. ",
		"My bank flagged the transfer (Order No. {order}) but I approved it anyway. ",
		"Her WhatsApp number was {phone} and she said she lived in Bangkok. ",
		"The officer noted the site {domain} was registered only three weeks earlier. ",
		"Suspect contact: {phone}; mail {email}; Telegram {tme}. ",
		"Indicators shared by the bank: {defang}, {ip}, BTC {btc}. ",
		"We spoke almost every evening for two months and she never agreed to a video call. ",
		"I feel ashamed that I did not notice the signs earlier and I have told nobody in my family. ",
		"The app was called Golden Asia Pro version 2.4.1 and it looked professional. ",
		"On {date} they froze the account and demanded another {amount} to unlock it. ",
	}
	korean := []string{
		"피해자 박서연(가명)은 {date} 인스타그램을 통해 자신을 투자 전문가라고 소개한 남성을 알게 되었다. ",
		"그는 텔레그램 @{handle} 로 리딩방에 초대했고 {url} 에 가입하라고 했다. ",
		"처음에는 {amount}을 입금했고 수익이 난 것처럼 화면에 표시되었다. ",
		"출금을 요청하자 수수료 명목으로 {amount}을 추가로 요구했다. ",
		"상담원 연락처는 {phone}였고 카톡 아이디: {id} 로도 연락했다. ",
		"USDT를 구매해 트론 주소 {trx}로 보냈다고 진술했다. ",
		"신한은행 110-{order} 계좌로 송금한 내역(주문번호 {order})이 확인된다. ",
		"오후 {time}경 마지막 통화를 했고 이후 연락이 두절되었다. ",
		"사이트 {domain}는 현재 접속되지 않는다. ",
		"피해자는 가족에게 알리지 못하고 대출까지 받아 송금했다고 한다. ",
		"담당 수사관은 관련 계좌와 지갑 주소에 대한 지급정지를 요청하였다. ",
		"이메일 {email}로 받은 계약서 파일은 contract.pdf 였다. ",
	}
	chinese := []string{
		"受害人于{date}在社交软件上认识一名自称在柬埔寨做投资的男子。",
		"对方让他下载APP，网址是{url}，并加他的微信号：{id}。",
		"他先后转账{amount}，平台显示盈利很多。",
		"提现时客服要求缴纳保证金{amount}，订单号{order}。",
		"客服电话{phone}，飞机@{handle}，邮箱{email}。",
		"资金被要求转入USDT地址{trx}。",
		"交易哈希{hash}已经确认。",
		"受害人称对方一直很有耐心，每天早上{time}准时问候。",
		"民警提醒：凡是要求先交钱才能提现的都是诈骗。",
	}
	thai := []string{
		"ผู้เสียหายรู้จักกับชายคนหนึ่งทางเฟซบุ๊กเมื่อวันที่ {date} ",
		"เขาให้แอดไลน์ไอดี {id} แล้วชวนลงทุนในเว็บ {domain} ",
		"โอนเงินไปทั้งหมด {amount} ผ่านบัญชีม้า ",
		"เบอร์โทรของมิจฉาชีพคือ {phone} ",
		"ให้โอน USDT ไปที่ {trx} ",
		"เจ้าหน้าที่ตำรวจบันทึกเวลา {time} น. ",
	}
	vietnamese := []string{
		"Nạn nhân quen một người đàn ông qua mạng xã hội vào ngày {date}. ",
		"Anh ta hướng dẫn tải ứng dụng tại {url} và liên hệ qua Zalo {phone}. ",
		"Tổng số tiền đã chuyển là {amount} vào ví {trx}. ",
		"Nhân viên hỗ trợ dùng Telegram @{handle} và email {email}. ",
		"Khi muốn rút tiền, họ yêu cầu nộp thêm phí {amount}. ",
		"Cơ quan công an đã tiếp nhận đơn trình báo lúc {time}. ",
	}
	// Sentences without selectors, which make up most of a report.
	englishPlain := []string{
		"She asked about my work, my health and my daughter before she ever mentioned money. ",
		"Looking back, every conversation was steering me toward the platform, but at the time it felt like friendship. ",
		"The withdrawal page kept showing an error and the customer service said the system was being upgraded. ",
		"I borrowed from my sister and took out a second loan on the house because I believed I was close to getting everything back. ",
		"The officer explained that the money had probably been moved through several wallets within hours. ",
		"He sent photos of expensive dinners and a view of the river from his apartment. ",
		"When I said I wanted to stop, he became angry and then cried and said he had invested his own savings for me. ",
		"The bank employee asked whether anyone had told me what to say, and I lied because they had warned me about that. ",
		"I am reporting this so that other people do not lose what I lost. ",
		"Statement taken at the station in the presence of an interpreter; the victim confirmed the account was read back to her. ",
	}
	koreanPlain := []string{
		"처음에는 일상적인 대화만 나누었고 돈 이야기는 전혀 하지 않았다. ",
		"그는 자신이 싱가포르에서 일하는 펀드매니저라고 소개했으며 매일 아침 안부를 물었다. ",
		"수익금을 출금하려 하자 세금과 보증금을 먼저 내야 한다는 답변이 돌아왔다. ",
		"피해자는 지인에게도 투자를 권유했으나 다행히 추가 피해는 없었다. ",
		"조사 결과 해당 플랫폼은 해외에 서버를 둔 것으로 추정된다. ",
		"피해자는 심리적으로 매우 위축된 상태였으며 상담 기관을 안내받았다. ",
	}
	chinesePlain := []string{
		"刚开始对方只是聊天，从来不提钱的事情。",
		"对方说自己在新加坡做基金经理，每天都会发来早安问候。",
		"后来对方说有内部消息，可以带他一起赚钱，稳赚不赔。",
		"受害人发现被骗后立即到派出所报案，民警已受理。",
		"警方提示广大群众，网上认识的陌生人推荐投资平台，一定要提高警惕。",
	}
	thaiPlain := []string{
		"ตอนแรกเขาคุยเรื่องทั่วไปและไม่เคยพูดถึงเรื่องเงินเลย ",
		"เมื่อต้องการถอนเงิน ระบบแจ้งว่าต้องจ่ายภาษีก่อน ",
		"ผู้เสียหายได้เข้าแจ้งความที่สถานีตำรวจแล้ว ",
	}
	vietnamesePlain := []string{
		"Ban đầu họ chỉ trò chuyện bình thường và không hề nhắc đến tiền. ",
		"Người này tự giới thiệu là chuyên gia tài chính làm việc ở Singapore. ",
		"Sau khi phát hiện bị lừa, nạn nhân đã đến cơ quan công an để trình báo. ",
	}
	langs := [][2][]string{
		{english, englishPlain}, {english, englishPlain}, {korean, koreanPlain}, {korean, koreanPlain},
		{chinese, chinesePlain}, {thai, thaiPlain}, {vietnamese, vietnamesePlain},
	}
	var b strings.Builder
	for b.Len() < size {
		lang := langs[rng.IntN(len(langs))]
		for range 3 + rng.IntN(5) {
			s := pick(lang[0])
			if rng.IntN(100) < 55 {
				s = pick(lang[1])
			}
			for {
				i := strings.IndexByte(s, '{')
				if i < 0 {
					break
				}
				j := strings.IndexByte(s[i:], '}') + i
				s = s[:i] + fill[s[i+1:j]]() + s[j+1:]
			}
			b.WriteString(s)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// base58Encode writes b in Bitcoin's base58 alphabet.
func base58Encode(b []byte) string {
	const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	n := new(big.Int).SetBytes(b)
	var out []byte
	mod := new(big.Int)
	base := big.NewInt(58)
	for n.Sign() > 0 {
		n.DivMod(n, base, mod)
		out = append(out, alphabet[mod.Int64()])
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append(out, '1')
	}
	slices.Reverse(out)
	return string(out)
}
