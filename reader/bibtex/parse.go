package bibtex

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/textpos"
)

// entry is one @-entry as written: its type, key and fields in order, each
// value already concatenated and macro-expanded but still LaTeX.
type entry struct {
	kind     string // lower case: "article", "string", ...
	key      string
	pos      ld.Position
	fields   []field
	warnings []reader.Warning // problems found while parsing (undefined macros)
}

// field is one "name = value" of an entry.
type field struct {
	name  string // lower case
	value string // raw LaTeX: the delimiters removed, inner braces kept
	pos   ld.Position
}

// monthMacros are the macros every BibTeX style predefines.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// parser reads the @-entries of one input. Text between entries is a
// comment, as BibTeX has it.
type parser struct {
	src    string
	off    int
	lines  *textpos.Lines[string]
	macros map[string]string
}

func newParser(src, file string) *parser {
	p := &parser{src: src, lines: textpos.New(src, file), macros: map[string]string{}}
	for name, value := range monthMacros {
		p.macros[name] = value
	}
	return p
}

func (p *parser) errorf(off int, format string, args ...any) error {
	return &reader.SyntaxError{Format: "bibtex", PosFirst: true, Pos: p.lines.Position(off), Err: fmt.Errorf(format, args...)}
}

// nextEntry moves to the next '@' that is followed by an entry type and
// reports its offset, or -1 at the end of the input.
func (p *parser) nextEntry() int {
	for p.off < len(p.src) {
		at := strings.IndexByte(p.src[p.off:], '@')
		if at < 0 {
			p.off = len(p.src)
			return -1
		}
		p.off += at
		if p.off+1 < len(p.src) && isLetter(p.src[p.off+1]) {
			return p.off
		}
		p.off++
	}
	return -1
}

// resync moves past a bad entry that started at start: to the next '@' that
// begins a line (after blanks), the only place a new entry can be told from
// an '@' inside a broken value.
func (p *parser) resync(start int) {
	i := start + 1
	for {
		nl := strings.IndexByte(p.src[i:], '\n')
		if nl < 0 {
			p.off = len(p.src)
			return
		}
		i += nl + 1
		j := i
		for j < len(p.src) && (p.src[j] == ' ' || p.src[j] == '\t' || p.src[j] == '\r') {
			j++
		}
		if j < len(p.src) && p.src[j] == '@' {
			p.off = j
			return
		}
	}
}

// parseEntry reads the entry at p.off, which holds an '@' and a letter.
// @comment and @preamble are skipped and @string defines a macro; all
// three return a nil entry.
func (p *parser) parseEntry() (*entry, error) {
	start := p.off
	p.off++ // '@'
	kind := strings.ToLower(p.identifier())
	e := &entry{kind: kind, pos: p.lines.Position(start)}
	p.skipSpace()
	if kind == "comment" {
		// A comment's body, when braced, is skipped whole; otherwise the
		// rest of the line is free text like any text between entries.
		if p.off < len(p.src) && (p.src[p.off] == '{' || p.src[p.off] == '(') {
			if _, err := p.balanced(p.src[p.off], closer(p.src[p.off])); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
	if p.off >= len(p.src) {
		return nil, p.errorf(p.off, "unexpected end of input after @%s", kind)
	}
	open := p.src[p.off]
	if open != '{' && open != '(' {
		return nil, p.errorf(p.off, "expected { or ( after @%s, found %s", kind, quoteByte(p.src, p.off))
	}
	close := closer(open)
	p.off++
	switch kind {
	case "string":
		if err := p.parseString(e, close); err != nil {
			return nil, err
		}
		return nil, nil
	case "preamble":
		p.skipSpace()
		valueStart := p.off
		if _, err := p.value(e, "@preamble"); err != nil {
			return nil, err
		}
		p.skipSpace()
		if err := p.expect(close, valueStart, "@preamble"); err != nil {
			return nil, err
		}
		return nil, nil
	}
	p.skipSpace()
	keyStart := p.off
	for p.off < len(p.src) {
		c := p.src[p.off]
		if c == ',' || c == close || isSpace(c) {
			break
		}
		p.off++
	}
	e.key = p.src[keyStart:p.off]
	p.skipSpace()
	if p.off >= len(p.src) {
		return nil, p.errorf(p.off, "unexpected end of input: entry @%s{%s at %d:%d is not closed", kind, e.key, e.pos.Line, e.pos.Column)
	}
	switch p.src[p.off] {
	case close:
		p.off++
		return e, nil
	case ',':
		p.off++
	default:
		return nil, p.errorf(p.off, "expected , after the key %q, found %s", e.key, quoteByte(p.src, p.off))
	}
	for {
		p.skipSpace()
		if p.off >= len(p.src) {
			return nil, p.errorf(p.off, "unexpected end of input: entry @%s{%s at %d:%d is not closed", kind, e.key, e.pos.Line, e.pos.Column)
		}
		if p.src[p.off] == close {
			p.off++
			return e, nil
		}
		nameStart := p.off
		name := p.identifier()
		if name == "" {
			return nil, p.errorf(p.off, "expected a field name, found %s", quoteByte(p.src, p.off))
		}
		p.skipSpace()
		if err := p.expect('=', nameStart, "field "+name); err != nil {
			return nil, err
		}
		p.skipSpace()
		value, err := p.value(e, strings.ToLower(name))
		if err != nil {
			return nil, err
		}
		e.fields = append(e.fields, field{name: strings.ToLower(name), value: value, pos: p.lines.Position(nameStart)})
		p.skipSpace()
		if p.off >= len(p.src) {
			return nil, p.errorf(p.off, "unexpected end of input: entry @%s{%s at %d:%d is not closed", kind, e.key, e.pos.Line, e.pos.Column)
		}
		switch p.src[p.off] {
		case ',':
			p.off++
		case close:
			p.off++
			return e, nil
		default:
			return nil, p.errorf(p.off, "expected , or %c after field %s, found %s", close, name, quoteByte(p.src, p.off))
		}
	}
}

// parseString reads the body of @string{name = value} and defines the
// macro.
func (p *parser) parseString(e *entry, close byte) error {
	p.skipSpace()
	nameStart := p.off
	name := p.identifier()
	if name == "" {
		return p.errorf(p.off, "expected a macro name in @string, found %s", quoteByte(p.src, p.off))
	}
	p.skipSpace()
	if err := p.expect('=', nameStart, "@string "+name); err != nil {
		return err
	}
	p.skipSpace()
	value, err := p.value(e, "@string "+name)
	if err != nil {
		return err
	}
	p.skipSpace()
	if err := p.expect(close, nameStart, "@string "+name); err != nil {
		return err
	}
	p.macros[strings.ToLower(name)] = value
	return nil
}

// expect consumes c or reports what stands there instead; what names the
// construct that began at from, for the end-of-input message.
func (p *parser) expect(c byte, from int, what string) error {
	if p.off >= len(p.src) {
		pos := p.lines.Position(from)
		return p.errorf(p.off, "unexpected end of input: %s at %d:%d is not closed", what, pos.Line, pos.Column)
	}
	if p.src[p.off] != c {
		return p.errorf(p.off, "expected %c in %s, found %s", c, what, quoteByte(p.src, p.off))
	}
	p.off++
	return nil
}

// value reads one value: braced, quoted, a number or a macro name, joined
// by '#'. Undefined macros expand to nothing, with a warning on e.
func (p *parser) value(e *entry, fieldName string) (string, error) {
	var b strings.Builder
	for {
		if p.off >= len(p.src) {
			return "", p.errorf(p.off, "unexpected end of input: the value of %s is missing", fieldName)
		}
		c := p.src[p.off]
		switch {
		case c == '{':
			part, err := p.balanced('{', '}')
			if err != nil {
				return "", err
			}
			b.WriteString(part)
		case c == '"':
			part, err := p.quoted()
			if err != nil {
				return "", err
			}
			b.WriteString(part)
		case isDigit(c):
			start := p.off
			for p.off < len(p.src) && isDigit(p.src[p.off]) {
				p.off++
			}
			b.WriteString(p.src[start:p.off])
		default:
			name := p.identifier()
			if name == "" {
				return "", p.errorf(p.off, "expected a value for %s, found %s", fieldName, quoteByte(p.src, p.off))
			}
			expansion, ok := p.macros[strings.ToLower(name)]
			if !ok {
				e.warnings = append(e.warnings, reader.Warning{Path: fieldName, Msg: fmt.Sprintf("undefined macro %q expands to nothing", name)})
			}
			b.WriteString(expansion)
		}
		p.skipSpace()
		if p.off >= len(p.src) || p.src[p.off] != '#' {
			return b.String(), nil
		}
		p.off++
		p.skipSpace()
	}
}

// maxBraceDepth bounds how deep braces may nest in a value. The LaTeX
// decoder walks groups recursively, and real values nest a few levels
// ({{DNA}} in a title, an accent in a name); deeper input is refused with
// the position of the brace past the limit.
const maxBraceDepth = 100

// balanced reads a group from the opening delimiter at p.off to its
// matching closer and returns what lies between. Braces nest whatever
// precedes them, as in BibTeX.
func (p *parser) balanced(open, close byte) (string, error) {
	start := p.off
	depth := 0
	for i := p.off; i < len(p.src); i++ {
		switch p.src[i] {
		case open:
			if depth++; open == '{' && depth > maxBraceDepth {
				p.off = len(p.src)
				return "", p.errorf(i, "braces nest deeper than %d levels", maxBraceDepth)
			}
		case close:
			depth--
			if depth == 0 {
				p.off = i + 1
				return p.src[start+1 : i], nil
			}
		}
	}
	pos := p.lines.Position(start)
	p.off = len(p.src)
	return "", p.errorf(p.off, "unexpected end of input: %c opened at %d:%d is not closed", open, pos.Line, pos.Column)
}

// quoted reads a "..." value; a quote inside braces does not end it.
func (p *parser) quoted() (string, error) {
	start := p.off
	depth := 0
	for i := p.off + 1; i < len(p.src); i++ {
		switch p.src[i] {
		case '{':
			if depth++; depth > maxBraceDepth {
				p.off = len(p.src)
				return "", p.errorf(i, "braces nest deeper than %d levels", maxBraceDepth)
			}
		case '}':
			depth--
			if depth < 0 {
				return "", p.errorf(i, "unbalanced } in a quoted value")
			}
		case '"':
			if depth == 0 {
				p.off = i + 1
				return p.src[start+1 : i], nil
			}
		}
	}
	pos := p.lines.Position(start)
	p.off = len(p.src)
	return "", p.errorf(p.off, "unexpected end of input: \" opened at %d:%d is not closed", pos.Line, pos.Column)
}

// identifier reads a BibTeX name: any printable characters but white
// space and "#%'(),={}.
func (p *parser) identifier() string {
	start := p.off
	for p.off < len(p.src) && isNameByte(p.src[p.off]) {
		p.off++
	}
	return p.src[start:p.off]
}

// skipSpace moves past white space between the parts of an entry, and
// past % comments to the end of their line, which biber allows there.
func (p *parser) skipSpace() {
	for p.off < len(p.src) {
		switch c := p.src[p.off]; {
		case isSpace(c):
			p.off++
		case c == '%':
			end := strings.IndexByte(p.src[p.off:], '\n')
			if end < 0 {
				p.off = len(p.src)
				return
			}
			p.off += end + 1
		default:
			return
		}
	}
}

func closer(open byte) byte {
	if open == '(' {
		return ')'
	}
	return '}'
}

func isNameByte(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	return !strings.ContainsRune("\"#%'(),={}", rune(c))
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// quoteByte shows what stands at off for an error message.
func quoteByte(src string, off int) string {
	if off >= len(src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(src[off:])
	return fmt.Sprintf("%q", r)
}
