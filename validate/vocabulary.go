package validate

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"maps"
	"strings"
	"sync"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// embeddedGzip holds the term table of the vocabulary rules: the whole
// schema.org 30.0 release reduced to its rdf:type, rdfs:subClassOf,
// schema:domainIncludes and schema:rangeIncludes triples, the terms DCMI,
// BIBO, FaBiO, PRO and SCoRO define, and the project's own, as gzipped
// N-Triples generated from testdata/vocab by TestEmbeddedVocabulary (go
// test ./validate -run TestEmbeddedVocabulary -update).
//
//go:embed vocab.nt.gz
var embeddedGzip []byte

// embeddedTable decompresses embeddedGzip.
func embeddedTable() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(embeddedGzip))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// schemaReleaseSize is how many schema.org terms a vocabulary file must
// define to count as a schema.org release, which then replaces the
// embedded one: release 30.0 defines over 2,500.
const schemaReleaseSize = 1500

// Vocabulary is what the vocabulary checks know: which terms are defined
// and, for schema.org, the subclass relation and each property's
// schema:domainIncludes and schema:rangeIncludes.
type Vocabulary struct {
	types   map[string][]string // term → its rdf:type objects
	supers  map[string][]string // class → rdfs:subClassOf
	domains map[string][]string // property → schema:domainIncludes
	ranges  map[string][]string // property → schema:rangeIncludes
	// above holds superclasses for every term defined, which the checks
	// ask for millions of times in a run; index computes it whenever the
	// vocabulary changes, and it is only read while checks run.
	above map[string][]string
}

var embedded = sync.OnceValues(func() (*Vocabulary, error) {
	table, err := embeddedTable()
	if err != nil {
		return nil, fmt.Errorf("validate: the embedded vocab.nt.gz: %w", err)
	}
	v := newEmptyVocabulary()
	if _, err := v.add(table); err != nil {
		return nil, fmt.Errorf("validate: the embedded vocab.nt.gz: %w", err)
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

// AddNTriples adds the definitions in an N-Triples vocabulary file; name
// is used in errors. A file that defines a whole schema.org release (such
// as schemaorg-current-http.nt of another release) replaces the embedded
// schema.org 30.0 terms, so that a term the release lacks is undefined.
func (v *Vocabulary) AddNTriples(data []byte, name string) error {
	file := newEmptyVocabulary()
	n, err := file.add(data)
	if err != nil {
		return fmt.Errorf("validate: vocabulary %s: %w", name, err)
	}
	for _, m := range []struct{ dst, src map[string][]string }{
		{v.types, file.types}, {v.supers, file.supers}, {v.domains, file.domains}, {v.ranges, file.ranges},
	} {
		if n >= schemaReleaseSize {
			maps.DeleteFunc(m.dst, func(term string, _ []string) bool { return strings.HasPrefix(term, vocab.Schema) })
		}
		for term, values := range m.src {
			for _, x := range values {
				m.dst[term] = appendNew(m.dst[term], x)
			}
		}
	}
	v.index()
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

// misnamed are schema.org terms people write that schema.org names
// otherwise, with the name it gives them.
var misnamed = map[string]string{
	vocab.Schema + "Journal":        vocab.Schema + "Periodical",
	vocab.Schema + "JournalArticle": vocab.Schema + "ScholarlyArticle",
	vocab.Schema + "journal":        vocab.Schema + "isPartOf",
}

// Nearest returns the defined term that an undefined one most likely
// means, or "" when none is near: the name schema.org gives a common
// misnomer (schema:Journal is schema:Periodical); else, among the terms
// of the same namespace, the one fewest edits away ignoring case (at most
// a third of the name), a term of the same kind (a class, capitalised, or
// a property) before another, and the first in order between equals.
func (v *Vocabulary) Nearest(iri string) string {
	if near, ok := misnamed[iri]; ok && v.Defined(near) {
		return near
	}
	i := strings.LastIndexAny(iri, "/#")
	if i < 0 || i == len(iri)-1 {
		return ""
	}
	namespace, local := iri[:i+1], iri[i+1:]
	lower := strings.ToLower(local)
	best, bestCost := "", 2*(len(local)/3)+1 // the farthest allowed
	for term := range v.types {
		name, ok := strings.CutPrefix(term, namespace)
		if !ok || name == "" || strings.ContainsAny(name, "/#") {
			continue
		}
		if 2*(max(len(name), len(local))-min(len(name), len(local))) > bestCost {
			continue // the lengths alone are farther apart than the best
		}
		cost := 2 * editDistance(lower, strings.ToLower(name))
		if isUpper(name) != isUpper(local) {
			cost++ // another kind of term: only when nothing else is as near
		}
		if cost < bestCost || cost == bestCost && best != "" && term < best {
			best, bestCost = term, cost
		}
	}
	return best
}

func isUpper(name string) bool { return name != "" && name[0] >= 'A' && name[0] <= 'Z' }

// editDistance counts the edits between two strings, by bytes: insertions,
// deletions, substitutions and transpositions of neighbours (the optimal
// string alignment distance), so that "titel" is one edit from "title".
// It keeps three rows of the table: the current one and the two above.
func editDistance(a, b string) int {
	rows := make([]int, 3*(len(b)+1))
	prev2, prev, cur := rows[:len(b)+1], rows[len(b)+1:2*(len(b)+1)], rows[2*(len(b)+1):]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
