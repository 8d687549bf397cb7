package validate

import (
	"slices"
	"strings"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/vocab"
)

const (
	dcElements = "http://purl.org/dc/elements/1.1/"
	xsdString  = vocab.XSDString
)

// graphIndex groups a graph's triples by subject and keeps each node's
// types.
type graphIndex struct {
	bySubject map[rdf.Term][]rdf.Triple
	subjects  []rdf.Term // in order of first appearance
	types     map[rdf.Term][]string
}

func newGraphIndex(triples []rdf.Triple) *graphIndex {
	ix := &graphIndex{bySubject: make(map[rdf.Term][]rdf.Triple, len(triples)/4), types: make(map[rdf.Term][]string, len(triples)/8)}
	for _, t := range triples {
		if _, seen := ix.bySubject[t.Subj]; !seen {
			ix.subjects = append(ix.subjects, t.Subj)
		}
		ix.bySubject[t.Subj] = append(ix.bySubject[t.Subj], t)
		if t.Pred.String() == vocab.RDFType && t.Obj.Type() == rdf.TermIRI {
			ix.types[t.Subj] = append(ix.types[t.Subj], t.Obj.String())
		}
	}
	return ix
}

// values returns the objects of a node's property.
func (ix *graphIndex) values(node rdf.Term, property string) []rdf.Object {
	var out []rdf.Object
	for _, t := range ix.bySubject[node] {
		if t.Pred.String() == property {
			out = append(out, t.Obj)
		}
	}
	return out
}

// isWork reports whether a class makes a node an article the profiles
// check: schema:Article or a subclass, or schema:Chapter.
func isWork(class string, v *Vocabulary) bool {
	return class == vocab.SchemaChapter || v.isSubclass(class, vocab.Schema+"Article")
}

// nodeName writes a node as N-Triples does: <iri> or _:label.
func nodeName(n rdf.Term) string {
	if iri, ok := n.(rdf.IRI); ok {
		return "<" + iri.String() + ">" // what Serialize gives, without fmt
	}
	return n.Serialize(rdf.NTriples)
}

// at locates a finding about a node: on record input, by the record field
// the node was made from (authors[0]), which is what the user wrote; else
// by the node itself.
func (c *checker) at(record int, node rdf.Term, property string) Finding {
	if path, ok := c.paths[node]; ok {
		return Finding{Record: record, Path: path, Property: property}
	}
	return Finding{Record: record, Node: nodeName(node), Property: property}
}

// name names a node in a message as at locates it.
func (c *checker) name(node rdf.Term) string {
	if path, ok := c.paths[node]; ok {
		return path
	}
	return nodeName(node)
}

// articleNodes returns the nodes typed schema:Article or a subclass, or
// schema:Chapter (a book chapter, which scholarld writes as one and which
// schema.org does not make an Article), in order of appearance.
func articleNodes(triples []rdf.Triple, v *Vocabulary) []rdf.Term {
	var out []rdf.Term
	for _, t := range triples {
		if t.Obj.Type() == rdf.TermIRI && t.Pred.String() == vocab.RDFType &&
			isWork(t.Obj.String(), v) && !slices.Contains(out, rdf.Term(t.Subj)) {
			out = append(out, t.Subj)
		}
	}
	return out
}

// graph runs the vocabulary rules over a graph, then the profiles over
// each article node in roots.
func (c *checker) graph(triples []rdf.Triple, roots []rdf.Term, record int, rdfInput bool) {
	c.reported = map[string]bool{}
	ix := newGraphIndex(triples)
	for _, t := range triples {
		where := c.at(record, t.Subj, t.Pred.String())
		p := t.Pred.String()
		if p == vocab.RDFType && t.Obj.Type() == rdf.TermIRI {
			c.term(t.Obj.String(), "class", where)
			if t.Obj.String() == vocab.Schema+"Review" && len(ix.values(t.Subj, vocab.Schema+"itemReviewed")) == 0 {
				c.report.add("schema-review", where, "a schema:Review without itemReviewed: schema:Review is a review of an item, not a review article")
			}
			continue
		}
		c.term(p, "property", where)
		if local, ok := strings.CutPrefix(p, dcElements); ok && c.once("dc:"+p) {
			c.report.add("dc-elements", where, "dc:%s is a DC elements 1.1 term; DCMI terms has dcterms:%s", local, local)
		}
		if strings.HasPrefix(p, vocab.Schema) {
			c.domain(ix, t, where)
			c.rangeOf(t, where)
		}
	}
	if len(c.profiles) > 0 && len(roots) == 0 && rdfInput {
		c.report.add("no-article", Finding{Record: record}, "no node is typed schema:Article or a subclass; the profiles were not checked")
	}
	for _, root := range roots {
		for _, p := range c.profiles {
			switch p {
			case Google:
				c.google(ix, root, record)
			case Scholar:
				c.scholar(ix, root, record)
			case Triplestore:
				c.triplestore(root, record)
			}
		}
	}
	if slices.Contains(c.profiles, Triplestore) {
		c.triplestoreNodes(ix, record)
	}
}

// once reports whether key is seen for the first time in this graph.
func (c *checker) once(key string) bool {
	if c.reported[key] {
		return false
	}
	c.reported[key] = true
	return true
}

// term checks that a class or property is defined, once per term.
func (c *checker) term(iri, kind string, where Finding) {
	if c.vocab.Defined(iri) || !c.once("term:"+iri) {
		return
	}
	if kind == "class" {
		where.Property = vocab.RDFType
	}
	if near := c.vocab.Nearest(iri); near != "" {
		where.Fix = "use " + curie(near)
		c.report.add("undefined-term", where, "%s %s is defined by no loaded vocabulary; did you mean %s?", kind, curie(iri), curie(near))
		return
	}
	c.report.add("undefined-term", where, "%s %s is defined by no loaded vocabulary", kind, curie(iri))
}

// domain checks a schema.org property against the node's schema.org
// types, when the property's domain and one of the types are known.
func (c *checker) domain(ix *graphIndex, t rdf.Triple, where Finding) {
	p := t.Pred.String()
	domains := c.vocab.domains[p]
	if len(domains) == 0 {
		return
	}
	var known []string
	for _, class := range ix.types[t.Subj] {
		if strings.HasPrefix(class, vocab.Schema) && c.vocab.Defined(class) {
			known = append(known, class)
		}
	}
	if len(known) == 0 || slices.ContainsFunc(known, func(class string) bool { return c.vocab.inDomain(p, class) }) {
		return
	}
	if c.once("domain:" + nodeName(t.Subj) + " " + p) {
		c.report.add("domain", where, "schema:%s is not a property of %s (its domain: %s)", localName(p), curies(known), curies(domains))
	}
}

// rangeOf checks that a schema.org property's value is a literal where
// its range holds data types, and a node where it holds classes; an IRI
// also stands for a URL.
func (c *checker) rangeOf(t rdf.Triple, where Finding) {
	p := t.Pred.String()
	ranges := c.vocab.ranges[p]
	if len(ranges) == 0 {
		return
	}
	literal, node, url := false, false, false
	for _, r := range ranges {
		if c.vocab.isDataType(r) {
			literal = true
			url = url || c.vocab.isSubclass(r, vocab.Schema+"URL")
		} else {
			node = true
		}
	}
	isLiteral := t.Obj.Type() == rdf.TermLiteral
	switch {
	case isLiteral && !literal:
		if c.once("range:" + nodeName(t.Subj) + " " + p) {
			c.report.add("range", where, "schema:%s has the literal %q where schema.org expects a node (%s)", localName(p), t.Obj.String(), curies(ranges))
		}
	case !isLiteral && !node && !(url && t.Obj.Type() == rdf.TermIRI):
		if c.once("range:" + nodeName(t.Subj) + " " + p) {
			c.report.add("range", where, "schema:%s has the node %s where schema.org expects a literal (%s)", localName(p), c.name(t.Obj), curies(ranges))
		}
	}
}

// graphValues checks the identifiers and licences in RDF input, which
// for records the record rules check. A licence given by both
// schema:license and dcterms:license (as the full profile writes it) is
// one finding.
func (c *checker) graphValues(triples []rdf.Triple) {
	licences := map[string]bool{} // node and licence URL
	for _, t := range triples {
		where := Finding{Node: nodeName(t.Subj), Property: t.Pred.String()}
		value := t.Obj.String()
		switch t.Pred.String() {
		case vocab.SchemaISSN, vocab.BIBOISSN, vocab.BIBOEISSN:
			if _, err := ident.NormalizeISSN(value); err != nil {
				c.report.add("issn", where, "%v", err)
			}
		case vocab.Schema + "isbn":
			if _, err := ident.NormalizeISBN(value); err != nil {
				c.report.add("isbn", where, "%v", err)
			}
		case vocab.SchemaLicense, vocab.DCTermsLicense:
			key := where.Node + " " + value
			if t.Obj.Type() == rdf.TermIRI && !licences[key] {
				licences[key] = true
				c.license(value, where)
			}
		}
	}
}

// localName is the part of an IRI after its namespace.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "/#"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

// curies writes schema.org IRIs as schema:X, joined by commas.
func curies(iris []string) string {
	out := make([]string, len(iris))
	for i, iri := range iris {
		out[i] = curie(iri)
	}
	return strings.Join(out, ", ")
}

// curie writes a schema.org IRI as schema:X, and any other IRI whole.
func curie(iri string) string {
	if local, ok := strings.CutPrefix(iri, vocab.Schema); ok {
		return "schema:" + local
	}
	return iri
}
