package html

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// pick returns the value of the first source, best first, for which get
// gives a value that is not empty, and that source.
func pick[T any](sources []*source, get func(*ld.Article) T, isEmpty func(T) bool) (T, *source) {
	for _, s := range sources {
		if value := get(&s.article); !isEmpty(value) {
			return value, s
		}
	}
	var zero T
	return zero, nil
}

func emptyString(s string) bool { return s == "" }

func pickString(sources []*source, get func(*ld.Article) string) string {
	value, _ := pick(sources, get, emptyString)
	return value
}

func pickPointer[T any](sources []*source, get func(*ld.Article) *T) *T {
	value, _ := pick(sources, get, func(p *T) bool { return p == nil })
	return value
}

func pickSlice[T any](sources []*source, get func(*ld.Article) []T) []T {
	value, _ := pick(sources, get, func(s []T) bool { return len(s) == 0 })
	return value
}

// journalOf returns the journal of a source article, or an empty one.
func journalOf(a *ld.Article) *ld.Journal {
	if a.Journal == nil {
		return &ld.Journal{}
	}
	return a.Journal
}

// record merges the sources, given best first, into one record: each
// field comes from the best source that has it. Sources that disagree
// about the title, the DOI or the publication date get a warning.
func (r *reading) record(file string, sources []*source) reader.Record {
	record := reader.Record{Pos: ld.Position{File: file, Line: 1, Column: 1}}
	a := &ld.Article{}
	var errs ld.ErrorList

	var titleSource *source
	a.Title, titleSource = pick(sources, func(a *ld.Article) string { return a.Title }, emptyString)
	if titleSource == nil {
		errs = append(errs, &ld.FieldError{Pos: record.Pos, Path: titleFieldOf(sources),
			Err: errors.New("no title: none in citation_title, schema.org name or headline, DC.title, og:title or <title>")})
	} else {
		r.disagreements(sources, titleSource, "title", func(a *ld.Article) string { return comparableTitle(a.Title) })
		if titleSource.name == titleName {
			r.warn(titleName, "the title comes from the <title> element, which may also name the site")
		}
	}
	var doiSource *source
	if a.DOI, doiSource = pick(sources, func(a *ld.Article) string { return a.DOI }, emptyString); doiSource != nil {
		r.disagreements(sources, doiSource, "doi", func(a *ld.Article) string { return strings.ToLower(a.DOI) })
	}
	errs = append(errs, r.mergeDates(sources, a)...)

	a.Type = ld.ArticleType(pickString(sources, func(a *ld.Article) string { return string(a.Type) }))
	a.OpenAccess = pickPointer(sources, func(a *ld.Article) *bool { return a.OpenAccess })
	if _, authorSource := pick(sources, func(a *ld.Article) []ld.Author { return a.Authors }, func(s []ld.Author) bool { return len(s) == 0 }); authorSource != nil {
		a.Authors, a.Affiliations = authorSource.article.Authors, authorSource.article.Affiliations
	}
	journal := ld.Journal{
		Title:        pickString(sources, func(a *ld.Article) string { return journalOf(a).Title }),
		Abbreviation: pickString(sources, func(a *ld.Article) string { return journalOf(a).Abbreviation }),
		ISSNs:        r.mergeISSNs(sources),
		Publisher:    pickPointer(sources, func(a *ld.Article) *ld.Publisher { return journalOf(a).Publisher }),
	}
	journal.Publisher = withAddress(sources, journal.Publisher)
	if journal.Title != "" || journal.Abbreviation != "" || len(journal.ISSNs) > 0 || journal.Publisher != nil {
		a.Journal = &journal
	}
	a.Publisher = withAddress(sources, pickPointer(sources, func(a *ld.Article) *ld.Publisher { return a.Publisher }))
	a.ReportNumber = pickString(sources, func(a *ld.Article) string { return a.ReportNumber })
	a.Series = pickPointer(sources, func(a *ld.Article) *ld.Series { return a.Series })
	a.Book = mergeBook(sources)
	a.Subtitle = pickString(sources, func(a *ld.Article) string { return a.Subtitle })
	a.AlternativeTitles = pickSlice(sources, func(a *ld.Article) []ld.AlternativeTitle { return a.AlternativeTitles })
	a.Identifiers = pickSlice(sources, func(a *ld.Article) []ld.Identifier { return a.Identifiers })
	a.Event = pickPointer(sources, func(a *ld.Article) *ld.Event { return a.Event })
	a.Editors = pickSlice(sources, func(a *ld.Article) []ld.Author { return a.Editors })
	a.Funding = pickSlice(sources, func(a *ld.Article) []ld.Funding { return a.Funding })
	a.Volume = pickString(sources, func(a *ld.Article) string { return a.Volume })
	a.Issue = pickString(sources, func(a *ld.Article) string { return a.Issue })
	if _, pageSource := pick(sources, func(a *ld.Article) string { return a.FirstPage + a.LastPage + a.ArticleNumber }, emptyString); pageSource != nil {
		a.FirstPage, a.LastPage, a.ArticleNumber = pageSource.article.FirstPage, pageSource.article.LastPage, pageSource.article.ArticleNumber
	}
	a.URL = pickString(sources, func(a *ld.Article) string { return a.URL })
	a.License = pickPointer(sources, func(a *ld.Article) *ld.License { return a.License })
	a.Copyright = pickPointer(sources, func(a *ld.Article) *ld.Copyright { return a.Copyright })
	a.Keywords = pickSlice(sources, func(a *ld.Article) []string { return a.Keywords })
	a.Section = pickString(sources, func(a *ld.Article) string { return a.Section })
	var abstractSource *source
	a.Abstract, abstractSource = pick(sources, func(a *ld.Article) string { return a.Abstract }, emptyString)
	if abstractSource != nil && abstractSource.name == descriptionName {
		r.warn(descriptionName, "the abstract is the page's description, the last resort: no citation_abstract, schema.org abstract, DC.description or og:description")
	}
	a.Language = pickString(sources, func(a *ld.Article) string { return a.Language })
	a.Files = pickSlice(sources, func(a *ld.Article) []ld.File { return a.Files })
	a.GraphicalAbstract = pickPointer(sources, func(a *ld.Article) *ld.Image { return a.GraphicalAbstract })
	a.Citation = pickString(sources, func(a *ld.Article) string { return a.Citation })
	a.References = pickSlice(sources, func(a *ld.Article) []ld.Reference { return a.References })

	a.Keywords = r.dropCodes("keywords", a.Keywords)
	if section := r.dropCodes("articleSection", []string{a.Section}); len(section) == 0 {
		a.Section = ""
	}
	r.fit(a)
	record.Warnings = r.warnings
	switch len(errs) {
	case 0:
		record.Article = a
	case 1:
		record.Err = errs[0]
	default:
		record.Err = errs
	}
	return record
}

// withAddress gives a publisher named by a source without its address
// (citation_publisher) the address another source gives the same name
// (the JSON-LD's PostalAddress).
func withAddress(sources []*source, p *ld.Publisher) *ld.Publisher {
	if p == nil || p.Address != nil {
		return p
	}
	for _, s := range sources {
		for _, other := range []*ld.Publisher{journalOf(&s.article).Publisher, s.article.Publisher} {
			if other != nil && other.Name == p.Name && other.Address != nil {
				return &ld.Publisher{Name: p.Name, Address: other.Address}
			}
		}
	}
	return p
}

// mergeBook merges a chapter's book or a conference paper's proceedings
// field by field: the title from the best source, the ISBNs of every
// source, the editors from the best source that names them (only the
// JSON-LD can).
func mergeBook(sources []*source) *ld.Book {
	bookOf := func(a *ld.Article) *ld.Book {
		if a.Book == nil {
			return &ld.Book{}
		}
		return a.Book
	}
	book := ld.Book{
		Title:   pickString(sources, func(a *ld.Article) string { return bookOf(a).Title }),
		Editors: pickSlice(sources, func(a *ld.Article) []ld.Author { return bookOf(a).Editors }),
	}
	for _, s := range sources {
		for _, isbn := range bookOf(&s.article).ISBNs {
			if !slices.Contains(book.ISBNs, isbn) {
				book.ISBNs = append(book.ISBNs, isbn)
			}
		}
	}
	if book.Title == "" && len(book.ISBNs) == 0 && len(book.Editors) == 0 {
		return nil
	}
	return &book
}

// mergeISSNs gathers the ISSNs of every source, best first: an ISSN that
// only one source gives (the embedded JSON-LD, say) is never lost. An
// ISSN given with a kind by one source and without by another keeps the
// kind.
func (r *reading) mergeISSNs(sources []*source) []ld.ISSN {
	var merged []ld.ISSN
	for _, s := range sources {
		for _, issn := range journalOf(&s.article).ISSNs {
			i := slices.IndexFunc(merged, func(m ld.ISSN) bool { return m.Value == issn.Value })
			switch {
			case i < 0:
				merged = append(merged, issn)
			case merged[i].Kind == "":
				merged[i].Kind = issn.Kind
			}
		}
	}
	return merged
}

// placeholderWords are values pages put in keyword and section fields
// that name no subject.
var placeholderWords = map[string]bool{
	"general": true, "misc": true, "miscellaneous": true, "other": true, "others": true,
	"none": true, "n/a": true, "na": true, "null": true, "undefined": true, "article": true,
}

// codeWords split a CamelCase, snake_case or kebab-case token into its
// words.
var codeWords = regexp.MustCompile(`[A-Z][a-z]+|[a-z]+`)

// codeTokens are tokens written as identifiers: CamelCase of two words
// or more ("OriginalPaper"), snake_case or kebab-case ("research_article").
var codeTokens = regexp.MustCompile(`^(?:[A-Z][a-z]+(?:[A-Z][a-z]+)+|[a-z]+(?:[_-][a-z]+)+)$`)

// articleTypeWords are the words publishers' article-type codes are made
// of. A code is an identifier made of them only, so that "PubMed",
// "GitHub" or "x-ray" stay keywords.
var articleTypeWords = map[string]bool{
	"original": true, "research": true, "review": true, "paper": true, "article": true,
	"brief": true, "communication": true, "letter": true, "editorial": true, "case": true,
	"report": true, "short": true, "rapid": true, "news": true, "comment": true,
	"correction": true, "erratum": true, "book": true, "conference": true, "proceedings": true,
	"mini": true, "perspective": true, "opinion": true, "technical": true, "note": true,
	"systematic": true, "meta": true, "analysis": true, "protocol": true, "data": true,
	"methods": true, "method": true, "commentary": true, "reply": true, "retraction": true,
}

// isCode reports whether a keyword or section is a code or a placeholder,
// not words a reader of the page would see as a subject: a placeholder
// word, or an identifier (CamelCase, snake_case, kebab-case) made only of
// article-type words ("OriginalPaper", "research_article").
func isCode(value string) bool {
	if placeholderWords[strings.ToLower(value)] {
		return true
	}
	if !codeTokens.MatchString(value) {
		return false
	}
	for _, word := range codeWords.FindAllString(value, -1) {
		if !articleTypeWords[strings.ToLower(word)] {
			return false
		}
	}
	return true
}

// dropCodes removes the values that are codes (isCode), with a warning.
func (r *reading) dropCodes(field string, values []string) []string {
	kept := values[:0:0]
	for _, v := range values {
		switch {
		case v == "":
		case isCode(v):
			r.warn(field, "%q dropped: a code or placeholder, not a subject", v)
		default:
			kept = append(kept, v)
		}
	}
	return kept
}

// titleFieldOf names the field that should have held the title: that of
// the best source with article metadata.
func titleFieldOf(sources []*source) string {
	for _, s := range sources {
		if !s.metadata {
			continue
		}
		switch s.name {
		case highwireName:
			return "citation_title"
		case jsonLDName:
			return "name"
		case dublinCoreName, prismName:
			return "DC.title"
		}
	}
	return "title"
}

// comparableTitle reduces a title to what two sources must agree on:
// its words, without markup, case or punctuation at the ends.
func comparableTitle(title string) string {
	var plain strings.Builder
	inTag := false
	for _, c := range title {
		switch {
		case c == '<':
			inTag = true
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			plain.WriteRune(c)
		}
	}
	return strings.ToLower(strings.Trim(text.Clean(plain.String()), " .:;"))
}

// disagreements warns about each source whose value of field, as compared
// by key, differs from the chosen source's. The <title> element is left
// out: it usually carries the site's name too.
func (r *reading) disagreements(sources []*source, chosen *source, field string, key func(*ld.Article) string) {
	want := key(&chosen.article)
	for _, s := range sources {
		if s == chosen || s.name == titleName {
			continue
		}
		if got := key(&s.article); got != "" && got != want {
			r.warn(s.origin[field], "%q differs from %s %q: kept %s",
				shorten(fieldValue(&s.article, field)), chosen.origin[field], shorten(fieldValue(&chosen.article, field)), chosen.origin[field])
		}
	}
}

func fieldValue(a *ld.Article, field string) string {
	if field == "title" {
		return a.Title
	}
	return a.DOI
}

// mergeDates fills each date from the best source that has it. A date
// that is not a date, in the best source that has one, is an error of the
// record; in a lesser source a warning.
func (r *reading) mergeDates(sources []*source, a *ld.Article) []error {
	var errs []error
	for _, field := range dateFields {
		var chosen *source
		for _, s := range sources {
			if !s.hasDate(field) {
				continue
			}
			if chosen == nil {
				chosen = s
				if err := s.dateErrs[field]; err != nil {
					errs = append(errs, err)
				}
				continue
			}
			if err := s.dateErrs[field]; err != nil {
				r.warn(err.Path, "dropped: %v", err.Err)
			}
		}
		if chosen == nil || chosen.dateErrs[field] != nil {
			continue
		}
		value := *chosen.dateField(field)
		*articleDate(a, field) = value
		if field != datePublished {
			continue
		}
		for _, s := range sources {
			if s == chosen || s.dateErrs[field] != nil {
				continue
			}
			if other := *s.dateField(field); !other.IsZero() && !sameDate(other, value) {
				r.warn(s.origin[field], "%s differs from %s %s: kept %s", other, chosen.origin[field], value, chosen.origin[field])
			}
		}
	}
	return errs
}

func articleDate(a *ld.Article, field string) *ld.Date {
	switch field {
	case datePublished:
		return &a.Dates.Published
	case datePublishedPrint:
		return &a.Dates.PublishedPrint
	case dateReceived:
		return &a.Dates.Received
	default:
		return &a.Dates.Accepted
	}
}

// fit drops, with a warning, what the merged article cannot hold as it
// stands: a journal without a title, a last page without a first, dates
// out of order, a print date that is the publication date.
func (r *reading) fit(a *ld.Article) {
	if a.Journal != nil && a.Journal.Title == "" && a.Journal.Publisher != nil {
		// A publisher without a journal is the work's (a preprint
		// server, a report's institution, a proceedings' publisher).
		if a.Publisher == nil {
			a.Publisher = a.Journal.Publisher
		}
		a.Journal.Publisher = nil
		if a.Journal.Abbreviation == "" && len(a.Journal.ISSNs) == 0 {
			a.Journal = nil
		}
	}
	if a.Journal != nil && a.Journal.Title == "" {
		var lost []string
		if a.Journal.Abbreviation != "" {
			lost = append(lost, "abbreviation "+strconv.Quote(a.Journal.Abbreviation))
		}
		for _, issn := range a.Journal.ISSNs {
			lost = append(lost, "ISSN "+issn.Value)
		}
		if a.Journal.Publisher != nil {
			lost = append(lost, "publisher "+strconv.Quote(a.Journal.Publisher.Name))
		}
		r.warn("journal", "no journal title: dropped %s", strings.Join(lost, ", "))
		a.Journal = nil
	}
	r.fitWork(a)
	if a.FirstPage == "" && a.LastPage != "" {
		r.warn("lastPage", "last page %q without a first page: dropped", a.LastPage)
		a.LastPage = ""
	}
	if isDigits(a.FirstPage) && isDigits(a.LastPage) && compareDigits(a.FirstPage, a.LastPage) > 0 {
		r.warn("lastPage", "last page %s is before the first page %s: dropped", a.LastPage, a.FirstPage)
		a.LastPage = ""
	}
	d := &a.Dates
	if !d.Accepted.IsZero() && d.Published.Before(d.Accepted) {
		r.warn("dates.accepted", "accepted %s after the publication %s: dropped", d.Accepted, d.Published)
		d.Accepted = ld.Date{}
	}
	if !d.Received.IsZero() {
		for _, later := range []ld.Date{d.Accepted, d.Published} {
			if !later.IsZero() && later.Before(d.Received) {
				r.warn("dates.received", "received %s after %s: dropped", d.Received, later)
				d.Received = ld.Date{}
				break
			}
		}
	}
	if !d.PublishedPrint.IsZero() && d.PublishedPrint == d.Published {
		d.PublishedPrint = ld.Date{}
	}
}

// readPage reads every source of a page, best first.
func readPage(r *reading, p *page) []*source {
	highwire := readHighwire(r, p.metas)
	scripts := readScripts(r, p.scripts)
	jsonLDSource := newSource(jsonLDName)
	if n, pos, ok := scripts.articleNode(r); ok {
		jsonLDSource = scripts.readNode(r, n, pos)
	}
	return []*source{
		highwire,
		jsonLDSource,
		readPRISM(r, p.metas),
		readDublinCore(r, p.metas),
		readPageLevel(r, p),
		readOpenGraph(r, p.metas),
		readTitleElement(p),
		readDescription(p.metas),
	}
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// compareDigits compares two decimal numbers of any length.
func compareDigits(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// fitWork drops, with a warning, the parts of a work beyond the journal
// article that the merged article cannot hold (ld.Check's rules): a work
// publisher beside the journal's, a report number on a work that is not a
// report, a book without a title, and a book (citation_inbook_title,
// citation_conference_title, citation_isbn) for a journal article, which
// is in its journal, not in a book.
func (r *reading) fitWork(a *ld.Article) {
	if a.Publisher != nil && a.Journal != nil && a.Journal.Publisher != nil {
		if a.Publisher.Name != a.Journal.Publisher.Name {
			r.warn("publisher", "%q dropped: the journal's publisher is %q", a.Publisher.Name, a.Journal.Publisher.Name)
		}
		a.Publisher = nil
	}
	if a.ReportNumber != "" && a.Type != ld.Report && a.Type != ld.WorkingPaper {
		r.warn("reportNumber", "%q dropped: only a report or a working paper has one", a.ReportNumber)
		a.ReportNumber = ""
	}
	if b := a.Book; b != nil {
		inBook := a.Type == ld.BookChapter || a.Type == ld.ConferencePaper || a.Journal == nil
		switch {
		case b.Title == "":
			r.warn("book", "a book without a title: dropped its ISBNs %s", strings.Join(b.ISBNs, ", "))
			a.Book = nil
		case !inBook:
			r.warn("book", "%q dropped: a journal article is in its journal, not in a book", b.Title)
			a.Book = nil
		}
	}
}
