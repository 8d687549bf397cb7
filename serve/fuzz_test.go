package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzParseAccept: any Accept header parses without panic into ranges
// with weights in [0, 1] and token names, and negotiation picks an offer
// or none.
func FuzzParseAccept(f *testing.F) {
	for _, seed := range []string{"", "*/*", "text/html;q=0.9, application/ld+json", `application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"`, `a/b;x="y\"z";q=0.5, ,`, "text/html;q=abc", "\x00/\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		ranges, _ := parseAccept(header)
		for _, r := range ranges {
			if r.q < 0 || r.q > 1 || !isToken(r.typ) || !isToken(r.subtype) {
				t.Fatalf("%q gave range %+v", header, r)
			}
		}
		if i := negotiate(ranges, offersOnly); i < -1 || i >= len(offersOnly) {
			t.Fatalf("%q chose offer %d", header, i)
		}
		acceptsGzip(header)
	})
}

// FuzzHandler: whatever the path, query and headers, the server answers
// with a status below 500.
func FuzzHandler(f *testing.F) {
	f.Add("/doi/10.3390/ijms150814348", "text/turtle", "gzip", `"x"`)
	f.Add("/doi/..%2F..%2Fetc%2Fpasswd", "*/*", "", "")
	f.Add("/id/0123456789abcdef?format=jsonld", firefoxAccept, "br", "*")
	f.Add("/sitemap-1.xml", "", "", "")
	f.Add("/?page=99999999999999999999", "text/html;q=0", "*;q=0", "W/")
	records := loadRecords(f)
	l := NewLoader(testBase, testModified, 2)
	for _, r := range records {
		l.Add(r.article, nil, r.name)
	}
	c, _ := l.Collection()
	h := NewHandler(c, Options{SitemapSize: 2, PageSize: 2})
	f.Fuzz(func(t *testing.T, target, accept, encoding, inm string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\x00#") {
			return
		}
		req, err := http.NewRequest(http.MethodGet, "http://x"+target, nil)
		if err != nil {
			return
		}
		req.Header.Set("Accept", accept)
		req.Header.Set("Accept-Encoding", encoding)
		req.Header.Set("If-None-Match", inm)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s: status %d", target, w.Code)
		}
	})
}
