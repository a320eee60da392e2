#!/usr/bin/env bash
# Library delivery benchmark (not a test): plugin deliveries per second for a released backlog of
# object edits vs a raw conditional PutItem loop of head-sized items against the same DynamoDB
# (dynalite) in the same run, and commit -> replica lag at a steady edit rate. Runs the dispatcher
# in-process (a @QuarkusTest) against the embedded engines.
# Options: BENCH_PLUGINS (default 100), BENCH_RATE (default 20 edits/s), BENCH_SECONDS (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -t library-bench.XXXXXX.log)
props="-Dbench.plugins=${BENCH_PLUGINS:-100} -Dbench.rate=${BENCH_RATE:-20} -Dbench.seconds=${BENCH_SECONDS:-20}"
# shellcheck disable=SC2086
./mvnw -B -pl outbox-dispatcher -am verify -Dspotless.check.skip=true -DskipITs \
  -Dtest=LibraryBench -Dsurefire.failIfNoSpecifiedTests=false $props \
  -DargLine="-Xmx1536m $props" >"$log" 2>&1 \
  || { tail -50 "$log"; echo "benchmark run failed; full log: $log" >&2; exit 1; }
grep '^BENCH' "$log" || { echo "no BENCH lines; full log: $log" >&2; exit 1; }
echo "full log: $log"
