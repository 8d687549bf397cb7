package validate

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/internal/corpus"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/source"
)

// dump writes n generated articles (internal/corpus, seed 1, no bad
// records) in a line output format of convert, as `scholarld convert -t
// format` writes them, and returns the bytes.
func dump(t testing.TB, n int, format string) []byte {
	t.Helper()
	bases, err := corpus.LoadBases(testkit.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	var records bytes.Buffer
	if _, err := corpus.Write(&records, bases, corpus.Options{Records: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	f, ok := ld.FormatByName(format)
	if !ok || f.AppendGraph == nil {
		t.Fatalf("no line format %q", format)
	}
	var out []byte
	opts := bulk.Options{From: "record", Converter: bulk.Converter{Profile: f.Profile, Encode: f.AppendGraph}}
	err = bulk.Run(context.Background(), source.Open([]string{"-"}, &records, nil), opts, func(it *bulk.Item) error {
		if it.Err != nil {
			return it.Err
		}
		out = append(out, it.Encoded...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// findings runs a validation of data named file and returns its findings,
// one JSON object a line, and the summary.
func findings(t testing.TB, data []byte, file string, opts Options) ([]string, *Summary) {
	t.Helper()
	c := &collector{}
	in := source.Input{Name: file, FormatName: file, Reader: bufioReader(data)}
	summaries, err := Run(context.Background(), func(yield func(source.Input, error) bool) { yield(in, nil) }, opts, c)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range c.reports[0].Findings {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out, summaries[0]
}

func bufioReader(data []byte) *bufio.Reader {
	return bufio.NewReaderSize(bytes.NewReader(data), sniffLen)
}

// withoutRule drops the findings of a rule.
func withoutRule(lines []string, rule string) []string {
	return slices.DeleteFunc(slices.Clone(lines), func(l string) bool { return strings.Contains(l, `"rule":"`+rule+`"`) })
}

// graphs cuts N-Quads as convert writes them into each graph's lines.
func graphs(data []byte) [][]byte {
	var out [][]byte
	var name string
	for line := range bytes.Lines(data) {
		fields := bytes.Fields(line)
		g := string(fields[len(fields)-2])
		if g != name || len(out) == 0 {
			out = append(out, nil)
			name = g
		}
		out[len(out)-1] = append(out[len(out)-1], line...)
	}
	return out
}

// plant adds lines to the graph of article n (from 1) of an N-Quads or
// N-Triples dump of generated articles, after the graph's first line.
// Each line is a format with %[1]s for the article's IRI and %[2]s for
// its graph name (empty in N-Triples). It returns the new dump and the
// line numbers the planted lines got.
func plant(data []byte, n int, quads bool, lines ...string) ([]byte, []int) {
	iri := fmt.Sprintf("<https://doi.org/10.5555/scholarld.gen.%d>", n)
	first := []byte(iri + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle>")
	at := bytes.Index(data, first)
	end := at + bytes.IndexByte(data[at:], '\n') + 1
	lineNo := bytes.Count(data[:end], []byte("\n"))
	graph := ""
	if quads {
		graph = iri + " "
	}
	var add []byte
	var numbers []int
	for i, l := range lines {
		add = append(add, fmt.Sprintf(l, iri, graph)...)
		add = append(add, '\n')
		numbers = append(numbers, lineNo+i+1)
	}
	return slices.Concat(data[:end], add, data[end:]), numbers
}

// TestStreamMatchesWhole: each article's graph given alone, whole, gets
// the same findings, byte for byte, as in a stream of many, with any
// number of workers; N-Triples, cut by the article cutter, gets the same
// as N-Quads, cut by graph names.
func TestStreamMatchesWhole(t *testing.T) {
	nq := dump(t, 300, "nquads")
	nq, _ = plant(nq, 7, true, `%[1]s <http://purl.org/dc/elements/1.1/title> "x" %[2]s.`, `%[1]s <http://schema.org/author> "Jane Doe" %[2]s.`)
	nq, _ = plant(nq, 150, true, `%[1]s <http://schema.org/issn> "1234-5678" %[2]s.`)
	opts := Options{Profiles: Profiles}

	var whole []string
	for _, g := range graphs(nq) {
		found, _ := findings(t, g, "a.nq", Options{Profiles: Profiles, Workers: 1})
		whole = append(whole, found...)
	}
	if len(withoutRule(whole, "license-cc")) < 4 {
		t.Fatalf("too few findings to compare: %q", whole)
	}
	for _, workers := range []int{1, 2, 5} {
		opts.Workers = workers
		stream, s := findings(t, nq, "a.nq", opts)
		if !slices.Equal(stream, whole) {
			t.Errorf("-j %d: the stream's %d findings differ from the %d of the graphs given whole\n%s", workers, len(stream), len(whole), firstDifference(stream, whole))
		}
		if s.Format != NQuads || s.Unreadable {
			t.Errorf("summary %+v", s)
		}
	}

	// The same dump as N-Triples.
	opts.Workers = 2
	stream, s := findings(t, withoutGraphs(nq), "a.nt", opts)
	if !slices.Equal(stream, whole) {
		t.Errorf("N-Triples: %d findings differ from the %d of N-Quads\n%s", len(stream), len(whole), firstDifference(stream, whole))
	}
	if s.Format != NTriples {
		t.Errorf("N-Triples read as %s", s.Format)
	}
}

// withoutGraphs makes N-Triples of N-Quads as convert writes them: the
// same lines without their graph names.
func withoutGraphs(nq []byte) []byte {
	nt := make([]byte, 0, len(nq))
	for line := range bytes.Lines(nq) {
		fields := bytes.Fields(line)
		g := fields[len(fields)-2]
		nt = append(nt, line[:len(line)-len(g)-3]...)
		nt = append(nt, " .\n"...)
	}
	return nt
}

func firstDifference(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("at %d:\n  %s\n  %s", i, a[i], b[i])
		}
	}
	return fmt.Sprintf("one ends at %d", min(len(a), len(b)))
}

// writeDump streams n generated articles in a line format of convert to
// a file, as `scholarld convert -t format` writes them.
func writeDump(t testing.TB, n int, format, path string) {
	t.Helper()
	bases, err := corpus.LoadBases(testkit.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	records, w := io.Pipe()
	go func() {
		bw := bufio.NewWriter(w)
		_, err := corpus.Write(bw, bases, corpus.Options{Records: n, Seed: 1})
		if err == nil {
			err = bw.Flush()
		}
		w.CloseWithError(err)
	}()
	f, ok := ld.FormatByName(format)
	if !ok || f.AppendGraph == nil {
		t.Fatalf("no line format %q", format)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(out)
	opts := bulk.Options{From: "record", Converter: bulk.Converter{Profile: f.Profile, Encode: f.AppendGraph}}
	err = bulk.Run(context.Background(), source.Open([]string{"-"}, records, nil), opts, func(it *bulk.Item) error {
		if it.Err != nil {
			return it.Err
		}
		_, err := bw.Write(it.Encoded)
		return err
	})
	if err == nil {
		err = bw.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// articleType matches the first line of a generated article, which types
// its root: the article's number is the submatch. The generated works are
// of several types (ScholarlyArticle, Report, Chapter).
var articleType = regexp.MustCompile(`^<https://doi\.org/10\.5555/scholarld\.gen\.(\d+)> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> `)

// ccLicence matches the schema:license of a Creative Commons licence,
// which is one license-cc finding (its dcterms:license twin is not).
var ccLicence = regexp.MustCompile(`^\S+ <http://schema\.org/license> <https?://creativecommons\.org/`)

// plantFile copies an N-Quads dump of generated articles from src to
// dst, as N-Quads or as N-Triples, adding lines after the first line of
// the articles that plants names (from 1), as plant does. It returns the
// line numbers the planted lines got, by article, and how many Creative Commons licences it copied.
func plantFile(t testing.TB, src, dst string, quads bool, plants map[int][]string) (numbers map[int][]int, licences int) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	r, w := bufio.NewReaderSize(in, 1<<20), bufio.NewWriterSize(out, 1<<20)
	numbers = map[int][]int{}
	typed := map[int]bool{}
	written := 0
	for {
		line, err := r.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			break
		}
		if !quads {
			line = withoutGraphs(line)
		}
		w.Write(line)
		written++
		if ccLicence.Match(line) {
			licences++
		}
		m := articleType.FindSubmatch(line)
		if m == nil {
			continue
		}
		article, _ := strconv.Atoi(string(m[1]))
		if typed[article] {
			continue // a second type of the same article
		}
		typed[article] = true
		for _, l := range plants[article] {
			iri, graph := fmt.Sprintf("<https://doi.org/10.5555/scholarld.gen.%d>", article), ""
			if quads {
				graph = iri + " "
			}
			fmt.Fprintf(w, l+"\n", iri, graph)
			written++
			numbers[article] = append(numbers[article], written)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return numbers, licences
}

// TestPlantedErrors: a dump of generated articles with a few errors
// planted reports exactly those, each where it was planted. It runs on
// 10,000 articles, on 100,000 when SCHOLARLD_VALIDATE_100K=1 (some
// minutes), on 1,000 with -short. The dump streams through files, so
// that the test's memory stays flat too.
func TestPlantedErrors(t *testing.T) {
	n := 10000
	if os.Getenv("SCHOLARLD_VALIDATE_100K") == "1" {
		n = 100000
	}
	if testing.Short() {
		n = 1000
	}
	dir := t.TempDir()
	generated := filepath.Join(dir, "generated.nq")
	writeDump(t, n, "nquads", generated)
	a, b, c := n/7, n/2, n-1
	for _, quads := range []bool{true, false} {
		format, ext := "ntriples", "nt"
		if quads {
			format, ext = "nquads", "nq"
		}
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(dir, "dump."+ext)
			planted, licences := plantFile(t, generated, path, quads, map[int][]string{
				a: {`%[1]s <http://schema.org/issn> "1234-5678" %[2]s.`},
				b: {`%[1]s <http://schema.org/name> "unterminated %[2]s.`},
				c: {`%[1]s <http://purl.org/dc/elements/1.1/title> "x" %[2]s.`},
			})
			c2 := &collector{}
			summaries, err := Run(context.Background(), source.Open([]string{path}, nil, nil), Options{}, c2)
			if err != nil {
				t.Fatal(err)
			}
			iri := func(i int) string { return fmt.Sprintf("<https://doi.org/10.5555/scholarld.gen.%d>", i) }
			want := []string{
				fmt.Sprintf("error issn %s http://schema.org/issn 0", iri(a)),
				fmt.Sprintf("warning domain %s http://schema.org/issn 0", iri(a)),
				fmt.Sprintf("error unreadable %d", planted[b][0]),
				fmt.Sprintf("warning dc-elements %s http://purl.org/dc/elements/1.1/title 0", iri(c)),
			}
			var got []string
			for _, f := range c2.reports[0].Findings {
				if f.Rule != "license-cc" {
					got = append(got, strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %s %d", f.Severity, f.Rule, f.Node, f.Property, f.Line)), " "))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("findings besides license-cc:\n got %q\nwant %q", got, want)
			}
			s := summaries[0]
			if s.Rules["license-cc"] != licences || s.Count(Error) != 2 || s.Count(Warning) != 2 || !s.Unreadable {
				t.Errorf("summary %+v", s)
			}
		})
	}
}

// TestMaxFindings: a run stopped at the finding limit writes that many
// findings and complete JSON and SARIF documents that say it stopped.
func TestMaxFindings(t *testing.T) {
	data := dump(t, 50, "nquads")
	for _, format := range []string{"json", "sarif", "text"} {
		var out bytes.Buffer
		w := map[string]Writer{"json": NewJSONWriter(&out), "sarif": NewSARIFWriter(&out), "text": NewTextWriter(&out)}[format]
		in := source.Input{Name: "a.nq", FormatName: "a.nq", Reader: bufioReader(data)}
		summaries, err := Run(context.Background(), func(yield func(source.Input, error) bool) { yield(in, nil) }, Options{MaxFindings: 3, Workers: 2}, w)
		if err != nil {
			t.Fatal(err)
		}
		if len(summaries) != 1 || !summaries[0].Stopped || summaries[0].Rules["license-cc"] != 3 {
			t.Fatalf("%s: summaries %+v", format, summaries[0])
		}
		switch format {
		case "json":
			var doc JSONOutput
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatalf("JSON: %v\n%s", err, out.String())
			}
			if !doc.Stopped || len(doc.Files) != 1 || len(doc.Files[0].Findings) != 3 || !doc.Files[0].Stopped || doc.Files[0].Counts["info"] != 3 {
				t.Errorf("JSON document %+v", doc)
			}
		case "sarif":
			var log struct {
				Runs []struct {
					Results    []json.RawMessage
					Properties struct {
						Stopped bool
						Rules   map[string]int
					}
				}
			}
			if err := json.Unmarshal(out.Bytes(), &log); err != nil {
				t.Fatalf("SARIF: %v\n%s", err, out.String())
			}
			if len(log.Runs) != 1 || len(log.Runs[0].Results) != 3 || !log.Runs[0].Properties.Stopped || log.Runs[0].Properties.Rules["license-cc"] != 3 {
				t.Errorf("SARIF log %+v", log)
			}
		case "text":
			if got := strings.Count(out.String(), "[license-cc]"); got != 3 || !strings.Contains(out.String(), "stopped at the finding limit") {
				t.Errorf("text report:\n%s", out.String())
			}
		}
	}
}

// TestJSONLines: JSON Lines of JSON-LD is checked line by line; findings
// name the line's document as the record, a broken line is reported
// where it breaks and the lines after it are checked.
func TestJSONLines(t *testing.T) {
	data := dump(t, 40, "jsonl")
	lines := bytes.SplitAfter(data, []byte("\n"))
	lines[9] = []byte(`{"@context": "https://schema.org", "@type": "ScholarlyArticle", "name": }` + "\n")
	// The first ScholarlyArticle from line 21 on (the generated works are
	// of several types) becomes a Review.
	review := 20 + slices.IndexFunc(lines[20:], func(l []byte) bool { return bytes.Contains(l, []byte(`"@type":"ScholarlyArticle"`)) })
	lines[review] = bytes.Replace(lines[review], []byte(`"@type":"ScholarlyArticle"`), []byte(`"@type":"Review"`), 1)
	data = bytes.Join(lines, nil)
	got, s := findings(t, data, "a.jsonl", Options{Workers: 3})
	if s.Format != JSONLD || !s.Unreadable {
		t.Fatalf("summary %+v", s)
	}
	got = withoutRule(got, "license-cc")
	if len(got) < 2 || !strings.Contains(got[0], `"rule":"unreadable"`) || !strings.Contains(got[0], `"record":10,"line":10,"column":73`) ||
		!strings.Contains(got[len(got)-1], `"rule":"schema-review"`) {
		t.Errorf("findings besides license-cc: %q", got)
	}
	for _, f := range got[1:] {
		if !strings.Contains(f, fmt.Sprintf(`"record":%d,`, review+1)) {
			t.Errorf("a finding of another record than the Review: %s", f)
		}
	}
	// Each line given alone gets what it got in the stream.
	all, _ := findings(t, data, "a.jsonl", Options{Workers: 2})
	var alone []string
	for i, line := range lines {
		found, _ := findings(t, line, "a.jsonl", Options{Format: JSONLD})
		for _, f := range found {
			var finding Finding
			if err := json.Unmarshal([]byte(f), &finding); err != nil {
				t.Fatal(err)
			}
			finding.Record = i + 1
			if finding.Line > 0 {
				finding.Line += i
			}
			b, err := json.Marshal(finding)
			if err != nil {
				t.Fatal(err)
			}
			alone = append(alone, string(b))
		}
	}
	if !slices.Equal(all, alone) {
		t.Errorf("the lines alone differ from the stream\n%s", firstDifference(all, alone))
	}
}

// TestRecordStream: records stream through the reader's splitter and
// decoder; a bad record is reported by its number in the input, and the
// others are checked.
func TestRecordStream(t *testing.T) {
	bases, err := corpus.LoadBases(testkit.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	var records bytes.Buffer
	bad, err := corpus.Write(&records, bases, corpus.Options{Records: 200, BadEvery: 37, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := findings(t, records.Bytes(), "r.jsonl", Options{Workers: 3})
	byRule := map[string][]int{}
	for _, line := range withoutRule(got, "license-cc") {
		var f Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		byRule[f.Rule] = append(byRule[f.Rule], f.Record)
	}
	want := map[string][]int{"unreadable": bad[corpus.BadSyntax], "record-field": bad[corpus.BadField], "doi": bad[corpus.BadDOI]}
	for rule, records := range want {
		if !slices.Equal(byRule[rule], records) {
			t.Errorf("%s: records %v, want %v", rule, byRule[rule], records)
		}
	}
	if len(byRule) != len(want) {
		t.Errorf("rules %v, want those of %v", byRule, want)
	}
}

// TestTurtleStream: Turtle is checked article by article as it is read:
// each article's Turtle given alone gets the findings, byte for byte,
// that it gets among others in one document, with the directives at the
// top and a statement broken in the middle.
func TestTurtleStream(t *testing.T) {
	bases, err := corpus.LoadBases(testkit.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	var records bytes.Buffer
	if _, err := corpus.Write(&records, bases, corpus.Options{Records: 60, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	var graphs []*ld.Graph
	opts := bulk.Options{From: "record", Converter: bulk.Converter{Profile: ld.FullProfile}}
	err = bulk.Run(context.Background(), source.Open([]string{"-"}, &records, nil), opts, func(it *bulk.Item) error {
		graphs = append(graphs, it.Graph)
		return it.Err
	})
	if err != nil {
		t.Fatal(err)
	}
	format, _ := ld.FormatByName("turtle")
	encode := func(gs ...*ld.Graph) []byte {
		var out bytes.Buffer
		enc := format.NewEncoder(&out)
		for _, g := range gs {
			if err := enc.Encode(g); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	var alone []string
	for _, g := range graphs {
		found, s := findings(t, encode(g), "a.ttl", Options{Profiles: Profiles})
		if s.Unreadable {
			t.Fatalf("one article's Turtle is unreadable: %q", found)
		}
		alone = append(alone, found...)
	}
	whole := encode(graphs...)
	for _, workers := range []int{1, 3} {
		stream, s := findings(t, whole, "a.ttl", Options{Profiles: Profiles, Workers: workers})
		if s.Format != Turtle || !slices.Equal(stream, alone) {
			t.Errorf("-j %d: %s: %d findings differ from the %d of the articles alone\n%s", workers, s.Format, len(stream), len(alone), firstDifference(stream, alone))
		}
	}

	// A statement broken in the middle is reported at its line; the
	// statements around it are checked.
	lines := bytes.SplitAfter(whole, []byte("\n"))
	broken := slices.IndexFunc(lines, func(l []byte) bool { return bytes.Contains(l, []byte("schema:headline")) })
	lines[broken] = []byte("    schema:headline \"unclosed ;\n")
	stream, s := findings(t, bytes.Join(lines, nil), "a.ttl", Options{Workers: 2})
	if !s.Unreadable || !strings.Contains(stream[0], `"rule":"unreadable"`) || !strings.Contains(stream[0], fmt.Sprintf(`"line":%d,`, broken+1)) {
		t.Errorf("the broken statement at line %d: %q", broken+1, stream[:min(2, len(stream))])
	}
	// Every article's licence but the broken one's, at most, is found.
	if licences := len(alone) - len(withoutRule(alone, "license-cc")); licences == 0 || s.Rules["license-cc"] < licences-1 {
		t.Errorf("the articles after the broken one were not checked: %+v", s)
	}
}
