#!/usr/bin/env bash
# The Spark job (scripts/spark/extract.py) against `docgraph extract` on one machine, on a
# generated collection of 200 documents in nested folders whose file names collide:
#   1. local[2]: OUTDIR/graph.nt equals the single run's graph, sorted, byte for byte;
#   2. a standalone cluster on loopback (a Master and two Workers of one core each, started
#      and stopped here), the program shipped with --files: the same graph as in 1;
#   3. a rerun --into the first OUTDIR after one document changed and four were added: only
#      those are extracted; a document docgraph cannot read and one on which docgraph always
#      dies are in failures.tsv; one on which it dies once is retried by Spark and extracted;
#      a copy of a document, put where it falls in the same bucket as its original, is
#      extracted as a document of its own; the graph equals a single run over the collection
#      without the two failures.
# Installs what it misses (pyspark from PyPI, a Java runtime from Debian).
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
if ! command -v java >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if ! python3 -c "import pyspark" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check "pyspark>=4,<5" 2>/dev/null ||
    python3 -m pip install -q --disable-pip-version-check --break-system-packages "pyspark>=4,<5"
fi
echo "spark: set up in $((SECONDS - started)) s"
spark_home="$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
bin="${DOCGRAPH_BIN:-$(swift build -c release --show-bin-path)/docgraph}"
[ -x "$bin" ] || swift build -c release --product docgraph
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=python3 PYSPARK_DRIVER_PYTHON=python3
tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
failed=0
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; failed=$((failed + 1)); }
submit() {  # submit LOG ARGS...: spark-submit the job, its log kept for a failure
  local log="$1"; shift
  "$spark_home/bin/spark-submit" --conf spark.ui.enabled=false "$@" > "$log" 2>&1 ||
    { tail -n 30 "$log"; return 1; }
  grep '^docgraph-spark:' "$log" | sed 's/^/      /'
}
same() {  # same A B: the two graphs, sorted, byte for byte
  cmp -s <(LC_ALL=C sort "$1") <(LC_ALL=C sort "$2")
}

# 200 documents in region/year folders, named notice0 … notice9 in each: every name collides,
# and one document has a twin that differs only in its extension.
python3 Benchmarks/generate_collection.py "$tmp/generated" 200 >/dev/null
python3 - "$tmp/generated" "$tmp/docs" <<'EOF'
import os, shutil, sys
source, target = sys.argv[1:]
docs = sorted(os.path.join(d, f) for d, _, fs in os.walk(source) for f in fs)
for n, path in enumerate(docs):
    out = os.path.join(target, f"region{n % 4}", str(2020 + n // 4 % 5), f"notice{n // 20}.txt")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    shutil.copyfile(path, out)
shutil.copyfile(docs[0], os.path.join(target, "region0", "2020", "notice0.md"))
EOF
"$bin" extract -q "$tmp/docs" -o "$tmp/single.nt" || fail "the single run"

# 1. local mode, two cores.
t=$SECONDS
if submit "$tmp/local.log" --master "local[2]" scripts/spark/extract.py "$tmp/docs" -o "$tmp/out" --docgraph "$bin"; then
  same "$tmp/out/graph.nt" "$tmp/single.nt" && pass "local[2]: graph.nt equals the single run ($(wc -l < "$tmp/single.nt") triples, $((SECONDS - t)) s)" ||
    fail "local[2]: graph.nt differs from the single run"
  sorted=1
  for f in "$tmp/out"/graph.nt "$tmp/out"/part-*.nt; do LC_ALL=C sort -c "$f" 2>/dev/null || sorted=0; done
  [ "$sorted" -eq 1 ] && LC_ALL=C sort -m "$tmp/out"/part-*.nt | cmp -s - "$tmp/out/graph.nt" &&
    pass "graph.nt and every part-*.nt are sorted, and the parts merged are graph.nt" || fail "graph.nt is not the sorted parts"
  "$bin" merge "$tmp/out"/buckets/*.nt -o "$tmp/merged.nt" && same "$tmp/out/graph.nt" "$tmp/merged.nt" &&
    pass "graph.nt equals docgraph merge of the buckets' graphs" || fail "graph.nt differs from docgraph merge of the buckets"
  [ "$(wc -l < "$tmp/out/failures.tsv")" -eq 1 ] && pass "failures.tsv is empty" || fail "failures.tsv lists: $(cat "$tmp/out/failures.tsv")"
else
  fail "local[2]: the job failed"
fi

# 2. A standalone cluster on loopback: a Master and two Workers of one core each.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$spark_home/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  > "$tmp/master.log" 2>&1 &
pids+=($!)
for w in 1 2; do
  "$spark_home/bin/spark-class" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" --host 127.0.0.1 \
    --cores 1 --memory 2g --webui-port 0 --work-dir "$tmp/worker$w" > "$tmp/worker$w.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 120); do
  [ "$(grep -l 'Successfully registered with master' "$tmp"/worker?.log 2>/dev/null | wc -l)" -eq 2 ] && break
  sleep 0.5
done
if [ "$(grep -l 'Successfully registered with master' "$tmp"/worker?.log 2>/dev/null | wc -l)" -eq 2 ]; then
  pass "a standalone Master and two Workers (1 core each) on 127.0.0.1:$port"
  t=$SECONDS
  if submit "$tmp/cluster.log" --master "spark://127.0.0.1:$port" --total-executor-cores 2 --executor-cores 1 \
       --executor-memory 1g --files "$bin" scripts/spark/extract.py "$tmp/docs" -o "$tmp/out-cluster"; then
    same "$tmp/out-cluster/graph.nt" "$tmp/single.nt" &&
      pass "standalone cluster, docgraph shipped with --files: graph.nt equals the single run ($((SECONDS - t)) s)" ||
      fail "standalone cluster: graph.nt differs from the single run"
    [ "$(ls "$tmp"/worker1/app-* "$tmp"/worker2/app-* -d 2>/dev/null | wc -l)" -eq 2 ] &&
      pass "both workers ran executors of the job" || fail "not both workers ran executors"
  else
    fail "standalone cluster: the job failed"
  fi
else
  fail "the standalone cluster did not start: $(tail -n 5 "$tmp/master.log" "$tmp"/worker?.log)"
fi
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
pids=()

# 3. Incremental, with failures: one document changed, a broken one, one docgraph always dies on,
# one it dies on once. The fault is injected by a wrapper that kills docgraph with SIGKILL.
changed="$tmp/docs/region1/2021/notice2.txt"
sed -i 's/常委会/常务委员会/' "$changed"
printf 'PK\003\004 not really a Word document' > "$tmp/docs/region2/broken-scan.docx"
cp "$tmp/docs/region3/2023/notice5.txt" "$tmp/docs/region3/crash-always.txt"
# The document docgraph dies on once has text of its own: whether it lands in one bucket with
# another document must not decide what the rerun does with it. Nor may it share a bucket with the
# one docgraph always dies on (that one would kill the task first, every time): the bucket is a
# hash of the path and the temporary folder is random, so its name is searched for, not guessed.
crash_once=$(python3 - "$tmp/out/manifest.json" "$tmp/docs/region3/crash-always.txt" "$tmp/docs/region2" <<'PY'
import hashlib, json, os, sys
buckets = json.load(open(sys.argv[1]))["buckets"]
bucket = lambda p: int.from_bytes(hashlib.sha256(p.encode("utf-8")).digest()[:8], "big") % buckets
print(next(p for p in (os.path.join(sys.argv[3], f"crash-once{k}.txt") for k in range(100000)) if bucket(p) != bucket(sys.argv[2])))
PY
)
{ cat "$tmp/docs/region2/2022/notice7.txt"; printf '\n本通知自印发之日起施行。\n'; } > "$crash_once"
# A copy of a document, named so that it falls in its original's bucket (the bucket is a hash of
# the path, and the temporary folder is random: the name is searched for, not guessed), where the
# bucket's earlier graph already holds the original's checksum.
twin=$(python3 - "$tmp/out/manifest.json" "$tmp/docs/region1/2020/notice1.txt" <<'PY'
import hashlib, json, os, sys
buckets = json.load(open(sys.argv[1]))["buckets"]
bucket = lambda p: int.from_bytes(hashlib.sha256(p.encode("utf-8")).digest()[:8], "big") % buckets
original = sys.argv[2]
folder = os.path.dirname(os.path.dirname(original))
print(next(p for p in (os.path.join(folder, f"copy{k}.txt") for k in range(100000)) if bucket(p) == bucket(original)))
PY
)
cp "$tmp/docs/region1/2020/notice1.txt" "$twin"
cat > "$tmp/docgraph" <<EOF
#!/usr/bin/env bash
[ "\$1" = extract ] || exec "$bin" "\$@"
list="\$(cat)"
case "\$list" in *crash-always*) kill -9 \$\$ ;; esac
case "\$list" in *crash-once*) [ -e "$tmp/crashed-once" ] || { touch "$tmp/crashed-once"; kill -9 \$\$; } ;; esac
printf '%s\n' "\$list" | exec "$bin" "\$@"
EOF
chmod +x "$tmp/docgraph"
# The single run over the same collection without the two documents that fail.
mkdir "$tmp/aside"
mv "$tmp/docs/region2/broken-scan.docx" "$tmp/docs/region3/crash-always.txt" "$tmp/aside/"
"$bin" extract -q "$tmp/docs" -o "$tmp/single-without.nt" || fail "the single run without the failures"
mv "$tmp/aside/broken-scan.docx" "$tmp/docs/region2/"
mv "$tmp/aside/crash-always.txt" "$tmp/docs/region3/"
t=$SECONDS
if submit "$tmp/into.log" --master "local[2,2]" scripts/spark/extract.py "$tmp/docs" --into "$tmp/out" -o "$tmp/out2" --docgraph "$tmp/docgraph"; then
  # Each document counted once: 2 new, 1 changed, 1 unreadable, 200 unchanged, and the one on
  # which docgraph always dies (in failures.tsv only).
  grep -q '^docgraph-spark: 205 documents .*(2 extracted, 1 replaced, 1 skipped, 200 unchanged)' "$tmp/into.log" &&
    pass "--into: only the changed and the new documents are extracted ($((SECONDS - t)) s)" ||
    fail "--into: expected 2 extracted, 1 replaced, 200 unchanged: $(grep '^docgraph-spark:' "$tmp/into.log")"
  twin_id=$(sed -n "s|^$twin\t||p" <("$bin" documents "$tmp/docs"))
  [ -n "$twin_id" ] && grep -qF "<https://w3id.org/docgraph/id/document/$twin_id>" "$tmp/out2/graph.nt" &&
    pass "a copy of a document, in its original's bucket, is a document of its own ($(basename "$twin"))" ||
    fail "the copy $(basename "$twin") (id '$twin_id') is not in the graph"
  [ -e "$tmp/crashed-once" ] && grep -q "TaskSetManager: Lost task" "$tmp/into.log" && grep -q "crash-once" "$tmp/out2/graph.nt" &&
    pass "the task docgraph died in once was retried by Spark, and its documents are in the graph" ||
    fail "no retry of the task that died once"
  cut -f1,3 "$tmp/out2/failures.tsv" | sed "s|$tmp/||" > "$tmp/failures"
  if [ "$(sed -n 2p "$tmp/failures" | cut -f1)" = docs/region2/broken-scan.docx ] &&
     [ "$(sed -n 3p "$tmp/failures")" = "$(printf 'docs/region3/crash-always.txt\tdocgraph died (signal 9)')" ] &&
     [ "$(wc -l < "$tmp/failures")" -eq 3 ]; then
    pass "failures.tsv: the unreadable document and the one docgraph always dies on"
  else
    fail "failures.tsv: $(cat "$tmp/failures")"
  fi
  same "$tmp/out2/graph.nt" "$tmp/single-without.nt" && pass "the graph equals the single run without the two failures" ||
    fail "the graph differs from the single run without the two failures"
else
  fail "--into with failures: the job failed"
fi

echo "spark: $((SECONDS - started)) s in all"
exit "$failed"
