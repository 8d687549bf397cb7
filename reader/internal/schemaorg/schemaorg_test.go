package schemaorg

import (
	"errors"
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
