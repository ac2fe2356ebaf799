#!/usr/bin/env bash
# The tagger's kernels give bit-identical results on every instruction set: builds
# scripts/tagger-kernels-isa.c with the kernels once per x86-64 level this CPU can run
# (baseline SSE2, AVX2, AVX-512; one set at a time, no dispatch) and compares the hashes
# of everything they compute. On another architecture it compares the portable build with
# the native one.
set -euo pipefail
cd "$(dirname "$0")/.."
cc=$(command -v clang || command -v cc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=Sources/CDocGraphTaggerKernels
if [ "$(uname -m)" = x86_64 ]; then
  levels=(x86-64)
  grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && levels+=(x86-64-v3)
  grep -qw avx512f /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && levels+=(x86-64-v4)
else
  levels=(generic native)
fi
hashes=()
for level in "${levels[@]}"; do
  flag="-march=$level"; [ "$level" = generic ] && flag=""
  "$cc" -O2 $flag -DDG_DISPATCH= -I "$src/include" -I "$src" scripts/tagger-kernels-isa.c "$src"/*.c -o "$work/$level" -lm
  h=$("$work/$level")
  echo "tagger kernels built for ${level}: $h"
  hashes+=("$h")
done
if [ "$(printf '%s\n' "${hashes[@]}" | sort -u | wc -l)" -ne 1 ]; then
  echo "tagger kernels: results differ between instruction sets" >&2
  exit 1
fi
echo "tagger kernels: identical results on ${#levels[@]} instruction sets (${levels[*]})"
