// Package rdftest checks RDF outputs in tests: it parses them with
// independent processors (json-gold, knakk/rdf, and the rapper and serdi
// programs when installed) and compares graphs by their URDNA2015
// canonical form, so that two outputs agree when they are the same graph,
// whatever their blank node labels and triple order.
package rdftest

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/internal/testkit"
)

// Canonical returns the canonical N-Quads of an N-Triples or N-Quads
// document: blank nodes relabelled by URDNA2015 and lines sorted.
func Canonical(t testing.TB, nquads string) string {
	t.Helper()
	opts := ld.NewJsonLdOptions("")
	opts.Algorithm = ld.AlgorithmURDNA2015
	opts.Format = "application/n-quads"
	opts.InputFormat = "application/n-quads"
	out, err := ld.NewJsonLdProcessor().Normalize(nquads, opts)
	if err != nil {
		t.Fatalf("canonicalising: %v\n%s", err, nquads)
	}
	return out.(string)
}

// DefaultGraph moves every quad of a single named graph into the default
// graph, and fails unless the document's quads all sit in the graph named
// want (written as in N-Quads: "<iri>" or "_:label").
func DefaultGraph(t testing.TB, nquads, want string) string {
	t.Helper()
	var out strings.Builder
	dec := rdf.NewQuadDecoder(strings.NewReader(nquads), rdf.NQuads)
	enc := rdf.NewTripleEncoder(&out, rdf.NTriples)
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("knakk/rdf reading N-Quads: %v", err)
		}
		if got := q.Ctx.Serialize(rdf.NQuads); got != want {
			t.Fatalf("quad in graph %s, want %s", got, want)
		}
		if err := enc.Encode(q.Triple); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// Knakk decodes N-Triples with knakk/rdf and writes them back with its
// encoder: what it returns is what that library understood.
func Knakk(t testing.TB, ntriples string) string {
	t.Helper()
	triples, err := rdf.NewTripleDecoder(strings.NewReader(ntriples), rdf.NTriples).DecodeAll()
	if err != nil {
		t.Fatalf("knakk/rdf reading N-Triples: %v", err)
	}
	var out bytes.Buffer
	enc := rdf.NewTripleEncoder(&out, rdf.NTriples)
	if err := enc.EncodeAll(triples); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// KnakkTurtle decodes Turtle with knakk/rdf and writes it back as
// N-Triples with its encoder.
func KnakkTurtle(t testing.TB, turtle []byte) string {
	t.Helper()
	triples, err := rdf.NewTripleDecoder(bytes.NewReader(turtle), rdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("knakk/rdf reading Turtle: %v\n%s", err, turtle)
	}
	var out bytes.Buffer
	enc := rdf.NewTripleEncoder(&out, rdf.NTriples)
	if err := enc.EncodeAll(triples); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// JSONLD converts a JSON-LD document, as encoding/json decodes it, to
// N-Quads with json-gold, loading contexts with loader.
func JSONLD(t testing.TB, doc any, loader ld.DocumentLoader) string {
	t.Helper()
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = loader
	opts.Format = "application/n-quads"
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		t.Fatalf("json-gold toRDF: %v", err)
	}
	return out.(string)
}

// Rapper parses data in the given syntax ("turtle", "ntriples",
// "nquads") with raptor's rapper and returns N-Triples (N-Quads for
// nquads). It skips the test, saying so, when rapper is not installed,
// unless SCHOLARLD_REQUIRE_TOOLS is set (as CI does): then it fails.
func Rapper(t testing.TB, syntax string, data []byte) string {
	t.Helper()
	out := syntax
	if syntax == "turtle" {
		out = "ntriples"
	}
	return run(t, "rapper", data, "-q", "-i", syntax, "-o", out, "-", "http://example.invalid/base")
}

// Serdi parses data with serd's serdi, as Rapper.
func Serdi(t testing.TB, syntax string, data []byte) string {
	t.Helper()
	out := syntax
	if syntax == "turtle" {
		out = "ntriples"
	}
	return run(t, "serdi", data, "-q", "-i", syntax, "-o", out, "-")
}

func run(t testing.TB, program string, stdin []byte, args ...string) string {
	t.Helper()
	path := testkit.Tool(t, program, "apt-get install raptor2-utils serdi")
	cmd := exec.Command(path, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("%s %s rejected the output: %v\n%s", program, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}
