"""The evidence browser of `docgraph serve` in headless Chromium.

Usage: serve_browser_check.py BASE_URL

Asks the endpoint for an entity with relations and an alias its label does not hold, searches
for that alias, follows the result's link to the entity's page,
which must show its relations with evidence marked and the neighbourhood picture; the picture
must draw (a screenshot of it is not blank); and Chromium's network log must show that the pages
fetched nothing but from the server itself. Prints one line per check and 'N passed, N failed'.
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

from PIL import Image

base = sys.argv[1].rstrip("/")
work = tempfile.mkdtemp()
passed = failed = 0
QUIET = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-features=Translate,AutofillServerCommunication"]


def report(ok, name, detail=""):
    global passed, failed
    passed, failed = passed + bool(ok), failed + (not ok)
    print(f"ok   {name}" if ok else f"FAIL {name}: {detail}")


def chromium(url, *args):
    """Opens url; gives the DOM (for --dump-dom) and the URLs the page itself asked for, with their initiators."""
    netlog = os.path.join(work, "net.json")
    out = subprocess.run(["timeout", "120", "chromium", *QUIET, f"--user-data-dir={work}/profile", f"--log-net-log={netlog}",
                          "--window-size=1200,900", "--virtual-time-budget=3000", *args, url],
                         capture_output=True, text=True)
    requests = []
    try:
        for e in json.load(open(netlog))["events"]:
            p = e.get("params", {})
            if "url" in p and "initiator" in p:
                requests.append((p["url"], p["initiator"]))
    except (OSError, ValueError):
        pass
    return out.stdout, requests


CHOOSE = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?label ?alias (COUNT(?st) AS ?n) WHERE {
  ?e skos:prefLabel ?label ; skos:altLabel ?alias . ?st rdf:subject ?e FILTER(!CONTAINS(?label, ?alias))
} GROUP BY ?label ?alias ORDER BY DESC(?n) ?label ?alias LIMIT 1"""
with urllib.request.urlopen(base + "/sparql?" + urllib.parse.urlencode({"query": CHOOSE}), timeout=60) as r:
    row = json.load(r)["results"]["bindings"][0]
label, alias = row["label"]["value"], row["alias"]["value"]
origin = urllib.parse.urlparse(base)
origin = f"{origin.scheme}://{origin.netloc}"
dom, _ = chromium(base + "/?q=" + urllib.parse.quote(alias), "--dump-dom")
links = re.findall(r'<a href="(/entity/[^"]+)">([^<]+)</a>', dom)
found = [href for href, text in links if html.unescape(text) == label]
report(found, f"search for the alias {alias} finds {label}", f"links: {links[:5]}")
counts = re.search(r'<p class="counts">(.*?)</p>', dom, re.S)
report(counts and re.search(r"\w+: \d+", re.sub("<[^>]+>", " ", counts.group(1))), "the search shows counts by class",
       counts.group(0) if counts else "no counts")
if found:
    page = origin + html.unescape(found[0])
    dom, requests = chromium(page, "--dump-dom")
    rows = dom.count("<tr><td>")
    report(f"<h1>{label}</h1>" in dom and "Relations out" in dom and "Relations in" in dom and rows > 0,
           f"the link followed opens {label}'s page with its relations ({rows} rows)", dom[:300])
    report('<mark class="' in dom and 'class="evidence"' in dom, "its evidence sentences are shown with the names marked")
    picture = re.search(r'<img src="(/picture/[^"]+)"', dom)
    report(picture, "its page shows the neighbourhood picture")
    own = [u for u, initiator in requests if initiator == origin]
    elsewhere = [u for u in own if not u.startswith(origin + "/")]
    report(own and not elsewhere, f"the page fetched only from the server ({len(own)} requests)", f"elsewhere: {elsewhere}")
    if picture:
        shot = os.path.join(work, "picture.png")
        chromium(origin + html.unescape(picture.group(1)), f"--screenshot={shot}")
        try:
            im = Image.open(shot).convert("L")
            drawn = sum(1 for v in im.tobytes() if v < 200)
            report(drawn > 2000, f"the neighbourhood picture draws ({drawn} dark pixels)", f"{drawn} dark pixels")
        except OSError as e:
            report(False, "the neighbourhood picture draws", repr(e))
dom, requests = chromium(base + "/documents", "--dump-dom")
report("<h1>Documents (" in dom and dom.count("<tr id=") >= 1, "the documents page lists the documents")
print(f"serve browser: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
