package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/scholarld/scholarld/ld/ident"
)

// representation is one way the server writes an article.
type representation struct {
	name        string // the ?format= value
	label       string // for people
	mediaType   string
	contentType string // the Content-Type header
	// contentTypeHeader is contentType as a header value, shared.
	contentTypeHeader []string
	body              bodyKind
	// alias marks a representation that repeats another's body under
	// another media type; it is not listed among the alternates.
	alias bool
}

// representations are the article's formats, best first: the order breaks
// ties between equally acceptable media types.
var representations = []representation{
	{"html", "HTML landing page", "text/html", "text/html; charset=utf-8", nil, bodyHTML, false},
	{"jsonld", "JSON-LD (schema.org, compacted)", "application/ld+json", "application/ld+json", nil, bodyJSONLD, false},
	{"turtle", "Turtle", "text/turtle", "text/turtle; charset=utf-8", nil, bodyTurtle, false},
	{"ntriples", "N-Triples", "application/n-triples", "application/n-triples", nil, bodyNTriples, false},
	{"nquads", "N-Quads", "application/n-quads", "application/n-quads", nil, bodyNQuads, false},
	{"jsonld-expanded", "JSON-LD (expanded)", "application/ld+json", `application/ld+json; profile="` + profileExpanded + `"`, nil, bodyExpanded, false},
	{"json", "JSON (the compacted JSON-LD)", "application/json", "application/json", nil, bodyJSONLD, true},
}

func init() {
	for i := range representations {
		representations[i].contentTypeHeader = []string{representations[i].contentType}
	}
}

// The JSON-LD profile IRIs of the compacted and expanded forms.
const (
	profileCompacted = "http://www.w3.org/ns/json-ld#compacted"
	profileExpanded  = "http://www.w3.org/ns/json-ld#expanded"
)

// articleOffers are the media types an article is offered in, in order
// of preference, each with its representation. XHTML comes last: the
// page is served as text/html, and "application/*" should mean data.
var articleOffers = []struct {
	offer
	rep int
}{
	{offer{typ: "text", subtype: "html"}, 0},
	{offer{typ: "application", subtype: "ld+json", profiles: []string{profileCompacted}}, 1},
	{offer{typ: "text", subtype: "turtle"}, 2},
	{offer{typ: "application", subtype: "n-triples"}, 3},
	{offer{typ: "application", subtype: "n-quads"}, 4},
	{offer{typ: "application", subtype: "ld+json", profiles: []string{profileExpanded}}, 5},
	{offer{typ: "application", subtype: "json"}, 6},
	{offer{typ: "application", subtype: "xhtml+xml"}, 0},
}

var offersOnly = func() []offer {
	list := make([]offer, len(articleOffers))
	for i, o := range articleOffers {
		list[i] = o.offer
	}
	return list
}()

// Options configure a Handler.
type Options struct {
	// Logger receives the access log; nil discards it.
	Logger *slog.Logger
	// SitemapSize is the most URLs one sitemap file lists (the protocol's
	// limit, 50,000, when 0); above it /sitemap.xml is a sitemap index.
	SitemapSize int
	// PageSize is the number of articles on one index page (100 when 0).
	PageSize int
}

// Handler serves a collection.
type Handler struct {
	c           *Collection
	log         *slog.Logger
	sitemapSize int
	pageSize    int
	dumpSize    int64
	dumpTag     string
	// lastModified is the Last-Modified header value, shared.
	lastModified []string
}

// NewHandler returns the handler of a collection's routes.
func NewHandler(c *Collection, opts Options) *Handler {
	h := &Handler{c: c, log: opts.Logger, sitemapSize: opts.SitemapSize, pageSize: opts.PageSize}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.sitemapSize <= 0 {
		h.sitemapSize = 50000
	}
	if h.pageSize <= 0 {
		h.pageSize = 100
	}
	h.dumpSize, h.dumpTag = c.dumpInfo()
	h.lastModified = []string{c.modified.Format(http.TimeFormat)}
	return h
}

// ServeHTTP logs the request, answers CORS and method checks, and routes.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	h.serve(rec, r)
	path := r.URL.EscapedPath()
	if len(path) > 200 {
		path = path[:200] + "…"
	}
	h.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method), slog.String("path", path),
		slog.Int("status", rec.status), slog.Int64("bytes", rec.bytes),
		slog.Duration("duration", time.Since(start)), slog.String("remote", r.RemoteAddr))
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request) {
	header := w.Header()
	header["Access-Control-Allow-Origin"] = corsOrigin
	header["Access-Control-Expose-Headers"] = corsExpose
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		header.Set("Allow", "GET, HEAD, OPTIONS")
		header.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		header.Set("Access-Control-Allow-Headers", "Accept, Accept-Encoding, If-None-Match, If-Modified-Since")
		header.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		header.Set("Allow", "GET, HEAD, OPTIONS")
		h.problem(w, r, http.StatusMethodNotAllowed, "this server only reads: use GET or HEAD", nil)
		return
	}
	path := r.URL.EscapedPath()
	switch {
	case path == "/":
		h.index(w, r)
	case path == "/healthz":
		header.Set("Content-Type", "text/plain; charset=utf-8")
		header.Set("Cache-Control", "no-store")
		fmt.Fprintf(w, "ok %d articles\n", h.c.Len())
	case path == "/sitemap.xml":
		h.sitemap(w, r, 0)
	case strings.HasPrefix(path, "/sitemap-") && strings.HasSuffix(path, ".xml"):
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path, "/sitemap-"), ".xml"))
		if err != nil || n < 1 || strconv.Itoa(n) != strings.TrimSuffix(strings.TrimPrefix(path, "/sitemap-"), ".xml") {
			h.problem(w, r, http.StatusNotFound, "no such sitemap", nil)
			return
		}
		h.sitemap(w, r, n)
	case path == "/.well-known/void":
		h.void(w, r)
	case path == "/dump.nq.gz":
		h.dump(w, r)
	case strings.HasPrefix(path, "/doi/"):
		h.articleByDOI(w, r, strings.TrimPrefix(path, "/doi/"))
	case strings.HasPrefix(path, "/id/"):
		id := strings.TrimPrefix(path, "/id/")
		if !isStableID(id) {
			h.problem(w, r, http.StatusNotFound, "an article id is 16 hexadecimal digits", nil)
			return
		}
		e, err := h.c.lookup("id/" + id)
		if err != nil {
			h.problem(w, r, http.StatusNotFound, "no article with id "+id+" in this collection", nil)
			return
		}
		h.article(w, r, e)
	default:
		h.problem(w, r, http.StatusNotFound, "nothing is served at this address: articles are at /doi/{doi}", nil)
	}
}

func isStableID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// articleByDOI finds the article of a DOI written raw or percent-encoded
// in the path, in any case.
func (h *Handler) articleByDOI(w http.ResponseWriter, r *http.Request, escaped string) {
	raw, err := url.PathUnescape(escaped)
	if err != nil {
		h.problem(w, r, http.StatusBadRequest, "the DOI in the path has a bad percent-encoding", nil)
		return
	}
	doi, err := ident.NormalizeDOI(raw)
	if err != nil {
		h.problem(w, r, http.StatusBadRequest, "not a DOI: "+strings.TrimPrefix(err.Error(), "ident: "), nil)
		return
	}
	e, err := h.c.lookup(doiKey(doi))
	if err != nil {
		h.problem(w, r, http.StatusNotFound, "DOI "+doi+" is not in this collection", nil)
		return
	}
	h.article(w, r, e)
}

// article negotiates the representation of an article and sends it.
func (h *Handler) article(w http.ResponseWriter, r *http.Request, e *entry) {
	// Headers are set by their canonical keys, with the values that
	// never change shared: a response should make little garbage.
	header := w.Header()
	header["Vary"] = varyArticle
	header["Cache-Control"] = cacheArticle
	canonical := h.c.base + e.path
	header["Link"] = []string{linkHeader(canonical)}

	rep, status, detail := h.choose(r)
	if status != http.StatusOK {
		h.problem(w, r, status, detail, available(canonical))
		return
	}
	chosen := representations[rep]
	b := e.bodies[chosen.body]
	gz := acceptsGzip(strings.Join(r.Header.Values("Accept-Encoding"), ","))
	etag := `"` + b.tag + "-" + chosen.name
	if gz {
		etag += "-gz"
	}
	etag += `"`
	header["Content-Location"] = []string{e.path + "?format=" + chosen.name}
	header["Etag"] = []string{etag}
	header["Last-Modified"] = h.lastModified
	if notModified(r, etag, h.c.modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	header["Content-Type"] = chosen.contentTypeHeader
	if gz {
		header["Content-Encoding"] = encodingGzip
		header["Content-Length"] = []string{strconv.Itoa(len(b.gz))}
		if r.Method != http.MethodHead {
			w.Write(b.gz)
		}
		return
	}
	header["Content-Length"] = []string{strconv.Itoa(b.size)}
	if r.Method != http.MethodHead {
		writeInflated(w, b.gz)
	}
}

// The header values every article response shares.
var (
	varyArticle  = []string{"Accept, Accept-Encoding"}
	cacheArticle = []string{"public, max-age=3600"}
	encodingGzip = []string{"gzip"}
	corsOrigin   = []string{"*"}
	corsExpose   = []string{"ETag, Link, Content-Location, Last-Modified, Vary"}
)

// linkHeader is the Link header of an article: its canonical URL and its
// URL in every format, rel="alternate".
func linkHeader(canonical string) string {
	var b strings.Builder
	b.Grow(512 + (len(representations)+1)*len(canonical)) // the suffixes are under 512 bytes
	b.WriteString("<" + canonical + `>; rel="canonical"`)
	for _, r := range representations {
		if r.alias {
			continue
		}
		b.WriteString(", <")
		b.WriteString(canonical)
		b.WriteString("?format=" + r.name + `>; rel="alternate"; type="` + r.mediaType + `"`)
	}
	return b.String()
}

// choose picks the representation by ?format=, else by Accept. A status
// other than 200 says why none can be chosen.
func (h *Handler) choose(r *http.Request) (rep, status int, detail string) {
	query := r.URL.Query()
	if query.Has("format") {
		name := query.Get("format")
		for i, rep := range representations {
			if rep.name == name {
				return i, http.StatusOK, ""
			}
		}
		return 0, http.StatusBadRequest, fmt.Sprintf("unknown format %q: use one of %s", name, formatNames())
	}
	ranges, ok := parseAccept(strings.Join(r.Header.Values("Accept"), ","))
	if !ok {
		return 0, http.StatusBadRequest, "the Accept header has no media range that parses"
	}
	i := negotiate(ranges, offersOnly)
	if i < 0 {
		return 0, http.StatusNotAcceptable, "none of the media types in Accept is available; the article is available as " + mediaTypeList()
	}
	return articleOffers[i].rep, http.StatusOK, ""
}

func formatNames() string {
	names := make([]string, len(representations))
	for i, r := range representations {
		names[i] = r.name
	}
	return strings.Join(names, ", ")
}

func mediaTypeList() string {
	var types []string
	for _, r := range representations {
		types = append(types, r.contentType)
	}
	return strings.Join(types, ", ")
}

// availableFormat names one representation in a 406 or 400 problem.
type availableFormat struct {
	Format    string `json:"format"`
	MediaType string `json:"mediaType"`
	Href      string `json:"href"`
}

func available(canonical string) []availableFormat {
	var list []availableFormat
	for _, r := range representations {
		list = append(list, availableFormat{Format: r.name, MediaType: r.contentType, Href: canonical + "?format=" + r.name})
	}
	return list
}

// notModified evaluates If-None-Match, else If-Modified-Since (RFC 9110,
// 13.2.2), for a GET or HEAD.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Values("If-None-Match"); len(inm) > 0 {
		for _, candidate := range splitQuoted(strings.Join(inm, ","), ',') {
			candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
			if candidate == "*" || candidate == etag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !modified.After(t) {
			return true
		}
	}
	return false
}

var gzipReaders sync.Pool

// writeInflated writes a stored gzip body decompressed.
func writeInflated(w io.Writer, gz []byte) {
	src := &byteReader{data: gz}
	zr, _ := gzipReaders.Get().(*gzip.Reader)
	if zr == nil {
		var err error
		if zr, err = gzip.NewReader(src); err != nil {
			return // cannot happen: the body was written by compress
		}
	} else if err := zr.Reset(src); err != nil {
		return
	}
	io.Copy(w, zr)
	gzipReaders.Put(zr)
}

// byteReader reads a byte slice; unlike bytes.Reader it needs no
// allocation per use when held in a struct the caller owns.
type byteReader struct {
	data []byte
	off  int
}

func (b *byteReader) Read(p []byte) (int, error) {
	if b.off >= len(b.data) {
		return 0, io.EOF
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

func (b *byteReader) ReadByte() (byte, error) {
	if b.off >= len(b.data) {
		return 0, io.EOF
	}
	b.off++
	return b.data[b.off-1], nil
}

// problem is an RFC 9457 problem details object.
type problem struct {
	Type      string            `json:"type"`
	Title     string            `json:"title"`
	Status    int               `json:"status"`
	Detail    string            `json:"detail,omitempty"`
	Instance  string            `json:"instance,omitempty"`
	Available []availableFormat `json:"available,omitempty"`
}

// errorOffers: problem details for API clients, a page for people, whose
// browsers name text/html.
var errorOffers = []offer{
	{typ: "application", subtype: "problem+json"},
	{typ: "text", subtype: "html"},
}

// problem answers with an error: as RFC 9457 problem details, or as a
// plain page when the client prefers text/html.
func (h *Handler) problem(w http.ResponseWriter, r *http.Request, status int, detail string, formats []availableFormat) {
	header := w.Header()
	if header.Get("Vary") == "" {
		header.Set("Vary", "Accept")
	}
	header.Set("Cache-Control", "no-store")
	header.Del("Content-Encoding")
	ranges, _ := parseAccept(strings.Join(r.Header.Values("Accept"), ","))
	title := http.StatusText(status)
	if negotiate(ranges, errorOffers) == 1 && len(ranges) > 0 {
		header.Set("Content-Type", "text/html; charset=utf-8")
		header.Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			templates.ExecuteTemplate(w, "error", struct{ Title, Detail string }{title, detail})
		}
		return
	}
	header.Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	instance := r.URL.EscapedPath()
	if len(instance) > 512 {
		instance = ""
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(problem{Type: "about:blank", Title: title, Status: status, Detail: detail, Instance: instance, Available: formats})
}

// recorder keeps the status and size of a response for the access log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
