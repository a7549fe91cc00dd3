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

// refang undoes the "defanging" analysts apply to indicators so that nobody
// clicks them: hxxp://example[.]com, name[at]example(.)com,
// name (AT) example (Dot) com. The bracketed separators are the ones
// Extract reads (bracketed), in any case and any of the three bracket
// pairs; the word forms "at" and "dot" may also stand between blanks, which
// are then dropped with them.
func refang(v string) string {
	if strings.ContainsAny(v, "[({") {
		v = refangSeparators(v)
	}
	return defangScheme(v)
}

// defangedSeparators are what a bracketed defanged separator may hold, and
// what each stands for, longest first.
var defangedSeparators = [...]struct{ in, out string }{
	{"://", "://"}, {"dot", "."}, {"at", "@"}, {".", "."}, {"@", "@"}, {":", ":"}, {"/", "/"},
}

// refangSeparators replaces the bracketed separators of v.
func refangSeparators(v string) string {
	var b strings.Builder
	done := 0 // v[:done] is written or dropped
	for j := 0; j < len(v); j++ {
		if c := v[j]; c != '[' && c != '(' && c != '{' {
			continue
		}
		for _, sep := range defangedSeparators {
			n := bracketed(v, j, sep.in)
			if n == 0 {
				continue
			}
			start, end := j, j+n
			if sep.in == "at" || sep.in == "dot" {
				// "name (at) example (dot) com": the blanks go too.
				s, e := start, end
				for s > done && (v[s-1] == ' ' || v[s-1] == '\t') {
					s--
				}
				for e < len(v) && (v[e] == ' ' || v[e] == '\t') {
					e++
				}
				if s < start && e > end {
					start, end = s, e
				}
			}
			if b.Cap() == 0 {
				b.Grow(len(v))
			}
			b.WriteString(v[done:start])
			b.WriteString(sep.out)
			done = end
			j = end - 1
			break
		}
	}
	if done == 0 {
		return v
	}
	b.WriteString(v[done:])
	return b.String()
}

// bracketed returns the length of "[w]", "(w)" or "{w}" at j, w in any
// case, or 0.
func bracketed(t string, j int, w string) int {
	if j >= len(t) {
		return 0
	}
	var closer byte
	switch t[j] {
	case '[':
		closer = ']'
	case '(':
		closer = ')'
	case '{':
		closer = '}'
	default:
		return 0
	}
	k := j + 1 + len(w)
	if k >= len(t) || t[k] != closer || !equalFold(t[j+1:k], w) {
		return 0
	}
	return k + 1 - j
}

// defangScheme turns hxxp:// and hxxps:// (any case) back into http(s)://.
func defangScheme(v string) string {
	if len(v) < 4 {
		return v
	}
	if lower(v[0]) == 'h' && lower(v[1]) == 'x' && lower(v[2]) == 'x' && lower(v[3]) == 'p' {
		return "http" + v[4:]
	}
	return v
}

// digitsOnly returns the ASCII digits of v, dropping everything else.
func digitsOnly(v string) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		if isDigit(v[i]) {
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

// The ASCII helpers below are the only ones in the package: identifiers
// are ASCII where it matters, and unicode's tables would accept look-alike
// letters and digits of other scripts.

// isDigit reports whether c is 0-9.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isUpper reports whether c is A-Z.
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// isLower reports whether c is a-z.
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }

// lower returns c lower-cased if it is an ASCII letter.
func lower(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// hexValue returns the value of the hex digit c, or -1.
func hexValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

// isHex reports whether c is a hex digit, in either case.
func isHex(c byte) bool { return hexValue(c) >= 0 }

// allHex reports whether s is non-empty and all hex digits.
func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return s != ""
}

// isAllDigits reports whether s is non-empty and all ASCII digits.
func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// isAllLetters reports whether s is non-empty and all ASCII letters.
func isAllLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// allAlnum reports whether every byte of s is an ASCII letter or digit or
// one of the bytes of extra; it is true for "".
func allAlnum(s string, extra string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// mixedCase reports whether s has both upper- and lower-case ASCII letters.
func mixedCase(s string) bool {
	lo, up := false, false
	for i := 0; i < len(s); i++ {
		lo = lo || isLower(s[i])
		up = up || isUpper(s[i])
	}
	return lo && up
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// equalFold reports whether s and t are equal with ASCII letters folded;
// other bytes must match exactly, which is all the keywords here need.
func equalFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != t[i] && lower(s[i]) != lower(t[i]) {
			return false
		}
	}
	return true
}

// hasPrefixFold reports whether s begins with prefix, ASCII letters folded.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFold(s[:len(prefix)], prefix)
}

// hasSuffixFold reports whether s ends with suffix, ASCII letters folded.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && equalFold(s[len(s)-len(suffix):], suffix)
}
