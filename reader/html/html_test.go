package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// readOne reads a file of testdata, or of the shared fixtures when the
// path starts there, and returns its only record.
func readOne(t *testing.T, path string) reader.Record {
	t.Helper()
	records, err := readFile(t, path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(records) != 1 {
		t.Fatalf("%s: %d records, want 1", path, len(records))
	}
	return records[0]
}

func readFile(t *testing.T, path string) ([]reader.Record, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".jsonld") {
		return ReadJSONLD(data, filepath.Base(path))
	}
	return Read(data, filepath.Base(path))
}

// article returns the record's article after checking that it has one
// that passes ld.Check.
func article(t *testing.T, record reader.Record) *ld.Article {
	t.Helper()
	if record.Err != nil {
		t.Fatalf("record error: %v", record.Err)
	}
	if errs := ld.Check(record.Article); len(errs) > 0 {
		t.Fatalf("ld.Check: %v", errs)
	}
	return record.Article
}

func warningStrings(record reader.Record) []string {
	var list []string
	for _, w := range record.Warnings {
		list = append(list, w.String())
	}
	return list
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

func TestArXivFixture(t *testing.T) {
	record := readOne(t, testkit.Shared(t, "fixtures", "html", "arxiv.1902.02534.html"))
	a := article(t, record)
	equal(t, "title", a.Title, "Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal")
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Ivan", Family: "Heibi"},
		{Given: "Silvio", Family: "Peroni"},
		{Given: "David", Family: "Shotton"},
	})
	// citation_date is the first version; citation_online_date, later, the
	// latest version: the model holds only the first publication.
	equal(t, "dates", a.Dates, ld.Dates{Published: ld.Date{Year: 2019, Month: 2, Day: 7}})
	equal(t, "precision", a.Dates.Published.Precision(), ld.DayPrecision)
	equal(t, "url", a.URL, "https://arxiv.org/abs/1902.02534")
	equal(t, "files", a.Files, []ld.File{{URL: "http://arxiv.org/pdf/1902.02534", MediaType: "application/pdf"}})
	if !strings.HasPrefix(a.Abstract, "In this paper, we analyse the current availability of open citations data") ||
		!strings.HasSuffix(a.Abstract, "CROCI, the Crowdsourced Open Citations Index.") {
		t.Errorf("abstract = %q", a.Abstract)
	}
	// arXiv has no DOI, journal or language tag, and its og:image is the
	// site's logo on a page of og:type "website".
	equal(t, "doi", a.DOI, "")
	equal(t, "journal", a.Journal, (*ld.Journal)(nil))
	equal(t, "graphical abstract", a.GraphicalAbstract, (*ld.Image)(nil))
	equal(t, "warnings", warningStrings(record), []string{
		`citation_arxiv_id: "1902.02534" is not held by the article model`,
		`citation_online_date: 2019-06-21 is later than citation_date 2019-02-07: not held by the article model`,
		`link[rel="canonical"]: relative URL "/abs/1902.02534" resolved against https://arxiv.org/abs/1902.02534v2 (og:url)`,
	})
	equal(t, "record position", record.Pos, ld.Position{File: "arxiv.1902.02534.html", Line: 1, Column: 1})
}

func TestNoMetadataFixture(t *testing.T) {
	// The page has a <title> (with <em> in it), a description and keywords
	// that are empty, but no citation_*, DC, prism or JSON-LD: not an
	// article.
	records, err := readFile(t, testkit.Shared(t, "fixtures", "html", "pan.app.no-meta.html"))
	if !errors.Is(err, ErrNoMetadata) {
		t.Fatalf("err = %v, want ErrNoMetadata", err)
	}
	equal(t, "error", err.Error(), "pan.app.no-meta.html: html: no article metadata found (no citation_*, DC, prism or schema.org JSON-LD)")
	equal(t, "records", len(records), 0)
}

func TestDataCiteSchemaOrgFixture(t *testing.T) {
	record := readOne(t, testkit.Shared(t, "fixtures", "schemaorg", "datacite-blog.schema_org.json"))
	a := article(t, record)
	equal(t, "title", a.Title, "Eating your own Dog Food")
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Martin", Family: "Fenner", ORCID: "0000-0003-1419-2405"}})
	equal(t, "journal", a.Journal, &ld.Journal{Title: "DataCite Blog", Publisher: &ld.Publisher{Name: "DataCite"}})
	equal(t, "doi", a.DOI, "10.5438/4K3M-NYVG")
	equal(t, "url", a.URL, "https://blog.datacite.org/eating-your-own-dog-food/")
	equal(t, "dates", a.Dates, ld.Dates{Published: ld.Date{Year: 2016, Month: 12, Day: 20}})
	equal(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/"})
	equal(t, "keywords", a.Keywords, []string{"datacite", "doi", "metadata", "featured"})
	equal(t, "language", a.Language, "en")
	equal(t, "files", a.Files, []ld.File{{URL: "https://blog.datacite.org/eating-your-own-dog-food/eating-your-own-dog-food.xml", MediaType: "application/xml"}})
	equal(t, "image", a.GraphicalAbstract, &ld.Image{URL: "https://blog.datacite.org/images/2016/12/230785.jpg"})
	equal(t, "references", a.References, []ld.Reference{{DOI: "10.5438/0012"}, {DOI: "10.5438/55E5-T5C0"}})
	if !strings.HasPrefix(a.Abstract, "Eating your own dog food is a slang term") {
		t.Errorf("abstract = %q", a.Abstract)
	}
	equal(t, "warnings", warningStrings(record), []string{
		`BlogPosting.isPartOf.@id: "https://doi.org/10.5438/0000-00SS" is not held by the article model`,
		`BlogPosting.publisher.@id: "https://ror.org/04wxnsj81" is not held by the article model`,
		`BlogPosting.alternateName: "MS-49-3632-5083" is not held by the article model`,
		`BlogPosting.dateCreated: "2016-12-20" is not held by the article model`,
		`BlogPosting.dateModified: "2016-12-20" is not held by the article model`,
		`BlogPosting.version: "1.0" is not held by the article model`,
	})
}

// TestGolden compares the whole record of each page in testdata with its
// golden file: go test -update rewrites them.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no testdata")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			records, err := readFile(t, path)
			got := map[string]any{}
			if err != nil {
				got["error"] = err.Error()
			}
			for _, record := range records {
				if record.Err != nil {
					got["recordError"] = record.Err.Error()
				} else if errs := ld.Check(record.Article); len(errs) > 0 {
					t.Errorf("ld.Check: %v", errs)
				}
				got["article"] = record.Article
				got["warnings"] = warningStrings(record)
			}
			var out bytes.Buffer
			encoder := json.NewEncoder(&out)
			encoder.SetEscapeHTML(false)
			encoder.SetIndent("", "  ")
			if err := encoder.Encode(got); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, filepath.Join("reader", "html", "testdata", "golden", filepath.Base(path)+".json"), out.Bytes())
		})
	}
}
