package crossref

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// day, month and year build dates of each precision.
func day(y, m, d int) ld.Date { return ld.Date{Year: y, Month: m, Day: d} }

// readOne reads a shared fixture that holds one work and fails the test
// unless it gives exactly one valid article.
func readOne(t *testing.T, read func([]byte, string) ([]reader.Record, error), elem ...string) reader.Record {
	t.Helper()
	path := testkit.Shared(t, append([]string{"fixtures"}, elem...)...)
	return readertest.Only(t, readertest.ReadFile(t, read, path, elem[len(elem)-1]))
}

// wantWarnings checks the warnings one by one: each want is a path and a
// fragment of the message.
func wantWarnings(t *testing.T, got []reader.Warning, want [][2]string) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(want):
			t.Errorf("unexpected warning %d: %s", i, got[i])
		case i >= len(got):
			t.Errorf("missing warning %d: %s: ...%s...", i, want[i][0], want[i][1])
		case got[i].Path != want[i][0] || !strings.Contains(got[i].Msg, want[i][1]):
			t.Errorf("warning %d:\n got %s\nwant %s: ...%s...", i, got[i], want[i][0], want[i][1])
		}
	}
}

// sameArticle compares two articles field by field, so that a mismatch
// names the field.
func sameArticle(t *testing.T, got, want *ld.Article) {
	t.Helper()
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		name := gv.Type().Field(i).Name
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			t.Errorf("%s:\n got %#v\nwant %#v", name, gv.Field(i).Interface(), wv.Field(i).Interface())
		}
	}
}

var (
	elifeAffiliations = []ld.Affiliation{
		{ID: "aff1", Name: "Department of Plant Molecular Biology, University of Lausanne, Lausanne, Switzerland"},
		{ID: "aff2", Name: "Vital-IT, Swiss Institute of Bioinformatics, Lausanne, Switzerland"},
	}
	elifeAuthors = []ld.Author{
		{Given: "Martial", Family: "Sankar", Affiliations: []string{"aff1"}},
		{Given: "Kaisa", Family: "Nieminen", Affiliations: []string{"aff1"}},
		{Given: "Laura", Family: "Ragni", Affiliations: []string{"aff1"}},
		{Given: "Ioannis", Family: "Xenarios", Affiliations: []string{"aff2"}},
		{Given: "Christian S", Family: "Hardtke", Affiliations: []string{"aff1"}},
	}
	elifeTitle    = "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth"
	elifeAbstract = "Among various advantages, their small size makes model organisms preferred subjects of investigation."
	elifeJournal  = &ld.Journal{
		Title:     "eLife",
		ISSNs:     []ld.ISSN{{Value: "2050-084X", Kind: ld.ElectronicISSN}},
		Publisher: &ld.Publisher{Name: "eLife Sciences Publications, Ltd"},
	}
	elifeDates = ld.Dates{Received: day(2013, 9, 20), Accepted: day(2013, 12, 24), Published: day(2014, 2, 11)}
	elifeFiles = []ld.File{
		{URL: "https://cdn.elifesciences.org/articles/01567/elife-01567-v1.pdf", MediaType: "application/pdf"},
		{URL: "https://cdn.elifesciences.org/articles/01567/elife-01567-v1.xml", MediaType: "application/xml"},
	}
	ccBy3 = &ld.License{URL: "http://creativecommons.org/licenses/by/3.0/"}
	// elifeFunding is what both the JSON and the XML fund: each funder once,
	// with its Crossref Funder ID where the deposit gives one.
	elifeFunding = []ld.Funding{
		{Funder: ld.Funder{Name: "SystemsX"}},
		{Funder: ld.Funder{Name: "EMBO longterm post-doctoral fellowships"}},
		{Funder: ld.Funder{Name: "Marie Heim-Voegtlin"}},
		{Funder: ld.Funder{Name: "University of Lausanne", DOI: "10.13039/501100006390"}},
		{Funder: ld.Funder{Name: "EMBO", DOI: "10.13039/501100003043"}},
		{Funder: ld.Funder{Name: "Swiss National Science Foundation", DOI: "10.13039/501100001711"}},
	}
)

func TestRESTFixtureELife(t *testing.T) {
	rec := readOne(t, Read, "crossref-rest", "elife.01567.crossref-message.json")
	got := rec.Article
	if !strings.HasPrefix(got.Abstract, elifeAbstract) || !strings.HasSuffix(got.Abstract, "equidistant phloem pole formation.") {
		t.Errorf("abstract = %q", got.Abstract)
	}
	if len(got.References) != 27 {
		t.Fatalf("got %d references, want 27", len(got.References))
	}
	for i, ref := range got.References {
		if ref.DOI == "" || ref.Text != "" {
			t.Errorf("reference %d = %+v, want a DOI and no text", i, ref)
		}
	}
	if ref := got.References[5]; ref.DOI != "10.1242/dev.119.1.71" {
		t.Errorf("reference 6 = %+v", ref)
	}
	got.Abstract, got.References = "", nil
	sameArticle(t, got, &ld.Article{
		Title:        elifeTitle,
		Authors:      elifeAuthors,
		Affiliations: elifeAffiliations,
		Journal:      elifeJournal,
		Volume:       "3",
		DOI:          "10.7554/elife.01567",
		URL:          "https://elifesciences.org/articles/01567",
		Dates:        elifeDates,
		License:      ccBy3,
		Keywords: []string{"General Immunology and Microbiology", "General Biochemistry, Genetics and Molecular Biology",
			"General Medicine", "General Neuroscience"},
		Language: "en",
		Files:    elifeFiles,
		Funding:  elifeFunding,
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"subject", "subject categories of the journal"},
		{"relation.is-supplemented-by[0]", `"is-supplemented-by" to doi 10.5061/dryad.b835k not kept`},
	})
}

func TestRESTFixtureEnvelope(t *testing.T) {
	rec := readOne(t, Read, "crossref-rest", "acs.orglett.9b00971.crossref-envelope.json")
	got := rec.Article
	if len(got.References) != 68 {
		t.Errorf("got %d references, want 68", len(got.References))
	}
	got.References = nil
	orgLett := &ld.Journal{
		Title:        "Organic Letters",
		Abbreviation: "Org. Lett.",
		ISSNs:        []ld.ISSN{{Value: "1523-7060", Kind: ld.PrintISSN}, {Value: "1523-7052", Kind: ld.ElectronicISSN}},
		Publisher:    &ld.Publisher{Name: "American Chemical Society (ACS)"},
	}
	sameArticle(t, got, &ld.Article{
		Title: "A General Copper-Catalyzed Synthesis of Ynamides from 1,2-Dichloroenamides",
		Authors: []ld.Author{
			{Given: "Steven J.", Family: "Mansfield", Affiliations: []string{"aff1"}},
			{Given: "Russell C.", Family: "Smith", Affiliations: []string{"aff2"}},
			{Given: "Jonathan R. J.", Family: "Yong", Affiliations: []string{"aff1"}},
			{Given: "Olivia L.", Family: "Garry", Affiliations: []string{"aff1"}},
			{Given: "Edward A.", Family: "Anderson", ORCID: "0000-0002-4149-0494", Affiliations: []string{"aff1"}},
		},
		Affiliations: []ld.Affiliation{
			{ID: "aff1", Name: "Chemistry Research Laboratory, 12 Mansfield Road, Oxford, OX1 3TA, U.K."},
			{ID: "aff2", Name: "Janssen PRD, 3210 Merryfield Row, San Diego, California 92121, United States"},
		},
		Journal:   orgLett,
		Volume:    "21",
		Issue:     "8",
		FirstPage: "2918",
		LastPage:  "2922",
		DOI:       "10.1021/acs.orglett.9b00971",
		Dates:     ld.Dates{Published: day(2019, 4, 3), PublishedPrint: day(2019, 4, 19)},
		Keywords:  []string{"Physical and Theoretical Chemistry", "Organic Chemistry", "Biochemistry"},
		Language:  "en",
		Funding: []ld.Funding{
			{Funder: ld.Funder{Name: "UCB", DOI: "10.13039/100011110"}},
			{Funder: ld.Funder{Name: "Pfizer", DOI: "10.13039/100004319"}},
			{Funder: ld.Funder{Name: "Janssen Pharmaceuticals", DOI: "10.13039/100008897"}},
			{Funder: ld.Funder{Name: "Engineering and Physical Sciences Research Council", DOI: "10.13039/501100000266"}, Award: "EP/M019195/1"},
			{Funder: ld.Funder{Name: "Vertex Pharmaceuticals", DOI: "10.13039/100011022"}},
			{Funder: ld.Funder{Name: "Takeda Pharmaceutical Company", DOI: "10.13039/100008373"}},
			{Funder: ld.Funder{Name: "GlaxoSmithKline", DOI: "10.13039/100004330"}},
			{Funder: ld.Funder{Name: "University of Oxford", DOI: "10.13039/501100000769"}},
			{Funder: ld.Funder{Name: "AstraZeneca", DOI: "10.13039/100004325"}},
			{Funder: ld.Funder{Name: "Syngenta International", DOI: "10.13039/501100010761"}},
			{Funder: ld.Funder{Name: "Novartis", DOI: "10.13039/100004336"}},
			{Funder: ld.Funder{Name: "Defence Science and Technology Laboratory", DOI: "10.13039/100010418"}},
			{Funder: ld.Funder{Name: "Evotec"}},
		},
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"message.journal-issue.published-online", "issue date 2019-03-29 (online) not kept"},
		{"message.link[0]", "https://pubs.acs.org/doi/pdf/10.1021/acs.orglett.9b00971 of unstated media type not kept"},
		{"message.subject", "subject categories of the journal"},
	})
}

func TestRESTFixtureMononyms(t *testing.T) {
	rec := readOne(t, Read, "crossref-rest", "d41586-020-02761-z.mononym-authors.json")
	got := rec.Article
	wantRefs := []ld.Reference{{DOI: "10.1038/452530d", Text: "Puniamoorthy, N. et al. Nature 452, 530 (2008)."}}
	if !reflect.DeepEqual(got.References, wantRefs) {
		t.Errorf("references = %+v", got.References)
	}
	got.References = nil
	sameArticle(t, got, &ld.Article{
		Title:   "Attention science: some people have only one name",
		Authors: []ld.Author{{Family: "Sheherazade"}, {Family: "Ardiantiono"}},
		Journal: &ld.Journal{
			Title:        "Nature",
			Abbreviation: "Nature",
			ISSNs:        []ld.ISSN{{Value: "0028-0836", Kind: ld.PrintISSN}, {Value: "1476-4687", Kind: ld.ElectronicISSN}},
			Publisher:    &ld.Publisher{Name: "Springer Science and Business Media LLC"},
		},
		DOI:      "10.1038/d41586-020-02761-z",
		Dates:    ld.Dates{Published: day(2020, 9, 29)},
		Keywords: []string{"Multidisciplinary"},
		Language: "en",
		Files: []ld.File{
			{URL: "http://www.nature.com/articles/d41586-020-02761-z.pdf", MediaType: "application/pdf"},
			{URL: "http://www.nature.com/articles/d41586-020-02761-z", MediaType: "text/html"},
		},
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"message.alternative-id", `"CM18428072" is not kept`},
		{"message.license[1]", `text-and-data-mining licence "https://www.springer.com/tdm" is not the article's licence`},
		{"message.subject", "subject categories of the journal"},
	})
}

func TestRESTFixtureSuffix(t *testing.T) {
	rec := readOne(t, Read, "crossref-rest", "acs.orglett.7b03845.name-suffix.json")
	sameArticle(t, rec.Article, &ld.Article{
		Title:   "Twenty Years of Organic Letters, A Look Back...and Forward",
		Authors: []ld.Author{{Given: "Amos B.", Family: "Smith", Suffix: "III"}},
		Journal: &ld.Journal{
			Title:        "Organic Letters",
			Abbreviation: "Org. Lett.",
			ISSNs:        []ld.ISSN{{Value: "1523-7060", Kind: ld.PrintISSN}, {Value: "1523-7052", Kind: ld.ElectronicISSN}},
			Publisher:    &ld.Publisher{Name: "American Chemical Society (ACS)"},
		},
		Volume:    "20",
		Issue:     "1",
		FirstPage: "1",
		LastPage:  "3",
		DOI:       "10.1021/acs.orglett.7b03845",
		// Online and print on the same day: PublishedPrint is left empty.
		Dates:    ld.Dates{Published: day(2018, 1, 5)},
		Keywords: []string{"Physical and Theoretical Chemistry", "Organic Chemistry", "Biochemistry"},
		Language: "en",
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{"message.journal-issue.published-online", "issue date 2017-12-20 (online) not kept"},
		{"message.link[0]", "of unstated media type not kept"},
		{"message.subject", "subject categories of the journal"},
	})
}

const elifeXMLArticle = "/crossref_result/query_result/body/query/doi_record/crossref/journal/journal_article"

func TestXMLFixtureELife(t *testing.T) {
	rec := readOne(t, ReadXML, "crossref-xml", "elife.01567.unixsd.xml")
	got := rec.Article
	if rec.Pos.Line != 37 {
		t.Errorf("record position = %s, want line 37 (the journal_article)", rec.Pos)
	}
	if !strings.HasPrefix(got.Abstract, elifeAbstract) || strings.Contains(got.Abstract, "model organisms’") {
		t.Errorf("abstract = %q, want the first abstract only", got.Abstract)
	}
	if len(got.References) != 27 {
		t.Fatalf("got %d references, want 27", len(got.References))
	}
	wantBib6 := ld.Reference{Text: "Dolan. 1993. Cellular organisation of the Arabidopsis thaliana root. Development. 119. 71"}
	if got.References[5] != wantBib6 {
		t.Errorf("reference bib6 = %+v, want the text of its parts", got.References[5])
	}
	if got.References[0].DOI != "10.1038/nature02100" {
		t.Errorf("reference bib1 = %+v", got.References[0])
	}
	got.Abstract, got.References = "", nil
	sameArticle(t, got, &ld.Article{
		Title:         elifeTitle,
		Authors:       elifeAuthors,
		Affiliations:  elifeAffiliations,
		Journal:       elifeJournal,
		Volume:        "3",
		ArticleNumber: "e01567",
		DOI:           "10.7554/eLife.01567",
		URL:           "https://elifesciences.org/articles/01567",
		Dates:         elifeDates,
		License:       ccBy3,
		Language:      "en",
		Files:         elifeFiles,
		Funding:       elifeFunding,
	})
	wantWarnings(t, rec.Warnings, [][2]string{
		{elifeXMLArticle + "/abstract", "executive-summary abstract not kept"},
		{elifeXMLArticle + "/program/related_item[1]", `"isSupplementedBy" to doi 10.5061/dryad.b835k not kept`},
		{elifeXMLArticle + "/component_list", "17 components"},
	})
}

// TestJSONAndXMLAgree reads eLife 01567 from Crossref's JSON and XML and
// compares every field both carry. The formats differ in what they hold:
// only the XML has the article number, only the JSON the subjects; the
// XML keeps the DOI's case as deposited; Crossref matched a DOI to one
// reference (bib6) in the JSON that the XML does not have.
func TestJSONAndXMLAgree(t *testing.T) {
	fromJSON := readOne(t, Read, "crossref-rest", "elife.01567.crossref-message.json").Article
	fromXML := readOne(t, ReadXML, "crossref-xml", "elife.01567.unixsd.xml").Article

	if !strings.EqualFold(fromJSON.DOI, fromXML.DOI) {
		t.Errorf("DOI: JSON %q, XML %q", fromJSON.DOI, fromXML.DOI)
	}
	if len(fromJSON.References) != len(fromXML.References) {
		t.Fatalf("references: JSON %d, XML %d", len(fromJSON.References), len(fromXML.References))
	}
	compared := 0
	for i, j := range fromJSON.References {
		x := fromXML.References[i]
		if j.DOI != "" && x.DOI != "" {
			compared++
			if !strings.EqualFold(j.DOI, x.DOI) {
				t.Errorf("reference %d: JSON %q, XML %q", i, j.DOI, x.DOI)
			}
		}
	}
	if compared != 26 {
		t.Errorf("compared %d references with a DOI in both, want 26", compared)
	}
	if fromXML.ArticleNumber == "" || fromJSON.ArticleNumber != "" {
		t.Errorf("article number: JSON %q, XML %q; only the XML holds it", fromJSON.ArticleNumber, fromXML.ArticleNumber)
	}
	if len(fromJSON.Keywords) == 0 || len(fromXML.Keywords) != 0 {
		t.Errorf("keywords: JSON %q, XML %q; only the JSON holds them", fromJSON.Keywords, fromXML.Keywords)
	}
	for _, a := range []*ld.Article{fromJSON, fromXML} {
		a.DOI, a.References, a.ArticleNumber, a.Keywords = "", nil, "", nil
	}
	sameArticle(t, fromXML, fromJSON)
}
