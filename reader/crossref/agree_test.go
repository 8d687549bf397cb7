package crossref

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// TestXMLAndJSONAgree reads each work of testdata/pairs, given both as
// Crossref XML and as REST JSON, and checks that the two readers give the
// same article, field by field. TestJSONAndXMLAgree does the same for the
// shared eLife fixture, whose two sources differ in what they hold.
func TestXMLAndJSONAgree(t *testing.T) {
	pairs, err := filepath.Glob("testdata/pairs/*.xml")
	if err != nil || len(pairs) == 0 {
		t.Fatalf("no pairs: %v", err)
	}
	for _, xmlPath := range pairs {
		t.Run(filepath.Base(xmlPath), func(t *testing.T) {
			compareReaders(t, xmlPath, strings.TrimSuffix(xmlPath, ".xml")+".json")
		})
	}
}

func compareReaders(t *testing.T, xmlPath, jsonPath string) {
	t.Helper()
	xmlArticle := readOnly(t, xmlPath, ReadXML)
	jsonArticle := readOnly(t, jsonPath, Read)
	// DOIs are case-insensitive: the sources may spell them differently.
	if !strings.EqualFold(xmlArticle.DOI, jsonArticle.DOI) {
		t.Errorf("DOI: XML %q, JSON %q", xmlArticle.DOI, jsonArticle.DOI)
	}
	xmlArticle.DOI, jsonArticle.DOI = "", ""
	sameArticle(t, xmlArticle, jsonArticle)
}

func readOnly(t *testing.T, path string, read func([]byte, string) ([]reader.Record, error)) *ld.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	records, err := read(data, filepath.Base(path))
	if err != nil || len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%s: %v %+v", path, err, records)
	}
	return records[0].Article
}

// TestPairRules checks what each pair is there for, beyond agreement.
func TestPairRules(t *testing.T) {
	preprint := readOnly(t, "testdata/pairs/preprint.xml", ReadXML)
	equal(t, "preprint published", preprint.Dates.Published, day(2021, 3, 14))
	equal(t, "preprint journal", preprint.Journal, (*ld.Journal)(nil))
	equal(t, "preprint type", preprint.Type, ld.Preprint)
	equal(t, "preprint of", preprint.Related, []ld.Related{{Relation: ld.PreprintOf, DOI: "10.5555/published.1"}})
	equal(t, "preprint server", preprint.Publisher, &ld.Publisher{Name: "bioRxiv"})

	plos := readOnly(t, "testdata/pairs/untyped-item-number.xml", ReadXML)
	equal(t, "untyped item number", plos.ArticleNumber, "")
	equal(t, "licence, not the TDM terms", plos.License, &ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"})
	equal(t, "issue print date", plos.Dates, ld.Dates{Published: day(2014, 5, 6), PublishedPrint: ld.Date{Year: 2014}})

	kisti := readOnly(t, "testdata/pairs/original-title.xml", ReadXML)
	equal(t, "original-language title", kisti.Title, "한국어 제목")

	for _, tt := range []struct {
		file string
		read func([]byte, string) ([]reader.Record, error)
		want []string
	}{
		{"preprint.xml", ReadXML, []string{`group title "Neuroscience" not kept`, `item number "2021.03.14.435300" of type "pub-id" not kept`}},
		{"preprint.json", Read, nil},
		{"untyped-item-number.xml", ReadXML, []string{`text-and-data-mining licence "https://www.springer.com/tdm"`, `item number "10.1371/journal.pone.0097541" without item_number_type="article_number"`}},
		{"untyped-item-number.json", Read, []string{`text-and-data-mining licence "https://www.springer.com/tdm"`}},
		{"original-title.xml", ReadXML, []string{`only its original-language title`}},
		{"original-title.json", Read, []string{`only its original-language title`}},
	} {
		data, err := os.ReadFile("testdata/pairs/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		records, err := tt.read(data, tt.file)
		if err != nil || len(records) != 1 {
			t.Fatalf("%s: %v", tt.file, err)
		}
		for _, w := range tt.want {
			found := false
			for _, got := range records[0].Warnings {
				found = found || strings.Contains(got.Msg, w)
			}
			if !found {
				t.Errorf("%s: no warning %q in %v", tt.file, w, records[0].Warnings)
			}
		}
	}
}
