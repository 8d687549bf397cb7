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

// block is a part of a JSON Lines file: the lines that start at an offset
// in [Start, End).
type block struct {
	Path       string
	Number     int // in its file, from 0
	Start, End int64
	// Lines and Records are the line ends and the records in the block,
	// counted by countFn.
	Lines, Records int
	// FirstLine and FirstRecord place the block in its file: its first
	// line's number, from 1, and its first record's, from 0 (numberFn).
	FirstLine, FirstRecord int
}

// matchFn expands a pattern to the files it names; a pattern without
// wildcards that names nothing is a rejected input.
type matchFn struct{}

func (matchFn) ProcessElement(ctx context.Context, pattern string, emitFile func(string), emitMissing func(chunk)) error {
	fs, err := filesystem.New(ctx, pattern)
	if err != nil {
		return err
	}
	defer fs.Close()
	files, err := fs.List(ctx, pattern)
	if err != nil {
		return fmt.Errorf("listing %s: %w", pattern, err)
	}
	if len(files) == 0 && !strings.ContainsAny(pattern, "*?[") {
		emitMissing(chunk{Source: pattern, Err: fmt.Sprintf("%s: no such file", pattern)})
	}
	for _, f := range files {
		emitFile(f)
	}
	return nil
}

// sniffLen is how much of an input format detection looks at, as in the
// bulk engine.
const sniffLen = 64 << 10

// openFn opens a file and either cuts it into blocks, when it is a plain
// JSON Lines file, or cuts it into chunks with its format's splitter.
type openFn struct {
	From      string
	BlockSize int64
}

func (fn *openFn) ProcessElement(ctx context.Context, path string, emitBlock func(block), emitChunk func(chunk)) error {
	fail := func(err error) error {
		emitChunk(chunk{Source: path, Err: err.Error()})
		return nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenRead(ctx, path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, sniffLen)
	head, _ := br.Peek(sniffLen)
	if source.Plain(head) {
		format, err := fn.format(path, head)
		if err != nil {
			return fail(err)
		}
		if format.Name == "record" && jsonLinesHead(head, path) {
			size, err := fs.Size(ctx, path)
			if err != nil {
				return fail(err)
			}
			for n, start := 0, int64(0); start < size; n, start = n+1, start+fn.BlockSize {
				emitBlock(block{Path: path, Number: n, Start: start, End: min(start+fn.BlockSize, size)})
			}
			return nil
		}
	}
	for in, err := range source.Stream(path, br) {
		if err != nil {
			emitChunk(chunk{Source: in.Name, Err: err.Error()})
			continue
		}
		if fn.From == "" && in.Found && formats.Unclaimed(in.FormatName) {
			continue // a README or an image beside the metadata, as bulk.Run passes over
		}
		head, _ := in.Reader.Peek(sniffLen)
		format, err := fn.format(in.FormatName, head)
		if err != nil {
			emitChunk(chunk{Source: in.Name, Err: err.Error()})
			continue
		}
		index := 0
		for c, err := range format.Splitter()(in.Reader, in.Name) {
			if err != nil {
				emitChunk(chunk{Source: in.Name, Format: format.Name, Index: index, Err: err.Error()})
				break
			}
			emitChunk(chunk{Source: c.Source, Format: format.Name, Line: c.Pos.Line, Column: c.Pos.Column, Data: c.Data, Whole: c.Whole, Index: index, Path: c.Path, Prelude: c.Prelude})
			index++
		}
	}
	return nil
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
// record follow from the counts of the blocks before it.
type numberFn struct{}

func (numberFn) ProcessElement(path string, blocks func(*block) bool, emit func(block)) {
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
		emit(b)
	}
}

// readBlockFn cuts a numbered block into its records' chunks.
type readBlockFn struct{}

func (readBlockFn) ProcessElement(ctx context.Context, b block, emit func(chunk)) error {
	return b.read(ctx, func(_ *lineCounter, chunks func(func(reader.Chunk, error) bool)) {
		index := b.FirstRecord
		for c, err := range chunks {
			if err != nil {
				emit(chunk{Source: b.Path, Format: "record", Index: index, Err: err.Error()})
				return
			}
			emit(chunk{Source: c.Source, Format: "record", Line: c.Pos.Line, Column: c.Pos.Column, Data: c.Data, Index: index})
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
