package ld_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// ExampleMap maps a small article and writes it as N-Triples in the
// schema.org profile.
func ExampleMap() {
	a := &ld.Article{
		Title:   "A minimal article",
		DOI:     "10.5555/12345678",
		Authors: []ld.Author{{Given: "Josiah", Family: "Carberry", ORCID: "0000-0002-1825-0097"}},
		Dates:   ld.Dates{Published: ld.Date{Year: 2014, Month: 8}},
	}
	g, err := ld.Map(a, ld.SchemaProfile)
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := ld.NewNTriplesEncoder(os.Stdout)
	enc.Encode(g)
	enc.Close()
	// Output:
	// <https://doi.org/10.5555/12345678> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .
	// <https://doi.org/10.5555/12345678> <http://schema.org/headline> "A minimal article" .
	// <https://doi.org/10.5555/12345678> <http://schema.org/name> "A minimal article" .
	// <https://orcid.org/0000-0002-1825-0097> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
	// <https://orcid.org/0000-0002-1825-0097> <http://schema.org/url> <https://orcid.org/0000-0002-1825-0097> .
	// <https://doi.org/10.5555/12345678> <http://schema.org/author> <https://orcid.org/0000-0002-1825-0097> .
	// <https://orcid.org/0000-0002-1825-0097> <http://schema.org/name> "Josiah Carberry" .
	// <https://orcid.org/0000-0002-1825-0097> <http://schema.org/givenName> "Josiah" .
	// <https://orcid.org/0000-0002-1825-0097> <http://schema.org/familyName> "Carberry" .
	// _:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/PropertyValue> .
	// _:b0 <http://schema.org/propertyID> "doi" .
	// _:b0 <http://schema.org/value> "10.5555/12345678" .
	// <https://doi.org/10.5555/12345678> <http://schema.org/identifier> _:b0 .
	// <https://doi.org/10.5555/12345678> <http://schema.org/datePublished> "2014-08"^^<http://schema.org/Date> .
}

// ExampleNewJSONLDEncoder writes the compact JSON-LD a web page embeds.
func ExampleNewJSONLDEncoder() {
	a := &ld.Article{Title: "A minimal article", URL: "https://example.org/a/1", Keywords: []string{"RDF", "JSON-LD"}}
	g, _ := ld.Map(a, ld.SchemaProfile)
	enc := ld.NewJSONLDEncoder(os.Stdout)
	if err := enc.Encode(g); err != nil {
		fmt.Println(err)
	}
	enc.Close() // the document is complete only after Close
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@id": "https://example.org/a/1",
	//   "@type": "ScholarlyArticle",
	//   "headline": "A minimal article",
	//   "keywords": [
	//     "RDF",
	//     "JSON-LD"
	//   ],
	//   "name": "A minimal article",
	//   "url": "https://example.org/a/1"
	// }
}

// ExampleNewTurtleEncoder writes Turtle in the full profile: schema.org
// and DCMI terms side by side. (The prefix table heads the output; the
// example skips it.)
func ExampleNewTurtleEncoder() {
	a := &ld.Article{Title: "Een artikel", URL: "https://example.org/a/2", Language: "nl"}
	g, _ := ld.Map(a, ld.FullProfile)
	var out strings.Builder
	enc := ld.NewTurtleEncoder(&out)
	enc.Encode(g)
	enc.Close()
	_, body, _ := strings.Cut(out.String(), "\n\n")
	fmt.Print(body)
	// Output:
	// <https://example.org/a/2>
	//     a schema:ScholarlyArticle ;
	//     schema:headline "Een artikel" ;
	//     schema:name "Een artikel" ;
	//     schema:url <https://example.org/a/2> ;
	//     schema:inLanguage "nl" ;
	//     dcterms:title "Een artikel" ;
	//     dcterms:language "nl"^^dcterms:RFC5646 .
}

// ExampleFormatByFileName picks an output format from a file name, as the
// CLI's -o does.
func ExampleFormatByFileName() {
	for _, name := range []string{"out.ttl", "a.expanded.jsonld", "b.nq"} {
		f, _ := ld.FormatByFileName(name)
		fmt.Println(name, f.Name, f.MediaType)
	}
	// Output:
	// out.ttl turtle text/turtle
	// a.expanded.jsonld jsonld-expanded application/ld+json
	// b.nq nquads application/n-quads
}
