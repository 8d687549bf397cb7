package ld

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// turtleEncoder writes Turtle 1.1 meant to be read by a person: the fixed
// prefix table at the top, then one block per subject with its predicates
// grouped, blank nodes used once written inline as [ ... ], and the
// author list as ( ... ).
//
// It does not use knakk/rdf's Turtle writer, which abbreviates IRIs into
// prefixed names that are not valid Turtle (DOIs with parentheses, a
// trailing dot), writes @prefix lines mid-document and rejects valid
// language tags. Here an IRI becomes a prefixed name only when its local
// part is plainly safe, and is written whole otherwise.
type turtleEncoder struct {
	w      *bufio.Writer
	graphs int
}

// NewTurtleEncoder returns an encoder of Turtle.
func NewTurtleEncoder(w io.Writer) Encoder { return &turtleEncoder{w: bufio.NewWriter(w)} }

var _ Encoder = (*turtleEncoder)(nil)

// Encode writes one graph. The prefix table is written before the first
// graph, always whole, so that no @prefix line ever follows a triple. A
// graph that cannot be written is an error and writes nothing; the
// stream goes on with the next graph.
func (e *turtleEncoder) Encode(g *Graph) error {
	if err := checkGraph(g); err != nil {
		return fmt.Errorf("ld: turtle: %w", err)
	}
	if e.graphs == 0 {
		for _, p := range vocab.Prefixes {
			fmt.Fprintf(e.w, "@prefix %s: <%s> .\n", p.Name, p.Namespace)
		}
	}
	tw := &turtleGraph{
		w:  e.w,
		ix: newIndex(g),
		// Not "b": knakk/rdf's Turtle decoder names the [ ] nodes it reads
		// _:b1, _:b2, ... and would merge them with labels of ours.
		scope: "n",
	}
	if e.graphs > 0 {
		tw.scope = "g" + strconv.Itoa(e.graphs) + "_n"
	}
	e.graphs++
	tw.write(g.Root)
	return nil
}

// Close flushes what is buffered, and reports the first write error.
func (e *turtleEncoder) Close() error { return e.w.Flush() }

// turtleGraph writes the blocks of one graph. Its per-node state is
// indexed by the index's node numbers.
type turtleGraph struct {
	w      *bufio.Writer
	ix     *index
	inline []bool               // blank nodes written inside their one referrer
	lists  map[int][]rdf.Object // list heads written as ( ... )
	labels []string             // labels of the blank nodes written as _:x
	next   int                  // the number of the next label
	scope  string
	buf    []byte // scratch for one term
}

func (tw *turtleGraph) write(root rdf.Subject) {
	rootID := tw.ix.add(root)
	tw.labels = make([]string, len(tw.ix.props))
	tw.plan(rootID)
	order := make([]int, 0, len(tw.ix.subjects))
	if len(tw.ix.props[rootID]) > 0 {
		order = append(order, rootID)
	}
	for _, s := range tw.ix.subjects {
		if s != rootID && !tw.inline[s] {
			order = append(order, s)
		}
	}
	for _, s := range order {
		tw.w.WriteByte('\n')
		tw.node(tw.ix.props[s][0].Subj, s)
		tw.properties(s, 1)
		tw.w.WriteString(" .\n")
	}
}

// plan decides which blank nodes are written inline: those used exactly
// once as an object and reachable from a block. A cycle of such nodes,
// which no block reaches, is broken by writing one of them as a block.
func (tw *turtleGraph) plan(root int) {
	ix := tw.ix
	tw.inline = make([]bool, len(ix.props))
	tw.lists = make(map[int][]rdf.Object)
	for _, s := range ix.subjects {
		if s != root && ix.props[s][0].Subj.Type() == rdf.TermBlank && ix.refs[s] == 1 {
			tw.inline[s] = true
		}
	}
	for _, s := range ix.subjects {
		if !tw.inline[s] {
			continue
		}
		if items, cells, ok := ix.list(ix.props[s][0].Subj); ok && tw.allInline(cells) {
			tw.lists[s] = items
		}
	}
	reached := make([]bool, len(ix.props))
	var visit func(int)
	visit = func(n int) {
		if reached[n] {
			return
		}
		reached[n] = true
		for _, t := range ix.props[n] {
			if o, ok := ix.id(t.Obj); ok && tw.inline[o] {
				visit(o)
			}
		}
	}
	for _, s := range ix.subjects {
		if !tw.inline[s] {
			visit(s)
		}
	}
	for _, s := range ix.subjects {
		if tw.inline[s] && !reached[s] {
			tw.inline[s] = false
			delete(tw.lists, s)
			visit(s)
		}
	}
}

func (tw *turtleGraph) allInline(cells []int) bool {
	for _, c := range cells {
		if !tw.inline[c] {
			return false
		}
	}
	return true
}

// node writes an IRI, or a blank node by its label.
func (tw *turtleGraph) node(n rdf.Term, id int) {
	if n.Type() != rdf.TermBlank {
		tw.iri(n.String())
		return
	}
	if tw.labels[id] == "" {
		tw.labels[id] = "_:" + tw.scope + strconv.Itoa(tw.next)
		tw.next++
	}
	tw.w.WriteString(tw.labels[id])
}

// indent is long enough for any depth the graphs of Map reach; deeper
// nesting is written with this indent.
const indent = "                                                                "

func indentOf(depth int) string {
	return indent[:min(4*depth, len(indent))]
}

// properties writes the predicate-object list of a subject, rdf:type
// first as "a", then the other predicates in the order they first appear,
// each with all its objects.
func (tw *turtleGraph) properties(s int, depth int) {
	triples := tw.ix.props[s]
	var preds []string
	for _, t := range triples {
		p := t.Pred.String()
		if !slices.Contains(preds, p) {
			if p == vocab.RDFType {
				preds = slices.Insert(preds, 0, p)
			} else {
				preds = append(preds, p)
			}
		}
	}
	for i, p := range preds {
		if i > 0 {
			tw.w.WriteString(" ;")
		}
		tw.w.WriteByte('\n')
		tw.w.WriteString(indentOf(depth))
		if p == vocab.RDFType {
			tw.w.WriteByte('a')
		} else {
			tw.iri(p)
		}
		first := true
		for _, t := range triples {
			if t.Pred.String() != p {
				continue
			}
			if !first {
				tw.w.WriteByte(',')
			}
			first = false
			tw.w.WriteByte(' ')
			tw.object(t.Obj, depth)
		}
	}
}

func (tw *turtleGraph) object(o rdf.Object, depth int) {
	id, isNode := tw.ix.id(o)
	switch {
	case !isNode:
		tw.literal(o.(rdf.Literal))
	case o.Type() == rdf.TermIRI:
		tw.iri(o.String())
	case tw.lists[id] != nil:
		tw.w.WriteByte('(')
		for _, item := range tw.lists[id] {
			tw.w.WriteByte(' ')
			tw.object(item, depth)
		}
		tw.w.WriteString(" )")
	case len(tw.ix.props[id]) == 0 && tw.ix.refs[id] == 1:
		tw.w.WriteString("[]") // a blank node used once and saying nothing
	case !tw.inline[id]:
		tw.node(o, id)
	default:
		tw.w.WriteByte('[')
		tw.properties(id, depth+1)
		tw.w.WriteByte('\n')
		tw.w.WriteString(indentOf(depth))
		tw.w.WriteByte(']')
	}
}

// literal writes integers and booleans in canonical form bare, and every
// other literal quoted, with its language tag or datatype.
func (tw *turtleGraph) literal(lit rdf.Literal) {
	switch dt := lit.DataType.String(); {
	case dt == vocab.XSDInteger && isTurtleInteger(lit.String()),
		dt == vocab.XSDBoolean && (lit.String() == "true" || lit.String() == "false"):
		tw.w.WriteString(lit.String())
		return
	}
	tw.buf = appendLiteral(tw.buf[:0], lit, func(dst []byte, dt rdf.IRI) []byte { return tw.appendIRI(dst, dt.String()) })
	tw.w.Write(tw.buf)
}

func isTurtleInteger(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// iri writes a prefixed name when the IRI starts with a namespace of the
// prefix table and the rest is a plainly safe local name (ASCII letters,
// digits, '_' and '-', not starting with a digit or '-'); otherwise the
// whole IRI in angle brackets.
func (tw *turtleGraph) iri(iri string) {
	tw.buf = tw.appendIRI(tw.buf[:0], iri)
	tw.w.Write(tw.buf)
}

// appendIRI appends what iri writes.
func (tw *turtleGraph) appendIRI(dst []byte, iri string) []byte {
	for _, p := range vocab.Prefixes {
		if local, ok := strings.CutPrefix(iri, p.Namespace); ok && safeLocalName(local) {
			return append(append(append(dst, p.Name...), ':'), local...)
		}
	}
	return append(appendIRI(append(dst, '<'), iri), '>')
}

func safeLocalName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9') || c == '-':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}
