package crossref

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/xmltree"
)

// TestXMLTooDeep feeds a million nested elements: reading stops at
// xmltree.MaxDepth with a positioned error, not a stack overflow.
func TestXMLTooDeep(t *testing.T) {
	data := "<doi_records>\n" + strings.Repeat("<x>", 1_000_000)
	_, err := ReadXML([]byte(data), "deep.xml")
	var syntaxErr *reader.SyntaxError
	if !errors.As(err, &syntaxErr) || !errors.Is(err, xmltree.ErrTooDeep) {
		t.Fatalf("got %v, want a *reader.SyntaxError for nesting too deep", err)
	}
	want := ld.Position{File: "deep.xml", Line: 2, Column: 3*(xmltree.MaxDepth-1) + 1}
	if syntaxErr.Pos != want {
		t.Errorf("error at %v, want %v", syntaxErr.Pos, want)
	}
}

// TestXMLByteOrderMark reads a UNIXREF record saved with a UTF-8
// byte-order mark, which the reader once refused as "text outside the
// root element".
func TestXMLByteOrderMark(t *testing.T) {
	data, err := os.ReadFile("testdata/xml/unixref-records.xml")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := ReadXML(data, "plain.xml")
	if err != nil {
		t.Fatal(err)
	}
	marked, err := ReadXML(append([]byte("\xef\xbb\xbf"), data...), "bom.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(marked) != len(plain) || len(marked) == 0 || marked[0].Article == nil || marked[0].Article.Title != plain[0].Article.Title {
		t.Errorf("with a BOM: %d records, without: %d", len(marked), len(plain))
	}
	if !SniffXML(append([]byte("\xef\xbb\xbf"), data...)) {
		t.Error("SniffXML does not see through the BOM")
	}
}
