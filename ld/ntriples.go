package ld

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
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
	graphs int    // graphs written so far, to keep blank labels apart
	buf    []byte // one graph's lines
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
	e.buf = appendGraphLines(e.buf[:0], g, e.quads, StreamScope(e.graphs))
	e.graphs++
	_, err := e.w.Write(e.buf)
	return err
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

// appendGraphLines appends the triples of g, or quads in the graph g.Root,
// with the labels of blank nodes prefixed by scope.
func appendGraphLines(dst []byte, g *Graph, quads bool, scope string) []byte {
	var graph []byte // " <root>", the fourth term of each quad
	if quads {
		graph = appendLineTerm([]byte{' '}, g.Root, scope)
	}
	// Grow once to the size of the lines without escapes, which saves
	// copying them again and again as they grow.
	size := 0
	for _, t := range g.Triples {
		size += len(t.Subj.String()) + len(t.Pred.String()) + len(t.Obj.String()) + len(graph) + 12
		if lit, ok := t.Obj.(rdf.Literal); ok {
			size += len(lit.DataType.String()) + len(lit.Lang()) + 4
		}
	}
	dst = slices.Grow(dst, size+size/32)
	for _, t := range g.Triples {
		dst = appendLineTerm(dst, t.Subj, scope)
		dst = append(dst, ' ')
		dst = appendLineTerm(dst, t.Pred, scope)
		dst = append(dst, ' ')
		if lit, ok := t.Obj.(rdf.Literal); ok {
			dst = appendLiteral(dst, lit, appendBracketedIRI)
		} else {
			dst = appendLineTerm(dst, t.Obj, scope)
		}
		dst = append(dst, graph...)
		dst = append(dst, " .\n"...)
	}
	return dst
}

// appendLineTerm appends an IRI or a blank node as N-Triples writes it.
func appendLineTerm(dst []byte, t rdf.Term, scope string) []byte {
	switch t.Type() {
	case rdf.TermIRI:
		dst = append(appendIRI(append(dst, '<'), t.String()), '>')
	case rdf.TermBlank:
		dst = append(append(append(dst, "_:"...), scope...), t.String()...)
	}
	return dst
}

// appendBracketedIRI appends <iri>.
func appendBracketedIRI(dst []byte, iri rdf.IRI) []byte {
	return append(appendIRI(append(dst, '<'), iri.String()), '>')
}

// appendLines is the AppendGraph of N-Triples (quads false) and N-Quads.
func appendLines(quads bool) func(dst []byte, g *Graph, scope string) ([]byte, error) {
	return func(dst []byte, g *Graph, scope string) ([]byte, error) {
		if err := checkGraph(g); err != nil {
			return dst, fmt.Errorf("ld: n-triples: %w", err)
		}
		return appendGraphLines(dst, g, quads, scope), nil
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

const upperHexDigits = "0123456789ABCDEF"

// appendUEscape appends \u00XX for a byte.
func appendUEscape(dst []byte, c byte) []byte {
	return append(dst, '\\', 'u', '0', '0', upperHexDigits[c>>4], upperHexDigits[c&0xF])
}

// appendIRI appends the characters of an IRI, escaping as \u what
// N-Triples and Turtle do not allow in an IRI reference. rdf.NewIRI
// already refuses them, so this only guards terms made elsewhere.
func appendIRI(dst []byte, iri string) []byte {
	start := 0
	for i := 0; i < len(iri); i++ {
		i += safeRun(iri[i:], &iriSafe)
		if i == len(iri) {
			break
		}
		dst = appendUEscape(append(dst, iri[start:i]...), iri[i])
		start = i + 1
	}
	return append(dst, iri[start:]...)
}

// iriSafe marks with 1 the bytes appendIRI writes as they are; literalSafe
// the ASCII bytes appendString writes as they are.
var iriSafe, literalSafe = func() (iri, literal [256]byte) {
	for c := range 256 {
		if c > 0x20 && !strings.ContainsRune("<>\"{}|^`\\", rune(c)) {
			iri[c] = 1
		}
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' && c != 0x7f {
			literal[c] = 1
		}
	}
	return iri, literal
}()

// safeRun returns how many bytes s starts with that safe marks. It looks
// at eight bytes a step: the strings the encoders write rarely hold a byte
// to escape, and the byte-by-byte loop was a sixth of the instructions of
// a bulk run to N-Quads.
func safeRun(s string, safe *[256]byte) int {
	n := 0
	for ; len(s)-n >= 8; n += 8 {
		w := s[n : n+8]
		if safe[w[0]]&safe[w[1]]&safe[w[2]]&safe[w[3]]&safe[w[4]]&safe[w[5]]&safe[w[6]]&safe[w[7]] == 0 {
			break
		}
	}
	for n < len(s) && safe[s[n]] == 1 {
		n++
	}
	return n
}

// appendLiteral appends a literal in the syntax N-Triples and Turtle
// share: the quoted, escaped string, then a language tag (checked by
// checkGraph) or a datatype (none for xsd:string), which appendDatatype
// writes.
func appendLiteral(dst []byte, lit rdf.Literal, appendDatatype func([]byte, rdf.IRI) []byte) []byte {
	dst = append(appendString(append(dst, '"'), lit.String()), '"')
	switch dt := lit.DataType.String(); {
	case dt == vocab.RDFLangString:
		dst = append(append(dst, '@'), lit.Lang()...)
	case dt != vocab.XSDString && dt != "":
		dst = appendDatatype(append(dst, "^^"...), lit.DataType)
	}
	return dst
}

// appendString escapes a string for a quoted literal: the quote, the
// backslash and line breaks by their short escapes, other control
// characters as \u, and invalid UTF-8 as U+FFFD.
func appendString(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		i += safeRun(s[i:], &literalSafe)
		if i == len(s) {
			break
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"':
			dst = append(dst, `\"`...)
		case '\\':
			dst = append(dst, `\\`...)
		case '\n':
			dst = append(dst, `\n`...)
		case '\r':
			dst = append(dst, `\r`...)
		case '\t':
			dst = append(dst, `\t`...)
		default:
			if c >= utf8.RuneSelf {
				dst = append(dst, "\uFFFD"...)
			} else {
				dst = appendUEscape(dst, c)
			}
		}
		i++
		start = i
	}
	return append(dst, s[start:]...)
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
