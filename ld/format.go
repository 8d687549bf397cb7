package ld

import (
	"io"
	"path/filepath"
	"strings"
)

// Encoder writes graphs to an output stream. Close flushes; an encoder is
// not used after Close.
type Encoder interface {
	Encode(g *Graph) error
	Close() error
}

// Format describes one output format.
type Format struct {
	// Name is what the CLI's -t flag takes.
	Name       string
	Extensions []string // with the dot, the first is the usual one
	MediaType  string
	// Profile is the vocabulary profile used unless the user picks one.
	Profile Profile
	// NewEncoder returns an encoder of this format writing to w.
	NewEncoder func(w io.Writer) Encoder
	// AppendGraph, set for the formats whose stream is its graphs one
	// after another (N-Triples, N-Quads, JSON Lines), appends the
	// encoding of one graph, with its blank node labels prefixed by scope
	// (StreamScope): graphs encoded apart, in parallel, and concatenated
	// in order are the bytes the Encoder writes for the same scopes.
	AppendGraph func(dst []byte, g *Graph, scope string) ([]byte, error)
}

// Formats lists every output format, in the order the CLI and the README
// show them.
var Formats = []Format{
	{Name: "jsonld", Extensions: []string{".jsonld", ".json"}, MediaType: "application/ld+json", Profile: SchemaProfile, NewEncoder: NewJSONLDEncoder},
	{Name: "jsonld-expanded", Extensions: []string{".expanded.jsonld"}, MediaType: "application/ld+json", Profile: SchemaProfile, NewEncoder: NewExpandedJSONLDEncoder},
	{Name: "html", Extensions: []string{".html", ".htm"}, MediaType: "text/html", Profile: SchemaProfile, NewEncoder: NewHTMLEncoder},
	{Name: "turtle", Extensions: []string{".ttl"}, MediaType: "text/turtle", Profile: FullProfile, NewEncoder: NewTurtleEncoder},
	{Name: "ntriples", Extensions: []string{".nt"}, MediaType: "application/n-triples", Profile: FullProfile, NewEncoder: NewNTriplesEncoder, AppendGraph: appendLines(false)},
	{Name: "nquads", Extensions: []string{".nq"}, MediaType: "application/n-quads", Profile: FullProfile, NewEncoder: NewNQuadsEncoder, AppendGraph: appendLines(true)},
	{Name: "jsonl", Extensions: []string{".jsonl", ".ndjson"}, MediaType: "application/x-ndjson", Profile: SchemaProfile, NewEncoder: NewJSONLinesEncoder, AppendGraph: appendJSONLine},
}

// FormatByName finds a format by its name.
func FormatByName(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// FormatByFileName finds a format by the extension of a file name; the
// longest matching extension wins, so "a.expanded.jsonld" is expanded.
func FormatByFileName(name string) (Format, bool) {
	base := strings.ToLower(filepath.Base(name))
	var best Format
	bestLen := 0
	for _, f := range Formats {
		for _, ext := range f.Extensions {
			if strings.HasSuffix(base, ext) && len(ext) > bestLen {
				best, bestLen = f, len(ext)
			}
		}
	}
	return best, bestLen > 0
}
