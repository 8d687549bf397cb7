package ld

import (
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
	"unsafe"
)

// The record format is the JSON form of Article: one object whose member
// names are the json tags of Article and the types it holds. Decoding is
// strict and takes one pass over the bytes (decoder): the syntax is
// checked as the Article's fields are set, each unknown field, duplicate
// key or value of the wrong JSON type is a *FieldError where it stands,
// and malformed input is a *SyntaxError there. A record with errors is
// scanned a second time to note where each path's value starts, so that
// the errors of Check point into the input too; a good record is not.

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
	return decodeRecord(newDecoder(data, string(data), at))
}

// DecodeRecordShared is DecodeRecordAt without its copy of data: the
// article's strings share data's memory, so data must not change while
// the article is in use. Bulk runs decode with it the chunks that a
// reader.Splitter made, which nothing writes to again: the copy was an
// eighth of the bytes that a run allocated per record.
func DecodeRecordShared(data []byte, at Position) (*Article, error) {
	return decodeRecord(newDecoder(data, sharedText(data), at))
}

// sharedText is data as a string in data's own memory, for input that
// nothing writes to again.
func sharedText(data []byte) string {
	return unsafe.String(unsafe.SliceData(data), len(data))
}

// decodeRecord reads the one record of d's input.
func decodeRecord(d *decoder) (*Article, error) {
	defer d.release()
	if err := d.skipBOM(); err != nil {
		return nil, err
	}
	d.skipSpace()
	if _, ok := d.peek(); !ok {
		return nil, d.errorf("empty input, want a JSON object")
	}
	start := d.mark()
	a, err := d.scanRecord()
	if err != nil {
		return nil, err
	}
	d.skipSpace()
	if c, ok := d.peek(); ok {
		return nil, d.errorf("%s after the record, want the end of the input (a stream of records needs a RecordDecoder)", describe(c))
	}
	return d.finish(a, start)
}

// RecordDecoder reads a stream of records: JSON objects one after another
// (JSON Lines, or objects separated by any white space), or one JSON array
// of objects. It reads its input whole before the first record; bulk runs
// cut large inputs into records first (reader.SplitJSON) and decode each
// with DecodeRecordAt.
type RecordDecoder struct {
	r       io.Reader
	file    string
	d       *decoder // nil until the first Decode reads the input
	started bool
	inArray bool
	done    bool
}

// NewRecordDecoder returns a decoder that reads records from r; file names
// the input in positions.
func NewRecordDecoder(r io.Reader, file string) *RecordDecoder {
	return &RecordDecoder{r: r, file: file}
}

// Decode returns the next record's Article, or io.EOF after the last one.
//
// A record with field errors gives them as DecodeRecord does, with
// positions in the whole input, and the next call goes on with the next
// record. A *SyntaxError or a read error ends the stream: the call after
// it returns io.EOF. A read error is reported where the input it cut
// short ends, after the records before it.
func (rd *RecordDecoder) Decode() (*Article, error) {
	if rd.done {
		return nil, io.EOF
	}
	if rd.d == nil {
		data, err := io.ReadAll(rd.r)
		// data is the decoder's own: its strings may share it.
		rd.d = newDecoder(data, sharedText(data), Position{File: rd.file, Line: 1, Column: 1})
		rd.d.readErr = err
	}
	a, err := rd.next()
	if err != nil {
		rd.done = true
		return nil, err
	}
	return a, rd.d.err
}

// next scans the next record and checks it; a non-nil error ends the
// stream, and field errors are left in rd.d.err.
func (rd *RecordDecoder) next() (*Article, error) {
	d := rd.d
	d.err = nil
	if !rd.started {
		rd.started = true
		if err := d.skipBOM(); err != nil {
			return nil, err
		}
		d.skipSpace()
		if c, ok := d.peek(); ok && c == '[' {
			d.i++
			rd.inArray = true
			d.skipSpace()
			if c, ok := d.peek(); ok && c == ']' {
				d.i++
				return nil, rd.end()
			}
			return d.record()
		}
	}
	d.skipSpace()
	if !rd.inArray {
		if _, ok := d.peek(); !ok {
			return nil, d.endOfInput()
		}
		return d.record()
	}
	c, ok := d.peek()
	switch {
	case !ok:
		return nil, d.errorf("unexpected end of input in the array of records, want ',' or ']'")
	case c == ']':
		d.i++
		return nil, rd.end()
	case c != ',':
		return nil, d.errorf("%s after a record, want ',' or ']'", describe(c))
	}
	d.i++
	return d.record()
}

// end checks that only white space follows the array of records.
func (rd *RecordDecoder) end() error {
	d := rd.d
	d.skipSpace()
	if c, ok := d.peek(); ok {
		return d.errorf("%s after the array of records, want the end of the input", describe(c))
	}
	return d.endOfInput()
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

// kindAt tells the type of the JSON value that starts with c; ok is false
// when no value starts so.
func kindAt(c byte) (kind jsonKind, ok bool) {
	switch {
	case c == '{':
		return jsonObject, true
	case c == '[':
		return jsonArray, true
	case c == '"':
		return jsonString, true
	case c == '-' || '0' <= c && c <= '9':
		return jsonNumber, true
	case c == 't' || c == 'f':
		return jsonBool, true
	case c == 'n':
		return jsonNull, true
	}
	return 0, false
}

// decoder reads one JSON value at a time from data, in memory, and sets
// the fields of the Article it describes as it goes: one pass, no tree of
// values. Values without escapes are substrings of the input's text, so
// that a record costs few allocations.
//
// A value of the wrong type, an unknown field or a duplicate key is a
// FieldError, and the scan goes on, checking the syntax of the values it
// skips. Where each value starts is recorded only when the record has
// errors to place (finish scans it again for that).
type decoder struct {
	data []byte
	text string // data as a string: values without escapes are its substrings
	i    int    // the offset of the next byte
	file string
	// line is the line of data[i], lineStart the offset where it starts
	// and lineCol that offset's column (the first line can start inside a
	// larger input).
	line, lineStart, lineCol int
	readErr                  error // a read error that cut data short, for RecordDecoder

	path      []pathElem  // the record path of the value being decoded
	keys      []objectKey // the keys of the objects being decoded, for duplicates
	errs      []*FieldError
	positions map[string]Position // where each path's value starts, when recorded
	err       error               // the last record's field errors, for RecordDecoder
	// spare holds the slices that arrays are decoded into before their
	// elements are copied into one of their exact length: growing the
	// record's own slices took twice the memory they kept.
	spare map[spareKey]reflect.Value
}

// pathElem is one step of a record path: a member's key, or an index when
// index ≥ 0.
type pathElem struct {
	key   string
	index int
}

// objectKey is a key of an object being decoded and where it stands.
type objectKey struct {
	key string
	pos Position
}

// mark is a place in the input, to scan a record again from.
type mark struct{ i, line, lineStart, lineCol int }

// newDecoder returns a decoder of data, whose text is data as a string:
// a copy, or data's own memory when nothing will write to it.
func newDecoder(data []byte, text string, at Position) *decoder {
	d := decoders.Get().(*decoder)
	*d = decoder{data: data, text: text, file: at.File, line: 1, lineCol: 1,
		path: d.path[:0], keys: d.keys[:0], errs: d.errs[:0], spare: d.spare}
	if at.IsValid() {
		d.line, d.lineCol = at.Line, at.Column
	}
	return d
}

// decoders keeps released decoders, so that their scratch slices serve
// the next record.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

// release returns a decoder that is done with its input to decoders.
func (d *decoder) release() {
	clear(d.keys[:cap(d.keys)]) // let go of the input's strings
	clear(d.path[:cap(d.path)])
	clear(d.errs[:cap(d.errs)])
	*d = decoder{path: d.path[:0], keys: d.keys[:0], errs: d.errs[:0], spare: d.spare}
	decoders.Put(d)
}

func (d *decoder) mark() mark { return mark{d.i, d.line, d.lineStart, d.lineCol} }

func (d *decoder) reset(m mark) {
	d.i, d.line, d.lineStart, d.lineCol = m.i, m.line, m.lineStart, m.lineCol
}

func (d *decoder) pos() Position {
	return Position{File: d.file, Line: d.line, Column: d.lineCol + d.i - d.lineStart}
}

// peek returns the next byte without consuming it; ok is false at the end
// of the input.
func (d *decoder) peek() (c byte, ok bool) {
	if d.i < len(d.data) {
		return d.data[d.i], true
	}
	return 0, false
}

// errorf returns a *SyntaxError at the next byte, or the read error that
// cut the input short there.
func (d *decoder) errorf(format string, args ...any) error {
	if d.readErr != nil && d.i >= len(d.data) {
		return d.endOfInput()
	}
	return &SyntaxError{Pos: d.pos(), Offset: int64(d.i), Err: fmt.Errorf(format, args...)}
}

// endOfInput is io.EOF, or the read error that ended the input.
func (d *decoder) endOfInput() error {
	if d.readErr != nil {
		name := d.file
		if name == "" {
			name = "input"
		}
		return fmt.Errorf("record: reading %s: %w", name, d.readErr)
	}
	return io.EOF
}

// skipSpace skips white space; line breaks stand nowhere else in JSON, so
// this is where lines are counted.
func (d *decoder) skipSpace() {
	for ; d.i < len(d.data); d.i++ {
		switch d.data[d.i] {
		case ' ', '\t', '\r':
		case '\n':
			d.line++
			d.lineStart, d.lineCol = d.i+1, 1
		default:
			return
		}
	}
}

// skipBOM skips a UTF-8 byte order mark at the start of the input.
func (d *decoder) skipBOM() error {
	if c, ok := d.peek(); !ok || c != 0xEF {
		return nil
	}
	d.i++
	for _, want := range []byte{0xBB, 0xBF} {
		if c, ok := d.peek(); !ok || c != want {
			return d.errorf("broken UTF-8 byte order mark")
		}
		d.i++
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

// record scans the record at d's place and checks it.
func (d *decoder) record() (*Article, error) {
	start := d.mark()
	a, err := d.scanRecord()
	if err != nil {
		return nil, err
	}
	a, d.err = d.finish(a, start)
	return a, nil
}

// scanRecord scans one JSON value, after any white space, into a new
// Article: nil, with a field error, when the value is not an object. The
// error returned is a syntax error; field errors are left in d.errs.
func (d *decoder) scanRecord() (*Article, error) {
	d.errs = d.errs[:0]
	d.skipSpace()
	pos := d.pos()
	if c, ok := d.peek(); ok && c == '{' {
		a := new(Article)
		return a, d.value(reflect.ValueOf(a).Elem(), articleInfo(), 0)
	}
	kind, err := d.skip(0)
	if err != nil {
		return nil, err
	}
	d.errs = append(d.errs, &FieldError{Pos: pos, Path: recordPath,
		Err: fmt.Errorf("want an object, found %s", kindNames[kind])})
	return nil, nil
}

// finish checks the article scanned from start. An article without
// errors is returned; otherwise the record is scanned again, noting where
// each value starts, to place the errors of Check, and the errors are
// returned sorted by position.
func (d *decoder) finish(a *Article, start mark) (*Article, error) {
	var checked []*FieldError
	if len(d.errs) == 0 {
		if checked = check(a); len(checked) == 0 {
			return a, nil
		}
	}
	if a != nil {
		end := d.mark()
		d.reset(start)
		d.positions = map[string]Position{}
		a, _ = d.scanRecord()
		d.reset(end)
		if checked == nil {
			checked = check(a)
		}
	}
	errs := slices.Clone(d.errs)
	for _, fe := range checked {
		if !d.failedAt(fe.Path) {
			fe.Pos = d.position(fe.Path)
			errs = append(errs, fe)
		}
	}
	d.positions = nil
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

// value decodes the JSON value at d's place, after any white space, into
// v, addressable, of the type t describes. A null leaves v as it is: zero.
// The error returned is a syntax error; a value that does not fit v is a
// field error, and is skipped.
func (d *decoder) value(v reflect.Value, t *typeInfo, depth int) error {
	d.skipSpace()
	c, ok := d.peek()
	switch {
	case !ok:
		return d.errorf("unexpected end of input, want a value")
	case depth >= maxNesting && (c == '{' || c == '['):
		return d.errorf("arrays and objects nest deeper than %d levels", maxNesting)
	}
	pos := d.pos()
	if d.positions != nil {
		d.positions[d.pathString()] = pos
	}
	kind, ok := kindAt(c)
	switch {
	case !ok:
		return d.errorf("%s, want a value", describe(c))
	case kind == jsonNull:
		return d.literal("null")
	case t.kind == reflect.Pointer && !t.text:
		elem := reflect.New(t.elem.typ)
		err := d.value(elem.Elem(), t.elem, depth)
		v.Set(elem)
		return err
	case t.want == "":
		d.fail(pos, "record: no decoding for Go type %s", t.typ)
		_, err := d.skip(depth)
		return err
	case kind != t.json:
		d.fail(pos, "want %s, found %s", t.want, kindNames[kind])
		_, err := d.skip(depth)
		return err
	case t.text:
		s, err := d.str()
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.errs = append(d.errs, &FieldError{Pos: pos, Path: d.pathString(), Err: err})
		}
		return nil
	}
	switch t.kind {
	case reflect.String:
		s, err := d.str()
		v.SetString(s)
		return err
	case reflect.Bool:
		if c == 't' {
			v.SetBool(true)
			return d.literal("true")
		}
		return d.literal("false")
	case reflect.Slice:
		return d.array(v, t, depth)
	case reflect.Struct:
		return d.object(v, t, depth)
	}
	// an integer
	text, err := d.number()
	if err != nil {
		return err
	}
	i, err := strconv.ParseInt(text, 10, t.typ.Bits())
	switch {
	case errors.Is(err, strconv.ErrRange):
		d.fail(pos, "integer %s is out of range", text)
	case err != nil:
		d.fail(pos, "want an integer, found the number %s", text)
	default:
		v.SetInt(i)
	}
	return nil
}

// object sets the fields of struct v from the members of the object at
// d's place.
func (d *decoder) object(v reflect.Value, t *typeInfo, depth int) error {
	d.i++ // '{'
	fields := t.fields
	keys := len(d.keys)
	var seen uint64 // by field number, the first 64 fields' keys seen
	d.skipSpace()
	if c, ok := d.peek(); ok && c == '}' {
		d.i++
		return nil
	}
	for {
		d.skipSpace()
		keyPos := d.pos()
		c, ok := d.peek()
		switch {
		case !ok:
			return d.errorf("unexpected end of input in object, want a key")
		case c != '"':
			return d.errorf("%s in object, want a string key", describe(c))
		}
		key, err := d.str()
		if err != nil {
			return err
		}
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input, want ':' after object key")
		case c != ':':
			return d.errorf("%s after object key, want ':'", describe(c))
		}
		d.i++
		f, known := fields.index[key]
		var first *objectKey
		if known && f < 64 {
			if seen&(1<<f) != 0 {
				first = d.findKey(keys, key)
			}
			seen |= 1 << f
		} else {
			first = d.findKey(keys, key)
		}
		if first == nil {
			d.keys = append(d.keys, objectKey{key, keyPos})
		}
		d.path = append(d.path, pathElem{key: key, index: -1})
		switch {
		case first != nil:
			d.fail(keyPos, "duplicate key %q (first at %d:%d)", key, first.pos.Line, first.pos.Column)
			_, err = d.skip(depth + 1)
		case len(d.path) == 1 && key == "$schema":
			// names the JSON Schema an editor checks the record with
			_, err = d.skip(depth + 1)
		case !known:
			d.fail(keyPos, "unknown field %q%s", key, suggest(key, fields.names))
			_, err = d.skip(depth + 1)
		default:
			err = d.value(v.Field(fields.list[f].index), fields.list[f].info, depth+1)
		}
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return err
		}
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input in object, want ',' or '}'")
		case c == '}':
			d.i++
			d.keys = d.keys[:keys]
			return nil
		case c != ',':
			return d.errorf("%s after object member, want ',' or '}'", describe(c))
		}
		d.i++
	}
}

// findKey finds a key among the keys of the object being decoded, which
// start at d.keys[from].
func (d *decoder) findKey(from int, key string) *objectKey {
	for i := from; i < len(d.keys); i++ {
		if d.keys[i].key == key {
			return &d.keys[i]
		}
	}
	return nil
}

// array sets slice v to the elements of the array at d's place; an empty
// array leaves it nil, absent, as omitempty writes it.
func (d *decoder) array(v reflect.Value, t *typeInfo, depth int) error {
	d.i++ // '['
	d.skipSpace()
	if c, ok := d.peek(); ok && c == ']' {
		d.i++
		return nil
	}
	key := spareKey{v.Type(), depth}
	spare, ok := d.spare[key]
	if !ok {
		spare = reflect.New(v.Type()).Elem()
		if d.spare == nil {
			d.spare = map[spareKey]reflect.Value{}
		}
		d.spare[key] = spare
	}
	err := d.elements(spare, t, depth)
	n := spare.Len()
	v.SetLen(0)
	v.Grow(n)
	v.SetLen(n)
	reflect.Copy(v, spare)
	spare.Clear() // let go of the input's strings
	spare.SetLen(0)
	if uintptr(spare.Cap())*v.Type().Elem().Size() > maxSpare {
		delete(d.spare, key)
	}
	return err
}

// spareKey names a decoder's spare slice: arrays of one type at one depth
// (authors and editors) take turns with it, and an array in an element
// has its own.
type spareKey struct {
	typ   reflect.Type
	depth int
}

// maxSpare bounds the spare slices a decoder keeps for the next record:
// one record of 5,000 authors must not hold their memory for the run.
const maxSpare = 64 << 10

// elements decodes the elements of an array, after its '[', into the
// empty slice v, up to its ']'.
func (d *decoder) elements(v reflect.Value, t *typeInfo, depth int) error {
	for n := 0; ; n++ {
		if n == v.Cap() {
			v.Grow(max(4, n)) // fewer copies than growing by append's rule from 1
		}
		v.SetLen(n + 1)
		d.path = append(d.path, pathElem{index: n})
		err := d.value(v.Index(n), t.elem, depth+1)
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return err
		}
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input in array, want ',' or ']'")
		case c == ']':
			d.i++
			return nil
		case c != ',':
			return d.errorf("%s after array element, want ',' or ']'", describe(c))
		}
		d.i++
	}
}

// skip reads one JSON value, after any white space, checking its syntax
// only, and returns its type.
func (d *decoder) skip(depth int) (jsonKind, error) {
	d.skipSpace()
	c, ok := d.peek()
	switch {
	case !ok:
		return 0, d.errorf("unexpected end of input, want a value")
	case depth >= maxNesting && (c == '{' || c == '['):
		return 0, d.errorf("arrays and objects nest deeper than %d levels", maxNesting)
	}
	kind, ok := kindAt(c)
	var err error
	switch {
	case !ok:
		err = d.errorf("%s, want a value", describe(c))
	case kind == jsonObject:
		err = d.skipObject(depth)
	case kind == jsonArray:
		err = d.skipArray(depth)
	case kind == jsonString:
		_, err = d.str()
	case kind == jsonNumber:
		_, err = d.number()
	case c == 't':
		err = d.literal("true")
	case c == 'f':
		err = d.literal("false")
	default:
		err = d.literal("null")
	}
	return kind, err
}

func (d *decoder) skipObject(depth int) error {
	d.i++ // '{'
	d.skipSpace()
	if c, ok := d.peek(); ok && c == '}' {
		d.i++
		return nil
	}
	for {
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input in object, want a key")
		case c != '"':
			return d.errorf("%s in object, want a string key", describe(c))
		}
		if _, err := d.str(); err != nil {
			return err
		}
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input, want ':' after object key")
		case c != ':':
			return d.errorf("%s after object key, want ':'", describe(c))
		}
		d.i++
		if _, err := d.skip(depth + 1); err != nil {
			return err
		}
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input in object, want ',' or '}'")
		case c == '}':
			d.i++
			return nil
		case c != ',':
			return d.errorf("%s after object member, want ',' or '}'", describe(c))
		}
		d.i++
	}
}

func (d *decoder) skipArray(depth int) error {
	d.i++ // '['
	d.skipSpace()
	if c, ok := d.peek(); ok && c == ']' {
		d.i++
		return nil
	}
	for {
		if _, err := d.skip(depth + 1); err != nil {
			return err
		}
		d.skipSpace()
		switch c, ok := d.peek(); {
		case !ok:
			return d.errorf("unexpected end of input in array, want ',' or ']'")
		case c == ']':
			d.i++
			return nil
		case c != ',':
			return d.errorf("%s after array element, want ',' or ']'", describe(c))
		}
		d.i++
	}
}

// str reads a string literal, the next byte being its quote, and returns
// its value: a substring of the input when it holds no escape. Invalid
// UTF-8 and unpaired surrogates become U+FFFD, as encoding/json decodes
// them.
func (d *decoder) str() (string, error) {
	start := d.i + 1
	ascii := true
	for i := start; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			s := d.text[start:i]
			d.i = i + 1
			if !ascii {
				s = validUTF8(s)
			}
			return s, nil
		case c == '\\' || c < 0x20:
			return d.escapedStr(start)
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return d.escapedStr(start)
}

// escapedStr reads the rest of a string literal from its start, after the
// quote: one with escapes, or one that ends badly.
func (d *decoder) escapedStr(start int) (string, error) {
	d.i = start
	var b []byte
	high := rune(-1) // a high surrogate waiting for its low half
	flush := func() {
		if high >= 0 {
			b = utf8.AppendRune(b, utf8.RuneError)
			high = -1
		}
	}
	for {
		c, ok := d.peek()
		switch {
		case !ok:
			return "", d.errorf("unexpected end of input in string")
		case c < 0x20:
			return "", d.errorf("control character %q in string, want it escaped", c)
		}
		d.i++
		switch c {
		case '"':
			flush()
			return validUTF8(string(b)), nil
		case '\\':
			r, err := d.escape()
			if err != nil {
				return "", err
			}
			switch {
			case high >= 0 && utf16.IsSurrogate(r) && r >= 0xDC00:
				b = utf8.AppendRune(b, utf16.DecodeRune(high, r))
				high = -1
			case utf16.IsSurrogate(r) && r < 0xDC00:
				flush()
				high = r
			case utf16.IsSurrogate(r):
				flush()
				b = utf8.AppendRune(b, utf8.RuneError)
			default:
				flush()
				b = utf8.AppendRune(b, r)
			}
		default:
			flush()
			run := d.i
			for run < len(d.data) && d.data[run] != '"' && d.data[run] != '\\' && d.data[run] >= 0x20 {
				run++
			}
			b = append(b, d.data[d.i-1:run]...)
			d.i = run
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

// escape reads what follows a backslash in a string.
func (d *decoder) escape() (rune, error) {
	c, ok := d.peek()
	if !ok {
		return 0, d.errorf("unexpected end of input in string escape")
	}
	if simple := strings.IndexByte(`"\/bfnrt`, c); simple >= 0 {
		d.i++
		return rune("\"\\/\b\f\n\r\t"[simple]), nil
	}
	if c != 'u' {
		return 0, d.errorf("%s in string escape", describe(c))
	}
	d.i++
	var r rune
	for range 4 {
		c, ok := d.peek()
		if !ok {
			return 0, d.errorf("unexpected end of input in \\u escape")
		}
		digit := strings.IndexByte("0123456789abcdef", lowerASCII(c))
		if digit < 0 {
			return 0, d.errorf("%s in \\u escape, want a hex digit", describe(c))
		}
		d.i++
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

// number reads a number literal as JSON defines it and returns its text.
func (d *decoder) number() (string, error) {
	start := d.i
	if c, _ := d.peek(); c == '-' {
		d.i++
	}
	if c, ok := d.peek(); ok && c == '0' {
		d.i++
	} else if err := d.digits("in number"); err != nil {
		return "", err
	}
	if c, ok := d.peek(); ok && c == '.' {
		d.i++
		if err := d.digits("after decimal point"); err != nil {
			return "", err
		}
	}
	if c, ok := d.peek(); ok && (c == 'e' || c == 'E') {
		d.i++
		if c, ok := d.peek(); ok && (c == '+' || c == '-') {
			d.i++
		}
		if err := d.digits("in exponent"); err != nil {
			return "", err
		}
	}
	return d.text[start:d.i], nil
}

// digits reads one or more decimal digits.
func (d *decoder) digits(where string) error {
	start := d.i
	for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
		d.i++
	}
	if d.i > start {
		return nil
	}
	c, ok := d.peek()
	if !ok {
		return d.errorf("unexpected end of input %s, want a digit", where)
	}
	return d.errorf("%s %s, want a digit", describe(c), where)
}

// literal reads the literal word, whose first byte is next.
func (d *decoder) literal(word string) error {
	for i := 0; i < len(word); i++ {
		c, ok := d.peek()
		switch {
		case !ok:
			return d.errorf("unexpected end of input in literal %s", word)
		case c != word[i]:
			return d.errorf("%s in literal %s", describe(c), word)
		}
		d.i++
	}
	return nil
}

// fail records a field error at the current path.
func (d *decoder) fail(pos Position, format string, args ...any) {
	d.errs = append(d.errs, &FieldError{Pos: pos, Path: d.pathString(), Err: fmt.Errorf(format, args...)})
}

// pathString gives the current path as the record format names it:
// "authors[2].orcid"; "" for the record itself.
func (d *decoder) pathString() string {
	var b []byte
	for i, e := range d.path {
		switch {
		case e.index >= 0:
			b = append(strconv.AppendInt(append(b, '['), int64(e.index), 10), ']')
		case i > 0:
			b = append(append(b, '.'), e.key...)
		default:
			b = append(b, e.key...)
		}
	}
	return string(b)
}

// failedAt reports whether the decoder found an error at path or above
// it, which makes what Check says there a consequence of that error.
func (d *decoder) failedAt(path string) bool {
	for _, err := range d.errs {
		p := err.Path
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}

// position returns where the value at path, or the nearest enclosing value
// present in the input, starts.
func (d *decoder) position(path string) Position {
	for {
		if pos, ok := d.positions[path]; ok {
			return pos
		}
		cut := strings.LastIndexAny(path, ".[")
		if cut < 0 {
			return d.positions[""]
		}
		path = path[:cut]
	}
}

// typeInfo is what the decoder needs to know of a Go type, worked out once
// per type.
type typeInfo struct {
	typ  reflect.Type
	kind reflect.Kind
	// text is set when *typ is an encoding.TextUnmarshaler, which then
	// decodes the type from a string.
	text bool
	// json is the JSON type a value must have, and want its name in
	// errors; want is empty for a type the decoder cannot set.
	json   jsonKind
	want   string
	elem   *typeInfo     // of a pointer's or a slice's elements
	fields *structFields // of a struct
}

// structFields are the record-format names of a struct's fields.
type structFields struct {
	names []string       // in declaration order
	index map[string]int // name → number in list
	list  []structField
}

type structField struct {
	index int // in the struct
	info  *typeInfo
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	typeInfos           sync.Map // reflect.Type → *typeInfo
	articleInfo         = sync.OnceValue(func() *typeInfo { return infoOf(reflect.TypeFor[Article]()) })
)

// infoOf returns the typeInfo of t, and of the types it holds.
func infoOf(t reflect.Type) *typeInfo {
	if cached, ok := typeInfos.Load(t); ok {
		return cached.(*typeInfo)
	}
	cached, _ := typeInfos.LoadOrStore(t, buildInfo(t, map[reflect.Type]*typeInfo{}))
	return cached.(*typeInfo)
}

// buildInfo works out the typeInfo of t; building holds those being
// built, for types that hold themselves.
func buildInfo(t reflect.Type, building map[reflect.Type]*typeInfo) *typeInfo {
	if info, ok := building[t]; ok {
		return info
	}
	info := &typeInfo{typ: t, kind: t.Kind(), text: reflect.PointerTo(t).Implements(textUnmarshalerType)}
	building[t] = info
	switch {
	case info.text:
		info.json, info.want = jsonString, "a string"
	case info.kind == reflect.String:
		info.json, info.want = jsonString, "a string"
	case info.kind == reflect.Bool:
		info.json, info.want = jsonBool, "a boolean"
	case info.kind >= reflect.Int && info.kind <= reflect.Int64:
		info.json, info.want = jsonNumber, "an integer"
	case info.kind == reflect.Pointer:
		info.elem = buildInfo(t.Elem(), building)
	case info.kind == reflect.Slice:
		info.json, info.want = jsonArray, "an array"
		info.elem = buildInfo(t.Elem(), building)
	case info.kind == reflect.Struct:
		info.json, info.want = jsonObject, "an object"
		info.fields = &structFields{index: map[string]int{}}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			info.fields.index[name] = len(info.fields.list)
			info.fields.names = append(info.fields.names, name)
			info.fields.list = append(info.fields.list, structField{index: i, info: buildInfo(f.Type, building)})
		}
	}
	return info
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
