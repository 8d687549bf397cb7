package formats_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/formats"
)

// fixtureFormats names the reader each real fixture in testdata/fixtures
// must be detected as; "" marks a file no reader handles.
var fixtureFormats = map[string]string{
	"bibtex/elife.01567.crossref.bib":                          "bibtex",
	"bibtex/icad.12730.biblatex-orcid.bib":                     "bibtex",
	"crossref-rest/acs.orglett.7b03845.name-suffix.json":       "crossref",
	"crossref-rest/acs.orglett.9b00971.crossref-envelope.json": "crossref",
	"crossref-rest/d41586-020-02761-z.mononym-authors.json":    "crossref",
	"crossref-rest/elife.01567.crossref-message.json":          "crossref",
	"crossref-xml/elife.01567.unixsd.xml":                      "crossref-xml",
	"csl/datacite-blog.citeproc.json":                          "csl",
	"csl/deep-review.crossref-csl.pruned.json":                 "csl",
	"datacite/10.5438_zhyx-n122.datacite.json":                 "datacite",
	"html/arxiv.1902.02534.html":                               "html",
	"html/pan.app.no-meta.html":                                "html",
	"jats/elife07586.correction.xml":                           "jats",
	"jats/elife_poa_e06828.xml":                                "jats",
	"jats/journal.pone.0097541.correction-collab.xml":          "jats",
	"ris/drexel.ris_bug.ris":                                   "ris",
	"ris/elife.01567.crossref.ris":                             "ris",
	"schemaorg/datacite-blog.schema_org.json":                  "schemaorg",
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(testkit.Shared(t, "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDetect checks that every fixture and every example record is
// detected as its format from its name and content alone, and that the
// list above covers every fixture there is.
func TestDetect(t *testing.T) {
	dir := testkit.Shared(t, "fixtures")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	for _, path := range files {
		rel, _ := filepath.Rel(dir, path)
		if _, listed := fixtureFormats[rel]; !listed {
			t.Errorf("fixture %s is not in fixtureFormats", rel)
		}
	}
	for name, want := range fixtureFormats {
		in, err := formats.Detect(name, readFixture(t, name))
		switch {
		case want == "" && err == nil:
			t.Errorf("%s: detected as %s, want no format", name, in.Name)
		case want != "" && (err != nil || in.Name != want):
			t.Errorf("%s: detected as %q (%v), want %s", name, in.Name, err, want)
		}
	}
	records, _ := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "records", "*.json"))
	for _, path := range records {
		data, _ := os.ReadFile(path)
		if in, err := formats.Detect(path, data); err != nil || in.Name != "record" {
			t.Errorf("%s: detected as %q (%v), want record", path, in.Name, err)
		}
	}
}

// TestFixturesConvert reads every real fixture with its reader and checks
// that each article passes ld.Check, maps in both profiles, uses only
// defined terms and gives outputs that are all one graph.
func TestFixturesConvert(t *testing.T) {
	v := rdftest.LoadVocabularies(t)
	for name, format := range fixtureFormats {
		if format == "" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			in, _ := formats.ByName(format)
			recs, err := in.Read(readFixture(t, name), name)
			if name == "html/pan.app.no-meta.html" {
				if err == nil || !strings.Contains(err.Error(), "no article metadata") {
					t.Fatalf("a page without metadata gave %v, want an error", err)
				}
				return
			}
			if err != nil || len(recs) == 0 {
				t.Fatalf("Read: %d records, %v", len(recs), err)
			}
			for _, rec := range recs {
				if rec.Err != nil {
					t.Fatalf("record %d: %v", rec.Index, rec.Err)
				}
				if errs := ld.Check(rec.Article); len(errs) > 0 {
					t.Fatalf("record %d fails Check: %v", rec.Index, errs)
				}
				for _, p := range ld.Profiles {
					g, err := ld.Map(rec.Article, p.Profile)
					if err != nil {
						t.Fatalf("Map %s: %v", p.Name, err)
					}
					rdftest.AssertTermsDefined(t, v, g)
					rdftest.AssertOneGraph(t, g)
				}
			}
		})
	}
}

// TestElifeFormatsAgree reads eLife 3:e01567 from Crossref JSON, Crossref
// XML, BibTeX and RIS and checks the four readers agree on what all four
// formats carry.
func TestElifeFormatsAgree(t *testing.T) {
	sources := []string{
		"crossref-rest/elife.01567.crossref-message.json",
		"crossref-xml/elife.01567.unixsd.xml",
		"bibtex/elife.01567.crossref.bib",
		"ris/elife.01567.crossref.ris",
	}
	summaries := make([]string, len(sources))
	for i, name := range sources {
		in, _ := formats.ByName(fixtureFormats[name])
		recs, err := in.Read(readFixture(t, name), name)
		if err != nil || len(recs) != 1 || recs[0].Err != nil {
			t.Fatalf("%s: %v %v", name, err, recs)
		}
		summaries[i] = summary(recs[0].Article)
	}
	for i := 1; i < len(sources); i++ {
		if summaries[i] != summaries[0] {
			t.Errorf("%s and %s disagree:\n%s\n---\n%s", sources[0], sources[i], summaries[0], summaries[i])
		}
	}
}

// summary lists the fields all four eLife sources carry: title, authors
// in order, journal, ISSNs, volume, DOI (case-insensitive), landing page
// and year of publication.
func summary(a *ld.Article) string {
	var b strings.Builder
	b.WriteString("title: " + a.Title + "\n")
	for _, au := range a.Authors {
		b.WriteString("author: " + au.Given + " | " + au.Family + "\n")
	}
	if a.Journal != nil {
		b.WriteString("journal: " + a.Journal.Title + "\n")
		for _, issn := range a.Journal.ISSNs {
			b.WriteString("issn: " + issn.Value + "\n")
		}
	}
	b.WriteString("volume: " + a.Volume + "\n")
	b.WriteString("doi: " + strings.ToLower(a.DOI) + "\n")
	b.WriteString("year: " + ld.Date{Year: a.Dates.Published.Year}.String() + "\n")
	return b.String()
}
