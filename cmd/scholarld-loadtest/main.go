// Command scholarld-loadtest measures a running `scholarld serve` on the
// loopback interface: for a fixed duration, a fixed number of clients
// request random articles of the collection (found through its sitemap)
// with the Accept headers of real clients, and it reports requests per
// second, latency percentiles, status codes and, given the server's pid,
// its resident memory. It stops by itself, refuses any address that is not
// loopback, and exits 1 when a response was a 5xx, had the wrong media
// type, or failed.
//
//	scholarld serve --addr 127.0.0.1:8080 corpus.jsonl &
//	scholarld-loadtest -addr 127.0.0.1:8080 -duration 20s -clients 32 -pid $!
package main

import (
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// profile is one kind of client: what it sends and the media type it must
// get back.
type profile struct {
	name, accept, acceptEncoding, wantType string
	weight                                 int
}

// profiles is the mix of clients, by weight: people in browsers first,
// then linked-data clients.
var profiles = []profile{
	{"browser", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "gzip, deflate, br", "text/html", 40},
	{"curl", "*/*", "", "text/html", 5},
	{"jsonld.js", "application/ld+json, application/json", "gzip, deflate, br", "application/ld+json", 20},
	{"rdflib turtle", "text/turtle, application/x-turtle, */*;q=0.1", "", "text/turtle", 15},
	{"n-triples", "application/n-triples", "", "application/n-triples", 8},
	{"n-quads", "application/n-quads", "gzip", "application/n-quads", 6},
	{"json-ld expanded", `application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"`, "", "application/ld+json", 6},
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the server's `host:port`, on loopback")
	duration := flag.Duration("duration", 10*time.Second, "how long to send requests")
	clients := flag.Int("clients", 32, "concurrent clients, each with its own connection")
	pid := flag.Int("pid", 0, "the server's process id, to report its memory (Linux)")
	seed := flag.Uint64("seed", 1, "random seed for the choice of articles and clients")
	flag.Parse()
	if err := checkLoopback(*addr); err != nil {
		fmt.Fprintln(os.Stderr, "scholarld-loadtest:", err)
		os.Exit(2)
	}
	base := "http://" + *addr
	paths, err := articlePaths(base)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholarld-loadtest:", err)
		os.Exit(1)
	}
	var cpuBefore time.Duration
	if *pid > 0 {
		fmt.Printf("server memory before: %s\n", memory(*pid))
		cpuBefore, _ = cpuTime(*pid)
	}
	r := run(context.Background(), base, paths, *clients, *duration, *seed)
	r.print(os.Stdout)
	if *pid > 0 {
		fmt.Printf("server memory after: %s\n", memory(*pid))
		// CPU time per response does not depend on what else the machine
		// runs, unlike the rate: it says what the server could do alone.
		if cpuAfter, err := cpuTime(*pid); err == nil && len(r.latencies) > 0 {
			used := cpuAfter - cpuBefore
			per := used / time.Duration(len(r.latencies))
			fmt.Printf("server CPU: %s for %d responses, %s each: %.0f responses/s per core\n",
				used.Round(10*time.Millisecond), len(r.latencies), per, float64(time.Second)/float64(per))
		}
	}
	if r.failures() > 0 {
		os.Exit(1)
	}
}

// checkLoopback refuses an address whose host is not a loopback address.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return err
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("%s is not a loopback address: this tool only loads the local machine", addr)
		}
	}
	return nil
}

// articlePaths reads the article paths from the sitemap, following a
// sitemap index.
func articlePaths(base string) ([]string, error) {
	var doc struct {
		URLs     []string `xml:"url>loc"`
		Sitemaps []string `xml:"sitemap>loc"`
	}
	resp, err := http.Get(base + "/sitemap.xml")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := xml.NewDecoder(resp.Body).Decode(&doc); err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	locs := doc.URLs
	for _, part := range doc.Sitemaps {
		resp, err := http.Get(base + pathOf(part))
		if err != nil {
			return nil, err
		}
		var sub struct {
			URLs []string `xml:"url>loc"`
		}
		err = xml.NewDecoder(resp.Body).Decode(&sub)
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("sitemap %s: %w", part, err)
		}
		locs = append(locs, sub.URLs...)
	}
	if len(locs) == 0 {
		return nil, errors.New("the sitemap lists no articles")
	}
	paths := make([]string, len(locs))
	for i, loc := range locs {
		paths[i] = pathOf(loc)
	}
	return paths, nil
}

// pathOf is the path of an absolute URL: the server's base URL may name
// another host than the one it listens on.
func pathOf(loc string) string {
	rest := loc[strings.Index(loc, "://")+3:]
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return "/"
}

// result gathers what the clients saw.
type result struct {
	elapsed   time.Duration
	latencies []time.Duration
	statuses  map[int]int
	byProfile map[string]int
	wrongType int
	errors    int
	firstErr  error
	bytes     int64
}

func (r *result) failures() int {
	n := r.wrongType + r.errors
	for status, count := range r.statuses {
		if status >= 500 {
			n += count
		}
	}
	return n
}

// run sends requests from clients goroutines for duration.
func run(ctx context.Context, base string, paths []string, clients int, duration time.Duration, seed uint64) *result {
	total := 0
	for _, p := range profiles {
		total += p.weight
	}
	ctx, cancel := context.WithTimeout(ctx, duration)
	defer cancel()
	results := make([]*result, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[c] = client(ctx, base, paths, total, rand.New(rand.NewPCG(seed, uint64(c))))
		}()
	}
	wg.Wait()
	all := &result{elapsed: time.Since(start), statuses: map[int]int{}, byProfile: map[string]int{}}
	for _, r := range results {
		all.latencies = append(all.latencies, r.latencies...)
		for k, v := range r.statuses {
			all.statuses[k] += v
		}
		for k, v := range r.byProfile {
			all.byProfile[k] += v
		}
		all.wrongType += r.wrongType
		all.errors += r.errors
		all.bytes += r.bytes
		if all.firstErr == nil {
			all.firstErr = r.firstErr
		}
	}
	slices.Sort(all.latencies)
	return all
}

// client is one connection's loop of requests.
func client(ctx context.Context, base string, paths []string, totalWeight int, rng *rand.Rand) *result {
	r := &result{statuses: map[int]int{}, byProfile: map[string]int{}}
	transport := &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}
	defer transport.CloseIdleConnections()
	for ctx.Err() == nil {
		p := pick(rng.IntN(totalWeight))
		req, _ := http.NewRequest(http.MethodGet, base+paths[rng.IntN(len(paths))], nil)
		req.Header.Set("Accept", p.accept)
		if p.acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", p.acceptEncoding)
		}
		sent := time.Now()
		resp, err := transport.RoundTrip(req)
		if err == nil {
			var n int64
			n, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			r.bytes += n
		}
		if err != nil {
			if ctx.Err() == nil {
				r.errors++
				if r.firstErr == nil {
					r.firstErr = err
				}
			}
			continue
		}
		r.latencies = append(r.latencies, time.Since(sent))
		r.statuses[resp.StatusCode]++
		r.byProfile[p.name]++
		if got, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";"); got != p.wantType {
			r.wrongType++
		}
	}
	return r
}

func pick(n int) profile {
	for _, p := range profiles {
		if n < p.weight {
			return p
		}
		n -= p.weight
	}
	return profiles[len(profiles)-1]
}

func (r *result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
}

func (r *result) print(w io.Writer) {
	n := len(r.latencies)
	fmt.Fprintf(w, "requests: %d in %s: %.0f/s, %.1f MB/s\n", n, r.elapsed.Round(time.Millisecond), float64(n)/r.elapsed.Seconds(), float64(r.bytes)/r.elapsed.Seconds()/1e6)
	fmt.Fprintf(w, "latency: p50 %s, p90 %s, p99 %s, max %s\n", r.percentile(0.50), r.percentile(0.90), r.percentile(0.99), r.percentile(1))
	fmt.Fprintf(w, "status:")
	for _, status := range slices.Sorted(maps.Keys(r.statuses)) {
		fmt.Fprintf(w, " %d×%d", status, r.statuses[status])
	}
	fmt.Fprintf(w, "; wrong media type: %d; transport errors: %d\n", r.wrongType, r.errors)
	if r.firstErr != nil {
		fmt.Fprintf(w, "first error: %v\n", r.firstErr)
	}
	fmt.Fprintf(w, "clients:")
	for _, p := range profiles {
		fmt.Fprintf(w, " %s %d;", p.name, r.byProfile[p.name])
	}
	fmt.Fprintln(w)
}

// cpuTime reads the user and system CPU time of a process from
// /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s, the value
// of USER_HZ on Linux).
func cpuTime(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// memory reads the resident set size and its peak from /proc.
func memory(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return err.Error()
	}
	var parts []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") || strings.HasPrefix(line, "VmHWM:") {
			parts = append(parts, strings.Join(strings.Fields(line), " "))
		}
	}
	return strings.Join(parts, ", ")
}
