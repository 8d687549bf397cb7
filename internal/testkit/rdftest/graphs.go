package rdftest

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// Encode writes one graph with an encoder of the given kind.
func Encode(t testing.TB, g *ld.Graph, newEncoder func(w io.Writer) ld.Encoder) string {
	t.Helper()
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	if err := enc.Encode(g); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return buf.String()
}

// AssertOneGraph checks every output of g against its N-Triples: the
// N-Triples and the Turtle as knakk/rdf reads them, the compact, expanded and HTML
// JSON-LD as json-gold reads them offline, the N-Quads (all in the graph
// named by the article), and, in subtests, the Turtle, N-Triples and
// N-Quads as rapper and serdi read them.
func AssertOneGraph(t *testing.T, g *ld.Graph) {
	t.Helper()
	nt := Encode(t, g, ld.NewNTriplesEncoder)
	want := Canonical(t, nt)
	same := func(t *testing.T, what, nquads string) {
		t.Helper()
		if got := Canonical(t, nquads); got != want {
			t.Errorf("%s is another graph:\n got:\n%s\nwant:\n%s", what, got, want)
		}
	}
	same(t, "knakk/rdf's reading of the N-Triples", Knakk(t, nt))
	for _, form := range []struct {
		name       string
		newEncoder func(io.Writer) ld.Encoder
	}{{"compact JSON-LD", ld.NewJSONLDEncoder}, {"expanded JSON-LD", ld.NewExpandedJSONLDEncoder}} {
		same(t, form.name+" through json-gold", JSONLD(t, DecodeJSON(t, Encode(t, g, form.newEncoder)), ld.OfflineLoader{}))
	}
	same(t, "the HTML script's JSON-LD", JSONLD(t, DecodeJSON(t, scriptContent(t, Encode(t, g, ld.NewHTMLEncoder))), ld.OfflineLoader{}))
	nq := Encode(t, g, ld.NewNQuadsEncoder)
	root := Knakk(t, Encode(t, &ld.Graph{Root: g.Root, Triples: g.Triples[:1]}, ld.NewNTriplesEncoder))
	same(t, "the N-Quads", DefaultGraph(t, nq, strings.Fields(root)[0]))
	ttl := []byte(Encode(t, g, ld.NewTurtleEncoder))
	same(t, "knakk/rdf's reading of the Turtle", KnakkTurtle(t, ttl))
	for _, parser := range []struct {
		name  string
		parse func(testing.TB, string, []byte) string
	}{{"rapper", Rapper}, {"serdi", Serdi}} {
		t.Run(parser.name, func(t *testing.T) {
			same(t, parser.name+"'s reading of the Turtle", parser.parse(t, "turtle", ttl))
			same(t, parser.name+"'s reading of the N-Triples", parser.parse(t, "ntriples", []byte(nt)))
			same(t, parser.name+"'s reading of the N-Quads", DefaultGraph(t, parser.parse(t, "nquads", []byte(nq)), strings.Fields(root)[0]))
		})
	}
}

// DecodeJSON decodes a JSON document, failing the test on bad JSON.
func DecodeJSON(t testing.TB, s string) any {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return doc
}

// scriptContent returns what stands between the <script> tags, and fails
// unless the snippet is exactly one script element.
func scriptContent(t testing.TB, html string) string {
	t.Helper()
	const open, end = `<script type="application/ld+json">`, "</script>\n"
	body, ok := strings.CutPrefix(html, open)
	if ok {
		body, ok = strings.CutSuffix(body, end)
	}
	if !ok || strings.Contains(body, "</") || strings.Contains(body, "<!--") || strings.Contains(body, "<") {
		t.Fatalf("not one safe script element:\n%s", html)
	}
	return body
}
