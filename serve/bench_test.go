package serve

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"

	"github.com/scholarld/scholarld/internal/corpus"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
)

// corpusArticles generates n articles as internal/corpus varies them.
func corpusArticles(b testing.TB, n int) []*ld.Article {
	bases, err := corpus.LoadBases(testkit.Root(b))
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	articles := make([]*ld.Article, n)
	for i := range articles {
		articles[i] = corpus.Vary(bases[i%len(bases)], i, rng)
	}
	return articles
}

// BenchmarkCollectionMemory loads 10,000 generated articles and reports
// the heap they hold once loaded, per article, and the load time per
// article (all CPUs).
func BenchmarkCollectionMemory(b *testing.B) {
	const n = 10000
	articles := corpusArticles(b, n)
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		l := NewLoader(testBase, testModified, 0)
		for i, a := range articles {
			if err := l.Add(a, nil, fmt.Sprint(i)); err != nil {
				b.Fatal(err)
			}
		}
		c, errs := l.Collection()
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/article")
		runtime.KeepAlive(c)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n/1e3, "µs-load/article")
}

// BenchmarkServe measures one negotiated response per Accept header, in
// process (no network): what a request costs the server.
func BenchmarkServe(b *testing.B) {
	articles := corpusArticles(b, 1000)
	l := NewLoader(testBase, testModified, 0)
	var paths []string
	for i, a := range articles {
		if err := l.Add(a, nil, fmt.Sprint(i)); err != nil {
			b.Fatal(err)
		}
		_, path := articleKey(a)
		paths = append(paths, path)
	}
	c, _ := l.Collection()
	h := NewHandler(c, Options{})
	for _, tc := range []struct{ name, accept, encoding string }{
		{"html-gzip", firefoxAccept, "gzip, deflate, br"},
		{"html-identity", "*/*", ""},
		{"jsonld", "application/ld+json, application/json", ""},
		{"turtle", "text/turtle, application/x-turtle, */*;q=0.1", ""},
		{"nquads-gzip", "application/n-quads", "gzip"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, paths[i%len(paths)], nil)
				req.Header.Set("Accept", tc.accept)
				if tc.encoding != "" {
					req.Header.Set("Accept-Encoding", tc.encoding)
				}
				w := &discardWriter{header: http.Header{}}
				h.ServeHTTP(w, req)
				if w.status != http.StatusOK {
					b.Fatalf("status %d", w.status)
				}
				i++
			}
		})
	}
}

const firefoxAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

// discardWriter is a ResponseWriter that keeps only the status.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header { return w.header }
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return io.Discard.Write(p)
}
func (w *discardWriter) WriteHeader(status int) { w.status = status }

// BenchmarkServeGC reports the garbage collector's CPU time per response
// (runtime/metrics) at GOGC=25, 50 and Go's default 100, over a collection of 10,000 articles. Per response it does
// not depend on the collection's size: a collection's marking grows with
// the heap, and collections come less often by as much.
func BenchmarkServeGC(b *testing.B) {
	articles := corpusArticles(b, 10000)
	l := NewLoader(testBase, testModified, 0)
	var paths []string
	for i, a := range articles {
		if err := l.Add(a, nil, fmt.Sprint(i)); err != nil {
			b.Fatal(err)
		}
		_, path := articleKey(a)
		paths = append(paths, path)
	}
	c, _ := l.Collection()
	articles = nil
	runtime.GC()
	h := NewHandler(c, Options{})
	accepts := []string{firefoxAccept, "application/ld+json", "text/turtle", "application/n-quads"}
	for _, gogc := range []int{25, 50, 100} {
		b.Run(fmt.Sprintf("GOGC=%d", gogc), func(b *testing.B) {
			defer debug.SetGCPercent(debug.SetGCPercent(gogc))
			runtime.GC()
			sample := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
			metrics.Read(sample)
			before := sample[0].Value.Float64()
			i := 0
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, paths[i%len(paths)], nil)
				req.Header.Set("Accept", accepts[i%len(accepts)])
				if i%2 == 0 {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				h.ServeHTTP(&discardWriter{header: http.Header{}}, req)
				i++
			}
			metrics.Read(sample)
			b.ReportMetric((sample[0].Value.Float64()-before)*1e6/float64(b.N), "gc-µs/op")
		})
	}
	runtime.KeepAlive(c)
}
