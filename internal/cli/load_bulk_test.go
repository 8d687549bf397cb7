package cli

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/source"
)

// writeNQuads writes the N-Quads of the inputs, as `scholarld convert -t
// nquads` writes them (the bulk engine, blank nodes scoped per article),
// and returns the distinct triples per graph.
func writeNQuads(t *testing.T, path string, inputs ...string) map[string]int {
	t.Helper()
	nquads, _ := ld.FormatByName("nquads")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	opts := bulk.Options{Converter: bulk.Converter{Profile: ld.FullProfile, Encode: nquads.AppendGraph}}
	err = bulk.Run(context.Background(), source.Open(inputs, nil, nil), opts, func(it *bulk.Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Source, it.Err)
		}
		_, err := w.Write(it.Encoded)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	counts := map[string]int{}
	for line := range strings.Lines(string(data)) {
		if seen[line] {
			continue
		}
		seen[line] = true
		i := strings.LastIndex(line, " <")
		counts[strings.TrimSuffix(line[i+2:], "> .\n")]++
	}
	return counts
}

// TestNativeBulkLoaders loads the N-Quads of the testdata records and of
// 1,000 generated ones with Virtuoso's bulk loader and Jena's
// tdb2.tdbloader: no warnings, and every graph holds what was written.
func TestNativeBulkLoaders(t *testing.T) {
	s := startStore(t)
	path := filepath.Join(s.LoadDir, "articles.nq")
	records := testRecords(t)
	want := writeNQuads(t, path, append(records, generate(t, 1000))...)
	if len(want) != len(records)+1000 {
		t.Fatalf("%d graphs written, want %d", len(want), len(records)+1000)
	}

	t.Run("virtuoso ld_dir and rdf_loader_run", func(t *testing.T) {
		out := s.ISQL(t, fmt.Sprintf("ld_dir('%s', 'articles.nq', 'http://example.com/unused-default-graph');\nrdf_loader_run();\ncheckpoint;\n", s.LoadDir))
		if strings.Contains(strings.ToLower(out), "warning") {
			t.Errorf("isql-vt:\n%s", out)
		}
		status := s.ISQL(t, "SELECT ll_state, ll_error FROM DB.DBA.load_list;")
		if fields := strings.Fields(status); len(fields) != 2 || fields[0] != "2" || fields[1] != "NULL" {
			t.Errorf("load_list (state, error): %q, want the one file loaded (2) without error (NULL)", status)
		}
		got := s.graphCounts(t, articleGraphs...)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("graphs in the store differ from those written: %d graphs, %d triples; want %d, %d",
				len(got), sum(got), len(want), sum(want))
		}
	})

	t.Run("jena tdb2.tdbloader", func(t *testing.T) {
		java := testkit.Tool(t, "java", "apt-get install default-jre-headless libapache-jena-java")
		classpath := jenaClasspath(t)
		db := filepath.Join(t.TempDir(), "tdb2")
		out, err := exec.Command(java, "-cp", classpath, "tdb2.tdbloader", "--loc", db, path).CombinedOutput()
		if err != nil {
			t.Fatalf("tdb2.tdbloader: %v\n%s", err, out)
		}
		for line := range strings.Lines(string(out)) {
			if !strings.Contains(line, " INFO ") {
				t.Errorf("tdb2.tdbloader: %s", line)
			}
		}
		out, err = exec.Command(java, "-cp", classpath, "tdb2.tdbquery", "--loc", db, "--results=tsv",
			"SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").Output()
		if err != nil {
			t.Fatalf("tdb2.tdbquery: %v\n%s", err, out)
		}
		got := map[string]int{}
		for line := range strings.Lines(string(out)) {
			g, n, ok := strings.Cut(strings.TrimSpace(line), "\t")
			if !ok || g == "?g" {
				continue
			}
			count, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("tdb2.tdbquery row %q", line)
			}
			got[strings.Trim(g, "<>")] = count
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("graphs in TDB2 differ from those written: %d graphs, %d triples; want %d, %d",
				len(got), sum(got), len(want), sum(want))
		}
	})
}

// jenaJars are the jars of Debian's libapache-jena-java that the TDB2
// commands need, and the libraries they use, in /usr/share/java.
var jenaJars = strings.Fields(`jena-cmds jena-arq jena-base jena-core jena-iri jena-tdb jena-tdb2 jena-dboe-base
	jena-dboe-index jena-dboe-storage jena-dboe-trans-data jena-dboe-transaction jena-shacl jena-shex jena-rdfconnection
	slf4j-api slf4j-simple commons-io commons-lang3 commons-codec commons-compress commons-csv commons-cli guava
	dexx.collection gson jackson-core jackson-databind jackson-annotations jsonld-java titanium-json-ld
	jakarta.json-api httpclient httpcore protobuf thrift`)

// jenaClasspath is the class path of the Jena commands, with a folder
// holding the message bundles Debian's jena-core.jar 4.5 lacks: its
// relocated xerces classes look for xerces/impl/... bundles, which the jar
// holds under org/apache/jena/ext/xerces/. Without them the commands fail
// at start-up ("RuntimeException: internal error" in XSSimpleTypeDecl).
func jenaClasspath(t *testing.T) string {
	t.Helper()
	const dir = "/usr/share/java"
	paths := []string{t.TempDir()}
	for _, jar := range jenaJars {
		p := filepath.Join(dir, jar+".jar")
		if _, err := os.Stat(p); err != nil {
			if testkit.ToolsRequired() {
				t.Fatalf("%s is missing and SCHOLARLD_REQUIRE_TOOLS is set (apt-get install libapache-jena-java)", p)
			}
			t.Skipf("skipped: %s is missing (apt-get install libapache-jena-java)", p)
		}
		paths = append(paths, p)
	}
	z, err := zip.OpenReader(filepath.Join(dir, "jena-core.jar"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		rest, ok := strings.CutPrefix(f.Name, "org/apache/jena/ext/xerces/")
		if !ok || !strings.HasSuffix(rest, ".properties") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(paths[0], "xerces", rest)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return strings.Join(paths, ":")
}
