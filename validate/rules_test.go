package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
)

// summary writes each finding as "severity rule where", where is the
// line:column and path of a record finding or the node and property of a
// graph finding.
func summary(r *Report) []string {
	out := []string{}
	for _, f := range r.Findings {
		where := f.Path
		if f.Line > 0 {
			where = fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Path)
		}
		if f.Node != "" {
			where = f.Node + " " + f.Property
		}
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s", f.Severity, f.Rule, where)))
	}
	return out
}

// record is a valid record with the members given added.
func record(members string) string {
	base := `"title":"T","authors":[{"family":"Doe"}],"dates":{"published":"2020-01-02"}`
	if members == "" {
		return "{" + base + "}"
	}
	return "{" + members + "," + base + "}"
}

func TestRecordRules(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"valid", record(""), []string{}},
		{"unreadable", `{"title":`, []string{"error unreadable 1:10"}},
		{"record-field", record(`"autors":[]`), []string{"error record-field 1:2 autors"}},
		{"record-field wrong type", record(`"volume":3`), []string{"error record-field 1:11 volume"}},
		{"title-required", `{"title":" ","authors":[],"dates":{"published":"2020"}}`, []string{"error title-required 1:10 title"}},
		{"authors-required", `{"title":"T","dates":{"published":"2020"}}`, []string{"error authors-required authors"}},
		{"authors explicitly none", `{"title":"T","authors":[],"dates":{"published":"2020"}}`, []string{}},
		{"date-published-required", `{"title":"T","authors":[{"name":"X"}]}`, []string{"error date-published-required dates.published"}},
		{"doi", record(`"doi":"https://doi.org/10.1000/x"`), []string{"error doi 1:8 doi"}},
		{"orcid", `{"title":"T","authors":[{"family":"Doe","orcid":"0000-0002-1825-0098"}],"dates":{"published":"2020"}}`, []string{"error orcid 1:49 authors[0].orcid"}},
		{"issn", record(`"journal":{"title":"J","issns":[{"value":"1422-0068"}]}`), []string{"error issn 1:43 journal.issns[0].value"}},
		{"ror", record(`"affiliations":[{"id":"a","name":"U","ror":"https://ror.org/03yjb2x38"}]`), []string{"error ror 1:45 affiliations[0].ror"}},
		{"date-exists", `{"title":"T","authors":[],"dates":{"published":"2014-02-30"}}`, []string{"error date-exists 1:48 dates.published"}},
		{"date-order", `{"title":"T","authors":[],"dates":{"received":"2015-01-01","published":"2014-08-18"}}`, []string{"error date-order 1:72 dates.published"}},
		{"page-range", record(`"firstPage":"20","lastPage":"10"`), []string{"error page-range 1:30 lastPage"}},
		{"url", record(`"url":"ftp://example.org/a"`), []string{"error url 1:8 url"}},
		{"language-tag", record(`"language":"english-language"`), []string{"error language-tag 1:13 language"}},
		{"record-value", record(`"type":"essay"`), []string{"error record-value 1:9 type"}},
		{"license-url-missing", record(`"license":{"label":"All rights reserved"}`), []string{"warning license-url-missing license.url"}},
		{"license-unrecognised", record(`"license":{"url":"https://creativecommons.org/licenses/by/5.0/"}`), []string{"warning license-unrecognised license.url"}},
		{"license-cc", record(`"license":{"url":"https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode"}`), []string{"info license-cc license.url"}},
		{"second record of a stream", record("") + "\n" + `{"title":"T","authors":[]}`, []string{"error date-published-required dates.published"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.in), "in.json", Options{})
			if got := summary(r); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q\n%+v", got, tt.want, r.Findings)
			}
		})
	}
}

func TestCCName(t *testing.T) {
	for url, want := range map[string]string{
		"https://creativecommons.org/licenses/by/4.0/":             "CC BY 4.0",
		"http://creativecommons.org/licenses/by-nc-nd/3.0/de/":     "CC BY-NC-ND 3.0",
		"https://creativecommons.org/licenses/by-sa/4.0/deed.en":   "CC BY-SA 4.0",
		"https://creativecommons.org/publicdomain/zero/1.0/":       "CC0 1.0",
		"https://creativecommons.org/publicdomain/mark/1.0/":       "Public Domain Mark 1.0",
		"https://creativecommons.org/licenses/by/4.0/legalcode.de": "CC BY 4.0",
		"https://creativecommons.org/licenses/by/5.0/":             "",
		"https://creativecommons.org/licenses/nc/4.0/":             "",
		"https://example.org/licenses/by/4.0/":                     "",
	} {
		if got := ccName(url); got != want {
			t.Errorf("ccName(%s) = %q, want %q", url, got, want)
		}
	}
}

func TestGraphRules(t *testing.T) {
	const prefixes = "@prefix schema: <http://schema.org/> . @prefix ex: <http://example.org/> . @prefix dc: <http://purl.org/dc/elements/1.1/> . @prefix dcterms: <http://purl.org/dc/terms/> .\n"
	tests := []struct {
		name, in string
		want     []string
	}{
		{"valid", "ex:a a schema:ScholarlyArticle ; schema:headline \"T\" ; schema:author [ a schema:Person ; schema:name \"N\" ] .", []string{}},
		{"undefined-term", "ex:a a schema:ScholarlyArticle ; dcterms:titel \"T\" .", []string{"error undefined-term <http://example.org/a> http://purl.org/dc/terms/titel"}},
		{"undefined class", "ex:a a ex:Thing .", []string{"error undefined-term <http://example.org/a> http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}},
		{"schema.org term outside the emitted ones", "ex:a a schema:ScholarlyArticle ; schema:dateCreated \"2020-01-01\"^^schema:Date .", []string{}},
		{"undefined schema.org class", "ex:a a schema:ScholarlyArticle ; schema:isPartOf [ a schema:Journal ] .", []string{"error undefined-term _:b0 http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}},
		{"undefined schema.org properties", "ex:a a schema:ScholarlyArticle ; schema:periodical ex:j ; schema:author [ a schema:Person ; schema:affiliations ex:o ] .", []string{
			"error undefined-term <http://example.org/a> http://schema.org/periodical",
			"error undefined-term _:b0 http://schema.org/affiliations"}},
		{"domain", "ex:a a schema:Person ; schema:headline \"T\" .", []string{"warning domain <http://example.org/a> http://schema.org/headline"}},
		{"domain through a subclass", "ex:a a schema:ScholarlyArticle ; schema:headline \"T\" .", []string{}},
		{"range literal for a node", "ex:a a schema:ScholarlyArticle ; schema:author \"Jane Doe\" .", []string{"warning range <http://example.org/a> http://schema.org/author"}},
		{"range node for a literal", "ex:a a schema:ScholarlyArticle ; schema:headline [ schema:name \"T\" ] .", []string{"warning range <http://example.org/a> http://schema.org/headline"}},
		{"range IRI for a URL", "ex:a a schema:ScholarlyArticle ; schema:url <http://example.org/page> .", []string{}},
		{"schema-review", "ex:a a schema:Review ; schema:name \"A review of X\" .", []string{
			"warning schema-review <http://example.org/a> http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}},
		{"dc-elements", "ex:a a schema:ScholarlyArticle ; dc:title \"T\" .", []string{"warning dc-elements <http://example.org/a> http://purl.org/dc/elements/1.1/title"}},
		{"issn", "ex:j a schema:Periodical ; schema:issn \"1422-0068\" .", []string{"error issn <http://example.org/j> http://schema.org/issn"}},
		{"isbn", "ex:b a schema:Book ; schema:isbn \"978-3-16-148410-1\" .", []string{
			"error isbn <http://example.org/b> http://schema.org/isbn",
		}},
		{"license-cc", "ex:a a schema:ScholarlyArticle ; schema:license <https://creativecommons.org/licenses/by/4.0/> .", []string{"info license-cc <http://example.org/a> http://schema.org/license"}},
		{"one licence by two properties", "ex:a a schema:ScholarlyArticle ; schema:license <https://creativecommons.org/licenses/by/4.0/> ; dcterms:license <https://creativecommons.org/licenses/by/4.0/> .", []string{"info license-cc <http://example.org/a> http://schema.org/license"}},
		{"two licences", "ex:a a schema:ScholarlyArticle ; schema:license <https://creativecommons.org/licenses/by/4.0/> ; dcterms:license <https://creativecommons.org/licenses/by-sa/4.0/> .", []string{
			"info license-cc <http://example.org/a> http://schema.org/license", "info license-cc <http://example.org/a> http://purl.org/dc/terms/license"}},
		{"unreadable", "ex:a schema:name \"T\" ", []string{"error unreadable 2:22"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(prefixes+tt.in), "in.ttl", Options{})
			if got := summary(r); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q\n%+v", got, tt.want, r.Findings)
			}
		})
	}
}

func TestProfileRules(t *testing.T) {
	const prefixes = "@prefix schema: <http://schema.org/> . @prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
	// complete has everything every profile asks for.
	const complete = `ex:a a schema:ScholarlyArticle ; schema:headline "T" ; schema:image <http://example.org/i.png> ;
  schema:datePublished "2020-01-02"^^schema:Date ; schema:author ex:p ; schema:pageStart "1" ;
  schema:encoding [ a schema:MediaObject ; schema:encodingFormat "application/pdf" ] ;
  schema:isPartOf [ a schema:PublicationIssue ; schema:issueNumber "2" ; schema:isPartOf [ a schema:PublicationVolume ; schema:volumeNumber "3" ;
    schema:isPartOf <https://portal.issn.org/resource/ISSN/1422-0067> ] ] .
<https://portal.issn.org/resource/ISSN/1422-0067> a schema:Periodical ; schema:name "J" .
ex:p a schema:Person ; schema:name "N" ; schema:url <http://example.org/n> .
`
	tests := []struct {
		name    string
		profile Profile
		in      string
		want    []string
	}{
		{"google complete", Google, complete, []string{}},
		{"scholar complete", Scholar, complete, []string{}},
		{"triplestore complete", Triplestore, complete, []string{}},
		{"google bare", Google, "ex:a a schema:ScholarlyArticle .", []string{
			"warning google-headline <http://example.org/a> http://schema.org/headline",
			"warning google-image <http://example.org/a> http://schema.org/image",
			"warning google-date-published <http://example.org/a> http://schema.org/datePublished",
			"warning google-author <http://example.org/a> http://schema.org/author"}},
		{"google author", Google, "ex:a a schema:ScholarlyArticle ; schema:headline \"T\" ; schema:image <http://example.org/i> ; schema:datePublished \"2020\" ; schema:author [ a schema:Person ] .", []string{
			"warning google-author-name _:b0 http://schema.org/name",
			"warning google-author-url _:b0 http://schema.org/url"}},
		{"scholar bare", Scholar, "ex:a a schema:ScholarlyArticle .", []string{
			"error scholar-title <http://example.org/a> http://schema.org/headline",
			"error scholar-author <http://example.org/a> http://schema.org/author",
			"error scholar-date <http://example.org/a> http://schema.org/datePublished",
			"warning scholar-journal <http://example.org/a> http://schema.org/isPartOf",
			"info scholar-volume <http://example.org/a> http://schema.org/isPartOf",
			"info scholar-issue <http://example.org/a> http://schema.org/isPartOf",
			"info scholar-first-page <http://example.org/a> http://schema.org/pageStart",
			"warning scholar-pdf <http://example.org/a> http://schema.org/encoding"}},
		{"triplestore blanks and dates", Triplestore, `[ a schema:ScholarlyArticle ; schema:datePublished "2020-01-02" ;
  schema:author [ a schema:Person ; schema:sameAs <https://orcid.org/0000-0002-1825-0097> ] ;
  schema:isPartOf [ a schema:Periodical ; schema:name "J" ] ] .`, []string{
			"warning triplestore-blank-article _:b0",
			"warning triplestore-plain-date _:b0 http://schema.org/datePublished",
			"warning triplestore-blank-orcid _:b1 http://schema.org/sameAs",
			"warning triplestore-blank-journal _:b2"}},
		{"no-article", Google, "ex:p a schema:Person .", []string{"warning no-article"}},
		{"a chapter is checked as an article", Google, "ex:c a schema:Chapter ; schema:headline \"T\" .", []string{
			"warning google-image <http://example.org/c> http://schema.org/image",
			"warning google-date-published <http://example.org/c> http://schema.org/datePublished",
			"warning google-author <http://example.org/c> http://schema.org/author"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(prefixes+tt.in), "in.ttl", Options{Profiles: []Profile{tt.profile}})
			if got := summary(r); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q\n%+v", got, tt.want, r.Findings)
			}
		})
	}
}

// TestRuleNamesAreListed fails when the code names a rule that Rules
// does not list, or Rules lists one twice.
func TestRuleNamesAreListed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Name] {
			t.Errorf("rule %s is listed twice", r.Name)
		}
		seen[r.Name] = true
	}
	paths, _ := filepath.Glob("*.go")
	used := regexp.MustCompile(`(?:add|unreadable)\("([a-z-]+)"|rule:? +"([a-z-]+)"|return "([a-z-]+)"|\{vocab\.\w+, "([a-z-]+)"\}`)
	n := 0
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") || path == "output.go" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(data), -1) {
			name := strings.Join(m[1:], "")
			if _, ok := ruleByName(name); !ok && !strings.Contains(name, "/") {
				t.Errorf("%s names rule %q, which Rules does not list", path, name)
			}
			n++
		}
	}
	if n < 30 {
		t.Errorf("found only %d rule names in the code; the pattern is out of date", n)
	}
	_ = testkit.Update
}

// TestUndefinedTermSuggestion: an undefined term names the defined term
// it most likely means, in the message and as the fix.
func TestUndefinedTermSuggestion(t *testing.T) {
	const prefixes = "@prefix schema: <http://schema.org/> . @prefix ex: <http://example.org/> . @prefix dcterms: <http://purl.org/dc/terms/> .\n"
	for _, tt := range []struct{ in, message, fix string }{
		{"ex:a a schema:Journal .", "class schema:Journal is defined by no loaded vocabulary; did you mean schema:Periodical?", "use schema:Periodical"},
		{"ex:a schema:affiliations ex:o .", "property schema:affiliations is defined by no loaded vocabulary; did you mean schema:affiliation?", "use schema:affiliation"},
		{"ex:a schema:periodical ex:j .", "property schema:periodical is defined by no loaded vocabulary; did you mean schema:Periodical?", "use schema:Periodical"},
		{"ex:a schema:headLine \"T\" .", "property schema:headLine is defined by no loaded vocabulary; did you mean schema:headline?", "use schema:headline"},
		{"ex:a schema:datePublised \"2020\" .", "property schema:datePublised is defined by no loaded vocabulary; did you mean schema:datePublished?", "use schema:datePublished"},
		{"ex:a dcterms:titel \"T\" .", "property http://purl.org/dc/terms/titel is defined by no loaded vocabulary; did you mean http://purl.org/dc/terms/title?", "use http://purl.org/dc/terms/title"},
		{"ex:a schema:qwxzvbnmk \"T\" .", "property schema:qwxzvbnmk is defined by no loaded vocabulary", "use the defined term the message suggests, or add the term's vocabulary with --vocab-file"},
	} {
		r := Validate([]byte(prefixes+tt.in), "in.ttl", Options{})
		var found *Finding
		for i := range r.Findings {
			if r.Findings[i].Rule == "undefined-term" {
				found = &r.Findings[i]
			}
		}
		if found == nil || found.Message != tt.message || found.Fix != tt.fix {
			t.Errorf("%s: got %+v\nwant message %q, fix %q", tt.in, found, tt.message, tt.fix)
		}
	}
}

// TestNearestIsDeterministic: of two terms equally near, the first in
// order is suggested, whatever the order of the map.
func TestNearestIsDeterministic(t *testing.T) {
	v, err := NewVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	first := v.Nearest("http://schema.org/nme")
	for range 20 {
		if got := v.Nearest("http://schema.org/nme"); got != first {
			t.Fatalf("Nearest gave %s, then %s", first, got)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"title", "title", 0},
		{"titel", "title", 1}, {"affiliations", "affiliation", 1}, {"kitten", "sitting", 3},
		{"ca", "abc", 3}, {"headline", "hedline", 1},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
