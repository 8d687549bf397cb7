package ld

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// appendJSON appends v, made of the kinds encoding/json decodes into or a
// compact document (*compactNode), in
// the layout json.Encoder gives with SetIndent("", "  "): keys sorted,
// two spaces per level, and with escapeHTML '<', '>' and '&' as \u
// escapes. It writes the same bytes as json.Encoder (tested), without
// reflection. A negative depth writes v on one line, as json.Marshal does.
func appendJSON(dst []byte, v any, depth int, escapeHTML bool) []byte {
	inner, colon := depth+1, ": "
	if depth < 0 {
		inner, colon = depth, ":"
	}
	switch v := v.(type) {
	case *compactNode:
		return appendCompactNode(dst, v, depth, escapeHTML)
	case map[string]any:
		if len(v) == 0 {
			return append(dst, "{}"...)
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = newline(dst, inner)
			dst = appendJSONString(dst, k, escapeHTML)
			dst = append(dst, colon...)
			dst = appendJSON(dst, v[k], inner, escapeHTML)
		}
		return append(newline(dst, depth), '}')
	case []any:
		if len(v) == 0 {
			return append(dst, "[]"...)
		}
		dst = append(dst, '[')
		for i, item := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = newline(dst, inner)
			dst = appendJSON(dst, item, inner, escapeHTML)
		}
		return append(newline(dst, depth), ']')
	case string:
		return appendJSONString(dst, v, escapeHTML)
	case float64:
		return appendJSONNumber(dst, v)
	case bool:
		return strconv.AppendBool(dst, v)
	case nil:
		return append(dst, "null"...)
	}
	panic("ld: appendJSON: unexpected type") // the tree is built here: a bug
}

// newline starts a line indented for depth; nothing on one line (depth < 0).
func newline(dst []byte, depth int) []byte {
	if depth < 0 {
		return dst
	}
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, "  "...)
	}
	return dst
}

// appendJSONNumber formats a float64 as encoding/json does.
func appendJSONNumber(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// Turn e-09 into e-9, as encoding/json does.
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks with 1, for safeRun, the ASCII bytes written as they are
// in a JSON string; htmlSafe leaves out '<', '>' and '&' too.
var jsonSafe, htmlSafe = func() (json, html [256]byte) {
	for b := byte(0x20); b < utf8.RuneSelf; b++ {
		if b != '"' && b != '\\' {
			json[b] = 1
			if b != '<' && b != '>' && b != '&' {
				html[b] = 1
			}
		}
	}
	return json, html
}()

// appendJSONString quotes s as encoding/json does: short escapes for the
// quote, backslash, \b, \f, \n, \r and \t, \u00XX for other control
// characters (and '<', '>', '&' with escapeHTML), \u2028 and \u2029 always,
// and U+FFFD for invalid UTF-8.
func appendJSONString(dst []byte, s string, escapeHTML bool) []byte {
	dst = append(dst, '"')
	safe := &jsonSafe
	if escapeHTML {
		safe = &htmlSafe
	}
	start := 0
	for i := 0; i < len(s); {
		if i += safeRun(s[i:], safe); i == len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
