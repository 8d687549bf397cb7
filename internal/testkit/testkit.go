// Package testkit holds what the project's tests share: the -update flag
// for golden files and the location of ../shared.
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
	"path/filepath"
	"testing"
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

// Shared returns ../shared/<elem...> beside the module root, and skips the
// test, saying so, when that path does not exist.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	path := filepath.Join(append([]string{Root(t), "..", "shared"}, elem...)...)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("skipped: %s is absent (the read-only shared folder beside the project)", path)
	}
	return path
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
