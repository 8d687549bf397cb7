package bulk_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/source"
)

// writeCorpus writes a generated corpus and returns its path and the lines of
// its bad records.
func writeCorpus(t *testing.T, n, badEvery int) (string, []int) {
	t.Helper()
	return testkit.Corpus(t, n, badEvery, 7)
}

// run converts the inputs to N-Quads and returns the output, the lines of
// the rejected records, and how many records were read.
func run(t *testing.T, workers int, paths ...string) (out []byte, rejected []int, read int) {
	t.Helper()
	nq, _ := ld.FormatByName("nquads")
	opts := bulk.Options{Workers: workers, Converter: bulk.Converter{Profile: ld.FullProfile, Encode: nq.AppendGraph}}
	var buf bytes.Buffer
	err := bulk.Run(context.Background(), source.Open(paths, nil, nil), opts, func(it *bulk.Item) error {
		read++
		if it.Err != nil {
			rejected = append(rejected, it.Pos.Line)
			return nil
		}
		buf.Write(it.Encoded)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), rejected, read
}

func TestRunIsTheSameForAnyParallelism(t *testing.T) {
	path, bad := writeCorpus(t, 3000, 97)
	one, rejected1, read1 := run(t, 1, path)
	four, rejected4, read4 := run(t, 4, path)
	if !bytes.Equal(one, four) {
		t.Errorf("-j 1 and -j 4 wrote different bytes (%d and %d)", len(one), len(four))
	}
	if read1 != 3000 || read4 != 3000 {
		t.Errorf("read %d and %d records, want 3000", read1, read4)
	}
	if !slices.Equal(rejected1, bad) || !slices.Equal(rejected4, bad) {
		t.Errorf("rejected lines\n -j1: %v\n -j4: %v\nwant: %v", rejected1, rejected4, bad)
	}
	if got := bytes.Count(one, []byte(" <https://doi.org/10.5555/scholarld.gen.1> .\n")); got == 0 {
		t.Errorf("the first record's graph is missing from the output")
	}
}

func TestRunStopsWhenTheConsumerFails(t *testing.T) {
	path, _ := writeCorpus(t, 500, 0)
	stop := errors.New("enough")
	seen := 0
	err := bulk.Run(context.Background(), source.Open([]string{path}, nil, nil), bulk.Options{Workers: 2, Converter: bulk.Converter{Profile: ld.SchemaProfile}}, func(*bulk.Item) error {
		seen++
		if seen == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 10 {
		t.Errorf("Run = %v after %d items, want %v after 10", err, seen, stop)
	}
}

// TestRunContainsPanics checks that a panic while converting one record,
// or while reading one input, becomes that record's or that input's
// error, and that every other record is still converted.
func TestRunContainsPanics(t *testing.T) {
	path, _ := writeCorpus(t, 20, 0)
	nq, _ := ld.FormatByName("nquads")
	boom := func(dst []byte, g *ld.Graph, scope string) ([]byte, error) {
		if scope == ld.StreamScope(4) {
			panic("boom")
		}
		return nq.AppendGraph(dst, g, scope)
	}
	tests := []struct {
		name    string
		inputs  iter.Seq2[source.Input, error]
		encode  func([]byte, *ld.Graph, string) ([]byte, error)
		written int
		errs    []string
	}{
		{"a record", source.Open([]string{path}, nil, nil), boom, 19, []string{path + ": record 5: panic: boom"}},
		{"an input", func(yield func(source.Input, error) bool) {
			data, _ := os.ReadFile(path)
			r := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(data[:len(data)/2]), panicReader{}), 16)
			if yield(source.Input{Name: "bad.jsonl", FormatName: "bad.jsonl", Reader: r}, nil) {
				for in, err := range source.Open([]string{path}, nil, nil) {
					if !yield(in, err) {
						return
					}
				}
			}
		}, nq.AppendGraph, 20, []string{"bad.jsonl: input: panic: read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, workers := range []int{1, 3} {
				opts := bulk.Options{Workers: workers, Converter: bulk.Converter{Profile: ld.FullProfile, Encode: tt.encode}}
				written := 0
				var errs []string
				err := bulk.Run(context.Background(), tt.inputs, opts, func(it *bulk.Item) error {
					if it.Err != nil {
						where := "input"
						if !it.InputError {
							where = fmt.Sprintf("record %d", it.Index+1)
						}
						errs = append(errs, fmt.Sprintf("%s: %s: %s", it.Source, where, strings.SplitN(it.Err.Error(), " (", 2)[0]))
						return nil
					}
					if it.Source == path {
						written++
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if written != tt.written || !slices.Equal(errs, tt.errs) {
					t.Errorf("-j %d: %d written, errors %q; want %d written, errors %q", workers, written, errs, tt.written, tt.errs)
				}
			}
		})
	}
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("read") }

// TestRunReturnsWhenCancelledWhileAReadBlocks cancels a run whose only
// input blocks in a read (standard input that gives nothing): Run returns
// at once with the context's error.
func TestRunReturnsWhenCancelledWhileAReadBlocks(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	pw2 := make(chan struct{})
	go func() { pw.Write([]byte("{\"title\":\"x\"}\n")); close(pw2) }()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- bulk.Run(ctx, source.Open([]string{"-"}, pr, nil), bulk.Options{Workers: 2, From: "record"}, func(*bulk.Item) error { return nil })
	}()
	<-pw2 // the splitter is now reading, and the read blocks
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want %v", err, context.Canceled)
	}
}

// TestRunRejectsARecordTooLongAlone reads JSON Lines with one line longer
// than reader.MaxChunkSize: that record is rejected at its line, in order,
// and the others are converted.
func TestRunRejectsARecordTooLongAlone(t *testing.T) {
	defer func(n int) { reader.MaxChunkSize = n }(reader.MaxChunkSize)
	reader.MaxChunkSize = 1000
	line := func(title string) string {
		return fmt.Sprintf("{\"title\": %q, \"doi\": \"10.5555/%d\", \"type\": \"research-article\"}\n", title, len(title))
	}
	input := line("A") + line(strings.Repeat("x", 2000)) + line("BC")
	var got []string
	err := bulk.Run(context.Background(), source.Open([]string{"-"}, strings.NewReader(input), nil), bulk.Options{Workers: 2, From: "record", Converter: bulk.Converter{Profile: ld.SchemaProfile}}, func(it *bulk.Item) error {
		if it.Err != nil {
			got = append(got, fmt.Sprintf("%d %d rejected: %v", it.Index, it.Pos.Line, strings.Contains(it.Err.Error(), "longer than")))
		} else {
			got = append(got, fmt.Sprintf("%d %d %s", it.Index, it.Pos.Line, it.Article.Title))
		}
		return nil
	})
	want := []string{"0 1 A", "1 2 rejected: true", "2 3 BC"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Run = %v, items %q, want %q", err, got, want)
	}
}

// TestEncodedOnlyWritesTheSameBytes runs a corpus with bad records with
// and without Converter.EncodedOnly, in each line format: every item has
// the same bytes, error and triple count, and none has a graph.
func TestEncodedOnlyWritesTheSameBytes(t *testing.T) {
	path, _ := writeCorpus(t, 1000, 53)
	for _, name := range []string{"nquads", "ntriples", "jsonl"} {
		format, _ := ld.FormatByName(name)
		collect := func(encodedOnly bool) []bulk.Item {
			opts := bulk.Options{Workers: 3, Converter: bulk.Converter{Profile: format.Profile, Encode: format.AppendGraph, EncodedOnly: encodedOnly}}
			var items []bulk.Item
			err := bulk.Run(context.Background(), source.Open([]string{path}, nil, nil), opts, func(it *bulk.Item) error {
				kept := *it
				kept.Encoded = bytes.Clone(it.Encoded)
				items = append(items, kept)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			return items
		}
		graphs, encoded := collect(false), collect(true)
		if len(graphs) != 1000 || len(encoded) != 1000 {
			t.Fatalf("%s: %d and %d items, want 1000", name, len(graphs), len(encoded))
		}
		for i, want := range graphs {
			got := encoded[i]
			switch {
			case got.Graph != nil:
				t.Fatalf("%s: item %d has a graph", name, i)
			case (got.Err == nil) != (want.Err == nil):
				t.Fatalf("%s: item %d: error %v, want %v", name, i, got.Err, want.Err)
			case want.Err == nil && got.Triples != want.Graph.Len():
				t.Fatalf("%s: item %d: %d triples, want %d", name, i, got.Triples, want.Graph.Len())
			case !bytes.Equal(got.Encoded, want.Encoded):
				t.Fatalf("%s: item %d differs:\n%s\nwant:\n%s", name, i, got.Encoded, want.Encoded)
			}
		}
	}
}
