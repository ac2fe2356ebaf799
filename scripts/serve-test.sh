#!/usr/bin/env bash
# `docgraph serve` started for real on a free loopback port and checked with real clients
# (scripts/serve_check.py): SPARQLWrapper and rdflib's SPARQLStore give the answers
# `docgraph sparql` gives on the same graph; an endless query is stopped at the timeout while
# another is answered; hostile requests get errors; 200 connections at once. Then SIGHUP
# reloads (a broken file keeps the old graph) and SIGTERM stops the server with exit 0. The
# evidence browser in headless Chromium (scripts/serve_browser_check.py).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import SPARQLWrapper, rdflib" 2>/dev/null || python3 -m pip install -q SPARQLWrapper rdflib 2>/dev/null \
  || python3 -m pip install -q --break-system-packages SPARQLWrapper rdflib
bin="${DOCGRAPH_BIN:-}"
if [ -z "$bin" ]; then
  swift build --product docgraph >/dev/null
  bin="$(swift build --show-bin-path)/docgraph"
fi
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$bin" convert Exports/suzhou-npc-2024.rdf "$work/sample.nt"
# The benchmark queries, their ENTITY an organization of the sample with a reporting line.
entity=$(grep -m1 'ontology#reportsTo' "$work/sample.nt" | cut -d' ' -f1 | tr -d '<>')
mkdir "$work/queries"
for q in Benchmarks/queries/*.rq; do sed "s|ENTITY|$entity|g" "$q" > "$work/queries/$(basename "$q")"; done
timeout_s=3
cp "$work/sample.nt" "$work/served.nt"

# Starts the server on any free port and waits for the line that names it.
start_server() {
  : > "$work/log"
  "$bin" serve "$work/served.nt" --port 0 --timeout "$timeout_s" --max-queries 4 --cors 2> "$work/log" &
  server=$!
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/log")
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$work/log" >&2; echo "serve: the server did not start" >&2; exit 1; }
    sleep 0.1
  done
  cat "$work/log" >&2; echo "serve: the server did not say where it listens" >&2; exit 1
}
start_server
endpoint="http://127.0.0.1:$port/sparql"
status=0
SERVE_PID="$server" python3 scripts/serve_check.py "$bin" "$work/sample.nt" "$endpoint" "$work/queries" "$timeout_s" | tee "$work/report" | grep -v '^ok ' || true
grep -q ' 0 failed$' "$work/report" || status=1

# The evidence browser in headless Chromium (installed as scripts/render-test.sh installs it).
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q Pillow 2>/dev/null ||
  python3 -m pip install -q --break-system-packages Pillow
python3 scripts/serve_browser_check.py "http://127.0.0.1:$port" | tee "$work/browser" | grep -v '^ok ' || true
grep -q ' 0 failed$' "$work/browser" || status=1

# --cors: a browser's preflight from another origin is allowed, and answers carry the header.
cors=$(curl -s -i -X OPTIONS "$endpoint" -H 'Origin: http://example.org' -H 'Access-Control-Request-Method: POST' \
  -H 'Access-Control-Request-Headers: content-type' | tr -d '\r')
if grep -qi '^access-control-allow-origin: \*' <<<"$cors" && grep -qi '^access-control-allow-methods:.*POST' <<<"$cors" &&
   curl -s -i "$endpoint?query=ASK%7B%7D" -H 'Origin: http://example.org' | grep -qi '^access-control-allow-origin: \*'; then
  echo "ok   --cors answers the preflight and marks the answers"
else
  echo "FAIL --cors: $cors"; status=1
fi

count() { curl -s "$endpoint" -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -1 | tr -d '\r'; }
before=$(count)
# SIGHUP: a graph with one triple more is served once loaded; a broken file keeps it.
printf '<http://example.org/served> <http://example.org/reloaded> "yes" .\n' >> "$work/served.nt"
kill -HUP "$server"
for _ in $(seq 1 100); do grep -q 'reloaded:' "$work/log" && break; sleep 0.1; done
after=$(count)
if [ "$after" = "$((before + 1))" ]; then echo "ok   SIGHUP reloads ($before -> $after triples)"; else echo "FAIL SIGHUP reload: $before -> $after"; status=1; fi
printf 'this is not N-Triples\n' >> "$work/served.nt"
kill -HUP "$server"
for _ in $(seq 1 100); do grep -q 'reload failed' "$work/log" && break; sleep 0.1; done
kept=$(count)
if grep -q 'reload failed, still serving the previous graph: .*served.nt:' "$work/log" && [ "$kept" = "$after" ]; then
  echo "ok   a failed reload keeps the old graph ($kept triples) and logs the file and line"
else
  echo "FAIL failed reload: $kept triples; log:"; cat "$work/log"; status=1
fi
# SIGTERM while a query runs: the server stops at once and exits 0.
curl -s -o /dev/null "$endpoint" --data-urlencode 'query=SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?x ?y ?x }' &
sleep 0.5
kill -TERM "$server"
stop_start=$(date +%s%N)
code=0; wait "$server" || code=$?
server=""
stop_ms=$(( ($(date +%s%N) - stop_start) / 1000000 ))
if [ "$code" = 0 ] && grep -q 'stopped' "$work/log" && [ "$stop_ms" -lt $((timeout_s * 1000)) ]; then
  echo "ok   SIGTERM stops the server cleanly in ${stop_ms} ms while a query runs"
else
  echo "FAIL SIGTERM: exit $code after ${stop_ms} ms; log:"; cat "$work/log"; status=1
fi
# A file that cannot be read: an error naming it, exit 1, nothing served.
if "$bin" serve "$work/missing.nt" --port 0 2> "$work/err"; then echo "FAIL a missing graph was served"; status=1
elif grep -q "missing.nt" "$work/err"; then echo "ok   a missing graph is an error naming it"; else echo "FAIL missing graph: $(cat "$work/err")"; status=1; fi
wait 2>/dev/null || true
exit "$status"
