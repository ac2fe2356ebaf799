"""Bulk-loads RDF/XML and N-Triples into a throwaway OpenLink Virtuoso (Debian virtuoso-opensource:
virtuoso-t on free loopback ports, ld_dir + rdf_loader_run through isql-vt) and compares what its
SPARQL endpoint answers with `docgraph sparql` on the same files: the triple count, a two-hop join
grouped by name, and every skos:prefLabel. Prints one line per check; exits 1 on any difference.

    export_virtuoso.py DOCGRAPH WORKDIR GRAPH...
"""
import json
import os
import subprocess
import sys
import time

import export_check
from export_check import PREFIXES, check, free_port, sparql

VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = {d}
NumberOfBuffers = 40000
MaxDirtyBuffers = 30000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
"""


def virtuoso(docgraph, workdir, graphs):
    """Bulk-loads RDF/XML and N-Triples into a throwaway Virtuoso (ld_dir + rdf_loader_run) and asks
    it over its SPARQL endpoint what `docgraph sparql` answers on the same files."""
    import shutil
    import urllib.parse
    import urllib.request
    d = os.path.abspath(os.path.join(workdir, "virtuoso"))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    sql, http = free_port(), free_port()
    with open(os.path.join(d, "virtuoso.ini"), "w") as f:
        f.write(VIRTUOSO_INI.format(d=d, sql=sql, http=http))
    server = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", os.path.join(d, "virtuoso.ini")],
                              cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def isql(command):
        return subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", f"exec={command}"],
                              capture_output=True, text=True)

    def ask(graph_iri, query):
        q = PREFIXES + query.replace("WHERE", f"FROM <{graph_iri}> WHERE", 1)
        url = f"http://127.0.0.1:{http}/sparql?" + urllib.parse.urlencode({"query": q})
        req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=600) as r:
            out = json.load(r)
        return [{k: v["value"] for k, v in b.items()} for b in out["results"]["bindings"]]

    try:
        for _ in range(300):
            if isql("status();").returncode == 0:
                break
            time.sleep(0.2)
        for n, path in enumerate(graphs):
            name = f"g{n}" + os.path.splitext(path)[1]
            shutil.copy(path, os.path.join(d, name))
            iri = f"urn:docgraph:test:{n}"
            t = time.time()
            r = isql(f"ld_dir('{d}', '{name}', '{iri}'); rdf_loader_run(); checkpoint;"
                     f"SELECT ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
            print(f"{path}:\n  Virtuoso loaded in {time.time() - t:.2f} s")
            check("Virtuoso: the bulk loader reports no error", "0 Rows." in r.stdout, True)
            queries = [
                ("triples", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                ("two-hop join", "SELECT ?name (COUNT(DISTINCT ?r) AS ?n) WHERE { ?p dg:holdsPosition ?o . "
                                 "?o dg:enacted ?r . ?p skos:prefLabel ?name } GROUP BY ?name ORDER BY ?name"),
                ("every label", "SELECT ?s ?label WHERE { ?s skos:prefLabel ?label } ORDER BY ?s ?label"),
            ]
            wanted = sparql(docgraph, path, *[q for _, q in queries])
            for (what, query), want in zip(queries, wanted):
                # Compared as sets: SPARQL leaves the order of language-tagged strings to the store,
                # and Virtuoso's differs from code point order.
                def rows(r):
                    return sorted(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in r)
                check(f"Virtuoso: {what} ({len(want)} rows)", rows(ask(iri, query)), rows(want))
    finally:
        server.terminate()
        server.wait(timeout=60)



if __name__ == "__main__":
    virtuoso(sys.argv[1], sys.argv[2], sys.argv[3:])
    sys.exit(1 if export_check.failures else 0)
