package jats

import (
	"bytes"
	"encoding/xml"
	"io"
	"iter"
	"regexp"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// Split cuts a JATS article set (PMC's <pmc-articleset>, or any root
// element holding <article> children) into its articles as the input
// streams past, one chunk each, so that a set of thousands of articles is
// never held whole. An input whose root is an <article> is one chunk. An
// article in a set is read without the set's XML declaration and DOCTYPE,
// as PMC's sets do not need them. A child of the root that holds articles
// deeper down (a group of them) is one chunk; the other children of the
// root are passed over. A set in which no article was found is one chunk,
// for Read to report. An article whose damage the XML decoder cannot go
// past (Read rejects the whole set for it) is a chunk up to the next
// <article> start tag, where cutting goes on with a fresh decoder, so
// that it rejects only itself.
func Split(r io.Reader, source string) iter.Seq2[reader.Chunk, error] {
	return func(yield func(reader.Chunk, error) bool) {
		rec := &recorder{r: r}
		dec := xml.NewDecoder(rec)
		dec.Strict = false
		depth := 0
		yielded := false // until then, every byte is kept for the last case
		for {
			start := dec.InputOffset()
			tok, err := dec.Token()
			if err == io.EOF {
				if !yielded {
					yield(rec.chunk(source, rec.base, rec.from(rec.base), true), nil)
				}
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
				if depth == 1 {
					rec.root = rec.between(start, dec.InputOffset())
				}
				switch {
				case depth == 1 && t.Name.Local == "article":
					rest, err := io.ReadAll(rec.r)
					if err != nil {
						yield(reader.Chunk{}, err)
						return
					}
					yield(reader.Chunk{Source: source, Pos: ld.Position{File: source, Line: 1, Column: 1}, Data: append(rec.from(0), rest...), Whole: true}, nil)
					return
				case depth == 2:
					if err := dec.Skip(); err != nil {
						next, found := rec.findArticle(dec.InputOffset())
						if !found {
							rest, _ := io.ReadAll(rec.r)
							yield(rec.chunk(source, start, append(rec.from(start), rest...), false), nil)
							return
						}
						// The damage is this child's alone: it is a chunk up
						// to the next article, where cutting goes on.
						if yield(rec.chunk(source, start, rec.between(start, next), false), nil) {
							rec.resume(source, next, yield)
						}
						return
					}
					depth--
					end := dec.InputOffset()
					if t.Name.Local == "article" || holdsArticle.Match(rec.buf[start-rec.base:end-rec.base]) {
						if !yield(rec.chunk(source, start, rec.between(start, end), false), nil) {
							return
						}
						yielded = true
					}
					if yielded {
						rec.discard(end)
					}
				}
			case xml.EndElement:
				depth--
			}
		}
	}
}

// holdsArticle finds an <article> start tag, with or without a prefix.
var holdsArticle = regexp.MustCompile(`<([\w.-]+:)?article[\s/>]`)

// recorder keeps the bytes the XML decoder reads, from the end of the
// last article on, so that an article's text can be cut out by offsets,
// and counts the lines of what it lets go.
type recorder struct {
	r    io.Reader
	buf  []byte
	base int64  // the offset of buf[0]
	line int    // the line on which buf[0] stands, from 0
	col  int    // its column, from 0
	root []byte // the root element's start tag
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

// findArticle finds the next <article> start tag at or after offset,
// reading on as needed; found is false at the end of the input.
func (r *recorder) findArticle(offset int64) (next int64, found bool) {
	const overlap = 64 // a tag cut between two reads
	buf := make([]byte, 32<<10)
	for from := offset; ; {
		if loc := holdsArticle.FindIndex(r.buf[from-r.base:]); loc != nil {
			return from + int64(loc[0]), true
		}
		from = max(offset, r.base+int64(len(r.buf))-overlap)
		if n, err := r.Read(buf); n == 0 && err != nil {
			return 0, false
		}
	}
}

// resume cuts the rest of the input, from offset, the start of an article
// after damage that the decoder could not go past: a fresh decoder reads
// it after the root's start tag again, as the children of the set, and
// the chunks are placed in the input.
func (r *recorder) resume(source string, offset int64, yield func(reader.Chunk, error) bool) {
	// On one line, so that the places of the first line stay.
	root := bytes.Map(func(c rune) rune {
		if c == '\n' || c == '\r' {
			return ' '
		}
		return c
	}, r.root)
	at := r.chunk(source, offset, nil, false).Pos
	rest := io.MultiReader(bytes.NewReader(root), bytes.NewReader(r.from(offset)), r.r)
	for c, err := range Split(rest, source) {
		if c.Pos.Line == 1 {
			c.Pos.Column += at.Column - 1 - len(root)
		}
		c.Pos.Line += at.Line - 1
		c.Whole = false
		if !yield(c, err) {
			return
		}
	}
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
