package ld

import (
	"regexp"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld/ident"
)

// identifierSyntax is the bare form of each identifier scheme.
var identifierSyntax = map[IdentifierScheme]*regexp.Regexp{
	PMID:     regexp.MustCompile(`^[1-9][0-9]{0,9}$`),
	PMCID:    regexp.MustCompile(`^PMC[1-9][0-9]{0,9}$`),
	OpenAlex: regexp.MustCompile(`^W[1-9][0-9]{0,11}$`),
	// arXiv's scheme since 2007 (2101.00001) and the older archive form
	// (hep-th/9901001, math.GT/0309136), each with an optional version.
	ArXiv: regexp.MustCompile(`^([0-9]{4}\.[0-9]{4,5}|[a-z-]+(\.[A-Z]{2})?/[0-9]{7})(v[1-9][0-9]*)?$`),
}

// identifierExamples shows the bare form of each scheme in messages.
var identifierExamples = map[IdentifierScheme]string{
	PMID: "24667540", PMCID: "PMC4153410", OpenAlex: "W2741809807", ArXiv: "2101.00001 or hep-th/9901001",
}

// work checks the fields of works beyond the journal article and of
// funding, identifiers and alternative titles (work.go).
func (c *checker) work(a *Article, affiliationIDs map[string]bool) {
	for i, t := range a.AlternativeTitles {
		path := elemPath("alternativeTitles", i)
		if strings.TrimSpace(t.Title) == "" {
			c.add(path+".title", "required")
		}
		if t.Language != "" {
			c.addErr(path+".language", ident.CheckLanguage(t.Language))
		}
	}
	if a.Publisher != nil {
		if strings.TrimSpace(a.Publisher.Name) == "" {
			c.add("publisher.name", "required")
		}
		if a.Journal != nil && a.Journal.Publisher != nil {
			c.add("publisher", "a work in a journal has its publisher in journal.publisher; give one of them")
		}
	}
	for i := range a.Editors {
		c.author(elemPath("editors", i), &a.Editors[i], affiliationIDs)
	}
	for i, f := range a.Funding {
		path := elemPath("funding", i)
		if strings.TrimSpace(f.Funder.Name) == "" {
			c.add(path+".funder.name", "required")
		}
		c.identifier(path, ".funder.ror", f.Funder.ROR, ident.NormalizeROR, "write the full ROR ID %q")
		c.identifier(path, ".funder.doi", f.Funder.DOI, ident.NormalizeDOI, "write the bare DOI %q")
		c.url(path, ".awardUrl", f.AwardURL)
	}
	for i, id := range a.Identifiers {
		c.otherIdentifier(elemPath("identifiers", i), id)
	}
	if a.ReportNumber != "" && a.Type != Report && a.Type != WorkingPaper {
		c.add("reportNumber", "only a report or a working paper has one (type %q, want %q or %q)", a.Type, Report, WorkingPaper)
	}
	if s := a.Series; s != nil {
		if strings.TrimSpace(s.Title) == "" {
			c.add("series.title", "required")
		}
		c.issns("series.issns", s.ISSNs)
	}
	if b := a.Book; b != nil {
		if strings.TrimSpace(b.Title) == "" {
			c.add("book.title", "required")
		}
		for i, isbn := range b.ISBNs {
			c.identifier(elemPath("book.isbns", i), "", isbn, ident.NormalizeISBN, "write the ISBN as %q")
			if isbn == "" {
				c.add(elemPath("book.isbns", i), "empty ISBN")
			}
		}
		for i := range b.Editors {
			c.author(elemPath("book.editors", i), &b.Editors[i], affiliationIDs)
		}
	}
	if e := a.Event; e != nil {
		if strings.TrimSpace(e.Name) == "" {
			c.add("event.name", "required")
		}
		c.addErr("event.startDate", e.StartDate.Validate())
		c.addErr("event.endDate", e.EndDate.Validate())
		if e.StartDate.Validate() == nil && e.EndDate.Validate() == nil &&
			!e.StartDate.IsZero() && !e.EndDate.IsZero() && e.EndDate.Before(e.StartDate) {
			c.add("event.endDate", "%s is before event.startDate %s", e.EndDate, e.StartDate)
		}
	}
}

// CheckIdentifier reports what is wrong with an identifier other than the
// DOI, as Check would: an unknown scheme, or a value not in its bare form.
// Readers call it before they keep one.
func CheckIdentifier(id Identifier) error {
	c := &checker{}
	c.otherIdentifier("", id)
	if len(c.errs) > 0 {
		return c.errs[0].Err
	}
	return nil
}

// otherIdentifier checks an identifier's scheme and its bare form.
func (c *checker) otherIdentifier(path string, id Identifier) {
	syntax, known := identifierSyntax[id.Scheme]
	switch {
	case id.Scheme == "":
		c.add(path+".scheme", "required (one of %s)", quoteAll(IdentifierSchemes))
	case !known:
		c.add(path+".scheme", "unknown scheme %q (want one of %s)", id.Scheme, quoteAll(IdentifierSchemes))
	case id.Value == "":
		c.add(path+".value", "required")
	case !syntax.MatchString(id.Value):
		c.add(path+".value", "%q is not a bare %s (such as %s)", id.Value, id.Scheme, identifierExamples[id.Scheme])
	}
}

// issns checks a list of ISSNs: each given, in normal form, of a known kind.
func (c *checker) issns(path string, issns []ISSN) {
	for i, issn := range issns {
		p := elemPath(path, i)
		if issn.Value == "" {
			c.add(p+".value", "required")
		}
		c.identifier(p, ".value", issn.Value, ident.NormalizeISSN, "write the ISSN as %q")
		if issn.Kind != "" && !slices.Contains(ISSNKinds, issn.Kind) {
			c.add(p+".kind", "unknown kind %q (want one of %s)", issn.Kind, quoteAll(ISSNKinds))
		}
	}
}
