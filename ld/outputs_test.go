package ld_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	sld "github.com/scholarld/scholarld/ld"
)

// record is one testdata record, decoded.
type record struct {
	name    string
	article *sld.Article
}

func records(t *testing.T) []record {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "records", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no records in testdata/records (%v)", err)
	}
	var out []record
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := sld.DecodeRecord(data, path)
		if err != nil {
			t.Fatalf("%v", err)
		}
		out = append(out, record{strings.TrimSuffix(filepath.Base(path), ".json"), a})
	}
	return out
}

// TestGolden writes every record in every format, with the format's
// default profile, and the compact JSON-LD of the full profile too.
func TestGolden(t *testing.T) {
	for _, rec := range records(t) {
		for _, f := range sld.Formats {
			t.Run(rec.name+"/"+f.Name, func(t *testing.T) {
				g := mapArticle(t, rec.article, f.Profile)
				testkit.Golden(t, filepath.Join("testdata", "golden", rec.name+f.Extensions[0]), []byte(rdftest.Encode(t, g, f.NewEncoder)))
			})
		}
		t.Run(rec.name+"/jsonld-full", func(t *testing.T) {
			g := mapArticle(t, rec.article, sld.FullProfile)
			testkit.Golden(t, filepath.Join("testdata", "golden", rec.name+".full.jsonld"), []byte(rdftest.Encode(t, g, sld.NewJSONLDEncoder)))
		})
	}
}

func mapArticle(t testing.TB, a *sld.Article, p sld.Profile) *sld.Graph {
	t.Helper()
	g, err := sld.Map(a, p)
	if err != nil {
		t.Fatalf("Map: %v", err)
	}
	return g
}

// TestOutputsAreOneGraph reads every output of every record back with an
// independent processor and checks that all are the graph of the
// N-Triples output.
func TestOutputsAreOneGraph(t *testing.T) {
	for _, rec := range records(t) {
		for _, p := range sld.Profiles {
			t.Run(rec.name+"/"+p.Name, func(t *testing.T) {
				rdftest.AssertOneGraph(t, mapArticle(t, rec.article, p.Profile))
			})
		}
	}
}

// TestOfficialContext reads the compact JSON-LD with the official
// schema.org context, as a consumer that fetches https://schema.org does,
// and checks it gives the same graph and the same compaction, but for the
// official context's aliases "id" and "type" (scholarld writes the
// keywords "@id" and "@type", as schema.org's and Google's examples do) and
// its second prefix "dct" for DCMI terms, which a processor prefers to
// "dcterms" for being shorter.
func TestOfficialContext(t *testing.T) {
	path := testkit.Shared(t, "vocab", "schemaorg-30.0-context.jsonld")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	official := officialLoader{rdftest.DecodeJSON(t, string(data))}
	for _, rec := range records(t) {
		for _, p := range sld.Profiles {
			t.Run(rec.name+"/"+p.Name, func(t *testing.T) {
				g := mapArticle(t, rec.article, p.Profile)
				compact := rdftest.Encode(t, g, sld.NewJSONLDEncoder)
				nt := rdftest.Encode(t, g, sld.NewNTriplesEncoder)
				if got, want := rdftest.Canonical(t, rdftest.JSONLD(t, rdftest.DecodeJSON(t, compact), official)), rdftest.Canonical(t, nt); got != want {
					t.Errorf("with the official context the JSON-LD is another graph:\n got:\n%s\nwant:\n%s", got, want)
				}
				opts := ld.NewJsonLdOptions("")
				opts.DocumentLoader = official
				doc := rdftest.DecodeJSON(t, compact).(map[string]any)
				recompacted, err := ld.NewJsonLdProcessor().Compact(doc, map[string]any{"@context": doc["@context"]}, opts)
				if err != nil {
					t.Fatal(err)
				}
				var a, b bytes.Buffer
				for buf, v := range map[*bytes.Buffer]any{&a: doc, &b: unalias(recompacted)} {
					enc := json.NewEncoder(buf)
					enc.SetIndent("", "  ")
					if err := enc.Encode(v); err != nil {
						t.Fatal(err)
					}
				}
				if a.String() != b.String() {
					t.Errorf("compaction with the official context differs:\nofficial:\n%s\nours:\n%s", b.String(), a.String())
				}
			})
		}
	}
}

// unalias renames the official context's keyword aliases back to the
// keywords, and its "dct" prefix to "dcterms".
func unalias(v any) any {
	switch v := v.(type) {
	case string:
		if local, ok := strings.CutPrefix(v, "dct:"); ok {
			return "dcterms:" + local
		}
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			switch k {
			case "id", "type":
				k = "@" + k
			}
			out[unalias(k).(string)] = unalias(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = unalias(x)
		}
		return out
	}
	return v
}

// officialLoader serves the official schema.org context of testdata/vocab.
type officialLoader struct{ context any }

func (l officialLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	switch u {
	case "https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/":
		return &ld.RemoteDocument{DocumentURL: u, Document: l.context}, nil
	}
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, u)
}

// TestJSONLDStream writes three articles in one stream: the compact and
// expanded JSON-LD must each be one JSON document that json-gold reads
// as the three graphs, and the HTML one script element per article.
func TestJSONLDStream(t *testing.T) {
	recs := records(t)[:3]
	graphs := make([]*sld.Graph, len(recs))
	var nt bytes.Buffer
	ntEnc := sld.NewNTriplesEncoder(&nt)
	for i, rec := range recs {
		graphs[i] = mapArticle(t, rec.article, sld.SchemaProfile)
		if err := ntEnc.Encode(graphs[i]); err != nil {
			t.Fatal(err)
		}
	}
	ntEnc.Close()
	want := rdftest.Canonical(t, nt.String())
	for _, newEncoder := range []func(io.Writer) sld.Encoder{sld.NewJSONLDEncoder, sld.NewExpandedJSONLDEncoder} {
		var buf bytes.Buffer
		enc := newEncoder(&buf)
		for _, g := range graphs {
			if err := enc.Encode(g); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		doc := rdftest.DecodeJSON(t, buf.String())
		if _, isArray := doc.([]any); !isArray {
			t.Fatalf("three articles are not one JSON array:\n%s", buf.String())
		}
		if got := rdftest.Canonical(t, rdftest.JSONLD(t, doc, sld.OfflineLoader{})); got != want {
			t.Errorf("the stream is another graph:\n%s\nwant\n%s", got, want)
		}
	}
	var html bytes.Buffer
	enc := sld.NewHTMLEncoder(&html)
	for _, g := range graphs {
		enc.Encode(g)
	}
	enc.Close()
	if n := strings.Count(html.String(), `<script type="application/ld+json">`); n != 3 {
		t.Errorf("%d script elements for three articles", n)
	}
}
