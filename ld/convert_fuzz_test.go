package ld_test

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	sld "github.com/scholarld/scholarld/ld"
)

// FuzzConvert feeds arbitrary bytes to the record decoder. Whatever
// decodes must map in both profiles (a record that passes Check never
// fails Map) and give outputs that all parse and are one graph: the
// N-Triples read by knakk/rdf, the compact and expanded JSON-LD read by
// json-gold (and the compact form equal to json-gold's own compaction),
// and the Turtle read by serdi when it is installed (CI requires it).
func FuzzConvert(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(testkit.Root(f), "testdata", "records", "*.json"))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"title": "T", "url": "https://example.org/a?b=<c>", "language": "zh-Hant-TW"}`))
	_, serdiErr := exec.LookPath("serdi")
	if serdiErr != nil && testkit.ToolsRequired() {
		f.Fatal("serdi is not installed and SCHOLARLD_REQUIRE_TOOLS is set (apt-get install serdi)")
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := sld.DecodeRecord(data, "fuzz")
		if err != nil {
			return
		}
		for _, p := range sld.Profiles {
			g, err := sld.Map(a, p.Profile)
			if err != nil {
				t.Fatalf("a record that passes Check fails Map in the %s profile: %v", p.Name, err)
			}
			nt := rdftest.Encode(t, g, sld.NewNTriplesEncoder)
			want := rdftest.Canonical(t, nt)
			if got := rdftest.Canonical(t, rdftest.Knakk(t, nt)); got != want {
				t.Fatalf("knakk/rdf reads another graph:\n%s\nwant\n%s", got, want)
			}
			assertJSONGoldEqual(t, g)
			for _, newEncoder := range []func(w io.Writer) sld.Encoder{sld.NewJSONLDEncoder, sld.NewExpandedJSONLDEncoder} {
				doc := rdftest.DecodeJSON(t, rdftest.Encode(t, g, newEncoder))
				if got := rdftest.Canonical(t, rdftest.JSONLD(t, doc, sld.OfflineLoader{})); got != want {
					t.Fatalf("the JSON-LD is another graph:\n%s\nwant\n%s", got, want)
				}
			}
			ttl := rdftest.Encode(t, g, sld.NewTurtleEncoder)
			if serdiErr == nil {
				if got := rdftest.Canonical(t, rdftest.Serdi(t, "turtle", []byte(ttl))); got != want {
					t.Fatalf("the Turtle is another graph:\n%s\nwant\n%s", got, want)
				}
			}
		}
	})
}
