package ld

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/vocab"
)

// SchemaContextURL is the context every JSON-LD output names.
const SchemaContextURL = "https://schema.org"

// schemaContext is the project's own context for https://schema.org: the
// official context's definitions of the terms scholarld emits (the date
// and IRI coercions) and its @vocab, so that compaction gives what a
// consumer of the official context reads, without the network and without
// parsing 3,000 terms per call. A test compares both on every testdata
// record.
//
//go:embed context.jsonld
var schemaContext []byte

// OfflineLoader is a json-gold DocumentLoader that never uses the
// network: it serves the embedded schema.org context for every form of
// the schema.org context's URL (IsSchemaContextURL) and refuses every
// other URL.
type OfflineLoader struct{}

// IsSchemaContextURL reports whether u names the schema.org context:
// http or https, with or without "www." and a trailing slash, or the path
// of the context file itself (/docs/jsonldcontext.json, .jsonld).
func IsSchemaContextURL(u string) bool {
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(u, "http://"); !ok {
			return false
		}
	}
	rest = strings.TrimPrefix(rest, "www.")
	switch rest {
	case "schema.org", "schema.org/", "schema.org/docs/jsonldcontext.json", "schema.org/docs/jsonldcontext.jsonld", "schema.org/docs/jsonldcontext.json.txt":
		return true
	}
	return false
}

// LoadDocument implements ld.DocumentLoader.
func (OfflineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	switch {
	case IsSchemaContextURL(u):
		var doc any
		if err := json.Unmarshal(schemaContext, &doc); err != nil {
			return nil, err
		}
		return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
	}
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("offline: no document is served for %s", u))
}

// contextPrefixes are the prefixes the @context of the full profile
// declares after the schema.org URL: those of the other vocabularies.
func contextPrefixes() []vocab.Prefix {
	var prefixes []vocab.Prefix
	for _, pre := range vocab.Prefixes {
		switch pre.Name {
		case "schema", "xsd", "rdf": // defined by schema.org, or not needed
		default:
			prefixes = append(prefixes, pre)
		}
	}
	return prefixes
}

// contextMember is the @context an output of the profile carries: the
// schema.org URL, followed in the full profile by the prefixes of the
// other vocabularies.
func contextMember(p Profile) compactMember {
	context := compactMember{key: "@context", first: compactValue{str: SchemaContextURL}}
	if p == FullProfile {
		prefixes := &compactNode{}
		for _, pre := range contextPrefixes() {
			prefixes.add(pre.Name, compactValue{str: pre.Namespace})
		}
		context.more = []compactValue{objectValue(prefixes)}
	}
	return context
}

// jsonldEncoder writes JSON-LD. One graph is one document; several
// graphs of a stream are one JSON array, so that the output stays one
// JSON-LD document. In HTML each graph has its own script element.
type jsonldEncoder struct {
	w    io.Writer
	form jsonldForm
	// first holds the items of the first graph until a second graph or
	// Close tells whether the output is one document or an array.
	first   []any
	graphs  int
	written int // items written into the array so far
	// reshape, when set, makes the compact document of a graph's expanded
	// tree instead of the project's own compactor (NewContextEncoder).
	reshape func(tree []any) (any, error)
}

type jsonldForm int

const (
	compactForm jsonldForm = iota
	expandedForm
	htmlForm
)

// NewJSONLDEncoder returns an encoder of compact JSON-LD: one object
// rooted at the article, "@context": "https://schema.org", the byline in
// order. Several articles make a JSON array of such objects. The output
// is complete after Close.
func NewJSONLDEncoder(w io.Writer) Encoder { return &jsonldEncoder{w: w} }

// NewExpandedJSONLDEncoder returns an encoder of expanded JSON-LD: full
// IRIs, no context, one array holding the nodes of every article.
func NewExpandedJSONLDEncoder(w io.Writer) Encoder {
	return &jsonldEncoder{w: w, form: expandedForm}
}

// NewHTMLEncoder returns an encoder of the compact JSON-LD inside a
// <script type="application/ld+json"> element, for a web page's <head>,
// one element per article. '<', '>' and '&' are written as JSON \u
// escapes, so no title or abstract can end the element or open a comment.
func NewHTMLEncoder(w io.Writer) Encoder { return &jsonldEncoder{w: w, form: htmlForm} }

var _ Encoder = (*jsonldEncoder)(nil)

// NewJSONLinesEncoder returns an encoder of JSON Lines: each article's
// compact JSON-LD document on a line of its own, for search indexes and
// data lakes. Each line is a document, so blank nodes never meet across
// lines and keep their own labels.
func NewJSONLinesEncoder(w io.Writer) Encoder { return &jsonLinesEncoder{w: w} }

type jsonLinesEncoder struct {
	w   io.Writer
	buf []byte
}

var _ Encoder = (*jsonLinesEncoder)(nil)

func (e *jsonLinesEncoder) Encode(g *Graph) error {
	var err error
	if e.buf, err = appendJSONLine(e.buf[:0], g, ""); err != nil {
		return err
	}
	_, err = e.w.Write(e.buf)
	return err
}

func (e *jsonLinesEncoder) Close() error { return nil }

// appendJSONLine is the AppendGraph of JSON Lines; scope is not needed.
func appendJSONLine(dst []byte, g *Graph, _ string) ([]byte, error) {
	scratch := scratches.Get().(*compactScratch)
	defer scratches.Put(scratch)
	doc, err := compactDocument(g, "", scratch)
	if err != nil {
		return dst, err
	}
	// Grow once to about the size of the line: its values, and a short
	// key and punctuation for each.
	size := 0
	for _, t := range g.Triples {
		size += len(t.Obj.String()) + 24
	}
	dst = slices.Grow(dst, size)
	return append(appendCompactNode(dst, doc, -1, false), '\n'), nil
}

// Encode writes one graph. The blank nodes of the second and later graphs
// are relabelled "g1_b0", "g2_b0", ..., as in N-Triples.
func (e *jsonldEncoder) Encode(g *Graph) error {
	var doc any
	var err error
	if e.reshape != nil {
		doc, err = e.reshape(plainJSON(expand(g, StreamScope(e.graphs))).([]any))
	} else {
		doc, err = jsonLD(g, e.form == expandedForm, StreamScope(e.graphs))
	}
	if err != nil {
		return err
	}
	if e.form == htmlForm {
		buf := append([]byte(`<script type="application/ld+json">`+"\n"), appendJSON(nil, doc, 0, true)...)
		_, err = e.w.Write(append(buf, "\n</script>\n"...))
		return err
	}
	items := []any{doc}
	if e.form == expandedForm {
		items = doc.([]any)
	}
	e.graphs++
	switch e.graphs {
	case 1:
		e.first = items
		return nil
	case 2:
		items = append(e.first, items...)
		e.first = nil
	}
	return e.writeItems(items)
}

// writeItems writes items into the array, opening it with the first.
func (e *jsonldEncoder) writeItems(items []any) error {
	var buf []byte
	for _, item := range items {
		if e.written == 0 {
			buf = append(buf, "[\n  "...)
		} else {
			buf = append(buf, ",\n  "...)
		}
		buf = appendJSON(buf, item, 1, false)
		e.written++
	}
	_, err := e.w.Write(buf)
	return err
}

// Close ends the output: the one document of a single graph, or the array
// of several.
func (e *jsonldEncoder) Close() error {
	var buf []byte
	switch {
	case e.form == htmlForm || e.graphs == 0:
		return nil
	case e.graphs == 1 && e.form == compactForm:
		buf = appendJSON(nil, e.first[0], 0, false)
	case e.graphs == 1:
		buf = appendJSON(nil, e.first, 0, false)
	default:
		buf = []byte("\n]")
	}
	_, err := e.w.Write(append(buf, '\n'))
	return err
}

// JSONLD returns the JSON-LD document of a graph as values of the kinds
// encoding/json decodes into: the expanded form, or the compact form with
// the profile's @context. The compact form is what json-gold's compaction
// of the expanded form gives against that context; the tests hold the two
// equal byte for byte.
func JSONLD(g *Graph, expanded bool) (any, error) {
	doc, err := jsonLD(g, expanded, "")
	if c, ok := doc.(*compactNode); ok {
		return c.plain(), nil
	}
	return doc, err
}

// jsonLD is JSONLD with the blank node labels prefixed by scope, which
// keeps the blank nodes of the articles of one stream apart. The compact
// form is a *compactNode, which appendJSON writes.
func jsonLD(g *Graph, expanded bool, scope string) (any, error) {
	if expanded {
		return plainJSON(expand(g, scope)), nil
	}
	doc, err := compactDocument(g, scope, nil)
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// compactDocument is the compact JSON-LD document of a graph, in the
// memory of scratch when not nil (compactor.document).
func compactDocument(g *Graph, scope string, scratch *compactScratch) (*compactNode, error) {
	compactors, err := compactors()
	if err != nil {
		return nil, err
	}
	return compactors[g.Profile].document(g, scope, scratch), nil
}

// expand writes the graph as expanded JSON-LD, nested from the root: each
// node is written in full where it is first reached and referred to by
// "@id" elsewhere. Subjects the root does not reach follow it in the
// top-level array.
func expand(g *Graph, scope string) []any {
	ix := newIndex(g)
	root := ix.add(g.Root)
	x := &expander{ix: ix, root: root, scope: scope, done: make([]bool, len(ix.props)), listCell: make([]bool, len(ix.props))}
	out := []any{x.node(g.Root, x.root)}
	for _, s := range ix.subjects {
		if !x.done[s] && !x.listCell[s] {
			out = append(out, x.node(ix.props[s][0].Subj, s))
		}
	}
	return out
}

type expander struct {
	ix       *index
	root     int
	scope    string // prefix of the blank node labels
	done     []bool // by node id: written in full
	listCell []bool // by node id: a cell of a list written as @list
}

// id gives the "@id" of a node: its IRI, or for a blank node that is
// referred to more than once its label.
func (x *expander) id(n rdf.Term, id int) (string, bool) {
	if n.Type() == rdf.TermIRI {
		return n.String(), true
	}
	uses := x.ix.refs[id]
	if id == x.root {
		uses++
	}
	return "_:" + x.scope + n.String(), uses > 1
}

func (x *expander) node(n rdf.Term, id int) map[string]any {
	x.done[id] = true
	obj := map[string]any{}
	if iri, ok := x.id(n, id); ok {
		obj["@id"] = iri
	}
	for _, t := range x.ix.props[id] {
		p := t.Pred.String()
		if p == vocab.RDFType {
			types, _ := obj["@type"].([]any)
			obj["@type"] = append(types, t.Obj.String())
			continue
		}
		values, _ := obj[p].([]any)
		obj[p] = append(values, x.value(t.Obj))
	}
	return obj
}

func (x *expander) value(o rdf.Object) any {
	if lit, ok := o.(rdf.Literal); ok {
		return literalValue(lit)
	}
	if items, cells, ok := x.ix.list(o); ok {
		for _, c := range cells {
			x.listCell[c] = true
		}
		list := make([]any, len(items))
		for i, item := range items {
			list[i] = x.value(item)
		}
		return map[string]any{"@list": list}
	}
	id, _ := x.ix.id(o)
	if len(x.ix.props[id]) > 0 && !x.done[id] {
		return x.node(o, id)
	}
	if iri, needed := x.id(o, id); needed {
		return map[string]any{"@id": iri}
	}
	return map[string]any{} // a blank node without properties, used once
}

// literalForm is a literal as JSON-LD writes it: its value as a JSON
// string, number or boolean, and the datatype or language it then needs.
// Booleans and integers that fit a float64 exactly become JSON literals,
// which JSON-LD reads back as xsd:boolean and xsd:integer; xsd:string is
// left implicit.
type literalForm struct {
	value              compactValue // a compactString, compactNumber or compactBool
	datatype, language string
}

func literalFormOf(lit rdf.Literal) literalForm {
	s := lit.String()
	switch dt := lit.DataType.String(); dt {
	case vocab.XSDString, "":
		return literalForm{value: compactValue{str: s}}
	case vocab.RDFLangString:
		return literalForm{value: compactValue{str: s}, language: lit.Lang()}
	case vocab.XSDBoolean:
		if s == "true" || s == "false" {
			return literalForm{value: compactValue{kind: compactBool, str: s}}
		}
	case vocab.XSDInteger:
		// The text of an integer that fits a float64 exactly is the JSON
		// text encoding/json writes for the float64.
		if i, err := strconv.ParseInt(s, 10, 64); err == nil && strconv.FormatInt(i, 10) == s && math.Abs(float64(i)) < 1<<53 {
			return literalForm{value: compactValue{kind: compactNumber, str: s}}
		}
	}
	return literalForm{value: compactValue{str: s}, datatype: lit.DataType.String()}
}

// valueObject is a literal of the expanded tree. It stays a struct until
// the expanded form is asked for (plainJSON).
type valueObject struct {
	value              any // a string, or a bool or float64 for native JSON literals
	datatype, language string
}

// literalValue gives a literal's value object.
func literalValue(lit rdf.Literal) valueObject {
	f := literalFormOf(lit)
	return valueObject{value: f.value.plain(), datatype: f.datatype, language: f.language}
}

// plainJSON replaces the value objects of a tree by the maps of expanded
// JSON-LD, giving values of the kinds encoding/json decodes into.
func plainJSON(v any) any {
	switch v := v.(type) {
	case valueObject:
		obj := map[string]any{"@value": v.value}
		if v.datatype != "" {
			obj["@type"] = v.datatype
		}
		if v.language != "" {
			obj["@language"] = v.language
		}
		return obj
	case map[string]any:
		for k, x := range v {
			v[k] = plainJSON(x)
		}
	case []any:
		for i, x := range v {
			v[i] = plainJSON(x)
		}
	}
	return v
}
