package html_test

import (
	"fmt"

	"github.com/scholarld/scholarld/reader/html"
)

func ExampleRead() {
	page := `<html><head>
<meta name="citation_title" content="Water on &lt;i&gt;Mars&lt;/i&gt;">
<meta name="citation_author" content="Smith, Amos B., III">
<meta name="citation_author_orcid" content="https://orcid.org/0000-0002-1825-0097">
<meta name="citation_author" content="Maria De Leo">
<meta name="citation_publication_date" content="2019/02">
<meta name="citation_doi" content="doi:10.5555/mars.1">
<meta name="citation_isbn" content="978-3-16-148410-0">
</head></html>`
	records, err := html.Read([]byte(page), "mars.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := records[0].Article
	fmt.Println(a.Title)
	for _, author := range a.Authors {
		fmt.Printf("family %q given %q suffix %q orcid %q\n", author.Family, author.Given, author.Suffix, author.ORCID)
	}
	fmt.Println(a.DOI, a.Dates.Published)
	for _, warning := range records[0].Warnings {
		fmt.Println(warning)
	}
	// Output:
	// Water on <i>Mars</i>
	// family "Smith" given "Amos B." suffix "III" orcid "0000-0002-1825-0097"
	// family "De Leo" given "Maria" suffix "" orcid ""
	// 10.5555/mars.1 2019-02
	// book: a book without a title: dropped its ISBNs 9783161484100
}

func ExampleReadJSONLD() {
	document := `{
  "@context": "https://schema.org",
  "@type": "ScholarlyArticle",
  "@id": "https://doi.org/10.5555/ice.2",
  "headline": "Ice ages",
  "author": {"@type": "Person", "givenName": "Jan", "familyName": "van der Berg"},
  "datePublished": "2021",
  "isPartOf": {"@type": "PublicationVolume", "volumeNumber": "7",
    "isPartOf": {"@type": "Periodical", "name": "Cold Science", "issn": "2050-084X"}}
}`
	records, err := html.ReadJSONLD([]byte(document), "ice.jsonld")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := records[0].Article
	fmt.Println(a.Title, "|", a.Authors[0].Family, "|", a.DOI, "|", a.Dates.Published)
	fmt.Println(a.Journal.Title, a.Journal.ISSNs[0].Value, "volume", a.Volume)

	_, err = html.ReadJSONLD([]byte(`{"@type": "ScholarlyArticle",`), "cut.jsonld")
	fmt.Println(err)
	// Output:
	// Ice ages | van der Berg | 10.5555/ice.2 | 2021
	// Cold Science 2050-084X volume 7
	// cut.jsonld:1:30: html: malformed JSON-LD: unexpected end of JSON input
}

func ExampleSniff() {
	fmt.Println(html.Sniff([]byte("<!DOCTYPE html>\n<html lang=\"en\">")))
	fmt.Println(html.Sniff([]byte("<?xml version=\"1.0\"?>\n<article>")))
	// Output:
	// true
	// false
}

func ExampleSniffJSONLD() {
	fmt.Println(html.SniffJSONLD([]byte(`{"@context": "https://schema.org", "@type": "Article"}`)))
	fmt.Println(html.SniffJSONLD([]byte(`{"type": "article-journal"}`)))
	// Output:
	// true
	// false
}
