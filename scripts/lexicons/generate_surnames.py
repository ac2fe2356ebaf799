#!/usr/bin/env python3
"""Regenerates Ontology/lexicons/surnames.txt: Chinese surnames, single and compound, most
frequent first, with their traditional forms where these differ.

Sources (PyPI wheels, read as data: nothing of them is imported):
  - Faker 40.63.0 (MIT): faker/providers/person/zh_CN (400 surnames of mainland China with their
    share of the population, from Wikipedia's 中国姓氏排名) and zh_TW (Taiwan's 200 most
    frequent surnames with their shares, from the Ministry of the Interior's 2023 statistics).
  - mingzi 1.2.3 (MIT): its list of compound surnames (复姓 of the 百家姓).
  - jieba 0.42.1 (MIT): dict.txt, the frequencies of single-character words, for the exclusion
    below.
Each is read from an installed copy, or fetched with `pip download --no-deps` if missing.
Traditional forms are mapped to simplified ones with Ontology/lexicons/traditional-simplified.tsv.

Order: the estimated number of bearers (mainland share x 1,411.78 million, the 2020 census,
plus Taiwan's share x 23.42 million), then the compound surnames the counts lack, then the
surnames kept from the earlier list. A surname's traditional form follows it.

Excluded: a single-character surname borne by fewer than 0.02% of people (about 280,000) that
is also one of the 300 most frequent single-character words of jieba's dictionary (区, 国, 门, 由 …):
as a word it is far more often a function word than a name.

Usage: python3 scripts/lexicons/generate_surnames.py
"""
import ast
import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Ontology", "lexicons", "surnames.txt")
TRAD = os.path.join(ROOT, "Ontology", "lexicons", "traditional-simplified.tsv")

MAINLAND, TAIWAN = 1_411_780_000, 23_420_000
RARE_SHARE = 0.0002          # 0.02%
COMMON_WORDS = 300           # the most frequent single-character words of jieba's dictionary

# Surnames of the earlier list that the sources lack, kept: 肖, 付 and 闫 are common mainland
# surnames the zh_CN table counts under 萧, 傅 and 阎; 习 is a rare surname.
KEPT = ["肖", "付", "闫", "习"]


def package_file(package, version, module, member):
    """The text of member (a path inside the package) from an installed copy or its wheel/sdist."""
    spec = importlib.util.find_spec(module)
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], member)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        f"{package}=={version}", "-d", d], check=True)
        archive = os.path.join(d, os.listdir(d)[0])
        if archive.endswith(".whl"):
            with zipfile.ZipFile(archive) as z:
                return z.read(f"{module}/{member}").decode("utf-8")
        with tarfile.open(archive) as t:
            name = next(n for n in t.getnames() if n.endswith(f"/{module}/{member}"))
            return t.extractfile(name).read().decode("utf-8")


def faker_last_names(locale):
    source = package_file("Faker", "40.63.0", "faker", f"providers/person/{locale}/__init__.py")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "last_names" for t in node.targets):
            return ast.literal_eval(node.value.args[0])  # OrderedDict(((surname, percent), …))
    raise SystemExit(f"no last_names in Faker's {locale} provider")


def main():
    trad = {}
    with open(TRAD, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 2 and not line.startswith("#"):
                trad.setdefault(cols[0], cols[1])

    def simplified(s):
        return "".join(trad.get(c, c) for c in s)

    people, order, traditional = {}, [], {}
    for locale, population in (("zh_CN", MAINLAND), ("zh_TW", TAIWAN)):
        for name, percent in faker_last_names(locale):
            s = simplified(name)
            if s not in people:
                people[s] = 0.0
                order.append(s)
            people[s] += percent / 100 * population  # zh_CN lists 于 twice: the shares add up
            if name != s:
                traditional.setdefault(s, []).append(name)
    total = MAINLAND + TAIWAN

    jieba_dict = package_file("jieba", "0.42.1", "jieba", "dict.txt")
    chars = [(int(p[1]), p[0]) for p in (l.split() for l in jieba_dict.splitlines()) if len(p) >= 2 and len(p[0]) == 1]
    common = {c for _, c in sorted(chars, key=lambda x: -x[0])[:COMMON_WORDS]}
    excluded = [s for s in order if len(s) == 1 and people[s] / total < RARE_SHARE and s in common]

    ranked = sorted((s for s in order if s not in excluded), key=lambda s: (-people[s], order.index(s)))
    mingzi = package_file("mingzi", "1.2.3", "mingzi", "data.json")
    compounds = [c for c in json.loads(mingzi)["com_surname"] if c not in people]

    earlier = []
    if os.path.exists(OUT):
        with open(OUT, encoding="utf-8") as f:
            earlier = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    listed = set(ranked) | set(compounds)
    kept = [s for s in KEPT if s not in listed]
    missing = [s for s in earlier if s not in listed and s not in kept and simplified(s) not in listed]
    if missing:
        raise SystemExit(f"surnames of the earlier list the sources lack: {' '.join(missing)}; "
                         "add them to KEPT if they are surnames")

    lines = []
    for s in ranked + compounds + kept:
        lines.append(s)
        lines.extend(t for t in traditional.get(s, []) if t not in lines)
    assert all(1 <= len(s) <= 2 for s in lines) and len(lines) == len(set(lines))

    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Chinese surnames (single and compound), for recognising personal names next to a post title.\n"
            "# Generated by scripts/lexicons/generate_surnames.py; do not edit by hand. Sources: the\n"
            "# surname tables of the PyPI package Faker 40.63.0 (MIT; zh_CN: mainland shares from\n"
            "# Wikipedia's 中国姓氏排名, zh_TW: Taiwan's Ministry of the Interior, 2023), most frequent\n"
            "# first, a traditional form after its simplified one; then the compound surnames of the\n"
            "# 百家姓 from mingzi 1.2.3 (MIT); then surnames kept from the earlier list.\n"
            f"# Left out: rare surnames (under {RARE_SHARE:.2%} of people) that are among jieba's "
            f"{COMMON_WORDS} most frequent words: {' '.join(excluded)}.\n")
        f.write("\n".join(lines) + "\n")

    singles = sum(1 for s in lines if len(s) == 1)
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(lines)} surnames ({singles} single, "
          f"{len(lines) - singles} compound; {sum(len(v) for v in traditional.values() if v)} traditional forms)")
    print(f"  ranked by frequency: {len(ranked)}, compound from mingzi: {len(compounds)}, kept: {' '.join(kept) or '-'}")
    print(f"  excluded (rare and common words): {' '.join(excluded)}")
    new = [s for s in lines if s not in earlier]
    gone = [s for s in earlier if s not in lines]
    print(f"  against the earlier list ({len(earlier)}): {len(new)} added, removed: {' '.join(gone) or 'none'}")


if __name__ == "__main__":
    main()
