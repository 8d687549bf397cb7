package textpos

import "testing"

func TestJSONMember(t *testing.T) {
	data := []byte("{\"meta\": {\"results\": 1},\n  \"results\" :\t[1, 2],\n \"results\": 3}")
	value, offset, ok := JSONMember(data, "results")
	if !ok || string(value) != "[1, 2]" || string(data[offset:offset+6]) != "[1, 2]" {
		t.Fatalf("JSONMember = %s, %d, %v", value, offset, ok)
	}
	if got := New(data, "f").Position(offset); got.Line != 2 || got.Column != 15 {
		t.Errorf("position %s, want 2:15", got)
	}
	for _, in := range []string{`[1]`, `{"a": 1}`, `{"a": }`, ``} {
		if _, _, ok := JSONMember([]byte(in), "results"); ok {
			t.Errorf("JSONMember(%q) found a member", in)
		}
	}
}
