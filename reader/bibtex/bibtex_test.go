package bibtex_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/bibtex"
)

func readFile(t *testing.T, path string) []reader.Record {
	t.Helper()
	return readertest.ReadFile(t, bibtex.Read, path, filepath.Base(path))
}

func date(year, month, day int) ld.Date { return ld.Date{Year: year, Month: month, Day: day} }

func person(given, family string) ld.Author { return ld.Author{Given: given, Family: family} }

func TestSharedFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []readertest.Want
	}{{
		file: "elife.01567.crossref.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title: "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth",
			Authors: []ld.Author{
				person("Martial", "Sankar"), person("Kaisa", "Nieminen"), person("Laura", "Ragni"),
				person("Ioannis", "Xenarios"), person("Christian S", "Hardtke"),
			},
			Journal: &ld.Journal{
				Title:     "eLife",
				ISSNs:     []ld.ISSN{{Value: "2050-084X"}},
				Publisher: &ld.Publisher{Name: "eLife Sciences Organisation, Ltd."},
			},
			Volume:   "3",
			DOI:      "10.7554/elife.01567",
			URL:      "http://elifesciences.org/lookup/doi/10.7554/eLife.01567",
			Dates:    ld.Dates{Published: date(2014, 2, 0)},
			License:  &ld.License{URL: "http://creativecommons.org/licenses/by/3.0/"},
			Abstract: "Among various advantages, their small size makes model organisms preferred subjects of investigation. Yet, even in model systems detailed analysis of numerous developmental processes at cellular level is severely hampered by their scale.",
		}}},
	}, {
		file: "icad.12730.biblatex-orcid.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title: "Mapping wing morphs of <i>Tetrix subulata</i> using citizen science data: Flightless groundhoppers are more prevalent in grasslands near water",
			Authors: []ld.Author{
				{Given: "Lars G.", Family: "Willighagen", ORCID: "0000-0002-4751-4637"},
				{Given: "Eelke", Family: "Jongejans", ORCID: "0000-0003-1148-7419"},
			},
			Journal: &ld.Journal{Title: "Insect Conservation and Diversity"},
			DOI:     "10.1111/icad.12730",
			Dates:   ld.Dates{Published: date(2024, 3, 2)},
		}}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := testkit.Shared(t, "fixtures", "bibtex", tt.file)
			readertest.CheckRecords(t, readFile(t, path), tt.want)
		})
	}
}

func TestTestdata(t *testing.T) {
	tests := []struct {
		file string
		want []readertest.Want
	}{{
		// @string, #, month macros, quoted values, parentheses, bare
		// numbers; @comment and @preamble give no record.
		file: "macros.bib",
		want: []readertest.Want{{Line: 7, Article: &ld.Article{
			Title: `A Quoted title with Ümlauts, and a "quote"`,
			Journal: &ld.Journal{
				Title:     "Journal of Cell Biology",
				Publisher: &ld.Publisher{Name: "Rockefeller University Press"},
			},
			Volume: "219",
			Issue:  "4",
			Dates:  ld.Dates{Published: date(2020, 3, 0)},
		}}},
	}, {
		file: "latex.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title: "Étude of über-cafés in Français, España and Škoda: <i>E. coli</i> & <b>bold</b> CO<sub>2</sub>, " +
				"<sup>13</sup>C, x<sup>2</sup>, H<sub>2</sub>O at 5%, 10–20 µm, øre å Straße, naïve, día, LaTeX and " +
				"<i>nested <b>both</b></i> in <i>declared italics</i> and <sc>Small Caps</sc> kept text",
			Authors: []ld.Author{
				person("Göran", "Oláh"), person("Søren", "Østergaard"),
				person("Jürgen", "Groß"), person("José", "Nuñez"),
			},
			Journal:  &ld.Journal{Title: "Revista Española"},
			Dates:    ld.Dates{Published: date(2019, 0, 0)},
			Abstract: "Ratio α ≤ 0.05 at 37°C; p < 0.01 and “quoted” — done.",
		}, Warnings: []string{`title: unknown LaTeX command \unknowncmd (its argument is kept as text)`}}},
	}, {
		file: "names.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title: "Names",
			Authors: []ld.Author{
				{Given: "John A.", Family: "Smith", ORCID: "0000-0002-1825-0097"},
				{Given: "Ludwig", Family: "van Beethoven", ORCID: "0000-0001-5109-3700"},
				person("Jan", "van der Berg"),
				{Given: "Amos B.", Family: "Smith", Suffix: "Jr."},
				person("Per", "Brinch Hansen"),
				{Kind: ld.OrganizationAuthor, Name: "World Health Organization"},
				{Kind: ld.OrganizationAuthor, Name: "The LIGO Scientific Collaboration"},
				person("Maria", "De Leo"),
				{Family: "Sheherazade"},
				{Given: "Henry", Family: "Ford", Suffix: "III"},
				person("Jane", "Doe"),
			},
			Journal: &ld.Journal{Title: "Names Quarterly"},
			Dates:   ld.Dates{Published: date(2021, 0, 0)},
		}, Warnings: []string{
			`author: the list ends with "and others": further authors are not named`,
			`author+an: annotation "3=\"corresponding\"" of name 3 not held by the model`,
		}}},
	}, {
		file: "fields.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:   "Every field",
			Authors: []ld.Author{person("Jane", "Doe")},
			Journal: &ld.Journal{
				Title:        "International Journal of Molecular Sciences",
				Abbreviation: "Int. J. Mol. Sci.",
				ISSNs:        []ld.ISSN{{Value: "1422-0067"}, {Value: "1661-6596"}},
				Publisher:    &ld.Publisher{Name: "MDPI", Address: &ld.Address{City: "Basel"}},
			},
			Volume:    "15",
			Issue:     "8",
			FirstPage: "14348",
			LastPage:  "14363",
			DOI:       "10.3390/ijms150814348",
			URL:       "https://www.mdpi.com/1422-0067/15/8/14348",
			Dates:     ld.Dates{Published: date(2014, 8, 18)},
			License:   &ld.License{URL: "https://creativecommons.org/licenses/by/3.0/"},
			Copyright: &ld.Copyright{Statement: "© 2014 by the authors; licensee MDPI"},
			Keywords:  []string{"histology", "Arabidopsis, thaliana", "secondary growth"},
			Abstract:  "Short <i>abstract</i>.",
			Language:  "en",
			Files:     []ld.File{{URL: "https://www.mdpi.com/1422-0067/15/8/14348/pdf", MediaType: "application/pdf"}},
		}, Warnings: []string{
			`issn: ISSN "16616596" written as "1661-6596"`,
			`file: file "Snapshot:/home/jane/Zotero/storage/X/14348.html" is not a web address: not kept`,
			`note: note not held by the model: "Special issue on plants"`,
			`pmid: field not held by the model: "25196601"`,
			`journal: journal "Int. J. Mol. Sci." differs from journaltitle "International Journal of Molecular Sciences": not kept`,
		}}, {Line: 25, Article: &ld.Article{
			Title:         "An article number",
			Authors:       []ld.Author{person("Richard", "Roe")},
			Journal:       &ld.Journal{Title: "eLife"},
			FirstPage:     "1234",
			LastPage:      "1256",
			ArticleNumber: "e01567",
			Dates:         ld.Dates{Published: date(2014, 2, 18)},
			Language:      "de-CH",
			Files:         []ld.File{{URL: "https://elifesciences.org/articles/01567.pdf", MediaType: "application/pdf"}},
		}, Warnings: []string{
			`pages: shortened end page "56" read as "1256"`,
			`doi: dropped: DOI "not a doi": does not start with "10."`,
			`issn: dropped: ISSN "1234-5678": check digit is 8, want 9`,
		}}},
	}, {
		// A whole field in double braces is one organisation; identifiers
		// lose their LaTeX escapes and \url.
		file: "identifiers.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:   "Identifiers",
			Authors: []ld.Author{{Kind: ld.OrganizationAuthor, Name: "World Health Organization"}},
			DOI:     "10.1000/a_b",
			URL:     "https://example.org/a_b?x=1%202",
		}}},
	}, {
		// What cannot be used is reported, field by field.
		file: "edges.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:     "ORCID annotations that cannot be used",
			Authors:   []ld.Author{person("Jane", "Doe"), person("Richard", "Roe")},
			Issue:     "2",
			FirstPage: "10",
			LastPage:  "20",
			Language:  "de",
			License:   &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "CC BY 4.0"},
			Dates:     ld.Dates{Published: date(2014, 8, 18)},
		}, Warnings: []string{
			`author: name 3 "{}" holds no letters: not kept`,
			`issue: issue "3" differs from the one already read, "2": not kept`,
			`pages: pages "10–20, 30–40" are several ranges: only the first, "10–20", is kept`,
			`language: dropped: "klingonese" is neither a BCP 47 tag nor a known language name`,
			`copyright: a second licence "https://creativecommons.org/licenses/by/4.0/": not kept`,
			`month: month "jul" disagrees with date 2014-08-18: not kept`,
			`day: day "19" disagrees with date 2014-08-18: not kept`,
			`author+an:orcid: dropped: ORCID "0000-0002-1825-0098": check digit is 8, want 7`,
			`author+an:orcid: ORCID "0000-0002-1825-0097" for name 5, but the entry has 2 authors: not kept`,
			`author+an:orcid: annotation "orcid" is not about one name: not kept`,
		}}},
	}, {
		file: "types.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:   "A conference paper",
			Type:    ld.ConferencePaper,
			Authors: []ld.Author{person("Jane", "Doe")},
			Dates:   ld.Dates{Published: date(2020, 0, 0)},
			Book:    &ld.Book{Title: "Proceedings of the Conference"},
		}}, {Line: 8, Article: &ld.Article{
			Title:     "A conference paper with its event",
			Type:      ld.ConferencePaper,
			Dates:     ld.Dates{Published: date(2020, 0, 0)},
			Book:      &ld.Book{Title: "Proceedings of the Example Conference", ISBNs: []string{"9783161484100"}, Editors: []ld.Author{person("Erin", "Editor"), person("Otto", "Other")}},
			Series:    &ld.Series{Title: "Lecture Notes in Examples"},
			Event:     &ld.Event{Name: "Example Conference 2020", Place: "Lisbon, Portugal"},
			Publisher: &ld.Publisher{Name: "Example Society"},
		}}, {Line: 20, Article: &ld.Article{
			Title:     "A chapter",
			Type:      ld.BookChapter,
			Dates:     ld.Dates{Published: date(2019, 0, 0)},
			FirstPage: "11", LastPage: "20",
			Book:      &ld.Book{Title: "A Book of Chapters", ISBNs: []string{"0306406152"}, Editors: []ld.Author{person("Erin", "Editor")}},
			Publisher: &ld.Publisher{Name: "Example Press", Address: &ld.Address{City: "Oxford"}},
		}}, {Line: 31, Article: &ld.Article{
			Title:        "A technical report",
			Type:         ld.Report,
			Dates:        ld.Dates{Published: date(2018, 0, 0)},
			ReportNumber: "TR-1",
			Publisher:    &ld.Publisher{Name: "Example Institute"},
		}}, {Line: 38, Article: &ld.Article{
			Title:       "A preprint",
			Type:        ld.Preprint,
			Dates:       ld.Dates{Published: date(2021, 0, 0)},
			Identifiers: []ld.Identifier{{Scheme: ld.ArXiv, Value: "2101.00001"}},
			Publisher:   &ld.Publisher{Name: "arXiv"},
		}, Warnings: []string{`primaryclass: field not held by the model: "cs.DL"`}}, {Line: 46, Article: &ld.Article{
			Title: "A thesis",
			Dates: ld.Dates{Published: date(2016, 0, 0)},
		}, Warnings: []string{
			"@phdthesis: entry type @phdthesis is not a work type scholarld maps: read as an article",
			`school: field not held by the model: "Example University"`,
		}}},
	}, {
		file: "dates.bib",
		want: []readertest.Want{
			{Line: 1, Article: &ld.Article{Title: "Range", Dates: ld.Dates{Published: date(2014, 8, 0)}}, Warnings: []string{
				`date: date range "2014-08/2014-09": only its start is kept`,
				`year: year "2013" disagrees with date 2014-08: not kept`,
			}},
			{Line: 2, Article: &ld.Article{Title: "In press"}, Warnings: []string{
				`year: not a year: "in press"`,
				"month: not kept: a month without a year",
			}},
			{Line: 3, Article: &ld.Article{Title: "Day without month", Dates: ld.Dates{Published: date(2014, 0, 0)}}, Warnings: []string{
				"day: not kept: a day without a month",
			}},
			{Line: 4, Err: "dates.bib:4:74: day: bibtex: date does not exist: day 30 of 2014-02 does not exist"},
			{Line: 5, Err: `dates.bib:5:56: month: bibtex: month "13" does not exist`},
			{Line: 6, Err: `dates.bib:6:39: date: bibtex: date "2014-02-30" does not exist: dates: "2014-02-30": day 30 of 2014-02 does not exist`},
			{Line: 7, Err: `dates.bib:7:1: title: bibtex: entry "notitle" has no title`},
		},
	}, {
		// One bad entry among good ones rejects only itself.
		file: "malformed.bib",
		want: []readertest.Want{
			{Line: 1, Article: &ld.Article{Title: "The first entry", Dates: ld.Dates{Published: date(2001, 0, 0)}}},
			{Line: 6, Err: "malformed.bib:8:3: bibtex: expected , or } after field title, found 'y'"},
			{Line: 11, Article: &ld.Article{Title: "The third entry", Dates: ld.Dates{Published: date(2003, 0, 0)}}},
		},
	}, {
		// An unclosed brace swallows text up to a later brace; reading
		// resumes at the next entry.
		file: "unbalanced.bib",
		want: []readertest.Want{
			{Line: 1, Err: "unbalanced.bib:6:1: bibtex: expected , or } after field title, found '@'"},
			{Line: 6, Article: &ld.Article{Title: "Read after the broken entry"}},
		},
	}, {
		file: "truncated.bib",
		want: []readertest.Want{{Line: 1, Err: "truncated.bib:3:20: bibtex: unexpected end of input: { opened at 3:12 is not closed"}},
	}, {
		file: "latin1.bib",
		want: []readertest.Want{{Line: 1, Article: &ld.Article{
			Title:   "Café naïve – “quoted”",
			Authors: []ld.Author{person("Jürgen", "Müller")},
		}, Warnings: []string{"@article: the input is not UTF-8: read as Windows-1252"}}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			readertest.CheckRecords(t, readFile(t, filepath.Join("testdata", tt.file)), tt.want)
		})
	}
}

// TestSyntaxErrors checks where each kind of malformed entry is reported.
func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"no delimiter", "@article title = {x}", "in.bib:1:10: expected { or ( after @article, found 't'"},
		{"missing comma after key", "@article{key title = {x}}", `in.bib:1:14: expected , after the key "key", found 't'`},
		{"missing equals", "@article{key,\n  title {x}}", "in.bib:2:9: expected = in field title, found '{'"},
		{"no field name", "@article{key, = {x}}", "in.bib:1:15: expected a field name, found '='"},
		{"no value", "@article{key, title = }", "in.bib:1:23: expected a value for title, found '}'"},
		{"open quote", "@article{key, title = \"x", "in.bib:1:25: unexpected end of input: \" opened at 1:23 is not closed"},
		{"brace in quotes", "@article{key, title = \"x}\"}", "in.bib:1:25: unbalanced } in a quoted value"},
		{"end after type", "@article", "in.bib:1:9: unexpected end of input after @article"},
		{"end after field", "@article{key, title = {x}", "in.bib:1:26: unexpected end of input: entry @article{key at 1:1 is not closed"},
		{"end after concatenation", "@article{key, title = {x} #", "in.bib:1:28: unexpected end of input: the value of title is missing"},
		{"bad string", "@string{jcb \"x\"}", "in.bib:1:13: expected = in @string jcb, found '\"'"},
		{"bad preamble", "@preamble{\"x\" \"y\"}", "in.bib:1:15: expected } in @preamble, found '\"'"},
		{"unclosed comment", "@comment{never closed", "in.bib:1:22: unexpected end of input: { opened at 1:9 is not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := bibtex.Read([]byte(tt.input), "in.bib")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(records) != 1 || records[0].Err == nil {
				t.Fatalf("want one rejected record, got:\n%s", readertest.Show(records))
			}
			var syntaxErr *reader.SyntaxError
			if !errors.As(records[0].Err, &syntaxErr) || errors.Unwrap(syntaxErr) == nil {
				t.Fatalf("error %T is not a *reader.SyntaxError with a cause", records[0].Err)
			}
			if got := strings.Replace(records[0].Err.Error(), ": bibtex: ", ": ", 1); got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

func TestUndefinedMacro(t *testing.T) {
	records, err := bibtex.Read([]byte("@article{k, title = {T}, journal = nature}"), "in.bib")
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckRecords(t, records, []readertest.Want{{Line: 1, Article: &ld.Article{Title: "T"}, Warnings: []string{
		`journal: undefined macro "nature" expands to nothing`,
	}}})
}

func TestRepeatedFieldAndNotBibTeX(t *testing.T) {
	records, err := bibtex.Read([]byte("@article{k, title = {First}, title = {Second}}"), "in.bib")
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckRecords(t, records, []readertest.Want{{Line: 1, Article: &ld.Article{Title: "First"}, Warnings: []string{
		"title: repeated field: only the first is read",
	}}})
	for _, input := range []string{"", "no entries here, only an e-mail @ someone", `{"title": "JSON"}`} {
		if records, err := bibtex.Read([]byte(input), "in.txt"); err == nil {
			t.Errorf("Read(%q) = %v, want an error", input, records)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		input string
		want  bool
	}{
		{"@article{key,\n title = {x}}", true},
		{"\ufeff% Encoding: UTF-8\n\n@Article{key,", true},
		{"Exported by a tool.\n  @book (key,", true},
		{"", false},
		{`{"@article{": 1}`, false},
		{"<html><body>\n@article{key,</body></html>", false},
		{"TY  - JOUR\nTI  - x\nER  - \n", false},
		{"mail me @ home", false},
		{strings.Repeat("%\n", 2100) + "@article{key,", false},
	}
	for _, tt := range tests {
		if got := bibtex.Sniff([]byte(tt.input)); got != tt.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tt.input, got, tt.want)
		}
	}
}

func ExampleRead() {
	input := `@article{sankar2014,
  author  = {Sankar, Martial and Hardtke, Christian S},
  title   = {Automated quantitative histology of \textit{Arabidopsis}},
  journal = {eLife},
  year    = 2014,
  month   = feb,
  volume  = {3},
  eid     = {e01567},
  doi     = {10.7554/eLife.01567},
  note    = {Open access},
}`
	records, err := bibtex.Read([]byte(input), "example.bib")
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
		fmt.Println(a.Journal.Title, a.Volume, a.ArticleNumber, a.DOI, a.Dates.Published)
		for _, w := range r.Warnings {
			fmt.Println("warning:", w)
		}
	}
	// Output:
	// Automated quantitative histology of <i>Arabidopsis</i>
	// Sankar | Martial
	// Hardtke | Christian S
	// eLife 3 e01567 10.7554/eLife.01567 2014-02
	// warning: note: note not held by the model: "Open access"
}

func ExampleSniff() {
	fmt.Println(bibtex.Sniff([]byte("% from Zotero\n@article{key, title = {x}}")))
	fmt.Println(bibtex.Sniff([]byte("TY  - JOUR\nER  - ")))
	// Output:
	// true
	// false
}

// FuzzRead checks that Read never panics, that every record is either an
// article that passes ld.Check or a typed error, and that an input error
// leaves no records.
func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.bib", "bibtex/*.bib")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := bibtex.Read(data, "fuzz.bib")
		readertest.CheckFuzzRecords(t, records, err)
	})
}
