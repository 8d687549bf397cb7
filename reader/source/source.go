// Package source opens what a user names on the command line as a
// sequence of inputs, each a stream of bytes with a name for messages:
//
//   - files, and folders walked recursively in lexical order, hidden
//     files and folders (".name") skipped;
//   - "-" for standard input;
//   - compressed streams (gzip, zstd, bzip2), found by their magic bytes
//     whatever the file is called, and read as what they hold;
//   - archives (tar, possibly compressed, and zip), each member an input
//     of its own named "archive.tgz:member/path.xml".
//
// A name keeps its compression suffix stripped (Input.Name is what the
// reader sees: "a.jsonl" for "a.jsonl.gz"), so that format detection by
// extension works through compression. Nothing is read whole: a zip
// archive that does not come from a file (zip needs random access) is
// copied to a temporary file, removed at once, so that it takes disk, not
// memory.
package source

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/bzip2"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Input is one stream to read.
type Input struct {
	// Name names the input in messages: a path, "<stdin>", or
	// "archive.tgz:member" for an archive's member.
	Name string
	// FormatName is Name without the compression suffixes, for format
	// detection by extension: "a.jsonl" for "a.jsonl.gz".
	FormatName string
	// Reader reads the input's content, decompressed. It is valid until
	// the sequence moves on to the next input.
	Reader *bufio.Reader
	// Found is set for an input found in a folder or an archive, rather
	// than named by the user: readers may pass over what is plainly not
	// metadata (a README, an image) there.
	Found bool
}

// Stdin names standard input on the command line.
const Stdin = "-"

// peekLen is how much of an input is looked at to recognise compression
// and archives.
const peekLen = 512

// Open yields the inputs that paths name, in order; stdin is read for
// "-". A path that cannot be opened, or an archive or compressed stream
// that is damaged, yields an error naming it; the sequence goes on with
// the next path.
//
// counter, if not nil, is told how many bytes are read from files and
// standard input before decompression, for progress.
func Open(paths []string, stdin io.Reader, counter func(n int)) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		o := &opener{yield: yield, counter: counter}
		for _, p := range paths {
			if !o.path(p, stdin) {
				return
			}
		}
	}
}

// Size is the total size in bytes of the files that paths name, walked as
// Open walks them; known is false when one is standard input or not a
// regular file.
func Size(paths []string) (total int64, known bool) {
	known = true
	for _, p := range paths {
		if p == Stdin {
			known = false
			continue
		}
		for f, err := range walk(p) {
			if err != nil {
				continue
			}
			if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() {
				total += info.Size()
			} else {
				known = false
			}
		}
	}
	return total, known
}

type opener struct {
	yield   func(Input, error) bool
	counter func(n int)
	found   bool // the current file was found by walking a folder
}

// path yields the inputs of one command-line argument; false stops.
func (o *opener) path(p string, stdin io.Reader) bool {
	o.found = false
	if p == Stdin {
		return o.stream("<stdin>", "<stdin>", o.count(stdin), 0, false)
	}
	for file, err := range walk(p) {
		if err != nil {
			if !o.yield(Input{Name: p, FormatName: p}, err) {
				return false
			}
			continue
		}
		o.found = file != p
		if !o.file(file) {
			return false
		}
	}
	return true
}

func (o *opener) file(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return o.yield(Input{Name: name, FormatName: name}, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		head := make([]byte, 4)
		if n, _ := io.ReadFull(f, head); n == 4 && bytes.Equal(head, zipMagic) {
			return o.zip(name, o.countAt(f), info.Size(), 0)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return o.yield(Input{Name: name, FormatName: name}, err)
		}
	}
	return o.stream(name, name, o.count(f), 0, false)
}

// maxNesting bounds archives within compressed streams within archives.
const maxNesting = 4

var (
	gzipMagic  = []byte{0x1f, 0x8b}
	zstdMagic  = []byte{0x28, 0xb5, 0x2f, 0xfd}
	bzip2Magic = []byte("BZh")
	zipMagic   = []byte("PK\x03\x04")
)

// stream yields the inputs of one byte stream: itself, or what it holds
// when it is compressed or an archive.
func (o *opener) stream(name, formatName string, r io.Reader, depth int, member bool) bool {
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(peekLen)
	if depth < maxNesting {
		switch {
		case bytes.HasPrefix(head, gzipMagic):
			zr, err := gzip.NewReader(br)
			if err != nil {
				return o.yield(Input{Name: name, FormatName: formatName}, fmt.Errorf("%s: gzip: %w", name, err))
			}
			defer zr.Close()
			return o.stream(name, trimExt(formatName, ".gz", ".tgz"), &named{name: name, layer: "gzip", r: zr}, depth+1, member)
		case bytes.HasPrefix(head, zstdMagic):
			zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1))
			if err != nil {
				return o.yield(Input{Name: name, FormatName: formatName}, fmt.Errorf("%s: zstd: %w", name, err))
			}
			defer zr.Close()
			return o.stream(name, trimExt(formatName, ".zst", ".tzst"), &named{name: name, layer: "zstd", r: zr}, depth+1, member)
		case bytes.HasPrefix(head, bzip2Magic) && len(head) > 3 && head[3] >= '1' && head[3] <= '9':
			return o.stream(name, trimExt(formatName, ".bz2", ".tbz2"), &named{name: name, layer: "bzip2", r: bzip2.NewReader(br)}, depth+1, member)
		case isTar(head):
			return o.tar(name, br, depth)
		case bytes.HasPrefix(head, zipMagic):
			spill, size, err := spillToDisk(br)
			if err != nil {
				var damaged *ReadError // it names the input already
				if !errors.As(err, &damaged) {
					err = fmt.Errorf("%s: zip: %w", name, err)
				}
				return o.yield(Input{Name: name, FormatName: formatName}, err)
			}
			defer spill.Close()
			return o.zip(name, spill, size, depth)
		}
	}
	in := Input{Name: name, FormatName: formatName, Reader: br, Found: o.found || member}
	return o.yield(in, nil)
}

// trimExt removes the compression suffix from a name; a ".tgz" becomes
// ".tar".
func trimExt(name, ext, tarExt string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ext):
		return name[:len(name)-len(ext)]
	case strings.HasSuffix(lower, tarExt):
		return name[:len(name)-len(tarExt)] + ".tar"
	}
	return name
}

// isTar recognises a POSIX or GNU tar header.
func isTar(head []byte) bool {
	return len(head) >= 262 && bytes.Equal(head[257:262], []byte("ustar"))
}

func (o *opener) tar(name string, r io.Reader, depth int) bool {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return o.yield(Input{Name: name, FormatName: name}, fmt.Errorf("%s: tar: %w", name, err))
		}
		if h.Typeflag != tar.TypeReg || hidden(h.Name) {
			continue
		}
		member := name + ":" + h.Name
		r := &named{name: member, layer: "tar", r: tr}
		if !o.stream(member, h.Name, r, depth+1, true) {
			return false
		}
		if r.failed {
			// The member ended with the damage, which its reader reported;
			// the archive cannot go on past it.
			return true
		}
	}
}

// spillToDisk copies r to a temporary file, removed at once (it lives
// while it is open), for the random access zip needs.
func spillToDisk(r io.Reader) (*os.File, int64, error) {
	f, err := os.CreateTemp("", "scholarld-zip-*")
	if err != nil {
		return nil, 0, err
	}
	os.Remove(f.Name())
	size, err := io.Copy(f, r)
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, size, nil
}

func (o *opener) zip(name string, r io.ReaderAt, size int64, depth int) bool {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return o.yield(Input{Name: name, FormatName: name}, fmt.Errorf("%s: zip: %w", name, err))
	}
	files := slices.Clone(zr.File)
	slices.SortStableFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		if f.FileInfo().IsDir() || hidden(f.Name) {
			continue
		}
		member := name + ":" + f.Name
		rc, err := f.Open()
		if err != nil {
			if !o.yield(Input{Name: member, FormatName: f.Name}, fmt.Errorf("%s: zip: %w", member, err)) {
				return false
			}
			continue
		}
		more := o.stream(member, f.Name, &named{name: member, layer: "zip", r: rc}, depth+1, true)
		rc.Close()
		if !more {
			return false
		}
	}
	return true
}

// hidden reports whether a path has a component starting with a dot.
func hidden(p string) bool {
	for _, part := range strings.Split(filepath.ToSlash(p), "/") {
		if len(part) > 1 && part[0] == '.' && part != ".." {
			return true
		}
	}
	return false
}

// walk yields the regular files under p in lexical order, or p itself
// when it is not a folder. Hidden entries below p are skipped.
func walk(p string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		info, err := os.Stat(p)
		if err != nil {
			yield(p, err)
			return
		}
		if !info.IsDir() {
			yield(p, nil)
			return
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if !yield(path, err) {
					return fs.SkipAll
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !yield(path, nil) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			yield(p, err)
		}
	}
}

func (o *opener) count(r io.Reader) io.Reader {
	if o.counter == nil {
		return r
	}
	return &countingReader{r: r, counter: o.counter}
}

// countAt counts the bytes a zip archive reads from its file.
func (o *opener) countAt(r io.ReaderAt) io.ReaderAt {
	if o.counter == nil {
		return r
	}
	return &countingReaderAt{r: r, counter: o.counter}
}

type countingReaderAt struct {
	r       io.ReaderAt
	counter func(int)
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.counter(n)
	return n, err
}

type countingReader struct {
	r       io.Reader
	counter func(int)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.counter(n)
	return n, err
}

// named puts the input's name and layer on a read error: a truncated
// gzip file says "a.jsonl.gz: gzip: unexpected EOF".
type named struct {
	name, layer string
	r           io.Reader
	failed      bool // a read returned an error other than io.EOF
}

func (n *named) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	if err != nil && err != io.EOF {
		n.failed = true
		var already *ReadError
		if !errors.As(err, &already) {
			err = &ReadError{Name: n.name, Layer: n.layer, Err: err}
		}
	}
	return k, err
}

// ReadError is damage found while reading an input: a truncated or
// corrupt compressed stream or archive.
type ReadError struct {
	Name  string
	Layer string // "gzip", "zstd", "bzip2", "tar", "zip"
	Err   error
}

func (e *ReadError) Error() string {
	err := e.Err
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("%s: %s: the input ends early (truncated file?)", e.Name, e.Layer)
	}
	return fmt.Sprintf("%s: %s: %v", e.Name, e.Layer, err)
}

func (e *ReadError) Unwrap() error { return e.Err }
