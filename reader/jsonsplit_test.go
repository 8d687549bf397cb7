package reader_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader"
)

// split returns each chunk as "line:col data" and the final error.
func split(input string) (chunks []string, err error) {
	for c, e := range reader.SplitJSON(strings.NewReader(input), "in") {
		if e != nil {
			return chunks, e
		}
		chunks = append(chunks, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Column, c.Data))
	}
	return chunks, nil
}

func TestSplitJSON(t *testing.T) {
	tests := []struct {
		name, input string
		chunks      []string
		err         string
	}{
		{"json lines", "{\"a\":1}\n\n  {\"b\":2}\n{\"c\":3}", []string{"1:1 {\"a\":1}", "3:3 {\"b\":2}", "4:1 {\"c\":3}"}, ""},
		{"crlf", "{\"a\":1}\r\n{\"b\":2}\r\n", []string{"1:1 {\"a\":1}", "2:1 {\"b\":2}"}, ""},
		{"a broken line rejects only itself", "{\"a\":1}\n{\"b\":\n{\"c\":3}\n", []string{"1:1 {\"a\":1}", "2:1 {\"b\":", "3:1 {\"c\":3}"}, ""},
		{"byte order mark", "\xEF\xBB\xBF{\"a\":1}\n", []string{"1:1 {\"a\":1}"}, ""},
		{"array", "[\n  {\"a\": [1, \"]\"]},\n  {\"b\": \"\\\"}\"}\n]\n", []string{"2:3 {\"a\": [1, \"]\"]}", "3:3 {\"b\": \"\\\"}\"}"}, ""},
		{"empty array", " [ ] ", nil, ""},
		{"pretty values", "{\n \"a\": 1\n}\n{\n \"b\": 2\n}", []string{"1:1 {\n \"a\": 1\n}", "4:1 {\n \"b\": 2\n}"}, ""},
		{"scalars are chunks", "1\n\"x\"\n", []string{"1:1 1", "2:1 \"x\""}, ""},
		{"empty", "  \n", nil, ""},
		{"unterminated array", "[{\"a\":1},\n{\"b\":2", []string{"1:2 {\"a\":1}"}, "json: in:2:7: unexpected end of input in the value that starts at 2:1"},
		{"no comma", "[{\"a\":1} {\"b\":2}]", []string{"1:2 {\"a\":1}"}, "json: in:1:10: '{' after an element, want ',' or ']'"},
		{"after the array", "[1] x", []string{"1:2 1"}, "json: in:1:5: 'x' after the array, want the end of the input"},
		{"two values on the first line are one bad line", "{\"a\":1} {\"b\":2}\n{\"c\":3}", []string{"1:1 {\"a\":1} {\"b\":2}", "2:1 {\"c\":3}"}, ""},
		{"a first line cut short rejects only itself", "{\"a\":\"x\n{\"b\":2}\n{\"c\":\"}\"}\n", []string{"1:1 {\"a\":\"x", "2:1 {\"b\":2}", "3:1 {\"c\":\"}\"}"}, ""},
		{"a first line with an unclosed object", "  {\"a\":[1\n{\"b\":2}\n", []string{"1:3 {\"a\":[1", "2:1 {\"b\":2}"}, ""},
		{"a list opened on the first line is not json lines", "{\"a\":[\n{\"b\":2}\n]}", []string{"1:1 {\"a\":[\n{\"b\":2}\n]}"}, ""},
		{"closing bracket first", "}", nil, "json: in:1:1: '}' closes nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks, err := split(tt.input)
			if fmt.Sprint(chunks) != fmt.Sprint(tt.chunks) {
				t.Errorf("chunks\n got %q\nwant %q", chunks, tt.chunks)
			}
			if got := fmt.Sprint(err); (err != nil || tt.err != "") && got != tt.err {
				t.Errorf("error %q, want %q", got, tt.err)
			}
		})
	}
}

// FuzzSplitJSON checks that splitting never panics, that chunks come in
// order from the input, and that each chunk's position points at it.
func FuzzSplitJSON(f *testing.F) {
	for _, seed := range []string{"{\"a\":1}\n{\"b\":2}\n", "[1,{\"x\":[2]}]", "{\n}\n{\"a\":\"\\\"\"}", "[", "\"", "}{"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		lines := strings.SplitAfter(input, "\n")
		for c, err := range reader.SplitJSON(strings.NewReader(input), "in") {
			if err != nil {
				return
			}
			if c.Pos.Line < 1 || c.Pos.Line > len(lines) {
				t.Fatalf("chunk %q at line %d of %d", c.Data, c.Pos.Line, len(lines))
			}
			rest := strings.Join(lines[c.Pos.Line-1:], "")
			if c.Pos.Column < 1 || c.Pos.Column > len(rest) || !bytes.HasPrefix([]byte(rest[c.Pos.Column-1:]), c.Data) {
				t.Fatalf("chunk %q is not at %d:%d", c.Data, c.Pos.Line, c.Pos.Column)
			}
		}
	})
}

func TestSplitJSONList(t *testing.T) {
	tests := []struct {
		name, input string
		chunks      []string
		err         string
	}{
		{"response", "{\"status\": \"ok\", \"message\": {\"total\": 2, \"facets\": {}, \"items\": [\n{\"a\":1},\n{\"b\":[2]}\n], \"next\": null}}", []string{"2:1 {\"a\":1}", "3:1 {\"b\":[2]}"}, ""},
		{"a member named like the list elsewhere", "{\"items\": 3, \"message\": {\"items\": [1]}}", []string{"1:36 1"}, ""},
		{"no list: the object is one chunk", "{\"message\": {\"title\": [\"x\"]}}\n", []string{"1:1 {\"message\": {\"title\": [\"x\"]}}"}, ""},
		{"no list, pretty", "{\n \"title\": \"x\"\n}\n", []string{"1:1 {\n \"title\": \"x\"\n}"}, ""},
		{"json lines of works", "{\"title\":\"a\"}\n{\"title\":\"b\"}\n", []string{"1:1 {\"title\":\"a\"}", "2:1 {\"title\":\"b\"}"}, ""},
		{"top-level array", "[{\"a\":1}]", []string{"1:2 {\"a\":1}"}, ""},
		{"broken member", "{\"message\" {\"items\": []}}", nil, "json: in:1:12: want ':' after the member name \"message\""},
		{"two responses, one after the other", "{\"message\": {\"items\": [\n{\"a\":1}\n], \"next\": {\"x\": [1]}}}\n{\"message\": {\"items\": [\n{\"b\":2}\n]}}\n", []string{"2:1 {\"a\":1}", "5:1 {\"b\":2}"}, ""},
		{"a broken member after the list", "{\"message\": {\"items\": [1], \"next\" 2}}", []string{"1:24 1"}, "json: in:1:35: want ':' after the member name \"next\""},
		{"cut in the list", "{\"message\": {\"items\": [{\"a\":1}, {\"b\"", []string{"1:24 {\"a\":1}"}, "json: in:1:37: unexpected end of input in the value that starts at 1:33"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var chunks []string
			var err error
			for c, e := range reader.SplitJSONList("message", "items")(strings.NewReader(tt.input), "in") {
				if e != nil {
					err = e
					break
				}
				chunks = append(chunks, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Column, c.Data))
			}
			if fmt.Sprint(chunks) != fmt.Sprint(tt.chunks) {
				t.Errorf("chunks\n got %q\nwant %q", chunks, tt.chunks)
			}
			if got := fmt.Sprint(err); (err != nil || tt.err != "") && got != tt.err {
				t.Errorf("error %q, want %q", got, tt.err)
			}
		})
	}
}

// TestSplittersBoundTheirChunks lowers MaxChunkSize: a line, an element
// or an input longer is one rejected chunk at its place, not held, and
// the input goes on after it.
func TestSplittersBoundTheirChunks(t *testing.T) {
	defer func(n int) { reader.MaxChunkSize = n }(reader.MaxChunkSize)
	reader.MaxChunkSize = 16
	long := strings.Repeat("x", 40)
	tests := []struct {
		name  string
		split reader.Splitter
		input string
		want  []string
	}{
		{"a long line", reader.SplitJSON, "{\"a\":1}\n{\"b\":\"" + long + "\"}\n{\"c\":3}\n", []string{"1:1 {\"a\":1}", "2:1 too long", "3:1 {\"c\":3}"}},
		{"a long first line", reader.SplitJSON, "{\"b\":\"" + long + "\"} x\n{\"c\":3}\n", []string{"1:1 too long", "2:1 {\"c\":3}"}},
		{"a long element", reader.SplitJSON, "[{\"a\":1},\n {\"b\":\"" + long + "\"}, {\"c\":3}]", []string{"1:2 {\"a\":1}", "2:2 too long", "2:52 {\"c\":3}"}},
		{"a long item", reader.SplitJSONList("message", "items"), "{\"message\":{\"items\":[{\"b\":\"" + long + "\"},{\"c\":3}]}}", []string{"1:22 too long", "1:71 {\"c\":3}"}},
		{"a long object without the list", reader.SplitJSONList("message", "items"), "{\"message\":{\"b\":\"" + long + "\"}}", []string{"1:1 too long"}},
		{"a long input read whole", reader.Whole, long, []string{"1:1 too long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for c, err := range tt.split(strings.NewReader(tt.input), "in") {
				switch {
				case err != nil:
					got = append(got, err.Error())
				case c.Err != nil && len(c.Data) == 0 && strings.Contains(c.Err.Error(), "longer than"):
					got = append(got, fmt.Sprintf("%d:%d too long", c.Pos.Line, c.Pos.Column))
				default:
					got = append(got, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Column, c.Data))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSplitJSONListPaths checks the paths of the chunks: the list's path
// for the works of a response, the index alone for a top-level array.
func TestSplitJSONListPaths(t *testing.T) {
	for input, want := range map[string]string{
		"{\"message\": {\"items\": [{\"a\":1}, {\"b\":2}]}}": "[message.items[0] message.items[1]]",
		"[{\"a\":1}, {\"b\":2}]":                             "[[0] [1]]",
	} {
		var paths []string
		for c, err := range reader.SplitJSONList("message", "items")(strings.NewReader(input), "in") {
			if err != nil {
				t.Fatal(err)
			}
			paths = append(paths, c.Path)
		}
		if fmt.Sprint(paths) != want {
			t.Errorf("%s: paths %v, want %s", input, paths, want)
		}
	}
}
