package crossref

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// readTestdata reads testdata/<name> with the reader its extension names.
func readTestdata(t *testing.T, name string) ([]reader.Record, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(name) == ".xml" {
		return ReadXML(data, filepath.Base(name))
	}
	return Read(data, filepath.Base(name))
}

// records reads a testdata file that must read as a whole, and checks
// that every article it gives passes ld.Check.
func records(t *testing.T, name string, count int) []reader.Record {
	t.Helper()
	recs, err := readTestdata(t, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) != count {
		t.Fatalf("%s: got %d records, want %d", name, len(recs), count)
	}
	for i, rec := range recs {
		if rec.Index != i {
			t.Errorf("%s: record %d has index %d", name, i, rec.Index)
		}
		if rec.Article != nil {
			if errs := ld.Check(rec.Article); len(errs) > 0 {
				t.Errorf("%s: record %d: ld.Check: %v", name, i, errs)
			}
		}
	}
	return recs
}

// article returns the article of a record that must have been read.
func article(t *testing.T, rec reader.Record) *ld.Article {
	t.Helper()
	if rec.Err != nil {
		t.Fatalf("record %d: %v", rec.Index, rec.Err)
	}
	return rec.Article
}

// wantFieldError checks that a record was rejected for the field at
// path, at the given line.
func wantFieldError(t *testing.T, rec reader.Record, path string, line int) {
	t.Helper()
	var fe *ld.FieldError
	if !errors.As(rec.Err, &fe) {
		t.Fatalf("record %d: error %v, want a field error at %s", rec.Index, rec.Err, path)
	}
	if fe.Path != path || fe.Pos.Line != line {
		t.Errorf("record %d: error at %s line %d (%v), want %s line %d", rec.Index, fe.Path, fe.Pos.Line, fe, path, line)
	}
	if rec.Article != nil {
		t.Errorf("record %d: rejected but has an article", rec.Index)
	}
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

func TestReadSyntaxErrors(t *testing.T) {
	tests := []struct {
		name      string
		data      string // used when file is empty
		file      string
		line, col int
	}{
		{name: "string cut by a line break", file: "rest/truncated.json", line: 6, col: 25},
		{name: "input ends inside a list", file: "rest/truncated-end.json", line: 1, col: 105},
		{name: "stray character", data: "{\n  \"title\": [\"x\"],\n  oops\n}", line: 3, col: 3},
		{name: "empty input", data: "", line: 1, col: 1},
		{name: "XML cut short", file: "xml/truncated.xml", line: 8, col: 1},
		{name: "XML mismatched tag", data: "<doi_records>\n  <doi_record></doi_records>", line: 2, col: 29},
		{name: "XML nothing", data: "  ", line: 1, col: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			switch {
			case tt.file != "":
				_, err = readTestdata(t, tt.file)
			case strings.HasPrefix(tt.name, "XML"):
				_, err = ReadXML([]byte(tt.data), "in.xml")
			default:
				_, err = Read([]byte(tt.data), "in.json")
			}
			var syntax *reader.SyntaxError
			if !errors.As(err, &syntax) {
				t.Fatalf("error %v, want a *reader.SyntaxError", err)
			}
			if syntax.Pos.Line != tt.line || syntax.Pos.Column != tt.col {
				t.Errorf("error at %s, want line %d column %d (%v)", syntax.Pos, tt.line, tt.col, err)
			}
			if want := syntax.Pos.String() + ": crossref: "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %q does not start with %q: the file once, then the format", err, want)
			}
		})
	}
}

func TestReadNotCrossref(t *testing.T) {
	tests := []struct {
		name string
		read func([]byte, string) ([]reader.Record, error)
		data string
	}{
		{"a journal, not a work", Read, "testdata/rest/not-a-work.json"},
		{"a JSON list", Read, `[{"title": ["x"]}]`},
		{"a failed API response", Read, `{"status": "failed", "message-type": "validation-failure", "message": []}`},
		{"items not a list", Read, `{"message-type": "work-list", "message": {"items": 3}}`},
		{"JATS", ReadXML, "testdata/xml/not-crossref.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			if strings.HasPrefix(tt.data, "testdata/") {
				var err error
				if data, err = os.ReadFile(tt.data); err != nil {
					t.Fatal(err)
				}
			}
			recs, err := tt.read(data, "in")
			if err == nil || recs != nil {
				t.Fatalf("got %d records and error %v, want an error", len(recs), err)
			}
			if !strings.HasPrefix(err.Error(), "in") || !strings.Contains(err.Error(), ": crossref: ") || strings.Count(err.Error(), "in:") > 1 {
				t.Errorf("error %q does not name the file once, then the format", err)
			}
		})
	}
}

func TestReadWorkList(t *testing.T) {
	recs := records(t, "rest/work-list.json", 3)
	equal(t, "first title", article(t, recs[0]).Title, "A first article")
	// The second item names a day that does not exist: only it is rejected.
	wantFieldError(t, recs[1], "message.items[1].published-online.date-parts", 16)
	// A title given as a string and a volume given as a number still read.
	third := article(t, recs[2])
	equal(t, "third", [2]string{third.Title, third.Volume}, [2]string{"A third article", "12"})
	equal(t, "record position", recs[2].Pos, ld.Position{File: "work-list.json", Line: 18, Column: 7})

	recs = records(t, "rest/bad-item-shape.json", 3)
	equal(t, "kept", article(t, recs[0]).DOI, "10.5555/kept")
	wantFieldError(t, recs[1], "message.items[1]", 3)
	wantFieldError(t, recs[2], "message.items[2].author", 4)
}

func TestReadTitles(t *testing.T) {
	rec := records(t, "rest/titles.json", 1)[0]
	a := article(t, rec)
	equal(t, "title", a.Title, "The <i>Arabidopsis</i> H<sub>2</sub>O <sc>Atlas</sc> & more")
	equal(t, "journal title", a.Journal.Title, "Journal of <i>Tests</i>")
	equal(t, "abstract", a.Abstract, "We measured CO<sub>2</sub> in <i>vivo</i>. Second paragraph.")
	equal(t, "DOI, case kept", a.DOI, "10.5555/Titles")
	equal(t, "URL: the DOI link is not the landing page", a.URL, "")
	equal(t, "type", a.Type, ld.ArticleType(""))
	wantWarnings(t, rec.Warnings, [][2]string{
		{"title", `a further title "L'atlas d'<i>Arabidopsis</i>"`},
		{"subtitle", `a further subtitle "A second subtitle" not kept`},
	})
	equal(t, "subtitle", a.Subtitle, "A subtitle")
}

func TestReadAuthors(t *testing.T) {
	rec := records(t, "rest/authors.json", 1)[0]
	a := article(t, rec)
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Jan", Family: "van der Berg", ORCID: "0000-0002-1825-0097", Affiliations: []string{"aff1"}},
		{Given: "Amos B.", Family: "Smith", Suffix: "III", Affiliations: []string{"aff1", "aff2"}},
		{Kind: ld.OrganizationAuthor, Name: "The CRISPR Consortium"},
		{Family: "Sheherazade"},
		{Family: "Ardiantiono", Affiliations: []string{"aff1"}},
	})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{
		{ID: "aff1", Name: "University of Calgary", ROR: "https://ror.org/03yjb2x39"},
		{ID: "aff2", Name: "Department of Chemistry, University of Pennsylvania"},
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"author[1].ORCID", "check digit"},
		{"author[1].sequence", `sequence "first" disagrees with byline position 2`},
		{"author[3]", `"Sheherazade" alone is read as the family name`},
		{"chair[0]", `chair "Carl Chair" not kept: the model holds authors and editors only`},
	})
	equal(t, "editors", a.Editors, []ld.Author{{Given: "Erin", Family: "Editor"}})
}

func TestReadJournal(t *testing.T) {
	rec := records(t, "rest/journal.json", 1)[0]
	a := article(t, rec)
	equal(t, "journal", a.Journal, &ld.Journal{
		Title:        "International Journal of Molecular Sciences",
		Abbreviation: "IJMS",
		// An ISSN with no issn-type entry has no kind.
		ISSNs:     []ld.ISSN{{Value: "1422-0067", Kind: ld.ElectronicISSN}, {Value: "1661-6596"}},
		Publisher: &ld.Publisher{Name: "Taylor & Francis"}, // decoded from "&amp;"
	})
	equal(t, "volume, issue, pages", [4]string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, [4]string{"15", "8", "14348", "14363"})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"ISSN[1]", `"1661 6596" read as 1661-6596`},
		{"ISSN[2]", `"1234-5678" dropped`},
	})
}

func TestReadPages(t *testing.T) {
	recs := records(t, "rest/pages.json", 4)
	tests := []struct {
		first, last, number string
		warning             string
	}{
		{first: "e1002997"},
		{first: "2918", last: "2922", warning: `abbreviated last page "22" read as 2922`},
		{number: "e01567"},
		{first: "30", warning: "last page 12 is before first page 30"},
	}
	for i, tt := range tests {
		a := article(t, recs[i])
		equal(t, a.Title, [3]string{a.FirstPage, a.LastPage, a.ArticleNumber}, [3]string{tt.first, tt.last, tt.number})
		var want [][2]string
		if tt.warning != "" {
			want = [][2]string{{fmt.Sprintf("message.items[%d].page", i), tt.warning}}
		}
		wantWarnings(t, recs[i].Warnings, want)
	}
}

func TestReadDates(t *testing.T) {
	recs := records(t, "rest/dates.json", 8)
	tests := []ld.Dates{
		{Published: ld.Date{Year: 2014}},
		{Published: ld.Date{Year: 2014, Month: 8}},
		{Published: day(2014, 8, 18), PublishedPrint: ld.Date{Year: 2014, Month: 9}},
		{},
		{Received: day(2021, 2, 18), Accepted: day(2021, 2, 25), Published: day(2021, 3, 1)},
		{Published: day(2021, 3, 1)},
	}
	for i, want := range tests {
		a := article(t, recs[i])
		equal(t, a.Title, a.Dates, want)
	}
	equal(t, "revised in order", article(t, recs[7]).Dates, ld.Dates{
		Received: day(2021, 1, 10), Revised: []ld.Date{day(2021, 2, 1)}, Accepted: day(2021, 4, 1), Published: day(2021, 6, 1),
	})
	wantWarnings(t, recs[7].Warnings, [][2]string{{"message.items[7].assertion", "revised date 2021-03-01 comes after the revised date 2021-02-01"}})
	history := recs[4]
	equal(t, "copyright", history.Article.Copyright, &ld.Copyright{Statement: "© 2021 The Authors"})
	wantWarnings(t, history.Warnings, [][2]string{{"message.items[4].assertion[4]", `"Content Type"`}})
	wantWarnings(t, recs[5].Warnings, [][2]string{{"message.items[5].assertion", "accepted date 2021-04-01 comes after the published date 2021-03-01"}})
	wantFieldError(t, recs[6], "message.items[6].published-online.date-parts", 16)
}

func TestReadLicences(t *testing.T) {
	recs := records(t, "rest/licences.json", 3)
	equal(t, "version of record", article(t, recs[0]).License, &ld.License{URL: "http://creativecommons.org/licenses/by/3.0/"})
	wantWarnings(t, recs[0].Warnings, nil)
	equal(t, "unspecified", article(t, recs[1]).License, &ld.License{URL: "https://doi.org/10.15223/policy-017"})
	equal(t, "manuscript only", article(t, recs[2]).License, (*ld.License)(nil))
	wantWarnings(t, recs[2].Warnings, [][2]string{{"message.items[2].license[0]", "versions other than the version of record (am)"}})
}

func TestReadLinks(t *testing.T) {
	rec := records(t, "rest/links.json", 1)[0]
	a := article(t, rec)
	equal(t, "landing page", a.URL, "https://example.org/article")
	equal(t, "files", a.Files, []ld.File{
		{URL: "https://example.org/article.pdf", MediaType: "application/pdf"},
		{URL: "https://example.org/article.xml", MediaType: "application/xml"},
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"link[3]", "accepted manuscript not kept"},
		{"link[4]", "media type application/zip not kept"},
	})
}

func TestReadReferences(t *testing.T) {
	rec := records(t, "rest/references.json", 1)[0]
	a := article(t, rec)
	equal(t, "references", a.References, []ld.Reference{
		{DOI: "10.1038/nature02100"},
		{Text: "Puniamoorthy, N. et al. Nature 452, 530 (2008)."},
		{Text: "Dolan. 1993. Cellular organisation of the Arabidopsis thaliana root. Development. 119. 71"},
		{Text: "A reference whose DOI is broken."},
	})
	equal(t, "keywords from subjects", a.Keywords, []string{"Multidisciplinary", "General Medicine"})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"subject", "subject categories of the journal"},
		{"reference[3]", "no DOI and no text"},
		{"reference[4]", `reference DOI "not a doi" dropped`},
	})
}

func TestReadRelations(t *testing.T) {
	recs := records(t, "rest/relations.json", 3)
	notice := article(t, recs[0])
	equal(t, "notice type", notice.Type, ld.Correction)
	equal(t, "notice relations", notice.Related, []ld.Related{{Relation: ld.Corrects, DOI: "10.5555/study"}})

	study := article(t, recs[1])
	equal(t, "study type", study.Type, ld.ArticleType(""))
	equal(t, "study relations", study.Related, []ld.Related{
		{Relation: ld.CommentOn, DOI: "10.5555/target"},
		{Relation: ld.RetractedBy, DOI: "10.5555/retraction"},
	})
	wantWarnings(t, recs[1].Warnings, [][2]string{{"message.items[1].relation.has-review[0]", `"has-review" to doi 10.5555/review not kept`}})

	equal(t, "funding", article(t, recs[2]).Funding, []ld.Funding{
		{Funder: ld.Funder{Name: "EMBO", DOI: "10.13039/501100003043"}, Award: "ALTF 1"}})
	wantWarnings(t, recs[2].Warnings, [][2]string{
		{"message.items[2].update-to[0]", `update of type "new_version" to 10.5555/old not kept`},
		{"message.items[2].clinical-trial-number[0]", "clinical trial NCT01234567 not kept"},
		{"message.items[2].institution", "field not read"},
	})
}

const unixrefArticle = "/doi_records/doi_record/crossref/journal/journal_article"

func TestReadXMLRecords(t *testing.T) {
	recs := records(t, "xml/unixref-records.xml", 3)
	first := recs[0]
	a := article(t, first)
	equal(t, "title", a.Title, "The <sc>dna</sc> of H<sub>2</sub>O & <i>E. coli</i>")
	equal(t, "type from the Crossmark update", a.Type, ld.Correction)
	equal(t, "open access", a.OpenAccess != nil && *a.OpenAccess, true)
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Amos B.", Family: "Smith", Suffix: "III", ORCID: "0000-0002-1825-0097", Affiliations: []string{"aff1"}},
		{Kind: ld.OrganizationAuthor, Name: "The CRISPR Consortium"},
		{Given: "Jan", Family: "van der Berg", Affiliations: []string{"aff2"}},
	})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{
		{ID: "aff1", Name: "University of Calgary", ROR: "https://ror.org/03yjb2x39"},
		{ID: "aff2", Name: "University of Calgary"},
	})
	equal(t, "journal", a.Journal, &ld.Journal{
		Title:        "Journal of <i>Examples</i>",
		Abbreviation: "J. Ex.",
		ISSNs:        []ld.ISSN{{Value: "1523-7060", Kind: ld.PrintISSN}, {Value: "1523-7052", Kind: ld.ElectronicISSN}},
	})
	equal(t, "numbers", [4]string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, [4]string{"21", "8", "2918", "2922"})
	equal(t, "DOI and URL", [2]string{a.DOI, a.URL}, [2]string{"10.5555/Example.1", "https://example.org/articles/1"})
	equal(t, "dates", a.Dates, ld.Dates{Published: day(2019, 4, 3), PublishedPrint: ld.Date{Year: 2019}})
	equal(t, "licence", a.License, &ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"})
	equal(t, "abstract", a.Abstract, "CO<sub>2</sub> in <i>vivo</i>.")
	equal(t, "language", a.Language, "en")
	equal(t, "references", a.References, []ld.Reference{
		{DOI: "10.1038/nature02100"},
		{Text: "Puniamoorthy, N. et al. <i>Nature</i> 452, 530 (2008)."},
		{Text: "Dolan. 1993. Cellular organisation of the Arabidopsis thaliana root. Development. 119. 71"},
	})
	equal(t, "related", a.Related, []ld.Related{{Relation: ld.Corrects, DOI: "10.5555/original"}})
	equal(t, "subtitle", a.Subtitle, "A subtitle")
	equal(t, "editors", a.Editors, []ld.Author{{Given: "Erin", Family: "Editor"}})
	contributors := unixrefArticle + "/contributors/person_name"
	wantWarnings(t, first.Warnings, [][2]string{
		{"/doi_records/doi_record/crossref/journal/journal_metadata/issn", `"15237052" read as 1523-7052`},
		{contributors + "[1]/affiliations/institution[1]/institution_place", `place "Calgary, Canada" not kept`},
		{contributors + "[3]/ORCID", "check digit"},
		{contributors + "[3]/@sequence", `sequence "first" disagrees with byline position 3`},
		{"/doi_records/doi_record/crossref/journal/journal_issue/publication_date/month", "season or quarter 21 kept as the year only"},
	})

	// The book in the middle is rejected alone.
	wantFieldError(t, recs[1], "/doi_records/doi_record/crossref/book", 101)
	if !strings.Contains(recs[1].Err.Error(), "is a book, not a journal article") {
		t.Errorf("book error = %v", recs[1].Err)
	}

	// An article without dates of its own is dated by its issue.
	third := article(t, recs[2])
	equal(t, "issue date", third.Dates, ld.Dates{Published: ld.Date{Year: 2020, Month: 6}})
	equal(t, "article number", third.ArticleNumber, "e01567")
	wantWarnings(t, recs[2].Warnings, [][2]string{
		{unixrefArticle + "/publisher_item/identifier", `pii "S0000000000000001" not kept`},
		{unixrefArticle + "/version_info", "element not read"},
	})
}

func TestReadXMLRejects(t *testing.T) {
	recs := records(t, "xml/rejects.xml", 4)
	wantFieldError(t, recs[0], "/doi_batch/body/journal/journal_article/publication_date", 8)
	equal(t, "fine", article(t, recs[1]).Title, "Fine")
	wantFieldError(t, recs[2], "/doi_batch/body/journal/journal_article/titles/title", 16)
	wantFieldError(t, recs[3], "/doi_batch/body/journal/journal_article/titles/title", 19)

	recs = records(t, "xml/unresolved.xml", 1)
	wantFieldError(t, recs[0], "/crossref_result/query_result/body/query", 6)
	if !strings.Contains(recs[0].Err.Error(), `status "unresolved": DOI not found in CrossRef`) {
		t.Errorf("error = %v", recs[0].Err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		json, xm bool
	}{
		{"envelope", `{"status":"ok","message-type":"work","message":{}}`, true, false},
		{"list", `{"status":"ok","message-type":"work-list","message":{"items":[]}}`, true, false},
		{"bare work", `{"DOI": "10.5555/x", "title": ["A title"]}`, true, false},
		{"bare work by its keys", `{"indexed": {}, "reference-count": 3, "DOI": "10.5555/x"}`, true, false},
		{"CSL-JSON", `{"type": "article-journal", "title": "A title", "container-title": "J", "issued": {}}`, false, false},
		{"CSL-JSON from Crossref", `{"indexed": {}, "reference-count": 3, "type": "article-journal", "DOI": "10.5555/x"}`, false, false},
		{"JSON list", `[{"title": ["A title"]}]`, false, false},
		{"UNIXSD", `<?xml version="1.0"?><crossref_result xmlns="http://www.crossref.org/qrschema/3.0">`, false, true},
		{"UNIXREF", "<doi_records>\n<doi_record owner=\"10.5555\">", false, true},
		{"deposit", `<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1">`, false, true},
		{"JATS", `<?xml version="1.0"?><article article-type="research-article">`, false, false},
		{"HTML", `<!DOCTYPE html><html><head><meta name="citation_doi" content="10.5555/x">`, false, false},
		{"empty", ``, false, false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.data)); got != tt.json {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.json)
		}
		if got := SniffXML([]byte(tt.data)); got != tt.xm {
			t.Errorf("%s: SniffXML = %v, want %v", tt.name, got, tt.xm)
		}
	}
	// Sniff looks no further than 4 KiB.
	late := `{"padding": "` + strings.Repeat("x", 5000) + `", "message-type": "work"}`
	if Sniff([]byte(late)) {
		t.Error("Sniff read past 4 KiB")
	}
}

func TestReadHostileValues(t *testing.T) {
	recs := records(t, "rest/hostile.json", 4)
	rec := recs[0]
	a := article(t, rec)
	equal(t, "identifiers dropped", [4]string{a.DOI, a.URL, a.Language, a.FirstPage}, [4]string{"", "", "", ""})
	equal(t, "journal", a.Journal, (*ld.Journal)(nil))
	equal(t, "publisher without a journal, kept on the work", a.Publisher, &ld.Publisher{Name: "Lonely Publisher"})
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Ann", Family: "Lee", Affiliations: []string{"aff1"}}})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Lab"}})
	equal(t, "files", a.Files, []ld.File(nil))
	equal(t, "licence", a.License, (*ld.License)(nil))
	equal(t, "related", a.Related, []ld.Related{{Relation: ld.CommentOn, URL: "https://example.org/target"}})
	p := "message.items[0]."
	wantWarnings(t, rec.Warnings, [][2]string{
		{p + "DOI", `DOI "11.1234/not-a-doi" dropped`},
		{p + "URL", `URL "javascript:alert(1)" dropped`},
		{p + "language", `language "en_US" dropped`},
		{p + "author[0]", "author without a name not kept"},
		{p + "author[1].affiliation[0]", "only a ROR ID https://ror.org/03yjb2x39 not kept"},
		{p + "author[1].affiliation[1].id[0]", `ISNI "0000000121" not kept`},
		{p + "container-title", "no journal title: ISSN 1422-0067 not kept"},
		{p + "page", `last page "5" without a first page not kept`},
		{p + "link[0]", `file URL "ftp://example.org/a.pdf" dropped`},
		{p + "relation.is-comment-on[0]", `related item pmid "123" not kept`},
		{p + "license[0]", `licence URL "not a url" dropped`},
	})
	wantFieldError(t, recs[1], "message.items[1].title", 14)
	wantFieldError(t, recs[2], "message.items[2].issued.date-parts", 15)
	wantFieldError(t, recs[3], "message.items[3].issued.date-parts", 16)
}

// TestReadWorkTypes checks each Crossref type the model holds, with its
// container: proceedings and books as a Book with ISBNs, a report series
// as the Series, posted content by its subtype; and a type it does not
// hold read as an article with a warning.
func TestReadWorkTypes(t *testing.T) {
	recs := records(t, "rest/worktypes.json", 6)
	conf := article(t, recs[0])
	equal(t, "conference paper", conf.Type, ld.ConferencePaper)
	equal(t, "proceedings", conf.Book, &ld.Book{Title: "Proceedings of the Example Conference", ISBNs: []string{"9783161484100"}})
	equal(t, "proceedings journal", conf.Journal, (*ld.Journal)(nil))
	equal(t, "conference publisher", conf.Publisher, &ld.Publisher{Name: "Example Society"})
	equal(t, "event", conf.Event, &ld.Event{Name: "Example Conference 2020", Acronym: "EC 2020", Place: "Lisbon, Portugal",
		StartDate: ld.Date{Year: 2020, Month: 6, Day: 1}, EndDate: ld.Date{Year: 2020, Month: 6, Day: 3}})
	wantWarnings(t, recs[0].Warnings, nil)

	chapter := article(t, recs[1])
	equal(t, "chapter", [3]any{chapter.Type, chapter.FirstPage, chapter.LastPage}, [3]any{ld.BookChapter, "11", "20"})
	equal(t, "book", chapter.Book, &ld.Book{Title: "A Book of Chapters", ISBNs: []string{"0306406152"}})
	equal(t, "chapter publisher", chapter.Publisher, &ld.Publisher{Name: "Example Press"})
	equal(t, "chapter editors", chapter.Editors, []ld.Author{{Given: "Erin", Family: "Editor"}})

	report := article(t, recs[2])
	equal(t, "report", report.Type, ld.Report)
	equal(t, "series", report.Series, &ld.Series{Title: "Example Report Series", ISSNs: []ld.ISSN{{Value: "1422-0067"}}})
	equal(t, "report publisher", report.Publisher, &ld.Publisher{Name: "Example Institute"})

	wp := article(t, recs[3])
	equal(t, "working paper", wp.Type, ld.WorkingPaper)
	equal(t, "publisher, not the repository", wp.Publisher, &ld.Publisher{Name: "Example University"})
	equal(t, "posted date as the publication date", wp.Dates.Published, ld.Date{Year: 2017, Month: 2, Day: 3})
	wantWarnings(t, recs[3].Warnings, [][2]string{
		{"message.items[3].institution[0].name", `institution "Example Repository" not kept: the publisher is "Example University"`},
	})

	ssrn := article(t, recs[4])
	equal(t, "preprint in a journal", [2]any{ssrn.Type, ssrn.Journal.Publisher}, [2]any{ld.Preprint, &ld.Publisher{Name: "Elsevier BV"}})
	equal(t, "no second publisher on the work", ssrn.Publisher, (*ld.Publisher)(nil))
	wantWarnings(t, recs[4].Warnings, [][2]string{
		{"message.items[4].institution[0].name", `institution "SSRN" not kept: the publisher is "Elsevier BV"`},
	})

	thesis := article(t, recs[5])
	equal(t, "thesis", thesis.Type, ld.ArticleType(""))
	wantWarnings(t, recs[5].Warnings, [][2]string{
		{"message.items[5].type", `type "dissertation" is not a work type scholarld maps; read as an article`},
		{"message.items[5].ISBN[0]", `ISBN "9783161484100" not kept: the work is not read as part of a book`},
		{"message.items[5].event", `event "Not an event of a thesis" not kept: only a conference paper with a named event has one`},
	})
}
