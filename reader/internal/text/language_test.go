package text_test

import (
	"fmt"
	"testing"

	"github.com/scholarld/scholarld/reader/internal/text"
)

func TestLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"English", "en"},
		{"  german ", "de"},
		{"FARSI", "fa"},
		{"en-US", "en-US"},
		{"deu", "de"}, // ISO 639-2 code
		{"eng", "en"}, // ISO 639-2 code
		{"und", ""},   // says nothing
		{"", ""},
		{"Klingonese", ""},
		{"ngerman", ""},    // a babel name is BibTeX's, not text.Language's
		{"en_US", "en-US"}, // language.Parse reads the underscore as a hyphen
	}
	for _, tt := range tests {
		if got := text.Language(tt.in); got != tt.want {
			t.Errorf("Language(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleLanguage() {
	fmt.Println(text.Language("Portuguese"), text.Language("por"), text.Language("pt-BR"))
	// Output: pt pt pt-BR
}
