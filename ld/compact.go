package ld

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// compactor turns the expanded tree into compact JSON-LD by the rules
// json-gold's compaction applies to the profile's context: a property is
// written by the context's term for it when the value fits the term's
// coercion, else relative to the schema.org @vocab, else as a compact IRI
// with the shortest prefix, else whole. It gives byte for byte what
// json-gold gives (TestCompactionMatchesJSONGold, FuzzConvert), at a
// tenth of the cost: json-gold's general compaction is the most expensive
// step of an article's JSON-LD (BENCHMARKS.md).
type compactor struct {
	vocab    string
	terms    map[string]termDef // by term name
	coerced  map[string]string  // property IRI → name of the coercing term
	prefixes []vocab.Prefix     // name and namespace, usable as prefixes
	// context is the "@context" member of the profile's documents.
	context compactMember
}

// termDef is one term of the context: its IRI and its type coercion
// ("@id", a datatype IRI, or "" for none).
type termDef struct {
	iri, coerce string
}

// compactors holds the compactor of each profile, built once from the
// embedded context and the profile's prefixes.
var compactors = sync.OnceValues(func() (map[Profile]*compactor, error) {
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(schemaContext, &doc); err != nil {
		return nil, fmt.Errorf("ld: embedded context: %w", err)
	}
	out := make(map[Profile]*compactor)
	for _, p := range Profiles {
		c := &compactor{terms: make(map[string]termDef), coerced: make(map[string]string)}
		c.vocab, _ = doc.Context["@vocab"].(string)
		for name, def := range doc.Context {
			switch def := def.(type) {
			case string:
				if !strings.HasPrefix(name, "@") {
					c.prefixes = append(c.prefixes, vocab.Prefix{Name: name, Namespace: def})
					c.terms[name] = termDef{iri: def}
				}
			case map[string]any:
				id, _ := def["@id"].(string)
				coerce, _ := def["@type"].(string)
				t := termDef{iri: c.expand(doc.Context, id), coerce: coerce}
				if coerce != "" && coerce != "@id" {
					t.coerce = c.expand(doc.Context, coerce)
				}
				c.terms[name] = t
				if t.coerce != "" {
					c.coerced[t.iri] = name
				}
			}
		}
		if p.Profile == FullProfile {
			for _, pre := range contextPrefixes() {
				c.prefixes = append(c.prefixes, pre)
				c.terms[pre.Name] = termDef{iri: pre.Namespace}
			}
		}
		slices.SortFunc(c.prefixes, func(a, b vocab.Prefix) int { return cmp.Compare(a.Name, b.Name) })
		c.context = contextMember(p.Profile)
		out[p.Profile] = c
	}
	return out, nil
})

// expand resolves a compact IRI or a vocab-relative term of the context.
func (c *compactor) expand(ctx map[string]any, s string) string {
	if prefix, local, ok := strings.Cut(s, ":"); ok {
		if ns, ok := ctx[prefix].(string); ok {
			return ns + local
		}
		return s
	}
	return c.vocab + s
}

// iri compacts an IRI: relative to the vocabulary when vocabRelative (for
// keys, types and datatypes), else only by a prefix (for "@id" values).
func (c *compactor) iri(iri string, vocabRelative bool) string {
	if vocabRelative {
		if local, ok := strings.CutPrefix(iri, c.vocab); ok && local != "" {
			if t, defined := c.terms[local]; !defined || t.iri == iri {
				return local
			}
		}
	}
	best := ""
	for _, p := range c.prefixes {
		local, ok := strings.CutPrefix(iri, p.Namespace)
		if !ok || local == "" {
			continue
		}
		candidate := p.Name + ":" + local
		if _, isTerm := c.terms[candidate]; isTerm {
			continue
		}
		if best == "" || len(candidate) < len(best) || len(candidate) == len(best) && candidate < best {
			best = candidate
		}
	}
	if best != "" {
		return best
	}
	return iri
}

// compactValue is a value of a compact JSON-LD document: a JSON string,
// number or boolean, a value object with a type or a language, or an
// object (a node, or a list: an object whose one member is "@list"). It
// is written by appendCompactValue, without the maps of a general JSON
// tree.
type compactValue struct {
	kind compactKind
	str  string       // a string, a number's or a boolean's JSON text, or a value object's @value
	tag  string       // a value object's @type or @language
	node *compactNode // an object
}

type compactKind uint8

const (
	compactString   compactKind = iota
	compactNumber               // JSON text in str
	compactBool                 // JSON text in str
	compactTyped                // {"@type": tag, "@value": str}
	compactLanguage             // {"@language": tag, "@value": str}
	compactObject               // node
)

// compactNode is a JSON object of the document: its members sorted by
// key, as encoding/json orders a map's keys. The keys are distinct.
type compactNode struct {
	members []compactMember
}

// compactMember is a key of an object and its values: one is written
// bare, as compaction unwraps a one-element array, several (or any
// number, when array is set) as an array.
type compactMember struct {
	key   string
	first compactValue
	more  []compactValue
	array bool
}

// add appends a value under key, after the values the key has. Members
// are kept sorted as they are added: fewer moves than sorting them after.
func (n *compactNode) add(key string, v compactValue) {
	i, found := slices.BinarySearchFunc(n.members, key, func(m compactMember, key string) int { return strings.Compare(m.key, key) })
	if found {
		n.members[i].more = append(n.members[i].more, v)
		return
	}
	n.members = slices.Insert(n.members, i, compactMember{key: key, first: v})
}

// insert adds a member whose key the node does not have.
func (n *compactNode) insert(m compactMember) {
	i, _ := slices.BinarySearchFunc(n.members, m.key, func(m compactMember, key string) int { return strings.Compare(m.key, key) })
	n.members = slices.Insert(n.members, i, m)
}

// objectValue is a node or a list as a value.
func objectValue(n *compactNode) compactValue { return compactValue{kind: compactObject, node: n} }

// listValue is a list of values, {"@list": [...]}; index.list gives no
// empty list.
func listValue(items []compactValue) compactValue {
	list := compactMember{key: "@list", first: items[0], more: items[1:], array: true}
	return objectValue(&compactNode{members: []compactMember{list}})
}

// compaction compacts one graph. It walks the graph as expand does, in
// the order of the triples: each node is written in full where it is
// first reached and referred to by "@id" elsewhere; and it compacts each
// value as it goes, by the rules of compactor.
type compaction struct {
	c        *compactor
	ix       *index
	root     int
	scope    string // prefix of the blank node labels
	done     []bool // by node id: written in full
	listCell []bool // by node id: a cell of a list written as @list
	// members is the free memory for the nodes' members.
	members []compactMember
}

// compactScratch is the memory of one compaction, which a run of many
// (JSON Lines) keeps for the next graph: allocating it anew was 40 % of
// what converting a record to a JSON line allocated, and the collector's
// work on it is what two workers paid most for over one (BENCHMARKS.md).
type compactScratch struct {
	ix      index
	members []compactMember // the nodes' members, each node's carved out in turn
	flags   []bool          // done and listCell
}

// scratches holds compactScratch values between compactions.
var scratches = sync.Pool{New: func() any { return new(compactScratch) }}

// document compacts a graph into its compact JSON-LD document: the root
// node, or an @graph of the root and the subjects it does not reach,
// with the @context of the graph's profile. The document uses the memory
// of scratch, when not nil, until scratch is used again.
func (c *compactor) document(g *Graph, scope string, scratch *compactScratch) *compactNode {
	if scratch == nil {
		scratch = new(compactScratch)
	}
	ix := &scratch.ix
	ix.build(g)
	root := ix.add(g.Root)
	nodes := len(ix.props)
	flags := slices.Grow(scratch.flags[:0], 2*nodes)[:2*nodes]
	clear(flags)
	scratch.flags = flags
	// Every triple is at most one member, and each node may add an @id.
	scratch.members = slices.Grow(scratch.members[:0], len(g.Triples)+nodes)
	w := &compaction{c: c, ix: ix, root: root, scope: scope, done: flags[:nodes:nodes], listCell: flags[nodes:], members: scratch.members}
	doc := w.node(g.Root, root)
	var others []compactValue
	for _, s := range ix.subjects {
		if !w.done[s] && !w.listCell[s] {
			others = append(others, objectValue(w.node(ix.props[s][0].Subj, s)))
		}
	}
	if others != nil {
		graph := compactMember{key: "@graph", first: objectValue(doc), more: others, array: true}
		doc = &compactNode{members: []compactMember{graph}}
	}
	doc.insert(c.context)
	return doc
}

// id gives the "@id" of a node: its IRI, or for a blank node that is
// referred to more than once its label.
func (w *compaction) id(n rdf.Term, id int) (string, bool) {
	if n.Type() == rdf.TermIRI {
		return n.String(), true
	}
	uses := w.ix.refs[id]
	if id == w.root {
		uses++
	}
	if uses <= 1 {
		return "", false
	}
	return "_:" + w.scope + n.String(), true
}

// node compacts a node with its properties.
func (w *compaction) node(n rdf.Term, id int) *compactNode {
	w.done[id] = true
	obj := &compactNode{members: w.carve(len(w.ix.props[id]) + 1)}
	if iri, ok := w.id(n, id); ok {
		obj.add("@id", compactValue{str: w.c.iri(iri, false)})
	}
	for _, t := range w.ix.props[id] {
		p := t.Pred.String()
		if p == vocab.RDFType {
			obj.add("@type", compactValue{str: w.c.iri(t.Obj.String(), true)})
			continue
		}
		key, v := w.value(p, t.Obj)
		obj.add(key, v)
	}
	return obj
}

// carve returns an empty slice with room for n members, from the free
// memory when it has room.
func (w *compaction) carve(n int) []compactMember {
	if len(w.members)+n > cap(w.members) {
		return make([]compactMember, 0, n)
	}
	start := len(w.members)
	w.members = w.members[:start+n]
	return w.members[start : start : start+n]
}

// value compacts one value of a property and returns the key it goes
// under: the coercing term when the value fits it, otherwise the
// property's compact IRI, which then may not be the bare term name.
func (w *compaction) value(property string, o rdf.Object) (string, compactValue) {
	c := w.c
	term, hasTerm := c.coerced[property]
	var def termDef
	if hasTerm {
		def = c.terms[term]
	}
	if lit, ok := o.(rdf.Literal); ok {
		f := literalFormOf(lit)
		if hasTerm && def.coerce != "@id" && f.datatype == def.coerce && f.language == "" {
			return term, f.value
		}
		return c.key(property, term, hasTerm), c.literal(f)
	}
	if items, cells, ok := w.ix.list(o); ok {
		for _, cell := range cells {
			w.listCell[cell] = true
		}
		list := make([]compactValue, len(items))
		for i, item := range items {
			_, list[i] = w.value("", item)
		}
		return c.key(property, term, hasTerm), listValue(list)
	}
	id, _ := w.ix.id(o)
	var node *compactNode
	if len(w.ix.props[id]) > 0 && !w.done[id] {
		node = w.node(o, id)
	} else if iri, needed := w.id(o, id); needed {
		ref := c.iri(iri, false)
		if hasTerm && def.coerce == "@id" {
			return term, compactValue{str: ref}
		}
		node = &compactNode{members: []compactMember{{key: "@id", first: compactValue{str: ref}}}}
	} else {
		node = &compactNode{} // a blank node without properties, used once
	}
	if hasTerm && def.coerce == "@id" {
		return term, objectValue(node)
	}
	return c.key(property, term, hasTerm), objectValue(node)
}

// key is the key of a property's values that its coercing term, if it
// has one, does not take: the compact IRI, but not the bare term name,
// which means the term.
func (c *compactor) key(property, term string, hasTerm bool) string {
	key := c.iri(property, true)
	if hasTerm && key == term {
		key = c.iri(property, false)
	}
	return key
}

// literal compacts a literal under a term without coercion.
func (c *compactor) literal(f literalForm) compactValue {
	switch {
	case f.datatype != "":
		return compactValue{kind: compactTyped, str: f.value.str, tag: c.iri(f.datatype, true)}
	case f.language != "":
		return compactValue{kind: compactLanguage, str: f.value.str, tag: f.language}
	}
	return f.value
}

// appendCompactValue appends v in the layout of appendJSON.
func appendCompactValue(dst []byte, v *compactValue, depth int, escapeHTML bool) []byte {
	switch v.kind {
	case compactString:
		return appendJSONString(dst, v.str, escapeHTML)
	case compactNumber, compactBool:
		return append(dst, v.str...)
	case compactObject:
		return appendCompactNode(dst, v.node, depth, escapeHTML)
	}
	inner, colon := depth+1, ": "
	if depth < 0 {
		inner, colon = depth, ":"
	}
	tagKey := `"@type"`
	if v.kind == compactLanguage {
		tagKey = `"@language"`
	}
	dst = append(append(newline(append(dst, '{'), inner), tagKey...), colon...)
	dst = appendJSONString(dst, v.tag, escapeHTML)
	dst = append(append(newline(append(dst, ','), inner), `"@value"`...), colon...)
	dst = appendJSONString(dst, v.str, escapeHTML)
	return append(newline(dst, depth), '}')
}

// appendCompactNode appends an object in the layout of appendJSON.
func appendCompactNode(dst []byte, n *compactNode, depth int, escapeHTML bool) []byte {
	if len(n.members) == 0 {
		return append(dst, "{}"...)
	}
	inner, colon := depth+1, ": "
	if depth < 0 {
		inner, colon = depth, ":"
	}
	dst = append(dst, '{')
	for i := range n.members {
		m := &n.members[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = newline(dst, inner)
		dst = append(appendJSONString(dst, m.key, escapeHTML), colon...)
		if !m.array && len(m.more) == 0 {
			dst = appendCompactValue(dst, &m.first, inner, escapeHTML)
			continue
		}
		in := inner + 1
		if inner < 0 {
			in = inner
		}
		dst = appendCompactValue(newline(append(dst, '['), in), &m.first, in, escapeHTML)
		for j := range m.more {
			dst = appendCompactValue(newline(append(dst, ','), in), &m.more[j], in, escapeHTML)
		}
		dst = append(newline(dst, inner), ']')
	}
	return append(newline(dst, depth), '}')
}

// plain gives the node as the values encoding/json decodes into.
func (n *compactNode) plain() map[string]any {
	obj := make(map[string]any, len(n.members))
	for _, m := range n.members {
		switch {
		case !m.array && len(m.more) == 0:
			obj[m.key] = m.first.plain()
		default:
			values := []any{m.first.plain()}
			for i := range m.more {
				values = append(values, m.more[i].plain())
			}
			obj[m.key] = values
		}
	}
	return obj
}

func (v *compactValue) plain() any {
	switch v.kind {
	case compactNumber:
		f, _ := strconv.ParseFloat(v.str, 64) // an integer's text: exact
		return f
	case compactBool:
		return v.str == "true"
	case compactTyped:
		return map[string]any{"@type": v.tag, "@value": v.str}
	case compactLanguage:
		return map[string]any{"@language": v.tag, "@value": v.str}
	case compactObject:
		return v.node.plain()
	}
	return v.str
}
