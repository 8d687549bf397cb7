package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
)

// Reject is a dead-letter line: a record, or an input, that was not
// converted, and why.
type Reject struct {
	Source string `json:"source"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Record is the record's number in its input, from 0.
	Record int    `json:"record"`
	Error  string `json:"error"`
	// Raw is the record's text, when its chunk held it alone.
	Raw string `json:"raw,omitempty"`
}

// RejectOf is the dead-letter line of a rejected bulk.Item.
func RejectOf(it *bulk.Item) Reject {
	return Reject{Source: it.Source, Line: it.Pos.Line, Column: it.Pos.Column, Record: it.Index, Error: it.Err.Error(), Raw: string(it.Raw)}
}

// Counter names, in the namespace Namespace.
const (
	Namespace       = "scholarld"
	CounterRead     = "read"
	CounterWritten  = "written"
	CounterRejected = "rejected"
	CounterTriples  = "triples"
	CounterWarnings = "warnings"
)

var (
	readCount     = beam.NewCounter(Namespace, CounterRead)
	writtenCount  = beam.NewCounter(Namespace, CounterWritten)
	rejectedCount = beam.NewCounter(Namespace, CounterRejected)
	triplesCount  = beam.NewCounter(Namespace, CounterTriples)
	warningsCount = beam.NewCounter(Namespace, CounterWarnings)
)

// indices matches the indices in a warning's path: "[3]", ".3".
var indices = regexp.MustCompile(`\[[0-9]+\]|\.[0-9]+\b`)

// WarningCounter is the name of the counter of a kind of warning: the
// format and the warning's path without its indices, so that one kind of
// warning is one counter however many records have it.
func WarningCounter(format, path string) string {
	return CounterWarnings + ":" + format + ":" + indices.ReplaceAllString(path, "")
}

// Scope is the blank node scope of a record, unique in a run: see the
// package documentation.
func Scope(source string, record int) string {
	h := fnv.New64a()
	h.Write([]byte(source))
	return "s" + fmt.Sprintf("%016x", h.Sum64()) + "r" + strconv.Itoa(record) + "_"
}

// convertFn converts the records of a part with the bulk engine's
// Converter and writes them to the part's output file, and its rejects to
// the part's rejects file.
type convertFn struct {
	Format  string
	Profile string
	// Output and Rejects prefix the names of the parts' files (PartName).
	Output, Rejects string

	conv bulk.Converter
	ext  string
}

func (fn *convertFn) Setup() error {
	format, ok := ld.FormatByName(fn.Format)
	if !ok {
		return fmt.Errorf("unknown output format %q", fn.Format)
	}
	profile, err := ld.ParseProfile(fn.Profile)
	if err != nil {
		return err
	}
	fn.conv = bulk.Converter{Profile: profile, Encode: format.AppendGraph}
	fn.ext = format.Extensions[0]
	return nil
}

func (fn *convertFn) ProcessElement(ctx context.Context, p part) error {
	out := newPartFile(PartName(fn.Output, p.File, p.Number, fn.ext))
	rejects := newPartFile(PartName(fn.Rejects, p.File, p.Number, ".jsonl"))
	var failed error
	convert := func(c chunk) {
		if failed == nil {
			failed = fn.convert(ctx, c, out, rejects)
		}
	}
	if p.Lines {
		if err := p.Block.chunks(ctx, convert); err != nil {
			failed = cmp.Or(failed, err)
		}
	} else {
		for _, c := range p.Chunks {
			convert(c)
		}
	}
	if failed != nil {
		out.abort(ctx)
		rejects.abort(ctx)
		return failed
	}
	if err := out.commit(ctx); err != nil {
		rejects.abort(ctx)
		return err
	}
	return rejects.commit(ctx)
}

// convert converts the records of one chunk, counting them.
func (fn *convertFn) convert(ctx context.Context, c chunk, out, rejects *partFile) error {
	for _, it := range fn.items(c) {
		readCount.Inc(ctx, 1)
		for _, w := range it.Warnings {
			warningsCount.Inc(ctx, 1)
			beam.NewCounter(Namespace, WarningCounter(it.Format, w.Path)).Inc(ctx, 1)
		}
		if it.Err != nil {
			rejectedCount.Inc(ctx, 1)
			line, err := json.Marshal(RejectOf(&it))
			if err != nil {
				return fmt.Errorf("writing the reject of %s record %d: %w", it.Source, it.Index, err)
			}
			if err := rejects.write(ctx, append(line, '\n')); err != nil {
				return err
			}
			continue
		}
		writtenCount.Inc(ctx, 1)
		triplesCount.Inc(ctx, int64(len(it.Graph.Triples)))
		if err := out.write(ctx, it.Encoded); err != nil {
			return err
		}
	}
	return nil
}

// items decodes and converts the records of a chunk as the bulk engine's
// Converter.ConvertChunk does, with blank node scopes unique in the run.
func (fn *convertFn) items(c chunk) []bulk.Item {
	if c.Err != "" {
		pos := ld.Position{File: c.Source, Line: c.Line, Column: c.Column}
		return []bulk.Item{{Source: c.Source, Format: c.Format, Index: c.Index, Pos: pos, Err: errors.New(c.Err)}}
	}
	format, ok := formats.ByName(c.Format)
	if !ok {
		return []bulk.Item{{Source: c.Source, Index: c.Index, Pos: ld.Position{File: c.Source}, Err: fmt.Errorf("unknown input format %q", c.Format)}}
	}
	pos := ld.Position{File: c.Source, Line: c.Line, Column: c.Column}
	records := format.Decoder()(reader.Chunk{Source: c.Source, Pos: pos, Data: c.Data, Whole: c.Whole, Path: c.Path, Prelude: c.Prelude})
	items := make([]bulk.Item, len(records))
	for i, rec := range records {
		it := fn.conv.Convert(rec, Scope(c.Source, c.Index+i))
		it.Source, it.Format, it.Index = c.Source, c.Format, c.Index+i
		if it.Pos == (ld.Position{}) {
			it.Pos = ld.Position{File: c.Source}
		}
		items[i] = it
	}
	if len(records) == 1 && items[0].Err != nil {
		items[0].Raw = c.Data
	}
	return items
}
