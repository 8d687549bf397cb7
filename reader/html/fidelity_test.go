package html

import (
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// landingPage is a landing page with a title and the given head and body.
func landingPage(head, body string) []byte {
	return []byte(`<!DOCTYPE html><html><head><meta name="citation_title" content="A title">` + head + `</head><body>` + body + `</body></html>`)
}

// TestFidelityRules holds one row per rule of issue 11 for landing pages:
// what the page gives, what the article holds, the warnings expected.
func TestFidelityRules(t *testing.T) {
	tests := []struct {
		name       string
		head, body string
		check      func(t *testing.T, a *ld.Article)
		warnings   []string
	}{
		{
			name: "a copyright line in dc.rights is no licence",
			head: `<meta name="dc.rights" content="2010 Springer Science+Business Media, LLC">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "license", a.License, (*ld.License)(nil))
				equal(t, "copyright", a.Copyright, &ld.Copyright{Statement: "2010 Springer Science+Business Media, LLC"})
			},
			warnings: []string{`dc.rights: "2010 Springer Science+Business Media, LLC" names no licence: kept as the copyright statement`},
		},
		{
			name: "a licence name in dc.rights is the licence",
			head: `<meta name="dc.rights" content="CC BY 4.0">`,
			check: func(t *testing.T, a *ld.Article) {
				equal(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "CC BY 4.0"})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := Read(landingPage(tt.head, tt.body), "page.html")
			if err != nil || len(records) != 1 {
				t.Fatalf("%v, %d records", err, len(records))
			}
			tt.check(t, article(t, records[0]))
			got := warningStrings(records[0])
			for _, w := range tt.warnings {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("missing warning %q in %q", w, got)
				}
			}
		})
	}
}
