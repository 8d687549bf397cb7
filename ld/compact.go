package ld

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

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
			for name, ns := range contextValue(FullProfile).([]any)[1].(map[string]any) {
				c.prefixes = append(c.prefixes, vocab.Prefix{Name: name, Namespace: ns.(string)})
				c.terms[name] = termDef{iri: ns.(string)}
			}
		}
		slices.SortFunc(c.prefixes, func(a, b vocab.Prefix) int { return cmp.Compare(a.Name, b.Name) })
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

// node compacts one expanded node object.
func (c *compactor) node(obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj))
	for key, v := range obj {
		switch key {
		case "@id":
			out["@id"] = c.iri(v.(string), false)
		case "@type":
			types := v.([]any)
			compacted := make([]any, len(types))
			for i, t := range types {
				compacted[i] = c.iri(t.(string), true)
			}
			out["@type"] = single(compacted)
		default:
			c.property(out, key, v.([]any))
		}
	}
	return out
}

// property compacts the values of one property, each under the key its
// term selection gives, keeping their order.
func (c *compactor) property(out map[string]any, iri string, values []any) {
	keys := make([]string, len(values))
	compacted := make([]any, len(values))
	same := true
	for i, v := range values {
		keys[i], compacted[i] = c.value(iri, v)
		same = same && keys[i] == keys[0]
	}
	if same {
		out[keys[0]] = single(compacted)
		return
	}
	grouped := make(map[string][]any)
	var order []string
	for i, key := range keys {
		if _, seen := grouped[key]; !seen {
			order = append(order, key)
		}
		grouped[key] = append(grouped[key], compacted[i])
	}
	for _, key := range order {
		out[key] = single(grouped[key])
	}
}

// value compacts one value of a property and returns the key it goes
// under: the coercing term when the value fits it, otherwise the
// property's compact IRI, which then may not be the bare term name.
func (c *compactor) value(property string, v any) (string, any) {
	term, hasTerm := c.coerced[property]
	lit, isLiteral := v.(valueObject)
	if hasTerm {
		def := c.terms[term]
		switch {
		case def.coerce == "@id" && !isLiteral && isNodeValue(v.(map[string]any)):
			node := v.(map[string]any)
			if id, ok := node["@id"].(string); ok && len(node) == 1 {
				return term, c.iri(id, false)
			}
			return term, c.node(node)
		case def.coerce != "@id" && isLiteral && lit.datatype == def.coerce && lit.language == "":
			return term, lit.value
		}
	}
	key := c.iri(property, true)
	if hasTerm && key == term {
		key = c.iri(property, false) // the bare name means the coercing term
	}
	if isLiteral {
		return key, c.literal(lit)
	}
	node := v.(map[string]any)
	if items, isList := node["@list"].([]any); isList {
		list := make([]any, len(items))
		for i, item := range items {
			_, list[i] = c.value("", item)
		}
		return key, map[string]any{"@list": list}
	}
	return key, c.node(node)
}

// literal compacts a value object under a term without coercion.
func (c *compactor) literal(v valueObject) any {
	switch {
	case v.datatype != "":
		return map[string]any{"@type": c.iri(v.datatype, true), "@value": v.value}
	case v.language != "":
		return map[string]any{"@language": v.language, "@value": v.value}
	}
	return v.value
}

// isNodeValue reports whether a map of the expanded tree is a node (a
// reference or an embedded node object) rather than a list.
func isNodeValue(v map[string]any) bool {
	_, isList := v["@list"]
	return !isList
}

// single unwraps a one-element array, as compaction does.
func single(values []any) any {
	if len(values) == 1 {
		return values[0]
	}
	return values
}
