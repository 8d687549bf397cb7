package ld_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/internal/testkit"
	sld "github.com/scholarld/scholarld/ld"
)

// seedGraph maps the bundled seed article in the given profile.
func seedGraph(b *testing.B, p sld.Profile) (*sld.Article, *sld.Graph) {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(testkit.Root(b), "testdata", "records", "ijms-2014-15-14348.json"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := sld.DecodeRecord(data, "seed")
	if err != nil {
		b.Fatal(err)
	}
	g, err := sld.Map(a, p)
	if err != nil {
		b.Fatal(err)
	}
	return a, g
}

// BenchmarkDecodeRecord reads the seed record.
func BenchmarkDecodeRecord(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(testkit.Root(b), "testdata", "records", "ijms-2014-15-14348.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := sld.DecodeRecord(data, "seed"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkMap builds the seed's graph in the full profile.
func BenchmarkMap(b *testing.B) {
	a, g := seedGraph(b, sld.FullProfile)
	for b.Loop() {
		if _, err := sld.Map(a, sld.FullProfile); err != nil {
			b.Fatal(err)
		}
	}
	report(b, g)
}

// BenchmarkEncode writes the seed's graph in each format, with the
// format's default profile, one encoder for the whole stream as a bulk
// export would use it.
func BenchmarkEncode(b *testing.B) {
	for _, f := range sld.Formats {
		b.Run(f.Name, func(b *testing.B) {
			_, g := seedGraph(b, f.Profile)
			enc := f.NewEncoder(io.Discard)
			for b.Loop() {
				if err := enc.Encode(g); err != nil {
					b.Fatal(err)
				}
			}
			if err := enc.Close(); err != nil {
				b.Fatal(err)
			}
			report(b, g)
		})
	}
}

// BenchmarkConvert maps and writes the seed, from Article to bytes, as
// the CLI does for each record.
func BenchmarkConvert(b *testing.B) {
	for _, f := range sld.Formats {
		b.Run(f.Name, func(b *testing.B) {
			a, g := seedGraph(b, f.Profile)
			enc := f.NewEncoder(io.Discard)
			for b.Loop() {
				g, err := sld.Map(a, f.Profile)
				if err == nil {
					err = enc.Encode(g)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			report(b, g)
		})
	}
}

func report(b *testing.B, g *sld.Graph) {
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(b.N*g.Len())/secs, "triples/s")
}

// BenchmarkReference measures the library paths scholarld does not take,
// for BENCHMARKS.md: knakk/rdf's N-Triples encoder, and json-gold's
// compaction of the same expanded tree against the same context.
func BenchmarkReference(b *testing.B) {
	b.Run("knakk-ntriples", func(b *testing.B) {
		_, g := seedGraph(b, sld.FullProfile)
		enc := rdf.NewTripleEncoder(io.Discard, rdf.NTriples)
		for b.Loop() {
			if err := enc.EncodeAll(g.Triples); err != nil {
				b.Fatal(err)
			}
		}
		enc.Close()
		report(b, g)
	})
	b.Run("json-gold-compact", func(b *testing.B) {
		_, g := seedGraph(b, sld.SchemaProfile)
		expanded := roundTrip(b, mustJSONLD(b, g, true))
		compact := mustJSONLD(b, g, false).(map[string]any)
		context := map[string]any{"@context": compact["@context"]}
		opts := ld.NewJsonLdOptions("")
		opts.DocumentLoader = sld.OfflineLoader{}
		proc := ld.NewJsonLdProcessor()
		for b.Loop() {
			if _, err := proc.Compact(expanded, context, opts); err != nil {
				b.Fatal(err)
			}
		}
		report(b, g)
	})
}

func mustJSONLD(b *testing.B, g *sld.Graph, expanded bool) any {
	b.Helper()
	doc, err := sld.JSONLD(g, expanded)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkShape measures the JSON-LD that json-gold shapes, per article,
// for BENCHMARKS.md: compaction with a user's context (the embedded
// schema.org context, and the official one with its 3,081 terms, each
// processed once, as convert does per run) and framing one article.
func BenchmarkShape(b *testing.B) {
	contexts := []struct{ name, doc string }{
		{"context-embedded", `{"@context": "https://schema.org"}`},
		{"context-official", string(readBench(b, "testdata", "vocab", "schemaorg-30.0-context.jsonld"))},
	}
	for _, c := range contexts {
		b.Run(c.name, func(b *testing.B) {
			_, g := seedGraph(b, sld.SchemaProfile)
			context, err := sld.ParseContext([]byte(c.doc), c.name)
			if err != nil {
				b.Fatal(err)
			}
			enc := sld.NewContextEncoder(io.Discard, context)
			for b.Loop() {
				if err := enc.Encode(g); err != nil {
					b.Fatal(err)
				}
			}
			report(b, g)
		})
	}
	for _, name := range []string{"periodical", "author"} {
		b.Run("frame-"+name, func(b *testing.B) {
			_, g := seedGraph(b, sld.SchemaProfile)
			frame, err := sld.ParseFrame(readBench(b, "ld", "testdata", "shape", name+".frame.jsonld"), name)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				enc := sld.NewFrameEncoder(io.Discard, frame)
				if err := enc.Encode(g); err != nil {
					b.Fatal(err)
				}
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
			}
			report(b, g)
		})
	}
}

func readBench(b *testing.B, elem ...string) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{testkit.Root(b)}, elem...)...))
	if err != nil {
		b.Fatal(err)
	}
	return data
}
