#!/usr/bin/env bash
# Loads the committed exports into raptor (rapper), rdflib, pyoxigraph,
# NetworkX, igraph and xmllint, installing them first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! python3 -c "import rdflib, pyoxigraph, networkx, igraph" 2>/dev/null; then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-pip >/dev/null
  fi
  packages=(rdflib pyoxigraph networkx igraph)
  # Debian's own Python refuses system-wide installs unless told (PEP 668).
  python3 -m pip install -q --disable-pip-version-check "${packages[@]}" ||
    python3 -m pip install -q --disable-pip-version-check --break-system-packages "${packages[@]}"
fi

bin="${DOCGRAPH_BIN:-$(swift build --show-bin-path)/docgraph}"
[ -x "$bin" ] || swift build --product docgraph
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" extract Tests/Fixtures/samples/suzhou-npc-2024.txt -o "$tmp/reference.nt"
python3 scripts/interop.py Exports/suzhou-npc-2024.rdf Exports/suzhou-npc-2024.graphml "$tmp/reference.nt"
