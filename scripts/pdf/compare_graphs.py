#!/usr/bin/env python3
"""Compare the entities and relations of two GraphML graphs written by DocGraph.

Usage: compare_graphs.py EXPECTED.graphml ACTUAL.graphml

Entities compare as (name, class), Document nodes left out (their checksum,
format and location differ by nature); relations as (subject name, relation,
object name, role). Prints each difference and exits 1 when there is one,
otherwise prints the counts and exits 0.
"""
import sys
import xml.etree.ElementTree as ET

GML = "{http://graphml.graphdrawing.org/xmlns}"


def read(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") or k.get("id") for k in root.iter(GML + "key")}

    def data(element):
        return {keys.get(d.get("key"), d.get("key")): d.text or "" for d in element.findall(GML + "data")}

    names, entities, relations = {}, set(), set()
    for node in root.iter(GML + "node"):
        d = data(node)
        names[node.get("id")] = d.get("name") or d.get("label", "")
        if d.get("type") != "Document":
            entities.add((names[node.get("id")], d.get("type", "")))
    for edge in root.iter(GML + "edge"):
        d = data(edge)
        relations.add((names.get(edge.get("source"), edge.get("source")), d.get("relation", ""),
                       names.get(edge.get("target"), edge.get("target")), d.get("role", "")))
    return entities, relations


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare_graphs.py EXPECTED.graphml ACTUAL.graphml")
    expected, actual = sys.argv[1], sys.argv[2]
    (e1, r1), (e2, r2) = read(expected), read(actual)
    differ = False
    for what, a, b in (("entity", e1, e2), ("relation", r1, r2)):
        for item in sorted(a - b):
            print(f"  {what} missing from {actual}: {' '.join(x for x in item if x)}")
            differ = True
        for item in sorted(b - a):
            print(f"  {what} only in {actual}: {' '.join(x for x in item if x)}")
            differ = True
    if not differ:
        print(f"  same graph: {len(e1)} entities, {len(r1)} relations")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
