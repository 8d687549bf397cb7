// Package bulk converts many records in one streaming, parallel run: the
// engine under `scholarld convert`, `load`, `serve` and `validate`, and
// the per-record step that the Beam pipeline runs on a cluster.
//
// A run flows in three stages:
//
//  1. one goroutine opens the inputs (package reader/source), detects each
//     one's format from its name and first bytes, and cuts it into chunks
//     with the format's reader.Splitter; a file found in a folder or an
//     archive whose extension no format claims (README.md, a PDF) is
//     passed over;
//  2. workers decode each chunk with the format's reader.Decoder, map each
//     record to its graph (ld.Map) and, for line formats, encode it
//     (Converter);
//  3. the caller's goroutine receives every record's Item in input order,
//     whatever the number of workers, so that outputs are the same bytes
//     for any parallelism.
//
// Queues between the stages are bounded: a slow consumer slows the
// readers, and memory holds at most a few chunks per worker.
package bulk

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/source"
)

// Item is one record's outcome.
type Item struct {
	// Source names the input: a path, "<stdin>" or "archive:member".
	Source string
	// Format is the input format's name; empty when the input's format
	// could not be told.
	Format string
	// Index is the record's number in its input, from 0.
	Index int
	// Pos is where the record starts, when the reader knows it.
	Pos     ld.Position
	Article *ld.Article
	Graph   *ld.Graph
	// Triples is the size of the record's graph, when it was mapped.
	Triples  int
	Warnings []reader.Warning
	// Encoded is the graph in the output format, when the Converter
	// encodes (line formats). Run reuses its memory once the callback
	// returns: copy it to keep it.
	Encoded []byte
	// Err is why the record was rejected: it could not be read, checked,
	// mapped or encoded, or its input could not be opened or cut. Article,
	// Graph and Encoded are then nil.
	Err error
	// InputError is set when Err is about the whole input (it could not
	// be opened, its format told, or it was cut short), not about one
	// record: such an Item is not a record, and Index is not a number.
	InputError bool
	// Raw is the record's text, when its chunk holds it alone (a line of
	// JSON Lines, an array element, an entry); for --rejects.
	Raw []byte
}

// Converter is the per-record step: map a record read by a reader to its
// graph, and encode it when Encode is set. Every bulk run uses it, so that
// the CLI, the server and the Beam pipeline convert a record alike.
type Converter struct {
	Profile ld.Profile
	// Encode, when set, is an ld.Format's AppendGraph.
	Encode func(dst []byte, g *ld.Graph, scope string) ([]byte, error)
	// EncodedOnly, with Encode, says that the consumer takes only
	// Item.Encoded and Item.Triples: Item.Graph is then nil, and each
	// worker of a Run maps its next record into the memory of the graph
	// it has just encoded (ld.Mapper).
	EncodedOnly bool
}

// Convert maps and encodes one record; scope prefixes its blank node
// labels (ld.StreamScope) so that the records of one output stay apart.
// A record that arrives with an error keeps it.
func (c Converter) Convert(rec reader.Record, scope string) Item {
	return c.convert(rec, scope, nil)
}

// worker is what one worker goroutine of a Run keeps from record to
// record; a nil worker keeps nothing.
type worker struct {
	free   *freeList // the buffers the consumer has written
	mapper ld.Mapper // for an EncodedOnly Converter
}

// convert is Convert in the worker's memory: it encodes into a written
// buffer and, for an EncodedOnly Converter, maps into the memory of the
// last graph.
func (c Converter) convert(rec reader.Record, scope string, w *worker) Item {
	item := Item{Pos: rec.Pos, Article: rec.Article, Warnings: rec.Warnings, Err: rec.Err}
	if item.Err != nil {
		item.Article = nil
		return item
	}
	var g *ld.Graph
	var err error
	if w != nil && c.EncodedOnly && c.Encode != nil {
		g, err = w.mapper.Map(rec.Article, c.Profile)
	} else {
		g, err = ld.Map(rec.Article, c.Profile)
	}
	if err != nil {
		item.Article, item.Err = nil, err
		return item
	}
	item.Graph, item.Triples = g, g.Len()
	if c.Encode != nil {
		if item.Encoded, err = c.Encode(w.buffer(), g, scope); err != nil {
			item.Article, item.Graph, item.Triples, item.Encoded, item.Err = nil, nil, 0, nil, err
		}
		if c.EncodedOnly {
			item.Graph = nil
		}
	}
	return item
}

// buffer returns a written buffer to encode into, or nil when there is
// none.
func (w *worker) buffer() []byte {
	if w == nil {
		return nil
	}
	return w.free.get()
}

// ConvertChunk decodes one chunk and converts each of its records. seq,
// the chunk's number in the run, makes the records' blank node scopes.
// A panic while decoding or converting (a bug that some input reaches)
// rejects the chunk as one record, with a PanicError, and no other.
func (c Converter) ConvertChunk(ch reader.Chunk, decode reader.Decoder, seq int) (items []Item) {
	return c.convertChunk(ch, decode, seq, nil)
}

// convertChunk is ConvertChunk in a worker's memory, if not nil.
func (c Converter) convertChunk(ch reader.Chunk, decode reader.Decoder, seq int, w *worker) (items []Item) {
	defer func() {
		if v := recover(); v != nil {
			pos := ch.Pos
			if !pos.IsValid() {
				pos = ld.Position{File: ch.Source}
			}
			items = []Item{{Pos: pos, Err: &PanicError{Value: v, Stack: debug.Stack()}, Raw: ch.Data}}
		}
	}()
	if ch.Err != nil {
		return []Item{{Pos: ch.Pos, Err: ch.Err}}
	}
	records := decode(ch)
	items = make([]Item, len(records))
	for i, rec := range records {
		items[i] = c.convert(rec, chunkScope(seq, i), w)
		if items[i].Pos == (ld.Position{}) {
			items[i].Pos = ld.Position{File: ch.Source}
		}
	}
	if len(records) == 1 && items[0].Err != nil {
		items[0].Raw = ch.Data
	}
	return items
}

// PanicError is a panic met while reading an input or converting a
// record, turned into that input's or record's error so that the run goes
// on: a bug in scholarld, which Stack locates.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("panic: %v (an internal error: please report it with this input)", e.Value)
}

// chunkScope is the blank node scope of the i-th record of chunk seq:
// ld.StreamScope(seq) for a chunk's first record, so that JSON Lines gets
// the labels of a stream, and a longer scope for the others.
func chunkScope(seq, i int) string {
	if i == 0 {
		return ld.StreamScope(seq)
	}
	return "g" + strconv.Itoa(seq) + "_" + strconv.Itoa(i) + "_"
}

// Options configure a run.
type Options struct {
	// From names the input format of every input; empty detects each.
	From string
	Converter
	// Workers is the number of decoding goroutines; 0 means one per CPU.
	Workers int
	// OnInput, if set, is called with the name of each input that is read
	// (not passed over), from the goroutine that reads: for counting.
	OnInput func(name string)
}

// job is one chunk on its way through the workers, or an input's error.
type job struct {
	seq    int // the number of the first chunk in the run
	input  int // the input's number in the run, to number its records
	source string
	chunks []reader.Chunk
	format formats.Input
	done   chan []Item
}

// A job holds the consecutive chunks of one input up to these limits, so
// that a worker takes many small records (JSON Lines) at a time rather
// than paying a hand-off per record.
const (
	jobChunks = 16
	jobBytes  = 64 << 10
)

// convert converts the chunks of a job, in order.
func (j *job) convert(c Converter, w *worker) []Item {
	decode := j.format.Decoder()
	var items []Item
	for i, ch := range j.chunks {
		items = append(items, c.convertChunk(ch, decode, j.seq+i, w)...)
	}
	return items
}

// freeList holds the encoding buffers that the consumer has written, for
// the workers to encode into again. A run encodes about as many bytes as
// it writes (17 kB of N-Quads a record): allocating them anew was 40 % of
// all allocation, and the collector's and the kernel's work on that memory
// is what two workers on two cores paid most for (BENCHMARKS.md).
type freeList struct{ bufs chan []byte }

func newFreeList(n int) *freeList { return &freeList{bufs: make(chan []byte, n)} }

// get returns a written buffer, or nil when none is free; a nil list has
// none.
func (f *freeList) get() []byte {
	if f == nil {
		return nil
	}
	select {
	case b := <-f.bufs:
		return b
	default:
		return nil
	}
}

// maxFreeBuffer bounds the buffers kept for reuse: one very large record
// must not hold its memory for the rest of the run.
const maxFreeBuffer = 1 << 20

// put gives back a buffer that is written; it is dropped when the list is
// full or the buffer larger than maxFreeBuffer.
func (f *freeList) put(b []byte) {
	if cap(b) == 0 || cap(b) > maxFreeBuffer {
		return
	}
	select {
	case f.bufs <- b[:0]:
	default:
	}
}

// Run reads the inputs and calls each with every record's Item, in input
// order, from the calling goroutine. An input that cannot be opened,
// detected or cut further gives an Item with its Err and no Graph; the
// run goes on. Run stops when each returns an error, which it returns, or
// when ctx is done; it then returns at once, and a splitter blocked in a
// read (standard input) ends when the read returns.
func Run(ctx context.Context, inputs iter.Seq2[source.Input, error], opts Options, each func(*Item) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var forced formats.Input
	if opts.From != "" {
		var ok bool
		if forced, ok = formats.ByName(opts.From); !ok {
			return fmt.Errorf("bulk: unknown input format %q (one of %s)", opts.From, formats.Names())
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan *job, workers)
	order := make(chan *job, 2*workers)
	// Enough buffers for every record of the jobs that can be in flight.
	free := newFreeList((3*workers + 2) * jobChunks)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{free: free}
			for j := range jobs {
				j.done <- j.convert(opts.Converter, w)
				// The job handed over has readied the consumer, and the
				// next one taken may ready the splitter; with no idle
				// core they would wait until a worker blocks, by then in
				// bursts and on cold caches. Yielding runs them at once,
				// on the core that holds the job's bytes: 5–8 % less
				// time at -j 2 (BENCHMARKS.md).
				runtime.Gosched()
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		s := &splitter{ctx: ctx, forced: forced, onInput: opts.OnInput, jobs: jobs, order: order}
		s.run(inputs)
	}()

	var lastInput, index int = -1, 0
	for {
		// Waiting for the next chunk, as for its records, ends with ctx: a
		// splitter blocked in a read (standard input) must not hold an
		// interrupted run.
		var j *job
		var more bool
		select {
		case j, more = <-order:
		case <-ctx.Done():
			return ctx.Err()
		}
		if !more {
			break
		}
		var items []Item
		select {
		case items = <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if j.input != lastInput {
			lastInput, index = j.input, 0
		}
		for i := range items {
			it := &items[i]
			it.Source, it.Format, it.Index = j.source, j.format.Name, index
			if !it.InputError {
				index++
			}
			if err := each(it); err != nil {
				return err
			}
			free.put(it.Encoded)
			it.Encoded = nil
		}
	}
	// The splitter is done and has closed the workers' queue.
	wg.Wait()
	return ctx.Err()
}

// sniffLen is how much of an input format detection looks at.
const sniffLen = 64 << 10

// splitter opens and cuts every input, queueing each chunk for a worker
// and, in the same order, for the consumer.
type splitter struct {
	ctx         context.Context
	forced      formats.Input
	onInput     func(string)
	jobs, order chan<- *job
	seq         int // the next chunk's number in the run
	input       int // the current input's number in the run
	// pending gathers the current input's chunks into one job.
	pending     *job
	pendingSize int
}

func (s *splitter) run(inputs iter.Seq2[source.Input, error]) {
	for in, err := range inputs {
		s.input++
		if !s.splitInput(in, err) {
			return
		}
	}
}

// send queues a job for the consumer and, with work, for a worker; false
// when the run is stopped.
func (s *splitter) send(j *job, work bool) bool {
	j.input, j.seq = s.input, s.seq
	s.seq += max(1, len(j.chunks))
	if work {
		select {
		case s.jobs <- j:
		case <-s.ctx.Done():
			return false
		}
	}
	select {
	case s.order <- j:
		return true
	case <-s.ctx.Done():
		return false
	}
}

// fail queues an error about the whole input.
func (s *splitter) fail(source string, format formats.Input, err error) bool {
	j := &job{source: source, format: format, done: make(chan []Item, 1)}
	j.done <- []Item{{Pos: ld.Position{File: source}, Err: err, InputError: true}}
	return s.send(j, false)
}

// splitInput opens and cuts one input; false stops the run. A panic while
// reading it (a bug that the input reaches) ends the input with a
// PanicError, after its chunks before the panic, and the run goes on with
// the next input.
func (s *splitter) splitInput(in source.Input, err error) (more bool) {
	format := s.forced
	defer func() {
		if v := recover(); v != nil {
			more = s.flush() && s.fail(in.Name, format, &PanicError{Value: v, Stack: debug.Stack()})
		}
	}()
	if err == nil && format.Name == "" && in.Found && formats.Unclaimed(in.FormatName) {
		return true // a README or an image beside the metadata
	}
	if s.onInput != nil {
		s.onInput(in.Name)
	}
	if err != nil {
		return s.fail(in.Name, formats.Input{}, err)
	}
	if format.Name == "" {
		head, _ := in.Reader.Peek(sniffLen)
		if format, err = formats.Detect(in.FormatName, head); err != nil {
			return s.fail(in.Name, formats.Input{}, err)
		}
	}
	for chunk, err := range format.Splitter()(in.Reader, in.Name) {
		if err != nil {
			return s.flush() && s.fail(in.Name, format, err)
		}
		if s.pending == nil {
			s.pending = &job{source: in.Name, format: format, done: make(chan []Item, 1)}
		}
		s.pending.chunks = append(s.pending.chunks, chunk)
		s.pendingSize += len(chunk.Data)
		if len(s.pending.chunks) >= jobChunks || s.pendingSize >= jobBytes {
			if !s.flush() {
				return false
			}
		}
	}
	return s.flush()
}

// flush queues the pending job, if any; false when the run is stopped.
func (s *splitter) flush() bool {
	j := s.pending
	s.pending, s.pendingSize = nil, 0
	return j == nil || s.send(j, true)
}
