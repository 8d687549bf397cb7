package validate

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/reader/source"
)

// discard is a Writer that drops the report.
type discard struct{}

func (discard) Begin(file, format string) error       { return nil }
func (discard) Finding(file string, f *Finding) error { return nil }
func (discard) End(s *Summary) error                  { return nil }
func (discard) Close() error                          { return nil }

// BenchmarkRun validates 1,000 generated articles in each line format on
// one worker; triples/s counts the lines of N-Triples and N-Quads.
// BENCHMARKS.md has the whole command's numbers on 10k and 100k articles.
func BenchmarkRun(b *testing.B) {
	nq := dump(b, 1000, "nquads")
	inputs := []struct {
		name string
		data []byte
	}{{"nquads", nq}, {"ntriples", withoutGraphs(nq)}, {"jsonl", dump(b, 1000, "jsonl")}}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			triples := bytes.Count(nq, []byte("\n"))
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				src := source.Input{Name: "a." + in.name, FormatName: "-", Reader: bufioReader(in.data)}
				if _, err := Run(context.Background(), func(yield func(source.Input, error) bool) { yield(src, nil) }, Options{Workers: 1, Format: map[string]string{"jsonl": JSONLD}[in.name]}, discard{}); err != nil {
					b.Fatal(err)
				}
			}
			if in.name != "jsonl" {
				b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
			}
		})
	}
}

// BenchmarkParseNQuads reads the N-Quads of 1,000 generated articles
// into knakk/rdf terms with the line parser, and with knakk/rdf's own
// decoder, which validate does not use.
func BenchmarkParseNQuads(b *testing.B) {
	nq := dump(b, 1000, "nquads")
	triples := bytes.Count(nq, []byte("\n"))
	b.Run("scholarld", func(b *testing.B) {
		for b.Loop() {
			terms := newTermBuilder()
			for line := range bytes.Lines(nq) {
				line = bytes.TrimSuffix(line, []byte("\n"))
				st, ok, serr := scanStatement(line, true)
				if serr != nil || !ok {
					b.Fatalf("%q: %v", line, serr)
				}
				if _, err := terms.triple(line, &st); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	})
	b.Run("knakk-rdf", func(b *testing.B) {
		for b.Loop() {
			dec := rdf.NewQuadDecoder(bytes.NewReader(nq), rdf.NQuads)
			n := 0
			for {
				if _, err := dec.Decode(); err != nil {
					if err != io.EOF {
						b.Fatal(err)
					}
					break
				}
				n++
			}
			if n != triples {
				b.Fatalf("%d quads, want %d", n, triples)
			}
		}
		b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	})
}
