package ld

import (
	"bufio"
	"fmt"
	"io"
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
	err    error
}

// NewTurtleEncoder returns an encoder of Turtle.
func NewTurtleEncoder(w io.Writer) Encoder { return &turtleEncoder{w: bufio.NewWriter(w)} }

var _ Encoder = (*turtleEncoder)(nil)

// Encode writes one graph. The prefix table is written before the first
// graph, always whole, so that no @prefix line ever follows a triple.
func (e *turtleEncoder) Encode(g *Graph) error {
	if e.err != nil {
		return e.err
	}
	if e.graphs == 0 {
		for _, p := range vocab.Prefixes {
			fmt.Fprintf(e.w, "@prefix %s: <%s> .\n", p.Name, p.Namespace)
		}
	}
	tw := &turtleGraph{
		w:      e.w,
		ix:     newIndex(g),
		labels: make(map[rdf.Term]string),
		scope:  "b",
	}
	if e.graphs > 0 {
		tw.scope = "g" + strconv.Itoa(e.graphs) + "_b"
	}
	e.graphs++
	if err := tw.write(g.Root); err != nil {
		e.err = fmt.Errorf("ld: turtle: %w", err)
	}
	return e.err
}

// Close flushes what is buffered.
func (e *turtleEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// turtleGraph writes the blocks of one graph.
type turtleGraph struct {
	w      *bufio.Writer
	ix     *index
	inline map[rdf.Term]bool         // blank nodes written inside their one referrer
	lists  map[rdf.Term][]rdf.Object // list heads written as ( ... )
	labels map[rdf.Term]string       // labels of the blank nodes written as _:x
	scope  string
}

func (tw *turtleGraph) write(root rdf.Subject) error {
	tw.plan(root)
	order := make([]rdf.Subject, 0, len(tw.ix.subjects))
	if _, ok := tw.ix.bySubj[root]; ok {
		order = append(order, root)
	}
	for _, s := range tw.ix.subjects {
		if s != root && !tw.inline[s] {
			order = append(order, s)
		}
	}
	for _, s := range order {
		tw.w.WriteByte('\n')
		tw.subject(s)
		if err := tw.properties(s, 1); err != nil {
			return err
		}
		tw.w.WriteString(" .\n")
	}
	return nil
}

// plan decides which blank nodes are written inline: those used exactly
// once as an object and reachable from a block. A cycle of such nodes,
// which no block reaches, is broken by writing one of them as a block.
func (tw *turtleGraph) plan(root rdf.Subject) {
	tw.inline = make(map[rdf.Term]bool)
	tw.lists = make(map[rdf.Term][]rdf.Object)
	for _, s := range tw.ix.subjects {
		if s.Type() == rdf.TermBlank && s != root && tw.ix.objRefs[s] == 1 {
			tw.inline[s] = true
		}
	}
	for s := range tw.inline {
		if items, cells, ok := tw.ix.list(s); ok && tw.allInline(cells) {
			tw.lists[s] = items
		}
	}
	reached := make(map[rdf.Term]bool)
	var visit func(rdf.Term)
	visit = func(n rdf.Term) {
		if reached[n] {
			return
		}
		reached[n] = true
		for _, t := range tw.ix.bySubj[n] {
			if tw.inline[t.Obj] {
				visit(t.Obj)
			}
		}
	}
	for _, s := range tw.ix.subjects {
		if !tw.inline[s] {
			visit(s)
		}
	}
	for _, s := range tw.ix.subjects {
		if tw.inline[s] && !reached[s] {
			delete(tw.inline, s)
			delete(tw.lists, s)
			visit(s)
		}
	}
}

func (tw *turtleGraph) allInline(cells []rdf.Term) bool {
	for _, c := range cells {
		if !tw.inline[c] {
			return false
		}
	}
	return true
}

func (tw *turtleGraph) subject(s rdf.Subject) {
	if s.Type() == rdf.TermBlank {
		tw.w.WriteString(tw.label(s))
		return
	}
	tw.iri(s.String())
}

func (tw *turtleGraph) label(b rdf.Term) string {
	if l, ok := tw.labels[b]; ok {
		return l
	}
	l := "_:" + tw.scope + strconv.Itoa(len(tw.labels))
	tw.labels[b] = l
	return l
}

// properties writes the predicate-object list of s, rdf:type first as
// "a", then the other predicates in the order they first appear.
func (tw *turtleGraph) properties(s rdf.Term, depth int) error {
	triples := tw.ix.bySubj[s]
	var preds []rdf.Predicate
	objects := make(map[string][]rdf.Object)
	for _, t := range triples {
		key := t.Pred.String()
		if _, seen := objects[key]; !seen {
			if key == vocab.RDFType {
				preds = append([]rdf.Predicate{t.Pred}, preds...)
			} else {
				preds = append(preds, t.Pred)
			}
		}
		objects[key] = append(objects[key], t.Obj)
	}
	indent := strings.Repeat("    ", depth)
	for i, p := range preds {
		if i > 0 {
			tw.w.WriteString(" ;")
		}
		tw.w.WriteByte('\n')
		tw.w.WriteString(indent)
		if p.String() == vocab.RDFType {
			tw.w.WriteByte('a')
		} else {
			tw.iri(p.String())
		}
		for j, o := range objects[p.String()] {
			if j > 0 {
				tw.w.WriteByte(',')
			}
			tw.w.WriteByte(' ')
			if err := tw.object(o, depth); err != nil {
				return fmt.Errorf("%s %s: %w", s, p, err)
			}
		}
	}
	return nil
}

func (tw *turtleGraph) object(o rdf.Object, depth int) error {
	switch o.Type() {
	case rdf.TermLiteral:
		return tw.literal(o.(rdf.Literal))
	case rdf.TermIRI:
		tw.iri(o.String())
	case rdf.TermBlank:
		if items, ok := tw.lists[o]; ok {
			tw.w.WriteByte('(')
			for _, item := range items {
				tw.w.WriteByte(' ')
				if err := tw.object(item, depth); err != nil {
					return err
				}
			}
			tw.w.WriteString(" )")
			return nil
		}
		if !tw.inline[o] {
			tw.w.WriteString(tw.label(o))
			return nil
		}
		if len(tw.ix.bySubj[o]) == 0 {
			tw.w.WriteString("[]")
			return nil
		}
		tw.w.WriteByte('[')
		if err := tw.properties(o, depth+1); err != nil {
			return err
		}
		tw.w.WriteByte('\n')
		tw.w.WriteString(strings.Repeat("    ", depth))
		tw.w.WriteByte(']')
	}
	return nil
}

// literal writes integers and booleans in canonical form bare, and every
// other literal quoted, with its language tag or datatype.
func (tw *turtleGraph) literal(lit rdf.Literal) error {
	switch dt := lit.DataType.String(); {
	case dt == vocab.XSDInteger && isTurtleInteger(lit.String()),
		dt == vocab.XSDBoolean && (lit.String() == "true" || lit.String() == "false"):
		tw.w.WriteString(lit.String())
		return nil
	}
	return writeLiteral(tw.w, lit, func(dt rdf.IRI) { tw.iri(dt.String()) })
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
	for _, p := range vocab.Prefixes {
		if local, ok := strings.CutPrefix(iri, p.Namespace); ok && safeLocalName(local) {
			tw.w.WriteString(p.Name)
			tw.w.WriteByte(':')
			tw.w.WriteString(local)
			return
		}
	}
	tw.w.WriteByte('<')
	writeIRI(tw.w, iri)
	tw.w.WriteByte('>')
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
