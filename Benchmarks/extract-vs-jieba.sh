#!/usr/bin/env bash
# Extraction throughput on a corpus of Chinese policy documents (the sample, the
# documents of other genres and the project's own, repeated as separate files up
# to SIZE_MB), DocGraph against jieba.posseg over the same text, one core each.
# Then, for memory, DocGraph alone over three times the corpus: documents are
# read one at a time, so peak memory follows the graph (whose evidence keeps
# each sentence), not the text read.
# Usage: Benchmarks/extract-vs-jieba.sh [SIZE_MB=10]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-10}"
python3 -c "import jieba" 2>/dev/null || python3 -m pip install -q jieba
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
python3 - "$work/corpus" "$size_mb" <<'PY'
import glob, os, sys
out, target = sys.argv[1], float(sys.argv[2]) * 1e6
sources = sorted(glob.glob("Tests/Fixtures/samples/**/*.txt", recursive=True))
texts = [open(p, encoding="utf-8").read() for p in sources]
n = total = 0
while total < target:
    t = texts[n % len(texts)]
    with open(os.path.join(out, f"doc{n:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(t)
    total += len(t.encode("utf-8"))
    n += 1
print(f"corpus: {n} documents, {total / 1e6:.1f} MB")
PY
bytes=$(cat "$work"/corpus/*.txt | wc -c)
/usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$bin" extract "$work/corpus" --jobs 1 -q -o "$work/out.nt"
read -r secs kb < "$work/time"
awk -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN { printf "docgraph extract: %.1f MB in %.2f s = %.2f MB/s, %.0f MiB peak\n", b / 1e6, s, b / 1e6 / s, k / 1024 }' | tee "$work/dg"
taskset -c 0 python3 Benchmarks/jieba_posseg.py "$work"/corpus/*.txt | tee "$work/jb"
dg=$(sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' "$work/dg"); jb=$(sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' "$work/jb")
awk -v a="$dg" -v b="$jb" 'BEGIN { printf "docgraph / jieba.posseg throughput: %.1fx (target >= 10x, and >= 5 MB/s)\n", a / b }'
mkdir -p "$work/corpus3"
for r in 1 2 3; do for f in "$work"/corpus/*.txt; do ln -s "$f" "$work/corpus3/r${r}_$(basename "$f")"; done; done
/usr/bin/time -f "%e %M" -o "$work/time3" taskset -c 0 "$bin" extract "$work/corpus3" --jobs 1 -q -o "$work/out3.nt"
read -r secs3 kb3 < "$work/time3"
awk -v b="$bytes" -v k="$kb" -v k3="$kb3" -v t="$(wc -l < "$work/out.nt")" -v t3="$(wc -l < "$work/out3.nt")" 'BEGIN {
  printf "memory: %.1f MB of text -> %.0f MiB peak (graph %d triples); %.1f MB -> %.0f MiB peak (graph %d triples)\n",
         b / 1e6, k / 1024, t, 3 * b / 1e6, k3 / 1024, t3 }'
