// Package text normalises the short strings readers take from outside
// metadata: titles, names, journal and publisher names.
//
// A reader passes each such value through Clean after its format's own
// decoding (JSON, XML and HTML decoders already turn entities into
// characters; markup is converted by reader/internal/markup first). Clean
// gives the one form the article model keeps: Unicode NFC, each run of
// white space as a single space, nothing at either end.
package text
