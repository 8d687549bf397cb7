package jats

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/xmltree"
)

// TestTooDeep feeds a million nested elements, which once killed the
// process with a stack overflow: reading stops at xmltree.MaxDepth with
// a positioned error.
func TestTooDeep(t *testing.T) {
	data := "<article>\n<front>" + strings.Repeat("<p>", 1_000_000)
	_, err := Read([]byte(data), "deep.xml")
	var syntaxErr *reader.SyntaxError
	if !errors.As(err, &syntaxErr) || !errors.Is(err, xmltree.ErrTooDeep) {
		t.Fatalf("got %v, want a *reader.SyntaxError for nesting too deep", err)
	}
	want := ld.Position{File: "deep.xml", Line: 2, Column: len("<front>") + 3*(xmltree.MaxDepth-2) + 1}
	if syntaxErr.Pos != want {
		t.Errorf("error at %v, want %v", syntaxErr.Pos, want)
	}
	if !strings.HasPrefix(err.Error(), "deep.xml:2:") {
		t.Errorf("message %q does not start with the position", err)
	}
}

// TestByteOrderMarks reads a JATS file saved with a UTF-8 byte-order mark
// and as UTF-16 (little-endian, with its mark): all three read the same.
func TestByteOrderMarks(t *testing.T) {
	data, err := os.ReadFile("testdata/mdpi-like.xml")
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range string(data) {
		if r > 0xFFFF {
			t.Skip("fixture has a character outside the BMP")
		}
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	plain, err := Read(data, "in.xml")
	if err != nil {
		t.Fatal(err)
	}
	for name, input := range map[string][]byte{"UTF-8 BOM": append([]byte("\xef\xbb\xbf"), data...), "UTF-16LE": utf16} {
		records, err := Read(input, "in.xml")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(records) != len(plain) || records[0].Article.Title != plain[0].Article.Title || records[0].Article.Abstract != plain[0].Article.Abstract {
			t.Errorf("%s reads differently", name)
		}
	}
}
