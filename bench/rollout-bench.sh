#!/usr/bin/env bash
# Rollout propagation benchmark (not a test): 1,000 simulated workers, each with its own
# DynamoConfigStore, poll active(connectorId, workerId) while the dispatcher (in-process, its real
# drain loop, embedded engines) delivers a plain publish and then a rollout's start and one step.
# Prints, per change, how long after the pointer write the affected workers saw their new version
# (p50, p99, visible to all) and the ratio of the step's to the plain pointer's in the same run.
# Options: BENCH_WORKERS (default 1000), BENCH_POLL_MS (default 2000: each worker reads its pointer,
# without a pointer cache, 2 s after the previous answer).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -t rollout-bench.XXXXXX.log)
./mvnw -B -pl outbox-dispatcher -am verify -Dspotless.check.skip=true -DskipITs \
  -Dtest=RolloutBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx1536m -Dbench.workers=${BENCH_WORKERS:-1000} -Dbench.poll.ms=${BENCH_POLL_MS:-2000}" >"$log" 2>&1 \
  || { tail -50 "$log"; echo "benchmark run failed; full log: $log" >&2; exit 1; }
grep '^BENCH' "$log" || { echo "no BENCH lines; full log: $log" >&2; exit 1; }
echo "full log: $log"
