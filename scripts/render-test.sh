#!/usr/bin/env bash
# docgraph render in a real browser: headless Chromium opens the sample's report
# (Exports/suzhou-npc-2024.html, written by the bootstrap), and its DOM must show one
# SVG node per drawn entity and the tables' rows; report.html#search=NAME must open
# that entity's card; a screenshot must not be blank. xmllint must accept the SVG,
# and the PNG must open. Installs what it misses (chromium, libxml2-utils, Pillow).
set -uo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q Pillow 2>/dev/null ||
  python3 -m pip install -q --break-system-packages Pillow
bin="${DOCGRAPH_BIN:-$(swift build --show-bin-path)/docgraph}"
[ -x "$bin" ] || swift build --product docgraph
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; failed=$((failed + 1)); }
graph=Exports/suzhou-npc-2024.graphml
browse() {  # browse URL OUT: the DOM after the page's script ran
  timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" \
    --virtual-time-budget=3000 --dump-dom "$1" > "$2" 2>/dev/null
}

"$bin" render "$graph" -o "$tmp/report.html" -o "$tmp/picture.svg" -o "$tmp/picture.png" 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "render the sample"; }
cmp -s "$tmp/report.html" Exports/suzhou-npc-2024.html && pass "the report equals the committed Exports/suzhou-npc-2024.html" ||
  fail "the report differs from Exports/suzhou-npc-2024.html"
xmllint --noout "$tmp/picture.svg" && pass "xmllint accepts the SVG" || fail "xmllint rejects the SVG"
python3 -c 'import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); print("      PNG %dx%d" % im.size)' "$tmp/picture.png" &&
  pass "the PNG opens" || fail "the PNG does not open"

entities=$("$bin" stats "$graph" | awk '$1 == "entities" { print $2 }')
relations=$("$bin" stats "$graph" | awk '$1 == "relations" { print $2 }')
name=苏州市委
url="file://$PWD/$tmp/report.html"
[ "${tmp:0:1}" = / ] && url="file://$tmp/report.html"
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$name")
browse "$url#search=$encoded" "$tmp/dom.html"
python3 - "$tmp/dom.html" "$entities" "$relations" "$name" <<'PY' && pass "Chromium: one SVG node per entity, every table row, and #search opens the card" || fail "Chromium: the report's DOM"
import re, sys
dom, entities, relations, name = open(sys.argv[1]).read(), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
nodes = len(re.findall(r'<g id="n\d+" class="node ', dom))
rows = lambda t: dom.split(f'id="{t}"')[1].split("</table>")[0].count("<tr>") - 1
card = re.search(r'<aside id="card"[^>]*>(.*?)</aside>', dom, re.S)
print(f"      {nodes} SVG nodes, {rows('entities')} entity rows, {rows('relations')} relation rows (graph: {entities} entities, {relations} relations)")
ok = nodes == entities and rows("entities") == entities and rows("relations") == relations
if not card or f"<h3>{name}</h3>" not in card.group(1) or "<mark>" not in card.group(1):
    print("      the card for", name, "did not open with its evidence marked"); ok = False
else:
    print("      card:", re.sub("<[^>]+>", " ", card.group(1))[:100])
sys.exit(0 if ok else 1)
PY
timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --window-size=1400,1000 \
  --virtual-time-budget=3000 --screenshot="$tmp/shot.png" "$url#search=$encoded" >/dev/null 2>&1
python3 - "$tmp/shot.png" <<'PY' && pass "the screenshot is not blank" || fail "the screenshot is blank"
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("L")
colours = len(im.getcolors(65536) or [])
print(f"      screenshot {im.size[0]}x{im.size[1]}, {colours} grey levels")
sys.exit(0 if colours > 16 else 1)
PY

# An empty graph: the report says so.
printf '' > "$tmp/empty.nt"
"$bin" render "$tmp/empty.nt" -o "$tmp/empty.html" 2>"$tmp/err" && grep -q "The graph is empty" "$tmp/empty.html" &&
  pass "an empty graph's report says it is empty" || { cat "$tmp/err"; fail "an empty graph's report"; }
echo "render-test: $failed check(s) failed"
exit $((failed > 0))
