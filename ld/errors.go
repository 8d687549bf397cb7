package ld

import (
	"fmt"
	"strconv"
	"strings"
)

// Position is a place in an input file. Line and Column count from 1;
// Column counts bytes. The zero Position means "not known".
type Position struct {
	File   string
	Line   int
	Column int
}

// IsValid reports whether the position is known.
func (p Position) IsValid() bool { return p.Line > 0 }

// String gives "file:line:col", leaving out what is unknown.
func (p Position) String() string {
	s := p.File
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	return s
}

// elemPath is the path of element i of the list at path: "authors[2]".
// Paths are made for every element a record has, not only the bad ones,
// so this is plain concatenation rather than fmt.
func elemPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// FieldError is a problem with the value of one field of an article,
// named by its path in the record format: "authors[2].orcid".
type FieldError struct {
	Pos  Position // where the value stands in the input, when known
	Path string
	Err  error
}

func (e *FieldError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if pos := e.Pos.String(); pos != "" {
		msg = pos + ": " + msg
	}
	return msg
}

func (e *FieldError) Unwrap() error { return e.Err }

// ErrorList collects every problem found in one article, so that a user
// sees them all at once rather than one per run.
type ErrorList []error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	msgs := make([]string, len(l))
	for i, err := range l {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap gives the collected errors to errors.Is and errors.As.
func (l ErrorList) Unwrap() []error { return l }

// Err returns nil for an empty list and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
