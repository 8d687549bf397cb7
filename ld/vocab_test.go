package ld_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/rdftest"
	sld "github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/vocab"
)

// TestEmittedTermsAreDefined maps every testdata record in both profiles
// and fails on any property, class or datatype that its vocabulary does
// not define, and on any schema.org property used on a node whose types
// are all outside its schema:domainIncludes.
func TestEmittedTermsAreDefined(t *testing.T) {
	v := rdftest.LoadVocabularies(t)
	for _, rec := range records(t) {
		for _, p := range sld.Profiles {
			t.Run(rec.name+"/"+p.Name, func(t *testing.T) {
				checkTerms(t, v, mapArticle(t, rec.article, p.Profile))
			})
		}
	}
}

func checkTerms(t *testing.T, v *rdftest.Vocabularies, g *sld.Graph) {
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
