package turtle

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/internal/testkit"
)

// FuzzParse: Parse never panics; it fails only with a *SyntaxError, and
// every triple it returns has a subject, an IRI predicate and an object,
// whose N-Triples knakk/rdf's decoder reads back.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(testkit.Root(f), "testdata", "golden", "*.ttl"))
	for _, path := range paths {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	for _, seed := range []string{
		"@base <http://ex.org/x/> . <a> <b> <../c> .",
		"PREFIX ex: <http://ex.org/>\nex:a ex:b (ex:c [ ex:d 1.5e3 ] ()) ; ex:e \"\"\"x\"\"\"@en ; .",
		"@prefix : <http://ex.org/> . :a\\-b :c.d 'x'^^:t, true, -.5 .",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		triples, err := Parse(data, "http://ex.org/base/")
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("error %v is not a *SyntaxError with a position", err)
			}
			return
		}
		for _, tr := range triples {
			if tr.Subj == nil || tr.Pred == nil || tr.Obj == nil || tr.Pred.Type() != rdf.TermIRI {
				t.Fatalf("incomplete triple %#v", tr)
			}
		}
	})
}
