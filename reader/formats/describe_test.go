package formats_test

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader/formats"
)

// TestDetectSaysWhatTheInputLooksLike checks the message for inputs that
// no reader takes: it says what the file is, so that the user knows
// whether to name a format or convert the file first.
func TestDetectSaysWhatTheInputLooksLike(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty.json", "  \n", "it is empty"},
		{"x.json", "{}", "it is JSON whose first object is empty"},
		{"x.json", `{"foo": 1, "bar": [2], "baz": {}}`, `it is JSON whose first object has the keys "foo", "bar", "baz"`},
		{"x.json", `[3]`, "it is JSON without an object that could be a record"},
		{"x.xml", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`, "it looks like RDF/XML (root element <RDF>), which scholarld does not read"},
		{"x.xml", `<mods xmlns="http://www.loc.gov/mods/v3"><titleInfo/></mods>`, "it looks like MODS (root element <mods>)"},
		{"x.xml", `<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>`, "it looks like PubMed XML"},
		{"x.xml", `<catalogue/>`, "it is XML whose root element <catalogue> no reader takes"},
		{"x.dat", "\xff\xfe{\x00}\x00", "it is UTF-16 text"},
		{"x.dat", "\x00\x01\x02\xff\xfe\xfd", "it is not text"},
		{"notes.txt", "just some notes", "it is text that none of the readers recognises"},
	}
	for _, tt := range tests {
		_, err := formats.Detect(tt.name, []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), "cannot tell the input format: "+tt.want) || !strings.Contains(err.Error(), "name it with -f") {
			t.Errorf("Detect(%q, %q) = %v, want it to say %q", tt.name, tt.data, err, tt.want)
		}
	}
}
