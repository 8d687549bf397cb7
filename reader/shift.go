package reader

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// WarningPaths says whether a reader's warnings, when it reads a list
// whole, name the list element before the field ("message.items[2].funder")
// or only the field within the record ("author[6].ORCID").
type WarningPaths bool

// The two ways readers name the fields of their warnings.
const (
	WarningPathsInRecord WarningPaths = false
	WarningPathsInInput  WarningPaths = true
)

// DecodeAt makes a Decoder of a ReadFunc for a format whose chunks are
// parts of a larger input (an element of a list, an entry): the reader
// reads the chunk as if it were a whole input, the positions it gives are
// moved to where the chunk stands in the input, and the chunk's path is
// put before the field paths of errors (and of warnings, as warnings
// says), so that a record reads the same whole or streamed.
func DecodeAt(read ReadFunc, warnings WarningPaths) Decoder {
	return func(c Chunk) []Record {
		records, err := read(c.Data, c.Source)
		if err != nil {
			if !c.Whole && !positioned(err) {
				err = moveMessage(err, c)
			}
			records = []Record{{Pos: ld.Position{File: c.Source, Line: 1, Column: 1}, Err: err}}
		}
		if !c.Whole {
			for i := range records {
				shiftRecord(&records[i], c.Pos, c.Path, warnings)
			}
		}
		return records
	}
}

// joinPath puts a chunk's path before a path within it.
func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "" || path == "(record)":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// shiftRecord moves the positions of a record read from a chunk, and of
// its errors, to where the chunk stands, and puts the chunk's path before
// the field paths of its errors, and of its warnings when asked.
func shiftRecord(r *Record, at ld.Position, path string, warnings WarningPaths) {
	r.Pos = shift(r.Pos, at)
	if warnings == WarningPathsInInput {
		for i := range r.Warnings {
			r.Warnings[i].Path = joinPath(path, r.Warnings[i].Path)
		}
	}
	var walk func(err error)
	walk = func(err error) {
		var list ld.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				walk(e)
			}
			return
		}
		var field *ld.FieldError
		var syntax *SyntaxError
		var record *ld.SyntaxError
		switch {
		case errors.As(err, &field):
			field.Pos = shift(field.Pos, at)
			field.Path = joinPath(path, field.Path)
		case errors.As(err, &syntax):
			syntax.Pos = shift(syntax.Pos, at)
		case errors.As(err, &record):
			record.Pos = shift(record.Pos, at)
		}
	}
	if r.Err != nil {
		walk(r.Err)
	}
}

// shift moves p, a position within a chunk, to the input: lines count on
// from the chunk's line, and columns on its first line from its column.
func shift(p, at ld.Position) ld.Position {
	if !p.IsValid() {
		return p
	}
	if p.Line == 1 {
		p.Column += at.Column - 1
	}
	p.Line += at.Line - 1
	return p
}

// positioned reports whether err holds an error whose position
// shiftRecord moves.
func positioned(err error) bool {
	var list ld.ErrorList
	var field *ld.FieldError
	var syntax *SyntaxError
	var record *ld.SyntaxError
	return errors.As(err, &list) || errors.As(err, &field) || errors.As(err, &syntax) || errors.As(err, &record)
}

// movedError is a reader's error about a whole chunk that gives its place
// only in its words ("in.json:1:1: csl: not CSL-JSON"), with that place
// moved to where the chunk stands in the input, and the chunk's path.
type movedError struct {
	msg string
	err error
}

func (e *movedError) Error() string { return e.msg }
func (e *movedError) Unwrap() error { return e.err }

// placeInMessage is the "line:col: " after an input's name in a message.
var placeInMessage = regexp.MustCompile(`^(\d+):(\d+): `)

// moveMessage moves the first "source:line:col: " of err's message to the
// input, and puts the chunk's path after it.
func moveMessage(err error, c Chunk) error {
	msg := err.Error()
	i := strings.Index(msg, c.Source+":")
	if i < 0 {
		return err
	}
	rest := msg[i+len(c.Source)+1:]
	m := placeInMessage.FindStringSubmatch(rest)
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	p := shift(ld.Position{Line: line, Column: col}, c.Pos)
	where := fmt.Sprintf("%s:%d:%d: ", c.Source, p.Line, p.Column)
	if c.Path != "" {
		where += c.Path + ": "
	}
	return &movedError{msg: msg[:i] + where + rest[len(m[0]):], err: err}
}
