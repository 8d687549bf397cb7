package validate

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/vocab"
)

// TestEmbeddedVocabulary regenerates vocab.nt.gz from testdata/vocab under
// -update, and otherwise fails when the embedded file is stale.
//
// The file is the term table the vocabulary rules use, as gzipped
// N-Triples: for every schema.org term of the release, its rdf:type,
// rdfs:subClassOf, schema:domainIncludes and schema:rangeIncludes
// triples; for DCMI terms, DC elements, BIBO, FaBiO, PRO and SCoRO, the
// rdf:type triples of every term they define; and the project's own
// terms. The comparison is of the N-Triples, so a Go release that
// compresses differently does not make the file stale.
func TestEmbeddedVocabulary(t *testing.T) {
	dir := testkit.Shared(t, "vocab")
	var all []rdf.Triple
	for _, name := range []string{"schemaorg-30.0-http.nt", "dcterms.nt", "dcelements.nt", "bibo.nt", "fabio.nt", "pro.nt", "scoro.nt"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		triples, err := rdf.NewTripleDecoder(bytes.NewReader(data), rdf.NTriples).DecodeAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		all = append(all, triples...)
	}
	own, err := rdf.NewTripleDecoder(strings.NewReader(vocab.ScholarLDDefinitions), rdf.NTriples).DecodeAll()
	if err != nil {
		t.Fatal(err)
	}
	got := generateVocabulary(all, own)
	path := filepath.Join("validate", "vocab.nt.gz")
	if *testkit.Update {
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zw.Write(got); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		testkit.Golden(t, path, buf.Bytes())
		return
	}
	embedded, err := embeddedTable()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, embedded) {
		t.Fatalf("%s is stale: run go test ./validate -run TestEmbeddedVocabulary -update", path)
	}
}

// generateVocabulary selects the embedded definitions from the vocabulary
// files' triples, as TestEmbeddedVocabulary documents, sorted.
func generateVocabulary(all, own []rdf.Triple) []byte {
	const (
		domainIncludes = vocab.Schema + "domainIncludes"
		rangeIncludes  = vocab.Schema + "rangeIncludes"
		subClassOf     = vocab.RDFS + "subClassOf"
	)
	others := []string{vocab.DCTerms, "http://purl.org/dc/elements/1.1/", vocab.BIBO, vocab.FaBiO, vocab.PRO, vocab.SCoRO}
	lines := map[string]bool{}
	for _, tr := range all {
		s, p := tr.Subj.String(), tr.Pred.String()
		if tr.Subj.Type() != rdf.TermIRI {
			continue
		}
		switch {
		case strings.HasPrefix(s, vocab.Schema) && (p == vocab.RDFType || p == subClassOf || p == domainIncludes || p == rangeIncludes):
		case p == vocab.RDFType && slices.ContainsFunc(others, func(ns string) bool { return strings.HasPrefix(s, ns) && s != ns }):
		default:
			continue
		}
		lines[tr.Serialize(rdf.NTriples)] = true
	}
	for _, tr := range own {
		lines[tr.Serialize(rdf.NTriples)] = true
	}
	sorted := make([]string, 0, len(lines))
	for l := range lines {
		sorted = append(sorted, l)
	}
	slices.Sort(sorted)
	return []byte(strings.Join(sorted, ""))
}

// TestOfficialContextCopy: the embedded official context is
// testdata/vocab/schemaorg-30.0-context.jsonld, unchanged.
func TestOfficialContextCopy(t *testing.T) {
	want, err := os.ReadFile(testkit.Shared(t, "vocab", "schemaorg-30.0-context.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(officialContextGzip))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("validate/schemaorg-context.jsonld.gz is stale: gzip -9 -n -c testdata/vocab/schemaorg-30.0-context.jsonld > validate/schemaorg-context.jsonld.gz")
	}
}
