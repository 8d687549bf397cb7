package csl

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// This file reads CSL 1.0.2's item types into the model's work types
// (docs/readers.md, "Work types") and the containers they come in.

var (
	preprintGenre     = regexp.MustCompile(`(?i)\bpre-?print\b`)
	workingPaperGenre = regexp.MustCompile(`(?i)\bworking[ -]paper\b`)
)

// readType maps the CSL type, refined by genre: CSL 1.0.2's "article" is
// a work posted on a platform (preprints, working papers), but tools
// before 1.0.2 wrote it for journal articles too, so an "article" in a
// container-title that no genre calls a preprint stays a journal article.
func (it *item) readType() {
	kind, _ := it.scalarField("type")
	genre, _ := it.scalarField("genre")
	container, _ := it.firstString("container-title")
	switch kind {
	case "", "article-journal", "article-magazine", "article-newspaper":
	case "article":
		switch {
		case workingPaperGenre.MatchString(genre):
			it.art.Type = ld.WorkingPaper
		case preprintGenre.MatchString(genre) || container == "":
			it.art.Type = ld.Preprint
		}
	case "review-book":
		it.art.Type = ld.BookReview
	case "paper-conference":
		it.art.Type = ld.ConferencePaper
	case "chapter":
		it.art.Type = ld.BookChapter
	case "report":
		it.art.Type = ld.Report
		if workingPaperGenre.MatchString(genre) {
			it.art.Type = ld.WorkingPaper
		}
	default:
		it.warn("type", "%q is not a work type scholarld maps; read as an article of unstated type", kind)
	}
}

// readContainer reads what the work appears in: a journal, or for a
// conference paper or chapter the book (container-title, ISBN, editor)
// and the event, for a report its series (collection-title, else
// container-title). A work outside a journal keeps the publisher itself.
func (it *item) readContainer() {
	switch it.art.Type {
	case ld.ConferencePaper, ld.BookChapter:
		it.readBook()
	case ld.Report, ld.WorkingPaper:
		it.readSeries()
	case ld.Preprint:
		if title, _ := it.firstString("container-title"); title == "" {
			it.readPublisher()
			break
		}
		fallthrough
	default:
		it.readJournal()
		it.art.Editors = it.readNames("editor")
		for _, key := range []string{"ISBN", "collection-title", "event-title", "event", "event-place", "event-date"} {
			if v := it.obj.get(key); !v.isEmpty() {
				it.warn(key, "not kept: the work is not read as part of a book, series or conference")
			}
		}
	}
}

func (it *item) readPublisher() {
	publisher, _ := it.scalarField("publisher")
	place, _ := it.scalarField("publisher-place")
	if publisher = text.Clean(publisher); publisher == "" {
		if place != "" {
			it.warn("publisher-place", "no publisher to hold the place; dropped")
		}
		return
	}
	it.art.Publisher = &ld.Publisher{Name: publisher}
	if place = text.Clean(place); place != "" {
		it.art.Publisher.Address = &ld.Address{City: place}
	}
}

func (it *item) readBook() {
	it.readPublisher()
	title, _ := it.firstString("container-title")
	editors := it.readNames("editor")
	if title = text.Clean(markup.FromHTML(title)); title == "" {
		if v := it.obj.get("ISBN"); !v.isEmpty() || len(editors) > 0 {
			it.warn("container-title", "no container-title names the book: its ISBN and editors are dropped")
		}
	} else {
		it.art.Book = &ld.Book{Title: title, Editors: editors}
		isbns, _ := it.scalarField("ISBN")
		for _, raw := range splitIdentifiers(isbns) {
			isbn, err := ident.NormalizeISBN(raw)
			if err != nil {
				it.warn("ISBN", "dropped: %v", err)
				continue
			}
			it.art.Book.ISBNs = append(it.art.Book.ISBNs, isbn)
		}
	}
	if series, _ := it.firstString("collection-title"); series != "" {
		it.art.Series = &ld.Series{Title: text.Clean(series)}
	}
	name, _ := it.scalarField("event-title")
	if name == "" {
		name, _ = it.scalarField("event") // CSL 1.0.1's name of event-title
	}
	place, _ := it.scalarField("event-place")
	if name = text.Clean(name); name == "" || it.art.Type != ld.ConferencePaper {
		for _, key := range []string{"event-place", "event-date"} {
			if v := it.obj.get(key); !v.isEmpty() {
				it.warn(key, "not kept: no event-title names the event of a conference paper")
			}
		}
		return
	}
	it.art.Event = &ld.Event{Name: name, Place: text.Clean(place), StartDate: it.readDate("event-date")}
}

func (it *item) readSeries() {
	it.readPublisher()
	title, _ := it.firstString("collection-title")
	if title == "" {
		title, _ = it.firstString("container-title")
	}
	if title = text.Clean(markup.FromHTML(title)); title != "" {
		it.art.Series = &ld.Series{Title: title, ISSNs: it.readISSNs()}
	}
	for _, key := range []string{"ISBN", "event-title", "event", "event-place", "event-date"} {
		if v := it.obj.get(key); !v.isEmpty() {
			it.warn(key, "not kept: a report is not read as part of a book or conference")
		}
	}
	it.art.Editors = it.readNames("editor")
}

// splitIdentifiers splits a field holding several identifiers ("978… 978…",
// "978…, 978…").
func splitIdentifiers(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
}
