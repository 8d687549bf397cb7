package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/vocab"
)

// body is one representation of an article, kept gzip-compressed: it is
// sent as stored to clients that accept gzip and decompressed for the
// others.
type body struct {
	gz   []byte
	size int    // bytes before compression
	tag  string // the content hash, base64url; the ETag is made from it
}

// bodyKind numbers the bodies stored for each article.
type bodyKind int

const (
	bodyHTML bodyKind = iota
	bodyJSONLD
	bodyExpanded
	bodyTurtle
	bodyNTriples
	bodyNQuads
	bodyKinds
)

// entry is one article of the collection.
type entry struct {
	// path is the article's path on the server, percent-encoded:
	// "/doi/10.3390/ijms150814348" or "/id/3f9c…".
	path string
	// title is the title in plain text, for the index.
	title string
	// root is the article node's IRI, "" for a blank node.
	root    string
	triples int // in the full profile, as the dump holds them
	bodies  [bodyKinds]body
}

// Collection is the articles a server serves, each encoded once in every
// format when it is loaded. It is read-only once built and safe for
// concurrent use.
type Collection struct {
	base     string
	entries  []*entry
	byKey    map[string]*entry // lower-cased DOI, or "id/" + hex for the others
	modified time.Time
	triples  int
	vocabs   []string // namespaces used, in vocab.Prefixes order
}

// Len is the number of articles.
func (c *Collection) Len() int { return len(c.entries) }

// Loader builds a Collection: Add registers articles in order (cheaply,
// from one goroutine) and hands their encoding to workers; Collection
// waits for them.
type Loader struct {
	base     string
	modified time.Time
	keys     map[string]string // key to where it was first seen
	entries  []*entry
	jobs     chan loadJob
	wg       sync.WaitGroup
	mu       sync.Mutex
	errs     []error
	vocabs   map[string]bool
}

type loadJob struct {
	entry   *entry
	index   int // the entry's place in the collection
	article *ld.Article
	schema  *ld.Graph
	where   string
}

// NewLoader starts a loader for a server at base ("https://data.example.org",
// without a trailing slash), whose responses say they were last modified
// at modified, with workers encoding goroutines (0: one per CPU).
func NewLoader(base string, modified time.Time, workers int) *Loader {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	l := &Loader{
		base:     strings.TrimRight(base, "/"),
		modified: modified.UTC().Truncate(time.Second),
		keys:     map[string]string{},
		jobs:     make(chan loadJob, 4*workers),
		vocabs:   map[string]bool{},
	}
	for range workers {
		l.wg.Add(1)
		go l.work()
	}
	return l
}

// Add registers an article; schema is its graph in the schema profile, or
// nil to have it mapped. where names the record in errors
// ("file.jsonl:12:1: record 12"). An article whose DOI (compared without
// case) or stable id is already in the collection is rejected.
func (l *Loader) Add(a *ld.Article, schema *ld.Graph, where string) error {
	key, path := articleKey(a)
	if first, dup := l.keys[key]; dup {
		what := "DOI " + a.DOI
		if a.DOI == "" {
			what = "stable id " + strings.TrimPrefix(key, "id/")
		}
		return fmt.Errorf("%s is already served, from %s", what, first)
	}
	l.keys[key] = where
	e := &entry{path: path, title: plainText(a.Title)}
	l.entries = append(l.entries, e)
	l.jobs <- loadJob{entry: e, index: len(l.entries) - 1, article: a, schema: schema, where: where}
	return nil
}

// Collection waits for every article to be encoded and returns the
// collection. An article that could not be encoded is left out, and its
// error is among errs, prefixed by its where.
func (l *Loader) Collection() (*Collection, []error) {
	close(l.jobs)
	l.wg.Wait()
	c := &Collection{base: l.base, byKey: make(map[string]*entry, len(l.entries)), modified: l.modified}
	for _, e := range l.entries {
		if e.bodies[bodyHTML].gz == nil {
			continue // failed: its error is in l.errs
		}
		c.entries = append(c.entries, e)
		c.byKey[keyOfPath(e.path)] = e
		c.triples += e.triples
	}
	for _, p := range vocab.Prefixes {
		if l.vocabs[p.Namespace] {
			c.vocabs = append(c.vocabs, p.Namespace)
		}
	}
	// The loader is done: what only loading needed can go.
	errs := l.errs
	l.keys, l.entries, l.errs = nil, nil, nil
	return c, errs
}

func (l *Loader) work() {
	defer l.wg.Done()
	var scratch bytes.Buffer
	zw := &compressor{w: gzip.NewWriter(io.Discard)}
	for job := range l.jobs {
		used, err := l.encode(job.entry, job, &scratch, zw)
		l.mu.Lock()
		if err != nil {
			l.errs = append(l.errs, fmt.Errorf("%s: %w", job.where, err))
		}
		for ns := range used {
			l.vocabs[ns] = true
		}
		l.mu.Unlock()
	}
}

// encode fills an entry's bodies. It writes the entry's fields only when
// every body could be made.
func (l *Loader) encode(e *entry, job loadJob, scratch *bytes.Buffer, zw *compressor) (map[string]bool, error) {
	schema := job.schema
	var err error
	if schema == nil {
		if schema, err = ld.Map(job.article, ld.SchemaProfile); err != nil {
			return nil, err
		}
	}
	full, err := ld.Map(job.article, ld.FullProfile)
	if err != nil {
		return nil, err
	}
	var bodies [bodyKinds]body
	encodeWith := func(kind bodyKind, name string, g *ld.Graph) error {
		f, _ := ld.FormatByName(name)
		scratch.Reset()
		enc := f.NewEncoder(scratch)
		if err := enc.Encode(g); err != nil {
			return fmt.Errorf("encoding %s: %w", name, err)
		}
		if err := enc.Close(); err != nil {
			return fmt.Errorf("encoding %s: %w", name, err)
		}
		bodies[kind] = compress(scratch.Bytes(), zw)
		return nil
	}
	for _, step := range []struct {
		kind bodyKind
		name string
		g    *ld.Graph
	}{
		{bodyJSONLD, "jsonld", schema},
		{bodyExpanded, "jsonld-expanded", schema},
		{bodyTurtle, "turtle", full},
		{bodyNTriples, "ntriples", full},
	} {
		if err := encodeWith(step.kind, step.name, step.g); err != nil {
			return nil, err
		}
	}
	// N-Quads: blank nodes labelled by the article's place in the
	// collection, so that the dump, the concatenation of these bodies,
	// keeps every article's blank nodes apart.
	nq, _ := ld.FormatByName("nquads")
	quads, err := nq.AppendGraph(nil, full, ld.StreamScope(job.index))
	if err != nil {
		return nil, fmt.Errorf("encoding nquads: %w", err)
	}
	bodies[bodyNQuads] = compress(quads, zw)

	scratch.Reset()
	if err := writeLandingPage(scratch, l.base, e.path, job.article, schema); err != nil {
		return nil, fmt.Errorf("landing page: %w", err)
	}
	bodies[bodyHTML] = compress(scratch.Bytes(), zw)

	e.bodies = bodies
	e.triples = full.Len()
	if iri, ok := full.Root.(rdf.IRI); ok {
		e.root = iri.String()
	}
	return namespaces(full), nil
}

// compress gzips data into a body, with the hash of data as its tag. The
// compressed bytes are copied out of zw's buffer at their exact size: a
// collection holds hundreds of thousands of them.
func compress(data []byte, zw *compressor) body {
	zw.out.Reset()
	zw.w.Reset(&zw.out)
	zw.w.Write(data) // a bytes.Buffer does not fail
	zw.w.Close()
	sum := sha256.Sum256(data)
	return body{gz: bytes.Clone(zw.out.Bytes()), size: len(data), tag: base64.RawURLEncoding.EncodeToString(sum[:12])}
}

// compressor is a worker's gzip writer and its reused output buffer.
type compressor struct {
	w   *gzip.Writer
	out bytes.Buffer
}

// namespaces returns the vocabulary namespaces of a graph's predicates and
// classes.
func namespaces(g *ld.Graph) map[string]bool {
	used := map[string]bool{}
	for _, t := range g.Triples {
		terms := []string{t.Pred.String()}
		if t.Pred.String() == vocab.RDFType {
			terms = append(terms, t.Obj.String())
		}
		for _, term := range terms {
			for _, p := range vocab.Prefixes {
				if strings.HasPrefix(term, p.Namespace) {
					used[p.Namespace] = true
					break
				}
			}
		}
	}
	return used
}

// articleKey returns the key an article is found by and its path. An
// article with a DOI is "/doi/" and the DOI, each of its segments
// percent-encoded; the key is the DOI in lower case (DOIs are
// case-insensitive in ASCII). Any other article gets a stable id: the
// first 16 hex digits of the SHA-256 of its URL, or, without one, of its
// title, publication date and journal title joined by newlines; its path
// is "/id/" and the id.
func articleKey(a *ld.Article) (key, path string) {
	if a.DOI != "" {
		return doiKey(a.DOI), "/doi/" + escapeSegments(a.DOI)
	}
	id := stableID(a)
	return "id/" + id, "/id/" + id
}

func stableID(a *ld.Article) string {
	seed := a.URL
	if seed == "" {
		journal := ""
		if a.Journal != nil {
			journal = a.Journal.Title
		}
		seed = a.Title + "\n" + a.Dates.Published.String() + "\n" + journal
	}
	sum := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(sum[:8])
}

// doiKey lower-cases the ASCII letters of a DOI.
func doiKey(doi string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, doi)
}

// keyOfPath is the lookup key of an entry's path.
func keyOfPath(path string) string {
	if rest, ok := strings.CutPrefix(path, "/doi/"); ok {
		doi, _ := url.PathUnescape(rest)
		return doiKey(doi)
	}
	return strings.TrimPrefix(path, "/")
}

// escapeSegments percent-encodes each "/"-separated segment of s.
func escapeSegments(s string) string {
	segments := strings.Split(s, "/")
	for i, seg := range segments {
		segments[i] = url.PathEscape(seg)
	}
	return strings.Join(segments, "/")
}

// errNotFound is the error of a key the collection does not hold.
var errNotFound = errors.New("not in this collection")

// lookup finds an article by key.
func (c *Collection) lookup(key string) (*entry, error) {
	if e, ok := c.byKey[key]; ok {
		return e, nil
	}
	return nil, errNotFound
}
