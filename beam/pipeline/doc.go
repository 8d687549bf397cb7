// Package pipeline is scholarld's bulk conversion as an Apache Beam
// pipeline: the records of many files, on as many machines as the runner
// gives, converted by the same per-record step as `scholarld convert`
// (bulk.Converter), into N-Quads, N-Triples or JSON Lines JSON-LD
// files and a dead-letter output of the records that were rejected.
//
// # How inputs are read
//
// The input patterns are expanded, in order, through Beam's filesystems
// (local paths; gs:// and s3:// when their packages are imported, as the
// main program does), and each file is numbered in the run (its patterns'
// order, then lexical order). A pattern without wildcards that names
// nothing is a rejected input, as a missing path is for the CLI.
//
// The unit of work is a part: about Options.PartSize bytes of one input,
// which one worker converts and writes to one output file. Only the parts
// pass through the runner, never a record or its output, so a runner that
// keeps its collections in memory (prism, the direct runner) holds
// descriptions of parts, not the corpus.
//
// A plain (uncompressed) file whose format is the record format and whose
// first value fits on its first line is JSON Lines (the first line must
// end within the 64 KiB that format detection reads; a file whose first
// line is longer is read as below). It is cut into blocks of PartSize
// bytes, each the lines that start in it, which the workers read
// themselves. Line numbers and record numbers cannot be known from a byte
// offset alone, so blocks are read twice: a first pass counts each
// block's lines and records, a GroupByKey per file turns the counts into
// each block's first line and first record, and the second pass converts
// the block's records with the positions one pass over the whole file
// would give. The first pass only finds line ends, which costs little next
// to converting; what it buys is that rejects name the line and column,
// and record numbers, exactly as the CLI does. The blocks are fixed when
// the file is opened: Beam's dynamic work rebalancing does not split them
// further, so PartSize bounds a straggler. Beam's Go filesystems open
// files for reading from the start only; a block of a local file seeks to
// its offset, a block on gs:// or s3:// skips the bytes before it, as
// Beam's own textio does, so very large remote files are best read in
// larger parts (or, as dumps usually come, as many files).
//
// Every other input is read per file, with the CLI's own opening
// (reader/source: decompression and archives by magic bytes), format
// detection (reader/formats) and splitter: a compressed JSON Lines file
// cannot be cut at an offset, so one worker cuts it into records, gathers
// them into parts of PartSize bytes, and a Reshuffle spreads the parts
// over the workers for converting. These parts carry their records' text
// through the runner.
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
// Part PPPPP of input FFFFF is written to <output>-FFFFF-PPPPP<ext>, its
// records in input order, so that a run writes the same bytes whatever
// the runner, its workers and its retries. A part's file is written under
// a temporary name and renamed when the part is done (on the filesystems
// that rename: local and gs://; s3:// objects appear whole when written),
// so a failed bundle leaves no half-written file under a part's name, and
// a retried one writes the same bytes again. A worker streams a part to
// its file: it holds one record at a time, not the part. A part that has
// no written record creates no output file. Its rejects go the same way to
// <rejects>-FFFFF-PPPPP.jsonl, when it has any: one JSON object a line,
// with source, line, column, record, error and raw (the record's text,
// when it was alone in its chunk), the fields of the CLI's --rejects.
//
// # Metrics
//
// Counters in the namespace "scholarld": read (records and inputs that
// could not be read), written, rejected (read = written + rejected),
// triples (in the written graphs), warnings, and one counter a kind of
// warning, "warnings:<format>:<path>" with the path's indices removed.
package pipeline
