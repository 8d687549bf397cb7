package html

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

func TestHighwirePerAuthorTags(t *testing.T) {
	record := readOne(t, "testdata/mdpi-like.html")
	a := article(t, record)
	equal(t, "type", a.Type, ld.ReviewArticle)
	equal(t, "title", a.Title, "Metabolism of <i>Saccharomyces cerevisiae</i> under H<sub>2</sub>O stress")
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Anna M.", Family: "Kowalska", ORCID: "0000-0002-1825-0097", Email: "a.kowalska@example.org", Affiliations: []string{"aff1", "aff2"}},
		// The ORCID iD with a wrong check digit is dropped.
		{Given: "Jan", Family: "van der Berg", Affiliations: []string{"aff1"}},
		{Given: "Amos B.", Family: "Smith", Suffix: "III", Email: "amos.smith@example.edu"},
		{Kind: ld.OrganizationAuthor, Name: "The Yeast Genomics Consortium"},
	})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{
		{ID: "aff1", Name: "Department of Biochemistry, University of Calgary, Calgary, AB T2N 1N4, Canada"},
		{ID: "aff2", Name: "Institute of Genetics, Warsaw, Poland"},
	})
	equal(t, "journal", a.Journal, &ld.Journal{
		Title:        "International Journal of Molecular Sciences",
		Abbreviation: "Int. J. Mol. Sci.",
		ISSNs:        []ld.ISSN{{Value: "1661-6596"}, {Value: "1422-0067", Kind: ld.ElectronicISSN}},
		Publisher:    &ld.Publisher{Name: "Multidisciplinary Digital Publishing Institute"},
	})
	equal(t, "volume, issue, pages", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage, a.ArticleNumber}, []string{"15", "8", "14348", "14395", ""})
	equal(t, "doi", a.DOI, "10.3390/ijms150814348")
	equal(t, "url", a.URL, "https://www.mdpi.com/1422-0067/15/8/14348")
	// Online on 2014-08-18, in the September issue: a month-precision print date.
	equal(t, "dates", a.Dates, ld.Dates{Published: ld.Date{Year: 2014, Month: 8, Day: 18}, PublishedPrint: ld.Date{Year: 2014, Month: 9}})
	equal(t, "keywords", a.Keywords, []string{"yeast", "stress response", "H2O", "metabolism"})
	equal(t, "language", a.Language, "en")
	equal(t, "license from DC", a.License, &ld.License{URL: "http://creativecommons.org/licenses/by/3.0/"})
	equal(t, "abstract", a.Abstract, "We review how <i>S. cerevisiae</i> adapts its metabolism when water is scarce.")
	equal(t, "files", a.Files, []ld.File{{URL: "https://www.mdpi.com/1422-0067/15/8/14348/pdf", MediaType: "application/pdf"}})
	equal(t, "references", a.References, []ld.Reference{
		{DOI: "10.1128/MMBR.66.2.300-372.2002", Text: "Osmotic stress signaling in yeast. Hohmann, S., Mager, W.H. Microbiol. Mol. Biol. Rev. 2002. 66"},
		{Text: "Brown, A.D. Microbial Water Stress Physiology; Wiley: Chichester, UK, 1990."},
	})
	equal(t, "warnings", warningStrings(record), []string{
		`citation_issn: dropped: ISSN "1422-0068": check digit is 8, want 7`,
		`citation_author_orcid: dropped: ORCID "0000-0002-1825-0098": check digit is 8, want 7`,
		`citation_pdf_url: relative URL "/1422-0067/15/8/14348/pdf" resolved against https://www.mdpi.com/1422-0067/15/8/14348 (citation_abstract_html_url)`,
		`book: "Yeast 2014" dropped: a journal article is in its journal, not in a book`,
	})
}

func TestJSONLDGraph(t *testing.T) {
	record := readOne(t, "testdata/jsonld-graph.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Sampling rare events in long chains")
	// Authors and the issue are @id references into the @graph.
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Maria", Family: "De Leo", ORCID: "0000-0001-5109-3700", Affiliations: []string{"aff1"}},
		{Given: "José", Family: "Ortega y Gasset", Affiliations: []string{"aff2"}},
	})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{
		{ID: "aff1", Name: "University of Calgary", ROR: "https://ror.org/03yjb2x39"},
		{ID: "aff2", Name: "Universidad Complutense de Madrid"},
	})
	equal(t, "journal", a.Journal, &ld.Journal{
		Title:     "Journal of Examples",
		ISSNs:     []ld.ISSN{{Value: "0317-8471"}, {Value: "2050-084X"}},
		Publisher: &ld.Publisher{Name: "Example Press"},
	})
	equal(t, "volume, issue, pages", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, []string{"12", "3", "101", "115"})
	equal(t, "doi", a.DOI, "10.5555/example.42")
	equal(t, "url", a.URL, "https://journal.example.org/articles/42/")
	equal(t, "dates", a.Dates, ld.Dates{Published: ld.Date{Year: 2021, Month: 3, Day: 4}})
	equal(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "CC BY 4.0"})
	equal(t, "keywords", a.Keywords, []string{"rare events", "Markov chains"})
	equal(t, "language", a.Language, "en-GB")
	equal(t, "abstract", a.Abstract, "We show that <i>importance splitting</i> samples rare events.")
	equal(t, "files", a.Files, []ld.File{{URL: "https://journal.example.org/articles/42.pdf", MediaType: "application/pdf", Size: "1.2 MB"}})
	// A funder is the work's funding (issue 12).
	equal(t, "funding", article(t, record).Funding, []ld.Funding{{Funder: ld.Funder{Name: "Example Research Council"}}})
	equal(t, "warnings", warningStrings(record), []string{
		`ScholarlyArticle.encoding: relative URL "/articles/42.pdf" resolved against https://journal.example.org/articles/42/ (link[rel="canonical"])`,
		`ScholarlyArticle.dateModified: "2021-03-05T10:00:00+00:00" is not held by the article model`,
	})
}

func TestJSONLDMainEntity(t *testing.T) {
	record := readOne(t, "testdata/jsonld-mainentity.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Glaciers retreat faster than predicted")
	equal(t, "authors", a.Authors, []ld.Author{
		{Kind: ld.OrganizationAuthor, Name: "Alpine Glacier Monitoring Network", ROR: "https://ror.org/00f1zfq44"},
		{Given: "Min-jun", Family: "Lee"},
		{Family: "Sheherazade"},
	})
	equal(t, "journal", a.Journal, &ld.Journal{Title: "Cold Science", ISSNs: []ld.ISSN{{Value: "1476-4687"}}})
	equal(t, "article number", []string{a.FirstPage, a.ArticleNumber}, []string{"", "e1234"})
	equal(t, "doi", a.DOI, "10.5555/cold.2020.1234")
	equal(t, "month precision", a.Dates.Published, ld.Date{Year: 2020, Month: 5})
	equal(t, "keywords", a.Keywords, []string{"glaciers", "climate", "Alps"})
	equal(t, "open access", a.OpenAccess != nil && *a.OpenAccess, true)
	equal(t, "image", a.GraphicalAbstract, &ld.Image{URL: "https://science.example.com/a/figures/abstract.png", MediaType: "image/png", Caption: "Retreat of the Aletsch glacier"})
	equal(t, "references", a.References, []ld.Reference{
		{URL: "https://data.example.org/mass-balance", Text: "Glacier mass balance 1900-2000"},
		{DOI: "10.5555/older.paper"},
	})
	equal(t, "warnings", warningStrings(record), []string{
		`schema.org JSON-LD: 1 other article nodes not read: NewsArticle "Snow today"`,
		`Article.author[2].email: dropped: e-mail "not an address": white space U+0020 at byte 3`,
		`Article.image: relative URL "figures/abstract.png" resolved against https://science.example.com/a/ (<base href>)`,
	})
}

func TestDublinCoreAndPRISM(t *testing.T) {
	record := readOne(t, "testdata/dc-prism.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Open peer review in practice")
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Jane Q.", Family: "Public"}, {Given: "Charlie", Family: "Brown"}})
	// prism outranks DC: its ISSNs, with kinds, win over DC.Source.ISSN.
	equal(t, "journal", a.Journal, &ld.Journal{
		Title: "Journal of Open Examples",
		ISSNs: []ld.ISSN{{Value: "0317-8471", Kind: ld.PrintISSN}, {Value: "2050-084X", Kind: ld.ElectronicISSN}},
	})
	equal(t, "volume, issue, pages", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, []string{"7", "2", "45", "67"})
	equal(t, "doi from prism, case kept", a.DOI, "10.5555/OJS.1234")
	equal(t, "url", a.URL, "https://ojs.example.org/index.php/jex/article/view/1234")
	equal(t, "dates", a.Dates, ld.Dates{
		Received:       ld.Date{Year: 2019, Month: 1, Day: 15},
		Accepted:       ld.Date{Year: 2019, Month: 5, Day: 2},
		Published:      ld.Date{Year: 2019, Month: 6, Day: 30},
		PublishedPrint: ld.Date{Year: 2019, Month: 7},
	})
	equal(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0"})
	equal(t, "copyright", a.Copyright, &ld.Copyright{Statement: "Copyright (c) 2019 Jane Q. Public"})
	equal(t, "keywords", a.Keywords, []string{"open access", "publishing", "peer review"})
	equal(t, "section", a.Section, "Research Articles")
	equal(t, "abstract", a.Abstract, "We report a year of <b>open</b> peer review.")
	equal(t, "language", a.Language, "en")
	equal(t, "warnings", warningStrings(record), []string{
		`prism.eIssn: ISSN "2050084x" written as 2050-084X`,
		`DC.Date.modified: "2019-07-01" is not held by the article model`,
		`DC.Format: "application/pdf" is not held by the article model`,
		`DC.Identifier: "1234" is not held by the article model`,
		`DC.Source.URI: "https://ojs.example.org/index.php/jex" is not held by the article model`,
		`DC.Type: article type "Text.Serial.Journal" has no match among the model's types`,
	})
}

func TestEntitiesAndWhiteSpace(t *testing.T) {
	record := readOne(t, "testdata/entities.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Café & crème: the role of <i>Coffea arabica</i> – a review")
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Jörg", Family: "Müller"}, {Given: "Seán", Family: "O'Brien"}})
	equal(t, "journal", a.Journal.Title, "Food & Function")
	equal(t, "abstract", a.Abstract, "Line one. Line two: H<sub>2</sub>O & CO<sub>2</sub> at p < 0.05.")
	equal(t, "keywords", a.Keywords, []string{"café", "crème", "coffee"})
	equal(t, "year precision", a.Dates.Published, ld.Date{Year: 2020})
	equal(t, "warnings", len(record.Warnings), 0)
}

func TestDisagreeingSources(t *testing.T) {
	record := readOne(t, "testdata/conflicts.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Tidal forcing of deep-sea currents")
	equal(t, "doi", a.DOI, "10.5555/ocean.2020.7")
	equal(t, "published", a.Dates.Published, ld.Date{Year: 2020, Month: 1, Day: 2})
	// Agreeing values raise nothing: prism.doi in upper case, prism's
	// 2020-01 (coarser), DC.title in title case with a full stop, and the
	// <title> element, which carries the site's name.
	equal(t, "warnings", warningStrings(record), []string{
		`ScholarlyArticle.name: "Tidal forcing of abyssal currents" differs from citation_title "Tidal forcing of deep-sea currents": kept citation_title`,
		`og:title: "Tidal forcing of deep-sea currents | Ocean Letters" differs from citation_title "Tidal forcing of deep-sea currents": kept citation_title`,
		`DC.identifier: "10.5555/ocean.2020.8" differs from citation_doi "10.5555/ocean.2020.7": kept citation_doi`,
		`ScholarlyArticle.datePublished: 2020-01-03 differs from citation_publication_date 2020-01-02: kept citation_publication_date`,
		`DC.date: 2019 differs from citation_publication_date 2020-01-02: kept citation_publication_date`,
	})
}

func TestMalformedJSONLDScript(t *testing.T) {
	record := readOne(t, "testdata/bad-jsonld.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Seeds of doubt")
	// The second script, inside an HTML comment, is still read.
	equal(t, "keywords", a.Keywords, []string{"botany", "germination"})
	// Line 9 of the page is `  "name": "Seeds of doubt"`: the comma
	// before it is missing.
	equal(t, "warnings", warningStrings(record), []string{
		`script[type="application/ld+json"] #1: malformed JSON at line 9, column 3: invalid character '"' after object key:value pair; the script is not read`,
	})
}

func TestArticleNumberAndOpenGraphImage(t *testing.T) {
	record := readOne(t, "testdata/article-number.html")
	a := article(t, record)
	equal(t, "pages", []string{a.FirstPage, a.LastPage, a.ArticleNumber}, []string{"", "", "e01567"})
	equal(t, "journal", a.Journal, &ld.Journal{Title: "eLife", ISSNs: []ld.ISSN{{Value: "2050-084X"}}})
	equal(t, "open access", a.OpenAccess != nil && *a.OpenAccess, true)
	// og:type is "article": its image is the article's.
	equal(t, "image", a.GraphicalAbstract, &ld.Image{URL: "https://cdn.example.org/e01567-fig1.jpg", Caption: "Figure 1"})
	equal(t, "files", len(a.Files), 0)
	equal(t, "warnings", warningStrings(record), []string{
		`citation_pdf_url: dropped: relative URL "/content/3/e01567.pdf" and the page names no absolute base URL`,
	})
}

func TestRecordErrors(t *testing.T) {
	tests := []struct {
		file string
		want string
		path string
		pos  ld.Position
	}{
		{"bad-date.html", `bad-date.html:4:1: citation_publication_date: dates: "2019/02/30": day 30 of 2019-02 does not exist`,
			"citation_publication_date", ld.Position{File: "bad-date.html", Line: 4, Column: 1}},
		{"no-title.html", `no-title.html:1:1: citation_title: no title: none in citation_title, schema.org name or headline, DC.title, og:title or <title>`,
			"citation_title", ld.Position{File: "no-title.html", Line: 1, Column: 1}},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			record := readOne(t, "testdata/"+test.file)
			if record.Article != nil {
				t.Errorf("article = %+v, want none", record.Article)
			}
			var fieldErr *ld.FieldError
			if !errors.As(record.Err, &fieldErr) {
				t.Fatalf("err = %v (%T), want *ld.FieldError", record.Err, record.Err)
			}
			equal(t, "error", record.Err.Error(), test.want)
			equal(t, "path", fieldErr.Path, test.path)
			equal(t, "position", fieldErr.Pos, test.pos)
		})
	}
}

func TestInputErrors(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		// Open Graph and <title> alone are on every page: no article.
		{"og-only.html", "og-only.html: html: no article metadata found (no citation_*, DC, prism or schema.org JSON-LD)"},
		{"no-article.jsonld", "no-article.jsonld: html: no schema.org article node found (no Article, ScholarlyArticle, BlogPosting or other article type)"},
		// The input stops inside the string "A: line 5 has 43 bytes, and the
		// error stands just after them.
		{"truncated.jsonld", "truncated.jsonld:5:44: html: malformed JSON-LD: unexpected end of JSON input"},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			records, err := readFile(t, "testdata/"+test.file)
			if err == nil {
				t.Fatalf("no error, records %+v", records)
			}
			equal(t, "error", err.Error(), test.want)
		})
	}
	var syntax *reader.SyntaxError
	_, err := readFile(t, "testdata/truncated.jsonld")
	if !errors.As(err, &syntax) || syntax.Pos != (ld.Position{File: "truncated.jsonld", Line: 5, Column: 44}) {
		t.Errorf("err = %#v, want a *reader.SyntaxError at 5:44", err)
	}
}

func TestJSONLDSyntaxErrorPositions(t *testing.T) {
	tests := []struct {
		input string
		line  int
		col   int
	}{
		{"{\"a\": }", 1, 7},
		{"{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7},
		{"\ufeff{\"a\": x}", 1, 10},
		{"[1, 2", 1, 6},
		{"{\"a\": 1}}", 1, 9},
	}
	for _, test := range tests {
		_, err := ReadJSONLD([]byte(test.input), "x.jsonld")
		var syntax *reader.SyntaxError
		if !errors.As(err, &syntax) {
			t.Errorf("%q: err = %v, want *reader.SyntaxError", test.input, err)
			continue
		}
		if syntax.Pos.Line != test.line || syntax.Pos.Column != test.col {
			t.Errorf("%q: at %d:%d, want %d:%d (%v)", test.input, syntax.Pos.Line, syntax.Pos.Column, test.line, test.col, err)
		}
	}
}

func TestSniff(t *testing.T) {
	arXiv, err := os.ReadFile("testdata/mdpi-like.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		input  string
		html   bool
		jsonLD bool
	}{
		{"page", string(arXiv), true, false},
		{"byte order mark and fragment", "\ufeff\n  <head><meta name=\"citation_title\" content=\"x\"></head>", true, false},
		{"upper-case doctype", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true, false},
		{"XHTML", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true, false},
		{"JATS", "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" \"JATS.dtd\">\n<article><front><article-meta><custom-meta><meta-name>x</meta-name></custom-meta>", false, false},
		{"Crossref XML", "<?xml version=\"1.0\"?><crossref_result><meta name=\"x\"/>", false, false},
		{"schema.org JSON-LD", `{"@context": "https://schema.org", "@type": "ScholarlyArticle"}`, false, true},
		{"JSON-LD array", "\n[{\"@context\": \"http://schema.org\", \"@type\": \"Article\"}]", false, true},
		{"CSL JSON", `{"type": "article-journal", "title": "x", "URL": "https://schema.org"}`, false, false},
		{"RIS", "TY  - JOUR\nTI  - <html>\n", false, false},
		{"empty", "", false, false},
	}
	for _, test := range tests {
		if got := Sniff([]byte(test.input)); got != test.html {
			t.Errorf("Sniff(%s) = %v, want %v", test.name, got, test.html)
		}
		if got := SniffJSONLD([]byte(test.input)); got != test.jsonLD {
			t.Errorf("SniffJSONLD(%s) = %v, want %v", test.name, got, test.jsonLD)
		}
	}
	// Only the first 4 KiB count.
	late := strings.Repeat(" ", 5000) + "<html>"
	if Sniff([]byte("<" + late)) {
		t.Error("Sniff looked past 4 KiB")
	}
}

func TestPages(t *testing.T) {
	tests := []struct {
		first, last                    string
		wantFirst, wantLast, wantArtNo string
	}{
		{"14348", "14395", "14348", "14395", ""},
		{"e01567", "", "", "", "e01567"},
		{"e0097541", "e0097541", "", "", "e0097541"},
		{"Article 123", "", "", "", "123"},
		{"S12", "S20", "S12", "S20", ""},
		{"iv", "", "iv", "", ""},
		{"12", "12", "12", "", ""},
		{"e12", "", "e12", "", ""},
	}
	for _, test := range tests {
		var a ld.Article
		setPages(&a, test.first, test.last)
		if a.FirstPage != test.wantFirst || a.LastPage != test.wantLast || a.ArticleNumber != test.wantArtNo {
			t.Errorf("setPages(%q, %q) = %q, %q, %q; want %q, %q, %q", test.first, test.last,
				a.FirstPage, a.LastPage, a.ArticleNumber, test.wantFirst, test.wantLast, test.wantArtNo)
		}
	}
	var a ld.Article
	setPageRange(&a, "pp. 709–718")
	equal(t, "range", []string{a.FirstPage, a.LastPage}, []string{"709", "718"})
	a = ld.Article{}
	setPageRange(&a, "e1234")
	equal(t, "article number", []string{a.FirstPage, a.ArticleNumber}, []string{"", "e1234"})
}

func TestSplitKeywords(t *testing.T) {
	tests := map[string][]string{
		"a; b, c; d":          {"a", "b, c", "d"},
		"a, b,c":              {"a", "b", "c"},
		" one keyword ":       {"one keyword"},
		";;":                  nil,
		"Smith, John; Holmes": {"Smith, John", "Holmes"},
	}
	for input, want := range tests {
		equal(t, input, splitKeywords(input), want)
	}
}

func TestHighwireReference(t *testing.T) {
	tests := []struct {
		input string
		want  ld.Reference
	}{
		{"citation_title=On A; and B; citation_author=Ng, W.; citation_doi=10.1000/xyz; citation_year=1999",
			ld.Reference{DOI: "10.1000/xyz", Text: "On A; and B. Ng, W. 1999"}},
		{"citation_journal_title=Nature;citation_url=https://example.org/a",
			ld.Reference{URL: "https://example.org/a", Text: "Nature"}},
		{"Doe J. A paper; citation_title=not a pair at the start", ld.Reference{Text: "Doe J. A paper; citation_title=not a pair at the start"}},
		{"citation_doi=not-a-doi", ld.Reference{}},
	}
	for _, test := range tests {
		r := &reading{}
		got, ok := r.highwireReference("citation_reference", test.input)
		equal(t, test.input, got, test.want)
		equal(t, test.input+" ok", ok, test.want != ld.Reference{})
	}
}

func TestPersonName(t *testing.T) {
	tests := map[string]ld.Author{
		"Heibi, Ivan":                    {Given: "Ivan", Family: "Heibi"},
		"Maria De Leo":                   {Given: "Maria", Family: "De Leo"},
		"Amos B. Smith III":              {Given: "Amos B.", Family: "Smith", Suffix: "III"},
		"Sheherazade":                    {Family: "Sheherazade"},
		"PLOS ONE Editors Working Group": {Kind: ld.OrganizationAuthor, Name: "PLOS ONE Editors Working Group"},
		"ENCODE Project Consortium":      {Kind: ld.OrganizationAuthor, Name: "ENCODE Project Consortium"},
	}
	for input, want := range tests {
		got, ok := personName(input)
		equal(t, input, got, want)
		equal(t, input+" ok", ok, true)
	}
	if _, ok := personName("  "); ok {
		t.Error("an empty name made an author")
	}
}

func TestHighwireDates(t *testing.T) {
	date := func(year, month, day int) ld.Date { return ld.Date{Year: year, Month: month, Day: day} }
	tests := []struct {
		name                     string
		publication, online, old string
		published, print         ld.Date
		warnings                 int
	}{
		{"publication only", "2019/02/07", "", "", date(2019, 2, 7), ld.Date{}, 0},
		{"citation_date only", "", "", "2019", date(2019, 0, 0), ld.Date{}, 0},
		{"online first", "2014/9", "2014/08/18", "", date(2014, 8, 18), date(2014, 9, 0), 0},
		{"online later", "2019-02-07", "2019-06-21", "", date(2019, 2, 7), ld.Date{}, 1},
		{"same, online more precise", "2014", "2014-08-18", "", date(2014, 8, 18), ld.Date{}, 0},
		{"online only", "", "2020-01-01", "", date(2020, 1, 1), ld.Date{}, 0},
		{"citation_date differs", "2020-01-02", "", "2019", date(2020, 1, 2), ld.Date{}, 1},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			r := &reading{}
			s := newSource(highwireName)
			var found highwireDates
			found.publication.set(test.publication, ld.Position{})
			found.online.set(test.online, ld.Position{})
			found.date.set(test.old, ld.Position{})
			r.highwireDates(s, found)
			equal(t, "published", s.article.Dates.Published, test.published)
			equal(t, "print", s.article.Dates.PublishedPrint, test.print)
			equal(t, "warnings", len(r.warnings), test.warnings)
		})
	}
}

func TestTrimScriptWrapping(t *testing.T) {
	tests := []struct {
		input string
		want  string
		cut   int
	}{
		{` {"a": 1} `, `{"a": 1}`, 1},
		{"<!--\n{\"a\": 1}\n-->", `{"a": 1}`, 5},
		{"//<![CDATA[\n{}\n//]]>", `{}`, 12},
		{"/*<![CDATA[*/{}/*]]>*/", `{}`, 13},
	}
	for _, test := range tests {
		got, cut := trimScriptWrapping(test.input)
		if got != test.want || cut != test.cut || !strings.HasPrefix(test.input[cut:], got) {
			t.Errorf("trimScriptWrapping(%q) = %q, %d; want %q, %d", test.input, got, cut, test.want, test.cut)
		}
	}
}

func TestFitDropsWhatCheckRejects(t *testing.T) {
	r := &reading{}
	a := &ld.Article{
		Title:     "x",
		Journal:   &ld.Journal{ISSNs: []ld.ISSN{{Value: "2050-084X"}}},
		FirstPage: "20", LastPage: "9",
		Dates: ld.Dates{Received: ld.Date{Year: 2021}, Accepted: ld.Date{Year: 2020, Month: 5}, Published: ld.Date{Year: 2020, Month: 3}},
	}
	r.fit(a)
	if errs := ld.Check(a); len(errs) > 0 {
		t.Errorf("ld.Check after fit: %v", errs)
	}
	equal(t, "journal", a.Journal, (*ld.Journal)(nil))
	equal(t, "last page", a.LastPage, "")
	equal(t, "dates", a.Dates, ld.Dates{Published: ld.Date{Year: 2020, Month: 3}})
	equal(t, "warnings", len(r.warnings), 4)
}

func TestCharset(t *testing.T) {
	record := readOne(t, "testdata/latin1.html")
	a := article(t, record)
	equal(t, "title", a.Title, "Café culture in Liège")
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Renée", Family: "Dupré"}})
	equal(t, "warnings", warningStrings(record), []string{"charset: the page is not UTF-8: read as windows-1252"})
}

func TestTitleElementFallback(t *testing.T) {
	record := readOne(t, "testdata/title-element.html")
	a := article(t, record)
	// The <title> content is text: its escaped markup becomes markup.
	equal(t, "title", a.Title, "Notes on the <i>Odyssey</i> & its readers")
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Homer", Family: "Simpson"}})
	equal(t, "published", a.Dates.Published, ld.Date{Year: 2001, Month: 9})
	equal(t, "warnings", warningStrings(record), []string{
		"<title>: the title comes from the <title> element, which may also name the site",
	})
}

func TestHighwireEdgeCases(t *testing.T) {
	record := readOne(t, "testdata/highwire-edge.html")
	a := article(t, record)
	// citation_authors lists two names; the ORCID iD after it belongs to
	// the last; an organisation holds no ORCID iD.
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Jane", Family: "Doe"},
		{Given: "Richard", Family: "Roe", ORCID: "0000-0002-1825-0097"},
		{Kind: ld.OrganizationAuthor, Name: "CERN Collaboration"},
	})
	equal(t, "type", a.Type, ld.Correction)
	equal(t, "issns from one tag", a.Journal.ISSNs, []ld.ISSN{{Value: "0317-8471"}, {Value: "2050-084X"}})
	equal(t, "pages", []string{a.FirstPage, a.LastPage}, []string{"120", ""})
	equal(t, "accepted after publication is dropped", a.Dates, ld.Dates{Published: ld.Date{Year: 2018, Month: 5, Day: 6}})
	equal(t, "warnings", warningStrings(record), []string{
		`citation_author_institution: "Nowhere Institute" follows no citation_author: dropped`,
		`citation_title: "Cas limites des balises Highwire" is not held by the article model`,
		`citation_author_orcid: "0000-0001-5109-3700" is not held by the article model`,
		`citation_author_email: dropped: e-mail "not-an-email" does not have exactly one @`,
		`citation_publisher: "Second Publisher" is not held by the article model`,
		`citation_doi: "10.5555/edge.2" is not held by the article model`,
		`citation_language: dropped: language tag "English" is not BCP 47: tag is not well-formed`,
		`lastPage: last page 99 is before the first page 120: dropped`,
		`dates.accepted: accepted 2018-07-01 after the publication 2018-05-06: dropped`,
	})
}

func TestJSONLDExtras(t *testing.T) {
	record := readOne(t, "testdata/jsonld-extras.jsonld")
	a := article(t, record)
	// name wins over headline; creator stands in for author; a degree is no
	// generational suffix.
	equal(t, "title", a.Title, "Full title of the seventh article")
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Ada", Family: "Lovelace", ORCID: "0000-0002-1825-0097", Affiliations: []string{"aff1"}},
		{Given: "Charles", Name: "Charles"},
	})
	equal(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Analytical Society", Address: &ld.Address{City: "London", Country: "United Kingdom"}}})
	// A ["Periodical", "PublicationVolume"] node gives journal and volume;
	// the issue's own date, later, is the print date.
	equal(t, "journal", a.Journal, &ld.Journal{Title: "Engines", Abbreviation: "Eng.", ISSNs: []ld.ISSN{{Value: "1476-4687"}}})
	equal(t, "volume, issue, pages", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage}, []string{"3", "4", "10", "19"})
	equal(t, "dates", a.Dates, ld.Dates{Published: ld.Date{Year: 2019, Month: 11, Day: 20}, PublishedPrint: ld.Date{Year: 2019, Month: 12}})
	equal(t, "copyright", a.Copyright, &ld.Copyright{Holder: "The Authors", Year: 2019})
	equal(t, "open access", a.OpenAccess != nil && !*a.OpenAccess, true)
	equal(t, "keywords", a.Keywords, []string{"computing", "engines", "looms"})
	equal(t, "files", a.Files, []ld.File{
		{URL: "https://example.org/7.pdf", MediaType: "application/pdf", Uploaded: ld.Date{Year: 2019, Month: 11, Day: 19}},
		{URL: "https://example.org/7.xml"},
	})
	equal(t, "references", a.References, []ld.Reference{{DOI: "10.5555/ref.1", Text: "An earlier engine"}, {Text: "A book about looms, 1801"}})
	equal(t, "second warning", warningStrings(record)[1], `ScholarlyArticle.creator[0].honorificSuffix: "FRS" is not held by the article model`)
}

func TestJSONLDDateErrors(t *testing.T) {
	page := "<html><head>\n<title>t</title>\n<script type=\"application/ld+json\">\n" +
		`{"@type": "ScholarlyArticle", "name": "Leap", "datePublished": "2021-02-29"}` + "\n</script></head></html>"
	records, err := Read([]byte(page), "leap.html")
	if err != nil {
		t.Fatal(err)
	}
	var fieldErr *ld.FieldError
	if !errors.As(records[0].Err, &fieldErr) {
		t.Fatalf("err = %v, want a *ld.FieldError", records[0].Err)
	}
	// The position is where the script's JSON starts.
	equal(t, "error", fieldErr.Error(), `leap.html:4:1: ScholarlyArticle.datePublished: dates: "2021-02-29": day 29 of 2021-02 does not exist`)

	// A bad date in a lesser source is a warning when a better one has a
	// date.
	page = `<meta name="citation_title" content="Leap"><meta name="citation_date" content="2020-02-29">` +
		`<meta name="DC.date" content="2021-02-29">`
	records, err = Read([]byte(page), "leap.html")
	if err != nil {
		t.Fatal(err)
	}
	a := article(t, records[0])
	equal(t, "published", a.Dates.Published, ld.Date{Year: 2020, Month: 2, Day: 29})
	equal(t, "warnings", warningStrings(records[0]), []string{`DC.date: dropped: dates: "2021-02-29": day 29 of 2021-02 does not exist`})
}

// TestOrganizationNames checks which names given as one string make an
// organisation author: words that stand in no person's name always do;
// words that are also surnames only in a name of three words or more.
func TestOrganizationNames(t *testing.T) {
	tests := map[string]bool{
		"The ICGC Consortium":             true,
		"PLOS ONE Editors Group":          true,
		"Cancer Genome Project":           true,
		"National Cancer Center of Tokyo": true,
		"Maria Center":                    false,
		"Center, Maria":                   false,
		"John Study":                      false,
		"Ana Team":                        false,
		"Smith, John A.":                  false,
	}
	for name, want := range tests {
		if got := isOrganizationName(name); got != want {
			t.Errorf("isOrganizationName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCopyrightHolderReferences checks that a copyrightHolder given as a
// node reference reads as the name of the node it names, "the authors"
// when it names the whole byline, and is dropped with a warning when it
// names no node with a name; never as the node's label.
func TestCopyrightHolderReferences(t *testing.T) {
	record := readOne(t, "testdata/copyright-holder.html")
	equal(t, "fixture", article(t, record).Copyright, &ld.Copyright{Holder: "the authors", Year: 2020, Statement: "© 2020 Harrison et al"})

	const authors = `"author": [{"@id": "_:b0", "@type": "Person", "givenName": "Ann", "familyName": "Harrison"},
		{"@id": "_:b1", "@type": "Person", "name": "Bo Lee", "givenName": "Bo", "familyName": "Lee"}],`
	tests := []struct {
		name, holder string
		want         string
		warnings     []string
	}{
		{"every author", `[{"@id": "_:b0"}, {"@id": "_:b1"}]`, "the authors", nil},
		{"one of the authors", `{"@id": "_:b1"}`, "Bo Lee", nil},
		{"an author by given and family name", `{"@id": "_:b0"}`, "Ann Harrison", nil},
		{"a node described elsewhere in the graph", `{"@id": "https://ror.org/05gq02987"}`, "Brown University", nil},
		{"an organisation", `{"@type": "Organization", "name": "Example Press"}`, "Example Press", nil},
		{"a plain name", `"Example Press"`, "Example Press", nil},
		{"a blank node nobody describes", `{"@id": "_:b9"}`, "",
			[]string{`ScholarlyArticle.copyrightHolder: "_:b9" names no holder: dropped`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
				{"@type": "ScholarlyArticle", "name": "Holders", ` + authors + ` "copyrightHolder": ` + tt.holder + `},
				{"@id": "https://ror.org/05gq02987", "@type": "Organization", "name": "Brown University"}]}</script>`
			records, err := Read([]byte(page), "holder.html")
			if err != nil {
				t.Fatal(err)
			}
			a := article(t, records[0])
			holder := ""
			if a.Copyright != nil {
				holder = a.Copyright.Holder
			}
			equal(t, "holder", holder, tt.want)
			var warnings []string
			for _, w := range warningStrings(records[0]) {
				if strings.Contains(w, "copyrightHolder") {
					warnings = append(warnings, w)
				}
			}
			equal(t, "warnings", warnings, tt.warnings)
		})
	}
}

// TestWorkTypes checks that citation_article_type and genre give the work
// types beyond the journal article, in the words serve writes and
// publishers use.
func TestWorkTypes(t *testing.T) {
	tests := map[string]ld.ArticleType{
		"preprint":          ld.Preprint,
		"conference paper":  ld.ConferencePaper,
		"Proceedings Paper": ld.ConferencePaper,
		"technical-report":  ld.Report,
		"working paper":     ld.WorkingPaper,
		"book chapter":      ld.BookChapter,
		"Chapter":           ld.BookChapter,
	}
	for value, want := range tests {
		page := `<meta name="citation_title" content="T"><meta name="citation_article_type" content="` + value + `">`
		records, err := Read([]byte(page), "type.html")
		if err != nil {
			t.Fatal(err)
		}
		equal(t, value, article(t, records[0]).Type, want)
	}
}

// TestHighwireWorkTags checks the tags Google Scholar's guidelines give
// works beyond the journal article: a report's number and institution, a
// chapter's book, a conference paper's proceedings, ISBNs, and a
// publisher without a journal, which is the work's own.
func TestHighwireWorkTags(t *testing.T) {
	tests := []struct {
		name, tags string
		want       func(a *ld.Article) any
		wantValue  any
		warnings   []string
	}{
		{"a report's number and institution",
			`<meta name="citation_article_type" content="working paper"><meta name="citation_technical_report_number" content="w12345">` +
				`<meta name="citation_technical_report_institution" content="Example Bureau">`,
			func(a *ld.Article) any { return []any{a.ReportNumber, a.Publisher} }, []any{"w12345", &ld.Publisher{Name: "Example Bureau"}}, nil},
		{"a report number on a journal article",
			`<meta name="citation_journal_title" content="J"><meta name="citation_technical_report_number" content="7">`,
			func(a *ld.Article) any { return a.ReportNumber }, "",
			[]string{`reportNumber: "7" dropped: only a report or a working paper has one`}},
		{"a chapter's book and its ISBNs",
			`<meta name="citation_article_type" content="book chapter"><meta name="citation_inbook_title" content="Handbook">` +
				`<meta name="citation_isbn" content="978-0-306-40615-7"><meta name="citation_isbn" content="0-306-40615-2; 978-0-306-40615-7">`,
			func(a *ld.Article) any { return a.Book }, &ld.Book{Title: "Handbook", ISBNs: []string{"9780306406157", "0306406152"}}, nil},
		{"a conference paper's proceedings",
			`<meta name="citation_article_type" content="conference paper"><meta name="citation_conference_title" content="Proc. EWM 2024">`,
			func(a *ld.Article) any { return a.Book }, &ld.Book{Title: "Proc. EWM 2024"}, nil},
		{"a bad ISBN",
			`<meta name="citation_inbook_title" content="Handbook"><meta name="citation_isbn" content="978-0-306-40615-8">`,
			func(a *ld.Article) any { return a.Book }, &ld.Book{Title: "Handbook"},
			[]string{`citation_isbn: dropped: ISBN "978-0-306-40615-8": check digit is 8, want 7`}},
		{"a publisher without a journal is the work's",
			`<meta name="citation_article_type" content="preprint"><meta name="citation_publisher" content="Example Preprint Server">`,
			func(a *ld.Article) any { return []any{a.Publisher, a.Journal} }, []any{&ld.Publisher{Name: "Example Preprint Server"}, (*ld.Journal)(nil)}, nil},
		{"a publisher with a journal is the journal's",
			`<meta name="citation_journal_title" content="J"><meta name="citation_publisher" content="P">`,
			func(a *ld.Article) any { return []any{a.Publisher, a.Journal} }, []any{(*ld.Publisher)(nil), &ld.Journal{Title: "J", Publisher: &ld.Publisher{Name: "P"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := Read([]byte(`<meta name="citation_title" content="T">`+tt.tags), "work.html")
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "value", tt.want(article(t, records[0])), tt.wantValue)
			equal(t, "warnings", warningStrings(records[0]), tt.warnings)
		})
	}
}

// TestJSONLDWorks checks the schema.org reading of works beyond the
// journal article, rule by rule. The fixtures jsonld-chapter.jsonld and
// jsonld-conference.jsonld (scholarld's own JSON-LD of
// testdata/records/synthetic-book-chapter.json and
// synthetic-conference-paper.json) are checked whole by TestGolden.
func TestJSONLDWorks(t *testing.T) {
	tests := []struct {
		name, node string
		get        func(a *ld.Article) any
		want       any
		warnings   []string
	}{
		{"a chapter's book with ISBNs, one bad",
			`"@type": "Chapter", "isPartOf": {"@type": "Book", "name": "B", "isbn": ["978-0-306-40615-7", "0306406153"]}`,
			func(a *ld.Article) any { return a.Book }, &ld.Book{Title: "B", ISBNs: []string{"9780306406157"}},
			[]string{`Chapter.isPartOf.isbn: dropped: ISBN "0306406153": check digit is 3, want 2`}},
		{"a report's series is no journal",
			`"@type": "Report", "reportNumber": "7", "isPartOf": {"@type": "CreativeWorkSeries", "name": "S", "issn": "0898-2937"}`,
			func(a *ld.Article) any { return []any{a.Series, a.Journal, a.ReportNumber} },
			[]any{&ld.Series{Title: "S", ISSNs: []ld.ISSN{{Value: "0898-2937"}}}, (*ld.Journal)(nil), "7"}, nil},
		{"an article's series is its journal",
			`"@type": "ScholarlyArticle", "isPartOf": {"@type": "CreativeWorkSeries", "name": "S"}`,
			func(a *ld.Article) any { return []any{a.Series, a.Journal} }, []any{(*ld.Series)(nil), &ld.Journal{Title: "S"}}, nil},
		{"subtitle and alternative titles",
			`"@type": "ScholarlyArticle", "alternativeHeadline": ["Sub", {"@value": "Titre", "@language": "fr"}, "Other"]`,
			func(a *ld.Article) any { return []any{a.Subtitle, a.AlternativeTitles} },
			[]any{"Sub", []ld.AlternativeTitle{{Title: "Titre", Language: "fr"}, {Title: "Other"}}}, nil},
		{"identifiers the model holds, and one it does not",
			`"@type": "ScholarlyArticle", "identifier": [{"@type": "PropertyValue", "propertyID": "pmid", "value": "123"},
				{"@type": "PropertyValue", "propertyID": "arxiv", "value": "arXiv:2001.00001"}, {"@type": "PropertyValue", "propertyID": "isbn", "value": "1"}],
				"sameAs": "https://pubmed.ncbi.nlm.nih.gov/123"`,
			func(a *ld.Article) any { return a.Identifiers }, []ld.Identifier{{Scheme: ld.PMID, Value: "123"}},
			[]string{`ScholarlyArticle.identifier: arxiv "arXiv:2001.00001" dropped: ` + checkIdentifierMessage(ld.Identifier{Scheme: ld.ArXiv, Value: "arXiv:2001.00001"}),
				`ScholarlyArticle.identifier: "isbn 1" is not held by the article model`}},
		{"a funder with a grant is read once, one without a name dropped",
			`"@type": "ScholarlyArticle", "funder": [{"@id": "https://ror.org/021nxhr62", "name": "NSF"}, {"@type": "Organization"}],
				"funding": {"@type": "Grant", "funder": {"@id": "https://ror.org/021nxhr62"}, "identifier": "42"}`,
			func(a *ld.Article) any { return a.Funding },
			[]ld.Funding{{Funder: ld.Funder{Name: "NSF", ROR: "https://ror.org/021nxhr62"}, Award: "42"}},
			[]string{`ScholarlyArticle.funder: "Organization" names no funder: dropped`}},
		{"editors without their affiliations",
			`"@type": "ScholarlyArticle", "editor": {"@type": "Person", "givenName": "G", "familyName": "H", "affiliation": {"@type": "Organization", "name": "O"}}`,
			func(a *ld.Article) any { return []any{a.Editors, a.Affiliations} }, []any{[]ld.Author{{Given: "G", Family: "H"}}, []ld.Affiliation(nil)},
			[]string{`ScholarlyArticle.editor[0].affiliation: "O" is not held by the article model`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"name": "T", ` + tt.node +
				`}, {"@id": "https://ror.org/021nxhr62", "@type": "Organization", "name": "NSF"}]}</script>`
			records, err := Read([]byte(page), "work.html")
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "value", tt.get(article(t, records[0])), tt.want)
			equal(t, "warnings", warningStrings(records[0]), tt.warnings)
		})
	}
}

func checkIdentifierMessage(id ld.Identifier) string {
	if err := ld.CheckIdentifier(id); err != nil {
		return err.Error()
	}
	return "<no error>"
}
