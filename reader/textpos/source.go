package textpos

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// Lines is one input, named file, whose byte offsets it turns into
// positions. The input is a string or a byte slice, as the reader holds it.
type Lines[Text ~string | ~[]byte] struct {
	text Text
	file string
	// starts holds the offset at which each line begins, made on the first
	// call of Position.
	starts []int
}

// New returns the Lines of text, an input named file.
func New[Text ~string | ~[]byte](text Text, file string) *Lines[Text] {
	return &Lines[Text]{text: text, file: file}
}

// Position gives the 1-based line and byte column of offset. An offset
// outside the input is taken as its start or its end.
func (l *Lines[Text]) Position(offset int) ld.Position {
	if l.starts == nil {
		l.starts = []int{0}
		for i := range len(l.text) {
			if l.text[i] == '\n' {
				l.starts = append(l.starts, i+1)
			}
		}
	}
	offset = min(max(offset, 0), len(l.text))
	line, found := slices.BinarySearch(l.starts, offset)
	if !found {
		line-- // offset lies inside the line that begins before it
	}
	return ld.Position{File: l.file, Line: line + 1, Column: offset - l.starts[line] + 1}
}

// JSONErrorOffset gives the offset, within the JSON text that was decoded,
// at which err stands: the offending byte, or the end of the text when it
// ends too soon.
func JSONErrorOffset(err *json.SyntaxError) int {
	offset := int(err.Offset)
	if !strings.Contains(err.Error(), "unexpected end") && offset > 0 {
		offset-- // Offset counts the offending byte as read
	}
	return offset
}
