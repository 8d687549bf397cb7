package validate_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/scholarld/scholarld/reader/source"

	"github.com/scholarld/scholarld/validate"
)

func ExampleValidate() {
	record := `{"title": "Nrf2", "authors": [{"family": "Doe", "orcid": "0000-0002-1825-0098"}],
  "dates": {"published": "2014-08-18"}, "license": {"url": "https://creativecommons.org/licenses/by/4.0/"}}`
	r := validate.Validate([]byte(record), "nrf2.json", validate.Options{})
	for _, f := range r.Findings {
		fmt.Printf("%s %s %d:%d %s: %s\n", f.Severity, f.Rule, f.Line, f.Column, f.Path, f.Message)
	}
	// Output:
	// error orcid 1:58 authors[0].orcid: ORCID "0000-0002-1825-0098": check digit is 8, want 7
}

func ExampleWriteText() {
	turtle := `@prefix schema: <http://schema.org/> .
<https://doi.org/10.5555/1> a schema:ScholarlyArticle ; schema:headline "T" ; schema:author "Jane Doe" .`
	r := validate.Validate([]byte(turtle), "a.ttl", validate.Options{Profiles: []validate.Profile{validate.Google}})
	validate.WriteText(os.Stdout, []*validate.Report{r})
	// Output:
	//   warning a.ttl: <https://doi.org/10.5555/1> <http://schema.org/author>: schema:author has the literal "Jane Doe" where schema.org expects a node (schema:Organization, schema:Person) [range]
	//           fix: give a value of a type in the property's schema:rangeIncludes
	//   warning a.ttl: <https://doi.org/10.5555/1> <http://schema.org/image>: the article has no schema:image [google-image]
	//           fix: give schema:image (the graphical abstract in a record)
	//   warning a.ttl: <https://doi.org/10.5555/1> <http://schema.org/datePublished>: the article has no schema:datePublished [google-date-published]
	//           fix: give schema:datePublished
	// a.ttl (turtle): 0 errors, 3 warnings, 0 info
	//   by rule: range 1, google-image 1, google-date-published 1
}

func ExampleWriteJSON() {
	r := validate.Validate([]byte(`{"title": "T", "authors": []}`), "t.json", validate.Options{})
	validate.WriteJSON(os.Stdout, []*validate.Report{r})
	// Output:
	// {
	//   "files": [
	//     {
	//       "file": "t.json",
	//       "format": "record",
	//       "findings": [
	//         {"severity":"error","rule":"date-published-required","message":"no publication date","fix":"give dates.published as YYYY, YYYY-MM or YYYY-MM-DD","record":1,"path":"dates.published"}
	//       ],
	//       "unreadable": false,
	//       "stopped": false,
	//       "counts": {"error":1,"info":0,"warning":0},
	//       "rules": {"date-published-required":1}
	//     }
	//   ],
	//   "stopped": false
	// }
}

// Run streams: here two articles' named graphs of N-Quads, each checked
// on its own, the report stopped after the first finding.
func ExampleRun() {
	nquads := `<https://doi.org/10.5555/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> <https://doi.org/10.5555/1> .
<https://doi.org/10.5555/1> <http://example.org/terms#title> "One" <https://doi.org/10.5555/1> .
<https://doi.org/10.5555/2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> <https://doi.org/10.5555/2> .
<https://doi.org/10.5555/2> <http://example.org/terms#title> "Two" <https://doi.org/10.5555/2> .
`
	inputs := source.Open([]string{"-"}, strings.NewReader(nquads), nil)
	summaries, err := validate.Run(context.Background(), inputs, validate.Options{MaxFindings: 1}, validate.NewTextWriter(os.Stdout))
	fmt.Println(err, summaries[0].Format, summaries[0].Stopped)
	// Output:
	//   error   <stdin>: <https://doi.org/10.5555/1> <http://example.org/terms#title>: property http://example.org/terms#title is defined by no loaded vocabulary [undefined-term]
	//           fix: use the defined term the message suggests, or add the term's vocabulary with --vocab-file
	// <stdin> (nquads): 1 error, 0 warnings, 0 info
	//   by rule: undefined-term 1
	//   stopped at the finding limit (--max-findings): the rest was not checked
	// <nil> nquads true
}

func ExampleWriteSARIF() {
	r := validate.Validate([]byte(`{"title": "T", "authors": [], "dates": {"published": "2014-13"}}`), "t.json", validate.Options{})
	validate.WriteSARIF(os.Stdout, []*validate.Report{r})
	// The output is the whole log, with every rule in the driver; its
	// result reads:
	//   "ruleId": "date-exists", "level": "error",
	//   "message": {"text": "record 1: dates.published: month 13 of 2014 does not exist (fix: ...)"},
	//   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "t.json"},
	//     "region": {"startLine": 1, "startColumn": 52}}}]
}

func ExampleParseProfile() {
	for _, name := range []string{"scholar", "bing"} {
		p, err := validate.ParseProfile(name)
		fmt.Printf("%q %v\n", p, err)
	}
	// Output:
	// "scholar" <nil>
	// "" validate: unknown profile "bing" (want google, scholar or triplestore)
}

func ExampleVocabulary_AddNTriples() {
	v, err := validate.NewVocabulary()
	if err != nil {
		fmt.Println(err)
		return
	}
	data := `<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/terms#Paper> .`
	opts := validate.Options{Format: validate.NTriples, Vocabulary: v}
	fmt.Println(validate.Validate([]byte(data), "a.nt", opts).Findings[0].Message)
	err = v.AddNTriples([]byte(`<http://example.org/terms#Paper> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2000/01/rdf-schema#Class> .`), "terms.nt")
	fmt.Println(err, len(validate.Validate([]byte(data), "a.nt", opts).Findings))
	// Output:
	// class http://example.org/terms#Paper is defined by no loaded vocabulary
	// <nil> 0
}
