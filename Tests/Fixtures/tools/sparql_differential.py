"""Differential test: DocGraph's SPARQL against pyoxigraph on the same graph.

Each query runs through `docgraph sparql GRAPH QUERY --format json` (a CONSTRUCT without it: N-Triples) and through
pyoxigraph on the same N-Triples file; the solutions must be the same multiset
(blank node labels aside). Usage:
    sparql_differential.py DOCGRAPH GRAPH.nt [GRAPH.nt ...]
Prints one line per query and graph, and exits 1 if any differ.
"""
import collections
import json
import subprocess
import sys

import pyoxigraph

PREFIXES = """PREFIX dg: <https://w3id.org/docgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

# (name, query); every feature of the query language DocGraph claims appears at least once.
QUERIES = [
    ("bgp", "SELECT ?s ?o WHERE { ?s dg:enacted ?o }"),
    ("bgp-join", "SELECT ?n ?l WHERE { ?s dg:enacted ?o . ?s skos:prefLabel ?n . ?o skos:prefLabel ?l }"),
    ("type", "SELECT ?s WHERE { ?s a dg:Person }"),
    ("star", "SELECT * WHERE { ?s dg:leads ?o }"),
    ("distinct", "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"),
    ("reduced-as-set", "SELECT DISTINCT ?t WHERE { ?s a ?t }"),
    ("optional", "SELECT ?s ?p WHERE { ?s a dg:Organization OPTIONAL { ?s dg:leads ?p } }"),
    ("optional-filter", "SELECT ?s ?o WHERE { ?s a dg:Organization OPTIONAL { ?s dg:enacted ?o FILTER(isIRI(?o)) } }"),
    ("union", "SELECT ?x WHERE { { ?x dg:leads ?y } UNION { ?x dg:oversees ?y } }"),
    ("minus", "SELECT ?s WHERE { ?s a dg:Organization MINUS { ?s dg:enacted ?o } }"),
    ("filter-compare", "SELECT ?e ?c WHERE { ?st dg:confidence ?c ; rdf:subject ?e FILTER(?c >= 0.85) }"),
    ("filter-logic", "SELECT ?s WHERE { ?s a ?t FILTER(?t = dg:Person || (?t = dg:Regulation && !isBlank(?s))) }"),
    ("regex", "SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(regex(str(?l), \"条例\")) }"),
    ("regex-flags", "SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(regex(?l, \"^《.*》$\", \"s\")) }"),
    ("contains", "SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(contains(?l, \"人大\")) }"),
    ("strstarts-strends", "SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(strstarts(?l, \"《\") && strends(?l, \"条例》\")) }"),
    ("lang", "SELECT ?l (lang(?l) AS ?t) WHERE { ?s skos:altLabel ?l }"),
    ("langmatches", "SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(langMatches(lang(?l), \"zh\")) }"),
    ("bound", "SELECT ?s WHERE { ?s a dg:Person OPTIONAL { ?s dg:holdsPosition ?o } FILTER(!bound(?o)) }"),
    ("isliteral", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } GROUP BY ?p"),
    ("bind", "SELECT ?s ?len WHERE { ?s skos:prefLabel ?l BIND(strlen(str(?l)) AS ?len) FILTER(?len > 6) }"),
    ("values", "SELECT ?s ?o WHERE { VALUES ?p { dg:leads dg:oversees } ?s ?p ?o }"),
    ("path-seq", "SELECT ?n WHERE { ?p dg:holdsPosition/skos:prefLabel ?n }"),
    ("path-alt", "SELECT ?s ?o WHERE { ?s dg:leads|dg:oversees ?o }"),
    ("path-inverse", "SELECT ?x ?y WHERE { ?x ^dg:enacted ?y }"),
    ("path-plus", "SELECT ?x ?y WHERE { ?x (dg:leads|dg:oversees)+ ?y }"),
    ("path-star-bound", "SELECT ?y WHERE { ?x a dg:Person . ?x (dg:holdsPosition/dg:leads)* ?y }"),
    ("path-opt", "SELECT ?x ?y WHERE { ?x a dg:Organization . ?x dg:leads? ?y }"),
    ("count-group", "SELECT ?p (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"),
    ("aggregates", "SELECT ?p (SUM(?c) AS ?sum) (MIN(?c) AS ?min) (MAX(?c) AS ?max) (AVG(?c) AS ?avg) WHERE { ?st rdf:predicate ?p ; dg:confidence ?c } GROUP BY ?p"),
    ("sample-single", "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { ?s skos:prefLabel ?l } GROUP BY ?s"),
    ("group-concat", "SELECT ?s (GROUP_CONCAT(?a; SEPARATOR=\"|\") AS ?all) WHERE { ?s skos:altLabel ?a } GROUP BY ?s"),
    ("having", "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?o)) } GROUP BY ?o HAVING (COUNT(*) > 2)"),
    ("order-limit", "SELECT ?l WHERE { ?s skos:prefLabel ?l } ORDER BY ?l LIMIT 5"),
    ("order-desc-offset", "SELECT ?l WHERE { ?s skos:prefLabel ?l } ORDER BY DESC(?l) LIMIT 3 OFFSET 2"),
    ("subquery", "SELECT ?s ?n WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s dg:enacted ?o } GROUP BY ?s } FILTER(?n > 1) }"),
    ("expression", "SELECT ?s ((?c * 100) AS ?pct) WHERE { ?s dg:confidence ?c }"),
    ("ask", "ASK { ?s dg:enacted ?o }"),
    ("construct", "CONSTRUCT { ?o dg:enactedBy ?s } WHERE { ?s dg:enacted ?o }"),
    ("exists", "SELECT ?s WHERE { ?s a dg:Organization FILTER EXISTS { ?s dg:enacted ?o } }"),
    ("not-exists", "SELECT ?s WHERE { ?s a dg:Organization FILTER NOT EXISTS { ?x dg:leads ?s } }"),
    ("in", "SELECT ?s ?t WHERE { ?s a ?t FILTER(?t IN (dg:Person, dg:Program)) }"),
]


def canonical_term(t):
    if t is None:
        return None
    if isinstance(t, pyoxigraph.BlankNode):
        return ("bnode",)
    if isinstance(t, pyoxigraph.NamedNode):
        return ("uri", t.value)
    dt = t.datatype.value if t.datatype else None
    if t.language:
        return ("literal", t.value, "@" + t.language.lower())
    if dt in NUMERIC:
        return ("number", float(t.value))
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return ("literal", t.value, dt)


NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + n for n in ("integer", "decimal", "double", "float")}


def canonical_json(b):
    kind = b["type"]
    if kind == "bnode":
        return ("bnode",)
    if kind == "uri":
        return ("uri", b["value"])
    if "xml:lang" in b:
        return ("literal", b["value"], "@" + b["xml:lang"].lower())
    dt = b.get("datatype")
    if dt in NUMERIC:
        return ("number", float(b["value"]))
    return ("literal", b["value"], None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt)


def normalize(value, name):
    # GROUP_CONCAT's order is not defined: compare its parts as a sorted list. Whether the
    # result keeps its arguments' common language tag differs between implementations.
    if name == "group-concat" and value and value[0] == "literal":
        return ("literal", "|".join(sorted(value[1].split("|"))))
    # Language tags are case-insensitive; pyoxigraph gives them lower-cased.
    if name == "lang" and value and value[0] == "literal" and value[2] is None:
        return ("literal", value[1].lower(), None)
    # Averages of decimals may differ in the last digits between implementations.
    if value and value[0] == "number":
        return ("number", round(value[1], 9))
    return value


def oxigraph_rows(store, query, name):
    result = store.query(PREFIXES + query)
    if isinstance(result, (bool, pyoxigraph.QueryBoolean)):
        return [("ask", bool(result))]
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = sorted(v.value for v in result.variables)
        return [tuple((v, normalize(canonical_term(s[v]), name)) for v in variables if s[v] is not None) for s in result]
    return [("triple", canonical_term(t.subject), canonical_term(t.predicate), canonical_term(t.object)) for t in result]


def docgraph_rows(binary, graph, query, name):
    # A CONSTRUCT gives a graph: docgraph sparql prints it as N-Triples (a table format does not apply).
    construct = "CONSTRUCT" in query.upper().split("WHERE")[0]
    out = subprocess.run([binary, "sparql", graph, PREFIXES + query] + ([] if construct else ["--format", "json"]),
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    if construct:
        store = pyoxigraph.Store()
        store.load(out.stdout.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return [("triple", canonical_term(q.subject), canonical_term(q.predicate), canonical_term(q.object)) for q in store]
    data = json.loads(out.stdout)
    if "boolean" in data:
        return [("ask", data["boolean"])]
    variables = sorted(data["head"]["vars"])
    return [tuple((v, normalize(canonical_json(b[v]), name)) for v in variables if v in b) for b in data["results"]["bindings"]]


def main():
    binary, graphs = sys.argv[1], sys.argv[2:]
    failures = 0
    for graph in graphs:
        store = pyoxigraph.Store()
        with open(graph, "rb") as f:
            store.load(f, format=pyoxigraph.RdfFormat.N_TRIPLES)
        for name, query in QUERIES:
            expected = oxigraph_rows(store, query, name)
            try:
                got = docgraph_rows(binary, graph, query, name)
            except RuntimeError as e:
                print(f"FAIL {graph} {name}: {e}")
                failures += 1
                continue
            ordered = "ORDER BY" in query
            same = got == expected if ordered else collections.Counter(got) == collections.Counter(expected)
            if same:
                print(f"ok   {graph.split('/')[-1]} {name}: {len(got)} row(s)")
            else:
                failures += 1
                only_dg = list((collections.Counter(got) - collections.Counter(expected)).elements())[:3]
                only_ox = list((collections.Counter(expected) - collections.Counter(got)).elements())[:3]
                print(f"FAIL {graph.split('/')[-1]} {name}: docgraph {len(got)} rows, pyoxigraph {len(expected)}; "
                      f"only docgraph {only_dg}; only pyoxigraph {only_ox}")
    total = len(QUERIES) * len(graphs)
    print(f"sparql differential: {total - failures} of {total} agree with pyoxigraph ({len(QUERIES)} queries x {len(graphs)} graphs)")
    sys.exit(1 if failures else 0)


main()
