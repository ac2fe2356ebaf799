#!/usr/bin/env bash
# Runs every test: the Swift test suites (unit, W3C RDF/XML conformance,
# end-to-end CLI, golden exports, W3C SPARQL), then the interop checks against real
# consumers and the SPARQL differential test against pyoxigraph.
set -uo pipefail
cd "$(dirname "$0")/.."
pkg-config --exists libxml-2.0 2>/dev/null || {
  echo "docgraph: libxml2-dev is missing; run scripts/bootstrap.sh first" >&2; exit 1; }
log="$(mktemp)"
swift test >"$log" 2>&1
status=$?
# Passing cases are many; show everything else (failures, suite summaries, printed figures).
grep -vE '^(◇|↳|✔ Test (case |[A-Za-z0-9_]+\(.*\) passed))' "$log"
[ "$status" -eq 0 ] || { echo "swift test failed (full log: $log)" >&2; exit "$status"; }
failed=0
bash scripts/interop.sh || failed=1
bash scripts/sparql-differential.sh || failed=1
exit "$failed"
