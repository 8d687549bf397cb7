package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/schemaorg"
	"github.com/scholarld/scholarld/reader/internal/text"
	"github.com/scholarld/scholarld/reader/textpos"
)

// jsonLDName names the schema.org JSON-LD source in messages.
const jsonLDName = "schema.org JSON-LD"

// node is one JSON object of a JSON-LD document. Its keys are schema.org
// terms without a "schema:" or "http://schema.org/" prefix.
type node map[string]any

// maxDepth bounds how far the reader follows nested nodes and @id
// references: far enough for Article → PublicationIssue →
// PublicationVolume → Periodical → Organization, never into a cycle.
const maxDepth = 8

// maxNesting bounds how deep JSON values may nest: a deeper document is
// refused with a positioned error (see doc.go, Limits).
const maxNesting = 64

// jsonLDArticleTypes are the schema.org types of an article.
var jsonLDArticleTypes = map[string]bool{
	"Article": true, "ScholarlyArticle": true, "MedicalScholarlyArticle": true,
	"NewsArticle": true, "AnalysisNewsArticle": true, "OpinionNewsArticle": true,
	"ReportageNewsArticle": true, "ReviewNewsArticle": true, "BackgroundNewsArticle": true,
	"AskPublicNewsArticle": true, "SatiricalArticle": true, "AdvertiserContentArticle": true,
	"BlogPosting": true, "LiveBlogPosting": true, "SocialMediaPosting": true,
	"DiscussionForumPosting": true, "Report": true, "TechArticle": true, "APIReference": true,
	"Chapter": true,
}

// scholarlyTypes win over other article types when a page has several.
var scholarlyTypes = map[string]bool{"ScholarlyArticle": true, "MedicalScholarlyArticle": true, "Chapter": true, "Report": true}

// organizationTypes are the schema.org types of an organisation.
var organizationTypes = map[string]bool{
	"Organization": true, "Consortium": true, "ResearchOrganization": true,
	"CollegeOrUniversity": true, "EducationalOrganization": true,
	"GovernmentOrganization": true, "NGO": true, "Corporation": true,
	"FundingScheme": true, "MedicalOrganization": true, "Project": true, "ResearchProject": true,
}

// jsonLD is the JSON-LD of one input: every script's value and the nodes
// that references by @id point to.
type jsonLD struct {
	values []any
	// positions holds where each value starts in the input.
	positions []ld.Position
	byID      map[string]node
}

// jsonErrorOffset gives the offset within a JSON text of length bytes at
// which err stands: the offending byte of a syntax error, or the end for
// truncated input; 0 for an error that carries no offset.
func jsonErrorOffset(err error, length int) int {
	var syntax *json.SyntaxError
	if !errors.As(err, &syntax) {
		return 0
	}
	return min(textpos.JSONErrorOffset(syntax), length)
}

// decodeJSON decodes one JSON-LD text and reads it through the context it
// names (reader/internal/schemaorg), so that every valid way of writing
// schema.org JSON-LD (the official "id" and "type" aliases, prefixes, full
// IRIs) reaches the reader in one form. An error carries the offset within
// text at which it stands: a syntax error, or nesting deeper than
// maxNesting. A foreign remote context is schemaorg.ErrForeignContext.
func decodeJSON(text []byte) (any, int, error) {
	if err := json.Unmarshal(text, new(json.RawMessage)); err != nil {
		return nil, jsonErrorOffset(err, len(text)), err
	}
	if offset, deep := tooDeep(text, maxNesting); deep {
		return nil, offset, fmt.Errorf("JSON nests deeper than %d levels", maxNesting)
	}
	var value any
	if err := json.Unmarshal(text, &value); err != nil {
		return nil, 0, err
	}
	normalized, err := schemaorg.Normalize(value)
	if err != nil {
		return nil, 0, err
	}
	return normalizeKeys(normalized, 0), 0, nil
}

// tooDeep reports whether JSON text nests arrays and objects deeper than
// limit, and the offset of the bracket that goes past it.
func tooDeep(text []byte, limit int) (int, bool) {
	depth, inString, escaped := 0, false, false
	for i, c := range text {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth++; depth > limit {
				return i, true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return 0, false
}

// normalizeKeys strips the schema.org prefixes from the keys of every
// object and turns objects into nodes.
func normalizeKeys(value any, depth int) any {
	if depth > maxNesting {
		return nil
	}
	switch v := value.(type) {
	case map[string]any:
		n := node{}
		for key, inner := range v {
			n[schemaTerm(key)] = normalizeKeys(inner, depth+1)
		}
		return n
	case float64:
		return json.Number(strconv.FormatFloat(v, 'f', -1, 64))
	case []any:
		for i, inner := range v {
			v[i] = normalizeKeys(inner, depth+1)
		}
		return v
	}
	return value
}

// schemaTerm strips a schema.org prefix from a key or type name.
func schemaTerm(key string) string {
	for _, prefix := range []string{"schema:", "http://schema.org/", "https://schema.org/", "http://www.schema.org/", "https://www.schema.org/"} {
		if rest, ok := strings.CutPrefix(key, prefix); ok {
			return rest
		}
	}
	return key
}

// add takes one decoded document into the collection, indexing its nodes
// by @id.
func (j *jsonLD) add(value any, pos ld.Position) {
	j.values = append(j.values, value)
	j.positions = append(j.positions, pos)
	if j.byID == nil {
		j.byID = map[string]node{}
	}
	j.index(value, 0)
}

func (j *jsonLD) index(value any, depth int) {
	if depth > maxNesting {
		return
	}
	switch v := value.(type) {
	case node:
		if id := str(v["@id"]); id != "" && len(v) > 1 && !isReference(v) {
			if _, known := j.byID[id]; !known {
				j.byID[id] = v
			}
		}
		for _, inner := range v {
			j.index(inner, depth+1)
		}
	case []any:
		for _, inner := range v {
			j.index(inner, depth+1)
		}
	}
}

// isReference reports whether n only points to a node by @id.
func isReference(n node) bool {
	for key := range n {
		if key != "@id" && key != "@type" {
			return false
		}
	}
	return n["@id"] != nil
}

// resolve follows a reference by @id to the node it names.
func (j *jsonLD) resolve(value any) any {
	if n, ok := value.(node); ok && isReference(n) {
		if target, found := j.byID[str(n["@id"])]; found {
			return target
		}
	}
	return value
}

// candidate is an article node and how it was found.
type candidate struct {
	node       node
	mainEntity bool
	// pos is where the document holding the node starts.
	pos ld.Position
}

// articleNode picks the article a document describes: the mainEntity of a
// page, else the first ScholarlyArticle, else the first other article, at
// the top level, in @graph or in an array. The others are named in a
// warning.
func (j *jsonLD) articleNode(r *reading) (node, ld.Position, bool) {
	var candidates []candidate
	seen := map[string]bool{}
	var pos ld.Position
	addCandidate := func(n node, mainEntity bool) {
		key := str(n["@id"])
		if key == "" {
			key = fmt.Sprintf("%p", n)
		}
		if seen[key] {
			return
		}
		seen[key] = true
		candidates = append(candidates, candidate{n, mainEntity, pos})
	}
	var walk func(value any, depth int)
	walk = func(value any, depth int) {
		if depth > maxDepth {
			return
		}
		switch v := value.(type) {
		case []any:
			for _, inner := range v {
				walk(inner, depth+1)
			}
		case node:
			if graph, ok := v["@graph"]; ok {
				walk(graph, depth+1)
			}
			for _, entity := range list(v["mainEntity"]) {
				if n, ok := j.resolve(entity).(node); ok && isArticle(n) {
					addCandidate(n, true)
				}
			}
			if isArticle(v) {
				addCandidate(v, false)
			}
		}
	}
	for i, value := range j.values {
		pos = j.positions[i]
		walk(value, 0)
	}
	if len(candidates) == 0 {
		return nil, ld.Position{}, false
	}
	best := 0
	for i, c := range candidates {
		if c.mainEntity {
			best = i
			break
		}
		if scholarlyTypes[articleTypeOf(c.node)] && !scholarlyTypes[articleTypeOf(candidates[best].node)] {
			best = i
		}
	}
	if len(candidates) > 1 {
		var others []string
		for i, c := range candidates {
			if i != best {
				others = append(others, articleTypeOf(c.node)+" "+strconv.Quote(shorten(text.Clean(str(firstOf(c.node, "name", "headline"))))))
			}
		}
		r.warn(jsonLDName, "%d other article nodes not read: %s", len(others), strings.Join(others, ", "))
	}
	return candidates[best].node, candidates[best].pos, true
}

// types returns the schema.org types of a node, without prefixes.
func types(n node) []string {
	var names []string
	for _, t := range list(n["@type"]) {
		if name := str(t); name != "" {
			names = append(names, schemaTerm(name))
		}
	}
	return names
}

func hasType(n node, set map[string]bool) bool {
	for _, t := range types(n) {
		if set[t] {
			return true
		}
	}
	return false
}

func isArticle(n node) bool { return hasType(n, jsonLDArticleTypes) }

// articleTypeOf names the article type of n for paths and messages.
func articleTypeOf(n node) string {
	for _, t := range types(n) {
		if scholarlyTypes[t] {
			return t
		}
	}
	for _, t := range types(n) {
		if jsonLDArticleTypes[t] {
			return t
		}
	}
	return "Article"
}

// list returns value as a list: an array as it is, nil as none, anything
// else as a list of one.
func list(value any) []any {
	switch v := value.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{value}
}

// str returns the text of a value: a string, a number, a {"@value": ...}
// object, or the first of a list of them.
func str(value any) string {
	switch v := value.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case node:
		if inner, ok := v["@value"]; ok {
			return str(inner)
		}
		if id, ok := v["@id"]; ok && len(v) == 1 {
			return str(id) // an IRI value, or a reference no node answers
		}
	case []any:
		for _, inner := range v {
			if s := str(inner); s != "" {
				return s
			}
		}
	}
	return ""
}

// firstOf returns the first of the keys that n has.
func firstOf(n node, keys ...string) any {
	for _, key := range keys {
		if value, ok := n[key]; ok && value != nil {
			return value
		}
	}
	return nil
}

// readScripts decodes the JSON-LD scripts of a page. A script that is not
// well-formed JSON gives a warning with its line and column; the others
// are still read.
func readScripts(r *reading, scripts []script) *jsonLD {
	j := &jsonLD{}
	for i, sc := range scripts {
		body, cut := trimScriptWrapping(sc.text)
		if body == "" {
			continue
		}
		value, offset, err := decodeJSON([]byte(body))
		if errors.Is(err, schemaorg.ErrForeignContext) {
			r.warn(fmt.Sprintf(`script[type="application/ld+json"] #%d`, i+1), "%v; the script is not read", err)
			continue
		}
		if err != nil {
			pos := r.lines.Position(sc.offset + cut + offset)
			r.warn(fmt.Sprintf(`script[type="application/ld+json"] #%d`, i+1),
				"malformed JSON at line %d, column %d: %v; the script is not read", pos.Line, pos.Column, err)
			continue
		}
		j.add(value, r.lines.Position(sc.offset+cut))
	}
	return j
}

// ReadJSONLD reads a bare schema.org JSON-LD document, as a page embeds it
// in a script element, into one record. It returns an error when data is
// not well-formed JSON (a *reader.SyntaxError with the line and column) or holds
// no article node.
func ReadJSONLD(data []byte, file string) ([]reader.Record, error) {
	data, repairs := text.JSONInput(data)
	body, bom := bytes.CutPrefix(data, []byte("\ufeff"))
	cut := 0
	if bom {
		cut = 3
	}
	r := &reading{lines: textpos.New(data, file)}
	for _, repair := range repairs {
		r.warn("input", "%s", repair)
	}
	value, offset, err := decodeJSON(body)
	if errors.Is(err, schemaorg.ErrForeignContext) {
		return nil, &reader.SyntaxError{Format: "html", PosFirst: true, Pos: r.lines.Position(cut), Err: err}
	}
	if err != nil {
		return nil, &reader.SyntaxError{Format: "html", PosFirst: true, Pos: r.lines.Position(cut + offset), Err: fmt.Errorf("malformed JSON-LD: %w", err)}
	}
	j := &jsonLD{}
	j.add(value, r.lines.Position(cut))
	n, pos, ok := j.articleNode(r)
	if !ok {
		return nil, errNoArticleNode(file)
	}
	s := j.readNode(r, n, pos)
	return []reader.Record{r.record(file, []*source{s})}, nil
}

func errNoArticleNode(file string) error {
	err := errors.New("html: no schema.org article node found (no Article, ScholarlyArticle, BlogPosting or other article type)")
	if file != "" {
		return fmt.Errorf("%s: %w", file, err)
	}
	return err
}

// SniffJSONLD reports whether data looks like a schema.org JSON-LD
// document: a JSON object or array whose first 4 KiB name schema.org and
// hold "@context" or "@type".
func SniffJSONLD(data []byte) bool {
	head := data[:min(len(data), sniffLength)]
	if decoded, ok, err := text.FromUTF16(head[:len(head)&^1]); ok && err == nil {
		head = decoded // UTF-16, by its byte-order mark
	}
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || (head[0] != '{' && head[0] != '[') {
		return false
	}
	return bytes.Contains(head, []byte("schema.org")) &&
		(bytes.Contains(head, []byte(`"@context"`)) || bytes.Contains(head, []byte(`"@type"`)))
}
