package ld

import (
	"bufio"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// lineEncoder writes N-Triples, or N-Quads with each triple in the graph
// named by its article. It writes every term itself with a bufio.Writer:
// knakk/rdf's Serialize formats each term with fmt.Sprintf, five times
// slower (BENCHMARKS.md), though its decoder reads what this writes.
type lineEncoder struct {
	w      *bufio.Writer
	quads  bool
	graphs int // graphs written so far, to keep blank labels apart
}

// NewNTriplesEncoder returns an encoder of N-Triples; NewNQuadsEncoder one
// of N-Quads, whose fourth term names the article's graph.
func NewNTriplesEncoder(w io.Writer) Encoder { return &lineEncoder{w: bufio.NewWriter(w)} }

// NewNQuadsEncoder returns an encoder of N-Quads.
func NewNQuadsEncoder(w io.Writer) Encoder {
	return &lineEncoder{w: bufio.NewWriter(w), quads: true}
}

var _ Encoder = (*lineEncoder)(nil)

// Encode writes the graph's triples in the graph's order. The blank
// nodes of the second and later graphs of one stream are relabelled
// "g1_b0", "g2_b0", ..., so that no two articles share a node.
//
// A graph that cannot be written is an error and writes nothing; the
// stream goes on with the next graph.
func (e *lineEncoder) Encode(g *Graph) error {
	if err := checkGraph(g); err != nil {
		return fmt.Errorf("ld: n-triples: %w", err)
	}
	scope := graphScope(e.graphs)
	e.graphs++
	for _, t := range g.Triples {
		e.node(t.Subj, scope)
		e.w.WriteByte(' ')
		e.node(t.Pred, scope)
		e.w.WriteByte(' ')
		if lit, ok := t.Obj.(rdf.Literal); ok {
			writeLiteral(e.w, lit, func(dt rdf.IRI) { e.node(dt, "") })
		} else {
			e.node(t.Obj, scope)
		}
		if e.quads {
			e.w.WriteByte(' ')
			e.node(g.Root, scope)
		}
		e.w.WriteString(" .\n")
	}
	return nil
}

func (e *lineEncoder) node(t rdf.Term, scope string) {
	switch t.Type() {
	case rdf.TermIRI:
		e.w.WriteByte('<')
		writeIRI(e.w, t.String())
		e.w.WriteByte('>')
	case rdf.TermBlank:
		e.w.WriteString("_:")
		e.w.WriteString(scope)
		e.w.WriteString(t.String())
	}
}

// Close flushes what is buffered, and reports the first write error.
func (e *lineEncoder) Close() error { return e.w.Flush() }

// checkGraph finds what no RDF syntax can write: a language-tagged literal
// whose tag is empty or not well-formed (knakk/rdf's own writer panics on
// an empty one).
func checkGraph(g *Graph) error {
	for _, t := range g.Triples {
		if lit, ok := t.Obj.(rdf.Literal); ok && lit.DataType.String() == vocab.RDFLangString && !validLangTag(lit.Lang()) {
			return fmt.Errorf("%s %s: language tag %q is not well-formed", t.Subj, t.Pred, lit.Lang())
		}
	}
	return nil
}

// writeIRI writes the characters of an IRI, escaping as \u what N-Triples
// and Turtle do not allow in an IRI reference. rdf.NewIRI already refuses
// them, so this only guards terms made elsewhere.
func writeIRI(w *bufio.Writer, iri string) {
	start := 0
	for i := 0; i < len(iri); i++ {
		switch c := iri[i]; c {
		case '<', '>', '"', '{', '}', '|', '^', '`', '\\':
		default:
			if c > 0x20 {
				continue
			}
		}
		w.WriteString(iri[start:i])
		fmt.Fprintf(w, "\\u%04X", iri[i])
		start = i + 1
	}
	w.WriteString(iri[start:])
}

// writeLiteral writes a literal in the syntax N-Triples and Turtle share:
// the quoted, escaped string, then a language tag (checked by checkGraph)
// or a datatype (none for xsd:string).
func writeLiteral(w *bufio.Writer, lit rdf.Literal, datatype func(rdf.IRI)) {
	w.WriteByte('"')
	writeString(w, lit.String())
	w.WriteByte('"')
	switch dt := lit.DataType.String(); {
	case dt == vocab.RDFLangString:
		w.WriteByte('@')
		w.WriteString(lit.Lang())
	case dt != vocab.XSDString && dt != "":
		w.WriteString("^^")
		datatype(lit.DataType)
	}
}

// writeString escapes a string for a quoted literal: the quote, the
// backslash and line breaks by their short escapes, other control
// characters as \u, and invalid UTF-8 as U+FFFD.
func writeString(w *bufio.Writer, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		w.WriteString(s[start:i])
		switch c {
		case '"':
			w.WriteString(`\"`)
		case '\\':
			w.WriteString(`\\`)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\t':
			w.WriteString(`\t`)
		default:
			if c >= utf8.RuneSelf {
				w.WriteString("\uFFFD")
			} else {
				fmt.Fprintf(w, "\\u%04X", c)
			}
		}
		i++
		start = i
	}
	w.WriteString(s[start:])
}

// validLangTag reports whether tag matches the LANGTAG production of
// N-Triples and Turtle: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLangTag(tag string) bool {
	if tag == "" {
		return false
	}
	first, run := true, 0
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		switch {
		case c == '-':
			if run == 0 {
				return false
			}
			first, run = false, 0
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			run++
		case c >= '0' && c <= '9' && !first:
			run++
		default:
			return false
		}
	}
	return run > 0
}
