package validate

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// Reading N-Triples and N-Quads (https://www.w3.org/TR/n-triples/,
// https://www.w3.org/TR/n-quads/) takes two steps, so that the second
// runs in parallel: scanStatement finds where the terms of one line are,
// without allocating, which is all that cutting the input into graphs
// needs; termBuilder then makes knakk/rdf terms of them in a worker.
//
// The parser is scholarld's own: knakk/rdf's decoder makes the same
// terms five to ten times slower (BenchmarkParseNQuads, BENCHMARKS.md),
// and the Turtle parser reads a document only whole.

// termKind is what a span holds.
type termKind uint8

const (
	noTerm termKind = iota
	iriTerm
	blankTerm
	literalTerm
)

// span is where one term is in a line: for an IRI its characters without
// the angle brackets, for a blank node its label without "_:", for a
// literal its lexical form without the quotes, and then its datatype IRI
// (kind iriTerm) or language tag in extra. escaped tells that the text
// holds backslash escapes to decode.
type span struct {
	kind       termKind
	escaped    bool
	start, end int32
	extraKind  termKind // iriTerm for a datatype, literalTerm for a language tag
	extraEsc   bool
	extraStart int32
	extraEnd   int32
}

// statement is where the terms of one N-Quads line are; graph.kind is
// noTerm for the default graph.
type statement struct {
	subject, predicate, object, graph span
}

// syntaxError is a line that is not N-Triples or N-Quads, at a column
// (from 1, in bytes) of it.
type syntaxError struct {
	column int
	msg    string
}

func (e *syntaxError) Error() string { return e.msg }

// scanStatement reads one line (without its line break). ok is false for
// a line that holds no statement (blank, or a comment). quads allows a
// graph term.
func scanStatement(line []byte, quads bool) (st statement, ok bool, err *syntaxError) {
	s := scanner{line: line}
	s.space()
	if s.done() || line[s.off] == '#' {
		return st, false, nil
	}
	if !utf8.Valid(line) {
		return st, false, s.errorf("the line is not valid UTF-8")
	}
	if st.subject, err = s.node("subject", false); err != nil {
		return st, false, err
	}
	s.space()
	if st.predicate, err = s.node("predicate", true); err != nil {
		return st, false, err
	}
	if st.predicate.kind != iriTerm {
		return st, false, s.errorf("want the predicate IRI <…>, found a blank node")
	}
	s.space()
	if st.object, err = s.object(); err != nil {
		return st, false, err
	}
	s.space()
	if quads && !s.done() && line[s.off] != '.' {
		if st.graph, err = s.node("graph name", false); err != nil {
			return st, false, err
		}
		s.space()
	}
	if s.done() || line[s.off] != '.' {
		want := "the final '.'"
		if quads && st.graph.kind == noTerm {
			want = "a graph name or the final '.'"
		}
		return st, false, s.errorf("want %s, found %s", want, s.describe())
	}
	s.off++
	s.space()
	if !s.done() && line[s.off] != '#' {
		return st, false, s.errorf("want the end of the line after '.', found %s", s.describe())
	}
	return st, true, nil
}

// scanner walks one line.
type scanner struct {
	line []byte
	off  int
}

func (s *scanner) done() bool { return s.off >= len(s.line) }

func (s *scanner) space() {
	for s.off < len(s.line) && (s.line[s.off] == ' ' || s.line[s.off] == '\t' || s.line[s.off] == '\r') {
		s.off++
	}
}

func (s *scanner) errorf(format string, args ...any) *syntaxError {
	return &syntaxError{column: s.off + 1, msg: fmt.Sprintf(format, args...)}
}

// describe names what is at the scanner, for messages.
func (s *scanner) describe() string {
	if s.done() {
		return "the end of the line"
	}
	r, _ := utf8.DecodeRune(s.line[s.off:])
	return strconv.QuoteRune(r)
}

// node reads an IRI, or a blank node label unless iriOnly.
func (s *scanner) node(what string, iriOnly bool) (span, *syntaxError) {
	switch {
	case !s.done() && s.line[s.off] == '<':
		return s.iri()
	case !iriOnly && s.off+1 < len(s.line) && s.line[s.off] == '_' && s.line[s.off+1] == ':':
		return s.blank()
	case iriOnly:
		return span{}, s.errorf("want the %s, an IRI <…>, found %s", what, s.describe())
	}
	return span{}, s.errorf("want the %s, an IRI <…> or a blank node _:label, found %s", what, s.describe())
}

// iri reads <…>, checking the characters IRIREF allows.
func (s *scanner) iri() (span, *syntaxError) {
	s.off++ // <
	sp := span{kind: iriTerm, start: int32(s.off)}
	for ; s.off < len(s.line); s.off++ {
		switch c := s.line[s.off]; {
		case c == '>':
			sp.end = int32(s.off)
			s.off++
			if !hasScheme(s.line[sp.start:sp.end]) {
				return sp, &syntaxError{column: int(sp.start) + 1, msg: "the IRI is relative; N-Triples and N-Quads name nodes by absolute IRIs, scheme:…"}
			}
			return sp, nil
		case c == '\\':
			if err := s.escape(true); err != nil {
				return sp, err
			}
			sp.escaped = true
			s.off-- // the loop steps past the escape's last character
		case notInIRI[c]:
			return sp, s.errorf("%s is not allowed in an IRI", s.describe())
		}
	}
	return sp, s.errorf("the IRI has no closing '>'")
}

// hasScheme reports whether an IRI starts with a scheme and its colon.
func hasScheme(iri []byte) bool {
	for i, c := range iri {
		switch {
		case c == ':':
			return i > 0
		case isLetter(c):
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// notInIRI holds the bytes that IRIREF does not allow unescaped.
var notInIRI = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for _, c := range []byte("<\"{}|^`") {
		t[c] = true
	}
	return t
}()

// escape checks the escape at the scanner and moves past it: \uXXXX and
// \UXXXXXXXX, and in a literal the one-character escapes of ECHAR.
func (s *scanner) escape(inIRI bool) *syntaxError {
	if s.off+1 >= len(s.line) {
		return s.errorf("a backslash ends the line")
	}
	digits := 0
	switch c := s.line[s.off+1]; {
	case c == 'u':
		digits = 4
	case c == 'U':
		digits = 8
	case !inIRI && strings.IndexByte(`tbnrf"'\`, c) >= 0:
		s.off += 2
		return nil
	default:
		return s.errorf("unknown escape \\%c", c)
	}
	if s.off+2+digits > len(s.line) {
		return s.errorf("the escape \\%c needs %d hexadecimal digits", s.line[s.off+1], digits)
	}
	if _, err := strconv.ParseUint(string(s.line[s.off+2:s.off+2+digits]), 16, 32); err != nil {
		return s.errorf("the escape \\%c needs %d hexadecimal digits", s.line[s.off+1], digits)
	}
	s.off += 2 + digits
	return nil
}

// blank reads _:label.
func (s *scanner) blank() (span, *syntaxError) {
	s.off += 2
	sp := span{kind: blankTerm, start: int32(s.off)}
	for s.off < len(s.line) {
		c := s.line[s.off]
		if c == ' ' || c == '\t' || c == '<' || c == '"' || c == '#' || c == '\r' || c == '.' && (s.off+1 == len(s.line) || isSpace(s.line[s.off+1])) {
			break
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c >= 0x80) {
			return sp, s.errorf("%s is not allowed in a blank node label", s.describe())
		}
		s.off++
	}
	sp.end = int32(s.off)
	if sp.end == sp.start {
		return sp, s.errorf("empty blank node label")
	}
	if s.line[sp.start] == '-' || s.line[sp.start] == '.' || s.line[sp.end-1] == '.' {
		return sp, &syntaxError{column: int(sp.start) + 1, msg: "a blank node label may not start with '-' or '.' or end with '.'"}
	}
	return sp, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// object reads an IRI, a blank node or a literal.
func (s *scanner) object() (span, *syntaxError) {
	if s.done() || s.line[s.off] != '"' {
		return s.node("object", false)
	}
	s.off++
	sp := span{kind: literalTerm, start: int32(s.off)}
	for {
		if s.done() {
			return sp, s.errorf("the literal has no closing '\"'")
		}
		c := s.line[s.off]
		if c == '"' {
			break
		}
		if c == '\\' {
			if err := s.escape(false); err != nil {
				return sp, err
			}
			sp.escaped = true
			continue
		}
		if c == '\n' || c == '\r' {
			return sp, s.errorf("a line break in a literal must be written \\n or \\r")
		}
		s.off++
	}
	sp.end = int32(s.off)
	s.off++
	switch {
	case s.off+1 < len(s.line) && s.line[s.off] == '^' && s.line[s.off+1] == '^':
		s.off += 2
		if s.done() || s.line[s.off] != '<' {
			return sp, s.errorf("want the datatype IRI <…> after ^^, found %s", s.describe())
		}
		dt, err := s.iri()
		if err != nil {
			return sp, err
		}
		sp.extraKind, sp.extraEsc, sp.extraStart, sp.extraEnd = iriTerm, dt.escaped, dt.start, dt.end
	case !s.done() && s.line[s.off] == '@':
		s.off++
		start := s.off
		for s.off < len(s.line) && (isLetter(s.line[s.off]) || s.off > start && (s.line[s.off] == '-' || s.line[s.off] >= '0' && s.line[s.off] <= '9')) {
			s.off++
		}
		if s.off == start || s.line[s.off-1] == '-' {
			return sp, s.errorf("malformed language tag")
		}
		sp.extraKind, sp.extraStart, sp.extraEnd = literalTerm, int32(start), int32(s.off)
	}
	return sp, nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// termBuilder makes knakk/rdf terms of spans. It keeps the IRIs it has
// made, so that the predicates and classes every graph repeats are made
// once per worker, and the blank nodes of the current graph.
type termBuilder struct {
	iris   map[string]rdf.Term
	blanks map[string]rdf.Term
}

// maxInterned bounds the IRIs a termBuilder keeps: most are the few
// hundred terms of the vocabularies; the rest, one article's own IRIs,
// would otherwise grow with the input.
const maxInterned = 1 << 14

func newTermBuilder() *termBuilder {
	return &termBuilder{iris: map[string]rdf.Term{}, blanks: map[string]rdf.Term{}}
}

// newGraph forgets the blank nodes of the previous graph.
func (b *termBuilder) newGraph() { clear(b.blanks) }

// term makes the term of a span of line.
func (b *termBuilder) term(line []byte, sp span) (rdf.Term, error) {
	text := line[sp.start:sp.end]
	switch sp.kind {
	case iriTerm:
		return b.iri(text, sp.escaped)
	case blankTerm:
		if t, ok := b.blanks[string(text)]; ok {
			return t, nil
		}
		label := string(text)
		blank, err := rdf.NewBlank(label)
		if err != nil {
			return nil, err
		}
		b.blanks[label] = blank
		return blank, nil
	case literalTerm:
		value := string(text)
		if sp.escaped {
			value = unescape(text)
		}
		extra := line[sp.extraStart:sp.extraEnd]
		switch sp.extraKind {
		case iriTerm:
			dt, err := b.iri(extra, sp.extraEsc)
			if err != nil {
				return nil, err
			}
			return rdf.NewTypedLiteral(value, dt.(rdf.IRI)), nil
		case literalTerm:
			if lit, err := rdf.NewLangLiteral(value, string(extra)); err == nil {
				return lit, nil
			}
			// knakk/rdf holds no tag of several subtags (zh-Hant-TW); the
			// Turtle parser and the JSON-LD reader make such a literal a
			// string too.
		}
		return rdf.NewTypedLiteral(value, xsdStringIRI), nil
	}
	return nil, fmt.Errorf("no term")
}

var xsdStringIRI, _ = rdf.NewIRI(vocab.XSDString)

func (b *termBuilder) iri(text []byte, escaped bool) (rdf.Term, error) {
	if t, ok := b.iris[string(text)]; ok {
		return t, nil
	}
	s := string(text)
	if escaped {
		s = unescape(text)
	}
	iri, err := rdf.NewIRI(s)
	if err != nil {
		return nil, fmt.Errorf("IRI <%s>: %w", s, err)
	}
	if len(b.iris) >= maxInterned {
		clear(b.iris)
	}
	b.iris[string(text)] = iri
	return iri, nil
}

// unescape decodes the escapes that scanStatement has checked.
func unescape(text []byte) string {
	var out strings.Builder
	out.Grow(len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\\' {
			out.WriteByte(c)
			continue
		}
		i++
		switch text[i] {
		case 'u', 'U':
			n := 4
			if text[i] == 'U' {
				n = 8
			}
			r, _ := strconv.ParseUint(string(text[i+1:i+1+n]), 16, 32)
			if r > utf8.MaxRune || r >= 0xD800 && r <= 0xDFFF {
				r = utf8.RuneError
			}
			out.WriteRune(rune(r))
			i += n
		case 't':
			out.WriteByte('\t')
		case 'b':
			out.WriteByte('\b')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 'f':
			out.WriteByte('\f')
		default: // " ' \
			out.WriteByte(text[i])
		}
	}
	return out.String()
}

// triple makes the triple of a statement of line.
func (b *termBuilder) triple(line []byte, st *statement) (rdf.Triple, error) {
	s, err := b.term(line, st.subject)
	if err != nil {
		return rdf.Triple{}, err
	}
	p, err := b.term(line, st.predicate)
	if err != nil {
		return rdf.Triple{}, err
	}
	o, err := b.term(line, st.object)
	if err != nil {
		return rdf.Triple{}, err
	}
	return rdf.Triple{Subj: s.(rdf.Subject), Pred: p.(rdf.Predicate), Obj: o.(rdf.Object)}, nil
}
