package ld_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	sld "github.com/scholarld/scholarld/ld"
)

// FuzzShape feeds arbitrary contexts and frames, which users write, to
// ParseContext and ParseFrame, and what parses to the encoders with the
// seed article: an error is fine, a panic is not, and what is written is
// JSON.
func FuzzShape(f *testing.F) {
	shapes, _ := filepath.Glob(filepath.Join(testkit.Root(f), "ld", "testdata", "shape", "*.*.jsonld"))
	for _, path := range shapes {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		if !bytes.Contains([]byte(path), []byte(".golden.")) {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"@context": {"@vocab": "http://example.org/", "id": "@id"}, "@type": "http://schema.org/Person", "@reverse": {"http://schema.org/author": {}}}`))
	f.Add([]byte(`{"@context": "https://schema.org", "@graph": [{"@type": "Periodical"}]}`))
	data, err := os.ReadFile(filepath.Join(testkit.Root(f), "testdata", "records", "ijms-2014-15-14348.json"))
	if err != nil {
		f.Fatal(err)
	}
	a, err := sld.DecodeRecord(data, "seed")
	if err != nil {
		f.Fatal(err)
	}
	g, err := sld.Map(a, sld.SchemaProfile)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		var out bytes.Buffer
		if c, err := sld.ParseContext(doc, "fuzz"); err == nil {
			enc := sld.NewContextEncoder(&out, c)
			if enc.Encode(g) == nil && enc.Close() == nil && out.Len() > 0 && !jsonValid(out.Bytes()) {
				t.Fatalf("the context encoder wrote no JSON:\n%s", out.Bytes())
			}
		}
		out.Reset()
		if fr, err := sld.ParseFrame(doc, "fuzz"); err == nil {
			enc := sld.NewFrameEncoder(&out, fr)
			if enc.Encode(g) == nil && enc.Close() == nil && out.Len() > 0 && !jsonValid(out.Bytes()) {
				t.Fatalf("the frame encoder wrote no JSON:\n%s", out.Bytes())
			}
		}
	})
}

func jsonValid(data []byte) bool { return json.Valid(data) }
