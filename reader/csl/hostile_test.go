package csl_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/csl"
)

// TestInputRepairs checks that what encoding/json repairs silently
// (invalid UTF-8, lone surrogates) is reported, that UTF-16 is decoded
// and that deep nesting is an error with a position.
func TestInputRepairs(t *testing.T) {
	data := []byte("[{\"type\": \"article-journal\", \"title\": \"M\xfcller \\ud800 study\", \"issued\": {\"date-parts\": [[2020]]}}]")
	records, err := csl.Read(data, "bad.json")
	if err != nil || len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%v %+v", err, records)
	}
	var got []string
	for _, w := range records[0].Warnings {
		got = append(got, w.String())
	}
	want := []string{
		"input: 1 bytes that are not UTF-8 replaced by U+FFFD",
		`input: 1 lone UTF-16 surrogate escapes (\uD800-\uDFFF) replaced by U+FFFD`,
	}
	if len(got) < 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("warnings %q, want first %q", got, want)
	}

	utf16 := []byte{0xFF, 0xFE}
	for _, r := range `{"type": "article-journal", "title": "Ünïcode", "issued": {"date-parts": [[2021]]}}` {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	if !csl.Sniff(utf16) {
		t.Error("Sniff does not see CSL-JSON in UTF-16")
	}
	records, err = csl.Read(utf16, "utf16.json")
	if err != nil || len(records) != 1 || records[0].Err != nil || records[0].Article.Title != "Ünïcode" {
		t.Fatalf("%v %+v", err, records)
	}

	_, err = csl.Read([]byte(strings.Repeat("[", 1_000_000)), "deep.json")
	if err == nil || !strings.Contains(err.Error(), "deep.json:1:") {
		t.Errorf("deep input: %v, want a positioned error", err)
	}
}

// TestStructuredReferences keeps references given only as fields, as the
// Crossref readers do, composing their text.
func TestStructuredReferences(t *testing.T) {
	records := readFile(t, "testdata/references.json")
	a := article(t, records[0])
	want := []ld.Reference{
		{DOI: "10.5555/one"},
		{Text: "Smith J. A study. 2011."},
		{Text: "Dolan. 1993. Cellular organisation of the root. Development. 119. 71"},
		{Text: "Lovelace, The Analytical Society. 1843. Notes. Scientific Memoirs. 666-731"},
	}
	if !reflect.DeepEqual(a.References, want) {
		t.Errorf("references\n got %+v\nwant %+v", a.References, want)
	}
	checkWarnings(t, records[0], `reference[4]: a reference without a DOI, text or fields to compose its text from; dropped`)
}
