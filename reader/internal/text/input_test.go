package text_test

import (
	"fmt"
	"testing"

	"github.com/scholarld/scholarld/reader/internal/text"
)

func TestDecodeInput(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		notUTF8 bool
	}{
		{"UTF-8", []byte("Müller"), "Müller", false},
		{"empty", nil, "", false},
		{"Windows-1252", []byte("M\xfcller \x96 \x93x\x94"), "Müller – “x”", true},
		{"Latin-1 byte", []byte("caf\xe9"), "café", true},
	}
	for _, tt := range tests {
		got, notUTF8 := text.DecodeInput(tt.in)
		if got != tt.want || notUTF8 != tt.notUTF8 {
			t.Errorf("%s: DecodeInput = %q, %v; want %q, %v", tt.name, got, notUTF8, tt.want, tt.notUTF8)
		}
	}
}

func ExampleDecodeInput() {
	fmt.Println(text.DecodeInput([]byte("na\xefve")))
	// Output: naïve true
}
