package serve

import (
	"io"
	"strings"
	"testing"
)

// TestWorkPages checks that the landing page of each work beyond the
// journal article shows people what it carries and tags it as Google
// Scholar's inclusion guidelines describe (the round trip checks that
// reader/html reads it back).
func TestWorkPages(t *testing.T) {
	srv, records := newTestServer(t, Options{})
	want := map[string][]string{
		"synthetic-book-chapter.json": {
			`<meta name="citation_inbook_title" content="Handbook of Scholarly Metadata">`,
			`<meta name="citation_isbn" content="9780306406157">`,
			`<meta name="citation_publisher" content="Example University Press">`,
			`<meta name="citation_article_type" content="book chapter">`,
			`<p class="subtitle">Principles and Practice</p>`,
			`<p class="meta" lang="fr">Données liées pour les bibliothèques</p>`,
			`<dt>In the book</dt><dd>Handbook of Scholarly Metadata</dd>`,
			`<dt>Edited by</dt><dd>Ada Lovelace</dd>`,
			`<dt>Series</dt><dd>Example Studies in Information Science; ISSN 0898-2937</dd>`,
			`<dt>Publisher</dt><dd>Example University Press, Providence, US</dd>`,
			`<dt>Funding</dt><dd><a href="https://ror.org/021nxhr62">National Science Foundation, grant 1234567 “Linked Metadata at Scale”</a></dd>`,
		},
		"synthetic-conference-paper.json": {
			`<meta name="citation_conference_title" content="Proceedings of the Example Workshop on Metadata 2024">`,
			`<meta name="citation_isbn" content="0306406152">`,
			`<dt>In the proceedings</dt>`,
			`<dt>Conference</dt><dd>Example Workshop on Metadata (EWM 2024), Lisbon, Portugal, 2024-05-06 to 2024-05-08</dd>`,
			`<dt>Editors</dt><dd>Grace Hopper</dd>`,
		},
		"synthetic-working-paper.json": {
			`<meta name="citation_technical_report_number" content="w12345">`,
			`<meta name="citation_technical_report_institution" content="Example Bureau of Economic Research">`,
			`<meta name="DC.publisher" content="Example Bureau of Economic Research">`,
			`<dt>Report number</dt><dd>w12345</dd>`,
			`<dt>Series</dt><dd>Example Working Paper Series</dd>`,
			`<dt>Funding</dt><dd>Example Foundation</dd>`,
		},
		"synthetic-preprint.json": {
			`<meta name="citation_publisher" content="Example Preprint Server">`,
			`<meta name="citation_article_type" content="preprint">`,
			`<dt>arXiv ID</dt><dd>2001.00001v1</dd>`,
			`<dt>OpenAlex ID</dt><dd>W2741809807</dd>`,
		},
	}
	seen := 0
	for _, rec := range records {
		fragments, ok := want[rec.name]
		if !ok {
			continue
		}
		seen++
		_, path := articleKey(rec.article)
		body, err := io.ReadAll(get(t, "GET", srv.URL+path, "Accept", "text/html").Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, fragment := range fragments {
			if !strings.Contains(string(body), fragment) {
				t.Errorf("%s: the page lacks %s", rec.name, fragment)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d records in testdata", seen, len(want))
	}
}
