package ris_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/ris"
)

func readFile(t *testing.T, path string) []reader.Record {
	t.Helper()
	return readertest.ReadFile(t, ris.Read, path, filepath.Base(path))
}

func date(year, month, day int) ld.Date { return ld.Date{Year: year, Month: month, Day: day} }

func person(given, family string) ld.Author { return ld.Author{Given: given, Family: family} }

func TestSharedFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []readertest.Want
	}{{
		file: "elife.01567.crossref.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title: "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth",
			Authors: []ld.Author{
				person("Martial", "Sankar"), person("Kaisa", "Nieminen"), person("Laura", "Ragni"),
				person("Ioannis", "Xenarios"), person("Christian S", "Hardtke"),
			},
			Journal:  &ld.Journal{Title: "eLife", ISSNs: []ld.ISSN{{Value: "2050-084X"}}},
			Volume:   "3",
			DOI:      "10.7554/eLife.01567",
			URL:      "http://elifesciences.org/lookup/doi/10.7554/eLife.01567",
			Dates:    ld.Dates{Published: date(2014, 0, 0)},
			Abstract: "Among various advantages, their small size makes model organisms preferred subjects of investigation. Yet, even in model systems detailed analysis of numerous developmental processes at cellular level is severely hampered by their scale.",
		}, Warnings: []string{`SN: ISSN "2050084X" written as "2050-084X"`}}},
	}, {
		// The first tag is "TY -  BOOK"; the last line has no line break.
		file: "drexel.ris_bug.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:     "Validation of an Image-based Subject-Specific Dynamic Model of the Ankle Joint Complex and its Applications to the Study of the Effect of Articular Surface Morphology on Ankle Joint Mechanics",
			Authors:   []ld.Author{person("Vishnuvardhan", "Balakrishnan")},
			DOI:       "10.17918/ERNK-6431",
			URL:       "https://idea.library.drexel.edu/islandora/object/idea:8247",
			Dates:     ld.Dates{Published: date(2018, 0, 0)},
			Abstract:  drexelAbstract(t),
			Publisher: &ld.Publisher{Name: "Drexel University"},
		}, Warnings: []string{
			`TY: reference type "BOOK" is not a work type scholarld maps: read as an article`,
		}}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := testkit.Shared(t, "fixtures", "ris", tt.file)
			readertest.CheckRecords(t, readFile(t, path), tt.want)
		})
	}
}

// drexelAbstract is the AB line of the Drexel fixture, whose 2000
// characters are checked by their ends and length here.
func drexelAbstract(t *testing.T) string {
	data, err := os.ReadFile(testkit.Shared(t, "fixtures", "ris", "drexel.ris_bug.ris"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "\nAB  - ")
	abstract, _, _ := strings.Cut(rest, "\n")
	if !strings.HasPrefix(abstract, "3D image based subject specific models") ||
		!strings.HasSuffix(abstract, "of the ankle joint is also presented.") || len(abstract) != 2223 {
		t.Fatalf("the fixture's abstract is not the one expected: %d bytes", len(abstract))
	}
	return abstract
}

func TestTestdata(t *testing.T) {
	tests := []struct {
		file string
		want []readertest.Want
	}{{
		// BOM, CRLF, header lines, "TY -  JOUR", "TI  -Tolerant", "AU- Roe",
		// trailing spaces, blank lines, lower-case tags, no final ER.
		file: "spacing.ris",
		want: []readertest.Want{{Line: 4, Article: &ld.Article{
			Title:   "Tolerant spacing",
			Authors: []ld.Author{person("Jane", "Doe"), person("Edgar A.", "Poe"), person("Richard", "Roe")},
			Dates:   ld.Dates{Published: date(2020, 0, 0)},
		}}, {Line: 13, Article: &ld.Article{
			Title:   "Lower-case tags",
			Authors: []ld.Author{person("Jane", "Doe")},
		}}, {Line: 17, Article: &ld.Article{
			Title: "No final ER",
			Dates: ld.Dates{Published: date(2021, 0, 0)},
		}, Warnings: []string{"ER: the record has no ER line: it ends with the input"}}},
	}, {
		file: "fields.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title: "Every <i>tag</i> read",
			Authors: []ld.Author{
				{Given: "Amos B.", Family: "Smith", Suffix: "III"},
				person("Jan", "van der Berg"),
				{Kind: ld.OrganizationAuthor, Name: "World Health Organization"},
				{Family: "Sheherazade"},
			},
			Journal: &ld.Journal{
				Title:        "International Journal of Molecular Sciences",
				Abbreviation: "Int J Mol Sci",
				ISSNs:        []ld.ISSN{{Value: "1422-0067", Kind: ld.ElectronicISSN}, {Value: "1661-6596", Kind: ld.PrintISSN}},
				Publisher:    &ld.Publisher{Name: "MDPI", Address: &ld.Address{City: "Basel"}},
			},
			Volume:    "15",
			Issue:     "8",
			FirstPage: "14348",
			LastPage:  "14363",
			DOI:       "10.3390/ijms150814348",
			URL:       "https://www.mdpi.com/1422-0067/15/8/14348",
			Dates:     ld.Dates{Published: date(2014, 8, 18)},
			Keywords:  []string{"histology", "secondary growth"},
			Section:   "Biochemistry",
			Abstract:  "An abstract with H<sub>2</sub>O that continues on a second line.",
			Language:  "en",
			Files: []ld.File{
				{URL: "https://www.mdpi.com/1422-0067/15/8/14348/ijms-15-14348.PDF?download=1", MediaType: "application/pdf"},
				{URL: "https://www.mdpi.com/1422-0067/15/8/14348/htm"},
			},
		}, Warnings: []string{
			`A2: secondary author or editor not held by the model: "Editor, Ed"`,
			`ED: editor not held by the model: "Other, Editor"`,
			`SN: ISSN "16616596" written as "1661-6596"`,
			`SN: ISBN 9780306406157 not held by the model`,
			`N1: note not held by the model: "A note"`,
			`AD: author address not held by the model: "University of Somewhere"`,
			`ZZ: unknown tag: "An unknown tag" not kept`,
			`T1: a second title "A second, different title": not kept`,
			`JO: another journal name "Int. J. Mol. Sci.": not kept`,
			`J2: another journal abbreviation "Int. J. Mol. Sci.": not kept`,
			`N2: a second abstract: not kept`,
			`L1: dropped: URL "internal-pdf://1234/file.pdf": scheme "internal-pdf" is not http or https`,
			`PY: date information "Summer" not held by the model`,
		}}},
	}, {
		file: "dates.ris",
		want: []readertest.Want{
			{Line: 1, Article: &ld.Article{Title: "PY refined by DA", Dates: ld.Dates{Published: date(2014, 8, 18)}}},
			{Line: 6, Article: &ld.Article{Title: "DA as a month name", Dates: ld.Dates{Published: date(1948, 7, 0)}}},
			{Line: 11, Article: &ld.Article{Title: "DA disagrees", Dates: ld.Dates{Published: date(2014, 0, 0)}}, Warnings: []string{
				`Y2: access date not held by the model: "2020/01/01"`,
				"DA: date 2015-01-02 disagrees with PY 2014: not kept",
			}},
			{Line: 17, Article: &ld.Article{Title: "Y1 alone in ISO form", Dates: ld.Dates{Published: date(2014, 8, 0)}}},
			{Line: 21, Article: &ld.Article{Title: "No date at all but text"}, Warnings: []string{`PY: not a date: "in press"`}},
			{Line: 25, Err: `dates.ris:27:1: PY: ris: date "2014/02/30/" does not exist: dates: "2014/02/30/": day 30 of 2014-02 does not exist`},
			{Line: 29, Article: &ld.Article{Title: "Short RIS forms", Dates: ld.Dates{Published: date(2014, 8, 18)}}},
		},
	}, {
		// One bad record among good ones rejects only itself.
		file: "malformed.ris",
		want: []readertest.Want{
			{Line: 1, Article: &ld.Article{Title: "First record", Dates: ld.Dates{Published: date(2001, 0, 0)}}},
			{Line: 6, Err: `malformed.ris:8:1: ris: malformed tag line "A  - Smith, John": a tag is a letter and a letter or digit, then two spaces and a hyphen`},
			{Line: 12, Err: "malformed.ris:12:1: ris: record starts with TI, not TY"},
			{Line: 15, Article: &ld.Article{
				Title:    "Fourth record",
				Abstract: "Its abstract runs on and - this line is a continuation, not a tag.",
			}},
			{Line: 20, Err: "malformed.ris:20:1: TI: ris: the record has no title (TI or T1)"},
		},
	}, {
		file: "urls.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:     "Links",
			FirstPage: "1234",
			LastPage:  "1256",
			DOI:       "10.7554/eLife.01567",
			URL:       "https://elifesciences.org/articles/01567",
			Language:  "en",
			Files:     []ld.File{{URL: "https://elifesciences.org/download/elife-01567-v1.pdf", MediaType: "application/pdf"}},
		}, Warnings: []string{
			`SN: dropped: ISSN "1234-5678": check digit is 8, want 9`,
			"SN: not kept: the model holds ISSNs only for a journal, and the record names none",
			`UR: another link "https://elifesciences.org/articles/01567/other": not kept`,
			`EP: shortened end page "56" read as "1256"`,
		}}, {Line: 13, Article: &ld.Article{
			Title:     "Pages backwards and a bad DOI",
			FirstPage: "200",
		}, Warnings: []string{
			`LA: dropped: "Klingonese" is neither a BCP 47 tag nor a known language name`,
			`DO: dropped: DOI "11.1234/nope": does not start with "10."`,
			`UR: dropped: URL "ftp://example.org/x": scheme "ftp" is not http or https`,
			`EP: end page "100" comes before start page "200": not kept`,
		}}},
	}, {
		// Scopus: ISSN qualifiers, a DOI written as a URL.
		file: "scopus.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:   "Transcription factors: From enhancer binding to developmental control",
			Authors: []ld.Author{person("F.", "Spitz"), person("E.E.M.", "Furlong")},
			Journal: &ld.Journal{
				Title:        "Nature Reviews Genetics",
				Abbreviation: "Nat. Rev. Genet.",
				ISSNs:        []ld.ISSN{{Value: "1471-0056"}, {Value: "1471-0064", Kind: ld.LinkingISSN}},
			},
			Volume:    "13",
			Issue:     "9",
			FirstPage: "613",
			LastPage:  "626",
			DOI:       "10.1038/nrg3207",
			Dates:     ld.Dates{Published: date(2012, 0, 0)},
			Language:  "en",
		}, Warnings: []string{
			`SN: ISSN "14710056" written as "1471-0056"`,
			`M3: type of work not held by the model: "Review"`,
			`DB: database name not held by the model: "Scopus"`,
		}}},
	}, {
		// Crossref-derived JATS markup; values that disagree.
		file: "edges.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:     "A <i>JATS</i> title",
			Abstract:  "An abstract in <sup>JATS</sup>.",
			FirstPage: "10",
			LastPage:  "20",
			Volume:    "1",
		}, Warnings: []string{
			`EP: end page "21" differs from the range in SP, which ends at "20": not kept`,
			`VL: a second value "2": not kept`,
			"AU: empty author: not kept",
		}}},
	}, {
		file: "latin1.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:   "Café – naïve",
			Authors: []ld.Author{person("Jürgen", "Müller")},
		}, Warnings: []string{"TY: the input is not UTF-8: read as Windows-1252"}}},
	}, {
		// Each RIS type the model holds beyond the journal article, with
		// the tags the 2011 specification gives it.
		file: "worktypes.ris",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:     "A conference paper",
			Type:      ld.ConferencePaper,
			Authors:   []ld.Author{person("Ada", "Lovelace")},
			FirstPage: "1", LastPage: "10",
			Dates:     ld.Dates{Published: date(2020, 0, 0)},
			Book:      &ld.Book{Title: "Proceedings of the Example Conference", ISBNs: []string{"9783161484100"}, Editors: []ld.Author{person("Erin", "Editor")}},
			Series:    &ld.Series{Title: "Lecture Notes in Examples"},
			Event:     &ld.Event{Name: "Example Conference 2020", Place: "Lisbon, Portugal"},
			Publisher: &ld.Publisher{Name: "Example Society"},
		}}, {Line: 16, Article: &ld.Article{
			Title:     "A chapter",
			Type:      ld.BookChapter,
			Dates:     ld.Dates{Published: date(2019, 0, 0)},
			Book:      &ld.Book{Title: "A Book of Chapters", ISBNs: []string{"0306406152"}, Editors: []ld.Author{person("Erin", "Editor")}},
			Publisher: &ld.Publisher{Name: "Example Press", Address: &ld.Address{City: "Oxford"}},
		}}, {Line: 26, Article: &ld.Article{
			Title:        "A working paper",
			Type:         ld.WorkingPaper,
			Dates:        ld.Dates{Published: date(2022, 0, 0)},
			Series:       &ld.Series{Title: "NBER Working Paper Series"},
			ReportNumber: "29971",
			Publisher:    &ld.Publisher{Name: "National Bureau of Economic Research"},
		}}, {Line: 35, Article: &ld.Article{
			Title:   "A journal article",
			Journal: &ld.Journal{Title: "Journal of Tests", ISSNs: []ld.ISSN{{Value: "1422-0067"}}},
			Dates:   ld.Dates{Published: date(2021, 0, 0)},
		}, Warnings: []string{`A2: secondary author or editor not held by the model: "Editor, Erin"`}}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			readertest.CheckRecords(t, readFile(t, filepath.Join("testdata", tt.file)), tt.want)
		})
	}
}

// TestTagLines checks which lines are tags, continuations or errors.
func TestTagLines(t *testing.T) {
	tests := []struct {
		name, line string
		abstract   string // what the AB value becomes with line after it
		err        string
	}{
		{name: "standard", line: "KW  - x", abstract: "a"},
		{name: "missing space after dash", line: "KW  -x", abstract: "a"},
		{name: "one space before dash", line: "KW - x", abstract: "a"},
		{name: "no space before dash", line: "KW- x", abstract: "a"},
		{name: "lower case in standard layout", line: "kw  - x", abstract: "a"},
		{name: "lower case in loose layout is text", line: "kw - x", abstract: "a kw - x"},
		{name: "unknown tag in loose layout is text", line: "UK - based", abstract: "a UK - based"},
		{name: "hyphenated word is text", line: "AB-initio", abstract: "a AB-initio"},
		{name: "indented line is text", line: "  KW  - x", abstract: "a KW - x"},
		{name: "one-letter tag", line: "K  - x", err: `in.ris:3:1: malformed tag line "K  - x"`},
		{name: "three-letter tag", line: "KWD  - x", err: `in.ris:3:1: malformed tag line "KWD  - x"`},
		{name: "digit first", line: "1K  - x", err: `in.ris:3:1: malformed tag line "1K  - x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := "TY  - JOUR\nAB  - a\n" + tt.line + "\nTI  - T\nER  - \n"
			records, err := ris.Read([]byte(input), "in.ris")
			if err != nil {
				t.Fatal(err)
			}
			if len(records) != 1 {
				t.Fatalf("got %d records", len(records))
			}
			r := records[0]
			if tt.err != "" {
				var syntaxErr *reader.SyntaxError
				if !errors.As(r.Err, &syntaxErr) || !strings.HasPrefix(strings.Replace(r.Err.Error(), ": ris: ", ": ", 1), tt.err) {
					t.Fatalf("error %v, want a *reader.SyntaxError starting %q", r.Err, tt.err)
				}
				if syntaxErr.Pos.Line != 3 || errors.Unwrap(syntaxErr) == nil {
					t.Errorf("error at %v with cause %v, want line 3 and a cause", syntaxErr.Pos, errors.Unwrap(syntaxErr))
				}
				return
			}
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if r.Article.Abstract != tt.abstract {
				t.Errorf("abstract %q, want %q", r.Article.Abstract, tt.abstract)
			}
		})
	}
}

func TestLineEnds(t *testing.T) {
	for _, end := range []string{"\n", "\r\n", "\r"} {
		input := strings.Join([]string{"TY  - JOUR", "TI  - A title", "  continued", "PY  - 2014", "ER  - ", ""}, end)
		records, err := ris.Read([]byte(input), "in.ris")
		if err != nil {
			t.Fatalf("%q: %v", end, err)
		}
		readertest.CheckRecords(t, records, []readertest.Want{{Line: 1, Article: &ld.Article{Title: "A title continued", Dates: ld.Dates{Published: date(2014, 0, 0)}}}})
	}
}

func TestNotRIS(t *testing.T) {
	for _, input := range []string{"", "just text\n", "@article{k, title={x}}", "ER  - \n"} {
		if records, err := ris.Read([]byte(input), "in.ris"); err == nil {
			t.Errorf("Read(%q) = %v, want an error", input, records)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		input string
		want  bool
	}{
		{"TY  - JOUR\nTI  - x\nER  - \n", true},
		{"\ufeff\r\nTY  - JOUR\r\n", true},
		{"Provider: Elsevier\nDatabase: ScienceDirect\n\nTY  - JOUR\n", true},
		{"TY -  BOOK\n", true},
		{"TI  - no type first\nTY  - JOUR\n", false},
		{"", false},
		{"@article{key, title = {TY  - JOUR}}", false},
		{"<html>\nTY  - JOUR\n", false},
		{`{"TY": "JOUR"}`, false},
		{strings.Repeat("header\n", 600) + "TY  - JOUR\n", false},
	}
	for _, tt := range tests {
		if got := ris.Sniff([]byte(tt.input)); got != tt.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tt.input, got, tt.want)
		}
	}
}

func ExampleRead() {
	input := "TY  - JOUR\r\n" +
		"TI  - Automated quantitative histology\r\n" +
		"AU  - Sankar, Martial\r\n" +
		"AU  - Hardtke, Christian S\r\n" +
		"T2  - eLife\r\n" +
		"SN  - 2050084X\r\n" +
		"VL  - 3\r\n" +
		"PY  - 2014/02/25/\r\n" +
		"UR  - https://doi.org/10.7554/eLife.01567\r\n" +
		"ER  - \r\n"
	records, err := ris.Read([]byte(input), "example.ris")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range records {
		a := r.Article
		fmt.Println(a.Title)
		for _, author := range a.Authors {
			fmt.Printf("%s | %s\n", author.Family, author.Given)
		}
		fmt.Println(a.Journal.Title, a.Journal.ISSNs[0].Value, a.Volume, a.DOI, a.Dates.Published)
		for _, w := range r.Warnings {
			fmt.Println("warning:", w)
		}
	}
	// Output:
	// Automated quantitative histology
	// Sankar | Martial
	// Hardtke | Christian S
	// eLife 2050-084X 3 10.7554/eLife.01567 2014-02-25
	// warning: SN: ISSN "2050084X" written as "2050-084X"
}

func ExampleSniff() {
	fmt.Println(ris.Sniff([]byte("TY  - JOUR\r\nTI  - A title\r\nER  - \r\n")))
	fmt.Println(ris.Sniff([]byte("@article{key, title = {x}}")))
	// Output:
	// true
	// false
}

// FuzzRead checks that Read never panics, that every record is either an
// article that passes ld.Check or a typed error, and that an input error
// leaves no records.
func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.ris", "ris/*.ris")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := ris.Read(data, "fuzz.ris")
		readertest.CheckFuzzRecords(t, records, err)
	})
}
