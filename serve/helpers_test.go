package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
)

// testBase is the base URL the test collections are served under.
const testBase = "https://data.example.org"

// testModified is the Last-Modified of the test collections.
var testModified = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// record is one testdata record.
type record struct {
	name    string
	article *ld.Article
}

// loadRecords reads every record of testdata/records.
func loadRecords(t testing.TB) []record {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "records", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no records: %v", err)
	}
	slices.Sort(paths)
	var records []record
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ld.DecodeRecord(data, p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		records = append(records, record{filepath.Base(p), a})
	}
	return records
}

// newTestCollection loads articles into a collection.
func newTestCollection(t testing.TB, articles ...*ld.Article) *Collection {
	t.Helper()
	l := NewLoader(testBase, testModified, 2)
	for i, a := range articles {
		if err := l.Add(a, nil, fmt.Sprintf("record %d", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	c, errs := l.Collection()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return c
}

// newTestServer serves the testdata records.
func newTestServer(t testing.TB, opts Options) (*httptest.Server, []record) {
	t.Helper()
	records := loadRecords(t)
	var articles []*ld.Article
	for _, r := range records {
		articles = append(articles, r.article)
	}
	srv := httptest.NewServer(NewHandler(newTestCollection(t, articles...), opts))
	t.Cleanup(srv.Close)
	return srv, records
}

// get sends a request with the given headers.
func get(t testing.TB, method, url string, headers ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	// Ask for no compression unless the test does: the transport would
	// otherwise ask for gzip and decompress behind our back.
	if req.Header.Get("Accept-Encoding") == "" {
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}
