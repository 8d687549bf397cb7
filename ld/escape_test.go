package ld

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestEscapesAtEveryOffset puts each byte that needs escaping at every
// offset of terms of 0 to 24 bytes, so that safeRun's eight-byte steps
// meet it at each place in a step and past the last whole one, and holds
// appendIRI and appendString to escaping byte by byte, and
// appendJSONString to encoding/json.
func TestEscapesAtEveryOffset(t *testing.T) {
	bad := []string{"<", ">", "&", `"`, "{", "}", "|", "^", "`", `\`, " ", "\n", "\t", "\x00", "\x7f", "\xff", "é", "\u2028"}
	for n := range 25 {
		for i := range n + 1 {
			for _, b := range bad {
				s := strings.Repeat("a", i) + b + strings.Repeat("z", n-i)
				if got, want := string(appendIRI(nil, s)), escapeIRIByByte(s); got != want {
					t.Errorf("appendIRI(%q) = %q, want %q", s, got, want)
				}
				if got, want := string(appendString(nil, s)), escapeStringByByte(s); got != want {
					t.Errorf("appendString(%q) = %q, want %q", s, got, want)
				}
				for _, html := range []bool{false, true} {
					if got, want := string(appendJSONString(nil, s, html)), marshalJSON(t, s, html); got != want {
						t.Errorf("appendJSONString(%q, %v) = %s, want %s", s, html, got, want)
					}
				}
			}
		}
	}
}

// escapeIRIByByte is appendIRI written plainly, one byte at a time.
func escapeIRIByByte(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || strings.IndexByte("<>\"{}|^`\\", c) >= 0 {
			b = appendUEscape(b, c)
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

// escapeStringByByte is appendString written plainly, one rune at a time.
func escapeStringByByte(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || r == 0x7f:
			b = appendUEscape(b, byte(r))
		default:
			b = append(b, string(r)...) // an invalid byte comes as U+FFFD
		}
	}
	return string(b)
}

// marshalJSON is s as encoding/json writes it.
func marshalJSON(t *testing.T, s string, escapeHTML bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
