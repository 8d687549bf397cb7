package ris

import (
	"bufio"
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
// lines end in CR alone is one chunk.
func Split(r io.Reader, source string) iter.Seq2[reader.Chunk, error] {
	return func(yield func(reader.Chunk, error) bool) {
		br := bufio.NewReaderSize(r, 1<<16)
		var data []byte
		start, line, tagged := 1, 0, false
		flush := func() bool {
			if len(data) == 0 || !tagged {
				return true
			}
			c := reader.Chunk{Source: source, Pos: ld.Position{File: source, Line: start, Column: 1}, Data: data}
			data, tagged = nil, false
			return yield(c, nil)
		}
		for {
			text, err := br.ReadBytes('\n')
			if len(text) > 0 {
				line++
				content := strings.TrimRight(string(text), "\r\n")
				if line == 1 {
					content = strings.TrimPrefix(content, "\uFEFF")
				}
				kind, tag, _ := classify(content)
				if kind == goodTagLine && tag == "TY" {
					if !flush() {
						return
					}
					start = line
				}
				tagged = tagged || kind == goodTagLine || kind == badTagLine
				data = append(data, text...)
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
