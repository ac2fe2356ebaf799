"""pyoxigraph's side of Benchmarks/sparql-vs-oxigraph.sh: loads an RDF/XML
file into an in-memory store, then runs each query REPEAT times, reading
every solution. Prints one line per step, in the format the script reads:
    load <seconds> <triples> <peak MiB>
    <query file> <fastest seconds> <median seconds> <solutions>

Usage: python3 Benchmarks/oxigraph_queries.py GRAPH.rdf REPEAT QUERY.rq...
"""
import resource
import sys
import time

import pyoxigraph

graph, repeat, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
store = pyoxigraph.Store()
store.load(path=graph, format=pyoxigraph.RdfFormat.RDF_XML)
loaded = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"load {loaded:.4f} {len(store)} {peak:.0f}", flush=True)
for path in files:
    with open(path, encoding="utf-8") as f:
        query = f.read()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = store.query(query)
        count = 1 if isinstance(result, bool) else sum(1 for _ in result)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"{path} {times[0]:.6f} {times[len(times) // 2]:.6f} {count}", flush=True)
