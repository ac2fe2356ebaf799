#!/usr/bin/env bash
# docgraph render in a real browser: headless Chromium opens the sample's report
# (Exports/suzhou-npc-2024.html, written by the bootstrap), and its DOM must show one
# SVG node per drawn entity and the tables' rows; report.html#search=NAME must open
# that entity's card; a screenshot must not be blank; names carrying <script>, </script>,
# <!--<script> and <img onerror> run nothing and hide nothing. xmllint must accept the SVG,
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

# A generated graph of ~11,000 entities, capped at 300: the picture draws 300, the report says what it
# left out, its tables hold every entity and relation, and a search opens the card of a drawn entity
# and of one left out of the picture.
python3 Benchmarks/generate_graph.py 55000 "$tmp/big.nt" >/dev/null
"$bin" render "$tmp/big.nt" --max-nodes 300 -o "$tmp/big.html" -o "$tmp/big.svg" 2>"$tmp/err" &&
  grep -q "drew 300 of" "$tmp/err" && pass "a 10,000-node graph renders with --max-nodes 300 and says what it left out" ||
  { cat "$tmp/err"; fail "render the generated graph"; }
xmllint --noout "$tmp/big.svg" && pass "xmllint accepts the big graph's SVG" || fail "xmllint rejects the big graph's SVG"
big_entities=$("$bin" stats "$tmp/big.nt" | awk '$1 == "entities" { print $2 }')
big_relations=$("$bin" stats "$tmp/big.nt" | awk '$1 == "relations" { print $2 }')
drawn=$(python3 - "$tmp/big.html" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S).group(1).replace("<\\/", "</"))
drawn = [e["name"] for e in data["entities"] if "svg" in e]
hidden = [e["name"] for e in data["entities"] if "svg" not in e and e["name"] not in drawn]
print(drawn[len(drawn) // 2]); print(hidden[len(hidden) // 2])
PY
)
shown_name=$(echo "$drawn" | sed -n 1p) hidden_name=$(echo "$drawn" | sed -n 2p)
big_url="file://$tmp/big.html"
for name in "$shown_name" "$hidden_name"; do
  encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$name")
  browse "$big_url#search=$encoded" "$tmp/big-dom.html"
  python3 - "$tmp/big-dom.html" "$big_entities" "$big_relations" "$name" <<'PY' && pass "Chromium, 10,000-node report: 300 SVG nodes, every table row, #search opens the card of $name" || fail "Chromium: the 10,000-node report's DOM ($name)"
import re, sys
dom, entities, relations, name = open(sys.argv[1]).read(), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
nodes = len(re.findall(r'<g id="n\d+" class="node ', dom))
rows = lambda t: dom.split(f'id="{t}"')[1].split("</table>")[0].count("<tr>") - 1
card = re.search(r'<aside id="card"[^>]*>(.*?)</aside>', dom, re.S)
cap = re.search(r'<p class="cap">([^<]*)</p>', dom)
print(f"      {nodes} SVG nodes, {rows('entities')} entity rows, {rows('relations')} relation rows (graph: {entities} entities, {relations} relations); {cap.group(1) if cap else 'no cap line'}")
ok = nodes == 300 and rows("entities") == entities and rows("relations") == relations and cap and f"300 of {entities}" in cap.group(1)
if not card or f"<h3>{name}</h3>" not in card.group(1):
    print("      the card for", name, "did not open"); ok = False
sys.exit(0 if ok else 1)
PY
done
timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --window-size=1400,1000 \
  --virtual-time-budget=5000 --screenshot="$tmp/big-shot.png" "$big_url" >/dev/null 2>&1
python3 - "$tmp/big-shot.png" <<'PY' && pass "the 10,000-node report's screenshot is not blank" || fail "the 10,000-node report's screenshot is blank"
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("L")
colours = len(im.getcolors(65536) or [])
print(f"      screenshot {im.size[0]}x{im.size[1]}, {colours} grey levels")
sys.exit(0 if colours > 16 else 1)
PY

# Hostile names: a name or sentence carrying <script>, </script>, <!--<script> (which sends the HTML
# parser into its script-data states and swallowed the rest of the page) or <img onerror> runs
# nothing, and every entity and relation is listed; #search opens a hostile name's card.
python3 - "$tmp/hostile.nt" <<'PY'
import sys
dg, rdf, skos = "https://w3id.org/docgraph/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2004/02/skos/core#"
pwn = "document.body.setAttribute('data-pwned','%d')"
names = ["<script>" + pwn % 1 + "</script>", "</script><script>" + pwn % 2 + "</script>", "<!--<script>",
         '<img src=x onerror="' + pwn % 3 + '">', "苏州市人大常委会\u2028（<b>&amp;</b>）"]
sentence = "</script><!--<script>" + pwn % 4 + '<img src=x onerror="' + pwn % 5 + '">'
lit = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"@zh-Hans'
lines = []
for k, name in enumerate(names):
    lines += [f"<urn:x:e{k}> <{rdf}type> <{dg}Organization> .", f"<urn:x:e{k}> <{skos}prefLabel> {lit(name)} ."]
for k in range(len(names) - 1):
    lines.append(f"<urn:x:e{k}> <{dg}oversees> <urn:x:e{k + 1}> .")
lines += [f"<urn:x:st> <{rdf}type> <{rdf}Statement> .", f"<urn:x:st> <{rdf}subject> <urn:x:e2> .",
          f"<urn:x:st> <{rdf}predicate> <{dg}oversees> .", f"<urn:x:st> <{rdf}object> <urn:x:e3> .",
          f"<urn:x:st> <{dg}evidence> <urn:x:ev> .", f"<urn:x:ev> <{rdf}type> <{dg}Evidence> .",
          f"<urn:x:ev> <{dg}sentence> {lit(sentence)} ."]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
"$bin" render "$tmp/hostile.nt" -o "$tmp/hostile.html" 2>"$tmp/err" || { cat "$tmp/err"; fail "render the hostile names"; }
hostile_relations=$("$bin" stats "$tmp/hostile.nt" | awk '$1 == "relations" { print $2 }')
name='<!--<script>'
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$name")
browse "file://$tmp/hostile.html#search=$encoded" "$tmp/hostile-dom.html"
python3 - "$tmp/hostile-dom.html" "$hostile_relations" <<'PY' && pass "Chromium, hostile names (<script>, </script>, <!--<script>, <img onerror>): nothing runs, every entity and relation is listed, the card opens" || fail "Chromium: the report with hostile names"
import re, sys
dom, relations = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
rows = lambda t: dom.split(f'id="{t}"')[1].split("</table>")[0].count("<tr>") - 1
body = re.search(r"<body[^>]*>", dom).group(0)
card = re.search(r'<aside id="card"[^>]*>(.*?)</aside>', dom, re.S)
print(f"      {rows('entities')} entity rows, {rows('relations')} relation rows (graph: 5 entities, {relations} relations); <body> {body}")
ok = rows("entities") == 5 and rows("relations") == relations and relations == 4
if "data-pwned" in body or "<img" in dom:
    print("      a name ran as markup"); ok = False
if not card or "<h3>&lt;!--&lt;script&gt;</h3>" not in card.group(1) or "setAttribute('data-pwned','4')" not in card.group(1):
    print("      the card of <!--<script> did not open with its evidence"); ok = False
sys.exit(0 if ok else 1)
PY

# An empty graph: the report says so.
printf '' > "$tmp/empty.nt"
"$bin" render "$tmp/empty.nt" -o "$tmp/empty.html" 2>"$tmp/err" && grep -q "The graph is empty" "$tmp/empty.html" &&
  pass "an empty graph's report says it is empty" || { cat "$tmp/err"; fail "an empty graph's report"; }
echo "render-test: $failed check(s) failed"
exit $((failed > 0))
