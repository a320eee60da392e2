#!/usr/bin/env bash
# Long histories and large libraries benchmark (not a test). Starts the embedded engines and
# config-api in a test JVM (HistoryBenchmark), seeds 10 and 10,000 versions of two connectors and
# 100,000 config objects of one organisation with SQL, then prints sequential p50/p99 latencies:
# versions list/get at 10 vs 10,000 versions (ratio, target p99 <= 1.2x) and the object
# list/search at 100,000 objects (target p99 <= 50 ms) next to the get of one object by id in the
# same run. Then (outbox-dispatcher, LargeDocumentBench) 1 MB V3 document publish-to-replica
# p50/p99 next to a small document's in the same run (target p99 <= 1 s).
# Options: BENCH_REQUESTS (default 400), BENCH_WARMUP (default 200), BENCH_PUBLISHES (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -t history-bench.XXXXXX.log)
props="-Dbench.requests=${BENCH_REQUESTS:-400} -Dbench.warmup=${BENCH_WARMUP:-200} -Dbench.publishes=${BENCH_PUBLISHES:-20}"
# shellcheck disable=SC2086
./mvnw -B -pl config-api -am verify -Dspotless.check.skip=true -DskipITs -Dquarkus.http.test-port=0 \
  -Dtest=HistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false $props -DargLine="-Xmx1536m $props" >"$log" 2>&1 \
  || { tail -50 "$log"; echo "benchmark run failed; full log: $log" >&2; exit 1; }
grep '^BENCH' "$log" || { echo "no BENCH lines; full log: $log" >&2; exit 1; }
if [ "${BENCH_SKIP_REPLICA:-}" = "" ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -pl outbox-dispatcher -am verify -Dspotless.check.skip=true -DskipITs \
    -Dtest=LargeDocumentBench -Dsurefire.failIfNoSpecifiedTests=false $props -DargLine="-Xmx1536m $props" >>"$log" 2>&1 \
    || { tail -50 "$log"; echo "benchmark run failed; full log: $log" >&2; exit 1; }
  grep '^BENCH 1 MB' "$log" || { echo "no 1 MB BENCH lines; full log: $log" >&2; exit 1; }
fi
echo "full log: $log"
