package serve

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
)

// dynamic prepares a response made on request (index, sitemap, VoID): its
// headers, and a writer that compresses when the client accepts gzip.
// done must be called to finish the body. For a HEAD request the writer
// discards.
func (h *Handler) dynamic(w http.ResponseWriter, r *http.Request, contentType string) (io.Writer, func()) {
	header := w.Header()
	header.Set("Content-Type", contentType)
	header.Set("Vary", "Accept-Encoding")
	header.Set("Last-Modified", h.c.modified.Format(http.TimeFormat))
	if r.Method == http.MethodHead {
		return io.Discard, func() {}
	}
	if !acceptsGzip(strings.Join(r.Header.Values("Accept-Encoding"), ",")) {
		return w, func() {}
	}
	header.Set("Content-Encoding", "gzip")
	zw := gzip.NewWriter(w)
	return zw, func() { zw.Close() }
}

// indexItem is one article on an index page.
type indexItem struct{ Href, Title string }

// index writes the paged list of articles: /?page=N.
func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	page := 1
	if v := r.URL.Query().Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			h.problem(w, r, http.StatusBadRequest, "page is a number from 1", nil)
			return
		}
		page = n
	}
	total := h.c.Len()
	pages := max(1, (total+h.pageSize-1)/h.pageSize)
	if page > pages {
		h.problem(w, r, http.StatusNotFound, fmt.Sprintf("there are %d pages", pages), nil)
		return
	}
	first := (page - 1) * h.pageSize
	last := min(total, first+h.pageSize)
	data := struct {
		Total, Page, Pages, First int
		Prev, Next                string
		Items                     []indexItem
	}{Total: total, Page: page, Pages: pages, First: first + 1}
	if page > 1 {
		data.Prev = "/?page=" + strconv.Itoa(page-1)
	}
	if page < pages {
		data.Next = "/?page=" + strconv.Itoa(page+1)
	}
	for _, e := range h.c.entries[first:last] {
		data.Items = append(data.Items, indexItem{Href: e.path, Title: e.title})
	}
	out, done := h.dynamic(w, r, "text/html; charset=utf-8")
	defer done()
	templates.ExecuteTemplate(out, "index", data)
}

// The XML namespace of the sitemaps protocol.
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemap writes /sitemap.xml (part 0): the list of every landing page,
// or, for a collection larger than one sitemap may list, the sitemap index
// of /sitemap-1.xml, /sitemap-2.xml, ...
func (h *Handler) sitemap(w http.ResponseWriter, r *http.Request, part int) {
	total := h.c.Len()
	parts := (total + h.sitemapSize - 1) / h.sitemapSize
	lastmod := h.c.modified.Format(time.DateOnly)
	if part > parts || part > 0 && parts <= 1 {
		h.problem(w, r, http.StatusNotFound, "no such sitemap: /sitemap.xml lists them", nil)
		return
	}
	out, done := h.dynamic(w, r, "application/xml; charset=utf-8")
	defer done()
	io.WriteString(out, xml.Header)
	if part == 0 && parts > 1 {
		io.WriteString(out, `<sitemapindex xmlns="`+sitemapNS+`">`+"\n")
		for n := 1; n <= parts; n++ {
			fmt.Fprintf(out, "<sitemap><loc>%s/sitemap-%d.xml</loc><lastmod>%s</lastmod></sitemap>\n", xmlText(h.c.base), n, lastmod)
		}
		io.WriteString(out, "</sitemapindex>\n")
		return
	}
	first := 0
	if part > 0 {
		first = (part - 1) * h.sitemapSize
	}
	io.WriteString(out, `<urlset xmlns="`+sitemapNS+`">`+"\n")
	for _, e := range h.c.entries[first:min(total, first+h.sitemapSize)] {
		fmt.Fprintf(out, "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n", xmlText(h.c.base+e.path), lastmod)
	}
	io.WriteString(out, "</urlset>\n")
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// void writes the VoID description of the dataset, in Turtle.
func (h *Handler) void(w http.ResponseWriter, r *http.Request) {
	out, done := h.dynamic(w, r, "text/turtle; charset=utf-8")
	defer done()
	base := h.c.base
	fmt.Fprintf(out, `@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<%[1]s/.well-known/void> a void:DatasetDescription ;
    dcterms:title "VoID description of the articles served at %[2]s" ;
    foaf:primaryTopic <%[1]s/.well-known/void#dataset> .

<%[1]s/.well-known/void#dataset> a void:Dataset ;
    dcterms:title "Scholarly articles served by scholarld at %[2]s" ;
    dcterms:modified "%[3]s"^^xsd:dateTime ;
    foaf:homepage <%[1]s/> ;
    void:dataDump <%[1]s/dump.nq.gz> ;
    void:feature <http://www.w3.org/ns/formats/N-Quads>, <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/JSON-LD> ;
    void:triples %[4]d ;
    void:documents %[5]d ;
    void:classPartition [ void:class <http://schema.org/ScholarlyArticle> ; void:entities %[5]d ]`,
		base, turtleString(base), h.c.modified.Format(time.RFC3339), h.c.triples, h.c.Len())
	for _, ns := range h.c.vocabs {
		fmt.Fprintf(out, " ;\n    void:vocabulary <%s>", ns)
	}
	examples := 0
	for _, e := range h.c.entries {
		if examples == 3 {
			break
		}
		if e.root != "" {
			fmt.Fprintf(out, " ;\n    void:exampleResource <%s>", e.root)
			examples++
		}
	}
	io.WriteString(out, " .\n")
}

// turtleString escapes s for a Turtle string between double quotes.
func turtleString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// dump streams the whole collection as N-Quads in one gzip file: the
// stored N-Quads bodies, each a gzip member, one after another (RFC 1952
// allows a file of several members, and gzip tools read them as one
// stream). Each article's blank nodes are labelled apart.
func (h *Handler) dump(w http.ResponseWriter, r *http.Request) {
	header := w.Header()
	header.Set("Content-Type", "application/gzip")
	header.Set("Content-Disposition", `attachment; filename="dump.nq.gz"`)
	header.Set("Content-Length", strconv.FormatInt(h.dumpSize, 10))
	header.Set("ETag", `"`+h.dumpTag+`"`)
	header.Set("Last-Modified", h.c.modified.Format(http.TimeFormat))
	if notModified(r, `"`+h.dumpTag+`"`, h.c.modified) {
		header.Del("Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	// The dump may take longer than the server's write timeout: each
	// write gets time of its own.
	rc := http.NewResponseController(w)
	for _, e := range h.c.entries {
		rc.SetWriteDeadline(time.Now().Add(30 * time.Second))
		if _, err := w.Write(e.bodies[bodyNQuads].gz); err != nil {
			return
		}
	}
}

// dumpInfo returns the size of the dump and its tag, a hash of the tags
// of the N-Quads bodies it is made of.
func (c *Collection) dumpInfo() (int64, string) {
	var size int64
	hash := sha256.New()
	for _, e := range c.entries {
		size += int64(len(e.bodies[bodyNQuads].gz))
		io.WriteString(hash, e.bodies[bodyNQuads].tag)
	}
	return size, base64.RawURLEncoding.EncodeToString(hash.Sum(nil)[:12])
}
