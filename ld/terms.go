package ld

import (
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// vocabTerm is a vocabulary IRI checked once per process, and boxed once
// as each interface a triple holds it in: boxing an rdf.IRI allocates,
// and Map adds a hundred triples or more per article.
type vocabTerm struct {
	iri  rdf.IRI
	pred rdf.Predicate
	obj  rdf.Object
}

var (
	// vocabTerms maps each IRI asked for to its vocabTerm. It is replaced,
	// never changed, when an IRI is added, so that readers (the workers of
	// a bulk run, all at once) take no lock.
	vocabTerms   atomic.Pointer[map[string]*vocabTerm]
	vocabTermsMu sync.Mutex // serialises the additions
)

// lookupTerm returns the vocabTerm of a vocabulary constant. rdf.NewIRI's
// check costs more than the rest of adding a triple, so it is done once;
// the constants are fixed at compile time and tested, so an invalid one is
// a programming error.
func lookupTerm(iri string) *vocabTerm {
	if known := vocabTerms.Load(); known != nil {
		if t, ok := (*known)[iri]; ok {
			return t
		}
	}
	vocabTermsMu.Lock()
	defer vocabTermsMu.Unlock()
	known := vocabTerms.Load()
	if known != nil {
		if t, ok := (*known)[iri]; ok {
			return t
		}
	}
	i, err := rdf.NewIRI(iri)
	if err != nil {
		panic(fmt.Sprintf("ld: vocabulary constant %q: %v", iri, err))
	}
	t := &vocabTerm{iri: i, pred: i, obj: i}
	next := make(map[string]*vocabTerm, 1+len(nonNil(known)))
	for k, v := range nonNil(known) {
		next[k] = v
	}
	next[iri] = t
	vocabTerms.Store(&next)
	return t
}

func nonNil(m *map[string]*vocabTerm) map[string]*vocabTerm {
	if m == nil {
		return nil
	}
	return *m
}

// term returns a vocabulary IRI as the object of a triple: a class, or a
// term such as rdf:nil.
func term(iri string) rdf.Object { return lookupTerm(iri).obj }

// predicate returns a vocabulary IRI as the predicate of a triple.
func predicate(iri string) rdf.Predicate { return lookupTerm(iri).pred }

// datatype returns a vocabulary IRI as a literal's datatype.
func datatype(iri string) rdf.IRI { return lookupTerm(iri).iri }

var (
	rdfNil = term(vocab.RDFNil)

	xsdString     = datatype(vocab.XSDString)
	xsdBoolean    = datatype(vocab.XSDBoolean)
	xsdInteger    = datatype(vocab.XSDInteger)
	xsdDate       = datatype(vocab.XSDDate)
	xsdGYearMonth = datatype(vocab.XSDGYearMonth)
	xsdGYear      = datatype(vocab.XSDGYear)
	schemaDate    = datatype(vocab.SchemaDate)
	rfc5646       = datatype(vocab.DCTermsRFC5646)
)

// blankNodes holds the blank nodes Map labels b0, b1, ... for the first
// articles' worth, made and boxed once: the same for every article.
var blankNodes = func() []resource {
	nodes := make([]resource, 256)
	for i := range nodes {
		b, err := rdf.NewBlank("b" + strconv.Itoa(i))
		if err != nil {
			panic(err) // the label is never empty
		}
		nodes[i] = b
	}
	return nodes
}()
