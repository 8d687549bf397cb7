// Package testkit holds what the project's tests share: the -update flag
// for golden files, the data adopted from ../shared (testdata/vocab and
// testdata/fixtures), and the rule for external programs.
//
// Every package with tests imports it, so that `go test ./... -update`
// defines the flag in every test binary. Its subpackages are test kits too:
// rdftest checks RDF outputs, readertest holds the readers' test helpers.
// Only test files import any of them.
package testkit

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/scholarld/scholarld/internal/corpus"
)

// Update rewrites golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files in testdata")

// Root returns the module root: the nearest directory above the working
// directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testkit: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns testdata/<elem...> under the module root: the vocabulary
// files (testdata/vocab) and real-record fixtures (testdata/fixtures)
// adopted from the read-only ../shared folder, kept as they were published,
// with their origin and licence in each folder's SOURCES.md. A missing path
// fails the test: tests never read ../shared itself, so a bare clone tests
// everything.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	path := filepath.Join(append([]string{Root(t), "testdata"}, elem...)...)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return path
}

// ToolsRequired reports whether SCHOLARLD_REQUIRE_TOOLS is set (to anything
// but "" or "0"), as CI sets it: then a missing external program fails the
// test instead of skipping it.
func ToolsRequired() bool {
	v := os.Getenv("SCHOLARLD_REQUIRE_TOOLS")
	return v != "" && v != "0"
}

// Tool returns the path of the external program a test needs. When the
// program is not installed the test skips, saying so and how to install
// it, or fails when ToolsRequired.
func Tool(t testing.TB, program, install string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err == nil {
		return path
	}
	if ToolsRequired() {
		t.Fatalf("%s is not installed and SCHOLARLD_REQUIRE_TOOLS is set (%s)", program, install)
	}
	t.Skipf("skipped: %s is not installed (%s)", program, install)
	return ""
}

// Golden compares got with the golden file at path (relative to the module
// root), or rewrites the file under -update. A mismatch reports the first
// differing line.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	full := filepath.Join(Root(t), path)
	if *Update {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(full)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gotLines := bytes.Split(got, []byte("\n"))
	wantLines := bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
		var g, w []byte
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if !bytes.Equal(g, w) {
			t.Fatalf("%s differs at line %d (go test ./... -update rewrites it):\n got: %s\nwant: %s", path, i+1, g, w)
		}
	}
}

// Corpus writes a generated corpus of n records (internal/corpus), every
// badEvery-th one bad (0: none), to a file in a temporary folder, and
// returns its path and the lines of its bad records in order.
func Corpus(t testing.TB, n, badEvery int, seed uint64) (path string, badLines []int) {
	t.Helper()
	bases, err := corpus.LoadBases(Root(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	bad, err := corpus.Write(&buf, bases, corpus.Options{Records: n, BadEvery: badEvery, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lines := range bad {
		badLines = append(badLines, lines...)
	}
	slices.Sort(badLines)
	return path, badLines
}
