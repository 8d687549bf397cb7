package crossref

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/dates"
)

// This file reads Crossref's work types into the model's
// (docs/readers.md, "Work types"): a preprint, a conference paper in its
// proceedings, a report or working paper in its series, a book chapter in
// its book. Crossref's own list of types is the REST API's /types; the
// XML schema's posted_content@type gives the kinds of posted content.

// jsonWorkTypes maps the REST API's type; posted-content is refined by
// its subtype (postedContentTypes). A type not here is read as an article
// with a warning.
var jsonWorkTypes = map[string]ld.ArticleType{
	"journal-article":     "",
	"proceedings-article": ld.ConferencePaper,
	"report":              ld.Report,
	"book-chapter":        ld.BookChapter,
}

// postedContentTypes maps posted_content@type (the REST API's subtype of
// posted-content); the schema's default is preprint.
var postedContentTypes = map[string]ld.ArticleType{
	"":              ld.Preprint,
	"preprint":      ld.Preprint,
	"working_paper": ld.WorkingPaper,
	"report":        ld.Report,
}

// setWorkType sets the article's type from Crossref's type and subtype,
// and reports a type the model does not have.
func (b *builder) setWorkType(path, kind, subtype string) {
	if kind == "posted-content" {
		if t, ok := postedContentTypes[subtype]; ok {
			b.art.Type = t
			return
		}
		b.warn(path, "posted content of type %q is not a work type scholarld maps; read as an article", subtype)
		return
	}
	if t, ok := jsonWorkTypes[kind]; ok {
		b.art.Type = t
		return
	}
	b.warn(path, "type %q is not a work type scholarld maps; read as an article", kind)
}

// settleContainer makes the container a journal only for works that
// appear in journals: the proceedings of a conference paper and the book
// of a chapter are a Book, the container of a report its Series. The
// container's publisher is then the work's. It reports whether it
// settled the container.
func (b *builder) settleContainer(path string) bool {
	j := b.art.Journal
	if j == nil {
		return false
	}
	switch b.art.Type {
	case ld.ConferencePaper, ld.BookChapter:
		b.art.Journal = nil
		b.keepPublisher(j.Publisher)
		if j.Title == "" {
			b.warnISSNs(path, j, "the record names no book")
			return true
		}
		b.art.Book = &ld.Book{Title: j.Title}
		b.warnISSNs(path, j, "a book's series is not named by the record")
	case ld.Report, ld.WorkingPaper:
		b.art.Journal = nil
		b.keepPublisher(j.Publisher)
		if j.Title == "" {
			b.warnISSNs(path, j, "the record names no series")
			return true
		}
		b.art.Series = &ld.Series{Title: j.Title}
		for _, issn := range j.ISSNs {
			b.art.Series.ISSNs = append(b.art.Series.ISSNs, ld.ISSN{Value: issn.Value})
		}
	default:
		return false
	}
	return true
}

func (b *builder) keepPublisher(p *ld.Publisher) {
	if p != nil && b.art.Publisher == nil {
		b.art.Publisher = p
	}
}

func (b *builder) warnISSNs(path string, j *ld.Journal, why string) {
	for _, issn := range j.ISSNs {
		b.warn(path, "ISSN %s not kept: %s", issn.Value, why)
	}
}

// addISBN adds an ISBN to the work's book; a work not in a book keeps
// none.
func (b *builder) addISBN(path, raw string) {
	if raw = clean(raw); raw == "" {
		return
	}
	if b.art.Book == nil {
		b.warn(path, "ISBN %q not kept: the work is not read as part of a book", raw)
		return
	}
	isbn, err := ident.NormalizeISBN(raw)
	if err != nil {
		b.warn(path, "dropped: %v", err)
		return
	}
	for _, have := range b.art.Book.ISBNs {
		if have == isbn {
			return
		}
	}
	b.art.Book.ISBNs = append(b.art.Book.ISBNs, isbn)
}

// setServer keeps the server or repository of posted content (its
// institution) as the work's publisher when the record names no other,
// and reports it otherwise.
func (b *builder) setServer(path, name string) {
	publisher := b.art.Publisher
	if j := b.art.Journal; j != nil && j.Publisher != nil {
		publisher = j.Publisher // a work in a journal has the journal's publisher only
	}
	switch name = clean(name); {
	case name == "":
	case publisher == nil:
		b.art.Publisher = &ld.Publisher{Name: name}
	case publisher.Name != name:
		b.warn(path, "institution %q not kept: the publisher is %q", name, publisher.Name)
	}
}

type jsonEvent struct {
	Name     string     `json:"name"`
	Acronym  string     `json:"acronym"`
	Location string     `json:"location"`
	Start    jsonDate   `json:"start"`
	End      jsonDate   `json:"end"`
	Theme    stringList `json:"theme"`
}

// readWorkType reads the type and subtype; readJournal then reads the
// container as the type has it.
func (w *jsonWork) readWorkType() {
	var kind, subtype string
	w.get("type", &kind)
	w.get("subtype", &subtype)
	if kind != "" {
		w.b.setWorkType(w.path("type"), kind, subtype)
	}
}

// readBookAndEvent reads the ISBNs of a book or proceedings, the event of
// a conference paper and the server of posted content. It runs after readJournal.
func (w *jsonWork) readBookAndEvent() {
	var kind string
	var institutions []struct {
		Name string `json:"name"`
	}
	if w.get("type", &kind) && kind == "posted-content" && w.get("institution", &institutions) {
		for i, inst := range institutions {
			w.b.setServer(fmt.Sprintf("%s[%d].name", w.path("institution"), i), inst.Name)
		}
	}
	var isbns stringList
	if w.get("ISBN", &isbns) {
		for i, isbn := range isbns {
			w.b.addISBN(fmt.Sprintf("%s[%d]", w.path("ISBN"), i), isbn)
		}
	}
	var types []jsonISSNType // isbn-type repeats the ISBNs with their media
	if w.get("isbn-type", &types) {
		for i, t := range types {
			w.b.addISBN(fmt.Sprintf("%s[%d].value", w.path("isbn-type"), i), t.Value)
		}
	}
	var event jsonEvent
	if !w.get("event", &event) {
		return
	}
	if w.b.art.Type != ld.ConferencePaper || clean(event.Name) == "" {
		w.b.warn(w.path("event"), "event %q not kept: only a conference paper with a named event has one", clean(event.Name))
		return
	}
	e := &ld.Event{Name: clean(event.Name), Acronym: clean(event.Acronym), Place: clean(event.Location)}
	e.StartDate = w.eventDate(w.path("event.start"), event.Start)
	e.EndDate = w.eventDate(w.path("event.end"), event.End)
	if !e.StartDate.IsZero() && !e.EndDate.IsZero() && e.EndDate.Before(e.StartDate) {
		w.b.warn(w.path("event.end"), "end date %s before start date %s not kept", e.EndDate, e.StartDate)
		e.EndDate = ld.Date{}
	}
	w.b.art.Event = e
}

// eventDate reads an event's date-parts; a date that is not one is
// reported and left out.
func (w *jsonWork) eventDate(path string, d jsonDate) ld.Date {
	if len(d.DateParts) == 0 {
		return ld.Date{}
	}
	var parts []int
	for _, raw := range d.DateParts[0] {
		var value flexString
		if isEmpty(raw) || json.Unmarshal(raw, &value) != nil {
			break
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(value)))
		if err != nil {
			w.b.warn(path, "date part %q is not a whole number: date not kept", value)
			return ld.Date{}
		}
		parts = append(parts, n)
	}
	if len(parts) == 0 {
		return ld.Date{}
	}
	date, err := dates.FromParts(parts)
	if err != nil {
		w.b.warn(path, "date not kept: %v", err)
		return ld.Date{}
	}
	return date
}
