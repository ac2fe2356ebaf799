#!/usr/bin/env python3
"""Compare the text DocGraph read from a document with the text it was made from.

Usage: same_text.py SOURCE.txt READ.txt [--min-ratio R]

Both sides are NFKC-normalised and stripped of all whitespace (line breaks,
page breaks and the spaces PDF text extraction puts between scripts). Without
--min-ratio they must be equal, and the first difference is shown; with it
(for OCR), the share of matching characters (difflib's ratio) must be at
least R, and the share is printed.
"""
import argparse
import difflib
import sys
import unicodedata


def squash(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source")
    ap.add_argument("read")
    ap.add_argument("--min-ratio", type=float)
    a = ap.parse_args()
    want = squash(open(a.source, encoding="utf-8").read())
    got = squash(open(a.read, encoding="utf-8", errors="replace").read())
    if a.min_ratio is not None:
        # Quadratic in the worst case: meant for a few pages of OCR, not for whole books.
        ratio = difflib.SequenceMatcher(None, want, got, autojunk=False).ratio()
        print(f"  {len(got)} characters read, {len(want)} in the source; {ratio:.2%} matching")
        ok = ratio >= a.min_ratio
    else:
        ok = want == got
        print(f"  {len(got)} characters read, {len(want)} in the source; " + ("the same" if ok else "they differ"))
        if not ok:
            at = next((i for i, (x, y) in enumerate(zip(want, got)) if x != y), min(len(want), len(got)))
            print(f"  first difference at character {at}: source {want[max(0, at - 10):at + 20]!r}, read {got[max(0, at - 10):at + 20]!r}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
