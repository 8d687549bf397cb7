package ld

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
	"unicode/utf16"
	"unicode/utf8"
)

// The record format is the JSON form of Article: one object whose member
// names are the json tags of Article and the types it holds. Decoding is
// strict, in two passes:
//
//  1. a scanner reads one JSON value into a tree of nodes that remember
//     where each value and key stands (a malformed input is a
//     *SyntaxError there);
//  2. a mapper walks the tree and the Article's fields side by side,
//     collecting a *FieldError for each unknown field, duplicate key or
//     value of the wrong JSON type, and noting the position of every
//     path, so that the errors of Check point into the input too.

const (
	// maxNesting bounds how deep arrays and objects may nest, so that
	// hostile input cannot exhaust the stack; a valid record nests four
	// levels deep.
	maxNesting = 1000
	// maxErrors caps the errors reported for one record.
	maxErrors = 50
	// recordPath names the record itself in a FieldError.
	recordPath = "(record)"
)

// SyntaxError is input that is not well-formed JSON, or that goes on after
// the one value DecodeRecord reads. Pos is where the problem is found;
// Offset is the same place as a byte offset from the start of the input.
type SyntaxError struct {
	Pos    Position
	Offset int64
	Err    error
}

func (e *SyntaxError) Error() string {
	msg := "record: " + e.Err.Error()
	if pos := e.Pos.String(); pos != "" {
		msg = pos + ": " + msg
	}
	return msg
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// DecodeRecord reads one record, a JSON object, from data and checks the
// Article it describes with Check. file names the input in positions.
//
// Malformed JSON, or anything after the object but white space, is a
// *SyntaxError. Otherwise every unknown or misspelt field, duplicate key,
// value of the wrong JSON type and problem found by Check is reported in
// an ErrorList of *FieldError sorted by position (at most 50), and the
// article is nil. A null value means the field is absent.
func DecodeRecord(data []byte, file string) (*Article, error) {
	return DecodeRecordAt(data, Position{File: file, Line: 1, Column: 1})
}

// DecodeRecordAt is DecodeRecord for a record that stands at a place in a
// larger input, a line of JSON Lines: positions count from at.
func DecodeRecordAt(data []byte, at Position) (*Article, error) {
	s := newScanner(bytes.NewReader(data), at.File)
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
	return decodeArticle(n)
}

// RecordDecoder reads a stream of records: JSON objects one after another
// (JSON Lines, or objects separated by any white space), or one JSON array
// of objects.
type RecordDecoder struct {
	s       *scanner
	started bool
	inArray bool
	done    bool
}

// NewRecordDecoder returns a decoder that reads records from r; file names
// the input in positions.
func NewRecordDecoder(r io.Reader, file string) *RecordDecoder {
	return &RecordDecoder{s: newScanner(r, file)}
}

// Decode returns the next record's Article, or io.EOF after the last one.
//
// A record with field errors gives them as DecodeRecord does, with
// positions in the whole input, and the next call goes on with the next
// record. A *SyntaxError or a read error ends the stream: the call after
// it returns io.EOF.
func (d *RecordDecoder) Decode() (*Article, error) {
	if d.done {
		return nil, io.EOF
	}
	n, err := d.next()
	if err != nil {
		d.done = true
		return nil, err
	}
	return decodeArticle(n)
}

// next scans the next record's JSON value.
func (d *RecordDecoder) next() (*node, error) {
	s := d.s
	if !d.started {
		d.started = true
		if err := s.skipBOM(); err != nil {
			return nil, err
		}
		s.skipSpace()
		if c, ok := s.peek(); ok && c == '[' {
			s.next()
			d.inArray = true
			s.skipSpace()
			if c, ok := s.peek(); ok && c == ']' {
				s.next()
				return nil, d.end()
			}
			return s.parseValue(0)
		}
	}
	if d.inArray {
		s.skipSpace()
		c, ok := s.peek()
		switch {
		case !ok:
			return nil, s.errorf("unexpected end of input in the array of records, want ',' or ']'")
		case c == ']':
			s.next()
			return nil, d.end()
		case c != ',':
			return nil, s.errorf("%s after a record, want ',' or ']'", describe(c))
		}
		s.next()
		return s.parseValue(0)
	}
	s.skipSpace()
	if _, ok := s.peek(); !ok {
		return nil, s.endOfInput()
	}
	return s.parseValue(0)
}

// end checks that only white space follows the array of records.
func (d *RecordDecoder) end() error {
	s := d.s
	s.skipSpace()
	if c, ok := s.peek(); ok {
		return s.errorf("%s after the array of records, want the end of the input", describe(c))
	}
	return s.endOfInput()
}

// decodeArticle maps one scanned record onto an Article and checks it.
func decodeArticle(n *node) (*Article, error) {
	if n.kind != jsonObject {
		return nil, ErrorList{&FieldError{Pos: n.pos, Path: recordPath,
			Err: fmt.Errorf("want an object, found %s", kindNames[n.kind])}}
	}
	var a Article
	m := &mapper{positions: map[string]Position{}}
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

// jsonKind is the type of a JSON value.
type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

var kindNames = [...]string{
	jsonNull:   "null",
	jsonBool:   "a boolean",
	jsonNumber: "a number",
	jsonString: "a string",
	jsonArray:  "an array",
	jsonObject: "an object",
}

// node is one scanned JSON value and where it starts.
type node struct {
	kind    jsonKind
	pos     Position
	text    string // a string's value or a number's literal
	boolean bool
	elems   []*node
	members []member
}

// member is one key and value of an object, in input order.
type member struct {
	key    string
	keyPos Position
	value  *node
}

// scanner reads JSON values byte by byte, keeping the line and column.
type scanner struct {
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

func newScanner(r io.Reader, file string) *scanner {
	br, ok := r.(io.ByteReader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return &scanner{r: br, file: file, line: 1, col: 1}
}

func (s *scanner) pos() Position { return Position{File: s.file, Line: s.line, Column: s.col} }

// peek returns the next byte without consuming it; ok is false at the end
// of the input.
func (s *scanner) peek() (c byte, ok bool) {
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
func (s *scanner) next() {
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
func (s *scanner) errorf(format string, args ...any) error {
	if s.readErr != nil {
		return s.endOfInput()
	}
	return &SyntaxError{Pos: s.pos(), Offset: s.offset, Err: fmt.Errorf(format, args...)}
}

// endOfInput is io.EOF, or the read error that ended the input.
func (s *scanner) endOfInput() error {
	if s.readErr != nil {
		name := s.file
		if name == "" {
			name = "input"
		}
		return fmt.Errorf("record: reading %s: %w", name, s.readErr)
	}
	return io.EOF
}

func (s *scanner) skipSpace() {
	for {
		c, ok := s.peek()
		if !ok || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			return
		}
		s.next()
	}
}

// skipBOM skips a UTF-8 byte order mark at the start of the input.
func (s *scanner) skipBOM() error {
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

// describe names an unexpected byte for an error message.
func describe(c byte) string {
	if c < utf8.RuneSelf {
		return fmt.Sprintf("invalid character %q", c)
	}
	return fmt.Sprintf("invalid byte 0x%02X", c)
}

// parseValue reads one JSON value, after any white space.
func (s *scanner) parseValue(depth int) (*node, error) {
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
		return &node{kind: jsonString, pos: pos, text: text}, err
	case c == '-' || ('0' <= c && c <= '9'):
		text, err := s.parseNumber()
		return &node{kind: jsonNumber, pos: pos, text: text}, err
	case c == 't':
		return &node{kind: jsonBool, pos: pos, boolean: true}, s.parseLiteral("true")
	case c == 'f':
		return &node{kind: jsonBool, pos: pos}, s.parseLiteral("false")
	case c == 'n':
		return &node{kind: jsonNull, pos: pos}, s.parseLiteral("null")
	}
	return nil, s.errorf("%s, want a value", describe(c))
}

func (s *scanner) parseObject(pos Position, depth int) (*node, error) {
	s.next() // '{'
	n := &node{kind: jsonObject, pos: pos}
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
		n.members = append(n.members, member{key: key, keyPos: keyPos, value: value})
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

func (s *scanner) parseArray(pos Position, depth int) (*node, error) {
	s.next() // '['
	n := &node{kind: jsonArray, pos: pos}
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
func (s *scanner) parseString() (string, error) {
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

// validUTF8 replaces each byte of s that is not part of valid UTF-8 with
// U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// parseEscape reads what follows a backslash in a string.
func (s *scanner) parseEscape() (rune, error) {
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

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// parseNumber reads a number literal as JSON defines it and returns its
// text.
func (s *scanner) parseNumber() (string, error) {
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
func (s *scanner) digits(b *strings.Builder, where string) error {
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
func (s *scanner) parseLiteral(word string) error {
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

// mapper sets Go values from scanned nodes, following json struct tags.
type mapper struct {
	errs []*FieldError
	// positions holds where the value of each record path starts.
	positions map[string]Position
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

func (m *mapper) fail(pos Position, path string, format string, args ...any) {
	m.errs = append(m.errs, &FieldError{Pos: pos, Path: path, Err: fmt.Errorf(format, args...)})
}

// value sets v, addressable, from n. A null leaves v as it is: zero.
func (m *mapper) value(n *node, v reflect.Value, path string) {
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

func (m *mapper) wrongType(n *node, path, want string) {
	m.fail(n.pos, path, "want %s, found %s", want, kindNames[n.kind])
}

// object sets the fields of struct v from the members of n.
func (m *mapper) object(n *node, v reflect.Value, path string) {
	fields := fieldsOf(v.Type())
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

// failedAt reports whether the mapper found an error at path or above it,
// which makes what Check says there a consequence of that error.
func (m *mapper) failedAt(path string) bool {
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
func (m *mapper) position(path string) Position {
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

// structFields are the record-format names of a struct's fields.
type structFields struct {
	names []string       // in declaration order
	index map[string]int // name → field index
}

var fieldCache sync.Map // reflect.Type → *structFields

func fieldsOf(t reflect.Type) *structFields {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.(*structFields)
	}
	fields := &structFields{index: map[string]int{}}
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
	cached, _ := fieldCache.LoadOrStore(t, fields)
	return cached.(*structFields)
}

// suggest returns ` (did you mean "x"?)` for the known name nearest to key,
// or "" when none is close: at most a third of the name's length apart,
// ignoring case.
func suggest(key string, known []string) string {
	best, bestDistance := "", -1
	for _, name := range known {
		d := editDistance(strings.ToLower(key), strings.ToLower(name))
		if d <= max(1, len(name)/3) && (bestDistance < 0 || d < bestDistance) {
			best, bestDistance = name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the optimal string alignment distance of a and b: the
// fewest insertions, deletions, substitutions and swaps of adjacent
// characters that turn one into the other.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// rows[i][j] is the distance of x[:i] and y[:j]; three rows suffice.
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
