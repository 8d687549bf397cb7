package ld_test

import (
	"testing"

	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	sld "github.com/scholarld/scholarld/ld"
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
				rdftest.AssertTermsDefined(t, v, mapArticle(t, rec.article, p.Profile))
			})
		}
	}
}
