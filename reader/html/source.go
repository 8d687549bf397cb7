package html

import (
	"slices"
	"strconv"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// source is what one kind of metadata on a page says about the article, as
// a partial ld.Article. The merge fills each field from the best source.
type source struct {
	// name names the kind of metadata in messages: "citation_*".
	name    string
	article ld.Article
	// origin names the source field each of title, doi and the dates
	// came from, for the messages about disagreeing sources.
	origin map[string]string
	// dateErrs holds, by date field, a value that is not a date.
	dateErrs map[string]*ld.FieldError
	// metadata is true when the source holds article metadata at all; a
	// page whose sources hold none is not an article.
	metadata bool
	// inSeries is true while reading a schema.org Report or a Book, whose
	// CreativeWorkSeries is a series, not a journal.
	inSeries bool
}

func newSource(name string) *source {
	return &source{name: name, origin: map[string]string{}, dateErrs: map[string]*ld.FieldError{}}
}

// The date fields of a source.
const (
	datePublished      = "published"
	datePublishedPrint = "publishedPrint"
	dateReceived       = "received"
	dateAccepted       = "accepted"
)

// dateFields lists the date fields in the order they are merged.
var dateFields = []string{datePublished, datePublishedPrint, dateReceived, dateAccepted}

func (s *source) dateField(field string) *ld.Date {
	switch field {
	case datePublished:
		return &s.article.Dates.Published
	case datePublishedPrint:
		return &s.article.Dates.PublishedPrint
	case dateReceived:
		return &s.article.Dates.Received
	default:
		return &s.article.Dates.Accepted
	}
}

// hasDate reports whether the field is set or holds an error already.
func (s *source) hasDate(field string) bool {
	return !s.dateField(field).IsZero() || s.dateErrs[field] != nil
}

func (s *source) setDate(field string, d ld.Date, from string) {
	*s.dateField(field) = d
	s.origin[field] = from
}

// setTitle sets the title unless one is set, remembering its field.
func (s *source) setTitle(value, from string) bool {
	if s.article.Title != "" || value == "" {
		return false
	}
	s.article.Title, s.origin["title"] = value, from
	return true
}

// journal returns the source's journal, creating it.
func (s *source) journal() *ld.Journal {
	if s.article.Journal == nil {
		s.article.Journal = &ld.Journal{}
	}
	return s.article.Journal
}

// book returns the source's book (a chapter's book, a conference paper's
// proceedings), creating it.
func (s *source) book() *ld.Book {
	if s.article.Book == nil {
		s.article.Book = &ld.Book{}
	}
	return s.article.Book
}

// addISBN adds an ISBN to the book unless it is there.
func (s *source) addISBN(value string) {
	if value != "" && !slices.Contains(s.book().ISBNs, value) {
		s.book().ISBNs = append(s.book().ISBNs, value)
	}
}

// setPublisher sets the journal's publisher unless one is set; a second,
// different publisher gets a warning.
func (r *reading) setPublisher(s *source, path, value string) {
	name := text.Clean(value)
	switch {
	case name == "":
	case s.article.Journal == nil || s.article.Journal.Publisher == nil:
		s.journal().Publisher = &ld.Publisher{Name: name}
	case s.article.Journal.Publisher.Name != name:
		r.unused(path, name)
	}
}

// addISSN adds an ISSN, or gives a kind to one already there.
func (s *source) addISSN(value string, kind ld.ISSNKind) {
	if value == "" {
		return
	}
	journal := s.journal()
	for i, issn := range journal.ISSNs {
		if issn.Value == value {
			if issn.Kind == "" {
				journal.ISSNs[i].Kind = kind
			}
			return
		}
	}
	journal.ISSNs = append(journal.ISSNs, ld.ISSN{Value: value, Kind: kind})
}

// affiliationID returns the ID of the affiliation, adding it when new.
// Affiliations are the same when their names and ROR IDs are.
func affiliationID(a *ld.Article, affiliation ld.Affiliation) string {
	for _, known := range a.Affiliations {
		if known.Name == affiliation.Name && known.ROR == affiliation.ROR && known.Department == affiliation.Department {
			return known.ID
		}
	}
	affiliation.ID = affiliationIDPrefix + strconv.Itoa(len(a.Affiliations)+1)
	a.Affiliations = append(a.Affiliations, affiliation)
	return affiliation.ID
}

const affiliationIDPrefix = "aff"

// setWorkPublisher sets the publisher of the work itself (a report's
// institution, a preprint server) unless one is set; a second, different
// one gets a warning.
func (r *reading) setWorkPublisher(s *source, path, value string) {
	name := text.Clean(value)
	switch {
	case name == "":
	case s.article.Publisher == nil:
		s.article.Publisher = &ld.Publisher{Name: name}
	case s.article.Publisher.Name != name:
		r.unused(path, name)
	}
}
