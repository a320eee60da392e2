#!/usr/bin/env bash
# Publish throughput benchmark (not a test). Starts the embedded engines and config-api in a test
# JVM, runs 16 concurrent publishers on distinct connectors (PUT /config?publish=true: draft
# replace + publish in one transaction) for BENCH_SECONDS, then pgbench TPC-B (-i -s 1, 16 clients)
# on the same PostgreSQL, and prints publishes/s, pgbench TPS, their ratio and the cost of the
# base_version check. Usage: bench/publish-bench.sh [seconds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-${BENCH_SECONDS:-20}}
[ -x /usr/bin/pgbench ] || { echo "pgbench not found at /usr/bin/pgbench"; exit 1; }
log=$(mktemp /tmp/publish-bench.XXXXXX.log)
./mvnw -B -pl config-api -am verify -Dspotless.check.skip=true -DskipITs \
  -Dquarkus.http.test-port=0 -Dtest=PublishBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="$seconds" >"$log" 2>&1 || { tail -40 "$log"; echo "benchmark failed; log: $log"; exit 1; }
grep '^BENCH' "$log"
echo "(full log: $log)"
