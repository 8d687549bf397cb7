package shapes_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/vocab"
)

const (
	sh     = "http://www.w3.org/ns/shacl#"
	shapes = "https://w3id.org/scholarld/shapes#"
)

// shaclCore lists the SHACL Core terms (W3C SHACL, sections 2 to 4) that a
// shapes file may use; a misspelt one would be ignored by a processor, so
// it is an error here.
var shaclCore = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`
		NodeShape PropertyShape Shape
		targetClass targetNode targetObjectsOf targetSubjectsOf
		property path alternativePath inversePath zeroOrMorePath oneOrMorePath zeroOrOnePath
		name description message severity deactivated order group defaultValue
		Violation Warning Info
		class datatype nodeKind IRI BlankNode Literal BlankNodeOrIRI BlankNodeOrLiteral IRIOrLiteral
		minCount maxCount minExclusive minInclusive maxExclusive maxInclusive
		minLength maxLength pattern flags languageIn uniqueLang
		equals disjoint lessThan lessThanOrEquals
		not and or xone node qualifiedValueShape qualifiedMinCount qualifiedMaxCount qualifiedValueShapesDisjoint
		closed ignoredProperties hasValue in`) {
		shaclCore[sh+name] = true
	}
}

// graph is the shapes file as rapper read it.
type graph struct {
	triples []rdf.Triple
}

func load(t *testing.T) *graph {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testkit.Root(t), "ld", "shapes", "scholarld.shacl.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	ntriples := rdftest.Rapper(t, "turtle", data)
	triples, err := rdf.NewTripleDecoder(strings.NewReader(ntriples), rdf.NTriples).DecodeAll()
	if err != nil {
		t.Fatalf("knakk/rdf reading rapper's N-Triples: %v", err)
	}
	if len(triples) == 0 {
		t.Fatal("rapper read no triples from the shapes file")
	}
	return &graph{triples: triples}
}

func (g *graph) objects(subject rdf.Term, predicate string) []rdf.Term {
	var out []rdf.Term
	for _, tr := range g.triples {
		if rdf.TermsEqual(tr.Subj, subject) && tr.Pred.String() == predicate {
			out = append(out, tr.Obj)
		}
	}
	return out
}

func (g *graph) subjects(predicate, object string) []rdf.Term {
	var out []rdf.Term
	for _, tr := range g.triples {
		if tr.Pred.String() == predicate && tr.Obj.String() == object {
			out = append(out, tr.Subj)
		}
	}
	return out
}

// TestTermsAreDefined checks that every class, property, datatype and
// value the shapes name is defined by testdata/vocab, and that every
// shape the file refers to by name is declared in it.
func TestTermsAreDefined(t *testing.T) {
	g := load(t)
	vocabularies := rdftest.LoadVocabularies(t)
	naming := map[string]bool{
		sh + "path": true, sh + "targetClass": true, sh + "class": true, sh + "datatype": true,
		sh + "hasValue": true, sh + "zeroOrMorePath": true, sh + "oneOrMorePath": true,
		sh + "inversePath": true, vocab.RDFFirst: true,
	}
	declared := make(map[string]bool)
	for _, s := range g.subjects(vocab.RDFType, sh+"NodeShape") {
		declared[s.String()] = true
	}
	checked := 0
	var undefined []string
	for _, tr := range g.triples {
		iri, ok := tr.Obj.(rdf.IRI)
		if !ok || !naming[tr.Pred.String()] || strings.HasPrefix(iri.String(), sh) {
			continue
		}
		checked++
		term := iri.String()
		if strings.HasPrefix(term, shapes) {
			if !declared[term] {
				undefined = append(undefined, term+" (used as a shape, not declared a sh:NodeShape)")
			}
			continue
		}
		if _, ok := vocabularies.Defined(term); !ok {
			undefined = append(undefined, term+" (object of "+tr.Pred.String()+")")
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d terms: the shapes file lost its content, or this test its way of finding terms", checked)
	}
	if len(undefined) > 0 {
		sort.Strings(undefined)
		t.Errorf("terms no vocabulary defines:\n%s", strings.Join(undefined, "\n"))
	}
}

// TestSHACLCoreOnly checks that every SHACL term the file uses exists.
func TestSHACLCoreOnly(t *testing.T) {
	g := load(t)
	for _, tr := range g.triples {
		for _, term := range []rdf.Term{tr.Pred, tr.Obj} {
			if iri, ok := term.(rdf.IRI); ok && strings.HasPrefix(iri.String(), sh) && !shaclCore[iri.String()] {
				t.Errorf("%s is not a SHACL Core term (misspelt?): a processor would ignore it", iri)
			}
		}
	}
}

// TestShapesExplainThemselves checks that every node shape and property
// shape has a name, a description and a message, so that a failure in a
// validation report says what is wrong in words.
func TestShapesExplainThemselves(t *testing.T) {
	g := load(t)
	nodeShapes := g.subjects(vocab.RDFType, sh+"NodeShape")
	var propertyShapes []rdf.Term
	for _, tr := range g.triples {
		if tr.Pred.String() == sh+"property" {
			propertyShapes = append(propertyShapes, tr.Obj)
		}
	}
	if len(nodeShapes) < 10 || len(propertyShapes) < 50 {
		t.Fatalf("found %d node shapes and %d property shapes: the shapes file lost its content", len(nodeShapes), len(propertyShapes))
	}
	for _, shape := range append(nodeShapes, propertyShapes...) {
		label := shape.String()
		if names := g.objects(shape, sh+"name"); len(names) == 1 {
			label = names[0].(rdf.Literal).String()
		}
		// Anonymous property shapes inside the list cell's sh:or are
		// bare count constraints of rdf:first and rdf:rest, explained by
		// the message of the shape around them.
		if paths := g.objects(shape, sh+"path"); len(paths) == 1 && (paths[0].String() == vocab.RDFFirst || paths[0].String() == vocab.RDFRest) {
			continue
		}
		for _, p := range []string{"name", "description", "message"} {
			if n := len(g.objects(shape, sh+p)); n != 1 {
				t.Errorf("shape %q has %d sh:%s, want 1", label, n, p)
			}
		}
	}
}

// pattern returns the sh:pattern of the property shape with the given
// sh:name.
func (g *graph) pattern(t *testing.T, name string) *regexp.Regexp {
	t.Helper()
	for _, shape := range g.subjects(sh+"name", name) {
		for _, p := range g.objects(shape, sh+"pattern") {
			re, err := regexp.Compile(p.(rdf.Literal).String())
			if err != nil {
				t.Fatalf("sh:pattern of %q: %v", name, err)
			}
			return re
		}
	}
	t.Fatalf("no shape named %q has a sh:pattern", name)
	return nil
}

func TestPatterns(t *testing.T) {
	g := load(t)
	tests := []struct {
		shape string
		value string
		want  bool
	}{
		{"ISSN", "1422-0067", true},
		{"ISSN", "2050-084X", true},
		{"ISSN", "14220067", false},
		{"ISSN", "1422-006x", false},
		{"ISSN", "1422-0067 ", false},
		{"ISSN", "ISSN 1422-0067", false},
		{"DOI", "10.3390/ijms150814348", true},
		{"DOI", "10.1016/S0140-6736(20)30183-5", true},
		{"DOI", "10.1000.10/123", true},
		{"DOI", "10.123/abc", false},
		{"DOI", "10.3390/", false},
		{"DOI", "10.3390/a b", false},
		{"DOI", "https://doi.org/10.3390/ijms150814348", false},
		{"DCMI identifier", "https://doi.org/10.3390/ijms150814348", true},
		{"DCMI identifier", "10.3390/ijms150814348", false},
		{"date published", "2014-08-18", true},
		{"date published", "2014-08", true},
		{"date published", "2014", true},
		{"date published", "18/08/2014", false},
		{"date published", "2014-8-18", false},
		{"in language", "en", true},
		{"in language", "zh-Hant-TW", true},
		{"in language", "de-CH-1996", true},
		{"in language", "", false},
		{"in language", "en_US", false},
		{"DCMI language", "zh-Hant-TW", true},
		{"DCMI language", "english language", false},
		{"media type", "application/pdf", true},
		{"media type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true},
		{"media type", "text/html; charset=utf-8", true},
		{"media type", "pdf", false},
		{"ISBN", "9780306406157", true},
		{"ISBN", "030640615X", true},
		{"ISBN", "978-0-306-40615-7", false},
		{"ISBN", "9770306406157", false},
		{"series ISSN", "0898-2937", true},
		{"series ISSN", "08982937", false},
		{"event dates", "2024-05-06", true},
		{"event dates", "6 May 2024", false},
	}
	for _, tt := range tests {
		if got := g.pattern(t, tt.shape).MatchString(tt.value); got != tt.want {
			t.Errorf("%s pattern on %q = %v, want %v", tt.shape, tt.value, got, tt.want)
		}
	}
}
