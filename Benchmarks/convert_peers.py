"""The peers of Benchmarks/convert-vs-peers.sh, one conversion per process.

  convert_peers.py oxigraph IN OUT       pyoxigraph: N-Triples <-> RDF/XML, streaming
  convert_peers.py networkx IN OUT       NetworkX: N-Triples -> GraphML or GraphML -> N-Triples
  convert_peers.py compare A B           prints the triple counts of A and B and whether they are the same graph

NetworkX gets the same property-graph mapping DocGraph writes: resources are
nodes, resource-valued triples are edges carrying their predicate IRI, literal
values are node data keyed by predicate, datatype and language (one value per
key; NetworkX keeps one). Its N-Triples are read and written by pyoxigraph, so
the time measured is NetworkX's own (graph building and GraphML).
"""
import sys

import pyoxigraph as ox


def fmt(path):
    return ox.RdfFormat.from_extension(path.rsplit(".", 1)[-1])


def oxigraph(src, dst):
    with open(dst, "wb") as out:
        ox.serialize(ox.parse(path=src, format=fmt(src)), out, fmt(dst))


def networkx(src, dst):
    import networkx as nx

    if dst.endswith(".graphml"):
        G = nx.MultiDiGraph()
        keys = {}
        for t in ox.parse(path=src, format=ox.RdfFormat.N_TRIPLES):
            s, p, o = str(t.subject), t.predicate.value, t.object
            if s not in G:
                G.add_node(s)
            if isinstance(o, ox.Literal):
                k = (p, o.datatype.value, o.language or "")
                name = keys.setdefault(k, f"p{len(keys)}")
                G.nodes[s][name] = o.value
            else:
                G.add_edge(s, str(o), predicate=p)
        G.graph["keys"] = "|".join(f"{n}={p} {d} {l}" for (p, d, l), n in keys.items())
        nx.write_graphml(G, dst)
    else:
        G = nx.read_graphml(src, force_multigraph=True)
        keys = {}
        for part in G.graph.get("keys", "").split("|"):
            if part:
                n, rest = part.split("=", 1)
                p, d, l = (rest.split(" ") + ["", ""])[:3]
                keys[n] = (p, d, l)

        def node(n):
            return ox.BlankNode(n[2:]) if n.startswith("_:") else ox.NamedNode(n[1:-1])

        def triples():
            for n, data in G.nodes(data=True):
                s = node(n)
                for k, v in data.items():
                    p, d, l = keys[k]
                    lit = ox.Literal(v, language=l) if l else ox.Literal(v, datatype=ox.NamedNode(d))
                    yield ox.Triple(s, ox.NamedNode(p), lit)
            for a, b, data in G.edges(data=True):
                yield ox.Triple(node(a), ox.NamedNode(data["predicate"]), node(b))

        with open(dst, "wb") as out:
            ox.serialize(triples(), out, ox.RdfFormat.N_TRIPLES)


def compare(a, b):
    """Same graph? Exact set comparison when there are no blank nodes,
    pyoxigraph's canonicalisation (blank node relabelling) otherwise."""
    ga, gb = ox.Dataset(), ox.Dataset()
    for g, path in ((ga, a), (gb, b)):
        for t in ox.parse(path=path, format=fmt(path)):
            g.add(ox.Quad(t.subject, t.predicate, t.object))
    if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in ga):
        ga.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        gb.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    same = len(ga) == len(gb) and all(q in gb for q in ga)
    print(f"{len(ga)} {len(gb)} {'isomorphic' if same else 'DIFFERENT'}")


mode, x, y = sys.argv[1:4]
{"oxigraph": oxigraph, "networkx": networkx, "compare": compare}[mode](x, y)
