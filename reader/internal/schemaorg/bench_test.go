package schemaorg

import (
	"encoding/json"
	"testing"
)

// benchmarkDoc is a landing page's JSON-LD as publishers write it: the
// official context by URL, an article with two authors and a journal.
const benchmarkDoc = `{"@context": "https://schema.org", "@type": "ScholarlyArticle",
 "@id": "https://doi.org/10.5555/x", "headline": "A title", "datePublished": "2014-08-18",
 "author": [{"@type": "Person", "name": "Jan van der Berg", "id": "https://orcid.org/0000-0002-1825-0097",
   "affiliation": {"@type": "Organization", "name": "University of Calgary"}},
  {"@type": "Person", "givenName": "Amos", "familyName": "Smith"}],
 "isPartOf": {"@type": "Periodical", "name": "Journal", "issn": "1422-0067"},
 "license": "https://creativecommons.org/licenses/by/4.0/", "keywords": ["a", "b"]}`

// BenchmarkNormalize measures one document through Normalize: expansion
// through the official context and compaction.
func BenchmarkNormalize(b *testing.B) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(benchmarkDoc), &doc); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Normalize(doc); err != nil {
			b.Fatal(err)
		}
	}
}
