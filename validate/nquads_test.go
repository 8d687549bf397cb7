package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld/turtle"
)

func TestScanStatement(t *testing.T) {
	tests := []struct {
		line   string
		quads  bool
		ok     bool
		column int // of the syntax error; 0 for none
	}{
		{`<http://a> <http://b> <http://c> .`, false, true, 0},
		{`_:x <http://b> "v"@en-GB . # comment`, false, true, 0},
		{`_:x <http://b> "a \"q\" \u00e9"^^<http://www.w3.org/2001/XMLSchema#string> .`, false, true, 0},
		{`<http://a> <http://b> <http://c> <http://g> .`, true, true, 0},
		{`<http://a> <http://b> "x" _:g .`, true, true, 0},
		{`   `, false, false, 0},
		{`# only a comment`, false, false, 0},
		{`<http://a> <http://b> <http://c> <http://g> .`, false, false, 34},
		{`<http://a> _:b <http://c> .`, false, false, 12},
		{`<http://a> <http://b> "x .`, false, false, 27},
		{`<http://a b> <http://b> <http://c> .`, false, false, 10},
		{`<a> <http://b> <http://c> .`, false, false, 2},
		{`<http://a> <http://b> "x"@ .`, false, false, 27},
		{`<http://a> <http://b> "x\q" .`, false, false, 25},
		{`<http://a> <http://b> <http://c> . x`, false, false, 36},
		{`<http://a> <http://b> <http://c>`, false, false, 33},
		{"<http://a> <http://b> \"\xff\" .", false, false, 1},
		{`_:.x <http://b> <http://c> .`, false, false, 3},
	}
	for _, tt := range tests {
		_, ok, err := scanStatement([]byte(tt.line), tt.quads)
		column := 0
		if err != nil {
			column = err.column
		}
		if ok != tt.ok || column != tt.column {
			t.Errorf("scanStatement(%q, quads %t) = %t, error at %d (%v), want %t, %d", tt.line, tt.quads, ok, column, err, tt.ok, tt.column)
		}
	}
}

// readLines reads N-Triples or N-Quads with scanStatement and the term
// builder: the triples, the graph name of each, and the first error.
func readLines(data []byte, quads bool) ([]rdf.Triple, []string, error) {
	b := newTermBuilder()
	var triples []rdf.Triple
	var names []string
	for line := range bytes.Lines(data) {
		line = bytes.TrimSuffix(line, []byte("\n"))
		st, ok, serr := scanStatement(line, quads)
		if serr != nil {
			return nil, nil, serr
		}
		if !ok {
			continue
		}
		tr, err := b.triple(line, &st)
		if err != nil {
			return nil, nil, err
		}
		triples = append(triples, tr)
		names = append(names, string(termText(line, st.graph)))
	}
	return triples, names, nil
}

// canonical writes triples as N-Triples with blank nodes relabelled in
// order of first appearance, as the Turtle parser labels them.
func canonical(triples []rdf.Triple) []string {
	labels := map[string]string{}
	name := func(term rdf.Term) string {
		if term.Type() != rdf.TermBlank {
			return term.Serialize(rdf.NTriples)
		}
		id := term.String()
		if _, ok := labels[id]; !ok {
			labels[id] = "_:b" + strconv.Itoa(len(labels))
		}
		return labels[id]
	}
	out := make([]string, len(triples))
	for i, t := range triples {
		out[i] = name(t.Subj) + " " + name(t.Pred) + " " + name(t.Obj)
	}
	return out
}

// TestLinesAgreeWithTurtle: the line parser reads the N-Triples and
// N-Quads that convert writes as ld/turtle reads their N-Triples.
func TestLinesAgreeWithTurtle(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "golden", "*.nq"))
	if len(paths) == 0 {
		t.Fatal("no testdata/golden/*.nq")
	}
	for _, path := range paths {
		nq, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		nt := withoutGraphs(nq)
		want, err := turtle.Parse(nt, "")
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		fromQuads, names, err := readLines(nq, true)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		fromTriples, _, err := readLines(nt, false)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !slices.Equal(canonical(fromQuads), canonical(want)) || !slices.Equal(canonical(fromTriples), canonical(want)) {
			t.Errorf("%s: the line parser and ld/turtle disagree", path)
		}
		if len(names) == 0 || names[0] == "" || slices.ContainsFunc(names, func(n string) bool { return n != names[0] }) {
			t.Errorf("%s: graph names %q, want the article's in every line", path, names[:min(3, len(names))])
		}
	}
}

// FuzzScanStatement: the line parser never panics, and a line it reads
// as N-Triples ld/turtle reads as the same triple.
func FuzzScanStatement(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(testkit.Root(f), "testdata", "golden", "*.nt"))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			f.Add(bytes.TrimSuffix(line, []byte("\n")))
		}
	}
	f.Add([]byte(`_:x <http://b> "a \"q\" \u00e9\U0001F600"@en-GB .`))
	f.Add([]byte(`<http://a\u0020> <http://b> "x"^^<http://t> <http://g> .`))
	f.Fuzz(func(t *testing.T, line []byte) {
		if bytes.ContainsAny(line, "\n") {
			return
		}
		scanStatement(line, true)
		triples, _, err := readLines(line, false)
		if err != nil || len(triples) == 0 {
			return
		}
		want, err := turtle.Parse(line, "")
		if err != nil {
			t.Fatalf("%q: read as N-Triples, but ld/turtle says %v", line, err)
		}
		if got := canonical(triples); !slices.Equal(got, canonical(want)) {
			t.Fatalf("%q: read as %q, ld/turtle reads %q", line, got, canonical(want))
		}
	})
}
