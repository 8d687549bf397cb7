package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/piprate/json-gold/ld"
)

// Context is a user's JSON-LD context, processed once by json-gold for
// NewContextEncoder. Encoders that share one Context must run one at a
// time: json-gold caches what it derives from the context inside it.
type Context struct {
	value  any         // the @context written into every document, as given
	active *ld.Context // value processed by json-gold
}

// ParseContext reads a JSON-LD context document: a JSON object whose
// "@context" is the context, an object of term definitions, a URL, or an
// array of these. The only URLs served are the schema.org context's
// (https://schema.org, with or without https and the trailing slash: the
// embedded context). file names the document in errors.
func ParseContext(data []byte, file string) (*Context, error) {
	doc, err := decodeJSONDocument(data, file)
	if err != nil {
		return nil, err
	}
	value, ok := doc["@context"]
	if !ok {
		return nil, fmt.Errorf("%s: no \"@context\" key: a context document is {\"@context\": ...}", file)
	}
	active, err := ld.NewContext(nil, jsonGoldOptions()).Parse(ld.CloneDocument(value))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	active.GetInverse() // computed once here rather than by the first article
	return &Context{value: value, active: active}, nil
}

// Frame is a JSON-LD 1.1 frame, processed once by json-gold for
// NewFrameEncoder.
type Frame struct {
	context      any             // the frame's @context, written into the output
	active       *ld.Context     // context processed by json-gold
	expanded     []any           // the frame, expanded, its @reverse made forward
	reversed     map[string]bool // the properties the frame follows backwards
	graphInFrame bool            // the frame has "@graph": keep the graphs apart
}

// ParseFrame reads a JSON-LD frame document (https://www.w3.org/TR/json-ld11-framing/):
// a JSON object, usually with a "@context" and a "@type" to match, whose
// nested objects say what to embed where, "@reverse" included. The
// defaults are the specification's (@embed @once, @explicit and
// @requireAll false); the frame's own keys change them. file names the
// document in errors.
func ParseFrame(data []byte, file string) (*Frame, error) {
	doc, err := decodeJSONDocument(data, file)
	if err != nil {
		return nil, err
	}
	opts := jsonGoldOptions()
	opts.ProcessingMode = ld.JsonLd_1_1_Frame
	expanded, err := ld.NewJsonLdProcessor().Expand(ld.CloneDocument(doc), opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	context := doc["@context"]
	active, err := ld.NewContext(nil, jsonGoldOptions()).Parse(ld.CloneDocument(context))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	active.GetInverse()
	_, graphInFrame := doc["@graph"]
	reversed := map[string]bool{}
	forwardReverse(expanded, reversed)
	return &Frame{context: context, active: active, expanded: expanded, reversed: reversed, graphInFrame: graphInFrame}, nil
}

// reversePrefix names, in the framed data, the forward property that
// stands for a property followed backwards: json-gold finds the nodes of
// a frame's "@reverse" by iterating a Go map (JsonLdApi.matchFrame), so
// their order, and which copy @once embeds, would change from run to run.
// Following forward properties it keeps the order of the data.
const reversePrefix = "urn:x-scholarld:reverse:"

// forwardReverse rewrites every "@reverse": {P: frame} of an expanded frame
// as the forward property reversePrefix+P, recording P in reversed. A
// reverse property is no condition on the node a frame matches, so the
// forward one gets a default (a node without it still matches) and the
// frame an "@id" wildcard (a frame of no other property still matches
// every node).
func forwardReverse(frame any, reversed map[string]bool) {
	switch v := frame.(type) {
	case map[string]any:
		for _, x := range v {
			forwardReverse(x, reversed)
		}
		props, ok := v["@reverse"].(map[string]any)
		if !ok {
			return
		}
		delete(v, "@reverse")
		for p, sub := range props {
			reversed[p] = true
			subframes, _ := sub.([]any)
			for _, subframe := range subframes {
				if m, ok := subframe.(map[string]any); ok {
					m["@default"] = "@null"
				}
			}
			v[reversePrefix+p] = sub
		}
		if _, ok := v["@id"]; !ok {
			v["@id"] = []any{map[string]any{}}
		}
	case []any:
		for _, x := range v {
			forwardReverse(x, reversed)
		}
	}
}

// withReverseLinks flattens expanded nodes and gives each node, for every
// property P the frame follows backwards, the forward links
// reversePrefix+P to the nodes that point to it by P, in the order of the
// data.
func (f *Frame) withReverseLinks(nodes []any) ([]any, error) {
	nodeMap := map[string]any{"@default": map[string]any{}}
	if _, err := ld.NewJsonLdApi().GenerateNodeMap(nodes, nodeMap, "@default", ld.NewIdentifierIssuer("_:b"), nil, "", nil); err != nil {
		return nil, err
	}
	byID := nodeMap["@default"].(map[string]any)
	ids := ld.GetOrderedKeys(byID)
	for _, id := range ids {
		node := byID[id].(map[string]any)
		for _, p := range ld.GetOrderedKeys(node) {
			if !f.reversed[p] {
				continue
			}
			values, _ := node[p].([]any)
			for _, v := range values {
				obj, _ := v.(map[string]any)
				target, ok := obj["@id"].(string)
				if !ok {
					continue // a literal or a list: nothing points back
				}
				other, ok := byID[target].(map[string]any)
				if !ok {
					other = map[string]any{"@id": target}
					byID[target] = other
				}
				links, _ := other[reversePrefix+p].([]any)
				other[reversePrefix+p] = append(links, map[string]any{"@id": id})
			}
		}
	}
	flat := make([]any, 0, len(byID))
	for _, id := range ld.GetOrderedKeys(byID) {
		flat = append(flat, byID[id])
	}
	return flat, nil
}

// backToReverse moves the values of every reversePrefix+P key of the
// compacted output under "@reverse", as the compact name of P.
func (f *Frame) backToReverse(v any) {
	switch v := v.(type) {
	case map[string]any:
		var forward []string
		for k, x := range v {
			f.backToReverse(x)
			if strings.HasPrefix(k, reversePrefix) {
				forward = append(forward, k)
			}
		}
		for _, k := range forward {
			x := v[k]
			delete(v, k)
			if x == nil {
				continue // the frame's default for a missing property
			}
			p := strings.TrimPrefix(k, reversePrefix)
			name, err := f.active.CompactIri(p, nil, true, false)
			if err != nil {
				name = p
			}
			reverse, _ := v["@reverse"].(map[string]any)
			if reverse == nil {
				reverse = map[string]any{}
				v["@reverse"] = reverse
			}
			reverse[name] = x
		}
	case []any:
		for _, x := range v {
			f.backToReverse(x)
		}
	}
}

// jsonGoldOptions are the options of every json-gold call: JSON-LD 1.1,
// no network, requireAll false as the framing specification says
// (json-gold's own default is true), and a stable order.
func jsonGoldOptions() *ld.JsonLdOptions {
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = OfflineLoader{}
	opts.RequireAll = false
	opts.Ordered = true
	return opts
}

// decodeJSONDocument decodes a JSON object, naming the line and column of
// a syntax error.
func decodeJSONDocument(data []byte, file string) (map[string]any, error) {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			before := data[:max(syntax.Offset-1, 0)] // Offset is just past the bad byte
			line := 1 + bytes.Count(before, []byte("\n"))
			column := len(before) - bytes.LastIndexByte(before, '\n')
			return nil, fmt.Errorf("%s: %w", Position{File: file, Line: line, Column: column}, err)
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: the document is not a JSON object", file)
	}
	return obj, nil
}

// NewContextEncoder returns an encoder of compact JSON-LD made by
// json-gold with the user's context c, which every document names as its
// "@context", as given. It writes as NewJSONLDEncoder does: one document
// per article, several articles as one JSON array, keys sorted. With the
// context {"@context": "https://schema.org"} the output is
// NewJSONLDEncoder's, byte for byte (tested on every record).
func NewContextEncoder(w io.Writer, c *Context) Encoder {
	return &jsonldEncoder{w: w, reshape: c.compact}
}

// compact compacts one graph's expanded tree with the context.
func (c *Context) compact(tree []any) (any, error) {
	compacted, err := ld.NewJsonLdApi().Compact(c.active, "", tree, true)
	if err != nil {
		return nil, fmt.Errorf("ld: compacting with the context: %w", err)
	}
	doc, ok := compacted.(map[string]any)
	if !ok { // several top-level nodes
		alias, err := c.active.CompactIri("@graph", nil, false, false)
		if err != nil {
			return nil, err
		}
		doc = map[string]any{alias: compacted}
	}
	doc["@context"] = c.value
	return doc, nil
}

// NewFrameEncoder returns an encoder of JSON-LD framed by json-gold with
// f. Framing shapes the whole output, so that every article of a journal
// can sit under the one Periodical: the encoder holds the articles'
// graphs until Close and writes one framed document then.
func NewFrameEncoder(w io.Writer, f *Frame) Encoder {
	return &frameEncoder{w: w, frame: f}
}

type frameEncoder struct {
	w      io.Writer
	frame  *Frame
	nodes  []any // the expanded trees of every graph so far
	graphs int
}

var _ Encoder = (*frameEncoder)(nil)

// Encode adds a graph to the output. Blank nodes are kept apart as in
// NewJSONLDEncoder's streams.
func (e *frameEncoder) Encode(g *Graph) error {
	e.nodes = append(e.nodes, plainJSON(expand(g, StreamScope(e.graphs))).([]any)...)
	e.graphs++
	return nil
}

// Close frames what was encoded and writes it; nothing without a graph.
func (e *frameEncoder) Close() error {
	if e.graphs == 0 {
		return nil
	}
	doc, err := e.frame.apply(e.nodes)
	if err != nil {
		return err
	}
	_, err = e.w.Write(append(appendJSON(nil, doc, 0, false), '\n'))
	return err
}

// apply frames expanded nodes, as json-gold's JsonLdProcessor.Frame does
// after expanding its input and frame.
func (f *Frame) apply(nodes []any) (map[string]any, error) {
	opts := jsonGoldOptions()
	api := ld.NewJsonLdApi()
	if len(f.reversed) > 0 {
		var err error
		if nodes, err = f.withReverseLinks(nodes); err != nil {
			return nil, fmt.Errorf("ld: framing: %w", err)
		}
	}
	framed, _, err := api.Frame(nodes, f.expanded, opts, !f.graphInFrame)
	if err != nil {
		return nil, fmt.Errorf("ld: framing: %w", err)
	}
	compacted, err := api.Compact(f.active, "", framed, opts.CompactArrays)
	if err != nil {
		return nil, fmt.Errorf("ld: compacting the framed output: %w", err)
	}
	var doc map[string]any
	if node, ok := compacted.(map[string]any); ok && opts.OmitGraph {
		doc = node
	} else {
		alias, err := f.active.CompactIri("@graph", nil, false, false)
		if err != nil {
			return nil, err
		}
		doc = map[string]any{alias: compacted}
		if _, ok := compacted.([]any); !ok {
			doc[alias] = []any{compacted}
		}
	}
	if f.context != nil {
		doc["@context"] = ld.CloneDocument(f.context)
	}
	out, err := ld.RemovePreserve(f.active, doc, singleUseBlankNodes(doc), false)
	if err != nil {
		return nil, fmt.Errorf("ld: framing: %w", err)
	}
	f.backToReverse(out)
	return out.(map[string]any), nil
}

// singleUseBlankNodes lists the blank node labels that occur once in the
// framed document, whose "@id" can go. json-gold's own list counts
// references in its input, which the reverse links add to. Every string
// that looks like a label is counted, so a literal of that form can only
// keep a label, never lose one.
func singleUseBlankNodes(doc any) []string {
	uses := map[string]int{}
	var count func(v any)
	count = func(v any) {
		switch v := v.(type) {
		case string:
			if strings.HasPrefix(v, "_:") {
				uses[v]++
			}
		case map[string]any:
			for _, x := range v {
				count(x)
			}
		case []any:
			for _, x := range v {
				count(x)
			}
		}
	}
	count(doc)
	var once []string
	for label, n := range uses {
		if n == 1 {
			once = append(once, label)
		}
	}
	return once
}
