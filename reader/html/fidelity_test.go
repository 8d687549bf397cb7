package html

import (
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// landingPage is a landing page with a title and the given head and body.
func landingPage(head, body string) []byte {
	return []byte(`<!DOCTYPE html><html><head><meta name="citation_title" content="A title">` + head + `</head><body>` + body + `</body></html>`)
}

// TestFidelityRules holds one row per rule of issue 11 for landing pages:
// what the page gives, what the article holds, the warnings expected.
func TestFidelityRules(t *testing.T) {
	tests := []struct {
		name       string
		head, body string
		check      func(t *testing.T, a *ld.Article)
		warnings   []string
	}{
		{
			name: "a copyright line in dc.rights is no licence",
			head: `<meta name="dc.rights" content="2010 Springer Science+Business Media, LLC">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "license", a.License, (*ld.License)(nil))
				equal(t, "copyright", a.Copyright, &ld.Copyright{Statement: "2010 Springer Science+Business Media, LLC"})
			},
			warnings: []string{`dc.rights: "2010 Springer Science+Business Media, LLC" names no licence: kept as the copyright statement`},
		},
		{
			name: "NUL is replaced as HTML parsing does, with a warning",
			head: `<meta name="citation_journal_title" content="J` + "\x00" + `ournal">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "journal", a.Journal.Title, "J\uFFFDournal")
			},
			warnings: []string{"input: 1 NUL characters replaced by U+FFFD"},
		},
		{
			name: "a licence name in dc.rights is the licence",
			head: `<meta name="dc.rights" content="CC BY 4.0">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "CC BY 4.0"})
			},
		},
		{
			name: "an ISSN only the embedded JSON-LD gives is kept beside the tags' one",
			head: `<meta name="citation_journal_title" content="Acta"><meta name="citation_issn" content="0001-6322">
				<script type="application/ld+json">{"@context":"https://schema.org","@type":"ScholarlyArticle","headline":"A title","isPartOf":{"@type":["Periodical","PublicationVolume"],"name":"Acta","issn":["1432-0533","0001-6322"]}}</script>`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "ISSNs", a.Journal.ISSNs, []ld.ISSN{{Value: "0001-6322"}, {Value: "1432-0533"}})
			},
		},
		{
			name: "a page range in one field is split",
			head: `<meta name="citation_firstpage" content="444-445">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "pages", [2]string{a.FirstPage, a.LastPage}, [2]string{"444", "445"})
			},
		},
		{
			name: "codes and placeholders are not keywords or sections",
			head: `<meta name="citation_keywords" content="general; Neurology; OriginalPaper; PubMed; x-ray; research_article"><meta name="dc.type" content="x">
				<meta property="og:type" content="article"><meta property="article:section" content="OriginalPaper">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "keywords", a.Keywords, []string{"Neurology", "PubMed", "x-ray"})
				equal(t, "section", a.Section, "")
			},
			warnings: []string{`keywords: "general" dropped: a code or placeholder`, `keywords: "OriginalPaper" dropped`, `articleSection: "OriginalPaper" dropped`},
		},
		{
			name: "meta description is the abstract of last resort, with a warning",
			head: `<meta name="description" content="What the search result shows.">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "abstract", a.Abstract, "What the search result shows.")
			},
			warnings: []string{`meta[name="description"]: the abstract is the page's description, the last resort`},
		},
		{
			name: "meta description gives way to a real abstract",
			head: `<meta name="description" content="What the search result shows."><meta name="citation_abstract" content="The abstract.">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "abstract", a.Abstract, "The abstract.")
			},
		},
		{
			name: "microdata abstract and date, labelled history dates and a rel=license link",
			body: `<div itemscope itemtype="https://schema.org/ScholarlyArticle">
				<section itemprop="description"><h2>Abstract</h2><p>We <i>measured</i> things.</p></section>
				<meta itemprop="datePublished" content="2019-06-30">
				<ul class="c-article-history"><li>Received<span>: </span><time datetime="2019-01-15">15 January 2019</time></li>
				<li>Accepted: <time datetime="2019-05-02">02 May 2019</time></li></ul>
				<p>Licensed under <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p></div>`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "abstract", a.Abstract, "We <i>measured</i> things.")
				equal(t, "dates", a.Dates, ld.Dates{Received: ld.Date{Year: 2019, Month: 1, Day: 15}, Accepted: ld.Date{Year: 2019, Month: 5, Day: 2}, Published: ld.Date{Year: 2019, Month: 6, Day: 30}})
				equal(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/"})
			},
		},
		{
			name: "a time without a label is no history date",
			body: `<p>Updated <time datetime="2020-01-01">today</time></p>`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "dates", a.Dates, ld.Dates{})
			},
		},
		{
			name: "an affiliation line in address.name and several departments",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@type":"ScholarlyArticle","headline":"A title",
				"author":[{"@type":"Person","name":"Jane Doe","affiliation":[
					{"@type":"Organization","name":"University of Toronto","address":{"@type":"PostalAddress","name":"Centre for Biocomposites, University of Toronto, Toronto, Canada"}},
					{"@type":"Organization","name":"ETH Zurich","department":[{"name":"D-BIOL"},{"name":"D-CHAB"}],"address":{"@type":"PostalAddress","name":"Somewhere else"}}]}]}</script>`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "affiliations", a.Affiliations, []ld.Affiliation{
					{ID: "aff1", Name: "Centre for Biocomposites, University of Toronto, Toronto, Canada"},
					{ID: "aff2", Name: "ETH Zurich", Department: "D-BIOL"},
				})
			},
			warnings: []string{`ScholarlyArticle.author[0].affiliation.department[1]: a further department "D-CHAB" is not kept`, `ScholarlyArticle.author[0].affiliation.address.name: "Somewhere else" is not kept`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := Read(landingPage(tt.head, tt.body), "page.html")
			if err != nil || len(records) != 1 {
				t.Fatalf("%v, %d records", err, len(records))
			}
			tt.check(t, article(t, records[0]))
			got := warningStrings(records[0])
			for _, w := range tt.warnings {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("missing warning %q in %q", w, got)
				}
			}
		})
	}
}

// TestJSONLDThroughContext reads schema.org JSON-LD written in the
// official context's other valid forms, and a foreign remote context.
func TestJSONLDThroughContext(t *testing.T) {
	aliases := `{"@context": "https://schema.org", "type": "ScholarlyArticle", "id": "https://doi.org/10.5555/x",
		"name": "Aliased", "author": [{"type": "Person", "id": "https://orcid.org/0000-0002-1825-0097", "givenName": "Josiah", "familyName": "Carberry"}],
		"datePublished": "2020-01-02"}`
	records, err := ReadJSONLD([]byte(aliases), "commonmeta.json")
	if err != nil || len(records) != 1 {
		t.Fatalf("%v", err)
	}
	a := article(t, records[0])
	equal(t, "authors", a.Authors, []ld.Author{{Given: "Josiah", Family: "Carberry", ORCID: "0000-0002-1825-0097"}})
	equal(t, "published", a.Dates.Published, ld.Date{Year: 2020, Month: 1, Day: 2})

	prefixed := `{"@context": {"s": "http://schema.org/"}, "@type": "s:ScholarlyArticle", "s:headline": "Prefixed", "s:datePublished": "2021"}`
	records, err = ReadJSONLD([]byte(prefixed), "prefixed.json")
	if err != nil || len(records) != 1 {
		t.Fatalf("%v", err)
	}
	equal(t, "prefixed title", article(t, records[0]).Title, "Prefixed")

	foreign := `{"@context": "https://w3id.org/ro/crate/1.1/context", "@type": "ScholarlyArticle", "name": "Foreign"}`
	if _, err := ReadJSONLD([]byte(foreign), "crate.json"); err == nil || !strings.Contains(err.Error(), "cannot be loaded offline") {
		t.Errorf("foreign context: %v, want a refusal as validate gives", err)
	}
	page := landingPage(`<script type="application/ld+json">`+foreign+`</script>`, "")
	records, err = Read(page, "page.html")
	if err != nil || len(records) != 1 {
		t.Fatalf("%v", err)
	}
	if got := warningStrings(records[0]); !slices.ContainsFunc(got, func(w string) bool { return strings.Contains(w, "cannot be loaded offline; the script is not read") }) {
		t.Errorf("warnings %q: want the foreign script named", got)
	}
}

// TestJSONLDTooDeep feeds a million nested arrays: a positioned error, not
// a stack overflow, in a bare document and in a page's script.
func TestJSONLDTooDeep(t *testing.T) {
	deep := `{"@context": "https://schema.org", "x": ` + strings.Repeat("[", 1_000_000)
	_, err := ReadJSONLD([]byte(deep), "deep.json")
	if err == nil || !strings.HasPrefix(err.Error(), "deep.json:1:") {
		t.Fatalf("error %v, want one placed in deep.json", err)
	}
	deep = `{"@context": "https://schema.org", "x": ` + strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1) + `}`
	_, err = ReadJSONLD([]byte(deep), "deep.json")
	if err == nil || !strings.Contains(err.Error(), "nests deeper than 64 levels") {
		t.Fatalf("error %v, want the nesting limit", err)
	}
	records, err := Read(landingPage(`<script type="application/ld+json">`+deep+`</script>`, strings.Repeat("<div>", 1_000_000)), "deep.html")
	if err != nil || len(records) != 1 || records[0].Article == nil {
		t.Fatalf("%v %+v", err, records)
	}
}

// TestJSONLDRepairs decodes UTF-16 JSON-LD and reports what the JSON
// decoder repairs.
func TestJSONLDRepairs(t *testing.T) {
	doc := `{"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": "Ünïcode \ud800"}`
	data := []byte{0xFF, 0xFE}
	for _, r := range doc {
		data = append(data, byte(r), byte(r>>8))
	}
	if !SniffJSONLD(data) {
		t.Error("SniffJSONLD does not see JSON-LD in UTF-16")
	}
	records, err := ReadJSONLD(data, "utf16.jsonld")
	if err != nil || len(records) != 1 {
		t.Fatalf("%v", err)
	}
	if got := article(t, records[0]).Title; got != "Ünïcode \uFFFD" {
		t.Errorf("title %q", got)
	}
	got := warningStrings(records[0])
	for _, want := range []string{"input: the input is UTF-16", "input: 1 lone UTF-16 surrogate escapes"} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("missing warning %q in %q", want, got)
		}
	}
}
