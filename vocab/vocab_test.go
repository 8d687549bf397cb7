package vocab_test

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/rdftest"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/vocab"
)

// constants returns every string constant of package vocab by name, read
// from its source, so that a constant added later is checked too.
func constants(t *testing.T) map[string]string {
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

// TestTermsAreDefined fails on any constant naming a term that its
// vocabulary file does not define: a misspelt term would otherwise still
// make a triple, since the schema.org context maps any key into
// http://schema.org/.
func TestTermsAreDefined(t *testing.T) {
	v := rdftest.LoadVocabularies(t)
	terms := 0
	for name, iri := range constants(t) {
		if strings.ContainsAny(iri, " \n") || strings.HasSuffix(iri, "/") || strings.HasSuffix(iri, "#") {
			continue // a namespace, or the definitions document
		}
		terms++
		if _, ok := v.Defined(iri); !ok {
			t.Errorf("vocab.%s = %s is not defined by any vocabulary in ../shared/vocab", name, iri)
		}
	}
	if terms < 50 {
		t.Fatalf("only %d term constants found: the source scan is broken", terms)
	}
}

// TestPrefixes checks that the prefix table has each name and namespace
// once and covers every namespace constant.
func TestPrefixes(t *testing.T) {
	names, namespaces := map[string]bool{}, map[string]bool{}
	for _, p := range vocab.Prefixes {
		if names[p.Name] || namespaces[p.Namespace] {
			t.Errorf("prefix %s: <%s> repeats a name or namespace", p.Name, p.Namespace)
		}
		names[p.Name], namespaces[p.Namespace] = true, true
	}
	for name, iri := range constants(t) {
		if (strings.HasSuffix(iri, "/") || strings.HasSuffix(iri, "#")) && !namespaces[iri] {
			t.Errorf("namespace vocab.%s = %s has no prefix in vocab.Prefixes", name, iri)
		}
	}
}
