#!/usr/bin/env bash
# A synthetic collection (the project's own documents moved to other cities,
# with other people; default 10,000 documents), extracted with --jobs 1 and
# with --jobs 2: wall time, speed-up, peak memory and graph size. The two
# outputs must be byte-identical. Reading and extraction run on every job;
# writing the graph runs on one, so both phases are shown (from the summary).
# Usage: Benchmarks/collection-scale.sh [DOCUMENTS=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_collection.py "$work/docs" "$count"
for jobs in 1 2; do
  /usr/bin/time -f "%e %M" -o "$work/time$jobs" "$bin" extract "$work/docs" --jobs "$jobs" -o "$work/out$jobs.nt" 2> "$work/summary$jobs"
  read -r secs kb < "$work/time$jobs"
  phases=$(sed -E 's/.*read and extracted in ([0-9.]+) s, written in ([0-9.]+) s.*/\1 \2/' "$work/summary$jobs")
  read -r ex wr <<< "$phases"
  echo "jobs $jobs: $secs s wall (extraction $ex s, writing $wr s), $((kb / 1024)) MiB peak"
  echo "$ex" > "$work/extract$jobs"
done
cmp -s "$work/out1.nt" "$work/out2.nt" && echo "outputs identical" || { echo "outputs differ"; exit 1; }
read -r s1 _ < "$work/time1"; read -r s2 _ < "$work/time2"
read -r e1 < "$work/extract1"; read -r e2 < "$work/extract2"
awk -v a="$s1" -v b="$s2" -v c="$e1" -v d="$e2" 'BEGIN { printf "speed-up with 2 jobs: %.2fx for reading and extraction, %.2fx for the whole run\n", c / d, a / b }'
"$bin" stats "$work/out1.nt" | awk -F'\t' '$1 == "documents" || $1 == "entities" || $1 == "relations" || $1 == "triples" { printf "%s %s  ", $1, $2 } END { print "" }'
ls -l "$work/out1.nt" | awk '{ printf "graph file: %.0f MB of N-Triples\n", $5 / 1e6 }'
