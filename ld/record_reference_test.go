package ld

// The decoder that record.go had before the one-pass decoder: a scanner
// that builds a tree of values through an io.ByteReader, then a mapper
// that walks it with reflection. Kept here, for the tests only, as the
// reference that FuzzDecodeRecordMatchesReference holds the fast decoder
// to: the same article, or the same errors at the same positions.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// refDecodeRecordAt is DecodeRecord for a record that stands at a place in a
// larger input, a line of JSON Lines: positions count from at.
func refDecodeRecordAt(data []byte, at Position) (*Article, error) {
	s := refNewScanner(bytes.NewReader(data), at.File)
	if at.IsValid() {
		s.line, s.col = at.Line, at.Column
	}
	if err := s.skipBOM(); err != nil {
		return nil, err
	}
	s.skipSpace()
	if _, ok := s.peek(); !ok {
		return nil, s.errorf("empty input, want a JSON object")
	}
	n, err := s.parseValue(0)
	if err != nil {
		return nil, err
	}
	s.skipSpace()
	if c, ok := s.peek(); ok {
		return nil, s.errorf("%s after the record, want the end of the input (a stream of records needs a RecordDecoder)", describe(c))
	}
	return refDecodeArticle(n)
}

// refDecodeArticle maps one scanned record onto an Article and checks it.
func refDecodeArticle(n *refNode) (*Article, error) {
	if n.kind != jsonObject {
		return nil, ErrorList{&FieldError{Pos: n.pos, Path: recordPath,
			Err: fmt.Errorf("want an object, found %s", kindNames[n.kind])}}
	}
	var a Article
	m := &refMapper{positions: map[string]Position{}}
	m.value(n, reflect.ValueOf(&a).Elem(), "")
	errs := m.errs
	for _, fe := range check(&a) {
		if !m.failedAt(fe.Path) {
			fe.Pos = m.position(fe.Path)
			errs = append(errs, fe)
		}
	}
	if len(errs) == 0 {
		return &a, nil
	}
	slices.SortStableFunc(errs, func(x, y *FieldError) int {
		return cmp.Or(cmp.Compare(x.Pos.Line, y.Pos.Line), cmp.Compare(x.Pos.Column, y.Pos.Column))
	})
	if len(errs) > maxErrors {
		last := errs[maxErrors-1]
		more := len(errs) - (maxErrors - 1)
		errs = append(errs[:maxErrors-1], &FieldError{Pos: last.Pos, Path: last.Path,
			Err: fmt.Errorf("too many errors: %d more from here on are not shown", more)})
	}
	return nil, newErrorList(errs)
}

// refNode is one scanned JSON value and where it starts.
type refNode struct {
	kind    jsonKind
	pos     Position
	text    string // a string's value or a number's literal
	boolean bool
	elems   []*refNode
	members []refMember
}

// refMember is one key and value of an object, in input order.
type refMember struct {
	key    string
	keyPos Position
	value  *refNode
}

// refScanner reads JSON values byte by byte, keeping the line and column.
type refScanner struct {
	r        io.ByteReader
	file     string
	offset   int64
	line     int
	col      int
	ahead    byte
	hasAhead bool
	atEnd    bool
	readErr  error // the read error, other than io.EOF, that ended the input
}

func refNewScanner(r io.Reader, file string) *refScanner {
	br, ok := r.(io.ByteReader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return &refScanner{r: br, file: file, line: 1, col: 1}
}

func (s *refScanner) pos() Position { return Position{File: s.file, Line: s.line, Column: s.col} }

// peek returns the next byte without consuming it; ok is false at the end
// of the input.
func (s *refScanner) peek() (c byte, ok bool) {
	if !s.hasAhead {
		if s.atEnd {
			return 0, false
		}
		c, err := s.r.ReadByte()
		if err != nil {
			if err != io.EOF {
				s.readErr = err
			}
			s.atEnd = true
			return 0, false
		}
		s.ahead, s.hasAhead = c, true
	}
	return s.ahead, true
}

// next consumes the byte peek returned.
func (s *refScanner) next() {
	s.hasAhead = false
	s.offset++
	if s.ahead == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

// errorf returns a *SyntaxError at the next byte, or the read error that
// cut the input short.
func (s *refScanner) errorf(format string, args ...any) error {
	if s.readErr != nil {
		return s.endOfInput()
	}
	return &SyntaxError{Pos: s.pos(), Offset: s.offset, Err: fmt.Errorf(format, args...)}
}

// endOfInput is io.EOF, or the read error that ended the input.
func (s *refScanner) endOfInput() error {
	if s.readErr != nil {
		name := s.file
		if name == "" {
			name = "input"
		}
		return fmt.Errorf("record: reading %s: %w", name, s.readErr)
	}
	return io.EOF
}

func (s *refScanner) skipSpace() {
	for {
		c, ok := s.peek()
		if !ok || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			return
		}
		s.next()
	}
}

// skipBOM skips a UTF-8 byte order mark at the start of the input.
func (s *refScanner) skipBOM() error {
	if c, ok := s.peek(); !ok || c != 0xEF {
		return nil
	}
	s.next()
	for _, want := range []byte{0xBB, 0xBF} {
		if c, ok := s.peek(); !ok || c != want {
			return s.errorf("broken UTF-8 byte order mark")
		}
		s.next()
	}
	return nil
}

// parseValue reads one JSON value, after any white space.
func (s *refScanner) parseValue(depth int) (*refNode, error) {
	s.skipSpace()
	pos := s.pos()
	c, ok := s.peek()
	switch {
	case !ok:
		return nil, s.errorf("unexpected end of input, want a value")
	case depth >= maxNesting && (c == '{' || c == '['):
		return nil, s.errorf("arrays and objects nest deeper than %d levels", maxNesting)
	case c == '{':
		return s.parseObject(pos, depth)
	case c == '[':
		return s.parseArray(pos, depth)
	case c == '"':
		text, err := s.parseString()
		return &refNode{kind: jsonString, pos: pos, text: text}, err
	case c == '-' || ('0' <= c && c <= '9'):
		text, err := s.parseNumber()
		return &refNode{kind: jsonNumber, pos: pos, text: text}, err
	case c == 't':
		return &refNode{kind: jsonBool, pos: pos, boolean: true}, s.parseLiteral("true")
	case c == 'f':
		return &refNode{kind: jsonBool, pos: pos}, s.parseLiteral("false")
	case c == 'n':
		return &refNode{kind: jsonNull, pos: pos}, s.parseLiteral("null")
	}
	return nil, s.errorf("%s, want a value", describe(c))
}

func (s *refScanner) parseObject(pos Position, depth int) (*refNode, error) {
	s.next() // '{'
	n := &refNode{kind: jsonObject, pos: pos}
	s.skipSpace()
	if c, ok := s.peek(); ok && c == '}' {
		s.next()
		return n, nil
	}
	for {
		s.skipSpace()
		keyPos := s.pos()
		c, ok := s.peek()
		switch {
		case !ok:
			return nil, s.errorf("unexpected end of input in object, want a key")
		case c != '"':
			return nil, s.errorf("%s in object, want a string key", describe(c))
		}
		key, err := s.parseString()
		if err != nil {
			return nil, err
		}
		s.skipSpace()
		switch c, ok := s.peek(); {
		case !ok:
			return nil, s.errorf("unexpected end of input, want ':' after object key")
		case c != ':':
			return nil, s.errorf("%s after object key, want ':'", describe(c))
		}
		s.next()
		value, err := s.parseValue(depth + 1)
		if err != nil {
			return nil, err
		}
		n.members = append(n.members, refMember{key: key, keyPos: keyPos, value: value})
		s.skipSpace()
		switch c, ok := s.peek(); {
		case !ok:
			return nil, s.errorf("unexpected end of input in object, want ',' or '}'")
		case c == '}':
			s.next()
			return n, nil
		case c != ',':
			return nil, s.errorf("%s after object member, want ',' or '}'", describe(c))
		}
		s.next()
	}
}

func (s *refScanner) parseArray(pos Position, depth int) (*refNode, error) {
	s.next() // '['
	n := &refNode{kind: jsonArray, pos: pos}
	s.skipSpace()
	if c, ok := s.peek(); ok && c == ']' {
		s.next()
		return n, nil
	}
	for {
		elem, err := s.parseValue(depth + 1)
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, elem)
		s.skipSpace()
		switch c, ok := s.peek(); {
		case !ok:
			return nil, s.errorf("unexpected end of input in array, want ',' or ']'")
		case c == ']':
			s.next()
			return n, nil
		case c != ',':
			return nil, s.errorf("%s after array element, want ',' or ']'", describe(c))
		}
		s.next()
	}
}

// parseString reads a string literal, the next byte being its quote, and
// returns its value. Invalid UTF-8 and unpaired surrogates become U+FFFD,
// as encoding/json decodes them.
func (s *refScanner) parseString() (string, error) {
	s.next() // '"'
	var b strings.Builder
	high := rune(-1) // a high surrogate waiting for its low half
	flush := func() {
		if high >= 0 {
			b.WriteRune(utf8.RuneError)
			high = -1
		}
	}
	for {
		c, ok := s.peek()
		switch {
		case !ok:
			return "", s.errorf("unexpected end of input in string")
		case c < 0x20:
			return "", s.errorf("control character %q in string, want it escaped", c)
		}
		s.next()
		switch c {
		case '"':
			flush()
			return validUTF8(b.String()), nil
		case '\\':
			r, err := s.parseEscape()
			if err != nil {
				return "", err
			}
			switch {
			case high >= 0 && utf16.IsSurrogate(r) && r >= 0xDC00:
				b.WriteRune(utf16.DecodeRune(high, r))
				high = -1
			case utf16.IsSurrogate(r) && r < 0xDC00:
				flush()
				high = r
			case utf16.IsSurrogate(r):
				flush()
				b.WriteRune(utf8.RuneError)
			default:
				flush()
				b.WriteRune(r)
			}
		default:
			flush()
			b.WriteByte(c)
		}
	}
}

// parseEscape reads what follows a backslash in a string.
func (s *refScanner) parseEscape() (rune, error) {
	c, ok := s.peek()
	if !ok {
		return 0, s.errorf("unexpected end of input in string escape")
	}
	if simple := strings.IndexByte(`"\/bfnrt`, c); simple >= 0 {
		s.next()
		return rune("\"\\/\b\f\n\r\t"[simple]), nil
	}
	if c != 'u' {
		return 0, s.errorf("%s in string escape", describe(c))
	}
	s.next()
	var r rune
	for range 4 {
		c, ok := s.peek()
		if !ok {
			return 0, s.errorf("unexpected end of input in \\u escape")
		}
		digit := strings.IndexByte("0123456789abcdef", lowerASCII(c))
		if digit < 0 {
			return 0, s.errorf("%s in \\u escape, want a hex digit", describe(c))
		}
		s.next()
		r = r*16 + rune(digit)
	}
	return r, nil
}

// parseNumber reads a number literal as JSON defines it and returns its
// text.
func (s *refScanner) parseNumber() (string, error) {
	var b strings.Builder
	take := func() {
		b.WriteByte(s.ahead)
		s.next()
	}
	if c, _ := s.peek(); c == '-' {
		take()
	}
	if c, ok := s.peek(); ok && c == '0' {
		take()
	} else if err := s.digits(&b, "in number"); err != nil {
		return "", err
	}
	if c, ok := s.peek(); ok && c == '.' {
		take()
		if err := s.digits(&b, "after decimal point"); err != nil {
			return "", err
		}
	}
	if c, ok := s.peek(); ok && (c == 'e' || c == 'E') {
		take()
		if c, ok := s.peek(); ok && (c == '+' || c == '-') {
			take()
		}
		if err := s.digits(&b, "in exponent"); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// digits reads one or more decimal digits.
func (s *refScanner) digits(b *strings.Builder, where string) error {
	for count := 0; ; count++ {
		c, ok := s.peek()
		if ok && '0' <= c && c <= '9' {
			b.WriteByte(c)
			s.next()
			continue
		}
		switch {
		case count > 0:
			return nil
		case !ok:
			return s.errorf("unexpected end of input %s, want a digit", where)
		}
		return s.errorf("%s %s, want a digit", describe(c), where)
	}
}

// parseLiteral reads the literal word, whose first byte is next.
func (s *refScanner) parseLiteral(word string) error {
	for i := 0; i < len(word); i++ {
		c, ok := s.peek()
		switch {
		case !ok:
			return s.errorf("unexpected end of input in literal %s", word)
		case c != word[i]:
			return s.errorf("%s in literal %s", describe(c), word)
		}
		s.next()
	}
	return nil
}

// refMapper sets Go values from scanned nodes, following json struct tags.
type refMapper struct {
	errs []*FieldError
	// positions holds where the value of each record path starts.
	positions map[string]Position
}

func (m *refMapper) fail(pos Position, path string, format string, args ...any) {
	m.errs = append(m.errs, &FieldError{Pos: pos, Path: path, Err: fmt.Errorf(format, args...)})
}

// value sets v, addressable, from n. A null leaves v as it is: zero.
func (m *refMapper) value(n *refNode, v reflect.Value, path string) {
	m.positions[path] = n.pos
	if n.kind == jsonNull {
		return
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshalerType) {
		if n.kind != jsonString {
			m.wrongType(n, path, "a string")
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.text)); err != nil {
			m.errs = append(m.errs, &FieldError{Pos: n.pos, Path: path, Err: err})
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.kind != jsonString {
			m.wrongType(n, path, "a string")
			return
		}
		v.SetString(n.text)
	case reflect.Bool:
		if n.kind != jsonBool {
			m.wrongType(n, path, "a boolean")
			return
		}
		v.SetBool(n.boolean)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != jsonNumber {
			m.wrongType(n, path, "an integer")
			return
		}
		i, err := strconv.ParseInt(n.text, 10, v.Type().Bits())
		switch {
		case errors.Is(err, strconv.ErrRange):
			m.fail(n.pos, path, "integer %s is out of range", n.text)
		case err != nil:
			m.fail(n.pos, path, "want an integer, found the number %s", n.text)
		default:
			v.SetInt(i)
		}
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		m.value(n, elem.Elem(), path)
		v.Set(elem)
	case reflect.Slice:
		if n.kind != jsonArray {
			m.wrongType(n, path, "an array")
			return
		}
		if len(n.elems) == 0 {
			return // an empty array is absent, as omitempty writes it
		}
		slice := reflect.MakeSlice(v.Type(), len(n.elems), len(n.elems))
		for i, elem := range n.elems {
			m.value(elem, slice.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(slice)
	case reflect.Struct:
		if n.kind != jsonObject {
			m.wrongType(n, path, "an object")
			return
		}
		m.object(n, v, path)
	default:
		m.fail(n.pos, path, "record: no decoding for Go type %s", v.Type())
	}
}

func (m *refMapper) wrongType(n *refNode, path, want string) {
	m.fail(n.pos, path, "want %s, found %s", want, kindNames[n.kind])
}

// object sets the fields of struct v from the members of n.
func (m *refMapper) object(n *refNode, v reflect.Value, path string) {
	fields := refFieldsOf(v.Type())
	seen := make(map[string]Position, len(n.members))
	for _, mem := range n.members {
		memberPath := mem.key
		if path != "" {
			memberPath = path + "." + mem.key
		}
		if first, dup := seen[mem.key]; dup {
			m.fail(mem.keyPos, memberPath, "duplicate key %q (first at %d:%d)", mem.key, first.Line, first.Column)
			continue
		}
		seen[mem.key] = mem.keyPos
		if path == "" && mem.key == "$schema" {
			continue // names the JSON Schema an editor checks the record with
		}
		index, ok := fields.index[mem.key]
		if !ok {
			m.fail(mem.keyPos, memberPath, "unknown field %q%s", mem.key, suggest(mem.key, fields.names))
			continue
		}
		m.value(mem.value, v.Field(index), memberPath)
	}
}

// failedAt reports whether the refMapper found an error at path or above it,
// which makes what Check says there a consequence of that error.
func (m *refMapper) failedAt(path string) bool {
	for _, err := range m.errs {
		p := err.Path
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}

// position returns where the value at path, or the nearest enclosing value
// present in the input, starts.
func (m *refMapper) position(path string) Position {
	for {
		if pos, ok := m.positions[path]; ok {
			return pos
		}
		cut := strings.LastIndexAny(path, ".[")
		if cut < 0 {
			return m.positions[""]
		}
		path = path[:cut]
	}
}

// refStructFields are the record-format names of a struct's fields.
type refStructFields struct {
	names []string       // in declaration order
	index map[string]int // name → field index
}

var refFieldCache sync.Map // reflect.Type → *refStructFields

func refFieldsOf(t reflect.Type) *refStructFields {
	if cached, ok := refFieldCache.Load(t); ok {
		return cached.(*refStructFields)
	}
	fields := &refStructFields{index: map[string]int{}}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields.names = append(fields.names, name)
		fields.index[name] = i
	}
	cached, _ := refFieldCache.LoadOrStore(t, fields)
	return cached.(*refStructFields)
}

// FuzzDecodeRecordMatchesReference holds DecodeRecordAt to the decoder it
// replaced: for any input, the same article, or the same errors, word for
// word, at the same positions and offsets.
func FuzzDecodeRecordMatchesReference(f *testing.F) {
	for _, record := range fuzzRecords {
		f.Add([]byte(record), 1, 1)
		f.Add([]byte(record[:len(record)/2]), 7, 3)
		f.Add([]byte(strings.Replace(record, `"title"`, `"titel"`, 1)), 2, 1)
		f.Add([]byte(strings.Replace(record, `"title": "`, `"title": ["`, 1)), 1, 1)
		f.Add([]byte(strings.Replace(record, `"10.`, `"https://doi.org/10.`, 1)), 1, 1)
		f.Add([]byte(strings.Replace(record, `"given"`, `"journal": 7, "given"`, 1)), 1, 1)
		f.Add([]byte(strings.Replace(record, `"family"`, `"family": "x", "family"`, 1)), 1, 1)
		f.Add([]byte(strings.Replace(record, `"Tan"`, `"T\u00e1n \ud800 \"x\"`+"\xff\"", 1)), 1, 1)
	}
	f.Fuzz(func(t *testing.T, data []byte, line, col int) {
		at := Position{File: "f.jsonl", Line: line, Column: col}
		got, err := DecodeRecordAt(data, at)
		want, wantErr := refDecodeRecordAt(data, at)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("error\n%v\nwant\n%v", err, wantErr)
		}
		var syntax, wantSyntax *SyntaxError
		if errors.As(err, &syntax) != errors.As(wantErr, &wantSyntax) || syntax != nil && (syntax.Pos != wantSyntax.Pos || syntax.Offset != wantSyntax.Offset) {
			t.Fatalf("syntax error %#v, want %#v", syntax, wantSyntax)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("article\n%#v\nwant\n%#v", got, want)
		}
	})
}
