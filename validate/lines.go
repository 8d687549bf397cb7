package validate

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"iter"
	"sync"
)

// lineSegment is the lines of one unit of N-Triples or N-Quads: a named
// graph, or one article's triples of the default graph (articleCutter).
type lineSegment struct {
	quads bool
	buf   []byte // the lines, one after another
	lines []segmentLine
	// errs are the findings of the lines that are not statements, which
	// come before the graph's own.
	errs []Finding
}

// segmentLine is one statement of a segment: where its text is in buf,
// its line number in the input and where its terms are.
type segmentLine struct {
	start, end int
	number     int
	st         statement
}

// formatLabel names the format in messages.
func formatLabel(quads bool) string {
	if quads {
		return "N-Quads"
	}
	return "N-Triples"
}

// rdfTypeIRI is the text of rdf:type in a statement, without brackets.
var rdfTypeIRI = []byte("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

// lineUnits cuts N-Triples or N-Quads into segments as it reads them: a
// new one where the graph name changes, and in the default graph where
// a new article starts. A line that is no statement is a finding of its
// segment; the lines after it are read on.
func lineUnits(br *bufio.Reader, file string, quads bool, opts *Options) iter.Seq[unit] {
	return func(yield func(unit) bool) {
		cut := newArticleCutter(opts.Vocabulary)
		seg := newSegment(quads)
		var graph []byte // the current segment's graph name, as written
		sent := false
		flush := func() bool {
			if len(seg.lines) == 0 && len(seg.errs) == 0 {
				return true
			}
			sent = true
			ok := yield(seg)
			seg = newSegment(quads)
			return ok
		}
		var scratch []byte
		number := 0
		for {
			line, err := readLine(br, &scratch)
			if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
				if !errors.Is(err, io.EOF) {
					if flush() {
						yield(errorUnit{where: Finding{Line: number + 1}, err: err})
					}
					return
				}
				break
			}
			number++
			st, ok, serr := scanStatement(line, quads)
			if serr != nil {
				r := Report{}
				r.unreadable(Finding{Line: number, Column: serr.column}, "%s: %s", formatLabel(quads), serr.msg)
				seg.errs = append(seg.errs, r.Findings...)
				continue
			}
			if !ok {
				continue
			}
			if name := termText(line, st.graph); !bytes.Equal(name, graph) {
				if !flush() {
					return
				}
				graph = append(graph[:0], name...)
				cut.root = ""
			}
			if st.graph.kind == noTerm {
				var class []byte
				if st.object.kind == iriTerm && bytes.Equal(line[st.predicate.start:st.predicate.end], rdfTypeIRI) {
					class = line[st.object.start:st.object.end]
				}
				if cut.startsArticle(termText(line, st.subject), class) && !flush() {
					return
				}
			}
			start := len(seg.buf)
			seg.buf = append(seg.buf, line...)
			seg.lines = append(seg.lines, segmentLine{start: start, end: len(seg.buf), number: number, st: st})
		}
		if flush() && !sent {
			yield(seg) // an input with no statements is an empty graph
		}
	}
}

// termText is a node as it is written, with its brackets or its "_:":
// nil for no term.
func termText(line []byte, sp span) []byte {
	switch sp.kind {
	case iriTerm:
		return line[sp.start-1 : sp.end+1]
	case blankTerm:
		return line[sp.start-2 : sp.end]
	}
	return nil
}

// readLine returns the next line without its line break; scratch holds a
// line longer than the reader's buffer. The line is valid until the next
// call.
func readLine(br *bufio.Reader, scratch *[]byte) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		*scratch = append((*scratch)[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = br.ReadSlice('\n')
			*scratch = append(*scratch, line...)
		}
		line = *scratch
	}
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	return line, err
}

// segments recycles the buffers of segments checked, so that reading
// allocates none after the first few.
var segments = sync.Pool{New: func() any { return new(lineSegment) }}

func newSegment(quads bool) *lineSegment {
	seg := segments.Get().(*lineSegment)
	seg.quads = quads
	return seg
}

// recycle returns a segment checked to the pool.
func (u *lineSegment) recycle() {
	u.buf, u.lines, u.errs = u.buf[:0], u.lines[:0], nil
	segments.Put(u)
}

func (u *lineSegment) check(w *worker) result {
	defer u.recycle()
	c := w.checker()
	c.report.Findings = append(c.report.Findings, u.errs...)
	c.report.Unreadable = len(u.errs) > 0
	w.terms.newGraph()
	triples := w.triples[:0]
	defer func() { w.triples = triples[:0] }()
	for i := range u.lines {
		l := &u.lines[i]
		t, err := w.terms.triple(u.buf[l.start:l.end], &l.st)
		if err != nil {
			c.report.unreadable(Finding{Line: l.number, Column: 1}, "%s: %v", formatLabel(u.quads), err)
			continue
		}
		triples = append(triples, t)
	}
	if len(triples) > 0 || len(u.errs) == 0 {
		c.rdfGraph(triples)
	}
	return c.result()
}
