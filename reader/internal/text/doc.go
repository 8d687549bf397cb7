// Package text normalises the short strings readers take from outside
// metadata: titles, names, journal and publisher names.
//
// A reader passes each such value through Clean after its format's own
// decoding (JSON, XML and HTML decoders already turn entities into
// characters; markup is converted by reader/internal/markup first). Clean
// gives the one form the article model keeps: Unicode NFC, each run of
// white space as a single space, nothing at either end.
//
// Language reads a language value written as a name or a tag (the
// BibTeX and RIS readers use it) into the BCP 47 tag the model keeps, and
// DecodeInput reads their whole input as UTF-8 (or UTF-16 by its
// byte-order mark) or, failing that, as Windows-1252, and names every
// repair it makes so that the reader can warn.
package text
