package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// SplitJSON is the Splitter of JSON inputs that hold a sequence of values:
// JSON Lines, values one after another, or one top-level array. Each value
// (each array element) is a chunk.
//
// The input is taken as JSON Lines when its first two non-blank lines
// both start with '{', or its first value ends on the line it starts on:
// every non-blank line is then a chunk, found without scanning its
// content, so that a broken line (the first one too) rejects only itself.
// Otherwise values are found by their brackets and quotes; a value that
// never closes ends the input with an error there.
func SplitJSON(r io.Reader, source string) iter.Seq2[Chunk, error] {
	return func(yield func(Chunk, error) bool) {
		s := &jsonSplitter{r: bufio.NewReaderSize(r, 1<<16), source: source, line: 1, col: 1}
		s.split(yield)
	}
}

// SplitJSONList is SplitJSON for inputs that hold their records in an
// array inside an object: the elements of the array at path (a Crossref
// API response has its works at "message", "items") are the chunks, read
// as they stream past. An input without that array is split as SplitJSON
// splits it.
func SplitJSONList(path ...string) Splitter {
	return func(r io.Reader, source string) iter.Seq2[Chunk, error] {
		return func(yield func(Chunk, error) bool) {
			s := &jsonSplitter{r: bufio.NewReaderSize(r, 1<<16), source: source, line: 1, col: 1, listPath: path}
			s.split(yield)
		}
	}
}

type jsonSplitter struct {
	r         *bufio.Reader
	source    string
	line, col int
	buf       []byte
	// listPath is the path of the array of records in an object, if any.
	listPath []string
	// recording, while listPath is looked for, keeps every byte read, so
	// that an object without the list is still its own chunk.
	recording bool
	recorded  []byte
	// inList is set while the array read is the list at listPath.
	inList   bool
	prevLine int
	prevCol  int
}

// readByte reads one byte and counts its line and column.
func (s *jsonSplitter) readByte() (byte, error) {
	c, err := s.r.ReadByte()
	if err != nil {
		return 0, err
	}
	s.prevLine, s.prevCol = s.line, s.col
	if c == '\n' {
		s.line, s.col = s.line+1, 1
	} else {
		s.col++
	}
	if s.recording && len(s.recorded) <= MaxChunkSize {
		s.recorded = append(s.recorded, c)
	}
	return c, nil
}

// unreadByte takes back the byte readByte returned last.
func (s *jsonSplitter) unreadByte() {
	s.r.UnreadByte()
	s.line, s.col = s.prevLine, s.prevCol
	if s.recording && len(s.recorded) <= MaxChunkSize {
		s.recorded = s.recorded[:len(s.recorded)-1]
	}
}

func (s *jsonSplitter) pos() ld.Position {
	return ld.Position{File: s.source, Line: s.line, Column: s.col}
}

func (s *jsonSplitter) errorf(format string, args ...any) error {
	return &SyntaxError{Format: "json", Pos: s.pos(), Err: fmt.Errorf(format, args...)}
}

// readErr turns a read error into the one to report: the end of the input
// inside a value, or the reader's own error.
func (s *jsonSplitter) readErr(err error, inside string) error {
	if err == io.EOF {
		return s.errorf("unexpected end of input in %s", inside)
	}
	return err // a read error names its input (source.ReadError)
}

// peek skips white space and returns the next byte without consuming it;
// io.EOF at the end of the input.
func (s *jsonSplitter) peek() (byte, error) {
	for {
		c, err := s.readByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
		default:
			s.unreadByte()
			return c, nil
		}
	}
}

func (s *jsonSplitter) split(yield func(Chunk, error) bool) {
	if b, err := s.r.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		s.r.Discard(3) // a UTF-8 byte order mark
	}
	c, err := s.peek()
	if err != nil {
		if err != io.EOF {
			yield(Chunk{}, s.readErr(err, ""))
		}
		return
	}
	if c == '[' {
		s.array(yield)
		return
	}
	if c == '{' && s.looksLikeLines() {
		s.lines(yield)
		return
	}
	var first Chunk
	if c == '{' && len(s.listPath) > 0 {
		start := s.pos()
		s.recording = true
		found, err := s.findList(s.listPath)
		s.recording = false
		if err != nil {
			yield(Chunk{}, err)
			return
		}
		if found {
			s.inList = true
			s.array(yield)
			return
		}
		first = Chunk{Source: s.source, Pos: start, Data: s.recorded}
		if len(s.recorded) > MaxChunkSize {
			first = TooLong(s.source, "json", start)
		}
	} else if first, err = s.value(); err != nil {
		yield(Chunk{}, err)
		return
	}
	if first.Pos.Line == s.line {
		// One line: JSON Lines. What follows the value on its line is
		// part of the line's chunk, which then fails to decode.
		rest, n, err := s.readLine()
		if more := bytes.TrimRight(rest, " \t\r\n"); len(more) > 0 && first.Err == nil {
			first.Data = append(first.Data, more...)
			if len(first.Data)-len(more)+n > MaxChunkSize {
				first = TooLong(s.source, "json", first.Pos)
			}
		}
		if err == nil {
			s.line, s.col = s.line+1, 1
		}
		if !yield(first, nil) || err != nil {
			if err != nil && err != io.EOF {
				yield(Chunk{}, s.readErr(err, ""))
			}
			return
		}
		s.lines(yield)
		return
	}
	if !yield(first, nil) {
		return
	}
	for {
		if _, err := s.peek(); err != nil {
			if err != io.EOF {
				yield(Chunk{}, s.readErr(err, ""))
			}
			return
		}
		c, err := s.value()
		if !yield(c, err) || err != nil {
			return
		}
	}
}

// looksLikeLines reports whether the input, at a '{', is JSON Lines: the
// next non-blank line, within the reader's buffer, starts with '{' too,
// and neither line looks like a part of a larger value, the first by
// ending in '{', '[', ',' or ':' (a list opened on it, as in a Crossref
// response), the second by ending in ','. Pretty-printed JSON has a
// member name or a '}' on its second line.
func (s *jsonSplitter) looksLikeLines() bool {
	head, _ := s.r.Peek(s.r.Size())
	end := bytes.IndexByte(head, '\n')
	if end < 0 {
		return false
	}
	first := bytes.TrimRight(head[:end], " \t\r")
	next := bytes.TrimLeft(head[end:], " \t\r\n")
	if nl := bytes.IndexByte(next, '\n'); nl >= 0 {
		next = next[:nl]
	}
	next = bytes.TrimRight(next, " \t\r")
	return len(next) > 0 && next[0] == '{' && next[len(next)-1] != ',' &&
		bytes.IndexByte([]byte("{[,:"), first[len(first)-1]) < 0
}

// readLine reads the rest of a line with ReadLine, into a buffer that the
// next read reuses.
func (s *jsonSplitter) readLine() (line []byte, n int, err error) {
	s.buf, n, err = ReadLine(s.r, s.buf)
	return s.buf, n, err
}

// lines yields every non-blank line as a chunk; a line longer than
// MaxChunkSize is a TooLong chunk.
func (s *jsonSplitter) lines(yield func(Chunk, error) bool) {
	for {
		line, n, err := s.readLine()
		if err != nil && err != io.EOF {
			yield(Chunk{}, s.readErr(err, "a line"))
			return
		}
		content := bytes.TrimRight(line, "\r\n")
		start := len(content) - len(bytes.TrimLeft(content, " \t"))
		if start < len(content) {
			pos := ld.Position{File: s.source, Line: s.line, Column: s.col + start}
			c := Chunk{Source: s.source, Pos: pos, Data: bytes.Clone(content[start:])}
			if n-len(line)+len(content)-start > MaxChunkSize {
				c = TooLong(s.source, "json", pos)
			}
			if !yield(c, nil) {
				return
			}
		}
		if err == io.EOF {
			return
		}
		s.line, s.col = s.line+1, 1
	}
}

// array yields the elements of a top-level array, then checks that only
// white space follows it.
func (s *jsonSplitter) array(yield func(Chunk, error) bool) {
	s.readByte()
	for n := 0; ; n++ {
		c, err := s.peek()
		if err != nil {
			yield(Chunk{}, s.readErr(err, "the array"))
			return
		}
		if c == ']' && n == 0 {
			s.readByte()
			break
		}
		if n > 0 {
			if c != ',' && c != ']' {
				yield(Chunk{}, s.errorf("%q after an element, want ',' or ']'", c))
				return
			}
			s.readByte()
			if c == ']' {
				break
			}
			if _, err := s.peek(); err != nil {
				yield(Chunk{}, s.readErr(err, "the array"))
				return
			}
		}
		chunk, err := s.value()
		chunk.Path = fmt.Sprintf("[%d]", n)
		if s.inList {
			chunk.Path = strings.Join(s.listPath, ".") + chunk.Path
		}
		if !yield(chunk, err) || err != nil {
			return
		}
	}
	if s.inList {
		s.inList = false
		// The rest of the objects that hold the list, then what follows
		// them: another response, read as the first was.
		for range s.listPath {
			if err := s.skipMembers(); err != nil {
				yield(Chunk{}, err)
				return
			}
		}
		if _, err := s.peek(); err != nil {
			if err != io.EOF {
				yield(Chunk{}, s.readErr(err, ""))
			}
			return
		}
		s.split(yield)
		return
	}
	if c, err := s.peek(); err == nil {
		yield(Chunk{}, s.errorf("%q after the array, want the end of the input", c))
	} else if err != io.EOF {
		yield(Chunk{}, s.readErr(err, ""))
	}
}

// findList reads the members of the object that starts here until the
// member at path, an array, is reached; found is false when the object
// ends without it (it is then read whole).
func (s *jsonSplitter) findList(path []string) (found bool, err error) {
	s.readByte() // '{'
	for n := 0; ; n++ {
		c, err := s.peek()
		if err != nil {
			return false, s.readErr(err, "an object")
		}
		if c == '}' {
			s.readByte()
			return false, nil
		}
		if n > 0 {
			if c != ',' {
				return false, s.errorf("%q after a member, want ',' or '}'", c)
			}
			s.readByte()
			if c, err = s.peek(); err != nil {
				return false, s.readErr(err, "an object")
			}
		}
		keyChunk, err := s.value()
		if err != nil {
			return false, err
		}
		var key string
		if json.Unmarshal(keyChunk.Data, &key) != nil {
			return false, &SyntaxError{Format: "json", Pos: keyChunk.Pos, Err: fmt.Errorf("want a member name, found %.20s", keyChunk.Data)}
		}
		if c, err = s.peek(); err != nil || c != ':' {
			return false, s.errorf("want ':' after the member name %q", key)
		}
		s.readByte()
		if c, err = s.peek(); err != nil {
			return false, s.readErr(err, "an object")
		}
		if key == path[0] {
			if len(path) == 1 && c == '[' {
				return true, nil
			}
			if len(path) > 1 && c == '{' {
				if found, err := s.findList(path[1:]); found || err != nil {
					return found, err
				}
				continue
			}
		}
		if _, err := s.value(); err != nil {
			return false, err
		}
	}
}

// skipMembers reads the rest of an object, after one of its members, to
// its '}'.
func (s *jsonSplitter) skipMembers() error {
	for {
		c, err := s.peek()
		if err != nil {
			return s.readErr(err, "an object")
		}
		if c == '}' {
			s.readByte()
			return nil
		}
		if c != ',' {
			return s.errorf("%q after a member, want ',' or '}'", c)
		}
		s.readByte()
		if _, err := s.peek(); err != nil {
			return s.readErr(err, "an object")
		}
		key, err := s.value()
		if err != nil {
			return err
		}
		if c, err := s.peek(); err != nil || c != ':' {
			return s.errorf("want ':' after the member name %.40s", key.Data)
		}
		s.readByte()
		if _, err := s.peek(); err != nil {
			return s.readErr(err, "an object")
		}
		if _, err := s.value(); err != nil {
			return err
		}
	}
}

// value reads one JSON value by its brackets and quotes, without checking
// its grammar (the decoder does that, with positions), and returns it as
// a chunk. A scalar value ends at white space, ',' or a closing bracket.
// A value longer than MaxChunkSize is read past, not held: a TooLong
// chunk.
func (s *jsonSplitter) value() (Chunk, error) {
	start := s.pos()
	s.buf = s.buf[:0]
	n, depth, inString, escaped := 0, 0, false, false
	for {
		c, err := s.readByte()
		if err != nil {
			if err == io.EOF && depth == 0 && !inString && n > 0 {
				break
			}
			return Chunk{}, s.readErr(err, "the value that starts at "+fmt.Sprint(start.Line, ":", start.Column))
		}
		if !inString && depth == 0 && n > 0 && isValueEnd(c) {
			s.unreadByte()
			break
		}
		if n++; n <= MaxChunkSize {
			s.buf = append(s.buf, c)
		}
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth < 0 {
				s.line, s.col = s.prevLine, s.prevCol
				return Chunk{}, s.errorf("%q closes nothing", c)
			}
		}
		if depth == 0 && !inString && (c == '}' || c == ']' || c == '"') {
			break
		}
	}
	if n > MaxChunkSize {
		return TooLong(s.source, "json", start), nil
	}
	data := append([]byte(nil), s.buf...)
	return Chunk{Source: s.source, Pos: start, Data: data}, nil
}

func isValueEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}':
		return true
	}
	return false
}
