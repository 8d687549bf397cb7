package serve

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// newHardenedServer serves the testdata records with NewServer's limits.
func newHardenedServer(t *testing.T) *httptest.Server {
	t.Helper()
	records := loadRecords(t)
	var articles []*ld.Article
	for _, r := range records {
		articles = append(articles, r.article)
	}
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = NewServer(NewHandler(newTestCollection(t, articles...), Options{}), slog.New(slog.DiscardHandler))
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// rawRequest sends bytes as they are, without a client's cleaning, and
// returns the status and body.
func rawRequest(t *testing.T, addr, request string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%.80q: %v", request, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestTraversal: no path leaves the collection. Nothing is read from the
// file system, and every one of these is a 4xx, never an article or a
// file.
func TestTraversal(t *testing.T) {
	srv := newHardenedServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, target := range []string{
		"/doi/..%2F..%2Fetc%2Fpasswd",
		"/doi/../../etc/passwd",
		"/doi/10.3390/../../../etc/passwd",
		"/doi/10.3390%2F..%2F..%2Fetc%2Fpasswd",
		"/doi/%2e%2e/%2e%2e/etc/passwd",
		"/id/../../etc/passwd",
		"/id/..%2F..%2Fetc%2Fpasswd",
		"/../../../../etc/passwd",
		"/doi/10.3390/ijms150814348%00",
		"/doi/10.3390%2Fijms%00150814348",
		"/doi/%00",
		"/id/%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00",
		"/doi/10.3390/" + strings.Repeat("a", 8000),
		"/doi/" + strings.Repeat("..%2F", 2000) + "etc/passwd",
		"/" + strings.Repeat("x/", 5000),
		"/doi/%zz",
		"/sitemap-..%2F..%2Fetc%2Fpasswd.xml",
		"/.well-known/../../etc/passwd",
		"/dump.nq.gz/../../etc/passwd",
	} {
		status, body := rawRequest(t, addr, "GET "+target+" HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nConnection: close\r\n\r\n")
		if status < 400 || status >= 500 || strings.Contains(body, "root:") {
			t.Errorf("%.60s: status %d", target, status)
		}
	}
}

// TestHostileHeaders: huge and malformed requests get 4xx, never 5xx.
func TestHostileHeaders(t *testing.T) {
	srv := newHardenedServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	manyRanges := strings.Repeat("application/x-unknown;q=0.5, ", 400) + "text/turtle"
	for _, tc := range []struct {
		name, request string
		status        int
	}{
		{"header over MaxHeaderBytes", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 2*MaxHeaderBytes) + "\r\n\r\n", 431},
		{"Accept over MaxHeaderBytes", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nAccept: " + strings.Repeat("text/html, ", MaxHeaderBytes) + "\r\n\r\n", 431},
		{"many headers", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-A: b\r\n", 3000) + "\r\n", 431},
		{"header without colon", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400},
		{"bad request line", "GARBAGE\r\n\r\n", 400},
		{"no Host", "GET " + seedPath + " HTTP/1.1\r\n\r\n", 400},
		{"control character in header", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nAccept: text/\x01html\r\n\r\n", 400},
		{"many Accept ranges", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nAccept: " + manyRanges + "\r\nConnection: close\r\n\r\n", 200},
		{"malformed Accept", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nAccept: ;;;,/,q=\r\nConnection: close\r\n\r\n", 400},
		{"quote never closed in Accept", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nAccept: text/html;a=\"b\r\nConnection: close\r\n\r\n", 400},
		{"malformed If-None-Match", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"\"\"W/,,\r\nConnection: close\r\n\r\n", 200},
		{"malformed Accept-Encoding", "GET " + seedPath + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ;q=;;,gzip;q=x\r\nConnection: close\r\n\r\n", 200},
		{"unknown method", "BREW " + seedPath + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405},
	} {
		status, _ := rawRequest(t, addr, tc.request)
		if status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, status, tc.status)
		}
	}
}

// TestServerLimits: the server has every timeout and the header limit.
func TestServerLimits(t *testing.T) {
	s := NewServer(http.NotFoundHandler(), slog.New(slog.DiscardHandler))
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes != MaxHeaderBytes {
		t.Errorf("limits: %+v", fmt.Sprint(s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout, s.MaxHeaderBytes))
	}
}
