// Package sparql is a client of the SPARQL 1.1 protocols that put linked
// data into a triple store and read it back: SPARQL 1.1 Update
// (application/sparql-update), the Graph Store HTTP Protocol (PUT, POST
// and DELETE of a named graph) and SPARQL 1.1 Query with JSON results.
//
// It knows nothing of articles: a Graph is a name and N-Triples. The
// Loader sends many graphs in batches over several connections, replacing
// each named graph (one DELETE of the triples of the batch's graphs that
// the store holds, then INSERT DATA, in one request; or one PUT per graph)
// or appending to one graph, with timeouts and bounded retries.
//
// The package is top-level, beside ld and bulk, because it is a protocol
// client any program may use, not part of the command line: `scholarld
// load` and a server are two of its callers.
//
// Retries: a request that fails with a connection error, a timeout, a 5xx
// status or 429 is sent again, at most Retry.Attempts times in all, after
// waits that double from Retry.Base up to Retry.Max, each a random
// duration between half and all of that ("equal jitter"), or what a 429's
// Retry-After asks when that is longer and under Retry.Max. Every other
// status fails at once: a 4xx will not get better.
//
// Authentication: HTTP Basic, or Digest (RFC 7616, which Virtuoso's
// /sparql-graph-crud-auth and /sparql-auth ask for) through the
// github.com/icholy/digest transport, a small, tested, MIT-licensed
// library. Passwords are never printed: Auth's String method hides them.
package sparql
