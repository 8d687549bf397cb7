package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/html"
)

// TestLandingPageRoundTrip reads every served landing page back with
// scholarld's own HTML reader and compares the article with its record,
// after carried: the fields a landing page cannot give back (docs/serve.md
// lists them).
func TestLandingPageRoundTrip(t *testing.T) {
	srv, records := newTestServer(t, Options{})
	for _, rec := range records {
		t.Run(rec.name, func(t *testing.T) {
			_, path := articleKey(rec.article)
			resp := get(t, "GET", srv.URL+path, "Accept", "text/html")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			page, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			read, err := html.Read(page, rec.name+".html")
			if err != nil {
				t.Fatal(err)
			}
			if len(read) != 1 || read[0].Err != nil {
				t.Fatalf("read %d records, error %v", len(read), read[0].Err)
			}
			for _, w := range read[0].Warnings {
				t.Logf("reader warning: %s", w)
			}
			want, got := jsonOf(t, carried(rec.article, testBase+path)), jsonOf(t, read[0].Article)
			if want != got {
				t.Errorf("the page reads back differently\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

func jsonOf(t *testing.T, a *ld.Article) string {
	t.Helper()
	data, err := json.MarshalIndent(a, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// carried returns a copy of an article with only what a landing page
// gives back to the HTML reader, which reads the citation_* tags first,
// then the embedded JSON-LD, then the DC tags (docs/serve.md lists the
// differences and why):
//   - authors come from citation_author: a person's display name, the
//     corresponding flag and every part of an affiliation but its name are
//     lost; affiliations no author refers to are lost; affiliation ids are
//     renumbered aff1, aff2, ... in the order of first reference;
//   - ISSN kinds other than electronic (a journal's or a series'), the
//     licence label, revised dates, file sizes and upload dates, files
//     that are neither PDF nor HTML, and related articles are lost;
//   - a copyright holder that is the authors ("the authors", or naming
//     the byline: "Fleming et al") reads back as "the authors": the
//     JSON-LD names the author nodes, not the words;
//   - white space in the title and abstract collapses to single spaces;
//   - an organisation author whose name has none of the reader's
//     organisation words reads back as a person (readAsPerson);
//   - an article without a URL reads back with its page's canonical URL,
//     one without a language with the page's language, "en".
func carried(a *ld.Article, canonical string) *ld.Article {
	c := *a
	c.Title, c.Abstract = collapse(c.Title), collapse(c.Abstract)
	names := map[string]string{}
	for _, af := range a.Affiliations {
		names[af.ID] = af.Name
	}
	ids := map[string]string{}
	c.Affiliations = nil
	c.Authors = nil
	for _, au := range a.Authors {
		if person, ok := readAsPerson[au.Name]; ok && au.IsOrganization() {
			au = person
		}
		au.Corresponding = false
		if !au.IsOrganization() && au.Family != "" {
			au.Name = ""
		}
		var refs []string
		for _, id := range au.Affiliations {
			name := names[id]
			if _, seen := ids[name]; !seen {
				ids[name] = fmt.Sprintf("aff%d", len(ids)+1)
				c.Affiliations = append(c.Affiliations, ld.Affiliation{ID: ids[name], Name: name})
			}
			refs = append(refs, ids[name])
		}
		au.Affiliations = refs
		c.Authors = append(c.Authors, au)
	}
	if a.Journal != nil {
		j := *a.Journal
		j.ISSNs = nil
		for _, issn := range a.Journal.ISSNs {
			if issn.Kind != ld.ElectronicISSN {
				issn.Kind = ""
			}
			if !slices.ContainsFunc(j.ISSNs, func(x ld.ISSN) bool { return x.Value == issn.Value }) {
				j.ISSNs = append(j.ISSNs, issn)
			}
		}
		c.Journal = &j
	}
	if a.Series != nil {
		series := *a.Series
		series.ISSNs = nil
		for _, issn := range a.Series.ISSNs {
			series.ISSNs = append(series.ISSNs, ld.ISSN{Value: issn.Value})
		}
		c.Series = &series
	}
	c.Dates.Revised = nil
	if a.License != nil {
		c.License = &ld.License{URL: a.License.URL}
	}
	if a.Copyright != nil && holderIsTheAuthors(a) {
		copyright := *a.Copyright
		copyright.Holder = "the authors"
		c.Copyright = &copyright
	}
	c.Files = nil
	for _, f := range a.Files {
		if f.MediaType == "application/pdf" || f.MediaType == "text/html" {
			c.Files = append(c.Files, ld.File{URL: f.URL, MediaType: f.MediaType})
		}
	}
	c.Related = nil
	if c.URL == "" {
		c.URL = canonical
	}
	if c.Language == "" {
		c.Language = pageLanguage
	}
	return &c
}

// readAsPerson holds the organisation authors of testdata whose names the
// HTML reader reads as a person's: citation_author cannot say that an
// author is an organisation, and the reader's organisation words
// ("Consortium", "Group", ...) include neither "Staff" nor "聯盟".
var readAsPerson = map[string]ld.Author{
	"The PLOS ONE Staff": {Given: "The PLOS ONE", Family: "Staff"},
	"臺灣潮間帶調查聯盟":          {Family: "臺灣潮間帶調查聯盟"},
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// holderIsTheAuthors reports whether ld maps an article's copyright holder
// to its author nodes, for the forms testdata has: "the authors" and the
// first author's family name followed by "et al", and a single author's
// name (ld/map.go's
// isTheAuthors and namesTheAuthors hold the whole rule).
func holderIsTheAuthors(a *ld.Article) bool {
	holder := strings.ToLower(a.Copyright.Holder)
	if holder == "the authors" || holder == "the author(s)" {
		return true
	}
	if len(a.Authors) == 1 && holder == strings.ToLower(a.Authors[0].DisplayName()) {
		return true
	}
	return len(a.Authors) > 0 && a.Authors[0].Family != "" && holder == strings.ToLower(a.Authors[0].Family)+" et al"
}
