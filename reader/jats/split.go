package jats

import (
	"bytes"
	"encoding/xml"
	"io"
	"iter"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// Split cuts a JATS article set (PMC's <pmc-articleset>, or any root
// element holding <article> children) into its articles as the input
// streams past, one chunk each, so that a set of thousands of articles is
// never held whole. An input whose root is an <article> is one chunk. An
// article in a set is read without the set's XML declaration and DOCTYPE,
// as PMC's sets do not need them; articles deeper than the root's
// children are read only by Read.
func Split(r io.Reader, source string) iter.Seq2[reader.Chunk, error] {
	return func(yield func(reader.Chunk, error) bool) {
		rec := &recorder{r: r}
		dec := xml.NewDecoder(rec)
		dec.Strict = false
		depth := 0
		for {
			start := dec.InputOffset()
			tok, err := dec.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				// Let the reader report the damage, with its position:
				// the rest of the input is one chunk.
				rest, _ := io.ReadAll(rec.r)
				data := append(rec.from(start), rest...)
				yield(rec.chunk(source, start, data, depth == 0), nil)
				return
			}
			switch t := tok.(type) {
			case xml.StartElement:
				depth++
				switch {
				case depth == 1 && t.Name.Local == "article":
					rest, err := io.ReadAll(rec.r)
					if err != nil {
						yield(reader.Chunk{}, err)
						return
					}
					yield(reader.Chunk{Source: source, Pos: ld.Position{File: source, Line: 1, Column: 1}, Data: append(rec.from(0), rest...), Whole: true}, nil)
					return
				case depth == 2 && t.Name.Local == "article":
					if err := dec.Skip(); err != nil {
						rest, _ := io.ReadAll(rec.r)
						yield(rec.chunk(source, start, append(rec.from(start), rest...), false), nil)
						return
					}
					depth--
					end := dec.InputOffset()
					if !yield(rec.chunk(source, start, rec.between(start, end), false), nil) {
						return
					}
					rec.discard(end)
				}
			case xml.EndElement:
				depth--
			}
		}
	}
}

// recorder keeps the bytes the XML decoder reads, from the end of the
// last article on, so that an article's text can be cut out by offsets,
// and counts the lines of what it lets go.
type recorder struct {
	r    io.Reader
	buf  []byte
	base int64 // the offset of buf[0]
	line int   // the line on which buf[0] stands, from 0
	col  int   // its column, from 0
}

func (r *recorder) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.buf = append(r.buf, p[:n]...)
	return n, err
}

func (r *recorder) from(offset int64) []byte { return bytes.Clone(r.buf[offset-r.base:]) }

func (r *recorder) between(start, end int64) []byte {
	return bytes.Clone(r.buf[start-r.base : end-r.base])
}

// discard lets go of the bytes before offset.
func (r *recorder) discard(offset int64) {
	r.line, r.col = advance(r.line, r.col, r.buf[:offset-r.base])
	r.buf = append(r.buf[:0], r.buf[offset-r.base:]...)
	r.base = offset
}

// chunk makes the chunk of data, which starts at offset.
func (r *recorder) chunk(source string, offset int64, data []byte, whole bool) reader.Chunk {
	line, col := advance(r.line, r.col, r.buf[:offset-r.base])
	return reader.Chunk{Source: source, Pos: ld.Position{File: source, Line: line + 1, Column: col + 1}, Data: data, Whole: whole}
}

// advance moves a line and column (from 0) over text.
func advance(line, col int, text []byte) (int, int) {
	if n := bytes.Count(text, []byte("\n")); n > 0 {
		return line + n, len(text) - bytes.LastIndexByte(text, '\n') - 1
	}
	return line, col + len(text)
}
