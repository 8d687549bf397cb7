// Package turtle reads Turtle 1.1 (https://www.w3.org/TR/turtle/) into
// knakk/rdf triples, for validating Turtle that anyone wrote.
//
// knakk/rdf's own Turtle decoder does not resolve relative IRIs against
// the base (<../c> stays "http://ex.org/x/y/../c"), fails on valid Turtle
// such as schema.org's release file, and leaves a goroutine behind on each
// failed decode; this package replaces it for reading.
//
// Data flow: Parse scans the whole input once, byte by byte, keeping the
// line and column, and appends triples in document order. Blank nodes are
// relabelled b0, b1, ... in order of first appearance, so labels written
// in the input and those made for [ ] and ( ) never collide. A malformed
// input is a *SyntaxError at the line and column where it goes wrong.
//
// One limit of the term model: a knakk/rdf Literal cannot hold a language
// tag with more than one subtag ("zh-Hant-TW"), nor print one without a
// tag; such a literal keeps its value as an xsd:string and loses the tag.
package turtle
