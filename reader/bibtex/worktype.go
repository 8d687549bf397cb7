package bibtex

import (
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
)

// This file reads BibTeX's and biblatex's entry types into the model's
// work types (docs/readers.md, "Work types") with the book, series, event
// or institution they name.

// entryTypes maps entry types (BibTeX's and biblatex's, lower case) to
// work types; an entry type not here is read as an article, with a
// warning.
var entryTypes = map[string]ld.ArticleType{
	"article":       "",
	"periodical":    "",
	"inproceedings": ld.ConferencePaper,
	"conference":    ld.ConferencePaper, // BibTeX's synonym of @inproceedings
	"incollection":  ld.BookChapter,
	"inbook":        ld.BookChapter,
	"bookinbook":    ld.BookChapter,
	"techreport":    ld.Report,
	"report":        ld.Report, // biblatex
}

// workFields are the fields of books, series, events and reports.
var workFields = map[string]bool{
	"booktitle": true, "editor": true, "isbn": true, "series": true, "institution": true,
	"eventtitle": true, "venue": true, "eventdate": true, "type": true, "organization": true,
	"eprint": true, "eprinttype": true, "archiveprefix": true,
}

var workingPaper = regexp.MustCompile(`(?i)\bworking[ -]paper\b`)

func (b *builder) setWorkType(e *entry) {
	if t, ok := entryTypes[e.kind]; ok {
		b.article.Type = t
		return
	}
	if e.kind != "misc" && e.kind != "online" && e.kind != "unpublished" {
		b.warn("@"+e.kind, "entry type @%s is not a work type scholarld maps: read as an article", e.kind)
	}
}

// finishContainer settles what the work appears in once every field is
// read: a journal, a book (booktitle, editor, isbn) with the event of a
// conference paper, a report's institution and series. An arXiv e-print
// without a journal is a preprint.
func (b *builder) finishContainer(kind string) {
	b.readEprint(kind)
	switch b.article.Type {
	case ld.ConferencePaper, ld.BookChapter:
		b.finishBook()
	case ld.Report:
		b.finishReport()
	case ld.Preprint:
		b.workPublisher(b.publisher)
	default:
		b.finishJournal()
		if b.number != nil {
			b.warn(b.number.name, "number %q of a @%s is a report or series number, not an issue: not kept", b.plain(b.number), kind)
		}
		if f := b.work["editor"]; f != nil {
			b.article.Editors = b.names(f)
		}
		b.unheld("booktitle", "isbn", "series", "institution", "eventtitle", "venue", "eventdate", "type", "organization")
		return
	}
	if b.journal != nil || b.journalTitle != nil {
		b.warn("journal", "not kept: a @%s is not read as part of a journal", kind)
	}
	if len(b.issns) > 0 && b.article.Series == nil {
		b.warn("issn", "not kept: the entry names no series")
	}
}

// readEprint reads biblatex's eprint with eprinttype (or BibTeX's
// archivePrefix, as arXiv exports it) arxiv: an arXiv identifier, and an
// entry outside a journal, book or report is the preprint.
func (b *builder) readEprint(kind string) {
	f := b.work["eprint"]
	if f == nil {
		return
	}
	scheme := b.work["eprinttype"]
	if scheme == nil {
		scheme = b.work["archiveprefix"]
	}
	if scheme == nil || !strings.EqualFold(b.plain(scheme), "arxiv") {
		b.warn(f.name, "e-print %q not kept: only arXiv identifiers are", b.plain(f))
		return
	}
	id := ld.Identifier{Scheme: ld.ArXiv, Value: strings.TrimPrefix(strings.TrimSpace(b.plain(f)), "arXiv:")}
	if err := ld.CheckIdentifier(id); err != nil {
		b.warn(f.name, "dropped: arXiv identifier %q: %v", id.Value, err)
		return
	}
	b.article.Identifiers = append(b.article.Identifiers, id)
	if b.article.Type == "" && b.journal == nil && b.journalTitle == nil && (kind == "misc" || kind == "online" || kind == "article" || kind == "unpublished") {
		b.article.Type = ld.Preprint
		if b.publisher == nil {
			b.article.Publisher = &ld.Publisher{Name: "arXiv"}
		}
	}
}

func (b *builder) finishBook() {
	b.workPublisher(b.publisher)
	if f := b.work["booktitle"]; f != nil && b.plain(f) != "" {
		book := &ld.Book{Title: b.plain(f)}
		if e := b.work["editor"]; e != nil {
			book.Editors = b.names(e)
		}
		if f := b.work["isbn"]; f != nil {
			for _, raw := range strings.FieldsFunc(b.plain(f), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
				if isbn, err := ident.NormalizeISBN(raw); err == nil {
					book.ISBNs = append(book.ISBNs, isbn)
				} else {
					b.warn(f.name, "dropped: %v", err)
				}
			}
		}
		b.article.Book = book
	} else {
		b.warn("booktitle", "no booktitle names the book: its editors and ISBN are not kept")
	}
	b.finishSeries()
	if b.number != nil {
		b.warn(b.number.name, "number %q in the series not kept", b.plain(b.number))
	}
	if f := b.work["eventtitle"]; f != nil && b.article.Type == ld.ConferencePaper {
		event := &ld.Event{Name: b.plain(f)}
		if v := b.work["venue"]; v != nil {
			event.Place = b.plain(v)
		}
		b.article.Event = event
		b.unheld("eventdate")
	} else {
		b.unheld("eventtitle", "venue", "eventdate")
	}
	b.unheld("institution", "type", "organization")
}

// finishReport reads a report: institution is its publisher (BibTeX's
// @techreport has no publisher field), number its report number, and a
// type that says "working paper" makes it one.
func (b *builder) finishReport() {
	if f := b.work["type"]; f != nil && workingPaper.MatchString(b.plain(f)) {
		b.article.Type = ld.WorkingPaper
	}
	publisher := b.work["institution"]
	if publisher == nil {
		publisher = b.publisher
	} else if b.publisher != nil {
		b.warn(b.publisher.name, "not kept: the institution %q is the report's publisher", b.plain(publisher))
	}
	b.workPublisher(publisher)
	if b.number != nil {
		b.article.ReportNumber = b.plain(b.number)
	}
	b.finishSeries()
	if f := b.work["editor"]; f != nil {
		b.article.Editors = b.names(f)
	}
	b.unheld("booktitle", "isbn", "eventtitle", "venue", "eventdate", "organization")
}

func (b *builder) finishSeries() {
	if f := b.work["series"]; f != nil && b.plain(f) != "" {
		b.article.Series = &ld.Series{Title: b.plain(f), ISSNs: b.issns}
	}
}

// workPublisher keeps the publisher (with its place) on a work outside a
// journal.
func (b *builder) workPublisher(f *field) {
	if f == nil || b.plain(f) == "" {
		if b.place != nil {
			b.warn(b.place.name, "not kept: a place without a publisher")
		}
		return
	}
	b.article.Publisher = &ld.Publisher{Name: b.plain(f)}
	if b.place != nil {
		b.article.Publisher.Address = &ld.Address{City: b.plain(b.place)}
	}
}

// unheld reports the work fields given that the entry's type does not use.
func (b *builder) unheld(names ...string) {
	for _, name := range names {
		if f := b.work[name]; f != nil {
			b.warn(f.name, "field not held by the model for this entry type: %q", b.plain(f))
		}
	}
}
