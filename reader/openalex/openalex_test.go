package openalex_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
	"github.com/scholarld/scholarld/reader/openalex"
)

func read(t *testing.T, name string) []reader.Record {
	t.Helper()
	return readertest.ReadFile(t, openalex.Read, filepath.Join("testdata", name), name)
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s\n got: %s\nwant: %s", what, readertest.JSON(got), readertest.JSON(want))
	}
}

func warnings(r reader.Record) []string {
	var out []string
	for _, w := range r.Warnings {
		out = append(out, w.String())
	}
	return out
}

// TestWork reads a work object written after the OpenAlex documentation's
// Work and Authorship objects, with eLife 3:e01567's values, and checks
// every field a person sees.
func TestWork(t *testing.T) {
	rec := readertest.Only(t, read(t, "elife.01567.openalex.json"))
	a := rec.Article
	equal(t, "type", a.Type, ld.ArticleType(""))
	equal(t, "title", a.Title, "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth")
	equal(t, "doi", a.DOI, "10.7554/elife.01567")
	equal(t, "authors", a.Authors, []ld.Author{
		{Given: "Martial", Family: "Sankar", Affiliations: []string{"a1"}},
		{Given: "Kaisa", Family: "Nieminen", Affiliations: []string{"a1"}},
		{Given: "Laura", Family: "Ragni", Affiliations: []string{"a1"}},
		{Given: "Ioannis", Family: "Xenarios", Affiliations: []string{"a2"}},
		{Given: "Christian S.", Family: "Hardtke", Corresponding: true, Affiliations: []string{"a1"}},
	})
	equal(t, "affiliations: institutions with ROR, else the raw string", a.Affiliations, []ld.Affiliation{
		{ID: "a1", Name: "University of Lausanne", ROR: "https://ror.org/019whta54"},
		{ID: "a2", Name: "Vital-IT, Swiss Institute of Bioinformatics, Lausanne, Switzerland"},
	})
	equal(t, "journal", a.Journal, &ld.Journal{Title: "eLife", ISSNs: []ld.ISSN{{Value: "2050-084X", Kind: ld.LinkingISSN}},
		Publisher: &ld.Publisher{Name: "eLife Sciences Publications Ltd"}})
	equal(t, "volume", a.Volume, "3")
	equal(t, "published", a.Dates.Published.String(), "2014-02-11")
	equal(t, "open access", *a.OpenAccess, true)
	equal(t, "licence without version", a.License, &ld.License{Label: "CC BY"})
	equal(t, "url", a.URL, "https://doi.org/10.7554/elife.01567")
	equal(t, "pdf", a.Files, []ld.File{{URL: "https://elifesciences.org/articles/01567.pdf", MediaType: "application/pdf"}})
	equal(t, "keywords, then the primary topic", a.Keywords, []string{"Secondary Growth", "Hypocotyl", "Plant Molecular Biology Research"})
	equal(t, "abstract", a.Abstract, "Among various advantages, their small size makes model organisms preferred subjects of investigation. Yet, even in model systems detailed analysis of numerous developmental processes at cellular level is severely hampered by their scale.")
	equal(t, "language", a.Language, "en")
	equal(t, "references", a.References, []ld.Reference{{URL: "https://openalex.org/W1965366939"}, {URL: "https://openalex.org/W2002372946"}})
	equal(t, "grants", a.Funding, []ld.Funding{
		{Funder: ld.Funder{Name: "SystemsX"}},
		{Funder: ld.Funder{Name: "European Molecular Biology Organization"}, Award: "ALTF 1234-2011"},
	})
	equal(t, "identifiers", a.Identifiers, []ld.Identifier{
		{Scheme: ld.OpenAlex, Value: "W2147462215"}, {Scheme: ld.PMID, Value: "24520159"}, {Scheme: ld.PMCID, Value: "PMC3917233"},
	})
	equal(t, "warnings", warnings(rec), []string(nil))
	for _, p := range ld.Profiles {
		if _, err := ld.Map(a, p.Profile); err != nil {
			t.Fatalf("Map %s: %v", p.Name, err)
		}
	}
}

func TestResultsList(t *testing.T) {
	records := read(t, "results.json")
	if len(records) != 4 {
		t.Fatalf("%d records:\n%s", len(records), readertest.Show(records))
	}
	for i, r := range records {
		if r.Article != nil {
			if errs := ld.Check(r.Article); len(errs) > 0 {
				t.Errorf("record %d: ld.Check: %v", i, errs)
			}
		}
	}
	preprint := records[0]
	if preprint.Err != nil {
		t.Fatal(preprint.Err)
	}
	a := preprint.Article
	equal(t, "position", preprint.Pos.Line, 9)
	equal(t, "type", a.Type, ld.Preprint)
	equal(t, "title markup", a.Title, "A <i>Drosophila</i> preprint")
	equal(t, "repository is the publisher", a.Publisher, &ld.Publisher{Name: "bioRxiv (Cold Spring Harbor Laboratory)"})
	equal(t, "licence", a.License, &ld.License{Label: "CC BY-NC-ND"})
	equal(t, "abstract with repeated words", a.Abstract, "To to be to or not be")
	equal(t, "raw affiliation", a.Affiliations, []ld.Affiliation{{ID: "a1", Name: "Dept. of Examples, Example University"}})
	equal(t, "author", a.Authors, []ld.Author{{Given: "Ada", Family: "Lovelace", ORCID: "0000-0002-1825-0097", Corresponding: true, Affiliations: []string{"a1"}}})

	conference := records[1].Article
	equal(t, "conference source makes a conference paper", conference.Type, ld.ConferencePaper)
	equal(t, "event", conference.Event, &ld.Event{Name: "2020 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"})
	equal(t, "publisher", conference.Publisher, &ld.Publisher{Name: "Institute of Electrical and Electronics Engineers"})
	equal(t, "pages", [2]string{conference.FirstPage, conference.LastPage}, [2]string{"1", "10"})

	if err := records[2].Err; err == nil || err.Error() != "results.json:104:5: results[2].type: OpenAlex type dataset is not a work scholarld maps" {
		t.Errorf("dataset: error %v", err)
	}

	chapter := records[3]
	equal(t, "chapter type", chapter.Article.Type, ld.BookChapter)
	equal(t, "book series", chapter.Article.Series, &ld.Series{Title: "Lecture notes in computer science",
		ISSNs: []ld.ISSN{{Value: "0302-9743", Kind: ld.LinkingISSN}, {Value: "1611-3349"}}})
	equal(t, "awards and funders", chapter.Article.Funding, []ld.Funding{
		{Funder: ld.Funder{Name: "National Science Foundation", ROR: "https://ror.org/021nxhr62"}, Award: "ABI 1661218", AwardTitle: "Research Grant for Library Linked Data"},
		{Funder: ld.Funder{Name: "Wellcome Trust", ROR: "https://ror.org/029chgv08"}},
	})
	equal(t, "inconsistent abstract index dropped", warnings(chapter),
		[]string{`results[3].abstract_inverted_index: not kept: position 0 holds both "a" and "b"`})
	if strings.Contains(fmt.Sprint(warnings(chapter)), "panic") || chapter.Article.Abstract != "" {
		t.Errorf("abstract = %q", chapter.Article.Abstract)
	}
}

// TestJSONLines reads two works one per line, as in a snapshot file; the
// dataset on the second line is refused and the first still read.
func TestJSONLines(t *testing.T) {
	records := read(t, "zhyx-n122.openalex.jsonl")
	if len(records) != 2 || records[0].Err != nil {
		t.Fatalf("records:\n%s", readertest.Show(records))
	}
	equal(t, "line of the second", records[1].Pos.Line, 2)
	if err := records[1].Err; err == nil || !strings.HasSuffix(err.Error(), "type: OpenAlex type dataset is not a work scholarld maps") {
		t.Errorf("second record: %v", err)
	}
}

func TestAbstract(t *testing.T) {
	tests := []struct {
		name  string
		index map[string][]int
		want  string
		err   string
	}{
		{"in position order", map[string][]int{"world": {1}, "Hello": {0}}, "Hello world", ""},
		{"repeated words", map[string][]int{"the": {0, 2}, "cat": {1}, "mat": {3}}, "the cat the mat", ""},
		{"punctuation kept", map[string][]int{"Yes,": {0}, "no.": {1}}, "Yes, no.", ""},
		{"empty", map[string][]int{}, "", ""},
		{"gap", map[string][]int{"a": {0}, "b": {2}}, "", `position 2 of "b" is outside 0 to 1`},
		{"collision", map[string][]int{"a": {0}, "b": {0}}, "", "position 0 holds both"},
		{"negative", map[string][]int{"a": {-1}}, "", "position -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := openalex.Abstract(tt.index)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Abstract = %q, %v; want error %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Abstract = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestAbstractOfARealWork rebuilds the abstract index of OpenAlex's
// example work, PeerJ 6:e4375, and compares it with the abstract as the
// article publishes it: 258 words, repeated ones up to ten times.
func TestAbstractOfARealWork(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "peerj.4375.abstract-index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index map[string][]int
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatal(err)
	}
	got, err := openalex.Abstract(index)
	if err != nil {
		t.Fatal(err)
	}
	const published = "Despite growing interest in Open Access (OA) to scholarly literature, there is an unmet need for large-scale, " +
		"up-to-date, and reproducible studies assessing the prevalence and characteristics of OA. We address this need using oaDOI, " +
		"an open online service that determines OA status for 67 million articles. We use three samples, each of 100,000 articles, " +
		"to investigate OA in three populations: (1) all journal articles assigned a Crossref DOI, (2) recent journal articles indexed " +
		"in Web of Science, and (3) articles viewed by users of Unpaywall, an open-source browser extension that lets users find OA " +
		"articles using oaDOI. We estimate that at least 28% of the scholarly literature is OA (19M in total) and that this proportion " +
		"is growing, driven particularly by growth in Gold and Hybrid. The most recent year analyzed (2015) also has the highest " +
		"percentage of OA (45%). Because of this growth, and the fact that readers disproportionately access newer articles, we find " +
		"that Unpaywall users encounter OA quite frequently: 47% of articles they view are OA. Notably, the most common mechanism for " +
		"OA is not Gold, Green, or Hybrid OA, but rather an under-discussed category we dub Bronze: articles made free-to-read on the " +
		"publisher website, without an explicit Open license. We also examine the citation impact of OA articles, corroborating the " +
		"so-called open-access citation advantage: accounting for age and discipline, OA articles receive 18% more citations than " +
		"average, an effect driven primarily by Green and Hybrid OA. We encourage further research using the free oaDOI service, as a " +
		"way to inform OA policy and practice."
	if got != published {
		t.Errorf("abstract\n got: %s\nwant: %s", got, published)
	}
}

func ExampleAbstract() {
	text, _ := openalex.Abstract(map[string][]int{"Despite": {0}, "growing": {1}, "interest": {2}, "in": {3, 6}, "Open": {4}, "Access,": {5}, "2018.": {7}})
	fmt.Println(text)
	// Output: Despite growing interest in Open Access, in 2018.
}

func TestBadInput(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "{\"id\": \"https://openalex.org/W1\",\n  \"title\": }", "openalex: in:2:12: invalid character"},
		{"not an object", `[1]`, "not an OpenAlex work"},
		{"empty", ``, "no work in the input"},
		{"results not a list", `{"results": 3}`, "results: not an OpenAlex work: not a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := openalex.Read([]byte(tt.in), "in")
			if err == nil || !strings.Contains(err.Error(), tt.want) || records != nil {
				t.Fatalf("Read = %v, %v; want an error containing %q", records, err, tt.want)
			}
		})
	}
}

func TestBadWorks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no title", `{"id": "https://openalex.org/W1", "type": "article"}`, "in:1:1: title: required"},
		{"bad date", `{"title": "T", "type": "article", "publication_date": "2020-02-30"}`, "in:1:1: publication_date:"},
		{"wrong JSON type", `{"title": "T", "authorships": {}}`, "in:1:1: authorships: want a JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := openalex.Read([]byte(tt.in), "in")
			if err != nil || len(records) != 1 || records[0].Err == nil || !strings.HasPrefix(records[0].Err.Error(), tt.want) {
				t.Fatalf("Read = %s, %v; want a record error starting %q", readertest.Show(records), err, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for _, name := range []string{"elife.01567.openalex.json", "results.json", "zhyx-n122.openalex.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if !openalex.Sniff(data) {
			t.Errorf("Sniff(%s) = false", name)
		}
	}
	if openalex.Sniff([]byte(`{"title": "T", "type": "article"}`)) {
		t.Error("sniffed a CSL item as OpenAlex")
	}
}

func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.json*", "openalex/*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := openalex.Read(data, "fuzz.json")
		readertest.CheckFuzzRecords(t, records, err)
	})
}

// TestDetected checks that the input format table picks this reader for
// its test files, ahead of the record, Crossref and CSL sniffers.
func TestDetected(t *testing.T) {
	for _, name := range []string{"elife.01567.openalex.json", "results.json", "zhyx-n122.openalex.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if in, err := formats.Detect(name, data); err != nil || in.Name != "openalex" {
			t.Errorf("%s detected as %q (%v)", name, in.Name, err)
		}
	}
}
