package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/scholarld/scholarld/reader/source"
	"github.com/scholarld/scholarld/validate"
)

// Exit codes of validate, which differ from convert's: a finding of
// severity error is 1, an input that could not be read is 2.
const (
	validateClean      = 0 // no errors (warnings and info allowed)
	validateErrors     = 1 // some finding is an error
	validateUnreadable = 2 // some input could not be read, or the command line is wrong
)

const validateUsage = `Usage: scholarld validate [flags] [FILE|-]...

Checks articles (any input convert reads) and linked data (schema.org
JSON-LD, JSON Lines of JSON-LD, Turtle, N-Triples, N-Quads) and reports
each finding with its severity (error, warning, info), where it is, the
rule's name and a one-line fix, in input order, then the counts per
rule. Inputs stream: N-Quads graph by graph, N-Triples article by
article, JSON Lines line by line, records record by record, checked on
-j cores (docs/validate-streaming.md). A FILE may be a folder, an archive
or compressed; standard input is read when FILE is - or absent.

Exit codes: 0 no errors (warnings and info allowed), 1 some error,
2 an input could not be read (or the command line is wrong).

Flags:
`

// repeated is a flag that may be given more than once.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// validateCommand runs `scholarld validate`.
func validateCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var profiles, vocabFiles repeated
	from := fs.String("f", "", "input `format`: "+strings.Join(validate.InputFormats(), ", ")+" (default: from the extension, else by content)")
	format := fs.String("format", "text", "report `format`: text, json or sarif")
	fs.Var(&profiles, "profile", "also check a consumer `profile`: google, scholar or triplestore (repeatable)")
	fs.Var(&vocabFiles, "vocab-file", "add the vocabulary in `FILE.nt` (N-Triples), such as the schema.org release (repeatable)")
	workers := fs.Int("j", 0, "check on `N` goroutines (default: one per CPU); the report is the same for any N")
	maxFindings := fs.Int("max-findings", 0, "stop after `N` findings, writing a complete report of them (0: no limit)")
	fs.Usage = func() {
		fmt.Fprint(stdout, validateUsage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
	}
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return validateClean
		}
		return validateUnreadable
	}
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	newWriter, ok := map[string]func(io.Writer) validate.Writer{
		"text": validate.NewTextWriter, "json": validate.NewJSONWriter, "sarif": validate.NewSARIFWriter,
	}[*format]
	if !ok {
		fmt.Fprintf(stderr, "scholarld validate: unknown report format %q (text, json or sarif)\n", *format)
		return validateUnreadable
	}
	if *workers < 0 || *maxFindings < 0 {
		fmt.Fprintf(stderr, "scholarld validate: -j and --max-findings take a number of 0 or more\n")
		return validateUnreadable
	}
	opts := validate.Options{Format: *from, Workers: *workers, MaxFindings: *maxFindings}
	for _, name := range profiles {
		p, err := validate.ParseProfile(name)
		if err != nil {
			fmt.Fprintf(stderr, "scholarld validate: %v\n", err)
			return validateUnreadable
		}
		opts.Profiles = append(opts.Profiles, p)
	}
	vocabulary, err := validate.NewVocabulary()
	if err != nil {
		fmt.Fprintf(stderr, "scholarld validate: %v\n", err)
		return validateUnreadable
	}
	for _, path := range vocabFiles {
		data, err := os.ReadFile(path)
		if err == nil {
			err = vocabulary.AddNTriples(data, path)
		}
		if err != nil {
			fmt.Fprintf(stderr, "scholarld validate: --vocab-file: %v\n", err)
			return validateUnreadable
		}
	}
	opts.Vocabulary = vocabulary

	summaries, err := validate.Run(context.Background(), source.Open(inputs, stdin, nil), opts, newWriter(stdout))
	if err != nil {
		fmt.Fprintf(stderr, "scholarld validate: writing the report: %v\n", err)
		return validateUnreadable
	}
	code := validateClean
	for _, s := range summaries {
		switch {
		case s.Unreadable:
			return validateUnreadable
		case s.Count(validate.Error) > 0:
			code = validateErrors
		}
	}
	return code
}
