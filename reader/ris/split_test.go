package ris_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/ris"
)

// TestSplit cuts RIS into records: each record at its line, a header
// dropped, a record without its ER kept, an input without any tag
// reported as Read reports it, and a record longer than MaxChunkSize
// rejected alone.
func TestSplit(t *testing.T) {
	defer func(n int) { reader.MaxChunkSize = n }(reader.MaxChunkSize)
	reader.MaxChunkSize = 200
	tests := []struct {
		name, input string
		want        []string // "line:col first line of the chunk", or "error" for a rejected one
	}{
		{"records", "TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nTI  - B\nER  - \n", []string{"1:1 TY  - JOUR", "4:1 TY  - JOUR"}},
		{"a header", "Provider: X\nContent: text\n\nTY  - JOUR\nTI  - A\nER  - \n", []string{"4:1 TY  - JOUR"}},
		{"a missing ER", "TY  - JOUR\nTI  - A\nTY  - BOOK\nTI  - B\nER  - \n", []string{"1:1 TY  - JOUR", "3:1 TY  - BOOK"}},
		{"no tag at all", "just text\n", []string{"1:1 just text"}},
		{"a record too long", "TY  - JOUR\nAB  - " + strings.Repeat("x", 300) + "\nER  - \nTY  - JOUR\nTI  - B\n", []string{"error", "4:1 TY  - JOUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for c, err := range ris.Split(strings.NewReader(tt.input), "in.ris") {
				switch {
				case err != nil:
					got = append(got, err.Error())
				case c.Err != nil:
					got = append(got, "error")
				default:
					first, _, _ := strings.Cut(string(c.Data), "\n")
					got = append(got, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Column, first))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
