package turtle

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
)

// ntriples writes triples one per line, as knakk/rdf serialises them.
func ntriples(triples []rdf.Triple) string {
	var b strings.Builder
	for _, t := range triples {
		b.WriteString(t.Serialize(rdf.NTriples))
	}
	return b.String()
}

func TestParse(t *testing.T) {
	const ex = "@prefix ex: <http://ex.org/> .\n"
	tests := []struct {
		name, in, want string
	}{
		{"UTF-8 byte-order mark", "\xef\xbb\xbf<http://a> <http://b> <http://c> .",
			"<http://a> <http://b> <http://c> .\n"},
		{"base", "@base <http://ex.org/> . <a> <b> <c> .",
			"<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n"},
		{"base relative to base", "@base <http://ex.org/x/> . @base <y/> . <a> <b> <../c> .",
			"<http://ex.org/x/y/a> <http://ex.org/x/y/b> <http://ex.org/x/c> .\n"},
		{"SPARQL PREFIX and BASE", "BASE <http://ex.org/>\nprefix ex: <p/>\nex:a <#b> <?q> .",
			"<http://ex.org/p/a> <http://ex.org/#b> <http://ex.org/?q> .\n"},
		{"long strings", ex + `ex:a ex:b """long
"quoted" ""string""", '''single ' ''' .`,
			"<http://ex.org/a> <http://ex.org/b> \"long\\n\\\"quoted\\\" \\\"\\\"string\" .\n<http://ex.org/a> <http://ex.org/b> \"single ' \" .\n"},
		{"escapes", ex + `ex:a ex:b "t\tq\"\u00e9\U0001F600" .`,
			"<http://ex.org/a> <http://ex.org/b> \"t\tq\\\"é😀\" .\n"},
		{"trailing semicolons", ex + "ex:a ex:b ex:c ; ex:d ex:e ; ; .",
			"<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n<http://ex.org/a> <http://ex.org/d> <http://ex.org/e> .\n"},
		{"a and object lists", ex + "ex:a a ex:C, ex:D .",
			"<http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/C> .\n<http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/D> .\n"},
		{"numbers and booleans", ex + "ex:a ex:b 12, -1.5, 1e3, +.5E-2, true, false.",
			"<http://ex.org/a> <http://ex.org/b> \"12\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"-1.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"1e3\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"+.5E-2\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"},
		{"integer before the final dot", ex + "ex:a ex:b 1.",
			"<http://ex.org/a> <http://ex.org/b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"},
		{"dots inside prefixed names", ex + "ex:a ex:b ex:c.d.e, ex:f.",
			"<http://ex.org/a> <http://ex.org/b> <http://ex.org/c.d.e> .\n<http://ex.org/a> <http://ex.org/b> <http://ex.org/f> .\n"},
		{"local name escapes", "@prefix : <http://ex.org/> . :a\\-b :c%20d :1:x .",
			"<http://ex.org/a-b> <http://ex.org/c%20d> <http://ex.org/1:x> .\n"},
		{"collections", ex + "ex:a ex:b (ex:c (1) ()) .",
			"_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://ex.org/c> .\n" +
				"_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:b1 .\n" +
				"_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:b2 .\n" +
				"_:b2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"_:b2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n" +
				"_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:b3 .\n" +
				"_:b3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n" +
				"_:b3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n" +
				"<http://ex.org/a> <http://ex.org/b> _:b0 .\n"},
		{"blank nodes", ex + "[ ex:b _:x ] ex:d [] . _:x ex:e _:x. [ ex:f ex:g ] .",
			"_:b0 <http://ex.org/b> _:b1 .\n_:b0 <http://ex.org/d> _:b2 .\n_:b1 <http://ex.org/e> _:b1 .\n_:b3 <http://ex.org/f> <http://ex.org/g> .\n"},
		{"language and datatype", ex + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\nex:a ex:b \"x\"@en-GB, \"y\"@zh-Hant-TW, \"2014\"^^xsd:gYear, \"z\"^^<http://ex.org/T> .",
			"<http://ex.org/a> <http://ex.org/b> \"x\"@en-GB .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"y\" .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"2014\"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n" +
				"<http://ex.org/a> <http://ex.org/b> \"z\"^^<http://ex.org/T> .\n"},
		{"comments", ex + "# a comment\nex:a ex:b ex:c . # another", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n"},
		{"empty document", "# nothing\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			triples, err := Parse([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := ntriples(triples); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"undeclared prefix", "ex:a <b> <c> .", "turtle: 1:1: undeclared prefix \"ex\""},
		{"missing dot", "<http://a> <http://b> <http://c>", "turtle: 1:33: found end of input, want '.'"},
		{"unterminated string", "<http://a> <http://b> \"abc", "turtle: 1:27: unexpected end of input in string"},
		{"line break in short string", "<http://a> <http://b> \"a\nb\" .", "turtle: 1:25: line break in a short string, use \\n or a \"\"\"long string\"\"\""},
		{"space in IRI", "<http://a b> <http://b> <http://c> .", "turtle: 1:10: character ' ' is not allowed in an IRI"},
		{"literal subject", "\"a\" <http://b> <http://c> .", "turtle: 1:1: found '\"', want an IRI, a prefixed name, a blank node or a literal"},
		{"unknown directive", "@foo <x> .", "turtle: 1:1: unknown directive, want @prefix or @base"},
		{"bad escape", "<http://a> <http://b> \"\\q\" .", "turtle: 1:25: found 'q' after \\, want u or U"},
		{"empty blank node alone", "[] .", "turtle: 1:4: found '.', want an IRI, a prefixed name, a blank node or a literal"},
		{"position on a later line", "<http://a> <http://b> <http://c> .\n\n  <http://a> <http://b> 1x .", "turtle: 3:26: found 'x', want '.'"},
		{"too deep", strings.Repeat("(", maxNesting+1), "turtle: 1:501: [ ] and ( ) nest deeper than 500 levels"},
		{"too deep as object", "<http://a> <http://b> " + strings.Repeat("[<http://b> ", maxNesting+1), "turtle: 1:6023: [ ] and ( ) nest deeper than 500 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "")
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *SyntaxError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}

// TestResolve checks the examples of RFC 3986 section 5.4.
func TestResolve(t *testing.T) {
	const base = "http://a/b/c/d;p?q"
	for ref, want := range map[string]string{
		"g:h": "g:h", "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "g/": "http://a/b/c/g/",
		"/g": "http://a/g", "//g": "http://g", "?y": "http://a/b/c/d;p?y", "g?y": "http://a/b/c/g?y",
		"#s": "http://a/b/c/d;p?q#s", "": "http://a/b/c/d;p?q", ".": "http://a/b/c/", "..": "http://a/b/",
		"../g": "http://a/b/g", "../..": "http://a/", "../../../g": "http://a/g", "/./g": "http://a/g",
		"g.": "http://a/b/c/g.", "g;x=1/../y": "http://a/b/c/y", "g#s/../x": "http://a/b/c/g#s/../x",
	} {
		if got := resolve(base, ref); got != want {
			t.Errorf("resolve(%q) = %q, want %q", ref, got, want)
		}
	}
}

// TestGolden reads the project's own Turtle outputs and compares them with
// the N-Triples of the same graphs.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "golden", "*.ttl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden Turtle files: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			nt, err := os.ReadFile(strings.TrimSuffix(path, ".ttl") + ".nt")
			if err != nil {
				t.Fatal(err)
			}
			triples, err := Parse(data, "")
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rdftest.Canonical(t, ntriples(triples)), rdftest.Canonical(t, string(nt)); got != want {
				t.Errorf("graph differs from %s.nt:\n got %s\nwant %s", filepath.Base(path), got, want)
			}
		})
	}
}
