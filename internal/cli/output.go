package cli

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/ld"
)

// articleSink is where a convert run writes its articles.
type articleSink interface {
	// write writes one converted record; an error rejects that record.
	write(it *bulk.Item) error
	// finish ends the output: with keep, it is put in place; without, it
	// is removed, so that nothing half-written is left.
	finish(keep bool) error
}

// streamSink writes every article into one stream: items the workers
// encoded (line formats) as they are, the others through the format's
// Encoder.
type streamSink struct {
	out *fileOutput
	enc ld.Encoder // nil for line formats
}

// newStreamSink opens the output. The graphs are encoded by shaped when it
// is set (--context, --frame), else by the format's Encoder unless the
// format is a line format, whose graphs the workers encode.
func newStreamSink(path string, stdout io.Writer, format ld.Format, shaped func(io.Writer) ld.Encoder) (*streamSink, error) {
	var out *fileOutput
	var err error
	if path == "" || path == "-" {
		out = stdoutOutput(stdout)
	} else if out, err = createFileOutput(path); err != nil {
		return nil, err
	}
	s := &streamSink{out: out}
	switch {
	case shaped != nil:
		s.enc = shaped(out.w)
	case format.AppendGraph == nil:
		s.enc = format.NewEncoder(out.w)
	}
	return s, nil
}

func (s *streamSink) write(it *bulk.Item) error {
	var err error
	if s.enc != nil {
		err = s.enc.Encode(it.Graph)
	} else {
		_, err = s.out.w.Write(it.Encoded)
	}
	if err != nil {
		return &outputError{err}
	}
	return nil
}

// outputError is a failure to write the one output stream: it stops the
// run, as no later record could be written either.
type outputError struct{ err error }

func (e *outputError) Error() string { return "writing: " + e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

func (s *streamSink) finish(keep bool) error {
	if s.enc != nil {
		if err := s.enc.Close(); err != nil {
			s.out.finish(false)
			return err
		}
	}
	return s.out.finish(keep)
}

// fileOutput is a stream to standard output or to a file. A regular file
// (or a symlink's regular target) is written to a temporary file beside
// it, synced and renamed over it on success, and removed otherwise; a
// device, a FIFO or a socket (/dev/null, /dev/stdout, a named pipe) is
// written directly, never replaced. A name ending in .gz or .zst is
// compressed.
type fileOutput struct {
	w        io.Writer // what the caller writes to
	buffered *bufio.Writer
	closer   io.Closer // the compressor, if any
	file     *os.File  // nil for standard output
	tmp      string    // the temporary file to rename, if any
	target   string
}

func stdoutOutput(stdout io.Writer) *fileOutput {
	b := bufio.NewWriterSize(stdout, 1<<16)
	return &fileOutput{w: b, buffered: b}
}

// createFileOutput opens the output file for path.
func createFileOutput(path string) (*fileOutput, error) {
	target, descriptor, err := resolveTarget(path)
	if err != nil {
		return nil, err
	}
	o := &fileOutput{target: target}
	if descriptor {
		// /dev/stdout, /dev/fd/N: a descriptor the process was given,
		// whatever it is open on (a pipe, a terminal, a file the shell
		// redirected to); written at its end, never replaced.
		if o.file, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0); err != nil {
			return nil, err
		}
	} else if info, err := os.Stat(target); err == nil && !info.Mode().IsRegular() {
		if info.IsDir() {
			return nil, fmt.Errorf("%s is a folder", path)
		}
		if o.file, err = os.OpenFile(target, os.O_WRONLY, 0); err != nil {
			return nil, err
		}
	} else {
		dir := filepath.Dir(target)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		if o.file, err = os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp"); err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", path, err)
		}
		o.tmp = o.file.Name()
		// CreateTemp makes the file private; give it the mode of the file
		// it replaces, or the usual 0644.
		mode := os.FileMode(0o644)
		if info, err := os.Stat(target); err == nil {
			mode = info.Mode().Perm()
		}
		if err := o.file.Chmod(mode); err != nil {
			o.abandon()
			return nil, err
		}
	}
	o.buffered = bufio.NewWriterSize(o.file, 1<<16)
	o.w = o.buffered
	switch _, compression := compressionOf(path); compression {
	case ".gz":
		zw := gzip.NewWriter(o.buffered)
		o.w, o.closer = zw, zw
	case ".zst":
		zw, err := zstd.NewWriter(o.buffered, zstd.WithEncoderConcurrency(1))
		if err != nil {
			o.abandon()
			return nil, err
		}
		o.w, o.closer = zw, zw
	}
	return o, nil
}

// resolveTarget follows symlinks to the file that is to be written, so
// that the link stays and its target is replaced. descriptor is set when
// the path leads into /proc (/dev/stdout, /dev/fd/N): an open descriptor
// of a process, whose links name no file to replace ("pipe:[1234]").
func resolveTarget(path string) (target string, descriptor bool, err error) {
	for range 40 {
		if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil && strings.HasPrefix(dir+"/", "/proc/") {
			return path, true, nil
		}
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, false, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", false, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// compressionOf splits a compression suffix off a file name.
func compressionOf(name string) (base, compression string) {
	lower := strings.ToLower(name)
	for _, ext := range []string{".gz", ".zst"} {
		if strings.HasSuffix(lower, ext) {
			return name[:len(name)-len(ext)], ext
		}
	}
	return name, ""
}

// finish ends the output. For a temporary file, keep syncs it and renames
// it over the target; otherwise it is removed.
func (o *fileOutput) finish(keep bool) error {
	var err error
	if o.closer != nil {
		err = o.closer.Close()
	}
	if ferr := o.buffered.Flush(); err == nil {
		err = ferr
	}
	if o.file == nil {
		return err
	}
	if o.tmp == "" {
		if cerr := o.file.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if err == nil && keep {
		err = o.file.Sync()
	}
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if err != nil || !keep {
		o.abandon()
		return err
	}
	if err := os.Rename(o.tmp, o.target); err != nil {
		o.abandon()
		return err
	}
	return nil
}

// abandon closes and removes the temporary file.
func (o *fileOutput) abandon() {
	o.file.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}

// splitSink writes each article to a file of its own in a folder, named
// from its DOI, else its URL.
type splitSink struct {
	dir        string
	format     ld.Format
	newEncoder func(io.Writer) ld.Encoder
	ext        string
	names      map[string]string // file name -> the record that took it
}

func newSplitSink(dir string, format ld.Format, shaped func(io.Writer) ld.Encoder) (*splitSink, error) {
	newEncoder := format.NewEncoder
	if shaped != nil {
		newEncoder = shaped
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &splitSink{dir: dir, format: format, newEncoder: newEncoder, ext: format.Extensions[0], names: map[string]string{}}, nil
}

func (s *splitSink) write(it *bulk.Item) error {
	key := strings.ToLower(it.Article.DOI) // DOIs are case-insensitive
	if key == "" {
		key = it.Article.URL
	}
	if key == "" {
		return errors.New("--split: the article has neither a DOI nor a URL to name its file")
	}
	name := SplitName(key) + s.ext
	where := fmt.Sprintf("%s record %d", it.Source, it.Index+1)
	if other, taken := s.names[name]; taken {
		return fmt.Errorf("--split: %s would overwrite %s of %s", name, name, other)
	}
	s.names[name] = where
	var buf bytes.Buffer
	enc := s.newEncoder(&buf)
	if err := enc.Encode(it.Graph); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	path := filepath.Join(s.dir, name)
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		// A link planted under the name would lead the output out of dir.
		return fmt.Errorf("--split: %s is there and is not a regular file (%v): not followed", path, info.Mode().Type())
	}
	out, err := createFileOutput(path)
	if err != nil {
		return err
	}
	if _, err := out.w.Write(buf.Bytes()); err != nil {
		out.finish(false)
		return err
	}
	return out.finish(true)
}

func (s *splitSink) finish(bool) error { return nil }

// maxNameLen bounds a --split file name's stem, well under the 255 bytes
// that common filesystems allow.
const maxNameLen = 160

// SplitName makes a file name stem from a DOI or URL that is safe on every
// filesystem and reversible: ASCII letters, digits, '-' and '.' stay
// (but a leading '.'), every other byte is written "_XX" in hex, so that
// no name holds a '/', a '\', a control character or "..", or differs
// from another's only in case. A long name is cut and ends in a hash of
// the whole key.
func SplitName(key string) string {
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '.' && i > 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	name := b.String()
	if len(name) > maxNameLen {
		sum := sha256.Sum256([]byte(key))
		name = name[:maxNameLen-17] + "-" + hex.EncodeToString(sum[:8])
	}
	return name
}
