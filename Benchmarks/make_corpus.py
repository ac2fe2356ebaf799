#!/usr/bin/env python3
"""Writes a benchmark corpus: the project's documents (Tests/Fixtures/samples) repeated as separate
files doc00000.txt … in DIR until SIZE_MB of UTF-8 text. Always the same documents in the same
order, so a smaller corpus is a prefix of a bigger one.

Usage: Benchmarks/make_corpus.py DIR SIZE_MB [DIR SIZE_MB …]
"""
import glob, os, sys


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    sources = sorted(glob.glob("Tests/Fixtures/samples/**/*.txt", recursive=True))
    texts = [open(p, encoding="utf-8").read() for p in sources]
    for out, size in zip(args[::2], args[1::2]):
        target = float(size) * 1e6
        n = total = 0
        while total < target:
            t = texts[n % len(texts)]
            with open(os.path.join(out, f"doc{n:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(t)
            total += len(t.encode("utf-8"))
            n += 1
        print(f"corpus: {n} documents, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
