// Package serve publishes a collection of articles over HTTP: a landing
// page for people and search engines, and the same URL as linked data for
// clients that ask for it by content negotiation, as DOI resolvers do.
//
// A Loader reads articles into a Collection, encoding each once, at load
// time, in every format (HTML landing page, compacted and expanded JSON-LD,
// Turtle, N-Triples, N-Quads), gzip-compressed: a response is a copy of
// stored bytes, sent as they are to clients that accept gzip and
// decompressed for the others. Memory is proportional to the collection
// (BENCHMARKS.md has the measurement for 100,000 articles); encoding on
// request would cost 0.2 to 1 ms an article, too much for the 10,000
// responses a second the server is built for.
//
// # Routes
//
//	/doi/{doi}         an article by DOI: in any case, raw or percent-encoded
//	/id/{16 hex}       an article without DOI: the first 16 hex digits of the
//	                   SHA-256 of its URL (else of its title, publication
//	                   date and journal title, joined by newlines)
//	/                  the index, paged: /?page=2
//	/sitemap.xml       the sitemap; above 50,000 articles a sitemap index of
//	                   /sitemap-1.xml, /sitemap-2.xml, ...
//	/.well-known/void  the VoID description of the dataset (Turtle)
//	/dump.nq.gz        every article as N-Quads, one graph each, gzip
//	/healthz           "ok N articles"
//
// Routing is by hand, not with http.ServeMux, whose path cleaning would
// redirect DOIs holding "//" or "/./".
//
// # Content negotiation
//
// ?format=NAME (html, jsonld, turtle, ntriples, nquads, jsonld-expanded,
// json) overrides Accept. Accept is parsed by this package (negotiate.go):
// the media ranges of RFC 9110, 12.5.1 with q-values, wildcards and
// parameters, the most specific matching range giving a type its weight;
// equal weights are broken by the server's order (HTML, JSON-LD, Turtle,
// N-Triples, N-Quads, expanded JSON-LD, JSON, XHTML). The JSON-LD profile
// parameter picks the compacted or the expanded form; a profile the server
// does not write (flattened) matches nothing. application/xhtml+xml gets
// the HTML page, sent as text/html. application/json gets the compacted
// JSON-LD labelled application/json. Elements of Accept that do not parse
// are skipped; a header with none that parses is a 400. Nothing acceptable
// is a 406 whose problem details list every format with its URL. The
// parser is the package's own, about 150 lines tested by table and fuzz
// target: github.com/munnerz/goautoneg, the usual Go choice, keeps the
// parameters when it parses but negotiates on type and subtype alone, so
// it cannot choose between the compacted and the expanded JSON-LD.
//
// Every article response carries Vary: Accept, Accept-Encoding;
// Content-Location (the ?format= URL of what was chosen); a Link header
// with rel="canonical" and rel="alternate" for each format; a strong ETag
// from the SHA-256 of the representation (a different one for its gzip
// encoding); Last-Modified, the newest modification time of the inputs;
// Access-Control-Allow-Origin: *. If-None-Match (weak comparison, "*"),
// else If-Modified-Since, gives 304. Errors are RFC 9457 problem details
// (application/problem+json), or a plain HTML page when the client
// prefers text/html, as browsers do.
package serve
