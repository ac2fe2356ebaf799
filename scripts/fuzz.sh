#!/usr/bin/env bash
# Runs DocGraph's libFuzzer harnesses (Sources/docgraph-fuzz), each for SECONDS,
# one after another: rdfxml, graphml, ntriples, turtle, sparql, text, markdown, pdf
# (or those named).
# The harnesses are built with `-sanitize=fuzzer,address` into .build/fuzz;
# each starts from its seed corpus in Fuzz/corpus/<harness> and keeps what it
# learns in .build/fuzz-corpus/<harness>. A crash, sanitizer report, timeout
# (10 s; 2 s for a text or Markdown document) or memory blow-up (2 GiB) is saved as
# Fuzz/crashes/<harness>-…; replay it with `swift run docgraph-fuzz <harness> FILE` and
# turn it into a test.
# Prints, per harness, executions, executions/s and coverage (edges, features).
# Usage: scripts/fuzz.sh [SECONDS=600] [HARNESS...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(rdfxml graphml ntriples turtle sparql text markdown pdf)
mkdir -p .build
# A failed build must stop the run: fuzzing a harness left from an older build would
# report on code that is no longer there.
if ! swift build -c release --product docgraph-fuzz --build-path .build/fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING > .build/fuzz-build.log 2>&1; then
  grep -E "error" .build/fuzz-build.log | head -5 >&2
  echo "fuzz: error: the harnesses did not build (see .build/fuzz-build.log)" >&2
  exit 1
fi
bin=.build/fuzz/release/docgraph-fuzz
mkdir -p Fuzz/crashes
export DOCGRAPH_ONTOLOGY="$PWD/Ontology"
# Swift's own crash reporter would race ASan for the failing process; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
status=0
for h in "${harnesses[@]}"; do
  corpus=".build/fuzz-corpus/$h"
  mkdir -p "$corpus"
  dict=()
  case "$h" in
    rdfxml|graphml) dict=(-dict=Fuzz/xml.dict) ;;
    sparql) dict=(-dict=Fuzz/sparql.dict) ;;
    turtle) dict=(-dict=Fuzz/turtle.dict) ;;
  esac
  # A document of 32 KB is read and extracted in milliseconds: one that takes 2 s is a path that
  # grows with the square of its length (100 KB of unclosed Markdown brackets once took 26 s).
  timeout=10
  case "$h" in
    text|markdown) maxlen=32768; timeout=2 ;;
    pdf) maxlen=65536 ;;
    *) maxlen=8192 ;;
  esac
  log="$corpus.log"
  set +e
  DOCGRAPH_FUZZ_TARGET="$h" "$bin" "$corpus" "Fuzz/corpus/$h" "${dict[@]}" -max_total_time="$seconds" \
    -max_len="$maxlen" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="Fuzz/crashes/$h-" > "$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || echo "cov: ?")
  corpusSize=$(ls "$corpus" | wc -l)
  if [ $rc -eq 0 ]; then
    echo "fuzz $h: ${seconds} s, $runs executions ($rate/s), $cov, corpus $corpusSize inputs, no crash"
  else
    echo "fuzz $h: FAILED after $runs executions ($cov); see $log and Fuzz/crashes/$h-*"
    grep -E "ERROR|SUMMARY|Fatal error|==[0-9]+==" "$log" | head -5
    status=1
  fi
done
exit $status
