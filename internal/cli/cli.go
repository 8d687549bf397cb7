// Package cli is the scholarld command line: a function of arguments and
// streams to an exit code, so that tests run it in-process. Results go to
// standard output, diagnostics to standard error as "file:line:col:
// message".
package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
  scholarld serve [flags] INPUT...     serve articles as landing pages and linked data (scholarld serve -h)
  scholarld formats                    list the input and output formats
  scholarld help [COMMAND]             show help

Exit codes: 0 success, 1 the input or a record could not be converted (the
records that could were), 2 usage error, 3 a file could not be opened or the
output not written.
`

const convertUsage = `Usage: scholarld convert [flags] [FILE|-]

Reads articles from FILE (standard input when FILE is - or absent) and writes
them as linked data to standard output, or atomically to the file given by -o.

Flags:
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
	case "serve":
		return serveCommand(args[1:], stdin, stdout, stderr)
	case "formats":
		if len(args) > 1 && isHelp(args[1]) {
			fmt.Fprint(stdout, "Usage: scholarld formats\n\nLists the input formats that convert reads and the output formats it writes.\n")
			return ExitOK
		}
		listFormats(stdout)
		return ExitOK
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			switch args[1] {
			case "convert":
				return convert([]string{"-h"}, stdin, stdout, stderr)
			case "validate":
				return validateCommand([]string{"-h"}, stdin, stdout, stderr)
			}
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

// convertFlags are the settings of one convert run.
type convertFlags struct {
	to, from, vocab, out string
	verbose              bool
	input                string
}

func parseConvert(args []string, stdout, stderr io.Writer) (*convertFlags, int) {
	c := &convertFlags{}
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	outputs := make([]string, len(ld.Formats))
	for i, f := range ld.Formats {
		outputs[i] = f.Name
	}
	fs.StringVar(&c.to, "t", "", "output `format`: "+strings.Join(outputs, ", ")+" (default: from -o's extension, else jsonld)")
	fs.StringVar(&c.from, "f", "", "input `format`: "+formats.Names()+" (default: from the extension, else by content)")
	fs.StringVar(&c.vocab, "vocab", "", "vocabulary `profile`: schema (schema.org only) or full (schema.org + DCMI + BIBO/PRO/SCoRO); default schema for jsonld and html, full otherwise")
	fs.StringVar(&c.out, "o", "", "write to `FILE` (atomically: nothing is left on error) instead of standard output")
	fs.BoolVar(&c.verbose, "v", false, "say which input format was chosen, and report readers' warnings")
	fs.Usage = func() {
		fmt.Fprint(stdout, convertUsage)
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
	if len(positional) > 1 {
		fmt.Fprintf(stderr, "scholarld convert: one input file at a time, got %d\n", len(positional))
		return nil, ExitUsage
	}
	c.input = "-"
	if len(positional) == 1 {
		c.input = positional[0]
	}
	return c, -1
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

func convert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, code := parseConvert(args, stdout, stderr)
	if c == nil {
		return code
	}
	format, ok := outputFormat(c, stderr)
	if !ok {
		return ExitUsage
	}
	profile := format.Profile
	if c.vocab != "" {
		p, err := ld.ParseProfile(c.vocab)
		if err != nil {
			fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
			return ExitUsage
		}
		profile = p
	}
	var in formats.Input
	if c.from != "" {
		if in, ok = formats.ByName(c.from); !ok {
			fmt.Fprintf(stderr, "scholarld convert: unknown input format %q (one of %s)\n", c.from, formats.Names())
			return ExitUsage
		}
	}

	name, data, err := readInput(c.input, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
		return ExitIO
	}
	if in.Name == "" {
		if in, err = formats.Detect(name, data); err != nil {
			fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
			return ExitUsage
		}
	}
	if c.verbose {
		fmt.Fprintf(stderr, "%s: reading as %s, writing %s with the %s profile\n", name, in.Name, format.Name, profile)
	}
	records, err := in.Read(data, name)
	if err != nil {
		report(stderr, name, name, err)
		return ExitData
	}

	out, commit, err := openOutput(c.out, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
		return ExitIO
	}
	enc := format.NewEncoder(out)
	failed, written := 0, 0
	for _, rec := range records {
		where := name
		if len(records) > 1 {
			where = fmt.Sprintf("%s: record %d", name, rec.Index+1)
		}
		if c.verbose {
			for _, w := range rec.Warnings {
				fmt.Fprintf(stderr, "%s: warning: %s\n", where, w)
			}
		}
		if rec.Err != nil {
			report(stderr, name, where, rec.Err)
			failed++
			continue
		}
		g, err := ld.Map(rec.Article, profile)
		if err == nil {
			err = enc.Encode(g)
		}
		if err != nil {
			report(stderr, name, where, err)
			failed++
			continue
		}
		written++
	}
	if err := enc.Close(); err != nil {
		commit(false)
		fmt.Fprintf(stderr, "scholarld convert: writing: %v\n", err)
		return ExitIO
	}
	// Keep the output when something was written, or when nothing failed
	// (an input without records gives an empty file, replacing any old
	// one); otherwise leave any earlier file as it was.
	if err := commit(written > 0 || failed == 0); err != nil {
		fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
		return ExitIO
	}
	if failed > 0 {
		return ExitData
	}
	return ExitOK
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

// outputFormat resolves -t, else -o's extension, else jsonld.
func outputFormat(c *convertFlags, stderr io.Writer) (ld.Format, bool) {
	switch {
	case c.to != "":
		if f, ok := ld.FormatByName(c.to); ok {
			return f, true
		}
		fmt.Fprintf(stderr, "scholarld convert: unknown output format %q (see scholarld formats)\n", c.to)
		return ld.Format{}, false
	case c.out != "" && c.out != "-":
		if f, ok := ld.FormatByFileName(c.out); ok {
			return f, true
		}
		fmt.Fprintf(stderr, "scholarld convert: cannot tell the output format from %q: name it with -t\n", c.out)
		return ld.Format{}, false
	}
	f, _ := ld.FormatByName("jsonld")
	return f, true
}

// report writes an error on stderr, one line per error of a list. An
// error that does not start with the file's name (one found after
// decoding, with a field path but no position) is prefixed with where.
func report(stderr io.Writer, file, where string, err error) {
	var list ld.ErrorList
	errs := []error{err}
	if errors.As(err, &list) {
		errs = list
	}
	for _, e := range errs {
		msg := e.Error()
		if !strings.HasPrefix(msg, file+":") {
			msg = where + ": " + msg
		}
		fmt.Fprintln(stderr, msg)
	}
}

// openOutput returns the writer for the output and a function that ends
// it: with keep, a file output is moved into place; without, it is
// removed, so that no half-written file is ever left.
func openOutput(path string, stdout io.Writer) (io.Writer, func(keep bool) error, error) {
	if path == "" || path == "-" {
		w := bufio.NewWriter(stdout)
		return w, func(bool) error { return w.Flush() }, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, err
	}
	// CreateTemp makes the file private; give it the mode of the file it
	// replaces, or the usual 0644.
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, nil, err
	}
	w := bufio.NewWriter(tmp)
	return w, func(keep bool) error {
		err := w.Flush()
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil || !keep {
			os.Remove(tmp.Name())
			return err
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			os.Remove(tmp.Name())
			return err
		}
		return nil
	}, nil
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
