"""`docgraph serve` checked with real clients against `docgraph sparql` on the same graph.

Usage: serve_check.py DOCGRAPH GRAPH.nt ENDPOINT_URL QUERY_DIR TIMEOUT_SECONDS

- SPARQLWrapper (JSON results; N-Triples for CONSTRUCT) and rdflib's SPARQLStore (XML results)
  must give the answers `docgraph sparql --format json` gives, for the queries in QUERY_DIR (the
  benchmark queries, ENTITY filled in) and the SPARQL differential test's queries;
- a query that never ends is stopped at the timeout while another query is answered meanwhile;
- hostile requests (a huge query, deep nesting, invalid UTF-8, path traversal, an update, a body
  of the wrong type, many connections at once) get HTTP errors, and the server still answers.
Prints one line per check and a closing 'N passed, N failed'; exits 1 if any failed.
"""
import ast
import collections
import concurrent.futures
import glob
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, N3, SPARQLWrapper

NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + n for n in ("integer", "decimal", "double", "float")}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
passed = failed = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def differential_queries():
    """The (name, query) pairs and prefixes of the SPARQL differential test, read without running it."""
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "tools", "sparql_differential.py")
    tree = ast.parse(open(path, encoding="utf-8").read())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id in ("QUERIES", "PREFIXES"):
            found[node.targets[0].id] = ast.literal_eval(node.value)
    return [(name, found["PREFIXES"] + q) for name, q in found["QUERIES"]]


def json_term(b):
    kind = b["type"]
    if kind == "bnode":
        return ("bnode",)
    if kind == "uri":
        return ("uri", b["value"])
    if "xml:lang" in b:
        return ("literal", b["value"], "@" + b["xml:lang"].lower())
    dt = b.get("datatype")
    if dt in NUMERIC:
        return ("number", round(float(b["value"]), 9))
    return ("literal", b["value"], None if dt == XSD_STRING else dt)


def rdflib_term(t):
    if t is None:
        return None
    if isinstance(t, rdflib.BNode):
        return ("bnode",)
    if isinstance(t, rdflib.URIRef):
        return ("uri", str(t))
    if t.language:
        return ("literal", str(t), "@" + t.language.lower())
    dt = str(t.datatype) if t.datatype else None
    if dt in NUMERIC:
        return ("number", round(float(str(t)), 9))
    return ("literal", str(t), None if dt == XSD_STRING else dt)


def rows_from_json(data):
    if "boolean" in data:
        return [("ask", data["boolean"])]
    variables = sorted(data["head"]["vars"])
    return [tuple((v, json_term(b[v])) for v in variables if v in b) for b in data["results"]["bindings"]]


def graph_rows(graph):
    return [("triple", rdflib_term(s), rdflib_term(p), rdflib_term(o)) for s, p, o in graph]


def expected_rows(binary, graph, query):
    # A CONSTRUCT gives a graph: docgraph sparql prints it as N-Triples (a table format does not apply).
    construct = is_construct(query)
    out = subprocess.run([binary, "sparql", graph, query] + ([] if construct else ["--format", "json"]),
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    if construct:
        g = rdflib.Graph()
        g.parse(data=out.stdout, format="nt")
        return graph_rows(g)
    return rows_from_json(json.loads(out.stdout))


def same(got, expected, ordered):
    return got == expected if ordered else collections.Counter(got) == collections.Counter(expected)


def is_construct(query):
    return "CONSTRUCT" in query.upper().split("WHERE")[0]


def check_clients(binary, graph, endpoint, queries):
    store = SPARQLStore(endpoint, returnFormat="xml")
    rdflib_graph = rdflib.Graph(store=store)
    for name, query in queries:
        ordered = "ORDER BY" in query
        # GROUP_CONCAT's order is not defined; a differential query that uses it is compared by its parts.
        try:
            expected = expected_rows(binary, graph, query)
        except RuntimeError as e:
            report(False, f"docgraph sparql {name}", str(e))
            continue
        wrapper = SPARQLWrapper(endpoint)
        wrapper.setQuery(query)
        try:
            if is_construct(query):
                wrapper.setReturnFormat(N3)
                wrapper.addCustomHttpHeader("Accept", "application/n-triples")
                g = rdflib.Graph()
                g.parse(data=wrapper.query().convert(), format="nt")
                got = graph_rows(g)
            else:
                wrapper.setReturnFormat(JSON)
                got = rows_from_json(wrapper.query().convert())
            report(same(got, expected, ordered), f"SPARQLWrapper {name} ({len(expected)} rows)",
                   f"got {len(got)} rows, docgraph sparql {len(expected)}")
        except Exception as e:  # an HTTP error or a parse failure is a failed check, not a crash
            report(False, f"SPARQLWrapper {name}", repr(e))
        try:
            result = rdflib_graph.query(query)
            if result.type == "CONSTRUCT":
                got = graph_rows(result.graph)
            elif result.type == "ASK":
                got = [("ask", bool(result.askAnswer))]
            else:
                variables = sorted(str(v) for v in result.vars)
                got = [tuple((v, rdflib_term(row[v])) for v in variables if row[v] is not None) for row in result]
            report(same(got, expected, ordered), f"rdflib SPARQLStore {name} ({len(expected)} rows)",
                   f"got {len(got)} rows, docgraph sparql {len(expected)}")
        except Exception as e:
            report(False, f"rdflib SPARQLStore {name}", repr(e))


def request(url, data=None, headers=None, method=None):
    """(status, body) of one request; an HTTP error status is an answer, not an exception."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def raw_request(host, port, raw):
    """Sends bytes as they are (for what urllib would refuse to send) and gives the status line's code."""
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(raw)
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    return int(line.split()[1]) if len(line.split()) > 1 else 0


def alive(endpoint):
    status, body = request(endpoint + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
    return status == 200 and b"true" in body


def check_timeout(endpoint, timeout):
    endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?x ?y ?x }"
    result = {}

    def slow():
        start = time.monotonic()
        result["status"], result["body"] = request(endpoint, data=endless.encode(), headers={"Content-Type": "application/sparql-query"})
        result["seconds"] = time.monotonic() - start

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(0.5)
    start = time.monotonic()
    quick = alive(endpoint)
    quick_seconds = time.monotonic() - start
    t.join()
    report(quick and quick_seconds < timeout, f"another query answered while one runs forever ({quick_seconds:.2f} s)",
           f"answered={quick} after {quick_seconds:.2f} s")
    report(result["status"] == 503 and b"--timeout" in result["body"] and timeout <= result["seconds"] < timeout + 5,
           f"the endless query stopped at the timeout ({result['seconds']:.2f} s, {result['status']})",
           f"{result['status']} {result['body'][:200]!r} after {result['seconds']:.2f} s")


def check_hostile(endpoint, limit):
    parsed = urllib.parse.urlparse(endpoint)
    host, port = parsed.hostname, parsed.port
    base = f"http://{host}:{port}"
    cases = []
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (limit + 10)
    cases.append(("a huge POSTed query", lambda: request(endpoint, huge.encode(), {"Content-Type": "application/sparql-query"}), {413}))
    cases.append(("a huge query string", lambda: request(endpoint + "?query=" + "x" * (limit + 10)), {400, 414, 431}))
    deep = "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000
    cases.append(("deep nesting", lambda: request(endpoint, deep.encode(), {"Content-Type": "application/sparql-query"}), {400}))
    deep_expr = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    cases.append(("deep expression", lambda: request(endpoint, deep_expr.encode(), {"Content-Type": "application/sparql-query"}), {400}))
    cases.append(("invalid UTF-8 in the query string", lambda: request(endpoint + "?query=%FF%FE%80"), {400}))
    cases.append(("invalid UTF-8 in a POSTed query", lambda: request(endpoint, b"ASK { ?s ?p \"\xff\xfe\" }", {"Content-Type": "application/sparql-query"}), {400}))
    cases.append(("a malformed %-escape", lambda: request(endpoint + "?query=%E6%9D"), {400}))
    cases.append(("an update", lambda: request(endpoint, urllib.parse.urlencode({"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}).encode(),
                                                  {"Content-Type": "application/x-www-form-urlencoded"}), {403}))
    cases.append(("an update sent as a query", lambda: request(endpoint + "?" + urllib.parse.urlencode({"query": "DELETE WHERE { ?s ?p ?o }"})), {403}))
    cases.append(("a body of the wrong type", lambda: request(endpoint, b"<x/>", {"Content-Type": "application/xml"}), {415}))
    cases.append(("a syntax error", lambda: request(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y }"})), {400}))
    for path in ["/../../../../etc/passwd", "/sparql/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
                 "/entity/..%2F..%2F..%2Fetc%2Fpasswd"]:
        cases.append((f"path traversal {path}", lambda p=path: (raw_request(host, port, f"GET {p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()), b""),
                      {400, 404}))
    cases.append(("invalid UTF-8 in the path", lambda: (raw_request(host, port, b"GET /entity/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), b""),
                  {400, 404}))
    for name, send, statuses in cases:
        try:
            status, body = send()
        except Exception as e:
            report(False, name, repr(e))
            continue
        ok = status in statuses and b"root:" not in body
        report(ok and alive(endpoint), f"{name}: {status}", f"status {status}, alive {alive(endpoint)}")
    syntax_status, syntax_body = request(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y }"}))
    report(b"^" in syntax_body and b"error:" in syntax_body, "a syntax error's body carries the caret", syntax_body[:200])


def resident_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def check_many_connections(endpoint, count):
    parsed = urllib.parse.urlparse(endpoint)
    # Connections opened at once and left idle, then queries from as many threads.
    idle = []
    for _ in range(count):
        try:
            idle.append(socket.create_connection((parsed.hostname, parsed.port), timeout=10))
        except OSError:
            break
    query = urllib.parse.urlencode({"query": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"})

    def one(_):
        return request(endpoint + "?" + query, headers={"Accept": "text/csv"})[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
        statuses = collections.Counter(pool.map(one, range(count)))
    for s in idle:
        s.close()
    report(len(idle) == count and set(statuses) <= {200, 503} and statuses[200] > 0 and alive(endpoint),
           f"{count} connections at once ({dict(statuses)})", f"opened {len(idle)}, statuses {dict(statuses)}")


def main():
    binary, graph, endpoint, query_dir, timeout = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
    limit = int(os.environ.get("SERVE_MAX_REQUEST_BYTES", "1048576"))
    queries = [(os.path.basename(p), open(p, encoding="utf-8").read()) for p in sorted(glob.glob(os.path.join(query_dir, "*.rq")))]
    check_clients(binary, graph, endpoint, queries + differential_queries())
    check_timeout(endpoint, timeout)
    check_hostile(endpoint, limit)
    connections = int(os.environ.get("SERVE_CONNECTIONS", "200"))
    pid = os.environ.get("SERVE_PID")
    before = resident_mib(pid) if pid else None
    for _ in range(3):
        check_many_connections(endpoint, connections)
    if pid:
        after = resident_mib(pid)
        report(after <= before * 1.10, f"resident memory after 3 x {connections} connections within 10 % of before "
               f"({before:.1f} -> {after:.1f} MiB)", f"{before:.1f} -> {after:.1f} MiB")
    print(f"serve: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
