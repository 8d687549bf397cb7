package source_test

import (
	"bytes"
	stdgzip "compress/gzip"
	"io"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/scholarld/scholarld/internal/corpus"
	"github.com/scholarld/scholarld/internal/testkit"
)

// BenchmarkGunzip decompresses a gzipped corpus of 5,000 records with the
// standard library and with klauspost/compress, which reader/source uses:
// BENCHMARKS.md records the ratio.
func BenchmarkGunzip(b *testing.B) {
	bases, err := corpus.LoadBases(testkit.Root(b))
	if err != nil {
		b.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := corpus.Write(&plain, bases, corpus.Options{Records: 5000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(plain.Bytes())
	zw.Close()
	for _, impl := range []struct {
		name string
		open func(io.Reader) (io.Reader, error)
	}{
		{"stdlib", func(r io.Reader) (io.Reader, error) { return stdgzip.NewReader(r) }},
		{"klauspost", func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	} {
		b.Run(impl.name, func(b *testing.B) {
			b.SetBytes(int64(plain.Len()))
			for b.Loop() {
				r, err := impl.open(bytes.NewReader(zipped.Bytes()))
				if err != nil {
					b.Fatal(err)
				}
				if n, err := io.Copy(io.Discard, r); err != nil || n != int64(plain.Len()) {
					b.Fatalf("read %d bytes: %v", n, err)
				}
			}
		})
	}
}
