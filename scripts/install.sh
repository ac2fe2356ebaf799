#!/usr/bin/env bash
# Installs docgraph under PREFIX (default: $HOME/.local):
#   PREFIX/bin/docgraph                      the program (built with swift build -c release)
#   PREFIX/share/docgraph/Ontology/          the ontology, lexicons, rules and schemas
#   PREFIX/share/docgraph/Models/docgraph/   the tagger's model and the trained weights
# The program finds its files from its own location (symlinks resolved), so it runs from any
# folder, on PATH or through a symlink; $DOCGRAPH_HOME overrides (a folder holding Ontology/ and
# Models/docgraph/). Run scripts/bootstrap.sh first: it fetches the tagger's model.
# DOCGRAPH_BIN=path installs that binary instead of building one.
# The program uses the Swift runtime of the toolchain that built it (ldd lists it).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-$HOME/.local}"
case "$prefix" in
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -le 1 ] || { echo "usage: scripts/install.sh [PREFIX]" >&2; exit 64; }

# The model must be whole before anything is copied: an install without it would fail every extract.
if ! (cd Models/docgraph 2>/dev/null && sha256sum --quiet -c ../lac.sha256 >/dev/null 2>&1); then
  echo "install: error: Models/docgraph/ lacks the tagger's model or does not match Models/lac.sha256; run scripts/bootstrap.sh first" >&2
  exit 1
fi
for f in entities.weights relations.weights thresholds.tsv; do
  [ -s "Models/docgraph/$f" ] || { echo "install: error: Models/docgraph/$f is missing" >&2; exit 1; }
done

bin="${DOCGRAPH_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product docgraph
  bin="$(swift build -c release --show-bin-path)/docgraph"
fi
[ -x "$bin" ] || { echo "install: error: $bin is not an executable" >&2; exit 1; }

share="$prefix/share/docgraph"
mkdir -p "$prefix/bin" "$share/Models"
# Each part is copied beside its destination, then renamed into place: an interrupted install
# leaves the previous one as it was.
stage="$(mktemp -d "$share/.install.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
cp -R Ontology "$stage/Ontology"
mkdir -p "$stage/model"
cp Models/docgraph/* "$stage/model/"
install -m 0755 "$bin" "$stage/docgraph"
rm -rf "$share/Ontology" && mv "$stage/Ontology" "$share/Ontology"
rm -rf "$share/Models/docgraph" && mv "$stage/model" "$share/Models/docgraph"
mv -f "$stage/docgraph" "$prefix/bin/docgraph"

echo "install: $prefix/bin/docgraph, with its files in $share/ (Ontology/, Models/docgraph/)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "install: $prefix/bin is not on PATH; add it with: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
