package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/corpus"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/virtuoso"
	"github.com/scholarld/scholarld/sparql"
)

const seedIRI = "https://doi.org/10.3390/ijms150814348"

// store is a private Virtuoso and a client of its /sparql endpoint.
type store struct {
	*virtuoso.Server
	client *sparql.Client
}

func startStore(t *testing.T) *store {
	t.Helper()
	return storeOn(t, virtuoso.Start(t, virtuoso.Options{}))
}

func storeOn(t *testing.T, s *virtuoso.Server) *store {
	t.Helper()
	c, err := sparql.NewClient(sparql.Auth{}, 5*time.Minute, sparql.Retry{Attempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	c.QueryURL = s.URL("/sparql")
	return &store{Server: s, client: c}
}

// rows runs a SELECT query and returns its solutions as values in the
// order of the query's variables, "" for an unbound one.
func (s *store) rows(t *testing.T, query string) [][]string {
	t.Helper()
	res, err := s.client.Select(context.Background(), query)
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	out := make([][]string, len(res.Bindings))
	for i, b := range res.Bindings {
		for _, v := range res.Vars {
			out[i] = append(out[i], b[v].Value)
		}
	}
	return out
}

// graphCounts counts the triples of every graph whose IRI starts with one
// of the prefixes.
func (s *store) graphCounts(t *testing.T, prefixes ...string) map[string]int {
	t.Helper()
	var filter []string
	for _, p := range prefixes {
		filter = append(filter, "STRSTARTS(STR(?g), "+strconv.Quote(p)+")")
	}
	counts := map[string]int{}
	for _, r := range s.rows(t, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER ("+strings.Join(filter, " || ")+") } GROUP BY ?g") {
		n, err := strconv.Atoi(r[1])
		if err != nil {
			t.Fatal(err)
		}
		counts[r[0]] = n
	}
	return counts
}

var articleGraphs = []string{"https://doi.org/", "https://example.org/"}

func (s *store) load(t *testing.T, args ...string) string {
	t.Helper()
	code, _, stderr := runLoad(t, append([]string{"--endpoint", s.URL("/sparql")}, args...)...)
	if code != ExitOK {
		t.Fatalf("load %q: exit %d\n%s", args, code, stderr)
	}
	return stderr
}

func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// TestLoadIntoVirtuoso loads the testdata records into a private Virtuoso
// and reads them back over HTTP with SPARQL.
func TestLoadIntoVirtuoso(t *testing.T) {
	s := startStore(t)
	files := testRecords(t)
	out := s.load(t, append([]string{"--verify", "--batch", "3", "-j", "2"}, files...)...)
	if !strings.Contains(out, fmt.Sprintf("loaded %d articles", len(files))) || !strings.Contains(out, "verify: 0 graphs differ") {
		t.Fatalf("summary: %s", out)
	}
	loaded := s.graphCounts(t, articleGraphs...)
	if len(loaded) != len(files) {
		t.Fatalf("%d article graphs, want %d: %v", len(loaded), len(files), loaded)
	}

	t.Run("the seed's five authors in byline order", func(t *testing.T) {
		got := s.rows(t, readQuery(t, "authors-in-byline-order.rq"))
		want := [][]string{{"1", "X. Tan"}, {"2", "Y.-Z. Gong"}, {"3", "P. Wu"}, {"4", "D.-F. Liao"}, {"5", "X.-L. Zheng"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("authors %v, want %v", got, want)
		}
	})
	t.Run("the seed's three organisations", func(t *testing.T) {
		got := s.rows(t, `SELECT ?name WHERE { <`+seedIRI+`> <http://schema.org/sourceOrganization> ?o .
			?o a <http://schema.org/Organization> ; <http://schema.org/name> ?name } ORDER BY ?name`)
		want := [][]string{{"Central South University"}, {"Hunan University of Traditional Chinese Medicine"}, {"University of Calgary"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("organisations %v, want %v", got, want)
		}
	})
	t.Run("issue, volume, periodical", func(t *testing.T) {
		got := s.rows(t, `PREFIX schema: <http://schema.org/>
			SELECT ?issue ?volume ?periodical ?name WHERE {
			  <`+seedIRI+`> schema:isPartOf ?i .
			  ?i a schema:PublicationIssue ; schema:issueNumber ?issue ; schema:isPartOf ?v .
			  ?v a schema:PublicationVolume ; schema:volumeNumber ?volume ; schema:isPartOf ?periodical .
			  ?periodical a schema:Periodical ; schema:name ?name .
			}`)
		want := [][]string{{"8", "15", "https://portal.issn.org/resource/ISSN/1422-0067", "International Journal of Molecular Sciences"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("chain %v, want %v", got, want)
		}
	})
	t.Run("dates and their datatypes", func(t *testing.T) {
		got := s.rows(t, `SELECT ?p ?date (DATATYPE(?date) AS ?type) WHERE {
			  <`+seedIRI+`> ?p ?date .
			  FILTER (?p IN (<http://schema.org/datePublished>, <http://purl.org/dc/terms/issued>, <http://purl.org/dc/terms/dateSubmitted>,
			                 <http://purl.org/dc/terms/dateAccepted>, <https://w3id.org/scholarld/terms#dateRevised>))
			} ORDER BY ?p`)
		const xsdDate = "http://www.w3.org/2001/XMLSchema#date"
		want := [][]string{
			{"http://purl.org/dc/terms/dateAccepted", "2014-08-04", xsdDate},
			{"http://purl.org/dc/terms/dateSubmitted", "2014-06-18", xsdDate},
			{"http://purl.org/dc/terms/issued", "2014-08-18", xsdDate},
			{"http://schema.org/datePublished", "2014-08-18", "http://schema.org/Date"},
			{"https://w3id.org/scholarld/terms#dateRevised", "2014-07-25", xsdDate},
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("dates\n%v\nwant\n%v", got, want)
		}
	})
	t.Run("the example queries", func(t *testing.T) {
		queries, err := filepath.Glob(filepath.Join(testkit.Root(t), "examples", "queries", "*.rq"))
		if err != nil || len(queries) != 5 {
			t.Fatalf("examples/queries: %v %v", queries, err)
		}
		for _, q := range queries {
			name := strings.TrimSuffix(filepath.Base(q), ".rq")
			var tsv strings.Builder
			for _, r := range s.rows(t, readQuery(t, name+".rq")) {
				tsv.WriteString(strings.Join(r, "\t") + "\n")
			}
			testkit.Golden(t, filepath.Join("examples", "queries", name+".tsv"), []byte(tsv.String()))
		}
	})
	t.Run("loading again changes nothing", func(t *testing.T) {
		s.load(t, append([]string{"--batch", "2"}, files...)...)
		if again := s.graphCounts(t, articleGraphs...); fmt.Sprint(again) != fmt.Sprint(loaded) {
			t.Errorf("after a second load\n%v\nwant\n%v", again, loaded)
		}
	})
	t.Run("a changed record replaces its old values", func(t *testing.T) {
		data, err := os.ReadFile(files[2])
		if err != nil || !strings.Contains(string(data), "ijms150814348") {
			t.Fatalf("%s is not the seed: %v", files[2], err)
		}
		const oldTitle = "Mesenchymal Stem Cell-Derived Microparticles"
		changed := regexp.MustCompile(`"title": "Mesenchymal[^"]*"`).ReplaceAll(data, []byte(`"title": "A new title"`))
		changed = []byte(strings.Replace(string(changed), `"volume": "15"`, `"volume": "16"`, 1))
		if string(changed) == string(data) {
			t.Fatal("the seed's title was not found to change")
		}
		path := filepath.Join(t.TempDir(), "seed.json")
		if err := os.WriteFile(path, changed, 0o644); err != nil {
			t.Fatal(err)
		}
		s.load(t, path)
		headlines := s.rows(t, `SELECT ?h WHERE { <`+seedIRI+`> <http://schema.org/headline> ?h }`)
		if fmt.Sprint(headlines) != "[[A new title]]" {
			t.Errorf("headlines %v, want only the new one", headlines)
		}
		old := s.rows(t, `SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (CONTAINS(STR(?o), "`+oldTitle+`") && ?p = <http://schema.org/headline>) }`)
		volumes := s.rows(t, `SELECT ?v WHERE { <`+seedIRI+`> <http://schema.org/isPartOf>/<http://schema.org/isPartOf> ?vol . ?vol <http://schema.org/volumeNumber> ?v }`)
		if len(old) != 0 || fmt.Sprint(volumes) != "[[16]]" {
			t.Errorf("old headline %v, volumes %v: want none and [[16]]", old, volumes)
		}
		s.load(t, files[2])
		if again := s.graphCounts(t, articleGraphs...); fmt.Sprint(again) != fmt.Sprint(loaded) {
			t.Errorf("after reloading the original\n%v\nwant\n%v", again, loaded)
		}
	})
	changedSeed := func(t *testing.T) string {
		t.Helper()
		data, err := os.ReadFile(files[2])
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "seed.json")
		changed := strings.Replace(string(data), `"volume": "15"`, `"volume": "16"`, 1)
		if changed == string(data) || os.WriteFile(path, []byte(changed), 0o644) != nil {
			t.Fatal("could not write a changed seed")
		}
		return path
	}
	volumes := `SELECT ?v WHERE { <` + seedIRI + `> <http://schema.org/isPartOf>/<http://schema.org/isPartOf> ?vol . ?vol <http://schema.org/volumeNumber> ?v }`
	t.Run("a record twice in one load keeps its last copy", func(t *testing.T) {
		// the second copy waits for the first to be stored, then replaces it
		s.load(t, "--batch", "1", "-j", "4", changedSeed(t), files[0], files[1], files[2])
		if got := s.rows(t, volumes); fmt.Sprint(got) != "[[15]]" {
			t.Errorf("volumes %v, want [[15]] alone", got)
		}
		if again := s.graphCounts(t, articleGraphs...); fmt.Sprint(again) != fmt.Sprint(loaded) {
			t.Errorf("after loading the seed twice\n%v\nwant\n%v", again, loaded)
		}
	})
	t.Run("without a query endpoint every graph's triples are deleted first", func(t *testing.T) {
		load := func(args ...string) {
			t.Helper()
			if code, _, stderr := runLoad(t, append([]string{"--update-endpoint", s.URL("/sparql")}, args...)...); code != ExitOK {
				t.Fatalf("load %q: exit %d\n%s", args, code, stderr)
			}
		}
		load(changedSeed(t))
		if got := s.rows(t, volumes); fmt.Sprint(got) != "[[16]]" {
			t.Errorf("volumes %v, want [[16]] alone", got)
		}
		load(files...)
		if again := s.graphCounts(t, articleGraphs...); fmt.Sprint(again) != fmt.Sprint(loaded) {
			t.Errorf("after reloading\n%v\nwant\n%v", again, loaded)
		}
	})
	t.Run("graph store protocol with digest authentication", func(t *testing.T) {
		t.Setenv("SCHOLARLD_SPARQL_PASSWORD", virtuoso.Password)
		out := s.load(t, append([]string{"--protocol", "gsp", "--graph-store", s.URL("/sparql-graph-crud-auth"), "--user", "dba", "--verify"}, files...)...)
		if strings.Contains(out, virtuoso.Password+" ") || !strings.Contains(out, fmt.Sprintf("loaded %d articles", len(files))) {
			t.Errorf("summary: %s", out)
		}
		if again := s.graphCounts(t, articleGraphs...); fmt.Sprint(again) != fmt.Sprint(loaded) {
			t.Errorf("after a GSP load\n%v\nwant\n%v", again, loaded)
		}
	})
	t.Run("append mode", func(t *testing.T) {
		const all = "http://example.com/all-articles"
		s.load(t, append([]string{"--graph", all, "--verify"}, files...)...)
		union := s.rows(t, `SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o }
			FILTER (STRSTARTS(STR(?g), "https://doi.org/") || STRSTARTS(STR(?g), "https://example.org/")) } }`)
		first := s.graphCounts(t, all)[all]
		s.load(t, append([]string{"--graph", all}, files...)...)
		if second := s.graphCounts(t, all)[all]; strconv.Itoa(first) != union[0][0] || second != first {
			t.Errorf("the appended graph holds %d then %d triples, want the %s distinct triples of the article graphs both times", first, second, union[0][0])
		}
	})
	t.Run("delete by DOI and by record", func(t *testing.T) {
		s.load(t, "--delete", "doi:10.3390/ijms150814348", files[0])
		left := s.graphCounts(t, articleGraphs...)
		if len(left) != len(files)-2 || left[seedIRI] != 0 || left["https://doi.org/10.7554/elife.01567"] != 0 {
			t.Errorf("graphs left: %v", left)
		}
		s.load(t, files...)
	})
	t.Run("graph prefix: a DOI names the graph in any case", func(t *testing.T) {
		const prefix = "https://example.com/graph/"
		s.load(t, "--graph-prefix", prefix, files[2])
		if got := s.graphCounts(t, prefix); fmt.Sprint(got) != fmt.Sprintf("map[%s10.3390/ijms150814348:%d]", prefix, loaded[seedIRI]) {
			t.Errorf("prefixed graphs %v", got)
		}
		s.load(t, "--graph-prefix", prefix, "--delete", "https://doi.org/10.3390/IJMS150814348")
		if got := s.graphCounts(t, prefix); len(got) != 0 {
			t.Errorf("prefixed graphs left %v", got)
		}
	})
	t.Run("dry run leaves the store as it was", func(t *testing.T) {
		code, stdout, stderr := runLoad(t, "--endpoint", s.URL("/sparql"), "--dry-run", "--delete", "10.3390/ijms150814348")
		if code != ExitOK || !strings.Contains(stdout, "DROP SILENT GRAPH <"+seedIRI+">") {
			t.Errorf("exit %d\n%s%s", code, stdout, stderr)
		}
		if again := s.graphCounts(t, articleGraphs...); fmt.Sprint(again) != fmt.Sprint(loaded) {
			t.Errorf("after a dry run\n%v\nwant\n%v", again, loaded)
		}
	})
}

// TestLoadTenThousandIntoVirtuoso loads 10,000 generated records and
// checks every graph's triple count against what was sent (--verify).
func TestLoadTenThousandIntoVirtuoso(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short: loads 10,000 articles")
	}
	s := startStore(t)
	path := generate(t, 10000)
	out := s.load(t, "--verify", "--batch", "50", "-j", "2", path)
	if !strings.Contains(out, "loaded 10000 articles") || !strings.Contains(out, "verify: 0 graphs differ") {
		t.Fatalf("summary: %s", out)
	}
	graphs := s.rows(t, `SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://doi.org/10.5555/scholarld.gen.")) }`)
	if graphs[0][0] != "10000" {
		t.Errorf("%s article graphs, want 10000", graphs[0][0])
	}
	sent := regexp.MustCompile(`\((\d+) triples\)`).FindStringSubmatch(out)
	if n := sum(s.graphCounts(t, "https://doi.org/10.5555/scholarld.gen.")); sent == nil || strconv.Itoa(n) != sent[1] {
		t.Errorf("the store holds %d triples, the summary says %v were sent", n, sent)
	}
}

// generate writes n generated records as JSON Lines and returns the path.
func generate(t *testing.T, n int) string {
	t.Helper()
	bases, err := corpus.LoadBases(testkit.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := corpus.Write(f, bases, corpus.Options{Records: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return path
}

func readQuery(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testkit.Root(t), "examples", "queries", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLoadSurvivesAKilledServer kills Virtuoso with SIGKILL in the middle
// of a load. The load reports the batches that failed and writes their
// records to --rejects; after a restart, loading the rejects completes
// the store, and loading everything again gives what a clean load gives,
// graph by graph.
func TestLoadSurvivesAKilledServer(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short: loads 1,000 articles three times")
	}
	s := startStore(t)
	const n = 1000
	const prefix = "https://doi.org/10.5555/scholarld.gen."
	path := generate(t, n)
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		code := Main([]string{"load", "--endpoint", s.URL("/sparql"), "--batch", "20", "-j", "2", "--retries", "1",
			"--retry-wait", "10ms", "--rejects", rejects, path}, strings.NewReader(""), &out, &errOut)
		done <- result{code, errOut.String()}
	}()
	graphQuery := `SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "` + prefix + `")) }`
	for {
		if res, err := s.client.Select(context.Background(), graphQuery); err == nil && len(res.Bindings) == 1 {
			if loaded, _ := strconv.Atoi(res.Bindings[0]["n"].Value); loaded >= 100 {
				break
			}
		}
		select {
		case r := <-done:
			t.Fatalf("the load ended before the server was killed (exit %d):\n%s", r.code, r.stderr)
		case <-time.After(50 * time.Millisecond):
		}
	}
	s.Kill(t)
	r := <-done
	failed := regexp.MustCompile(`failed (\d+) articles`).FindStringSubmatch(r.stderr)
	if r.code != ExitData || failed == nil || failed[1] == "0" {
		t.Fatalf("after the kill: exit %d, want %d with failed articles:\n%s", r.code, ExitData, r.stderr)
	}
	data, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strconv.Itoa(strings.Count(string(data), "\n")); lines != failed[1] {
		t.Errorf("--rejects holds %s records, the summary says %s failed", lines, failed[1])
	}

	s.Restart(t)
	s.load(t, rejects)
	if res := s.rows(t, graphQuery); res[0][0] != strconv.Itoa(n) {
		t.Errorf("after loading the rejects the store holds %s articles, want %d", res[0][0], n)
	}
	s.load(t, "--batch", "50", path)
	recovered := s.graphCounts(t, prefix)

	s.load(t, "--delete", "--batch", "200", path)
	if left := s.graphCounts(t, prefix); len(left) != 0 {
		t.Fatalf("%d graphs left after --delete", len(left))
	}
	s.load(t, "--batch", "50", path)
	clean := s.graphCounts(t, prefix)
	if len(clean) != n || fmt.Sprint(recovered) != fmt.Sprint(clean) {
		t.Errorf("after the kill and reloads: %d graphs, %d triples; a clean load: %d graphs, %d triples",
			len(recovered), sum(recovered), len(clean), sum(clean))
	}
}
