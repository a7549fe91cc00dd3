package sim

import "github.com/scamint/scamint/internal/model"

// The tables below are the world's vocabulary. They are read-only; every
// name, number and site built from them is invented.

// country is a victim country: who reports there, in which language, to
// which agency, and how its people and mule accounts look.
type country struct {
	code   string
	weight int // share of victims, in percent
	ko     bool
	// agency prefixes the ids of complaints filed there.
	agency string
	// victimPhone is the national form of the victims' own phone
	// numbers, '#' standing for a digit that varies; the fixed digits
	// keep victims out of the range scammers' numbers are drawn from
	// (victimNSN, the national significant number's fixed start).
	victimPhone string
	victimNSN   string
	freemail    []string
	surnames    []name
	given       []name
	// banks are where the mule accounts of networks working this
	// market are held.
	banks []bankFormat
	// banksKnown says selector knows these banks by name. Only then does
	// extraction read an account in free text as one: "MUFG 033-2912406"
	// comes out as a Tokyo phone number.
	banksKnown bool
}

// name is a name part as written in the country's script and in the
// ASCII form an e-mail address uses.
type name struct{ text, ascii string }

// bankFormat is a bank and the shape of its account numbers ('#' a digit).
type bankFormat struct {
	// names are ways people write the bank: aliases selector.Parse(Bank)
	// knows for the country, or the single name of a bank it does not
	// know and keys by its letters (two names would be two banks).
	names  []string
	number string
}

func names(pairs ...string) []name {
	out := make([]name, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, name{pairs[i], pairs[i+1]})
	}
	return out
}

var (
	englishSurnames = names("Smith", "smith", "Johnson", "johnson", "Williams", "williams", "Brown", "brown",
		"Miller", "miller", "Davis", "davis", "Wilson", "wilson", "Taylor", "taylor", "Anderson", "anderson",
		"Clark", "clark", "Walker", "walker", "Evans", "evans", "Hughes", "hughes", "Martin", "martin")
	englishGiven = names("James", "james", "Mary", "mary", "Robert", "robert", "Patricia", "patricia",
		"John", "john", "Linda", "linda", "Michael", "michael", "Susan", "susan", "David", "david",
		"Karen", "karen", "Richard", "richard", "Margaret", "margaret", "Thomas", "thomas", "Helen", "helen")
)

// countries lists the victim countries; KR is the majority.
var countries = []country{
	{
		code: "KR", weight: 55, ko: true, agency: "KNPA", banksKnown: true,
		victimPhone: "010-2###-####", victimNSN: "102",
		freemail: []string{"naver.com", "daum.net", "hanmail.net", "gmail.com"},
		surnames: names("김", "kim", "이", "lee", "박", "park", "최", "choi", "정", "jung", "강", "kang",
			"조", "cho", "윤", "yoon", "장", "jang", "임", "lim", "한", "han", "오", "oh", "서", "seo", "신", "shin"),
		given: names("민준", "minjun", "서연", "seoyeon", "지훈", "jihoon", "지은", "jieun", "현우", "hyunwoo",
			"수빈", "subin", "영희", "younghee", "미영", "miyoung", "동현", "donghyun", "은지", "eunji",
			"성민", "sungmin", "혜진", "hyejin", "준호", "junho", "정희", "junghee", "경수", "kyungsoo", "미숙", "misook"),
		banks: []bankFormat{
			{[]string{"신한은행", "신한", "Shinhan", "088"}, "110-###-######"},
			{[]string{"KB국민은행", "국민은행", "KB", "004"}, "######-01-######"},
			{[]string{"KB국민은행", "국민은행", "Kookmin"}, "######-21-######"},
			{[]string{"우리은행", "Woori", "020"}, "1002-###-######"},
			{[]string{"하나은행", "KEB하나은행", "Hana", "081"}, "###-910###-#####"},
			{[]string{"NH농협", "농협은행", "농협", "011"}, "3##-####-####-##"},
			{[]string{"카카오뱅크", "카뱅", "KakaoBank", "090"}, "3333-##-#######"},
			{[]string{"토스뱅크", "Toss Bank", "092"}, "1000-####-####"},
			{[]string{"IBK기업은행", "기업은행", "IBK", "003"}, "###-######-##-###"},
			{[]string{"새마을금고", "MG새마을금고", "045"}, "9002-####-####-#"},
			{[]string{"케이뱅크", "K bank", "089"}, "100-###-######"},
		},
	},
	{
		code: "US", weight: 10, agency: "IC3",
		victimPhone: "(201) 5##-####", victimNSN: "2015",
		freemail: []string{"gmail.com", "yahoo.com", "outlook.com", "icloud.com"},
		surnames: englishSurnames, given: englishGiven,
		banks: []bankFormat{
			{[]string{"Chase"}, "#########"},
			{[]string{"Bank of America"}, "############"},
			{[]string{"Wells Fargo"}, "##########"},
		},
	},
	{
		code: "GB", weight: 5, agency: "AF",
		victimPhone: "0740# ######", victimNSN: "740",
		freemail: []string{"gmail.com", "outlook.com", "btinternet.com"},
		surnames: englishSurnames, given: englishGiven,
		banks: []bankFormat{
			{[]string{"Barclays"}, "20-##-## ########"},
			{[]string{"HSBC"}, "40-##-## ########"},
			{[]string{"Lloyds"}, "30-##-## ########"},
		},
	},
	{
		code: "JP", weight: 6, agency: "NPA",
		victimPhone: "090-1###-####", victimNSN: "901",
		freemail: []string{"gmail.com", "yahoo.co.jp", "docomo.ne.jp"},
		surnames: names("佐藤", "sato", "鈴木", "suzuki", "高橋", "takahashi", "田中", "tanaka", "伊藤", "ito",
			"渡辺", "watanabe", "山本", "yamamoto", "中村", "nakamura", "小林", "kobayashi", "加藤", "kato"),
		given: names("美咲", "misaki", "健太", "kenta", "陽子", "yoko", "大輔", "daisuke", "由美", "yumi",
			"翔太", "shota", "恵子", "keiko", "拓也", "takuya"),
		banks: []bankFormat{
			{[]string{"MUFG"}, "###-#######"},
			{[]string{"Mizuho"}, "###-#######"},
			{[]string{"SMBC"}, "###-#######"},
		},
	},
	{
		code: "TH", weight: 5, agency: "TCSD", banksKnown: true,
		victimPhone: "081 2## ####", victimNSN: "812",
		freemail: []string{"gmail.com", "hotmail.com"},
		surnames: names("Srisuk", "srisuk", "Chaiyaporn", "chaiyaporn", "Wongsawat", "wongsawat",
			"Rattanakorn", "rattanakorn", "Saetang", "saetang", "Boonmee", "boonmee"),
		given: names("Somchai", "somchai", "Suda", "suda", "Niran", "niran", "Malee", "malee",
			"Anong", "anong", "Prasert", "prasert", "Wanida", "wanida", "Kittisak", "kittisak"),
		banks: []bankFormat{
			{[]string{"Kasikornbank", "กสิกรไทย", "Kasikorn"}, "###-#-#####-#"},
			{[]string{"SCB", "ไทยพาณิชย์"}, "###-######-#"},
			{[]string{"Bangkok Bank", "BBL"}, "###-#-#####-#"},
			{[]string{"Krungthai", "KTB"}, "###-#-#####-#"},
		},
	},
	{
		code: "VN", weight: 5, agency: "BCA", banksKnown: true,
		victimPhone: "0912 ### ###", victimNSN: "912",
		freemail: []string{"gmail.com", "yahoo.com"},
		surnames: names("Nguyễn", "nguyen", "Trần", "tran", "Lê", "le", "Phạm", "pham", "Hoàng", "hoang",
			"Phan", "phan", "Vũ", "vu"),
		given: names("Thị Lan", "lan", "Văn Hùng", "hung", "Thị Hoa", "hoa", "Minh Tuấn", "tuan",
			"Thu Trang", "trang", "Quốc Bảo", "bao", "Ngọc Anh", "anh"),
		banks: []bankFormat{
			{[]string{"Vietcombank", "VCB"}, "00#1000######"},
			{[]string{"Techcombank", "TCB"}, "1903##########"},
			{[]string{"MB Bank", "MBBank"}, "0###########"},
			{[]string{"BIDV"}, "21#10000######"},
		},
	},
	{
		code: "KH", weight: 3, agency: "KHNP", banksKnown: true,
		victimPhone: "091 2## ###", victimNSN: "912",
		freemail: []string{"gmail.com"},
		surnames: names("Sok", "sok", "Chan", "chan", "Heng", "heng", "Sao", "sao", "Chea", "chea", "Keo", "keo"),
		given: names("Dara", "dara", "Sophea", "sophea", "Vuthy", "vuthy", "Srey Pich", "sreypich",
			"Bopha", "bopha", "Rithy", "rithy", "Channary", "channary"),
		banks: []bankFormat{
			{[]string{"ABA", "ABA Bank"}, "000 ### ###"},
			{[]string{"ACLEDA", "ACLEDA Bank"}, "0001-01-######-#-#"},
			{[]string{"Wing", "Wing Bank"}, "00#-###-###"},
		},
	},
	{
		code: "AU", weight: 5, agency: "ACSC",
		victimPhone: "0412 ### ###", victimNSN: "412",
		freemail: []string{"gmail.com", "bigpond.com", "outlook.com"},
		surnames: englishSurnames, given: englishGiven,
		banks: []bankFormat{
			{[]string{"Commonwealth Bank"}, "06#-### ########"},
			{[]string{"Westpac"}, "03#-### ######"},
		},
	},
	{
		code: "SG", weight: 6, agency: "SPF",
		victimPhone: "812# ####", victimNSN: "812",
		freemail: []string{"gmail.com", "singnet.com.sg"},
		surnames: names("Tan", "tan", "Lim", "lim", "Lee", "lee", "Ng", "ng", "Ong", "ong", "Wong", "wong", "Goh", "goh"),
		given: names("Wei Ming", "weiming", "Hui Min", "huimin", "Jun Jie", "junjie", "Mei Ling", "meiling",
			"Kai Wen", "kaiwen", "Siew Lan", "siewlan"),
		banks: []bankFormat{
			{[]string{"DBS"}, "###-######-#"},
			{[]string{"OCBC"}, "###-######-###"},
			{[]string{"UOB"}, "###-###-###-#"},
		},
	},
}

// phoneRegion is a country where scam networks hold phone numbers, with
// how often a network's number is from there.
type phoneRegion struct {
	code   string
	weight int
}

var phoneRegions = []phoneRegion{
	{"KH", 30}, {"MM", 14}, {"TH", 12}, {"VN", 10}, {"CN", 14}, {"KR", 20},
}

// scamWeights weight the scam types: pig butchering, romance and
// investment most.
var scamWeights = []weighted[model.ScamType]{
	{model.PigButchering, 30}, {model.Romance, 20}, {model.Investment, 25},
	{model.VoicePhishing, 8}, {model.JobScam, 8}, {model.Sextortion, 4}, {model.OtherScam, 5},
}

var channelWeights = []weighted[string]{
	{"police_station", 35}, {"online", 35}, {"hotline", 10}, {"bank", 8}, {"exchange", 4}, {"referral", 8},
}

// selectorCounts weight the number of a network's selectors one report
// names, 1 to 6.
var selectorCounts = []weighted[int]{{1, 15}, {2, 25}, {3, 25}, {4, 17}, {5, 10}, {6, 8}}

// paymentCounts weight the number of payments in a report.
var paymentCounts = []weighted[int]{{1, 45}, {2, 30}, {3, 15}, {4, 10}}

var (
	platformPrefixes = []string{"Prince", "Golden Lotus", "Royal", "Jade", "Mekong", "Star", "Dragon",
		"Phoenix", "Lucky", "Crown", "Emerald", "Silver Bay", "Orchid", "Harbor", "Summit", "Apex",
		"Nova", "Zenith", "Bright", "Pacific", "Lotus", "Tiger", "Imperial", "Sapphire", "Venus", "Aurora",
		"Mandarin", "Sunrise", "Oriental", "Vertex", "Kingdom", "Blue Ocean", "Angkor", "Titan", "Unity"}
	platformSuffixes = []string{"Invest", "Capital", "FX", "Trade", "Asset", "Exchange", "Wealth",
		"Global", "Securities", "Coin", "Markets", "Quant", "Finance", "Futures", "Holdings", "Mining"}
	// tlds weight the top-level domains of fake platforms; the
	// second-level ones are on the Public Suffix List.
	tlds = []weighted[string]{
		{"com", 20}, {"vip", 12}, {"top", 12}, {"co.kr", 10}, {"com.kh", 6}, {"net", 8}, {"cc", 6},
		{"xyz", 6}, {"io", 4}, {"asia", 4}, {"app", 4}, {"online", 4}, {"site", 2}, {"club", 2},
	}
	urlPaths  = []string{"/", "/register", "/login", "/m/", "/#/home", "/download", "/invite", "/h5/index.html"}
	hostLabel = []string{"", "www.", "app.", "login.", "m.", "h5."}
	mailboxes = []string{"support", "cs", "service", "help", "kyc", "vip", "admin", "finance"}
	tgWords   = []string{"support", "vip", "cs", "desk", "service", "help", "manager", "official",
		"kefu", "team", "club", "signal", "trade", "invest", "mentor", "assist"}

	personasEN = []string{"David Chen", "Amy Lee", "Michael Wong", "Jessica Lin", "Kevin Park",
		"Sophia Tan", "Daniel Kim", "Lisa Zhang", "Anna Nguyen", "Jason Wu", "Ellie Tan", "Ryan Cho"}
	personasKO = []string{"이 팀장", "김 교수", "박 대표", "최 실장", "엘리", "제니", "데이비드",
		"왕 회장", "정 부장", "미나", "한 이사", "서 과장"}
	appsEN = []string{"Instagram", "Facebook", "LinkedIn", "Tinder", "a dating app", "WhatsApp",
		"Telegram", "a text message", "TikTok"}
	appsKO = []string{"인스타그램", "페이스북", "카카오톡", "문자", "텔레그램", "틱톡", "유튜브", "네이버 밴드"}
	fees   = []string{"10%", "15%", "20%", "25%", "30%"}
)
