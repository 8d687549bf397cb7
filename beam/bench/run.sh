#!/usr/bin/env bash
# bench/run.sh [N]: the measurement of BENCHMARKS.md, "Beam pipeline". It
# generates N records (default 100,000; every 100th bad) and converts them
# to N-Quads twice on the same file, with 2 CPUs each (GOMAXPROCS=2): with
# `scholarld convert -j 2`, then with the Beam pipeline on prism. It prints each run's wall time, CPU
# time and peak memory (GNU time), their counts, and the pipeline's CPU
# profile, and checks that both wrote the same number of quads and rejects.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd .. && go run ./cmd/scholarld-corpus -n "$n" -bad 100) > "$work/corpus.jsonl"
go build -o "$work/scholarld-beam" ./cmd/scholarld-beam
(cd .. && go build -o "$work/scholarld" ./cmd/scholarld)
echo "input: $n records, $(stat -c %s "$work/corpus.jsonl") bytes; $(nproc) CPUs, $(uname -m)"

export GOMAXPROCS=2
fmt='%e s wall, %U s user, %S s sys, %M KiB peak RSS'
# convert exits 1 when it rejected records, as it does here
/usr/bin/time -f "convert -j 2: $fmt" "$work/scholarld" convert --no-progress -j 2 -t nquads \
  -o "$work/bulk.nq" --rejects "$work/bulk-rejects.jsonl" "$work/corpus.jsonl" || [ $? = 1 ]
/usr/bin/time -f "beam prism:   $fmt" "$work/scholarld-beam" --runner prism --cpuprofile "$work/cpu.prof" \
  --input "$work/corpus.jsonl" --output "$work/beam/part" --part_size "${PART_SIZE:-8388608}" --format nquads 2>&1 |
  grep -v '^time=\|^[0-9/]* [0-9:]* \(INFO\|DEBUG\)'

bulk_quads=$(wc -l < "$work/bulk.nq")
beam_quads=$(cat "$work"/beam/part-[0-9]*.nq | wc -l)
bulk_rejects=$(wc -l < "$work/bulk-rejects.jsonl")
beam_rejects=$(cat "$work"/beam/part-rejects-*.jsonl | wc -l)
echo "quads: bulk $bulk_quads, beam $beam_quads; rejects: bulk $bulk_rejects, beam $beam_rejects; N-Quads $(stat -c %s "$work/bulk.nq") bytes"
[ "$bulk_quads" = "$beam_quads" ] && [ "$bulk_rejects" = "$beam_rejects" ]
go tool pprof -top -nodecount=25 "$work/scholarld-beam" "$work/cpu.prof" 2>/dev/null | sed -n '1,32p'
echo "cumulative, by stage:"
go tool pprof -top -cum -nodecount=60 "$work/scholarld-beam" "$work/cpu.prof" 2>/dev/null |
  grep -E 'pipeline\.|bulk\.|ld\.Map|ld\.DecodeRecordAt|Reshuffle|coder|grpc|engine|runtime\.gcBgMarkWorker|runtime\.mallocgc' | head -30
