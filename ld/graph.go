package ld

import (
	"github.com/knakk/rdf"
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
}

// Len reports the number of triples.
func (g *Graph) Len() int { return len(g.Triples) }

// resource is a node that can stand as subject and object: an IRI or a
// blank node.
type resource interface {
	rdf.Subject
	rdf.Object
}

// index groups a graph's triples by subject and counts how often each
// node is used as an object: what the nesting encoders (Turtle, JSON-LD)
// need to decide what to write inline.
type index struct {
	subjects []rdf.Subject             // in order of first appearance
	bySubj   map[rdf.Term][]rdf.Triple // keys are IRIs and blank nodes only:
	objRefs  map[rdf.Term]int          // a Literal may hold an uncomparable value
}

func newIndex(g *Graph) *index {
	ix := &index{
		bySubj:  make(map[rdf.Term][]rdf.Triple),
		objRefs: make(map[rdf.Term]int),
	}
	for _, t := range g.Triples {
		if _, seen := ix.bySubj[t.Subj]; !seen {
			ix.subjects = append(ix.subjects, t.Subj)
		}
		ix.bySubj[t.Subj] = append(ix.bySubj[t.Subj], t)
		if t.Obj.Type() != rdf.TermLiteral {
			ix.objRefs[t.Obj]++
		}
	}
	return ix
}

// list returns the members of the well-formed rdf:List whose head is
// node: every cell a blank node used once as an object, holding exactly
// one rdf:first and one rdf:rest. ok is false for anything else.
func (ix *index) list(node rdf.Term) (items []rdf.Object, cells []rdf.Term, ok bool) {
	for {
		if node.Type() == rdf.TermIRI && node.String() == rdfNil.String() {
			return items, cells, len(items) > 0
		}
		if node.Type() != rdf.TermBlank || ix.objRefs[node] != 1 {
			return nil, nil, false
		}
		props := ix.bySubj[node]
		if len(props) != 2 || props[0].Pred.String() != rdfFirst.String() || props[1].Pred.String() != rdfRest.String() {
			return nil, nil, false
		}
		items = append(items, props[0].Obj)
		cells = append(cells, node)
		node = props[1].Obj
	}
}
