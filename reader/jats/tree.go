package jats

import (
	"errors"
	"slices"
	"strings"
	"unicode"

	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/text"
	"github.com/scholarld/scholarld/reader/internal/xmltree"
)

// element is one XML element, or a run of text when its Name is empty.
// Names are local: a "jats:", "mml:" or "xlink:" prefix is dropped.
type element = xmltree.Node

// parse reads data into a tree under a synthetic document node (see
// reader/internal/xmltree: strict, HTML entity names, no DTD, WHATWG
// charsets, byte-order marks, at most xmltree.MaxDepth levels).
func parse(data []byte, file string) (*element, error) {
	root, err := xmltree.Parse(data, file)
	document := &element{Name: "#document"}
	var treeErr *xmltree.Error
	switch {
	case errors.Is(err, xmltree.ErrNoElement):
		return document, nil
	case errors.As(err, &treeErr):
		return nil, &reader.SyntaxError{Format: "jats", PosFirst: true, Pos: treeErr.Pos, Err: treeErr.Err}
	case err != nil:
		return nil, err
	}
	document.Children = []*element{root}
	return document, nil
}

// plainText is the text of e with white space cleaned. Paragraphs,
// titles, breaks, list items and the elements named in spaced stand apart
// from their neighbours as words: a space separates them unless
// punctuation does ("Qiu Z, Jiang H" from <surname>Qiu</surname>
// <given-names>Z</given-names>, ...).
func plainText(e *element, spaced ...string) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*element)
	walk = func(n *element) {
		for _, c := range n.Children {
			switch {
			case c.Name == "":
				b.WriteString(c.Text)
			case c.Name == "p" || c.Name == "title" || c.Name == "break" || c.Name == "list-item" || slices.Contains(spaced, c.Name):
				b.WriteRune(wordBoundary)
				walk(c)
				b.WriteRune(wordBoundary)
			default:
				walk(c)
			}
		}
	}
	walk(e)
	return text.Clean(resolveBoundaries(b.String()))
}

// wordBoundary marks where plainText may put a space. It is a private-use
// character; one in the input is read as a boundary too, which at most
// turns it into a space.
const wordBoundary = '\uE000'

// resolveBoundaries turns each run of word boundaries into a space, or
// into nothing next to white space, before closing punctuation or after
// opening punctuation.
func resolveBoundaries(s string) string {
	if !strings.ContainsRune(s, wordBoundary) {
		return s
	}
	runes := []rune(s)
	var b strings.Builder
	for i := 0; i < len(runes); i++ {
		if runes[i] != wordBoundary {
			b.WriteRune(runes[i])
			continue
		}
		j := i
		for j < len(runes) && runes[j] == wordBoundary {
			j++
		}
		before, after := ' ', ' '
		if i > 0 {
			before = runes[i-1]
		}
		if j < len(runes) {
			after = runes[j]
		}
		if !unicode.IsSpace(before) && !unicode.IsSpace(after) && !strings.ContainsRune("([{", before) && !strings.ContainsRune(",.;:)]}", after) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}
