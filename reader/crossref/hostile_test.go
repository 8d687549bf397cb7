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

// TestJSONInputRepairs checks that the REST reader reports what
// encoding/json repairs silently, decodes UTF-16 and places deep input.
func TestJSONInputRepairs(t *testing.T) {
	data := []byte("{\"DOI\": \"10.5555/x\", \"title\": [\"M\xfcller \\udc00\"]}")
	records, err := Read(data, "bad.json")
	if err != nil || len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%v %+v", err, records)
	}
	if w := records[0].Warnings; len(w) < 2 || w[0].Path != "input" || !strings.Contains(w[0].Msg, "not UTF-8") || !strings.Contains(w[1].Msg, "lone UTF-16 surrogate") {
		t.Errorf("warnings %v", w)
	}
	utf16 := []byte{0xFE, 0xFF}
	for _, r := range `{"DOI": "10.5555/y", "title": ["Ünïcode"], "container-title": ["J"]}` {
		utf16 = append(utf16, byte(r>>8), byte(r))
	}
	if !Sniff(utf16) {
		t.Error("Sniff does not see Crossref JSON in UTF-16")
	}
	records, err = Read(utf16, "utf16.json")
	if err != nil || len(records) != 1 || records[0].Err != nil || records[0].Article.Title != "Ünïcode" {
		t.Fatalf("%v %+v", err, records)
	}
	_, err = Read([]byte(strings.Repeat("[", 1_000_000)), "deep.json")
	var syntaxErr *reader.SyntaxError
	if !errors.As(err, &syntaxErr) || syntaxErr.Pos.Line != 1 {
		t.Errorf("deep input: %v, want a positioned syntax error", err)
	}
}
