package sparql

import (
	"context"
	"fmt"
	"hash/maphash"
	"io"
	"net/http"
	"strconv"
	"sync"
)

// Protocol names how the Loader writes.
type Protocol string

const (
	// Update sends SPARQL 1.1 Update requests (DELETE of the graphs'
	// triples, INSERT DATA), many graphs per request.
	Update Protocol = "update"
	// GraphStore uses the Graph Store HTTP Protocol: one PUT (replace) or
	// DELETE per graph, or one POST per batch when appending.
	GraphStore Protocol = "gsp"
)

// Loader sends graphs to a store in batches, several requests at a time.
// Start it, Add graphs, then Close; results arrive in batch order.
type Loader struct {
	Client   *Client
	Protocol Protocol
	// Into, when set, names the one graph that every graph's triples are
	// added to (append mode); otherwise each graph is replaced.
	Into string
	// Delete drops the graphs instead of loading them.
	Delete bool
	// Batch is the number of graphs per request (Update, and GraphStore
	// appends); Jobs the number of requests in flight.
	Batch, Jobs int
	// Verify counts each batch's graphs in the store after it is loaded
	// and reports those that differ from what was sent.
	Verify bool
	// SkipAbsent, when replacing over Update, asks the store which of a
	// batch's graphs it holds (one query a batch, to Client.QueryURL) and
	// deletes only those: on Virtuoso 7, deleting graphs it does not hold
	// added a fifth to a first load measured alone. Set it only for
	// graphs of ground triples (no blank nodes): a request the store
	// applied but whose response was lost is sent again without the
	// DELETE of the graphs it created, which adds nothing when every
	// triple is ground. A graph added twice in a run waits for the
	// requests in flight, so that its second copy finds the first and
	// replaces it; to know, the Loader keeps a 64-bit hash of every graph
	// name (a collision costs only a wait).
	SkipAbsent bool
	// DryRun, when set, receives the requests instead of the store; it
	// cannot ask the store, so a replace shows the DELETE of every graph.
	DryRun io.Writer
	// Result is called with every batch's outcome, in batch order, from
	// one goroutine.
	Result func(BatchResult)

	ctx     context.Context
	pending []Graph
	seq     int
	work    chan batch
	done    chan BatchResult
	workers sync.WaitGroup
	// inflight counts the batches handed to the workers and not done.
	inflight sync.WaitGroup
	// added holds a hash of every graph name added, with SkipAbsent.
	added   map[uint64]struct{}
	seed    maphash.Seed
	results sync.WaitGroup
	sum     Summary
}

// BatchResult is one batch's outcome.
type BatchResult struct {
	Seq    int
	Graphs []Graph
	// Err is why the batch failed after its retries; its graphs were not
	// loaded (an update request is atomic; a GraphStore batch is one
	// request).
	Err error
	// Mismatches are the graphs whose triple count in the store differs
	// from what was sent (with Verify).
	Mismatches []Mismatch
}

// Mismatch is a graph whose stored triple count is not the one sent.
type Mismatch struct {
	Graph        string
	Sent, Stored int
}

func (m Mismatch) String() string {
	return fmt.Sprintf("graph <%s>: sent %d triples, the store holds %d", m.Graph, m.Sent, m.Stored)
}

// Summary counts a run's outcome.
type Summary struct {
	Graphs, Triples, Batches    int // loaded (or dropped)
	FailedGraphs, FailedBatches int
	Mismatches                  int
	Retries                     int64
}

type batch struct {
	seq    int
	graphs []Graph
}

// Start begins a run; ctx ends it early.
func (l *Loader) Start(ctx context.Context) {
	l.ctx = ctx
	if l.Batch < 1 {
		l.Batch = 1
	}
	if l.Protocol == GraphStore && l.Into == "" {
		l.Batch = 1 // one graph per PUT or DELETE
	}
	jobs := l.Jobs
	if jobs < 1 || l.DryRun != nil {
		jobs = 1
	}
	l.added, l.seed = map[uint64]struct{}{}, maphash.MakeSeed()
	l.work = make(chan batch)
	l.done = make(chan BatchResult, jobs)
	for range jobs {
		l.workers.Add(1)
		go func() {
			defer l.workers.Done()
			for b := range l.work {
				r := l.send(b)
				l.inflight.Done()
				l.done <- r
			}
		}()
	}
	l.results.Add(1)
	go l.collect()
}

// Add queues a graph; a full batch is sent, waiting while Jobs requests
// are in flight.
func (l *Loader) Add(g Graph) {
	if l.skipsAbsent() {
		h := maphash.String(l.seed, g.IRI)
		if _, again := l.added[h]; again {
			// the first copy must be in the store before this one asks
			l.flush()
			l.inflight.Wait()
		}
		l.added[h] = struct{}{}
	}
	l.pending = append(l.pending, g)
	if len(l.pending) >= l.Batch {
		l.flush()
	}
}

func (l *Loader) flush() {
	if len(l.pending) == 0 {
		return
	}
	l.inflight.Add(1)
	l.work <- batch{seq: l.seq, graphs: l.pending}
	l.seq++
	l.pending = nil
}

// Close sends what is queued, waits for every request and returns the
// summary.
func (l *Loader) Close() Summary {
	l.flush()
	close(l.work)
	l.workers.Wait()
	close(l.done)
	l.results.Wait()
	if l.Client != nil {
		l.sum.Retries = l.Client.Retries.Load()
	}
	return l.sum
}

// collect hands results to Result in batch order and counts them.
func (l *Loader) collect() {
	defer l.results.Done()
	waiting := map[int]BatchResult{}
	next := 0
	for r := range l.done {
		waiting[r.Seq] = r
		for {
			r, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			l.count(r)
			if l.Result != nil {
				l.Result(r)
			}
		}
	}
}

func (l *Loader) count(r BatchResult) {
	if r.Err != nil {
		l.sum.FailedBatches++
		l.sum.FailedGraphs += len(r.Graphs)
		return
	}
	l.sum.Batches++
	l.sum.Graphs += len(r.Graphs)
	for _, g := range r.Graphs {
		l.sum.Triples += g.Triples
	}
	l.sum.Mismatches += len(r.Mismatches)
}

// skipsAbsent reports whether a replace asks which graphs exist first.
func (l *Loader) skipsAbsent() bool {
	return l.SkipAbsent && l.Protocol == Update && !l.Delete && l.Into == "" && l.DryRun == nil
}

// send writes one batch, then verifies it when asked.
func (l *Loader) send(b batch) BatchResult {
	res := BatchResult{Seq: b.seq, Graphs: b.graphs}
	existing := names(b.graphs)
	if l.skipsAbsent() {
		held, err := l.Client.Existing(l.ctx, existing)
		if err != nil {
			res.Err = fmt.Errorf("asking which graphs the store holds: %w", err)
			return res
		}
		existing = existing[:0]
		for _, g := range b.graphs {
			if held[g.IRI] {
				existing = append(existing, g.IRI)
			}
		}
	}
	for _, req := range l.requests(b.graphs, existing) {
		if l.DryRun != nil {
			res.Err = writeRequest(l.DryRun, req)
		} else {
			_, res.Err = l.Client.do(l.ctx, req)
		}
		if res.Err != nil {
			return res
		}
	}
	if l.Verify && l.DryRun == nil && !l.Delete && l.Into == "" {
		res.Mismatches, res.Err = l.verify(b.graphs)
	}
	return res
}

// requests are the HTTP requests that write a batch; existing names the
// graphs a replace over Update deletes.
func (l *Loader) requests(graphs []Graph, existing []string) []request {
	update := func(body []byte) []request {
		return []request{{method: http.MethodPost, url: l.Client.UpdateURL, contentType: "application/sparql-update", body: body}}
	}
	switch {
	case l.Protocol == Update && l.Delete:
		return update(DropUpdate(graphs))
	case l.Protocol == Update && l.Into != "":
		return update(AppendUpdate(l.Into, graphs))
	case l.Protocol == Update:
		return update(ReplaceUpdate(graphs, existing))
	case l.Into != "":
		var body []byte
		for _, g := range graphs {
			body = append(body, g.NTriples...)
		}
		u, _ := l.Client.graphURL(l.Into)
		return []request{{method: http.MethodPost, url: u, contentType: "application/n-triples", body: body}}
	}
	reqs := make([]request, len(graphs))
	for i, g := range graphs {
		u, _ := l.Client.graphURL(g.IRI)
		if l.Delete {
			reqs[i] = request{method: http.MethodDelete, url: u}
		} else {
			reqs[i] = request{method: http.MethodPut, url: u, contentType: "application/n-triples", body: g.NTriples}
		}
	}
	return reqs
}

// writeRequest prints a request as a dry run shows it.
func writeRequest(w io.Writer, r request) error {
	head := r.method + " " + r.url + "\n"
	if r.contentType != "" {
		head += "Content-Type: " + r.contentType + "\n"
	}
	if _, err := io.WriteString(w, head+"\n"); err != nil {
		return err
	}
	if _, err := w.Write(r.body); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// names are the graphs' names.
func names(graphs []Graph) []string {
	out := make([]string, len(graphs))
	for i, g := range graphs {
		out[i] = g.IRI
	}
	return out
}

// verify compares the store's triple counts of graphs with those sent.
func (l *Loader) verify(graphs []Graph) ([]Mismatch, error) {
	stored, err := l.Client.Counts(l.ctx, names(graphs))
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	var out []Mismatch
	for _, g := range graphs {
		if n := stored[g.IRI]; n != g.Triples {
			out = append(out, Mismatch{Graph: g.IRI, Sent: g.Triples, Stored: n})
		}
	}
	return out, nil
}

// Existing reports which of the graphs hold any triple in the store.
func (c *Client) Existing(ctx context.Context, graphs []string) (map[string]bool, error) {
	res, err := c.Select(ctx, ExistsQuery(graphs))
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(res.Bindings))
	for _, b := range res.Bindings {
		out[b["g"].Value] = true
	}
	return out, nil
}

// Counts returns the number of triples in each of the graphs; a graph
// the store does not hold is absent (zero).
func (c *Client) Counts(ctx context.Context, graphs []string) (map[string]int, error) {
	res, err := c.Select(ctx, CountQuery(graphs))
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(graphs))
	for _, b := range res.Bindings {
		n, err := strconv.Atoi(b["n"].Value)
		if err != nil {
			return nil, fmt.Errorf("count of <%s>: %q is not a number", b["g"].Value, b["n"].Value)
		}
		out[b["g"].Value] = n
	}
	return out, nil
}
