package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
)

const seed = "testdata/records/ijms-2014-15-14348.json"

// run runs the CLI in-process from the module root.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(testkit.Root(t))
	var out, errOut bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// onlySummary reports whether stderr is just convert's summary line for a
// run that read and wrote the given numbers of records.
func onlySummary(stderr string, read, written int) bool {
	want := fmt.Sprintf(" read, %d written, 0 rejected, ", written)
	return strings.Count(stderr, "\n") == 1 && strings.HasPrefix(stderr, "scholarld convert: ") &&
		strings.Contains(stderr, fmt.Sprintf(" %d record", read)) && strings.Contains(stderr, want)
}

// withoutSummary is convert's standard error without its summary line.
func withoutSummary(stderr string) string {
	if i := strings.LastIndex(stderr, "scholarld convert: "); i >= 0 && strings.Contains(stderr[i:], " read, ") {
		return stderr[:i]
	}
	return stderr
}

func golden(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testkit.Root(t), "testdata", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestConvertWritesEachFormat(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
	}{
		{[]string{"convert", seed}, "ijms-2014-15-14348.jsonld"},
		{[]string{"convert", "-t", "turtle", seed}, "ijms-2014-15-14348.ttl"},
		{[]string{"convert", seed, "-t", "ntriples"}, "ijms-2014-15-14348.nt"},
		{[]string{"convert", "-t", "nquads", "-f", "record", seed}, "ijms-2014-15-14348.nq"},
		{[]string{"convert", "-t", "html", seed}, "ijms-2014-15-14348.html"},
		{[]string{"convert", "-t", "jsonld-expanded", seed}, "ijms-2014-15-14348.expanded.jsonld"},
		{[]string{"convert", "--vocab", "full", seed}, "ijms-2014-15-14348.full.jsonld"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := run(t, "", tt.args...)
			if code != ExitOK || !onlySummary(errOut, 1, 1) {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			if out != golden(t, tt.golden) {
				t.Errorf("output differs from testdata/golden/%s", tt.golden)
			}
		})
	}
}

func TestConvertReadsStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testkit.Root(t), seed))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"convert"}, {"convert", "-"}} {
		code, out, errOut := run(t, string(data), args...)
		if code != ExitOK || out != golden(t, "ijms-2014-15-14348.jsonld") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// TestConvertOutputFile checks that -o infers the format from its
// extension and leaves no file behind when the record is bad.
func TestConvertOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "seed.ttl")
	if code, _, errOut := run(t, "", "convert", "-o", out, seed); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(out)
	if err != nil || string(got) != golden(t, "ijms-2014-15-14348.ttl") {
		t.Fatalf("-o wrote %d bytes (%v), not the Turtle golden file", len(got), err)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("-o made a file of mode %v (%v), want 0644", info.Mode().Perm(), err)
	}

	// An input without records replaces the old output with an empty one.
	empty := filepath.Join(dir, "empty.json")
	os.WriteFile(empty, []byte("[]"), 0o644)
	if code, _, errOut := run(t, "", "convert", "-f", "record", "-o", out, empty); code != ExitOK {
		t.Fatalf("empty input: exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(out); len(got) != 0 {
		t.Errorf("empty input left %d bytes of the old output", len(got))
	}
	os.Remove(empty)
	if code, stdout, _ := run(t, "", "convert", "-o", "-", seed); code != ExitOK || stdout != golden(t, "ijms-2014-15-14348.jsonld") {
		t.Errorf("-o - did not write JSON-LD to standard output (exit %d)", code)
	}

	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\"title\": \"T\",\n  \"doi\": \"10.5555/1\", \"dates\": {\"published\": \"2014-13\"}}"), 0o644)
	badOut := filepath.Join(dir, "bad.nt")
	code, _, errOut := run(t, "", "convert", "-o", badOut, bad)
	if code != ExitData || !strings.Contains(errOut, bad+":2:46: record 1: dates.published: month 13 of 2014 does not exist") {
		t.Errorf("exit %d, stderr %q; want 1 and a positioned error", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "seed.ttl" && e.Name() != "bad.json" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestConvertErrors checks messages and exit codes.
func TestConvertErrors(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"unknown field", `{"title": "T", "doi": "10.5555/1", "autors": []}`, []string{"convert"}, ExitData, `<stdin>:1:36: record 1: autors: unknown field "autors" (did you mean "authors"?)`},
		{"syntax error", "{\"title\": \"T\",\n\"doi\" \"x\"}", []string{"convert", "-f", "record"}, ExitData, "<stdin>:2:7: record 1: syntax error: "},
		{"one bad record of two", `[{"title": "A", "doi": "10.5555/1"}, {"title": "B", "doi": "10.5555/2", "language": "english"}]`, []string{"convert", "-t", "ntriples"}, ExitData, "language"},
		{"unknown output format", "", []string{"convert", "-t", "rdfxml", seed}, ExitUsage, `unknown output format "rdfxml"`},
		{"unknown input format", "", []string{"convert", "-f", "marc", seed}, ExitUsage, `unknown input format "marc"`},
		{"unknown profile", "", []string{"convert", "--vocab", "dc", seed}, ExitUsage, `unknown vocabulary profile "dc"`},
		{"unknown flag", "", []string{"convert", "-x", seed}, ExitUsage, "flag provided but not defined: -x"},
		{"missing file", "", []string{"convert", "no/such.json"}, ExitIO, "no such file"},
		{"unwritable output", "", []string{"convert", "-o", "no/such/dir/out.nt", seed}, ExitIO, "no/such/dir"},
		{"output format not inferable", "", []string{"convert", "-o", "out.xyz", seed}, ExitUsage, "cannot tell the output format"},
		{"unknown command", "", []string{"export"}, ExitUsage, `unknown command "export"`},
		{"no command", "", nil, ExitUsage, "Usage:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.stderr)
			}
		})
	}
}

// TestOneBadRecordKeepsTheOthers converts a stream whose second record is
// bad: the first and third are written.
func TestOneBadRecordKeepsTheOthers(t *testing.T) {
	stdin := `{"title": "A", "doi": "10.5555/1"}
{"title": "B", "doi": "10.5555/2", "language": "english"}
{"title": "C", "doi": "10.5555/3"}
`
	code, out, errOut := run(t, stdin, "convert", "-t", "ntriples")
	if code != ExitData || !strings.Contains(errOut, "<stdin>:2:") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, doi := range []string{"10.5555/1", "10.5555/3"} {
		if !strings.Contains(out, "<https://doi.org/"+doi+">") {
			t.Errorf("record %s missing from the output", doi)
		}
	}
	if strings.Contains(out, "10.5555/2") {
		t.Errorf("the bad record was written")
	}
}

func TestHelpAndFormats(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "scholarld convert [flags]"},
		{[]string{"--help"}, "scholarld formats"},
		{[]string{"convert", "--help"}, "-vocab profile"},
		{[]string{"help", "convert"}, "atomically"},
		{[]string{"help", "validate"}, "Usage: scholarld validate"},
		{[]string{"formats", "-h"}, "Usage: scholarld formats"},
		{[]string{"formats"}, "turtle           .ttl              text/turtle            full"},
	} {
		code, out, _ := run(t, "", tt.args...)
		if code != ExitOK || !strings.Contains(out, tt.want) {
			t.Errorf("%v: exit %d, output lacks %q:\n%s", tt.args, code, tt.want, out)
		}
	}
}

// TestConvertWarnsOfAMismatchedExtension: -t wins over -o's extension,
// but the user is told they disagree; when they agree nothing is said.
func TestConvertWarnsOfAMismatchedExtension(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonld")
	code, _, errOut := run(t, "", "convert", "-t", "turtle", "-o", out, seed)
	if code != ExitOK || withoutSummary(errOut) != "scholarld convert: warning: writing turtle to "+out+", whose extension says jsonld\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "@prefix") {
		t.Errorf("the output is not the Turtle: %v\n%.100s", err, data)
	}
	for _, args := range [][]string{{"-t", "turtle", "-o", filepath.Join(dir, "out.ttl")}, {"-t", "jsonld-expanded", "-o", filepath.Join(dir, "out.expanded.jsonld")}, {"-t", "turtle", "-o", filepath.Join(dir, "out.data")}} {
		if code, _, errOut := run(t, "", append(append([]string{"convert"}, args...), seed)...); code != ExitOK || withoutSummary(errOut) != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestHelpTopics(t *testing.T) {
	for _, tt := range []struct {
		topic string
		code  int
		want  string
	}{
		{"convert", ExitOK, "Usage: scholarld convert"},
		{"validate", ExitOK, "Usage: scholarld validate"},
		{"formats", ExitOK, "Usage: scholarld formats"},
		{"version", ExitOK, "Usage: scholarld version"},
		{"help", ExitOK, "Usage:\n  scholarld convert"},
		{"nope", ExitUsage, `scholarld help: no help on "nope"`},
	} {
		code, out, errOut := run(t, "", "help", tt.topic)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("help %s: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.topic, code, out, errOut, tt.code, tt.want)
		}
	}
}
