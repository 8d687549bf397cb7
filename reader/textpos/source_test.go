package textpos_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/textpos"
)

var _ = testkit.Update // every test binary defines -update

func TestPosition(t *testing.T) {
	const text = "ab\ncd\n\nefg"
	tests := []struct {
		offset, line, column int
	}{
		{0, 1, 1},
		{2, 1, 3},  // the line break ends line 1
		{3, 2, 1},  // first byte after a break
		{6, 3, 1},  // an empty line
		{9, 4, 3},  // the last byte
		{10, 4, 4}, // just past the end
		{99, 4, 4}, // beyond the end: the end
		{-5, 1, 1}, // before the start: the start
	}
	for _, bytes := range []bool{false, true} {
		for _, tt := range tests {
			var got ld.Position
			if bytes {
				got = textpos.New([]byte(text), "in.txt").Position(tt.offset)
			} else {
				got = textpos.New(text, "in.txt").Position(tt.offset)
			}
			want := ld.Position{File: "in.txt", Line: tt.line, Column: tt.column}
			if got != want {
				t.Errorf("Position(%d) of a []byte=%v input = %v, want %v", tt.offset, bytes, got, want)
			}
		}
	}
}

func TestPositionEmptyInput(t *testing.T) {
	if got, want := textpos.New("", "e").Position(0), (ld.Position{File: "e", Line: 1, Column: 1}); got != want {
		t.Errorf("Position(0) = %v, want %v", got, want)
	}
}

func TestJSONErrorOffset(t *testing.T) {
	tests := []struct {
		json string
		want int
	}{
		{`{"a": }`, 6},   // the offending '}'
		{`[1, 2`, 5},     // ends too soon: the end
		{`{"a": 1}}`, 8}, // text after the value
		{`x`, 0},         // the first byte
		{"", 0},          // nothing at all
	}
	for _, tt := range tests {
		var syntax *json.SyntaxError
		if err := json.Unmarshal([]byte(tt.json), new(any)); !errors.As(err, &syntax) {
			t.Fatalf("%q: error %v, want a *json.SyntaxError", tt.json, err)
		}
		if got := textpos.JSONErrorOffset(syntax); got != tt.want {
			t.Errorf("%q: JSONErrorOffset = %d, want %d", tt.json, got, tt.want)
		}
	}
}

func ExampleLines_Position() {
	lines := textpos.New([]byte("{\n  \"title\": 1\n}"), "item.json")
	fmt.Println(lines.Position(4))
	// Output: item.json:2:3
}
