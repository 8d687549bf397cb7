package cli

import (
	"strings"
	"testing"
)

// TestConvertContextAndFrame: --context and --frame choose json-gold's
// encoders; the embedded schema.org context gives the default output.
func TestConvertContextAndFrame(t *testing.T) {
	_, want, _ := run(t, "", "convert", seed)
	for _, context := range []string{"https://schema.org", "http://schema.org/"} {
		code, out, errOut := run(t, "", "convert", "--context", context, seed)
		want := strings.Replace(want, `"@context": "https://schema.org"`, `"@context": "`+context+`"`, 1)
		if code != ExitOK || withoutSummary(errOut) != "" || out != want {
			t.Errorf("--context %s: exit %d, stderr %q, output equal to the default but for the context's URL: %v", context, code, errOut, out == want)
		}
	}
	code, out, errOut := run(t, "", "convert", "--context", "testdata/vocab/schemaorg-30.0-context.jsonld", seed)
	if code != ExitOK || withoutSummary(errOut) != "" || !strings.Contains(out, `"type": "ScholarlyArticle"`) {
		t.Errorf("--context with the official context: exit %d, stderr %q, no \"type\" alias in:\n%.300s", code, errOut, out)
	}
	code, out, errOut = run(t, "", "convert", "--frame", "ld/testdata/shape/periodical.frame.jsonld", seed)
	if code != ExitOK || withoutSummary(errOut) != "" || !strings.Contains(out, `"@type": "Periodical"`) || !strings.Contains(out, `"@reverse"`) {
		t.Errorf("--frame: exit %d, stderr %q, output:\n%.300s", code, errOut, out)
	}
}

func TestConvertContextAndFrameErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--context", "https://schema.org", "-t", "turtle"}, ExitUsage, "--context writes JSON-LD: the output format is turtle, not jsonld"},
		{[]string{"--frame", "ld/testdata/shape/author.frame.jsonld", "-t", "html"}, ExitUsage, "--frame writes JSON-LD: the output format is html, not jsonld"},
		{[]string{"--context", "https://schema.org", "--frame", "ld/testdata/shape/author.frame.jsonld"}, ExitUsage, "--context and --frame exclude each other"},
		{[]string{"--context", "no/such/context.jsonld"}, ExitIO, "no/such/context.jsonld: no such file"},
		{[]string{"--context", "go.mod"}, ExitUsage, "go.mod:1:1: invalid character 'm'"},
		{[]string{"--frame", "testdata/records/README.md"}, ExitUsage, "testdata/records/README.md:1:1: invalid character '#'"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := run(t, "", append(append([]string{"convert"}, tt.args...), seed)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}
