// Command bulkconvert is the core's side of the benchmark in
// BENCHMARKS.md ("Beam pipeline"): what `scholarld convert -j N -t nquads
// --rejects FILE` does, bulk.Run over the inputs writing one N-Quads file
// and the rejects as JSON lines, so that the pipeline is measured against
// the engine it runs, on the same inputs.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/scholarld/scholarld/beam/pipeline"
	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/source"
)

func main() {
	workers := flag.Int("j", 2, "`workers`")
	output := flag.String("o", "out.nq", "N-Quads `file`")
	rejects := flag.String("rejects", "rejects.jsonl", "rejects `file`")
	flag.Parse()
	format, _ := ld.FormatByName("nquads")
	out, err := create(*output)
	if err != nil {
		log.Fatal(err)
	}
	rej, err := create(*rejects)
	if err != nil {
		log.Fatal(err)
	}
	var read, written, rejected, triples int
	opts := bulk.Options{Converter: bulk.Converter{Profile: format.Profile, Encode: format.AppendGraph}, Workers: *workers}
	err = bulk.Run(context.Background(), source.Open(flag.Args(), os.Stdin, nil), opts, func(it *bulk.Item) error {
		read++
		if it.Err != nil {
			rejected++
			line, err := json.Marshal(pipeline.RejectOf(it))
			if err != nil {
				return err
			}
			_, err = rej.Write(append(line, '\n'))
			return err
		}
		written++
		triples += len(it.Graph.Triples)
		_, err := out.Write(it.Encoded)
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range []*bufio.Writer{out, rej} {
		if err := w.Flush(); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("read %d written %d rejected %d triples %d\n", read, written, rejected, triples)
}

func create(name string) (*bufio.Writer, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return bufio.NewWriterSize(f, 1<<20), nil // closed by the exit
}
