// Package formats is the table of input formats that scholarld reads: for
// each, its name, file extensions, media types, a content sniffer and the
// reader that turns it into articles. The CLI picks a format by name (-f),
// else by file extension, else by sniffing the content.
package formats

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/bibtex"
	"github.com/scholarld/scholarld/reader/crossref"
	"github.com/scholarld/scholarld/reader/csl"
	"github.com/scholarld/scholarld/reader/datacite"
	"github.com/scholarld/scholarld/reader/html"
	"github.com/scholarld/scholarld/reader/jats"
	"github.com/scholarld/scholarld/reader/openalex"
	"github.com/scholarld/scholarld/reader/ris"
)

// Input describes one input format.
type Input struct {
	Name        string
	Description string
	Extensions  []string // with the dot
	MediaTypes  []string
	// Sniff reports whether data looks like this format.
	Sniff func(data []byte) bool
	// Read reads every record of an input; file names it in errors.
	Read reader.ReadFunc
	// Split and Decode read the format in bulk (reader.Splitter). Without
	// Split, an input is one chunk; without Decode, a chunk is read by Read.
	Split  reader.Splitter
	Decode reader.Decoder
}

// Splitter returns the Splitter of the format.
func (in Input) Splitter() reader.Splitter {
	if in.Split != nil {
		return in.Split
	}
	return reader.Whole
}

// Decoder returns the Decoder of the format.
func (in Input) Decoder() reader.Decoder {
	if in.Decode != nil {
		return in.Decode
	}
	return reader.DecodeWith(in.Read)
}

// Inputs lists the input formats in the order the CLI shows them and in
// which content is sniffed: the strictest first.
var Inputs = []Input{
	{
		Name:        "record",
		Description: "scholarld's own JSON record format (docs/record-format.md)",
		Extensions:  []string{".json", ".jsonl"},
		MediaTypes:  []string{"application/json"},
		Sniff:       sniffRecord,
		Read:        readRecords,
		Split:       reader.SplitJSON,
		Decode:      decodeRecord,
	},
	{
		Name:        "crossref",
		Description: "Crossref REST API JSON: a work, the full response, or a list of items",
		Extensions:  []string{".json"},
		MediaTypes:  []string{"application/vnd.crossref-api-message+json"},
		Sniff:       crossref.Sniff,
		Read:        crossref.Read,
		Split:       reader.SplitJSONList("message", "items"),
		Decode:      reader.DecodeAt(crossref.Read, reader.WarningPathsInInput),
	},
	{
		Name:        "datacite",
		Description: "DataCite JSON: REST API responses (one DOI or a list) and the schema's JSON form",
		Extensions:  []string{".json"},
		MediaTypes:  []string{"application/vnd.datacite.datacite+json"},
		Sniff:       datacite.Sniff,
		Read:        datacite.Read,
	},
	{
		Name:        "openalex",
		Description: "OpenAlex works: a work, an API results list, or JSON Lines as in the snapshot",
		Extensions:  []string{".json", ".jsonl"},
		MediaTypes:  []string{"application/json"},
		Sniff:       openalex.Sniff,
		Read:        openalex.Read,
	},
	{
		Name:        "csl",
		Description: "CSL-JSON: an item or a list (Zotero, Pandoc, citeproc, DOI content negotiation)",
		Extensions:  []string{".json", ".csl.json", ".csljson"},
		MediaTypes:  []string{"application/vnd.citationstyles.csl+json"},
		Sniff:       csl.Sniff,
		Read:        csl.Read,
		Split:       reader.SplitJSON,
		Decode:      reader.DecodeAt(csl.Read, reader.WarningPathsInRecord),
	},
	{
		Name:        "schemaorg",
		Description: "schema.org JSON-LD as a page embeds it (an article node, @graph, or WebPage.mainEntity)",
		Extensions:  []string{".jsonld", ".json"},
		MediaTypes:  []string{"application/ld+json"},
		Sniff:       html.SniffJSONLD,
		Read:        html.ReadJSONLD,
	},
	{
		Name:        "jats",
		Description: "JATS XML (NISO Z39.96): PMC, eLife, PLOS, MDPI, Frontiers",
		Extensions:  []string{".xml", ".nxml", ".jats"},
		MediaTypes:  []string{"application/jats+xml"},
		Sniff:       jats.Sniff,
		Read:        jats.Read,
		Split:       jats.Split,
		Decode:      reader.DecodeAt(jats.Read, reader.WarningPathsInRecord),
	},
	{
		Name:        "crossref-xml",
		Description: "Crossref XML: UNIXSD (crossref_result), UNIXREF (doi_records) and deposit (doi_batch) journal articles",
		Extensions:  []string{".xml"},
		MediaTypes:  []string{"application/vnd.crossref.unixsd+xml", "application/vnd.crossref.unixref+xml"},
		Sniff:       crossref.SniffXML,
		Read:        crossref.ReadXML,
	},
	{
		Name:        "datacite-xml",
		Description: "DataCite XML: metadata kernel 4.x and 3.x resources",
		Extensions:  []string{".xml"},
		MediaTypes:  []string{"application/vnd.datacite.datacite+xml"},
		Sniff:       datacite.SniffXML,
		Read:        datacite.ReadXML,
	},
	{
		Name:        "html",
		Description: "HTML landing pages: Highwire citation_*, Dublin Core, PRISM, Open Graph and embedded schema.org JSON-LD",
		Extensions:  []string{".html", ".htm"},
		MediaTypes:  []string{"text/html"},
		Sniff:       html.Sniff,
		Read:        html.Read,
	},
	{
		Name:        "bibtex",
		Description: "BibTeX and BibLaTeX: @article entries, LaTeX accents and markup decoded",
		Extensions:  []string{".bib", ".bibtex"},
		MediaTypes:  []string{"application/x-bibtex"},
		Sniff:       bibtex.Sniff,
		Read:        bibtex.Read,
		Split:       bibtex.Split,
		Decode:      bibtex.DecodeChunk,
	},
	{
		Name:        "ris",
		Description: "RIS (TY  - JOUR ... ER  -), tolerant of the spacing errors real files have",
		Extensions:  []string{".ris"},
		MediaTypes:  []string{"application/x-research-info-systems"},
		Sniff:       ris.Sniff,
		Read:        ris.Read,
		Split:       ris.Split,
		Decode:      ris.DecodeChunk,
	},
}

// Unclaimed reports whether a file name has an extension that no input
// format claims (".md", ".pdf", ".png"): a file of a folder or an archive
// so named is not metadata and is passed over. A name without an
// extension is claimed, since its content may tell.
func Unclaimed(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return false
	}
	for _, in := range Inputs {
		if slices.Contains(in.Extensions, ext) {
			return false
		}
	}
	return true
}

// ByName finds an input format by name.
func ByName(name string) (Input, bool) {
	for _, in := range Inputs {
		if in.Name == name {
			return in, true
		}
	}
	return Input{}, false
}

// Names lists the input format names, for messages.
func Names() string {
	names := make([]string, len(Inputs))
	for i, in := range Inputs {
		names[i] = in.Name
	}
	return strings.Join(names, ", ")
}

// Detect chooses the format of an input: among the formats that claim the
// file's extension, the first whose sniffer accepts the content (or the
// only one); without a known extension, the first sniffer that accepts.
func Detect(file string, data []byte) (Input, error) {
	ext := strings.ToLower(filepath.Ext(file))
	var candidates []Input
	for _, in := range Inputs {
		for _, e := range in.Extensions {
			if e == ext {
				candidates = append(candidates, in)
			}
		}
	}
	if len(candidates) == 1 {
		return candidates[0], nil
	}
	if len(candidates) == 0 {
		candidates = Inputs
	}
	for _, in := range candidates {
		if in.Sniff(data) {
			return in, nil
		}
	}
	return Input{}, fmt.Errorf("cannot tell the input format: %s; if it is one of %s, name it with -f", describe(data), Names())
}

// unreadXML names the XML formats, by their root element and namespace,
// that scholarld does not read, so that a user is told what the file is.
var unreadXML = []struct{ local, space, name string }{
	{"RDF", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "RDF/XML"},
	{"mods", "http://www.loc.gov/mods/v3", "MODS"},
	{"modsCollection", "http://www.loc.gov/mods/v3", "MODS"},
	{"collection", "http://www.loc.gov/MARC21/slim", "MARCXML"},
	{"record", "http://www.loc.gov/MARC21/slim", "MARCXML"},
	{"dc", "http://www.openarchives.org/OAI/2.0/oai_dc/", "OAI-PMH Dublin Core"},
	{"OAI-PMH", "http://www.openarchives.org/OAI/2.0/", "an OAI-PMH response"},
	{"PubmedArticleSet", "", "PubMed XML"},
	{"html", "", "XHTML without the meta tags or JSON-LD of a landing page"},
}

// describe says what an input that no reader recognises looks like.
func describe(data []byte) string {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case len(head) == 0:
		return "it is empty"
	case bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return "it is UTF-16 text, which scholarld reads only as XML or JSON; convert it to UTF-8"
	case head[0] == '<':
		dec := xml.NewDecoder(bytes.NewReader(head))
		dec.Strict = false
		for {
			tok, err := dec.Token()
			if err != nil {
				return "it starts like XML but has no element that can be read"
			}
			if start, ok := tok.(xml.StartElement); ok {
				for _, u := range unreadXML {
					if start.Name.Local == u.local && (u.space == "" || start.Name.Space == u.space) {
						return fmt.Sprintf("it looks like %s (root element <%s>), which scholarld does not read", u.name, start.Name.Local)
					}
				}
				return fmt.Sprintf("it is XML whose root element <%s> no reader takes", start.Name.Local)
			}
		}
	case head[0] == '{' || head[0] == '[':
		var keys []string
		dec := json.NewDecoder(bytes.NewReader(head))
		tok, err := dec.Token()
		if d, ok := tok.(json.Delim); err == nil && ok && d == '[' {
			tok, err = dec.Token()
		}
		if d, ok := tok.(json.Delim); err != nil || !ok || d != '{' {
			return "it is JSON without an object that could be a record"
		}
		for dec.More() && len(keys) < 6 {
			key, err := dec.Token()
			name, ok := key.(string)
			var skip json.RawMessage
			if err != nil || !ok || dec.Decode(&skip) != nil {
				break
			}
			keys = append(keys, strconv.Quote(name))
		}
		if len(keys) == 0 {
			return "it is JSON whose first object is empty"
		}
		return "it is JSON whose first object has the keys " + strings.Join(keys, ", ")
	case !utf8.Valid(head[:min(len(head), 512)]):
		return "it is not text"
	}
	return "it is text that none of the readers recognises"
}

// recordFields holds the JSON names of Article's fields, and "$schema",
// which a record may use to name its JSON Schema.
var recordFields = func() map[string]bool {
	fields := map[string]bool{"$schema": true}
	t := reflect.TypeFor[ld.Article]()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		fields[name] = true
	}
	return fields
}()

// sniffRecord accepts a JSON object, or an array or stream of objects,
// whose first object has a title and mostly keys of the record format: a
// misspelt key still sniffs as a record, so that the decoder can name it.
func sniffRecord(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if d, ok := tok.(json.Delim); err == nil && ok && d == '[' {
		tok, err = dec.Token()
	}
	if d, ok := tok.(json.Delim); err != nil || !ok || d != '{' {
		return false
	}
	known, unknown, hasTitle := 0, 0, false
	for dec.More() {
		key, err := dec.Token()
		name, ok := key.(string)
		if err != nil || !ok {
			break
		}
		if recordFields[name] {
			known++
		} else {
			unknown++
		}
		hasTitle = hasTitle || name == "title"
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return hasTitle && known > unknown
}

// readRecords reads a stream of records; a record with errors rejects only
// itself, a syntax error ends the stream.
func readRecords(data []byte, file string) ([]reader.Record, error) {
	dec := ld.NewRecordDecoder(bytes.NewReader(data), file)
	var out []reader.Record
	for i := 0; ; i++ {
		a, err := dec.Decode()
		if err == io.EOF {
			return out, nil
		}
		out = append(out, reader.Record{Index: i, Article: a, Err: err})
	}
}

// decodeRecord decodes one record of a stream, with positions in the
// whole input. A chunk's data is its own (reader.Chunk): the article's
// strings share it rather than copy it.
func decodeRecord(c reader.Chunk) []reader.Record {
	a, err := ld.DecodeRecordShared(c.Data, c.Pos)
	return []reader.Record{{Pos: c.Pos, Article: a, Err: err}}
}
