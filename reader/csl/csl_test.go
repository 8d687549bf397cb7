package csl_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/csl"
)

// readFile reads a file with csl.Read and fails the test on a whole-input
// error.
func readFile(t *testing.T, path string) []reader.Record {
	t.Helper()
	return readertest.ReadFile(t, csl.Read, path, filepath.Base(path))
}

// article returns the article of a record that must have been read, after
// checking that it passes ld.Check.
func article(t *testing.T, rec reader.Record) *ld.Article {
	t.Helper()
	if rec.Err != nil {
		t.Fatalf("record %d: %v", rec.Index, rec.Err)
	}
	if errs := ld.Check(rec.Article); len(errs) > 0 {
		t.Fatalf("record %d fails ld.Check: %v", rec.Index, errs)
	}
	return rec.Article
}

// checkWarnings requires exactly the warnings want, each written
// "path: part of the message", in order.
func checkWarnings(t *testing.T, rec reader.Record, want ...string) {
	t.Helper()
	var got []string
	for _, w := range rec.Warnings {
		got = append(got, w.String())
	}
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		path, msg, _ := strings.Cut(want[i], ": ")
		ok = rec.Warnings[i].Path == path && strings.Contains(rec.Warnings[i].Msg, msg)
	}
	if !ok {
		t.Errorf("record %d warnings:\n  %s\nwant:\n  %s", rec.Index, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestFixtureDataCiteBlog(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "csl", "datacite-blog.citeproc.json")
	records := readFile(t, path)
	if len(records) != 1 {
		t.Fatalf("got %d records, want 1", len(records))
	}
	got := article(t, records[0])
	want := &ld.Article{
		Title:   "Eating your own Dog Food",
		Authors: []ld.Author{{Given: "Martin", Family: "Fenner"}},
		Journal: &ld.Journal{Title: "DataCite Blog", Publisher: &ld.Publisher{Name: "DataCite"}},
		DOI:     "10.5438/4k3m-nyvg",
		URL:     "https://blog.datacite.org/eating-your-own-dog-food",
		Dates:   ld.Dates{Published: ld.Date{Year: 2016, Month: 12, Day: 20}},
		Keywords: []string{
			"Phylogeny", "Malaria", "Parasites", "Taxonomy", "Mitochondrial genome", "Africa", "Plasmodium",
		},
		Abstract: "Eating your own dog food is a slang term to describe that an organization should itself use the products and services it provides. For DataCite this means that we should use DOIs with appropriate metadata and strategies for long-term preservation for...",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if records[0].Pos.Line != 1 || records[0].Pos.Column != 1 {
		t.Errorf("record position %v, want 1:1", records[0].Pos)
	}
	checkWarnings(t, records[0],
		`type: "post-weblog" is not a work type scholarld maps`,
		"translator: not in the article model",
	)
}

func TestFixtureDeepReview(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "csl", "deep-review.crossref-csl.pruned.json")
	records := readFile(t, path)
	if len(records) != 1 {
		t.Fatalf("got %d records, want 1", len(records))
	}
	got := article(t, records[0])
	if got.Title != "Opportunities and obstacles for deep learning in biology and medicine" {
		t.Errorf("title %q", got.Title)
	}
	wantJournal := &ld.Journal{
		Title:        "Journal of The Royal Society Interface",
		Abbreviation: "J. R. Soc. Interface",
		Publisher:    &ld.Publisher{Name: "The Royal Society"},
	}
	if !reflect.DeepEqual(got.Journal, wantJournal) {
		t.Errorf("journal %+v, want %+v", got.Journal, wantJournal)
	}
	fields := []struct{ name, got, want string }{
		{"volume", got.Volume, "15"},
		{"issue", got.Issue, "141"},
		{"firstPage", got.FirstPage, "20170387"},
		{"lastPage", got.LastPage, ""},
		{"articleNumber", got.ArticleNumber, ""},
		{"doi", got.DOI, "10.1098/rsif.2017.0387"},
		{"url", got.URL, "https://doi.org/10.1098/rsif.2017.0387"},
		{"language", got.Language, "en"},
		{"type", string(got.Type), ""},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if want := (ld.Dates{Published: ld.Date{Year: 2018, Month: 4}}); !reflect.DeepEqual(got.Dates, want) {
		t.Errorf("dates %+v, want %+v (month precision)", got.Dates, want)
	}
	if got.Dates.Published.Precision() != ld.MonthPrecision {
		t.Errorf("published precision %v, want month", got.Dates.Published.Precision())
	}
	if len(got.Authors) != 36 {
		t.Fatalf("%d authors, want 36", len(got.Authors))
	}
	for i, want := range map[int]ld.Author{
		0:  {Given: "Travers", Family: "Ching"},
		1:  {Given: "Daniel S.", Family: "Himmelstein"},
		2:  {Given: "Brett K.", Family: "Beaulieu-Jones"},
		30: {Given: "Marwin H. S.", Family: "Segler"},
		32: {Given: "S. Joshua", Family: "Swamidass"},
		35: {Given: "Casey S.", Family: "Greene"},
	} {
		if !reflect.DeepEqual(got.Authors[i], want) {
			t.Errorf("author %d = %+v, want %+v", i, got.Authors[i], want)
		}
	}
	checkWarnings(t, records[0],
		"source: not in the article model",
		"PMCID: not in the article model",
		"PMID: not in the article model",
	)
}

func TestCrossrefStyleItem(t *testing.T) {
	records := readFile(t, "testdata/crossref-style.json")
	got := article(t, records[0])
	affHawaii := "Molecular Biosciences and Bioengineering Graduate Program, University of Hawaii at Manoa, Honolulu, HI, USA"
	affPenn := "Department of Systems Pharmacology and Translational Therapeutics, University of Pennsylvania, Philadelphia, PA, USA"
	want := &ld.Article{
		Title: "Opportunities and obstacles for deep learning in biology and medicine",
		Authors: []ld.Author{
			{Given: "Travers", Family: "Ching", ORCID: "0000-0002-5577-3516", Affiliations: []string{"aff1"}},
			{Given: "Daniel S.", Family: "Himmelstein", ORCID: "0000-0002-3012-7446", Affiliations: []string{"aff2"}},
			{Given: "Casey S.", Family: "Greene", Affiliations: []string{"aff2"}},
		},
		Affiliations: []ld.Affiliation{{ID: "aff1", Name: affHawaii}, {ID: "aff2", Name: affPenn}},
		Journal: &ld.Journal{
			Title:        "Journal of The Royal Society Interface",
			Abbreviation: "J. R. Soc. Interface",
			ISSNs:        []ld.ISSN{{Value: "1742-5689", Kind: ld.PrintISSN}, {Value: "1742-5662", Kind: ld.ElectronicISSN}},
			Publisher:    &ld.Publisher{Name: "The Royal Society"},
		},
		Volume:        "15",
		Issue:         "141",
		ArticleNumber: "20170387",
		DOI:           "10.1098/rsif.2017.0387",
		URL:           "http://dx.doi.org/10.1098/rsif.2017.0387",
		Dates: ld.Dates{
			Published:      ld.Date{Year: 2018, Month: 4, Day: 4},
			PublishedPrint: ld.Date{Year: 2018, Month: 4},
		},
		License:  &ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"},
		Abstract: "Deep learning describes a class of machine learning algorithms.",
		Language: "en",
		References: []ld.Reference{
			{DOI: "10.1038/nature14539"},
			{Text: "Goodfellow I, Bengio Y, Courville A. 2016 Deep learning. Cambridge, MA: MIT Press."},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	checkWarnings(t, records[0],
		"author[*].authenticated-orcid: dropped for 2 of 3 names",
		"indexed: not in the article model",
		"reference-count: not in the article model",
		"funder: not in the article model",
		"source: not in the article model",
		"prefix: not in the article model",
		"member: not in the article model",
		"link: not in the article model",
		"deposited: not in the article model",
		"score: not in the article model",
		"subject: not in the article model",
	)
}

func TestNames(t *testing.T) {
	records := readFile(t, "testdata/names.json")
	got := article(t, records[0])
	wantAuthors := []ld.Author{
		{Given: "Amos B.", Family: "Smith", Suffix: "III"},
		{Given: "Jan", Family: "van der Berg"},
		{Given: "Ludwig", Family: "van Beethoven"},
		{Given: "Jean", Family: "de La Fontaine"},
		{Kind: ld.OrganizationAuthor, Name: "The Deep Review Consortium"},
		{Given: "Martin", Family: "Fenner", ORCID: "0000-0003-1419-2405"},
		{Given: "Xi-Long", Family: "Zheng"},
		{Family: "Sheherazade"},
		{Given: "Søren", Family: "Kierkegaard", Affiliations: []string{"aff1", "aff2"}},
		{Given: "José María", Family: "Álvarez de Toledo", Affiliations: []string{"aff1"}},
		{Given: "Jane", Family: "Doe", Email: "jane@example.org", Affiliations: []string{"aff3"}},
		{Family: "Ardiantiono"},
	}
	if !reflect.DeepEqual(got.Authors, wantAuthors) {
		t.Errorf("authors\n got %+v\nwant %+v", got.Authors, wantAuthors)
	}
	wantAffiliations := []ld.Affiliation{
		{ID: "aff1", Name: "University of Copenhagen"},
		{ID: "aff2", Name: "Aarhus University", ROR: "https://ror.org/01aj84f44"},
		{ID: "aff3", Name: "Acme Institute"},
	}
	if !reflect.DeepEqual(got.Affiliations, wantAffiliations) {
		t.Errorf("affiliations\n got %+v\nwant %+v", got.Affiliations, wantAffiliations)
	}
	checkWarnings(t, records[0],
		"author[6].ORCID: check digit",
		"author[7].given: read as a one-word family name",
		"author[11]: a name without family, given or literal name",
		"author[12]: not a name object",
		"author[13].given: read as a one-word family name",
		"author[*].authenticated-orcid: dropped for 2 of 14 names",
	)
}

func TestListWithBadEntries(t *testing.T) {
	records := readFile(t, "testdata/list-one-bad.json")
	if len(records) != 5 {
		t.Fatalf("got %d records, want 5", len(records))
	}
	for _, i := range []int{0, 4} {
		if a := article(t, records[i]); !strings.HasSuffix(a.Title, "article") {
			t.Errorf("record %d title %q", i, a.Title)
		}
	}
	tests := []struct {
		index      int
		line, col  int
		path, text string
	}{
		{1, 3, 3, "[1].title", "the item has no title"},
		{2, 5, 29, "[2].issued.date-parts", "day 31 of 2021-06 does not exist"},
		{3, 6, 3, "[3]", "the item is not an object"},
	}
	for _, tt := range tests {
		rec := records[tt.index]
		var fe *ld.FieldError
		if rec.Article != nil || !errors.As(rec.Err, &fe) {
			t.Errorf("record %d: article %v, error %v; want a *ld.FieldError", tt.index, rec.Article, rec.Err)
			continue
		}
		if fe.Path != tt.path || fe.Pos.Line != tt.line || fe.Pos.Column != tt.col || fe.Pos.File != "list-one-bad.json" ||
			!strings.Contains(fe.Error(), tt.text) {
			t.Errorf("record %d: error %q at %v path %q; want %s:%d:%d path %q containing %q",
				tt.index, fe, fe.Pos, fe.Path, "list-one-bad.json", tt.line, tt.col, tt.path, tt.text)
		}
		if rec.Index != tt.index {
			t.Errorf("record index %d, want %d", rec.Index, tt.index)
		}
	}
}

func TestMalformedInput(t *testing.T) {
	tests := []struct {
		file      string
		line, col int
		text      string
	}{
		{"truncated.json", 3, 34, "unexpected end of JSON input"},
		{"bad-token.json", 3, 24, "invalid character 'x'"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			records, err := csl.Read(data, tt.file)
			var syntax *reader.SyntaxError
			if records != nil || !errors.As(err, &syntax) {
				t.Fatalf("Read = %v, %v; want a *reader.SyntaxError", records, err)
			}
			want := ld.Position{File: tt.file, Line: tt.line, Column: tt.col}
			if syntax.Pos != want || !strings.Contains(err.Error(), tt.text) || !strings.HasPrefix(err.Error(), want.String()+": csl: ") {
				t.Errorf("error %q at %v, want %v and %q", err, syntax.Pos, want, tt.text)
			}
		})
	}
}

func TestNotCSL(t *testing.T) {
	for _, input := range []string{
		`{"name": "not an item", "version": 2}`, `"a string"`, `42`, `null`, ``, `<?xml version="1.0"?><article/>`,
	} {
		records, err := csl.Read([]byte(input), "in.json")
		if err == nil || records != nil || !strings.HasPrefix(err.Error(), "in.json") || !strings.Contains(err.Error(), ": csl: ") {
			t.Errorf("Read(%q) = %v, %v; want an error", input, records, err)
		}
	}
	records, err := csl.Read([]byte("[]"), "empty.json")
	if err != nil || len(records) != 0 {
		t.Errorf("Read([]) = %v, %v; want no records and no error", records, err)
	}
	records, err = csl.Read([]byte("\xef\xbb\xbf{\"title\": \"After a BOM\"}"), "bom.json")
	if err != nil || len(records) != 1 || records[0].Article == nil || records[0].Article.Title != "After a BOM" {
		t.Errorf("Read with a BOM = %v, %v", records, err)
	}
}

func TestPages(t *testing.T) {
	records := readFile(t, "testdata/pages.json")
	tests := []struct {
		first, last, number string
		warnings            []string
	}{
		{"14348", "14363", "", nil},
		{"14348", "14363", "", nil},
		{"14348", "14363", "", nil},
		{"", "", "e01567", []string{`page: "e01567" is an electronic article number`}},
		{"", "", "20170387", nil},
		{"", "", "e01567", nil},
		{"7", "", "", nil},
		{"7", "", "", nil},
		{"14348", "14363", "", []string{`page: abbreviated last page "63" read as "14363"`}},
		{"1", "9", "", []string{"page: discontinuous pages"}},
		{"iv", "xii", "", nil},
		{"101", "", "", nil},
		{"300", "", "", []string{"page: last page 200 comes before first page 300"}},
	}
	if len(records) != len(tests) {
		t.Fatalf("got %d records, want %d", len(records), len(tests))
	}
	for i, tt := range tests {
		a := article(t, records[i])
		if a.FirstPage != tt.first || a.LastPage != tt.last || a.ArticleNumber != tt.number {
			t.Errorf("%s: pages %q-%q number %q, want %q-%q number %q",
				a.Title, a.FirstPage, a.LastPage, a.ArticleNumber, tt.first, tt.last, tt.number)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestDates(t *testing.T) {
	records := readFile(t, "testdata/dates.json")
	day := func(y, m, d int) ld.Date { return ld.Date{Year: y, Month: m, Day: d} }
	tests := []struct {
		dates    ld.Dates
		warnings []string
		err      string // the record error's path
	}{
		{dates: ld.Dates{Published: day(2021, 0, 0)}},
		{dates: ld.Dates{Published: day(2021, 2, 0)}},
		{dates: ld.Dates{Published: day(2021, 2, 18)}},
		{dates: ld.Dates{Published: day(2021, 2, 18)}},
		{dates: ld.Dates{Published: day(2021, 2, 18)}},
		{dates: ld.Dates{Published: day(2021, 2, 0)}},
		{warnings: []string{`issued.literal: not a date that can be read`}},
		{dates: ld.Dates{Published: day(2021, 2, 18)}},
		{dates: ld.Dates{Published: day(2018, 4, 4), PublishedPrint: day(2018, 4, 0)}},
		{dates: ld.Dates{Published: day(2018, 4, 0)}},
		{dates: ld.Dates{Published: day(2020, 12, 1)}, warnings: []string{"issued: 2021 differs from the publication date 2020-12-01"}},
		{dates: ld.Dates{Received: day(2020, 6, 1), Published: day(2021, 0, 0)}},
		{warnings: []string{"accessed: the date the item was accessed is not a date of the article"}},
		{dates: ld.Dates{Published: day(2021, 0, 0)}, warnings: []string{"issued.season: a season is not in the article model"}},
		{dates: ld.Dates{Published: day(2020, 1, 0)}, warnings: []string{"issued.date-parts: a date range; its end is dropped"}},
		{},
		{err: "[16].issued.date-parts"},
		{err: "[17].published-online.date-parts"},
		{err: "[18].issued.raw"},
		{err: "[19].issued.date-parts"},
	}
	if len(records) != len(tests) {
		t.Fatalf("got %d records, want %d", len(records), len(tests))
	}
	for i, tt := range tests {
		if tt.err != "" {
			var fe *ld.FieldError
			if !errors.As(records[i].Err, &fe) || fe.Path != tt.err || records[i].Article != nil {
				t.Errorf("record %d: error %v, want a field error at %s", i, records[i].Err, tt.err)
			}
			continue
		}
		a := article(t, records[i])
		if !reflect.DeepEqual(a.Dates, tt.dates) {
			t.Errorf("%s: dates %+v, want %+v", a.Title, a.Dates, tt.dates)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestISSNs(t *testing.T) {
	records := readFile(t, "testdata/issn.json")
	rsif := []ld.ISSN{{Value: "1742-5689"}, {Value: "1742-5662"}}
	tests := []struct {
		issns    []ld.ISSN
		warnings []string
	}{
		{rsif, nil},
		{rsif, nil},
		{[]ld.ISSN{{Value: "1523-7060", Kind: ld.PrintISSN}, {Value: "1523-7052", Kind: ld.ElectronicISSN}}, nil},
		{[]ld.ISSN{{Value: "2050-084X"}}, nil},
		{nil, []string{`ISSN: dropped: ISSN "2050-0841"`}},
		{nil, []string{"ISSN: no container-title", "publisher: no container-title"}},
	}
	if len(records) != len(tests) {
		t.Fatalf("got %d records, want %d", len(records), len(tests))
	}
	for i, tt := range tests {
		a := article(t, records[i])
		var got []ld.ISSN
		if a.Journal != nil {
			got = a.Journal.ISSNs
		}
		if !reflect.DeepEqual(got, tt.issns) {
			t.Errorf("%s: ISSNs %+v, want %+v", a.Title, got, tt.issns)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestIdentifiersAndLanguage(t *testing.T) {
	records := readFile(t, "testdata/identifiers.json")
	tests := []struct {
		doi, url, language string
		warnings           []string
	}{
		{"10.7554/eLife.01567", "https://elifesciences.org/articles/01567", "en", nil},
		{"", "", "", []string{
			"DOI: registrant code 75 has fewer than 4 digits",
			"URL: is relative",
			`language: dropped: language tag "English"`,
		}},
		{"", "", "en-US", []string{`language: "en_US" read as the BCP 47 tag "en-US"`}},
	}
	for i, tt := range tests {
		a := article(t, records[i])
		if a.DOI != tt.doi || a.URL != tt.url || a.Language != tt.language {
			t.Errorf("%s: DOI %q URL %q language %q, want %q %q %q", a.Title, a.DOI, a.URL, a.Language, tt.doi, tt.url, tt.language)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestMarkup(t *testing.T) {
	records := readFile(t, "testdata/abstract.json")
	tests := []struct {
		title, abstract string
		warnings        []string
	}{
		{"JATS abstract", "Water, H<sub>2</sub>O, in <i>vivo</i>.", nil},
		{"Plain abstract", "Plain text, p < 0.05.", nil},
		{"HTML abstract", "First line second line with <i>emphasis</i>", []string{"abstract: not well-formed XML"}},
		{"A <i>title</i> with H<sub>2</sub>O & caps", "", nil},
	}
	for i, tt := range tests {
		a := article(t, records[i])
		if a.Title != tt.title || a.Abstract != tt.abstract {
			t.Errorf("title %q abstract %q, want %q %q", a.Title, a.Abstract, tt.title, tt.abstract)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestKeywords(t *testing.T) {
	records := readFile(t, "testdata/keywords.json")
	tests := [][]string{
		{"deep learning", "biology", "medicine"},
		{"Cells, Cultured", "Mice"},
		{"Malaria", "Plasmodium"},
	}
	for i, want := range tests {
		if got := article(t, records[i]).Keywords; !reflect.DeepEqual(got, want) {
			t.Errorf("record %d keywords %q, want %q", i, got, want)
		}
		checkWarnings(t, records[i])
	}
}

func TestLicense(t *testing.T) {
	records := readFile(t, "testdata/license.json")
	tests := []struct {
		license  *ld.License
		warnings []string
	}{
		{&ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"}, []string{
			`license[1]: the licence of the "tdm" version`,
			`license[2]: the licence of the "am" version`,
		}},
		{&ld.License{URL: "https://creativecommons.org/licenses/by/3.0/"}, nil},
		{&ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "CC BY 4.0"}, nil},
		{&ld.License{URL: "https://creativecommons.org/licenses/by/3.0/", Label: "CC BY 3.0"}, nil},
		{&ld.License{Label: "CC BY"}, []string{`license: "Creative Commons Attribution" names CC BY without a version`}},
		{&ld.License{Label: "Example Press reuse terms"}, nil},
	}
	for i, tt := range tests {
		if got := article(t, records[i]).License; !reflect.DeepEqual(got, tt.license) {
			t.Errorf("record %d licence %+v, want %+v", i, got, tt.license)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestTypes(t *testing.T) {
	records := readFile(t, "testdata/types.json")
	tests := []struct {
		kind     ld.ArticleType
		warnings []string
	}{
		{"", nil},
		{"", nil},
		{ld.BookReview, nil},
		{"", []string{`type: "post-weblog" is not a work type scholarld maps`}},
		{"", nil},
	}
	for i, tt := range tests {
		if got := article(t, records[i]).Type; got != tt.kind {
			t.Errorf("record %d type %q, want %q", i, got, tt.kind)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}

func TestRepeatedKey(t *testing.T) {
	records, err := csl.Read([]byte(`{"title": "First", "title": "Second", "volume": {"x": 1}}`), "in.json")
	if err != nil {
		t.Fatal(err)
	}
	if a := article(t, records[0]); a.Title != "Second" || a.Volume != "" {
		t.Errorf("title %q volume %q, want the last title and no volume", a.Title, a.Volume)
	}
	checkWarnings(t, records[0],
		"volume: not a string or number",
		"title: the key is repeated",
	)
}

// TestOddValues feeds values that real producers get wrong: each item
// must give an article that passes ld.Check, or the record error named.
func TestOddValues(t *testing.T) {
	tests := []struct {
		item     string
		errPath  string
		warnings []string
	}{
		{`{"title": "x", "page": ","}`, "", nil},
		{`{"title": "x", "page": " , 3-4"}`, "", nil},
		{`{"title": "x", "page": "5-3-1"}`, "", nil},
		{`{"title": "x", "page": "e12-e15"}`, "", nil},
		{`{"title": "x", "author": [{"given": "A", "literal": "B"}]}`, "", []string{"author[0].given: one-word family name"}},
		{`{"title": "x", "author": [{"given": "Jan", "non-dropping-particle": "van"}]}`, "", nil},
		{`{"title": "x", "author": {"family": "Solo"}}`, "", nil},
		{`{"title": "x", "author": "Smith, John"}`, "", []string{"author: not a list of names"}},
		{`{"title": "x", "author": [{"literal": "Org", "ORCID": "0000-0002-1825-0097"}]}`, "", []string{"author[0].ORCID: an ORCID iD on a literal (organisation) name"}},
		{`{"title": "x", "author": [{"family": "A", "affiliation": [{"department": ["D"]}]}]}`, "", nil},
		{`{"title": "x", "author": [{"family": "A", "affiliation": [{"id": [{"id": "01aj84f44", "id-type": "ROR"}]}]}]}`, "", []string{"author[0].affiliation[0]: a ROR ID but no name"}},
		{`{"title": "x", "author": [{"family": "A", "email": "not an address"}]}`, "", []string{"author[0].email: dropped"}},
		{`{"title": "x", "submitted": {"date-parts": [[2022]]}, "issued": {"date-parts": [[2021]]}}`, "", []string{"submitted: 2022 is after the publication 2021"}},
		{`{"title": "x", "container-title": "<i></i>", "ISSN": "1742-5689"}`, "", []string{"ISSN: no container-title"}},
		{`{"title": "x", "publisher-place": "London", "container-title": "J"}`, "", []string{"publisher-place: no publisher"}},
		{`{"title": "x", "license": "ftp://example.org/licence"}`, "", []string{"license: dropped"}},
		{`{"title": "x", "reference": [{"DOI": "bad"}]}`, "", []string{"reference[0].DOI: dropped", "reference[0]: a reference without a DOI"}},
		{`{"title": "x", "keyword": [{"x": 1}, "a"]}`, "", []string{"keyword: holds a value that is not a string"}},
		{`{"title": "x", "issued": {"date-parts": [[2021, 2, 18]], "circa": true}}`, "", []string{"issued.circa: the date is approximate"}},
		{`{"title": "x", "issued": 2021}`, "", nil},
		{`{"title": 5}`, "", nil},
		{`{"title": "<b></b>"}`, "title", nil},
		{`{"title": ["", "Second"]}`, "", nil},
		{`{"title": "x", "issued": {"date-parts": [[2021, 2, 29]]}}`, "issued.date-parts", nil},
		{`{"title": "x", "issued": {"date-parts": [["2021", "x"]]}}`, "issued.date-parts", nil},
		{`{"title": "x", "issued": {"date-parts": 2021}}`, "issued.date-parts", nil},
		{`{"title": "x", "issued": {"date-parts": [[2021, 13]]}}`, "issued.date-parts", nil},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			records, err := csl.Read([]byte(tt.item), "in.json")
			if err != nil || len(records) != 1 {
				t.Fatalf("Read = %v, %v", records, err)
			}
			rec := records[0]
			if tt.errPath != "" {
				var fe *ld.FieldError
				if !errors.As(rec.Err, &fe) || fe.Path != tt.errPath || rec.Article != nil {
					t.Fatalf("record error %v, want one at %s", rec.Err, tt.errPath)
				}
				return
			}
			article(t, rec)
			checkWarnings(t, rec, tt.warnings...)
		})
	}
}

func TestSniff(t *testing.T) {
	for _, name := range []string{"datacite-blog.citeproc.json", "deep-review.crossref-csl.pruned.json"} {
		data, err := os.ReadFile(testkit.Shared(t, "fixtures", "csl", name))
		if err != nil {
			t.Fatal(err)
		}
		if !csl.Sniff(data) {
			t.Errorf("Sniff(%s) = false, want true", name)
		}
	}
	for file, want := range map[string]bool{
		"names.json": true, "types.json": true, "crossref-style.json": true, "list-one-bad.json": true,
		"dates.json": true,                         // no type, but an issued date object and a title string
		"pages.json": false, "not-csl.json": false, // neither
	} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got := csl.Sniff(data); got != want {
			t.Errorf("Sniff(%s) = %v, want %v", file, got, want)
		}
	}
	others := testkit.Shared(t, "fixtures")
	for _, dir := range []string{"crossref-rest", "crossref-xml", "datacite", "schemaorg", "jats", "html", "bibtex", "ris"} {
		matches, _ := filepath.Glob(filepath.Join(others, dir, "*"))
		for _, file := range matches {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if csl.Sniff(data) {
				t.Errorf("Sniff(%s/%s) = true, want false", dir, filepath.Base(file))
			}
		}
	}
	for _, input := range []string{"", "   ", "title", `{"title": "x"}`, `{"type": "journal-article", "title": ["x"]}`} {
		if csl.Sniff([]byte(input)) {
			t.Errorf("Sniff(%q) = true, want false", input)
		}
	}
	if !csl.Sniff([]byte(`{"title": "x", "issued": {"date-parts": [[2021]]}}`)) {
		t.Error("Sniff of an item without a type = false, want true")
	}
}

// FuzzRead checks that Read never panics, fails only with its own errors,
// and returns only articles that pass ld.Check.
func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.json", "csl/*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		csl.Sniff(data)
		records, err := csl.Read(data, "fuzz.json")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.json") || !strings.Contains(err.Error(), ": csl: ") || records != nil {
				t.Fatalf("error %q with %d records", err, len(records))
			}
			return
		}
		for _, rec := range records {
			switch {
			case rec.Err != nil && rec.Article != nil:
				t.Fatalf("record %d has both an article and an error", rec.Index)
			case rec.Err != nil && strings.Contains(rec.Err.Error(), "fails its checks"):
				t.Fatalf("record %d: the reader built an article that ld.Check rejects: %v", rec.Index, rec.Err)
			case rec.Err != nil:
				var fe *ld.FieldError
				var list ld.ErrorList
				if !errors.As(rec.Err, &fe) && !errors.As(rec.Err, &list) {
					t.Fatalf("record %d error %v is not a field error", rec.Index, rec.Err)
				}
			case rec.Article == nil:
				t.Fatalf("record %d has neither an article nor an error", rec.Index)
			default:
				for _, w := range rec.Warnings {
					if w.Path == "" || w.Msg == "" {
						t.Fatalf("record %d: warning %q lacks a path or a message", rec.Index, w)
					}
				}
				if errs := ld.Check(rec.Article); len(errs) > 0 {
					t.Fatalf("record %d fails ld.Check: %v", rec.Index, errs)
				}
			}
		}
	})
}

func ExampleRead() {
	data := []byte(`[{
  "type": "article-journal",
  "title": "Opportunities and obstacles for deep learning in biology and medicine",
  "author": [{"family": "Ching", "given": "Travers"}, {"literal": "Deep Review Consortium"}],
  "container-title": "Journal of The Royal Society Interface",
  "ISSN": "1742-5689",
  "volume": "15", "issue": "141", "page": "20170387",
  "DOI": "https://doi.org/10.1098/rsif.2017.0387",
  "issued": {"date-parts": [[2018, 4]]},
  "PMID": "29618526"
}]`)
	records, err := csl.Read(data, "items.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := records[0].Article
	fmt.Println(a.Title)
	for _, au := range a.Authors {
		fmt.Printf("%s (%s)\n", au.DisplayName(), au.Kind)
	}
	fmt.Println(a.Journal.Title, a.Journal.ISSNs[0].Value, a.Volume, a.Issue, a.FirstPage)
	fmt.Println(a.DOI, a.Dates.Published)
	for _, w := range records[0].Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// Opportunities and obstacles for deep learning in biology and medicine
	// Travers Ching ()
	// Deep Review Consortium (organization)
	// Journal of The Royal Society Interface 1742-5689 15 141 20170387
	// 10.1098/rsif.2017.0387 2018-04
	// warning: PMID: not in the article model; dropped
}

func ExampleSniff() {
	fmt.Println(csl.Sniff([]byte(`{"type": "article-journal", "title": "A title"}`)))
	fmt.Println(csl.Sniff([]byte(`{"message-type": "work", "message": {"title": ["A title"]}}`)))
	// Output:
	// true
	// false
}

// TestWorkTypes checks each CSL 1.0.2 type the model holds, with the book,
// series and event it comes in and the publisher of a work outside a
// journal.
func TestWorkTypes(t *testing.T) {
	records := readFile(t, "testdata/worktypes.json")
	erin := []ld.Author{{Given: "Erin", Family: "Editor"}}
	tests := []struct {
		kind     ld.ArticleType
		check    func(*ld.Article) any
		want     any
		warnings []string
	}{
		{ld.ConferencePaper, func(a *ld.Article) any { return []any{a.Book, a.Series, a.Event, a.Publisher, a.Journal, a.FirstPage} },
			[]any{&ld.Book{Title: "Proceedings of the Example Conference", ISBNs: []string{"9783161484100"}, Editors: erin},
				&ld.Series{Title: "Lecture Notes in Examples"},
				&ld.Event{Name: "Example Conference 2020", Place: "Lisbon, Portugal", StartDate: ld.Date{Year: 2020, Month: 6, Day: 1}},
				&ld.Publisher{Name: "Example Society"}, (*ld.Journal)(nil), "1"},
			[]string{"event-date.date-parts: a date range; its end is dropped"}},
		{ld.BookChapter, func(a *ld.Article) any { return []any{a.Book, a.Publisher} },
			[]any{&ld.Book{Title: "A Book of Chapters", ISBNs: []string{"0306406152", "9783161484100"}, Editors: erin},
				&ld.Publisher{Name: "Example Press", Address: &ld.Address{City: "Oxford"}}}, nil},
		{ld.WorkingPaper, func(a *ld.Article) any { return []any{a.ReportNumber, a.Series, a.Publisher, a.ArticleNumber} },
			[]any{"29971", &ld.Series{Title: "NBER Working Paper Series", ISSNs: []ld.ISSN{{Value: "1422-0067"}}},
				&ld.Publisher{Name: "National Bureau of Economic Research"}, ""}, nil},
		{ld.Report, func(a *ld.Article) any { return []any{a.ReportNumber, a.Series, a.Publisher} },
			[]any{"TR-1", (*ld.Series)(nil), &ld.Publisher{Name: "Example Institute"}}, nil},
		{ld.Preprint, func(a *ld.Article) any { return []any{a.Publisher, a.Journal} },
			[]any{&ld.Publisher{Name: "bioRxiv"}, (*ld.Journal)(nil)}, nil},
		{ld.Preprint, func(a *ld.Article) any { return a.Journal.Title }, "arXiv", nil},
		{"", func(a *ld.Article) any { return []any{a.Journal.Title, a.Journal.Publisher, a.Publisher} },
			[]any{"Journal of Tests", &ld.Publisher{Name: "Example Press"}, (*ld.Publisher)(nil)}, nil},
		{"", func(a *ld.Article) any { return a.Book }, (*ld.Book)(nil),
			[]string{"ISBN: not kept: the work is not read as part of a book, series or conference"}},
	}
	for i, tt := range tests {
		a := article(t, records[i])
		if a.Type != tt.kind {
			t.Errorf("record %d type %q, want %q", i, a.Type, tt.kind)
		}
		if got := tt.check(a); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("record %d: got %#v, want %#v", i, got, tt.want)
		}
		checkWarnings(t, records[i], tt.warnings...)
	}
}
