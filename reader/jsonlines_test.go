package reader_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader"
)

// TestSplitLinesMatchesSplitJSON cuts a JSON Lines input at every line
// end and reads the parts with SplitLines: the chunks are those SplitJSON
// gives for the whole input, with the same positions.
func TestSplitLinesMatchesSplitJSON(t *testing.T) {
	input := "{\"a\":1}\n\n  {\"b\":2}\r\n{broken\n\t\n{\"c\":3}"
	whole := collect(t, reader.SplitJSON(strings.NewReader(input), "in.jsonl"))
	lines := strings.SplitAfter(input, "\n")
	for cut := 1; cut < len(lines); cut++ {
		head := strings.Join(lines[:cut], "")
		tail := strings.Join(lines[cut:], "")
		got := collect(t, reader.SplitJSON(strings.NewReader(head), "in.jsonl"))
		got = append(got, collect(t, reader.SplitLines(strings.NewReader(tail), "in.jsonl", cut+1))...)
		if !reflect.DeepEqual(got, whole) {
			t.Errorf("cut before line %d:\n got %+v\nwant %+v", cut+1, got, whole)
		}
	}
}

func collect(t *testing.T, chunks func(func(reader.Chunk, error) bool)) []reader.Chunk {
	t.Helper()
	var out []reader.Chunk
	for c, err := range chunks {
		if err != nil {
			t.Fatal(err)
		}
		c.Data = bytes.Clone(c.Data)
		out = append(out, c)
	}
	return out
}
