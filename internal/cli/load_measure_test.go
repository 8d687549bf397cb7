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
// both processes, and the load average around each row. Besides -j 1, 2
// and 4 at two batch sizes, it measures a second load into the loaded
// store (every graph replaced) and an append of every article to one
// graph over the Graph Store Protocol (Virtuoso's own parser, no SPARQL).
// It runs only when SCHOLARLD_MEASURE_LOAD gives the
// number of articles:
//
//	SCHOLARLD_MEASURE_LOAD=100000 go test ./internal/cli -run TestMeasureLoad -v -timeout 0
//
// SCHOLARLD_MEASURE_LOAD_SHORT=1 measures only -j 1 --batch 20 and the
// one-graph append, for sizes where every setting would take hours.
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
	bulkLoad := loadAverage()
	start := time.Now()
	s.ISQL(t, fmt.Sprintf("ld_dir('%s', 'articles.nq', 'http://example.com/unused');\nrdf_loader_run();\ncheckpoint;\n", s.LoadDir))
	bulkTime := time.Since(start)
	bulkPeak := peakRSS(t, s.PID())
	bulkLoad += " → " + loadAverage()
	if got := sum(storeOn(t, s).graphCounts(t, "https://doi.org/10.5555/scholarld.gen.")); got != triples {
		t.Fatalf("the bulk loader loaded %d triples, want %d", got, triples)
	}
	s.Kill(t)
	fmt.Printf("articles %d, triples %d\n\n", n, triples)
	fmt.Println("| loader | -j | --batch | wall time | triples/s | time / bulk loader's | loader peak RSS | virtuoso-t peak RSS | load average |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	fmt.Printf("| Virtuoso ld_dir + rdf_loader_run + checkpoint | | | %.1f s | %.0f | 1.00 | | %d MiB | %s |\n",
		bulkTime.Seconds(), float64(triples)/bulkTime.Seconds(), bulkPeak>>20, bulkLoad)

	// a run loads the articles into a fresh server; reload loads them a
	// second time and measures that; into appends every article to one
	// graph
	type run struct {
		protocol    string
		jobs, batch int
		reload      bool
		into        string
	}
	var runs []run
	for _, batch := range []int{20, 50} {
		for _, jobs := range []int{1, 2, 4} {
			runs = append(runs, run{protocol: "update", jobs: jobs, batch: batch})
		}
	}
	runs = append(runs, run{protocol: "update", jobs: 2, batch: 20, reload: true},
		run{protocol: "gsp", jobs: 1, batch: 100, into: "https://example.com/all-articles"})
	if os.Getenv("SCHOLARLD_MEASURE_LOAD_SHORT") != "" { // one setting of each protocol
		runs = []run{{protocol: "update", jobs: 1, batch: 20}, runs[len(runs)-1]}
	}
	for _, r := range runs {
		s := virtuoso.Start(t, opts)
		args := []string{"load", "--endpoint", s.URL("/sparql"), "--protocol", r.protocol, "--graph-store", s.URL("/sparql-graph-crud"),
			"--batch", strconv.Itoa(r.batch), "-j", strconv.Itoa(r.jobs)}
		if r.into != "" {
			args = append(args, "--graph", r.into)
		}
		args = append(args, corpusPath)
		load := func() (time.Duration, int64, string) {
			cmd := exec.Command(bin, args...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			before := loadAverage()
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
			return wall, <-loaderPeak, before + " → " + loadAverage()
		}
		name := "scholarld load --protocol " + r.protocol
		wall, peak, avg := load()
		switch {
		case r.reload:
			name += ", again into the loaded store"
			wall, peak, avg = load()
		case r.into != "":
			name += " --graph (one graph)"
		}
		fmt.Printf("| %s | %d | %d | %.1f s | %.0f | %.2f | %d MiB | %d MiB | %s |\n", name, r.jobs, r.batch, wall.Seconds(),
			float64(triples)/wall.Seconds(), wall.Seconds()/bulkTime.Seconds(), peak>>20, peakRSS(t, s.PID())>>20, avg)
		s.Kill(t)
	}
}

// loadAverage is the machine's one-minute load average.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
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
