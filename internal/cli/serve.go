package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/source"
	"github.com/scholarld/scholarld/serve"
)

const serveUsage = `Usage: scholarld serve [flags] INPUT...

Reads a collection (files, folders, archives, compressed files, JSON Lines;
- for standard input) and serves it over HTTP: a landing page per article at
/doi/{doi} (or /id/{hash} without DOI), the same URL as JSON-LD, Turtle,
N-Triples or N-Quads by content negotiation (Accept, or ?format=), an index
at /, /sitemap.xml, /.well-known/void, /dump.nq.gz and /healthz.
SIGINT or SIGTERM stops it gracefully. Access log on standard error.

Flags:
`

// serveFlags are the settings of a serve run.
type serveFlags struct {
	addr, base, from string
	workers          int
	inputs           []string
}

func parseServe(args []string, stdout, stderr io.Writer) (*serveFlags, int) {
	s := &serveFlags{}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&s.addr, "addr", "127.0.0.1:8080", "listen on `host:port` (loopback unless you say otherwise)")
	fs.StringVar(&s.base, "base-url", "", "the public `URL` of the server, for canonical links, the sitemap and VoID (default http://ADDR)")
	fs.StringVar(&s.from, "f", "", "input `format`: "+formats.Names()+" (default: detected per input)")
	fs.IntVar(&s.workers, "workers", 0, "reading and encoding goroutines (default: one per CPU)")
	fs.Usage = func() {
		fmt.Fprint(stdout, serveUsage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, ExitOK
		}
		return nil, ExitUsage
	}
	if len(positional) == 0 {
		fmt.Fprintln(stderr, "scholarld serve: name at least one INPUT (- for standard input)")
		return nil, ExitUsage
	}
	s.inputs = positional
	if s.base == "" {
		s.base = "http://" + s.addr
	}
	u, err := url.Parse(s.base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		fmt.Fprintf(stderr, "scholarld serve: --base-url %q is not an http(s) URL without query or fragment\n", s.base)
		return nil, ExitUsage
	}
	return s, -1
}

func serveCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s, code := parseServe(args, stdout, stderr)
	if s == nil {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	start := time.Now()
	loader := serve.NewLoader(s.base, inputsModified(s.inputs, start), s.workers)
	loaded, rejected := 0, 0
	opts := bulk.Options{From: s.from, Workers: s.workers, Converter: bulk.Converter{Profile: ld.SchemaProfile}}
	err := bulk.Run(ctx, source.Open(s.inputs, stdin, nil), opts, func(it *bulk.Item) error {
		if it.Err == nil {
			if err := loader.Add(it.Article, it.Graph, recordWhere(it)); err != nil {
				it.Err = err
			}
		}
		if it.Err != nil {
			reportRejected(stderr, it)
			rejected++
			return nil
		}
		loaded++
		return nil
	})
	collection, encodeErrs := loader.Collection()
	// Loading made garbage several times the size of the collection:
	// give it back to the system before serving. (Go's GOGC=100 then lets
	// the heap grow to twice the collection under load; BENCHMARKS.md
	// says what GOGC=25 saves and costs.)
	debug.FreeOSMemory()
	for _, e := range encodeErrs {
		fmt.Fprintln(stderr, e)
	}
	loaded -= len(encodeErrs)
	rejected += len(encodeErrs)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld serve: %v\n", err)
		return ExitData
	}
	fmt.Fprintf(stderr, "scholarld serve: %d articles loaded, %d rejected, in %s\n", loaded, rejected, time.Since(start).Round(time.Millisecond))
	if loaded == 0 && rejected > 0 {
		fmt.Fprintln(stderr, "scholarld serve: no article to serve")
		return ExitData
	}

	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld serve: %v\n", err)
		return ExitIO
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "base_url", s.base, "articles", collection.Len())
	srv := serve.NewServer(serve.NewHandler(collection, serve.Options{Logger: log}), log)
	if err := serve.Serve(ctx, srv, ln); err != nil {
		fmt.Fprintf(stderr, "scholarld serve: %v\n", err)
		return ExitIO
	}
	log.Info("stopped")
	return ExitOK
}

// recordWhere names a record: "source:line:col: record N".
func recordWhere(it *bulk.Item) string {
	pos := it.Pos
	if pos.File == "" {
		pos.File = it.Source
	}
	return fmt.Sprintf("%s: record %d", pos, it.Index+1)
}

// reportRejected writes why a record was rejected, one line per error:
// "source:line:col: record N: message", with the position of the error
// itself when the reader gives one. It stands apart so that it can give
// way to the reporting convert uses for the same items.
func reportRejected(stderr io.Writer, it *bulk.Item) {
	var list ld.ErrorList
	errs := []error{it.Err}
	if errors.As(it.Err, &list) {
		errs = list
	}
	for _, e := range errs {
		msg := e.Error()
		if rest, ok := strings.CutPrefix(msg, it.Source+":"); ok {
			if m := linePrefix.FindStringSubmatch(rest); m != nil {
				fmt.Fprintf(stderr, "%s:%s: record %d: %s\n", it.Source, m[1], it.Index+1, m[2])
				continue
			}
			msg = strings.TrimPrefix(rest, " ")
		}
		fmt.Fprintf(stderr, "%s: %s\n", recordWhere(it), msg)
	}
}

// linePrefix matches the "line:col: message" after an error's source.
var linePrefix = regexp.MustCompile(`^(\d+:\d+): (.*)$`)

// inputsModified is the newest modification time of the input files, the
// collection's Last-Modified; now when an input is standard input or
// cannot be walked.
func inputsModified(inputs []string, now time.Time) time.Time {
	var newest time.Time
	for _, in := range inputs {
		if in == source.Stdin {
			return now
		}
		err := filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			if info.ModTime().After(newest) {
				newest = info.ModTime()
			}
			return nil
		})
		if err != nil {
			return now
		}
	}
	if newest.IsZero() || newest.After(now) {
		return now
	}
	return newest
}
