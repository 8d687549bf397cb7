package validate

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/vocab"
)

// TestEmbeddedVocabulary regenerates vocab.nt from testdata/vocab under
// -update, and otherwise fails when the embedded file is stale.
//
// The file holds, for every schema.org term in vocab/*.go, its rdf:type,
// rdfs:subClassOf, schema:domainIncludes and schema:rangeIncludes triples,
// and the same for the classes those reach (superclasses, domains,
// ranges, transitively) and for every subclass of schema:Article (so that
// the profiles find articles of any kind); for DCMI terms, DC elements,
// BIBO, FaBiO, PRO and SCoRO, the rdf:type triples of every term they
// define; and the project's own terms.
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
	got := generateVocabulary(all, own, slices.Collect(maps.Values(rdftest.VocabConstants(t))))
	path := filepath.Join("validate", "vocab.nt")
	if *testkit.Update {
		testkit.Golden(t, path, got)
		return
	}
	if !bytes.Equal(got, embeddedNTriples) {
		t.Fatalf("%s is stale: run go test ./validate -run TestEmbeddedVocabulary -update", path)
	}
}

// generateVocabulary selects the embedded definitions from the vocabulary
// files' triples, as TestEmbeddedVocabulary documents, sorted.
func generateVocabulary(all, own []rdf.Triple, constants []string) []byte {
	const (
		domainIncludes = vocab.Schema + "domainIncludes"
		rangeIncludes  = vocab.Schema + "rangeIncludes"
		subClassOf     = vocab.RDFS + "subClassOf"
	)
	bySubject := map[string][]rdf.Triple{}
	subclasses := map[string][]string{}
	for _, tr := range all {
		bySubject[tr.Subj.String()] = append(bySubject[tr.Subj.String()], tr)
		if tr.Pred.String() == subClassOf {
			subclasses[tr.Obj.String()] = append(subclasses[tr.Obj.String()], tr.Subj.String())
		}
	}
	keep := map[string]bool{} // schema.org terms whose definitions are kept
	var queue []string
	visit := func(term string) {
		if strings.HasPrefix(term, vocab.Schema) && !keep[term] {
			keep[term] = true
			queue = append(queue, term)
		}
	}
	for _, c := range constants {
		visit(c)
	}
	var articles func(string)
	articles = func(class string) {
		visit(class)
		for _, sub := range subclasses[class] {
			articles(sub)
		}
	}
	articles(vocab.Schema + "Article")
	for len(queue) > 0 {
		term := queue[0]
		queue = queue[1:]
		for _, tr := range bySubject[term] {
			switch tr.Pred.String() {
			case vocab.RDFType, subClassOf, domainIncludes, rangeIncludes:
				visit(tr.Obj.String())
			}
		}
	}
	others := []string{vocab.DCTerms, "http://purl.org/dc/elements/1.1/", vocab.BIBO, vocab.FaBiO, vocab.PRO, vocab.SCoRO}
	lines := map[string]bool{}
	for _, tr := range all {
		s, p := tr.Subj.String(), tr.Pred.String()
		if tr.Subj.Type() != rdf.TermIRI {
			continue
		}
		switch {
		case keep[s] && (p == vocab.RDFType || p == subClassOf || p == domainIncludes || p == rangeIncludes):
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
