package pipeline

import (
	"context"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/formats"
)

// Options configure a pipeline.
type Options struct {
	// Inputs are file patterns in Beam's filesystems' syntax.
	Inputs []string
	// Output prefixes the names of the output files, one a part
	// (PartName).
	Output string
	// Rejects prefixes the names of the rejects' files; empty means Output
	// + "-rejects".
	Rejects string
	// Format is the output format: an ld.Format with AppendGraph
	// ("nquads", "ntriples", "jsonl").
	Format string
	// Profile is the vocabulary profile; empty means the format's.
	Profile string
	// From names the input format of every input; empty detects each.
	From string
	// PartSize is about how many bytes of input a part holds: one worker
	// converts a part and writes it to one file. 0 means DefaultPartSize.
	PartSize int64
}

// DefaultPartSize is the default of Options.PartSize: 64 MiB of JSON Lines
// are about 37,000 records and 400 MB of N-Quads.
const DefaultPartSize = 64 << 20

func init() {
	beam.RegisterType(reflect.TypeFor[chunk]())
	beam.RegisterType(reflect.TypeFor[block]())
	beam.RegisterType(reflect.TypeFor[input]())
	beam.RegisterType(reflect.TypeFor[part]())
	register.DoFn3x1[context.Context, []string, func(input), error](&matchFn{})
	register.DoFn4x1[context.Context, input, func(block), func(part), error](&openFn{})
	register.DoFn2x3[context.Context, block, string, block, error](&countFn{})
	register.DoFn3x0[string, func(*block) bool, func(part)](&numberFn{})
	register.DoFn2x1[context.Context, part, error](&convertFn{})
	register.Emitter1[input]()
	register.Emitter1[block]()
	register.Emitter1[part]()
	register.Iter1[block]()
}

// check validates the options and fills in their defaults.
func (o *Options) check() (ld.Format, error) {
	if len(o.Inputs) == 0 {
		return ld.Format{}, fmt.Errorf("pipeline: no input")
	}
	if o.Output == "" {
		return ld.Format{}, fmt.Errorf("pipeline: no output")
	}
	if o.Rejects == "" {
		o.Rejects = o.Output + "-rejects"
	}
	format, ok := ld.FormatByName(o.Format)
	if !ok || format.AppendGraph == nil {
		return ld.Format{}, fmt.Errorf("pipeline: output format %q is not a line format (nquads, ntriples, jsonl)", o.Format)
	}
	if o.Profile == "" {
		o.Profile = format.Profile.String()
	} else if _, err := ld.ParseProfile(o.Profile); err != nil {
		return ld.Format{}, fmt.Errorf("pipeline: %w", err)
	}
	if o.From != "" {
		if _, ok := formats.ByName(o.From); !ok {
			return ld.Format{}, fmt.Errorf("pipeline: unknown input format %q (one of %s)", o.From, formats.Names())
		}
	}
	if o.PartSize <= 0 {
		o.PartSize = DefaultPartSize
	}
	return format, nil
}

// Build adds the conversion to the pipeline of scope s.
func Build(s beam.Scope, opts Options) error {
	format, err := opts.check()
	if err != nil {
		return err
	}
	s = s.Scope("scholarld")
	// The patterns are one element, so that their files are numbered in
	// order.
	inputs := beam.ParDo(s, &matchFn{}, beam.Create(s, opts.Inputs))
	blocks, parts := beam.ParDo2(s, &openFn{From: opts.From, PartSize: opts.PartSize}, beam.Reshuffle(s, inputs))

	counted := beam.ParDo(s, &countFn{}, beam.Reshuffle(s, blocks))
	numbered := beam.ParDo(s, &numberFn{}, beam.GroupByKey(s, counted))

	all := beam.Reshuffle(s, beam.Flatten(s, parts, numbered))
	beam.ParDo0(s, &convertFn{Format: format.Name, Profile: opts.Profile, Output: opts.Output, Rejects: opts.Rejects}, all)
	return nil
}
