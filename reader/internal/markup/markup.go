package markup

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// modelTags maps element names, JATS and HTML alike, to the model's
// inline markup.
var modelTags = map[string]string{
	"italic": "i", "i": "i", "em": "i",
	"bold": "b", "b": "b", "strong": "b",
	"sub": "sub", "sup": "sup", "sc": "sc",
}

// blockElements end a run of text: a space stands at each of their
// boundaries, so that "<p>a</p><p>b</p>" reads "a b".
var blockElements = map[string]bool{
	// JATS
	"abstract": true, "trans-abstract": true, "sec": true, "title": true,
	"label": true, "p": true, "list": true, "list-item": true,
	"def-list": true, "def-item": true, "term": true, "def": true,
	"disp-quote": true, "boxed-text": true, "disp-formula": true,
	"fig": true, "table-wrap": true, "caption": true, "break": true,
	"statement": true, "verse-group": true, "verse-line": true,
	"table": true, "tr": true, "td": true, "th": true, "attrib": true,
	// HTML
	"br": true, "div": true, "li": true, "ul": true, "ol": true,
	"dl": true, "dt": true, "dd": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"section": true, "header": true, "footer": true, "hr": true,
}

// silentElements hold no reading text: pictures, their descriptions, and
// the machine copies inside MathML.
var silentElements = map[string]bool{
	"graphic": true, "inline-graphic": true, "media": true,
	"alt-text": true, "long-desc": true, "object-id": true,
	"annotation": true, "annotation-xml": true,
	// HTML
	"script": true, "style": true, "template": true, "img": true,
}

// rootName wraps a fragment so that it parses as one XML document.
const rootName = "markup-fragment"

// FromJATS converts JATS inline content, such as the article-title or
// abstract of a JATS file or a Crossref "abstract", to the model's markup.
// A "<" or "&" that cannot start markup ("p < 0.05", "AT&T") is read as
// text. It returns an error naming the line and column within fragment
// when the fragment is not well-formed XML.
func FromJATS(fragment string) (string, error) {
	root, err := parseXML(fragment)
	if err != nil {
		return "", err
	}
	dropLeadingAbstractTitle(root)
	var w writer
	w.render(root)
	return w.finish(), nil
}

// node is an element, or a run of text when name is empty.
type node struct {
	name     string
	text     string
	children []*node
}

func parseXML(fragment string) (*node, error) {
	prefix := "<" + rootName + ">"
	repaired, shifts := repairXML(fragment)
	source := prefix + repaired + "</" + rootName + ">"
	decoder := xml.NewDecoder(strings.NewReader(source))
	decoder.Strict = true
	decoder.Entity = xml.HTMLEntity
	// errorAt names the place in fragment that the decoder has reached.
	errorAt := func(format string, args ...any) error {
		offset := int(decoder.InputOffset()) - len(prefix)
		offset = min(max(offset, 0), len(repaired))
		original := offset
		for _, shift := range shifts {
			if shift.at < offset {
				original -= shift.added
			}
		}
		offset = min(max(original, 0), len(fragment))
		line := 1 + strings.Count(fragment[:offset], "\n")
		column := offset - strings.LastIndexByte(fragment[:offset], '\n')
		return fmt.Errorf("markup: line %d, column %d: "+format, append([]any{line, column}, args...)...)
	}
	root := &node{name: rootName}
	var stack []*node
	for {
		token, err := decoder.Token()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			if len(stack) > 1 && decoder.InputOffset() >= int64(len(source)) {
				return nil, errorAt("element <%s> is not closed", stack[len(stack)-1].name)
			}
			var syntaxErr *xml.SyntaxError
			if errors.As(err, &syntaxErr) {
				if closer, ok := strings.CutPrefix(syntaxErr.Msg, "element <"+rootName+"> closed by "); ok {
					return nil, errorAt("end tag %s without a start tag", closer)
				}
				return nil, errorAt("%s", syntaxErr.Msg)
			}
			return nil, errorAt("%w", err)
		}
		switch token := token.(type) {
		case xml.StartElement:
			element := root
			if len(stack) > 0 {
				element = &node{name: token.Name.Local}
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, element)
			}
			stack = append(stack, element)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if len(stack) == 0 && decoder.InputOffset() != int64(len(source)) {
				return nil, errorAt("end tag </%s> without a start tag", rootName)
			}
		case xml.CharData:
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, &node{text: string(token)})
			}
		}
	}
}

// shift records that repairXML wrote added bytes more than the fragment
// had, at offset at of its output.
type shift struct{ at, added int }

// repairXML escapes each "<" that cannot start a tag, comment, CDATA
// section or processing instruction, and each "&" that does not start a
// character or entity reference the decoder knows. CDATA sections and
// comments are copied unchanged. The shifts map the output's offsets back
// to the input's.
func repairXML(s string) (string, []shift) {
	var b strings.Builder
	var shifts []shift
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "<![CDATA["):
			i += copyThrough(&b, s[i:], "]]>")
		case strings.HasPrefix(s[i:], "<!--"):
			i += copyThrough(&b, s[i:], "-->")
		case s[i] == '<' && !startsMarkup(s[i+1:]):
			shifts = append(shifts, shift{b.Len(), 3})
			b.WriteString("&lt;")
			i++
		case s[i] == '&' && !startsReference(s[i+1:]):
			shifts = append(shifts, shift{b.Len(), 4})
			b.WriteString("&amp;")
			i++
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), shifts
}

// copyThrough copies s up to and including end, or all of s when end does
// not occur, and returns how many bytes it copied.
func copyThrough(b *strings.Builder, s, end string) int {
	n := len(s)
	if k := strings.Index(s, end); k >= 0 {
		n = k + len(end)
	}
	b.WriteString(s[:n])
	return n
}

func startsMarkup(rest string) bool {
	if rest == "" {
		return false
	}
	c := rest[0]
	return c == '/' || c == '!' || c == '?' || c == '_' || c == ':' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

func startsReference(rest string) bool {
	end := strings.IndexByte(rest, ';')
	if end <= 0 || end > 40 {
		return false
	}
	name := rest[:end]
	if number, ok := strings.CutPrefix(name, "#"); ok {
		digits := "0123456789"
		if hex, ok := strings.CutPrefix(number, "x"); ok {
			number, digits = hex, "0123456789abcdefABCDEF"
		}
		return number != "" && strings.Trim(number, digits) == ""
	}
	switch name {
	case "lt", "gt", "amp", "apos", "quot":
		return true
	}
	_, known := xml.HTMLEntity[name]
	return known
}

// dropLeadingAbstractTitle removes a title that reads "Abstract" when it
// comes before any text, as Crossref abstracts often begin. It reports
// whether the search is over.
func dropLeadingAbstractTitle(n *node) bool {
	for i, child := range n.children {
		switch {
		case child.name == "":
			if strings.TrimSpace(child.text) != "" {
				return true
			}
		case child.name == "title":
			heading := strings.TrimRight(strings.TrimSpace(plainText(child)), ":.")
			if strings.EqualFold(heading, "abstract") {
				n.children = slices.Delete(n.children, i, i+1)
			}
			return true
		case dropLeadingAbstractTitle(child):
			return true
		}
	}
	return false
}

func plainText(n *node) string {
	if n.name == "" {
		return n.text
	}
	var b strings.Builder
	for _, child := range n.children {
		b.WriteString(plainText(child))
	}
	return b.String()
}

// writer builds the model markup. Opening tags wait until the text they
// hold begins, so that spaces fall outside the markup and empty markup
// vanishes.
type writer struct {
	out bytes.Buffer
	// space is set when white space is due before the next text.
	space bool
	// pending are opening tags due before the next text.
	pending []string
	// written are the open tags already written, innermost last.
	written []string
	// depth counts, per model tag, how deeply it is open.
	depth map[string]int
}

func (w *writer) render(n *node) {
	switch {
	case n.name == "":
		w.text(n.text)
		return
	case silentElements[n.name]:
		return
	case n.name == "alternatives":
		if choice := chooseAlternative(n); choice != nil {
			w.render(choice)
		}
		return
	}
	tag, marked := modelTags[n.name]
	block := blockElements[n.name]
	if block {
		w.space = true
	}
	if marked {
		w.open(tag)
	}
	for _, child := range n.children {
		w.render(child)
	}
	if marked {
		w.close(tag)
	}
	if block {
		w.space = true
	}
}

// chooseAlternative picks the one rendering of a JATS <alternatives> to
// read: the MathML formula when there is one, else the first element that
// is not a picture.
func chooseAlternative(n *node) *node {
	var first *node
	for _, child := range n.children {
		if child.name == "math" {
			return child
		}
		if first == nil && child.name != "" && !silentElements[child.name] {
			first = child
		}
	}
	return first
}

func (w *writer) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if w.space && w.out.Len() > 0 {
			w.out.WriteByte(' ')
		}
		w.space = false
		for _, tag := range w.pending {
			w.out.WriteString("<" + tag + ">")
			w.written = append(w.written, tag)
		}
		w.pending = w.pending[:0]
		w.out.WriteRune(r)
	}
}

func (w *writer) open(tag string) {
	if w.depth == nil {
		w.depth = map[string]int{}
	}
	w.depth[tag]++
	if w.depth[tag] == 1 {
		w.pending = append(w.pending, tag)
	}
}

func (w *writer) close(tag string) {
	if w.depth[tag] == 0 {
		return
	}
	w.depth[tag]--
	if w.depth[tag] > 0 {
		return
	}
	if i := slices.Index(w.pending, tag); i >= 0 {
		w.pending = slices.Delete(w.pending, i, i+1)
		return
	}
	// Close the tags opened inside this one too, and open them again
	// after it: HTML may close markup out of order.
	i := slices.Index(w.written, tag)
	if i < 0 {
		return
	}
	inner := slices.Clone(w.written[i+1:])
	for j := len(w.written) - 1; j >= i; j-- {
		w.out.WriteString("</" + w.written[j] + ">")
	}
	w.written = w.written[:i]
	w.pending = append(inner, w.pending...)
}

func (w *writer) finish() string {
	for j := len(w.written) - 1; j >= 0; j-- {
		w.out.WriteString("</" + w.written[j] + ">")
	}
	return norm.NFC.String(w.out.String())
}

// FromHTML converts HTML inline content, such as a citation_title or a
// description, to the model's markup. HTML has no syntax errors: what does
// not parse as a tag is text.
func FromHTML(fragment string) string {
	tokenizer := html.NewTokenizer(strings.NewReader(fragment))
	var w writer
	silent := 0
	for {
		switch tokenizer.Next() {
		case html.ErrorToken:
			return w.finish()
		case html.TextToken:
			if silent == 0 {
				w.text(string(tokenizer.Text()))
			}
		case html.StartTagToken:
			name := tagName(tokenizer)
			switch {
			case silentElements[name] && !isVoid(name):
				silent++
			case silent > 0:
			default:
				w.startHTML(name)
			}
		case html.SelfClosingTagToken:
			if silent == 0 && blockElements[tagName(tokenizer)] {
				w.space = true
			}
		case html.EndTagToken:
			name := tagName(tokenizer)
			switch {
			case silentElements[name] && !isVoid(name):
				silent = max(silent-1, 0)
			case silent > 0:
			default:
				w.endHTML(name)
			}
		}
	}
}

func tagName(tokenizer *html.Tokenizer) string {
	name, _ := tokenizer.TagName()
	return string(name)
}

func isVoid(name string) bool { return name == "img" }

func (w *writer) startHTML(name string) {
	if blockElements[name] {
		w.space = true
	}
	if tag, ok := modelTags[name]; ok {
		w.open(tag)
	}
}

func (w *writer) endHTML(name string) {
	if tag, ok := modelTags[name]; ok {
		w.close(tag)
	}
	if blockElements[name] {
		w.space = true
	}
}
