#!/usr/bin/env bash
# connector-ingest benchmark (not a test): webhook acknowledgement latency p50/p99 under a steady
# load of signed deliveries (default 200/s for 10 s, after a 2 s warm-up) and sync throughput for a
# 5,000-file fake repository (WireMock as GitHub serving real tarballs, embedded PostgreSQL): files/s
# and GitHub requests of the initial sync (one tarball), of 500 and 250 changed files (compare, or the
# tarball when GitHub's 300-file cap is hit) and of a no-op sync, each as a ratio against a baseline
# measured in the same run (raw untar + blob hashing of the same archive in-process). Prints the
# numbers and leaves them in connector-ingest/target/ingest-bench.txt.
# Knobs (environment): BENCH_RATE, BENCH_SECONDS, BENCH_FILES.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl connector-ingest -am verify -Dspotless.check.skip=true -DskipITs \
  -Dtest=IngestBench -Dsurefire.failIfNoSpecifiedTests=false \
  >/tmp/ingest-bench.log 2>&1 || { tail -60 /tmp/ingest-bench.log; exit 1; }
cat connector-ingest/target/ingest-bench.txt
