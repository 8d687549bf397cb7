package ld_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	sld "github.com/scholarld/scholarld/ld"
)

// encodeStream writes graphs with one encoder, as convert does for the
// records of one input.
func encodeStream(t testing.TB, graphs []*sld.Graph, newEncoder func(io.Writer) sld.Encoder) string {
	t.Helper()
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	for _, g := range graphs {
		if err := enc.Encode(g); err != nil {
			t.Fatalf("Encode: %v", err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return buf.String()
}

// allGraphs maps every testdata record in the profile.
func allGraphs(t *testing.T, p sld.Profile) []*sld.Graph {
	return graphsOf(t, p, func(*sld.Article) bool { return true })
}

// graphsOf maps the testdata records that keep says to keep.
func graphsOf(t *testing.T, p sld.Profile, keep func(*sld.Article) bool) []*sld.Graph {
	var graphs []*sld.Graph
	for _, rec := range records(t) {
		if keep(rec.article) {
			graphs = append(graphs, mapArticle(t, rec.article, p))
		}
	}
	return graphs
}

func parseContext(t testing.TB, data []byte) *sld.Context {
	t.Helper()
	c, err := sld.ParseContext(data, "context.jsonld")
	if err != nil {
		t.Fatalf("ParseContext: %v", err)
	}
	return c
}

func contextEncoder(c *sld.Context) func(io.Writer) sld.Encoder {
	return func(w io.Writer) sld.Encoder { return sld.NewContextEncoder(w, c) }
}

func readTestdata(t testing.TB, elem ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{testkit.Root(t)}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestContextEncoderWithTheDefaultContext: compacting through json-gold
// with the context the default output names gives the default output,
// byte for byte, for every record in both profiles, one at a time and as
// one stream.
func TestContextEncoderWithTheDefaultContext(t *testing.T) {
	for _, p := range sld.Profiles {
		graphs := allGraphs(t, p.Profile)
		doc, err := sld.JSONLD(graphs[0], false)
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(map[string]any{"@context": doc.(map[string]any)["@context"]})
		if err != nil {
			t.Fatal(err)
		}
		newEncoder := contextEncoder(parseContext(t, data))
		for i, g := range graphs {
			if got, want := rdftest.Encode(t, g, newEncoder), rdftest.Encode(t, g, sld.NewJSONLDEncoder); got != want {
				t.Errorf("%s/%s: with %s the output differs from the default:\n got:\n%s\nwant:\n%s", records(t)[i].name, p.Name, data, got, want)
			}
		}
		if got, want := encodeStream(t, graphs, newEncoder), encodeStream(t, graphs, sld.NewJSONLDEncoder); got != want {
			t.Errorf("%s: the stream of every record differs from the default:\n got:\n%s\nwant:\n%s", p.Name, got, want)
		}
	}
}

// TestContextEncoderWithTheOfficialContext compacts with the official
// schema.org 30.0 context, which every document then carries: the output
// uses its aliases and is the same graph as the N-Triples.
func TestContextEncoderWithTheOfficialContext(t *testing.T) {
	newEncoder := contextEncoder(parseContext(t, readTestdata(t, "testdata", "vocab", "schemaorg-30.0-context.jsonld")))
	for _, p := range sld.Profiles {
		graphs := allGraphs(t, p.Profile)
		out := encodeStream(t, graphs, newEncoder)
		docs := rdftest.DecodeJSON(t, out).([]any)
		for i, doc := range docs {
			node := doc.(map[string]any)
			if node["type"] == nil || node["id"] == nil || node["@type"] != nil {
				t.Errorf("%s: document %d does not use the official aliases id and type: keys %v", p.Name, i, keys(node))
			}
		}
		if got, want := rdftest.Canonical(t, rdftest.JSONLD(t, docs, sld.OfflineLoader{})), rdftest.Canonical(t, encodeStream(t, graphs, sld.NewNTriplesEncoder)); got != want {
			t.Errorf("%s: with the official context the JSON-LD is another graph:\n got:\n%s\nwant:\n%s", p.Name, got, want)
		}
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestShapeGolden writes every record of testdata, as one stream, with
// the contexts and frames of ld/testdata/shape, and checks what each must
// keep of the graph: a context keeps all of it, in the full profile; the
// Periodical-centred frame, which reaches every article through
// isPartOf, too, in the schema profile (framing embeds a node once for
// each place it is framed at, and the full profile's bibo:authorList
// would then be repeated as a second list); the author-centred frame
// keeps the authors and, being @explicit, only the headline and date of
// their articles. The Periodical-centred frame is given the articles of
// journals only: a chapter, a preprint or a report is in no Periodical,
// and a frame keeps only what it reaches.
func TestShapeGolden(t *testing.T) {
	dir := filepath.Join("ld", "testdata", "shape")
	for _, tc := range []struct {
		shape      string
		profile    sld.Profile
		keepsWhole bool
	}{
		{"dcmi-bibo.context.jsonld", sld.FullProfile, true},
		{"periodical.frame.jsonld", sld.SchemaProfile, true},
		{"author.frame.jsonld", sld.SchemaProfile, false},
	} {
		t.Run(tc.shape, func(t *testing.T) {
			graphs := allGraphs(t, tc.profile)
			if strings.HasPrefix(tc.shape, "periodical.") {
				graphs = graphsOf(t, tc.profile, func(a *sld.Article) bool { return a.Journal != nil })
			}
			whole := rdftest.Canonical(t, encodeStream(t, graphs, sld.NewNTriplesEncoder))
			data := readTestdata(t, dir, tc.shape)
			var newEncoder func(io.Writer) sld.Encoder
			if strings.HasSuffix(tc.shape, ".frame.jsonld") {
				frame, err := sld.ParseFrame(data, tc.shape)
				if err != nil {
					t.Fatal(err)
				}
				newEncoder = func(w io.Writer) sld.Encoder { return sld.NewFrameEncoder(w, frame) }
			} else {
				newEncoder = contextEncoder(parseContext(t, data))
			}
			out := encodeStream(t, graphs, newEncoder)
			if again := encodeStream(t, graphs, newEncoder); again != out {
				t.Fatalf("a second run gives other bytes:\n%s\nthen\n%s", out, again)
			}
			testkit.Golden(t, filepath.Join(dir, strings.TrimSuffix(tc.shape, ".jsonld")+".golden.jsonld"), []byte(out))
			got := rdftest.Canonical(t, rdftest.JSONLD(t, rdftest.DecodeJSON(t, out), sld.OfflineLoader{}))
			if tc.keepsWhole && got != whole {
				t.Errorf("the output is another graph than the records':\n got:\n%s\nwant:\n%s", got, whole)
			}
			if !tc.keepsWhole && !strings.Contains(got, "<http://schema.org/familyName>") {
				t.Errorf("the authors are missing:\n%s", got)
			}
		})
	}
}

// TestFrameEncoderWithoutGraphs writes nothing, as the other encoders.
func TestFrameEncoderWithoutGraphs(t *testing.T) {
	frame, err := sld.ParseFrame([]byte(`{"@context": "https://schema.org", "@type": "Periodical"}`), "f.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if out := encodeStream(t, nil, func(w io.Writer) sld.Encoder { return sld.NewFrameEncoder(w, frame) }); out != "" {
		t.Errorf("got %q, want nothing", out)
	}
}

// TestParseShapeErrors: a context or frame that cannot be used says why,
// naming the file and, for bad JSON, the line and column.
func TestParseShapeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
		frame           bool
	}{
		{"bad JSON", "{\n  \"@context\": [,]\n}", "c.jsonld:2:16: invalid character ','", false},
		{"not an object", `["https://schema.org"]`, "c.jsonld: the document is not a JSON object", false},
		{"no @context", `{"@vocab": "http://schema.org/"}`, `c.jsonld: no "@context" key`, false},
		{"a URL that is not served", `{"@context": "https://example.org/context.jsonld"}`, "offline: no document is served for https://example.org/context.jsonld", false},
		{"a bad term definition", `{"@context": {"title": {"@id": 5}}}`, "c.jsonld: invalid IRI mapping", false},
		{"frame: bad JSON", `{"@type": }`, "c.jsonld:1:11: invalid character '}'", true},
		{"frame: a URL that is not served", `{"@context": "https://example.org/c", "@type": "Person"}`, "offline: no document is served for https://example.org/c", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.frame {
				_, err = sld.ParseFrame([]byte(tc.doc), "c.jsonld")
			} else {
				_, err = sld.ParseContext([]byte(tc.doc), "c.jsonld")
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestSchemaContextURLs: every spelling of the schema.org context's URL
// is served offline, and nothing else.
func TestSchemaContextURLs(t *testing.T) {
	for _, u := range []string{"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/", "https://schema.org/docs/jsonldcontext.jsonld", "http://schema.org/docs/jsonldcontext.json"} {
		if _, err := (sld.OfflineLoader{}).LoadDocument(u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"https://schema.org/Person", "https://example.org/", "schema.org"} {
		if _, err := (sld.OfflineLoader{}).LoadDocument(u); err == nil {
			t.Errorf("%s is served, want an error", u)
		}
	}
}
