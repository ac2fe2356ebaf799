#!/usr/bin/env bash
# DocGraph against raptor's rapper, same files, same run:
#   1. N-Triples -> RDF/XML  (docgraph convert big.nt big.rdf  vs  rapper -i ntriples -o rdfxml)
#   2. RDF/XML -> N-Triples  (both parse DocGraph's own RDF/XML)
# Prints wall time, triples/s and peak memory for each, and DocGraph's time as a ratio of rapper's.
# Usage: Benchmarks/convert-vs-rapper.sh [TRIPLES=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
command -v rapper >/dev/null || { apt-get update -qq && apt-get install -y -qq raptor2-utils >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_graph.py "$n" "$work/big.nt"
triples=$(wc -l < "$work/big.nt")

measure() {  # label, output file, command...
  local label="$1" out="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out"
  read -r secs kb < "$work/time"
  awk -v l="$label" -v s="$secs" -v k="$kb" -v n="$triples" \
    'BEGIN { printf "%-34s %8.2f s  %10.0f triples/s  %7.0f MiB peak\n", l, s, n / (s > 0 ? s : 0.01), k / 1024 }'
  echo "$secs"> "$work/last"
}

echo "graph: $triples triples ($(du -h "$work/big.nt" | cut -f1) of N-Triples)"
measure "docgraph  N-Triples -> RDF/XML" /dev/null "$bin" convert "$work/big.nt" "$work/big.rdf"; dw=$(cat "$work/last")
measure "rapper    N-Triples -> RDF/XML" "$work/rapper.rdf" rapper -q -i ntriples -o rdfxml "$work/big.nt"; rw=$(cat "$work/last")
measure "docgraph  RDF/XML -> N-Triples" /dev/null "$bin" convert "$work/big.rdf" "$work/back.nt"; dp=$(cat "$work/last")
measure "rapper    RDF/XML -> N-Triples" "$work/rapper.nt" rapper -q -i rdfxml -o ntriples "$work/big.rdf"; rp=$(cat "$work/last")
awk -v a="$dw" -v b="$rw" 'BEGIN { printf "write: docgraph takes %.3fx rapper'"'"'s time (target <= 0.2)\n", a / b }'
awk -v a="$dp" -v b="$rp" 'BEGIN { printf "parse: docgraph takes %.3fx rapper'"'"'s time (target <= 0.5)\n", a / b }'
back=$(wc -l < "$work/back.nt"); viaRapper=$(wc -l < "$work/rapper.nt")
echo "check: docgraph read back $back triples, rapper read $viaRapper from docgraph's RDF/XML"
