package ld_test

import (
	"fmt"
	"testing"

	"github.com/knakk/rdf"
	sld "github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/vocab"
)

// TestGraphPaths: the nodes made from the byline, the affiliations and
// the journal name the record field they come from.
func TestGraphPaths(t *testing.T) {
	for _, rec := range records(t) {
		if rec.name != "synthetic-markup-escaping" {
			continue
		}
		if len(rec.article.Authors) < 2 || len(rec.article.Affiliations) == 0 || rec.article.Journal == nil {
			t.Fatalf("%s no longer has authors, affiliations and a journal to test", rec.name)
		}
		g := mapArticle(t, rec.article, sld.FullProfile)
		byPath := map[string]rdf.Term{}
		for node, path := range g.Paths {
			byPath[path] = node
		}
		for i := range rec.article.Authors {
			path := fmt.Sprintf("authors[%d]", i)
			node, ok := byPath[path]
			if !ok {
				t.Errorf("no node has the path %s: %v", path, g.Paths)
				continue
			}
			nth := 0
			for _, tr := range g.Triples {
				if tr.Subj == g.Root && tr.Pred.String() == vocab.SchemaAuthor {
					if nth == i && tr.Obj != node {
						t.Errorf("%s names %v, the article's author %d is %v", path, node, i, tr.Obj)
					}
					nth++
				}
			}
		}
		for _, path := range []string{"journal", "affiliations[0]"} {
			if _, ok := byPath[path]; !ok {
				t.Errorf("no node has the path %s: %v", path, g.Paths)
			}
		}
	}
}
