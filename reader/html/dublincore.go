package html

import (
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Source names of the Dublin Core and PRISM tags in messages.
const (
	dublinCoreName = "DC"
	prismName      = "prism"
)

// dublinCoreTerm returns the term of a Dublin Core meta name, lower cased
// and without its prefix: "dc.date.issued" gives "date.issued",
// "dcterms.abstract" gives "abstract". ok is false for other names.
func dublinCoreTerm(name string) (term string, ok bool) {
	for _, prefix := range []string{"dcterms.", "dcterms:", "dct.", "dct:", "dc.", "dc:"} {
		if rest, found := strings.CutPrefix(name, prefix); found && rest != "" {
			return rest, true
		}
	}
	return "", false
}

// dublinCoreDates lists, for each date field, the terms that give it,
// best first. "created" is last: Open Journal Systems writes the date the
// article was published there, other sites the date of the record.
var dublinCoreDates = []struct {
	field string
	terms []string
}{
	{datePublished, []string{"issued", "date.issued", "date", "available", "date.available", "created", "date.created"}},
	{dateReceived, []string{"datesubmitted", "date.datesubmitted", "date.submitted"}},
	{dateAccepted, []string{"dateaccepted", "date.dateaccepted", "date.accepted"}},
}

func isDublinCoreDate(term string) bool {
	for _, dateField := range dublinCoreDates {
		if contains(dateField.terms, term) {
			return true
		}
	}
	return false
}

// readDublinCore reads the DC.*, dc.* and dcterms.* tags, including the
// refinements Open Journal Systems writes (DC.Creator.PersonalName,
// DC.Source.ISSN, DC.Identifier.DOI, DC.Type.articleType).
func readDublinCore(r *reading, metas []meta) *source {
	s := newSource(dublinCoreName)
	a := &s.article
	dateValues := map[string]meta{}
	var description string
	for _, m := range metas {
		term, ok := dublinCoreTerm(m.name)
		if !ok {
			continue
		}
		s.metadata = true
		name, value := m.tag, m.content
		if isDublinCoreDate(term) {
			if _, seen := dateValues[term]; !seen && text.Clean(value) != "" {
				dateValues[term] = m
			}
			continue
		}
		switch term {
		case "title":
			if t := markupText(value); !s.setTitle(t, name) && t != "" && t != a.Title {
				r.unused(name, value)
			}
		case "creator", "creator.personalname":
			for _, one := range strings.Split(value, ";") {
				if author, ok := personName(one); ok {
					a.Authors = append(a.Authors, author)
				}
			}
		case "creator.corporatename":
			if organization := text.Clean(value); organization != "" {
				a.Authors = append(a.Authors, ld.Author{Kind: ld.OrganizationAuthor, Name: organization})
			}
		case "identifier", "identifier.doi", "identifier.uri", "identifier.url":
			r.dublinCoreIdentifier(s, name, value)
		case "identifier.pagenumber":
			if a.FirstPage == "" && a.ArticleNumber == "" {
				setPageRange(a, value)
			}
		case "publisher":
			r.setPublisher(s, name, value)
		case "language":
			r.setOnce(&a.Language, name, r.language(name, value))
		case "rights", "license", "rights.license":
			r.licenseFrom(a, name, value)
		case "rightsholder":
			if holder := text.Clean(value); holder != "" && a.Copyright == nil {
				a.Copyright = &ld.Copyright{Holder: holder}
			} else if holder != "" && a.Copyright.Holder == "" {
				a.Copyright.Holder = holder
			} else if holder != "" {
				r.unused(name, value)
			}
		case "abstract", "description.abstract":
			r.setOnce(&a.Abstract, name, markupText(value))
		case "description":
			if description == "" {
				description = markupText(value)
			}
		case "subject", "subject.keyword", "keywords":
			a.Keywords = appendUnique(a.Keywords, splitOn(value, ";")...)
		case "type":
			if kind, ok := r.articleType(name, value); ok && a.Type == "" {
				a.Type = kind
			}
		case "type.articletype":
			r.setOnce(&a.Section, name, text.Clean(value))
		case "source", "ispartof", "relation.ispartof":
			if isURL(value) {
				r.unused(name, value)
			} else {
				r.setOnce(&s.journal().Title, name, text.Clean(value))
			}
		case "source.issn":
			s.addISSN(r.issn(name, value), "")
		case "source.volume":
			r.setOnce(&a.Volume, name, text.Clean(value))
		case "source.issue":
			r.setOnce(&a.Issue, name, text.Clean(value))
		case "bibliographiccitation", "identifier.bibliographiccitation":
			r.setOnce(&a.Citation, name, text.Clean(value))
		default:
			r.unused(name, value)
		}
	}
	if a.Abstract == "" {
		a.Abstract = description
	} else if description != "" && description != a.Abstract {
		r.unused("DC.description", description)
	}
	for _, dateField := range dublinCoreDates {
		for _, term := range dateField.terms {
			m, ok := dateValues[term]
			if !ok {
				continue
			}
			if s.hasDate(dateField.field) {
				current := *s.dateField(dateField.field)
				if parsed, err := dates.Parse(m.content); err != nil || current.IsZero() || !sameDate(parsed, current) {
					r.unused(m.tag, m.content)
				}
				continue
			}
			r.date(s, dateField.field, m.tag, r.lines.Position(m.offset), m.content)
		}
	}
	return s
}

// dublinCoreIdentifier reads an identifier: a DOI in any of its forms, or
// the URL of the landing page.
func (r *reading) dublinCoreIdentifier(s *source, name, value string) {
	value = text.Clean(value)
	switch {
	case value == "":
	case looksLikeDOI(value) || strings.HasSuffix(name, ".doi"):
		r.addDOI(s, name, value)
	case isURL(value):
		r.setOnce(&s.article.URL, name, r.url(name, value))
	default:
		r.unused(name, value)
	}
}

// looksLikeDOI reports whether value is written as a DOI rather than as
// another identifier or a URL of the page.
func looksLikeDOI(value string) bool {
	lower := strings.ToLower(value)
	for _, prefix := range []string{"10.", "doi:", "info:doi/", "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/"} {
		if strings.HasPrefix(lower, prefix) {
			return true
		}
	}
	return false
}

func isURL(value string) bool {
	lower := strings.ToLower(strings.TrimSpace(value))
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// splitOn splits value on separator and cleans each part.
func splitOn(value, separator string) []string {
	var parts []string
	for _, part := range strings.Split(value, separator) {
		if part = text.Clean(part); part != "" {
			parts = append(parts, part)
		}
	}
	return parts
}

// prismTerm returns the term of a PRISM meta name, lower cased and without
// its prefix: "prism.eIssn" gives "eissn".
func prismTerm(name string) (string, bool) {
	for _, prefix := range []string{"prism.", "prism:"} {
		if rest, found := strings.CutPrefix(name, prefix); found && rest != "" {
			return rest, true
		}
	}
	return "", false
}

// readPRISM reads the prism.* tags. prism.issn is the print ISSN when the
// page also gives a different prism.eIssn; alone, its kind is unknown, as
// many publishers put the electronic ISSN there.
func readPRISM(r *reading, metas []meta) *source {
	s := newSource(prismName)
	a := &s.article
	var issns []string
	var eISSN, firstPage, lastPage, pageRange string
	var publication, cover meta
	for _, m := range metas {
		term, ok := prismTerm(m.name)
		if !ok {
			continue
		}
		s.metadata = true
		name, value := m.tag, m.content
		switch term {
		case "publicationname":
			r.setOnce(&s.journal().Title, name, text.Clean(value))
		case "issn":
			for _, one := range strings.FieldsFunc(value, isListSeparator) {
				issns = appendUnique(issns, r.issn(name, one))
			}
		case "eissn":
			if eISSN == "" {
				eISSN = r.issn(name, value)
			}
		case "volume":
			r.setOnce(&a.Volume, name, text.Clean(value))
		case "number", "issueidentifier":
			r.setOnce(&a.Issue, name, text.Clean(value))
		case "startingpage":
			r.setOnce(&firstPage, name, text.Clean(value))
		case "endingpage":
			r.setOnce(&lastPage, name, text.Clean(value))
		case "pagerange":
			r.setOnce(&pageRange, name, text.Clean(value))
		case "doi":
			r.addDOI(s, name, value)
		case "url":
			r.setOnce(&a.URL, name, r.url(name, value))
		case "publicationdate":
			if publication.name == "" {
				publication = m
			}
		case "coverdate":
			if cover.name == "" {
				cover = m
			}
		case "section":
			r.setOnce(&a.Section, name, text.Clean(value))
		case "copyright":
			if statement := text.Clean(value); statement != "" && a.Copyright == nil {
				a.Copyright = &ld.Copyright{Statement: statement}
			} else if statement != "" {
				r.unused(name, value)
			}
		case "keyword":
			a.Keywords = appendUnique(a.Keywords, splitOn(value, ";")...)
		case "genre":
			if kind, ok := r.articleType(name, value); ok && a.Type == "" {
				a.Type = kind
			}
		default:
			r.unused(name, value)
		}
	}
	for _, issn := range issns {
		kind := ld.ISSNKind("")
		if eISSN != "" && eISSN != issn {
			kind = ld.PrintISSN
		}
		s.addISSN(issn, kind)
	}
	s.addISSN(eISSN, ld.ElectronicISSN)
	if firstPage == "" && lastPage == "" {
		setPageRange(a, pageRange)
	} else {
		setPages(a, firstPage, lastPage)
	}
	r.prismDates(s, publication, cover)
	return s
}

// prismDates reads prism.publicationDate as the first publication and
// prism.coverDate, the date of the issue, as the print date when it is a
// different date; alone, the cover date is the publication date.
func (r *reading) prismDates(s *source, publication, cover meta) {
	if publication.name != "" {
		r.date(s, datePublished, publication.tag, r.lines.Position(publication.offset), publication.content)
	}
	if cover.name == "" {
		return
	}
	if publication.name == "" {
		r.date(s, datePublished, cover.tag, r.lines.Position(cover.offset), cover.content)
		return
	}
	coverDate, err := dates.Parse(cover.content)
	if err != nil {
		r.date(s, datePublishedPrint, cover.tag, r.lines.Position(cover.offset), cover.content)
		return
	}
	if !sameDate(coverDate, s.article.Dates.Published) {
		s.setDate(datePublishedPrint, coverDate, cover.tag)
	}
}
