package turtle_test

import (
	"fmt"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld/turtle"
)

func ExampleParse() {
	triples, err := turtle.Parse([]byte(`@base <https://doi.org/> .
PREFIX schema: <http://schema.org/>
<10.3390/ijms150814348> a schema:ScholarlyArticle ;
    schema:headline """Nrf2 "review\"""" ;
    schema:pageStart 14348 .`), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range triples {
		fmt.Print(t.Serialize(rdf.NTriples))
	}
	_, err = turtle.Parse([]byte("<a> <b> ."), "http://ex.org/")
	fmt.Println(err)
	// Output:
	// <https://doi.org/10.3390/ijms150814348> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .
	// <https://doi.org/10.3390/ijms150814348> <http://schema.org/headline> "Nrf2 \"review\"" .
	// <https://doi.org/10.3390/ijms150814348> <http://schema.org/pageStart> "14348"^^<http://www.w3.org/2001/XMLSchema#integer> .
	// turtle: 1:9: found '.', want an IRI, a prefixed name, a blank node or a literal
}
