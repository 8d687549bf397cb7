// Package pipeline is scholarld's bulk conversion as an Apache Beam
// pipeline: the records of many files, on as many machines as the runner
// gives, converted by the same per-record step as `scholarld convert`
// (bulk.Converter), into sharded N-Quads, N-Triples or JSON Lines JSON-LD
// files and a dead-letter output of the records that were rejected.
//
// # How inputs are read
//
// Every input pattern is expanded through Beam's filesystems (local
// paths; gs:// and s3:// when their packages are imported, as the main
// program does). A pattern without wildcards that names nothing is a
// rejected input, as a missing path is for the CLI.
//
// A plain (uncompressed) file whose format is the record format and whose
// first value fits on its first line is JSON Lines (the first line must
// end within the 64 KiB that format detection reads; a file whose first
// line is longer is read per file, as below). It is cut into blocks
// of Options.BlockSize bytes, read on many workers; a block holds the
// lines that start in it. Line numbers and record numbers cannot be known
// from a byte offset alone, so blocks are read twice: a first pass counts
// each block's lines and records, a GroupByKey per file turns the counts
// into each block's first line and first record, and the second pass
// converts the block's records with the positions one pass over the whole
// file would give. The first pass only finds line ends, which costs little
// next to converting; what it buys is that rejects name the line and
// column, and record numbers, exactly as the CLI does. The blocks are
// fixed when the file is opened: Beam's dynamic work rebalancing does not
// split them further, so BlockSize bounds a straggler. Beam's Go
// filesystems open files for reading from the start only; a block of a
// local file seeks to its offset, a block on gs:// or s3:// skips the
// bytes before it, as Beam's own textio does, so very large remote files
// are best read in larger blocks (or, as dumps usually come, as many
// files).
//
// Every other input is read per file, with the CLI's own opening
// (reader/source: decompression and archives by magic bytes), format
// detection (reader/formats) and splitter: a compressed JSON Lines file
// cannot be cut at an offset, so one worker cuts it into records, and a
// Reshuffle spreads the records over the workers for converting.
//
// # Blank nodes
//
// The graphs of all records end up in one union of files, so their blank
// node labels must differ across the whole run. Each record's scope is
// "s" + the 64-bit FNV-1a hash of its input's name in hexadecimal + "r" +
// its record number in that input + "_": the same record always gets the
// same labels, and two records get the same labels only if two input names
// hash alike (about n²/2⁶⁵ for n inputs).
//
// # Outputs
//
// A record goes to shard FNV-1a(input name, record number) mod Shards;
// each shard's records are sorted by input name and record number and
// written to <output>-SSSSS-of-NNNNN<ext>, so that a run writes the same
// bytes whatever the runner, its workers and its retries (a retried write
// overwrites a file with the same bytes). A shard is held in memory to be
// sorted: choose Shards so that output/Shards fits a worker. Shards that
// get no record are not written. Rejects go the same way to
// <rejects>-SSSSS-of-NNNNN.jsonl, one JSON object a line: source, line,
// column, record, error and raw (the record's text, when it was alone in
// its chunk), the fields of the CLI's --rejects.
//
// # Metrics
//
// Counters in the namespace "scholarld": read (records and inputs that
// could not be read), written, rejected (read = written + rejected),
// triples (in the written graphs), warnings, and one counter a kind of
// warning, "warnings:<format>:<path>" with the path's indices removed.
package pipeline
