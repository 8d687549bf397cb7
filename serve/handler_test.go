package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
)

const (
	seedPath = "/doi/10.3390/ijms150814348"
	firefox  = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	chrome   = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)

// bodyKindOf tells what a response body is.
func bodyKindOf(body []byte) string {
	s := string(body)
	switch {
	case strings.HasPrefix(s, "<!DOCTYPE html>"):
		return "html"
	case strings.HasPrefix(s, "[") && strings.Contains(s, `"@id"`):
		return "jsonld-expanded"
	case strings.HasPrefix(s, "{") && strings.Contains(s, `"@context"`):
		return "jsonld"
	case strings.HasPrefix(s, "{") && strings.Contains(s, `"status"`):
		return "problem"
	case strings.HasPrefix(s, "@prefix"):
		return "turtle"
	case strings.HasPrefix(s, "<") || strings.HasPrefix(s, "_:"):
		first, _, _ := strings.Cut(s, "\n")
		if strings.Count(first, "> <") >= 1 && strings.HasSuffix(strings.TrimSuffix(first, " ."), "<https://doi.org/10.3390/ijms150814348>") {
			return "nquads"
		}
		return "ntriples"
	}
	return "unknown: " + s[:min(len(s), 40)]
}

// TestAcceptTable: what real clients send, and what they get.
func TestAcceptTable(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, tc := range []struct {
		client, accept, query string
		status                int
		contentType, kind     string
	}{
		{"no Accept", "", "", 200, "text/html; charset=utf-8", "html"},
		{"empty Accept", "", "", 200, "text/html; charset=utf-8", "html"},
		{"Firefox", firefox, "", 200, "text/html; charset=utf-8", "html"},
		{"Chrome", chrome, "", 200, "text/html; charset=utf-8", "html"},
		{"curl", "*/*", "", 200, "text/html; charset=utf-8", "html"},
		{"XHTML only", "application/xhtml+xml", "", 200, "text/html; charset=utf-8", "html"},
		{"rdflib, format=turtle", "text/turtle, application/x-turtle, */*;q=0.1", "", 200, "text/turtle; charset=utf-8", "turtle"},
		{"rdflib, format=json-ld", "application/ld+json, application/json;q=0.9, */*;q=0.1", "", 200, "application/ld+json", "jsonld"},
		{"rdflib, no format", "application/rdf+xml, text/n3, text/turtle, application/n-triples, application/ld+json, application/n-quads, application/trix, application/trig", "", 200, "application/ld+json", "jsonld"},
		{"jsonld.js", "application/ld+json, application/json", "", 200, "application/ld+json", "jsonld"},
		{"JSON-LD expanded", `application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"`, "", 200, `application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"`, "jsonld-expanded"},
		{"JSON-LD compacted", `application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"`, "", 200, "application/ld+json", "jsonld"},
		{"JSON-LD flattened", `application/ld+json;profile="http://www.w3.org/ns/json-ld#flattened"`, "", 406, "application/problem+json", "problem"},
		{"plain JSON", "application/json", "", 200, "application/json", "jsonld"},
		{"Crossref-style Turtle", "text/turtle", "", 200, "text/turtle; charset=utf-8", "turtle"},
		{"Crossref-style CSL", "application/vnd.citationstyles.csl+json", "", 406, "application/problem+json", "problem"},
		{"Crossref-style RDF/XML", "application/rdf+xml", "", 406, "application/problem+json", "problem"},
		{"Crossref-style fallback", "application/rdf+xml;q=1, text/turtle;q=0.5", "", 200, "text/turtle; charset=utf-8", "turtle"},
		{"N-Triples", "application/n-triples", "", 200, "application/n-triples", "ntriples"},
		{"N-Quads", "application/n-quads", "", 200, "application/n-quads", "nquads"},
		{"application/*", "application/*", "", 200, "application/ld+json", "jsonld"},
		{"image only", "image/png", "", 406, "application/problem+json", "problem"},
		{"everything refused", "*/*;q=0", "", 406, "application/problem+json", "problem"},
		{"malformed q", "text/html;q=abc", "", 400, "application/problem+json", "problem"},
		{"malformed type", "garbage", "", 400, "application/problem+json", "problem"},
		{"malformed beside good", "garbage, text/turtle", "", 200, "text/turtle; charset=utf-8", "turtle"},
		{"only commas", ",,,", "", 200, "text/html; charset=utf-8", "html"},
		{"?format= beats Accept", firefox, "?format=turtle", 200, "text/turtle; charset=utf-8", "turtle"},
		{"?format=nquads", "", "?format=nquads", 200, "application/n-quads", "nquads"},
		{"?format=jsonld-expanded", "", "?format=jsonld-expanded", 200, `application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"`, "jsonld-expanded"},
		{"unknown ?format=", "*/*", "?format=rdfxml", 400, "application/problem+json", "problem"},
		{"unknown ?format= in a browser", firefox, "?format=rdfxml", 400, "text/html; charset=utf-8", "html"},
	} {
		t.Run(tc.client, func(t *testing.T) {
			var resp *http.Response
			if tc.accept == "" && tc.client == "no Accept" {
				resp = get(t, "GET", srv.URL+seedPath+tc.query)
			} else {
				resp = get(t, "GET", srv.URL+seedPath+tc.query, "Accept", tc.accept)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("Content-Type %q, want %q", got, tc.contentType)
			}
			if got := bodyKindOf(body); got != tc.kind {
				t.Errorf("body is %s, want %s", got, tc.kind)
			}
			if got := resp.Header.Get("Vary"); !strings.Contains(got, "Accept") {
				t.Errorf("Vary %q lacks Accept", got)
			}
		})
	}
}

func TestArticleHeaders(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	resp := get(t, "GET", srv.URL+seedPath, "Accept", "text/turtle")
	h := resp.Header
	for name, want := range map[string]string{
		"Content-Location":            seedPath + "?format=turtle",
		"Vary":                        "Accept, Accept-Encoding",
		"Access-Control-Allow-Origin": "*",
		"Last-Modified":               "Mon, 30 Nov 2026 12:00:00 GMT",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	link := h.Get("Link")
	for _, want := range []string{
		`<https://data.example.org/doi/10.3390/ijms150814348>; rel="canonical"`,
		`<https://data.example.org/doi/10.3390/ijms150814348?format=html>; rel="alternate"; type="text/html"`,
		`<https://data.example.org/doi/10.3390/ijms150814348?format=turtle>; rel="alternate"; type="text/turtle"`,
		`<https://data.example.org/doi/10.3390/ijms150814348?format=jsonld>; rel="alternate"; type="application/ld+json"`,
		`<https://data.example.org/doi/10.3390/ijms150814348?format=ntriples>; rel="alternate"; type="application/n-triples"`,
		`<https://data.example.org/doi/10.3390/ijms150814348?format=nquads>; rel="alternate"; type="application/n-quads"`,
	} {
		if !strings.Contains(link, want) {
			t.Errorf("Link lacks %s\nLink: %s", want, link)
		}
	}
	if etag := h.Get("ETag"); !strings.HasPrefix(etag, `"`) || strings.HasPrefix(etag, "W/") || len(etag) < 10 {
		t.Errorf("ETag %q is not a strong validator", etag)
	}
}

// TestDOIForms: a DOI is found in any case, raw or percent-encoded.
func TestDOIForms(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, path := range []string{
		"/doi/10.3390/ijms150814348",
		"/doi/10.3390/IJMS150814348",
		"/doi/10.3390%2Fijms150814348",
		"/doi/10.3390%2fIJMS150814348",
		"/doi/%31%30.3390/ijms150814348",
		"/doi/doi:10.3390/ijms150814348",
		"/doi/10.1016/0092-8674(89)90900-8", // not in the collection, but a DOI
	} {
		resp := get(t, "GET", srv.URL+path, "Accept", "text/turtle")
		want := http.StatusOK
		if strings.Contains(path, "0092-8674") {
			want = http.StatusNotFound
		}
		if resp.StatusCode != want {
			t.Errorf("%s: status %d, want %d", path, resp.StatusCode, want)
			continue
		}
		if want == http.StatusOK && resp.Header.Get("Content-Location") != seedPath+"?format=turtle" {
			t.Errorf("%s: Content-Location %q", path, resp.Header.Get("Content-Location"))
		}
	}
}

// TestStablePath: an article without a DOI is served at /id/ and 16 hex
// digits of the SHA-256 of its URL.
func TestStablePath(t *testing.T) {
	srv, records := newTestServer(t, Options{})
	for _, rec := range records {
		if rec.article.DOI != "" {
			continue
		}
		_, path := articleKey(rec.article)
		if path != "/id/"+stableID(rec.article) || len(path) != len("/id/")+16 {
			t.Fatalf("path %q", path)
		}
		if resp := get(t, "GET", srv.URL+path, "Accept", "application/ld+json"); resp.StatusCode != 200 {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		// The id is the URL's hash: a fixed value for a fixed URL.
		sum := sha256.Sum256([]byte(rec.article.URL))
		if want := "/id/" + hex.EncodeToString(sum[:8]); path != want {
			t.Errorf("path %q, want %q", path, want)
		}
	}
}

func TestConditionalRequests(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	first := get(t, "GET", srv.URL+seedPath, "Accept", "text/turtle")
	etag := first.Header.Get("ETag")
	gzipped := get(t, "GET", srv.URL+seedPath, "Accept", "text/turtle", "Accept-Encoding", "gzip")
	if gzipped.Header.Get("ETag") == etag {
		t.Errorf("the gzip representation has the identity's ETag %s", etag)
	}
	html := get(t, "GET", srv.URL+seedPath, "Accept", "text/html")
	if html.Header.Get("ETag") == etag {
		t.Errorf("HTML and Turtle share the ETag %s", etag)
	}
	for _, tc := range []struct {
		name    string
		headers []string
		status  int
	}{
		{"same ETag", []string{"If-None-Match", etag}, 304},
		{"weak form of the same ETag", []string{"If-None-Match", "W/" + etag}, 304},
		{"in a list", []string{"If-None-Match", `"other", ` + etag}, 304},
		{"star", []string{"If-None-Match", "*"}, 304},
		{"other ETag", []string{"If-None-Match", `"other"`}, 200},
		{"the HTML's ETag for Turtle", []string{"If-None-Match", html.Header.Get("ETag")}, 200},
		{"modified since before", []string{"If-Modified-Since", "Sun, 29 Nov 2026 12:00:00 GMT"}, 200},
		{"not modified since", []string{"If-Modified-Since", "Mon, 30 Nov 2026 12:00:00 GMT"}, 304},
		{"If-None-Match wins over If-Modified-Since", []string{"If-None-Match", `"other"`, "If-Modified-Since", "Tue, 01 Dec 2026 12:00:00 GMT"}, 200},
		{"bad date ignored", []string{"If-Modified-Since", "yesterday"}, 200},
	} {
		resp := get(t, "GET", srv.URL+seedPath, append([]string{"Accept", "text/turtle"}, tc.headers...)...)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, resp.StatusCode, tc.status)
		}
		if tc.status == 304 && (len(body) > 0 || resp.Header.Get("ETag") != etag) {
			t.Errorf("%s: 304 with %d bytes and ETag %q", tc.name, len(body), resp.Header.Get("ETag"))
		}
	}
}

func TestHEAD(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, accept := range []string{"text/html", "text/turtle", "application/ld+json", "image/png"} {
		for _, encoding := range []string{"identity", "gzip"} {
			g := get(t, "GET", srv.URL+seedPath, "Accept", accept, "Accept-Encoding", encoding)
			body, _ := io.ReadAll(g.Body)
			h := get(t, "HEAD", srv.URL+seedPath, "Accept", accept, "Accept-Encoding", encoding)
			headBody, _ := io.ReadAll(h.Body)
			if h.StatusCode != g.StatusCode || len(headBody) != 0 {
				t.Errorf("%s %s: HEAD %d with %d bytes, GET %d", accept, encoding, h.StatusCode, len(headBody), g.StatusCode)
			}
			for _, name := range []string{"Content-Type", "ETag", "Content-Location", "Link", "Vary", "Content-Encoding"} {
				if h.Header.Get(name) != g.Header.Get(name) {
					t.Errorf("%s %s: HEAD %s %q, GET %q", accept, encoding, name, h.Header.Get(name), g.Header.Get(name))
				}
			}
			if g.StatusCode == 200 && h.Header.Get("Content-Length") != itoa(len(body)) {
				t.Errorf("%s %s: HEAD Content-Length %s, GET body %d bytes", accept, encoding, h.Header.Get("Content-Length"), len(body))
			}
		}
	}
}

func TestCompression(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, rep := range representations {
		plain := get(t, "GET", srv.URL+seedPath+"?format="+rep.name)
		want, _ := io.ReadAll(plain.Body)
		if plain.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: identity asked, %q sent", rep.name, plain.Header.Get("Content-Encoding"))
		}
		resp := get(t, "GET", srv.URL+seedPath+"?format="+rep.name, "Accept-Encoding", "br;q=1, gzip;q=0.8")
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: Content-Encoding %q", rep.name, resp.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: the gzip body decompresses to %d bytes (%v), want the identity body's %d", rep.name, len(got), err, len(want))
		}
	}
	if resp := get(t, "GET", srv.URL+seedPath, "Accept-Encoding", "gzip;q=0"); resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 got %q", resp.Header.Get("Content-Encoding"))
	}
}

func TestCORSAndMethods(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	pre := get(t, "OPTIONS", srv.URL+seedPath, "Origin", "https://other.example", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "accept")
	if pre.StatusCode != 204 || pre.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(pre.Header.Get("Access-Control-Allow-Headers"), "Accept") {
		t.Errorf("preflight: %d %v", pre.StatusCode, pre.Header)
	}
	for _, path := range []string{seedPath, "/", "/sitemap.xml", "/.well-known/void", "/doi/10.9999/none"} {
		if resp := get(t, "GET", srv.URL+path); resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: no CORS header", path)
		}
	}
	post := get(t, "POST", srv.URL+seedPath)
	if post.StatusCode != 405 || post.Header.Get("Allow") != "GET, HEAD, OPTIONS" {
		t.Errorf("POST: %d, Allow %q", post.StatusCode, post.Header.Get("Allow"))
	}
}

// TestErrors: problem details for API clients, a page for people.
func TestErrors(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, tc := range []struct {
		path, accept string
		status       int
		contentType  string
	}{
		{"/doi/10.9999/missing", "*/*", 404, "application/problem+json"},
		{"/doi/10.9999/missing", "", 404, "application/problem+json"},
		{"/doi/10.9999/missing", "application/ld+json", 404, "application/problem+json"},
		{"/doi/10.9999/missing", firefox, 404, "text/html; charset=utf-8"},
		{"/doi/not-a-doi", "application/json", 400, "application/problem+json"},
		{"/doi/not-a-doi", chrome, 400, "text/html; charset=utf-8"},
		{"/nothing/here", "*/*", 404, "application/problem+json"},
		{"/?page=0", "*/*", 400, "application/problem+json"},
		{"/?page=99", "*/*", 404, "application/problem+json"},
	} {
		resp := get(t, "GET", srv.URL+tc.path, "Accept", tc.accept)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != tc.contentType {
			t.Errorf("%s (%s): %d %q, want %d %q", tc.path, tc.accept, resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, tc.contentType)
			continue
		}
		if tc.contentType == "application/problem+json" {
			var p problem
			if err := json.Unmarshal(body, &p); err != nil || p.Status != tc.status || p.Title != http.StatusText(tc.status) || p.Type != "about:blank" || p.Detail == "" {
				t.Errorf("%s: problem %+v (%v)", tc.path, p, err)
			}
		} else if !strings.Contains(string(body), "<h1>"+http.StatusText(tc.status)+"</h1>") {
			t.Errorf("%s: page %s", tc.path, body)
		}
	}
	// 406 lists what is available.
	resp := get(t, "GET", srv.URL+seedPath, "Accept", "application/rdf+xml")
	var p problem
	json.NewDecoder(resp.Body).Decode(&p)
	if len(p.Available) != len(representations) || p.Available[2].Format != "turtle" || p.Available[2].Href != testBase+seedPath+"?format=turtle" {
		t.Errorf("406 lists %+v", p.Available)
	}
}

func TestHealthz(t *testing.T) {
	srv, records := newTestServer(t, Options{})
	resp := get(t, "GET", srv.URL+"/healthz")
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(body) != "ok "+itoa(len(records))+" articles\n" {
		t.Errorf("%d %q", resp.StatusCode, body)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
