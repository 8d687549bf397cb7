package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths, always read

	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/source"
)

// chunk is a reader.Chunk on its way to a worker that converts it, with
// what the worker needs to know about its input; or, with Err set, an
// input that could not be opened, detected or cut further.
type chunk struct {
	Source       string
	Format       string // formats.Input.Name; empty when unknown
	Line, Column int    // where Data starts
	Data         []byte
	Whole        bool
	// Index is the record number, in its input, of the chunk's first
	// record. Every format's chunks hold one record each, but for the
	// formats read whole, whose one chunk holds them all (number 0): so
	// the i-th record of a chunk is record Index+i.
	Index int
	Err   string
	// Path and Prelude are the reader.Chunk's: where the chunk stands in
	// its input's structure, and what earlier chunks defined (BibTeX
	// @string macros).
	Path    string
	Prelude []byte
}

// input is a file to read, numbered in the run: the inputs of a run are
// numbered in the order of their patterns, and of each pattern's matches
// in lexical order. Missing is set for a pattern without wildcards that
// names nothing.
type input struct {
	Path    string
	File    int
	Missing bool
}

// block is a part of a JSON Lines file: the lines that start at an offset
// in [Start, End).
type block struct {
	Path       string
	File       int // the input's number in the run
	Number     int // in its file, from 0
	Start, End int64
	// Lines and Records are the line ends and the records in the block,
	// counted by countFn.
	Lines, Records int
	// FirstLine and FirstRecord place the block in its file: its first
	// line's number, from 1, and its first record's, from 0 (numberFn).
	FirstLine, FirstRecord int
}

// part is the unit of work: the records that one worker converts and
// writes to one output file. It is either a numbered block of a plain JSON
// Lines file (Lines set), which the worker reads itself, so that no record
// passes through the runner, or the chunks of a part of any other input,
// which openFn has read.
type part struct {
	File   int // the input's number in the run
	Number int // the part's number in its input
	Lines  bool
	Block  block
	Chunks []chunk
}

// matchFn expands the run's patterns, in order, to the files they name,
// numbering them; a pattern without wildcards that names nothing is an
// input that will be rejected.
type matchFn struct{}

func (matchFn) ProcessElement(ctx context.Context, patterns []string, emit func(input)) error {
	file := 0
	for _, pattern := range patterns {
		fs, err := filesystem.New(ctx, pattern)
		if err != nil {
			return err
		}
		files, err := fs.List(ctx, pattern)
		fs.Close()
		if err != nil {
			return fmt.Errorf("listing %s: %w", pattern, err)
		}
		slices.Sort(files)
		if len(files) == 0 && !strings.ContainsAny(pattern, "*?[") {
			emit(input{Path: pattern, File: file, Missing: true})
			file++
		}
		for _, f := range files {
			emit(input{Path: f, File: file})
			file++
		}
	}
	return nil
}

// sniffLen is how much of an input format detection looks at, as in the
// bulk engine.
const sniffLen = 64 << 10

// openFn opens a file and either cuts it into blocks, when it is a plain
// JSON Lines file, or reads it into parts of about PartSize bytes with its
// format's splitter.
type openFn struct {
	From     string
	PartSize int64
}

func (fn *openFn) ProcessElement(ctx context.Context, in input, emitBlock func(block), emitPart func(part)) error {
	parts := &partCutter{file: in.File, size: fn.PartSize, emit: emitPart}
	defer parts.flush()
	if in.Missing {
		parts.add(chunk{Source: in.Path, Err: in.Path + ": no such file or directory"})
		return nil
	}
	fs, err := filesystem.New(ctx, in.Path)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenRead(ctx, in.Path)
	if err != nil {
		parts.add(chunk{Source: in.Path, Err: err.Error()})
		return nil
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, sniffLen)
	head, _ := br.Peek(sniffLen)
	if source.Plain(head) {
		format, err := fn.format(in.Path, head)
		if err != nil {
			parts.add(chunk{Source: in.Path, Err: err.Error()})
			return nil
		}
		if format.Name == "record" && jsonLinesHead(head, in.Path) {
			size, err := fs.Size(ctx, in.Path)
			if err != nil {
				parts.add(chunk{Source: in.Path, Err: err.Error()})
				return nil
			}
			for n, start := 0, int64(0); start < size; n, start = n+1, start+fn.PartSize {
				emitBlock(block{Path: in.Path, File: in.File, Number: n, Start: start, End: min(start+fn.PartSize, size)})
			}
			return nil
		}
	}
	for member, err := range source.Stream(in.Path, br) {
		if err != nil {
			parts.add(chunk{Source: member.Name, Err: err.Error()})
			continue
		}
		if fn.From == "" && member.Found && formats.Unclaimed(member.FormatName) {
			continue // a README or an image beside the metadata, as bulk.Run passes over
		}
		head, _ := member.Reader.Peek(sniffLen)
		format, err := fn.format(member.FormatName, head)
		if err != nil {
			parts.add(chunk{Source: member.Name, Err: err.Error()})
			continue
		}
		index := 0
		for c, err := range format.Splitter()(member.Reader, member.Name) {
			if err != nil {
				parts.add(chunk{Source: member.Name, Format: format.Name, Index: index, Err: err.Error()})
				break
			}
			parts.add(chunkOf(c, format.Name, index))
			index++
		}
	}
	return nil
}

// chunkOf is the chunk of a reader.Chunk, the index-th of its input.
func chunkOf(c reader.Chunk, format string, index int) chunk {
	ch := chunk{Source: c.Source, Format: format, Line: c.Pos.Line, Column: c.Pos.Column, Data: c.Data, Whole: c.Whole, Index: index, Path: c.Path, Prelude: c.Prelude}
	if c.Err != nil {
		ch.Err = c.Err.Error() // a record the splitter refused (one too large): a reject of its own
	}
	return ch
}

// partCutter gathers an input's chunks into numbered parts of about size
// bytes.
type partCutter struct {
	file    int
	size    int64
	emit    func(part)
	pending part
	bytes   int64
}

func (p *partCutter) add(c chunk) {
	p.pending.Chunks = append(p.pending.Chunks, c)
	p.bytes += int64(len(c.Data))
	if p.bytes >= p.size {
		p.flush()
	}
}

// flush emits the pending part, if it holds a chunk.
func (p *partCutter) flush() {
	if len(p.pending.Chunks) == 0 {
		return
	}
	p.pending.File = p.file
	p.emit(p.pending)
	p.pending = part{Number: p.pending.Number + 1}
	p.bytes = 0
}

// format is the input format of the file named name, as the bulk engine
// chooses it.
func (fn *openFn) format(name string, head []byte) (formats.Input, error) {
	if fn.From != "" {
		in, _ := formats.ByName(fn.From)
		return in, nil
	}
	return formats.Detect(name, head)
}

// jsonLinesHead reports whether the start of a file is JSON Lines as the
// record format's splitter (reader.SplitJSON) tells it: its first value
// is not an array and ends on the line it starts on.
func jsonLinesHead(head []byte, name string) bool {
	if trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"); len(trimmed) == 0 || trimmed[0] == '[' {
		return false
	}
	for c, err := range reader.SplitJSON(bytes.NewReader(head), name) {
		return err == nil && !bytes.ContainsRune(c.Data, '\n')
	}
	return false
}

// countFn counts the line ends and the records of a block.
type countFn struct{}

func (countFn) ProcessElement(ctx context.Context, b block) (string, block, error) {
	err := b.read(ctx, func(lines *lineCounter, chunks func(func(reader.Chunk, error) bool)) {
		for _, err := range chunks {
			if err != nil {
				break
			}
			b.Records++
		}
		io.Copy(io.Discard, lines) // the rest of a block after a read error
		b.Lines = lines.n
	})
	return b.Path, b, err
}

// numberFn places the blocks of one file: each one's first line and first
// record follow from the counts of the blocks before it. Each numbered
// block is a part.
type numberFn struct{}

func (numberFn) ProcessElement(path string, blocks func(*block) bool, emit func(part)) {
	var all []block
	var b block
	for blocks(&b) {
		all = append(all, b)
	}
	slices.SortFunc(all, func(a, b block) int { return a.Number - b.Number })
	line, record := 1, 0
	for _, b := range all {
		b.FirstLine, b.FirstRecord = line, record
		line, record = line+b.Lines, record+b.Records
		emit(part{File: b.File, Number: b.Number, Lines: true, Block: b})
	}
}

// chunks calls yield with the chunks of a numbered block's records, read
// from its file.
func (b block) chunks(ctx context.Context, yield func(chunk)) error {
	return b.read(ctx, func(_ *lineCounter, chunks func(func(reader.Chunk, error) bool)) {
		index := b.FirstRecord
		for c, err := range chunks {
			if err != nil {
				yield(chunk{Source: b.Path, Format: "record", Index: index, Err: err.Error()})
				return
			}
			yield(chunkOf(c, "record", index))
			index++
		}
	})
}

// read opens the block's lines and calls use with a counter of their line
// ends and the chunks they cut into: the record format's splitter for the
// first block, which starts the file, and its lines alone for the others.
func (b block) read(ctx context.Context, use func(*lineCounter, func(func(reader.Chunk, error) bool))) error {
	fs, err := filesystem.New(ctx, b.Path)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenRead(ctx, b.Path)
	if err != nil {
		return fmt.Errorf("opening block %d of %s: %w", b.Number, b.Path, err)
	}
	defer f.Close()
	span, err := openSpan(f, b.Start, b.End)
	if err != nil {
		return fmt.Errorf("reading block %d of %s: %w", b.Number, b.Path, err)
	}
	lines := &lineCounter{r: span}
	if b.Number == 0 {
		use(lines, reader.SplitJSON(lines, b.Path))
	} else {
		use(lines, reader.SplitLines(lines, b.Path, b.FirstLine))
	}
	return nil
}

// lineCounter counts the line ends read through it.
type lineCounter struct {
	r io.Reader
	n int
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += bytes.Count(p[:n], []byte{'\n'})
	return n, err
}

// openSpan returns a reader of the lines of f that start at an offset in
// [start, end): it skips to the first line start at or after start, and
// reads on past end to the end of the line that started before it.
func openSpan(f io.Reader, start, end int64) (io.Reader, error) {
	at := max(start-1, 0) // the byte before start tells whether a line starts at start
	if seeker, ok := f.(io.Seeker); ok {
		if _, err := seeker.Seek(at, io.SeekStart); err != nil {
			return nil, err
		}
	} else if _, err := io.CopyN(io.Discard, f, at); err != nil {
		return nil, err
	}
	s := &spanReader{r: bufio.NewReaderSize(f, 1<<16), pos: at, end: end, atLineStart: true}
	if start > 0 {
		s.atLineStart = false
		s.pos = start - 1 // read through the line end that ends the line before start
		if err := s.skipLine(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// spanReader reads up to end, then to the end of the line it is in.
type spanReader struct {
	r           *bufio.Reader
	pos, end    int64
	atLineStart bool
}

// skipLine reads up to and through the next line end.
func (s *spanReader) skipLine() error {
	for {
		line, err := s.r.ReadSlice('\n')
		s.pos += int64(len(line))
		switch err {
		case nil:
			s.atLineStart = true
			return nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			s.atLineStart = true // the file's end: nothing starts after it
			return nil
		default:
			return err
		}
	}
}

func (s *spanReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if s.pos < s.end {
		p = p[:min(int64(len(p)), s.end-s.pos)]
		n, err := s.r.Read(p)
		s.pos += int64(n)
		if n > 0 {
			s.atLineStart = p[n-1] == '\n'
		}
		return n, err
	}
	if s.atLineStart {
		return 0, io.EOF
	}
	data, err := s.r.Peek(1)
	if err != nil {
		return 0, err
	}
	data, _ = s.r.Peek(min(len(p), s.r.Buffered()))
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data = data[:i+1]
	}
	n := copy(p, data)
	s.r.Discard(n)
	s.pos += int64(n)
	s.atLineStart = p[n-1] == '\n'
	return n, nil
}
