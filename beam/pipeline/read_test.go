package pipeline

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestSpansCoverLines cuts texts into blocks of every size: the blocks'
// spans, in order, are the text, and each span starts at a line start.
func TestSpansCoverLines(t *testing.T) {
	for _, text := range []string{
		"",
		"a",
		"\n",
		"a\n",
		"a\nbb\nccc\n",
		"a\nbb\nccc",
		"\n\n\nlong line here\n\nx",
		"one very long line that spans many blocks\nshort\n",
	} {
		for size := int64(1); size <= int64(len(text))+1; size++ {
			var union bytes.Buffer
			for start := int64(0); start < int64(len(text)); start += size {
				span, err := openSpan(strings.NewReader(text), start, min(start+size, int64(len(text))))
				if err != nil {
					t.Fatal(err)
				}
				data, err := io.ReadAll(span)
				if err != nil {
					t.Fatal(err)
				}
				at := union.Len()
				if len(data) > 0 && at > 0 && text[at-1] != '\n' {
					t.Errorf("%q in blocks of %d: a span starts at %d, inside a line", text, size, at)
				}
				union.Write(data)
			}
			if union.String() != text {
				t.Errorf("%q in blocks of %d: spans make %q", text, size, union.String())
			}
		}
	}
}

// TestSpanSkipsWithoutSeeking reads a block of a stream that cannot seek,
// as Beam's gs:// and s3:// readers are.
func TestSpanSkipsWithoutSeeking(t *testing.T) {
	text := "first\nsecond\nthird\n"
	span, err := openSpan(io.MultiReader(strings.NewReader(text)), 3, 8)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(span)
	if string(data) != "second\n" {
		t.Errorf("span [3, 8) = %q, want %q", data, "second\n")
	}
}
