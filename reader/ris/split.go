package ris

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// Split cuts RIS into records as the input streams past: a chunk runs
// from a TY line to the line before the next TY, so that the text of one
// record is read at a time and a bad record rejects only itself. Text
// before the first TY without a tag line (a database's header) is
// skipped, as Read skips it. Lines may end in LF or CR LF; a file whose
// lines end in CR alone is one chunk. A record longer than
// reader.MaxChunkSize is not held: it is a TooLong chunk.
func Split(r io.Reader, source string) iter.Seq2[reader.Chunk, error] {
	return func(yield func(reader.Chunk, error) bool) {
		br := bufio.NewReaderSize(r, 1<<16)
		var data, text []byte
		start, line, size, tagged, yielded := 1, 0, 0, false, false
		// flush yields the record read so far. Lines without a tag before
		// the first TY are a header, dropped; an input with no tag line at
		// all is one whole chunk, for Read to report.
		flush := func(eof bool) bool {
			switch {
			case size == 0:
				return true
			case !tagged && eof && !yielded:
				pos := ld.Position{File: source, Line: 1, Column: 1}
				if size > reader.MaxChunkSize {
					return yield(reader.TooLong(source, "ris", pos), nil)
				}
				return yield(reader.Chunk{Source: source, Pos: pos, Data: data, Whole: true}, nil)
			case !tagged:
				data, size = nil, 0
				return true
			}
			yielded = true
			pos := ld.Position{File: source, Line: start, Column: 1}
			c := reader.Chunk{Source: source, Pos: pos, Data: data}
			if !eof {
				c.Next = ld.Position{File: source, Line: line, Column: 1}
			}
			if size > reader.MaxChunkSize {
				c = reader.TooLong(source, "ris", pos)
			}
			data, size, tagged = nil, 0, false
			return yield(c, nil)
		}
		for {
			var n int
			var err error
			text, n, err = reader.ReadLine(br, text)
			if n > 0 {
				line++
				content := strings.TrimRight(string(text), "\r\n")
				if line == 1 {
					content = strings.TrimPrefix(content, "\uFEFF")
				}
				kind, tag, _ := classify(content)
				if kind == goodTagLine && tag == "TY" {
					if !flush(false) {
						return
					}
					start = line
				}
				tagged = tagged || kind == goodTagLine || kind == badTagLine
				if size += n; size <= reader.MaxChunkSize {
					data = append(data, text...)
				}
			}
			if err == io.EOF {
				flush(true)
				return
			}
			if err != nil {
				yield(reader.Chunk{}, err)
				return
			}
		}
	}
}

// DecodeChunk reads the record of one chunk at its place in the input. A
// record without its ER that the next TY cut short is said to end there,
// as Read says, rather than with the input.
func DecodeChunk(c reader.Chunk) []reader.Record {
	records := reader.DecodeAt(Read, reader.WarningPathsInRecord)(c)
	if !c.Next.IsValid() {
		return records
	}
	for i := range records {
		for j, w := range records[i].Warnings {
			if w.Path == "ER" && w.Msg == "the record has no ER line: it ends with the input" {
				records[i].Warnings[j].Msg = fmt.Sprintf("the record has no ER line: it ends before the TY at line %d", c.Next.Line)
			}
		}
	}
	return records
}
