package reader

import (
	"bufio"
	"io"
	"iter"
)

// SplitLines is the JSON Lines part of SplitJSON on its own: every
// non-blank line of r is a chunk, cut and positioned exactly as SplitJSON
// cuts the lines of a JSON Lines input, the first line of r numbered
// firstLine. It reads a part of a JSON Lines input that starts at the
// start of a line, so that a large file cut at line ends is read in parts
// on many machines (the Beam pipeline) with the positions that one pass
// over the whole file would give.
func SplitLines(r io.Reader, source string, firstLine int) iter.Seq2[Chunk, error] {
	return func(yield func(Chunk, error) bool) {
		s := &jsonSplitter{r: bufio.NewReaderSize(r, 1<<16), source: source, line: firstLine, col: 1}
		s.lines(yield)
	}
}
