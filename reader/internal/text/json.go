package text

import (
	"fmt"
	"unicode/utf8"
)

// JSONRepairs names what a JSON decoder repairs in data without a word:
// bytes that are not UTF-8 and escaped lone surrogates ("\ud800" with no
// low surrogate after it, or a low one alone), both of which
// encoding/json turns into U+FFFD. A reader reports each as a warning.
func JSONRepairs(data []byte) []string {
	var repairs []string
	if !utf8.Valid(data) {
		bad := 0
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				bad++
			}
			i += size
		}
		repairs = append(repairs, fmt.Sprintf("%d bytes that are not UTF-8 replaced by U+FFFD", bad))
	}
	if n := loneSurrogates(data); n > 0 {
		repairs = append(repairs, fmt.Sprintf("%d lone UTF-16 surrogate escapes (\\uD800-\\uDFFF) replaced by U+FFFD", n))
	}
	return repairs
}

// loneSurrogates counts the \u escapes inside JSON strings that are half
// of a surrogate pair without the other half.
func loneSurrogates(data []byte) int {
	count := 0
	inString := false
	pendingHigh := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if !inString {
			if c == '"' {
				inString = true
			}
			continue
		}
		switch {
		case c == '"':
			inString = false
			if pendingHigh {
				count++
				pendingHigh = false
			}
		case c == '\\' && i+1 < len(data):
			if data[i+1] == 'u' && i+5 < len(data) {
				v, ok := hex4(data[i+2 : i+6])
				switch {
				case ok && v >= 0xD800 && v <= 0xDBFF:
					if pendingHigh {
						count++
					}
					pendingHigh = true
				case ok && v >= 0xDC00 && v <= 0xDFFF:
					if pendingHigh {
						pendingHigh = false
					} else {
						count++
					}
				default:
					if pendingHigh {
						count++
						pendingHigh = false
					}
				}
				i += 5
				continue
			}
			if pendingHigh {
				count++
				pendingHigh = false
			}
			i++ // the escaped character
		default:
			if pendingHigh {
				count++
				pendingHigh = false
			}
		}
	}
	return count
}

func hex4(b []byte) (rune, bool) {
	var v rune
	for _, c := range b {
		v <<= 4
		switch {
		case '0' <= c && c <= '9':
			v |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			v |= rune(c-'a') + 10
		case 'A' <= c && c <= 'F':
			v |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	return v, true
}

// JSONInput prepares a JSON input for decoding: input with a UTF-16
// byte-order mark is decoded to UTF-8. It returns the bytes to decode and
// every repair, the decoder's own included (JSONRepairs), for warnings.
func JSONInput(data []byte) ([]byte, []string) {
	var repairs []string
	if decoded, ok, err := FromUTF16(data); ok {
		if err != nil {
			repairs = append(repairs, err.Error())
		} else {
			data = decoded
			repairs = append(repairs, "the input is UTF-16 (it starts with a byte-order mark): decoded")
		}
	}
	return data, append(repairs, JSONRepairs(data)...)
}
