package ld

import (
	"slices"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// Graph is the RDF graph of one article, built once by Map. Every output
// format is a view of it.
//
// Triples are kept in the order the mapping made them: the article's own
// properties first, then each nested node after the property that leads
// to it. That order is deterministic, so every encoder writes the same
// bytes for the same article.
type Graph struct {
	// Root is the article node. It also names the graph in N-Quads.
	Root rdf.Subject
	// Profile is the vocabulary profile the graph was mapped with; the
	// JSON-LD encoder declares the prefixes of the full profile.
	Profile Profile
	Triples []rdf.Triple
	// Paths names the record field the nodes of authors, affiliations, the
	// journal, its publisher, the volume, the issue, the DOI, the files and
	// the graphical abstract were made from ("authors[0]",
	// "affiliations[1]", "journal", "files[0]"), so that messages about a
	// node can name what the user wrote.
	Paths map[rdf.Term]string
}

// Len reports the number of triples.
func (g *Graph) Len() int { return len(g.Triples) }

// resource is a node that can stand as subject and object: an IRI or a
// blank node.
type resource interface {
	rdf.Subject
	rdf.Object
}

// index numbers a graph's nodes (IRIs and blank nodes) densely, groups
// the triples by subject and counts how often each node is used as an
// object: what the nesting encoders (Turtle, JSON-LD) need to decide what
// to write inline. Encoders keep their own per-node state in slices
// indexed by the same numbers.
type index struct {
	// iris and blanks number the IRIs and the blank nodes, by their
	// strings: two maps of strings hash faster than one of structs.
	iris, blanks map[string]int
	subjects     []int          // ids of the subjects, in order of first appearance
	props        [][]rdf.Triple // by id: the triples of which the node is subject
	refs         []int          // by id: how often the node is used as an object
	// subjectOf, counts and backing are build's working memory, kept for
	// the next graph when an index is reused.
	subjectOf, counts []int
	backing           []rdf.Triple
}

func newIndex(g *Graph) *index {
	ix := &index{}
	ix.build(g)
	return ix
}

// build indexes g, in the memory of the graph indexed before, if any.
func (ix *index) build(g *Graph) {
	if ix.iris == nil {
		ix.iris, ix.blanks = make(map[string]int, len(g.Triples)/4), make(map[string]int, len(g.Triples)/4)
	} else {
		clear(ix.iris)
		clear(ix.blanks)
	}
	ix.subjects, ix.props, ix.refs = ix.subjects[:0], ix.props[:0], ix.refs[:0]
	subjectOf := slices.Grow(ix.subjectOf[:0], len(g.Triples))[:len(g.Triples)]
	counts := ix.counts[:0]
	var last rdf.Subject // the subject of the triple before: most triples share it
	s := 0
	for i, t := range g.Triples {
		if i == 0 || t.Subj != last {
			s, last = ix.add(t.Subj), t.Subj
		}
		subjectOf[i] = s
		if t.Obj.Type() != rdf.TermLiteral {
			ix.refs[ix.add(t.Obj)]++
		}
		for len(counts) < len(ix.props) {
			counts = append(counts, 0)
		}
		if counts[s] == 0 {
			ix.subjects = append(ix.subjects, s)
		}
		counts[s]++
	}
	// One backing array for all the groups, in the graph's order.
	backing := slices.Grow(ix.backing[:0], len(g.Triples))
	for _, s := range ix.subjects {
		start := len(backing)
		backing = backing[:start+counts[s]]
		ix.props[s] = backing[start:start:len(backing)]
	}
	for i, t := range g.Triples {
		ix.props[subjectOf[i]] = append(ix.props[subjectOf[i]], t)
	}
	ix.subjectOf, ix.counts, ix.backing = subjectOf, counts, backing
}

// nodes returns the map that numbers nodes of n's kind: nil for a literal.
func (ix *index) nodes(n rdf.Term) map[string]int {
	switch n.Type() {
	case rdf.TermIRI:
		return ix.iris
	case rdf.TermBlank:
		return ix.blanks
	}
	return nil
}

// add returns the id of a node, numbering it on first sight.
func (ix *index) add(n rdf.Term) int {
	nodes, key := ix.nodes(n), n.String()
	if id, ok := nodes[key]; ok {
		return id
	}
	id := len(ix.props)
	nodes[key] = id
	ix.props = append(ix.props, nil)
	ix.refs = append(ix.refs, 0)
	return id
}

// id returns the number of a node of the graph; ok is false for a literal.
func (ix *index) id(n rdf.Term) (int, bool) {
	id, ok := ix.nodes(n)[n.String()]
	return id, ok
}

// list returns the members of the well-formed rdf:List whose head is
// node: every cell a blank node used once as an object, holding exactly
// one rdf:first and one rdf:rest. ok is false for anything else.
func (ix *index) list(node rdf.Term) (items []rdf.Object, cells []int, ok bool) {
	for {
		if node.Type() == rdf.TermIRI && node.String() == vocab.RDFNil {
			return items, cells, len(items) > 0
		}
		if node.Type() != rdf.TermBlank {
			return nil, nil, false
		}
		id, known := ix.id(node)
		if !known || ix.refs[id] != 1 {
			return nil, nil, false
		}
		props := ix.props[id]
		if len(props) != 2 || props[0].Pred.String() != vocab.RDFFirst || props[1].Pred.String() != vocab.RDFRest {
			return nil, nil, false
		}
		items = append(items, props[0].Obj)
		cells = append(cells, id)
		node = props[1].Obj
	}
}
