package bibtex

import (
	"bufio"
	"bytes"
	"io"
	"iter"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Split cuts BibTeX into entries as the input streams past: a chunk
// starts at each line whose first character but blanks is '@' followed
// by a letter, the place where Read too resynchronises after a bad entry.
// The @string entries met so far are every later chunk's Prelude, so
// that their macros expand as in Read. Text before the first entry is a
// comment and is skipped. An entry longer than reader.MaxChunkSize is not
// held: it is a TooLong chunk.
func Split(r io.Reader, source string) iter.Seq2[reader.Chunk, error] {
	return func(yield func(reader.Chunk, error) bool) {
		br := bufio.NewReaderSize(r, 1<<16)
		var data, definitions, l []byte
		start, line, size := 0, 0, 0
		flush := func() bool {
			if start == 0 {
				return true
			}
			pos := ld.Position{File: source, Line: start, Column: 1}
			c := reader.Chunk{Source: source, Pos: pos, Data: data, Prelude: definitions}
			switch {
			case size > reader.MaxChunkSize:
				c = reader.TooLong(source, "bibtex", pos)
			case isStringEntry(data):
				definitions = append(bytes.Clone(definitions), data...)
			}
			data, size = nil, 0
			return yield(c, nil)
		}
		for {
			var n int
			var err error
			l, n, err = reader.ReadLine(br, l)
			if n > 0 {
				line++
				if line == 1 {
					l = bytes.TrimPrefix(l, []byte("\uFEFF"))
				}
				if startsEntry(l) {
					if !flush() {
						return
					}
					start = line
				}
				if start > 0 {
					if size += n; size <= reader.MaxChunkSize {
						data = append(data, l...)
					}
				}
			}
			if err == io.EOF {
				flush()
				return
			}
			if err != nil {
				yield(reader.Chunk{}, err)
				return
			}
		}
	}
}

// startsEntry reports whether a line starts an entry: blanks, '@' and a
// letter.
func startsEntry(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	return len(line) > 1 && line[0] == '@' && isLetter(line[1])
}

// isStringEntry reports whether an entry is an @string definition.
func isStringEntry(entry []byte) bool {
	entry = bytes.TrimLeft(entry, " \t@")
	return len(entry) >= 6 && bytes.EqualFold(entry[:6], []byte("string"))
}

// DecodeChunk reads the entries of one chunk, with the macros of its
// Prelude, at their places in the input.
func DecodeChunk(c reader.Chunk) []reader.Record {
	macros := map[string]string{}
	if len(c.Prelude) > 0 {
		src, _ := text.DecodeInput(c.Prelude)
		p := newParser(src, c.Source)
		for p.nextEntry() >= 0 {
			start := p.off
			if _, err := p.parseEntry(); err != nil {
				p.resync(start)
			}
		}
		macros = p.macros
	}
	return reader.DecodeAt(func(data []byte, file string) ([]reader.Record, error) {
		return read(data, file, macros)
	}, reader.WarningPathsInRecord)(c)
}
