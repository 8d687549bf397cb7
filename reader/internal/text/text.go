package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// DecodeInput returns a whole input as text, and the repairs it made, each
// a sentence for a warning. A UTF-8 byte-order mark is dropped (that is no
// repair). Input that starts with a UTF-16 byte-order mark is decoded from
// UTF-16. An input that is not UTF-8 was written by an older tool in a
// single-byte encoding (RIS predates UTF-8 and its specification names the
// Windows character set; old BibTeX files are Latin-1): Windows-1252, a
// superset of ISO-8859-1, reads it. NUL characters, which no text holds,
// are removed.
func DecodeInput(data []byte) (text string, repairs []string) {
	if decoded, ok, err := FromUTF16(data); ok {
		if err != nil {
			return strings.ToValidUTF8(string(data), "\uFFFD"), []string{err.Error()}
		}
		data = decoded
		repairs = append(repairs, "the input is UTF-16 (it starts with a byte-order mark): decoded")
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		text = string(data)
	} else if decoded, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
		text = string(decoded)
		repairs = append(repairs, "the input is not UTF-8: read as Windows-1252")
	} else {
		text = strings.ToValidUTF8(string(data), "\uFFFD")
		repairs = append(repairs, "the input is not UTF-8: bad bytes replaced by U+FFFD")
	}
	if n := strings.Count(text, "\x00"); n > 0 {
		text = strings.ReplaceAll(text, "\x00", "")
		repairs = append(repairs, fmt.Sprintf("%d NUL characters removed", n))
	}
	return text, repairs
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// FromUTF16 decodes data to UTF-8 when it starts with a UTF-16 byte-order
// mark (either byte order); ok reports whether it does. err is set when
// such input is not UTF-16 after all (an odd number of bytes).
func FromUTF16(data []byte) (decoded []byte, ok bool, err error) {
	if len(data) < 2 || !(data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return data, false, nil
	}
	if len(data)%2 != 0 {
		return data, true, errors.New("the input starts with a UTF-16 byte-order mark but has an odd number of bytes: it is not UTF-16")
	}
	decoded, err = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return data, true, fmt.Errorf("the input starts with a UTF-16 byte-order mark but is not UTF-16: %w", err)
	}
	return decoded, true, nil
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
