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
// When the first value ends on the line it starts on, the input is taken
// as JSON Lines: every non-blank line is a chunk, found without scanning
// its content, so that a broken line rejects only itself. Otherwise values
// are found by their brackets and quotes; a value that never closes ends
// the input with an error there.
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
	prevLine  int
	prevCol   int
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
	if s.recording {
		s.recorded = append(s.recorded, c)
	}
	return c, nil
}

// unreadByte takes back the byte readByte returned last.
func (s *jsonSplitter) unreadByte() {
	s.r.UnreadByte()
	s.line, s.col = s.prevLine, s.prevCol
	if s.recording {
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
			s.array(yield)
			return
		}
		first = Chunk{Source: s.source, Pos: start, Data: s.recorded}
	} else if first, err = s.value(); err != nil {
		yield(Chunk{}, err)
		return
	}
	if first.Pos.Line == s.line {
		// One line: JSON Lines. The rest of this line belongs to no value.
		rest, err := s.r.ReadBytes('\n')
		if len(bytes.TrimSpace(rest)) > 0 {
			s.col += len(bytes.TrimRight(rest, "\n"))
			yield(Chunk{}, s.errorf("more after the value on its line, want one JSON value per line"))
			return
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

// lines yields every non-blank line as a chunk.
func (s *jsonSplitter) lines(yield func(Chunk, error) bool) {
	for {
		line, err := s.r.ReadBytes('\n')
		if err != nil && err != io.EOF {
			yield(Chunk{}, s.readErr(err, "a line"))
			return
		}
		content := bytes.TrimRight(line, "\r\n")
		start := len(content) - len(bytes.TrimLeft(content, " \t"))
		if start < len(content) {
			c := Chunk{Source: s.source, Pos: ld.Position{File: s.source, Line: s.line, Column: 1 + start}, Data: content[start:]}
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
		chunk.Path = fmt.Sprintf("%s[%d]", strings.Join(s.listPath, "."), n)
		if !yield(chunk, err) || err != nil {
			return
		}
	}
	if len(s.listPath) > 0 {
		return // the rest of the object that holds the list
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

// value reads one JSON value by its brackets and quotes, without checking
// its grammar (the decoder does that, with positions), and returns it as
// a chunk. A scalar value ends at white space, ',' or a closing bracket.
func (s *jsonSplitter) value() (Chunk, error) {
	start := s.pos()
	s.buf = s.buf[:0]
	depth, inString, escaped := 0, false, false
	for {
		c, err := s.readByte()
		if err != nil {
			if err == io.EOF && depth == 0 && !inString && len(s.buf) > 0 {
				break
			}
			return Chunk{}, s.readErr(err, "the value that starts at "+fmt.Sprint(start.Line, ":", start.Column))
		}
		if !inString && depth == 0 && len(s.buf) > 0 && isValueEnd(c) {
			s.unreadByte()
			break
		}
		s.buf = append(s.buf, c)
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
