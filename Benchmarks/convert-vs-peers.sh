#!/usr/bin/env bash
# DocGraph's conversions against their peers, same files, same run:
#   N-Triples -> RDF/XML and RDF/XML -> N-Triples   vs pyoxigraph (rapper shown too)
#   N-Triples -> GraphML and GraphML -> N-Triples   vs NetworkX (write_graphml / read_graphml)
# and, for the RDF/XML writer, the floor of libxml2's xmlTextWriter (Benchmarks/xmltextwriter_floor.c:
# N-Triples split at spaces, the same layout written through xmlTextWriter, no checks).
# Each row runs ROUNDS rounds (default 3), DocGraph and its peers alternating, and prints the
# median wall time, the peak memory and DocGraph's time as a ratio of the peer's. Then it checks
# that nothing was lost: every N-Triples output read back is counted and compared with the
# generated graph (isomorphism; pyoxigraph canonicalises blank nodes when there are any).
# Usage: Benchmarks/convert-vs-peers.sh [TRIPLES=1000000] [ROUNDS=3]   (DOCGRAPH_BIN=path measures that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
rounds="${2:-3}"
command -v rapper >/dev/null || { apt-get update -qq && apt-get install -y -qq raptor2-utils >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
python3 -c "import pyoxigraph, networkx" 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check pyoxigraph networkx ||
  python3 -m pip install -q --disable-pip-version-check --break-system-packages pyoxigraph networkx
bin="${DOCGRAPH_BIN:-}"   # another build to measure, e.g. an older one
if [ -z "$bin" ]; then
  swift build -c release --product docgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/docgraph"
fi
peers="python3 Benchmarks/convert_peers.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_graph.py "$n" "$work/big.nt" 2>/dev/null
command -v gcc >/dev/null || { apt-get update -qq && apt-get install -y -qq gcc >/dev/null; }
gcc -O2 -o "$work/floor" Benchmarks/xmltextwriter_floor.c $(pkg-config --cflags --libs libxml-2.0)
triples=$(wc -l < "$work/big.nt")
echo "graph: $triples triples ($(du -h "$work/big.nt" | cut -f1) of N-Triples), $rounds rounds, median wall time, peak memory"

# run NAME OUTFILE COMMAND...: one timed run, appended to $work/NAME.times as "seconds kilobytes".
run() {
  local name="$1" out="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out"
  cat "$work/time" >> "$work/$name.times"
}
median() { sort -n "$work/$1.times" | awk '{ s[NR] = $1 } END { print s[int((NR + 1) / 2)] }'; }
peak() { sort -n -k2 "$work/$1.times" | tail -1 | awk '{ printf "%.0f", $2 / 1024 }'; }
line() {  # NAME LABEL
  printf "%-36s %8.2f s  %6s MiB\n" "$2" "$(median "$1")" "$(peak "$1")"
}
ratio() {  # OURS PEER LABEL TARGET
  awk -v a="$(median "$1")" -v b="$(median "$2")" -v l="$3" -v t="$4" \
    'BEGIN { r = a / b; printf "ratio %-38s %6.3fx  %s\n", l, r, (t == "" ? "(for reference)" : r <= t ? "(target <= " t ") ok" : "(target <= " t ") MISSED") }'
}

for ((i = 1; i <= rounds; i++)); do
  run dg_w /dev/null "$bin" convert "$work/big.nt" "$work/dg.rdf"
  run ox_w /dev/null $peers oxigraph "$work/big.nt" "$work/ox.rdf"
  run ra_w "$work/ra.rdf" rapper -q -i ntriples -o rdfxml "$work/big.nt"
  run c_w /dev/null "$work/floor" "$work/big.nt" "$work/floor.rdf"
  run dg_p /dev/null "$bin" convert "$work/dg.rdf" "$work/dg-rdf.nt"
  run ox_p /dev/null $peers oxigraph "$work/dg.rdf" "$work/ox-rdf.nt"
  run ra_p "$work/ra-rdf.nt" rapper -q -i rdfxml -o ntriples "$work/dg.rdf"
  run dg_gw /dev/null "$bin" convert "$work/big.nt" "$work/dg.graphml"
  run nx_gw /dev/null $peers networkx "$work/big.nt" "$work/nx.graphml"
  run dg_gr /dev/null "$bin" convert "$work/dg.graphml" "$work/dg-graphml.nt"
  run nx_gr /dev/null $peers networkx "$work/nx.graphml" "$work/nx-graphml.nt"
done

line dg_w  "docgraph   N-Triples -> RDF/XML"
line ox_w  "pyoxigraph N-Triples -> RDF/XML"
line ra_w  "rapper     N-Triples -> RDF/XML"
line c_w   "C floor    N-Triples -> RDF/XML"
line dg_p  "docgraph   RDF/XML -> N-Triples"
line ox_p  "pyoxigraph RDF/XML -> N-Triples"
line ra_p  "rapper     RDF/XML -> N-Triples"
line dg_gw "docgraph   N-Triples -> GraphML"
line nx_gw "networkx   N-Triples -> GraphML"
line dg_gr "docgraph   GraphML -> N-Triples"
line nx_gr "networkx   GraphML -> N-Triples"
ratio dg_w ox_w "write RDF/XML (vs pyoxigraph)" 1.0
ratio dg_w c_w "write RDF/XML (vs xmlTextWriter floor)" ""
ratio dg_p ox_p "parse RDF/XML (vs pyoxigraph)" 1.0
ratio dg_gw nx_gw "write GraphML (vs NetworkX)" 0.1
ratio dg_gr nx_gr "read GraphML (vs NetworkX)" 0.1

check() {  # LABEL FILE
  read -r a b verdict <<< "$($peers compare "$work/big.nt" "$2")"
  printf "check %-44s %9s triples, %s\n" "$1" "$b" "$verdict"
}
check "docgraph RDF/XML read back by docgraph" "$work/dg-rdf.nt"
check "docgraph RDF/XML read back by pyoxigraph" "$work/ox-rdf.nt"
check "docgraph RDF/XML read back by rapper" "$work/ra-rdf.nt"
check "pyoxigraph's RDF/XML read back by pyoxigraph" "$work/ox.rdf"
check "docgraph GraphML read back by docgraph" "$work/dg-graphml.nt"
check "networkx GraphML read back by networkx" "$work/nx-graphml.nt"
