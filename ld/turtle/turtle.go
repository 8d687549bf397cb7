package turtle

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// Namespaces the grammar itself refers to.
const (
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xsdNS = "http://www.w3.org/2001/XMLSchema#"
)

// maxNesting bounds how deep [ ] and ( ) may nest, so that hostile input
// cannot exhaust the stack.
const maxNesting = 500

// SyntaxError is input that is not Turtle, at a line and column (both
// from 1; the column counts bytes).
type SyntaxError struct {
	Line, Column int
	Err          error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("turtle: %d:%d: %v", e.Line, e.Column, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Parse reads a Turtle document (or N-Triples, a subset), after a UTF-8
// byte-order mark if it starts with one. base resolves relative IRIs until the
// document sets its own with @base or BASE; it may be empty.
func Parse(data []byte, base string) ([]rdf.Triple, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark
	p := &parser{src: data, line: 1, col: 1, base: base,
		prefixes: map[string]string{}, blanks: map[string]rdf.Blank{}}
	for {
		p.skipSpace()
		if p.eof() {
			return p.triples, nil
		}
		if err := p.statement(); err != nil {
			return nil, err
		}
	}
}

// parser is the state of one Parse call.
type parser struct {
	src       []byte
	off       int
	line, col int
	base      string
	prefixes  map[string]string
	blanks    map[string]rdf.Blank
	nextBlank int
	depth     int
	triples   []rdf.Triple
}

func (p *parser) eof() bool { return p.off >= len(p.src) }

func (p *parser) peek() byte {
	if p.eof() {
		return 0
	}
	return p.src[p.off]
}

func (p *parser) peekAt(n int) byte {
	if p.off+n >= len(p.src) {
		return 0
	}
	return p.src[p.off+n]
}

// advance moves over n bytes, keeping the line and column.
func (p *parser) advance(n int) {
	for i := 0; i < n && !p.eof(); i++ {
		if p.src[p.off] == '\n' {
			p.line++
			p.col = 1
		} else {
			p.col++
		}
		p.off++
	}
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Line: p.line, Column: p.col, Err: fmt.Errorf(format, args...)}
}

// describe names the next input for messages.
func (p *parser) describe() string {
	if p.eof() {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[p.off:])
	return fmt.Sprintf("%q", r)
}

// skipSpace skips white space and comments.
func (p *parser) skipSpace() {
	for !p.eof() {
		switch p.peek() {
		case ' ', '\t', '\r', '\n':
			p.advance(1)
		case '#':
			for !p.eof() && p.peek() != '\n' {
				p.advance(1)
			}
		default:
			return
		}
	}
}

func (p *parser) expect(c byte) error {
	p.skipSpace()
	if p.peek() != c || p.eof() {
		return p.errorf("found %s, want %q", p.describe(), c)
	}
	p.advance(1)
	return nil
}

// hasKeyword reports whether the input continues with word (compared
// case-insensitively when fold) followed by a non-name character.
func (p *parser) hasKeyword(word string, fold bool) bool {
	end := p.off + len(word)
	if end > len(p.src) {
		return false
	}
	got := string(p.src[p.off:end])
	if fold && !strings.EqualFold(got, word) || !fold && got != word {
		return false
	}
	if end < len(p.src) {
		r, _ := utf8.DecodeRune(p.src[end:])
		if isPNChars(r) || r == ':' {
			return false
		}
	}
	return true
}

func (p *parser) statement() error {
	switch {
	case p.peek() == '@':
		switch {
		case p.hasKeyword("@prefix", false):
			p.advance(len("@prefix"))
			return p.prefixDirective(true)
		case p.hasKeyword("@base", false):
			p.advance(len("@base"))
			return p.baseDirective(true)
		}
		return p.errorf("unknown directive, want @prefix or @base")
	case p.hasKeyword("PREFIX", true):
		p.advance(len("PREFIX"))
		return p.prefixDirective(false)
	case p.hasKeyword("BASE", true):
		p.advance(len("BASE"))
		return p.baseDirective(false)
	}
	if err := p.triplesStatement(); err != nil {
		return err
	}
	return p.expect('.')
}

func (p *parser) prefixDirective(dot bool) error {
	p.skipSpace()
	prefix, err := p.prefixName()
	if err != nil {
		return err
	}
	if err := p.expect(':'); err != nil {
		return err
	}
	p.skipSpace()
	iri, err := p.iriRef()
	if err != nil {
		return err
	}
	p.prefixes[prefix] = iri
	if dot {
		return p.expect('.')
	}
	return nil
}

func (p *parser) baseDirective(dot bool) error {
	p.skipSpace()
	iri, err := p.iriRef()
	if err != nil {
		return err
	}
	p.base = iri
	if dot {
		return p.expect('.')
	}
	return nil
}

func (p *parser) triplesStatement() error {
	p.skipSpace()
	if p.peek() == '[' {
		subj, empty, err := p.blankNodePropertyList()
		if err != nil {
			return err
		}
		p.skipSpace()
		if p.peek() == '.' && !empty {
			return nil // [ ... ] . alone
		}
		return p.predicateObjectList(subj)
	}
	subj, err := p.subject()
	if err != nil {
		return err
	}
	return p.predicateObjectList(subj)
}

func (p *parser) subject() (rdf.Subject, error) {
	p.skipSpace()
	switch p.peek() {
	case '(':
		obj, err := p.collection()
		if err != nil {
			return nil, err
		}
		return obj.(rdf.Subject), nil
	case '_':
		return p.blankLabel()
	}
	iri, err := p.iri()
	if err != nil {
		return nil, err
	}
	return iri, nil
}

// predicateObjectList reads verb objectList (';' (verb objectList)?)*.
func (p *parser) predicateObjectList(subj rdf.Subject) error {
	for {
		pred, err := p.verb()
		if err != nil {
			return err
		}
		if err := p.objectList(subj, pred); err != nil {
			return err
		}
		p.skipSpace()
		if p.peek() != ';' {
			return nil
		}
		for p.peek() == ';' {
			p.advance(1)
			p.skipSpace()
		}
		switch p.peek() {
		case '.', ']':
			return nil
		}
		if p.eof() {
			return p.errorf("unexpected end of input, want a predicate")
		}
	}
}

func (p *parser) verb() (rdf.Predicate, error) {
	p.skipSpace()
	if p.peek() == 'a' && p.hasKeyword("a", false) {
		p.advance(1)
		return p.newIRI(rdfNS + "type")
	}
	return p.iri()
}

func (p *parser) objectList(subj rdf.Subject, pred rdf.Predicate) error {
	for {
		obj, err := p.object()
		if err != nil {
			return err
		}
		p.triples = append(p.triples, rdf.Triple{Subj: subj, Pred: pred, Obj: obj})
		p.skipSpace()
		if p.peek() != ',' {
			return nil
		}
		p.advance(1)
	}
}

func (p *parser) object() (rdf.Object, error) {
	p.skipSpace()
	c := p.peek()
	switch {
	case p.eof():
		return nil, p.errorf("unexpected end of input, want an object")
	case c == '<':
		return p.iri()
	case c == '_':
		return p.blankLabel()
	case c == '[':
		b, _, err := p.blankNodePropertyList()
		return b, err
	case c == '(':
		return p.collection()
	case c == '"' || c == '\'':
		return p.literal()
	case c == '+' || c == '-' || c >= '0' && c <= '9' || c == '.' && p.peekAt(1) >= '0' && p.peekAt(1) <= '9':
		return p.number()
	case p.hasKeyword("true", false):
		p.advance(4)
		return rdf.NewTypedLiteral("true", mustIRI(xsdNS+"boolean")), nil
	case p.hasKeyword("false", false):
		p.advance(5)
		return rdf.NewTypedLiteral("false", mustIRI(xsdNS+"boolean")), nil
	}
	return p.iri()
}

// enter and leave bound the nesting of [ ] and ( ).
func (p *parser) enter() error {
	p.depth++
	if p.depth > maxNesting {
		return p.errorf("[ ] and ( ) nest deeper than %d levels", maxNesting)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// blankNodePropertyList reads [ predicateObjectList? ]; empty reports [ ].
func (p *parser) blankNodePropertyList() (rdf.Blank, bool, error) {
	if err := p.enter(); err != nil {
		return rdf.Blank{}, false, err
	}
	defer p.leave()
	p.advance(1) // [
	b := p.newBlank()
	p.skipSpace()
	if p.peek() == ']' {
		p.advance(1)
		return b, true, nil
	}
	if err := p.predicateObjectList(b); err != nil {
		return rdf.Blank{}, false, err
	}
	return b, false, p.expect(']')
}

// collection reads ( object* ) as an rdf:List; () is rdf:nil.
func (p *parser) collection() (rdf.Object, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	p.advance(1) // (
	first, _ := p.newIRI(rdfNS + "first")
	rest, _ := p.newIRI(rdfNS + "rest")
	nilIRI, _ := p.newIRI(rdfNS + "nil")
	var head rdf.Object = nilIRI
	var last rdf.Blank
	for {
		p.skipSpace()
		if p.peek() == ')' {
			p.advance(1)
			if head != rdf.Object(nilIRI) {
				p.triples = append(p.triples, rdf.Triple{Subj: last, Pred: rest, Obj: nilIRI})
			}
			return head, nil
		}
		cell := p.newBlank()
		if head == rdf.Object(nilIRI) {
			head = cell
		} else {
			p.triples = append(p.triples, rdf.Triple{Subj: last, Pred: rest, Obj: cell})
		}
		last = cell
		// The cell's rdf:first triple goes before the triples of a nested
		// item, as the item is read after it; its place is kept here.
		at := len(p.triples)
		p.triples = append(p.triples, rdf.Triple{})
		item, err := p.object()
		if err != nil {
			return nil, err
		}
		p.triples[at] = rdf.Triple{Subj: cell, Pred: first, Obj: item}
	}
}

func (p *parser) newBlank() rdf.Blank {
	b, _ := rdf.NewBlank("b" + strconv.Itoa(p.nextBlank)) // never empty
	p.nextBlank++
	return b
}

// blankLabel reads _:label and returns the node it names in this document.
func (p *parser) blankLabel() (rdf.Blank, error) {
	if p.peekAt(1) != ':' {
		return rdf.Blank{}, p.errorf("found %s, want a blank node label _:name", p.describe())
	}
	p.advance(2)
	start := p.off
	for !p.eof() {
		r, size := utf8.DecodeRune(p.src[p.off:])
		first := p.off == start
		ok := isPNCharsU(r) || r >= '0' && r <= '9' || !first && (isPNChars(r) || r == '.')
		if !ok {
			break
		}
		p.advance(size)
	}
	label := string(p.src[start:p.off])
	for strings.HasSuffix(label, ".") { // a final dot ends the statement
		label = label[:len(label)-1]
		p.off--
		p.col--
	}
	if label == "" {
		return rdf.Blank{}, p.errorf("empty blank node label")
	}
	if b, ok := p.blanks[label]; ok {
		return b, nil
	}
	b := p.newBlank()
	p.blanks[label] = b
	return b, nil
}

// iri reads an IRIREF or a prefixed name.
func (p *parser) iri() (rdf.IRI, error) {
	p.skipSpace()
	if p.peek() == '<' {
		s, err := p.iriRef()
		if err != nil {
			return rdf.IRI{}, err
		}
		return p.newIRI(s)
	}
	line, col := p.line, p.col
	prefix, err := p.prefixName()
	if err != nil {
		return rdf.IRI{}, err
	}
	if p.peek() != ':' {
		return rdf.IRI{}, p.errorf("found %s, want an IRI, a prefixed name, a blank node or a literal", p.describe())
	}
	p.advance(1)
	ns, ok := p.prefixes[prefix]
	if !ok {
		return rdf.IRI{}, &SyntaxError{Line: line, Column: col, Err: fmt.Errorf("undeclared prefix %q", prefix)}
	}
	local, err := p.localName()
	if err != nil {
		return rdf.IRI{}, err
	}
	return p.newIRI(ns + local)
}

func (p *parser) newIRI(s string) (rdf.IRI, error) {
	iri, err := rdf.NewIRI(s)
	if err != nil {
		return rdf.IRI{}, p.errorf("IRI %q: %v", s, err)
	}
	return iri, nil
}

// iriRef reads <...>, unescapes it and resolves it against the base.
func (p *parser) iriRef() (string, error) {
	if p.peek() != '<' {
		return "", p.errorf("found %s, want an IRI <...>", p.describe())
	}
	p.advance(1)
	var b strings.Builder
	for {
		if p.eof() {
			return "", p.errorf("unexpected end of input in IRI")
		}
		r, size := utf8.DecodeRune(p.src[p.off:])
		switch {
		case r == '>':
			p.advance(1)
			return resolve(p.base, b.String()), nil
		case r == '\\':
			u, err := p.unicodeEscape()
			if err != nil {
				return "", err
			}
			if u <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", u) {
				return "", p.errorf("escaped character %q is not allowed in an IRI", u)
			}
			b.WriteRune(u)
			continue
		case r <= 0x20 || strings.ContainsRune("<\"{}|^`", r):
			return "", p.errorf("character %q is not allowed in an IRI", r)
		case r == utf8.RuneError && size == 1:
			return "", p.errorf("invalid UTF-8 in IRI")
		}
		b.WriteRune(r)
		p.advance(size)
	}
}

// unicodeEscape reads \uXXXX or \UXXXXXXXX.
func (p *parser) unicodeEscape() (rune, error) {
	n := 0
	switch p.peekAt(1) {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		p.advance(1)
		return 0, p.errorf("found %s after \\, want u or U", p.describe())
	}
	if p.off+2+n > len(p.src) {
		return 0, p.errorf("unexpected end of input in \\u escape")
	}
	v, err := strconv.ParseUint(string(p.src[p.off+2:p.off+2+n]), 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, p.errorf("invalid escape %s", p.src[p.off:p.off+2+n])
	}
	p.advance(2 + n)
	return rune(v), nil
}

// prefixName reads PN_PREFIX, which may be empty.
func (p *parser) prefixName() (string, error) {
	start := p.off
	for !p.eof() {
		r, size := utf8.DecodeRune(p.src[p.off:])
		first := p.off == start
		if first && !isPNCharsBase(r) || !first && !isPNChars(r) && r != '.' {
			break
		}
		p.advance(size)
	}
	name := string(p.src[start:p.off])
	if strings.HasSuffix(name, ".") {
		return "", p.errorf("a prefix may not end with '.'")
	}
	return name, nil
}

// localName reads PN_LOCAL, unescaping \x and keeping %XX; a final '.'
// is left for the statement.
func (p *parser) localName() (string, error) {
	var b strings.Builder
	start := p.off
	for !p.eof() {
		r, size := utf8.DecodeRune(p.src[p.off:])
		first := p.off == start
		switch {
		case r == '\\':
			c := p.peekAt(1)
			if c == 0 || !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", rune(c)) {
				p.advance(1)
				return "", p.errorf("found %s after \\ in a local name, want one of _~.-!$&'()*+,;=/?#@%%", p.describe())
			}
			b.WriteByte(c)
			p.advance(2)
			continue
		case r == '%':
			if !isHex(p.peekAt(1)) || !isHex(p.peekAt(2)) {
				return "", p.errorf("%% in a local name must start %%XX with hex digits")
			}
			b.Write(p.src[p.off : p.off+3])
			p.advance(3)
			continue
		case r == '.':
			// Dots belong to the name only when a name character follows
			// them; a final dot ends the statement.
			j := p.off
			for j < len(p.src) && p.src[j] == '.' {
				j++
			}
			if first || j >= len(p.src) {
				return b.String(), nil
			}
			if after, _ := utf8.DecodeRune(p.src[j:]); !isPNChars(after) && after != ':' && after != '%' && after != '\\' {
				return b.String(), nil
			}
		case isPNCharsU(r) || r == ':' || r >= '0' && r <= '9':
		case !first && isPNChars(r):
		default:
			return b.String(), nil
		}
		b.WriteRune(r)
		p.advance(size)
	}
	return b.String(), nil
}

// literal reads a quoted string with an optional language tag or datatype.
func (p *parser) literal() (rdf.Object, error) {
	value, err := p.quoted()
	if err != nil {
		return nil, err
	}
	switch {
	case p.peek() == '@':
		p.advance(1)
		start := p.off
		for !p.eof() && (isASCIILetter(p.peek()) || p.off > start && (p.peek() == '-' || p.peek() >= '0' && p.peek() <= '9')) {
			p.advance(1)
		}
		tag := string(p.src[start:p.off])
		if tag == "" || strings.HasSuffix(tag, "-") || strings.Contains(tag, "--") || !isASCIILetter(tag[0]) {
			return nil, p.errorf("invalid language tag %q", tag)
		}
		if lit, err := rdf.NewLangLiteral(value, tag); err == nil {
			return lit, nil
		}
		return rdf.NewTypedLiteral(value, mustIRI(xsdNS+"string")), nil
	case p.peek() == '^' && p.peekAt(1) == '^':
		p.advance(2)
		dt, err := p.iri()
		if err != nil {
			return nil, err
		}
		return rdf.NewTypedLiteral(value, dt), nil
	}
	return rdf.NewTypedLiteral(value, mustIRI(xsdNS+"string")), nil
}

// quoted reads a string in any of the four quotings and unescapes it.
func (p *parser) quoted() (string, error) {
	q := p.peek()
	long := p.peekAt(1) == q && p.peekAt(2) == q
	if long {
		p.advance(3)
	} else {
		p.advance(1)
	}
	var b strings.Builder
	for {
		if p.eof() {
			return "", p.errorf("unexpected end of input in string")
		}
		c := p.peek()
		switch {
		case c == q && !long:
			p.advance(1)
			return b.String(), nil
		case c == q && p.peekAt(1) == q && p.peekAt(2) == q:
			// A long string may end in up to two more quotes.
			for p.peekAt(3) == q {
				b.WriteByte(q)
				p.advance(1)
			}
			p.advance(3)
			return b.String(), nil
		case c == '\\':
			r, err := p.stringEscape()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
			continue
		case !long && (c == '\n' || c == '\r'):
			return "", p.errorf("line break in a short string, use \\n or a \"\"\"long string\"\"\"")
		}
		r, size := utf8.DecodeRune(p.src[p.off:])
		if r == utf8.RuneError && size == 1 {
			return "", p.errorf("invalid UTF-8 in string")
		}
		b.WriteRune(r)
		p.advance(size)
	}
}

func (p *parser) stringEscape() (rune, error) {
	simple := map[byte]rune{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}
	if r, ok := simple[p.peekAt(1)]; ok {
		p.advance(2)
		return r, nil
	}
	return p.unicodeEscape()
}

// number reads an integer, decimal or double.
func (p *parser) number() (rdf.Object, error) {
	start := p.off
	i := p.off
	if c := p.src[i]; c == '+' || c == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
			n++
		}
		return n
	}
	whole := digits()
	frac, dot := 0, false
	if i+1 < len(p.src) && p.src[i] == '.' && p.src[i+1] >= '0' && p.src[i+1] <= '9' {
		dot = true
		i++
		frac = digits()
	} else if i < len(p.src) && p.src[i] == '.' && whole > 0 && i+1 < len(p.src) && (p.src[i+1] == 'e' || p.src[i+1] == 'E') {
		dot = true // 1.e5
		i++
	}
	exp := false
	if i < len(p.src) && (p.src[i] == 'e' || p.src[i] == 'E') {
		j := i + 1
		if j < len(p.src) && (p.src[j] == '+' || p.src[j] == '-') {
			j++
		}
		if j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
			exp = true
			i = j
			digits()
		}
	}
	if whole == 0 && frac == 0 {
		return nil, p.errorf("found %s, want a number", p.describe())
	}
	text := string(p.src[start:i])
	p.advance(i - start)
	datatype := "integer"
	switch {
	case exp:
		datatype = "double"
	case dot:
		datatype = "decimal"
	}
	return rdf.NewTypedLiteral(text, mustIRI(xsdNS+datatype)), nil
}

// mustIRI makes the IRI of a constant of this package.
func mustIRI(s string) rdf.IRI {
	iri, _ := rdf.NewIRI(s) // the constants hold no disallowed character
	return iri
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isPNCharsBase is PN_CHARS_BASE of the grammar.
func isPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return r != utf8.RuneError
	}
	return false
}

// isPNCharsU is PN_CHARS_U: PN_CHARS_BASE or '_'.
func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

// isPNChars is PN_CHARS.
func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}
