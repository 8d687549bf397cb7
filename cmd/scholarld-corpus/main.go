// Command scholarld-corpus writes a generated corpus of records as JSON
// Lines, for trying and measuring bulk runs:
//
//	go run ./cmd/scholarld-corpus -n 100000 -bad 100 > corpus.jsonl
//
// It varies the records of testdata/records (run it from the module
// root, or name the root with -root) and reports the bad records' lines
// on standard error.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/scholarld/scholarld/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "number of `records`")
	bad := flag.Int("bad", 0, "make every `N`-th record bad (0: none)")
	seed := flag.Uint64("seed", 1, "random `seed`")
	root := flag.String("root", ".", "the module root, whose testdata/records are the bases")
	flag.Parse()
	bases, err := corpus.LoadBases(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholarld-corpus:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	badLines, err := corpus.Write(w, bases, corpus.Options{Records: *n, BadEvery: *bad, Seed: *seed})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholarld-corpus:", err)
		os.Exit(1)
	}
	kinds := make([]string, 0, len(badLines))
	for k := range badLines {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(os.Stderr, "%s: %d records\n", k, len(badLines[k]))
	}
}
