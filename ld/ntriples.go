package ld

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// lineEncoder writes N-Triples, or N-Quads with each triple in the graph
// named by its article. It writes every term itself: knakk/rdf's
// Serialize formats each term with fmt.Sprintf, five times slower
// (BENCHMARKS.md), though its decoder reads what this writes.
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
	writeLines(e.w, g, e.quads, StreamScope(e.graphs))
	e.graphs++
	return nil
}

// StreamScope is the blank node label prefix of the graph with the given
// index in a stream of graphs: none for the first, "g1_", "g2_", ... for
// the others, so that no two articles of one output share a node.
func StreamScope(index int) string {
	if index == 0 {
		return ""
	}
	return "g" + strconv.Itoa(index) + "_"
}

// textWriter is what the term writers write to: a bufio.Writer for a
// stream, a bytes.Buffer for one graph encoded on its own.
type textWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// writeLines writes the triples of g, or quads in the graph g.Root, with
// the labels of blank nodes prefixed by scope.
func writeLines(w textWriter, g *Graph, quads bool, scope string) {
	for _, t := range g.Triples {
		writeLineTerm(w, t.Subj, scope)
		w.WriteByte(' ')
		writeLineTerm(w, t.Pred, scope)
		w.WriteByte(' ')
		if lit, ok := t.Obj.(rdf.Literal); ok {
			writeLiteral(w, lit, func(dt rdf.IRI) { writeLineTerm(w, dt, "") })
		} else {
			writeLineTerm(w, t.Obj, scope)
		}
		if quads {
			w.WriteByte(' ')
			writeLineTerm(w, g.Root, scope)
		}
		w.WriteString(" .\n")
	}
}

func writeLineTerm(w textWriter, t rdf.Term, scope string) {
	switch t.Type() {
	case rdf.TermIRI:
		w.WriteByte('<')
		writeIRI(w, t.String())
		w.WriteByte('>')
	case rdf.TermBlank:
		w.WriteString("_:")
		w.WriteString(scope)
		w.WriteString(t.String())
	}
}

// appendLines is the AppendGraph of N-Triples (quads false) and N-Quads.
func appendLines(quads bool) func(dst []byte, g *Graph, scope string) ([]byte, error) {
	return func(dst []byte, g *Graph, scope string) ([]byte, error) {
		if err := checkGraph(g); err != nil {
			return dst, fmt.Errorf("ld: n-triples: %w", err)
		}
		buf := bytes.NewBuffer(dst)
		writeLines(buf, g, quads, scope)
		return buf.Bytes(), nil
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
func writeIRI(w textWriter, iri string) {
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
func writeLiteral(w textWriter, lit rdf.Literal, datatype func(rdf.IRI)) {
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
func writeString(w textWriter, s string) {
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
