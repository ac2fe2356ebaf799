#!/usr/bin/env bash
# DocGraph's SPARQL against pyoxigraph: the same queries (Tests/Fixtures/tools/sparql_differential.py)
# on the sample's graph and on a generated graph of 100,000 triples must give the same solutions.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import pyoxigraph" 2>/dev/null || python3 -m pip install -q pyoxigraph 2>/dev/null \
  || python3 -m pip install -q --break-system-packages pyoxigraph
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" convert Exports/suzhou-npc-2024.rdf "$work/sample.nt"
python3 Benchmarks/generate_graph.py 100000 "$work/generated-100k.nt" >/dev/null
status=0
python3 Tests/Fixtures/tools/sparql_differential.py "$bin" "$work/sample.nt" "$work/generated-100k.nt" > "$work/report" || status=$?
grep -v '^ok ' "$work/report"   # disagreements, and the summary line
exit "$status"
