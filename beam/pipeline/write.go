package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// PartName is the name of the file of part number of input file, with
// the prefix and extension: <prefix>-FFFFF-PPPPP<ext>.
func PartName(prefix string, file, number int, ext string) string {
	return fmt.Sprintf("%s-%05d-%05d%s", prefix, file, number, ext)
}

// partFile is one file of a part, created on its first write under a
// temporary name and renamed to its own when the part is done, on the
// filesystems that rename (local, gs://): a failed bundle never leaves a
// half-written file under a part's name, and a retried one writes the same
// bytes again. A part that writes nothing creates no file.
type partFile struct {
	name, temp string
	fs         filesystem.Interface
	file       io.WriteCloser
	w          *bufio.Writer
}

func newPartFile(name string) *partFile { return &partFile{name: name} }

func (f *partFile) write(ctx context.Context, data []byte) error {
	if f.w == nil {
		if err := f.create(ctx); err != nil {
			return err
		}
	}
	if _, err := f.w.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	return nil
}

func (f *partFile) create(ctx context.Context) error {
	fs, err := filesystem.New(ctx, f.name)
	if err != nil {
		return err
	}
	f.fs, f.temp = fs, f.name
	if _, ok := fs.(filesystem.Renamer); ok {
		suffix := make([]byte, 8)
		rand.Read(suffix)
		f.temp = f.name + ".tmp-" + hex.EncodeToString(suffix)
	}
	if f.file, err = fs.OpenWrite(ctx, f.temp); err != nil {
		fs.Close()
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	f.w = bufio.NewWriterSize(f.file, 1<<20)
	return nil
}

// commit closes the file and gives it its name.
func (f *partFile) commit(ctx context.Context) error {
	if f.w == nil {
		return nil
	}
	defer f.fs.Close()
	err := f.w.Flush()
	if cerr := f.file.Close(); err == nil {
		err = cerr
	}
	if err == nil && f.temp != f.name {
		err = f.fs.(filesystem.Renamer).Rename(ctx, f.temp, f.name)
	}
	if err != nil {
		f.remove(ctx)
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	return nil
}

// abort closes the file and removes what was written.
func (f *partFile) abort(ctx context.Context) {
	if f.w == nil {
		return
	}
	defer f.fs.Close()
	f.file.Close()
	f.remove(ctx)
}

func (f *partFile) remove(ctx context.Context) {
	if r, ok := f.fs.(filesystem.Remover); ok {
		r.Remove(ctx, f.temp)
	}
}
