package validate

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// embeddedNTriples holds the definitions of the terms scholarld emits and
// of the classes they lead to, generated from testdata/vocab by
// TestEmbeddedVocabulary (go test ./validate -update).
//
//go:embed vocab.nt
var embeddedNTriples []byte

// schemaReleaseSize is how many schema.org terms a vocabulary file must
// define to count as the schema.org release: the embedded set holds a few
// hundred, release 30.0 holds over 2,500.
const schemaReleaseSize = 1500

// Vocabulary is what the vocabulary checks know: which terms are defined
// and, for schema.org, the subclass relation and each property's
// schema:domainIncludes and schema:rangeIncludes.
type Vocabulary struct {
	types   map[string][]string // term → its rdf:type objects
	supers  map[string][]string // class → rdfs:subClassOf
	domains map[string][]string // property → schema:domainIncludes
	ranges  map[string][]string // property → schema:rangeIncludes
	// schemaRelease is set once a file defining the whole of schema.org
	// has been added: a schema.org term it lacks is then an error.
	schemaRelease bool
	// above holds superclasses for every term defined, which the checks
	// ask for millions of times in a run; index computes it whenever the
	// vocabulary changes, and it is only read while checks run.
	above map[string][]string
}

var embedded = sync.OnceValues(func() (*Vocabulary, error) {
	v := newEmptyVocabulary()
	if _, err := v.add(embeddedNTriples); err != nil {
		return nil, fmt.Errorf("validate: the embedded vocab.nt: %w", err)
	}
	return v, nil
})

func newEmptyVocabulary() *Vocabulary {
	return &Vocabulary{types: map[string][]string{}, supers: map[string][]string{},
		domains: map[string][]string{}, ranges: map[string][]string{}}
}

// NewVocabulary returns the embedded vocabulary, to which AddNTriples adds
// the user's files. The error is a build defect, tested never to happen.
func NewVocabulary() (*Vocabulary, error) {
	e, err := embedded()
	if err != nil {
		return nil, err
	}
	v := newEmptyVocabulary()
	for _, m := range []struct{ dst, src map[string][]string }{
		{v.types, e.types}, {v.supers, e.supers}, {v.domains, e.domains}, {v.ranges, e.ranges},
	} {
		for k, vals := range m.src {
			m.dst[k] = append([]string(nil), vals...)
		}
	}
	v.index()
	return v, nil
}

// AddNTriples adds the definitions in an N-Triples vocabulary file, such
// as the schema.org release (schemaorg-current-http.nt); name is used in
// errors.
func (v *Vocabulary) AddNTriples(data []byte, name string) error {
	n, err := v.add(data)
	if err != nil {
		return fmt.Errorf("validate: vocabulary %s: %w", name, err)
	}
	if n >= schemaReleaseSize {
		v.schemaRelease = true
	}
	return nil
}

// add reads N-Triples and returns how many schema.org terms they define.
func (v *Vocabulary) add(data []byte) (int, error) {
	triples, err := rdf.NewTripleDecoder(bytes.NewReader(data), rdf.NTriples).DecodeAll()
	if err != nil {
		return 0, err
	}
	defer v.index()
	schemaTerms := 0
	for _, t := range triples {
		s, o := t.Subj.String(), t.Obj.String()
		switch t.Pred.String() {
		case vocab.RDFType:
			if len(v.types[s]) == 0 && strings.HasPrefix(s, vocab.Schema) {
				schemaTerms++
			}
			v.types[s] = appendNew(v.types[s], o)
		case vocab.RDFS + "subClassOf":
			v.supers[s] = appendNew(v.supers[s], o)
		case vocab.Schema + "domainIncludes":
			v.domains[s] = appendNew(v.domains[s], o)
		case vocab.Schema + "rangeIncludes":
			v.ranges[s] = appendNew(v.ranges[s], o)
		}
	}
	return schemaTerms, nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// builtInNamespaces are defined by the RDF, RDFS, XML Schema and OWL
// specifications; their terms are not checked.
var builtInNamespaces = []string{vocab.RDF, vocab.RDFS, vocab.XSD, "http://www.w3.org/2002/07/owl#"}

// Defined reports whether a term is defined by a loaded vocabulary or is
// built in.
func (v *Vocabulary) Defined(iri string) bool {
	for _, ns := range builtInNamespaces {
		if strings.HasPrefix(iri, ns) {
			return true
		}
	}
	return len(v.types[iri]) > 0
}

// index computes above.
func (v *Vocabulary) index() {
	v.above = make(map[string][]string, len(v.types)+len(v.supers))
	for _, m := range []map[string][]string{v.types, v.supers} {
		for term := range m {
			v.above[term] = v.walkSuperclasses(term)
		}
	}
}

// superclasses returns class and every class above it.
func (v *Vocabulary) superclasses(class string) []string {
	if above, ok := v.above[class]; ok {
		return above
	}
	return v.walkSuperclasses(class)
}

func (v *Vocabulary) walkSuperclasses(class string) []string {
	seen := map[string]bool{}
	var out []string
	var visit func(string)
	visit = func(c string) {
		if seen[c] {
			return
		}
		seen[c] = true
		out = append(out, c)
		for _, s := range v.supers[c] {
			visit(s)
		}
	}
	visit(class)
	return out
}

// isSubclass reports whether class is super or below it.
func (v *Vocabulary) isSubclass(class, super string) bool {
	for _, c := range v.superclasses(class) {
		if c == super {
			return true
		}
	}
	return false
}

// inDomain reports whether a schema.org property may be used on a node of
// the class: the class or a superclass is among its domainIncludes.
func (v *Vocabulary) inDomain(property, class string) bool {
	for _, c := range v.superclasses(class) {
		for _, d := range v.domains[property] {
			if c == d {
				return true
			}
		}
	}
	return false
}

// isDataType reports whether a schema.org class holds literals: it, or a
// class above it, is a schema:DataType (Text, URL, Date, Number,
// Boolean, ...).
func (v *Vocabulary) isDataType(class string) bool {
	for _, c := range v.superclasses(class) {
		if c == vocab.Schema+"DataType" {
			return true
		}
		for _, t := range v.types[c] {
			if t == vocab.Schema+"DataType" {
				return true
			}
		}
	}
	return false
}
