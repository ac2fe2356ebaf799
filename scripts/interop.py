"""Loads DocGraph's exports into real consumers and checks they read the same graph.

Usage: python3 scripts/interop.py EXPORT.rdf EXPORT.graphml REFERENCE.nt

REFERENCE.nt is the same graph written by DocGraph's N-Triples writer; every
RDF consumer must read EXPORT.rdf as exactly that graph, and every GraphML
consumer must see the nodes, edges and attributes DocGraph wrote.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

rdf, graphml, nt = sys.argv[1:4]
checks = []


def check(name, ok, detail=""):
    checks.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")


def nt_lines(text):
    return sorted(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


reference = nt_lines(open(nt, encoding="utf-8").read())

import rdflib
from rdflib.compare import isomorphic

g_nt = rdflib.Graph().parse(nt, format="nt")

# raptor's rapper (it writes non-ASCII as \u escapes, so compare as graphs)
out = subprocess.run(["rapper", "-q", "-i", "rdfxml", "-o", "ntriples", rdf], capture_output=True, check=True).stdout
g_rapper = rdflib.Graph().parse(data=out.decode("ascii"), format="nt")
rapper_count = len(nt_lines(out.decode("ascii")))
check("rapper reads the RDF/XML", rapper_count == len(reference), f"{rapper_count} triples, expected {len(reference)}")
# DocGraph's exports name every node (no blank nodes), so the graphs must be equal as sets.
check("rapper's graph equals DocGraph's N-Triples", set(g_rapper) == set(g_nt))

# rdflib
g_rdf = rdflib.Graph().parse(rdf, format="xml")
check("rdflib reads the RDF/XML", len(g_rdf) == len(reference), f"{len(g_rdf)} triples")
check("rdflib: RDF/XML graph is isomorphic to the N-Triples", isomorphic(g_rdf, g_nt))

# pyoxigraph + SPARQL
import pyoxigraph

store = pyoxigraph.Store()
with open(rdf, "rb") as f:
    store.load(f, format=pyoxigraph.RdfFormat.RDF_XML)
check("pyoxigraph loads the RDF/XML", len(store) == len(reference), f"{len(store)} quads")
query = """
PREFIX dg: <https://w3id.org/docgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?org ?reg ?sentence WHERE {
  ?org dg:enacted ?reg .
  ?org a dg:Organization .
  ?reg a dg:Regulation ; skos:prefLabel ?name .
  ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;
      <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?org ;
      <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> dg:enacted ;
      <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?reg ;
      dg:evidence/dg:sentence ?sentence .
}"""
rows = list(store.query(query))
enacted_ref = [l for l in reference if l.split(" ")[1] == "<https://w3id.org/docgraph/ontology#enacted>"]
pairs = {(str(r["org"]), str(r["reg"])) for r in rows}
check("pyoxigraph answers SPARQL: every enacted edge with its evidence sentence",
      len(pairs) == len(enacted_ref) and len(rows) >= len(enacted_ref), f"{len(pairs)} edges, expected {len(enacted_ref)}")

# The GraphML as written
root = ET.parse(graphml).getroot()
ns = "{http://graphml.graphdrawing.org/xmlns}"
xml_nodes = root.findall(f".//{ns}node")
xml_edges = root.findall(f".//{ns}edge")

# NetworkX
import networkx as nx

G = nx.read_graphml(graphml)
check("NetworkX reads the GraphML", G.number_of_nodes() == len(xml_nodes) and G.number_of_edges() == len(xml_edges),
      f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
check("NetworkX sees directed edges", G.is_directed())
types = {d.get("type") for _, d in G.nodes(data=True)}
check("NetworkX sees node types and labels", {"Organization", "Regulation"} <= types and all(d.get("label") for _, d in G.nodes(data=True)))
rels = {d.get("relation") for _, _, d in G.edges(data=True)}
import re


def upper_snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


check("NetworkX sees relations, Neo4j relationship types and confidences",
      bool(rels) and all(d.get("label") == upper_snake(d.get("relation", "")) for _, _, d in G.edges(data=True))
      and all(isinstance(d.get("confidence"), float) for _, _, d in G.edges(data=True)))

# igraph (its GraphML reader ignores keys declared for="all", so it sees
# node names through `name` and edge kinds through `relation`)
import warnings
import igraph

warnings.filterwarnings("ignore", category=RuntimeWarning)

ig = igraph.Graph.Read_GraphML(graphml)
check("igraph reads the GraphML", ig.vcount() == len(xml_nodes) and ig.ecount() == len(xml_edges), f"{ig.vcount()} vertices, {ig.ecount()} edges")
check("igraph sees attributes", {"name", "type", "aliases", "labels"} <= set(ig.vs.attributes()) and {"relation", "role", "evidence"} <= set(ig.es.attributes()))

# xmllint against the GraphML schema
r = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", "Ontology/schemas/graphml/graphml.xsd", graphml], capture_output=True)
check("xmllint validates the GraphML against the GraphML XSD", r.returncode == 0, r.stderr.decode().strip().splitlines()[-1] if r.stderr else "")

passed = sum(checks)
print(f"interop: {passed} passed, {len(checks) - passed} failed")
sys.exit(0 if passed == len(checks) else 1)
