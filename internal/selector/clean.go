package selector

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// invalid builds a rejected selector with a formatted reason.
func invalid(kind Kind, format string, args ...any) Selector {
	return Selector{Kind: kind, Reason: fmt.Sprintf(format, args...)}
}

// fold trims v and maps full-width and other compatibility forms of ASCII
// (０１０, ＠, ．) to ASCII, as East Asian input methods produce them. ASCII
// input is returned without allocating.
func fold(v string) string {
	v = strings.TrimSpace(v)
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			v = width.Fold.String(v)
			// Ideographic full stop and a few look-alike separators also
			// occur inside addresses typed on CJK keyboards.
			return strings.TrimSpace(ideographicReplacer.Replace(v))
		}
	}
	return v
}

var ideographicReplacer = strings.NewReplacer("。", ".", "｡", ".", "‐", "-", "‑", "-", "‒", "-", "–", "-", "—", "-", "\u00a0", " ", "\u200b", "")

// refangReplacer undoes the "defanging" analysts apply to indicators so that
// nobody clicks them: hxxp://example[.]com, name[at]example(.)com.
var refangReplacer = strings.NewReplacer(
	"[.]", ".", "(.)", ".", "{.}", ".", "[dot]", ".", "(dot)", ".", "{dot}", ".",
	"[DOT]", ".", "(DOT)", ".", "[Dot]", ".",
	"[:]", ":", "[://]", "://", "[/]", "/",
	"[@]", "@", "[at]", "@", "(at)", "@", "{at}", "@", "[AT]", "@", "(AT)", "@",
)

// refang returns v with defanged separators restored and a defanged scheme
// (hxxp, hxxps, hXXp, fxp) turned back into its real one.
func refang(v string) string {
	if strings.ContainsAny(v, "[({") {
		v = refangReplacer.Replace(v)
	}
	return defangScheme(v)
}

// defangScheme turns hxxp:// and hxxps:// (any case) back into http(s)://.
func defangScheme(v string) string {
	if len(v) < 4 {
		return v
	}
	h, x1, x2, p := v[0]|0x20, v[1]|0x20, v[2]|0x20, v[3]|0x20
	if h == 'h' && x1 == 'x' && x2 == 'x' && p == 'p' {
		return "http" + v[4:]
	}
	if h == 'm' && x1 == 'e' && x2 == 'o' && p == 'w' { // "meow://", seen in some feeds
		return "http" + v[4:]
	}
	return v
}

// isASCIIDigit reports whether c is 0-9.
func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsOnly returns the ASCII digits of v, dropping everything else.
func digitsOnly(v string) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		if isASCIIDigit(v[i]) {
			b.WriteByte(v[i])
		}
	}
	return b.String()
}
