package pipeline

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// ShardName is the name of shard i of n with the prefix and extension.
func ShardName(prefix string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, ext)
}

// writeFn writes one shard: its records sorted by input and record
// number, so that the file's bytes do not depend on the runner.
type writeFn struct {
	Prefix string
	Ext    string
	Shards int
}

func (fn *writeFn) ProcessElement(ctx context.Context, shard int, values func(*keyed) bool) error {
	var all []keyed
	var v keyed
	for values(&v) {
		all = append(all, v)
	}
	slices.SortFunc(all, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Index, b.Index), bytes.Compare(a.Data, b.Data))
	})
	name := ShardName(fn.Prefix, shard, fn.Shards, fn.Ext)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for _, v := range all {
		if _, err := w.Write(v.Data); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
