package cli

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/scholarld/scholarld/internal/testkit"
)

// corpusFile writes a generated corpus and returns its path and the lines of
// its bad records.
func corpusFile(t *testing.T, n, badEvery int) (string, []int) {
	t.Helper()
	return testkit.Corpus(t, n, badEvery, 3)
}

func TestConvertIsTheSameForAnyParallelism(t *testing.T) {
	path, _ := corpusFile(t, 1500, 50)
	for _, format := range []string{"nquads", "jsonl", "turtle", "jsonld"} {
		_, one, _ := run(t, "", "convert", "-j", "1", "-t", format, path)
		_, four, _ := run(t, "", "convert", "-j", "4", "-t", format, path)
		if one != four || len(one) == 0 {
			t.Errorf("%s: -j 1 wrote %d bytes, -j 4 %d, not the same", format, len(one), len(four))
		}
	}
}

// TestEveryRecordIsAccountedFor converts a corpus with 1 % bad records:
// read = written + rejected, and --rejects locates each bad one.
func TestEveryRecordIsAccountedFor(t *testing.T) {
	path, bad := corpusFile(t, 2000, 100)
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	code, out, errOut := run(t, "", "convert", "-t", "nquads", "--rejects", rejects, path)
	if code != ExitData {
		t.Errorf("exit %d, want %d", code, ExitData)
	}
	summary := fmt.Sprintf("scholarld convert: 1 input, 2000 records read, %d written, %d rejected, ", 2000-len(bad), len(bad))
	if !strings.Contains(errOut, summary) {
		t.Errorf("stderr lacks %q:\n%s", summary, lastLines(errOut, 3))
	}
	if graphs := countGraphs(out); graphs != 2000-len(bad) {
		t.Errorf("the output holds %d graphs, want %d", graphs, 2000-len(bad))
	}
	f, err := os.Open(rejects)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []int
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r rejectLine
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Source != path || r.Record != r.Line || r.Error == "" || r.Raw == "" {
			t.Errorf("reject %+v: want the source, the record's number (its line), an error and the raw line", r)
		}
		if !strings.Contains(errOut, fmt.Sprintf("%s:%d:", path, r.Line)) {
			t.Errorf("no message on stderr for the reject at line %d", r.Line)
		}
		lines = append(lines, r.Line)
	}
	if !slices.Equal(lines, bad) {
		t.Errorf("rejected lines %v, want %v", lines, bad)
	}
}

func countGraphs(nquads string) int {
	graphs := map[string]bool{}
	for line := range strings.Lines(nquads) {
		fields := strings.Fields(line)
		graphs[fields[len(fields)-2]] = true
	}
	return len(graphs)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestTruncatedGzip keeps every record before the damage and names the
// file.
func TestTruncatedGzip(t *testing.T) {
	path, _ := corpusFile(t, 400, 0)
	data, _ := os.ReadFile(path)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	cut := filepath.Join(t.TempDir(), "cut.jsonl.gz")
	os.WriteFile(cut, z.Bytes()[:z.Len()/2], 0o644)
	code, out, errOut := run(t, "", "convert", "-t", "nquads", cut)
	if code != ExitData || !strings.Contains(errOut, cut+": gzip: the input ends early") {
		t.Errorf("exit %d, stderr %q", code, lastLines(errOut, 3))
	}
	graphs := countGraphs(out)
	if graphs < 100 || graphs >= 400 {
		t.Errorf("%d records written from the first half of the file", graphs)
	}
	if !strings.Contains(errOut, fmt.Sprintf(" %d records read, %d written, 0 rejected", graphs, graphs)) {
		t.Errorf("summary does not account for the %d records before the damage: %s", graphs, lastLines(errOut, 1))
	}
}

// TestArchiveOfMixedFormats converts a .tar.gz whose members are of three
// formats: each is detected on its own.
func TestArchiveOfMixedFormats(t *testing.T) {
	root := testkit.Root(t)
	members := map[string]string{
		"set/a.json":        "testdata/records/ijms-2014-15-14348.json",
		"set/b/article.xml": "testdata/fixtures/jats/elife_poa_e06828.xml",
		"set/c.bib":         "testdata/fixtures/bibtex/elife.01567.crossref.bib",
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	tw := tar.NewWriter(zw)
	for _, name := range slices.Sorted(mapsKeys(members)) {
		data, err := os.ReadFile(filepath.Join(root, members[name]))
		if err != nil {
			t.Fatal(err)
		}
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		tw.Write(data)
	}
	tw.Close()
	zw.Close()
	archive := filepath.Join(t.TempDir(), "set.tgz")
	os.WriteFile(archive, z.Bytes(), 0o644)
	code, out, errOut := run(t, "", "convert", "-v", "-t", "nquads", archive)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{archive + ":set/a.json: reading as record", archive + ":set/b/article.xml: reading as jats", archive + ":set/c.bib: reading as bibtex", "3 records read, 3 written"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if graphs := countGraphs(out); graphs != 3 {
		t.Errorf("%d graphs, want 3", graphs)
	}
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestSplitStaysInItsFolder writes one file per article for hostile DOIs
// and checks that every file is inside the folder, with a safe name.
func TestSplitStaysInItsFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "out")
	dois := []string{"10.5555/../../escape", "10.5555/a/b", "10.5555/%2F..%2Fx", "10.5555/" + strings.Repeat("x", 300), "10.5555/..", "10.5555/a\\b"}
	var stdin strings.Builder
	for i, doi := range dois {
		line, _ := json.Marshal(map[string]string{"title": fmt.Sprint("T", i), "doi": doi})
		stdin.Write(append(line, '\n'))
	}
	code, _, errOut := run(t, stdin.String(), "convert", "--split", dir, "-t", "jsonld")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var files []string
	filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
		if !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if len(files) != len(dois) {
		t.Errorf("%d files written, want %d: %v", len(files), len(dois), files)
	}
	for _, f := range files {
		name := filepath.Base(f)
		if filepath.Dir(f) != dir || len(name) > 200 || strings.HasPrefix(name, ".") || strings.ContainsAny(name, "/\\%") {
			t.Errorf("unsafe file %q", f)
		}
	}
}

func TestSplitCollisionNamesBothRecords(t *testing.T) {
	dir := t.TempDir()
	stdin := `{"title": "A", "doi": "10.5555/ABC"}
{"title": "B", "doi": "10.5555/abc"}
`
	code, _, errOut := run(t, stdin, "convert", "--split", dir)
	if code != ExitData || !strings.Contains(errOut, "<stdin>:2:1: record 2: --split: 10.5555_2fabc.jsonld would overwrite") || !strings.Contains(errOut, "<stdin> record 1") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSplitName(t *testing.T) {
	for key, want := range map[string]string{
		"10.3390/ijms150814348":  "10.3390_2fijms150814348",
		"10.5555/..":             "10.5555_2f..",
		".hidden":                "_2ehidden",
		"10.5555/A":              "10.5555_2f_41",
		"https://example.org/x?": "https_3a_2f_2fexample.org_2fx_3f",
		"10.5555/\x00\n":         "10.5555_2f_00_0a",
	} {
		if got := SplitName(key); got != want {
			t.Errorf("SplitName(%q) = %q, want %q", key, got, want)
		}
	}
	long := SplitName("10.5555/" + strings.Repeat("y", 300))
	if len(long) != maxNameLen || long == SplitName("10.5555/"+strings.Repeat("y", 299)) {
		t.Errorf("a long name is %d bytes and not told apart from a shorter one", len(long))
	}
}

// TestProgressOnlyOnATerminal runs convert with standard error on a
// pseudo-terminal, where progress is drawn, and on a buffer, where it is
// not unless --progress asks.
func TestProgressOnlyOnATerminal(t *testing.T) {
	path, _ := corpusFile(t, 3000, 0)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	drawn := make(chan string)
	go func() {
		data, _ := io.ReadAll(ptmx)
		drawn <- string(data)
	}()
	t.Chdir(testkit.Root(t))
	code := Main([]string{"convert", "-t", "nquads", "-o", filepath.Join(t.TempDir(), "out.nq"), path}, nil, io.Discard, tty)
	tty.Close()
	screen := <-drawn
	if code != ExitOK || !strings.Contains(screen, "records/s") || !strings.Contains(screen, "\r") {
		t.Errorf("exit %d; on a terminal, progress was not drawn:\n%q", code, lastLines(screen, 2))
	}

	_, _, plain := run(t, "", "convert", "-t", "nquads", path)
	if strings.Contains(plain, "\r") || strings.Count(plain, "\n") != 1 {
		t.Errorf("progress drawn on a non-terminal: %q", lastLines(plain, 2))
	}
	_, _, forced := run(t, "", "convert", "--progress", "-t", "nquads", path)
	if !strings.Contains(forced, "\r") {
		t.Errorf("--progress drew nothing")
	}
}

// TestOutputIsSafeWhateverIsThere checks -o on a device, a symlink, a
// FIFO and a missing folder.
func TestOutputIsSafeWhateverIsThere(t *testing.T) {
	dir := t.TempDir()

	if code, _, errOut := run(t, "", "convert", "-t", "nquads", "-o", os.DevNull, seed); code != ExitOK {
		t.Errorf("-o %s: exit %d: %s", os.DevNull, code, errOut)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v", os.DevNull, info.Mode())
	}

	target := filepath.Join(dir, "target.nt")
	link := filepath.Join(dir, "link.nt")
	os.WriteFile(target, []byte("old"), 0o600)
	os.Symlink("target.nt", link)
	if code, _, errOut := run(t, "", "convert", "-o", link, seed); code != ExitOK {
		t.Fatalf("-o symlink: exit %d: %s", code, errOut)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced")
	}
	if got, _ := os.ReadFile(target); string(got) != golden(t, "ijms-2014-15-14348.nt") {
		t.Errorf("the symlink's target does not hold the output")
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode became %v", info.Mode().Perm())
	}

	fifo := filepath.Join(dir, "fifo.nt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		f, _ := os.Open(fifo)
		data, _ := io.ReadAll(f)
		f.Close()
		got <- data
	}()
	if code, _, errOut := run(t, "", "convert", "-o", fifo, seed); code != ExitOK {
		t.Errorf("-o fifo: exit %d: %s", code, errOut)
	}
	if data := <-got; string(data) != golden(t, "ijms-2014-15-14348.nt") {
		t.Errorf("the FIFO's reader got %d bytes", len(data))
	}

	missing := filepath.Join(dir, "no", "such", "out.nt")
	if code, _, errOut := run(t, "", "convert", "-o", missing, seed); code != ExitIO || !strings.Contains(errOut, "the folder "+filepath.Dir(missing)+" does not exist") {
		t.Errorf("missing folder: exit %d, stderr %q", code, errOut)
	}
	assertOnly(t, dir, "fifo.nt", "link.nt", "target.nt")
}

// assertOnly checks that dir holds exactly the named entries: no
// temporary file is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// TestInterruptRemovesTheTemporaryFile stops a run that reads a stream
// that never ends, as SIGINT or SIGTERM would, and checks that neither
// the output nor its temporary file is left.
func TestInterruptRemovesTheTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	original := interruptContext
	interruptContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	t.Cleanup(func() { interruptContext = original })
	stdin, feed := io.Pipe()
	go func() {
		for i := 0; ; i++ {
			if _, err := fmt.Fprintf(feed, "{\"title\": \"T%d\", \"doi\": \"10.5555/%d\"}\n", i, i); err != nil {
				return
			}
			if i == 2000 {
				cancel()
			}
		}
	}()
	done := make(chan int)
	var stderr bytes.Buffer
	go func() {
		done <- Main([]string{"convert", "-t", "nquads", "-o", filepath.Join(dir, "out.nq")}, stdin, io.Discard, &stderr)
	}()
	select {
	case code := <-done:
		feed.Close()
		if code != ExitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("exit %d, stderr %q", code, lastLines(stderr.String(), 2))
		}
	case <-time.After(time.Minute):
		t.Fatal("convert did not stop when interrupted")
	}
	assertOnly(t, dir)
}

// TestFoldersPassOverWhatIsNotMetadata converts a folder holding records
// beside a README and an image: those are passed over, but the same
// README named on the command line is an input that cannot be read.
func TestFoldersPassOverWhatIsNotMetadata(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(filepath.Join(testkit.Root(t), seed))
	os.WriteFile(filepath.Join(dir, "seed.json"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# records\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "cover.png"), []byte("\x89PNG\r\n"), 0o644)
	code, _, errOut := run(t, "", "convert", "-t", "nquads", dir)
	if code != ExitOK || !strings.Contains(errOut, "scholarld convert: 1 input, 1 record read, 1 written") {
		t.Errorf("folder: exit %d, stderr %q", code, errOut)
	}
	readme := filepath.Join(dir, "README.md")
	code, _, errOut = run(t, "", "convert", "-t", "nquads", readme)
	if code != ExitData || !strings.Contains(errOut, readme+": cannot tell the input format: it is text that none of the readers recognises") {
		t.Errorf("named README: exit %d, stderr %q", code, errOut)
	}
}

// failingWriter fails every write, as a closed pipe or a full disk does.
type failingWriter struct{ writes int }

func (w *failingWriter) Write([]byte) (int, error) {
	w.writes++
	return 0, syscall.EPIPE
}

// TestAnOutputThatCannotBeWrittenStopsTheRun writes to an output that
// fails: the run stops at the first failure with one message and exit 3,
// rather than rejecting every later record for it.
func TestAnOutputThatCannotBeWrittenStopsTheRun(t *testing.T) {
	path, _ := corpusFile(t, 300, 0)
	for _, format := range []string{"nquads", "jsonld"} {
		var stderr bytes.Buffer
		out := &failingWriter{}
		code := Main([]string{"convert", "-j", "2", "-t", format, path}, nil, out, &stderr)
		if code != ExitIO {
			t.Errorf("%s: exit %d, want %d", format, code, ExitIO)
		}
		if n := strings.Count(stderr.String(), "broken pipe"); n != 1 {
			t.Errorf("%s: %d messages about the broken pipe, want 1:\n%s", format, n, lastLines(stderr.String(), 4))
		}
		if strings.Contains(stderr.String(), " 300 records read") {
			t.Errorf("%s: the run read every record after the output failed:\n%s", format, lastLines(stderr.String(), 2))
		}
	}
}

// TestOutputToAnOpenDescriptor writes to /dev/fd/N, as -o /dev/stdout
// does: to the descriptor, a pipe or a file, never to a temporary file
// renamed over it.
func TestOutputToAnOpenDescriptor(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() { data, _ := io.ReadAll(r); got <- data }()
	code, _, errOut := run(t, "", "convert", "-t", "ntriples", "-o", fmt.Sprintf("/dev/fd/%d", w.Fd()), seed)
	w.Close()
	if data := <-got; code != ExitOK || string(data) != golden(t, "ijms-2014-15-14348.nt") {
		t.Errorf("-o /dev/fd/N of a pipe: exit %d, %d bytes read from the pipe: %s", code, len(data), errOut)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "redirected.nt")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	code, _, errOut = run(t, "", "convert", "-t", "nquads", "-o", fmt.Sprintf("/dev/fd/%d", f.Fd()), seed)
	info, _ := f.Stat()
	if now, err := os.Stat(file); code != ExitOK || err != nil || !os.SameFile(info, now) || info.Size() == 0 {
		t.Errorf("-o /dev/fd/N of a file: exit %d, the file was replaced or not written: %s", code, errOut)
	}
	assertOnly(t, dir, "redirected.nt")
}

// TestAnInputThatCannotBeOpenedKeepsTheOutput names a missing input: its
// error names it once, and an earlier output is not replaced by an empty
// one.
func TestAnInputThatCannotBeOpenedKeepsTheOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.nq")
	os.WriteFile(out, []byte("earlier\n"), 0o644)
	missing := filepath.Join(dir, "missing.jsonl")
	code, _, errOut := run(t, "", "convert", "-o", out, missing)
	if code != ExitIO {
		t.Errorf("exit %d, want %d", code, ExitIO)
	}
	if want := missing + ": no such file or directory\n"; !strings.HasPrefix(errOut, want) {
		t.Errorf("stderr %q, want it to start with %q", errOut, want)
	}
	if data, _ := os.ReadFile(out); string(data) != "earlier\n" {
		t.Errorf("the earlier output became %q", data)
	}
	assertOnly(t, dir, "out.nq")
}

// TestABrokenFirstLineRejectsOnlyItself converts JSON Lines whose first
// line is cut short, a file and standard input: the other lines are read.
func TestABrokenFirstLineRejectsOnlyItself(t *testing.T) {
	path, _ := corpusFile(t, 50, 0)
	data, _ := os.ReadFile(path)
	for _, first := range []string{"{\"title\": \"Cut sho", "{\"title\": \"A\"} {\"title\": \"B\"}"} {
		input := first + "\n" + string(data)
		os.WriteFile(path, []byte(input), 0o644)
		for _, args := range [][]string{{path}, {"-f", "record", "-"}} {
			code, _, errOut := run(t, input, append([]string{"convert", "-t", "nquads"}, args...)...)
			if code != ExitData || !strings.Contains(errOut, " 51 records read, 50 written, 1 rejected, ") || !strings.Contains(errOut, ":1:") {
				t.Errorf("%q, %v: exit %d:\n%s", first, args, code, lastLines(errOut, 3))
			}
		}
	}
}

// TestSplitNeverFollowsALinkOutOfItsFolder plants, in the --split folder,
// a symlink under the name an article's file takes, pointing outside the
// folder: the link is not followed, and the article is rejected.
func TestSplitNeverFollowsALinkOutOfItsFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "site")
	os.Mkdir(dir, 0o755)
	outside := filepath.Join(base, "outside.txt")
	os.WriteFile(outside, []byte("keep me\n"), 0o644)
	os.Symlink(outside, filepath.Join(dir, SplitName("10.5555/planted")+".jsonld"))
	stdin := "{\"title\": \"A\", \"doi\": \"10.5555/planted\"}\n{\"title\": \"B\", \"doi\": \"10.5555/b\\u001b[2J\\u0000c\"}\n{\"title\": \"C\", \"doi\": \"10.5555/c\"}\n"
	code, _, errOut := run(t, stdin, "convert", "--split", dir)
	if data, _ := os.ReadFile(outside); string(data) != "keep me\n" {
		t.Errorf("the file outside the folder became %q", data)
	}
	if code != ExitData || !strings.Contains(errOut, "<stdin>:1:1: record 1: --split: ") || !strings.Contains(errOut, "1 written, 2 rejected") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.ContainsFunc(e.Name(), func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Errorf("a file name holds a control character: %q", e.Name())
		}
	}
}

// TestWarningsArePlaced prints the warnings of a BibTeX file with -v:
// each at its record's place, as errors are.
func TestWarningsArePlaced(t *testing.T) {
	path := "reader/bibtex/testdata/macros-broken.bib"
	_, _, errOut := run(t, "", "convert", "-v", "-t", "nquads", path)
	for _, want := range []string{
		path + ":20:1: record 3: warning: month: undefined macro \"smarch\" expands to nothing\n",
		path + ":29:1: record 4: warning: doi: dropped: DOI \"not a doi\": does not start with \"10.\"\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// TestMaxErrorsStopsTheRun stops after the N-th rejected record, for any
// -j: exit 1, the output left as it was, the N rejects written.
func TestMaxErrorsStopsTheRun(t *testing.T) {
	path, bad := corpusFile(t, 1000, 10)
	for _, workers := range []string{"1", "4"} {
		dir := t.TempDir()
		out, rejects := filepath.Join(dir, "out.nq"), filepath.Join(dir, "rejects.jsonl")
		os.WriteFile(out, []byte("earlier\n"), 0o644)
		code, _, errOut := run(t, "", "convert", "-j", workers, "--max-errors", "5", "--rejects", rejects, "-o", out, path)
		if code != ExitData || !strings.Contains(errOut, "stopped after 5 rejected records (--max-errors)") {
			t.Errorf("-j %s: exit %d:\n%s", workers, code, lastLines(errOut, 3))
		}
		if data, _ := os.ReadFile(out); string(data) != "earlier\n" {
			t.Errorf("-j %s: the output became %d bytes", workers, len(data))
		}
		data, _ := os.ReadFile(rejects)
		var lines []int
		for l := range strings.Lines(string(data)) {
			var r rejectLine
			json.Unmarshal([]byte(l), &r)
			lines = append(lines, r.Line)
		}
		if !slices.Equal(lines, bad[:5]) {
			t.Errorf("-j %s: rejects at lines %v, want %v", workers, lines, bad[:5])
		}
		if strings.Count(errOut, path+":") != 5 {
			t.Errorf("-j %s: %d error lines, want 5", workers, strings.Count(errOut, path+":"))
		}
		assertOnly(t, dir, "out.nq", "rejects.jsonl")
	}
}

// TestTruncatedArchiveNamesTheMemberOnce converts a .tgz cut in its second
// member: one message, naming the member and the damage once.
func TestTruncatedArchiveNamesTheMemberOnce(t *testing.T) {
	path, _ := corpusFile(t, 400, 0)
	data, _ := os.ReadFile(path)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	tw := tar.NewWriter(zw)
	for _, m := range []struct {
		name string
		data []byte
	}{{"a.jsonl", data[:bytes.IndexByte(data, '\n')+1]}, {"b.jsonl", data}} {
		tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.data)), Typeflag: tar.TypeReg})
		tw.Write(m.data)
	}
	tw.Close()
	zw.Close()
	cut := filepath.Join(t.TempDir(), "cut.tgz")
	os.WriteFile(cut, z.Bytes()[:z.Len()*2/3], 0o644)
	_, _, errOut := run(t, "", "convert", "-t", "nquads", cut)
	want := cut + ":b.jsonl: gzip: the input ends early (truncated file?)\n"
	if !strings.HasPrefix(errOut, want) || strings.Count(errOut, "ends early") != 1 || !strings.Contains(errOut, "1 input could not be read") {
		t.Errorf("stderr %q, want it to start with %q and name the damage once", errOut, want)
	}
}

// TestCompressedOutput writes -o NAME.gz and NAME.zst: the format comes
// from the name under the compression suffix, and the file decompresses
// to the same bytes as the plain output.
func TestCompressedOutput(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"out.nt.gz", "out.nt.zst"} {
		out := filepath.Join(dir, name)
		if code, _, errOut := run(t, "", "convert", "-o", out, seed); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var r io.Reader
		if strings.HasSuffix(name, ".gz") {
			if r, err = gzip.NewReader(f); err != nil {
				t.Fatal(err)
			}
		} else {
			zr, err := zstd.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			r = zr
		}
		if data, err := io.ReadAll(r); err != nil || string(data) != golden(t, "ijms-2014-15-14348.nt") {
			t.Errorf("%s: %d bytes decompressed (%v), not the N-Triples golden file", name, len(data), err)
		}
	}
}

// TestARepeatedWarningIsPrintedOnce prints a warning that one record
// gives twice once, with its count, under -v; without -v the summary
// counts it by kind.
func TestARepeatedWarningIsPrintedOnce(t *testing.T) {
	stdin := "@article{a,\n title={T},\n journal = foo # foo,\n year=2001}\n"
	_, _, errOut := run(t, stdin, "convert", "-v", "-f", "bibtex", "-t", "nquads")
	if want := "<stdin>:1:1: record 1: warning: journal: undefined macro \"foo\" expands to nothing (2 times)\n"; !strings.Contains(errOut, want) || strings.Count(errOut, "undefined macro") != 1 {
		t.Errorf("-v: stderr %q, want %q once", errOut, want)
	}
	_, _, errOut = run(t, stdin, "convert", "-f", "bibtex", "-t", "nquads")
	if want := "scholarld convert: 2 warnings (-v prints each); the most frequent:\n  2 × journal: undefined macro \"foo\" expands to nothing\n"; !strings.HasSuffix(errOut, want) {
		t.Errorf("summary: stderr %q, want it to end with %q", errOut, want)
	}
}
