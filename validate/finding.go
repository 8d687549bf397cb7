package validate

import (
	"fmt"
)

// Severity ranks a finding. Only errors make `scholarld validate` fail.
type Severity int

// The severities, gravest first.
const (
	Error Severity = iota
	Warning
	Info
)

var severityNames = [...]string{Error: "error", Warning: "warning", Info: "info"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText writes the name: "error", "warning" or "info".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Rule is one check: its name (what findings and SARIF call it), its
// severity, what it checks and how to fix what it finds.
type Rule struct {
	Name     string
	Severity Severity
	Summary  string
	Fix      string
}

// Rules lists every rule in documentation order: record rules, vocabulary
// rules, then the rules of each profile.
var Rules = []Rule{
	{"unreadable", Error, "the input (or a record's JSON) could not be read, or its format could not be told", "fix the syntax at the position shown, or name the format with -f"},
	{"record-field", Error, "a record field is unknown, repeated or of the wrong JSON type", "rename or retype the field as the message says (docs/record-format.md)"},
	{"title-required", Error, "the article has no title", "give the article's title"},
	{"authors-required", Error, "the article has no author and does not say it has none", `list the byline in "authors", or write "authors": [] for an article without authors`},
	{"date-published-required", Error, "the article has no publication date", "give dates.published as YYYY, YYYY-MM or YYYY-MM-DD"},
	{"doi", Error, "a DOI is not a bare DOI of valid syntax", "write the bare DOI, 10.NNNN/suffix, without a resolver prefix"},
	{"orcid", Error, "an ORCID iD is malformed or its check digit is wrong", "write the bare ORCID iD 0000-0000-0000-000X as the author's ORCID record shows it"},
	{"issn", Error, "an ISSN is malformed or its check digit is wrong", "write the ISSN as NNNN-NNNC as the ISSN portal shows it"},
	{"isbn", Error, "an ISBN is malformed or its check digit is wrong", "give the ISBN-13 (or ISBN-10) as printed on the book"},
	{"ror", Error, "a ROR ID is malformed or its check digits are wrong", "write the full ROR ID https://ror.org/0xxxxxxNN as ror.org shows it"},
	{"date-exists", Error, "a date is malformed or does not exist", "give a date that exists as YYYY, YYYY-MM or YYYY-MM-DD"},
	{"date-order", Error, "dates are out of order (received ≤ revised ≤ accepted ≤ published)", "correct the date that the message names"},
	{"page-range", Error, "the last page comes before the first, or without it", "give firstPage, and a lastPage not before it"},
	{"url", Error, "a URL is not an absolute http(s) URL", "give the absolute http:// or https:// URL"},
	{"language-tag", Error, "the language is not a well-formed BCP 47 tag", "give a BCP 47 tag such as en, pt-BR or zh-Hant-TW"},
	{"record-value", Error, "a value is invalid (a kind, a type, a media type, a size, an e-mail, an affiliation id)", "correct the value as the message says"},
	{"license-url-missing", Warning, "the licence has a label but no URL", "give license.url, the licence's canonical URL"},
	{"license-unrecognised", Warning, "a creativecommons.org URL names no Creative Commons licence", "use the licence's canonical URL, such as https://creativecommons.org/licenses/by/4.0/"},
	{"license-cc", Info, "the licence is a Creative Commons licence, named in the message", "nothing to fix"},
	{"undefined-term", Error, "a class or property is defined by no known vocabulary (schema.org 30.0, embedded whole, DCMI terms, BIBO, FaBiO, PRO/SCoRO, or a --vocab-file)", "use the defined term the message suggests, or add the term's vocabulary with --vocab-file"},
	{"domain", Warning, "a schema.org property is used on a type outside its schema:domainIncludes", "move the property to a node of a type it belongs to, or give the node that type"},
	{"range", Warning, "a literal where schema.org expects a node, or a node where it expects a literal", "give a value of a type in the property's schema:rangeIncludes"},
	{"schema-review", Warning, "schema:Review, which is a review of an item, is used for a review article", "type the article ScholarlyArticle with genre \"review\" (and fabio:ReviewArticle)"},
	{"dc-elements", Warning, "a DC elements 1.1 term where a DCMI term exists", "use the http://purl.org/dc/terms/ term of the same name"},
	{"no-article", Warning, "a profile was asked for but no node is an Article", "type the article node schema:ScholarlyArticle (or another Article type)"},
	{"google-headline", Warning, "google: the article has no headline", "give schema:headline, the article's title"},
	{"google-image", Warning, "google: the article has no image", "give schema:image (the graphical abstract in a record)"},
	{"google-date-published", Warning, "google: the article has no datePublished", "give schema:datePublished"},
	{"google-author", Warning, "google: the article has no author", "give schema:author"},
	{"google-author-name", Warning, "google: an author has no name", "give the author's schema:name"},
	{"google-author-url", Warning, "google: an author has no url or sameAs", "give schema:url or schema:sameAs, a page that identifies the author (an ORCID record)"},
	{"scholar-title", Error, "scholar: the article has no title", "give schema:headline or schema:name"},
	{"scholar-author", Error, "scholar: the article has no named author", "give at least one schema:author with a schema:name"},
	{"scholar-date", Error, "scholar: the article has no publication date", "give schema:datePublished"},
	{"scholar-journal", Warning, "scholar: no journal title along isPartOf", "give the Periodical with its schema:name (journal.title in a record)"},
	{"scholar-volume", Info, "scholar: no volume number", "give the volume if the article has one"},
	{"scholar-issue", Info, "scholar: no issue number", "give the issue if the article has one"},
	{"scholar-first-page", Info, "scholar: no first page and no article number", "give the first page if the article has one"},
	{"scholar-pdf", Warning, "scholar: no PDF among the encodings", "give the PDF as an encoding with encodingFormat application/pdf (files[] in a record)"},
	{"triplestore-blank-article", Warning, "triplestore: the article is a blank node", "give the article a DOI or a URL, which names it"},
	{"triplestore-blank-orcid", Warning, "triplestore: a person with an ORCID iD is a blank node", "name the person by the ORCID IRI https://orcid.org/…"},
	{"triplestore-blank-journal", Warning, "triplestore: the journal is a blank node", "give the journal's ISSN, which names it https://portal.issn.org/resource/ISSN/…"},
	{"triplestore-plain-date", Warning, "triplestore: a date is a plain string, which SPARQL cannot compare as a date", "type the date xsd:date, xsd:gYearMonth or xsd:gYear (or schema:Date)"},
}

// ruleByName finds a rule of Rules.
func ruleByName(name string) (Rule, bool) {
	for _, r := range Rules {
		if r.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}

// Finding is one problem found, or one fact worth knowing (Info).
//
// A record finding names its field by Path ("authors[1].orcid"); a graph
// finding names its Node (an IRI <…> or a blank node _:b0, as N-Triples
// writes them) and Property (an IRI). Record counts the records of a
// multi-record input from 1; it is 0 for RDF input. Line and Column are
// 0 when unknown.
type Finding struct {
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix"`
	Record   int      `json:"record,omitempty"`
	Path     string   `json:"path,omitempty"`
	Node     string   `json:"node,omitempty"`
	Property string   `json:"property,omitempty"`
	Line     int      `json:"line,omitempty"`
	Column   int      `json:"column,omitempty"`
}

// Report is what Validate found in one input.
type Report struct {
	File string `json:"file"`
	// Format is the input format read: a name of reader/formats, or
	// "jsonld", "turtle", "ntriples"; empty when it could not be told.
	Format string `json:"format"`
	// Unreadable is set when the input, or part of it, could not be read.
	Unreadable bool      `json:"unreadable"`
	Findings   []Finding `json:"findings"`
}

// Count returns how many findings have the severity.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// add appends a finding of the named rule, with the rule's severity and
// fix; where fills in the location.
func (r *Report) add(rule string, where Finding, format string, args ...any) {
	def, _ := ruleByName(rule) // every name used is in Rules, which a test checks
	where.Severity, where.Rule = def.Severity, def.Name
	if where.Fix == "" { // a fix of this finding's own, else the rule's
		where.Fix = def.Fix
	}
	where.Message = fmt.Sprintf(format, args...)
	r.Findings = append(r.Findings, where)
}
