package pipeline

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
)

// TestSpansCoverLines cuts texts into blocks of every size: the blocks'
// spans, in order, are the text, and each span starts at a line start.
func TestSpansCoverLines(t *testing.T) {
	for _, text := range spanTexts {
		for size := int64(1); size <= int64(len(text))+1; size++ {
			checkSpans(t, text, size)
		}
	}
}

var spanTexts = []string{
	"",
	"a",
	"\n",
	"a\n",
	"a\nbb\nccc\n",
	"a\nbb\nccc",
	"\n\n\nlong line here\n\nx",
	"one very long line that spans many blocks\nshort\n",
}

// FuzzSpans checks the same on any text and block size.
func FuzzSpans(f *testing.F) {
	for _, text := range spanTexts {
		f.Add(text, uint8(3))
	}
	f.Fuzz(func(t *testing.T, text string, size uint8) {
		checkSpans(t, text, int64(size)+1)
	})
}

func checkSpans(t *testing.T, text string, size int64) {
	t.Helper()
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

func TestWarningCounter(t *testing.T) {
	tests := []struct{ format, path, want string }{
		{"crossref", "message.funder", "warnings:crossref:message.funder"},
		{"crossref", "message.funder[3].award", "warnings:crossref:message.funder.award"},
		{"jats", "contrib-group/contrib[12]", "warnings:jats:contrib-group/contrib"},
		{"bibtex", "entries.2.note", "warnings:bibtex:entries.note"},
		{"ris", "TY", "warnings:ris:TY"},
	}
	for _, tt := range tests {
		if got := WarningCounter(tt.format, tt.path); got != tt.want {
			t.Errorf("WarningCounter(%q, %q) = %q, want %q", tt.format, tt.path, got, tt.want)
		}
	}
}

func TestScopesDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, source := range []string{"a.jsonl", "b.jsonl", "a.tgz:a.jsonl"} {
		for record := range 1000 {
			scope := Scope(source, record)
			where := source + "#" + strconv.Itoa(record)
			if other, ok := seen[scope]; ok {
				t.Fatalf("%s and %s share the scope %s", other, where, scope)
			}
			seen[scope] = where
			if scope != Scope(source, record) {
				t.Fatalf("the scope of %s changes", where)
			}
		}
	}
}
