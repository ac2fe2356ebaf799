#!/usr/bin/env python3
"""Check the page numbers DocGraph gives the evidence of a PDF-derived graph.

Usage: check_pages.py GRAPH.graphml GRAPH.nt (--pdf FILE.pdf | --page-texts DIR)

  - every evidence record in the N-Triples has exactly one dg:page, an
    xsd:integer from 1 to the document's page count;
  - every provenance record in the GraphML has "page", and the (sentence,
    page) pairs of the two files are the same;
  - the evidence sentence starts on that page. With --pdf the page texts are
    Poppler's (`pdftotext`, pages split at form feeds) and the first 20
    characters of the sentence, whitespace removed and NFKC-normalised on both
    sides, must start on page N (and may run on into page N+1). With
    --page-texts (DIR/page-NNN.txt, the truth of an OCR'd scan) the match is
    fuzzy: at least 70% of those characters' bigrams are found there.
Prints one line per problem (at most 20) and exits 1 when there is one.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

DG = "https://w3id.org/docgraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
GML = "{http://graphml.graphdrawing.org/xmlns}"
HEAD = 20
TRIPLE = re.compile(r'^(<[^>]*>|_:\S+)\s+<([^>]*)>\s+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[\w-]+)?)\s*\.\s*$')
LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@[\w-]+)?$')
ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    return ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" else SIMPLE[m.group(1)], s)


def squash(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def nt_evidence(path):
    """evidence IRI -> {"page": [(lexical, datatype)], "sentence": str}"""
    types, props = set(), {}
    for line in open(path, encoding="utf-8"):
        m = TRIPLE.match(line)
        if not m:
            continue
        s, p, o = m.groups()
        if p == RDF_TYPE and o == f"<{DG}Evidence>":
            types.add(s)
        elif p in (DG + "page", DG + "sentence"):
            lit = LITERAL.match(o)
            value = (unescape(lit.group(1)), lit.group(2)) if lit else (o, None)
            props.setdefault(s, {}).setdefault(p[len(DG):], []).append(value)
    return {e: props.get(e, {}) for e in types}


def graphml_provenance(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GML + "key")}
    records = []
    for edge in root.iter(GML + "edge"):
        for d in edge.findall(GML + "data"):
            if keys.get(d.get("key")) == "provenance" and d.text:
                records.extend(json.loads(d.text))
    return records


def pdf_pages(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, check=True).stdout
    pages = out.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graphml")
    ap.add_argument("nt")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--pdf")
    src.add_argument("--page-texts")
    a = ap.parse_args()
    if a.pdf:
        pages = [squash(p) for p in pdf_pages(a.pdf)]
    else:
        files = sorted(f for f in os.listdir(a.page_texts) if re.fullmatch(r"page-\d+\.txt", f))
        pages = [squash(open(os.path.join(a.page_texts, f), encoding="utf-8").read()) for f in files]
    problems = []

    evidence = nt_evidence(a.nt)
    nt_pairs = set()
    if not evidence:
        problems.append(f"{a.nt}: no evidence records")
    for iri, props in sorted(evidence.items()):
        got = props.get("page", [])
        if len(got) != 1:
            problems.append(f"{a.nt}: {iri} has {len(got)} dg:page values")
            continue
        lexical, datatype = got[0]
        if datatype != XSD_INTEGER or not lexical.isdigit() or not 1 <= int(lexical) <= len(pages):
            problems.append(f"{a.nt}: {iri} dg:page {lexical!r}^^{datatype} is not an xsd:integer in 1…{len(pages)}")
            continue
        for sentence, _ in props.get("sentence", []):
            nt_pairs.add((sentence, int(lexical)))

    records = graphml_provenance(a.graphml)
    gm_pairs = set()
    for r in records:
        page = r.get("page")
        if not isinstance(page, int) or isinstance(page, bool):
            problems.append(f"{a.graphml}: provenance without an integer \"page\": {json.dumps(r, ensure_ascii=False)[:120]}")
            continue
        gm_pairs.add((r.get("sentence", ""), page))
    if nt_pairs != gm_pairs:
        for s, p in sorted(nt_pairs ^ gm_pairs)[:5]:
            where = a.nt if (s, p) in nt_pairs else a.graphml
            problems.append(f"(sentence, page) only in {where}: page {p}: {s[:30]}")

    checked = 0
    for sentence, page in sorted(gm_pairs, key=lambda x: (x[1], x[0])):
        if not 1 <= page <= len(pages):
            problems.append(f"page {page} out of 1…{len(pages)}: {sentence[:30]}")
            continue
        head = squash(sentence)[:HEAD]
        here, after = pages[page - 1], pages[page] if page < len(pages) else ""
        if a.pdf:
            at = (here + after).find(head)
            ok = 0 <= at < len(here)
        else:
            window = here + after[:2 * HEAD]
            grams = [head[i:i + 2] for i in range(len(head) - 1)] or [head]
            ok = sum(g in window for g in grams) >= 0.7 * len(grams)
        checked += 1
        if not ok:
            truth = [n + 1 for n, text in enumerate(pages) if head in text]
            problems.append(f"not on page {page}" + (f" (found on {truth})" if truth else "") + f": {sentence[:30]}")

    for p in problems[:20]:
        print("  " + p)
    if len(problems) > 20:
        print(f"  … and {len(problems) - 20} more")
    if not problems:
        print(f"  {len(evidence)} evidence records with a page; {checked} sentences found on their pages ({len(pages)} pages)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
