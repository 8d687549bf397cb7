package ld_test

import (
	"fmt"
	"testing"

	"github.com/knakk/rdf"
	sld "github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/vocab"
)

// TestGraphPaths: the nodes made from the byline, the affiliations, the
// journal and the other record objects name the record field they come
// from; each author's path names the node that is the article's author in
// that place of the byline.
func TestGraphPaths(t *testing.T) {
	seen := map[string]bool{}
	for _, rec := range records(t) {
		g := mapArticle(t, rec.article, sld.FullProfile)
		byPath := map[string]rdf.Term{}
		for node, path := range g.Paths {
			byPath[path] = node
			seen[path] = true
		}
		var authors []rdf.Term
		for _, tr := range g.Triples {
			if tr.Subj == g.Root && tr.Pred.String() == vocab.SchemaAuthor {
				authors = append(authors, tr.Obj)
			}
		}
		for i, author := range authors {
			if path := fmt.Sprintf("authors[%d]", i); byPath[path] != author {
				t.Errorf("%s: %s names %v, the article's author %d is %v", rec.name, path, byPath[path], i, author)
			}
		}
	}
	for _, path := range []string{"authors[0]", "affiliations[0]", "journal", "journal.publisher", "volume", "issue", "doi", "files[0]", "graphicalAbstract"} {
		if !seen[path] {
			t.Errorf("no node of any record has the path %s", path)
		}
	}
}
