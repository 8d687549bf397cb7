package text

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestJSONRepairs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"clean", `{"a": "Müller \ud83d\ude00"}`, nil},
		{"invalid UTF-8", "{\"a\": \"M\xfcller\"}", []string{"1 bytes that are not UTF-8 replaced by U+FFFD"}},
		{"lone high surrogate", `{"a": "x\ud800y"}`, []string{`1 lone UTF-16 surrogate escapes (\uD800-\uDFFF) replaced by U+FFFD`}},
		{"lone high surrogate at the end", `{"a": "x\ud800"}`, []string{`1 lone UTF-16 surrogate escapes (\uD800-\uDFFF) replaced by U+FFFD`}},
		{"lone low surrogate", `{"a": "\udc00", "b": "\ud800\u0041"}`, []string{`2 lone UTF-16 surrogate escapes (\uD800-\uDFFF) replaced by U+FFFD`}},
		{"escaped backslash", `{"a": "\\ud800"}`, nil},
	}
	for _, tt := range tests {
		got := JSONRepairs([]byte(tt.in))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: JSONRepairs = %q, want %q", tt.name, got, tt.want)
		}
		// What is reported is what encoding/json repairs.
		var v map[string]string
		if err := json.Unmarshal([]byte(tt.in), &v); err != nil {
			t.Fatal(err)
		}
		repaired := false
		for _, s := range v {
			repaired = repaired || strings.ContainsRune(s, '\uFFFD')
		}
		if repaired != (len(tt.want) > 0) {
			t.Errorf("%s: encoding/json repaired %v, reported %q", tt.name, repaired, got)
		}
	}
}
