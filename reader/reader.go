// Package reader holds what every reader of outside metadata shares: the
// result of reading one record, and the warnings a reader gives for what
// the source has that the article model cannot hold.
//
// Each format has a package of its own below this one (crossref, jats,
// html, csl, bibtex, ris). A reader is pure: bytes in, articles out, no
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
