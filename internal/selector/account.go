package selector

import (
	"net/url"
	"strings"
)

// accountHosts maps the hosts of messenger and social-media links to the
// kind of account they name.
var accountHosts = map[string]Kind{
	"t.me": Telegram, "telegram.me": Telegram, "telegram.dog": Telegram,
	"wa.me": WhatsApp, "api.whatsapp.com": WhatsApp, "whatsapp.com": WhatsApp, "chat.whatsapp.com": WhatsApp,
	"line.me": Line, "liff.line.me": Line, "page.line.me": Line, "lin.ee": Line,
	"open.kakao.com": Kakao, "pf.kakao.com": Kakao,
	"signal.me":    Signal,
	"facebook.com": Facebook, "fb.com": Facebook, "m.facebook.com": Facebook, "web.facebook.com": Facebook, "fb.me": Facebook,
	"instagram.com": Instagram, "instagr.am": Instagram,
	"x.com": X, "twitter.com": X, "mobile.twitter.com": X, "mobile.x.com": X,
}

// accountLink splits a messenger or social-media link into its kind, its
// host and the rest after the host ("t.me/prince_support" → Telegram,
// "t.me", "prince_support"). The rest keeps the case of v, so that
// case-sensitive parts (invite codes) survive.
func accountLink(v string) (kind Kind, host, rest string, ok bool) {
	rest = v
	if i := strings.Index(rest, "://"); i >= 0 {
		scheme := strings.ToLower(rest[:i])
		switch scheme {
		case "http", "https":
			rest = rest[i+3:]
		case "tg":
			// tg://resolve?domain=name
			return Telegram, "tg", rest[i+3:], true
		case "line":
			return Line, "line", rest[i+3:], true
		default:
			return "", "", "", false
		}
	}
	written := rest
	path := ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		written, path = rest[:i], rest[i:]
	}
	written = strings.TrimSuffix(written, ".")
	if hasPrefixFold(written, "www.") {
		written = written[len("www."):]
	}
	host = strings.ToLower(written)
	if k, ok := accountHosts[host]; ok {
		return k, host, strings.TrimPrefix(path, "/"), true
	}
	// name.t.me, the user-name form of a t.me link.
	if name, ok := strings.CutSuffix(host, ".t.me"); ok && name != "" && !strings.Contains(name, ".") {
		return Telegram, "t.me", written[:len(name)] + path, true
	}
	return "", "", "", false
}

// linkHost returns the host of v when v is a web link (a scheme, or a
// valid domain name before the first '/'), so that a link to another site
// is named as such rather than read as a malformed ID.
func linkHost(v string) (string, bool) {
	if i := strings.Index(v, "://"); i >= 0 {
		h := v[i+3:]
		if j := strings.IndexAny(h, "/?#"); j >= 0 {
			h = h[:j]
		}
		return strings.ToLower(h), true
	}
	i := strings.IndexByte(v, '/')
	if i <= 0 || !strings.Contains(v[:i], ".") {
		return "", false
	}
	if d := parseDomain(v[:i]); d.Valid {
		return d.Canonical, true
	}
	return "", false
}

// hasAccountURLPrefix reports whether lower is a messenger or social-media
// link.
func hasAccountURLPrefix(lower string) bool {
	_, _, _, ok := accountLink(lower)
	return ok
}

// firstSegment returns the first path segment of p, without query or fragment.
func firstSegment(p string) (seg, rest string) {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i+1:]
	}
	return p, ""
}

// parseAccount canonicalises a messenger or social-media account, given as
// a handle, an ID, a "platform:id" key or a profile link, into
// "platform:id", lower-cased where the platform treats ids without case.
// WhatsApp accounts, and Signal accounts given by number, are their phone
// numbers: the key is the E.164 number and Platform says where it was seen.
func parseAccount(kind Kind, in string, opts Options) Selector {
	v := strings.Trim(refang(fold(in)), "<>\"'")
	if v == "" {
		return invalid(kind, "empty %s account", kind)
	}
	if len(v) > 256 {
		return invalid(kind, "too long for a %s account", kind)
	}
	fromLink, keyed, host := false, false, ""
	if k, h, rest, ok := accountLink(v); ok {
		if k != kind {
			return invalid(kind, "a %s link, not a %s account", k, kind)
		}
		v, fromLink, host = rest, true, h
	} else if p := string(kind) + ":"; len(v) > len(p) && strings.EqualFold(v[:len(p)], p) {
		v, keyed = v[len(p):], true
	} else if h, ok := linkHost(v); ok {
		return invalid(kind, "not a %s link (host %s)", kind, h)
	}
	switch kind {
	case Telegram:
		return parseTelegram(v, fromLink)
	case WhatsApp:
		return parseWhatsApp(v, host, keyed, opts)
	case Line:
		return parseLine(v, host, keyed)
	case Kakao:
		return parseKakao(v, fromLink)
	case WeChat:
		return parseWeChat(v)
	case Signal:
		return parseSignal(v, fromLink, opts)
	case Facebook:
		return parseFacebook(v, fromLink)
	case Instagram:
		return parseInstagram(v, fromLink)
	case X:
		return parseX(v, fromLink)
	}
	return invalid(kind, "unknown account kind %q", kind)
}

func account(kind Kind, id, display string) Selector {
	return Selector{Kind: kind, Canonical: string(kind) + ":" + id, Display: display, Valid: true}
}

// telegramReserved are t.me paths that are not user names.
var telegramReserved = map[string]bool{
	"share": true, "addstickers": true, "addemoji": true, "proxy": true, "socks": true,
	"iv": true, "login": true, "setlanguage": true, "addtheme": true, "bg": true,
	"confirmphone": true, "invoice": true, "boost": true, "contact": true,
}

// parseTelegram: public user names are 5–32 characters of [A-Za-z0-9_],
// start with a letter, do not end with an underscore, and are
// case-insensitive. Invite links (t.me/+CODE, t.me/joinchat/CODE) name a
// group by a case-sensitive code.
func parseTelegram(v string, fromLink bool) Selector {
	if fromLink {
		if strings.HasPrefix(v, "resolve?") || strings.HasPrefix(v, "?") {
			q, _ := url.ParseQuery(v[strings.IndexByte(v, '?')+1:])
			v = q.Get("domain")
		} else {
			seg, rest := firstSegment(v)
			switch {
			case seg == "s": // channel preview: t.me/s/name
				seg, _ = firstSegment(rest)
			case seg == "joinchat":
				code, _ := firstSegment(rest)
				return telegramInvite(code)
			case strings.HasPrefix(seg, "+"):
				if isAllDigits(seg[1:]) { // t.me/+8210…: a phone number link
					s := parsePhone(seg, "")
					s.Platform = "telegram"
					return s
				}
				return telegramInvite(seg[1:])
			case seg == "c":
				return invalid(Telegram, "t.me/c/ links name a private chat by internal id, not an account")
			case telegramReserved[strings.ToLower(seg)]:
				return invalid(Telegram, "t.me/%s is not an account link", seg)
			}
			v = seg
		}
	}
	if strings.HasPrefix(v, "+") && !fromLink {
		// "telegram:+CODE", the key of an invite link.
		if isAllDigits(v[1:]) {
			return invalid(Telegram, "a phone number, not a Telegram user name")
		}
		return telegramInvite(v[1:])
	}
	v = strings.TrimPrefix(v, "@")
	switch {
	case len(v) < 5:
		return invalid(Telegram, "Telegram user name shorter than 5 characters")
	case len(v) > 32:
		return invalid(Telegram, "Telegram user name longer than 32 characters")
	case !allAlnum(v, "_"):
		return invalid(Telegram, "Telegram user names have only letters, digits and _")
	case !isLetter(v[0]):
		return invalid(Telegram, "Telegram user names start with a letter")
	case v[len(v)-1] == '_':
		return invalid(Telegram, "Telegram user names do not end with _")
	}
	return account(Telegram, strings.ToLower(v), "@"+v)
}

func telegramInvite(code string) Selector {
	if len(code) < 8 || len(code) > 64 || !allAlnum(code, "_-") {
		return invalid(Telegram, "malformed Telegram invite link")
	}
	return account(Telegram, "+"+code, "t.me/+"+code)
}

// parseWhatsApp: a WhatsApp account is its phone number. wa.me links carry
// it in international form without the +. A group invite link
// (chat.whatsapp.com/CODE) names a group by a case-sensitive code, keyed
// "whatsapp:group/CODE".
func parseWhatsApp(v, host string, keyed bool, opts Options) Selector {
	if host == "chat.whatsapp.com" {
		code, _ := firstSegment(v)
		if code == "invite" { // chat.whatsapp.com/invite/CODE
			_, rest := firstSegment(v)
			code, _ = firstSegment(rest)
		}
		return whatsAppGroup(code)
	}
	if keyed && strings.HasPrefix(v, "group/") {
		return whatsAppGroup(v[len("group/"):])
	}
	number := v
	if host != "" {
		seg, _ := firstSegment(v)
		switch {
		case seg == "send" || strings.HasPrefix(seg, "send?") || strings.HasPrefix(v, "send"):
			q := ""
			if i := strings.IndexByte(v, '?'); i >= 0 {
				q = v[i+1:]
			}
			vals, _ := url.ParseQuery(q)
			number = vals.Get("phone")
		case seg == "message" || seg == "qr" || seg == "invite" || len(seg) >= 20 && !isAllDigits(seg):
			return invalid(WhatsApp, "a WhatsApp message or QR link names no phone number")
		default:
			number = seg
		}
		number = strings.TrimSpace(number)
		if number != "" && number[0] != '+' {
			number = "+" + number
		}
	}
	s := parsePhone(number, opts.Region)
	if !s.Valid {
		s.Kind = WhatsApp
		s.Reason = "WhatsApp account: " + s.Reason
		return s
	}
	s.Platform = "whatsapp"
	return s
}

// whatsAppGroup keys a WhatsApp group invite code.
func whatsAppGroup(code string) Selector {
	if len(code) < 16 || len(code) > 32 || !allAlnum(code, "") {
		return invalid(WhatsApp, "malformed WhatsApp group invite link")
	}
	return account(WhatsApp, "group/"+code, "chat.whatsapp.com/"+code)
}

// parseLine: LINE IDs are 4–20 characters of [a-z0-9._-], without case.
// line.me/ti/p/~ID adds a friend by LINE ID; line.me/R/ti/p/@ID an
// official account, keyed "line:@id"; other line.me/ti/p/CODE links a QR
// code, whose code is case-sensitive, as are the codes of lin.ee short
// links. A bare "@id" is how victims write a personal LINE ID, and keys
// as one: only a link or a "line:@id" key names an official account.
func parseLine(v, host string, keyed bool) Selector {
	if host == "lin.ee" {
		code, _ := firstSegment(v)
		return lineShortLink(code)
	}
	if host != "" {
		p := v
		if i := strings.IndexAny(p, "?#"); i >= 0 {
			p = p[:i]
		}
		p = strings.TrimPrefix(strings.TrimPrefix(p, "R/"), "r/")
		switch {
		case strings.HasPrefix(p, "ti/p/"):
			v = strings.TrimSuffix(p[len("ti/p/"):], "/")
			if !strings.HasPrefix(v, "~") && !strings.HasPrefix(v, "@") && !strings.HasPrefix(v, "%40") {
				return lineQR(v)
			}
			v = strings.Replace(v, "%40", "@", 1)
		default:
			return invalid(Line, "not a LINE friend link")
		}
	} else if keyed {
		switch {
		case strings.HasPrefix(v, "p/"):
			// "line:p/CODE", the key of a QR-code friend link.
			return lineQR(v[len("p/"):])
		case strings.HasPrefix(v, "lin.ee/"):
			return lineShortLink(v[len("lin.ee/"):])
		}
	}
	v = strings.TrimPrefix(v, "~")
	prefix := ""
	if strings.HasPrefix(v, "@") {
		if host != "" || keyed {
			prefix = "@"
		}
		v = v[1:]
	}
	switch {
	case len(v) < 4:
		return invalid(Line, "LINE ID shorter than 4 characters")
	case len(v) > 20:
		return invalid(Line, "LINE ID longer than 20 characters")
	case !allAlnum(v, "._-"):
		return invalid(Line, "LINE IDs have only letters, digits, '.', '_' and '-'")
	}
	id := prefix + strings.ToLower(v)
	return account(Line, id, id)
}

// lineQR keys the case-sensitive code of a line.me/ti/p/CODE link.
func lineQR(code string) Selector {
	if len(code) < 6 || len(code) > 64 || !allAlnum(code, "_-") {
		return invalid(Line, "malformed LINE friend link")
	}
	return account(Line, "p/"+code, "line.me/ti/p/"+code)
}

// lineShortLink keys the case-sensitive code of a lin.ee short link.
func lineShortLink(code string) Selector {
	if len(code) < 4 || len(code) > 32 || !allAlnum(code, "_-") {
		return invalid(Line, "malformed lin.ee link")
	}
	return account(Line, "lin.ee/"+code, "lin.ee/"+code)
}

// parseKakao: KakaoTalk IDs are 4–20 characters of [a-z0-9._-]; open-chat
// links (open.kakao.com/o/CODE) and channel links (pf.kakao.com/_CODE) carry
// case-sensitive codes.
func parseKakao(v string, fromLink bool) Selector {
	if fromLink {
		seg, rest := firstSegment(v)
		code, _ := firstSegment(rest)
		switch {
		case seg == "o" || seg == "me":
			if len(code) < 4 || len(code) > 32 || !allAlnum(code, "_-") {
				return invalid(Kakao, "malformed Kakao open-chat link")
			}
			return account(Kakao, "open/"+code, "open.kakao.com/"+seg+"/"+code)
		case strings.HasPrefix(seg, "_"):
			if len(seg) < 4 || len(seg) > 32 || !allAlnum(seg, "_") {
				return invalid(Kakao, "malformed Kakao channel link")
			}
			return account(Kakao, "pf/"+seg, "pf.kakao.com/"+seg)
		}
		return invalid(Kakao, "not a KakaoTalk open-chat or channel link")
	}
	if strings.HasPrefix(v, "open/") {
		return parseKakao("o/"+v[len("open/"):], true)
	}
	if strings.HasPrefix(v, "pf/") {
		return parseKakao(v[len("pf/"):], true)
	}
	switch {
	case len(v) < 4:
		return invalid(Kakao, "KakaoTalk ID shorter than 4 characters")
	case len(v) > 20:
		return invalid(Kakao, "KakaoTalk ID longer than 20 characters")
	case !allAlnum(v, "._-"):
		return invalid(Kakao, "KakaoTalk IDs have only letters, digits, '.', '_' and '-'")
	}
	id := strings.ToLower(v)
	return account(Kakao, id, id)
}

// parseWeChat: WeChat IDs are 6–20 characters of [A-Za-z0-9_-] starting with
// a letter; accounts that never chose one have a system id "wxid_…".
// Searches ignore case, so the key is lower-case.
func parseWeChat(v string) Selector {
	v = strings.TrimPrefix(v, "@")
	switch {
	case len(v) < 6:
		return invalid(WeChat, "WeChat ID shorter than 6 characters")
	case len(v) > 30 || len(v) > 20 && !strings.HasPrefix(strings.ToLower(v), "wxid_"):
		return invalid(WeChat, "WeChat ID longer than 20 characters")
	case !allAlnum(v, "_-"):
		return invalid(WeChat, "WeChat IDs have only letters, digits, '_' and '-'")
	case !isLetter(v[0]):
		return invalid(WeChat, "WeChat IDs start with a letter")
	}
	id := strings.ToLower(v)
	return account(WeChat, id, v)
}

// parseSignal: a Signal account is a phone number (signal.me/#p/+8210…) or
// a user name of 3–32 characters with a numeric discriminator ("prince.01").
func parseSignal(v string, fromLink bool, opts Options) Selector {
	if fromLink {
		frag := v
		if i := strings.IndexByte(v, '#'); i >= 0 {
			frag = v[i+1:]
		}
		switch {
		case strings.HasPrefix(frag, "p/"):
			v = frag[2:]
		case strings.HasPrefix(frag, "eu/"):
			code := frag[3:]
			if len(code) < 16 || !allAlnum(code, "_-") {
				return invalid(Signal, "malformed Signal user-name link")
			}
			return account(Signal, "eu/"+code, "signal.me/#eu/"+code)
		default:
			return invalid(Signal, "not a Signal contact link")
		}
	}
	if strings.HasPrefix(v, "eu/") {
		return parseSignal("#"+v, true, opts)
	}
	if strings.ContainsAny(v, "+") || isAllDigits(digitsOnly(v)) && strings.Trim(v, "0123456789 -().") == "" {
		s := parsePhone(v, opts.Region)
		if !s.Valid {
			s.Kind = Signal
			s.Reason = "Signal account: " + s.Reason
			return s
		}
		s.Platform = "signal"
		return s
	}
	v = strings.TrimPrefix(v, "@")
	dot := strings.LastIndexByte(v, '.')
	if dot < 0 || !isAllDigits(v[dot+1:]) || len(v)-dot-1 < 2 {
		return invalid(Signal, "Signal user names end in a dot and at least two digits (name.01)")
	}
	name := v[:dot]
	switch {
	case len(name) < 3 || len(name) > 32:
		return invalid(Signal, "Signal user names have 3 to 32 characters before the dot")
	case !allAlnum(name, "_"):
		return invalid(Signal, "Signal user names have only letters, digits and _")
	case isDigit(name[0]):
		return invalid(Signal, "Signal user names do not start with a digit")
	}
	id := strings.ToLower(v)
	return account(Signal, id, id)
}

var facebookReserved = map[string]bool{
	"pages": true, "events": true, "watch": true, "marketplace": true, "share": true,
	"sharer": true, "sharer.php": true, "login": true, "login.php": true, "home.php": true, "photo.php": true,
	"photo": true, "photos": true, "story.php": true, "permalink.php": true, "hashtag": true, "reel": true,
	"messages": true, "help": true, "policies": true, "privacy": true, "settings": true, "search": true,
	"dialog": true, "plugins": true, "l.php": true, "business": true, "gaming": true, "notifications": true,
}

// parseFacebook: user names are at least 5 letters, digits and dots, and
// Facebook ignores both case and dots in them; numeric profile ids come
// from profile.php?id=N and /people/Name/N links; groups keep their own
// name space.
func parseFacebook(v string, fromLink bool) Selector {
	if fromLink {
		seg, rest := firstSegment(v)
		switch {
		case seg == "profile.php":
			q := ""
			if i := strings.IndexByte(v, '?'); i >= 0 {
				q = v[i+1:]
			}
			vals, _ := url.ParseQuery(q)
			id := vals.Get("id")
			if !isAllDigits(id) {
				return invalid(Facebook, "profile.php link without a numeric id")
			}
			return account(Facebook, id, "facebook.com/profile.php?id="+id)
		case seg == "people":
			_, idPart := firstSegment(rest)
			id, _ := firstSegment(idPart)
			if !isAllDigits(id) {
				return invalid(Facebook, "people link without a numeric id")
			}
			return account(Facebook, id, "facebook.com/people/"+id)
		case seg == "groups":
			g, _ := firstSegment(rest)
			if g == "" || !allAlnum(g, "._-") {
				return invalid(Facebook, "malformed Facebook group link")
			}
			return account(Facebook, "groups/"+strings.ToLower(g), "facebook.com/groups/"+g)
		case facebookReserved[strings.ToLower(seg)]:
			return invalid(Facebook, "facebook.com/%s is not a profile link", seg)
		}
		v = seg
	}
	if strings.HasPrefix(v, "groups/") {
		return parseFacebook(v, true)
	}
	v = strings.TrimPrefix(v, "@")
	if isAllDigits(v) {
		return account(Facebook, v, "facebook.com/profile.php?id="+v)
	}
	if !allAlnum(v, ".") {
		return invalid(Facebook, "Facebook user names have only letters, digits and dots")
	}
	id := strings.ToLower(strings.ReplaceAll(v, ".", ""))
	if len(id) < 5 {
		return invalid(Facebook, "Facebook user names have at least 5 letters or digits")
	}
	if len(id) > 50 {
		return invalid(Facebook, "Facebook user name longer than 50 characters")
	}
	return account(Facebook, id, "facebook.com/"+v)
}

var instagramReserved = map[string]bool{
	"p": true, "reel": true, "reels": true, "explore": true, "accounts": true, "tv": true,
	"direct": true, "about": true, "legal": true, "developer": true, "web": true,
}

// parseInstagram: user names are 1–30 characters of [a-z0-9._], without case.
func parseInstagram(v string, fromLink bool) Selector {
	if fromLink {
		seg, rest := firstSegment(v)
		if seg == "stories" {
			seg, _ = firstSegment(rest)
		} else if instagramReserved[strings.ToLower(seg)] {
			return invalid(Instagram, "instagram.com/%s is not a profile link", seg)
		}
		v = seg
	}
	v = strings.TrimPrefix(v, "@")
	switch {
	case v == "":
		return invalid(Instagram, "empty Instagram user name")
	case len(v) > 30:
		return invalid(Instagram, "Instagram user name longer than 30 characters")
	case !allAlnum(v, "._"):
		return invalid(Instagram, "Instagram user names have only letters, digits, '.' and '_'")
	}
	id := strings.ToLower(v)
	return account(Instagram, id, "@"+id)
}

var xReserved = map[string]bool{
	"home": true, "i": true, "search": true, "intent": true, "share": true, "hashtag": true,
	"explore": true, "settings": true, "messages": true, "notifications": true, "login": true,
	"signup": true, "tos": true, "privacy": true, "compose": true,
}

// parseX: X (Twitter) handles are 1–15 characters of [A-Za-z0-9_], without case.
func parseX(v string, fromLink bool) Selector {
	if fromLink {
		seg, _ := firstSegment(v)
		if xReserved[strings.ToLower(seg)] {
			return invalid(X, "x.com/%s is not a profile link", seg)
		}
		v = seg
	}
	v = strings.TrimPrefix(v, "@")
	switch {
	case v == "":
		return invalid(X, "empty X handle")
	case len(v) > 15:
		return invalid(X, "X handles have at most 15 characters")
	case !allAlnum(v, "_"):
		return invalid(X, "X handles have only letters, digits and _")
	}
	return account(X, strings.ToLower(v), "@"+v)
}
