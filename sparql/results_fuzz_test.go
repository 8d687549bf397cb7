package sparql

import (
	"encoding/json"
	"testing"
)

// FuzzParseResults feeds the reader of SPARQL JSON results, which reads
// what a server sends, anything: it returns results or an error, never
// panics, and results it accepts encode back to JSON.
func FuzzParseResults(f *testing.F) {
	f.Add([]byte(`{"head":{"vars":["g","n"]},"results":{"bindings":[{"g":{"type":"uri","value":"http://example.org/g"},"n":{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"7"}}]}}`))
	f.Add([]byte(`{"head":{"vars":[]},"results":{"bindings":[]}}`))
	f.Add([]byte(`{"head":{"vars":["x"]}}`))
	f.Add([]byte(`<sparql xmlns="http://www.w3.org/2005/sparql-results#">`))
	f.Add([]byte(`{"results":{"bindings":[{"x":{"type":"literal","value":"a","xml:lang":"de"}}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := parseResults(body)
		if err != nil {
			if res != nil {
				t.Fatal("results and an error")
			}
			return
		}
		if _, err := json.Marshal(res.Bindings); err != nil {
			t.Fatalf("accepted results do not encode: %v", err)
		}
	})
}
