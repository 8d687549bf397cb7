// Package ld turns one scholarly article into linked data.
//
// Data flows one way:
//
//	record (JSON) ──DecodeRecord──▶ Article ──Map──▶ Graph ──Encoder──▶ bytes
//
// Article is the model every reader produces. Map is a pure function of one
// Article and a Profile: it builds the RDF graph once, with knakk/rdf terms,
// and every output is a view of that graph. The encoders stream to an
// io.Writer:
//
//	format           media type               writer
//	jsonld           application/ld+json      the compaction json-gold gives against the schema.org context, by this package
//	jsonld-expanded  application/ld+json      the expanded form the compaction starts from
//	html             text/html                the compact JSON-LD in a <script> element
//	turtle           text/turtle              this package (knakk/rdf's writer is not valid Turtle)
//	ntriples         application/n-triples    this package, one line per triple
//	nquads           application/n-quads      as ntriples, in a graph named by the article
//	jsonl            application/x-ndjson     the compact JSON-LD, one document per line
//
// JSON-LD of another shape goes through json-gold itself: NewContextEncoder
// compacts with a user's context (ParseContext), NewFrameEncoder frames
// the whole output with a JSON-LD 1.1 frame (ParseFrame). The context or
// frame is processed once, and OfflineLoader serves every URL they name:
// the schema.org context's, and nothing else, so no network is used.
//
// Errors about one record never affect another: Map and the encoders keep
// no state between articles.
package ld
