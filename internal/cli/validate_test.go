package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
)

// runValidate runs `scholarld validate` in-process from the module root.
func runValidate(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(testkit.Root(t))
	var out, errOut bytes.Buffer
	code = Main(append([]string{"validate"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestValidateExitCodes(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"title":"T","authors":[],"dates":{"published":"2014-02-30"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		contains string
	}{
		{"clean records", "", []string{"testdata/records/ijms-2014-15-14348.json", "testdata/records/plos-one-2014-9-e97541.json"}, 0,
			"ijms-2014-15-14348.json (record): 0 errors, 0 warnings, 1 info"},
		{"warnings only", "", []string{"--profile", "google", "testdata/records/ijms-2014-15-14348.json"}, 0, "[google-image]"},
		{"an error", "", []string{bad}, 1, "bad.json:1:48: record 1: dates.published: day 30 of 2014-02 does not exist [date-exists]"},
		{"an error on stdin, flags after", `{"title":"T"}`, []string{"-", "--format", "text"}, 1, "<stdin> (record): 2 errors"},
		{"Turtle from stdin", "@prefix schema: <http://schema.org/> . <http://ex.org/a> schema:headline \"T\" .", nil, 0, "<stdin> (turtle): 0 errors"},
		{"missing file", "", []string{"testdata/records/nonexistent.json", "testdata/records/ijms-2014-15-14348.json"}, 2, "[unreadable]"},
		{"syntax error", "{\"title\": ", []string{"-f", "record"}, 2, "<stdin>:1:11: record 1: json: unexpected end of input in the value that starts at 1:1 [unreadable]"},
		{"unknown format", "", []string{"--format", "xml"}, 2, ""},
		{"unknown profile", "", []string{"--profile", "bing"}, 2, ""},
		{"bad vocabulary file", "", []string{"--vocab-file", "testdata/records/ijms-2014-15-14348.json"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runValidate(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.contains) {
				t.Errorf("stdout lacks %q:\n%s", tt.contains, stdout)
			}
		})
	}
}

func TestValidateVocabFile(t *testing.T) {
	// Without --vocab-file the embedded schema.org 30.0 defines every
	// term of the fixture; a misspelt one is an error with a suggestion.
	fixture := testkit.Shared(t, "fixtures", "schemaorg", "datacite-blog.schema_org.json")
	code, stdout, _ := runValidate(t, "", fixture)
	if code != 0 || !strings.Contains(stdout, "0 errors, 0 warnings, 1 info") {
		t.Errorf("the embedded release: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runValidate(t, `{"@context": "https://schema.org", "@type": "ScholarlyArticle", "affiliations": "x"}`, "-f", "jsonld", "-")
	if code != 1 || !strings.Contains(stdout, "did you mean schema:affiliation?") {
		t.Errorf("a misspelt term: exit %d\n%s", code, stdout)
	}
	// A vocabulary file adds its terms.
	dir := t.TempDir()
	extra := filepath.Join(dir, "extra.nt")
	if err := os.WriteFile(extra, []byte("<http://example.org/v#color> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	input := "<http://example.org/a> <http://example.org/v#color> \"red\" .\n"
	if code, stdout, _ := runValidate(t, input, "-f", "ntriples", "-"); code != 1 || !strings.Contains(stdout, "undefined-term") {
		t.Errorf("without the file: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := runValidate(t, input, "-f", "ntriples", "--vocab-file", extra, "-"); code != 0 || strings.Contains(stdout, "undefined-term") {
		t.Errorf("with the file: exit %d\n%s", code, stdout)
	}
}

func TestValidateMachineFormats(t *testing.T) {
	code, stdout, _ := runValidate(t, "", "--format", "json", "--profile", "scholar", "testdata/records/orglett-2019-21-2918.json")
	var doc struct {
		Files []struct {
			File     string
			Findings []struct{ Severity, Rule string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, stdout)
	}
	if len(doc.Files) != 1 || len(doc.Files[0].Findings) != 1 || doc.Files[0].Findings[0].Rule != "scholar-pdf" {
		t.Errorf("JSON report %+v", doc)
	}

	code, stdout, _ = runValidate(t, "", "--format", "sarif", "testdata/records/ijms-2014-15-14348.json")
	var log struct {
		Version string
		Runs    []struct {
			Tool    struct{ Driver struct{ Name string } }
			Results []struct{ RuleID, Level string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, stdout)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "scholarld" ||
		len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].RuleID != "license-cc" || log.Runs[0].Results[0].Level != "note" {
		t.Errorf("SARIF log %+v", log)
	}
}

func TestValidateHelp(t *testing.T) {
	code, stdout, _ := runValidate(t, "", "-h")
	if code != 0 || !strings.Contains(stdout, "Usage: scholarld validate") || !strings.Contains(stdout, "-vocab-file") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

// TestValidateStreamFlags: N-Quads, compressed and in a folder, gives the
// same report with one worker as with four; --max-findings 1 (of two
// licences) stops with a whole JSON document; a bad -j is a usage error.
func TestValidateStreamFlags(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	articles := []string{"elife-2014-3-e01567", "plos-one-2014-9-e97541", "orglett-2019-21-2918"}
	for _, name := range articles {
		nq, err := os.ReadFile(filepath.Join(testkit.Root(t), "testdata", "golden", name+".nq"))
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(nq)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dump.nq.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code1, out1, _ := runValidate(t, "", "-j", "1", "--profile", "scholar", dir)
	code4, out4, _ := runValidate(t, "", "-j", "4", "--profile", "scholar", dir)
	if code1 != 0 || code1 != code4 || out1 != out4 {
		t.Errorf("-j 1 (exit %d) and -j 4 (exit %d) differ:\n%s\n%s", code1, code4, out1, out4)
	}
	if !strings.Contains(out1, "dump.nq.gz (nquads): 0 errors, 2 warnings, 3 info") || !strings.Contains(out1, "by rule: license-cc 2, scholar-issue 1, scholar-pdf 2") {
		t.Errorf("report:\n%s", out1)
	}

	code, stdout, _ := runValidate(t, "", "--format", "json", "--max-findings", "1", dir)
	var doc struct {
		Stopped bool
		Files   []struct{ Findings []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != 0 || !doc.Stopped || len(doc.Files) != 1 || len(doc.Files[0].Findings) != 1 {
		t.Errorf("--max-findings 1: exit %d, %v:\n%s", code, err, stdout)
	}
	if code, _, _ := runValidate(t, "", "-j", "-1", dir); code != 2 {
		t.Errorf("-j -1: exit %d, want 2", code)
	}
}

// TestValidateLinkedDataFormats: -f names the linked-data formats too, and
// N-Quads as convert writes them are read.
func TestValidateLinkedDataFormats(t *testing.T) {
	code, stdout, _ := runValidate(t, "", "-f", "nquads", "testdata/golden/ijms-2014-15-14348.nq")
	if code != 0 || !strings.Contains(stdout, "(nquads): 0 errors") {
		t.Errorf("-f nquads: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runValidate(t, "Some notes about an article.\n", "-")
	if code != 2 || !strings.Contains(stdout, "<stdin> is none of the formats validate reads") {
		t.Errorf("plain text: exit %d\n%s", code, stdout)
	}
}
