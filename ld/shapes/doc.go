// Package shapes holds scholarld's application profile as SHACL shapes,
// scholarld.shacl.ttl: what ld.Map promises about the graph of one
// article (which classes, which properties on each, their datatypes,
// counts and patterns). Both vocabulary profiles conform; the DCMI, BIBO
// and PRO properties of the full profile are optional, and checked when
// present.
//
// Data flows from the file to two checkers. CI's .ci/check-outputs.mjs
// validates every golden output, and the outputs of every shared fixture
// the CLI can read, with rdf-validate-shacl. This package's test parses
// the file with rapper and checks that every class, property and datatype
// it names is defined by the vocabularies in testdata/vocab, that it uses
// only SHACL Core terms, that every shape explains itself (sh:name,
// sh:description, sh:message), and that its patterns accept and reject
// what they should.
//
// The package has no Go API: the shapes are data, read by SHACL
// processors.
package shapes
