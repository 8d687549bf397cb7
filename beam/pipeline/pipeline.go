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
	// Output prefixes the output shards' names.
	Output string
	// Rejects prefixes the rejects' shards' names; empty means Output +
	// "-rejects".
	Rejects string
	// Format is the output format: an ld.Format with AppendGraph
	// ("nquads", "ntriples", "jsonl").
	Format string
	// Profile is the vocabulary profile; empty means the format's.
	Profile string
	// From names the input format of every input; empty detects each.
	From string
	// Shards is how many output files (and rejects files) are written at
	// most; 0 means DefaultShards.
	Shards int
	// BlockSize is the size in bytes of the blocks a JSON Lines file is
	// cut into; 0 means DefaultBlockSize.
	BlockSize int64
}

// Defaults of Options.
const (
	DefaultShards    = 16
	DefaultBlockSize = 64 << 20
)

func init() {
	beam.RegisterType(reflect.TypeFor[chunk]())
	beam.RegisterType(reflect.TypeFor[block]())
	beam.RegisterType(reflect.TypeFor[keyed]())
	register.DoFn4x1[context.Context, string, func(string), func(chunk), error](&matchFn{})
	register.DoFn4x1[context.Context, string, func(block), func(chunk), error](&openFn{})
	register.DoFn2x3[context.Context, block, string, block, error](&countFn{})
	register.DoFn3x0[string, func(*block) bool, func(block)](&numberFn{})
	register.DoFn3x1[context.Context, block, func(chunk), error](&readBlockFn{})
	register.DoFn4x1[context.Context, chunk, func(int, keyed), func(int, keyed), error](&convertFn{})
	register.DoFn3x1[context.Context, int, func(*keyed) bool, error](&writeFn{})
	register.Emitter1[string]()
	register.Emitter1[chunk]()
	register.Emitter1[block]()
	register.Emitter2[int, keyed]()
	register.Iter1[block]()
	register.Iter1[keyed]()
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
	if o.Shards <= 0 {
		o.Shards = DefaultShards
	}
	if o.BlockSize <= 0 {
		o.BlockSize = DefaultBlockSize
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
	patterns := beam.CreateList(s, opts.Inputs)
	files, missing := beam.ParDo2(s, &matchFn{}, patterns)
	blocks, fileChunks := beam.ParDo2(s, &openFn{From: opts.From, BlockSize: opts.BlockSize}, beam.Reshuffle(s, files))

	counted := beam.ParDo(s, &countFn{}, beam.Reshuffle(s, blocks))
	numbered := beam.ParDo(s, &numberFn{}, beam.GroupByKey(s, counted))
	blockChunks := beam.ParDo(s, &readBlockFn{}, beam.Reshuffle(s, numbered))

	chunks := beam.Flatten(s, missing, beam.Reshuffle(s, fileChunks), blockChunks)
	out, rejects := beam.ParDo2(s, &convertFn{Format: format.Name, Profile: opts.Profile, Shards: opts.Shards}, chunks)

	beam.ParDo0(s, &writeFn{Prefix: opts.Output, Ext: format.Extensions[0], Shards: opts.Shards}, beam.GroupByKey(s, out))
	beam.ParDo0(s, &writeFn{Prefix: opts.Rejects, Ext: ".jsonl", Shards: opts.Shards}, beam.GroupByKey(s, rejects))
	return nil
}
