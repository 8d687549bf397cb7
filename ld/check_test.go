package ld_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

func mustParseDate(s string) ld.Date {
	d, err := ld.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// seedArticle is the review of the seed document with every field of the
// model filled, valid as a record. Where the seed lacks a value (the
// article number, the ORCID iD, the e-mail, the reference list) it holds
// an example.
func seedArticle() *ld.Article {
	return &ld.Article{
		Type:       ld.ReviewArticle,
		Title:      "Mesenchymal Stem Cell-Derived Microparticles: A Promising Therapeutic Strategy",
		OpenAccess: new(true),
		Authors: []ld.Author{
			{Given: "Xiaoqing", Family: "Tan", Affiliations: []string{"a1", "a2"}},
			{Given: "Yong-Zhen", Family: "Gong", ORCID: "0000-0002-1825-0097", Affiliations: []string{"a1"}},
			{Kind: ld.PersonAuthor, Given: "Ping", Family: "Wu", Suffix: "Jr.", Name: "Ping Wu Jr.", Affiliations: []string{"a3"}},
			{Given: "Duan-Fang", Family: "Liao", Corresponding: true, Email: "corresponding@example.org", Affiliations: []string{"a1"}},
			{Kind: ld.OrganizationAuthor, Name: "Smooth Muscle Research Group", ROR: "https://ror.org/03yjb2x39"},
		},
		Affiliations: []ld.Affiliation{
			{ID: "a1", Name: "Hunan University of Traditional Chinese Medicine", Department: "Division of Stem Cell Regulation and Application",
				Address: &ld.Address{City: "Changsha", PostalCode: "410208", Country: "China"}},
			{ID: "a2", Name: "University of Calgary", Department: "Department of Biochemistry & Molecular Biology",
				Address: &ld.Address{Street: "3330 Hospital Drive N.W.", City: "Calgary", Region: "AB", PostalCode: "T2N4N1", Country: "CA"},
				ROR:     "https://ror.org/03yjb2x39"},
			{ID: "a3", Name: "Central South University", ROR: "https://ror.org/00f1zfq44"},
		},
		Journal: &ld.Journal{
			Title:        "International Journal of Molecular Sciences",
			Abbreviation: "Int. J. Mol. Sci.",
			ISSNs:        []ld.ISSN{{Value: "1422-0067", Kind: ld.ElectronicISSN}, {Value: "1661-6596", Kind: ld.PrintISSN}},
			Publisher:    &ld.Publisher{Name: "MDPI", Address: &ld.Address{City: "Basel", Country: "Switzerland"}},
		},
		Volume:        "15",
		Issue:         "8",
		FirstPage:     "14348",
		LastPage:      "14363",
		ArticleNumber: "14348",
		DOI:           "10.3390/ijms150814348",
		URL:           "https://www.mdpi.com/1422-0067/15/8/14348",
		Dates: ld.Dates{
			Received:       mustParseDate("2014-06-18"),
			Revised:        []ld.Date{mustParseDate("2014-07-25")},
			Accepted:       mustParseDate("2014-08-04"),
			Published:      mustParseDate("2014-08-18"),
			PublishedPrint: mustParseDate("2014-08"),
		},
		License:   &ld.License{URL: "https://creativecommons.org/licenses/by/3.0/", Label: "CC BY 3.0"},
		Copyright: &ld.Copyright{Holder: "the authors", Year: 2014, Statement: "© 2014 by the authors; licensee MDPI, Basel, Switzerland."},
		Keywords:  []string{"mesenchymal stem cells", "microparticles", "intercellular communication", "clinical therapy"},
		Section:   "Biochemistry",
		Abstract:  "Mesenchymal stem cells (MSCs) are multipotent stem cells that give rise to various cell types of the mesodermal germ layer.",
		Language:  "en",
		Files: []ld.File{{URL: "https://www.mdpi.com/1422-0067/15/8/14348/pdf", MediaType: "application/pdf",
			Size: "4023 KB", Uploaded: mustParseDate("2014-08-19")}},
		GraphicalAbstract: &ld.Image{URL: "https://www.mdpi.com/ijms/ijms-15-14348/article_deploy/html/images/ijms-15-14348-ag.png",
			MediaType: "image/png", Caption: "Graphical abstract"},
		Citation: "Tan, X.; Gong, Y.-Z.; Wu, P.; Liao, D.-F.; Zheng, X.-L. Mesenchymal Stem Cell-Derived Microparticles: A Promising Therapeutic Strategy. Int. J. Mol. Sci. 2014, 15, 14348-14363.",
		References: []ld.Reference{
			{DOI: "10.1016/S0140-6736(20)30183-5"},
			{URL: "https://www.ncbi.nlm.nih.gov/pubmed/12345678"},
			{Text: "Pittenger, M.F. Multilineage potential of adult human mesenchymal stem cells. Science 1999, 284, 143-147."},
		},
		Related: []ld.Related{
			{Relation: ld.NextArticle, URL: "https://www.mdpi.com/1422-0067/15/8/14364",
				Title: "Cross-Species, Amplifiable Microsatellite Markers for Neoverrucid Barnacles from Deep-Sea Hydrothermal Vents Developed Using Next-Generation Sequencing"},
			{Relation: ld.PreviousArticle, DOI: "10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-T"},
			{Relation: ld.HasPreprint, URL: "https://www.preprints.org/manuscript/201407.0001/v1"},
		},
		Subtitle:          "A Review",
		AlternativeTitles: []ld.AlternativeTitle{{Title: "Mikropartikel aus mesenchymalen Stammzellen", Language: "de"}},
		Editors:           []ld.Author{{Given: "Mirjana", Family: "Pavlovic", Affiliations: []string{"a2"}}},
		Funding: []ld.Funding{
			{Funder: ld.Funder{Name: "National Natural Science Foundation of China", ROR: "https://ror.org/01h0zpd94", DOI: "10.13039/501100001809"},
				Award: "81170277", AwardTitle: "Microparticles in vascular remodelling", AwardURL: "https://www.nsfc.gov.cn/"},
		},
		Identifiers: []ld.Identifier{{Scheme: ld.PMID, Value: "25141106"}, {Scheme: ld.PMCID, Value: "PMC4159781"}},
	}
}

// workSeedArticle is a working paper with the fields that only works
// beyond the journal article have: a report number, a series, the book of
// a conference and the event. Its values are examples.
func workSeedArticle() *ld.Article {
	return &ld.Article{
		Type:         ld.WorkingPaper,
		Title:        "Prices and Wages in a Model Economy",
		Authors:      []ld.Author{{Given: "Ada", Family: "Lovelace"}},
		ReportNumber: "w12345",
		Publisher:    &ld.Publisher{Name: "Example Bureau of Economic Research", Address: &ld.Address{City: "Cambridge", Country: "US"}},
		Series:       &ld.Series{Title: "Working Paper Series", ISSNs: []ld.ISSN{{Value: "0898-2937", Kind: ld.PrintISSN}}},
		Book: &ld.Book{Title: "Proceedings of the Example Workshop", ISBNs: []string{"9780306406157"},
			Editors: []ld.Author{{Kind: ld.OrganizationAuthor, Name: "Example Programme Committee"}}},
		Event: &ld.Event{Name: "Example Workshop on Economics", Acronym: "EWE 2024", Place: "Lisbon, Portugal",
			StartDate: mustParseDate("2024-05-06"), EndDate: mustParseDate("2024-05-08")},
	}
}

func TestCheckFullArticle(t *testing.T) {
	if errs := ld.Check(seedArticle()); len(errs) != 0 {
		t.Errorf("Check(seedArticle) = %v", errs)
	}
	if errs := ld.Check(workSeedArticle()); len(errs) != 0 {
		t.Errorf("Check(workSeedArticle) = %v", errs)
	}
	if errs := ld.Check(&ld.Article{Title: "Only a title"}); len(errs) != 0 {
		t.Errorf("Check(title only) = %v", errs)
	}
}

// wantField is one expected FieldError: its exact path and a part of its message.
type wantField struct{ path, msg string }

func TestCheck(t *testing.T) {
	cases := []struct {
		name   string
		change func(a *ld.Article)
		want   []wantField // empty: the changed article is valid
	}{
		// Title and type.
		{"title empty", func(a *ld.Article) { a.Title = "" }, []wantField{{"title", "required"}}},
		{"title blank", func(a *ld.Article) { a.Title = " \t" }, []wantField{{"title", "required"}}},
		{"type unknown", func(a *ld.Article) { a.Type = "revue" },
			[]wantField{{"type", `unknown type "revue" (want one of "research-article", "review", "editorial"`}}},
		{"type empty is fine", func(a *ld.Article) { a.Type = "" }, nil},

		// Authors.
		{"person without names", func(a *ld.Article) { a.Authors[1].Family = ""; a.Authors[1].Name = "" },
			[]wantField{{"authors[1]", "a person needs a family name or a name"}}},
		{"person with only a name", func(a *ld.Article) { a.Authors[1].Family = ""; a.Authors[1].Name = "Sheherazade" }, nil},
		{"organization without name", func(a *ld.Article) { a.Authors[4].Name = "" },
			[]wantField{{"authors[4].name", "required for an organization author"}}},
		{"author kind unknown", func(a *ld.Article) { a.Authors[0].Kind = "group" },
			[]wantField{{"authors[0].kind", `unknown kind "group" (want one of "person", "organization")`}}},
		{"orcid check digit", func(a *ld.Article) { a.Authors[1].ORCID = "0000-0002-1825-0098" },
			[]wantField{{"authors[1].orcid", "check digit is 8, want 7"}}},
		{"orcid as URL", func(a *ld.Article) { a.Authors[1].ORCID = "https://orcid.org/0000-0002-1825-0097" },
			[]wantField{{"authors[1].orcid", `write the bare ORCID iD "0000-0002-1825-0097"`}}},
		{"email", func(a *ld.Article) { a.Authors[3].Email = "liao at example.org" },
			[]wantField{{"authors[3].email", "white space"}}},
		{"author ror bare", func(a *ld.Article) { a.Authors[4].ROR = "03yjb2x39" },
			[]wantField{{"authors[4].ror", `write the full ROR ID "https://ror.org/03yjb2x39"`}}},
		{"author ror checksum", func(a *ld.Article) { a.Authors[4].ROR = "https://ror.org/03yjb2x38" },
			[]wantField{{"authors[4].ror", "checksum is 38, want 39"}}},
		{"affiliation reference dangling", func(a *ld.Article) { a.Authors[0].Affiliations[1] = "a9" },
			[]wantField{{"authors[0].affiliations[1]", `no affiliation has id "a9"`}}},

		// Affiliations.
		{"affiliation id duplicate", func(a *ld.Article) { a.Affiliations[2].ID = "a1"; a.Authors[2].Affiliations = nil },
			[]wantField{{"affiliations[2].id", `duplicate id "a1" (also affiliations[0])`}}},
		{"affiliation id missing", func(a *ld.Article) { a.Affiliations[2].ID = ""; a.Authors[2].Affiliations = nil },
			[]wantField{{"affiliations[2].id", "required"}}},
		{"affiliation without name or department", func(a *ld.Article) { a.Affiliations[2].Name = "" },
			[]wantField{{"affiliations[2]", "an affiliation needs a name or a department"}}},
		{"affiliation with only a department", func(a *ld.Article) { a.Affiliations[0].Name = "" }, nil},
		{"affiliation ror", func(a *ld.Article) { a.Affiliations[1].ROR = "ror.org/03yjb2x39" },
			[]wantField{{"affiliations[1].ror", `write the full ROR ID "https://ror.org/03yjb2x39"`}}},

		// Journal.
		{"journal without title", func(a *ld.Article) { a.Journal.Title = "" }, []wantField{{"journal.title", "required"}}},
		{"issn check digit", func(a *ld.Article) { a.Journal.ISSNs[0].Value = "1422-0068" },
			[]wantField{{"journal.issns[0].value", "check digit is 8, want 7"}}},
		{"issn without hyphen", func(a *ld.Article) { a.Journal.ISSNs[1].Value = "16616596" },
			[]wantField{{"journal.issns[1].value", `write the ISSN as "1661-6596"`}}},
		{"issn value missing", func(a *ld.Article) { a.Journal.ISSNs[1].Value = "" },
			[]wantField{{"journal.issns[1].value", "required"}}},
		{"issn kind unknown", func(a *ld.Article) { a.Journal.ISSNs[1].Kind = "online" },
			[]wantField{{"journal.issns[1].kind", `unknown kind "online" (want one of "print", "electronic", "linking")`}}},

		// Pages.
		{"last page without first", func(a *ld.Article) { a.FirstPage = "" }, []wantField{{"lastPage", "given without firstPage"}}},
		{"pages reversed", func(a *ld.Article) { a.FirstPage, a.LastPage = "14363", "14348" },
			[]wantField{{"lastPage", "14348 is before firstPage 14363"}}},
		{"pages reversed, different lengths", func(a *ld.Article) { a.FirstPage, a.LastPage = "100", "99" },
			[]wantField{{"lastPage", "99 is before firstPage 100"}}},
		{"pages equal", func(a *ld.Article) { a.LastPage = a.FirstPage }, nil},
		{"pages not numeric", func(a *ld.Article) { a.FirstPage, a.LastPage = "xii", "iv" }, nil},
		{"pages and article number", func(a *ld.Article) { a.ArticleNumber = "e01567" }, nil},

		// Identifiers and URLs.
		{"doi as URL", func(a *ld.Article) { a.DOI = "https://doi.org/10.3390/ijms150814348" },
			[]wantField{{"doi", `write the bare DOI "10.3390/ijms150814348"`}}},
		{"doi invalid", func(a *ld.Article) { a.DOI = "10.339/ijms150814348" },
			[]wantField{{"doi", "registrant code 339 has fewer than 4 digits"}}},
		{"url relative", func(a *ld.Article) { a.URL = "/1422-0067/15/8/14348" }, []wantField{{"url", "is relative"}}},
		{"url with space", func(a *ld.Article) { a.URL = "https://www.mdpi.com/a b" },
			[]wantField{{"url", `write the URL as "https://www.mdpi.com/a%20b"`}}},
		{"license url", func(a *ld.Article) { a.License.URL = "creativecommons.org/licenses/by/3.0/" },
			[]wantField{{"license.url", "is relative"}}},
		{"language", func(a *ld.Article) { a.Language = "english" }, []wantField{{"language", "is not BCP 47"}}},
		{"language underscore", func(a *ld.Article) { a.Language = "en_US" }, []wantField{{"language", "not a letter, digit or hyphen"}}},

		// Dates.
		{"date invalid", func(a *ld.Article) { a.Dates.Received = ld.Date{Year: 2014, Month: 2, Day: 30} },
			[]wantField{{"dates.received", "day 30 of 2014-02 does not exist"}}},
		{"revised date invalid", func(a *ld.Article) { a.Dates.Revised = append(a.Dates.Revised, ld.Date{Year: 2014, Month: 13}) },
			[]wantField{{"dates.revised[1]", "month 13 of 2014 does not exist"}}},
		{"revised date empty", func(a *ld.Article) { a.Dates.Revised = append(a.Dates.Revised, ld.Date{}) },
			[]wantField{{"dates.revised[1]", "empty date"}}},
		{"accepted before received", func(a *ld.Article) { a.Dates.Accepted = mustParseDate("2014-06-01") },
			[]wantField{{"dates.accepted", "2014-06-01 is before dates.received 2014-06-18"}}},
		{"revised before received", func(a *ld.Article) { a.Dates.Revised[0] = mustParseDate("2014-06-17") },
			[]wantField{{"dates.revised[0]", "2014-06-17 is before dates.received 2014-06-18"}}},
		{"revisions out of order", func(a *ld.Article) { a.Dates.Revised = append(a.Dates.Revised, mustParseDate("2014-07-01")) },
			[]wantField{{"dates.revised[1]", "2014-07-01 is before dates.revised[0] 2014-07-25"}}},
		{"published before accepted", func(a *ld.Article) { a.Dates.Published = mustParseDate("2014-07") },
			[]wantField{{"dates.published", "2014-07 is before dates.accepted 2014-08-04"}}},
		{"published before received, no accepted", func(a *ld.Article) {
			a.Dates.Accepted, a.Dates.Revised = ld.Date{}, nil
			a.Dates.Published = mustParseDate("2013")
		}, []wantField{{"dates.published", "2013 is before dates.received 2014-06-18"}}},
		{"equal dates", func(a *ld.Article) { a.Dates.Accepted = a.Dates.Published }, nil},
		{"different precision", func(a *ld.Article) {
			a.Dates.Accepted = mustParseDate("2014-08")
			a.Dates.Published = mustParseDate("2014")
		}, nil},
		{"published print anything", func(a *ld.Article) { a.Dates.PublishedPrint = mustParseDate("1999") }, nil},
		{"published print invalid", func(a *ld.Article) { a.Dates.PublishedPrint = ld.Date{Year: 10000} },
			[]wantField{{"dates.publishedPrint", "year 10000 is out of range"}}},

		// Files and the graphical abstract.
		{"file url missing", func(a *ld.Article) { a.Files[0].URL = "" }, []wantField{{"files[0].url", "required"}}},
		{"file url scheme", func(a *ld.Article) { a.Files[0].URL = "ftp://www.mdpi.com/x.pdf" },
			[]wantField{{"files[0].url", `scheme "ftp" is not http or https`}}},
		{"file media type", func(a *ld.Article) { a.Files[0].MediaType = "pdf" },
			[]wantField{{"files[0].mediaType", `"pdf" is not a media type of the form type/subtype`}}},
		{"file media type broken", func(a *ld.Article) { a.Files[0].MediaType = "application/" },
			[]wantField{{"files[0].mediaType", `"application/" is not a media type`}}},
		{"file media type with parameter", func(a *ld.Article) { a.Files[0].MediaType = "text/html; charset=utf-8" }, nil},
		{"file size unit", func(a *ld.Article) { a.Files[0].Size = "4023 kilobytes" },
			[]wantField{{"files[0].size", `"4023 kilobytes" is not a number and a unit`}}},
		{"file size without number", func(a *ld.Article) { a.Files[0].Size = "KB" },
			[]wantField{{"files[0].size", "is not a number and a unit"}}},
		{"file sizes fine", func(a *ld.Article) {
			a.Files = append(a.Files, ld.File{URL: "https://x.org/a", Size: "1.5MiB"}, ld.File{URL: "https://x.org/b", Size: "12 kB"},
				ld.File{URL: "https://x.org/c", Size: "800 B"}, ld.File{URL: "https://x.org/d", Size: "2 GB"})
		}, nil},
		{"file uploaded invalid", func(a *ld.Article) { a.Files[0].Uploaded = ld.Date{Year: 2014, Day: 3} },
			[]wantField{{"files[0].uploaded", "day 3 given without a month"}}},
		{"graphical abstract url", func(a *ld.Article) { a.GraphicalAbstract.URL = "" },
			[]wantField{{"graphicalAbstract.url", "required"}}},
		{"graphical abstract media type", func(a *ld.Article) { a.GraphicalAbstract.MediaType = "png" },
			[]wantField{{"graphicalAbstract.mediaType", "type/subtype"}}},

		// Copyright.
		{"copyright year small", func(a *ld.Article) { a.Copyright.Year = 14 },
			[]wantField{{"copyright.year", "14 is not a year from 1000 to 9999"}}},
		{"copyright year large", func(a *ld.Article) { a.Copyright.Year = 20140 },
			[]wantField{{"copyright.year", "20140 is not a year from 1000 to 9999"}}},
		{"copyright year unset", func(a *ld.Article) { a.Copyright.Year = 0 }, nil},

		// References and related articles.
		{"reference empty", func(a *ld.Article) { a.References[2].Text = " " },
			[]wantField{{"references[2]", "a reference needs a doi, a url or a text"}}},
		{"reference doi", func(a *ld.Article) { a.References[0].DOI = "doi:10.1016/S0140-6736(20)30183-5" },
			[]wantField{{"references[0].doi", `write the bare DOI "10.1016/S0140-6736(20)30183-5"`}}},
		{"reference url", func(a *ld.Article) { a.References[1].URL = "pubmed 12345678" },
			[]wantField{{"references[1].url", "is relative"}}},
		{"related relation unknown", func(a *ld.Article) { a.Related[0].Relation = "follows" },
			[]wantField{{"related[0].relation", `unknown relation "follows" (want one of "next", "previous", "corrects"`}}},
		{"related relation missing", func(a *ld.Article) { a.Related[0].Relation = "" },
			[]wantField{{"related[0].relation", "required"}}},
		{"related without link", func(a *ld.Article) { a.Related[1].DOI = "" },
			[]wantField{{"related[1]", "a related article needs a doi or a url"}}},
		{"related doi", func(a *ld.Article) { a.Related[1].DOI = "10.1002/with space" },
			[]wantField{{"related[1].doi", "white space"}}},
		{"related url", func(a *ld.Article) { a.Related[0].URL = "mailto:editor@mdpi.com" },
			[]wantField{{"related[0].url", `scheme "mailto"`}}},

		// Works beyond the journal article, funding, identifiers, other titles.
		{"type preprint", func(a *ld.Article) { a.Type = ld.Preprint }, nil},
		{"alternative title empty", func(a *ld.Article) { a.AlternativeTitles[0].Title = " " },
			[]wantField{{"alternativeTitles[0].title", "required"}}},
		{"alternative title language", func(a *ld.Article) { a.AlternativeTitles[0].Language = "deutsch!" },
			[]wantField{{"alternativeTitles[0].language", "deutsch!"}}},
		{"publisher without name", func(a *ld.Article) { a.Journal.Publisher = nil; a.Publisher = &ld.Publisher{} },
			[]wantField{{"publisher.name", "required"}}},
		{"publisher twice", func(a *ld.Article) { a.Publisher = &ld.Publisher{Name: "MDPI AG"} },
			[]wantField{{"publisher", "give one of them"}}},
		{"publisher of a work without journal", func(a *ld.Article) { a.Journal = nil; a.Publisher = &ld.Publisher{Name: "MDPI AG"} }, nil},
		{"editor checked as an author", func(a *ld.Article) {
			a.Editors[0].ORCID = "0000-0002-1825-0098"
			a.Editors[0].Affiliations = []string{"a9"}
		},
			[]wantField{{"editors[0].orcid", "check digit is 8, want 7"}, {"editors[0].affiliations[0]", `no affiliation has id "a9"`}}},
		{"funder without name", func(a *ld.Article) { a.Funding[0].Funder.Name = "" },
			[]wantField{{"funding[0].funder.name", "required"}}},
		{"funder ror", func(a *ld.Article) { a.Funding[0].Funder.ROR = "01h0zpd94" },
			[]wantField{{"funding[0].funder.ror", `write the full ROR ID "https://ror.org/01h0zpd94"`}}},
		{"funder id as a URL", func(a *ld.Article) { a.Funding[0].Funder.DOI = "https://doi.org/10.13039/501100001809" },
			[]wantField{{"funding[0].funder.doi", `write the bare DOI "10.13039/501100001809"`}}},
		{"award url", func(a *ld.Article) { a.Funding[0].AwardURL = "www.nsfc.gov.cn" },
			[]wantField{{"funding[0].awardUrl", "www.nsfc.gov.cn"}}},
		{"funding without award", func(a *ld.Article) { a.Funding[0] = ld.Funding{Funder: ld.Funder{Name: "Wellcome Trust"}} }, nil},
		{"identifier scheme unknown", func(a *ld.Article) { a.Identifiers[0].Scheme = "pubmed" },
			[]wantField{{"identifiers[0].scheme", `unknown scheme "pubmed" (want one of "pmid", "pmcid", "openalex", "arxiv")`}}},
		{"identifier scheme missing", func(a *ld.Article) { a.Identifiers[0].Scheme = "" },
			[]wantField{{"identifiers[0].scheme", "required"}}},
		{"identifier value missing", func(a *ld.Article) { a.Identifiers[0].Value = "" },
			[]wantField{{"identifiers[0].value", "required"}}},
		{"pmcid without PMC", func(a *ld.Article) { a.Identifiers[1].Value = "4159781" },
			[]wantField{{"identifiers[1].value", `"4159781" is not a bare pmcid (such as PMC4153410)`}}},
		{"openalex as a URL", func(a *ld.Article) {
			a.Identifiers[0] = ld.Identifier{Scheme: ld.OpenAlex, Value: "https://openalex.org/W2741809807"}
		},
			[]wantField{{"identifiers[0].value", "is not a bare openalex"}}},
		{"arxiv forms", func(a *ld.Article) {
			a.Identifiers = []ld.Identifier{{Scheme: ld.ArXiv, Value: "2101.00001v2"}, {Scheme: ld.ArXiv, Value: "math.GT/0309136"}}
		}, nil},
		{"report number on a review", func(a *ld.Article) { a.ReportNumber = "7" },
			[]wantField{{"reportNumber", `only a report or a working paper has one (type "review"`}}},
		{"report number on a report", func(a *ld.Article) { a.Type, a.ReportNumber = ld.Report, "7" }, nil},
		{"series title", func(a *ld.Article) { a.Series = &ld.Series{ISSNs: []ld.ISSN{{Value: "0898-2936"}}} },
			[]wantField{{"series.title", "required"}, {"series.issns[0].value", "check digit"}}},
		{"book", func(a *ld.Article) {
			a.Book = &ld.Book{ISBNs: []string{"978-0-306-40615-7", "0306406153", ""}, Editors: []ld.Author{{Given: "Ann"}}}
		}, []wantField{{"book.title", "required"}, {"book.isbns[0]", `write the ISBN as "9780306406157"`},
			{"book.isbns[1]", "check digit is 3, want 2"}, {"book.isbns[2]", "empty ISBN"}, {"book.editors[0]", "a person needs a family name or a name"}}},
		{"event", func(a *ld.Article) {
			a.Event = &ld.Event{StartDate: mustParseDate("2024-05-08"), EndDate: mustParseDate("2024-05-06")}
		}, []wantField{{"event.name", "required"}, {"event.endDate", "2024-05-06 is before event.startDate 2024-05-08"}}},
		{"event date invalid", func(a *ld.Article) { a.Event = &ld.Event{Name: "E", StartDate: ld.Date{Year: 2024, Month: 2, Day: 30}} },
			[]wantField{{"event.startDate", "day 30 of 2024-02 does not exist"}}},

		// Several problems are all reported, in field order.
		{"several", func(a *ld.Article) {
			a.Title = ""
			a.DOI = "doi:10.3390/ijms150814348"
			a.Files[0].Size = "big"
		}, []wantField{{"title", "required"}, {"doi", "write the bare DOI"}, {"files[0].size", "not a number and a unit"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := seedArticle()
			tc.change(a)
			checkFieldErrors(t, ld.Check(a), tc.want)
		})
	}
}

// checkFieldErrors compares a list of *FieldError with the expected paths and
// message parts, in order.
func checkFieldErrors(t *testing.T, errs ld.ErrorList, wants []wantField) {
	t.Helper()
	if len(errs) != len(wants) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(wants), errs)
	}
	for i, err := range errs {
		var fe *ld.FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("error %d is %T, want *ld.FieldError: %v", i, err, err)
		}
		if fe.Path != wants[i].path || !strings.Contains(fe.Err.Error(), wants[i].msg) {
			t.Errorf("error %d = %q, want path %q and a message containing %q", i, err, wants[i].path, wants[i].msg)
		}
	}
}

func TestCheckNil(t *testing.T) {
	checkFieldErrors(t, ld.Check(nil), []wantField{{"(record)", "no article"}})
}

func ExampleCheck() {
	a := &ld.Article{
		Title:   "Mesenchymal Stem Cell-Derived Microparticles",
		DOI:     "https://doi.org/10.3390/ijms150814348",
		Authors: []ld.Author{{Given: "Xiaoqing"}},
		Dates:   ld.Dates{Received: ld.Date{Year: 2014, Month: 6, Day: 18}, Accepted: ld.Date{Year: 2014, Month: 6}},
	}
	for _, err := range ld.Check(a) {
		fmt.Println(err)
	}
	// Output:
	// authors[0]: a person needs a family name or a name
	// doi: write the bare DOI "10.3390/ijms150814348"
}

func TestCheckIdentifier(t *testing.T) {
	for _, tt := range []struct {
		id   ld.Identifier
		want string
	}{
		{ld.Identifier{Scheme: ld.ArXiv, Value: "2101.00001"}, ""},
		{ld.Identifier{Scheme: ld.ArXiv, Value: "hep-th/9901001v2"}, ""},
		{ld.Identifier{Scheme: ld.ArXiv, Value: ""}, "required"},
		{ld.Identifier{Scheme: ld.ArXiv, Value: "arXiv:2101.00001"}, `"arXiv:2101.00001" is not a bare arxiv`},
		{ld.Identifier{Scheme: "isbn", Value: "1"}, `unknown scheme "isbn"`},
	} {
		err := ld.CheckIdentifier(tt.id)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckIdentifier(%+v) = %v", tt.id, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckIdentifier(%+v) = %v, want an error containing %q", tt.id, err, tt.want)
		}
	}
}
