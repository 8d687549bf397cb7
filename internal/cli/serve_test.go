package cli

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/testkit"
)

// TestServeCommand runs scholarld serve on a folder with a duplicate and
// a broken record, reads an article from it, and stops it with SIGTERM.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(testkit.Root(t), "testdata", "records", "ijms-2014-15-14348.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.json"), seed, 0o644)
	// The same DOI in another case, and a record that does not decode.
	os.WriteFile(filepath.Join(dir, "b.json"), bytes.Replace(seed, []byte("ijms150814348"), []byte("IJMS150814348"), 1), 0o644)
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte("{\"title\": \"x\", \"doi\": 5}\n"), 0o644)

	pr, pw := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		exit <- Main([]string{"serve", "--addr", "127.0.0.1:0", "--base-url", "https://data.example.org", dir}, nil, io.Discard, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var log []string
	addr := ""
	serving := regexp.MustCompile(`msg=serving addr=(http://127\.0\.0\.1:\d+)`)
	for addr == "" && lines.Scan() {
		log = append(log, lines.Text())
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("the server did not start:\n%s", strings.Join(log, "\n"))
	}
	rest := make(chan []string)
	go func() {
		var more []string
		for lines.Scan() {
			more = append(more, lines.Text())
		}
		rest <- more
	}()
	startup := strings.Join(log, "\n")
	for _, want := range []string{
		filepath.Join(dir, "b.json") + ":1:1: record 1: DOI 10.3390/IJMS150814348 is already served, from " + filepath.Join(dir, "a.json") + ":1:1: record 1",
		filepath.Join(dir, "c.jsonl") + ":1:23: record 1: doi: want a string",
		"scholarld serve: 1 articles loaded, 2 rejected",
	} {
		if !strings.Contains(startup, want) {
			t.Errorf("startup lacks %q:\n%s", want, startup)
		}
	}

	req, _ := http.NewRequest("GET", addr+"/doi/10.3390/ijms150814348", nil)
	req.Header.Set("Accept", "text/turtle")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("@prefix")) {
		t.Errorf("GET: %d %.80s", resp.StatusCode, body)
	}

	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	select {
	case code := <-exit:
		if code != ExitOK {
			t.Errorf("exit code %d after SIGTERM", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	after := strings.Join(<-rest, "\n")
	if !strings.Contains(after, "path=/doi/10.3390/ijms150814348 status=200") || !strings.Contains(after, "msg=stopped") {
		t.Errorf("the access log lacks the request or the stop:\n%s", after)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve"},
		{"serve", "--base-url", "ftp://x", "a.json"},
		{"serve", "--base-url", "https://x/?q=1", "a.json"},
		{"serve", "--nope", "a.json"},
	} {
		var stderr bytes.Buffer
		if code := Main(args, nil, io.Discard, &stderr); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, ExitUsage, stderr.String())
		}
	}
	var stdout bytes.Buffer
	if code := Main([]string{"serve", "-h"}, nil, &stdout, io.Discard); code != ExitOK || !strings.Contains(stdout.String(), "--base-url") && !strings.Contains(stdout.String(), "-base-url") {
		t.Errorf("serve -h: %d %s", code, stdout.String())
	}
}
