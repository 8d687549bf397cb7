// Package xmltree reads an XML document into a tree of elements and text,
// for the readers of XML formats (JATS, Crossref XML).
//
// The decoder is strict, knows the HTML entity names that publishers' XML
// uses (&nbsp;, &ndash;…), never reads a DTD, and converts the charsets
// the WHATWG encoding standard names. A UTF-8 byte-order mark is skipped,
// and input that starts with a UTF-16 byte-order mark is decoded from
// UTF-16. Names are local: a "jats:", "mml:" or "xlink:" prefix is
// dropped.
//
// Elements may nest at most MaxDepth deep. Deeper input is refused with a
// positioned error instead of being read: every walk over the tree is
// recursive, and a file of a million nested elements would otherwise
// exhaust memory and the stack.
package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// MaxDepth is the deepest nesting of elements Parse accepts. JATS and
// Crossref records nest about fifteen deep, MathML in a title a few dozen
// more; 500 leaves room for any real record.
const MaxDepth = 500

// Node is an element, or a run of text when Name is empty.
type Node struct {
	// Name is the local name, without prefix.
	Name     string
	Attrs    []xml.Attr
	Text     string
	Children []*Node
	// Pos is where the element's start tag, or the text, begins.
	Pos ld.Position
}

// Error is input that is not well-formed XML, or nests too deep, with the
// place where reading stopped.
type Error struct {
	Pos ld.Position
	Err error
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// ErrTooDeep is wrapped by the Error for elements nested deeper than
// MaxDepth.
var ErrTooDeep = fmt.Errorf("elements nest deeper than %d", MaxDepth)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ErrNoElement is wrapped by the Error for input that holds no element at
// all, placed at the end of the input.
var ErrNoElement = errors.New("no root element")

// Parse reads data and returns its root element. Text outside the root
// element is ignored; no element, or a second root element, is an error.
// file names the input in positions.
func Parse(data []byte, file string) (*Node, error) {
	data, fromUTF16, err := decodeBOM(data)
	if err != nil {
		return nil, &Error{Pos: ld.Position{File: file, Line: 1, Column: 1}, Err: err}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	if fromUTF16 {
		// The declaration still says UTF-16, but the bytes are UTF-8 now.
		dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
			if strings.HasPrefix(strings.ToLower(label), "utf-16") {
				return input, nil
			}
			return charset.NewReaderLabel(label, input)
		}
	}
	position := func() ld.Position {
		line, column := dec.InputPos()
		return ld.Position{File: file, Line: line, Column: column}
	}
	var root *Node
	var stack []*Node
	for {
		pos := position()
		token, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			// The error is placed where the decoder stopped: just after the
			// mismatched end tag or the unknown entity, at the end of input
			// that ends too soon. The start of the token could be lines
			// away, at the start of a long paragraph.
			pos = position()
			var syntaxErr *xml.SyntaxError
			if errors.As(err, &syntaxErr) {
				err = errors.New(strings.TrimPrefix(syntaxErr.Msg, "xml: "))
				if syntaxErr.Msg == "unexpected EOF" {
					if len(stack) > 0 {
						err = fmt.Errorf("unexpected end of input: <%s> is not closed", stack[len(stack)-1].Name)
					}
				}
			}
			return nil, &Error{Pos: pos, Err: err}
		}
		switch token := token.(type) {
		case xml.StartElement:
			if len(stack) >= MaxDepth {
				return nil, &Error{Pos: pos, Err: ErrTooDeep}
			}
			n := &Node{Name: token.Name.Local, Attrs: token.Attr, Pos: pos}
			switch {
			case len(stack) > 0:
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, n)
			case root != nil:
				return nil, &Error{Pos: pos, Err: fmt.Errorf("a second root element <%s> after <%s>", n.Name, root.Name)}
			default:
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, &Node{Text: string(token), Pos: pos})
			}
		}
	}
	if root == nil {
		return nil, &Error{Pos: position(), Err: ErrNoElement}
	}
	return root, nil
}

// decodeBOM drops a UTF-8 byte-order mark and decodes input that starts
// with a UTF-16 one.
func decodeBOM(data []byte) (out []byte, fromUTF16 bool, err error) {
	if decoded, ok, err := text.FromUTF16(data); ok {
		return decoded, err == nil, err
	}
	return bytes.TrimPrefix(data, utf8BOM), false, nil
}

// Attr returns the value of the attribute with the given local name, with
// white space trimmed; "" when n is nil or has none.
func (n *Node) Attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// Child returns the first child element with the given name, or nil.
func (n *Node) Child(name string) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// All returns the child elements with the given name.
func (n *Node) All(name string) []*Node {
	if n == nil {
		return nil
	}
	var found []*Node
	for _, c := range n.Children {
		if c.Name == name {
			found = append(found, c)
		}
	}
	return found
}

// Elements returns every child element, in order.
func (n *Node) Elements() []*Node {
	if n == nil {
		return nil
	}
	var found []*Node
	for _, c := range n.Children {
		if c.Name != "" {
			found = append(found, c)
		}
	}
	return found
}

// Descendants returns the elements with the given name below n, in
// document order, without looking inside the ones found.
func (n *Node) Descendants(name string) []*Node {
	var found []*Node
	var walk func(*Node)
	walk = func(e *Node) {
		for _, c := range e.Children {
			if c.Name == name {
				found = append(found, c)
			} else if c.Name != "" {
				walk(c)
			}
		}
	}
	if n != nil {
		walk(n)
	}
	return found
}

// RawText is all the text inside n, as written, without any cleaning.
func (n *Node) RawText() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.writeText(&b)
	return b.String()
}

func (n *Node) writeText(b *strings.Builder) {
	if n.Name == "" {
		b.WriteString(n.Text)
		return
	}
	for _, c := range n.Children {
		c.writeText(b)
	}
}

// OwnText is the text directly inside n, leaving out the text of its child
// elements, as written.
func (n *Node) OwnText() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range n.Children {
		if c.Name == "" {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// InnerXML writes the content of n back as XML, elements by their local
// names and without attributes, for the markup converter.
func (n *Node) InnerXML() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range n.Children {
		c.writeXML(&b)
	}
	return b.String()
}

func (n *Node) writeXML(b *strings.Builder) {
	if n.Name == "" {
		_ = xml.EscapeText(b, []byte(n.Text)) // a strings.Builder does not fail
		return
	}
	b.WriteString("<" + n.Name + ">")
	for _, c := range n.Children {
		c.writeXML(b)
	}
	b.WriteString("</" + n.Name + ">")
}
