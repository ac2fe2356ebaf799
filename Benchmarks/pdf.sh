#!/usr/bin/env bash
# Reading PDFs and scans: `docgraph text` against the tools it wraps, same files, same run.
#   1. Text PDFs: the sample printed by headless Chromium (5 pages), concatenated by
#      qpdf to PAGES pages; `docgraph text` against Poppler's own `pdftotext`, both
#      pinned to one core (taskset -c 0). Pages/s, median of ROUNDS alternating rounds,
#      and the ratio (target >= 0.8x pdftotext's pages/s).
#   2. OCR: the sample rendered as 300-dpi A4 black-and-white page images (6 PNGs);
#      `docgraph text` on all of them (as it runs by default, every core) against the
#      `tesseract IMG OUT -l chi_sim` command run per image, as it runs by default
#      and with OMP_THREAD_LIMIT=1 (Tesseract's OpenMP threads slow it down on few
#      cores). Pages/s, medians, ratios (target >= 1x the default command).
# Each side's text is checked against the other's, so a fast wrong answer shows.
# Usage: Benchmarks/pdf.sh [PAGES=200] [ROUNDS=3]
#        DOCGRAPH_BIN=path/to/docgraph Benchmarks/pdf.sh  (skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-200}" rounds="${2:-3}"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr tesseract-ocr-chi-sim)
fc-list :lang=zh family | grep -q 'Noto Sans CJK SC' || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q Pillow
if [ -n "${DOCGRAPH_BIN:-}" ]; then
  bin="$DOCGRAPH_BIN"
else
  swift build -c release --product docgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/docgraph"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sample=Tests/Fixtures/samples/suzhou-npc-2024.txt

# The text PDF: Chromium's print of the sample, repeated by qpdf up to PAGES pages.
python3 scripts/pdf/make_html.py "$sample" "$work/sample.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$work/chromium" \
  --print-to-pdf="$work/sample.pdf" "file://$work/sample.html" >/dev/null 2>&1
per=$(pdfinfo "$work/sample.pdf" | awk '/^Pages:/ { print $2 }')
copies=$(( (pages + per - 1) / per ))
mapfile -t inputs < <(for _ in $(seq "$copies"); do echo "$work/sample.pdf"; done)
qpdf --empty --pages "${inputs[@]}" -- "$work/big.pdf"
pages=$(pdfinfo "$work/big.pdf" | awk '/^Pages:/ { print $2 }')
# The scan: one 300-dpi PNG per page.
python3 scripts/pdf/render_scan.py "$sample" "$work/scan" --png >/dev/null
scans=("$work"/scan/page-*.png)

# time_to FILE COMMAND...: appends COMMAND's wall time in seconds to FILE; its stdout to FILE.out.
time_to() {
  local file="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$file.out"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }' >> "$file"
}
tesseract_each() {  # the CLI once per image, as a user would script it
  local img
  for img in "${scans[@]}"; do tesseract "$img" "$work/tess-out/$(basename "$img" .png)" -l chi_sim 2>/dev/null; done
  cat "$work"/tess-out/page-*.txt
}
tesseract_each_one_thread() { OMP_THREAD_LIMIT=1 tesseract_each; }
mkdir -p "$work/tess-out"

echo "text PDF: $pages pages ($copies x Chromium's $per-page print of the sample, $(du -k "$work/big.pdf" | cut -f1) KiB); OCR: ${#scans[@]} page images (A4, 300 dpi, 1 bit); $(nproc) cores"
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    time_to "$work/dg-text" taskset -c 0 "$bin" text "$work/big.pdf"
    time_to "$work/pdftotext" taskset -c 0 pdftotext "$work/big.pdf" -
  else
    time_to "$work/pdftotext" taskset -c 0 pdftotext "$work/big.pdf" -
    time_to "$work/dg-text" taskset -c 0 "$bin" text "$work/big.pdf"
  fi
  # The OCR sides in a rotating order.
  order=(dg-ocr tess tess1)
  for k in $(seq 0 2); do
    case "${order[$(( (k + round) % 3 ))]}" in
      dg-ocr) time_to "$work/dg-ocr" "$bin" text "${scans[@]}" ;;
      tess) time_to "$work/tess" tesseract_each ;;
      tess1) time_to "$work/tess1" tesseract_each_one_thread ;;
    esac
  done
  echo "round $round: docgraph text $(tail -n 1 "$work/dg-text") s, pdftotext $(tail -n 1 "$work/pdftotext") s;" \
       "OCR: docgraph text $(tail -n 1 "$work/dg-ocr") s, tesseract $(tail -n 1 "$work/tess") s, tesseract (OMP_THREAD_LIMIT=1) $(tail -n 1 "$work/tess1") s"
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
row() {  # LABEL SECONDS PAGES COMMAND
  awk -v l="$1" -v s="$2" -v p="$3" -v c="$4" 'BEGIN { printf "  %-34s %7.2f s %8.2f pages/s   %s\n", l, s, p / s, c }'
}
dt=$(median "$work/dg-text") pt=$(median "$work/pdftotext")
dgo=$(median "$work/dg-ocr") to=$(median "$work/tess") t1=$(median "$work/tess1")
n=${#scans[@]}
echo
echo "median of $rounds rounds:"
row "docgraph text (1 core)" "$dt" "$pages" "taskset -c 0 docgraph text big.pdf"
row "pdftotext (1 core)" "$pt" "$pages" "taskset -c 0 pdftotext big.pdf -"
row "docgraph text (OCR)" "$dgo" "$n" "docgraph text page-001.png … page-00$n.png"
row "tesseract per image" "$to" "$n" "for IMG: tesseract IMG OUT -l chi_sim"
row "tesseract per image, 1 thread" "$t1" "$n" "for IMG: OMP_THREAD_LIMIT=1 tesseract IMG OUT -l chi_sim"
awk -v a="$dt" -v b="$pt" 'BEGIN { printf "text PDF: docgraph text / pdftotext pages/s: %.2fx (target >= 0.8x)\n", b / a }'
awk -v a="$dgo" -v b="$to" -v c="$t1" 'BEGIN {
  printf "OCR: docgraph text / tesseract per image pages/s: %.2fx (target >= 1x); / tesseract with OMP_THREAD_LIMIT=1: %.2fx\n", b / a, c / a }'
# The answers, whitespace aside: the same text from the PDF; near the CLI's from the scans.
python3 scripts/pdf/same_text.py "$work/pdftotext.out" "$work/dg-text.out" | sed 's/^ */check, text PDF vs pdftotext: /'
python3 scripts/pdf/same_text.py "$work/tess1.out" "$work/dg-ocr.out" --min-ratio 0 | sed 's/^ */check, OCR vs tesseract: /'
