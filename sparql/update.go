package sparql

import (
	"fmt"
	"strings"
)

// Graph is the content of one named graph, as N-Triples.
type Graph struct {
	// IRI names the graph.
	IRI string
	// NTriples is the graph's triples, one line each.
	NTriples []byte
	// Triples is the number of distinct triples in NTriples, what
	// --verify expects the store to hold.
	Triples int
	// Ref identifies what the graph came from, for the caller's reports.
	Ref any
}

// CheckIRI reports whether iri can be written between < and > in SPARQL
// and N-Triples: no space, control character or any of <>"{}|^`\.
func CheckIRI(iri string) error {
	if iri == "" {
		return fmt.Errorf("sparql: empty graph IRI")
	}
	if i := strings.IndexFunc(iri, func(r rune) bool {
		return r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r)
	}); i >= 0 {
		return fmt.Errorf("sparql: graph IRI %q: character %q is not allowed in an IRI", iri, iri[i])
	}
	if !strings.Contains(iri, ":") {
		return fmt.Errorf("sparql: graph IRI %q is not absolute", iri)
	}
	return nil
}

// ReplaceUpdate is the SPARQL 1.1 Update request that makes each graph
// hold exactly its triples: one DELETE of every triple of the graphs
// named in existing (those the store holds), then one INSERT DATA with
// every graph's triples. Update requests run atomically on the stores
// tested, so a graph is never seen half-loaded. With no existing graph
// the request is the INSERT DATA alone.
//
// One DELETE … WHERE { VALUES ?g … } for a batch costs Virtuoso 7 a
// quarter less than a DROP SILENT GRAPH per graph when the graphs exist,
// and nothing when none is named (BENCHMARKS.md).
func ReplaceUpdate(graphs []Graph, existing []string) []byte {
	size := 32
	for _, g := range graphs {
		size += 2*len(g.IRI) + len(g.NTriples) + 40
	}
	b := make([]byte, 0, size)
	if len(existing) > 0 {
		b = append(b, "DELETE { GRAPH ?g { ?s ?p ?o } }\nWHERE {\n  VALUES ?g {"...)
		for _, iri := range existing {
			b = append(b, " <"...)
			b = append(b, iri...)
			b = append(b, '>')
		}
		b = append(b, " }\n  GRAPH ?g { ?s ?p ?o }\n};\n"...)
	}
	b = append(b, "INSERT DATA {\n"...)
	for _, g := range graphs {
		b = appendGraphBlock(b, g.IRI, g.NTriples)
	}
	return append(b, "}\n"...)
}

// AppendUpdate is the SPARQL 1.1 Update request that adds every graph's
// triples to the one graph named into. Each graph's triples get a GRAPH
// block of their own: Virtuoso's parser runs out of stack on one block of
// a few thousand triples ("SP030: memory exhausted").
func AppendUpdate(into string, graphs []Graph) []byte {
	b := []byte("INSERT DATA {\n")
	for _, g := range graphs {
		b = appendGraphBlock(b, into, g.NTriples)
	}
	return append(b, "}\n"...)
}

// DropUpdate is the SPARQL 1.1 Update request that removes the graphs.
func DropUpdate(graphs []Graph) []byte {
	var b []byte
	for i, g := range graphs {
		if i > 0 {
			b = append(b, ";\n"...)
		}
		b = append(b, "DROP SILENT GRAPH <"...)
		b = append(b, g.IRI...)
		b = append(b, '>')
	}
	return append(b, '\n')
}

func appendGraphBlock(b []byte, iri string, ntriples []byte) []byte {
	b = append(b, "GRAPH <"...)
	b = append(b, iri...)
	b = append(b, "> {\n"...)
	b = append(b, ntriples...)
	return append(b, "}\n"...)
}

// ExistsQuery is the SELECT query that names those of the graphs that
// hold any triple: one solution (?g) each. FILTER EXISTS stops at a
// graph's first triple, where a join would read them all.
func ExistsQuery(graphs []string) string {
	return graphQuery("SELECT ?g", graphs, "  FILTER EXISTS { GRAPH ?g { ?s ?p ?o } }\n}\n")
}

// CountQuery is the SELECT query that counts the triples of each graph:
// one solution (?g ?n) per graph that holds any.
func CountQuery(graphs []string) string {
	return graphQuery("SELECT ?g (COUNT(*) AS ?n)", graphs, "  GRAPH ?g { ?s ?p ?o }\n} GROUP BY ?g\n")
}

// graphQuery is a query of the form "<selectClause> WHERE { VALUES ?g
// { <graphs> } <rest>".
func graphQuery(selectClause string, graphs []string, rest string) string {
	var b strings.Builder
	b.WriteString(selectClause)
	b.WriteString(" WHERE {\n  VALUES ?g {")
	for _, g := range graphs {
		b.WriteString(" <")
		b.WriteString(g)
		b.WriteString(">")
	}
	b.WriteString(" }\n")
	b.WriteString(rest)
	return b.String()
}
