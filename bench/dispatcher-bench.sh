#!/usr/bin/env bash
# Outbox dispatcher benchmark (not a test): drain rate vs a raw conditional PutItem loop against the
# same DynamoDB (dynalite) in the same run, and commit -> replica lag at a steady publish rate.
# Runs the dispatcher in-process (a @QuarkusTest) against the embedded engines.
# Options: BENCH_RATE (default 50 publishes/s), BENCH_SECONDS (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -t dispatcher-bench.XXXXXX.log)
./mvnw -B -pl outbox-dispatcher -am verify -Dspotless.check.skip=true -DskipITs \
  -Dtest=DispatcherBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rate="${BENCH_RATE:-50}" -Dbench.seconds="${BENCH_SECONDS:-30}" \
  -DargLine="-Xmx1536m -Dbench.rate=${BENCH_RATE:-50} -Dbench.seconds=${BENCH_SECONDS:-30}" >"$log" 2>&1 \
  || { tail -50 "$log"; echo "benchmark run failed; full log: $log" >&2; exit 1; }
grep '^BENCH' "$log" || { echo "no BENCH lines; full log: $log" >&2; exit 1; }
echo "full log: $log"
