package schemaorg

import (
	"encoding/json"
	"errors"
	"sync"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

func TestIsContextURL(t *testing.T) {
	for _, u := range []string{"https://schema.org", "http://schema.org/", "https://www.schema.org", "https://schema.org/docs/jsonldcontext.json", " http://schema.org "} {
		if !IsContextURL(u) {
			t.Errorf("IsContextURL(%q) = false", u)
		}
		if _, err := (Loader{}).LoadDocument(u); err != nil && u[0] != ' ' {
			t.Errorf("Loader refuses %q: %v", u, err)
		}
		if _, err := (ld.OfflineLoader{}).LoadDocument(u); err != nil && u[0] != ' ' {
			t.Errorf("ld.OfflineLoader refuses %q, which the readers accept: validate and convert would disagree", u)
		}
	}
	for _, u := range []string{"https://schema.org.evil.example", "https://w3id.org/ro/crate/1.1/context", "ftp://schema.org", "https://schema.org/Person"} {
		if IsContextURL(u) {
			t.Errorf("IsContextURL(%q) = true", u)
		}
	}
}

// TestNormalize reads the same graph written four ways and checks that
// they come out alike.
func TestNormalize(t *testing.T) {
	forms := []map[string]any{
		{"@context": "https://schema.org", "@type": "ScholarlyArticle", "@id": "https://doi.org/10.5555/x", "name": "T",
			"author": map[string]any{"@id": "https://orcid.org/0000-0002-1825-0097", "@type": "Person"}},
		{"@context": "http://schema.org/", "type": "ScholarlyArticle", "id": "https://doi.org/10.5555/x", "name": "T",
			"author": map[string]any{"id": "https://orcid.org/0000-0002-1825-0097", "type": "Person"}},
		{"@context": map[string]any{"s": "http://schema.org/"}, "@type": "s:ScholarlyArticle", "@id": "https://doi.org/10.5555/x", "s:name": "T",
			"s:author": map[string]any{"@id": "https://orcid.org/0000-0002-1825-0097", "@type": "s:Person"}},
		{"@type": "http://schema.org/ScholarlyArticle", "@id": "https://doi.org/10.5555/x", "http://schema.org/name": "T",
			"http://schema.org/author": map[string]any{"@id": "https://orcid.org/0000-0002-1825-0097", "@type": "http://schema.org/Person"}},
	}
	for i, form := range forms {
		got, err := Normalize(form)
		if err != nil {
			t.Fatalf("form %d: %v", i, err)
		}
		n, ok := got.(map[string]any)
		if !ok || n["@id"] != "https://doi.org/10.5555/x" || n["@type"] != "ScholarlyArticle" || n["name"] != "T" {
			t.Errorf("form %d: %v", i, got)
			continue
		}
		if author, ok := n["author"].(map[string]any); !ok || author["@id"] != "https://orcid.org/0000-0002-1825-0097" || author["@type"] != "Person" {
			t.Errorf("form %d: author %v", i, n["author"])
		}
	}
	_, err := Normalize(map[string]any{"@context": "https://example.org/ctx", "name": "x"})
	if !errors.Is(err, ErrForeignContext) {
		t.Errorf("foreign context: %v", err)
	}
	if _, err := Normalize(map[string]any{"": 0.0}); err == nil {
		t.Error("json-gold's panic on a \"\" key holding a number is not an error")
	}
}

// TestParsedContextIsExact checks that Normalize, which hands json-gold
// the official context processed once, gives exactly what json-gold gives
// when it processes the context named by URL in every document: alone, in
// an array before a local context that overrides a term, under the other
// URL forms, nested below a node, in a top-level array and with @graph.
func TestParsedContextIsExact(t *testing.T) {
	docs := []string{
		benchmarkDoc,
		`{"@context": ["https://schema.org", {"name": "http://example.org/name", "ex": "http://example.org/"}], "type": "ScholarlyArticle", "name": "N", "ex:x": "y", "headline": "H"}`,
		`{"@context": "http://www.schema.org/", "@type": "Article", "author": {"@context": "https://schema.org", "id": "https://orcid.org/0000-0002-1825-0097"}}`,
		`[{"@context": "https://schema.org", "@type": "Article", "name": "A"}, {"@context": "https://schema.org/docs/jsonldcontext.json", "@type": "Person", "name": "B"}]`,
		`{"@context": "https://schema.org", "@graph": [{"@type": "Article", "name": "A", "sameAs": "https://example.org/a"}, {"@type": "WebPage", "url": "https://example.org/"}]}`,
		`{"@context": [{"@vocab": "http://example.org/"}, "https://schema.org"], "@type": "Article", "name": "A"}`,
		`{"@type": "ScholarlyArticle", "name": "no context", "datePublished": "2020"}`,
		`{"@context": [], "@type": "http://schema.org/Article"}`,
	}
	for _, text := range docs {
		var doc any
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatal(err)
		}
		got, err := Normalize(doc)
		if err != nil {
			t.Errorf("%s: %v", text, err)
			continue
		}
		want, err := expandAndCompact(withDefaultContext(doc))
		if err != nil {
			t.Fatalf("%s: by URL: %v", text, err)
		}
		gotJSON, _ := json.Marshal(got)
		wantJSON, _ := json.Marshal(want)
		if string(gotJSON) != string(wantJSON) {
			t.Errorf("%s:\n got %s\nwant %s", text, gotJSON, wantJSON)
		}
	}
}

// TestNormalizeConcurrently runs Normalize from several goroutines on
// documents that extend the shared processed context: each must get its
// own result (go test -race checks that none writes the shared context).
func TestNormalizeConcurrently(t *testing.T) {
	const text = `{"@context": ["https://schema.org", {"name": "http://example.org/name"}], "@type": "Article", "name": "N", "headline": "H"}`
	var doc any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	want, err := expandAndCompact(doc)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := Normalize(doc)
				gotJSON, _ := json.Marshal(got)
				if err != nil || string(gotJSON) != string(wantJSON) {
					t.Errorf("Normalize = %s, %v; want %s", gotJSON, err, wantJSON)
					return
				}
			}
		})
	}
	wg.Wait()
	plain, err := Normalize(map[string]any{"@context": "https://schema.org", "@type": "Article", "name": "N"})
	if err != nil || plain.(map[string]any)["name"] != "N" {
		t.Errorf("after extensions, schema.org's name = %v, %v: the shared context was changed", plain, err)
	}
}
