package sparql

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// newTestClient returns a client of srv whose waits between attempts are
// recorded, not slept.
func newTestClient(t *testing.T, srv *httptest.Server, auth Auth, attempts int) (*Client, *[]time.Duration) {
	t.Helper()
	c, err := NewClient(auth, 0, Retry{Attempts: attempts, Base: 100 * time.Millisecond, Max: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	c.QueryURL, c.UpdateURL, c.GraphStoreURL = srv.URL+"/sparql", srv.URL+"/sparql", srv.URL+"/store"
	var mu sync.Mutex
	waits := &[]time.Duration{}
	c.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return c, waits
}

// script answers the i-th request with the i-th handler, and the last one
// after that.
func script(t *testing.T, handlers ...http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		io.Copy(io.Discard, r.Body)
		handlers[min(i, len(handlers)-1)](w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func status(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(code)
		fmt.Fprintf(w, "status %d", code)
	}
}

// garbage answers with bytes that are not HTTP and closes the connection.
func garbage(w http.ResponseWriter, r *http.Request) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	buf.WriteString("this is not HTTP\r\n\r\n")
	buf.Flush()
	conn.Close()
}

func TestUpdateRetries(t *testing.T) {
	tooMany := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	}
	tests := []struct {
		name      string
		handlers  []http.HandlerFunc
		wantErr   string
		wantTries int32
	}{
		{"ok at once", []http.HandlerFunc{status(200)}, "", 1},
		{"500 then ok", []http.HandlerFunc{status(500), status(503), status(204)}, "", 3},
		{"429 then ok", []http.HandlerFunc{tooMany, status(200)}, "", 2},
		{"malformed then ok", []http.HandlerFunc{garbage, status(200)}, "", 2},
		{"500 every time", []http.HandlerFunc{status(500)}, "500 Internal Server Error: status 500 (after 4 attempts)", 4},
		{"400 is not retried", []http.HandlerFunc{status(400)}, "400 Bad Request: status 400", 1},
		{"401 is not retried", []http.HandlerFunc{status(401)}, "401 Unauthorized", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := script(t, tt.handlers...)
			c, waits := newTestClient(t, srv, Auth{}, 4)
			err := c.Update(context.Background(), "DROP SILENT GRAPH <http://example.org/g>")
			if tt.wantErr == "" && err != nil {
				t.Fatalf("error %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want one with %q", err, tt.wantErr)
			}
			if n.Load() != tt.wantTries {
				t.Errorf("%d requests, want %d", n.Load(), tt.wantTries)
			}
			if got := c.Retries.Load(); got != int64(tt.wantTries-1) {
				t.Errorf("Retries = %d, want %d", got, tt.wantTries-1)
			}
			if len(*waits) != int(tt.wantTries-1) {
				t.Errorf("waited %d times, want %d", len(*waits), tt.wantTries-1)
			}
		})
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	srv, _ := script(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	}, status(200))
	c, waits := newTestClient(t, srv, Auth{}, 3)
	if err := c.Update(context.Background(), "CLEAR DEFAULT"); err != nil {
		t.Fatal(err)
	}
	if len(*waits) != 1 || (*waits)[0] != time.Second {
		t.Errorf("waits %v, want [1s] (Retry-After, within Max)", *waits)
	}
}

func TestBackoffDoublesWithJitterUpToMax(t *testing.T) {
	c := &Client{Retry: Retry{Attempts: 10, Base: 100 * time.Millisecond, Max: time.Second}}
	for attempt, full := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 4: 800 * time.Millisecond, 5: time.Second, 40: time.Second} {
		for range 100 {
			d := c.backoff(attempt, 0)
			if d < full/2 || d > full {
				t.Fatalf("attempt %d: wait %v, want within [%v, %v]", attempt, d, full/2, full)
			}
		}
	}
}

func TestTimeoutIsRetriedThenReported(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release // slower than any timeout: until the test ends
	}))
	t.Cleanup(func() { close(release); srv.Close() })
	c, _ := newTestClient(t, srv, Auth{}, 2)
	c.Timeout = 50 * time.Millisecond
	err := c.Update(context.Background(), "CLEAR DEFAULT")
	if !errors.Is(err, context.DeadlineExceeded) || c.Retries.Load() != 1 {
		t.Fatalf("error %v after %d retries, want a deadline after 1 retry", err, c.Retries.Load())
	}
}

func TestSelectRetriesMalformedResults(t *testing.T) {
	results := `{"head":{"vars":["g","n"]},"results":{"bindings":[{"g":{"type":"uri","value":"http://example.org/g"},"n":{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"7"}}]}}`
	srv, n := script(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"head":{"vars":["g"`)
	}, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != "application/sparql-results+json" {
			t.Errorf("Accept %q", r.Header.Get("Accept"))
		}
		io.WriteString(w, results)
	})
	c, _ := newTestClient(t, srv, Auth{}, 3)
	counts, err := c.Counts(context.Background(), []string{"http://example.org/g", "http://example.org/absent"})
	if err != nil {
		t.Fatal(err)
	}
	if counts["http://example.org/g"] != 7 || len(counts) != 1 || n.Load() != 2 {
		t.Errorf("counts %v after %d requests", counts, n.Load())
	}

	srv, _ = script(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>") })
	c, _ = newTestClient(t, srv, Auth{}, 2)
	if _, err := c.Select(context.Background(), "SELECT * {}"); err == nil || !strings.Contains(err.Error(), "malformed SPARQL JSON results") {
		t.Errorf("error %v, want malformed results", err)
	}
}

func TestBasicAuth(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "loader" || p != "s3cret" {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv, Auth{Scheme: "basic", User: "loader", Password: "s3cret"}, 1)
	if err := c.Update(context.Background(), "CLEAR DEFAULT"); err != nil {
		t.Fatal(err)
	}
	c, _ = newTestClient(t, srv, Auth{Scheme: "basic", User: "loader", Password: "wrong"}, 1)
	err := c.Update(context.Background(), "CLEAR DEFAULT")
	if err == nil || strings.Contains(err.Error(), "wrong") {
		t.Errorf("error %v: want a 401 that does not show the password", err)
	}
}

// digestServer checks RFC 7616 MD5 digest credentials with qop=auth, as
// Virtuoso's authenticated endpoints ask for them.
func digestServer(t *testing.T, user, password string) *httptest.Server {
	const realm, nonce = "SPARQL", "dcd98b7102dd2f0e8b11d0f600bfb0c093"
	md5hex := func(s string) string { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		params := map[string]string{}
		if h, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Digest "); ok {
			for _, kv := range strings.Split(h, ",") {
				k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
				params[k] = strings.Trim(v, `"`)
			}
		}
		ha1 := md5hex(params["username"] + ":" + realm + ":" + password)
		ha2 := md5hex(r.Method + ":" + params["uri"])
		want := md5hex(ha1 + ":" + nonce + ":" + params["nc"] + ":" + params["cnonce"] + ":auth:" + ha2)
		if params["username"] != user || params["response"] != want || params["uri"] != r.URL.RequestURI() {
			w.Header().Set("WWW-Authenticate", `Digest realm="`+realm+`", nonce="`+nonce+`", qop="auth", algorithm=MD5`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDigestAuth(t *testing.T) {
	srv := digestServer(t, "dba", "pa55")
	c, _ := newTestClient(t, srv, Auth{Scheme: "digest", User: "dba", Password: "pa55"}, 1)
	for range 2 { // the second request reuses the challenge
		if err := c.PutGraph(context.Background(), "http://example.org/g", []byte("<http://example.org/s> <http://example.org/p> \"o\" .\n")); err != nil {
			t.Fatal(err)
		}
	}
	c, _ = newTestClient(t, srv, Auth{Scheme: "digest", User: "dba", Password: "nope"}, 1)
	var se *StatusError
	if err := c.PutGraph(context.Background(), "http://example.org/g", nil); !errors.As(err, &se) || se.Status != 401 {
		t.Errorf("error %v, want 401", err)
	}
}

func TestAuthStringHidesThePassword(t *testing.T) {
	a := Auth{Scheme: "digest", User: "dba", Password: "topsecret"}
	if s := fmt.Sprint(a); strings.Contains(s, "topsecret") || s != `digest as "dba"` {
		t.Errorf("Auth prints %q", s)
	}
	if _, err := NewClient(Auth{Scheme: "bearer"}, 0, DefaultRetry); err == nil {
		t.Error("an unknown scheme was accepted")
	}
}

func TestRedactDropsUserInfoAndQuery(t *testing.T) {
	if got := redact("http://u:pw@example.org:8890/sparql-graph-crud?graph=x"); got != "http://example.org:8890/sparql-graph-crud" {
		t.Errorf("redact = %q", got)
	}
}

func TestGraphStoreRequests(t *testing.T) {
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Content-Type")+" "+strings.TrimSpace(string(body)))
		mu.Unlock()
		if r.Method == http.MethodDelete {
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv, Auth{}, 1)
	ctx := context.Background()
	nt := []byte("<http://example.org/s> <http://example.org/p> \"o\" .\n")
	if err := c.PutGraph(ctx, "https://doi.org/10.1000/a&b", nt); err != nil {
		t.Fatal(err)
	}
	if err := c.PostGraph(ctx, "http://example.org/all", nt); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteGraph(ctx, "http://example.org/gone"); err != nil {
		t.Fatalf("a 404 DELETE is not an error: %v", err)
	}
	want := []string{
		`PUT /store?graph=https%3A%2F%2Fdoi.org%2F10.1000%2Fa%26b application/n-triples <http://example.org/s> <http://example.org/p> "o" .`,
		`POST /store?graph=http%3A%2F%2Fexample.org%2Fall application/n-triples <http://example.org/s> <http://example.org/p> "o" .`,
		`DELETE /store?graph=http%3A%2F%2Fexample.org%2Fgone  `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
