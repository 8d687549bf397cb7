package validate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
)

// FuzzValidate: Validate never panics on any input in any format, and
// every finding names a listed rule with that rule's severity.
func FuzzValidate(f *testing.F) {
	root := testkit.Root(f)
	for _, pattern := range []string{"testdata/records/*.json", "testdata/golden/*.ttl", "testdata/golden/*.nt", "testdata/golden/*.nq", "testdata/golden/*.jsonl", "testdata/golden/*.jsonld"} {
		paths, _ := filepath.Glob(filepath.Join(root, pattern))
		for _, path := range paths {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(data, filepath.Base(path))
			}
		}
	}
	data, err := os.ReadFile(testkit.Shared(f, "fixtures", "schemaorg", "datacite-blog.schema_org.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, "datacite.json")
	f.Add([]byte(`{"title":"T","authors":[],"dates":{"published":"2014-02-30"}}`), "x.json")
	f.Add([]byte(`{"@context":{"@vocab":"http://schema.org/"},"@type":"Review","author":"x"}`), "x.jsonld")
	v, err := NewVocabulary()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, file string) {
		r := Validate(data, file, Options{Profiles: Profiles, Vocabulary: v})
		for _, finding := range r.Findings {
			rule, ok := ruleByName(finding.Rule)
			if !ok || rule.Severity != finding.Severity {
				t.Fatalf("finding %+v names no listed rule of its severity", finding)
			}
		}
	})
}
