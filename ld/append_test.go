package ld_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	sld "github.com/scholarld/scholarld/ld"
)

// TestAppendGraphIsTheStream encodes every record apart with AppendGraph
// and the stream's scopes, and checks that the pieces concatenated are the
// bytes the format's Encoder writes for the records in one stream.
func TestAppendGraphIsTheStream(t *testing.T) {
	recs := records(t)
	for _, f := range sld.Formats {
		if f.AppendGraph == nil {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			var stream bytes.Buffer
			enc := f.NewEncoder(&stream)
			var pieces []byte
			for i, rec := range recs {
				g := mapArticle(t, rec.article, f.Profile)
				if err := enc.Encode(g); err != nil {
					t.Fatal(err)
				}
				var err error
				if pieces, err = f.AppendGraph(pieces, g, sld.StreamScope(i)); err != nil {
					t.Fatal(err)
				}
			}
			if err := enc.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(pieces, stream.Bytes()) {
				t.Errorf("AppendGraph pieces differ from the stream:\n got:\n%s\nwant:\n%s", pieces, stream.Bytes())
			}
		})
	}
}

// TestJSONLinesIsCompactJSONLD checks that each JSON Lines output is one
// line holding the compact JSON-LD document, value for value.
func TestJSONLinesIsCompactJSONLD(t *testing.T) {
	jsonl, _ := sld.FormatByName("jsonl")
	for _, rec := range records(t) {
		g := mapArticle(t, rec.article, jsonl.Profile)
		line := rdftest.Encode(t, g, jsonl.NewEncoder)
		if n := bytes.Count([]byte(line), []byte("\n")); n != 1 || line[len(line)-1] != '\n' {
			t.Errorf("%s: %d line breaks, want one at the end", rec.name, n)
		}
		var got, want any
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("%s: %v", rec.name, err)
		}
		if err := json.Unmarshal([]byte(rdftest.Encode(t, g, sld.NewJSONLDEncoder)), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the JSON Lines document is not the compact JSON-LD", rec.name)
		}
	}
}
