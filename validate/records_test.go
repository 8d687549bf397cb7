package validate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	jsonld "github.com/piprate/json-gold/ld"
	"github.com/scholarld/scholarld/internal/testkit"
)

// TestTestdataRecords validates every record of testdata/records with no
// profile and with each profile. None has an error; what the profiles
// recommend and a record lacks (an image, authors' URLs, a PDF) is in the
// golden report testdata/<profile>.golden, rewritten by -update.
func TestTestdataRecords(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(testkit.Root(t), "testdata", "records", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata records: %v", err)
	}
	for _, profile := range append([]Profile{""}, Profiles...) {
		name := string(profile)
		opts := Options{}
		if profile == "" {
			name = "none"
		} else {
			opts.Profiles = []Profile{profile}
		}
		t.Run(name, func(t *testing.T) {
			var reports []*Report
			for _, path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				r := Validate(data, filepath.Base(path), opts)
				if r.Unreadable || r.Count(Error) > 0 {
					t.Errorf("%s: %q", r.File, summary(r))
				}
				reports = append(reports, r)
			}
			var out bytes.Buffer
			if err := WriteText(&out, reports); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, filepath.Join("validate", "testdata", "records-"+name+".golden"), out.Bytes())
		})
	}
}

// TestDataCiteBlog validates the schema.org JSON-LD of a DataCite blog
// post, as the blog embeds it, with every profile.
func TestDataCiteBlog(t *testing.T) {
	path := testkit.Shared(t, "fixtures", "schemaorg", "datacite-blog.schema_org.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const post = "<https://doi.org/10.5438/4K3M-NYVG>"
	r := Validate(data, "datacite-blog.schema_org.json", Options{Profiles: Profiles})
	want := []string{
		// A Creative Commons licence, recognised.
		"info license-cc " + post + " http://schema.org/license",
		// The post gives a name but no headline.
		"warning google-headline " + post + " http://schema.org/headline",
		// The author is named by an http://orcid.org IRI, but has no url.
		"warning google-author-url <http://orcid.org/0000-0003-1419-2405> http://schema.org/url",
		// A blog post is part of a Blog, not a journal, and has no PDF.
		"warning scholar-journal " + post + " http://schema.org/isPartOf",
		"info scholar-volume " + post + " http://schema.org/isPartOf",
		"info scholar-issue " + post + " http://schema.org/isPartOf",
		"info scholar-first-page " + post + " http://schema.org/pageStart",
		"warning scholar-pdf " + post + " http://schema.org/encoding",
	}
	if got := summary(r); !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if r.Format != JSONLD || r.Unreadable {
		t.Errorf("format %q, unreadable %v; want jsonld, readable", r.Format, r.Unreadable)
	}

	// Another release given with --vocab-file replaces the embedded one:
	// here release 30.0 without schema:version, which is then undefined.
	release, err := os.ReadFile(testkit.Shared(t, "vocab", "schemaorg-30.0-http.nt"))
	if err != nil {
		t.Fatal(err)
	}
	var without bytes.Buffer
	for _, line := range bytes.SplitAfter(release, []byte("\n")) {
		if !bytes.HasPrefix(line, []byte("<http://schema.org/version> ")) {
			without.Write(line)
		}
	}
	v, err := NewVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.AddNTriples(without.Bytes(), "release-without-version.nt"); err != nil {
		t.Fatal(err)
	}
	r = Validate(data, "datacite-blog.schema_org.json", Options{Vocabulary: v})
	if got, want := summary(r), []string{"info license-cc " + post + " http://schema.org/license", "error undefined-term " + post + " http://schema.org/version"}; !slices.Equal(got, want) {
		t.Errorf("with a release lacking schema:version: got %q, want %q", got, want)
	}
}

// TestRemoteContext: a context other than schema.org is not fetched.
func TestRemoteContext(t *testing.T) {
	r := Validate([]byte(`{"@context": ["https://schema.org", "https://w3id.org/other"], "@type": "ScholarlyArticle"}`), "x.jsonld", Options{})
	want := []Finding{{Severity: Error, Rule: "unreadable", Fix: Rules[0].Fix,
		Message: "validate: JSON-LD: cannot load context https://w3id.org/other offline (only https://schema.org is available)"}}
	if !r.Unreadable || !slices.Equal(r.Findings, want) {
		t.Errorf("got %+v, want %+v", r.Findings, want)
	}
}

// TestByteOrderMark reads JSON-LD, Turtle and N-Triples saved with a
// UTF-8 byte-order mark, as editors on Windows write them.
func TestByteOrderMark(t *testing.T) {
	for _, in := range []struct{ file, data string }{
		{"a.jsonld", `{"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": "x"}`},
		{"a.ttl", "@prefix schema: <http://schema.org/> .\n<http://a> a schema:ScholarlyArticle ."},
		{"a.nt", "<http://a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .\n"},
		{"-", "<http://a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .\n"},
	} {
		r := Validate([]byte("\xef\xbb\xbf"+in.data), in.file, Options{})
		if r.Unreadable || r.Format == "" {
			t.Errorf("%s with a BOM: format %q, findings %+v", in.file, r.Format, r.Findings)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct{ file, data, want string }{
		{"a.json", `{"@context": "https://schema.org", "name": "x"}`, JSONLD},
		{"a.json", `{"title": "T", "authors": []}`, "record"},
		{"a.jsonld", `{}`, JSONLD},
		{"a.ttl", ``, Turtle},
		{"a.nt", ``, NTriples},
		{"-", "# c\n@prefix ex: <http://ex.org/> .", Turtle},
		{"-", "<http://a> <http://b> <http://c> .\n", NTriples},
		{"-", "<http://a> <http://b> <http://c>, <http://d> .\n", Turtle},
		{"-", "hello", ""},
		{"a.nq", "", NQuads},
		{"-", "# c\n<http://a> <http://b> \"c\" <http://g> .\n_:b <http://b> <http://c> _:g .\n", NQuads},
		{"-", "<http://a> <http://b> [ <http://c> 1 ] .\n", Turtle},
		{"notes.txt", "Some notes about an article.\n", ""},
		{"a.xml", "<?xml version=\"1.0\"?>\n<catalogue><item/></catalogue>\n", ""},
		{"-", "<catalogue><item/></catalogue>\n", ""},
	}
	for _, tt := range tests {
		if got := detect(tt.file, []byte(tt.data)); got != tt.want {
			t.Errorf("detect(%s, %q) = %q, want %q", tt.file, tt.data, got, tt.want)
		}
	}
}

// TestOutputs checks the JSON and SARIF reports by their structure.
func TestOutputs(t *testing.T) {
	reports := []*Report{
		Validate([]byte(record(`"doi":"doi:10.1000/x"`)), "bad.json", Options{}),
		Validate([]byte("@prefix schema: <http://schema.org/> . <http://ex.org/a> a schema:Person ; schema:headline \"T\" ."), "data.ttl", Options{}),
	}
	var jsonOut bytes.Buffer
	if err := WriteJSON(&jsonOut, reports); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Files []struct {
			File       string
			Format     string
			Unreadable *bool
			Counts     map[string]int
			Findings   []map[string]any
		}
	}
	if err := json.Unmarshal(jsonOut.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 2 || doc.Files[0].File != "bad.json" || doc.Files[0].Format != "record" || doc.Files[0].Unreadable == nil {
		t.Fatalf("JSON files: %+v", doc.Files)
	}
	if c := doc.Files[0].Counts; c["error"] != 1 || c["warning"] != 0 || c["info"] != 0 {
		t.Errorf("JSON counts %v", c)
	}
	f := doc.Files[0].Findings[0]
	for key, want := range map[string]any{"severity": "error", "rule": "doi", "path": "doi", "record": 1.0, "line": 1.0, "column": 8.0} {
		if f[key] != want {
			t.Errorf("JSON finding %s = %v, want %v", key, f[key], want)
		}
	}
	if g := doc.Files[1].Findings[0]; g["node"] != "<http://ex.org/a>" || g["property"] != "http://schema.org/headline" || g["rule"] != "domain" {
		t.Errorf("JSON graph finding %v", g)
	}

	var sarifOut bytes.Buffer
	if err := WriteSARIF(&sarifOut, reports); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(sarifOut.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema == "" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "scholarld" {
		t.Fatalf("SARIF header: version %q, $schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("SARIF: %d results, want 2", len(run.Results))
	}
	for _, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("SARIF result %s is not among the driver's rules at %d", res.RuleID, res.RuleIndex)
		}
		if !slices.Contains([]string{"error", "warning", "note"}, res.Level) || len(res.Locations) != 1 || res.Message.Text == "" {
			t.Errorf("SARIF result %+v", res)
		}
	}
	first := run.Results[0].Locations[0].PhysicalLocation
	if first.ArtifactLocation.URI != "bad.json" || first.Region == nil || first.Region.StartLine != 1 || first.Region.StartColumn != 8 {
		t.Errorf("SARIF location %+v", first)
	}
	if second := run.Results[1].Locations[0].PhysicalLocation; second.ArtifactLocation.URI != "data.ttl" || second.Region != nil {
		t.Errorf("SARIF location %+v", second)
	}
}

// TestOfficialContextAliases: JSON-LD that names the schema.org context
// is read through the official context, with its "id" and "type" aliases
// and its typed dates, as any consumer reads it.
func TestOfficialContextAliases(t *testing.T) {
	doc := `{"@context": "http://schema.org/", "id": "https://example.org/a", "type": "ScholarlyArticle",
  "headline": "T", "dateCreated": "2020-01-02", "author": {"type": "Person", "name": "N", "url": "https://example.org/n"}}`
	r := Validate([]byte(doc), "a.jsonld", Options{Profiles: []Profile{Triplestore}})
	if got := summary(r); len(got) != 0 {
		t.Errorf("got %q, want no finding", got)
	}
	r = Validate([]byte(doc), "a.jsonld", Options{Profiles: []Profile{Google}})
	if got, want := summary(r), []string{"warning google-image <https://example.org/a> http://schema.org/image", "warning google-date-published <https://example.org/a> http://schema.org/datePublished"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPrunedOfficialContext: reading a document with only the terms it
// names gives the graph the whole official context gives.
func TestPrunedOfficialContext(t *testing.T) {
	fixture, err := os.ReadFile(testkit.Shared(t, "fixtures", "schemaorg", "datacite-blog.schema_org.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{fixture, []byte(`{"@context": "https://schema.org", "id": "https://example.org/a", "type": "ScholarlyArticle",
  "dct:title": "T", "dateCreated": "2020-01-02", "sameAs": "https://example.org/b", "author": {"type": "Person", "name": "N"}}`)} {
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		var got [2]string
		for i, loader := range []officialLoader{{}, {used: namedTerms(doc, map[string]bool{})}} {
			opts := jsonld.NewJsonLdOptions("")
			opts.DocumentLoader = loader
			opts.Format = "application/n-quads"
			out, err := jsonld.NewJsonLdProcessor().ToRDF(jsonld.CloneDocument(doc), opts)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(out.(string), "\n")
			slices.Sort(lines)
			got[i] = strings.Join(lines, "\n")
		}
		if got[0] != got[1] || len(got[0]) < 200 {
			t.Errorf("whole context:\n%s\npruned:\n%s", got[0], got[1])
		}
	}
}
