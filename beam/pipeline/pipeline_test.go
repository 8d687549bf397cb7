package pipeline_test

import (
	"archive/tar"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/beam/pipeline"
	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/internal/corpus"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/source"
)

func TestMain(m *testing.M) {
	slog.SetLogLoggerLevel(slog.LevelWarn) // not the runners' plans
	ptest.MainWithDefault(m, "direct")
}

// result is what a run gives: the output, the rejects and the counters.
type result struct {
	output   []byte
	rejects  []pipeline.Reject
	counters map[string]int64
}

// runCore converts files with the bulk engine, as `scholarld convert -j 2`
// does, and counts what the pipeline's metrics count.
func runCore(t *testing.T, files []string, format ld.Format) result {
	t.Helper()
	r := result{counters: map[string]int64{}}
	opts := bulk.Options{Converter: bulk.Converter{Profile: format.Profile, Encode: format.AppendGraph}, Workers: 2}
	err := bulk.Run(context.Background(), source.Open(files, nil, nil), opts, func(it *bulk.Item) error {
		r.counters[pipeline.CounterRead]++
		for _, w := range it.Warnings {
			r.counters[pipeline.CounterWarnings]++
			r.counters[pipeline.WarningCounter(it.Format, w.Path)]++
		}
		if it.Err != nil {
			r.counters[pipeline.CounterRejected]++
			r.rejects = append(r.rejects, pipeline.RejectOf(it))
			return nil
		}
		r.counters[pipeline.CounterWritten]++
		r.counters[pipeline.CounterTriples] += int64(len(it.Graph.Triples))
		r.output = append(r.output, it.Encoded...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sortRejects(r.rejects)
	return r
}

// runPipeline runs the pipeline with run (ptest's runner, or prism) and
// reads back the union of its parts' files.
func runPipeline(t *testing.T, opts pipeline.Options, run func(*beam.Pipeline) (beam.PipelineResult, error)) result {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, opts); err != nil {
		t.Fatal(err)
	}
	res, err := run(p)
	if err != nil {
		t.Fatal(err)
	}
	r := result{counters: map[string]int64{}}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == pipeline.Namespace {
			r.counters[c.Name()] += c.Result()
		}
	}
	format, _ := ld.FormatByName(opts.Format)
	r.output = readParts(t, opts.Output, format.Extensions[0])
	for line := range strings.Lines(string(readParts(t, opts.Output+"-rejects", ".jsonl"))) {
		var rej pipeline.Reject
		if err := json.Unmarshal([]byte(line), &rej); err != nil {
			t.Fatalf("reject %q: %v", line, err)
		}
		r.rejects = append(r.rejects, rej)
	}
	sortRejects(r.rejects)
	return r
}

// readParts concatenates the files of the parts written with a prefix,
// and fails on any other file beside them: a temporary file left behind,
// or a file of no part.
func readParts(t *testing.T, prefix, ext string) []byte {
	t.Helper()
	names, err := filepath.Glob(prefix + "-*")
	if err != nil {
		t.Fatal(err)
	}
	partName := regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `-[0-9]{5}-[0-9]{5}` + regexp.QuoteMeta(ext) + `$`)
	var all []byte
	for _, name := range names {
		if strings.HasPrefix(name, prefix+"-rejects-") {
			continue // the rejects beside the output, read on their own
		}
		if !partName.MatchString(name) {
			t.Fatalf("%s is not a part of %s", name, prefix)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 {
			t.Errorf("%s is empty: a part that writes nothing must create no file", name)
		}
		all = append(all, data...)
	}
	return all
}

func sortRejects(r []pipeline.Reject) {
	slices.SortFunc(r, func(a, b pipeline.Reject) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Record, b.Record), cmp.Compare(a.Error, b.Error))
	})
}

// graphs returns the named graphs of an N-Quads document, each in its
// URDNA2015 canonical form after its name, sorted: two documents have the
// same graphs when they hold the same quads, whatever their blank node
// labels. A graph named by a blank node is named "_:" (its label is one
// of those that differ). It fails when a blank node is in two graphs:
// each record's blank nodes are its own, so comparing graph by graph
// would miss labels that collide across records.
func graphs(t *testing.T, nquads []byte) []string {
	t.Helper()
	byName := map[string]*strings.Builder{}
	graphOf := map[string]string{} // blank node label -> graph name
	for line := range strings.Lines(string(nquads)) {
		q, err := rdf.NewQuadDecoder(strings.NewReader(line), rdf.NQuads).Decode()
		if err != nil {
			t.Fatalf("reading N-Quads %q: %v", line, err)
		}
		name := q.Ctx.Serialize(rdf.NQuads)
		for _, term := range []rdf.Term{q.Subj, q.Obj, q.Ctx} {
			if term.Type() != rdf.TermBlank {
				continue
			}
			label := term.Serialize(rdf.NQuads)
			if g, ok := graphOf[label]; ok && g != name {
				t.Fatalf("blank node %s is in graphs %s and %s", label, g, name)
			}
			graphOf[label] = name
		}
		if byName[name] == nil {
			byName[name] = &strings.Builder{}
		}
		byName[name].WriteString(line)
	}
	var out []string
	for name, quads := range byName {
		if strings.HasPrefix(name, "_:") {
			name = "_:" // graphs named by blank nodes are told apart by their label, then compared without it
		}
		out = append(out, name+"\n"+rdftest.Canonical(t, quads.String()))
	}
	slices.Sort(out)
	return out
}

// compare checks that the pipeline gave what the bulk engine gives.
func compare(t *testing.T, got, want result, format string) {
	t.Helper()
	if format == "nquads" {
		g, w := graphs(t, got.output), graphs(t, want.output)
		if !slices.Equal(g, w) {
			t.Errorf("the pipeline's N-Quads differ from the bulk engine's: %d graphs, want %d%s", len(g), len(w), firstDiff(g, w))
		}
	} else {
		g, w := strings.Split(string(got.output), "\n"), strings.Split(string(want.output), "\n")
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			t.Errorf("the pipeline's lines differ from the bulk engine's: %d lines, want %d%s", len(g), len(w), firstDiff(g, w))
		}
	}
	if !slices.Equal(got.rejects, want.rejects) {
		t.Errorf("rejects:\n got %+v\nwant %+v", got.rejects, want.rejects)
	}
	for name, n := range want.counters {
		if got.counters[name] != n {
			t.Errorf("counter %s = %d, want %d", name, got.counters[name], n)
		}
	}
	for name, n := range got.counters {
		if _, ok := want.counters[name]; !ok {
			t.Errorf("counter %s = %d, want none", name, n)
		}
	}
	if r := got.counters[pipeline.CounterRead]; r != got.counters[pipeline.CounterWritten]+got.counters[pipeline.CounterRejected] {
		t.Errorf("read %d != written %d + rejected %d", r, got.counters[pipeline.CounterWritten], got.counters[pipeline.CounterRejected])
	}
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "\nfirst difference:\n got " + got[i] + "\nwant " + want[i]
		}
	}
	return ""
}

// testInputs writes the inputs of the tests to dir and returns their
// paths: the example records and real fixtures of every format, a JSON
// Lines file with bad and blank lines (plain, gzipped and in a tar
// archive), a generated corpus of n records with bad ones, and a file of
// no known format.
func testInputs(t *testing.T, dir string, n int) []string {
	t.Helper()
	root := repoRoot(t)
	var files []string
	for _, pattern := range []string{"testdata/records/*.json", "testdata/fixtures/*/*"} {
		matches, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	var lines bytes.Buffer
	for i, f := range files[:4] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		lines.Write(compact.Bytes())
		lines.WriteString([]string{"\n", "\r\n", "\n\n  \n", "\n"}[i])
	}
	lines.WriteString("{\"title\": broken\n  {\"title\":\"An unknown field\",\"colour\":\"red\"}\n{\"title\":\"x\",\"doi\":\"nope\"}")
	write := func(name string, data []byte) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	write("lines.jsonl", lines.Bytes())
	write("lines.jsonl.gz", gzipped(t, lines.Bytes()))
	write("lines.tgz", gzipped(t, tarred(t, map[string][]byte{"a/lines.jsonl": lines.Bytes(), "b/notes.txt": []byte("not metadata")})))
	write("notes.txt", []byte("not metadata at all"))
	var gen bytes.Buffer
	bases, err := corpus.LoadBases(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Write(&gen, bases, corpus.Options{Records: n, BadEvery: 37, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	write("corpus.jsonl", gen.Bytes())
	return files
}

func gzipped(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tarred(t *testing.T, members map[string][]byte) []byte {
	var b bytes.Buffer
	w := tar.NewWriter(&b)
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range members {
			if !yield(k) {
				return
			}
		}
	}) {
		w.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(members[name])), Typeflag: tar.TypeReg})
		w.Write(members[name])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDirectRunnerMatchesBulk runs the pipeline on the direct runner, with
// blocks small enough that the corpus spreads over many, and compares it
// with the bulk engine on the same files, in both line formats.
func TestDirectRunnerMatchesBulk(t *testing.T) {
	dir := t.TempDir()
	files := testInputs(t, dir, 1500)
	for _, format := range []string{"nquads", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			f, _ := ld.FormatByName(format)
			want := runCore(t, files, f)
			if want.counters[pipeline.CounterRejected] < 40 || want.counters[pipeline.CounterWritten] < 1400 {
				t.Fatalf("the inputs are not what the test needs: %v", want.counters)
			}
			opts := pipeline.Options{Inputs: files, Output: filepath.Join(dir, format, "out"), Format: format, PartSize: 16 << 10}
			t.Logf("bulk engine: %v", want.counters)
			got := runPipeline(t, opts, ptest.RunWithMetrics)
			compare(t, got, want, format)
		})
	}
}

// TestPrismRunner runs the same pipeline on prism, Beam's portable runner
// running locally (the job server in process, the SDK harness in loopback
// mode), so that the pipeline is known to survive a portable runner's
// encoding of every element and DoFn, as on Dataflow, Flink and Spark.
func TestPrismRunner(t *testing.T) {
	if testing.Short() {
		t.Skip("prism starts a job server: not in -short")
	}
	dir := t.TempDir()
	files := testInputs(t, dir, 400)
	f, _ := ld.FormatByName("nquads")
	want := runCore(t, files, f)
	opts := pipeline.Options{Inputs: files, Output: filepath.Join(dir, "out", "part"), Format: "nquads", PartSize: 8 << 10}
	got := runPipeline(t, opts, func(p *beam.Pipeline) (beam.PipelineResult, error) {
		return prism.Execute(context.Background(), p)
	})
	compare(t, got, want, "nquads")
}

// TestMissingInput: a pattern without wildcards that names nothing is a
// rejected input, and the other inputs are converted.
func TestMissingInput(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.jsonl")
	record := filepath.Join(repoRoot(t), "testdata", "records", "elife-2014-3-e01567.json")
	opts := pipeline.Options{Inputs: []string{missing, filepath.Join(dir, "*.none"), record}, Output: filepath.Join(dir, "out"), Format: "nquads"}
	got := runPipeline(t, opts, ptest.RunWithMetrics)
	want := []pipeline.Reject{{Source: missing, Error: missing + ": no such file or directory"}}
	if !slices.Equal(got.rejects, want) {
		t.Errorf("rejects %+v, want %+v", got.rejects, want)
	}
	if got.counters[pipeline.CounterRead] != 2 || got.counters[pipeline.CounterWritten] != 1 {
		t.Errorf("counters %v, want 2 read, 1 written", got.counters)
	}
}

func TestBadOptions(t *testing.T) {
	for _, opts := range []pipeline.Options{
		{Output: "out", Format: "nquads"},
		{Inputs: []string{"a"}, Format: "nquads"},
		{Inputs: []string{"a"}, Output: "out", Format: "turtle"},
		{Inputs: []string{"a"}, Output: "out", Format: "nquads", Profile: "none"},
		{Inputs: []string{"a"}, Output: "out", Format: "nquads", From: "none"},
	} {
		_, s := beam.NewPipelineWithRoot()
		if err := pipeline.Build(s, opts); err == nil {
			t.Errorf("Build(%+v) accepted", opts)
		}
	}
}

// repoRoot is the repository's root, above this module's: the tests read
// the core module's testdata rather than copies of it.
func repoRoot(t *testing.T) string {
	return filepath.Dir(testkit.Root(t))
}

// TestTooLongRecord: a record longer than reader.MaxChunkSize is one
// reject at its line, as in the bulk engine, and the records around it are
// converted, in a plain JSON Lines file (read by blocks) as in a gzipped
// one (read by its splitter).
func TestTooLongRecord(t *testing.T) {
	defer func(n int) { reader.MaxChunkSize = n }(reader.MaxChunkSize)
	reader.MaxChunkSize = 8 << 10
	dir := t.TempDir()
	var gen bytes.Buffer
	bases, err := corpus.LoadBases(repoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Write(&gen, bases, corpus.Options{Records: 30, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(gen.String(), "\n")
	long := `{"title":"` + strings.Repeat("x", 10<<10) + `"}` + "\n"
	data := []byte(strings.Join(lines[:10], "") + long + strings.Join(lines[10:], ""))
	plain, packed := filepath.Join(dir, "long.jsonl"), filepath.Join(dir, "long.jsonl.gz")
	for name, content := range map[string][]byte{plain: data, packed: gzipped(t, data)} {
		if err := os.WriteFile(name, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{plain, packed}
	f, _ := ld.FormatByName("nquads")
	want := runCore(t, files, f)
	if len(want.rejects) != 2 || want.rejects[0].Line != 11 {
		t.Fatalf("the bulk engine's rejects are not what the test needs: %+v", want.rejects)
	}
	opts := pipeline.Options{Inputs: files, Output: filepath.Join(dir, "out", "part"), Format: "nquads", PartSize: 4 << 10}
	compare(t, runPipeline(t, opts, ptest.RunWithMetrics), want, "nquads")
}
