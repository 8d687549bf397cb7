package reader_test

import (
	"os"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/bibtex"
	"github.com/scholarld/scholarld/reader/crossref"
	"github.com/scholarld/scholarld/reader/ris"
)

// TestOneArticleIRI reads eLife 01567 from its four exports, which spell
// its DOI "10.7554/eLife.01567" (Crossref XML) and "10.7554/elife.01567"
// (Crossref JSON, BibTeX, RIS), and checks that every mapping names the
// article by one IRI while each keeps the DOI as its source gave it.
func TestOneArticleIRI(t *testing.T) {
	inputs := []struct {
		dir, file string
		read      func([]byte, string) ([]reader.Record, error)
	}{
		{"crossref-xml", "elife.01567.unixsd.xml", crossref.ReadXML},
		{"crossref-rest", "elife.01567.crossref-message.json", crossref.Read},
		{"bibtex", "elife.01567.crossref.bib", bibtex.Read},
		{"ris", "elife.01567.crossref.ris", ris.Read},
	}
	const want = "https://doi.org/10.7554/elife.01567"
	spellings := map[string]bool{}
	for _, in := range inputs {
		data, err := os.ReadFile(testkit.Shared(t, "fixtures", in.dir, in.file))
		if err != nil {
			t.Fatal(err)
		}
		records, err := in.read(data, in.file)
		if err != nil || len(records) != 1 || records[0].Err != nil {
			t.Fatalf("%s: %v %+v", in.file, err, records)
		}
		article := records[0].Article
		spellings[article.DOI] = true
		for _, profile := range []ld.Profile{ld.SchemaProfile, ld.FullProfile} {
			g, err := ld.Map(article, profile)
			if err != nil {
				t.Fatalf("%s: %v", in.file, err)
			}
			if got := g.Root.String(); got != want {
				t.Errorf("%s (%s): article IRI %s, want %s", in.file, profile, got, want)
			}
		}
	}
	if len(spellings) < 2 {
		t.Errorf("the fixtures spell the DOI one way only (%v): the test proves nothing", spellings)
	}
}
