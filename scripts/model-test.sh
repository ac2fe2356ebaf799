#!/usr/bin/env bash
# The shipped model is what `docgraph train` makes of the committed corpus: trained twice, with
# one job and with two, and both runs give Models/docgraph's weights byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${DOCGRAPH_BIN:-$(swift build -c release --show-bin-path)/docgraph}"
[ -x "$bin" ] || swift build -c release --product docgraph
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for jobs in 1 2; do
  "$bin" train Corpus -o "$work/model-$jobs" --jobs "$jobs" --quiet
  for file in entities.weights relations.weights thresholds.tsv; do
    if ! cmp -s "$work/model-$jobs/$file" "Models/docgraph/$file"; then
      echo "model-test: docgraph train Corpus --jobs $jobs writes a $file other than Models/docgraph/$file:" >&2
      diff "Models/docgraph/$file" "$work/model-$jobs/$file" | head -20 >&2
      echo "retrain with: docgraph train Corpus -o Models/docgraph, and commit the weights" >&2
      exit 1
    fi
  done
done
echo "model-test: docgraph train Corpus gives Models/docgraph's weights byte for byte, with --jobs 1 and with --jobs 2"
