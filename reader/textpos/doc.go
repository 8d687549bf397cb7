// Package textpos turns byte offsets into the line and column positions
// that readers put in their errors and warnings.
//
// A reader makes one Lines for its whole input, keeps the byte offset of
// each value it reads, and asks Lines for the ld.Position of an offset
// only when it reports something there. The table of line starts is
// built on the first such call, so an input read without a position
// asked for is never scanned for line breaks.
//
// JSONErrorOffset places an encoding/json syntax error on the offending
// byte, which is where a reader of JSON reports it; JSONMember finds where
// a top-level member's value starts, so that the items of a list inside
// it can be placed.
package textpos
