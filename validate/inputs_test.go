package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
)

// TestExplicitAuthors checks how an "authors" member is told apart from
// none: a byte order mark does not hide it, null is no authors at all, and
// an array element that is not an object keeps the records after it in
// step with the decoder.
func TestExplicitAuthors(t *testing.T) {
	const record = `{"title": "T", "authors": [], "dates": {"published": "2020"}}`
	tests := []struct {
		name  string
		input string
		want  []bool
	}{
		{"byte order mark", "\ufeff" + record, []bool{true}},
		{"null authors", `{"title": "T", "authors": null}`, []bool{false}},
		{"array with a bad element", "[" + record + `, "oops", ` + record + "]", []bool{true, false, true}},
		{"stream", record + "\n" + `{"title": "U"}`, []bool{true, false}},
	}
	for _, tt := range tests {
		got := explicitAuthors([]byte(tt.input))
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
	if r := Validate([]byte("\ufeff"+record), "bom.json", Options{Format: "record"}); r.Count(Error) != 0 {
		t.Errorf("a record with a byte order mark and authors: [] has errors: %+v", r.Findings)
	}
}

// TestSyntaxErrorPositions checks that an unreadable N-Triples or JSON-LD
// input names the line and column of its syntax error.
func TestSyntaxErrorPositions(t *testing.T) {
	tests := []struct {
		file, input  string
		line, column int
	}{
		{"bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"x .\n", 2, 27},
		{"bad.jsonld", "{\"@context\": \"https://schema.org\",\n \"@type\": \"ScholarlyArticle\",}", 2, 30},
		// The line parser names the start of the term it cannot read.
		{"bad.nq", "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> oops <http://g> .\n", 2, 23},
	}
	for _, tt := range tests {
		r := Validate([]byte(tt.input), tt.file, Options{})
		if !r.Unreadable || len(r.Findings) == 0 {
			t.Fatalf("%s: not unreadable: %+v", tt.file, r)
		}
		if f := r.Findings[0]; f.Line != tt.line || f.Column != tt.column {
			t.Errorf("%s: finding at %d:%d, want %d:%d: %s", tt.file, f.Line, f.Column, tt.line, tt.column, f.Message)
		}
	}
}

// TestNoneOfTheFormats: a file of no format validate reads says so,
// rather than failing as bad Turtle.
func TestNoneOfTheFormats(t *testing.T) {
	r := Validate([]byte("<catalogue><item/></catalogue>\n"), "a.xml", Options{})
	if len(r.Findings) != 1 || !r.Unreadable || !strings.HasPrefix(r.Findings[0].Message, "a.xml is none of the formats validate reads (record, ") {
		t.Errorf("an XML file of no known kind: %+v", r.Findings)
	}
}

// TestNQuads: the N-Quads that convert writes give the findings its
// N-Triples give.
func TestNQuads(t *testing.T) {
	for _, name := range []string{"ijms-2014-15-14348", "elife-2014-3-e01567"} {
		var got [2][]string
		for i, ext := range []string{".nt", ".nq"} {
			data, err := os.ReadFile(filepath.Join(testkit.Root(t), "testdata", "golden", name+ext))
			if err != nil {
				t.Fatal(err)
			}
			r := Validate(data, name+ext, Options{Profiles: Profiles})
			if r.Unreadable || r.Format != detect(name+ext, nil) {
				t.Fatalf("%s%s: format %s, unreadable %v: %+v", name, ext, r.Format, r.Unreadable, r.Findings)
			}
			got[i] = summary(r)
		}
		if !slices.Equal(got[0], got[1]) || len(got[0]) == 0 {
			t.Errorf("%s: N-Triples %q\nN-Quads %q", name, got[0], got[1])
		}
	}
}
