#!/usr/bin/env bash
# Sets up what DocGraph needs on a Debian machine with Swift, builds it, and
# runs the main job: the sample document into Exports/ (RDF/XML and GraphML).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)   # the tests score extraction with Tests/Fixtures/tools/kgscore.py
if [ ${#need[@]} -gt 0 ]; then
  echo "docgraph: installing ${need[*]} with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "docgraph: error: ${need[*]} missing and neither root nor sudo is available; install them and rerun" >&2
    exit 1
  fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"; }; then
    echo "docgraph: error: could not install ${need[*]} with apt-get" >&2
    exit 1
  fi
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "docgraph: error: swift is not on PATH; install a Swift 6 toolchain first" >&2
  exit 1
fi

swift build -c release --product docgraph
bin="$(swift build -c release --show-bin-path)/docgraph"
mkdir -p Exports
"$bin" extract Tests/Fixtures/samples/suzhou-npc-2024.txt \
  -o Exports/suzhou-npc-2024.rdf -o Exports/suzhou-npc-2024.graphml
"$bin" stats Exports/suzhou-npc-2024.graphml
echo "docgraph: wrote Exports/suzhou-npc-2024.rdf and Exports/suzhou-npc-2024.graphml"
