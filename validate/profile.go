package validate

import (
	"strings"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/vocab"
)

// google checks the recommendations of Google Search for Article
// structured data; see the Google profile.
func (c *checker) google(ix *graphIndex, article rdf.Term, record int) {
	at := c.at(record, article, "")
	for _, want := range []struct{ property, rule string }{
		{vocab.SchemaHeadline, "google-headline"},
		{vocab.SchemaImage, "google-image"},
		{vocab.SchemaDatePublished, "google-date-published"},
		{vocab.SchemaAuthor, "google-author"},
	} {
		if len(ix.values(article, want.property)) == 0 {
			where := at
			where.Property = want.property
			c.report.add(want.rule, where, "the article has no schema:%s", localName(want.property))
		}
	}
	for _, author := range ix.values(article, vocab.SchemaAuthor) {
		if author.Type() == rdf.TermLiteral {
			continue // the range rule reports it
		}
		if len(ix.values(author, vocab.SchemaName)) == 0 {
			c.report.add("google-author-name", c.at(record, author, vocab.SchemaName), "the author has no schema:name")
		}
		if len(ix.values(author, vocab.SchemaURL)) == 0 && len(ix.values(author, vocab.SchemaSameAs)) == 0 {
			c.report.add("google-author-url", c.at(record, author, vocab.SchemaURL), "the author has no schema:url or schema:sameAs")
		}
	}
}

// scholar checks Google Scholar's inclusion guidelines for a journal
// article; see the Scholar profile.
func (c *checker) scholar(ix *graphIndex, article rdf.Term, record int) {
	at := func(property string) Finding {
		return c.at(record, article, property)
	}
	if len(ix.values(article, vocab.SchemaHeadline)) == 0 && len(ix.values(article, vocab.SchemaName)) == 0 {
		c.report.add("scholar-title", at(vocab.SchemaHeadline), "the article has no schema:headline or schema:name")
	}
	named := false
	for _, author := range ix.values(article, vocab.SchemaAuthor) {
		named = named || author.Type() == rdf.TermLiteral || len(ix.values(author, vocab.SchemaName)) > 0
	}
	if !named {
		c.report.add("scholar-author", at(vocab.SchemaAuthor), "the article has no author with a schema:name")
	}
	if len(ix.values(article, vocab.SchemaDatePublished)) == 0 {
		c.report.add("scholar-date", at(vocab.SchemaDatePublished), "the article has no schema:datePublished")
	}
	chain := c.partOf(ix, article)
	found := func(class, property string) bool {
		for _, n := range chain {
			typed := false
			for _, t := range ix.types[n] {
				typed = typed || c.vocab.isSubclass(t, class)
			}
			if typed && len(ix.values(n, property)) > 0 {
				return true
			}
		}
		return false
	}
	if !found(vocab.SchemaPeriodical, vocab.SchemaName) {
		c.report.add("scholar-journal", at(vocab.SchemaIsPartOf), "no schema:Periodical with a schema:name along schema:isPartOf")
	}
	if !found(vocab.SchemaPublicationVolume, vocab.SchemaVolumeNumber) {
		c.report.add("scholar-volume", at(vocab.SchemaIsPartOf), "no schema:PublicationVolume with a schema:volumeNumber along schema:isPartOf")
	}
	if !found(vocab.SchemaPublicationIssue, vocab.SchemaIssueNumber) {
		c.report.add("scholar-issue", at(vocab.SchemaIsPartOf), "no schema:PublicationIssue with a schema:issueNumber along schema:isPartOf")
	}
	if len(ix.values(article, vocab.SchemaPageStart)) == 0 && len(ix.values(article, vocab.SchemaPagination)) == 0 {
		c.report.add("scholar-first-page", at(vocab.SchemaPageStart), "the article has no schema:pageStart and no schema:pagination")
	}
	pdf := false
	for _, enc := range ix.values(article, vocab.SchemaEncoding) {
		for _, format := range ix.values(enc, vocab.SchemaEncodingFormat) {
			pdf = pdf || strings.HasPrefix(format.String(), "application/pdf")
		}
	}
	if !pdf {
		c.report.add("scholar-pdf", at(vocab.SchemaEncoding), "no schema:encoding has encodingFormat application/pdf")
	}
}

// partOf returns the nodes reached from node along schema:isPartOf.
func (c *checker) partOf(ix *graphIndex, node rdf.Term) []rdf.Term {
	seen := map[rdf.Term]bool{node: true}
	var out []rdf.Term
	queue := []rdf.Term{node}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, next := range ix.values(n, vocab.SchemaIsPartOf) {
			if next.Type() != rdf.TermLiteral && !seen[next] {
				seen[next] = true
				out = append(out, next)
				queue = append(queue, next)
			}
		}
	}
	return out
}

// datePropertyNames are the local names of the date properties that the
// triplestore profile wants typed, beside any whose name starts with
// "date".
var datePropertyNames = map[string]bool{"issued": true, "created": true, "modified": true, "available": true, "uploadDate": true, "valid": true}

// triplestore checks that the article is named by an IRI.
func (c *checker) triplestore(article rdf.Term, record int) {
	if article.Type() == rdf.TermBlank {
		c.report.add("triplestore-blank-article", c.at(record, article, ""), "the article is a blank node")
	}
}

// triplestoreNodes checks the whole graph for blank nodes where a stable
// IRI exists and for dates typed as strings.
func (c *checker) triplestoreNodes(ix *graphIndex, record int) {
	for _, s := range ix.subjects {
		where := c.at(record, s, "")
		isA := func(class string) bool {
			for _, t := range ix.types[s] {
				if c.vocab.isSubclass(t, class) {
					return true
				}
			}
			return false
		}
		if s.Type() == rdf.TermBlank && isA(vocab.SchemaPerson) {
			for _, t := range ix.bySubject[s] {
				if strings.Contains(t.Obj.String(), "orcid.org/") {
					where.Property = t.Pred.String()
					c.report.add("triplestore-blank-orcid", where, "the person has the ORCID iD %s but is a blank node", t.Obj.String())
					break
				}
			}
		}
		if s.Type() == rdf.TermBlank && isA(vocab.SchemaPeriodical) {
			c.report.add("triplestore-blank-journal", where, "the periodical is a blank node")
		}
		for _, t := range ix.bySubject[s] {
			lit, ok := t.Obj.(rdf.Literal)
			if !ok || !isDateProperty(t.Pred.String()) {
				continue
			}
			if dt := lit.DataType.String(); dt == xsdString || dt == vocab.RDFLangString {
				where.Property = t.Pred.String()
				c.report.add("triplestore-plain-date", where, "%s is the plain string %q", localName(t.Pred.String()), lit.String())
			}
		}
	}
}

func isDateProperty(iri string) bool {
	local := localName(iri)
	return strings.HasPrefix(local, "date") || datePropertyNames[local]
}
