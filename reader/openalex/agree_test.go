package openalex_test

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/crossref"
	"github.com/scholarld/scholarld/reader/datacite"
)

// root maps an article and returns the IRI of its node.
func root(t *testing.T, a *ld.Article) string {
	t.Helper()
	g, err := ld.Map(a, ld.FullProfile)
	if err != nil {
		t.Fatalf("Map: %v", err)
	}
	return g.Root.String()
}

type person struct{ family, orcid string }

func byline(a *ld.Article) []person {
	var out []person
	for _, au := range a.Authors {
		out = append(out, person{au.Family, au.ORCID})
	}
	return out
}

// TestAgreesWithCrossref reads eLife 3:e01567 as Crossref REST JSON (the
// shared fixture) and as the OpenAlex work written from the documentation
// with its values: both name the same article IRI and agree on what both
// carry.
func TestAgreesWithCrossref(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "crossref-rest", "elife.01567.crossref-message.json")
	cr := readertest.Only(t, readertest.ReadFile(t, crossref.Read, path, "elife.json")).Article
	oa := readertest.Only(t, read(t, "elife.01567.openalex.json")).Article
	equal(t, "article IRI", root(t, oa), root(t, cr))
	equal(t, "title", oa.Title, cr.Title)
	if !strings.EqualFold(oa.DOI, cr.DOI) {
		t.Errorf("DOI %s, Crossref %s", oa.DOI, cr.DOI)
	}
	equal(t, "byline", byline(oa), byline(cr))
	equal(t, "published", oa.Dates.Published, cr.Dates.Published)
	equal(t, "journal title", oa.Journal.Title, cr.Journal.Title)
	equal(t, "ISSN", oa.Journal.ISSNs[0].Value, cr.Journal.ISSNs[0].Value)
	equal(t, "volume", oa.Volume, cr.Volume)
	equal(t, "language", oa.Language, cr.Language)
	if !strings.HasPrefix(cr.Abstract, oa.Abstract[:60]) {
		t.Errorf("abstracts differ:\nOpenAlex %q\nCrossref %q", oa.Abstract, cr.Abstract)
	}
}

// TestAgreesWithDataCite reads the DataCite blog post 10.5438/zhyx-n122 as
// DataCite REST JSON (the shared fixture) and as an OpenAlex work (the
// first line of the JSON Lines written for it).
func TestAgreesWithDataCite(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "datacite", "10.5438_zhyx-n122.datacite.json")
	dc := readertest.Only(t, readertest.ReadFile(t, datacite.Read, path, "zhyx.json")).Article
	oa := read(t, "zhyx-n122.openalex.jsonl")[0].Article
	equal(t, "article IRI", root(t, oa), root(t, dc))
	equal(t, "title", oa.Title, dc.Title)
	equal(t, "DOI", oa.DOI, dc.DOI)
	equal(t, "byline", byline(oa), byline(dc))
	equal(t, "given names", []string{oa.Authors[0].Given, oa.Authors[1].Given}, []string{dc.Authors[0].Given, dc.Authors[1].Given})
	equal(t, "year", oa.Dates.Published.Year, dc.Dates.Published.Year)
	equal(t, "publisher", oa.Publisher, dc.Publisher)
	equal(t, "url", oa.URL, dc.URL)
	equal(t, "language", oa.Language, dc.Language)
	equal(t, "affiliation name", oa.Affiliations[0].Name, dc.Affiliations[0].Name)
	if !strings.HasPrefix(dc.Abstract, oa.Abstract) {
		t.Errorf("abstracts differ:\nOpenAlex %q\nDataCite %q", oa.Abstract, dc.Abstract)
	}
}
