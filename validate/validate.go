package validate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/knakk/rdf"
	jsonld "github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/turtle"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/source"
)

// The RDF input formats that validate reads besides those of
// reader/formats.
const (
	JSONLD    = "jsonld"
	Turtle    = "turtle"
	NTriples  = "ntriples"
	NQuads    = "nquads"
	anyFormat = ""
)

// Profile names a consumer whose recommendations are checked.
type Profile string

// The profiles.
const (
	// Google checks what Google Search recommends for Article structured
	// data (https://developers.google.com/search/docs/appearance/structured-data/article,
	// "Article (Article, NewsArticle, BlogPosting) structured data"): it
	// has no required properties and recommends author, author.name,
	// author.url, dateModified, datePublished, headline and image. The
	// profile checks all but dateModified, which scholarld never writes:
	// it would mean a change to the published work.
	Google Profile = "google"
	// Scholar checks Google Scholar's inclusion guidelines for a journal
	// article (https://scholar.google.com/intl/en/scholar/inclusion.html):
	// the title, the authors and the publication date are required; the
	// journal title, and the volume, issue and first page where the
	// article has them, are expected; the full text should be a PDF
	// (citation_pdf_url).
	Scholar Profile = "scholar"
	// Triplestore checks what makes data good in a triple store: stable
	// IRIs instead of blank nodes where an identifier exists, and dates
	// typed so that SPARQL compares them as dates.
	Triplestore Profile = "triplestore"
)

// Profiles lists the profiles in documentation order.
var Profiles = []Profile{Google, Scholar, Triplestore}

// ParseProfile returns the profile of a name in Profiles.
func ParseProfile(name string) (Profile, error) {
	if slices.Contains(Profiles, Profile(name)) {
		return Profile(name), nil
	}
	return "", fmt.Errorf("validate: unknown profile %q (want google, scholar or triplestore)", name)
}

// InputFormats lists the names Options.Format takes: the formats of
// reader/formats, then the RDF formats.
func InputFormats() []string {
	names := make([]string, 0, len(formats.Inputs)+4)
	for _, in := range formats.Inputs {
		names = append(names, in.Name)
	}
	return append(names, JSONLD, Turtle, NTriples, NQuads)
}

// Options are the settings of a validation.
type Options struct {
	// Format names the input format; empty tells it from the file name
	// and the content.
	Format string
	// Profiles are checked besides the record and vocabulary rules.
	Profiles []Profile
	// Vocabulary is what the vocabulary rules check against; nil is the
	// embedded one (NewVocabulary).
	Vocabulary *Vocabulary
	// Workers is the number of goroutines that check; 0 means one per
	// CPU. The findings come in input order whatever the number.
	Workers int
	// MaxFindings stops a Run after that many findings; 0 means no limit.
	MaxFindings int
}

// Validate checks one input, named file in the report, and reports what
// it finds. It never fails: what cannot be read is itself a finding, and
// Report.Unreadable is then set. It is Run over one input held in memory.
func Validate(data []byte, file string, opts Options) *Report {
	c := &collector{}
	in := source.Input{Name: file, FormatName: file, Reader: bufio.NewReaderSize(bytes.NewReader(data), sniffLen)}
	_, err := Run(context.Background(), func(yield func(source.Input, error) bool) { yield(in, nil) }, opts, c)
	if err != nil || len(c.reports) == 0 {
		return Unreadable(file, err)
	}
	return c.reports[0]
}

// unreadable adds an "unreadable" finding and marks the report.
func (r *Report) unreadable(where Finding, format string, args ...any) {
	r.Unreadable = true
	r.add("unreadable", where, format, args...)
}

// positionOf returns the position an error carries, as a Finding's
// location.
func positionOf(err error) Finding {
	var se *ld.SyntaxError
	var fe *ld.FieldError
	switch {
	case errors.As(err, &se):
		return Finding{Line: se.Pos.Line, Column: se.Pos.Column}
	case errors.As(err, &fe):
		return Finding{Path: fe.Path, Line: fe.Pos.Line, Column: fe.Pos.Column}
	}
	return Finding{}
}

// message is an error's text without the position that the finding
// holds apart.
func message(err error) string {
	var se *ld.SyntaxError
	var te *turtle.SyntaxError
	switch {
	case errors.As(err, &se):
		return "record: " + se.Err.Error()
	case errors.As(err, &te):
		return "turtle: " + te.Err.Error()
	}
	return err.Error()
}

// detect tells the input format: JSON-LD by its @context (or .jsonld),
// Turtle, N-Triples and N-Quads by extension, then the formats of
// reader/formats, then Turtle by its directives, and N-Triples, N-Quads or
// Turtle by a first statement that starts with an IRI or a blank node.
// What is none of these (an XML or HTML document of no known kind, plain
// text) gives anyFormat, rather than a Turtle syntax error.
func detect(file string, data []byte) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".jsonld":
		return JSONLD
	case ".ttl":
		return Turtle
	case ".nt":
		return NTriples
	case ".nq":
		return NQuads
	}
	if hasJSONLDContext(data) {
		return JSONLD
	}
	if in, err := formats.Detect(file, data); err == nil {
		return in.Name
	}
	start := skipComments(data)
	for _, directive := range []string{"@prefix", "@base", "prefix", "base"} {
		if len(start) >= len(directive) && strings.EqualFold(string(start[:len(directive)]), directive) {
			return Turtle
		}
	}
	if firstTerm.Match(start) && !looksLikeXML(start) {
		switch {
		case everyLine(data, nTriplesLine):
			return NTriples
		case everyLine(data, nQuadsLine):
			return NQuads
		}
		return Turtle
	}
	return anyFormat
}

// firstTerm matches an IRI or a blank node label at the start of a
// statement: "<http://example.org/a> ", not an XML tag such as "<?xml".
var firstTerm = regexp.MustCompile(`^(?:<[^<>"{}|^` + "`" + `\\\s]*>|_:[A-Za-z0-9_])`)

// looksLikeXML reports whether data, which starts with "<", is rather an
// XML or HTML document than Turtle: "<?xml", "<!DOCTYPE", or a first tag
// with a closing or self-closing tag after it.
func looksLikeXML(data []byte) bool {
	if bytes.HasPrefix(data, []byte("<?")) || bytes.HasPrefix(data, []byte("<!")) {
		return true
	}
	return xmlTag.Match(data) && (bytes.Contains(data, []byte("</")) || bytes.Contains(data, []byte("/>")))
}

var xmlTag = regexp.MustCompile(`^<[A-Za-z_][A-Za-z0-9_.:-]*(?:\s[^>]*)?/?>`)

// skipComments skips white space and # comments at the start of data.
func skipComments(data []byte) []byte {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		if !bytes.HasPrefix(data, []byte("#")) {
			return data
		}
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return nil
		}
		data = data[i+1:]
	}
}

// hasJSONLDContext reports whether data is a JSON object, or an array
// whose first element is one, with an "@context" member.
func hasJSONLDContext(data []byte) bool {
	var doc any
	if json.Unmarshal(data, &doc) != nil {
		return false
	}
	if list, ok := doc.([]any); ok && len(list) > 0 {
		doc = list[0]
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return false
	}
	_, has := obj["@context"]
	return has
}

// officialContextGzip is the official schema.org 30.0 JSON-LD context,
// as https://schema.org serves it, gzipped: a copy of
// testdata/vocab/schemaorg-30.0-context.jsonld that TestOfficialContextCopy
// holds equal. JSON-LD written by others uses its aliases ("id", "type")
// and its terms' types, which the project's own small context lacks.
//
//go:embed schemaorg-context.jsonld.gz
var officialContextGzip []byte

var officialContext = sync.OnceValues(func() (any, error) {
	zr, err := gzip.NewReader(bytes.NewReader(officialContextGzip))
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.NewDecoder(zr).Decode(&doc); err != nil {
		return nil, err
	}
	return doc, nil
})

// officialLoader serves the official schema.org context for every URL of
// the schema.org context, and nothing else: no network. With used set, it
// serves only the context's keywords, the terms named in used and the
// prefixes their definitions use: the 3,081 term definitions cost
// json-gold far more to process than a document's handful, and a term the
// document never names cannot change what it means.
type officialLoader struct{ used map[string]bool }

func (l officialLoader) LoadDocument(u string) (*jsonld.RemoteDocument, error) {
	if !ld.IsSchemaContextURL(u) {
		return nil, jsonld.NewJsonLdError(jsonld.LoadingDocumentFailed, "offline: no document is served for "+u)
	}
	doc, err := officialContext()
	if err != nil {
		return nil, fmt.Errorf("validate: the embedded schema.org context: %w", err)
	}
	if l.used != nil {
		terms, _ := doc.(map[string]any)["@context"].(map[string]any)
		pruned := map[string]any{}
		prefixes := map[string]bool{} // what the kept definitions name
		for term, def := range terms {
			if strings.HasPrefix(term, "@") || l.used[term] {
				pruned[term] = def
				namedTerms(def, prefixes)
			}
		}
		for term := range prefixes {
			if def, ok := terms[term]; ok {
				pruned[term] = def
			}
		}
		doc = map[string]any{"@context": pruned}
	}
	return &jsonld.RemoteDocument{DocumentURL: u, Document: jsonld.CloneDocument(doc)}, nil
}

// namedTerms collects what a JSON-LD document may name a term by: every
// key and string value, and the prefix of each that looks like a compact
// IRI (the "dct" of "dct:title").
func namedTerms(v any, out map[string]bool) map[string]bool {
	add := func(s string) {
		out[s] = true
		if i := strings.IndexByte(s, ':'); i > 0 {
			out[s[:i]] = true
		}
	}
	switch v := v.(type) {
	case string:
		add(v)
	case map[string]any:
		for k, x := range v {
			add(k)
			namedTerms(x, out)
		}
	case []any:
		for _, x := range v {
			namedTerms(x, out)
		}
	}
	return out
}

// readJSONLD turns a JSON-LD document into triples with json-gold, with
// only the official schema.org context available.
func readJSONLD(data []byte) ([]rdf.Triple, error) {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("validate: JSON-LD: %w", err)
	}
	for _, u := range remoteContexts(doc, nil) {
		if !ld.IsSchemaContextURL(u) {
			return nil, fmt.Errorf("validate: JSON-LD: cannot load context %s offline (only https://schema.org is available)", u)
		}
	}
	opts := jsonld.NewJsonLdOptions("")
	opts.DocumentLoader = officialLoader{used: namedTerms(doc, map[string]bool{})}
	out, err := jsonld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("validate: JSON-LD: %w", err)
	}
	dataset, ok := out.(*jsonld.RDFDataset)
	if !ok {
		return nil, fmt.Errorf("validate: JSON-LD: json-gold gave %T, want a dataset", out)
	}
	names := make([]string, 0, len(dataset.Graphs))
	for name := range dataset.Graphs {
		names = append(names, name)
	}
	slices.Sort(names) // "@default" first
	var triples []rdf.Triple
	for _, name := range names {
		for _, q := range dataset.Graphs[name] {
			s, errS := toTerm(q.Subject)
			p, errP := toTerm(q.Predicate)
			o, errO := toTerm(q.Object)
			if err := errors.Join(errS, errP, errO); err != nil {
				return nil, fmt.Errorf("validate: JSON-LD: %w", err)
			}
			subj, okS := s.(rdf.Subject)
			pred, okP := p.(rdf.Predicate)
			if !okS || !okP {
				continue // a generalized triple, which RDF does not allow
			}
			triples = append(triples, rdf.Triple{Subj: subj, Pred: pred, Obj: o.(rdf.Object)})
		}
	}
	// json-gold walks its node map in no fixed order; sorting makes the
	// findings come out the same on every run.
	// Each triple is written once, not at every comparison.
	type keyedTriple struct {
		key    string
		triple rdf.Triple
	}
	keyed := make([]keyedTriple, len(triples))
	for i, t := range triples {
		keyed[i] = keyedTriple{t.Serialize(rdf.NTriples), t}
	}
	slices.SortStableFunc(keyed, func(a, b keyedTriple) int { return strings.Compare(a.key, b.key) })
	for i := range keyed {
		triples[i] = keyed[i].triple
	}
	return triples, nil
}

// remoteContexts lists the context URLs a JSON-LD document refers to.
func remoteContexts(v any, out []string) []string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if k == "@context" {
				out = contextURLs(v[k], out)
				continue
			}
			out = remoteContexts(v[k], out)
		}
	case []any:
		for _, e := range v {
			out = remoteContexts(e, out)
		}
	}
	return out
}

func contextURLs(ctx any, out []string) []string {
	switch ctx := ctx.(type) {
	case string:
		return append(out, ctx)
	case []any:
		for _, c := range ctx {
			out = contextURLs(c, out)
		}
	}
	return out
}

// toTerm converts a json-gold node to a knakk/rdf term.
func toTerm(n jsonld.Node) (rdf.Term, error) {
	switch n := n.(type) {
	case jsonld.IRI:
		return rdf.NewIRI(n.Value)
	case jsonld.BlankNode:
		return rdf.NewBlank(strings.TrimPrefix(n.Attribute, "_:"))
	case jsonld.Literal:
		dt, err := rdf.NewIRI(n.Datatype)
		if err != nil {
			return nil, err
		}
		if n.Language != "" {
			if lit, err := rdf.NewLangLiteral(n.Value, n.Language); err == nil {
				return lit, nil
			}
			dt, _ = rdf.NewIRI(xsdString) // knakk/rdf holds no tag of several subtags
		}
		return rdf.NewTypedLiteral(n.Value, dt), nil
	}
	return nil, fmt.Errorf("unknown node %T", n)
}

// checker runs the rules over one input.
type checker struct {
	report   *Report
	vocab    *Vocabulary
	profiles []Profile
	// reported keeps graph findings from repeating within one graph.
	reported map[string]bool
	// paths names the record field of a graph's nodes (ld.Graph.Paths);
	// nil for RDF input.
	paths map[rdf.Term]string
}

// record checks one record of a reader.
func (c *checker) record(rec reader.Record, total int, explicit []bool) {
	number := rec.Index + 1
	if rec.Err != nil {
		c.recordError(rec.Err, number)
		return
	}
	hasAuthorsKey := rec.Index < len(explicit) && explicit[rec.Index]
	c.articleRules(rec.Article, number, hasAuthorsKey)
	g, err := ld.Map(rec.Article, ld.FullProfile)
	if err != nil {
		c.recordError(err, number)
		return
	}
	c.paths = g.Paths
	c.graph(g.Triples, []rdf.Term{g.Root}, number, false)
}

// rdfGraph checks a graph read from RDF input.
func (c *checker) rdfGraph(triples []rdf.Triple) {
	c.graphValues(triples)
	c.graph(triples, articleNodes(triples, c.vocab), 0, true)
}

// Unreadable is the report of an input that could not even be opened.
func Unreadable(file string, err error) *Report {
	r := &Report{File: file, Findings: []Finding{}}
	r.unreadable(Finding{}, "%v", err)
	return r
}

// everyLine reports whether every line that is not blank or a comment
// matches statement. The Turtle parser reads N-Triples too, so this only
// names the format in the report; N-Quads need their own reader.
func everyLine(data []byte, statement *regexp.Regexp) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' && !statement.Match(line) {
			return false
		}
	}
	return true
}

// nTriplesLine and nQuadsLine match one statement: subject, predicate,
// object, for N-Quads an optional graph name, and the dot, with an
// optional comment.
var nTriplesLine, nQuadsLine = statementLine(false), statementLine(true)

func statementLine(quads bool) *regexp.Regexp {
	const (
		iri     = `<[^<>"{}|^` + "`" + `\\\s]*>`
		blank   = `_:[A-Za-z0-9_][A-Za-z0-9_.-]*`
		literal = `"(?:[^"\\\n\r]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^` + iri + `)?`
	)
	graph := ""
	if quads {
		graph = `(?:\s*(?:` + iri + `|` + blank + `))?`
	}
	return regexp.MustCompile(`^(?:` + iri + `|` + blank + `)\s*` + iri + `\s*(?:` + iri + `|` + blank + `|` + literal + `)` + graph + `\s*\.\s*(?:#.*)?$`)
}
