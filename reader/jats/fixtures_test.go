package jats

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// readOne reads a file that must hold exactly one good article.
func readOne(t *testing.T, path string) (*ld.Article, []reader.Warning) {
	t.Helper()
	record := readertest.Only(t, readertest.ReadFile(t, Read, path, path))
	return record.Article, record.Warnings
}

// checkWarnings wants exactly the warnings listed, each given as
// "path: message substring".
func checkWarnings(t *testing.T, got []reader.Warning, want []string) {
	t.Helper()
	matched := make([]bool, len(got))
	for _, w := range want {
		path, msg, _ := strings.Cut(w, ": ")
		found := false
		for i, g := range got {
			if !matched[i] && g.Path == path && strings.Contains(g.Msg, msg) {
				matched[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing warning %q", w)
		}
	}
	for i, g := range got {
		if !matched[i] {
			t.Errorf("unexpected warning %q", g)
		}
	}
}

func eq[T any](t *testing.T, field string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", field, got, want)
	}
}

func date(s string) ld.Date {
	d, err := ld.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestELifePOA(t *testing.T) {
	article, warnings := readOne(t, testkit.Shared(t, "fixtures", "jats", "elife_poa_e06828.xml"))
	eq(t, "type", article.Type, ld.ResearchArticle)
	eq(t, "title", article.Title, "<i>Cis</i> and <i>trans</i> RET signaling control the survival and central projection growth of rapidly adapting mechanoreceptors")
	upenn := ld.Affiliation{ID: "aff1", Name: "University of Pennsylvania", Department: "Department of Neuroscience, Perelman School of Medicine", Address: &ld.Address{City: "Philadelphia", Country: "United States"}}
	maxPlanck := ld.Affiliation{ID: "aff2", Name: "Max Planck Institute of Neurobiology", Department: "Molecules - Signals - Development", Address: &ld.Address{City: "Martinsried", Country: "Germany"}}
	parkinson := ld.Affiliation{ID: "aff3", Name: "Parkinson's Disease and Movement Disorder Center of Maryland", Address: &ld.Address{City: "Elkridge", Country: "United States"}}
	eq(t, "affiliations", article.Affiliations, []ld.Affiliation{upenn, maxPlanck, parkinson})
	eq(t, "authors", article.Authors, []ld.Author{
		{Given: "Michael S", Family: "Fleming", Affiliations: []string{"aff1"}},
		{Given: "Anna", Family: "Vysochan", Affiliations: []string{"aff1"}},
		// The source writes a Greek omicron with tonos in "Sόnia".
		{Given: "S\u03ccnia", Family: "Paixão", Affiliations: []string{"aff2"}},
		{Given: "Jingwen", Family: "Niu", Affiliations: []string{"aff1"}},
		{Given: "Rüdiger", Family: "Klein", Affiliations: []string{"aff2"}},
		{Given: "Joseph M", Family: "Savitt", Affiliations: []string{"aff3"}},
		{Given: "Wenqin", Family: "Luo", Email: "luow@mail.med.upenn.edu", Corresponding: true, Affiliations: []string{"aff1"}},
	})
	eq(t, "journal", article.Journal, &ld.Journal{
		Title:     "eLife",
		ISSNs:     []ld.ISSN{{Value: "2050-084X", Kind: ld.ElectronicISSN}},
		Publisher: &ld.Publisher{Name: "eLife Sciences Publications, Ltd"},
	})
	eq(t, "volume", article.Volume, "")
	eq(t, "pages", article.FirstPage+article.LastPage, "")
	eq(t, "article number", article.ArticleNumber, "e06828")
	eq(t, "DOI", article.DOI, "10.7554/eLife.06828")
	eq(t, "dates", article.Dates, ld.Dates{Received: date("2015-02-03"), Accepted: date("2015-04-01")})
	eq(t, "license", article.License, &ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"})
	eq(t, "copyright", article.Copyright, &ld.Copyright{Holder: "Fleming et al", Year: 2015, Statement: "© 2015, Fleming et al"})
	eq(t, "keywords", article.Keywords, []string{"neurotrophins", "RET signaling", "DRG neuron development", "cis and trans activation"})
	eq(t, "section", article.Section, "Developmental biology and stem cells")
	if !strings.HasPrefix(article.Abstract, "RET can be activated in <i>cis</i> or <i>trans</i> by its co-receptors") ||
		!strings.HasSuffix(article.Abstract, "outcomes of RET signaling.") || !strings.Contains(article.Abstract, "<i>Gfrα1;Gfrα2</i> double nulls") {
		t.Errorf("abstract = %q", article.Abstract)
	}
	eq(t, "language", article.Language, "")
	eq(t, "editors", article.Editors, []ld.Author{{Given: "Kang", Family: "Shen"}})
	checkWarnings(t, warnings, []string{
		`article-meta/article-categories/subj-group[1]: subjects (display-channel) ["Research article"] not kept`,
		`article-meta/article-categories/subj-group[3]: subjects (heading) ["Neuroscience"] not kept`,
		`article-meta/permissions[1]/license[1]/license-p: licence text not kept`,
		`article-meta/kwd-group[2]: terms of type research-organism ["Mouse"] not kept`,
		`article-meta/article-id[1]: identifier "06828" of type publisher-id not kept`,
	})
}

func TestELifeCorrection(t *testing.T) {
	article, warnings := readOne(t, testkit.Shared(t, "fixtures", "jats", "elife07586.correction.xml"))
	eq(t, "type", article.Type, ld.Correction)
	eq(t, "title", article.Title, "Correction: Mucosal effects for tenofovir 1% gel")
	byline := []string{
		"Florian Hladik", "Adam Burgener", "Lamar Ballweber", "Raphael Gottardo", "Lucia Vojtech",
		"Slim Fourati", "James Y Dai", "Mark J Cameron", "Johanna Strobl", "Sean M Hughes",
		"Craig Hoesley", "Philip Andrew", "Sherri Johnson", "Jeanna Piper", "David R Friend",
		"T Blake Ball", "Ross D Cranston", "Kenneth H Mayer", "M Juliana McElrath", "Ian McGowan",
	}
	var got []string
	for _, author := range article.Authors {
		got = append(got, author.DisplayName())
	}
	eq(t, "byline", got, byline)
	eq(t, "first author", article.Authors[0], ld.Author{Given: "Florian", Family: "Hladik", ORCID: "0000-0002-0375-2764", Corresponding: true})
	eq(t, "family of the 20th", article.Authors[19], ld.Author{Given: "Ian", Family: "McGowan", Corresponding: true})
	eq(t, "given of the 16th", article.Authors[15].Given, "T Blake")
	eq(t, "affiliations", len(article.Affiliations), 0)
	eq(t, "journal", article.Journal.Title, "eLife")
	eq(t, "ISSNs", article.Journal.ISSNs, []ld.ISSN{{Value: "2050-084X", Kind: ld.ElectronicISSN}})
	eq(t, "volume", article.Volume, "4")
	eq(t, "article number", article.ArticleNumber, "e07586")
	eq(t, "DOI", article.DOI, "10.7554/eLife.07586")
	eq(t, "dates", article.Dates, ld.Dates{Published: date("2015-03-24")})
	eq(t, "license", article.License, &ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"})
	eq(t, "copyright", article.Copyright, &ld.Copyright{Holder: "Hladik et al", Year: 2015, Statement: "© 2015, Hladik et al"})
	eq(t, "section", article.Section, "Human biology and medicine")
	eq(t, "related", article.Related, []ld.Related{{Relation: ld.Corrects, DOI: "10.7554/eLife.04525"}})
	eq(t, "keywords", len(article.Keywords), 0)
	checkWarnings(t, warnings, []string{
		`article-meta/article-categories/subj-group[1]: subjects (display-channel) ["Correction"] not kept`,
		`article-meta/article-categories/subj-group[3]: subjects (heading) ["Microbiology and infectious disease"] not kept`,
		`article-meta/pub-date[2]: issue date 2015 not kept`,
		`article-meta/permissions[1]/license[1]/license-p: licence text not kept`,
		`article-meta/article-id[1]: identifier "07586" of type publisher-id not kept`,
		`article-meta/custom-meta-group[1]: <custom-meta-group> not kept`,
	})
}

func TestPLOSCollabCorrection(t *testing.T) {
	article, warnings := readOne(t, testkit.Shared(t, "fixtures", "jats", "journal.pone.0097541.correction-collab.xml"))
	eq(t, "type", article.Type, ld.Correction)
	eq(t, "title", article.Title, "Correction: Pollen and Phytolith Evidence for Rice Cultivation and Vegetation Change during the Mid-Late Holocene at the Jiangli Site, Suzhou, East China")
	eq(t, "authors", article.Authors, []ld.Author{{Kind: ld.OrganizationAuthor, Name: "The PLOS ONE Staff"}})
	eq(t, "journal", article.Journal, &ld.Journal{
		Title:     "PLoS ONE",
		ISSNs:     []ld.ISSN{{Value: "1932-6203", Kind: ld.ElectronicISSN}},
		Publisher: &ld.Publisher{Name: "Public Library of Science"},
	})
	eq(t, "volume", article.Volume, "9")
	eq(t, "issue", article.Issue, "5")
	eq(t, "article number", article.ArticleNumber, "e97541")
	eq(t, "DOI", article.DOI, "10.1371/journal.pone.0097541")
	eq(t, "dates", article.Dates, ld.Dates{Published: date("2014-05-06")})
	eq(t, "license", article.License, &ld.License{URL: "http://creativecommons.org/licenses/by/4.0/"})
	eq(t, "copyright", article.Copyright, &ld.Copyright{Holder: "The PLOS ONE Staff", Year: 2014})
	eq(t, "language", article.Language, "en")
	eq(t, "section", article.Section, "Correction")
	eq(t, "related", article.Related, []ld.Related{{
		Relation: ld.Corrects,
		DOI:      "10.1371/journal.pone.0086816",
		Title:    "Pollen and Phytolith Evidence for Rice Cultivation and Vegetation Change during the Mid-Late Holocene at the Jiangli Site, Suzhou, East China",
	}})
	eq(t, "references", article.References, []ld.Reference{{
		DOI:  "10.1371/journal.pone.0086816",
		Text: "Qiu Z, Jiang H, Ding J, Hu Y, Shang X (2014) Pollen and Phytolith Evidence for Rice Cultivation and Vegetation Change during the Mid-Late Holocene at the Jiangli Site, Suzhou, East China. PLoS ONE 9(1): e86816 doi:10.1371/journal.pone.0086816",
	}})
	checkWarnings(t, warnings, []string{
		`journal-meta/publisher[1]/publisher-loc: place "San Francisco, USA" not kept`,
		`article-meta/pub-date[1]: issue date 2014 not kept`,
		`article-meta/permissions[1]/license[1]: licence URL taken from the link in its text`,
		`article-meta/permissions[1]/license[1]/license-p: licence text not kept`,
		`article-meta/article-id[1]: identifier "PONE-D-14-18167" of type publisher-id not kept`,
		`article-meta/counts[1]: <counts> not kept`,
	})
}

func TestMDPILike(t *testing.T) {
	article, warnings := readOne(t, "testdata/mdpi-like.xml")
	open := true
	want := &ld.Article{
		Type:       ld.ResearchArticle,
		Title:      "Regulation of Ca<sup>2+</sup> Signalling by H<sub>2</sub>O<sub>2</sub> in <i>Escherichia coli</i>—A Study",
		OpenAccess: &open,
		Authors: []ld.Author{
			{Given: "Jan", Family: "van der Berg", ORCID: "0000-0002-1694-233X", Affiliations: []string{"aff1", "aff2"}},
			{Given: "Jürgen", Family: "Müller", Suffix: "Jr.", Affiliations: []string{"aff2"}},
			{Given: "Wei", Family: "Zhang", ORCID: "0000-0003-4512-7761", Email: "wei.zhang@example.org", Corresponding: true, Affiliations: []string{"aff1"}},
		},
		Affiliations: []ld.Affiliation{
			{
				ID: "aff1", Name: "University of Calgary", Department: "Department of Biochemistry",
				Address: &ld.Address{Street: "2500 University Drive NW", City: "Calgary", Region: "AB", PostalCode: "T2N 1N4", Country: "Canada"},
				ROR:     "https://ror.org/03yjb2x39",
			},
			{ID: "aff2", Name: "School of Life Sciences, Central South University, Changsha 410013, China"},
		},
		Journal: &ld.Journal{
			Title:        "International Journal of Molecular Sciences",
			Abbreviation: "Int. J. Mol. Sci.",
			ISSNs: []ld.ISSN{
				{Value: "1422-0067", Kind: ld.ElectronicISSN},
				{Value: "1661-6596", Kind: ld.PrintISSN},
				{Value: "1422-0067", Kind: ld.LinkingISSN},
			},
			Publisher: &ld.Publisher{Name: "MDPI"},
		},
		Volume: "15", Issue: "8", FirstPage: "14348", LastPage: "14363",
		DOI: "10.5555/ijms150814348",
		Dates: ld.Dates{
			Received:       date("2014-05-30"),
			Revised:        []ld.Date{date("2014-07-04"), date("2014-07-28")},
			Accepted:       date("2014-08-06"),
			Published:      date("2014-08-18"),
			PublishedPrint: date("2014-09"),
		},
		License:   &ld.License{URL: "https://creativecommons.org/licenses/by/3.0/", Label: "CC BY 3.0"},
		Copyright: &ld.Copyright{Holder: "the authors", Year: 2014, Statement: "© 2014 by the authors; licensee MDPI, Basel, Switzerland."},
		Keywords:  []string{"calcium signalling", "hydrogen peroxide", "Escherichia coli"},
		Section:   "Biochemistry",
		Abstract:  "Hydrogen peroxide (H<sub>2</sub>O<sub>2</sub>) modulates Ca<sup>2+</sup> entry in <i>E. coli</i>. We measured p<0.05 effects [1].",
		Language:  "en",
		Files:     []ld.File{{URL: "https://www.example.org/1422-0067/15/8/14348/pdf", MediaType: "application/pdf"}},
		References: []ld.Reference{
			{DOI: "10.1126/science.1130481", Text: "Rhee S.G. H2O2, a necessary evil for cell signaling Science 2006 312 1882 1883 10.1126/science.1130481"},
			{DOI: "10.1016/S0140-6736(20)30183-5", Text: "Smith A.B., Jones C. A study of calcium. The Lancet 2020; 395: 497. Available online: https://doi.org/10.1016/S0140-6736(20)30183-5"},
			{URL: "https://www.who.int/publications/report", Text: "World Health Organization. Global report. Available online: https://www.who.int/publications/report (accessed on 1 May 2014)."},
		},
	}
	if !reflect.DeepEqual(article, want) {
		gotFields := reflect.ValueOf(*article)
		wantFields := reflect.ValueOf(*want)
		for i := range gotFields.NumField() {
			eq(t, gotFields.Type().Field(i).Name, gotFields.Field(i).Interface(), wantFields.Field(i).Interface())
		}
	}
	checkWarnings(t, warnings, []string{
		`journal-meta/issn[2]: ISSN "16616596" written as "1661-6596"`,
		`journal-meta/publisher[1]/publisher-loc: place "Basel, Switzerland" not kept`,
		`journal-meta/abbrev-journal-title[1]: second abbreviation "IJMS" (publisher) not kept`,
		`article-meta/author-notes/fn[1]: author note "These authors contributed equally to this work." not kept`,
		`article-meta/pub-date[3]: issue date 2014-08 not kept`,
		`article-meta/kwd-group[2]: terms of type abbreviations ["ROS: reactive oxygen species"] not kept`,
		`article-meta/article-id[2]: identifier "ijms-15-14348" of type publisher-id not kept`,
		`article-meta/abstract[1]: MathML "p<0.05" flattened to its text: it has no alttext or TeX form`,
	})
}
