package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/serve"
)

// TestRun loads a server of the testdata records for a moment: every
// response is a 200 of the media type its client asked for, and the
// report says so. No timing is asserted.
func TestRun(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "records", "*.json"))
	l := serve.NewLoader("http://127.0.0.1", time.Now(), 2)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ld.DecodeRecord(data, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Add(a, nil, p); err != nil {
			t.Fatal(err)
		}
	}
	c, errs := l.Collection()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	srv := httptest.NewServer(serve.NewHandler(c, serve.Options{}))
	defer srv.Close()

	articles, err := articlePaths(srv.URL)
	if err != nil || len(articles) != len(paths) {
		t.Fatalf("the sitemap gave %d paths (%v), want %d", len(articles), err, len(paths))
	}
	r := run(context.Background(), srv.URL, articles, 4, 300*time.Millisecond, 1)
	if len(r.latencies) == 0 || r.failures() != 0 || r.statuses[200] != len(r.latencies) {
		t.Errorf("%d requests, %d failures, statuses %v, first error %v", len(r.latencies), r.failures(), r.statuses, r.firstErr)
	}
	var out bytes.Buffer
	r.print(&out)
	if !strings.Contains(out.String(), "wrong media type: 0; transport errors: 0") {
		t.Errorf("report:\n%s", out.String())
	}
}

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true, "192.0.2.1:80": false, "8.8.8.8:53": false, "nonsense": false} {
		if err := checkLoopback(addr); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v", addr, err)
		}
	}
}

func TestCPUTime(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: not Linux")
	}
	start, err := cpuTime(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		if now, _ := cpuTime(os.Getpid()); now > start {
			return
		}
	}
	t.Errorf("the process's CPU time did not grow from %s while it spun", start)
}
