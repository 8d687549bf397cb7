package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/virtuoso"
)

// TestMeasureLoad measures `scholarld load` against Virtuoso's bulk
// loader on the same articles, in one run, each into a fresh private
// server: wall time, triples per second and the peak resident memory of
// both processes. It runs only when SCHOLARLD_MEASURE_LOAD gives the
// number of articles:
//
//	SCHOLARLD_MEASURE_LOAD=100000 go test ./internal/cli -run TestMeasureLoad -v -timeout 0
//
// It prints the rows of the BENCHMARKS.md table.
func TestMeasureLoad(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("SCHOLARLD_MEASURE_LOAD"))
	if err != nil || n <= 0 {
		t.Skip("skipped: set SCHOLARLD_MEASURE_LOAD=N to measure loading N generated articles")
	}
	root := testkit.Root(t)
	bin := filepath.Join(t.TempDir(), "scholarld")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(root, "cmd", "scholarld")).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusPath := generate(t, n)
	opts := virtuoso.Options{Buffers: 100000}

	// Virtuoso's bulk loader on the N-Quads of the same articles
	s := virtuoso.Start(t, opts)
	nq := filepath.Join(s.LoadDir, "articles.nq")
	want := writeNQuads(t, nq, corpusPath)
	triples := sum(want)
	start := time.Now()
	s.ISQL(t, fmt.Sprintf("ld_dir('%s', 'articles.nq', 'http://example.com/unused');\nrdf_loader_run();\ncheckpoint;\n", s.LoadDir))
	bulkTime := time.Since(start)
	bulkPeak := peakRSS(t, s.PID())
	if got := sum(storeOn(t, s).graphCounts(t, "https://doi.org/10.5555/scholarld.gen.")); got != triples {
		t.Fatalf("the bulk loader loaded %d triples, want %d", got, triples)
	}
	s.Kill(t)
	fmt.Printf("articles %d, triples %d\n\n", n, triples)
	fmt.Println("| loader | -j | --batch | wall time | triples/s | time / bulk loader's | loader peak RSS | virtuoso-t peak RSS |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	fmt.Printf("| Virtuoso ld_dir + rdf_loader_run + checkpoint | | | %.1f s | %.0f | 1.00 | | %d MiB |\n",
		bulkTime.Seconds(), float64(triples)/bulkTime.Seconds(), bulkPeak>>20)

	type run struct {
		protocol    string
		jobs, batch int
	}
	var runs []run
	for _, batch := range []int{20, 100} {
		for _, jobs := range []int{1, 2, 4} {
			runs = append(runs, run{"update", jobs, batch})
		}
	}
	runs = append(runs, run{"gsp", 4, 1})
	for _, r := range runs {
		s := virtuoso.Start(t, opts)
		cmd := exec.Command(bin, "load", "--endpoint", s.URL("/sparql"), "--protocol", r.protocol, "--graph-store", s.URL("/sparql-graph-crud"),
			"--batch", strconv.Itoa(r.batch), "-j", strconv.Itoa(r.jobs), corpusPath)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		loaderPeak := watchPeakRSS(cmd.Process.Pid)
		err := cmd.Wait()
		wall := time.Since(start)
		if err != nil || !strings.Contains(out.String(), fmt.Sprintf("loaded %d articles (%d triples)", n, triples)) {
			t.Fatalf("load %+v: %v\n%s", r, err, out.String())
		}
		fmt.Printf("| scholarld load --protocol %s | %d | %d | %.1f s | %.0f | %.2f | %d MiB | %d MiB |\n", r.protocol, r.jobs, r.batch, wall.Seconds(),
			float64(triples)/wall.Seconds(), wall.Seconds()/bulkTime.Seconds(), <-loaderPeak>>20, peakRSS(t, s.PID())>>20)
		s.Kill(t)
	}
}

// watchPeakRSS reads the VmHWM of a process every 50 ms until it exits
// and then sends the last value. The child's ru_maxrss would not do: Linux
// carries the forking parent's peak, this test's, across exec into it.
func watchPeakRSS(pid int) <-chan int64 {
	peak := make(chan int64, 1)
	go func() {
		var last int64
		for {
			data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
			m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(data)
			if err != nil || m == nil {
				peak <- last
				return
			}
			kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
			last = kb << 10
			time.Sleep(50 * time.Millisecond)
		}
	}()
	return peak
}

// peakRSS is the peak resident set size of a process (VmHWM), in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no VmHWM in /proc/%d/status", pid)
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return kb << 10
}
