"""Runs and reports Benchmarks/sparql-vs-oxigraph.sh (see there).

Usage: python3 Benchmarks/sparql_vs_oxigraph.py DOCGRAPH WORKDIR ROUNDS REPEAT
WORKDIR holds graph.rdf and the queries (*.rq) with the entity filled in.
"""
import glob
import os
import re
import statistics
import subprocess
import sys

docgraph, work, rounds, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
graph = os.path.join(work, "graph.rdf")
queries = sorted(glob.glob(os.path.join(work, "*.rq")))
here = os.path.dirname(os.path.abspath(__file__))


def seconds(text):
    value, unit = text.split()
    return float(value) / (1000 if unit == "ms" else 1)


def timed(command):
    """Runs command under /usr/bin/time; returns (stdout, stderr, peak MiB)."""
    stats = os.path.join(work, "time")
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats] + command,
                       capture_output=True, text=True, check=True)
    with open(stats) as f:
        peak = int(f.read().split()[-1]) / 1024
    return p.stdout, p.stderr, peak


def run_docgraph():
    args = [docgraph, "sparql", graph, "--time", "--repeat", repeat, "--format", "tsv"]
    for q in queries:
        args += ["-f", q]
    _, err, peak = timed(args)
    out = {"peak": peak}
    for line in err.splitlines():
        if m := re.match(r"load: (\d+) triples in (.+)$", line):
            out["triples"], out["load"] = int(m[1]), seconds(m[2])
        elif m := re.match(r"(.+\.rq): (\d+) rows in (.+?)(?: \(fastest of \d+; median (.+)\))?$", line):
            out[m[1]] = (seconds(m[3]), int(m[2]))
    return out


def run_oxigraph():
    out_text, _, peak = timed(["python3", os.path.join(here, "oxigraph_queries.py"), graph, repeat] + queries)
    out = {"peak": peak}
    for line in out_text.splitlines():
        parts = line.split()
        if parts[0] == "load":
            out["load"], out["triples"] = float(parts[1]), int(parts[2])
        else:
            out[parts[0]] = (float(parts[1]), int(parts[3]))
    return out


runs = {"docgraph": [], "pyoxigraph": []}
for r in range(rounds):
    order = [("docgraph", run_docgraph), ("pyoxigraph", run_oxigraph)]
    if r % 2:
        order.reverse()
    for name, run in order:
        runs[name].append(run())

d, o = runs["docgraph"], runs["pyoxigraph"]
print(f"graph: {d[0]['triples']} distinct triples (pyoxigraph: {o[0]['triples']}); "
      f"medians of {rounds} rounds, each query the fastest of {repeat} runs per round")
print(f"{'step':<16}{'docgraph':>14}{'pyoxigraph':>14}{'ratio':>9}   results (docgraph / pyoxigraph)")


def row(label, a, b, unit, extra=""):
    scale = 1000 if unit == "ms" else 1
    print(f"{label:<16}{a * scale:>11.3f} {unit:<2}{b * scale:>11.3f} {unit:<2}{a / b:>8.2f}x   {extra}")


row("load RDF/XML", statistics.median(x["load"] for x in d), statistics.median(x["load"] for x in o), "s")
print(f"{'peak memory':<16}{statistics.median(x['peak'] for x in d):>10.0f} MiB"
      f"{statistics.median(x['peak'] for x in o):>10.0f} MiB"
      f"{statistics.median(x['peak'] for x in d) / statistics.median(x['peak'] for x in o):>8.2f}x")
for q in queries:
    a = statistics.median(x[q][0] for x in d)
    b = statistics.median(x[q][0] for x in o)
    row(os.path.basename(q), a, b, "ms", f"{d[0][q][1]} / {o[0][q][1]}")
