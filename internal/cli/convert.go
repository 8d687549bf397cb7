package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/source"
)

// ExitInterrupted is the exit code of a run stopped by SIGINT or SIGTERM,
// as shells report a process ended by SIGINT.
const ExitInterrupted = 130

const convertUsage = `Usage: scholarld convert [flags] [INPUT...]

Reads articles from each INPUT (files; folders, walked recursively; tar and
zip archives, member by member; gzip, zstd and bzip2 files; - for standard
input, the default) and writes them as linked data to standard output, or
atomically to the file given by -o (compressed when it ends in .gz or .zst),
or to one file per article with --split. Records are converted on every core
(-j) and written in input order. A bad record is reported and skipped; the
run ends with a summary line on standard error.

Flags:
`

// convertFlags are the settings of one convert run.
type convertFlags struct {
	to, from, vocab, out, rejects, split string
	context, frame                       string // JSON-LD shaped by json-gold (shape.go)
	verbose, progress, noProgress        bool
	workers, maxErrors                   int
	inputs                               []string
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
	fs.StringVar(&c.from, "f", "", "input `format`: "+formats.Names()+" (default: for each input, from the extension, else by content)")
	fs.StringVar(&c.vocab, "vocab", "", "vocabulary `profile`: schema (schema.org only) or full (schema.org + DCMI + BIBO/PRO/SCoRO); default schema for jsonld, jsonl and html, full otherwise")
	fs.StringVar(&c.out, "o", "", "write to `FILE` (atomically: nothing is left on error; .gz and .zst compress) instead of standard output")
	fs.StringVar(&c.context, "context", "", "compact the JSON-LD with the context in `FILE` (or https://schema.org, the embedded one), by json-gold")
	fs.StringVar(&c.frame, "frame", "", "frame the JSON-LD with the JSON-LD 1.1 frame in `FILE`, by json-gold: one document for the whole input")
	fs.StringVar(&c.split, "split", "", "write one file per article into `DIR`, named from its DOI (else its URL)")
	fs.StringVar(&c.rejects, "rejects", "", "write each rejected record to `FILE` as a JSON line: source, position, record, error, raw text")
	fs.IntVar(&c.workers, "j", 0, "convert with `N` workers on at most N cores (default: one per core); the output is the same for any N")
	fs.IntVar(&c.maxErrors, "max-errors", 0, "stop after `N` rejected records (default: never)")
	fs.BoolVar(&c.verbose, "v", false, "say which input format was chosen for each input, and report every reader warning")
	fs.BoolVar(&c.progress, "progress", false, "draw progress on standard error even when it is not a terminal")
	fs.BoolVar(&c.noProgress, "no-progress", false, "never draw progress")
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
	switch {
	case c.workers < 0:
		fmt.Fprintf(stderr, "scholarld convert: -j must be at least 1, got %d\n", c.workers)
		return nil, ExitUsage
	case c.split != "" && c.out != "":
		fmt.Fprintln(stderr, "scholarld convert: -o and --split exclude each other")
		return nil, ExitUsage
	case c.progress && c.noProgress:
		fmt.Fprintln(stderr, "scholarld convert: --progress and --no-progress exclude each other")
		return nil, ExitUsage
	}
	c.inputs = positional
	if len(c.inputs) == 0 {
		c.inputs = []string{source.Stdin}
	}
	return c, -1
}

// interruptContext is done when the process receives SIGINT or SIGTERM, so
// that a run stops and removes its temporary output. Tests replace it.
var interruptContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// errMaxErrors stops a run that reached --max-errors.
var errMaxErrors = errors.New("too many rejected records")

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
			fmt.Fprintf(stderr, "scholarld convert: unknown vocabulary profile %q for --vocab (schema or full)\n", c.vocab)
			return ExitUsage
		}
		profile = p
	}
	shaped, code, err := shapedEncoder(c, format)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
		return code
	}
	if c.from != "" {
		if _, ok := formats.ByName(c.from); !ok {
			fmt.Fprintf(stderr, "scholarld convert: unknown input format %q (one of %s)\n", c.from, formats.Names())
			return ExitUsage
		}
	}

	var sink articleSink
	if c.split != "" {
		sink, err = newSplitSink(c.split, format, shaped)
	} else {
		sink, err = newStreamSink(c.out, stdout, format, shaped)
	}
	if err != nil {
		fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
		return ExitIO
	}
	var rejects *rejectsFile
	if c.rejects != "" {
		if rejects, err = createRejects(c.rejects); err != nil {
			sink.finish(false)
			fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
			return ExitIO
		}
	}

	ctx, stop := interruptContext()
	defer stop()
	// A bulk run allocates many short-lived values per record; collecting
	// less often costs about 20 % less CPU for twice a heap that stays
	// near 25 MB (BENCHMARKS.md). GOGC, when set, still rules.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	// -j N runs on N cores: the reading, the writing and the collector
	// share them with the workers, so that -j 1 takes one core, not one
	// worker and the spare cores' time (BENCHMARKS.md). GOMAXPROCS, when
	// set, still rules.
	if c.workers > 0 && c.workers < runtime.GOMAXPROCS(0) && os.Getenv("GOMAXPROCS") == "" {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(c.workers))
	}
	prog := newProgress(c, stderr)
	run := &convertRun{flags: c, stderr: stderr, sink: sink, rejects: rejects, warnings: map[string]*warningCount{}, start: time.Now(), progress: prog, format: format, profile: profile}
	opts := bulk.Options{From: c.from, Workers: c.workers, Converter: bulk.Converter{Profile: profile}}
	if stream, ok := sink.(*streamSink); ok && stream.enc == nil {
		opts.Converter.Encode = format.AppendGraph
		opts.Converter.EncodedOnly = true
	}
	opts.OnInput = func(string) { run.inputs.Add(1) }
	err = bulk.Run(ctx, source.Open(c.inputs, stdin, prog.addBytes), opts, run.item)
	prog.finish()

	stopped := err != nil
	// An output with no record in it replaces nothing: not when every
	// record was rejected, nor when no input could be read.
	keep := !stopped && (run.written > 0 || run.rejected == 0 && run.inputErrors == 0)
	var outErr *outputError
	if ferr := sink.finish(keep); ferr != nil && !errors.As(err, &outErr) {
		fmt.Fprintf(stderr, "scholarld convert: writing: %v\n", ferr)
		run.ioFailed = true
	}
	if rejects != nil {
		if rerr := rejects.close(); rerr != nil {
			fmt.Fprintf(stderr, "scholarld convert: %v\n", rerr)
			run.ioFailed = true
		}
	}
	run.summary()
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "scholarld convert: interrupted; nothing was left at the output")
		return ExitInterrupted
	case errors.Is(err, errMaxErrors):
		fmt.Fprintf(stderr, "scholarld convert: stopped after %d rejected records (--max-errors)\n", run.rejected)
		return ExitData
	case err != nil:
		fmt.Fprintf(stderr, "scholarld convert: %v\n", err)
		return ExitIO
	case run.ioFailed:
		return ExitIO
	case run.rejected > 0 || run.inputErrors > 0:
		return ExitData
	}
	return ExitOK
}

// convertRun is the state of one convert run, fed by bulk.Run in input
// order.
type convertRun struct {
	flags    *convertFlags
	stderr   io.Writer
	sink     articleSink
	rejects  *rejectsFile
	progress *progress
	format   ld.Format
	profile  ld.Profile

	start                            time.Time
	inputs                           atomic.Int64 // counted as the inputs are opened
	inputErrors                      int
	read, written, rejected, triples int
	warningTotal                     int
	warnings                         map[string]*warningCount
	lastSource                       string
	ioFailed                         bool
}

type warningCount struct {
	n     int
	first reader.Warning
}

// item takes one record's outcome.
func (r *convertRun) item(it *bulk.Item) error {
	if it.Source != r.lastSource || it.InputError {
		r.lastSource = it.Source
		if r.flags.verbose && it.Format != "" {
			fmt.Fprintf(r.stderr, "%s: reading as %s, writing %s with the %s profile\n", it.Source, it.Format, r.format.Name, r.profile)
		}
	}
	if it.InputError {
		r.inputErrors++
		var pathErr *fs.PathError
		if errors.As(it.Err, &pathErr) {
			r.ioFailed = true
		}
		r.report(it)
		return r.reject(it)
	}
	r.read++
	r.noteWarnings(it)
	if it.Err == nil {
		it.Err = r.sink.write(it)
		var outErr *outputError
		if errors.As(it.Err, &outErr) {
			r.read--
			return outErr // no later record could be written either
		}
	}
	if it.Err != nil {
		r.rejected++
		r.report(it)
		if err := r.reject(it); err != nil {
			return err
		}
		if r.flags.maxErrors > 0 && r.rejected >= r.flags.maxErrors {
			return errMaxErrors
		}
		return nil
	}
	r.written++
	r.triples += it.Triples
	r.progress.addRecord(it.Triples)
	return nil
}

func (r *convertRun) reject(it *bulk.Item) error {
	if r.rejects == nil {
		return nil
	}
	if err := r.rejects.write(it); err != nil {
		return fmt.Errorf("writing rejects: %w", err)
	}
	return nil
}

// report writes the item's errors, one line each, as
// "source:line:col: record N: field.path: message".
func (r *convertRun) report(it *bulk.Item) {
	var list ld.ErrorList
	errs := []error{it.Err}
	if errors.As(it.Err, &list) {
		errs = list
	}
	for _, e := range errs {
		r.progress.clear()
		fmt.Fprintln(r.stderr, errorLine(it, e))
	}
}

// errorLine places one error of an item: at the error's own position when
// it has one, else at the record's.
func errorLine(it *bulk.Item, err error) string {
	pos, msg := it.Pos, err.Error()
	var field *ld.FieldError
	var recordSyntax *ld.SyntaxError
	var readerSyntax *reader.SyntaxError
	var pathErr *fs.PathError
	var damage *source.ReadError
	switch {
	case errors.As(err, &field):
		if field.Pos.IsValid() {
			pos = field.Pos
		}
		msg = field.Path + ": " + field.Err.Error()
	case errors.As(err, &recordSyntax):
		if recordSyntax.Pos.IsValid() {
			pos = recordSyntax.Pos
		}
		msg = "syntax error: " + recordSyntax.Err.Error()
	case errors.As(err, &readerSyntax):
		if readerSyntax.Pos.IsValid() {
			pos = readerSyntax.Pos
		}
		msg = readerSyntax.Format + ": " + readerSyntax.Err.Error()
	case errors.As(err, &pathErr) && pathErr.Path == it.Source:
		msg = pathErr.Err.Error() // not "stat a.json:" after "a.json:"
	case errors.As(err, &damage) && strings.HasPrefix(it.Source, damage.Name+":"):
		// Damage in the archive that holds the input: "a.tgz:m.xml: gzip:
		// ...", not "a.tgz:m.xml: a.tgz: gzip: ...".
		msg = strings.TrimPrefix(msg, damage.Name+": ")
	}
	where := pos.String()
	if where == "" {
		where = it.Source
	}
	// An error that names its input itself ("a.html: html: ...",
	// "a.gz: gzip: ...") is placed there, and the name is not repeated.
	if rest, ok := strings.CutPrefix(msg, it.Source+":"); ok {
		if m := lineColumn.FindStringSubmatch(rest); m != nil {
			where, msg = it.Source+":"+m[1], m[2]
		} else {
			where, msg = it.Source, strings.TrimPrefix(rest, " ")
		}
	}
	if !it.InputError {
		where += fmt.Sprintf(": record %d", it.Index+1)
	}
	return where + ": " + msg
}

// lineColumn is the "12:7: " that may follow a file's name in a message.
var lineColumn = regexp.MustCompile(`(?s)^(\d+:\d+): (.*)$`)

// noteWarnings prints the item's warnings with -v, each distinct one once
// with its count, and counts them by kind for the summary.
func (r *convertRun) noteWarnings(it *bulk.Item) {
	if len(it.Warnings) == 0 {
		return
	}
	type seen struct {
		w reader.Warning
		n int
	}
	var distinct []*seen
	index := map[reader.Warning]*seen{}
	for _, w := range it.Warnings {
		r.warningTotal++
		kind := r.warnings[w.Path]
		if kind == nil {
			kind = &warningCount{first: w}
			r.warnings[w.Path] = kind
		}
		kind.n++
		if s := index[w]; s != nil {
			s.n++
			continue
		}
		s := &seen{w: w, n: 1}
		index[w] = s
		distinct = append(distinct, s)
	}
	if !r.flags.verbose {
		return
	}
	r.progress.clear()
	where := it.Pos.String()
	if !it.Pos.IsValid() {
		where = it.Source
	}
	for _, s := range distinct {
		line := fmt.Sprintf("%s: record %d: warning: %s", where, it.Index+1, s.w)
		if s.n > 1 {
			line += fmt.Sprintf(" (%d times)", s.n)
		}
		fmt.Fprintln(r.stderr, line)
	}
}

// summary writes the closing line, and the most frequent warnings when -v
// did not print them.
func (r *convertRun) summary() {
	elapsed := time.Since(r.start)
	rate := float64(r.read) / max(elapsed.Seconds(), 1e-9)
	line := fmt.Sprintf("scholarld convert: %s, %s read, %d written, %d rejected, %d triples, %.2f s, %.0f records/s",
		plural(int(r.inputs.Load()), "input"), plural(r.read, "record"), r.written, r.rejected, r.triples, elapsed.Seconds(), rate)
	if r.inputErrors > 0 {
		line += fmt.Sprintf("; %s could not be read", plural(r.inputErrors, "input"))
	}
	fmt.Fprintln(r.stderr, line)
	if r.flags.verbose || r.warningTotal == 0 {
		return
	}
	kinds := make([]string, 0, len(r.warnings))
	for k := range r.warnings {
		kinds = append(kinds, k)
	}
	sortByCount(kinds, func(k string) int { return r.warnings[k].n })
	fmt.Fprintf(r.stderr, "scholarld convert: %s (-v prints each); the most frequent:\n", plural(r.warningTotal, "warning"))
	for _, k := range kinds[:min(10, len(kinds))] {
		fmt.Fprintf(r.stderr, "  %d × %s\n", r.warnings[k].n, r.warnings[k].first)
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// outputFormat resolves -t, else -o's extension (through .gz or .zst),
// else jsonld.
func outputFormat(c *convertFlags, stderr io.Writer) (ld.Format, bool) {
	switch {
	case c.to != "":
		if f, ok := ld.FormatByName(c.to); ok {
			name, _ := compressionOf(c.out)
			if byName, ok := ld.FormatByFileName(name); ok && c.out != "-" && byName.Name != f.Name {
				fmt.Fprintf(stderr, "scholarld convert: warning: writing %s to %s, whose extension says %s\n", f.Name, c.out, byName.Name)
			}
			return f, true
		}
		fmt.Fprintf(stderr, "scholarld convert: unknown output format %q (see scholarld formats)\n", c.to)
		return ld.Format{}, false
	case c.out != "" && c.out != "-":
		name, _ := compressionOf(c.out)
		if f, ok := ld.FormatByFileName(name); ok {
			return f, true
		}
		fmt.Fprintf(stderr, "scholarld convert: cannot tell the output format from %q: name it with -t\n", c.out)
		return ld.Format{}, false
	}
	f, _ := ld.FormatByName("jsonld")
	return f, true
}

// rejectsFile writes --rejects: one JSON object per line.
type rejectsFile struct {
	out *fileOutput
	enc *json.Encoder
}

// rejectLine is one line of --rejects.
type rejectLine struct {
	Source string `json:"source"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Record is the record's number in its source, from 1; absent for an
	// input that could not be read at all.
	Record int    `json:"record,omitempty"`
	Error  string `json:"error"`
	Raw    string `json:"raw,omitempty"`
}

func createRejects(path string) (*rejectsFile, error) {
	out, err := createFileOutput(path)
	if err != nil {
		return nil, fmt.Errorf("--rejects: %w", err)
	}
	enc := json.NewEncoder(out.w)
	enc.SetEscapeHTML(false)
	return &rejectsFile{out: out, enc: enc}, nil
}

func (f *rejectsFile) write(it *bulk.Item) error {
	line := rejectLine{Source: it.Source, Line: it.Pos.Line, Column: it.Pos.Column, Error: it.Err.Error(), Raw: string(it.Raw)}
	if !it.InputError {
		line.Record = it.Index + 1
	}
	return f.enc.Encode(line)
}

func (f *rejectsFile) close() error { return f.out.finish(true) }
