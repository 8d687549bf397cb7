package ris

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// tagLine is one tag and its value, continuation lines included.
type tagLine struct {
	tag   string // upper case
	value string
	line  int
	more  []string // continuation lines, joined to value when the record ends
}

// rawRecord is the tag lines from one TY to its ER.
type rawRecord struct {
	pos      ld.Position
	lines    []tagLine
	err      error
	warnings []string
}

// tolerantTag is a tag line with the spacing around the dash wrong, as
// real exports write it: "TY -  BOOK", "AU -Smith", "ER -". It is read
// only for a known upper-case tag, so that a continuation line such as
// "UK - based" stays text.
var tolerantTag = regexp.MustCompile(`^([A-Z][A-Z0-9])(?:[ \t]+-[ \t]*|-(?:[ \t]+|$))(.*)$`)

// validTag is the shape of a tag: a letter and a letter or a digit.
var validTag = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]$`)

// badTag is a line with the "  - " of a tag line after something that is
// not a tag: "A  - ", "ABC  - ".
var badTag = regexp.MustCompile(`^\S{1,4}  -( |$)`)

// lineKind is what a line of the input is.
type lineKind int

const (
	textLine lineKind = iota // a continuation, or text outside records
	blankLine
	goodTagLine
	badTagLine
)

// classify reads one line (without its line break). The standard layout
// "XX  - value" is read for any tag, in either case; lower-case tags are
// upper-cased.
func classify(line string) (lineKind, string, string) {
	if strings.TrimSpace(line) == "" {
		return blankLine, "", ""
	}
	if len(line) >= 5 && line[2:5] == "  -" {
		if !validTag.MatchString(line[:2]) {
			return badTagLine, "", ""
		}
		return goodTagLine, strings.ToUpper(line[:2]), strings.TrimSpace(line[5:])
	}
	if m := tolerantTag.FindStringSubmatch(line); m != nil && knownTags[m[1]] != "" {
		return goodTagLine, m[1], strings.TrimSpace(m[2])
	}
	if badTag.MatchString(line) {
		return badTagLine, "", ""
	}
	return textLine, "", ""
}

// split cuts the input into records. Text outside records (the header
// lines some databases write) is skipped; a record that lacks its final
// ER ends at the next TY or at the end of the input, with a warning.
func split(src, file string) []rawRecord {
	var records []rawRecord
	var current *rawRecord
	finish := func(warning string) {
		if current == nil {
			return
		}
		if warning != "" {
			current.warnings = append(current.warnings, warning)
		}
		for i := range current.lines {
			if l := &current.lines[i]; len(l.more) > 0 {
				l.value += "\n" + strings.Join(l.more, "\n")
				l.more = nil
			}
		}
		records = append(records, *current)
		current = nil
	}
	// Lines end in CR LF as the specification asks, in LF, or in CR alone
	// as on the classic Mac OS.
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	for i, line := range strings.Split(src, "\n") {
		number := i + 1
		if i == 0 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		kind, tag, value := classify(line)
		pos := ld.Position{File: file, Line: number, Column: 1}
		switch {
		case kind == blankLine:
		case kind == goodTagLine && tag == "TY":
			finish(fmt.Sprintf("the record has no ER line: it ends before the TY at line %d", number))
			current = &rawRecord{pos: pos, lines: []tagLine{{tag: tag, value: value, line: number}}}
		case current == nil && kind == goodTagLine && tag != "ER":
			// A record without its TY: read to its end, then rejected.
			current = &rawRecord{pos: pos, err: &reader.SyntaxError{Format: "ris", PosFirst: true, Pos: pos, Err: fmt.Errorf("record starts with %s, not TY", tag)}}
		case current == nil:
			// Header text, or an ER with no record open.
		case kind == goodTagLine && tag == "ER":
			finish("")
		case kind == goodTagLine:
			current.lines = append(current.lines, tagLine{tag: tag, value: value, line: number})
		case kind == badTagLine:
			if current.err == nil {
				current.err = &reader.SyntaxError{Format: "ris", PosFirst: true, Pos: pos, Err: fmt.Errorf("malformed tag line %q: a tag is a letter and a letter or digit, then two spaces and a hyphen", truncate(line, 40))}
			}
		case len(current.lines) > 0:
			last := &current.lines[len(current.lines)-1]
			last.more = append(last.more, strings.TrimSpace(line))
		}
	}
	if current != nil {
		finish("the record has no ER line: it ends with the input")
	}
	return records
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
