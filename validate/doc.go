// Package validate checks article metadata and the linked data made from
// it, for the `scholarld validate` command.
//
// Data flow: Validate takes the bytes of one input and its name. An input
// that a reader of package reader/formats reads (the record format and the
// readers beside it) gives articles: each is checked by the record rules
// (ld.Check's errors, each turned into a finding with a rule name, and the
// rules ld.Check has not: authors, a publication date, licences), then
// mapped with ld.Map in the full profile. JSON-LD (read with json-gold,
// offline, through the official schema.org context, embedded), Turtle
// (package ld/turtle), N-Triples and N-Quads (a line parser of its own,
// nquads.go) give a graph directly. Every graph goes through the
// vocabulary rules (terms defined, schema.org domains and ranges,
// schema:Review, DC elements) against a Vocabulary, and then through the
// consumer profiles asked for (google, scholar, triplestore) on each
// article node (schema:Article, a subclass, or schema:Chapter). The
// result is a Report of Findings, each with a severity, the rule's name,
// where it is (a record's field path, or a node and a property, with a
// line and column when known) and a one-line fix.
// WriteText, WriteJSON and WriteSARIF write reports.
//
// Run is the streaming form that the command uses, and Validate is Run
// over one input in memory: an input is cut into units checked on their
// own (a named graph of N-Quads, an article of N-Triples or Turtle, a
// line of JSON Lines, a chunk of a record reader), the units are checked
// on Options.Workers goroutines, and a Writer (NewTextWriter,
// NewJSONWriter, NewSARIFWriter) receives the findings in input order,
// then each input's Summary. docs/validate-streaming.md says which checks
// see what.
//
// The Vocabulary starts from vocab.nt.gz, embedded: the whole schema.org
// 30.0 release reduced to the term table the rules use, with the terms of
// DCMI, BIBO, FaBiO, PRO and SCoRO, generated from testdata/vocab by a
// test. An undefined term is reported with the nearest defined one
// (Vocabulary.Nearest); AddNTriples adds a vocabulary, or replaces the
// schema.org release with another.
package validate
