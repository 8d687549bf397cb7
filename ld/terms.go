package ld

import (
	"fmt"
	"sync"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// term makes the IRI of a vocabulary constant, checking it once per
// process: rdf.NewIRI's check costs more than the rest of adding a
// triple. The constants are fixed at compile time and tested, so an
// invalid one is a programming error.
func term(iri string) rdf.IRI {
	if t, ok := terms.Load(iri); ok {
		return t.(rdf.IRI)
	}
	t, err := rdf.NewIRI(iri)
	if err != nil {
		panic(fmt.Sprintf("ld: vocabulary constant %q: %v", iri, err))
	}
	terms.Store(iri, t)
	return t
}

// terms caches the IRIs made by term; it is read far more than written.
var terms sync.Map

var (
	rdfNil = term(vocab.RDFNil)

	xsdString     = term(vocab.XSDString)
	xsdBoolean    = term(vocab.XSDBoolean)
	xsdInteger    = term(vocab.XSDInteger)
	xsdDate       = term(vocab.XSDDate)
	xsdGYearMonth = term(vocab.XSDGYearMonth)
	xsdGYear      = term(vocab.XSDGYear)
	schemaDate    = term(vocab.SchemaDate)
	rfc5646       = term(vocab.DCTermsRFC5646)
)
