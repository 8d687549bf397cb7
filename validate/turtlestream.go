package validate

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"iter"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld/turtle"
	"github.com/scholarld/scholarld/vocab"
)

// Turtle streams statement by statement: a splitter finds where each
// statement ends (the '.' outside IRIs, strings, comments and brackets)
// without parsing; the directives before a statement make the header it
// is parsed with; and the article cutter groups the statements into
// articles, each parsed whole (ld/turtle) and checked in a worker, so
// that a blank node label names one node throughout its article. Blank
// nodes are labelled by ld/turtle, per article, in order of appearance.

// turtleStatement is one statement's text and where it starts.
type turtleStatement struct {
	text         []byte
	line, column int
	directive    bool
}

// splitTurtle yields the statements of Turtle input. A statement that
// never ends (an unclosed string, IRI or bracket) is yielded with the
// rest of the input, for the parser to report.
func splitTurtle(br *bufio.Reader) iter.Seq2[turtleStatement, error] {
	return func(yield func(turtleStatement, error) bool) {
		s := &turtleSplitter{r: br, line: 1, column: 1}
		for {
			st, err := s.next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					yield(st, err)
					return
				}
				if len(bytes.TrimSpace(st.text)) > 0 {
					yield(st, nil)
				}
				return
			}
			if !yield(st, nil) {
				return
			}
		}
	}
}

type turtleSplitter struct {
	r            *bufio.Reader
	line, column int
	buf          []byte
}

// read reads a byte into the statement, counting lines.
func (s *turtleSplitter) read() (byte, error) {
	c, err := s.r.ReadByte()
	if err != nil {
		return 0, err
	}
	s.buf = append(s.buf, c)
	if c == '\n' {
		s.line, s.column = s.line+1, 1
	} else {
		s.column++
	}
	return c, nil
}

// next reads one statement, with the white space and comments before it.
func (s *turtleSplitter) next() (turtleStatement, error) {
	s.buf = s.buf[:0]
	st := turtleStatement{line: s.line, column: s.column}
	depth := 0
	started := false // a non-space, non-comment byte has been read
	for {
		c, err := s.read()
		if err != nil {
			st.text = s.buf
			return st, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '#':
			if err := s.skipUntil('\n'); err != nil {
				st.text = s.buf
				return st, err
			}
			continue
		}
		if !started {
			started = true
			rest, _ := s.r.Peek(6)
			word := append([]byte{c}, rest...)
			if isSPARQLDirective(word) {
				st.directive = true
				if err := s.skipUntil('>'); err != nil { // PREFIX p: <iri> or BASE <iri>
					st.text = s.buf
					return st, err
				}
				st.text = s.buf
				return st, nil
			}
			st.directive = c == '@'
		}
		var err2 error
		switch c {
		case '<':
			err2 = s.skipUntil('>')
		case '"', '\'':
			err2 = s.skipString(c)
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case '.':
			if depth <= 0 && s.endsStatement() {
				st.text = s.buf
				return st, nil
			}
		}
		if err2 != nil {
			st.text = s.buf
			return st, err2
		}
	}
}

// isSPARQLDirective reports whether word starts PREFIX or BASE, in any
// case, followed by white space.
func isSPARQLDirective(word []byte) bool {
	for _, kw := range []string{"prefix", "base"} {
		if len(word) > len(kw) && bytes.EqualFold(word[:len(kw)], []byte(kw)) &&
			(word[len(kw)] == ' ' || word[len(kw)] == '\t' || word[len(kw)] == '\n' || word[len(kw)] == '\r') {
			return true
		}
	}
	return false
}

// endsStatement tells a '.' that ends a statement from one inside a name
// or a number: what follows cannot continue either.
func (s *turtleSplitter) endsStatement() bool {
	next, err := s.r.Peek(1)
	if err != nil {
		return true
	}
	c := next[0]
	return !(isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ':' || c == '%' || c == '.' || c == '\\' || c >= 0x80)
}

// skipUntil reads up to and including end.
func (s *turtleSplitter) skipUntil(end byte) error {
	for {
		c, err := s.read()
		if err != nil {
			return err
		}
		if c == end {
			return nil
		}
	}
}

// skipString reads a string whose opening quote q has been read: short
// ("…") or long ("""…""").
func (s *turtleSplitter) skipString(q byte) error {
	if two, _ := s.r.Peek(2); len(two) == 2 && two[0] == q && two[1] == q {
		s.read()
		s.read()
		run := 0
		for {
			c, err := s.read()
			switch {
			case err != nil:
				return err
			case c == '\\':
				run = 0
				if _, err := s.read(); err != nil {
					return err
				}
			case c == q:
				run++
				if run == 3 {
					return nil
				}
			default:
				run = 0
			}
		}
	}
	for {
		c, err := s.read()
		switch {
		case err != nil:
			return err
		case c == '\\':
			if _, err := s.read(); err != nil {
				return err
			}
		case c == q, c == '\n':
			return nil // a line break ends it here; the parser reports it
		}
	}
}

// turtleUnit is one article's statements, with the directives before
// them on the first line.
type turtleUnit struct {
	text []byte
	// line and column are where the first statement starts in the input.
	line, column int
	errs         []Finding
}

// turtleUnits cuts Turtle into articles as it reads it.
func turtleUnits(br *bufio.Reader, opts *Options) iter.Seq[unit] {
	return func(yield func(unit) bool) {
		cut := newArticleCutter(opts.Vocabulary)
		var header []byte // the directives so far, on one line
		cur := &turtleUnit{}
		sent := false
		flush := func() bool {
			if len(cur.text) == 0 && len(cur.errs) == 0 {
				return true
			}
			sent = true
			ok := yield(cur)
			cur = &turtleUnit{}
			return ok
		}
		for st, err := range splitTurtle(br) {
			if err != nil {
				if flush() {
					yield(errorUnit{where: Finding{Line: st.line}, err: err})
				}
				return
			}
			if st.directive {
				if !flush() {
					return
				}
				header = append(header, bytes.ReplaceAll(skipComments(st.text), []byte("\n"), []byte(" "))...)
				header = append(header, ' ')
				continue
			}
			doc := append(append(append([]byte(nil), header...), '\n'), st.text...)
			triples, err := turtle.Parse(doc, "")
			if err != nil {
				var se *turtle.SyntaxError
				where := Finding{}
				if errors.As(err, &se) {
					where.Line, where.Column = turtleShift(se.Line, se.Column, st.line, st.column)
				}
				r := Report{}
				r.unreadable(where, "%s", message(err))
				cur.errs = append(cur.errs, r.Findings...)
				if len(cur.text) > 0 { // keep the lines of the statements after it
					cur.text = append(cur.text, bytes.Repeat([]byte("\n"), bytes.Count(st.text, []byte("\n")))...)
				}
				continue
			}
			for _, t := range triples {
				var class []byte
				if t.Pred.String() == vocab.RDFType && t.Obj.Type() == rdf.TermIRI {
					class = []byte(t.Obj.String())
				}
				if cut.startsArticle([]byte(nodeName(t.Subj)), class) {
					if !flush() {
						return
					}
					break
				}
			}
			if len(cur.text) == 0 {
				cur.text = append(append(cur.text, header...), '\n')
				cur.line, cur.column = st.line, st.column
			}
			cur.text = append(cur.text, st.text...)
		}
		if flush() && !sent {
			yield(graphUnit(nil)) // an input with no statements is an empty graph
		}
	}
}

// turtleShift turns a line and column of a document made of a header
// line and text that starts at line, column of the input into ones of
// the input.
func turtleShift(docLine, docColumn, line, column int) (int, int) {
	if docLine <= 1 {
		return line, column // in the header: the directives were read before
	}
	if docLine == 2 {
		docColumn += column - 1
	}
	return line + docLine - 2, docColumn
}

func (u *turtleUnit) check(w *worker) result {
	c := w.checker()
	c.report.Findings = append(c.report.Findings, u.errs...)
	c.report.Unreadable = len(u.errs) > 0
	if len(u.text) == 0 {
		return c.result()
	}
	triples, err := turtle.Parse(u.text, "")
	if err != nil {
		var se *turtle.SyntaxError
		where := Finding{}
		if errors.As(err, &se) {
			where.Line, where.Column = turtleShift(se.Line, se.Column, u.line, u.column)
		}
		c.report.unreadable(where, "%s", message(err))
		return c.result()
	}
	c.rdfGraph(triples)
	return c.result()
}
