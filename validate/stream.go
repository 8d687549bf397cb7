package validate

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/source"
	"github.com/scholarld/scholarld/reader/textpos"
)

// A validation streams: one goroutine cuts an input into units that are
// checked on their own (a graph of N-Quads, an article's triples of
// N-Triples, a line of JSON Lines, a chunk of a record reader); workers
// check the units in parallel; the caller's goroutine receives each
// unit's findings in input order and writes them. Queues between the
// stages are bounded, so memory holds a few units per worker, whatever
// the size of the input. docs/validate-streaming.md says which checks
// see what.

// errStopped ends a run when MaxFindings findings have been written.
var errStopped = errors.New("validate: stopped at the finding limit")

// Summary is what the validation of one input found, besides the findings
// themselves, which went to the Writer as they were found.
type Summary struct {
	File   string
	Format string
	// Unreadable is set when the input, or part of it, could not be read.
	Unreadable bool
	// Counts counts the findings of each severity, Rules those of each rule.
	Counts [3]int
	Rules  map[string]int
	// Stopped is set when the run stopped at Options.MaxFindings before
	// the end of this input.
	Stopped bool
}

// Count returns how many findings have the severity.
func (s *Summary) Count(sev Severity) int { return s.Counts[sev] }

// A Writer receives a run's report as it is made: for each input, Begin,
// its findings in input order, and End with the input's summary; Close
// ends the report.
type Writer interface {
	Begin(file, format string) error
	Finding(file string, f *Finding) error
	End(s *Summary) error
	Close() error
}

// Run validates the inputs, one after another, and writes what it finds
// to out, which it closes. It returns the summary of each input. It stops
// early, with every summary so far, when opts.MaxFindings findings have
// been written or ctx is done; the error is then nil or ctx's.
func Run(ctx context.Context, inputs iter.Seq2[source.Input, error], opts Options, out Writer) ([]*Summary, error) {
	r := &run{opts: opts, out: out, budget: opts.MaxFindings}
	if r.opts.Vocabulary == nil {
		v, err := NewVocabulary()
		if err != nil {
			return nil, err
		}
		r.opts.Vocabulary = v
	}
	var summaries []*Summary
	var err error
	for in, openErr := range inputs {
		var s *Summary
		if s, err = r.input(ctx, in, openErr); s != nil {
			summaries = append(summaries, s)
		}
		if err != nil || s.Stopped {
			break
		}
	}
	if errors.Is(err, errStopped) {
		err = nil
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return summaries, err
}

// run is the state of one Run.
type run struct {
	opts   Options
	out    Writer
	budget int // findings left to write when opts.MaxFindings > 0
}

// input validates one input.
func (r *run) input(ctx context.Context, in source.Input, openErr error) (*Summary, error) {
	s := &Summary{File: in.Name, Rules: map[string]int{}}
	if openErr != nil {
		if err := r.out.Begin(s.File, ""); err != nil {
			return nil, err
		}
		u := &Report{File: s.File}
		u.unreadable(Finding{}, "%v", openErr)
		if err := r.emit(s, u.Findings, false); err != nil && !errors.Is(err, errStopped) {
			return s, err
		}
		return s, r.out.End(s)
	}
	br := in.Reader
	if br == nil || br.Size() < sniffLen {
		br = bufio.NewReaderSize(in.Reader, sniffLen)
	}
	format := r.opts.Format
	head, peekErr := br.Peek(sniffLen)
	if bytes.HasPrefix(head, utf8BOM) { // a byte-order mark, in any format
		br.Discard(len(utf8BOM))
		head, peekErr = br.Peek(sniffLen)
	}
	complete := peekErr != nil
	if format == anyFormat {
		formatName := in.FormatName
		if formatName == "" {
			formatName = in.Name
		}
		format = detectStream(formatName, head, complete)
	}
	s.Format = format
	if err := r.out.Begin(s.File, format); err != nil {
		return nil, err
	}
	units, err := r.units(format, head, br, s.File)
	if err != nil {
		u := &Report{File: s.File}
		u.unreadable(Finding{}, "%v", err)
		if err := r.emit(s, u.Findings, false); err != nil && !errors.Is(err, errStopped) {
			return s, err
		}
		return s, r.out.End(s)
	}
	err = r.check(ctx, units, s)
	if errors.Is(err, errStopped) {
		s.Stopped = true
	} else if err != nil {
		return s, err
	}
	return s, r.out.End(s)
}

// emit writes findings, counting them, until the budget is spent.
func (r *run) emit(s *Summary, findings []Finding, unreadable bool) error {
	s.Unreadable = s.Unreadable || unreadable
	for i := range findings {
		f := &findings[i]
		if f.Rule == "unreadable" {
			s.Unreadable = true
		}
		if r.opts.MaxFindings > 0 && r.budget == 0 {
			return errStopped
		}
		if err := r.out.Finding(s.File, f); err != nil {
			return err
		}
		s.Counts[f.Severity]++
		s.Rules[f.Rule]++
		r.budget--
	}
	return nil
}

// A unit is a part of an input checked on its own.
type unit interface {
	check(w *worker) result
}

// result is what checking a unit found. records counts the records of a
// record input's chunk, whose findings number records within the chunk.
type result struct {
	findings   []Finding
	unreadable bool
	records    int
}

// worker checks units; each has its own term builder.
type worker struct {
	opts  *Options
	terms *termBuilder
	// triples is reused from graph to graph; no finding keeps a triple.
	triples []rdf.Triple
}

// checker returns a fresh checker for one unit.
func (w *worker) checker() *checker {
	return &checker{report: &Report{Findings: []Finding{}}, vocab: w.opts.Vocabulary, profiles: w.opts.Profiles}
}

func (c *checker) result() result {
	return result{findings: c.report.Findings, unreadable: c.report.Unreadable}
}

// job is a unit on its way through the workers.
type job struct {
	unit unit
	done chan result
}

// check runs the units through the workers and writes their findings in
// order.
func (r *run) check(ctx context.Context, units iter.Seq[unit], s *Summary) error {
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{opts: &r.opts, terms: newTermBuilder()}
			for j := range jobs {
				j.done <- j.unit.check(w)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for u := range units {
			j := &job{unit: u, done: make(chan result, 1)}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	records := 0 // records before this unit, for record numbers
	for j := range order {
		var res result
		select {
		case res = <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if res.records > 0 {
			for i := range res.findings {
				if res.findings[i].Record > 0 {
					res.findings[i].Record += records
				}
			}
			records += res.records
		}
		if err := r.emit(s, res.findings, res.unreadable); err != nil {
			cancel()
			for range order { // let the cutter end
			}
			return err
		}
	}
	return ctx.Err()
}

// utf8BOM is the UTF-8 byte-order mark, which some editors write first.
var utf8BOM = []byte("\xef\xbb\xbf")

// sniffLen is how much of an input format detection looks at.
const sniffLen = 64 << 10

// units cuts an input of a format into the units it is checked by.
func (r *run) units(format string, head []byte, br *bufio.Reader, file string) (iter.Seq[unit], error) {
	switch format {
	case anyFormat:
		return nil, fmt.Errorf("%s is none of the formats validate reads (%s); if it is one of them, name it with -f", file, strings.Join(InputFormats(), ", "))
	case NTriples, NQuads:
		return lineUnits(br, file, format == NQuads, &r.opts), nil
	case Turtle:
		return turtleUnits(br, &r.opts), nil
	case JSONLD:
		return jsonldUnits(head, br, file), nil
	}
	in, ok := formats.ByName(format)
	if !ok {
		return nil, fmt.Errorf("unknown input format %q (one of %s)", format, strings.Join(InputFormats(), ", "))
	}
	return func(yield func(unit) bool) {
		for chunk, err := range in.Splitter()(br, file) {
			if err != nil {
				yield(errorUnit{where: positionOf(err), err: err, record: true})
				return
			}
			if !yield(recordUnit{chunk: chunk, format: in}) {
				return
			}
		}
	}, nil
}

// errorUnit is an input that cannot be cut further: its one finding.
type errorUnit struct {
	where  Finding
	err    error
	record bool // counts as a record, as the bulk reader counts it
}

func (u errorUnit) check(w *worker) result {
	c := w.checker()
	where, msg := u.where, message(u.err)
	var se *reader.SyntaxError
	if errors.As(u.err, &se) {
		where.Line, where.Column = se.Pos.Line, se.Pos.Column
		msg = se.Format + ": " + se.Err.Error()
	}
	records := 0
	if u.record {
		where.Record, records = 1, 1
	}
	c.report.unreadable(where, "%s", msg)
	res := c.result()
	res.records = records
	return res
}

// recordUnit is a chunk of a record reader: its records are checked by
// the record rules, then mapped and checked as graphs.
type recordUnit struct {
	chunk  reader.Chunk
	format formats.Input
}

func (u recordUnit) check(w *worker) result {
	c := w.checker()
	records := u.format.Decoder()(u.chunk)
	var explicit []bool
	if u.format.Name == "record" {
		explicit = explicitAuthors(u.chunk.Data)
	}
	for _, rec := range records {
		c.record(rec, len(records), explicit)
	}
	res := c.result()
	res.records = len(records)
	return res
}

// jsonldUnits cuts JSON-LD into documents: each line of JSON Lines, each
// element of a top-level array whose first element has its own @context
// (as convert writes several articles), else the whole input. Documents
// are numbered as records when there are several.
func jsonldUnits(head []byte, br *bufio.Reader, file string) iter.Seq[unit] {
	split := reader.Splitter(reader.SplitJSON)
	if first := bytes.TrimLeft(head, " \t\r\n\ufeff"); bytes.HasPrefix(first, []byte("[")) && !firstElementHasContext(first) {
		split = reader.Whole
	}
	return func(yield func(unit) bool) {
		var pending *reader.Chunk
		n := 0
		for chunk, err := range split(br, file) {
			if err != nil {
				if pending != nil && !yield(jsonldUnit{chunk: *pending, record: n}) {
					return
				}
				yield(errorUnit{where: positionOf(err), err: err})
				return
			}
			n++
			if pending != nil && !yield(jsonldUnit{chunk: *pending, record: n - 1}) {
				return
			}
			pending = &chunk
		}
		if pending != nil {
			if n == 1 {
				n = 0 // one document: no record numbers
			}
			yield(jsonldUnit{chunk: *pending, record: n})
		}
	}
}

// firstElementHasContext reports whether the first element of a JSON
// array that starts data is an object with "@context".
func firstElementHasContext(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return false
	}
	var first map[string]json.RawMessage
	if dec.Decode(&first) != nil {
		return false
	}
	_, ok := first["@context"]
	return ok
}

// jsonldUnit is one JSON-LD document; record is its number among
// several, 0 when it is the only one.
type jsonldUnit struct {
	chunk  reader.Chunk
	record int
}

func (u jsonldUnit) check(w *worker) result {
	c := w.checker()
	triples, err := readJSONLD(u.chunk.Data)
	if err != nil {
		where := Finding{Record: u.record}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			pos := textpos.New(u.chunk.Data, u.chunk.Source).Position(textpos.JSONErrorOffset(se))
			where.Line, where.Column = shift(u.chunk.Pos, pos.Line, pos.Column)
		}
		c.report.unreadable(where, "%v", err)
		return c.result()
	}
	c.rdfGraph(triples)
	for i := range c.report.Findings {
		c.report.Findings[i].Record = u.record
	}
	return c.result()
}

// shift turns a line and column within a chunk into ones within its input.
func shift(start ld.Position, line, column int) (int, int) {
	if start.Line == 0 {
		return line, column
	}
	if line == 1 {
		column += start.Column - 1
	}
	return line + start.Line - 1, column
}

// graphUnit is a graph already parsed.
type graphUnit []rdf.Triple

func (u graphUnit) check(w *worker) result {
	c := w.checker()
	c.rdfGraph(u)
	return c.result()
}

// articleCutter tells where a new article starts in a graph that holds
// many, as N-Triples and Turtle written by convert do: at each triple
// that types a node other than the current part's root schema:Article or
// a subclass (ld.Map types only the article so). Triples before the first
// such triple belong to the first part. A graph in another order (an
// article's nodes not following its root) is cut the same way, and the
// checks that follow links between nodes may then miss some; N-Quads
// names each article's graph and needs no cutting.
type articleCutter struct {
	vocab   *Vocabulary
	classes map[string]bool // class IRI → is an Article class
	root    string
}

func newArticleCutter(v *Vocabulary) *articleCutter {
	return &articleCutter{vocab: v, classes: map[string]bool{}}
}

// startsArticle reports whether a triple starts a new part: its
// subject, named as N-Triples writes it, and the class it types the
// subject with (nil when the triple is no rdf:type with an IRI). It
// records the part's root.
func (a *articleCutter) startsArticle(subject, class []byte) bool {
	if class == nil || string(subject) == a.root || !a.isArticleClass(class) {
		return false
	}
	first := a.root == ""
	a.root = string(subject)
	return !first
}

func (a *articleCutter) isArticleClass(class []byte) bool {
	is, ok := a.classes[string(class)]
	if !ok {
		is = isWork(string(class), a.vocab)
		a.classes[string(class)] = is
	}
	return is
}

// detectStream tells the format of an input from its name and its first
// bytes (all of it when complete): N-Quads by extension or by lines that
// name graphs, JSON-LD by an @context in the first JSON value (which
// finds JSON Lines of JSON-LD), then as detect does with the complete
// lines of head.
func detectStream(file string, head []byte, complete bool) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".nq", ".nquads":
		return NQuads
	}
	if firstValueHasContext(head) {
		return JSONLD
	}
	if !complete {
		head = head[:bytes.LastIndexByte(head, '\n')+1]
	}
	if looksLikeNQuads(head) {
		return NQuads
	}
	return detect(file, head)
}

// firstValueHasContext reports whether the first JSON value of data (or
// the first element of an array) is an object with "@context".
func firstValueHasContext(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if bytes.HasPrefix(data, []byte("[")) {
		return firstElementHasContext(data)
	}
	var first map[string]json.RawMessage
	if json.NewDecoder(bytes.NewReader(data)).Decode(&first) != nil {
		return false
	}
	_, ok := first["@context"]
	return ok
}

// looksLikeNQuads reports whether every line of data is an N-Quads
// statement, a comment or blank, and some statement names a graph.
func looksLikeNQuads(data []byte) bool {
	start := skipComments(data)
	if !bytes.HasPrefix(start, []byte("<")) && !bytes.HasPrefix(start, []byte("_:")) {
		return false
	}
	named := false
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		st, _, err := scanStatement(line, true)
		if err != nil {
			return false
		}
		named = named || st.graph.kind != noTerm
	}
	return named
}
