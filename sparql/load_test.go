package sparql

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func testGraph(i int) Graph {
	iri := fmt.Sprintf("https://doi.org/10.5555/t.%d", i)
	return Graph{IRI: iri, NTriples: []byte("<" + iri + "> <http://schema.org/name> \"article " + fmt.Sprint(i) + "\" .\n"), Triples: 1, Ref: i}
}

func TestRequestTexts(t *testing.T) {
	gs := []Graph{testGraph(1), testGraph(2)}
	tests := []struct{ name, got, want string }{
		{"replace", string(ReplaceUpdate(gs, []string{gs[0].IRI, gs[1].IRI})), `DELETE { GRAPH ?g { ?s ?p ?o } }
WHERE {
  VALUES ?g { <https://doi.org/10.5555/t.1> <https://doi.org/10.5555/t.2> }
  GRAPH ?g { ?s ?p ?o }
};
INSERT DATA {
GRAPH <https://doi.org/10.5555/t.1> {
<https://doi.org/10.5555/t.1> <http://schema.org/name> "article 1" .
}
GRAPH <https://doi.org/10.5555/t.2> {
<https://doi.org/10.5555/t.2> <http://schema.org/name> "article 2" .
}
}
`},
		{"replace, no graph held", string(ReplaceUpdate(gs[:1], nil)), `INSERT DATA {
GRAPH <https://doi.org/10.5555/t.1> {
<https://doi.org/10.5555/t.1> <http://schema.org/name> "article 1" .
}
}
`},
		{"exists", ExistsQuery([]string{gs[0].IRI, gs[1].IRI}), `SELECT ?g WHERE {
  VALUES ?g { <https://doi.org/10.5555/t.1> <https://doi.org/10.5555/t.2> }
  FILTER EXISTS { GRAPH ?g { ?s ?p ?o } }
}
`},
		{"append", string(AppendUpdate("http://example.org/all", gs)), `INSERT DATA {
GRAPH <http://example.org/all> {
<https://doi.org/10.5555/t.1> <http://schema.org/name> "article 1" .
}
GRAPH <http://example.org/all> {
<https://doi.org/10.5555/t.2> <http://schema.org/name> "article 2" .
}
}
`},
		{"drop", string(DropUpdate(gs)), "DROP SILENT GRAPH <https://doi.org/10.5555/t.1>;\nDROP SILENT GRAPH <https://doi.org/10.5555/t.2>\n"},
		{"count", CountQuery([]string{gs[0].IRI, gs[1].IRI}), `SELECT ?g (COUNT(*) AS ?n) WHERE {
  VALUES ?g { <https://doi.org/10.5555/t.1> <https://doi.org/10.5555/t.2> }
  GRAPH ?g { ?s ?p ?o }
} GROUP BY ?g
`},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, tt.got, tt.want)
		}
	}
}

func TestCheckIRI(t *testing.T) {
	for iri, ok := range map[string]bool{
		"https://doi.org/10.1016/S0140-6736(20)30183-5": true,
		"https://doi.org/10.1000/%3C%3E":                true,
		"urn:x:é":                                       true,
		"":                                              false,
		"relative/path":                                 false,
		"http://example.org/a b":                        false,
		"http://example.org/a>b":                        false,
		"http://example.org/{x}":                        false,
	} {
		if err := CheckIRI(iri); (err == nil) != ok {
			t.Errorf("CheckIRI(%q) = %v", iri, err)
		}
	}
}

// recorder is a store that keeps every request and fails those whose body
// contains a marker.
type recorder struct {
	mu       sync.Mutex
	bodies   []string
	failWith string
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec.mu.Lock()
	rec.bodies = append(rec.bodies, r.Method+" "+string(body))
	rec.mu.Unlock()
	if rec.failWith != "" && bytes.Contains(body, []byte(rec.failWith)) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func TestLoaderReportsAFailedBatchAndGoesOn(t *testing.T) {
	rec := &recorder{failWith: `"article 4"`}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv, Auth{}, 3)
	var results []BatchResult
	l := &Loader{Client: c, Protocol: Update, Batch: 3, Jobs: 2, Result: func(r BatchResult) { results = append(results, r) }}
	l.Start(context.Background())
	for i := range 8 {
		l.Add(testGraph(i))
	}
	sum := l.Close()
	want := Summary{Graphs: 5, Triples: 5, Batches: 2, FailedGraphs: 3, FailedBatches: 1, Retries: 2}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if len(results) != 3 {
		t.Fatalf("%d results, want 3", len(results))
	}
	for i, r := range results {
		if r.Seq != i {
			t.Errorf("result %d has Seq %d: not in batch order", i, r.Seq)
		}
	}
	failed := results[1]
	if failed.Err == nil || !strings.Contains(failed.Err.Error(), "503") || len(failed.Graphs) != 3 || failed.Graphs[0].Ref != 3 {
		t.Errorf("failed batch %+v: want batch 1 (graphs 3, 4, 5) failed with 503", failed)
	}
	if len(rec.bodies) != 5 { // batches 0 and 2 once, batch 1 three times
		t.Errorf("%d requests, want 5", len(rec.bodies))
	}
}

func TestLoaderKeepsJobsRequestsInFlight(t *testing.T) {
	const jobs = 3
	var inFlight, peak atomic.Int32
	arrived := make(chan struct{}, 100)
	all := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		if n == jobs {
			once.Do(func() { close(all) })
		}
		arrived <- struct{}{}
		select { // hold the request until jobs are in flight together
		case <-all:
		case <-time.After(10 * time.Second):
		}
		inFlight.Add(-1)
	}))
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv, Auth{}, 1)
	l := &Loader{Client: c, Protocol: Update, Batch: 1, Jobs: jobs}
	l.Start(context.Background())
	for i := range 9 {
		l.Add(testGraph(i))
	}
	sum := l.Close()
	if sum.Graphs != 9 || peak.Load() != jobs {
		t.Errorf("loaded %d graphs with at most %d requests in flight, want 9 with %d", sum.Graphs, peak.Load(), jobs)
	}
}

func TestLoaderProtocols(t *testing.T) {
	tests := []struct {
		name   string
		loader func() *Loader
		want   []string
	}{
		{"update replace", func() *Loader { return &Loader{Protocol: Update, Batch: 2} }, []string{
			"POST DELETE { GRAPH ?g { ?s ?p ?o } }\nWHERE {\n  VALUES ?g { <https://doi.org/10.5555/t.0> <https://doi.org/10.5555/t.1> }",
			"POST DELETE { GRAPH ?g { ?s ?p ?o } }\nWHERE {\n  VALUES ?g { <https://doi.org/10.5555/t.2> }",
		}},
		{"update append", func() *Loader { return &Loader{Protocol: Update, Batch: 2, Into: "http://example.org/all"} }, []string{
			"POST INSERT DATA {\nGRAPH <http://example.org/all> {",
			"POST INSERT DATA {\nGRAPH <http://example.org/all> {",
		}},
		{"update delete", func() *Loader { return &Loader{Protocol: Update, Batch: 3, Delete: true} }, []string{
			"POST DROP SILENT GRAPH <https://doi.org/10.5555/t.0>;\nDROP SILENT GRAPH <https://doi.org/10.5555/t.1>;\nDROP SILENT GRAPH <https://doi.org/10.5555/t.2>",
		}},
		{"gsp replace ignores the batch size", func() *Loader { return &Loader{Protocol: GraphStore, Batch: 2} }, []string{
			"PUT <https://doi.org/10.5555/t.0>", "PUT <https://doi.org/10.5555/t.1>", "PUT <https://doi.org/10.5555/t.2>",
		}},
		{"gsp append", func() *Loader { return &Loader{Protocol: GraphStore, Batch: 2, Into: "http://example.org/all"} }, []string{
			"POST <https://doi.org/10.5555/t.0> <http://schema.org/name> \"article 0\" .\n<https://doi.org/10.5555/t.1>",
			"POST <https://doi.org/10.5555/t.2>",
		}},
		{"gsp delete", func() *Loader { return &Loader{Protocol: GraphStore, Batch: 3, Delete: true} }, []string{"DELETE ", "DELETE ", "DELETE "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			srv := httptest.NewServer(rec)
			t.Cleanup(srv.Close)
			c, _ := newTestClient(t, srv, Auth{}, 1)
			l := tt.loader()
			l.Client = c
			l.Start(context.Background())
			for i := range 3 {
				l.Add(testGraph(i))
			}
			if sum := l.Close(); sum.Graphs != 3 {
				t.Errorf("summary %+v", sum)
			}
			if len(rec.bodies) != len(tt.want) {
				t.Fatalf("requests %q, want %d", rec.bodies, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(rec.bodies[i], w) {
					t.Errorf("request %d:\n%s\nwant it to start with:\n%s", i, rec.bodies[i], w)
				}
			}
		})
	}
}

func TestLoaderVerify(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" {
			// the store lost a triple of t.1 and holds nothing of t.2
			io.WriteString(w, `{"head":{"vars":["g","n"]},"results":{"bindings":[
				{"g":{"type":"uri","value":"https://doi.org/10.5555/t.0"},"n":{"type":"literal","value":"1"}},
				{"g":{"type":"uri","value":"https://doi.org/10.5555/t.1"},"n":{"type":"literal","value":"0"}}]}}`)
		}
	}))
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv, Auth{}, 1)
	var mismatches []Mismatch
	l := &Loader{Client: c, Protocol: Update, Batch: 3, Verify: true, Result: func(r BatchResult) { mismatches = append(mismatches, r.Mismatches...) }}
	l.Start(context.Background())
	for i := range 3 {
		l.Add(testGraph(i))
	}
	sum := l.Close()
	got := fmt.Sprint(mismatches)
	want := "[graph <https://doi.org/10.5555/t.1>: sent 1 triples, the store holds 0 graph <https://doi.org/10.5555/t.2>: sent 1 triples, the store holds 0]"
	if got != want || sum.Mismatches != 2 {
		t.Errorf("mismatches %s (summary %d), want %s", got, sum.Mismatches, want)
	}
}

func TestLoaderDryRunSendsNothing(t *testing.T) {
	c, err := NewClient(Auth{}, 0, DefaultRetry)
	if err != nil {
		t.Fatal(err)
	}
	c.UpdateURL = "http://127.0.0.1:1/sparql" // nothing listens there
	var out bytes.Buffer
	l := &Loader{Client: c, Protocol: Update, Batch: 5, Jobs: 4, DryRun: &out}
	l.Start(context.Background())
	l.Add(testGraph(0))
	sum := l.Close()
	want := "POST http://127.0.0.1:1/sparql\nContent-Type: application/sparql-update\n\n" + string(ReplaceUpdate([]Graph{testGraph(0)}, []string{testGraph(0).IRI})) + "\n"
	if out.String() != want || sum.Graphs != 1 {
		t.Errorf("dry run printed:\n%s\nwant:\n%s", out.String(), want)
	}
}

// memoryStore keeps the names of the graphs that INSERT DATA requests put
// triples in, removes those a DELETE names, and answers ExistsQuery from
// them. It holds every update for a while, so that requests overlap.
type memoryStore struct {
	mu      sync.Mutex
	graphs  map[string]bool
	updates []string
}

var (
	valuesRE = regexp.MustCompile(`VALUES \?g \{([^}]*)\}`)
	graphRE  = regexp.MustCompile(`GRAPH <([^>]+)> \{`)
)

func (m *memoryStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" {
		form, _ := url.ParseQuery(string(body))
		var bindings []string
		m.mu.Lock()
		for _, iri := range strings.Fields(valuesRE.FindStringSubmatch(form.Get("query"))[1]) {
			if iri = strings.Trim(iri, "<>"); m.graphs[iri] {
				bindings = append(bindings, `{"g":{"type":"uri","value":"`+iri+`"}}`)
			}
		}
		m.mu.Unlock()
		fmt.Fprintf(w, `{"head":{"vars":["g"]},"results":{"bindings":[%s]}}`, strings.Join(bindings, ","))
		return
	}
	time.Sleep(20 * time.Millisecond)
	m.mu.Lock()
	defer m.mu.Unlock()
	text := string(body)
	m.updates = append(m.updates, text)
	if v := valuesRE.FindStringSubmatch(text); v != nil {
		for _, iri := range strings.Fields(v[1]) {
			delete(m.graphs, strings.Trim(iri, "<>"))
		}
	}
	for _, g := range graphRE.FindAllStringSubmatch(text, -1) {
		m.graphs[g[1]] = true
	}
}

// TestLoaderSkipAbsentDeletesOnlyHeldGraphs: with SkipAbsent a replace
// deletes the graphs the store holds and no other, and a graph added a
// second time in a run is deleted before its second copy is inserted,
// however many requests are in flight.
func TestLoaderSkipAbsentDeletesOnlyHeldGraphs(t *testing.T) {
	m := &memoryStore{graphs: map[string]bool{testGraph(1).IRI: true}}
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	c, _ := newTestClient(t, srv, Auth{}, 1)
	c.QueryURL = srv.URL
	l := &Loader{Client: c, Protocol: Update, Batch: 1, Jobs: 4, SkipAbsent: true}
	l.Start(context.Background())
	for _, i := range []int{0, 1, 2, 0, 3} {
		l.Add(testGraph(i))
	}
	if sum := l.Close(); sum.Graphs != 5 || sum.FailedGraphs != 0 {
		t.Fatalf("summary %+v", sum)
	}
	deleted := map[string]int{}
	for _, u := range m.updates {
		if v := valuesRE.FindStringSubmatch(u); v != nil {
			for _, iri := range strings.Fields(v[1]) {
				deleted[strings.Trim(iri, "<>")]++
			}
		}
	}
	want := map[string]int{testGraph(1).IRI: 1, testGraph(0).IRI: 1}
	if fmt.Sprint(deleted) != fmt.Sprint(want) {
		t.Errorf("graphs deleted %v, want %v (t.1 was held before, t.0 was added twice)", deleted, want)
	}
}
