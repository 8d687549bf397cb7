package datacite_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/datacite"
	"github.com/scholarld/scholarld/reader/formats"
)

func read(t *testing.T, name string) []reader.Record {
	t.Helper()
	readFunc := datacite.Read
	if strings.HasSuffix(name, ".xml") {
		readFunc = datacite.ReadXML
	}
	return readertest.ReadFile(t, readertest.ReadFunc(readFunc), filepath.Join("testdata", name), name)
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s\n got: %s\nwant: %s", what, readertest.JSON(got), readertest.JSON(want))
	}
}

func warnings(r reader.Record) []string {
	var out []string
	for _, w := range r.Warnings {
		out = append(out, w.String())
	}
	return out
}

// TestSharedFixture reads the DataCite REST API record of a DataCite blog
// post (resourceTypeGeneral Text, two creators, eight Cites relations,
// CC BY 4.0) and checks what a person sees.
func TestSharedFixture(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "datacite", "10.5438_zhyx-n122.datacite.json")
	rec := readertest.Only(t, readertest.ReadFile(t, datacite.Read, path, "zhyx.json"))
	a := rec.Article
	equal(t, "title", a.Title, "DataCite Member Survey 2022")
	equal(t, "type", a.Type, ld.ArticleType(""))
	equal(t, "doi", a.DOI, "10.5438/zhyx-n122")
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Rorie", Family: "Edmunds", Affiliations: []string{"a1"}},
		{Given: "Paul", Family: "Vierkant", ORCID: "0000-0003-4448-3844", Affiliations: []string{"a1"}},
	})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "a1", Name: "DataCite"}})
	equal(t, "publisher (no journal)", a.Publisher, &ld.Publisher{Name: "DataCite"})
	equal(t, "published", a.Dates.Published.String(), "2023")
	equal(t, "licence", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/legalcode", Label: "Creative Commons Attribution 4.0 International"})
	equal(t, "language", a.Language, "en")
	equal(t, "url", a.URL, "https://datacite.org/blog/datacite-member-survey-2022/")
	equal(t, "references", len(a.References), 8)
	equal(t, "first reference", a.References[0], ld.Reference{DOI: "10.5438/K1GW-Y723"})
	if !strings.HasPrefix(a.Abstract, "At the end of 2022, we conducted our annual member survey") {
		t.Errorf("abstract = %q", a.Abstract)
	}
	equal(t, "warnings", warnings(rec), []string(nil))
	if _, err := ld.Map(a, ld.FullProfile); err != nil {
		t.Fatalf("Map: %v", err)
	}
}

// TestXMLAgreesWithJSON reads the kernel 4 XML that the shared fixture
// carries (base64 in its "xml" attribute, decoded into testdata) and
// checks that it gives the article the JSON gives, but for what only the
// XML has: the affiliation's ROR ID.
func TestXMLAgreesWithJSON(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "datacite", "10.5438_zhyx-n122.datacite.json")
	fromJSON := readertest.Only(t, readertest.ReadFile(t, datacite.Read, path, "zhyx.json")).Article
	fromXML := readertest.Only(t, read(t, "10.5438_zhyx-n122.kernel4.xml")).Article
	equal(t, "XML affiliations", fromXML.Affiliations, []ld.Affiliation{{ID: "a1", Name: "DataCite", ROR: "https://ror.org/04wxnsj81"}})
	fromXML.Affiliations = fromJSON.Affiliations
	if !strings.EqualFold(fromXML.DOI, fromJSON.DOI) {
		t.Errorf("DOIs differ beyond case: %s, %s", fromXML.DOI, fromJSON.DOI)
	}
	fromXML.DOI = fromJSON.DOI
	fromXML.URL = fromJSON.URL // the XML kernel has no landing page
	equal(t, "XML and JSON", fromXML, fromJSON)
}

func TestRules(t *testing.T) {
	tests := []struct {
		file  string
		index int
		check func(t *testing.T, r reader.Record)
	}{
		{"preprint.json", 0, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "type", a.Type, ld.Preprint)
			equal(t, "doi", a.DOI, "10.5555/PREPRINT-1")
			equal(t, "subtitle", a.Subtitle, "Methods and Tools")
			equal(t, "translated title", a.AlternativeTitles, []ld.AlternativeTitle{{Title: "Ein Vorabdruck über Linked Data", Language: "de"}})
			equal(t, "authors", a.Authors, []ld.Author{
				{Given: "Josiah", Family: "Carberry", ORCID: "0000-0002-1825-0097", Affiliations: []string{"a1"}},
				{Kind: ld.OrganizationAuthor, Name: "Example Consortium"},
			})
			equal(t, "affiliation with ROR", a.Affiliations, []ld.Affiliation{{ID: "a1", Name: "Brown University", ROR: "https://ror.org/05gq02987"}})
			equal(t, "editors", a.Editors, []ld.Author{{Given: "Ada", Family: "Lovelace"}})
			equal(t, "server is the publisher", a.Publisher, &ld.Publisher{Name: "Example Preprint Server"})
			equal(t, "dates", [2]string{a.Dates.Received.String(), a.Dates.Published.String()}, [2]string{"2021-02-01", "2021-03-15"})
			equal(t, "keywords", a.Keywords, []string{"linked data", "FOS: Computer and information sciences"})
			equal(t, "published version", a.Related, []ld.Related{{Relation: ld.PreprintOf, DOI: "10.5555/12345678"}})
			equal(t, "references", a.References, []ld.Reference{{URL: "https://example.org/cited"}})
			equal(t, "SPDX licence", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "Creative Commons Attribution 4.0 International"})
			equal(t, "abstract", a.Abstract, "We describe a preprint.")
			equal(t, "funding", a.Funding, []ld.Funding{
				{Funder: ld.Funder{Name: "National Science Foundation", DOI: "10.13039/100000001"}, Award: "1234567",
					AwardTitle: "Linked Metadata", AwardURL: "https://www.nsf.gov/awardsearch/showAward?AWD_ID=1234567"},
				{Funder: ld.Funder{Name: "Wellcome Trust", ROR: "https://ror.org/029chgv08"}},
			})
			equal(t, "warnings", warnings(r), []string{
				`data.attributes.contributors[1]: contributor type "ContactPerson" not kept: the model has editors only`,
				`data.attributes.dates[2]: Updated date "2021-04-01T10:00:00Z" not kept: the model has submitted, accepted and issued dates`,
				`data.attributes.relatedIdentifiers[2]: relation type "IsPreviousVersionOf" not kept: the model has references and preprint relations`,
				`data.attributes.descriptions[1]: Other description not kept`,
			})
		}},
		{"list.json", 0, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "Text refined by resourceType", a.Type, ld.WorkingPaper)
			equal(t, "series", a.Series, &ld.Series{Title: "Example Working Paper Series; 7"})
			equal(t, "publisher object", a.Publisher, &ld.Publisher{Name: "Example Bureau of Economic Research"})
			equal(t, "position", r.Pos.Line, 3)
		}},
		{"list.json", 1, func(t *testing.T, r reader.Record) {
			if r.Err == nil || r.Err.Error() != "list.json:12:5: data[1].attributes.types.resourceTypeGeneral: DataCite resourceTypeGeneral Dataset is not a work scholarld maps" {
				t.Errorf("error = %v", r.Err)
			}
		}},
		{"list.json", 2, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "type", a.Type, ld.BookChapter)
			equal(t, "book", a.Book, &ld.Book{Title: "Handbook of Scholarly Metadata", ISBNs: []string{"9780306406157"}})
			equal(t, "pages", [2]string{a.FirstPage, a.LastPage}, [2]string{"45", "67"})
			equal(t, "publisher", a.Publisher, &ld.Publisher{Name: "Example University Press"})
		}},
		{"list.json", 3, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "journal", a.Journal, &ld.Journal{Title: "Journal of Examples", ISSNs: []ld.ISSN{{Value: "1422-0067"}},
				Publisher: &ld.Publisher{Name: "Example Society"}})
			equal(t, "volume, issue, pages", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, []string{"15", "8", "101", "110"})
			equal(t, "no work publisher", a.Publisher, (*ld.Publisher)(nil))
		}},
		{"conference-paper.schema.json", 0, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "type", a.Type, ld.ConferencePaper)
			equal(t, "doi", a.DOI, "10.5555/conf-2024-101")
			equal(t, "proceedings", a.Book, &ld.Book{Title: "Proceedings of the Example Workshop on Metadata"})
			equal(t, "accepted", a.Dates.Accepted.String(), "2024-03-01")
			equal(t, "affiliation string", a.Affiliations, []ld.Affiliation{{ID: "a1", Name: "Example University"}})
		}},
		{"untitled-journal.schema.json", 0, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "no journal without a title", a.Journal, (*ld.Journal)(nil))
			equal(t, "volume, issue, pages kept", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, []string{"15", "8", "101", "110"})
			equal(t, "publisher on the work", a.Publisher, &ld.Publisher{Name: "Example Society"})
			equal(t, "warnings", warnings(r), []string{
				"relatedIdentifiers: ISSN 1422-0067 not kept: DataCite gives no title for the journal or series, and the model names one by its title",
			})
		}},
		{"untitled-book.schema.json", 0, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "type", a.Type, ld.BookChapter)
			equal(t, "no book without a title", a.Book, (*ld.Book)(nil))
			equal(t, "warnings", warnings(r), []string{
				"relatedIdentifiers: ISBN 978-0-306-40615-7 not kept: DataCite gives no title for the book, and the model names one by its title",
			})
		}},
		{"report.kernel3.xml", 0, func(t *testing.T, r reader.Record) {
			a := r.Article
			equal(t, "type", a.Type, ld.Report)
			equal(t, "title", a.Title, "A Technical Report & its Series")
			equal(t, "authors", a.Authors, []ld.Author{{Given: "Charles", Family: "Babbage", ORCID: "0000-0002-1825-0097", Affiliations: []string{"a1"}}})
			equal(t, "open access", *a.OpenAccess, true)
			equal(t, "licence", a.License, &ld.License{URL: "http://creativecommons.org/licenses/by/3.0/", Label: "CC BY 3.0"})
			equal(t, "abstract", a.Abstract, "First line. Second line with H 2 O.")
			equal(t, "series", a.Series, &ld.Series{Title: "Example Technical Reports"})
			equal(t, "language from ISO 639-2", a.Language, "en")
			equal(t, "published", a.Dates.Published.String(), "2015-06")
		}},
		{"software.kernel4.xml", 0, func(t *testing.T, r reader.Record) {
			if r.Err == nil || !strings.HasSuffix(r.Err.Error(), "types.resourceTypeGeneral: DataCite resourceTypeGeneral Software is not a work scholarld maps") {
				t.Errorf("error = %v", r.Err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+string(rune('0'+tt.index)), func(t *testing.T) {
			records := read(t, tt.file)
			if tt.index >= len(records) {
				t.Fatalf("%d records", len(records))
			}
			r := records[tt.index]
			if r.Article != nil {
				if errs := ld.Check(r.Article); len(errs) > 0 {
					t.Fatalf("ld.Check: %v", errs)
				}
			} else if !strings.Contains(tt.file, "software") && !(tt.file == "list.json" && tt.index == 1) {
				t.Fatalf("record error: %v", r.Err)
			}
			tt.check(t, r)
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, in, want string
		xml            bool
	}{
		{"syntax", "{\n  \"data\": [1,\n", "datacite: in:3:1: unexpected end of JSON input", false},
		{"not an object", `[1, 2]`, "not DataCite metadata", false},
		{"xml syntax", "<resource xmlns=\"http://datacite.org/schema/kernel-4\">\n<titles>\n</resource>", "in:3:12: datacite: element <titles> closed by </resource>", true},
		{"xml without resource", `<root/>`, "no <resource> element", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := datacite.Read
			if tt.xml {
				read = datacite.ReadXML
			}
			records, err := read([]byte(tt.in), "in")
			if err == nil || !strings.Contains(err.Error(), tt.want) || records != nil {
				t.Fatalf("Read = %v, %v; want an error containing %q", records, err, tt.want)
			}
		})
	}
}

func TestBadRecords(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no title", `{"titles": [{"title": "Sub", "titleType": "Subtitle"}], "types": {"resourceTypeGeneral": "Text"}}`,
			"in:1:1: titles: no title (a title without titleType)"},
		{"bad date", `{"titles": [{"title": "T"}], "dates": [{"date": "2021-02-30", "dateType": "Issued"}]}`,
			"in:1:1: dates[0]: Issued date:"},
		{"wrong type", `{"titles": "T"}`, "in:1:1: titles: want a JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := datacite.Read([]byte(tt.in), "in")
			if err != nil || len(records) != 1 || records[0].Err == nil || !strings.HasPrefix(records[0].Err.Error(), tt.want) {
				t.Fatalf("Read = %v, %v; want a record error starting %q", readertest.Show(records), err, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for _, name := range []string{"preprint.json", "list.json", "conference-paper.schema.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if !datacite.Sniff(data) {
			t.Errorf("Sniff(%s) = false", name)
		}
	}
	for _, name := range []string{"report.kernel3.xml", "10.5438_zhyx-n122.kernel4.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if !datacite.SniffXML(data) {
			t.Errorf("SniffXML(%s) = false", name)
		}
	}
	if datacite.Sniff([]byte(`{"title": "T", "type": "article-journal"}`)) || datacite.SniffXML([]byte(`<article/>`)) {
		t.Error("sniffed CSL or JATS as DataCite")
	}
}

func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.json", "datacite/*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := datacite.Read(data, "fuzz.json")
		readertest.CheckFuzzRecords(t, records, err)
	})
}

func FuzzReadXML(f *testing.F) {
	readertest.AddSeeds(f, "*.xml", "datacite/*.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := datacite.ReadXML(data, "fuzz.xml")
		readertest.CheckFuzzRecords(t, records, err)
	})
}

// TestDetected checks that the input format table picks this reader for
// its test files.
func TestDetected(t *testing.T) {
	for name, want := range map[string]string{
		"preprint.json": "datacite", "list.json": "datacite", "conference-paper.schema.json": "datacite",
		"report.kernel3.xml": "datacite-xml", "10.5438_zhyx-n122.kernel4.xml": "datacite-xml",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if in, err := formats.Detect(name, data); err != nil || in.Name != want {
			t.Errorf("%s detected as %q (%v), want %s", name, in.Name, err, want)
		}
	}
}
