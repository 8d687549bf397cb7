package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s in Unicode normalisation form C with every run of white
// space (spaces, tabs, line breaks, no-break spaces and the other Unicode
// spaces) collapsed to one ASCII space and the ends trimmed. Control
// characters other than white space are removed, and bytes that are not
// UTF-8 become U+FFFD.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		switch {
		case unicode.IsSpace(r):
			pendingSpace = b.Len() > 0
		case unicode.IsControl(r):
			// Dropped: a NUL or an escape character is never content.
		default:
			if pendingSpace {
				b.WriteByte(' ')
				pendingSpace = false
			}
			b.WriteRune(r)
		}
	}
	// Normalising last composes marks that a removed control character
	// had kept apart.
	return norm.NFC.String(b.String())
}
