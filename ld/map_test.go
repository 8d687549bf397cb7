package ld_test

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/ld"
)

// ntriples maps an article and returns its N-Triples.
func ntriples(t *testing.T, a *ld.Article, p ld.Profile) string {
	t.Helper()
	g, err := ld.Map(a, p)
	if err != nil {
		t.Fatalf("Map: %v", err)
	}
	return rdftest.Encode(t, g, ld.NewNTriplesEncoder)
}

func minimal() *ld.Article {
	return &ld.Article{Title: "A title", DOI: "10.5555/12345678"}
}

const article = "<https://doi.org/10.5555/12345678>"

// TestMappingRules checks one rule of the mapping per case: the lines
// that must appear in the N-Triples, and fragments that must not.
func TestMappingRules(t *testing.T) {
	yes := true
	tests := []struct {
		name    string
		profile ld.Profile
		edit    func(a *ld.Article)
		want    []string
		notWant []string
	}{
		{
			name: "a review is a ScholarlyArticle with a genre, never a schema:Review",
			edit: func(a *ld.Article) { a.Type = ld.ReviewArticle },
			want: []string{
				article + ` <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .`,
				article + ` <http://schema.org/additionalType> <http://purl.org/spar/fabio/ReviewArticle> .`,
				article + ` <http://schema.org/genre> "review" .`,
			},
			notWant: []string{"<http://schema.org/Review>"},
		},
		{
			name: "title is headline, name and dcterms:title",
			want: []string{
				article + ` <http://schema.org/headline> "A title" .`,
				article + ` <http://schema.org/name> "A title" .`,
				article + ` <http://purl.org/dc/terms/title> "A title" .`,
			},
		},
		{
			name:    "the schema profile writes schema.org terms only",
			profile: ld.SchemaProfile,
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Given: "Ada", Family: "Lovelace", Corresponding: true}}
				a.Dates.Published = ld.Date{Year: 2014, Month: 8}
			},
			want:    []string{article + ` <http://schema.org/datePublished> "2014-08"^^<http://schema.org/Date> .`},
			notWant: []string{"purl.org", "w3id.org", "rdf-syntax-ns#first"},
		},
		{
			name: "an ORCID names the person",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Given: "Josiah", Family: "Carberry", ORCID: "0000-0002-1825-0097"}}
			},
			want: []string{
				article + ` <http://schema.org/author> <https://orcid.org/0000-0002-1825-0097> .`,
				`<https://orcid.org/0000-0002-1825-0097> <http://schema.org/familyName> "Carberry" .`,
				`<https://orcid.org/0000-0002-1825-0097> <http://schema.org/name> "Josiah Carberry" .`,
				article + ` <http://purl.org/dc/terms/creator> <https://orcid.org/0000-0002-1825-0097> .`,
				`_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <https://orcid.org/0000-0002-1825-0097> .`,
				`_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .`,
				article + ` <http://purl.org/ontology/bibo/authorList> _:b1 .`,
			},
		},
		{
			name: "an organisation author is an Organization named by its ROR",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Kind: ld.OrganizationAuthor, Name: "PLOS ONE Staff", ROR: "https://ror.org/008zgvp64"}}
			},
			want: []string{
				`<https://ror.org/008zgvp64> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Organization> .`,
				`<https://ror.org/008zgvp64> <http://schema.org/name> "PLOS ONE Staff" .`,
			},
			notWant: []string{"givenName", "familyName"},
		},
		{
			name: "the corresponding author holds the SCoRO role for this article",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Given: "A", Family: "B", Corresponding: true, Email: "b@example.org"}}
			},
			want: []string{
				`_:b0 <http://schema.org/email> "b@example.org" .`,
				`_:b0 <http://purl.org/spar/pro/holdsRoleInTime> _:b1 .`,
				`_:b1 <http://purl.org/spar/pro/withRole> <http://purl.org/spar/scoro/corresponding-author> .`,
				`_:b1 <http://purl.org/spar/pro/relatesToDocument> ` + article + ` .`,
			},
		},
		{
			name: "dates: DCMI by precision, revised as sld:dateRevised, never a modification date",
			edit: func(a *ld.Article) {
				a.Dates = ld.Dates{
					Received:  ld.Date{Year: 2014, Month: 6, Day: 18},
					Revised:   []ld.Date{{Year: 2014, Month: 7}},
					Accepted:  ld.Date{Year: 2014, Month: 8, Day: 4},
					Published: ld.Date{Year: 2014},
				}
			},
			want: []string{
				article + ` <http://purl.org/dc/terms/dateSubmitted> "2014-06-18"^^<http://www.w3.org/2001/XMLSchema#date> .`,
				article + ` <https://w3id.org/scholarld/terms#dateRevised> "2014-07"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .`,
				article + ` <http://purl.org/dc/terms/dateAccepted> "2014-08-04"^^<http://www.w3.org/2001/XMLSchema#date> .`,
				article + ` <http://purl.org/dc/terms/issued> "2014"^^<http://www.w3.org/2001/XMLSchema#gYear> .`,
				article + ` <http://schema.org/datePublished> "2014"^^<http://schema.org/Date> .`,
			},
			notWant: []string{"modified", "dateModified"},
		},
		{
			name: "the print date is the issue's",
			edit: func(a *ld.Article) {
				a.Issue = "8"
				a.Dates.PublishedPrint = ld.Date{Year: 2014, Month: 8}
			},
			want: []string{
				`_:b0 <http://schema.org/issueNumber> "8" .`,
				`_:b0 <http://schema.org/datePublished> "2014-08"^^<http://schema.org/Date> .`,
				article + ` <http://schema.org/isPartOf> _:b0 .`,
			},
		},
		{
			name: "the journal chain: issue, volume, periodical named by its linking ISSN",
			edit: func(a *ld.Article) {
				a.Volume, a.Issue = "15", "8"
				a.Journal = &ld.Journal{Title: "J", ISSNs: []ld.ISSN{
					{Value: "0028-0836", Kind: ld.PrintISSN}, {Value: "1476-4687", Kind: ld.ElectronicISSN}, {Value: "0028-0836", Kind: ld.LinkingISSN},
				}}
			},
			want: []string{
				article + ` <http://schema.org/isPartOf> _:b1 .`,
				`_:b1 <http://schema.org/isPartOf> _:b0 .`,
				`_:b0 <http://schema.org/isPartOf> <https://portal.issn.org/resource/ISSN/0028-0836> .`,
				`<https://portal.issn.org/resource/ISSN/0028-0836> <http://purl.org/ontology/bibo/issn> "0028-0836" .`,
				`<https://portal.issn.org/resource/ISSN/0028-0836> <http://purl.org/ontology/bibo/eissn> "1476-4687" .`,
				`<https://portal.issn.org/resource/ISSN/0028-0836> <http://schema.org/issn> "1476-4687" .`,
			},
		},
		{
			name: "an article number is the pagination and the bibo:number",
			edit: func(a *ld.Article) { a.ArticleNumber = "e01567" },
			want: []string{
				article + ` <http://schema.org/pagination> "e01567" .`,
				article + ` <http://purl.org/ontology/bibo/number> "e01567" .`,
			},
			notWant: []string{"pageStart"},
		},
		{
			name: "open access, licence and copyright held by the authors",
			edit: func(a *ld.Article) {
				a.OpenAccess = &yes
				a.Authors = []ld.Author{{Name: "Ada Lovelace"}}
				a.License = &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/"}
				a.Copyright = &ld.Copyright{Holder: "The Author(s)", Year: 2020}
			},
			want: []string{
				article + ` <http://schema.org/isAccessibleForFree> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
				article + ` <http://schema.org/license> <https://creativecommons.org/licenses/by/4.0/> .`,
				article + ` <http://purl.org/dc/terms/license> <https://creativecommons.org/licenses/by/4.0/> .`,
				article + ` <http://schema.org/copyrightHolder> _:b0 .`,
				article + ` <http://purl.org/dc/terms/rightsHolder> _:b0 .`,
				article + ` <http://schema.org/copyrightYear> "2020"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
			},
		},
		{
			name: "a DOI with parentheses and angle brackets becomes a valid IRI",
			edit: func(a *ld.Article) {
				a.References = []ld.Reference{
					{DOI: "10.1016/S0140-6736(20)30183-5"},
					{DOI: "10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-T"},
					{Text: "Smith J. Unpublished."},
				}
			},
			want: []string{
				article + ` <http://schema.org/citation> <https://doi.org/10.1016/s0140-6736(20)30183-5> .`,
				article + ` <http://schema.org/citation> <https://doi.org/10.1002/(sici)1097-4636(199706)35:4%3C409::aid-jbm1%3E3.0.co;2-t> .`,
				article + ` <http://schema.org/citation> _:b1 .`,
				`_:b1 <http://schema.org/name> "Smith J. Unpublished." .`,
				`_:b1 <http://purl.org/dc/terms/bibliographicCitation> "Smith J. Unpublished." .`,
				article + ` <http://purl.org/dc/terms/references> _:b1 .`,
			},
		},
		{
			name: "the DOI is lower case in IRIs and as given where people read it",
			edit: func(a *ld.Article) { a.DOI = "10.7554/eLife.01567" },
			want: []string{
				`<https://doi.org/10.7554/elife.01567> <http://schema.org/headline> "A title" .`,
				`_:b0 <http://schema.org/value> "10.7554/eLife.01567" .`,
				`<https://doi.org/10.7554/elife.01567> <http://purl.org/dc/terms/identifier> "https://doi.org/10.7554/eLife.01567" .`,
			},
			notWant: []string{"<https://doi.org/10.7554/eLife"},
		},
		{
			name: "identical reference texts stay distinct and numbered in order",
			edit: func(a *ld.Article) {
				a.References = []ld.Reference{{Text: "2011"}, {DOI: "10.5555/1"}, {Text: "2011"}}
			},
			want: []string{
				article + ` <http://schema.org/citation> _:b1 .`,
				`_:b1 <http://schema.org/name> "2011" .`,
				`_:b1 <http://schema.org/position> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
				article + ` <http://schema.org/citation> _:b2 .`,
				`_:b2 <http://schema.org/name> "2011" .`,
				`_:b2 <http://schema.org/position> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
			},
		},
		{
			name: "an organisation author is a member of its institutions, not affiliated",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Kind: ld.OrganizationAuthor, Name: "The PLOS Medicine Editors", Affiliations: []string{"a1"}}}
				a.Affiliations = []ld.Affiliation{{ID: "a1", Name: "Public Library of Science"}}
			},
			want:    []string{`_:b0 <http://schema.org/memberOf> _:b1 .`},
			notWant: []string{"schema.org/affiliation"},
		},
		{
			name: "a copyright holder naming the first author et al is the authors",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Given: "Ann", Family: "Harrison"}, {Given: "Bo", Family: "Lee"}}
				a.Copyright = &ld.Copyright{Holder: "Harrison et al"}
			},
			want:    []string{article + ` <http://schema.org/copyrightHolder> _:b0 .`, article + ` <http://schema.org/copyrightHolder> _:b1 .`},
			notWant: []string{`"Harrison et al"`},
		},
		{
			name: "a copyright holder naming every author is the authors",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Given: "Ann", Family: "Harrison"}, {Given: "Bo", Family: "Lee"}}
				a.Copyright = &ld.Copyright{Holder: "Harrison and Lee"}
			},
			want:    []string{article + ` <http://schema.org/copyrightHolder> _:b1 .`},
			notWant: []string{`"Harrison and Lee"`},
		},
		{
			name: "a copyright holder naming someone else is an organisation",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{{Given: "Ann", Family: "Harrison"}}
				a.Copyright = &ld.Copyright{Holder: "Smith et al"}
			},
			want: []string{`_:b2 <http://schema.org/name> "Smith et al" .`},
		},
		{
			name: "an author named by ORCID or ROR gives it as schema:url",
			edit: func(a *ld.Article) {
				a.Authors = []ld.Author{
					{Given: "Josiah", Family: "Carberry", ORCID: "0000-0002-1825-0097"},
					{Kind: ld.OrganizationAuthor, Name: "CERN", ROR: "https://ror.org/01ggx4157"},
				}
			},
			want: []string{
				`<https://orcid.org/0000-0002-1825-0097> <http://schema.org/url> <https://orcid.org/0000-0002-1825-0097> .`,
				`<https://ror.org/01ggx4157> <http://schema.org/url> <https://ror.org/01ggx4157> .`,
			},
		},
		{
			name: "corrections: what an article corrects is its subject, its correction is schema:correction",
			edit: func(a *ld.Article) {
				a.Related = []ld.Related{
					{Relation: ld.Corrects, DOI: "10.5555/1"},
					{Relation: ld.CorrectedBy, DOI: "10.5555/2"},
					{Relation: ld.NextArticle, DOI: "10.5555/3"},
				}
			},
			want: []string{
				article + ` <http://schema.org/about> <https://doi.org/10.5555/1> .`,
				article + ` <http://schema.org/correction> <https://doi.org/10.5555/2> .`,
				article + ` <http://purl.org/dc/terms/relation> <https://doi.org/10.5555/1> .`,
			},
			notWant: []string{"10.5555/3"},
		},
		{
			name: "an affiliation no author refers to is a source organisation",
			edit: func(a *ld.Article) {
				a.Affiliations = []ld.Affiliation{{ID: "aff1", Name: "University of Calgary", ROR: "https://ror.org/03yjb2x39"}}
			},
			want: []string{article + ` <http://schema.org/sourceOrganization> <https://ror.org/03yjb2x39> .`},
		},
		{
			name: "language is text in schema.org and an RFC 5646 literal in DCMI",
			edit: func(a *ld.Article) { a.Language = "zh-Hant-TW" },
			want: []string{
				article + ` <http://schema.org/inLanguage> "zh-Hant-TW" .`,
				article + ` <http://purl.org/dc/terms/language> "zh-Hant-TW"^^<http://purl.org/dc/terms/RFC5646> .`,
			},
		},
		{
			name: "without DOI or URL the article is a blank node",
			edit: func(a *ld.Article) { a.DOI = "" },
			want: []string{`_:article <http://schema.org/headline> "A title" .`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := minimal()
			if tt.edit != nil {
				tt.edit(a)
			}
			got := ntriples(t, a, tt.profile)
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

// TestMapErrors checks that a value that cannot become an IRI is an error
// naming its field, and that no graph comes back.
func TestMapErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(a *ld.Article)
		path string
	}{
		{"relative file URL", func(a *ld.Article) { a.Files = []ld.File{{URL: "/pdf/1.pdf"}} }, "files[0].url"},
		{"licence not http", func(a *ld.Article) { a.License = &ld.License{URL: "ftp://example.org/l"} }, "license.url"},
		{"bad ORCID", func(a *ld.Article) { a.Authors = []ld.Author{{Name: "X", ORCID: "0000-0002-1825-0098"}} }, "authors[0].orcid"},
		{"bad DOI", func(a *ld.Article) { a.DOI = "11.1/x" }, "doi"},
		{"unknown affiliation", func(a *ld.Article) { a.Authors = []ld.Author{{Name: "X", Affiliations: []string{"aff9"}}} }, "authors[0].affiliations[0]"},
		{"bad reference DOI", func(a *ld.Article) { a.References = []ld.Reference{{}, {DOI: "doi"}} }, "references[1].doi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := minimal()
			tt.edit(a)
			g, err := ld.Map(a, ld.FullProfile)
			if err == nil || g != nil {
				t.Fatalf("Map = %v, %v; want an error for %s", g, err, tt.path)
			}
			var fe *ld.FieldError
			if !errors.As(err, &fe) || fe.Path != tt.path {
				t.Fatalf("error %q does not name %s", err, tt.path)
			}
		})
	}
}

// TestMapIsPure maps the same article twice and gets the same bytes.
func TestMapIsPure(t *testing.T) {
	a := minimal()
	a.Authors = []ld.Author{{Name: "A"}, {Name: "B"}}
	if first, second := ntriples(t, a, ld.FullProfile), ntriples(t, a, ld.FullProfile); first != second {
		t.Fatalf("two runs differ:\n%s\n%s", first, second)
	}
}

// TestMapperGivesMapsGraphs maps every testdata record, an article that
// fails and a very large one through one Mapper, each after larger and
// smaller ones, and requires Map's bytes for every graph. An article
// mapped again must lie in its last graph's memory, unless that graph was
// very large.
func TestMapperGivesMapsGraphs(t *testing.T) {
	var articles []*ld.Article
	for _, r := range records(t) {
		articles = append(articles, r.article)
	}
	broken := minimal()
	broken.DOI = "11.1/x"
	large := minimal()
	for i := range 2000 {
		large.Authors = append(large.Authors, ld.Author{Name: "Author " + strconv.Itoa(i)})
	}
	backward := slices.Clone(articles)
	slices.Reverse(backward)
	var twice []*ld.Article
	for _, a := range articles {
		twice = append(twice, a, a)
	}
	sequence := append(append(append(slices.Clone(articles), broken, large, large), twice...), backward...)
	var mapper ld.Mapper
	var last *ld.Graph
	for i, a := range sequence {
		want, wantErr := ld.Map(a, ld.FullProfile)
		g, err := mapper.Map(a, ld.FullProfile)
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("article %d: Mapper.Map error %v, Map error %v", i, err, wantErr)
		}
		if err != nil {
			continue
		}
		if got, want := rdftest.Encode(t, g, ld.NewNTriplesEncoder), rdftest.Encode(t, want, ld.NewNTriplesEncoder); got != want {
			t.Fatalf("article %d: Mapper.Map and Map differ:\n%s\n%s", i, got, want)
		}
		if !maps.Equal(g.Paths, want.Paths) {
			t.Fatalf("article %d: Mapper.Map's paths %v, Map's %v", i, g.Paths, want.Paths)
		}
		if i > 0 && a == sequence[i-1] {
			reused := &g.Triples[0] == &last.Triples[0]
			if keep := last.Len() < 4096; reused != keep {
				t.Errorf("article %d, mapped again: memory of its last graph (%d triples) reused %v, want %v", i, last.Len(), reused, keep)
			}
		}
		last = g
	}
}
