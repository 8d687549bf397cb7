package html

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// SyntaxError is malformed input that stops a whole document from being
// read: a bare JSON-LD document that is not well-formed JSON.
type SyntaxError struct {
	Pos ld.Position
	Err error
}

func (e *SyntaxError) Error() string {
	msg := "html: " + e.Err.Error()
	if pos := e.Pos.String(); pos != "" {
		msg = pos + ": " + msg
	}
	return msg
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// lineIndex turns byte offsets of one input into line and column numbers.
type lineIndex struct {
	file string
	// starts holds the offset at which each line begins.
	starts []int
}

func newLineIndex(data []byte, file string) lineIndex {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{file: file, starts: starts}
}

// position gives the 1-based line and byte column of offset.
func (l lineIndex) position(offset int) ld.Position {
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	line = max(line, 0)
	return ld.Position{File: l.file, Line: line + 1, Column: offset - l.starts[line] + 1}
}

// jsonErrorOffset gives the offset within a JSON text of length bytes at
// which err stands: the offending byte of a syntax error, or the end for
// truncated input; 0 for an error that carries no offset.
func jsonErrorOffset(err error, length int) int {
	var syntax *json.SyntaxError
	if !errors.As(err, &syntax) {
		return 0
	}
	offset := int(syntax.Offset)
	if !strings.Contains(syntax.Error(), "unexpected end") {
		// Offset counts the bytes read, the offending one included.
		offset--
	}
	return min(max(offset, 0), length)
}
