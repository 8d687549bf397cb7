package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fuzzRecords are small valid records that seed FuzzDecodeRecord.
var fuzzRecords = []string{
	`{"title": "Mesenchymal Stem Cell-Derived Microparticles: A Promising Therapeutic Strategy",
 "type": "review", "openAccess": true, "doi": "10.3390/ijms150814348",
 "authors": [{"given": "Xiaoqing", "family": "Tan", "affiliations": ["a1"]},
  {"kind": "organization", "name": "Smooth Muscle Research Group", "ror": "https://ror.org/03yjb2x39", "corresponding": true}],
 "affiliations": [{"id": "a1", "name": "University of Calgary", "address": {"city": "Calgary", "country": "CA"}}],
 "journal": {"title": "Int. J. Mol. Sci.", "issns": [{"value": "1422-0067", "kind": "electronic"}], "publisher": {"name": "MDPI"}},
 "volume": "15", "issue": "8", "firstPage": "14348", "lastPage": "14363",
 "dates": {"received": "2014-06-18", "revised": ["2014-07-25"], "accepted": "2014-08-04", "published": "2014-08-18"},
 "copyright": {"holder": "the authors", "year": 2014}, "keywords": ["microparticles", "H\u2082O"]}`,
	`{"title": "A correction", "type": "correction", "articleNumber": "e01567", "language": "en",
 "related": [{"relation": "corrects", "doi": "10.7554/eLife.01567"}],
 "references": [{"text": "Sankar M. et al. 2014"}, {"url": "https://elifesciences.org/articles/01567"}],
 "files": [{"url": "https://elifesciences.org/download/x.pdf", "mediaType": "application/pdf", "size": "1.5 MB", "uploaded": "2014-03"}],
 "license": {"url": "https://creativecommons.org/licenses/by/4.0/", "label": "CC BY 4.0"}}`,
	"[{\"title\": \"One\"},\n{\"title\": \"Two\", \"graphicalAbstract\": {\"url\": \"https://x.org/a.png\", \"mediaType\": \"image/png\"}}]",
}

func FuzzDecodeRecord(f *testing.F) {
	for _, record := range fuzzRecords {
		f.Add([]byte(record))
		// Broken variants: cut short, a misspelt key, a wrong type.
		f.Add([]byte(record[:len(record)/2]))
		f.Add([]byte(strings.Replace(record, `"title"`, `"titel"`, 1)))
		f.Add([]byte(strings.Replace(record, `"title": "`, `"title": ["`, 1)))
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "record", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeRecord(data, "fuzz.json")
		checkAgainstEncodingJSON(t, data, a, err)
		if err != nil {
			checkFuzzError(t, err)
			if a != nil {
				t.Fatalf("article returned with error %v", err)
			}
			return
		}
		if errs := Check(a); len(errs) != 0 {
			t.Fatalf("decoded article fails Check: %v", errs)
		}
		encoded, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("encoding the decoded article: %v", err)
		}
		again, err := DecodeRecord(encoded, "again.json")
		if err != nil {
			t.Fatalf("decoding %s again: %v", encoded, err)
		}
		if !reflect.DeepEqual(a, again) {
			t.Fatalf("round trip differs:\n%#v\n%#v", a, again)
		}
		// A stream holding the record twice gives it twice.
		d := NewRecordDecoder(bytes.NewReader(append(append(encoded, '\n'), encoded...)), "stream.jsonl")
		for range 2 {
			if got, err := d.Decode(); err != nil || !reflect.DeepEqual(got, a) {
				t.Fatalf("stream gave %v, %v", got, err)
			}
		}
	})
}

// checkFuzzError fails unless err is a *SyntaxError or an ErrorList of
// *FieldError.
func checkFuzzError(t *testing.T, err error) {
	t.Helper()
	var syntax *SyntaxError
	if errors.As(err, &syntax) {
		return
	}
	list, ok := err.(ErrorList)
	if !ok || len(list) == 0 || len(list) > maxErrors {
		t.Fatalf("error %T is neither *SyntaxError nor an ErrorList of 1 to %d: %v", err, maxErrors, err)
	}
	for _, e := range list {
		if fe, ok := e.(*FieldError); !ok || !fe.Pos.IsValid() {
			t.Fatalf("list holds %T without a position: %v", e, e)
		}
	}
}

// checkAgainstEncodingJSON holds the scanner to encoding/json: a syntax
// error exactly where encoding/json finds the input invalid, and for a
// record both decode, the same article.
func checkAgainstEncodingJSON(t *testing.T, data []byte, a *Article, err error) {
	t.Helper()
	var syntax *SyntaxError
	isSyntax := errors.As(err, &syntax)
	valid := json.Valid(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	switch {
	case valid && isSyntax && !strings.Contains(syntax.Err.Error(), "nest deeper"):
		t.Fatalf("encoding/json accepts the input, DecodeRecord: %v", err)
	case !valid && !isSyntax:
		t.Fatalf("encoding/json rejects the input, DecodeRecord: %v", err)
	case a == nil:
		return
	}
	var std Article
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &std); err != nil {
		t.Fatalf("encoding/json cannot decode what DecodeRecord accepts: %v", err)
	}
	ours, _ := json.Marshal(a)
	theirs, _ := json.Marshal(&std)
	if !bytes.Equal(ours, theirs) {
		t.Fatalf("DecodeRecord and encoding/json differ:\n%s\n%s", ours, theirs)
	}
}

// TestMapperUnsupportedKind shows that a model field of a kind the mapper
// does not decode is reported, not skipped, should the model gain one.
func TestMapperUnsupportedKind(t *testing.T) {
	data := []byte(`{"ratio": 0.5, "name": "x"}`)
	d := newDecoder(data, string(data), Position{File: "r.json", Line: 1, Column: 1})
	var v struct {
		Ratio float64 `json:"ratio"`
		Name  string  `json:"name,omitempty"`
		Skip  string  `json:"-"`
	}
	if err := d.value(reflect.ValueOf(&v).Elem(), infoOf(reflect.TypeOf(v)), 0); err != nil {
		t.Fatal(err)
	}
	if len(d.errs) != 1 || d.errs[0].Error() != "r.json:1:11: ratio: record: no decoding for Go type float64" {
		t.Errorf("errors %v", d.errs)
	}
	if v.Name != "x" {
		t.Errorf("name %q, want x", v.Name)
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"orcid", "orcid", 0},
		{"orcdi", "orcid", 1}, // a swap counts once
		{"titel", "title", 1},
		{"affiliation", "affiliations", 1},
		{"recieved", "received", 1},
		{"", "doi", 3},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment edits no substring twice
		{"jürnal", "journal", 2},
	}
	for _, tc := range cases {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := editDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"id", "name", "department", "address", "ror"}
	cases := map[string]string{
		"ID":          ` (did you mean "id"?)`,
		"nmae":        ` (did you mean "name"?)`,
		"departement": ` (did you mean "department"?)`,
		"adress":      ` (did you mean "address"?)`,
		"url":         "",
		"x":           "",
		"country":     "",
	}
	for key, want := range cases {
		if got := suggest(key, known); got != want {
			t.Errorf("suggest(%q) = %q, want %q", key, got, want)
		}
	}
}
