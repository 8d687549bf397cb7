package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/bulk"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/source"
	"github.com/scholarld/scholarld/sparql"
)

const loadUsage = `Usage: scholarld load --endpoint URL [flags] [FILE|-]...

Reads articles from the FILEs (files, folders, archives, compressed files;
standard input for - or none), in any input format convert reads, and puts
each into its own named graph in a triple store over SPARQL 1.1, replacing
what the graph held: loading twice, or loading an updated record, leaves one
current copy. --graph puts every article into one graph instead.

The graph of an article is its IRI (https://doi.org/DOI, else its URL), as
in the N-Quads of convert; with --graph-prefix P it is P followed by the
lower-cased DOI (else the article's IRI), percent-encoded. An article with
neither DOI nor URL has no IRI and is rejected unless --graph is given.

With --delete the FILEs are records whose graphs are dropped; an argument
that is a DOI (10.NNNN/…, doi:…, https://doi.org/…) rather than a file
names an article by its DOI.

Credentials come from --user and the environment variable
SCHOLARLD_SPARQL_PASSWORD (or --password, which other users of the machine
can see); they are never printed.

Flags:
`

// loadFlags are the settings of one load run.
type loadFlags struct {
	endpoint, updateURL, storeURL string
	protocol                      string
	graph, graphPrefix            string
	batch, jobs, retries          int
	timeout, retryWait            time.Duration
	authScheme, user, password    string
	rejects                       string
	from, vocab, bnodes           string
	dryRun, verify, delete        bool
}

func parseLoad(args []string, stdout, stderr io.Writer) (*loadFlags, []string, int) {
	c := &loadFlags{}
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.endpoint, "endpoint", "", "the SPARQL `URL` for queries, and for updates unless --update-endpoint is given (Virtuoso: http://host:8890/sparql)")
	fs.StringVar(&c.updateURL, "update-endpoint", "", "the SPARQL Update `URL` when it differs from --endpoint")
	fs.StringVar(&c.storeURL, "graph-store", "", "the Graph Store Protocol `URL`, for --protocol gsp (Virtuoso: http://host:8890/sparql-graph-crud, or -auth)")
	fs.StringVar(&c.protocol, "protocol", "update", "`update` (DELETE of the graphs the store holds + INSERT DATA, --batch articles a request) or gsp (a PUT per article, a POST per batch with --graph)")
	fs.StringVar(&c.graph, "graph", "", "put every article into the one graph `IRI` (append mode) instead of a graph each")
	fs.StringVar(&c.graphPrefix, "graph-prefix", "", "name each article's graph `P` + its lower-cased, percent-encoded DOI (else its IRI)")
	fs.IntVar(&c.batch, "batch", 50, "articles per request")
	fs.IntVar(&c.jobs, "j", 2, "requests in flight")
	fs.IntVar(&c.retries, "retries", 4, "retries of a request that fails with 5xx, 429, a timeout or a connection error")
	fs.DurationVar(&c.retryWait, "retry-wait", 500*time.Millisecond, "the first wait before a retry; each next one doubles (up to 30s), jittered")
	fs.DurationVar(&c.timeout, "timeout", 2*time.Minute, "time allowed for one request")
	fs.StringVar(&c.authScheme, "auth", "", "HTTP authentication: `basic` or digest (default digest when a user is given)")
	fs.StringVar(&c.user, "user", os.Getenv("SCHOLARLD_SPARQL_USER"), "user `name` (default $SCHOLARLD_SPARQL_USER)")
	fs.StringVar(&c.password, "password", "", "password; prefer $SCHOLARLD_SPARQL_PASSWORD, which ps does not show")
	fs.StringVar(&c.rejects, "rejects", "", "write the records that were not loaded to `FILE`, as JSON Lines records")
	fs.StringVar(&c.from, "f", "", "input `format` (default: detected per input)")
	fs.StringVar(&c.vocab, "vocab", "full", "vocabulary `profile`: full or schema")
	fs.StringVar(&c.bnodes, "bnodes", "skolem", "blank nodes: `skolem` (sent as https://w3id.org/scholarld/.well-known/genid/… IRIs, stable per article) or keep")
	fs.BoolVar(&c.dryRun, "dry-run", false, "print the requests to standard output instead of sending them")
	fs.BoolVar(&c.verify, "verify", false, "after each batch, count each graph's triples in the store and report those that differ from what was sent")
	fs.BoolVar(&c.delete, "delete", false, "drop the articles' graphs instead of loading them")
	fs.Usage = func() {
		fmt.Fprint(stdout, loadUsage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, ExitOK
		}
		return nil, nil, ExitUsage
	}
	if c.password == "" {
		c.password = os.Getenv("SCHOLARLD_SPARQL_PASSWORD")
	}
	if c.authScheme == "" && c.user != "" {
		c.authScheme = "digest"
	}
	if c.updateURL == "" {
		c.updateURL = c.endpoint
	}
	if err := c.check(); err != nil {
		fmt.Fprintf(stderr, "scholarld load: %v\n", err)
		return nil, nil, ExitUsage
	}
	if len(positional) == 0 {
		positional = []string{source.Stdin}
	}
	return c, positional, -1
}

// check finds the flags that do not go together.
func (c *loadFlags) check() error {
	switch {
	case c.protocol != string(sparql.Update) && c.protocol != string(sparql.GraphStore):
		return fmt.Errorf("--protocol %q: update or gsp", c.protocol)
	case c.protocol == string(sparql.Update) && c.updateURL == "":
		return errors.New("--endpoint (or --update-endpoint) is required")
	case c.protocol == string(sparql.GraphStore) && c.storeURL == "":
		return errors.New("--protocol gsp needs --graph-store")
	case c.verify && c.endpoint == "":
		return errors.New("--verify needs --endpoint to query")
	case c.batch < 1 || c.jobs < 1 || c.retries < 0 || c.retryWait <= 0:
		return errors.New("--batch and -j must be at least 1, --retries at least 0, --retry-wait above 0")
	case c.bnodes != "skolem" && c.bnodes != "keep":
		return fmt.Errorf("--bnodes %q: skolem or keep", c.bnodes)
	case c.graph != "" && c.graphPrefix != "":
		return errors.New("--graph and --graph-prefix exclude each other")
	case c.graph != "" && c.delete:
		return errors.New("--delete drops per-article graphs; drop the --graph graph with DROP GRAPH")
	case c.authScheme != "" && c.authScheme != "basic" && c.authScheme != "digest":
		return fmt.Errorf("--auth %q: basic or digest", c.authScheme)
	}
	if c.graph != "" {
		if err := sparql.CheckIRI(c.graph); err != nil {
			return fmt.Errorf("--graph: %w", err)
		}
	}
	return nil
}

// loadRef is what a graph sent to the store came from.
type loadRef struct {
	where   string // file:line:col or file#index
	article *ld.Article
	raw     []byte
}

func loadCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, inputs, code := parseLoad(args, stdout, stderr)
	if c == nil {
		return code
	}
	profile, err := ld.ParseProfile(c.vocab)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld load: %v\n", err)
		return ExitUsage
	}
	client, err := sparql.NewClient(sparql.Auth{Scheme: c.authScheme, User: c.user, Password: c.password}, c.timeout,
		sparql.Retry{Attempts: c.retries + 1, Base: c.retryWait, Max: max(30*time.Second, c.retryWait)})
	if err != nil {
		fmt.Fprintf(stderr, "scholarld load: %v\n", err)
		return ExitUsage
	}
	client.QueryURL, client.UpdateURL, client.GraphStoreURL = c.endpoint, c.updateURL, c.storeURL

	rejects, err := openLoadRejects(c.rejects)
	if err != nil {
		fmt.Fprintf(stderr, "scholarld load: %v\n", err)
		return ExitIO
	}
	defer rejects.close()
	reject := rejects.write

	loader := &sparql.Loader{Client: client, Protocol: sparql.Protocol(c.protocol), Into: c.graph, Delete: c.delete,
		Batch: c.batch, Jobs: c.jobs, Verify: c.verify && c.graph == "",
		// asking which graphs exist needs a query endpoint, and is safe
		// for ground triples only (sparql.Loader.SkipAbsent)
		SkipAbsent: c.endpoint != "" && c.bnodes == "skolem"}
	if c.dryRun {
		loader.DryRun = stdout
	}
	loader.Result = func(r sparql.BatchResult) {
		if r.Err != nil {
			fmt.Fprintf(stderr, "scholarld load: batch %d of %d articles failed: %v\n", r.Seq+1, len(r.Graphs), r.Err)
			for _, g := range r.Graphs {
				ref := g.Ref.(loadRef)
				fmt.Fprintf(stderr, "  %s: <%s> not loaded\n", ref.where, g.IRI)
				reject(ref)
			}
		}
		for _, m := range r.Mismatches {
			fmt.Fprintf(stderr, "scholarld load: verify: %s\n", m)
		}
	}

	ctx := context.Background()
	var appendBefore int
	if c.verify && c.graph != "" && !c.dryRun {
		counts, err := client.Counts(ctx, []string{c.graph})
		if err != nil {
			fmt.Fprintf(stderr, "scholarld load: verify: %v\n", err)
			return ExitIO
		}
		appendBefore = counts[c.graph]
	}

	readRejected, sentDistinct := 0, 0
	loader.Start(ctx)
	rejectRecord := func(where string, raw []byte, err error) {
		readRejected++
		fmt.Fprintf(stderr, "%s: %v\n", where, err)
		reject(loadRef{where: where, raw: raw})
	}
	dois, paths := splitDOIs(inputs, c.delete)
	recordNo := 0
	for _, doi := range dois {
		loader.Add(sparql.Graph{IRI: doiGraph(doi, c.graphPrefix), Ref: loadRef{where: "doi:" + doi}})
	}
	if len(paths) > 0 {
		var enc func([]byte, *ld.Graph, string) ([]byte, error)
		if !c.delete {
			nt, _ := ld.FormatByName("ntriples")
			enc = nt.AppendGraph
		}
		opts := bulk.Options{From: c.from, Converter: bulk.Converter{Profile: profile}}
		err = bulk.Run(ctx, source.Open(paths, stdin, nil), opts, func(it *bulk.Item) error {
			where := it.Pos.String()
			if it.Pos.Line == 0 {
				where = fmt.Sprintf("%s#%d", it.Source, it.Index+1)
			}
			if it.Err != nil {
				rejectRecord(where, it.Raw, it.Err)
				return nil
			}
			g, err := articleGraph(it, c, enc, recordNo)
			recordNo++
			if err != nil {
				rejectRecord(where, nil, err)
				return nil
			}
			g.Ref = loadRef{where: where, article: it.Article}
			sentDistinct += g.Triples
			loader.Add(g)
			return nil
		})
	}
	sum := loader.Close()
	if err != nil {
		fmt.Fprintf(stderr, "scholarld load: %v\n", err)
		return ExitIO
	}

	verb := "loaded"
	if c.delete {
		verb = "dropped"
	}
	if c.dryRun {
		verb = "would load"
		if c.delete {
			verb = "would drop"
		}
	}
	fmt.Fprintf(stderr, "scholarld load: %s %d articles (%d triples) in %d batches; failed %d articles in %d batches; %d retries; %d records rejected before loading",
		verb, sum.Graphs, sum.Triples, sum.Batches, sum.FailedGraphs, sum.FailedBatches, sum.Retries, readRejected)
	if c.verify && !c.dryRun && c.graph == "" {
		fmt.Fprintf(stderr, "; verify: %d graphs differ", sum.Mismatches)
	}
	fmt.Fprintln(stderr)

	if c.verify && c.graph != "" && !c.dryRun {
		counts, err := client.Counts(ctx, []string{c.graph})
		if err != nil {
			fmt.Fprintf(stderr, "scholarld load: verify: %v\n", err)
			return ExitIO
		}
		fmt.Fprintf(stderr, "scholarld load: verify: <%s> grew by %d triples; %d were sent (triples it held already are not added again)\n",
			c.graph, counts[c.graph]-appendBefore, sentDistinct)
		if counts[c.graph]-appendBefore > sentDistinct {
			sum.Mismatches++
		}
	}
	if err := rejects.close(); err != nil {
		fmt.Fprintf(stderr, "scholarld load: --rejects: %v\n", err)
		return ExitIO
	}
	if sum.FailedGraphs > 0 || readRejected > 0 || sum.Mismatches > 0 {
		return ExitData
	}
	return ExitOK
}

// splitDOIs parts the arguments of --delete into DOIs and inputs: an
// argument that is no file but a DOI names an article by its DOI.
func splitDOIs(args []string, delete bool) (dois, paths []string) {
	for _, arg := range args {
		if delete && arg != source.Stdin {
			if _, err := os.Stat(arg); err != nil {
				if doi, derr := ident.NormalizeDOI(arg); derr == nil {
					dois = append(dois, doi)
					continue
				}
			}
		}
		paths = append(paths, arg)
	}
	return dois, paths
}

// loadRejects writes the records that were not loaded as JSON Lines: an
// article as its record, a record that could not be read as its text. The
// first error stops the writing and is kept for close.
type loadRejects struct {
	f   *os.File
	err error
}

// openLoadRejects creates the --rejects file; with no path, writes do nothing.
func openLoadRejects(path string) (*loadRejects, error) {
	if path == "" {
		return &loadRejects{}, nil
	}
	f, err := os.Create(path)
	return &loadRejects{f: f}, err
}

func (r *loadRejects) write(ref loadRef) {
	if r.f == nil || r.err != nil {
		return
	}
	line := ref.raw
	if ref.article != nil {
		line, r.err = json.Marshal(ref.article)
	} else if len(line) > 0 {
		var buf bytes.Buffer
		if json.Compact(&buf, line) == nil {
			line = buf.Bytes()
		}
	}
	if len(line) > 0 && r.err == nil {
		_, r.err = r.f.Write(append(bytes.TrimSpace(line), '\n'))
	}
}

// close closes the file once and reports the first error.
func (r *loadRejects) close() error {
	if r.f == nil {
		return r.err
	}
	if err := r.f.Close(); r.err == nil {
		r.err = err
	}
	r.f = nil
	return r.err
}

// articleGraph is the graph the store gets for one article: its name, and
// with enc its triples as N-Triples, blank nodes skolemised unless kept.
// n numbers the article in the run.
func articleGraph(it *bulk.Item, c *loadFlags, enc func([]byte, *ld.Graph, string) ([]byte, error), n int) (sparql.Graph, error) {
	own, err := graphName(it.Graph, it.Article, c.graphPrefix)
	if err != nil && c.graph == "" {
		return sparql.Graph{}, err
	}
	name := own
	if c.graph != "" {
		name = c.graph
		if own == "" { // an article without IRI, appended: named by its place
			own = fmt.Sprintf("%s#%d", it.Source, it.Index)
		}
	}
	if enc == nil {
		return sparql.Graph{IRI: name}, nil
	}
	g := it.Graph
	scope := fmt.Sprintf("r%d_", n) // blank node labels distinct within a request
	if c.bnodes == "skolem" {
		g, scope = skolemize(g, own), ""
	}
	data, err := enc(nil, g, scope)
	if err != nil {
		return sparql.Graph{}, err
	}
	return sparql.Graph{IRI: name, NTriples: data, Triples: distinctLines(data)}, nil
}

// graphName names an article's graph: its IRI, or with a prefix the
// prefix and its lower-cased DOI (else its IRI), percent-encoded.
func graphName(g *ld.Graph, a *ld.Article, prefix string) (string, error) {
	iri, ok := g.Root.(rdf.IRI)
	if prefix != "" && a.DOI != "" {
		return doiGraph(a.DOI, prefix), nil
	}
	if !ok {
		return "", errors.New("the article has neither DOI nor URL, so no IRI to name its graph (use --graph)")
	}
	if prefix != "" {
		return prefix + escapeGraphKey(iri.String()), nil
	}
	return iri.String(), nil
}

// doiGraph is the graph of the article with a DOI, as graphName names it.
func doiGraph(doi, prefix string) string {
	if prefix == "" {
		return ident.DOIURL(ident.FoldDOI(doi)) // the article's IRI
	}
	return prefix + escapeGraphKey(ident.FoldDOI(doi))
}

// escapeGraphKey percent-encodes every byte but ASCII letters, digits and
// -._~/:@!$&'()*+,;=, so that the key is safe in any IRI path.
func escapeGraphKey(s string) string {
	const keep = "-._~/:@!$&'()*+,;="
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// genidBase is where skolem IRIs live (RDF 1.1 Concepts, 3.5).
const genidBase = "https://w3id.org/scholarld/.well-known/genid/"

// skolemize replaces the graph's blank nodes by IRIs derived from the
// article's own graph name (key) and the node's label: stable across loads of the same
// article, distinct between articles. Virtuoso 7 refuses blank nodes in
// INSERT DATA (SP031), which the SPARQL 1.1 Update standard allows.
func skolemize(g *ld.Graph, key string) *ld.Graph {
	sum := sha256.Sum256([]byte(key))
	base := genidBase + hex.EncodeToString(sum[:12]) + "-"
	iris := map[string]rdf.IRI{}
	swap := func(t rdf.Term) rdf.Term {
		b, ok := t.(rdf.Blank)
		if !ok {
			return t
		}
		label := strings.TrimPrefix(b.String(), "_:")
		iri, ok := iris[label]
		if !ok {
			iri, _ = rdf.NewIRI(base + label) // labels are [A-Za-z0-9_]: a valid IRI
			iris[label] = iri
		}
		return iri
	}
	out := &ld.Graph{Root: g.Root, Profile: g.Profile, Triples: make([]rdf.Triple, len(g.Triples))}
	for i, t := range g.Triples {
		out.Triples[i] = rdf.Triple{Subj: swap(t.Subj).(rdf.Subject), Pred: t.Pred, Obj: swap(t.Obj).(rdf.Object)}
	}
	if r, ok := swap(g.Root).(rdf.Subject); ok {
		out.Root = r
	}
	return out
}

// distinctLines counts the distinct lines of N-Triples: the triples a
// store holds once loaded.
func distinctLines(data []byte) int {
	seen := map[string]struct{}{}
	for line := range bytes.Lines(data) {
		seen[string(line)] = struct{}{}
	}
	return len(seen)
}
