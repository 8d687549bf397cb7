package html

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/textpos"
	"golang.org/x/net/html/charset"
)

// ErrNoMetadata is the error of a page without article metadata: no
// citation_*, Dublin Core or PRISM tag and no schema.org article in
// JSON-LD. Open Graph tags and the <title> element alone do not make an
// article: every web page has them.
var ErrNoMetadata = errors.New("html: no article metadata found (no citation_*, DC, prism or schema.org JSON-LD)")

// sniffLength is how much of the input Sniff and SniffJSONLD look at.
const sniffLength = 4096

// Read reads the article an HTML landing page describes: a page is always
// one record. file names the input in errors. It returns ErrNoMetadata
// (wrapped with the file name) for a page without article metadata; a
// page whose title or publication date is missing or impossible gives a
// record with Err set.
func Read(data []byte, file string) ([]reader.Record, error) {
	r := &reading{}
	data = r.decodeCharset(data)
	if n := bytes.Count(data, []byte{0}); n > 0 {
		r.warn("input", "%d NUL characters replaced by U+FFFD, as HTML parsing replaces them", n)
	}
	r.lines = textpos.New(data, file)
	p := scanPage(data)
	r.setBase("<base href>", p.base)
	r.setBase(`link[rel="canonical"]`, p.canonical)
	for _, name := range []string{"og:url", "citation_abstract_html_url"} {
		for _, m := range p.metas {
			if m.name == name {
				r.setBase(name, m.content)
			}
		}
	}
	sources := readPage(r, p)
	if !hasMetadata(sources) {
		if file != "" {
			return nil, fmt.Errorf("%s: %w", file, ErrNoMetadata)
		}
		return nil, ErrNoMetadata
	}
	return []reader.Record{r.record(file, sources)}, nil
}

// decodeCharset returns a page that is not valid UTF-8 in UTF-8, decoded
// from the encoding its byte order mark or <meta charset> declares, else
// from windows-1252 as browsers do. A page that is valid UTF-8 is read as
// UTF-8 whatever it declares: pages saved from the web are often converted
// without their declaration. Positions then count in the decoded page.
func (r *reading) decodeCharset(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	encoding, name, _ := charset.DetermineEncoding(data, "")
	decoded, err := encoding.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	r.warn("charset", "the page is not UTF-8: read as %s", name)
	return decoded
}

func hasMetadata(sources []*source) bool {
	for _, s := range sources {
		if s.metadata {
			return true
		}
	}
	return false
}

// Sniff reports whether data looks like an HTML page: within its first 4
// KiB, after any byte order mark and white space, it starts with markup
// and has a <!DOCTYPE html>, <html>, <head> or <meta> tag (only the first
// two after an XML declaration).
func Sniff(data []byte) bool {
	head := data[:min(len(data), sniffLength)]
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	lower := bytes.ToLower(head)
	markers := []string{"<!doctype html", "<html", "<head>", "<head ", "<meta "}
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		// XHTML, not another XML format that might hold a <meta>.
		markers = markers[:2]
	}
	for _, marker := range markers {
		if bytes.Contains(lower, []byte(marker)) {
			return true
		}
	}
	return false
}
