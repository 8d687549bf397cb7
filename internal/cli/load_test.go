package cli

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/source"
	"github.com/scholarld/scholarld/sparql"
)

// runLoad runs `scholarld load` in-process.
func runLoad(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(append([]string{"load"}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// testRecords are the testdata records, the files load reads in tests.
func testRecords(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "records", "*.json"))
	if err != nil || len(files) < 7 {
		t.Fatalf("testdata/records: %v %v", files, err)
	}
	return files
}

func sourceOf(path string) iter.Seq2[source.Input, error] {
	return source.Open([]string{path}, nil, nil)
}

func TestLoadUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--endpoint", "http://x/sparql", "--protocol", "ftp"},
		{"--protocol", "gsp", "--endpoint", "http://x/sparql"},
		{"--endpoint", "http://x/sparql", "--batch", "0"},
		{"--endpoint", "http://x/sparql", "--graph", "not an iri"},
		{"--endpoint", "http://x/sparql", "--graph", "http://x/g", "--graph-prefix", "http://x/"},
		{"--endpoint", "http://x/sparql", "--auth", "bearer"},
		{"--endpoint", "http://x/sparql", "--bnodes", "drop"},
	} {
		if code, _, stderr := runLoad(t, args...); code != ExitUsage || !strings.HasPrefix(stderr, "scholarld load: ") {
			t.Errorf("load %q: exit %d, %q; want a usage error", args, code, stderr)
		}
	}
	if code, stdout, _ := runLoad(t, "-h"); code != ExitOK || !strings.Contains(stdout, "--graph-prefix") {
		t.Errorf("load -h: exit %d\n%s", code, stdout)
	}
}

func TestGraphNames(t *testing.T) {
	a := &ld.Article{Title: "T", DOI: "10.1016/S0140-6736(20)30183-5"}
	g, err := ld.Map(a, ld.FullProfile)
	if err != nil {
		t.Fatal(err)
	}
	noDOI := &ld.Article{Title: "T", URL: "https://example.org/a?id=1#x"}
	gu, _ := ld.Map(noDOI, ld.FullProfile)
	blank := &ld.Article{Title: "T"}
	gb, _ := ld.Map(blank, ld.FullProfile)
	tests := []struct {
		graph   *ld.Graph
		article *ld.Article
		prefix  string
		want    string
	}{
		{g, a, "", "https://doi.org/10.1016/s0140-6736(20)30183-5"},
		{g, a, "https://example.org/graphs/", "https://example.org/graphs/10.1016/s0140-6736(20)30183-5"},
		{gu, noDOI, "", "https://example.org/a?id=1#x"},
		{gu, noDOI, "urn:g:", "urn:g:https://example.org/a%3Fid=1%23x"},
		{gb, blank, "", ""},
	}
	for _, tt := range tests {
		got, err := graphName(tt.graph, tt.article, tt.prefix)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("graphName(%s, %q) = %q, %v; want %q", tt.article.DOI+tt.article.URL, tt.prefix, got, err, tt.want)
		}
	}
	if got := doiGraph("10.1016/S0140-6736(20)30183-5", ""); got != tests[0].want {
		t.Errorf("doiGraph = %q, want the article's IRI %q", got, tests[0].want)
	}
	if got := doiGraph("10.1016/S0140-6736(20)30183-5", "https://example.org/graphs/"); got != tests[1].want {
		t.Errorf("doiGraph with prefix = %q, want %q", got, tests[1].want)
	}
}

func TestSkolemIRIsAreStablePerArticle(t *testing.T) {
	convert := func(path string) (string, int) {
		var nt string
		var triples int
		nquads, _ := ld.FormatByName("ntriples")
		err := bulk.Run(t.Context(), sourceOf(path), bulk.Options{Converter: bulk.Converter{Profile: ld.FullProfile}}, func(it *bulk.Item) error {
			g, err := articleGraph(it, &loadFlags{bnodes: "skolem"}, nquads.AppendGraph, 0)
			nt, triples = string(g.NTriples), g.Triples
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return nt, triples
	}
	seed := filepath.Join(testkit.Root(t), "testdata", "records", "ijms-2014-15-14348.json")
	first, n := convert(seed)
	second, _ := convert(seed)
	if first != second {
		t.Error("two conversions of one record give different skolem IRIs")
	}
	if strings.Contains(first, "_:") || !strings.Contains(first, "<https://w3id.org/scholarld/.well-known/genid/") {
		t.Errorf("blank nodes left, or no skolem IRIs:\n%s", first)
	}
	if n != strings.Count(first, "\n") {
		t.Errorf("%d distinct triples counted, %d lines", n, strings.Count(first, "\n"))
	}
	other, _ := convert(filepath.Join(testkit.Root(t), "testdata", "records", "elife-2014-3-e01567.json"))
	genid := regexp.MustCompile(`genid/[0-9a-f]+-`)
	if genid.FindString(first) == genid.FindString(other) {
		t.Error("two articles share a skolem IRI prefix")
	}
}

func TestLoadDryRunPrintsTheRequests(t *testing.T) {
	files := testRecords(t)
	code, stdout, stderr := runLoad(t, append([]string{"--endpoint", "http://127.0.0.1:1/sparql", "--dry-run", "--batch", "4"}, files...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	batches := (len(files) + 3) / 4
	if n := strings.Count(stdout, "POST http://127.0.0.1:1/sparql\nContent-Type: application/sparql-update\n\n"); n != batches {
		t.Errorf("%d requests printed, want %d (%d articles, 4 a batch)", n, batches, len(files))
	}
	if n := deletedGraphs(stdout); n != len(files) {
		t.Errorf("%d graphs replaced, want %d", n, len(files))
	}
	if !strings.Contains(stderr, fmt.Sprintf("would load %d articles", len(files))) {
		t.Errorf("summary: %s", stderr)
	}
}

// deletedGraphs counts the graphs named by the DELETEs of replace requests.
func deletedGraphs(requests string) int {
	n := 0
	for _, m := range regexp.MustCompile(`VALUES \?g \{([^}]*)\}`).FindAllStringSubmatch(requests, -1) {
		n += len(strings.Fields(m[1]))
	}
	return n
}

// flakyStore answers update requests, in turn, with 500, 429, a response
// slower than the timeout and bytes that are not HTTP; then, for a
// request holding the marker, 503 every time; everything else succeeds.
// It answers every query (which graphs exist) with no graph.
type flakyStore struct {
	mu      sync.Mutex
	n       int
	marker  string
	release chan struct{}
	ok      []string
}

func (s *flakyStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" {
		io.WriteString(w, `{"head":{"vars":["g"]},"results":{"bindings":[]}}`)
		return
	}
	s.mu.Lock()
	s.n++
	n := s.n
	s.mu.Unlock()
	switch {
	case n == 1:
		w.WriteHeader(http.StatusInternalServerError)
	case n == 2:
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	case n == 3:
		<-s.release
	case n == 4:
		conn, buf, _ := w.(http.Hijacker).Hijack()
		buf.WriteString("HTTP/1.1 banana\r\n\r\n")
		buf.Flush()
		conn.Close()
	case bytes.Contains(body, []byte(s.marker)):
		w.WriteHeader(http.StatusServiceUnavailable)
	default:
		s.mu.Lock()
		s.ok = append(s.ok, string(body))
		s.mu.Unlock()
	}
}

func TestLoadRetriesThenRejectsAFailingBatch(t *testing.T) {
	store := &flakyStore{marker: "10.1021/acs.orglett.9b00971", release: make(chan struct{})}
	srv := httptest.NewServer(store)
	t.Cleanup(func() { close(store.release); srv.Close() })
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	files := testRecords(t)
	code, _, stderr := runLoad(t, append([]string{"--endpoint", srv.URL + "/sparql", "--batch", "2", "-j", "1",
		"--retries", "4", "--retry-wait", "1ms", "--timeout", "200ms", "--rejects", rejects}, files...)...)
	if code != ExitData {
		t.Errorf("exit %d, want %d (a batch failed)\n%s", code, ExitData, stderr)
	}
	// records are loaded in file order, two a batch: elife-2014, elife-2015 | ijms, orglett | ...
	okBatches := (len(files)+1)/2 - 1
	for _, want := range []string{
		"batch 2 of 2 articles failed: POST " + srv.URL + "/sparql: 503 Service Unavailable",
		"orglett-2019-21-2918.json:1:1: <https://doi.org/10.1021/acs.orglett.9b00971> not loaded",
		fmt.Sprintf("loaded %d articles (", len(files)-2), fmt.Sprintf("in %d batches; failed 2 articles in 1 batches; 8 retries", okBatches),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	data, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"doi":"10.3390/ijms150814348"`) || !strings.Contains(lines[1], `"doi":"10.1021/acs.orglett.9b00971"`) {
		t.Fatalf("rejects:\n%s", data)
	}
	// the rejects are records again: a dry run reads them back whole
	code, stdout, stderr := runLoad(t, "--endpoint", srv.URL+"/sparql", "--dry-run", rejects)
	if code != ExitOK || deletedGraphs(stdout) != 2 {
		t.Errorf("reloading the rejects: exit %d, %s", code, stderr)
	}
	if len(store.ok) != okBatches {
		t.Errorf("%d update requests succeeded, want %d", len(store.ok), okBatches)
	}
}

func TestLoadNeverPrintsThePassword(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Digest realm="SPARQL", nonce="abc", qop="auth"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	t.Cleanup(srv.Close)
	t.Setenv("SCHOLARLD_SPARQL_PASSWORD", "hunter2-secret")
	seed := testRecords(t)[2]
	code, stdout, stderr := runLoad(t, "--endpoint", srv.URL+"/sparql", "--user", "dba", "--timeout", time.Second.String(), seed)
	if code != ExitData || !strings.Contains(stderr, "401 Unauthorized") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout+stderr, "hunter2") {
		t.Errorf("the password was printed:\n%s%s", stdout, stderr)
	}
}

// FuzzGraphNames checks that every DOI the identifier rules accept names
// a graph that can be written in SPARQL, with and without a prefix.
func FuzzGraphNames(f *testing.F) {
	for _, s := range []string{"10.3390/ijms150814348", "10.1016/S0140-6736(20)30183-5", "10.1000/a b<c>\"{|}", "10.1000/é%zz#?", "doi:10.5555/X\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doi, err := ident.NormalizeDOI(s)
		if err != nil {
			return
		}
		for _, prefix := range []string{"", "https://example.com/graph/"} {
			if g := doiGraph(doi, prefix); sparql.CheckIRI(g) != nil {
				t.Fatalf("DOI %q names graph %q: %v", doi, g, sparql.CheckIRI(g))
			}
		}
	})
}

func TestHelpLoadPrintsLoadsUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Main([]string{"help", "load"}, strings.NewReader(""), &out, &errOut)
	if code != ExitOK || !strings.HasPrefix(out.String(), "Usage: scholarld load --endpoint URL") || !strings.Contains(out.String(), "-batch") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
}
