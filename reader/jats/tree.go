package jats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html/charset"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// element is one XML element, or a run of text when name is empty.
// Names are local: a "jats:", "mml:" or "xlink:" prefix is dropped.
type element struct {
	name     string
	attrs    []xml.Attr
	children []*element
	text     string
	pos      ld.Position
}

// parse reads data into a tree under a synthetic document node. The
// decoder is strict but knows the HTML entity names that JATS files use
// (&nbsp;, &ndash;...), never reads the DTD, and converts the charsets
// the WHATWG encoding standard names.
func parse(data []byte, file string) (*element, error) {
	decoder := xml.NewDecoder(bytes.NewReader(data))
	decoder.Strict = true
	decoder.Entity = xml.HTMLEntity
	decoder.CharsetReader = charset.NewReaderLabel
	document := &element{name: "#document"}
	stack := []*element{document}
	for {
		line, column := decoder.InputPos()
		token, err := decoder.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, column = decoder.InputPos()
			var syntaxErr *xml.SyntaxError
			if errors.As(err, &syntaxErr) {
				err = errors.New(strings.TrimPrefix(syntaxErr.Msg, "xml: "))
				if syntaxErr.Msg == "unexpected EOF" && len(stack) > 1 {
					err = fmt.Errorf("unexpected end of input: <%s> is not closed", stack[len(stack)-1].name)
				}
			}
			return nil, &reader.SyntaxError{Format: "jats", PosFirst: true, Pos: ld.Position{File: file, Line: line, Column: column}, Err: err}
		}
		parent := stack[len(stack)-1]
		switch token := token.(type) {
		case xml.StartElement:
			child := &element{
				name:  token.Name.Local,
				attrs: token.Attr,
				pos:   ld.Position{File: file, Line: line, Column: column},
			}
			parent.children = append(parent.children, child)
			stack = append(stack, child)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 1 {
				parent.children = append(parent.children, &element{text: string(token)})
			}
		}
	}
	return document, nil
}

// attr returns the value of the attribute with the given local name.
func (e *element) attr(local string) string {
	if e == nil {
		return ""
	}
	for _, a := range e.attrs {
		if a.Name.Local == local {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// child returns the first child element with the given name, or nil.
func (e *element) child(name string) *element {
	if e == nil {
		return nil
	}
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// all returns the child elements with the given name.
func (e *element) all(name string) []*element {
	if e == nil {
		return nil
	}
	var found []*element
	for _, c := range e.children {
		if c.name == name {
			found = append(found, c)
		}
	}
	return found
}

// elements returns every child element, in order.
func (e *element) elements() []*element {
	if e == nil {
		return nil
	}
	var found []*element
	for _, c := range e.children {
		if c.name != "" {
			found = append(found, c)
		}
	}
	return found
}

// descendants returns the elements with the given name below e, in
// document order, without looking inside the ones found.
func (e *element) descendants(name string) []*element {
	var found []*element
	var walk func(*element)
	walk = func(n *element) {
		for _, c := range n.children {
			if c.name == name {
				found = append(found, c)
			} else if c.name != "" {
				walk(c)
			}
		}
	}
	if e != nil {
		walk(e)
	}
	return found
}

// plainText is the text of e with white space cleaned. Paragraphs,
// titles, breaks, list items and the elements named in spaced stand apart
// from their neighbours as words: a space separates them unless
// punctuation does ("Qiu Z, Jiang H" from <surname>Qiu</surname>
// <given-names>Z</given-names>, ...).
func (e *element) plainText(spaced ...string) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*element)
	walk = func(n *element) {
		for _, c := range n.children {
			switch {
			case c.name == "":
				b.WriteString(c.text)
			case c.name == "p" || c.name == "title" || c.name == "break" || c.name == "list-item" || slices.Contains(spaced, c.name):
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

// innerXML writes the content of e back as XML, elements by their local
// names and without attributes, for the markup converter.
func (e *element) innerXML() string {
	var b strings.Builder
	var walk func(*element)
	walk = func(n *element) {
		for _, c := range n.children {
			if c.name == "" {
				_ = xml.EscapeText(&b, []byte(c.text)) // a strings.Builder does not fail
				continue
			}
			b.WriteString("<" + c.name + ">")
			walk(c)
			b.WriteString("</" + c.name + ">")
		}
	}
	if e != nil {
		walk(e)
	}
	return b.String()
}
