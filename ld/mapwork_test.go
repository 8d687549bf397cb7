package ld_test

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// TestWorkMappingRules checks one rule of the mapping of works beyond the
// journal article, funding, identifiers and other titles per case
// (docs/worktypes.md): the N-Triples lines that must appear and fragments
// that must not.
func TestWorkMappingRules(t *testing.T) {
	const (
		rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
		s       = "<http://schema.org/"
	)
	tests := []struct {
		name    string
		profile ld.Profile
		edit    func(a *ld.Article)
		want    []string
		notWant []string
	}{
		{
			name: "a preprint is a ScholarlyArticle and a fabio:Preprint, its server the publisher",
			edit: func(a *ld.Article) { a.Type = ld.Preprint; a.Publisher = &ld.Publisher{Name: "bioRxiv"} },
			want: []string{
				article + " " + rdfType + " " + s + "ScholarlyArticle> .",
				article + " " + s + "additionalType> <http://purl.org/spar/fabio/Preprint> .",
				article + " " + s + `genre> "preprint" .`,
				article + " " + s + "publisher> _:b0 .",
				`_:b0 ` + s + `name> "bioRxiv" .`,
				article + " <http://purl.org/dc/terms/publisher> _:b0 .",
			},
		},
		{
			name: "a preprint's published version: dcterms:isVersionOf, no schema.org term",
			edit: func(a *ld.Article) {
				a.Type = ld.Preprint
				a.Related = []ld.Related{{Relation: ld.PreprintOf, DOI: "10.5555/published"}}
			},
			want: []string{
				article + " <http://purl.org/dc/terms/isVersionOf> <https://doi.org/10.5555/published> .",
				article + " <http://purl.org/dc/terms/relation> <https://doi.org/10.5555/published> .",
			},
			notWant: []string{s + "isBasedOn>"},
		},
		{
			name: "a published article is schema:isBasedOn its preprint",
			edit: func(a *ld.Article) {
				a.Related = []ld.Related{{Relation: ld.HasPreprint, DOI: "10.1101/2020.01.01.000001"}}
			},
			want: []string{
				article + " " + s + "isBasedOn> <https://doi.org/10.1101/2020.01.01.000001> .",
				article + " <http://purl.org/dc/terms/hasVersion> <https://doi.org/10.1101/2020.01.01.000001> .",
			},
		},
		{
			name: "a report is a schema:Report with its number and series",
			edit: func(a *ld.Article) {
				a.Type, a.ReportNumber = ld.WorkingPaper, "w12345"
				a.Series = &ld.Series{Title: "NBER Working Paper Series", ISSNs: []ld.ISSN{{Value: "0898-2937"}}}
			},
			want: []string{
				article + " " + rdfType + " " + s + "Report> .",
				article + " " + s + "additionalType> <http://purl.org/spar/fabio/WorkingPaper> .",
				article + " " + s + `reportNumber> "w12345" .`,
				article + " " + s + "isPartOf> <https://portal.issn.org/resource/ISSN/0898-2937> .",
				"<https://portal.issn.org/resource/ISSN/0898-2937> " + rdfType + " " + s + "CreativeWorkSeries> .",
				"<https://portal.issn.org/resource/ISSN/0898-2937> " + s + `name> "NBER Working Paper Series" .`,
			},
			notWant: []string{s + "ScholarlyArticle>"},
		},
		{
			name: "a chapter is a schema:Chapter part of a Book with ISBNs, editors and the publisher; the book is in the series",
			edit: func(a *ld.Article) {
				a.Type = ld.BookChapter
				a.Publisher = &ld.Publisher{Name: "Springer"}
				a.Book = &ld.Book{Title: "Handbook", ISBNs: []string{"9780306406157"},
					Editors: []ld.Author{{Given: "Josiah", Family: "Carberry", ORCID: "0000-0002-1825-0097"}}}
				a.Series = &ld.Series{Title: "Lecture Notes"}
			},
			want: []string{
				article + " " + rdfType + " " + s + "Chapter> .",
				article + " " + s + "additionalType> <http://purl.org/spar/fabio/BookChapter> .",
				"_:b1 " + rdfType + " " + s + "Book> .",
				`_:b1 ` + s + `isbn> "9780306406157" .`,
				"_:b1 " + s + "editor> <https://orcid.org/0000-0002-1825-0097> .",
				`<https://orcid.org/0000-0002-1825-0097> ` + s + `familyName> "Carberry" .`,
				"_:b1 " + s + "publisher> _:b0 .",
				article + " " + s + "isPartOf> _:b1 .",
				article + " <http://purl.org/dc/terms/isPartOf> _:b1 .",
				"_:b1 " + s + "isPartOf> _:b2 .",
				"_:b2 " + rdfType + " " + s + "CreativeWorkSeries> .",
			},
		},
		{
			name: "a conference paper's proceedings record the event",
			edit: func(a *ld.Article) {
				a.Type = ld.ConferencePaper
				a.Book = &ld.Book{Title: "Proceedings of EWE 2024"}
				a.Event = &ld.Event{Name: "Example Workshop", Acronym: "EWE 2024", Place: "Lisbon, Portugal",
					StartDate: ld.Date{Year: 2024, Month: 5, Day: 6}, EndDate: ld.Date{Year: 2024, Month: 5, Day: 8}}
			},
			want: []string{
				article + " " + s + "additionalType> <http://purl.org/spar/fabio/ConferencePaper> .",
				"_:b0 " + s + "additionalType> <http://purl.org/spar/fabio/ConferenceProceedings> .",
				"_:b0 " + s + "recordedAt> _:b1 .",
				"_:b1 " + rdfType + " " + s + "Event> .",
				"_:b1 " + s + `alternateName> "EWE 2024" .`,
				"_:b1 " + s + `location> "Lisbon, Portugal" .`,
				"_:b1 " + s + `startDate> "2024-05-06"^^<http://schema.org/Date> .`,
				"_:b1 " + s + `endDate> "2024-05-08"^^<http://schema.org/Date> .`,
			},
		},
		{
			name: "an event without proceedings is recorded by the paper",
			edit: func(a *ld.Article) { a.Type = ld.ConferencePaper; a.Event = &ld.Event{Name: "Example Workshop"} },
			want: []string{article + " " + s + "recordedAt> _:b0 ."},
		},
		{
			name: "funders by ROR (sameAs their Funder ID) or Funder ID; awards as Grants naming their funder",
			edit: func(a *ld.Article) {
				nsf := ld.Funder{Name: "National Science Foundation", DOI: "10.13039/100000001"}
				a.Funding = []ld.Funding{
					{Funder: ld.Funder{Name: "Wellcome Trust", ROR: "https://ror.org/029chgv08", DOI: "10.13039/100010269"}},
					{Funder: nsf, Award: "1234567"},
					{Funder: nsf, Award: "7654321", AwardTitle: "Collaborative Research", AwardURL: "https://www.nsf.gov/awardsearch/showAward?AWD_ID=7654321"},
					{Funder: ld.Funder{Name: "Example Foundation"}},
				}
			},
			want: []string{
				article + " " + s + "funder> <https://ror.org/029chgv08> .",
				"<https://ror.org/029chgv08> " + rdfType + " " + s + "Organization> .",
				"<https://ror.org/029chgv08> " + s + "sameAs> <https://doi.org/10.13039/100010269> .",
				article + " " + s + "funder> <https://doi.org/10.13039/100000001> .",
				article + " " + s + "funding> _:b0 .",
				"_:b0 " + rdfType + " " + s + "Grant> .",
				"_:b0 " + s + `identifier> "1234567" .`,
				"_:b0 " + s + "funder> <https://doi.org/10.13039/100000001> .",
				"_:b1 " + s + `name> "Collaborative Research" .`,
				"_:b1 " + s + "url> <https://www.nsf.gov/awardsearch/showAward?AWD_ID=7654321> .",
				"_:b2 " + s + `name> "Example Foundation" .`,
				article + " " + s + "funder> _:b2 .",
			},
		},
		{
			name: "editors are schema:editor",
			edit: func(a *ld.Article) {
				a.Editors = []ld.Author{{Given: "Ada", Family: "Lovelace"}, {Kind: ld.OrganizationAuthor, Name: "PC"}}
			},
			want: []string{
				article + " " + s + "editor> _:b0 .",
				"_:b0 " + rdfType + " " + s + "Person> .",
				article + " " + s + "editor> _:b1 .",
				"_:b1 " + rdfType + " " + s + "Organization> .",
			},
			notWant: []string{"dc/terms/creator"},
		},
		{
			name: "subtitle and alternative titles, with their language",
			edit: func(a *ld.Article) {
				a.Subtitle = "A Review"
				a.AlternativeTitles = []ld.AlternativeTitle{{Title: "Ein Titel", Language: "de"}, {Title: "Other"}}
			},
			want: []string{
				article + " " + s + `alternativeHeadline> "A Review" .`,
				article + ` <http://purl.org/dc/terms/alternative> "A Review" .`,
				article + " " + s + `alternativeHeadline> "Ein Titel"@de .`,
				article + ` <http://purl.org/dc/terms/alternative> "Ein Titel"@de .`,
				article + " " + s + `alternativeHeadline> "Other" .`,
			},
		},
		{
			name:    "identifiers are PropertyValues and sameAs their pages",
			profile: ld.SchemaProfile,
			edit: func(a *ld.Article) {
				a.Identifiers = []ld.Identifier{{Scheme: ld.PMID, Value: "25141106"}, {Scheme: ld.OpenAlex, Value: "W2741809807"}}
			},
			want: []string{
				"_:b0 " + s + `propertyID> "pmid" .`,
				"_:b0 " + s + `value> "25141106" .`,
				article + " " + s + "sameAs> <https://pubmed.ncbi.nlm.nih.gov/25141106> .",
				article + " " + s + "sameAs> <https://openalex.org/W2741809807> .",
			},
			notWant: []string{"dc/terms"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := minimal()
			a.DOI = ""
			a.URL = "https://example.org/a"
			if tt.edit != nil {
				tt.edit(a)
			}
			got := ntriples(t, a, tt.profile)
			got = strings.ReplaceAll(got, "<https://example.org/a> ", article+" ")
			lines := make(map[string]bool)
			for _, line := range strings.Split(got, "\n") {
				lines[line] = true
			}
			for _, w := range tt.want {
				if !lines[w] {
					t.Errorf("missing line\n%s\nin\n%s", w, got)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(got, nw) {
					t.Errorf("unexpected %q in\n%s", nw, got)
				}
			}
		})
	}
}
