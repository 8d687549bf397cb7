// Package reader holds what every reader of outside metadata shares: the
// result of reading one record, and the warnings a reader gives for what
// the source has that the article model cannot hold.
//
// Each format has a package of its own below this one (crossref, jats,
// html, csl, bibtex, ris, datacite, openalex). A reader is pure: bytes in, articles out, no
// network, no state between calls. It never invents: what the source lacks
// stays empty in the ld.Article.
package reader

import (
	"fmt"

	"github.com/scholarld/scholarld/ld"
)

// Record is one article read from an input, or the error that stopped it.
// A multi-record input (a Crossref items list, a RIS or BibTeX file) gives
// one Record per entry, so that a bad entry rejects only itself.
type Record struct {
	// Index is the record's place in the input, from 0.
	Index int
	// Pos is where the record starts in the input, when known.
	Pos      ld.Position
	Article  *ld.Article
	Warnings []Warning
	// Err is set when the record could not be read; Article is then nil.
	Err error
}

// Warning names something the source holds that the model cannot, or a
// value that was repaired on the way in. It is reported, never fatal.
type Warning struct {
	// Path locates the value in the source's own terms: "message.funder",
	// "article-meta/funding-group", "citation_conference_title".
	Path string
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("%s: %s", w.Path, w.Msg) }

// SyntaxError is input that breaks its format's grammar, with the place
// where reading stopped. Every reader returns it, for the whole input
// (malformed JSON or XML) or, in a record's Err, for one entry (a BibTeX
// entry, a RIS record).
type SyntaxError struct {
	// Format names the reader and starts the message: "csl", "jats".
	Format string
	Pos    ld.Position
	Err    error
	// PosFirst puts the position before the format name, as the XML and
	// HTML readers write it ("in.xml:2:8: jats: ..."); otherwise it comes
	// after ("csl: in.json:2:8: ...").
	PosFirst bool
}

func (e *SyntaxError) Error() string {
	pos := e.Pos.String()
	switch {
	case pos == "":
		return e.Format + ": " + e.Err.Error()
	case e.PosFirst:
		return pos + ": " + e.Format + ": " + e.Err.Error()
	default:
		return e.Format + ": " + pos + ": " + e.Err.Error()
	}
}

func (e *SyntaxError) Unwrap() error { return e.Err }
