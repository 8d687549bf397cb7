package source_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/scholarld/scholarld/reader/source"
)

func TestStreamDecompressesByMagic(t *testing.T) {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte("{\"title\":\"x\"}\n"))
	w.Close()
	tests := []struct {
		name      string
		data      []byte
		plain     bool
		wantName  string
		wantBytes string
	}{
		{"a.jsonl", []byte("{\"title\":\"x\"}\n"), true, "a.jsonl", "{\"title\":\"x\"}\n"},
		{"a.jsonl.gz", gz.Bytes(), false, "a.jsonl", "{\"title\":\"x\"}\n"},
		{"no-suffix", gz.Bytes(), false, "no-suffix", "{\"title\":\"x\"}\n"},
	}
	for _, tt := range tests {
		if got := source.Plain(tt.data); got != tt.plain {
			t.Errorf("Plain(%s) = %v, want %v", tt.name, got, tt.plain)
		}
		n := 0
		for in, err := range source.Stream(tt.name, bytes.NewReader(tt.data)) {
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			n++
			data, err := io.ReadAll(in.Reader)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if in.Name != tt.name || in.FormatName != tt.wantName || string(data) != tt.wantBytes {
				t.Errorf("%s: got %q %q %q, want %q %q %q", tt.name, in.Name, in.FormatName, data, tt.name, tt.wantName, tt.wantBytes)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d inputs, want 1", tt.name, n)
		}
	}
}

func TestStreamNamesTruncatedInput(t *testing.T) {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(bytes.Repeat([]byte("{\"title\":\"x\"}\n"), 1000))
	w.Close()
	cut := gz.Bytes()[:gz.Len()/2]
	for in, err := range source.Stream("a.jsonl.gz", bytes.NewReader(cut)) {
		if err != nil {
			t.Fatal(err)
		}
		_, err := io.ReadAll(in.Reader)
		if err == nil || err.Error() != "a.jsonl.gz: gzip: the input ends early (truncated file?)" {
			t.Errorf("reading a truncated stream: %v", err)
		}
	}
}
