package rdftest

import (
	"fmt"
	"github.com/scholarld/scholarld/ld"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/vocab"
)

// Vocabularies holds what the vocabulary files define: every term that is
// the subject of an rdf:type triple, schema.org's domains, and the
// subclass relation.
type Vocabularies struct {
	defined  map[string]bool
	domains  map[string][]string // property → schema:domainIncludes
	supers   map[string][]string // class → rdfs:subClassOf
	sources  map[string]string   // term → file that defines it
	loadErrs []string
}

var (
	loadOnce sync.Once
	loaded   *Vocabularies
)

// LoadVocabularies reads testdata/vocab/*.nt and the project's own terms
// (vocab.ScholarLDDefinitions), once per test binary.
func LoadVocabularies(t testing.TB) *Vocabularies {
	t.Helper()
	dir := testkit.Shared(t, "vocab")
	loadOnce.Do(func() {
		v := &Vocabularies{
			defined: make(map[string]bool),
			domains: make(map[string][]string),
			supers:  make(map[string][]string),
			sources: make(map[string]string),
		}
		paths, _ := filepath.Glob(filepath.Join(dir, "*.nt"))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				v.loadErrs = append(v.loadErrs, err.Error())
				continue
			}
			v.add(filepath.Base(path), string(data))
		}
		v.add("vocab.ScholarLDDefinitions", vocab.ScholarLDDefinitions)
		loaded = v
	})
	if len(loaded.loadErrs) > 0 {
		t.Fatalf("reading the vocabularies: %s", strings.Join(loaded.loadErrs, "; "))
	}
	return loaded
}

func (v *Vocabularies) add(source, ntriples string) {
	triples, err := rdf.NewTripleDecoder(strings.NewReader(ntriples), rdf.NTriples).DecodeAll()
	if err != nil {
		v.loadErrs = append(v.loadErrs, source+": "+err.Error())
		return
	}
	for _, t := range triples {
		s, p := t.Subj.String(), t.Pred.String()
		switch p {
		case vocab.RDFType:
			v.defined[s] = true
			if _, ok := v.sources[s]; !ok {
				v.sources[s] = source
			}
		case vocab.Schema + "domainIncludes":
			v.domains[s] = append(v.domains[s], t.Obj.String())
		case vocab.RDFS + "subClassOf":
			v.supers[s] = append(v.supers[s], t.Obj.String())
		}
	}
}

// builtIn holds the terms that RDF 1.1 Concepts and XML Schema Part 2
// define in prose, for which testdata/vocab has no file.
var builtIn = map[string]bool{
	vocab.RDF + "first": true, vocab.RDF + "rest": true, vocab.RDF + "nil": true,
	vocab.RDF + "langString": true,
	vocab.XSD + "string":     true, vocab.XSD + "boolean": true, vocab.XSD + "integer": true,
	vocab.XSD + "date": true, vocab.XSD + "gYearMonth": true, vocab.XSD + "gYear": true,
}

// Defined reports whether a term is defined, and by which file (or by the
// RDF and XML Schema specifications).
func (v *Vocabularies) Defined(iri string) (string, bool) {
	if builtIn[iri] {
		return "the RDF 1.1 and XML Schema specifications", true
	}
	return v.sources[iri], v.defined[iri]
}

// InDomain reports whether a schema.org property may be used on a node of
// the given class: the class or one of its superclasses is among the
// property's schema:domainIncludes.
func (v *Vocabularies) InDomain(property, class string) bool {
	seen := make(map[string]bool)
	var visit func(c string) bool
	visit = func(c string) bool {
		if seen[c] {
			return false
		}
		seen[c] = true
		for _, d := range v.domains[property] {
			if d == c {
				return true
			}
		}
		for _, s := range v.supers[c] {
			if visit(s) {
				return true
			}
		}
		return false
	}
	return visit(class)
}

// AssertTermsDefined fails on any property, class or datatype of g that
// its vocabulary does not define, and on any schema.org property used on
// a node whose types all lie outside its schema:domainIncludes.
func AssertTermsDefined(t *testing.T, v *Vocabularies, g *ld.Graph) {
	t.Helper()
	types := make(map[rdf.Term][]string)
	for _, tr := range g.Triples {
		if tr.Pred.String() == vocab.RDFType {
			types[tr.Subj] = append(types[tr.Subj], tr.Obj.String())
		}
	}
	reported := make(map[string]bool)
	report := func(format string, args ...any) {
		msg := strings.TrimSpace(fmt.Sprintf(format, args...))
		if !reported[msg] {
			reported[msg] = true
			t.Error(msg)
		}
	}
	for _, tr := range g.Triples {
		used := []string{tr.Pred.String()}
		if tr.Pred.String() == vocab.RDFType {
			used = append(used, tr.Obj.String())
		}
		if lit, ok := tr.Obj.(rdf.Literal); ok {
			used = append(used, lit.DataType.String())
		}
		for _, term := range used {
			if _, ok := v.Defined(term); !ok {
				report("%s is not defined by its vocabulary", term)
			}
		}
		p := tr.Pred.String()
		if !strings.HasPrefix(p, vocab.Schema) {
			continue
		}
		inDomain := false
		for _, class := range types[tr.Subj] {
			inDomain = inDomain || v.InDomain(p, class)
		}
		if !inDomain {
			report("%s is used on a node of types %v, outside its schema.org domain", p, types[tr.Subj])
		}
	}
}

// VocabConstants returns every string constant of package vocab by name,
// read from its source, so that a constant added later is covered by the
// tests that walk them.
func VocabConstants(t testing.TB) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(testkit.Root(t), "vocab", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("vocab", fset, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string)
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String {
			out[name] = constant.StringVal(c.Val())
		}
	}
	return out
}
