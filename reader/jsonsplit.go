package reader

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"

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

type jsonSplitter struct {
	r         *bufio.Reader
	source    string
	line, col int
	buf       []byte
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
		c, err := s.r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case ' ', '\t', '\r':
			s.col++
		case '\n':
			s.line, s.col = s.line+1, 1
		default:
			s.r.UnreadByte()
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
	first, err := s.value()
	if err != nil {
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
	s.r.ReadByte()
	s.col++
	for n := 0; ; n++ {
		c, err := s.peek()
		if err != nil {
			yield(Chunk{}, s.readErr(err, "the array"))
			return
		}
		if c == ']' && n == 0 {
			s.r.ReadByte()
			s.col++
			break
		}
		if n > 0 {
			if c != ',' && c != ']' {
				yield(Chunk{}, s.errorf("%q after an element, want ',' or ']'", c))
				return
			}
			s.r.ReadByte()
			s.col++
			if c == ']' {
				break
			}
			if _, err := s.peek(); err != nil {
				yield(Chunk{}, s.readErr(err, "the array"))
				return
			}
		}
		chunk, err := s.value()
		if !yield(chunk, err) || err != nil {
			return
		}
	}
	if c, err := s.peek(); err == nil {
		yield(Chunk{}, s.errorf("%q after the array, want the end of the input", c))
	} else if err != io.EOF {
		yield(Chunk{}, s.readErr(err, ""))
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
		c, err := s.r.ReadByte()
		if err != nil {
			if err == io.EOF && depth == 0 && !inString && len(s.buf) > 0 {
				break
			}
			return Chunk{}, s.readErr(err, "the value that starts at "+fmt.Sprint(start.Line, ":", start.Column))
		}
		if !inString && depth == 0 && len(s.buf) > 0 && isValueEnd(c) {
			s.r.UnreadByte()
			break
		}
		s.buf = append(s.buf, c)
		if c == '\n' {
			s.line, s.col = s.line+1, 1
		} else {
			s.col++
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
				s.col--
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
