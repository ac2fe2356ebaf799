"""Writes a DocGraph-shaped graph (entities, statements, evidence) as N-Triples whose every string
is hard to carry: quotes, backslashes, `'`, line breaks, the text `\\u0000`, an injection attempt,
a 112,000-character evidence sentence. scripts/export-test.sh loads its exports into real engines.

    export_hostile.py OUT.nt
"""
import sys

DG = "https://w3id.org/docgraph/ontology#"

HOSTILE_NAMES = [
    "it's \"quoted\" and \\back\\slashed\\",
    "line one\nline two\r\nand\ta tab",
    "literally \\u0000 and \\x00 and \\n, not controls",
    "; , | [a, b] {k: 'v'} `tick` $param",
    "'}] AS row MERGE (x:Pwned) //",
    "\"\"\",\"\",\"",
    "007",
    "  spaced  ",
    "emoji 😀 and Extension B 𠀀𪚥, 中文（全角；标点）",
    "ends with a backslash \\",
]


def write_hostile(path):
    """A DocGraph-shaped graph (entities, statements, evidence) whose every string is hard to carry."""
    ID, RDF = "https://w3id.org/docgraph/id/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    SKOS, RDFS = "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2000/01/rdf-schema#"
    DCT, PROV = "http://purl.org/dc/terms/", "http://www.w3.org/ns/prov#"

    def lit(text, lang="zh-Hans"):
        esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        return f'"{esc}"' + (f"@{lang}" if lang else "")

    lines = []

    def t(s, p, o):
        lines.append(f"<{s}> <{p}> {o} .")
    doc = ID + "document/hostile"
    t(doc, RDF + "type", f"<{DG}Document>")
    t(doc, DCT + "identifier", lit("hostile", None))
    t(doc, DG + "checksum", lit("0" * 64, None))
    long_evidence = ("很长的证据，带“引号”、'单引号'、\\反斜杠\\和\n换行。" * 4000)
    people, orgs = [], []
    for i, name in enumerate(HOSTILE_NAMES):
        for cls, bucket in (("Person", people), ("Organization", orgs)):
            node = f"{ID}{cls.lower()}/hostile-{i}"
            bucket.append(node)
            t(node, RDF + "type", f"<{DG}{cls}>")
            t(node, SKOS + "prefLabel", lit(name))
            t(node, RDFS + "label", lit(name))
            t(node, SKOS + "altLabel", lit(name[::-1] + " alias"))
            t(node, SKOS + "altLabel", lit("second; alias, " + str(i)))
            t(doc, DG + "mentions", f"<{node}>")
    for i, (person, org) in enumerate(zip(people, orgs)):
        reg = orgs[(i + 1) % len(orgs)]
        for n, (s, p, o, role) in enumerate([(person, "holdsPosition", org, HOSTILE_NAMES[i]),
                                             (org, "enacted", reg, None)]):
            st = f"{ID}statement/hostile-{i}-{n}"
            t(s, DG + p, f"<{o}>")
            t(st, RDF + "type", f"<{RDF}Statement>")
            t(st, RDF + "subject", f"<{s}>")
            t(st, RDF + "predicate", f"<{DG}{p}>")
            t(st, RDF + "object", f"<{o}>")
            if role:
                t(st, DG + "role", lit(role))
            t(st, DG + "confidence", f'"0.{i}5"^^<http://www.w3.org/2001/XMLSchema#double>')
            for k, sentence in enumerate([HOSTILE_NAMES[i] + " 的证据", long_evidence if i == 0 else HOSTILE_NAMES[-1 - i]]):
                ev = f"{st}/evidence-{k}"
                t(st, DG + "evidence", f"<{ev}>")
                t(ev, RDF + "type", f"<{DG}Evidence>")
                t(ev, PROV + "wasDerivedFrom", f"<{doc}>")
                t(ev, DG + "sentence", lit(sentence))
                t(ev, DG + "sentenceStart", f'"{k * 10}"^^<http://www.w3.org/2001/XMLSchema#integer>')
                t(ev, DG + "sentenceEnd", f'"{k * 10 + 5}"^^<http://www.w3.org/2001/XMLSchema#integer>')
                t(ev, DG + "rule", lit(f"hostile.{k}", None))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")



if __name__ == "__main__":
    write_hostile(sys.argv[1])
