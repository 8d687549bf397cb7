// Command scholarld-beam runs scholarld's bulk conversion as an Apache
// Beam pipeline, on any Beam runner:
//
//	scholarld-beam --input 'dumps/*.jsonl.gz' --output out/part --format nquads
//	scholarld-beam --runner dataflow --project P --region R \
//	    --staging_location gs://B/staging --input 'gs://B/in/*' --output gs://B/out/part
//
// It writes one file a part of the input, <output>-FFFFF-PPPPP.nq (or .nt,
// .jsonl): part PPPPP of input file FFFFF; and the rejected records of a
// part, if any, to <rejects>-FFFFF-PPPPP.jsonl. Beam's own flags (--runner,
// and each runner's: --project, --endpoint, --environment_type, ...) are
// passed to Beam. docs/beam.md has the commands for Dataflow, Flink and
// Spark.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs" // gs:// paths
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"  // s3:// paths
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/scholarld/scholarld/beam/pipeline"
	"github.com/scholarld/scholarld/reader/formats"
)

func main() { os.Exit(run()) }

func run() int {
	var opts pipeline.Options
	flag.Func("input", "file `patterns` to read, comma-separated or repeated (local, gs://, s3://)", func(s string) error {
		for p := range strings.SplitSeq(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				opts.Inputs = append(opts.Inputs, p)
			}
		}
		return nil
	})
	flag.StringVar(&opts.Output, "output", "", "`prefix` of the output files: <prefix>-FFFFF-PPPPP.nq, part PPPPP of input FFFFF")
	flag.StringVar(&opts.Rejects, "rejects", "", "`prefix` of the rejects' files (default <output>-rejects)")
	flag.StringVar(&opts.Format, "format", "nquads", "output `format`: nquads, ntriples or jsonl")
	flag.StringVar(&opts.Profile, "profile", "", "vocabulary `profile`: full or schema (default: the format's)")
	flag.StringVar(&opts.From, "from", "", fmt.Sprintf("input `format` of every input, instead of detecting each (one of %s)", formats.Names()))
	flag.Int64Var(&opts.PartSize, "part_size", pipeline.DefaultPartSize, "`bytes` of input in a part: one worker converts it into one output file")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of this process to `file` (with the prism or direct runner, the whole run)")
	flag.Parse()
	beam.Init()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			log.Print(err)
			return 2
		}
		defer stop()
	}

	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, opts); err != nil {
		log.Print(err)
		return 2
	}
	result, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		log.Printf("scholarld-beam: %v", err)
		return 1
	}
	if result != nil {
		printCounters(os.Stderr, result)
	}
	return 0
}

// startCPUProfile profiles the process into the file name until stop.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			log.Print(err)
		}
	}, nil
}

// printCounters writes the run's counters, as far as the runner reports
// them: read, written, rejected, triples, warnings and each kind of
// warning.
func printCounters(w io.Writer, result beam.PipelineResult) {
	totals := map[string]int64{}
	for _, c := range result.Metrics().AllMetrics().Counters() {
		if c.Namespace() == pipeline.Namespace {
			totals[c.Name()] += c.Result()
		}
	}
	for _, name := range slices.Sorted(maps.Keys(totals)) {
		fmt.Fprintf(w, "%s %d\n", name, totals[name])
	}
}
