package vocab_test

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/vocab"
)

// TestTermsAreDefined fails on any constant naming a term that its
// vocabulary file does not define: a misspelt term would otherwise still
// make a triple, since the schema.org context maps any key into
// http://schema.org/.
func TestTermsAreDefined(t *testing.T) {
	v := rdftest.LoadVocabularies(t)
	terms := 0
	for name, iri := range rdftest.VocabConstants(t) {
		if strings.ContainsAny(iri, " \n") || strings.HasSuffix(iri, "/") || strings.HasSuffix(iri, "#") {
			continue // a namespace, or the definitions document
		}
		terms++
		if _, ok := v.Defined(iri); !ok {
			t.Errorf("vocab.%s = %s is not defined by any vocabulary in testdata/vocab", name, iri)
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
	for name, iri := range rdftest.VocabConstants(t) {
		if (strings.HasSuffix(iri, "/") || strings.HasSuffix(iri, "#")) && !namespaces[iri] {
			t.Errorf("namespace vocab.%s = %s has no prefix in vocab.Prefixes", name, iri)
		}
	}
}
