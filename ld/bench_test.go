package ld_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/internal/corpus"
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

// corpusRecords generates n records of the record format, one per line
// as a JSON Lines corpus holds them (internal/corpus), for the benchmarks
// of the per-record path on varied records.
func corpusRecords(b *testing.B, n int) [][]byte {
	b.Helper()
	bases, err := corpus.LoadBases(testkit.Root(b))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := corpus.Write(&buf, bases, corpus.Options{Records: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return bytes.SplitAfter(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), []byte("\n"))
}

// BenchmarkRecord measures the per-record path of a bulk run on 1,000
// generated records, each step on its own and the whole path, from the
// record's line to its bytes in the two bulk formats: decode
// (DecodeRecordAt), map (Map) and encode (Format.AppendGraph). One op is
// one record.
func BenchmarkRecord(b *testing.B) {
	lines := corpusRecords(b, 1000)
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	decodeAll := func(b *testing.B) []*sld.Article {
		articles := make([]*sld.Article, len(lines))
		for i, l := range lines {
			a, err := sld.DecodeRecordAt(l, sld.Position{File: "corpus", Line: i + 1, Column: 1})
			if err != nil {
				b.Fatal(err)
			}
			articles[i] = a
		}
		return articles
	}
	mapAll := func(b *testing.B, p sld.Profile) []*sld.Graph {
		graphs := make([]*sld.Graph, len(lines))
		for i, a := range decodeAll(b) {
			g, err := sld.Map(a, p)
			if err != nil {
				b.Fatal(err)
			}
			graphs[i] = g
		}
		return graphs
	}
	// perRecord reports the rates by the clock, and the CPU time of each
	// record (cpu-ns/op), garbage collection included, which tells the
	// cost when other work shares the machine; start is cpuTime() before
	// the loop.
	perRecord := func(b *testing.B, triples int, start time.Duration) {
		if cpu := cpuTime() - start; cpu > 0 {
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
		secs := b.Elapsed().Seconds()
		b.ReportMetric(float64(b.N)/secs, "records/s")
		if triples > 0 {
			b.ReportMetric(float64(triples)/secs, "triples/s")
		}
	}
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size / int64(len(lines)))
		i := 0
		cpu := cpuTime()
		for b.Loop() {
			if _, err := sld.DecodeRecordAt(lines[i%len(lines)], sld.Position{File: "corpus", Line: i + 1, Column: 1}); err != nil {
				b.Fatal(err)
			}
			i++
		}
		perRecord(b, 0, cpu)
	})
	for _, p := range sld.Profiles {
		b.Run("map-"+p.Name, func(b *testing.B) {
			b.ReportAllocs()
			articles := decodeAll(b)
			i, triples := 0, 0
			cpu := cpuTime()
			for b.Loop() {
				g, err := sld.Map(articles[i%len(articles)], p.Profile)
				if err != nil {
					b.Fatal(err)
				}
				triples += g.Len()
				i++
			}
			perRecord(b, triples, cpu)
		})
	}
	for _, name := range []string{"nquads", "jsonl"} {
		f, _ := sld.FormatByName(name)
		b.Run("encode-"+name, func(b *testing.B) {
			b.ReportAllocs()
			graphs := mapAll(b, f.Profile)
			var dst []byte
			i, triples := 0, 0
			cpu := cpuTime()
			for b.Loop() {
				g := graphs[i%len(graphs)]
				var err error
				if dst, err = f.AppendGraph(dst[:0], g, sld.StreamScope(i)); err != nil {
					b.Fatal(err)
				}
				triples += g.Len()
				i++
			}
			perRecord(b, triples, cpu)
		})
		b.Run("all-"+name, func(b *testing.B) {
			b.ReportAllocs()
			var dst []byte
			i, triples := 0, 0
			cpu := cpuTime()
			for b.Loop() {
				a, err := sld.DecodeRecordAt(lines[i%len(lines)], sld.Position{File: "corpus", Line: i + 1, Column: 1})
				if err != nil {
					b.Fatal(err)
				}
				g, err := sld.Map(a, f.Profile)
				if err != nil {
					b.Fatal(err)
				}
				if dst, err = f.AppendGraph(dst[:0], g, sld.StreamScope(i)); err != nil {
					b.Fatal(err)
				}
				triples += g.Len()
				i++
			}
			perRecord(b, triples, cpu)
		})
	}
}
