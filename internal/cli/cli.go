// Package cli is the scholarld command line: a function of arguments and
// streams to an exit code, so that tests run it in-process. Results go to
// standard output, diagnostics to standard error as "file:line:col:
// message".
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/formats"
)

// Exit codes.
const (
	ExitOK    = 0 // every record converted
	ExitData  = 1 // the input or a record could not be read or mapped; the others were written
	ExitUsage = 2 // the command line is wrong
	ExitIO    = 3 // a file could not be opened, or the output not written
)

const usage = `scholarld turns scholarly article metadata into linked data.

Usage:
  scholarld convert [flags] [FILE|-]   convert articles (stdin when FILE is - or absent)
  scholarld validate [flags] [FILE|-]... check articles and linked data (scholarld validate -h)
  scholarld load --endpoint URL [FILE|-]... put articles into a triple store (scholarld load -h)
  scholarld serve [flags] INPUT...     serve articles as landing pages and linked data (scholarld serve -h)
  scholarld formats                    list the input and output formats
  scholarld version                    print the version (also --version)
  scholarld help [COMMAND]             show help

Exit codes: 0 success, 1 the input or a record could not be converted (the
records that could were), 2 usage error, 3 a file could not be opened or the
output not written.
`

// Main runs the command line and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	switch args[0] {
	case "convert":
		return convert(args[1:], stdin, stdout, stderr)
	case "validate":
		return validateCommand(args[1:], stdin, stdout, stderr)
	case "load":
		return loadCommand(args[1:], stdin, stdout, stderr)
	case "serve":
		return serveCommand(args[1:], stdin, stdout, stderr)
	case "formats":
		if len(args) > 1 && isHelp(args[1]) {
			fmt.Fprint(stdout, "Usage: scholarld formats\n\nLists the input formats that convert reads and the output formats it writes.\n")
			return ExitOK
		}
		listFormats(stdout)
		return ExitOK
	case "version", "-version", "--version":
		return printVersion(stdout)
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			switch args[1] {
			case "convert":
				return convert([]string{"-h"}, stdin, stdout, stderr)
			case "validate":
				return validateCommand([]string{"-h"}, stdin, stdout, stderr)
			case "load":
				return loadCommand([]string{"-h"}, stdin, stdout, stderr)
			case "formats":
				return Main([]string{"formats", "-h"}, stdin, stdout, stderr)
			case "version":
				fmt.Fprint(stdout, "Usage: scholarld version\n\nPrints the version, the commit and the Go release the binary was built from.\n")
				return ExitOK
			case "help":
				fmt.Fprint(stdout, usage)
				return ExitOK
			}
			fmt.Fprintf(stderr, "scholarld help: no help on %q (commands: convert, validate, load, formats, version, help)\n", args[1])
			return ExitUsage
		}
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "scholarld: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// parseInterspersed parses flags that may stand before, between and after
// the positional arguments, which it returns in order: the flag package
// alone stops at the first positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// readInput reads the file named by an argument, or standard input for
// "-", and returns the name to give it in messages.
func readInput(arg string, stdin io.Reader) (name string, data []byte, err error) {
	if arg == "-" {
		data, err = io.ReadAll(stdin)
		return "<stdin>", data, err
	}
	data, err = os.ReadFile(arg)
	return arg, data, err
}

// listFormats writes the format tables.
func listFormats(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintln(tw, "Output formats (convert -t):")
	fmt.Fprintln(tw, "  NAME\tEXTENSIONS\tMEDIA TYPE\tPROFILE")
	for _, f := range ld.Formats {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", f.Name, strings.Join(f.Extensions, " "), f.MediaType, f.Profile)
	}
	fmt.Fprintln(tw, "\nInput formats (convert -f), sniffed in this order:")
	fmt.Fprintln(tw, "  NAME\tEXTENSIONS\tMEDIA TYPES\tDESCRIPTION")
	for _, in := range formats.Inputs {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", in.Name, strings.Join(in.Extensions, " "), strings.Join(in.MediaTypes, " "), in.Description)
	}
}
