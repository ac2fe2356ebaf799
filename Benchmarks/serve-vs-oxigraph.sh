#!/usr/bin/env bash
# docgraph serve against Oxigraph's server (`oxigraph serve-read-only`, PyPI oxigraph), same graph,
# same queries, same run: the generated graph of TRIPLES triples; the queries in Benchmarks/queries
# (ENTITY filled in as sparql-vs-oxigraph.sh fills it); wrk (Debian) POSTing each query with
# 1, 4 and 16 connections for SECONDS seconds each. Prints throughput, median and p99 latency and
# non-2xx answers per query and concurrency, DocGraph's as a ratio of Oxigraph's, and the resident
# memory of each server (after loading, and at the end).
# Usage: Benchmarks/serve-vs-oxigraph.sh [TRIPLES=1000000] [SECONDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}" seconds="${2:-5}"
command -v oxigraph >/dev/null 2>&1 || python3 -m pip install -q oxigraph 2>/dev/null ||
  python3 -m pip install -q --break-system-packages oxigraph
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bin="${DOCGRAPH_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product docgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/docgraph"
fi
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
python3 Benchmarks/generate_graph.py "$n" "$work/graph.nt" >/dev/null
entity=$(grep -m1 'id/person/.*ontology#reportsTo' "$work/graph.nt" | cut -d' ' -f1 | tr -d '<>')
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
wait_up() { for _ in $(seq 1 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not come up" >&2; exit 1; }

dg_port=$(free_port)
"$bin" serve "$work/graph.nt" --port "$dg_port" --max-queries 64 --timeout 600 --max-rows 100000000 2> "$work/dg.log" &
dg=$!; pids+=("$dg")
wait_up "http://127.0.0.1:$dg_port/sparql?query=ASK%7B%7D"
oxigraph load --location "$work/oxigraph" --file "$work/graph.nt" 2> "$work/ox-load.log"
ox_port=$(free_port)
oxigraph serve-read-only --location "$work/oxigraph" --bind "127.0.0.1:$ox_port" 2> "$work/ox.log" &
ox=$!; pids+=("$ox")
wait_up "http://127.0.0.1:$ox_port/query?query=ASK%7B%7D"
echo "graph: $n triples; docgraph serve $(rss "$dg") MiB resident after loading, oxigraph serve-read-only $(rss "$ox") MiB"

# One wrk run: prints "requests/s p50_ms p99_ms non2xx".
run() {  # run URL QUERYFILE CONNECTIONS
  python3 - "$2" > "$work/post.lua" <<'PY'
import sys
q = open(sys.argv[1], encoding="utf-8").read()
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/sparql-query"')
print('wrk.headers["Accept"] = "application/sparql-results+json"')
print("wrk.body = [==[" + q + "]==]")
PY
  wrk -t "$(( $3 < 2 ? $3 : 2 ))" -c "$3" -d "${seconds}s" --timeout 60s --latency -s "$work/post.lua" "$1" > "$work/wrk.out" 2>&1
  python3 - "$work/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rps = re.search(r"Requests/sec:\s+([\d.]+)", t)
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
print(f"{float(rps.group(1)) if rps else 0:.1f} {ms('50%'):.2f} {ms('99%'):.2f} {bad.group(1) if bad else 0}")
PY
}

printf '%-12s %3s | %10s %9s %9s %5s | %10s %9s %9s %5s | %6s %6s\n' query conn "dg req/s" "dg p50" "dg p99" "dg!2xx" "ox req/s" "ox p50" "ox p99" "ox!2xx" "thr×" "p99×"
for q in Benchmarks/queries/*.rq; do
  sed "s|ENTITY|$entity|g" "$q" > "$work/query.rq"
  for c in 1 4 16; do
    read -r d_rps d_p50 d_p99 d_bad < <(run "http://127.0.0.1:$dg_port/sparql" "$work/query.rq" "$c")
    read -r o_rps o_p50 o_p99 o_bad < <(run "http://127.0.0.1:$ox_port/query" "$work/query.rq" "$c")
    python3 -c 'import sys
name, c, d_rps, d_p50, d_p99, d_bad, o_rps, o_p50, o_p99, o_bad = sys.argv[1:]
ratio = lambda a, b: float(a) / float(b) if float(b) else float("nan")
print(f"{name:<12} {c:>3} | {float(d_rps):10.1f} {float(d_p50):7.2f}ms {float(d_p99):7.2f}ms {d_bad:>5} | {float(o_rps):10.1f} {float(o_p50):7.2f}ms {float(o_p99):7.2f}ms {o_bad:>5} | {ratio(d_rps, o_rps):6.2f} {ratio(d_p99, o_p99):6.2f}")' \
      "$(basename "$q" .rq)" "$c" "$d_rps" "$d_p50" "$d_p99" "$d_bad" "$o_rps" "$o_p50" "$o_p99" "$o_bad"
  done
done
echo "resident memory at the end: docgraph serve $(rss "$dg") MiB, oxigraph serve-read-only $(rss "$ox") MiB" \
  "(peak: docgraph $(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$dg/status") MiB," \
  "oxigraph $(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$ox/status") MiB)"
