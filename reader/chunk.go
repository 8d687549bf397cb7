package reader

import (
	"bufio"
	"fmt"
	"io"
	"iter"

	"github.com/scholarld/scholarld/ld"
)

// Reading in bulk has two steps, so that the costly one runs in parallel:
//
//  1. a Splitter cuts an input into Chunks, in order, as it streams past:
//     a line of JSON Lines, an element of a JSON array, a BibTeX entry, a
//     RIS record, an article of a JATS article set, or the whole input for
//     the formats that must be read whole. It only finds where each chunk
//     ends; it does not decode.
//  2. a Decoder turns one chunk into its records. Chunks decode on their
//     own, so a bulk run decodes them on every core and keeps their order.
//
// A syntax error that breaks one chunk rejects only that chunk's records;
// an input that cannot be cut further (a read error, a truncated
// compressed file, an unterminated array) ends with the error, after
// every chunk before the damage.

// Chunk is a part of an input that decodes on its own.
type Chunk struct {
	// Source names the input in messages: "dir/a.jsonl",
	// "pmc.tar.gz:PMC123/article.nxml", "<stdin>".
	Source string
	// Pos is where Data starts in the input; its File is Source.
	Pos ld.Position
	// Data is the chunk's own: nothing writes to it once the chunk is
	// made, so that a Decoder may keep its memory in the records it
	// returns rather than copy it.
	Data []byte
	// Whole is set when Data is the whole input, so that a reader may
	// treat it as a file (a list of items, a document with a header).
	Whole bool
	// Path is where Data stands in the input's structure, in the terms of
	// field paths: "[3]" for an element of a top-level array,
	// "message.items[3]" for a work of a Crossref list; empty otherwise.
	Path string
	// Prelude is text a decoder reads before Data without taking records
	// from it: what earlier chunks defined that this one may use, such as
	// BibTeX @string macros.
	Prelude []byte
	// Next is where the next chunk starts when the splitter cut this one
	// there, not at its own end (a RIS record without its ER, cut at the
	// next TY); zero otherwise.
	Next ld.Position
	// Err is set, and Data empty, for a chunk that could not be held (one
	// longer than MaxChunkSize): it is one rejected record, and the input
	// goes on after it.
	Err error
}

// MaxChunkSize bounds the chunks a Splitter holds: a line of JSON Lines,
// an array element, a RIS record, a BibTeX entry, or an input read whole
// that is longer is passed over and rejected (Chunk.Err), so that one
// huge or endless record cannot take the memory of a run. Tests lower it.
var MaxChunkSize = 64 << 20

// TooLong is the chunk of a record at pos that is longer than
// MaxChunkSize.
func TooLong(source, format string, pos ld.Position) Chunk {
	limit := fmt.Sprintf("%d bytes", MaxChunkSize)
	if MaxChunkSize%(1<<20) == 0 {
		limit = fmt.Sprintf("%d MiB", MaxChunkSize>>20)
	}
	err := &SyntaxError{Format: format, Pos: pos, Err: fmt.Errorf("the record is longer than %s: passed over", limit)}
	return Chunk{Source: source, Pos: pos, Err: err}
}

// A Splitter cuts the input r, named source, into chunks, in order. After
// an error it yields nothing more.
type Splitter func(r io.Reader, source string) iter.Seq2[Chunk, error]

// A Decoder reads the records of one chunk. A chunk that cannot be read
// at all gives one Record whose Err says why. Records number from 0
// within the chunk; the bulk pipeline numbers them in the input.
type Decoder func(c Chunk) []Record

// ReadLine reads a line of br, with its '\n', into buf and returns no more
// than MaxChunkSize+1 bytes of it, so that a splitter holds no line longer
// than a chunk may be; n is the whole line's length.
func ReadLine(br *bufio.Reader, buf []byte) (line []byte, n int, err error) {
	line = buf[:0]
	for {
		frag, err := br.ReadSlice('\n')
		n += len(frag)
		if room := MaxChunkSize + 1 - len(line); room > 0 {
			line = append(line, frag[:min(room, len(frag))]...)
		}
		if err != bufio.ErrBufferFull {
			return line, n, err
		}
	}
}

// Whole is the Splitter of the formats read whole: the input is one
// chunk, or a TooLong one past MaxChunkSize.
func Whole(r io.Reader, source string) iter.Seq2[Chunk, error] {
	return func(yield func(Chunk, error) bool) {
		pos := ld.Position{File: source, Line: 1, Column: 1}
		data, err := io.ReadAll(io.LimitReader(r, int64(MaxChunkSize)+1))
		switch {
		case err != nil:
			yield(Chunk{}, err)
		case len(data) > MaxChunkSize:
			yield(TooLong(source, "input", pos), nil)
		default:
			yield(Chunk{Source: source, Pos: pos, Data: data, Whole: true}, nil)
		}
	}
}

// ReadFunc is the whole-input reader every format has: all the records of
// data, or the error that stopped the whole input.
type ReadFunc func(data []byte, file string) ([]Record, error)

// DecodeWith makes a Decoder of a ReadFunc, for a format whose chunks are
// whole inputs: an error of the whole input is the chunk's one record.
func DecodeWith(read ReadFunc) Decoder {
	return func(c Chunk) []Record {
		records, err := read(c.Data, c.Source)
		if err != nil {
			return []Record{{Pos: c.Pos, Err: err}}
		}
		return records
	}
}

// Records reads every record of r, one at a time, with split and decode in
// turn: the sequential form of a bulk run, for callers that want the
// records of one input and no parallelism.
func Records(r io.Reader, source string, split Splitter, decode Decoder) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		index := 0
		for c, err := range split(r, source) {
			if err != nil {
				yield(Record{Index: index, Pos: ld.Position{File: source}, Err: err})
				return
			}
			records := []Record{{Pos: c.Pos, Err: c.Err}}
			if c.Err == nil {
				records = decode(c)
			}
			for _, rec := range records {
				rec.Index = index
				index++
				if !yield(rec) {
					return
				}
			}
		}
	}
}
