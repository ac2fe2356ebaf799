#!/usr/bin/env bash
# Drawing a big graph: `docgraph render` against Graphviz's own command line, same run.
#   1. Time. A generated graph of TRIPLES triples (55,000 give ~11,000 entities) drawn with
#      --max-nodes 300: `docgraph render GRAPH -o out.svg` (read the graph, choose the 300 nodes,
#      write the DOT, lay out and draw through libgvc) against `sfdp -Tsvg` on the DOT that
#      DocGraph writes for the same picture (layout and drawing only). Both pinned to one core
#      (taskset -c 0), median wall time of ROUNDS alternating rounds, and the ratio (target < 2x).
#      The HTML report of the same graph is timed too. The two SVGs must draw the same nodes. CPU times
#      and callgrind's instruction counts are shown too: this machine is shared and wall time is noisy.
#   2. Memory. Peak resident memory of the render at a quarter of, once and four times the
#      size, beside loading the same graph alone (`docgraph entities --match`, which reads and
#      indexes it as render does): what the render adds beyond loading should not grow.
# Usage: Benchmarks/render.sh [TRIPLES=55000] [ROUNDS=5]
#        DOCGRAPH_BIN=path/to/docgraph Benchmarks/render.sh  (skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
triples="${1:-55000}" rounds="${2:-5}"
command -v sfdp >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
if [ -n "${DOCGRAPH_BIN:-}" ]; then
  bin="$DOCGRAPH_BIN"
else
  swift build -c release --product docgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/docgraph"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 Benchmarks/generate_graph.py "$triples" "$work/g.nt" >/dev/null
entities=$("$bin" stats "$work/g.nt" | awk '$1 == "entities" { print $2 }')
"$bin" render "$work/g.nt" --max-nodes 300 -o "$work/g.dot" 2>/dev/null
echo "graph: $triples triples, $entities entities; drawn: 300 nodes, $(grep -c -- ' -> ' "$work/g.dot") edges"

# time_to FILE COMMAND...: appends COMMAND's wall time in seconds to FILE, and its CPU time (user +
# system) to FILE.cpu: on a shared machine the CPU time is the steadier of the two.
time_to() {
  local file="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/one" "$@" >/dev/null 2>/dev/null
  awk '{ printf "%.4f\n", $1 }' "$work/one" >> "$file"
  awk '{ printf "%.4f\n", $2 + $3 }' "$work/one" >> "$file.cpu"
}
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for _ in $(seq "$rounds"); do
  time_to "$work/t.svg" taskset -c 0 "$bin" render "$work/g.nt" --max-nodes 300 -o "$work/docgraph.svg"
  time_to "$work/t.sfdp" taskset -c 0 sfdp -Tsvg "$work/g.dot" -o "$work/sfdp.svg"
  time_to "$work/t.html" taskset -c 0 "$bin" render "$work/g.nt" --max-nodes 300 -o "$work/report.html"
done
ours=$(grep -c 'class="node ' "$work/docgraph.svg" || true) theirs=$(grep -c 'class="node' "$work/sfdp.svg" || true)
[ "$ours" -eq "$theirs" ] || { echo "error: docgraph drew $ours nodes, sfdp $theirs" >&2; exit 1; }
printf '%-46s %9s %9s\n' "median of $rounds rounds, one core" "wall" "CPU"
for row in "svg|docgraph render -o out.svg (read, choose, draw)" "sfdp|sfdp -Tsvg on DocGraph's DOT (draw only)" \
           "html|docgraph render -o report.html"; do
  printf '%-46s %7.3f s %7.3f s\n' "${row#*|}" "$(median "$work/t.${row%%|*}")" "$(median "$work/t.${row%%|*}.cpu")"
done
echo "the report: $(stat -c %s "$work/report.html") bytes; both SVGs draw $ours nodes"
awk -v a="$(median "$work/t.svg")" -v b="$(median "$work/t.sfdp")" -v c="$(median "$work/t.svg.cpu")" -v d="$(median "$work/t.sfdp.cpu")" \
  'BEGIN { printf "svg: docgraph takes %.2fx sfdp'"'"'s wall time and %.2fx its CPU time (target < 2)\n", a / b, c / d }'
# Instructions, counted by callgrind: the same count for the same binary and input whatever else the
# machine runs, so the ratio holds where wall and CPU times are noisy. (Valgrind cannot read the Swift
# binary's DWARF, so it runs a copy without debug information.)
if command -v valgrind >/dev/null; then
  strip --strip-debug -o "$work/docgraph" "$bin"
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $NF }'; }
  ci=$(count "$work/docgraph" render "$work/g.nt" --max-nodes 300 -o "$work/counted.svg")
  si=$(count sfdp -Tsvg "$work/g.dot" -o "$work/counted-sfdp.svg")
  awk -v a="$ci" -v b="$si" 'BEGIN { printf "instructions: docgraph render %.2f G, sfdp %.2f G: %.2fx\n", a / 1e9, b / 1e9, a / b }'
fi

echo
echo "peak memory (MiB)      triples  entities   load   svg  (svg-load)   html  (html-load)"
peak() { /usr/bin/time -f "%M" -o "$work/mem" "$@" >/dev/null 2>&1; awk '{ printf "%.0f", $1 / 1024 }' "$work/mem"; }
for n in $((triples / 4)) "$triples" $((triples * 4)); do
  python3 Benchmarks/generate_graph.py "$n" "$work/m.nt" >/dev/null
  e=$("$bin" stats "$work/m.nt" | awk '$1 == "entities" { print $2 }')
  load=$(peak "$bin" entities "$work/m.nt" --match 不会出现的名字)
  s=$(peak "$bin" render "$work/m.nt" --max-nodes 300 -o "$work/m.svg")
  h=$(peak "$bin" render "$work/m.nt" --max-nodes 300 -o "$work/m.html")
  printf '%-20s %9s %9s %6s %5s %11s %6s %12s\n' "" "$n" "$e" "$load" "$s" "$((s - load))" "$h" "$((h - load))"
done
