package text_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/reader/internal/text"
	"golang.org/x/text/unicode/norm"
)

var _ = testkit.Update // every test binary defines -update

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only spaces", " \t\n ", ""},
		{"already clean", "Protein folding", "Protein folding"},
		{"leading and trailing", "  Protein folding \n", "Protein folding"},
		{"tab inside", "Protein\tfolding", "Protein folding"},
		{"newline inside", "Protein\nfolding", "Protein folding"},
		{"CRLF inside", "Protein\r\n  folding", "Protein folding"},
		{"run of mixed space", "a \t\n\r\v\f b", "a b"},
		{"no-break space", "10\u00a0mg", "10 mg"},
		{"narrow no-break space", "10\u202fmg", "10 mg"},
		{"em space and ideographic space", "a\u2003b\u3000c", "a b c"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a b c"},
		{"NBSP at ends", "\u00a0Title\u00a0", "Title"},
		{"NFD e acute composed", "Ame\u0301lie", "Amélie"},
		{"NFD o stroke stays", "S\u00f8ren", "Søren"},
		{"NFD two marks", "Nguye\u0302\u0303n", "Nguyễn"},
		{"NFC input unchanged", "José María Álvarez", "José María Álvarez"},
		{"control characters removed", "a\x00b\x1bc", "abc"},
		{"C1 control removed", "a\u0085b", "a b"}, // NEL is white space
		{"mark after removed control", "e\x00\u0301", "é"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"zero-width space kept", "a\u200bb", "a\u200bb"},
		{"markup untouched", "H<sub>2</sub>O  in <i>vivo</i>", "H<sub>2</sub>O in <i>vivo</i>"},
		{"entities untouched", "A &amp; B", "A &amp; B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := text.Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	for _, seed := range []string{"", " a\u00a0b ", "e\u0301", "\xff\x00", "a\t\nb"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := text.Clean(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q is not UTF-8", s, got)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Fatalf("Clean(%q) = %q is not NFC", s, got)
		}
		if again := text.Clean(got); again != got {
			t.Fatalf("Clean is not idempotent: %q then %q", got, again)
		}
	})
}

func ExampleClean() {
	fmt.Printf("%q\n", text.Clean("  Protein\u00a0folding\n in  vivo "))
	// Output: "Protein folding in vivo"
}
