#!/usr/bin/env bash
# The Spark job against docgraph on one machine, in one run, on the same generated collection
# (default 10,000 documents, Benchmarks/generate_collection.py): `docgraph extract --jobs 1` and
# `--jobs 2`, then scripts/spark/extract.py on local[1], local[2] and a standalone cluster on
# loopback (a Master and two Workers of one core each, started here; their start-up is shown
# apart and not counted). Wall time of each, speed-up against `extract --jobs 1`, and Spark's
# overhead against `extract` on as many cores. Every Spark graph.nt must equal the single run's
# graph, sorted.
# Usage: Benchmarks/spark-scale.sh [DOCUMENTS=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check "pyspark>=4,<5" 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check --break-system-packages "pyspark>=4,<5"
spark_home="$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
swift build -c release --product docgraph >/dev/null
bin="$(swift build -c release --show-bin-path)/docgraph"
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=python3 PYSPARK_DRIVER_PYTHON=python3
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
python3 Benchmarks/generate_collection.py "$work/docs" "$count"
now() { date +%s.%N; }
declare -A secs
for jobs in 1 2; do
  t=$(now)
  "$bin" extract -q "$work/docs" --jobs "$jobs" -o "$work/single$jobs.nt"
  secs[extract$jobs]=$(echo "$(now) - $t" | bc)
done
cmp -s "$work/single1.nt" "$work/single2.nt" || { echo "extract --jobs 1 and --jobs 2 differ"; exit 1; }
LC_ALL=C sort "$work/single1.nt" > "$work/single.sorted"

spark() {  # spark NAME MASTER [SPARK-SUBMIT OPTIONS...]: one run of the job, checked against the single run
  local name="$1" master="$2"; shift 2
  local t; t=$(now)
  "$spark_home/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false "$@" scripts/spark/extract.py \
    "$work/docs" -o "$work/$name" --docgraph "$bin" > "$work/$name.log" 2>&1 || { tail -n 30 "$work/$name.log"; exit 1; }
  secs[$name]=$(echo "$(now) - $t" | bc)
  grep '^docgraph-spark:' "$work/$name.log" | sed "s/^/  $name: /"
  cmp -s "$work/$name/graph.nt" "$work/single.sorted" || { echo "$name: graph.nt differs from the single run"; exit 1; }
}
# The reduce sorts the whole graph's lines: the JVM gets the memory to hold them (in local mode
# the executor is the driver).
spark local1 "local[1]" --driver-memory 4g
spark local2 "local[2]" --driver-memory 4g

t=$(now)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$spark_home/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  > "$work/master.log" 2>&1 &
pids+=($!)
for w in 1 2; do
  "$spark_home/bin/spark-class" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" --host 127.0.0.1 \
    --cores 1 --memory 4g --webui-port 0 --work-dir "$work/worker$w" > "$work/worker$w.log" 2>&1 &
  pids+=($!)
done
until [ "$(grep -l 'Successfully registered with master' "$work"/worker?.log 2>/dev/null | wc -l)" -eq 2 ]; do
  sleep 0.2
  [ "$(echo "$(now) - $t > 120" | bc)" -eq 0 ] || { echo "the standalone cluster did not start"; exit 1; }
done
up=$(echo "$(now) - $t" | bc)
spark cluster "spark://127.0.0.1:$port" --total-executor-cores 2 --executor-cores 1 --executor-memory 3g

echo
printf '%-44s %9s %9s %9s\n' "$count documents" "wall s" "speed-up" "overhead"
row() {  # row LABEL KEY PEER: speed-up against extract --jobs 1, overhead against PEER (extract on as many cores)
  awk -v l="$1" -v s="${secs[$2]}" -v one="${secs[extract1]}" -v peer="${secs[$3]}" \
    'BEGIN { o = (s / peer - 1) * 100; printf "%-44s %9.2f %8.2fx %8s\n", l, s, one / s, (o < 0.05 && o > -0.05) ? "-" : sprintf("%+.0f%%", o) }'
}
row "docgraph extract --jobs 1" extract1 extract1
row "docgraph extract --jobs 2" extract2 extract2
row "spark local[1]" local1 extract1
row "spark local[2]" local2 extract2
row "spark standalone, 2 workers x 1 core" cluster extract2
printf 'standalone cluster start-up (not counted above): %.1f s; every graph.nt equals the single run, sorted\n' "$up"
