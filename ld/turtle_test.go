package ld_test

import (
	"io"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	sld "github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/vocab"
)

// graphOf reads N-Triples with knakk/rdf into a Graph rooted at the first
// subject.
func graphOf(t *testing.T, nt string) *sld.Graph {
	t.Helper()
	triples, err := rdf.NewTripleDecoder(strings.NewReader(nt), rdf.NTriples).DecodeAll()
	if err != nil {
		t.Fatalf("test input: %v", err)
	}
	return &sld.Graph{Root: triples[0].Subj, Triples: triples}
}

// TestTurtleHardTerms writes terms that knakk/rdf's Turtle writer gets
// wrong and checks that rapper and serdi read back the same graph.
func TestTurtleHardTerms(t *testing.T) {
	for name, nt := range hardTerms {
		t.Run(name, func(t *testing.T) {
			g := graphOf(t, nt+"\n")
			ttl := rdftest.Encode(t, g, sld.NewTurtleEncoder)
			want := rdftest.Canonical(t, rdftest.Encode(t, g, sld.NewNTriplesEncoder))
			if got := rdftest.Canonical(t, rdftest.Knakk(t, nt+"\n")); got != want {
				t.Fatalf("the N-Triples writer changed the graph:\n%s\nwant\n%s", got, want)
			}
			for _, parse := range []func(testing.TB, string, []byte) string{rdftest.Rapper, rdftest.Serdi} {
				if got := rdftest.Canonical(t, parse(t, "turtle", []byte(ttl))); got != want {
					t.Errorf("Turtle read back as another graph:\n%s\nwant\n%s\nTurtle:\n%s", got, want, ttl)
				}
			}
		})
	}
}

// hardTerms are graphs, as N-Triples, of terms that writers get wrong.
var hardTerms = map[string]string{
	"DOI with parentheses": `<https://doi.org/10.1016/S0140-6736(20)30183-5> <http://schema.org/name> "x" .`,
	"trailing dot":         `<http://example.org/a> <http://schema.org/url> <http://example.org/ends.> .`,
	"query and fragment":   `<http://example.org/a?b=c&d=e#f> <http://schema.org/url> <http://example.org/?q=1> .`,
	"namespace IRIs that are no prefixed name": `<http://schema.org/> <http://schema.org/has.dot> <http://schema.org/1abc> .
<http://schema.org/> <http://schema.org/a%20b> <http://purl.org/dc/terms/-x> .`,
	"non-ASCII IRI": `<http://example.org/ü/中> <http://schema.org/name> "x" .`,
	"language tags": `<http://example.org/a> <http://schema.org/name> "臺灣"@zh-Hant-TW .
<http://example.org/a> <http://schema.org/name> "x"@en .
<http://example.org/a> <http://schema.org/name> "y"@de-CH-1996 .`,
	"escapes": `<http://example.org/a> <http://schema.org/name> "q\" b\\ n\n r\r t\t bell\u0007 ls\u2028 </script>" .`,
	"numbers and booleans": `<http://example.org/a> <http://schema.org/copyrightYear> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/a> <http://schema.org/copyrightYear> "1.5"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/a> <http://schema.org/copyrightYear> "-3"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/a> <http://schema.org/isAccessibleForFree> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://example.org/a> <http://schema.org/isAccessibleForFree> "TRUE"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
	"other datatypes": `<http://example.org/a> <http://schema.org/datePublished> "2014-08-18"^^<http://schema.org/Date> .
<http://example.org/a> <http://schema.org/datePublished> "x"^^<http://example.org/dt(1)> .`,
	"a cycle of blank nodes used once": `<http://example.org/a> <http://schema.org/name> "x" .
_:c1 <http://schema.org/about> _:c2 .
_:c2 <http://schema.org/about> _:c1 .`,
	"shared and empty blank nodes, lists": `<http://example.org/a> <http://schema.org/author> _:p .
<http://example.org/a> <http://schema.org/author> _:q .
<http://example.org/a> <http://schema.org/author> _:e .
<http://example.org/a> <http://schema.org/funder> _:p .
_:p <http://schema.org/name> "P" .
_:q <http://schema.org/name> "Q" .
<http://example.org/a> <http://purl.org/ontology/bibo/authorList> _:l1 .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:p .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:q .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
<http://example.org/a> <http://example.org/empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .`,
}

// TestTurtleShape checks what a reader of the Turtle sees: the prefixes
// once at the top, blocks, inline blank nodes and the list syntax.
func TestTurtleShape(t *testing.T) {
	g := graphOf(t, `<http://example.org/a> <http://schema.org/author> _:p .
<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .
_:p <http://schema.org/name> "P" .
<http://example.org/a> <http://purl.org/ontology/bibo/authorList> _:l .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://example.org/x> .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
`)
	var prefixes strings.Builder
	for _, p := range vocab.Prefixes {
		prefixes.WriteString("@prefix " + p.Name + ": <" + p.Namespace + "> .\n")
	}
	want := prefixes.String() + `
<http://example.org/a>
    a schema:ScholarlyArticle ;
    schema:author [
        schema:name "P"
    ] ;
    bibo:authorList ( <http://example.org/x> ) .
`
	if got := rdftest.Encode(t, g, sld.NewTurtleEncoder); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestEmptyLanguageTag checks that a literal typed rdf:langString with no
// tag, which knakk/rdf's own writer panics on, is an error that writes
// nothing, and that the stream goes on with the next graph.
func TestEmptyLanguageTag(t *testing.T) {
	s, _ := rdf.NewIRI("http://example.org/a")
	p, _ := rdf.NewIRI("http://schema.org/name")
	dt, _ := rdf.NewIRI(vocab.RDFLangString)
	bad := &sld.Graph{Root: s, Triples: []rdf.Triple{
		{Subj: s, Pred: p, Obj: mustLiteral(t, "first")},
		{Subj: s, Pred: p, Obj: rdf.NewTypedLiteral("x", dt)},
	}}
	good := graphOf(t, `<http://example.org/b> <http://schema.org/name> "good" .`+"\n")
	for _, f := range []func(w io.Writer) sld.Encoder{sld.NewTurtleEncoder, sld.NewNTriplesEncoder, sld.NewNQuadsEncoder} {
		var buf strings.Builder
		enc := f(&buf)
		if err := enc.Encode(bad); err == nil || !strings.Contains(err.Error(), "language tag") {
			t.Errorf("Encode = %v, want a language tag error", err)
		}
		if err := enc.Encode(good); err != nil {
			t.Errorf("Encode after a bad graph: %v", err)
		}
		if err := enc.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if out := buf.String(); strings.Contains(out, "first") || !strings.Contains(out, `"good"`) {
			t.Errorf("wrote part of the bad graph or lost the good one:\n%s", out)
		}
	}
}

func mustLiteral(t *testing.T, value string) rdf.Literal {
	t.Helper()
	lit, err := rdf.NewLiteral(value)
	if err != nil {
		t.Fatal(err)
	}
	return lit
}
