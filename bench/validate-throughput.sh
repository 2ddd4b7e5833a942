#!/usr/bin/env bash
# Validation throughput: 10,000 HTTPRoutes (the lesson's combined route, renamed per copy) in one
# validate call, timed in-process against parsing alone, then end to end through the CLI.
# Usage: bench/validate-throughput.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
runs="${2:-11}"
te=bin/traffic-engineer
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$te" canary --name task-api-combined --namespace task-api --gateway task-api-gateway \
  --stable-service task-api-stable --canary-service task-api-canary --port 8000 \
  --canary-weight 10 --path-prefix /api/ --protect-header x-api-tier=premium \
  > "$work/one.yaml" 2>/dev/null
for ((i = 0; i < count; i++)); do
  echo "---"
  sed "s/name: task-api-combined/name: task-api-combined-$i/" "$work/one.yaml"
done > "$work/routes.yaml"

echo "== in-process (one JVM, $runs runs; first run is cold)"
java -Xlog:disable -cp target/traffic-engineer.jar bench/ValidateThroughput.java "$work/routes.yaml" "$runs"

echo "== end to end: traffic-engineer validate -f routes.yaml (new JVM each time, median of 5)"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$te" validate -f "$work/routes.yaml" -o json > /dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | xargs printf 'median %s ms\n'
