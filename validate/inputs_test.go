package validate

import (
	"testing"
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
