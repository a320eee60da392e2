#!/usr/bin/env bash
# Whole-system gauntlet (not a test; not part of ./mvnw verify): embedded PostgreSQL, DynamoDB
# (dynalite, with a data directory) and ElasticMQ started once, two replicas each of config-api,
# connector-ingest and outbox-dispatcher from their packaged jars, a steady load for the given
# minutes (publish races on 50 connectors, draft writes from every writer kind, signed GitHub
# webhook deliveries with replays and forgeries against a WireMock GitHub, library writes, replica
# reads through DynamoConfigStore) while faults are injected on a printed schedule; then verified
# against PostgreSQL and the replica, ending with one table. Exit status 1 when an invariant broke.
#
#   bench/gauntlet.sh [minutes] [--smoke] [--seed N]    default 10 minutes; --smoke: 3 faults
#
# Knobs (environment): GAUNTLET_SKIP_BUILD=1 reuses the packaged jars; GAUNTLET_OPTS passes JVM
# options to the harness (e.g. -Dgauntlet.publish-rounds=5, see Gauntlet.java). Output is also
# written to gauntlet/target/gauntlet-<time>.txt; service logs to gauntlet/target/run/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=10
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9.]+$ ]]; then minutes=$1; shift; fi
if [ -z "${GAUNTLET_SKIP_BUILD:-}" ]; then
  log=$(mktemp -t gauntlet-build.XXXXXX.log)
  echo "building the services and the harness (log: $log) ..."
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    -pl config-api,connector-ingest,outbox-dispatcher,gauntlet -am >"$log" 2>&1 \
    || { tail -40 "$log"; echo "build failed; full log: $log" >&2; exit 1; }
fi
cp="gauntlet/target/classes:$(cat gauntlet/target/classpath.txt)"
out="gauntlet/target/gauntlet-$(date +%Y%m%d-%H%M%S).txt"
set +e
# shellcheck disable=SC2086
java -Xmx768m -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dplugsync.dynalite.dir="$PWD/embedded-engines/node" ${GAUNTLET_OPTS:-} \
  -cp "$cp" io.plugsync.gauntlet.Gauntlet --root "$PWD" "$minutes" "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo "output: $out"
exit "$status"
