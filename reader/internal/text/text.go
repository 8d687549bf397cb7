package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// DecodeInput returns a whole input as text. An input that is not UTF-8
// was written by an older tool in a single-byte encoding (RIS predates
// UTF-8 and its specification names the Windows character set; old
// BibTeX files are Latin-1): Windows-1252, a superset of ISO-8859-1,
// reads it, and notUTF8 reports that it was needed.
func DecodeInput(data []byte) (text string, notUTF8 bool) {
	if utf8.Valid(data) {
		return string(data), false
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), true
	}
	return string(decoded), true
}

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
