package ris

import (
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// This file reads the RIS reference types (TY) of the 2011 specification
// into the model's work types (docs/readers.md, "Work types"). The tags
// mean what the specification's per-type tables (and Zotero, its main
// writer and reader) say: for CPAPER and CONF, T2 is the conference's
// name, C3 the proceedings title, C1 the conference's place; for CHAP, T2
// (or BT) is the book's title; A2 and ED are editors, T3 the series and SN
// the ISBN; for RPRT, T2 is the series, PB the institution, SN the report
// number and M3 the report type.

// workTypes are the TY values of the work types the model holds beyond
// journal articles (articleTypes).
var workTypes = map[string]ld.ArticleType{
	"CPAPER": ld.ConferencePaper,
	"CONF":   ld.ConferencePaper, // "conference proceeding": Zotero writes its conference papers so
	"CHAP":   ld.BookChapter,
	"ECHAP":  ld.BookChapter,
	"RPRT":   ld.Report,
}

func (b *builder) setWorkType(l tagLine) {
	b.kind = strings.ToUpper(strings.TrimSpace(l.value))
	if t, ok := workTypes[b.kind]; ok {
		b.article.Type = t
		return
	}
	if !articleTypes[b.kind] {
		b.warn(l.tag, "reference type %q is not a work type scholarld maps: read as an article", l.value)
	}
}

// readWorkTag keeps the tags whose meaning depends on the work type, and
// reports whether it did: a journal article's T2 and SN are read as
// before.
func (b *builder) readWorkTag(l tagLine) bool {
	if _, ok := workTypes[b.kind]; !ok {
		return false
	}
	b.work[l.tag] = append(b.work[l.tag], l)
	return true
}

// finishContainer settles what the work appears in: a journal, a book
// (with a conference paper's event) or a report's series.
func (b *builder) finishContainer() {
	switch b.article.Type {
	case ld.ConferencePaper, ld.BookChapter:
		b.finishBook()
	case ld.Report:
		b.finishReport()
	default:
		b.finishJournal()
	}
}

func (b *builder) finishBook() {
	b.workPublisher()
	bookTags := []string{"T2", "BT"}
	if b.article.Type == ld.ConferencePaper {
		bookTags = []string{"C3", "BT"}
		if name := firstByTag(b.work["T2"], "T2"); name != "" {
			b.article.Event = &ld.Event{Name: name, Place: firstByTag(b.work["C1"], "C1")}
		}
	}
	var lines []tagLine
	for _, tag := range bookTags {
		lines = append(lines, b.work[tag]...)
	}
	title := firstByTag(lines, bookTags...)
	if title == "" {
		title = firstByTag(b.journals, "JF", "JO") // some writers name the proceedings as a journal
	}
	editors := b.editors()
	if title == "" {
		if len(editors) > 0 || len(b.work["SN"]) > 0 {
			b.warn("T2", "no title names the book: its editors and ISBN are not kept")
		}
	} else {
		b.article.Book = &ld.Book{Title: title, Editors: editors}
		for _, l := range b.work["SN"] {
			b.isbns(l)
		}
	}
	if series := firstByTag(b.work["T3"], "T3"); series != "" {
		b.article.Series = &ld.Series{Title: series}
	}
}

// isbns reads the ISBNs of one SN line into the book.
func (b *builder) isbns(l tagLine) {
	for _, token := range strings.FieldsFunc(qualifier.ReplaceAllString(l.value, " "), func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		if label := strings.ToUpper(strings.TrimSuffix(token, ":")); label == "ISBN" {
			continue
		}
		isbn, err := ident.NormalizeISBN(token)
		if err != nil {
			b.warn(l.tag, "dropped: %v", err)
			continue
		}
		b.article.Book.ISBNs = append(b.article.Book.ISBNs, isbn)
	}
}

func (b *builder) finishReport() {
	b.workPublisher()
	if series := firstByTag(b.work["T2"], "T2"); series != "" {
		b.article.Series = &ld.Series{Title: series}
	} else if series := firstByTag(b.work["T3"], "T3"); series != "" {
		b.article.Series = &ld.Series{Title: series}
	}
	b.article.ReportNumber = firstByTag(b.work["SN"], "SN")
	if kind := firstByTag(b.work["M3"], "M3"); workingPaperType(kind) {
		b.article.Type = ld.WorkingPaper
	}
	b.article.Editors = b.editors()
}

func workingPaperType(kind string) bool {
	return strings.Contains(strings.ToLower(kind), "working paper")
}

func (b *builder) editors() []ld.Author {
	var editors []ld.Author
	for _, tag := range []string{"A2", "ED"} {
		for _, l := range b.work[tag] {
			name := names.Parse(text.Clean(l.value))
			if name.Family == "" {
				name.Family, name.Given = name.Given, ""
			}
			if name.Family != "" {
				editors = append(editors, ld.Author{Given: name.Given, Family: name.Family, Suffix: name.Suffix})
			}
		}
	}
	return editors
}

// workPublisher keeps PB (and CY) on a work outside a journal.
func (b *builder) workPublisher() {
	publisher := firstByTag(b.publishers, "PB")
	place := firstByTag(b.places, "CY")
	if publisher == "" {
		if place != "" {
			b.warn("CY", "place %q not kept: the record names no publisher", place)
		}
		return
	}
	b.article.Publisher = &ld.Publisher{Name: publisher}
	if place != "" {
		b.article.Publisher.Address = &ld.Address{City: place}
	}
}
