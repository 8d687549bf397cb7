package source

import (
	"bytes"
	"io"
	"iter"
)

// Stream yields the inputs of one byte stream named name, opened by the
// caller (the Beam pipeline opens files through Beam's filesystems): the
// stream itself, or what it holds when it is compressed or an archive,
// found by magic bytes as Open finds them in files. Zip archives are read
// whole, as Open reads a zip archive that is not a file.
func Stream(name string, r io.Reader) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		o := &opener{yield: yield}
		o.stream(name, name, r, 0, false)
	}
}

// Plain reports whether head, the first bytes of a stream (512 are
// enough), starts neither a compressed stream nor an archive: Stream
// would yield the stream itself, so its bytes are the input's bytes and a
// part of it can be read at an offset.
func Plain(head []byte) bool {
	switch {
	case bytes.HasPrefix(head, gzipMagic), bytes.HasPrefix(head, zstdMagic),
		bytes.HasPrefix(head, zipMagic), isTar(head):
		return false
	case bytes.HasPrefix(head, bzip2Magic) && len(head) > 3 && head[3] >= '1' && head[3] <= '9':
		return false
	}
	return true
}
