#!/usr/bin/env bash
# Measures how fast `plugsync --help` answers (target: under 1 s). Not a test: prints numbers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/plugsync-cli.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl cli -am package)
runs=${RUNS:-10}
total=0; best=999999; worst=0
for _ in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  "$root/plugsync" --help >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  total=$((total + ms)); [ $ms -lt $best ] && best=$ms; [ $ms -gt $worst ] && worst=$ms
done
echo "plugsync --help over $runs runs: mean $((total / runs)) ms, best $best ms, worst $worst ms (target < 1000 ms)"
