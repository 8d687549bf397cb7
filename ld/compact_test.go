package ld_test

import (
	"bytes"
	"encoding/json"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"
	sld "github.com/scholarld/scholarld/ld"
)

// jsonGold compacts the graph's expanded JSON-LD with json-gold against
// the @context the compact output names, served by the offline loader,
// and writes it with encoding/json: the reference the compact writer is
// held to.
func jsonGold(t testing.TB, g *sld.Graph, escapeHTML bool) string {
	t.Helper()
	expanded, err := sld.JSONLD(g, true)
	if err != nil {
		t.Fatal(err)
	}
	compact, err := sld.JSONLD(g, false)
	if err != nil {
		t.Fatal(err)
	}
	context := compact.(map[string]any)["@context"]
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = sld.OfflineLoader{}
	doc, err := ld.NewJsonLdProcessor().Compact(roundTrip(t, expanded), map[string]any{"@context": roundTrip(t, context)}, opts)
	if err != nil {
		t.Fatalf("json-gold compaction: %v", err)
	}
	return marshal(t, doc, escapeHTML)
}

// roundTrip passes a value through encoding/json, so that json-gold sees
// only what encoding/json decodes into.
func roundTrip(t testing.TB, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func marshal(t testing.TB, v any, escapeHTML bool) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// assertJSONGoldEqual checks the compact, HTML and expanded writers
// against json-gold's compaction and encoding/json, byte for byte but for
// the case of language tags, which json-gold lower-cases (BCP 47 tags are
// case-insensitive; scholarld keeps them as written).
func assertJSONGoldEqual(t testing.TB, g *sld.Graph) {
	t.Helper()
	if got, want := rdftest.Encode(t, g, sld.NewJSONLDEncoder), jsonGold(t, g, false); lowerLanguageTags(got) != want {
		t.Errorf("compact JSON-LD differs from json-gold's compaction:\n got:\n%s\nwant:\n%s", got, want)
	}
	want := `<script type="application/ld+json">` + "\n" + jsonGold(t, g, true) + "</script>\n"
	if got := rdftest.Encode(t, g, sld.NewHTMLEncoder); lowerLanguageTags(got) != want {
		t.Errorf("HTML differs from json-gold's compaction:\n got:\n%s\nwant:\n%s", got, want)
	}
	expanded, err := sld.JSONLD(g, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rdftest.Encode(t, g, sld.NewExpandedJSONLDEncoder), marshal(t, expanded, false); got != want {
		t.Errorf("expanded JSON-LD differs from encoding/json:\n got:\n%s\nwant:\n%s", got, want)
	}
}

// lowerLanguageTags lower-cases the line after each "@language" key.
func lowerLanguageTags(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if strings.Contains(line, `"@language": `) {
			lines[i] = strings.ToLower(line)
		}
	}
	return strings.Join(lines, "\n")
}

// TestCompactionMatchesJSONGold holds the compact writer to json-gold on
// every record in both profiles, and on the hard terms of the Turtle test.
func TestCompactionMatchesJSONGold(t *testing.T) {
	for _, rec := range records(t) {
		for _, p := range sld.Profiles {
			t.Run(rec.name+"/"+p.Name, func(t *testing.T) {
				assertJSONGoldEqual(t, mapArticle(t, rec.article, p.Profile))
			})
		}
	}
	for name, nt := range hardTerms {
		t.Run(name, func(t *testing.T) {
			assertJSONGoldEqual(t, graphOf(t, nt+"\n"))
		})
	}
}
