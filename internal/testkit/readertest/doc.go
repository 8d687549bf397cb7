// Package readertest holds the helpers the readers' tests share. It is an
// ordinary package so that the test files of reader/bibtex, reader/ris,
// reader/csl, reader/crossref and reader/jats can import it, but only test
// files import it: no reader's code depends on it.
//
// A test reads an input with ReadFile (the file from disk, the format's
// read function, a fatal failure when the input as a whole is rejected),
// takes the single record of a one-article input with Only, or compares
// every record of a multi-record input with a list of Want by
// CheckRecords. Every article a helper accepts has passed ld.Check.
package readertest
