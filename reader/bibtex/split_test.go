package bibtex_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/bibtex"
)

// TestSplit cuts BibTeX into entries: each at its line with the @string
// entries before it as its prelude; a comment before the first entry,
// however long, is skipped, and an entry longer than MaxChunkSize is
// rejected alone.
func TestSplit(t *testing.T) {
	defer func(n int) { reader.MaxChunkSize = n }(reader.MaxChunkSize)
	reader.MaxChunkSize = 200
	long := strings.Repeat("x", 300)
	tests := []struct {
		name, input string
		want        []string // "line:col first line (prelude bytes)", or "error"
	}{
		{"entries and macros", "@string{j = \"J\"}\n@article{a,\n journal = j}\n@book{b, title={B}}\n", []string{"1:1 @string{j = \"J\"} (0)", "2:1 @article{a, (17)", "4:1 @book{b, title={B}} (17)"}},
		{"a long comment first", long + "\n@article{a, title={A}}\n", []string{"2:1 @article{a, title={A}} (0)"}},
		{"an entry too long", "@article{a, abstract={" + long + "}}\n@book{b, title={B}}\n", []string{"error", "2:1 @book{b, title={B}} (0)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for c, err := range bibtex.Split(strings.NewReader(tt.input), "in.bib") {
				switch {
				case err != nil:
					got = append(got, err.Error())
				case c.Err != nil:
					got = append(got, "error")
				default:
					first, _, _ := strings.Cut(string(c.Data), "\n")
					got = append(got, fmt.Sprintf("%d:%d %s (%d)", c.Pos.Line, c.Pos.Column, first, len(c.Prelude)))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
