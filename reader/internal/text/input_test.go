package text_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/scholarld/scholarld/reader/internal/text"
)

func TestDecodeInput(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		repairs []string
	}{
		{"UTF-8", []byte("Müller"), "Müller", nil},
		{"empty", nil, "", nil},
		{"UTF-8 BOM", []byte("\xef\xbb\xbfMüller"), "Müller", nil},
		{"Windows-1252", []byte("M\xfcller \x96 \x93x\x94"), "Müller – “x”", []string{"the input is not UTF-8: read as Windows-1252"}},
		{"Latin-1 byte", []byte("caf\xe9"), "café", []string{"the input is not UTF-8: read as Windows-1252"}},
		{"UTF-16LE", []byte("\xff\xfeM\x00\xfc\x00"), "Mü", []string{"the input is UTF-16 (it starts with a byte-order mark): decoded"}},
		{"UTF-16BE", []byte("\xfe\xff\x00M\x00\xfc"), "Mü", []string{"the input is UTF-16 (it starts with a byte-order mark): decoded"}},
		{"NUL", []byte("a\x00b\x00"), "ab", []string{"2 NUL characters removed"}},
		{"odd UTF-16", []byte("\xff\xfeM"), "\uFFFDM", []string{"the input starts with a UTF-16 byte-order mark but has an odd number of bytes: it is not UTF-16"}},
	}
	for _, tt := range tests {
		got, repairs := text.DecodeInput(tt.in)
		if got != tt.want || !reflect.DeepEqual(repairs, tt.repairs) {
			t.Errorf("%s: DecodeInput = %q, %q; want %q, %q", tt.name, got, repairs, tt.want, tt.repairs)
		}
	}
}

func ExampleDecodeInput() {
	fmt.Println(text.DecodeInput([]byte("na\xefve")))
	// Output: naïve [the input is not UTF-8: read as Windows-1252]
}
