"""DocGraph on Apache Spark: one graph from a collection too large for one machine.

    spark-submit [--master URL] [--files PATH/docgraph] scripts/spark/extract.py INPUT... -o OUTDIR
        [--into OUTDIR] [--docgraph PATH] [--partitions N] [--list FILE] [--include GLOB] [--exclude GLOB]
        [-- EXTRACT-OPTIONS...]

The job is thin; DocGraph does the work:
  1. The driver lists the documents with `docgraph documents`, so every id is computed over
     the whole collection by DocGraph's own code, and puts each document in a bucket by a hash
     of its path (stable across runs, so `--into` finds a document's earlier version).
  2. Each task runs `docgraph extract --list -` on one bucket (the lines PATH<TAB>ID keep the
     ids), in the driver's working folder, and writes the bucket's graph to
     OUTDIR/buckets/NNNNN.nt; with `--into`, the bucket's previous graph is passed as
     `extract --into`, which skips documents it holds with the same id and checksum and replaces
     changed ones.
  3. The reduce, in Spark SQL over the N-Triples lines of every bucket (the lines never pass
     through Python): identical lines become one, and of a statement's `dg:confidence` lines
     the highest stays. Every other rule of
     DocGraph's merge is a union that is already a union of lines (README "Scaling" says why),
     so the result is the single-machine graph. Each reduce partition is sorted (byte order,
     as `LC_ALL=C sort`) into OUTDIR/part-NNNNN.nt, and the parts are merged into OUTDIR/graph.nt.

Documents that cannot be read are reported by docgraph and left out, as `extract` does without
`--strict`. A task whose docgraph dies is retried by Spark; on its last attempt the task runs its
documents one by one, leaves out those on which docgraph dies, and extracts the rest. Every
document left out is a line of OUTDIR/failures.tsv (path, id, error). The documents and OUTDIR must
be on a filesystem every node mounts at the same path.
"""
import argparse
import hashlib
import heapq
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from pyspark import SparkFiles, TaskContext
from pyspark.sql import SparkSession

CONFIDENCE = "<https://w3id.org/docgraph/ontology#confidence>"
MANIFEST = "manifest.json"


def parse_args(argv):
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(prog="extract.py", description="Extract one DocGraph graph on Spark.")
    p.add_argument("inputs", nargs="*", help="documents and folders")
    p.add_argument("-o", "--output", help="the output folder (part-*.nt, graph.nt, failures.tsv, buckets/)")
    p.add_argument("--into", help="a previous output folder: only new and changed documents are extracted")
    p.add_argument("--docgraph", help="the docgraph program on every node (default: the one shipped with --files, else on PATH)")
    p.add_argument("--partitions", type=int, help="buckets of documents (default: 4 per core, at most 500 documents each)")
    p.add_argument("--list", action="append", default=[], help="a list file of documents (as for docgraph extract)")
    p.add_argument("--include", action="append", default=[])
    p.add_argument("--exclude", action="append", default=[])
    args = p.parse_args(argv)
    args.extract_options = extra
    if not args.output and not args.into:
        p.error("give an output folder with -o (or a previous one with --into)")
    if not args.inputs and not args.list:
        p.error("give documents, folders or a --list file")
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be at least 1")
    return args


def bucket_of(path, buckets):
    """A document's bucket: a hash of its path, the same in every run and on every machine."""
    return int.from_bytes(hashlib.sha256(path.encode("utf-8")).digest()[:8], "big") % buckets


def program(name):
    """The docgraph to run here: shipped by spark-submit --files, else the path given, else on PATH."""
    base = os.path.basename(name or "docgraph")
    try:
        shipped = SparkFiles.get(base)
    except Exception:
        shipped = None
    if shipped and os.path.isfile(shipped):
        if not os.access(shipped, os.X_OK):
            os.chmod(shipped, 0o755)
        return shipped
    if name and os.sep in name:
        return name
    found = shutil.which(name or "docgraph")
    if not found:
        raise RuntimeError("docgraph not found: pass --docgraph PATH, ship it with --files, or put it on PATH")
    return found


def skipped(stderr, docs):
    """The documents docgraph reported and left out: lines `PATH: error: MESSAGE (skipped)`."""
    by_path = {path: doc_id for path, doc_id in docs}
    out = []
    for line in stderr.splitlines():
        head, sep, message = line.partition(": error: ")
        if sep and head in by_path:
            out.append((head, by_path[head], re.sub(r" \(skipped\)$", "", message)))
    return out


def run_extract(docgraph, docs, output, previous, options, cwd):
    listing = "".join(f"{path}\t{doc_id}\n" for path, doc_id in docs)
    cmd = [docgraph, "extract", "--list", "-", "--jobs", "1", "-o", output] + options
    if previous:
        cmd += ["--into", previous]
    return subprocess.run(cmd, input=listing.encode("utf-8"), capture_output=True, cwd=cwd)


def died(result):
    """docgraph exits 0, or 1 when it reports a failure; anything else is a crash."""
    return result.returncode not in (0, 1)


def describe(result):
    if result.returncode < 0:
        return f"docgraph died (signal {-result.returncode})"
    tail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    return f"docgraph exited {result.returncode}" + (f": {tail[0]}" if tail else "")


def extract_bucket(task, settings):
    """One task: the bucket's documents through `docgraph extract`, its graph into buckets/."""
    bucket, docs = task
    docgraph = program(settings["docgraph"])
    target = os.path.join(settings["out"], "buckets", f"{bucket:05d}.nt")
    previous = os.path.join(settings["into"], "buckets", f"{bucket:05d}.nt") if settings["into"] else None
    if previous and not os.path.exists(previous):
        previous = None
    cwd = settings["cwd"] if os.path.isdir(settings["cwd"]) else None
    work = tempfile.mkdtemp(prefix=f"docgraph-bucket-{bucket}-")
    try:
        output = os.path.join(work, "graph.nt")
        failures = []
        result = run_extract(docgraph, docs, output, previous, settings["options"], cwd)
        if died(result):
            context = TaskContext.get()
            attempt = context.attemptNumber() if context else settings["attempts"] - 1
            if attempt + 1 < settings["attempts"]:
                # Spark runs the task again (on another executor, if this one is gone).
                raise RuntimeError(f"bucket {bucket}: {describe(result)}")
            # The last attempt: find the documents docgraph dies on, and extract the others.
            kept = []
            for doc in docs:
                alone = run_extract(docgraph, [doc], os.path.join(work, "one.nt"), None, settings["options"], cwd)
                if died(alone):
                    failures.append((doc[0], doc[1], describe(alone)))
                else:
                    kept.append(doc)
            result = run_extract(docgraph, kept, output, previous, settings["options"], cwd) if kept else None
            if result is not None and died(result):
                raise RuntimeError(f"bucket {bucket}: {describe(result)}")
            docs = kept
        stderr = result.stderr.decode("utf-8", "replace") if result else ""
        reported = skipped(stderr, docs)
        if result is not None and result.returncode == 1 and len(reported) < len(docs):
            # Not the documents: the run itself (an unreadable --into graph, a missing ontology).
            raise RuntimeError(f"bucket {bucket}: {stderr.strip()}")
        failures += reported
        summary = re.search(r"documents: ([^;]*);", stderr)
        counts = {}
        for part in (summary.group(1).split(", ") if summary else []):
            n, _, what = part.partition(" ")
            counts[what] = int(n)
        if os.path.exists(output):
            os.replace(output, target + ".tmp")
            os.replace(target + ".tmp", target)
        elif previous is None and os.path.exists(target):
            os.remove(target)   # nothing of this bucket could be read this time
        return bucket, failures, counts
    finally:
        shutil.rmtree(work, ignore_errors=True)


def reduce_lines(spark, source, target, partitions):
    """DocGraph's merge over N-Triples lines, in Spark SQL (the lines never pass through Python):
    identical lines become one, and of a statement's confidence lines the highest stays; one
    aggregation, whose key is the line itself, or the statement for a confidence line. Each
    partition is then sorted by bytes (as LC_ALL=C sort orders), and holds whole keys."""
    from pyspark.sql import functions as F
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    value = F.col("value")
    pattern = "^(<[^>]*>) " + re.escape(CONFIDENCE) + ' "([^"]*)"'
    # The substring test first: the regular expression then runs on confidence lines only.
    confidence = value.contains(" " + CONFIDENCE + ' "') & value.rlike(pattern)
    key = F.when(confidence, F.concat(F.lit("confidence "), F.regexp_extract(value, pattern, 1))).otherwise(value)
    rank = F.when(confidence, F.regexp_extract(value, pattern, 2).cast("double")).otherwise(F.lit(0.0))
    spark.read.text(source).where(value != "") \
        .groupBy(key.alias("key")).agg(F.max(F.struct(rank.alias("rank"), value)).alias("line")) \
        .select(F.col("line.value").alias("value")).sortWithinPartitions("value").write.text(target)


def merge_sorted(parts, graph):
    """The sorted parts, merged into one sorted file (bytes order), streaming."""
    files = [open(p, "rb") for p in parts]
    try:
        graph.writelines(heapq.merge(*files))
    finally:
        for f in files:
            f.close()


def main(argv):
    args = parse_args(argv)
    out = os.path.abspath(args.output or args.into)
    into = os.path.abspath(args.into) if args.into else None
    spark = SparkSession.builder.appName("docgraph-extract").getOrCreate()
    sc = spark.sparkContext
    started = time.time()

    docgraph = program(args.docgraph)
    listing = [docgraph, "documents"] + args.inputs
    for flag, values in (("--list", args.list), ("--include", args.include), ("--exclude", args.exclude)):
        for v in values:
            listing += [flag, v]
    listed = subprocess.run(listing, capture_output=True)
    if listed.returncode != 0:
        sys.stderr.write(listed.stderr.decode("utf-8", "replace"))
        return 1
    docs = [tuple(line.split("\t", 1)) for line in listed.stdout.decode("utf-8").splitlines() if line]

    previous = {}
    if into and os.path.exists(os.path.join(into, MANIFEST)):
        with open(os.path.join(into, MANIFEST), encoding="utf-8") as f:
            previous = json.load(f)
    cores = sc.defaultParallelism
    buckets = previous.get("buckets") or args.partitions or max(1, min(len(docs), max(4 * cores, -(-len(docs) // 500))))
    groups = {}
    for path, doc_id in docs:
        groups.setdefault(bucket_of(path, buckets), []).append((path, doc_id))
    if out != into:
        # A fresh output: buckets of an earlier run into this folder would join the reduce.
        shutil.rmtree(os.path.join(out, "buckets"), ignore_errors=True)
    os.makedirs(os.path.join(out, "buckets"), exist_ok=True)

    master = sc.master
    local = re.fullmatch(r"local\[[^,\]]+(?:,(\d+))?\]", master)
    attempts = int(local.group(1) or 1) if local else (1 if master == "local" else int(sc.getConf().get("spark.task.maxFailures", "4")))
    settings = {"docgraph": args.docgraph, "out": out, "into": into, "cwd": os.getcwd(),
                "options": args.extract_options, "attempts": attempts}
    tasks = sorted(groups.items())
    # The largest buckets first, one bucket per Spark partition.
    tasks.sort(key=lambda t: -len(t[1]))
    results = sc.parallelize(tasks, max(1, len(tasks))).map(lambda t: extract_bucket(t, settings)).collect()
    extracted_at = time.time()

    failures = sorted(f for _, fs, _ in results for f in fs)
    counts = {}
    for _, _, c in results:
        for k, v in c.items():
            counts[k] = counts.get(k, 0) + v

    if into and into != out and os.path.isdir(os.path.join(into, "buckets")):
        # As `extract --into`: documents of the earlier graph that this run does not name stay.
        for n in os.listdir(os.path.join(into, "buckets")):
            if n.endswith(".nt") and not os.path.exists(os.path.join(out, "buckets", n)):
                shutil.copyfile(os.path.join(into, "buckets", n), os.path.join(out, "buckets", n))
    files = sorted(os.path.join(out, "buckets", n) for n in os.listdir(os.path.join(out, "buckets")) if n.endswith(".nt"))
    parts_dir = os.path.join(out, ".parts")
    shutil.rmtree(parts_dir, ignore_errors=True)
    if files:
        reduce_lines(spark, "file://" + os.path.join(out, "buckets", "*.nt"), "file://" + parts_dir,
                     max(1, min(cores * 2, len(files))))
    for name in os.listdir(out):
        if re.fullmatch(r"part-\d+\.nt", name):
            os.remove(os.path.join(out, name))
    part_files = sorted(n for n in os.listdir(parts_dir) if n.startswith("part-")) if files else []
    tmp_graph = os.path.join(out, ".graph.nt.tmp")
    with open(tmp_graph, "wb") as graph:
        merge_sorted([os.path.join(parts_dir, n) for n in part_files], graph)
    for k, n in enumerate(part_files):
        os.replace(os.path.join(parts_dir, n), os.path.join(out, f"part-{k:05d}.nt"))
    os.replace(tmp_graph, os.path.join(out, "graph.nt"))
    shutil.rmtree(parts_dir, ignore_errors=True)

    with open(os.path.join(out, ".failures.tsv.tmp"), "w", encoding="utf-8") as f:
        f.write("path\tid\terror\n")
        for path, doc_id, message in failures:
            f.write(f"{path}\t{doc_id}\t{message}\n")
    os.replace(os.path.join(out, ".failures.tsv.tmp"), os.path.join(out, "failures.tsv"))
    with open(os.path.join(out, MANIFEST + ".tmp"), "w", encoding="utf-8") as f:
        json.dump({"buckets": buckets, "documents": len(docs)}, f)
    os.replace(os.path.join(out, MANIFEST + ".tmp"), os.path.join(out, MANIFEST))

    done = time.time()
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    sys.stderr.write(f"docgraph-spark: {len(docs)} documents in {len(tasks)} buckets ({summary or 'none read'}); "
                     f"{len(failures)} failed; extracted in {extracted_at - started:.2f} s, merged in {done - extracted_at:.2f} s "
                     f"on {master}\n")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
