#!/usr/bin/env bash
# DocGraph's SPARQL engine against pyoxigraph, same graph, same queries, same run:
# a generated graph of TRIPLES triples as RDF/XML, loaded by each; then the
# queries in Benchmarks/queries (one-entity lookup, two-hop neighbourhood,
# a three-pattern join, GROUP BY over every edge, a property path), each
# run REPEAT times per load. ROUNDS rounds alternate which tool goes first.
# Prints load time, peak memory and each query's time, as medians over the
# rounds, with DocGraph's time as a ratio of pyoxigraph's.
# Usage: Benchmarks/sparql-vs-oxigraph.sh [TRIPLES=1000000] [ROUNDS=3] [REPEAT=5]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}" rounds="${2:-3}" repeat="${3:-5}"
python3 -c 'import pyoxigraph' 2>/dev/null || pip install -q pyoxigraph
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_graph.py "$n" "$work/graph.nt"
"$bin" convert "$work/graph.nt" "$work/graph.rdf"
# The entity the lookups start from: the first person with a reporting line.
entity=$(grep -m1 'id/person/.*ontology#reportsTo' "$work/graph.nt" | cut -d' ' -f1 | tr -d '<>')
for q in Benchmarks/queries/*.rq; do sed "s|ENTITY|$entity|g" "$q" > "$work/$(basename "$q")"; done
python3 Benchmarks/sparql_vs_oxigraph.py "$bin" "$work" "$rounds" "$repeat"
