// Package schemaorg reads schema.org JSON-LD as a JSON-LD processor does:
// through the context a document names, so that every valid way of
// writing the same graph (the official context's "id" and "type"
// aliases, "schema:" prefixes, full IRIs, @graph, nested or referenced
// nodes) reaches the readers in one form.
//
// Normalize expands a document with json-gold, offline: Loader serves the
// official schema.org context (release 30.0, embedded) for every form of
// its URL and refuses every other URL. It then compacts the expansion
// against @vocab alone, so that keys are schema.org terms and "@id" and
// "@type", an IRI is {"@id": …} and a typed literal {"@type", "@value"}.
//
// A document without @context is read as schema.org, as search engines
// read the JSON-LD of a page. A document that names a remote context other
// than schema.org's cannot be read offline: Normalize refuses it
// (ErrForeignContext), as `scholarld validate` does.
package schemaorg

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	jsonld "github.com/piprate/json-gold/ld"

	"github.com/scholarld/scholarld/ld"
)

//go:embed context.jsonld
var contextJSON []byte

// IsContextURL reports whether u names the schema.org context in any of
// its forms, as ld.OfflineLoader (which validate uses) accepts them: http
// or https, with or without "www." and a trailing slash, or the path of
// the context file itself.
func IsContextURL(u string) bool { return ld.IsSchemaContextURL(strings.TrimSpace(u)) }

// ErrForeignContext is wrapped by the error for a remote context that is
// not schema.org's.
var ErrForeignContext = errors.New("a remote @context other than schema.org's cannot be loaded offline")

// official is the embedded context with the term definitions that @vocab
// makes redundant left out: a term defined as {"@id": "schema:T"} for its
// own name T expands exactly as @vocab expands it. What is left (the
// aliases, prefixes, @vocab and the 200 terms with a type coercion or
// another IRI) is equivalent to the official context, and json-gold
// processes it in a fraction of the time the 3,081 terms take.
var official = sync.OnceValues(func() (map[string]any, error) {
	var doc map[string]any
	if err := json.Unmarshal(contextJSON, &doc); err != nil {
		return nil, fmt.Errorf("schemaorg: embedded context: %w", err)
	}
	terms, ok := doc["@context"].(map[string]any)
	if !ok {
		return nil, errors.New("schemaorg: embedded context has no @context object")
	}
	kept := make(map[string]any, 256)
	for term, definition := range terms {
		if def, ok := definition.(map[string]any); ok && len(def) == 1 && def["@id"] == "schema:"+term {
			continue
		}
		kept[term] = definition
	}
	return map[string]any{"@context": kept}, nil
})

// Loader is a json-gold DocumentLoader that serves the official schema.org
// context for every form of its URL and refuses every other URL.
type Loader struct{}

// LoadDocument implements jsonld.DocumentLoader.
func (Loader) LoadDocument(u string) (*jsonld.RemoteDocument, error) {
	if !IsContextURL(u) {
		return nil, jsonld.NewJsonLdError(jsonld.LoadingDocumentFailed, fmt.Sprintf("offline: no document is served for %s", u))
	}
	doc, err := official()
	if err != nil {
		return nil, err
	}
	return &jsonld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// compactionContext writes schema.org terms as keys and nothing else: no
// aliases, so that keys are "@id" and "@type", and no type coercions, so
// that an IRI value is {"@id": …} and a typed value {"@type", "@value"}
// whatever the source wrote, and a reference to another node stays one.
var compactionContext = map[string]any{"@context": map[string]any{"@vocab": "http://schema.org/"}}

// Normalize reads a decoded JSON-LD document (objects as map[string]any)
// and returns it expanded and compacted against the official context, as
// the package comment says, without its @context. The top level is one
// node, or an object with "@graph" when the document holds several.
//
// json-gold v0.9.1 panics on some documents that are not valid JSON-LD (a
// "" key holding a number); Normalize recovers and returns that as an
// error, so that no input stops the reader.
func Normalize(doc any) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			result, err = nil, fmt.Errorf("not valid JSON-LD: the JSON-LD processor failed: %v", p)
		}
	}()
	for _, u := range RemoteContexts(doc) {
		if !IsContextURL(u) {
			return nil, fmt.Errorf("@context %q: %w", u, ErrForeignContext)
		}
	}
	parsed, err := parsedContext()
	if err != nil {
		return nil, err
	}
	return expandAndCompact(withParsedContext(withDefaultContext(doc), parsed))
}

// expandAndCompact is the JSON-LD processing of Normalize, offline.
func expandAndCompact(doc any) (map[string]any, error) {
	opts := jsonld.NewJsonLdOptions("")
	opts.DocumentLoader = Loader{}
	processor := jsonld.NewJsonLdProcessor()
	expanded, err := processor.Expand(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("JSON-LD expansion: %w", err)
	}
	compacted, err := processor.Compact(expanded, compactionContext, opts)
	if err != nil {
		return nil, fmt.Errorf("JSON-LD compaction: %w", err)
	}
	delete(compacted, "@context")
	return compacted, nil
}

// parsedContext is the official context processed once per process, as
// json-gold processes it for a document that names it: processing the
// context was most of what a document cost (BENCHMARKS.md).
var parsedContext = sync.OnceValues(func() (*jsonld.Context, error) {
	opts := jsonld.NewJsonLdOptions("")
	opts.DocumentLoader = Loader{}
	ctx, err := jsonld.NewContext(nil, opts).Parse("https://schema.org")
	if err != nil {
		return nil, fmt.Errorf("schemaorg: embedded context: %w", err)
	}
	return ctx, nil
})

// withParsedContext replaces the schema.org context URL that starts the
// @context of a top-level object (alone or first of an array) by a copy
// of the processed context: json-gold takes a *Context in a @context as
// the active context itself. Only there is that exact: at the top level
// the active context is empty, so processing the URL gives parsed; deeper
// down it would build on the enclosing context. Each object gets its own
// copy, since json-gold goes on to process the rest of the array into it.
func withParsedContext(doc any, parsed *jsonld.Context) any {
	switch v := doc.(type) {
	case map[string]any:
		var replaced any
		switch c := v["@context"].(type) {
		case string:
			if IsContextURL(c) {
				replaced = jsonld.CopyContext(parsed)
			}
		case []any:
			if len(c) == 0 {
				break
			}
			if first, ok := c[0].(string); ok && IsContextURL(first) {
				replaced = append([]any{jsonld.CopyContext(parsed)}, c[1:]...)
			}
		}
		if replaced == nil {
			return doc
		}
		copied := make(map[string]any, len(v))
		for k, x := range v {
			copied[k] = x
		}
		copied["@context"] = replaced
		return copied
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withParsedContext(x, parsed)
		}
		return out
	}
	return doc
}

// withDefaultContext gives a document, or each top-level object of an
// array, that names no @context the schema.org context.
func withDefaultContext(doc any) any {
	switch v := doc.(type) {
	case map[string]any:
		if _, ok := v["@context"]; !ok {
			copied := make(map[string]any, len(v)+1)
			for k, x := range v {
				copied[k] = x
			}
			copied["@context"] = "https://schema.org"
			return copied
		}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withDefaultContext(x)
		}
		return out
	}
	return doc
}

// RemoteContexts lists the context URLs a document names, at any depth.
func RemoteContexts(doc any) []string {
	var urls []string
	var walk func(any, bool)
	walk = func(value any, inContext bool) {
		switch v := value.(type) {
		case string:
			if inContext {
				urls = append(urls, v)
			}
		case []any:
			for _, x := range v {
				walk(x, inContext)
			}
		case map[string]any:
			if inContext {
				return // an embedded context's term definitions
			}
			for k, x := range v {
				walk(x, k == "@context")
			}
		}
	}
	walk(doc, false)
	return urls
}
