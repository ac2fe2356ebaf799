#!/usr/bin/env python3
"""Extraction quality per genre: extracts every SAMPLES/NAME.txt that has a GOLD/NAME.json with
docgraph, scores it with the project's kgscore, and prints entity and relation F1 micro-averaged per
genre (the part of NAME before its first '-') and over all documents, as a Markdown table.

Usage: scripts/score-genres.py DOCGRAPH SAMPLES GOLD [-- EXTRACT-OPTIONS...]
e.g.   scripts/score-genres.py .build/release/docgraph ../shared/samples/dev2 ../shared/gold/dev2
"""
import json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "tools"))
import kgscore


def main():
    args = sys.argv[1:]
    extra = args[args.index("--") + 1:] if "--" in args else []
    args = args[:args.index("--")] if "--" in args else args
    if len(args) != 3:
        sys.exit(__doc__)
    binary, samples, golds = args
    out = tempfile.mkdtemp()
    totals = {}   # genre -> part -> [tp, fp, fn]
    for name in sorted(f[:-5] for f in os.listdir(golds) if f.endswith(".json")):
        text = os.path.join(samples, name + ".txt")
        if not os.path.exists(text):
            continue
        graphml = os.path.join(out, name + ".graphml")
        subprocess.run([binary, "extract", text, "-o", graphml, "--quiet", *extra], check=True)
        nodes, edges = kgscore.read_graphml(graphml)
        result = kgscore.score(json.load(open(os.path.join(golds, name + ".json"), encoding="utf-8")), nodes, edges)
        for genre in (name.split("-")[0], "all"):
            for part in ("entities", "relations"):
                t = totals.setdefault(genre, {}).setdefault(part, [0, 0, 0])
                for i, k in enumerate(("tp", "fp", "fn")):
                    t[i] += result[part]["all"][k]
    print("| genre | documents | entity P / R / F1 | relation P / R / F1 |")
    print("|---|---|---|---|")
    counts = {}
    for name in os.listdir(golds):
        if name.endswith(".json") and os.path.exists(os.path.join(samples, name[:-5] + ".txt")):
            counts[name.split("-")[0]] = counts.get(name.split("-")[0], 0) + 1
    counts["all"] = sum(counts.values())
    for genre in sorted(totals, key=lambda g: (g == "all", g)):
        cells = []
        for part in ("entities", "relations"):
            p, r, f = kgscore.prf(*totals[genre][part])
            cells.append(f"{p:.2f} / {r:.2f} / **{f:.2f}**" if genre == "all" else f"{p:.2f} / {r:.2f} / {f:.2f}")
        print(f"| {genre} | {counts.get(genre, 0)} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
