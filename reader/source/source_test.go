package source_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/scholarld/scholarld/reader/source"
)

// opened is what the test sees of one input.
type opened struct {
	name, formatName, content, err string
}

func openAll(t *testing.T, paths []string, stdin io.Reader) []opened {
	t.Helper()
	var out []opened
	for in, err := range source.Open(paths, stdin, nil) {
		o := opened{name: in.Name, formatName: in.FormatName}
		if err != nil {
			o.err = err.Error()
		} else {
			data, err := io.ReadAll(in.Reader)
			o.content = string(data)
			if err != nil {
				o.err = err.Error()
			}
		}
		out = append(out, o)
	}
	return out
}

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gzipped(data string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(data))
	w.Close()
	return b.Bytes()
}

func zstded(data string) []byte {
	var b bytes.Buffer
	w, _ := zstd.NewWriter(&b)
	w.Write([]byte(data))
	w.Close()
	return b.Bytes()
}

func tarred(members ...string) []byte {
	var b bytes.Buffer
	w := tar.NewWriter(&b)
	for i := 0; i < len(members); i += 2 {
		w.WriteHeader(&tar.Header{Name: members[i], Mode: 0o644, Size: int64(len(members[i+1])), Typeflag: tar.TypeReg})
		w.Write([]byte(members[i+1]))
	}
	w.Close()
	return b.Bytes()
}

func TestFoldersAreWalkedInOrderWithoutHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.json"), []byte("b"))
	write(t, filepath.Join(dir, "a", "z.xml"), []byte("z"))
	write(t, filepath.Join(dir, ".hidden"), []byte("h"))
	write(t, filepath.Join(dir, ".git", "config"), []byte("g"))
	write(t, filepath.Join(dir, "a", "y.bib"), []byte("y"))
	got := openAll(t, []string{dir}, nil)
	want := []string{filepath.Join(dir, "a", "y.bib"), filepath.Join(dir, "a", "z.xml"), filepath.Join(dir, "b.json")}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].name != want[i] || got[i].err != "" {
			t.Errorf("input %d = %+v, want %s", i, got[i], want[i])
		}
	}
}

func TestCompressionIsFoundByMagicBytes(t *testing.T) {
	dir := t.TempDir()
	bz2, err := filepath.Abs(filepath.Join("testdata", "records.jsonl.bz2"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, formatName, content string
	}{
		{write(t, filepath.Join(dir, "a.jsonl.gz"), gzipped("gz\n")), filepath.Join(dir, "a.jsonl"), "gz\n"},
		{write(t, filepath.Join(dir, "b.jsonl.zst"), zstded("zst\n")), filepath.Join(dir, "b.jsonl"), "zst\n"},
		{bz2, strings.TrimSuffix(bz2, ".bz2"), "{\"title\":\"From bzip2\",\"doi\":\"10.5555/bz2\"}\n"},
		// misnamed: gzip without .gz is still read as gzip
		{write(t, filepath.Join(dir, "c.jsonl"), gzipped("hidden gz\n")), filepath.Join(dir, "c.jsonl"), "hidden gz\n"},
		{write(t, filepath.Join(dir, "plain.xml"), []byte("<x/>")), filepath.Join(dir, "plain.xml"), "<x/>"},
	}
	for _, tt := range tests {
		got := openAll(t, []string{tt.path}, nil)
		if len(got) != 1 || got[0].err != "" || got[0].content != tt.content || got[0].formatName != tt.formatName || got[0].name != tt.path {
			t.Errorf("%s: got %+v, want content %q named for detection %q", tt.path, got, tt.content, tt.formatName)
		}
	}
}

func TestArchiveMembersAreInputs(t *testing.T) {
	dir := t.TempDir()
	tgz := write(t, filepath.Join(dir, "pmc.tgz"), gzipped(string(tarred(
		"PMC1/a.nxml", "<article/>",
		"PMC1/.DS_Store", "junk",
		"PMC2/refs.bib.gz", string(gzipped("@article{x}")),
	))))
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for _, name := range []string{"z/2.json", "z/1.ris"} {
		w, _ := zw.Create(name)
		w.Write([]byte(name))
	}
	zw.Close()
	zipPath := write(t, filepath.Join(dir, "set.zip"), zb.Bytes())

	got := openAll(t, []string{tgz, zipPath}, nil)
	want := []opened{
		{name: tgz + ":PMC1/a.nxml", formatName: "PMC1/a.nxml", content: "<article/>"},
		{name: tgz + ":PMC2/refs.bib.gz", formatName: "PMC2/refs.bib", content: "@article{x}"},
		{name: zipPath + ":z/1.ris", formatName: "z/1.ris", content: "z/1.ris"},
		{name: zipPath + ":z/2.json", formatName: "z/2.json", content: "z/2.json"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("input %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestStdinIsRead(t *testing.T) {
	got := openAll(t, []string{"-"}, bytes.NewReader(gzipped("from stdin")))
	if len(got) != 1 || got[0].name != "<stdin>" || got[0].content != "from stdin" {
		t.Errorf("got %+v", got)
	}
}

// TestDamageIsNamed checks that a truncated gzip file keeps what came
// before the damage and ends with an error naming the file, and that a
// missing file does not stop the next.
func TestDamageIsNamed(t *testing.T) {
	dir := t.TempDir()
	whole := gzipped(strings.Repeat("line\n", 10000))
	cut := write(t, filepath.Join(dir, "cut.jsonl.gz"), whole[:len(whole)/2])
	next := write(t, filepath.Join(dir, "next.txt"), []byte("next"))
	got := openAll(t, []string{cut, filepath.Join(dir, "missing.json"), next}, nil)
	if len(got) != 3 {
		t.Fatalf("got %d inputs, want 3: %+v", len(got), got)
	}
	if !strings.HasPrefix(got[0].content, "line\nline\n") || !strings.Contains(got[0].err, "cut.jsonl.gz: gzip: the input ends early") {
		t.Errorf("truncated gzip: %d bytes, error %q", len(got[0].content), got[0].err)
	}
	if !strings.Contains(got[1].err, "no such file") {
		t.Errorf("missing file: error %q", got[1].err)
	}
	if got[2].content != "next" {
		t.Errorf("the input after the damage: %+v", got[2])
	}
	var readErr *source.ReadError
	for in, err := range source.Open([]string{cut}, nil, nil) {
		_, err = io.ReadAll(in.Reader)
		if !errors.As(err, &readErr) || readErr.Layer != "gzip" {
			t.Errorf("the error is %T %v, want a *source.ReadError of gzip", err, err)
		}
	}
}

func TestSizeCountsFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a"), []byte("12345"))
	write(t, filepath.Join(dir, "sub", "b"), []byte("123"))
	if total, known := source.Size([]string{dir}); total != 8 || !known {
		t.Errorf("Size = %d, %v; want 8, true", total, known)
	}
	if _, known := source.Size([]string{dir, "-"}); known {
		t.Errorf("standard input has a known size")
	}
}

func zipped(name string, data []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create(name)
	w.Write(data)
	zw.Close()
	return b.Bytes()
}

// TestZipStreams reads zip archives that are not files: on standard
// input, compressed, and as a member of a tar; each is spilled to a
// temporary file, not held in memory, and the file is gone afterwards.
func TestZipStreams(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	got := openAll(t, []string{"-"}, bytes.NewReader(gzipped(string(zipped("a.ris", []byte("TY  - JOUR\n"))))))
	if len(got) != 1 || got[0].name != "<stdin>:a.ris" || got[0].content != "TY  - JOUR\n" || got[0].err != "" {
		t.Errorf("a gzipped zip on standard input: %+v", got)
	}
	dir := t.TempDir()
	tarPath := write(t, filepath.Join(dir, "set.tar"), tarred("inner.zip", string(zipped("b.bib", []byte("@article{b}")))))
	got = openAll(t, []string{tarPath}, nil)
	if len(got) != 1 || got[0].name != tarPath+":inner.zip:b.bib" || got[0].content != "@article{b}" {
		t.Errorf("a zip in a tar: %+v", got)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestNestingIsBounded reads zips nested deeper than any real package:
// the nesting stops (a zip that holds itself would never end), and the
// innermost is an input of its own.
func TestNestingIsBounded(t *testing.T) {
	data := []byte("deep")
	for range 8 {
		data = zipped("z.zip", data)
	}
	path := write(t, filepath.Join(t.TempDir(), "deep.zip"), data)
	got := openAll(t, []string{path}, nil)
	if len(got) != 1 || strings.Count(got[0].name, ":") > 5 {
		t.Errorf("got %d inputs, the first %q", len(got), got[0].name)
	}
}

// TestDamageInAnArchiveIsReportedOnce cuts a .tgz in its second member:
// the first member is whole, the second ends with the damage, and the
// archive reports nothing more (the damage was the member's).
func TestDamageInAnArchiveIsReportedOnce(t *testing.T) {
	big := strings.Repeat("line of text that does not compress to nothing 0123456789\n", 4000)
	whole := gzipped(string(tarred("a.jsonl", "first\n", "b.jsonl", big, "c.jsonl", "third\n")))
	path := write(t, filepath.Join(t.TempDir(), "cut.tgz"), whole[:len(whole)*2/3])
	got := openAll(t, []string{path}, nil)
	if len(got) != 2 || got[0].content != "first\n" || got[0].err != "" || got[1].name != path+":b.jsonl" || !strings.Contains(got[1].err, "gzip: the input ends early") {
		t.Errorf("got %+v", got)
	}
}

// TestBytesAreCountedForEveryKindOfFile counts the bytes read from a
// plain file, a gzip file and a zip file, for progress: each is counted.
func TestBytesAreCountedForEveryKindOfFile(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{
		write(t, filepath.Join(dir, "a.jsonl"), []byte("plain\n")),
		write(t, filepath.Join(dir, "b.jsonl.gz"), gzipped("gzipped\n")),
		write(t, filepath.Join(dir, "c.zip"), zipped("c.jsonl", []byte("zipped\n"))),
	} {
		counted := 0
		for in, err := range source.Open([]string{path}, nil, func(n int) { counted += n }) {
			if err == nil {
				io.ReadAll(in.Reader)
			}
		}
		if info, _ := os.Stat(path); counted < int(info.Size())/2 {
			t.Errorf("%s: %d bytes counted of %d", filepath.Base(path), counted, info.Size())
		}
	}
}
