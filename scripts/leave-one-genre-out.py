#!/usr/bin/env python3
"""How extraction fares on a genre it never saw: for each genre of the corpus, `docgraph train`
without it (--leave-out), then `docgraph evaluate` on it alone with that model. Prints a Markdown
table of entity and relation precision, recall and F1 per held-out genre, and their mean over the
genres (each genre counts once, whatever its size): the figure that predicts a new user's genre.
With --validation DIR, also scores DIR (a validation set never trained on) with the model trained
on the whole corpus.

Usage: scripts/leave-one-genre-out.py [--corpus Corpus] [--validation Tests/Fixtures/dev3] [--jobs N] [-- EXTRACT-OPTIONS...]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "Corpus"))
    ap.add_argument("--validation", help="a folder of annotated documents to score with the model trained on all genres")
    ap.add_argument("--jobs", default=str(os.cpu_count() or 1))
    ap.add_argument("--docgraph", default=os.environ.get("DOCGRAPH_BIN"))
    a = ap.parse_args(argv)
    binary = a.docgraph
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "docgraph"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
        binary = os.path.join(out.stdout.strip(), "docgraph")
    work = tempfile.mkdtemp()
    try:
        everything = evaluate(binary, a.corpus, [], extra, a.jobs)
        genres = sorted(everything["genres"])
        rows = []
        for genre in genres:
            model = os.path.join(work, genre)
            subprocess.run([binary, "train", a.corpus, "--leave-out", genre, "-o", model, "--jobs", a.jobs, "--quiet", *extra], check=True)
            result = evaluate(binary, a.corpus, ["--genre", genre, "--model", model], extra, a.jobs)
            rows.append((genre, result["documents"], result["entities"]["all"], result["relations"]["all"]))
            shutil.rmtree(model)
            print(f"{genre}: entity F1 {rows[-1][2]['f1']:.3f}, relation F1 {rows[-1][3]['f1']:.3f}", file=sys.stderr, flush=True)
        print("| held-out genre | documents | entity P / R / F1 | relation P / R / F1 |")
        print("|---|---|---|---|")
        for genre, n, e, r in rows:
            print(f"| {genre} | {n} | {e['p']:.2f} / {e['r']:.2f} / {e['f1']:.3f} | {r['p']:.2f} / {r['r']:.2f} / {r['f1']:.3f} |")
        mean = lambda part, k: sum(row[part][k] for row in rows) / len(rows)
        print(f"| **mean of {len(rows)} genres** | {sum(r[1] for r in rows)} | {mean(2, 'p'):.2f} / {mean(2, 'r'):.2f} / **{mean(2, 'f1'):.3f}** "
              f"| {mean(3, 'p'):.2f} / {mean(3, 'r'):.2f} / **{mean(3, 'f1'):.3f}** |")
        if a.validation:
            model = os.path.join(work, "all")
            subprocess.run([binary, "train", a.corpus, "-o", model, "--jobs", a.jobs, "--quiet", *extra], check=True)
            v = evaluate(binary, a.validation, ["--model", model], extra, a.jobs)
            e, r = v["entities"]["all"], v["relations"]["all"]
            print(f"\nValidation ({os.path.relpath(a.validation, ROOT)}, {v['documents']} documents, never trained on), model trained on every genre: "
                  f"entity {e['p']:.2f} / {e['r']:.2f} / **{e['f1']:.3f}**, relation {r['p']:.2f} / {r['r']:.2f} / **{r['f1']:.3f}** (P / R / F1)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def evaluate(binary, corpus, options, extra, jobs):
    out = subprocess.run([binary, "evaluate", corpus, "--format", "json", "--jobs", jobs, *options, *extra],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


if __name__ == "__main__":
    main()
