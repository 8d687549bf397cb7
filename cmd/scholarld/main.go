// Command scholarld turns scholarly article metadata into linked data:
// schema.org and DCMI terms as JSON-LD, Turtle, N-Triples or N-Quads.
//
//	scholarld convert testdata/records/ijms-2014-15-14348.json
//	scholarld formats
//
// Run "scholarld help" for the commands and their flags.
package main

import (
	"os"

	"github.com/scholarld/scholarld/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
